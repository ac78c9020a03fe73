package fragments

import (
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// BatchInvokedLambdaFunctionProps: a Lambda-style handler and where its
// container runs. Every field takes a literal or a dynamic value.
type BatchInvokedLambdaFunctionProps struct {
	BatchJobProps
	// Name of the function (AWS_LAMBDA_FUNCTION_NAME), also the base name
	// of its jobs and job definitions. Required.
	Name *string
	// Handler is the handler's import path (AWS_LAMBDA_FUNCTION_HANDLER),
	// such as "my_pkg.handlers.sync.handler". Required.
	Handler *string
	// PayloadPath selects the event sent to the handler. Default: "$", the
	// whole input.
	PayloadPath *string
	// Command of the container: a list (tasks.List for dynamic items) or a
	// path to one. Default: the image's.
	Command interface{}
}

// NewBatchInvokedLambdaFunction runs a Lambda-style handler as an AWS Batch
// job, for work beyond Lambda's limits, and outputs the handler's response:
//
//	Pass "<id> Start"               TaskId = States.UUID(), the payload, the dynamic props
//	PutPayload "<id> Request"       the payload → s3://<Bucket>/<KeyPrefix>/<execution name>/<TaskId>/request.json
//	SubmitJob "<id> Job" (enclosed) register → submit.sync → deregister (see NewSubmitJob)
//	GetPayload "<id> Response"      .../response.json, parsed: the output
//
// The container gets AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_FUNCTION_HANDLER,
// AWS_LAMBDA_EVENT_PAYLOAD (s3:// of the request) and
// AWS_LAMBDA_EVENT_RESPONSE_LOCATION (s3:// where it writes the response).
// The uploaded request is exactly the payload: the fragment's bookkeeping
// lives beside it. IAM: s3:PutObject and s3:GetObject on
// <Bucket>/<KeyPrefix>/* only; Batch on the queue and job-definition/<Name>-*
// (or the given JobDefinitionArn); iam:PassRole on the job's roles, only to
// AWS Batch; the Batch .sync EventBridge rule. A failed job fails the
// execution with its own error, after the definition is deregistered.
func NewBatchInvokedLambdaFunction(scope constructs.Construct, id *string, props *BatchInvokedLambdaFunctionProps) *Fragment {
	p := BatchInvokedLambdaFunctionProps{}
	if props != nil {
		p = *props
	}
	c := newChecker("BatchInvokedLambdaFunction", scope, id)
	b := newBatchInvoked(c, p.BatchJobProps, p.PayloadPath)
	name := b.capture("Name", c.required("Name", p.Name, "the function's name (AWS_LAMBDA_FUNCTION_NAME), also its jobs' base name"))
	handler := b.capture("Handler", c.required("Handler", p.Handler, "the handler's import path (AWS_LAMBDA_FUNCTION_HANDLER)"))
	command := b.capture("Command", c.value("Command", p.Command))
	run := batchInvocation{name: name, command: command, environment: b.environment(map[string]*value.Value{
		EnvFunctionName: name, EnvFunctionHandler: handler,
		EnvEventPayload: b.requestURI(), EnvResponseLocation: b.responseURI(),
	})}
	return b.fragment(scope, id, run)
}
