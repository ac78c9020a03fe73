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
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

// Two instances of a fragment with fixed inner names ("Tag", "List") share
// a state machine as single states: every inner name is prefixed once.
func TestToSingleStateTwoInstances(t *testing.T) {
	stack := newStack()
	a, b := listFragment(stack, "A"), listFragment(stack, "B")
	single := a.ToSingleState(nil)
	again := a.ToSingleState(nil) // the reference prefixed the names again here
	assert.Equal(t, single, again, "a second call with the same options returns the same state")
	sm, tpl := machine(t, stack, single.Next(b.ToSingleState(nil)))

	def := cdktest.Definition(t, tpl)
	cdktest.Golden(t, "single_state", def)
	assert.ElementsMatch(t, []string{"A", "A: Tag", "A: List", "B", "B: Tag", "B: List"}, stateNames(def))
	assert.Equal(t, "$[0]", state(def, "A")["OutputPath"])
	integ.Validate(t, stack)

	input := map[string]any{"n": 1.0}
	res := integ.Run(t, stack, sm, input, integ.Mocks{})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, listOutput(listOutput(input)), res.Output, "each single state outputs its fragment's output")
}

func TestToSingleStateOptions(t *testing.T) {
	input := map[string]any{"n": 1.0}
	tests := []struct {
		name    string
		options *sfn.SingleStateOptions
		want    any
	}{
		{"default: the fragment's output", nil, listOutput(input)},
		{"discard: the input", &sfn.SingleStateOptions{ResultPath: jsii.String(tasks.Discard)}, input},
		{"result selector: no unwrapping added", &sfn.SingleStateOptions{ResultSelector: &map[string]interface{}{"items.$": "$[0]"}},
			map[string]any{"items": listOutput(input)}},
		{"output path replaces the unwrapping", &sfn.SingleStateOptions{OutputPath: jsii.String("$[0][1]")}, input},
		{"input path", &sfn.SingleStateOptions{InputPath: jsii.String("$.n")}, listOutput(1.0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := newStack()
			sm, _ := machine(t, stack, listFragment(stack, "A").ToSingleState(tt.options))
			res := integ.Run(t, stack, sm, input, integ.Mocks{})
			require.True(t, res.Succeeded(), res.History())
			assert.Equal(t, tt.want, res.Output)
		})
	}
}

func TestToSingleStateNamesAndPrefix(t *testing.T) {
	stack := newStack()
	outside := sfn.NewPass(stack, jsii.String("Outside"), nil) // created by the caller, not the fragment
	frag := fragments.New(stack, jsii.String("Frag"), func(scope constructs.Construct) sfn.IChainable {
		return sfn.NewPass(scope, jsii.String("Inside"), nil).Next(outside)
	})
	single := frag.ToSingleState(&sfn.SingleStateOptions{StateId: jsii.String("Job"), StateName: jsii.String("Run job"), Comment: jsii.String("one state")})
	_, tpl := machine(t, stack, single)
	def := cdktest.Definition(t, tpl)
	assert.ElementsMatch(t, []string{"Run job", "Job: Inside", "Job: Outside"}, stateNames(def))
	assert.Equal(t, "one state", state(def, "Run job")["Comment"])

	stack = newStack()
	frag = listFragment(stack, "Frag")
	frag.ToSingleState(&sfn.SingleStateOptions{PrefixStates: jsii.String("x/")})
	_, tpl = machine(t, stack, frag.ToSingleState(&sfn.SingleStateOptions{PrefixStates: jsii.String("x/")}))
	assert.ElementsMatch(t, []string{"Frag", "x/Tag", "x/List"}, stateNames(cdktest.Definition(t, tpl)))
}

// The reference unwrapped "[0]" twice when a single state was enclosed:
// here the enclosure's Post unwraps its own array and the single state
// its own, so the list output survives whole (a double unwrap would leave
// "first").
func TestSingleStateEnclosedUnwrapsOnce(t *testing.T) {
	stack := newStack()
	single := listFragment(stack, "A").ToSingleState(nil)
	sm, _ := machine(t, stack, states.Enclose(stack, jsii.String("E"), single, nil, jsii.String("$.out")))
	input := map[string]any{"n": 1.0}
	res := integ.Run(t, stack, sm, input, integ.Mocks{})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"n": 1.0, "out": listOutput(input)}, res.Output)
}

func TestToSingleStateOnce(t *testing.T) {
	stack := newStack()
	frag := listFragment(stack, "A")
	frag.ToSingleState(nil)
	assert.Contains(t, validationError(t, func() { frag.ToSingleState(&sfn.SingleStateOptions{StateId: jsii.String("Other")}) }),
		"ToSingleState: already called with other options")
	assert.Contains(t, validationError(t, func() { frag.Enclose(nil, nil, nil) }), "already in ToSingleState")
	assert.Contains(t, validationError(t, func() { frag.ToStateMachine(jsii.String("m"), nil) }), "already in ToSingleState")

	// PrefixStates renames once: the same prefix again is a no-op, another
	// one an error (the CDK's would prefix twice).
	stack = newStack()
	frag = listFragment(stack, "B")
	frag.PrefixStates(jsii.String("p: ")).PrefixStates(jsii.String("p: "))
	assert.Contains(t, validationError(t, func() { frag.PrefixStates(jsii.String("q: ")) }), `already prefixed with "p: "`)
	_, tpl := machine(t, stack, frag)
	assert.ElementsMatch(t, []string{"p: Tag", "p: List"}, stateNames(cdktest.Definition(t, tpl)))
}

func TestToSingleStateErrors(t *testing.T) {
	stack := newStack()
	msg := validationError(t, func() {
		listFragment(stack, "A").ToSingleState(&sfn.SingleStateOptions{ResultPath: jsii.String("$.out")})
	})
	assert.Contains(t, msg, `Fragment "Test/A"`)
	assert.Contains(t, msg, `ToSingleState.ResultPath: "$.out" would hold the Parallel's one-element array`)
	assert.Contains(t, msg, "use Enclose")
	msg = validationError(t, func() {
		listFragment(stack, "B").ToSingleState(&sfn.SingleStateOptions{InputPath: jsii.String("$.a["), StateId: jsii.String(" ")})
	})
	assert.Contains(t, msg, "ToSingleState.InputPath:")
	assert.Contains(t, msg, "ToSingleState.StateId: must not be empty")
}

func TestToSingleStateJSONata(t *testing.T) {
	stack := newStack()
	_, tpl := machine(t, stack, listFragment(stack, "A").ToSingleState(&sfn.SingleStateOptions{QueryLanguage: sfn.QueryLanguage_JSONATA}))
	a := state(cdktest.Definition(t, tpl), "A")
	assert.Equal(t, "{% $states.result[0] %}", a["Output"])
	assert.Nil(t, a["OutputPath"])
}
