package tasks_test

import (
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// Tasks nested in a Parallel branch, a Map item processor and a chain
// inside them put their statements on the outer state machine's role, and
// identical statements are merged rather than repeated.
func TestNestedTasksReachTheOuterRole(t *testing.T) {
	stack := cdktest.NewStack()
	invoke := func(id, fn string) tasks.Task {
		return tasks.NewLambdaInvoke(stack, jsii.String(id), &tasks.LambdaInvokeProps{LambdaFunction: function(stack, fn), RetryOnServiceExceptions: jsii.Bool(false)})
	}
	top := invoke("Top", "top")
	parallel := sfn.NewParallel(stack, jsii.String("Fan out"), nil)
	parallel.Branch(invoke("InBranch", "branch").Next(invoke("InBranchChain", "chain")))
	mapState := sfn.NewMap(stack, jsii.String("Each"), &sfn.MapProps{ItemsPath: jsii.String("$.items")})
	mapState.ItemProcessor(sfn.Chain_Start(invoke("InMap", "map")).Next(invoke("InMapToo", "top")), nil)
	inner := sfn.NewParallel(stack, jsii.String("Nested"), nil)
	inner.Branch(sfn.NewParallel(stack, jsii.String("Deeper"), nil).Branch(invoke("Deepest", "deep")))
	tpl := machine(t, stack, top.Next(parallel).Next(mapState).Next(inner))

	stmts := cdktest.RoleStatements(t, tpl)
	var resources []string
	for _, s := range stmts {
		assert.Equal(t, []string{"lambda:InvokeFunction"}, s["Action"])
		resources = append(resources, s["Resource"].([]string)...)
	}
	assert.ElementsMatch(t, []string{
		arn("lambda", "function:top"), arn("lambda", "function:branch"), arn("lambda", "function:chain"),
		arn("lambda", "function:map"), arn("lambda", "function:deep"),
	}, dedupe(resources))
	for _, name := range []string{"InBranchChain", "InMapToo", "Deepest"} {
		assert.Equal(t, "Task", state(t, tpl, name)["Type"])
	}
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Chained states behave as CDK states: Next, AddRetry, AddCatch, Choice.
func TestChaining(t *testing.T) {
	stack := cdktest.NewStack()
	a := tasks.NewLambdaInvoke(stack, jsii.String("A"), &tasks.LambdaInvokeProps{LambdaFunction: function(stack, "a"), RetryOnServiceExceptions: jsii.Bool(false)})
	fail := sfn.NewFail(stack, jsii.String("Failed"), &sfn.FailProps{Error: jsii.String("E")})
	a.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("States.Timeout"), MaxAttempts: jsii.Number(2)})
	a.AddCatch(fail, &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	choice := sfn.NewChoice(stack, jsii.String("Ok?"), nil).
		When(sfn.Condition_BooleanEquals(jsii.String("$.ok"), jsii.Bool(true)), sfn.NewSucceed(stack, jsii.String("Done"), nil), nil).
		Otherwise(fail)
	got := state(t, machine(t, stack, a.Next(choice)), "A")
	assert.Equal(t, "Ok?", got["Next"])
	assert.Equal(t, []any{map[string]any{"ErrorEquals": []any{"States.Timeout"}, "MaxAttempts": 2.0}}, got["Retry"])
	assert.Equal(t, []any{map[string]any{"ErrorEquals": []any{"States.ALL"}, "ResultPath": "$.error", "Next": "Failed"}}, got["Catch"])
}
