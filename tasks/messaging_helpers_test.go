package tasks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
)

// machines puts each chainable in a state machine of its own, "M<i>", in
// one stack, so that a table synthesizes once.
func machines(t *testing.T, stack awscdk.Stack, starts ...sfn.IChainable) map[string]any {
	t.Helper()
	for i, start := range starts {
		sfn.NewStateMachine(stack, jsii.String(fmt.Sprintf("M%d", i)), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(start)})
	}
	return cdktest.Template(t, stack)
}

// machineStatements are the statements of state machine "M<i>"'s role only.
func machineStatements(t *testing.T, template map[string]any, i int) []map[string]any {
	t.Helper()
	var role string
	for id, m := range cdktest.Resources(template, "AWS::StepFunctions::StateMachine") {
		if isConstruct(id, fmt.Sprintf("M%d", i)) {
			getAtt := m["Properties"].(map[string]any)["RoleArn"].(map[string]any)["Fn::GetAtt"].([]any)
			role = getAtt[0].(string)
		}
	}
	require.NotEmpty(t, role, "no state machine M%d", i)
	policies := map[string]any{}
	for id, p := range cdktest.Resources(template, "AWS::IAM::Policy") {
		for _, r := range p["Properties"].(map[string]any)["Roles"].([]any) {
			if ref, _ := r.(map[string]any)["Ref"].(string); ref == role {
				policies[id] = p
			}
		}
	}
	return cdktest.RoleStatements(t, map[string]any{"Resources": policies})
}

// stateOf is the state name of the state machine whose construct id is machineID.
func stateOf(t *testing.T, template map[string]any, machineID, name string) map[string]any {
	t.Helper()
	for id, m := range cdktest.Resources(template, "AWS::StepFunctions::StateMachine") {
		if isConstruct(id, machineID) {
			one := map[string]any{"Resources": map[string]any{id: m}}
			if s := findState(cdktest.Definition(t, one), name); s != nil {
				return s
			}
		}
	}
	t.Fatalf("no state %q in %s", name, machineID)
	return nil
}

// isConstruct: a logical ID is the construct id and an 8-character hash.
func isConstruct(logicalID, id string) bool {
	return strings.HasPrefix(logicalID, id) && len(logicalID) == len(id)+8
}
