package fragments_test

import (
	"errors"
	"sort"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func newStack() awscdk.Stack {
	return awscdk.NewStack(cdktest.NewApp(), jsii.String("Test"), cdktest.StackProps())
}

// machine puts start in a state machine named "Machine" and synthesizes.
func machine(t *testing.T, stack awscdk.Stack, start sfn.IChainable) (sfn.StateMachine, map[string]any) {
	t.Helper()
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(start)})
	return sm, cdktest.Template(t, stack)
}

// listFragment is a fragment of two Pass states whose output is a list, so
// that an extra "[0]" unwrap shows: it would yield "first" instead.
func listFragment(scope constructs.Construct, id string) *fragments.Fragment {
	return fragments.New(scope, jsii.String(id), func(scope constructs.Construct) sfn.IChainable {
		tag := sfn.NewPass(scope, jsii.String("Tag"), &sfn.PassProps{
			Parameters: &map[string]interface{}{"seen.$": "$"},
		})
		list := sfn.NewPass(scope, jsii.String("List"), &sfn.PassProps{
			Parameters: &map[string]interface{}{"items.$": "States.Array('first', $.seen)"},
			OutputPath: jsii.String("$.items"),
		})
		return tag.Next(list)
	})
}

// invokeFragment is a fragment of one sfnkit LambdaInvoke named "<id> Invoke".
func invokeFragment(scope constructs.Construct, id string, fn awslambda.IFunction) *fragments.Fragment {
	return fragments.New(scope, jsii.String(id), func(scope constructs.Construct) sfn.IChainable {
		return tasks.NewLambdaInvoke(scope, jsii.String(id+" Invoke"), &tasks.LambdaInvokeProps{
			LambdaFunction: fn, OutputPath: jsii.String("$.Payload"),
		})
	})
}

// function is an existing function: no role or managed policy of its own
// in the template, so that the state machine's are the only IAM there.
func function(scope constructs.Construct, name string) awslambda.IFunction {
	return awslambda.Function_FromFunctionAttributes(scope, jsii.String(name), &awslambda.FunctionAttributes{
		FunctionArn:     jsii.String("arn:aws:lambda:us-east-1:123456789012:function:" + name),
		SameEnvironment: jsii.Bool(true),
	})
}

// fnARN is a function's ARN as cdktest flattens it.
func fnARN(_ awscdk.Stack, fn awslambda.IFunction) string { return *fn.FunctionArn() }

func stmt(actions []string, resources ...string) map[string]any {
	return map[string]any{"Action": actions, "Effect": "Allow", "Resource": resources}
}

// validationError runs fn, which must panic with a ValidationError, and
// returns its message.
func validationError(t *testing.T, fn func()) string {
	t.Helper()
	err := cdktest.Catch(fn)
	require.Error(t, err, "accepted invalid input")
	var ve *tasks.ValidationError
	require.True(t, errors.As(err, &ve), "want a *tasks.ValidationError, got %T: %v", err, err)
	return ve.Error()
}

// state returns one state of a definition, searching Parallel branches.
func state(def map[string]any, name string) map[string]any {
	states, _ := def["States"].(map[string]any)
	if s, ok := states[name].(map[string]any); ok {
		return s
	}
	for _, s := range states {
		branches, _ := s.(map[string]any)["Branches"].([]any)
		for _, b := range branches {
			if found := state(b.(map[string]any), name); found != nil {
				return found
			}
		}
	}
	return nil
}

// stateNames lists every state name of a definition, branches included.
func stateNames(def map[string]any) []string {
	var names []string
	states, _ := def["States"].(map[string]any)
	for name, s := range states {
		names = append(names, name)
		branches, _ := s.(map[string]any)["Branches"].([]any)
		for _, b := range branches {
			names = append(names, stateNames(b.(map[string]any))...)
		}
	}
	return names
}

// grants lists a template's role statements as "action resource" pairs,
// sorted and unique: the permissions, however the statements are grouped.
func grants(t *testing.T, tpl map[string]any) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, s := range cdktest.RoleStatements(t, tpl) {
		require.Nil(t, s["Condition"], "unexpected condition in %v", s)
		for _, a := range s["Action"].([]string) {
			for _, r := range s["Resource"].([]string) {
				seen[a+" "+r] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for g := range seen {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// echoLambda answers a lambda:invoke with its payload wrapped as {"echo": payload}.
var echoLambda = integ.Func(func(input any) (any, error) {
	return integ.LambdaResponse(map[string]any{"echo": input.(map[string]any)["Payload"]}), nil
})
