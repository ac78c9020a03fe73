package fragments_test

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestFragmentBuildsLazilyOnce(t *testing.T) {
	stack := newStack()
	builds := 0
	frag := fragments.New(stack, jsii.String("Work"), func(scope constructs.Construct) sfn.IChainable {
		builds++
		return sfn.NewPass(scope, jsii.String("Step"), nil)
	})
	assert.Equal(t, 0, builds, "built before first use")
	assert.Equal(t, "Step", *frag.StartState().StateId())
	assert.Len(t, *frag.EndStates(), 1)
	chain := frag.Next(sfn.NewSucceed(stack, jsii.String("Done"), nil))
	_, tpl := machine(t, stack, chain)
	assert.Equal(t, 1, builds)
	assert.Equal(t, "Step", cdktest.Definition(t, tpl)["StartAt"])
}

// A Fragment goes wherever the CDK takes an IChainable: Chain_Start,
// Parallel.Branch, a Catch handler, and it chains with Next.
func TestFragmentIsAChainable(t *testing.T) {
	stack := newStack()
	first := listFragment(stack, "First")
	inBranch := fragments.New(stack, jsii.String("Second"), func(scope constructs.Construct) sfn.IChainable {
		return sfn.NewPass(scope, jsii.String("Count"), &sfn.PassProps{Parameters: &map[string]interface{}{"n.$": "States.ArrayLength($)"}})
	})
	handler := fragments.New(stack, jsii.String("Handler"), func(scope constructs.Construct) sfn.IChainable {
		return sfn.NewFail(scope, jsii.String("Handled"), &sfn.FailProps{Error: jsii.String("Handled")})
	})
	parallel := sfn.NewParallel(stack, jsii.String("Both"), nil)
	parallel.Branch(inBranch)
	parallel.AddCatch(handler, nil)
	sm, _ := machine(t, stack, sfn.Chain_Start(first).Next(parallel))

	integ.Validate(t, stack)
	res := integ.Run(t, stack, sm, map[string]any{"n": 1}, integ.Mocks{})
	require.True(t, res.Succeeded(), res.History())
	// Second's input is First's output ["first", {"n": 1}].
	assert.Equal(t, []any{map[string]any{"n": 2.0}}, res.Output)
}

// Embedding *Fragment in one's own type keeps it usable as a chainable.
func TestFragmentEmbedded(t *testing.T) {
	type myFragment struct{ *fragments.Fragment }
	stack := newStack()
	mine := &myFragment{listFragment(stack, "Mine")}
	sm, _ := machine(t, stack, sfn.Chain_Start(mine).Next(sfn.NewSucceed(stack, jsii.String("Done"), nil)))
	res := integ.Run(t, stack, sm, map[string]any{}, integ.Mocks{})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, []string{"Tag", "List", "Done"}, res.Path())
}

func TestFragmentBuildErrors(t *testing.T) {
	stack := newStack()
	msg := validationError(t, func() { fragments.New(stack, jsii.String("NoBuild"), nil) })
	assert.Contains(t, msg, `Fragment "Test/NoBuild"`)
	assert.Contains(t, msg, "build: required")

	empty := fragments.New(stack, jsii.String("Empty"), func(constructs.Construct) sfn.IChainable { return nil })
	assert.Contains(t, validationError(t, func() { empty.Definition() }), "build: returned nil")

	var self *fragments.Fragment
	self = fragments.New(stack, jsii.String("Self"), func(constructs.Construct) sfn.IChainable { return self.Definition() })
	assert.Contains(t, validationError(t, func() { self.Definition() }), "used the fragment it is building")
}

