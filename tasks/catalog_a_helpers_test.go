package tasks_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

// sameInWorkflow builds a chain twice, in a stack (the CDK path) and in a
// fragments.Workflow rendered by fragments.NewStateMachine (the Go path),
// and requires the same definition and the same statements on the state
// machine's role. build puts what the tasks need (buckets, roles) in the
// stack, and the tasks in scope.
func sameInWorkflow(t *testing.T, build func(stack awscdk.Stack, scope constructs.Construct) sfn.IChainable) {
	t.Helper()
	cdkStack := cdktest.NewStack()
	sfn.NewStateMachine(cdkStack, jsii.String("M0"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(build(cdkStack, cdkStack))})
	cdkTpl := cdktest.Template(t, cdkStack)

	goStack := cdktest.NewStack()
	flow := fragments.NewWorkflow(goStack, jsii.String("Flow"))
	fragments.NewStateMachine(goStack, jsii.String("M0"), build(goStack, flow), nil)
	goTpl := cdktest.Template(t, goStack)

	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, goTpl), "definition")
	assert.Equal(t, cdktest.SortedStatements(machineStatements(t, cdkTpl, 0)), cdktest.SortedStatements(machineStatements(t, goTpl, 0)), "role statements")
}

// passRoleAny is iam:PassRole on every role of the account, only to service.
func passRoleAny(service string) map[string]any {
	return passRoleTo(service, "arn:"+partition+":iam::"+account+":role/*")
}

// roundTrip is x as encoding/json decodes it (numbers float64, maps of any).
func roundTrip(x any) any {
	raw, err := json.Marshal(x)
	if err != nil {
		panic(err)
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		panic(err)
	}
	return out
}

// flatConditions is a statement's Condition with each value as text.
func flatConditions(c any) map[string]map[string]string {
	out := map[string]map[string]string{}
	for op, keys := range c.(map[string]any) {
		out[op] = map[string]string{}
		for k, v := range keys.(map[string]any) {
			out[op][k] = cdktest.Flatten(v)
		}
	}
	return out
}
