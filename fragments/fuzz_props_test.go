package fragments_test

import (
	"testing"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/internal/propsfuzz"
)

// TestPropsFuzzer builds every fragments constructor that takes props with
// generated ones (see tasks' TestPropsFuzzer).
func TestPropsFuzzer(t *testing.T) {
	propsfuzz.Run(t, "fragments", map[string]any{
		"DataSync": fragments.NewDataSync, "DistributedDataSync": fragments.NewDistributedDataSync,
		"CleanFileSystem": fragments.NewCleanFileSystem, "BatchInvokedExecutor": fragments.NewBatchInvokedExecutor,
		"BatchInvokedLambdaFunction": fragments.NewBatchInvokedLambdaFunction, "DemandExecution": fragments.NewDemandExecution,
		"ErrorNotifier": fragments.NewErrorNotifier, "LambdaFunction": fragments.NewLambdaFunction,
		"SubmitJob": fragments.NewSubmitJob, "TaskWithPrePostStatus": fragments.NewTaskWithPrePostStatus,
		"Choice": fragments.NewChoice, "Parallel": fragments.NewParallel, "Pass": fragments.NewPass,
	}, propsfuzz.OptionsFromEnv(2))
}
