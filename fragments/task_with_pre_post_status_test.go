package fragments_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// hooks selects the hooks of a TaskWithPrePostStatus under test.
type hooks struct{ augment, started, pre, failed, post, completed bool }

var allHooks = hooks{true, true, true, true, true, true}

// prePost wraps the task "<id> Work" (a Lambda echo) with the chosen hooks,
// each a Lambda task "<id> <hook>" except AugmentInput, a Pass that fills
// in the context.
func prePost(stack awscdk.Stack, id string, h hooks) *fragments.Fragment {
	fn := func(name string) awslambda.IFunction {
		if found, ok := stack.Node().TryFindChild(jsii.String(name)).(awslambda.IFunction); ok {
			return found
		}
		return function(stack, name)
	}
	work, status := fn("Work"), fn("Status")
	statusTask := func(on bool, hook string) sfn.IChainable {
		if !on {
			return nil
		}
		return tasks.NewLambdaInvoke(stack, jsii.String(id+" "+hook), &tasks.LambdaInvokeProps{LambdaFunction: status})
	}
	props := &fragments.TaskWithPrePostStatusProps{
		Task: tasks.NewLambdaInvoke(stack, jsii.String(id+" Work"), &tasks.LambdaInvokeProps{
			LambdaFunction: work, OutputPath: jsii.String("$.Payload"),
		}),
		StatusStarted:   statusTask(h.started, "started"),
		PreRun:          statusTask(h.pre, "pre"),
		StatusFailed:    statusTask(h.failed, "failed"),
		PostRun:         statusTask(h.post, "post"),
		StatusCompleted: statusTask(h.completed, "completed"),
	}
	if h.augment {
		props.AugmentInput = sfn.NewPass(stack, jsii.String(id+" augment"), &sfn.PassProps{Parameters: &map[string]interface{}{
			"input.$": "$.input", "context": map[string]interface{}{"run.$": "$$.Execution.Name"},
		}})
	}
	return fragments.NewTaskWithPrePostStatus(stack, jsii.String(id), props)
}

// prePostMocks answers the work and every hook task present, recording
// what each hook received.
func prePostMocks(id string, h hooks, work any, seen map[string]any) integ.Mocks {
	mocks := integ.Mocks{id + " Work": work}
	for hook, on := range map[string]bool{"started": h.started, "pre": h.pre, "failed": h.failed, "post": h.post, "completed": h.completed} {
		if on {
			hook := hook
			mocks[id+" "+hook] = integ.Func(func(input any) (any, error) {
				seen[hook] = input.(map[string]any)["Payload"]
				return integ.LambdaResponse("ignored"), nil
			})
		}
	}
	return mocks
}

func TestTaskWithPrePostStatusGolden(t *testing.T) {
	for name, h := range map[string]hooks{"task_with_pre_post_status_all_hooks": allHooks, "task_with_pre_post_status_no_hooks": {}} {
		t.Run(name, func(t *testing.T) {
			stack := newStack()
			_, tpl := machine(t, stack, prePost(stack, "Job", h))
			cdktest.Golden(t, name, cdktest.Definition(t, tpl))
			integ.Validate(t, stack)
		})
	}
}

// Every hook on its own, all of them and none, on the success path. A
// state chained after the fragment runs and receives the task's result
// (the reference's fragment could not be chained).
func TestTaskWithPrePostStatusSucceeds(t *testing.T) {
	cases := map[string]hooks{
		"no hooks": {}, "all hooks": allHooks,
		"augment input": {augment: true}, "status started": {started: true}, "pre run": {pre: true},
		"status failed": {failed: true}, "post run": {post: true}, "status completed": {completed: true},
	}
	input := map[string]any{"job": "j1"}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			stack := newStack()
			after := sfn.NewPass(stack, jsii.String("After"), &sfn.PassProps{Parameters: &map[string]interface{}{"after.$": "$"}})
			sm, _ := machine(t, stack, prePost(stack, "Job", h).Next(after))
			seen := map[string]any{}
			res := integ.Run(t, stack, sm, input, prePostMocks("Job", h, echoLambda, seen))
			require.True(t, res.Succeeded(), res.History())

			result := map[string]any{"echo": input}
			assert.Equal(t, map[string]any{"after": result}, res.Output, "After gets the task's result")
			assert.Equal(t, []any{map[string]any{"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:Work", "Payload": input}},
				res.Inputs("Job Work"), "the task gets the caller's input")

			context := map[string]any{}
			if h.augment {
				context = map[string]any{"run": integ.ExecutionName}
			}
			before := map[string]any{"input": input, "context": context}
			afterRun := map[string]any{"input": input, "context": context, "result": result}
			want := map[string]any{}
			for hook, w := range map[string]struct {
				on    bool
				input any
			}{"started": {h.started, before}, "pre": {h.pre, before}, "post": {h.post, afterRun}, "completed": {h.completed, afterRun}} {
				if w.on {
					want[hook] = w.input
				}
			}
			assert.Equal(t, want, seen, "what each hook received")

			var path []string
			add := func(on bool, states ...string) {
				if on {
					path = append(path, states...)
				}
			}
			add(true, "Job Start")
			add(h.augment, "Job Augment Input", "Job augment")
			add(h.started, "Job Status Started", "Job started")
			add(h.pre, "Job Pre Run", "Job pre")
			add(true, "Job Run", "Job Work", "Job Run (Restructure)")
			add(h.post, "Job Post Run", "Job post")
			add(h.completed, "Job Status Complete", "Job completed")
			add(true, "Job End", "After")
			assert.Equal(t, path, res.Path())
		})
	}
}

