package integ_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
)

// newStack returns a fresh app's stack (one app per check: aspects and
// synthesis are per app), synthesized into a temporary directory.
func newStack(t *testing.T) awscdk.Stack {
	t.Helper()
	app := awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false), Outdir: jsii.String(t.TempDir())})
	return awscdk.NewStack(app, jsii.String("Test"), &awscdk.StackProps{
		Synthesizer: awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{
			GenerateBootstrapVersionRule: jsii.Bool(false),
		}),
	})
}

// stateJSON decodes a JSON object for sfn.NewCustomState.
func stateJSON(t *testing.T, s string) *map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("bad state JSON %s: %v", s, err)
	}
	return &m
}

// machine adds a state machine whose definition starts at start.
func machine(stack awscdk.Stack, id string, start sfn.IChainable) sfn.StateMachine {
	return sfn.NewStateMachine(stack, jsii.String(id), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(start),
	})
}

// lambdaInvoke is a Task state calling fn with the optimized integration, as
// a CustomState (no dependency on sfnkit's tasks package).
func lambdaInvoke(t *testing.T, stack awscdk.Stack, name string, fn awslambda.IFunction, extra map[string]any) sfn.CustomState {
	t.Helper()
	state := map[string]any{
		"Type":     "Task",
		"Resource": "arn:aws:states:::lambda:invoke",
		"Parameters": map[string]any{
			"FunctionName": fn.FunctionArn(),
			"Payload.$":    "$",
		},
	}
	for k, v := range extra {
		state[k] = v
	}
	return sfn.NewCustomState(stack, jsii.String(name), &sfn.CustomStateProps{StateJson: &state})
}

func inlineFunction(stack awscdk.Stack, id string) awslambda.Function {
	return awslambda.NewFunction(stack, jsii.String(id), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_24_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String("exports.handler = async (e) => e;")),
	})
}

// lambdaStack: Invoke (retry on Lambda.ServiceException, catch States.ALL →
// Recover) → Read ($.Payload.x) → Done. The state machine may invoke fn.
func lambdaStack(t *testing.T) (awscdk.Stack, sfn.StateMachine) {
	t.Helper()
	stack := newStack(t)
	fn := inlineFunction(stack, "Fn")
	invoke := lambdaInvoke(t, stack, "Invoke", fn, nil)
	invoke.AddRetry(&sfn.RetryProps{
		Errors:      jsii.Strings("Lambda.ServiceException"),
		MaxAttempts: jsii.Number(2),
		Interval:    awscdk.Duration_Seconds(jsii.Number(30)),
	})
	recover := sfn.NewPass(stack, jsii.String("Recover"), &sfn.PassProps{})
	invoke.AddCatch(recover, &sfn.CatchProps{Errors: jsii.Strings("States.ALL"), ResultPath: jsii.String("$.error")})
	read := sfn.NewPass(stack, jsii.String("Read"), &sfn.PassProps{
		Parameters: &map[string]any{"x.$": "$.Payload.x", "execution.$": "$$.Execution.Name"},
	})
	done := sfn.NewSucceed(stack, jsii.String("Done"), nil)
	sm := machine(stack, "Machine", invoke.Next(read).Next(done))
	fn.GrantInvoke(sm)
	return stack, sm
}

// addPolicy attaches a statement to a new role in the stack.
func addPolicy(stack awscdk.Stack, id string, actions []string, resources []string) awsiam.Role {
	role := awsiam.NewRole(stack, jsii.String(id), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil),
	})
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings(actions...),
		Resources: jsii.Strings(resources...),
	}))
	return role
}
