package states_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

var defaults = map[string]interface{}{"retries": 3, "mode": "fast", "limits": map[string]any{"cpu": 1, "memory": 512}, "note": "it's {odd}"}

func TestMergeDefaultsGolden(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack) sfn.IChainable
	}{
		{"merge_defaults", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewMergeDefaults(stack, str("Options"), &states.MergeDefaultsProps{Defaults: &defaults, TargetPath: str("$.options")})
		}},
		{"merge_defaults_checked", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewMergeDefaults(stack, str("Options"), &states.MergeDefaultsProps{
				Defaults: &defaults, InputPath: str("$.request"), TargetPath: str("$.options"), ResultPath: str("$.settings"),
				Prefer: states.MergePreference_DEFAULTS, CheckTargetPresent: jsii.Bool(true),
			}).Next(sfn.NewSucceed(stack, str("Done"), nil))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, tpl := build(t, tt.build)
			cdktest.Golden(t, tt.name, cdktest.Definition(t, tpl))
			assert.Empty(t, cdktest.RoleStatements(t, tpl), "merging needs no IAM")
		})
	}
}

// Reference defect: the merge states had fixed names, so two merges in one
// state machine collided. Here each is named after its id.
func TestMergeDefaultsTwiceInOneMachine(t *testing.T) {
	_, tpl := build(t, func(stack awscdk.Stack) sfn.IChainable {
		one := states.NewMergeDefaults(stack, str("Options"), &states.MergeDefaultsProps{Defaults: &defaults, TargetPath: str("$.options"),
			CheckTargetPresent: jsii.Bool(true)})
		two := states.NewMergeDefaults(stack, str("Limits"), &states.MergeDefaultsProps{Defaults: &map[string]interface{}{"cpu": 2},
			TargetPath: str("$.limits"), CheckTargetPresent: jsii.Bool(true)})
		return one.Next(two)
	})
	names := []string{}
	for name := range cdktest.Definition(t, tpl)["States"].(map[string]any) {
		names = append(names, name)
	}
	assert.ElementsMatch(t, []string{
		"Options MergeDefaults Check", "Options MergeDefaults Prep", "Options MergeDefaults", "Options MergeDefaults Post", "Options MergeDefaults Use Defaults",
		"Limits MergeDefaults Check", "Limits MergeDefaults Prep", "Limits MergeDefaults", "Limits MergeDefaults Post", "Limits MergeDefaults Use Defaults",
	}, names)
}

// The defaults travel as a literal object: braces and quotes need no
// escaping, and a CDK token is resolved by the CDK.
func TestMergeDefaultsLiteralObject(t *testing.T) {
	_, tpl := build(t, func(stack awscdk.Stack) sfn.IChainable {
		bucket := awss3.NewBucket(stack, str("Bucket"), nil)
		return states.NewMergeDefaults(stack, str("M"), &states.MergeDefaultsProps{
			Defaults: &map[string]interface{}{"bucket": bucket.BucketName(), "x": "it's {y}", "$": "$.not-a-path"}})
	})
	assert.Equal(t, map[string]any{"Defaults": map[string]any{"bucket": "${Bucket83908E77}", "x": "it's {y}", "$": "$.not-a-path"}, "Target.$": "$"},
		stateOf(t, tpl, "M MergeDefaults Prep")["Parameters"])
}

