package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	jobsQueueARN = "arn:aws:sqs:eu-west-1:111122223333:jobs"
	jobsQueueURL = "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs"
)

func jobsQueue(stack awscdk.Stack) awssqs.IQueue {
	if q, ok := stack.Node().TryFindChild(jsii.String("Jobs")).(awssqs.IQueue); ok {
		return q
	}
	return awssqs.Queue_FromQueueArn(stack, jsii.String("Jobs"), jsii.String(jobsQueueARN))
}

func TestSqsSendMessageRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewSqsSendMessage(stack, jsii.String("Send"), &tasks.SqsSendMessageProps{Queue: jobsQueue(stack),
		MessageBody: tasks.TaskInput_FromJsonPathAt("$.message"), Delay: awscdk.Duration_Minutes(jsii.Number(2)),
		ResultPath: jsii.String(tasks.Discard)})
	cb := tasks.NewSqsSendMessage(stack, jsii.String("Send And Wait"), &tasks.SqsSendMessageProps{
		QueueUrl:           tasks.StringAt("$.queue"),
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
		MessageBody:        tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token"), "id": tasks.Path("$.id")}),
		Delay:              tasks.DurationAt("$.delay"),
		MessageGroupId:     tasks.StringAt("$$.Execution.Name"), MessageDeduplicationId: jsii.String("once")})
	run := tasks.NewSqsSendMessage(stack, jsii.String("Send Run"), &tasks.SqsSendMessageProps{QueueUrl: tasks.StringAt("$.queue"),
		MessageBody: tasks.TaskInput_FromObject(map[string]any{"id": tasks.Path("$.id")}), Delay: awscdk.Duration_Seconds(jsii.Number(0)), ResultPath: jsii.String("$.sent")})
	runMachine := sfn.NewStateMachine(stack, jsii.String("Run"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(run)})
	tpl := machine(t, stack, rr.Next(cb))

	res := "arn:" + partition + ":states:::sqs:sendMessage"
	got := stateOf(t, tpl, "Machine", "Send")
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res, "Next": "Send And Wait", "ResultPath": nil,
		"Parameters": map[string]any{"QueueUrl": got["Parameters"].(map[string]any)["QueueUrl"], "MessageBody.$": "$.message", "DelaySeconds": 120.0}}, got)
	assert.Contains(t, got["Parameters"].(map[string]any)["QueueUrl"], "/111122223333/jobs")
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".waitForTaskToken", "End": true,
		"Parameters": map[string]any{"QueueUrl.$": "$.queue", "DelaySeconds.$": "$.delay",
			"MessageBody":      map[string]any{"token.$": "$$.Task.Token", "id.$": "$.id"},
			"MessageGroupId.$": "$$.Execution.Name", "MessageDeduplicationId": "once"}}, stateOf(t, tpl, "Machine", "Send And Wait"))
	integ.Validate(t, stack)

	var sent any
	result := integ.Run(t, stack, runMachine, map[string]any{"queue": jobsQueueURL, "id": 7}, integ.Mocks{
		"Send Run": integ.Func(func(input any) (any, error) { sent = input; return integ.SQSSendMessageResponse("m-1"), nil })})
	assert.True(t, result.Succeeded(), result.History())
	assert.Equal(t, map[string]any{"QueueUrl": jobsQueueURL, "MessageBody": map[string]any{"id": 7.0}, "DelaySeconds": 0.0}, sent)
	assert.Equal(t, "m-1", result.Output.(map[string]any)["sent"].(map[string]any)["MessageId"])
}

func TestSqsSendMessageJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSqsSendMessage(stack, jsii.String("Send"), &tasks.SqsSendMessageProps{QueueUrl: jsii.String(jobsQueueURL),
		QueryLanguage: sfn.QueryLanguage_JSONATA, MessageBody: tasks.TaskInput_FromText("{% $states.input.message %}"),
		Delay: tasks.DurationAt("{% $states.input.delay %}")})
	assert.Equal(t, map[string]any{"QueueUrl": jobsQueueURL, "MessageBody": "{% $states.input.message %}", "DelaySeconds": "{% $states.input.delay %}"},
		state(t, machine(t, stack, task), "Send")["Arguments"])
}

