package fragments_test

import (
	"strings"
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/fragments"
)

// A workflow rendered in Go is known whole at synth: a read of a variable
// that no earlier state assigns is a warning on the state machine, and an
// assigned one is not.
func TestWorkflowWarnsOfUnassignedVariables(t *testing.T) {
	warnings := func(assign bool) []string {
		stack := newStack()
		flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
		first := &sfn.PassProps{}
		if assign {
			first.Assign = &map[string]interface{}{"total.$": "$.amount"}
		}
		sum := fragments.NewPass(flow, jsii.String("Sum"), &sfn.PassProps{Parameters: &map[string]interface{}{"total.$": "$total"}})
		machine := fragments.NewStateMachine(stack, jsii.String("Machine"),
			fragments.NewPass(flow, jsii.String("Start"), first).Next(sum), &sfn.StateMachineProps{})
		var out []string
		for _, entry := range *machine.Node().Metadata() {
			if *entry.Type == "aws:cdk:warning" {
				out = append(out, entry.Data.(string))
			}
		}
		return out
	}
	got := strings.Join(warnings(false), "\n")
	assert.Contains(t, got, `state "Sum" reads $total in Parameters.total.$, but no state that can run before it assigns total`)
	assert.Contains(t, got, "[ack: @sfnkit/unassigned-variable]")
	assert.Empty(t, warnings(true))
}
