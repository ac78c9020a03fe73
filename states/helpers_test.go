package states_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
)

// machine puts start in the stack's one state machine and synthesizes.
func machine(t *testing.T, stack awscdk.Stack, start sfn.IChainable) map[string]any {
	t.Helper()
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(start)})
	return cdktest.Template(t, stack)
}

// build runs a constructor on a fresh stack and returns the stack with
// the chainable it made in a state machine.
func build(t *testing.T, construct func(stack awscdk.Stack) sfn.IChainable) (awscdk.Stack, map[string]any) {
	t.Helper()
	stack := cdktest.NewStack()
	return stack, machine(t, stack, construct(stack))
}

// validationError runs a constructor expected to panic with a ValidationError.
func validationError(t *testing.T, construct func(stack awscdk.Stack)) string {
	t.Helper()
	stack := cdktest.NewStack()
	err := cdktest.Catch(func() { construct(stack) })
	require.Error(t, err, "the constructor accepted invalid props")
	var ve *states.ValidationError
	require.True(t, errors.As(err, &ve), "want a *states.ValidationError, got %T: %v", err, err)
	return ve.Error()
}

// assertStatements compares the role's statements with want, in any order.
func assertStatements(t *testing.T, want []map[string]any, template map[string]any) {
	t.Helper()
	assert.Equal(t, cdktest.SortedStatements(append([]map[string]any(nil), want...)), cdktest.SortedStatements(cdktest.RoleStatements(t, template)))
}

// Stack-relative ARN text as cdktest flattens it.
const (
	partition = "${AWS::Partition}"
	region    = "${AWS::Region}"
	account   = "${AWS::AccountId}"
)

func arn(service, resource string) string {
	return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource
}

func s3arn(resource string) string { return "arn:" + partition + ":s3:::" + resource }

func stmt(actions []string, resources ...string) map[string]any {
	return map[string]any{"Action": actions, "Effect": "Allow", "Resource": resources}
}

func str(s string) *string { return jsii.String(s) }
