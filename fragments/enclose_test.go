package fragments_test

import (
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

// listOutput is listFragment's output for input x.
func listOutput(x any) []any { return []any{"first", x} }

func TestEnclose(t *testing.T) {
	input := map[string]any{"keep": "me", "args": map[string]any{"n": 1.0}}
	tests := []struct {
		name                  string
		inputPath, resultPath *string
		want                  any
		states                []string
	}{
		{"defaults: input $, result replaces it", nil, nil,
			listOutput(input), []string{"Work Enclosure", "Tag", "List", "Work Enclosure Post"}},
		{"input at a path, result at the same path", jsii.String("$.args"), nil,
			map[string]any{"keep": "me", "args": listOutput(map[string]any{"n": 1.0})}, nil},
		{"result at another path, caller input kept", jsii.String("$.args"), jsii.String("$.out"),
			map[string]any{"keep": "me", "args": map[string]any{"n": 1.0}, "out": listOutput(map[string]any{"n": 1.0})}, nil},
		{"discard: no Post state, input unchanged", nil, jsii.String(tasks.Discard),
			input, []string{"Work Enclosure", "Tag", "List"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := newStack()
			enclosed := listFragment(stack, "Work").Enclose(nil, tt.inputPath, tt.resultPath)
			sm, tpl := machine(t, stack, enclosed)
			def := cdktest.Definition(t, tpl)
			if tt.states != nil {
				assert.ElementsMatch(t, tt.states, stateNames(def))
			}
			res := integ.Run(t, stack, sm, input, integ.Mocks{})
			require.True(t, res.Succeeded(), res.History())
			assert.Equal(t, tt.want, res.Output)
		})
	}
}

func TestEncloseGolden(t *testing.T) {
	stack := newStack()
	_, tpl := machine(t, stack, listFragment(stack, "Work").Enclose(jsii.String("Sub"), jsii.String("$.args"), jsii.String("$.out")))
	cdktest.Golden(t, "enclose", cdktest.Definition(t, tpl))
	integ.Validate(t, stack)
}

// states.Enclose takes any chainable, here a plain state.
func TestStatesEncloseAnyChainable(t *testing.T) {
	stack := newStack()
	pass := sfn.NewPass(stack, jsii.String("Double"), &sfn.PassProps{Parameters: &map[string]interface{}{"twice.$": "States.MathAdd($.n, $.n)"}})
	sm, tpl := machine(t, stack, states.Enclose(stack, jsii.String("Math"), pass, jsii.String("$.args"), jsii.String("$.math")))
	def := cdktest.Definition(t, tpl)
	assert.Equal(t, map[string]any{"Type": "Pass", "InputPath": "$.math[0]", "ResultPath": "$.math", "End": true}, def["States"].(map[string]any)["Math Enclosure Post"])
	enclosure := def["States"].(map[string]any)["Math Enclosure"].(map[string]any)
	assert.Equal(t, "$.args", enclosure["InputPath"])
	assert.Equal(t, "$.math", enclosure["ResultPath"])
	assert.Equal(t, "Math Enclosure Post", enclosure["Next"])

	res := integ.Run(t, stack, sm, map[string]any{"args": map[string]any{"n": 2}}, integ.Mocks{})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"args": map[string]any{"n": 2.0}, "math": map[string]any{"twice": 4.0}}, res.Output)
}

func TestEncloseErrors(t *testing.T) {
	stack := newStack()
	pass := sfn.NewPass(stack, jsii.String("P"), nil)
	msg := validationError(t, func() {
		states.Enclose(stack, jsii.String("Bad"), pass, jsii.String("$.a["), jsii.String("$$.Execution.Id"))
	})
	assert.Contains(t, msg, `Enclose "Test/Bad"`)
	assert.Contains(t, msg, "inputPath:")
	assert.Contains(t, msg, "resultPath:")
	assert.Contains(t, validationError(t, func() { states.Enclose(stack, nil, pass, nil, nil) }), "id: required")
	assert.Contains(t, validationError(t, func() { states.Enclose(stack, jsii.String("X"), nil, nil, nil) }), "chainable: required")
}

// Enclose once per instance: the same arguments give the same chain, other
// arguments a clear error instead of states in two graphs.
func TestEncloseOnce(t *testing.T) {
	stack := newStack()
	frag := listFragment(stack, "Work")
	first := frag.Enclose(nil, nil, jsii.String("$.out"))
	assert.Equal(t, first, frag.Enclose(nil, nil, jsii.String("$.out")))
	assert.Contains(t, validationError(t, func() { frag.Enclose(nil, nil, jsii.String("$.other")) }), "already enclosed")
	assert.Contains(t, validationError(t, func() { frag.ToSingleState(nil) }), "already in Enclose")
}
