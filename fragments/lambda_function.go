package fragments

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/tasks"
)

// LambdaFunctionProps: the function and what to send it.
type LambdaFunctionProps struct {
	// LambdaFunction to invoke. Required. The state machine's role may
	// invoke it and nothing else.
	LambdaFunction awslambda.IFunction
	// Payload sent to the function. Default: the state's input.
	Payload sfn.TaskInput
	// Qualifier is a version or alias, literal or dynamic (tasks.StringAt).
	Qualifier *string
	// TaskTimeout bounds one invocation (sfn.Timeout_Duration, Timeout_At).
	TaskTimeout sfn.Timeout
}

// NewLambdaFunction invokes a Lambda function (lambda:invoke, with the
// default retries on Lambda's transient errors) and outputs the function's
// payload:
//
//	Task "<id>" OutputPath $.Payload, Retry (Lambda.ServiceException, … 2 s × 6, backoff 2)
//	    Catch States.ALL → Fail "<id> Failed" (ErrorPath $.Error, CausePath $.Cause)
//
// On failure the execution fails with the function's own Error and Cause.
func NewLambdaFunction(scope constructs.Construct, id *string, props *LambdaFunctionProps) *Fragment {
	p := LambdaFunctionProps{}
	if props != nil {
		p = *props
	}
	if p.LambdaFunction == nil || id == nil || *id == "" {
		var problems []error
		if p.LambdaFunction == nil {
			problems = append(problems, fmt.Errorf("LambdaFunction: required: the function to invoke"))
		}
		if id == nil || *id == "" {
			problems = append(problems, fmt.Errorf("id: required: it names the states"))
		}
		panic(&engine.ValidationError{Construct: "LambdaFunction", Path: pathOf(scope, id), Problems: problems})
	}
	name := *id
	return New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		invoke := tasks.NewLambdaInvoke(scope, jsii.String(name), &tasks.LambdaInvokeProps{
			LambdaFunction: p.LambdaFunction,
			Payload:        p.Payload,
			Qualifier:      p.Qualifier,
			TaskTimeout:    p.TaskTimeout,
			// The lambda:invoke response ({StatusCode, Payload, …}) is what
			// AWS returns and what tests mock; the payload is the output.
			OutputPath: jsii.String("$.Payload"),
		})
		invoke.AddCatch(failWithCaughtError(scope, name+" Failed"), &sfn.CatchProps{Errors: jsii.Strings("States.ALL")})
		return invoke
	})
}

// failWithCaughtError is a Fail state that fails the execution with the
// Error and Cause a Catch (ResultPath "$") passed on.
func failWithCaughtError(scope constructs.Construct, id string) sfn.Fail {
	return sfn.NewFail(scope, jsii.String(id), &sfn.FailProps{ErrorPath: jsii.String("$.Error"), CausePath: jsii.String("$.Cause")})
}
