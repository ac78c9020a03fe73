package fragments_test

import (
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
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
