package states_test

import (
	"testing"

	"github.com/sfnkit/sfnkit/internal/propsfuzz"
	"github.com/sfnkit/sfnkit/states"
)

var constructors = map[string]any{
	"DeregisterJobDefinition": states.NewDeregisterJobDefinition, "RegisterJobDefinition": states.NewRegisterJobDefinition,
	"SubmitJob": states.NewSubmitJob, "MergeDefaults": states.NewMergeDefaults, "GetObject": states.NewGetObject,
	"GetPayload": states.NewGetPayload, "PutObject": states.NewPutObject, "PutPayload": states.NewPutPayload,
}

// TestPropsFuzzer builds every states constructor with generated props
// (see tasks' TestPropsFuzzer).
func TestPropsFuzzer(t *testing.T) {
	propsfuzz.Covers(t, ".", constructors)
	propsfuzz.Run(t, "states", constructors, propsfuzz.OptionsFromEnv(2))
}
