package integ_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/integ"
)

// How a test of a workflow uses the package. buildOrderStack stands for the
// code under test: it returns a stack and the state machine in it, whose
// Task "Charge" calls a Lambda function with lambda:invoke and retries
// Lambda.ServiceException.
func Example() {
	var t *testing.T // the test's *testing.T
	var buildOrderStack func() (awscdk.Stack, sfn.StateMachine)

	// cdk-nag first, on its own stack: no unsuppressed wildcard permissions.
	stack, _ := buildOrderStack()
	integ.Nag(t, stack)

	stack, sm := buildOrderStack()
	integ.Validate(t, stack) // asl-validator on every definition

	res := integ.Run(t, stack, sm, map[string]any{"orderId": "o-1"}, integ.Mocks{
		// Fail twice, then answer like lambda:invoke does.
		"Charge": integ.Sequence(
			integ.Fail("Lambda.ServiceException", "throttled"),
			integ.Fail("Lambda.ServiceException", "throttled"),
			integ.LambdaResponse(map[string]any{"charged": true}),
		),
	})
	if !res.Succeeded() || res.Retries("Charge") != 2 {
		t.Fatalf("got %s %s: %s\n%s", res.Status, res.Error, res.Cause, res.History())
	}
}
