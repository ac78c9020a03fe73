package fragments_test

import (
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/internal/propsfuzz"
)

var constructors = map[string]any{
	"DataSync": fragments.NewDataSync, "DistributedDataSync": fragments.NewDistributedDataSync,
	"CleanFileSystem": fragments.NewCleanFileSystem, "BatchInvokedExecutor": fragments.NewBatchInvokedExecutor,
	"BatchInvokedLambdaFunction": fragments.NewBatchInvokedLambdaFunction, "DemandExecution": fragments.NewDemandExecution,
	"ErrorNotifier": fragments.NewErrorNotifier, "LambdaFunction": fragments.NewLambdaFunction,
	"SubmitJob": fragments.NewSubmitJob, "TaskWithPrePostStatus": fragments.NewTaskWithPrePostStatus,
	"Choice": fragments.NewChoice, "Parallel": fragments.NewParallel, "Pass": fragments.NewPass,
	"Map": fragments.NewMap, "Wait": fragments.NewWait, "DistributedMap": fragments.NewDistributedMap,
	// NewStateMachine also takes the definition: a Pass, here.
	"StateMachine": func(scope constructs.Construct, id *string, props *sfn.StateMachineProps) sfn.StateMachine {
		return fragments.NewStateMachine(scope, id, sfn.NewPass(scope, jsii.String(*id+"Pass"), nil), props)
	},
}

// TestPropsFuzzer builds every fragments constructor that takes props with
// generated ones (see tasks' TestPropsFuzzer).
func TestPropsFuzzer(t *testing.T) {
	propsfuzz.Covers(t, ".", constructors)
	propsfuzz.Run(t, "fragments", constructors, propsfuzz.OptionsFromEnv(2))
}