func TestMergeDefaultsErrors(t *testing.T) {
	tests := []struct {
		name  string
		props *states.MergeDefaultsProps
		want  []string
	}{
		{"no defaults", &states.MergeDefaultsProps{}, []string{`sfnkit MergeDefaults "Test/M" is invalid`, "Defaults: required"}},
		{"dynamic defaults", &states.MergeDefaultsProps{Defaults: &map[string]interface{}{"a": tasks.Path("$.a"), "b": map[string]any{"c": tasks.Intrinsic("States.UUID()")}}},
			[]string{"Defaults: must be literal values, merged as written, but Defaults.a, Defaults.b.c are dynamic"}},
		{"paths", &states.MergeDefaultsProps{Defaults: &defaults, InputPath: str("$.a[*]"), TargetPath: str("x")},
			[]string{`InputPath: states.Ref: "$.a[*]" is not a reference path`, `TargetPath: states.Ref: "x" is not a reference path`}},
		{"always present", &states.MergeDefaultsProps{Defaults: &defaults, CheckTargetPresent: jsii.Bool(true)},
			[]string{"CheckTargetPresent: the target is the whole state input, which is always present"}},
		{"discard", &states.MergeDefaultsProps{Defaults: &defaults, ResultPath: str(tasks.Discard)},
			[]string{"ResultPath: DISCARD would drop what this state produces"}},
		{"preference", &states.MergeDefaultsProps{Defaults: &defaults, Prefer: "MINE"},
			[]string{`Prefer: must be MergePreference_TARGET or MergePreference_DEFAULTS, got "MINE"`}},
		{"context target needs a result path", &states.MergeDefaultsProps{Defaults: &defaults, TargetPath: str("$$.Execution.Input")},
			[]string{"ResultPath: required when TargetPath is in the context object ($$.Execution.Input)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, func(stack awscdk.Stack) { states.NewMergeDefaults(stack, str("M"), tt.props) })
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}

// Both preferences, the target present and absent, run locally: the merge
// is shallow, the chosen side wins, an absent target yields the defaults,
// and the rest of the input is kept.
func TestRunMergeDefaults(t *testing.T) {
	stack := cdktest.NewStack()
	for _, prefer := range []states.MergePreference{states.MergePreference_TARGET, states.MergePreference_DEFAULTS} {
		id := string(prefer)
		sfn.NewStateMachine(stack, str(id), &sfn.StateMachineProps{StateMachineName: str(id), DefinitionBody: sfn.DefinitionBody_FromChainable(
			states.NewMergeDefaults(stack, str(id), &states.MergeDefaultsProps{
				Defaults: &defaults, InputPath: str("$.request"), TargetPath: str("$.options"),
				Prefer: prefer, CheckTargetPresent: jsii.Bool(true),
			}))})
	}
	integ.Validate(t, stack)

	target := map[string]any{"mode": "safe", "limits": map[string]any{"cpu": 4}, "extra": true}
	wantDefaults := map[string]any{"retries": 3.0, "mode": "fast", "limits": map[string]any{"cpu": 1.0, "memory": 512.0}, "note": "it's {odd}"}
	tests := []struct {
		machine string
		request map[string]any
		want    any
	}{
		{"TARGET", map[string]any{"id": 7, "options": target},
			map[string]any{"retries": 3.0, "note": "it's {odd}", "mode": "safe", "limits": map[string]any{"cpu": 4.0}, "extra": true}},
		{"DEFAULTS", map[string]any{"id": 7, "options": target},
			map[string]any{"retries": 3.0, "note": "it's {odd}", "mode": "fast", "limits": map[string]any{"cpu": 1.0, "memory": 512.0}, "extra": true}},
		{"TARGET", map[string]any{"id": 7}, wantDefaults},
		{"DEFAULTS", map[string]any{"id": 7}, wantDefaults},
	}
	for _, tt := range tests {
		_, present := tt.request["options"]
		t.Run(tt.machine+map[bool]string{true: " present", false: " absent"}[present], func(t *testing.T) {
			res := integ.Run(t, stack, tt.machine, map[string]any{"request": tt.request, "other": "kept"}, integ.Mocks{})
			require.True(t, res.Succeeded(), res.History())
			out := res.Output.(map[string]any)
			assert.Equal(t, "kept", out["other"])
			request := out["request"].(map[string]any)
			assert.Equal(t, 7.0, request["id"])
			assert.Equal(t, tt.want, request["options"])
			assert.Equal(t, present, res.Entered(tt.machine+" MergeDefaults"), "merged only when the target is present")
			assert.Equal(t, !present, res.Entered(tt.machine+" MergeDefaults Use Defaults"))
		})
	}
}
