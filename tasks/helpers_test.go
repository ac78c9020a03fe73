package tasks_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// machine wraps a chainable in a state machine and returns the template.
func machine(t *testing.T, stack awscdk.Stack, start sfn.IChainable) map[string]any {
	t.Helper()
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(start)})
	return cdktest.Template(t, stack)
}

// state returns one state of the resolved definition, searching branches.
func state(t *testing.T, template map[string]any, name string) map[string]any {
	t.Helper()
	if s := findState(cdktest.Definition(t, template), name); s != nil {
		return s
	}
	t.Fatalf("no state %q in the definition", name)
	return nil
}

func findState(def map[string]any, name string) map[string]any {
	states, _ := def["States"].(map[string]any)
	if s, ok := states[name].(map[string]any); ok {
		return s
	}
	for _, s := range states {
		st := s.(map[string]any)
		var graphs []any
		if b, ok := st["Branches"].([]any); ok {
			graphs = append(graphs, b...)
		}
		for _, k := range []string{"ItemProcessor", "Iterator"} {
			if g, ok := st[k]; ok {
				graphs = append(graphs, g)
			}
		}
		for _, g := range graphs {
			if found := findState(g.(map[string]any), name); found != nil {
				return found
			}
		}
	}
	return nil
}

func function(stack awscdk.Stack, name string) awslambda.IFunction {
	if existing, ok := stack.Node().TryFindChild(jsii.String(name)).(awslambda.IFunction); ok {
		return existing
	}
	return awslambda.Function_FromFunctionName(stack, jsii.String(name), jsii.String(name))
}

// validationError runs a constructor expected to panic with a ValidationError.
func validationError(t *testing.T, build func()) string {
	t.Helper()
	err := cdktest.Catch(build)
	require.Error(t, err, "the constructor accepted invalid props")
	var ve *tasks.ValidationError
	require.True(t, errors.As(err, &ve), "want a *tasks.ValidationError, got %T: %v", err, err)
	return ve.Error()
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

func stmt(actions []string, resources ...string) map[string]any {
	return map[string]any{"Action": actions, "Effect": "Allow", "Resource": resources}
}