func TestSqsSendMessageIAM(t *testing.T) {
	send := []string{"sqs:SendMessage"}
	kms := []string{"kms:Decrypt", "kms:GenerateDataKey*"}
	token := tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})
	stack := cdktest.NewStack()
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	encrypted := awssqs.NewQueue(stack, jsii.String("Encrypted"), &awssqs.QueueProps{Encryption: awssqs.QueueEncryption_KMS, EncryptionMasterKey: key})
	tests := []struct {
		name  string
		props tasks.SqsSendMessageProps
		want  []map[string]any
	}{
		{"request response", tasks.SqsSendMessageProps{Queue: jobsQueue(stack)}, []map[string]any{stmt(send, jobsQueueARN)}},
		{"callback", tasks.SqsSendMessageProps{Queue: jobsQueue(stack), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN},
			[]map[string]any{stmt(send, jobsQueueARN)}},
		{"literal URL: its ARN", tasks.SqsSendMessageProps{QueueUrl: jsii.String(jobsQueueURL)},
			[]map[string]any{stmt(send, "arn:"+partition+":sqs:eu-west-1:111122223333:jobs")}},
		{"dynamic request response", tasks.SqsSendMessageProps{QueueUrl: tasks.StringAt("$.queue")}, []map[string]any{stmt(send, arn("sqs", "*"))}},
		{"dynamic callback", tasks.SqsSendMessageProps{QueueUrl: tasks.StringAt("$.queue"), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN},
			[]map[string]any{stmt(send, arn("sqs", "*"))}},
		{"encrypted queue: its key", tasks.SqsSendMessageProps{Queue: encrypted},
			[]map[string]any{stmt(send, "${Encrypted084288C2.Arn}"), stmt(kms, "${Key961B73FD.Arn}")}},
	}
	var starts []sfn.IChainable
	for _, tt := range tests {
		tt.props.MessageBody = token
		starts = append(starts, tasks.NewSqsSendMessage(stack, jsii.String(tt.name), &tt.props))
	}
	tpl := machines(t, stack, starts...)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(machineStatements(t, tpl, i)))
		})
	}
}

func TestSqsSendMessageErrors(t *testing.T) {
	stack := cdktest.NewStack()
	fifo := awssqs.Queue_FromQueueArn(stack, jsii.String("Fifo"), jsii.String(jobsQueueARN+".fifo"))
	ownedFifo := awssqs.NewQueue(stack, jsii.String("OwnedFifo"), &awssqs.QueueProps{Fifo: jsii.Bool(true)})
	body := tasks.TaskInput_FromText("hi")
	tests := []struct {
		name  string
		props *tasks.SqsSendMessageProps
		want  string
	}{
		{"no queue", &tasks.SqsSendMessageProps{MessageBody: body}, "Queue: required"},
		{"queue twice", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), QueueUrl: jsii.String(jobsQueueURL), MessageBody: body},
			"Queue: give Queue or QueueUrl, not both"},
		{"no body", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack)}, "MessageBody: required"},
		{"callback without the token", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), MessageBody: body,
			IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}, "MessageBody: integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"run job", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), MessageBody: body, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB},
			"IntegrationPattern: RUN_JOB is not supported by sqs:sendMessage; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
		{"delay too long", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), MessageBody: body, Delay: awscdk.Duration_Minutes(jsii.Number(16))},
			"Delay: must be 0 to 900 seconds (or dynamic), got 960"},
		{"delay not whole seconds", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), MessageBody: body, Delay: awscdk.Duration_Millis(jsii.Number(1500))},
			"Delay: 1 second 500 millis is not a whole number of seconds"},
		{"delay on a FIFO queue", &tasks.SqsSendMessageProps{Queue: fifo, MessageBody: body, Delay: awscdk.Duration_Seconds(jsii.Number(5)), MessageGroupId: jsii.String("g")},
			"Delay: FIFO queues take no per-message delay"},
		{"FIFO queue without a group", &tasks.SqsSendMessageProps{Queue: fifo, MessageBody: body}, "MessageGroupId: required: the queue is a FIFO queue"},
		{"FIFO queue of the app (a token ARN) without a group", &tasks.SqsSendMessageProps{Queue: ownedFifo, MessageBody: body},
			"MessageGroupId: required: the queue is a FIFO queue"},
		{"deduplication id too long", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), MessageBody: body, MessageDeduplicationId: jsii.String(strings.Repeat("x", 129))},
			"MessageDeduplicationId: must be 1 to 128 characters, got 129"},
		{"empty group id", &tasks.SqsSendMessageProps{Queue: jobsQueue(stack), MessageBody: body, MessageGroupId: jsii.String("")},
			"MessageGroupId: must be 1 to 128 characters, got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, func() { tasks.NewSqsSendMessage(stack, jsii.String(tt.name), tt.props) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
