package fragments

import (
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// BatchInvokedExecutorProps: an executor of the image's run_cli_executor
// and where its container runs. Every field takes a literal or a dynamic
// value.
type BatchInvokedExecutorProps struct {
	BatchJobProps
	// Name is the base name of the jobs and job definitions. Required.
	Name *string
	// Executor is the executor's import path, given to run_cli_executor
	// as --executor. Required.
	Executor *string
	// PayloadPath selects the request sent to the executor. Default: "$".
	PayloadPath *string
}

// NewBatchInvokedExecutor is NewBatchInvokedLambdaFunction for images that
// run an executor from the command line: the same states and IAM, with the
// container's command
//
//	["run_cli_executor", "--executor", <Executor>, "--input", s3://<request>, "--output-location", s3://<response>]
//
// built with States.Array, so that every item may be dynamic.
func NewBatchInvokedExecutor(scope constructs.Construct, id *string, props *BatchInvokedExecutorProps) *Fragment {
	p := BatchInvokedExecutorProps{}
	if props != nil {
		p = *props
	}
	c := newChecker("BatchInvokedExecutor", scope, id)
	b := newBatchInvoked(c, p.BatchJobProps, p.PayloadPath)
	name := b.capture("Name", c.required("Name", p.Name, "the base name of the jobs and job definitions"))
	executor := b.capture("Executor", c.required("Executor", p.Executor, "the executor's import path (run_cli_executor --executor)"))
	command := value.NewList(value.Lit("run_cli_executor"), value.Lit("--executor"), executor,
		value.Lit("--input"), b.requestURI(), value.Lit("--output-location"), b.responseURI())
	return b.fragment(scope, id, batchInvocation{name: name, command: command, environment: b.environment(nil)})
}
