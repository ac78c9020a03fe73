package tasks

import (
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// SqsSendMessageProps mirrors awsstepfunctionstasks.SqsSendMessageProps.
type SqsSendMessageProps struct {
	// Queue receives the message. Give it, or QueueUrl.
	Queue awssqs.IQueue
	// QueueUrl is the queue as a URL, which may be dynamic
	// (tasks.StringAt("$.queue")): IAM then covers every queue of the
	// account and region, and no KMS key (grant an encrypted queue's key
	// yourself). An sfnkit addition.
	QueueUrl *string
	// MessageBody is the message: text, JSON or a value from the input.
	MessageBody sfn.TaskInput
	// Delay before the message becomes visible: whole seconds, 0 to 900,
	// or dynamic (tasks.DurationAt). FIFO queues take no per-message delay.
	Delay awscdk.Duration
	// MessageDeduplicationId (FIFO queues): at most 128 characters.
	MessageDeduplicationId *string
	// MessageGroupId (FIFO queues, required there): at most 128 characters.
	MessageGroupId *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

var sqsSendMessage, _ = iampolicy.Lookup("sqs", "sendMessage")

// SqsSendMessage is the task NewSqsSendMessage returns: a Task, typed as the CDK types it.
type SqsSendMessage interface{ Task }

// NewSqsSendMessage sends a message to an SQS queue
// (arn:…:states:::sqs:sendMessage): REQUEST_RESPONSE (the default) or
// WAIT_FOR_TASK_TOKEN (the token must be in MessageBody). The role may
// send to that queue only, and use its customer managed key.
func NewSqsSendMessage(scope constructs.Construct, id *string, props *SqsSendMessageProps) SqsSendMessage {
	checkProps(scope, id, "SqsSendMessage", props == nil)
	spec := &engine.Spec{Construct: "SqsSendMessage", Integration: sqsSendMessage, ParamsField: "MessageBody"}
	params := map[string]*Value{}
	fifo := false
	switch {
	case props.Queue != nil && props.QueueUrl != nil:
		spec.Problems = append(spec.Problems, fieldProblem("Queue", "give Queue or QueueUrl, not both"))
	case props.Queue != nil:
		params["QueueUrl"] = value.Lit(*engine.Memo(props.Queue, "QueueUrl", props.Queue.QueueUrl))
		queueARN := *engine.Memo(props.Queue, "QueueArn", props.Queue.QueueArn)
		in := *sqsSendMessage
		in.Policy = func(r iampolicy.Request) []iampolicy.Statement {
			return []iampolicy.Statement{iampolicy.SQSSendMessage(r, queueARN)}
		}
		spec.Integration = &in
		if key := props.Queue.EncryptionMasterKey(); key != nil {
			spec.Statements = append(spec.Statements, iampolicy.SQSQueueKey(*key.KeyArn()))
		}
		fifo = fifoName(queueARN, props.Queue.Fifo)
	case props.QueueUrl != nil:
		params["QueueUrl"] = field(spec, "QueueUrl", props.QueueUrl)
	default:
		spec.Problems = append(spec.Problems, fieldProblem("Queue", "required: the queue to send to (or QueueUrl)"))
	}

	if body := field(spec, "MessageBody", props.MessageBody); body != nil {
		params["MessageBody"] = body
	} else {
		spec.Problems = append(spec.Problems, fieldProblem("MessageBody", "required: the message to send (tasks.TaskInput_FromText, tasks.TaskInput_FromObject or tasks.TaskInput_FromJsonPathAt)"))
	}
	if v := durationIn(spec, "Delay", props.Delay, engine.Second); v != nil {
		if n, ok := v.Number(); ok && !v.Dynamic() && (n < 0 || n > 900) {
			spec.Problems = append(spec.Problems, fieldProblem("Delay", "must be 0 to 900 seconds (or dynamic), got %g", n))
		}
		if fifo {
			spec.Problems = append(spec.Problems, fieldProblem("Delay", "FIFO queues take no per-message delay; set the queue's DeliveryDelay instead"))
		}
		params["DelaySeconds"] = v
	}
	messageIDs(spec, params, props.MessageDeduplicationId, props.MessageGroupId)
	if fifo && props.MessageGroupId == nil {
		spec.Problems = append(spec.Problems, fieldProblem("MessageGroupId", "required: the queue is a FIFO queue"))
	}
	spec.Params = value.NewObject(params)
	return newTask(scope, id, props, spec)
}

// messageIDs sets the FIFO MessageDeduplicationId and MessageGroupId that
// are given, checking literal ones: 1 to 128 characters, as SQS and SNS
// require.
func messageIDs(spec *engine.Spec, params map[string]*Value, dedup, group *string) {
	for _, f := range []struct {
		name string
		s    *string
	}{{"MessageDeduplicationId", dedup}, {"MessageGroupId", group}} {
		if v := field(spec, f.name, f.s); v != nil {
			if s, ok := v.String(); ok && !value.IsTokenString(s) && (s == "" || utf8.RuneCountInString(s) > 128) {
				spec.Problems = append(spec.Problems, fieldProblem(f.name, "must be 1 to 128 characters, got %d", utf8.RuneCountInString(s)))
			}
			params[f.name] = v
		}
	}
}

// fifoName tells whether a topic or queue is FIFO from its ARN, as the CDK
// decides it for an imported one (the name ends in .fifo), without a jsii
// call; an ARN that is a token (a resource of the app) asks the resource.
func fifoName(arn string, fifo func() *bool) bool {
	if !value.IsTokenString(arn) {
		return strings.HasSuffix(arn, ".fifo")
	}
	return isTrue(fifo())
}
