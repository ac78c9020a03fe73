package fragments_test

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/tasks"
)

// A fragment of your own: a constructor that returns fragments.New.
func ExampleNew() {
	stack := newStack()
	fn := awslambda.Function_FromFunctionName(stack, jsii.String("Resize"), jsii.String("resize"))
	newResize := func(scope constructs.Construct, id string) *fragments.Fragment {
		return fragments.New(scope, jsii.String(id), func(scope constructs.Construct) sfn.IChainable {
			resize := tasks.NewLambdaInvoke(scope, jsii.String(id+" Resize"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
			return resize.Next(sfn.NewPass(scope, jsii.String(id+" Done"), nil))
		})
	}
	small, large := newResize(stack, "Small"), newResize(stack, "Large")
	sfn.NewStateMachine(stack, jsii.String("Images"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(small.Enclose(nil, jsii.String("$.small"), nil).Next(large.ToSingleState(nil))),
	})
	printStates(stack)
	// Output:
	// Large (Parallel)
	// Small Enclosure (Parallel)
	// Small Enclosure Post (Pass)
}

func ExampleNewTaskWithPrePostStatus() {
	stack := newStack()
	ingest := tasks.NewLambdaInvoke(stack, jsii.String("Ingest"), &tasks.LambdaInvokeProps{
		LambdaFunction: awslambda.Function_FromFunctionName(stack, jsii.String("IngestFn"), jsii.String("ingest")),
	})
	status := awslambda.Function_FromFunctionName(stack, jsii.String("StatusFn"), jsii.String("status"))
	markFailed := tasks.NewLambdaInvoke(stack, jsii.String("Mark failed"), &tasks.LambdaInvokeProps{LambdaFunction: status})
	work := fragments.NewTaskWithPrePostStatus(stack, jsii.String("Job"), &fragments.TaskWithPrePostStatusProps{
		Task: ingest, StatusFailed: markFailed,
	})
	work.ToStateMachine(jsii.String("ingest"), &fragments.StateMachineOptions{TracingEnabled: jsii.Bool(true)})
	printStates(stack)
	// Output:
	// Job End (Pass)
	// Job Failed (Fail)
	// Job Run (Parallel)
	// Job Run (Restructure) (Pass)
	// Job Start (Pass)
	// Job Status Failed (Parallel)
}

func ExampleNewErrorNotifier() {
	stack := newStack()
	notifier := fragments.NewErrorNotifier(stack, jsii.String("OnError"), &fragments.ErrorNotifierProps{
		Topic: awssns.NewTopic(stack, jsii.String("Alerts"), nil),
	})
	step := tasks.NewLambdaInvoke(stack, jsii.String("Step"), &tasks.LambdaInvokeProps{
		LambdaFunction: awslambda.Function_FromFunctionName(stack, jsii.String("StepFn"), jsii.String("step")),
	})
	notifier.Attach(step) // or: notifier.Wrap(jsii.String("Work"), anyChainable), to catch once
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(step)})
	printStates(stack)
	// Output:
	// OnError Failed (Fail)
	// OnError Notify (Task)
	// Step (Task)
}

// A Workflow holds its tasks in Go and renders the whole definition in one
// piece: a Choice into two Lambda tasks, one state machine.
func ExampleNewWorkflow() {
	stack := newStack()
	fn := awslambda.Function_FromFunctionName(stack, jsii.String("Fn"), jsii.String("handler"))
	flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
	small := tasks.NewLambdaInvoke(flow, jsii.String("Small"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	large := tasks.NewLambdaInvoke(flow, jsii.String("Large"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	pick := fragments.NewChoice(flow, jsii.String("Size?"), nil).
		When(sfn.Condition_NumberGreaterThan(jsii.String("$.bytes"), jsii.Number(1e6)), large, nil).
		Otherwise(small)
	fragments.NewStateMachine(stack, jsii.String("Machine"), pick, nil)
	printStates(stack)
	// Output:
	// Large (Task)
	// Size? (Choice)
	// Small (Task)
}
