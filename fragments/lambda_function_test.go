package fragments_test

import (
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const greetARN = "arn:aws:lambda:us-east-1:123456789012:function:GreetFn"

func greetMachine(t *testing.T, props *fragments.LambdaFunctionProps) (sfn.StateMachine, map[string]any) {
	stack := newStack()
	p := fragments.LambdaFunctionProps{LambdaFunction: function(stack, "GreetFn")}
	if props != nil {
		p.Payload, p.Qualifier, p.TaskTimeout = props.Payload, props.Qualifier, props.TaskTimeout
	}
	frag := fragments.NewLambdaFunction(stack, jsii.String("Greet"), &p)
	after := sfn.NewPass(stack, jsii.String("After"), &sfn.PassProps{Parameters: &map[string]interface{}{"after.$": "$"}})
	sm, tpl := machine(t, stack, frag.Next(after))
	integ.Validate(t, stack)
	return sm, tpl
}

func TestLambdaFunctionGolden(t *testing.T) {
	_, tpl := greetMachine(t, &fragments.LambdaFunctionProps{
		Payload: tasks.TaskInput_FromObject(map[string]any{"name": tasks.Path("$.who")}),
	})
	cdktest.Golden(t, "lambda_function", cdktest.Definition(t, tpl))
}

func TestLambdaFunctionIAM(t *testing.T) {
	_, tpl := greetMachine(t, nil)
	assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, greetARN)}, cdktest.RoleStatements(t, tpl))
	_, tpl = greetMachine(t, &fragments.LambdaFunctionProps{Qualifier: jsii.String("live")})
	assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, greetARN+":live")}, cdktest.RoleStatements(t, tpl))
}

// The output is the function's payload, read from the real lambda:invoke
// response shape, after Lambda's transient errors are retried.
func TestLambdaFunctionSucceeds(t *testing.T) {
	sm, _ := greetMachine(t, &fragments.LambdaFunctionProps{
		Payload: tasks.TaskInput_FromObject(map[string]any{"name": tasks.Path("$.who")}),
	})
	stack := sm.Stack()
	res := integ.Run(t, stack, sm, map[string]any{"who": "world"}, integ.Mocks{
		"Greet": integ.Sequence(integ.Fail("Lambda.ServiceException", "busy"), echoLambda),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, 1, res.Retries("Greet"))
	assert.Equal(t, map[string]any{"after": map[string]any{"echo": map[string]any{"name": "world"}}}, res.Output)
}

// A failure fails the execution with the function's own Error and Cause.
func TestLambdaFunctionFails(t *testing.T) {
	sm, _ := greetMachine(t, nil)
	res := integ.Run(t, sm.Stack(), sm, map[string]any{}, integ.Mocks{
		"Greet": integ.Fail("ValueError", `{"errorMessage": "no name"}`),
	})
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "ValueError", res.Error)
	assert.Equal(t, `{"errorMessage": "no name"}`, res.Cause)
	assert.True(t, res.Caught("Greet"))
	assert.Equal(t, []string{"Greet", "Greet Failed"}, res.Path())
}

func TestLambdaFunctionErrors(t *testing.T) {
	stack := newStack()
	msg := validationError(t, func() { fragments.NewLambdaFunction(stack, jsii.String("Greet"), nil) })
	assert.Contains(t, msg, `LambdaFunction "Test/Greet"`)
	assert.Contains(t, msg, "LambdaFunction: required")
}
