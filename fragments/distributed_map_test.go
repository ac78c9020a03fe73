package fragments_test

import (
	"reflect"
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/fragments"
)

// fragments.DistributedMapProps has every field of sfn.DistributedMapProps
// with the same type, so that a composite literal written for
// sfn.NewDistributedMap compiles with fragments.NewDistributedMap; its one
// field of its own is IamBuckets.
func TestDistributedMapPropsAreTheCDKs(t *testing.T) {
	cdk, ours := reflect.TypeFor[sfn.DistributedMapProps](), reflect.TypeFor[fragments.DistributedMapProps]()
	for i := 0; i < cdk.NumField(); i++ {
		f := cdk.Field(i)
		mine, ok := ours.FieldByName(f.Name)
		if assert.True(t, ok, "field %s missing", f.Name) {
			assert.Equal(t, f.Type, mine.Type, "field %s", f.Name)
		}
	}
	var extra []string
	for i := 0; i < ours.NumField(); i++ {
		if _, ok := cdk.FieldByName(ours.Field(i).Name); !ok {
			extra = append(extra, ours.Field(i).Name)
		}
	}
	assert.Equal(t, []string{"IamBuckets"}, extra)
}

// The CDK fails with a TypeError when a Distributed Map without an item
// processor is rendered; sfnkit names the construct and the missing call.
func TestDistributedMapWithoutItemProcessorIsAValidationError(t *testing.T) {
	stack := newStack()
	spread := fragments.NewDistributedMap(stack, jsii.String("Spread"), &fragments.DistributedMapProps{})
	msg := validationError(t, func() {
		sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(spread)})
	})
	assert.Contains(t, msg, `DistributedMap "Test/Spread"`)
	assert.Contains(t, msg, "ItemProcessor: required")
}

func TestDistributedMapWithoutItemProcessorInAWorkflow(t *testing.T) {
	stack := newStack()
	flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
	spread := fragments.NewDistributedMap(flow, jsii.String("Spread"), &fragments.DistributedMapProps{})
	msg := validationError(t, func() {
		fragments.NewStateMachine(flow, jsii.String("Machine"), spread, &sfn.StateMachineProps{})
	})
	assert.Contains(t, msg, "ItemProcessor: required")
}