// States held in Go (sfnkit tasks built in a Workflow) work in a fragment:
// chained, renamed by ToSingleState, and run.
func TestFragmentOfWorkflowStates(t *testing.T) {
	stack := newStack()
	fn := function(stack, "Fn")
	build := func(id string) *fragments.Fragment {
		return fragments.New(stack, jsii.String(id), func(scope constructs.Construct) sfn.IChainable {
			w := fragments.NewWorkflow(scope, jsii.String("W"))
			first := tasks.NewLambdaInvoke(w, jsii.String("Call"), &tasks.LambdaInvokeProps{LambdaFunction: fn, OutputPath: jsii.String("$.Payload")})
			second := tasks.NewLambdaInvoke(w, jsii.String("Call again"), &tasks.LambdaInvokeProps{LambdaFunction: fn, OutputPath: jsii.String("$.Payload")})
			return first.Next(second)
		})
	}
	direct := build("Direct")
	chain := direct.Next(build("A").ToSingleState(nil)).Next(build("B").ToSingleState(nil))
	sm, tpl := machine(t, stack, chain)
	assert.ElementsMatch(t, []string{"Call", "Call again", "A", "A: Call", "A: Call again", "B", "B: Call", "B: Call again"},
		stateNames(cdktest.Definition(t, tpl)))
	echo := integ.Func(func(input any) (any, error) { return integ.LambdaResponse(input.(map[string]any)["Payload"]), nil })
	mocks := integ.Mocks{}
	for _, name := range []string{"Call", "Call again", "A: Call", "A: Call again", "B: Call", "B: Call again"} {
		mocks[name] = echo
	}
	res := integ.Run(t, stack, sm, map[string]any{"n": 1}, mocks)
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"n": 1.0}, res.Output)
	assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN(stack, fn))}, cdktest.RoleStatements(t, tpl))
}

// A fragment whose states were all built in a Workflow becomes a state
// machine rendered in Go in one piece (a plain DefinitionString whose
// tokens are DefinitionSubstitutions) that validates, runs, and whose role
// holds exactly the tasks' statements.
func TestWorkflowFragmentToStateMachineRendersInGo(t *testing.T) {
	stack := newStack()
	fn := function(stack, "Fn")
	frag := fragments.New(stack, jsii.String("Flow"), func(scope constructs.Construct) sfn.IChainable {
		w := fragments.NewWorkflow(scope, jsii.String("W"))
		call := tasks.NewLambdaInvoke(w, jsii.String("Call"), &tasks.LambdaInvokeProps{LambdaFunction: fn, OutputPath: jsii.String("$.Payload")})
		failed := sfn.NewFail(scope, jsii.String("Failed"), &sfn.FailProps{ErrorPath: jsii.String("$.Error"), CausePath: jsii.String("$.Cause")})
		call.AddCatch(failed, nil)
		return call.Next(tasks.NewLambdaInvoke(w, jsii.String("Call again"), &tasks.LambdaInvokeProps{LambdaFunction: fn, OutputPath: jsii.String("$.Payload")}))
	})
	sm := frag.ToStateMachine(jsii.String("flow"), &fragments.StateMachineOptions{LogLevel: sfn.LogLevel_OFF})
	tpl := cdktest.Template(t, stack)

	props := cdktest.Resources(tpl, "AWS::StepFunctions::StateMachine")[*stack.GetLogicalId(sm.Node().DefaultChild().(awscdk.CfnElement))]["Properties"].(map[string]any)
	text, plain := props["DefinitionString"].(string)
	require.True(t, plain, "rendered in Go: %v", props["DefinitionString"])
	assert.Contains(t, text, "${Sfnkit0}")
	assert.ElementsMatch(t, []string{"Call", "Call again", "Failed"}, stateNames(cdktest.Definition(t, tpl)))
	assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN(stack, fn))}, cdktest.RoleStatements(t, tpl))
	integ.Validate(t, stack)

	echo := integ.Func(func(input any) (any, error) { return integ.LambdaResponse(input.(map[string]any)["Payload"]), nil })
	res := integ.Run(t, stack, sm, map[string]any{"n": 1}, integ.Mocks{"Call": echo, "Call again": echo})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"n": 1.0}, res.Output)

	res = integ.Run(t, stack, sm, map[string]any{"n": 1}, integ.Mocks{"Call": integ.Fail("Boom", "it broke"), "Call again": echo})
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "Boom", res.Error)
}
