package fragments

import (
	"fmt"
	"strings"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
)

// TaskWithPrePostStatusProps: the task and its optional hooks. Each hook is
// any chainable (a task, a chain, a fragment) and runs in a Parallel of its
// own, so it may have several states and never changes what the task sees
// unless it is AugmentInput.
type TaskWithPrePostStatusProps struct {
	// Task is the work. It gets the caller's input (as AugmentInput left
	// it); the fragment's output is the Task's output. Required.
	Task sfn.IChainable
	// Name starts the wrapper's state names ("<Name> Start", "<Name> Run",
	// …). Default: the construct id. Give each instance in a state machine
	// its own.
	Name *string

	// AugmentInput receives {"input": <caller's input>, "context": {}} and
	// returns the same shape, filled in; its output replaces both.
	AugmentInput sfn.IChainable
	// StatusStarted and PreRun receive {"input", "context"} before the
	// Task; their output is discarded.
	StatusStarted sfn.IChainable
	PreRun        sfn.IChainable
	// StatusFailed receives {"input", "context", "error": {"Error",
	// "Cause"}} when the Task fails; the execution then fails with the
	// Task's Error and Cause. Its output is discarded.
	StatusFailed sfn.IChainable
	// PostRun and StatusCompleted receive {"input", "context", "result"}
	// after the Task; their output is discarded.
	PostRun         sfn.IChainable
	StatusCompleted sfn.IChainable
}

// NewTaskWithPrePostStatus wraps a task with status and pre/post hooks:
//
//	Pass "<Name> Start" {"input.$": "$", "context": {}}
//	[Parallel "<Name> Augment Input" ResultPath $.input, OutputPath $.input[0]]
//	[Parallel "<Name> Status Started" ResultPath DISCARD]
//	[Parallel "<Name> Pre Run" ResultPath DISCARD]
//	Parallel "<Name> Run" InputPath $.input, ResultPath $.result
//	    Catch States.ALL (ResultPath $.error) → [Parallel "<Name> Status Failed" ResultPath DISCARD] → Fail "<Name> Failed" (the Task's Error and Cause)
//	Pass "<Name> Run (Restructure)" InputPath $.result[0], ResultPath $.result
//	[Parallel "<Name> Post Run" ResultPath DISCARD]
//	[Parallel "<Name> Status Complete" ResultPath DISCARD]
//	Pass "<Name> End" InputPath $.result
//
// The output is the Task's output, and "<Name> End" is the fragment's end
// state, so states chained after it run (the reference's could not be
// chained). Bracketed states exist only with their hook.
func NewTaskWithPrePostStatus(scope constructs.Construct, id *string, props *TaskWithPrePostStatusProps) *Fragment {
	p := TaskWithPrePostStatusProps{}
	if props != nil {
		p = *props
	}
	name := ""
	if id != nil {
		name = *id
	}
	if p.Name != nil {
		name = *p.Name
	}
	var problems []error
	if p.Task == nil {
		problems = append(problems, fmt.Errorf("Task: required: the work to wrap (a task, a chain or a fragment)"))
	}
	if strings.TrimSpace(name) == "" {
		problems = append(problems, fmt.Errorf("Name: must not be empty: it starts every state name"))
	}
	if len(problems) > 0 {
		panic(&engine.ValidationError{Construct: "TaskWithPrePostStatus", Path: pathOf(scope, id), Problems: problems})
	}
	return New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		return buildTaskWithPrePostStatus(scope, name, p)
	})
}

func buildTaskWithPrePostStatus(scope constructs.Construct, name string, p TaskWithPrePostStatusProps) sfn.IChainable {
	hook := func(suffix string, body sfn.IChainable, props *sfn.ParallelProps) sfn.Parallel {
		parallel := sfn.NewParallel(scope, jsii.String(name+" "+suffix), props)
		parallel.Branch(body)
		return parallel
	}
	discard := func() *sfn.ParallelProps { return &sfn.ParallelProps{ResultPath: sfn.JsonPath_DISCARD()} }

	chain := sfn.Chain_Start(sfn.NewPass(scope, jsii.String(name+" Start"), &sfn.PassProps{
		Parameters: &map[string]interface{}{"input.$": "$", "context": map[string]interface{}{}},
	}))
	if p.AugmentInput != nil {
		chain = chain.Next(hook("Augment Input", p.AugmentInput,
			&sfn.ParallelProps{ResultPath: jsii.String("$.input"), OutputPath: jsii.String("$.input[0]")}))
	}
	if p.StatusStarted != nil {
		chain = chain.Next(hook("Status Started", p.StatusStarted, discard()))
	}
	if p.PreRun != nil {
		chain = chain.Next(hook("Pre Run", p.PreRun, discard()))
	}

	run := hook("Run", p.Task, &sfn.ParallelProps{InputPath: jsii.String("$.input"), ResultPath: jsii.String("$.result")})
	var onFailure sfn.IChainable = sfn.NewFail(scope, jsii.String(name+" Failed"), &sfn.FailProps{
		ErrorPath: jsii.String("$.error.Error"), CausePath: jsii.String("$.error.Cause"),
	})
	if p.StatusFailed != nil {
		onFailure = hook("Status Failed", p.StatusFailed, discard()).Next(onFailure)
	}
	run.AddCatch(onFailure, &sfn.CatchProps{Errors: jsii.Strings("States.ALL"), ResultPath: jsii.String("$.error")})
	chain = chain.Next(run).Next(sfn.NewPass(scope, jsii.String(name+" Run (Restructure)"), &sfn.PassProps{
		InputPath: jsii.String("$.result[0]"), ResultPath: jsii.String("$.result"),
	}))

	if p.PostRun != nil {
		chain = chain.Next(hook("Post Run", p.PostRun, discard()))
	}
	if p.StatusCompleted != nil {
		chain = chain.Next(hook("Status Complete", p.StatusCompleted, discard()))
	}
	return chain.Next(sfn.NewPass(scope, jsii.String(name+" End"), &sfn.PassProps{InputPath: jsii.String("$.result")}))
}

// pathOf is the construct path a new construct id under scope will have.
func pathOf(scope constructs.Construct, id *string) string {
	if id == nil {
		return *scope.Node().Path() + "/(no id)"
	}
	return *scope.Node().Path() + "/" + *id
}