// On failure StatusFailed (when given) sees the error, and the execution
// fails with the task's own Error and Cause.
func TestTaskWithPrePostStatusFails(t *testing.T) {
	input := map[string]any{"job": "j1"}
	for name, h := range map[string]hooks{"with status failed": allHooks, "without": {post: true, completed: true}} {
		t.Run(name, func(t *testing.T) {
			stack := newStack()
			after := sfn.NewPass(stack, jsii.String("After"), nil)
			sm, _ := machine(t, stack, prePost(stack, "Job", h).Next(after))
			seen := map[string]any{}
			res := integ.Run(t, stack, sm, input, prePostMocks("Job", h, integ.Fail("Job.Broken", "disk full"), seen))
			require.True(t, res.Failed(), res.History())
			assert.Equal(t, "Job.Broken", res.Error)
			assert.Equal(t, "disk full", res.Cause)
			assert.True(t, res.Caught("Job Run"))
			assert.False(t, res.Entered("Job Post Run") || res.Entered("Job Status Complete") || res.Entered("After"), res.History())
			if h.failed {
				failed := seen["failed"].(map[string]any)
				assert.Equal(t, input, failed["input"])
				assert.Equal(t, map[string]any{"Error": "Job.Broken", "Cause": "disk full"}, failed["error"])
			} else {
				assert.NotContains(t, seen, "failed")
			}
		})
	}
}

// Two instances in one state machine: their state names do not collide.
func TestTaskWithPrePostStatusTwoInstances(t *testing.T) {
	stack := newStack()
	sm, tpl := machine(t, stack, prePost(stack, "First", allHooks).Next(prePost(stack, "Second", allHooks)))
	integ.Validate(t, stack)
	seen := map[string]any{}
	mocks := prePostMocks("First", allHooks, echoLambda, seen)
	for k, v := range prePostMocks("Second", allHooks, echoLambda, seen) {
		mocks[k] = v
	}
	res := integ.Run(t, stack, sm, map[string]any{"n": 1}, mocks)
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"echo": map[string]any{"echo": map[string]any{"n": 1.0}}}, res.Output)
	assert.Equal(t, []string{
		"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:Status",
		"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:Work",
	}, grants(t, tpl))
}

func TestTaskWithPrePostStatusIAM(t *testing.T) {
	stack := newStack()
	prePost(stack, "Job", allHooks).ToStateMachine(jsii.String("job"), &fragments.StateMachineOptions{LogLevel: sfn.LogLevel_OFF})
	tpl := cdktest.Template(t, stack)
	assert.Equal(t, []string{
		"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:Status",
		"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:Work",
	}, grants(t, tpl))
	assertNoManagedPolicies(t, tpl)
}

func TestTaskWithPrePostStatusErrors(t *testing.T) {
	stack := newStack()
	msg := validationError(t, func() {
		fragments.NewTaskWithPrePostStatus(stack, jsii.String("Job"), &fragments.TaskWithPrePostStatusProps{Name: jsii.String(" ")})
	})
	assert.Contains(t, msg, `TaskWithPrePostStatus "Test/Job"`)
	assert.Contains(t, msg, "Task: required")
	assert.Contains(t, msg, "Name: must not be empty")
}
