package states

import (
	"strings"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// MergePreference says whose value wins where the defaults and the target
// have the same key.
type MergePreference string

const (
	// MergePreference_TARGET: the target's values win; the defaults fill
	// in the keys it lacks.
	MergePreference_TARGET MergePreference = "TARGET"
	// MergePreference_DEFAULTS: the defaults' values win over the target's.
	MergePreference_DEFAULTS MergePreference = "DEFAULTS"
)

// MergeDefaultsProps say what to merge into which part of the state.
type MergeDefaultsProps struct {
	// Defaults are literal values, merged shallowly: a key present in both
	// takes one side's value whole (nested objects are not merged).
	Defaults *map[string]interface{}
	// InputPath is the part of the state TargetPath is relative to
	// (default "$").
	InputPath *string
	// TargetPath is the object to merge with, relative to InputPath
	// (default "$"); a context path ("$$.Execution.Input") is absolute.
	TargetPath *string
	// ResultPath is where the merged object goes, relative to the whole
	// state; by default the target's own place (InputPath joined with
	// TargetPath), which it replaces.
	ResultPath *string
	// Prefer says whose values win: MergePreference_TARGET (the default)
	// or MergePreference_DEFAULTS.
	Prefer MergePreference
	// CheckTargetPresent, when true, first checks that the target exists:
	// without it the defaults alone are the result (States.JsonMerge would
	// fail the execution instead).
	CheckTargetPresent *bool
}

// NewMergeDefaults merges literal defaults with an object of the state
// (States.JsonMerge, shallow), the result at ResultPath:
//
//	[Choice "<id> MergeDefaults Check"      is the target present? else:
//	 Pass "<id> MergeDefaults Use Defaults"  the defaults at ResultPath]
//	Pass "<id> MergeDefaults Prep"          {Defaults, Target} at ResultPath
//	Pass "<id> MergeDefaults"               States.JsonMerge of the two
//	Pass "<id> MergeDefaults Post"          unwraps it
//
// The defaults travel as a literal object, not as a string inside the
// intrinsic call, so they need no escaping and may hold CDK tokens. The
// names start with the id, so two merges in one state machine never
// collide. No IAM.
func NewMergeDefaults(scope constructs.Construct, id *string, props *MergeDefaultsProps) sfn.Chain {
	if props == nil {
		props = &MergeDefaultsProps{}
	}
	b := newBuilder("MergeDefaults", scope, id)
	defaults := b.literalObject("Defaults", props.Defaults)
	input := b.ref("InputPath", props.InputPath)
	target := b.ref("TargetPath", props.TargetPath)
	absoluteTarget := target
	if !target.IsContext() {
		absoluteTarget = input.Join(target.String())
	}
	rp := b.resultPath(props.ResultPath, absoluteTarget.String(), false)
	if props.ResultPath == nil && target.IsContext() {
		b.fail("ResultPath", "required when TargetPath is in the context object (%s), which cannot be written", target)
	}
	merge := "States.JsonMerge($.Defaults, $.Target, false)"
	switch props.Prefer {
	case "", MergePreference_TARGET:
	case MergePreference_DEFAULTS:
		merge = "States.JsonMerge($.Target, $.Defaults, false)"
	default:
		b.fail("Prefer", "must be MergePreference_TARGET or MergePreference_DEFAULTS, got %q", props.Prefer)
	}
	check := props.CheckTargetPresent != nil && *props.CheckTargetPresent
	if check && absoluteTarget.String() == "$" {
		b.fail("CheckTargetPresent", "the target is the whole state input, which is always present: give a TargetPath or InputPath")
	}
	b.done()

	merged := b.pass("MergeDefaults Prep", passState{
		InputPath:  input.String(),
		Parameters: map[string]*value.Value{"Defaults": defaults, "Target": value.Dyn(target.String())},
		ResultPath: rp,
	}).Next(b.pass("MergeDefaults", passState{
		InputPath:  rp,
		Parameters: map[string]*value.Value{"Merged": value.Dyn(merge)},
		ResultPath: rp,
	})).Next(b.pass("MergeDefaults Post", passState{InputPath: Ref(rp).Join("Merged").String(), ResultPath: rp}))
	if !check {
		return merged
	}
	useDefaults := b.pass("MergeDefaults Use Defaults", passState{Result: value.Render(defaults, value.JSONPathLang), ResultPath: rp})
	return sfn.NewChoice(b.scope, b.name("MergeDefaults Check"), nil).
		When(sfn.Condition_IsPresent(jsii.String(absoluteTarget.String())), merged, nil).
		Otherwise(useDefaults).
		Afterwards(nil)
}

// literalObject reads a map of literal values.
func (b *builder) literalObject(field string, m *map[string]interface{}) *value.Value {
	if m == nil {
		b.fail(field, "required: the default values, a map of literals")
		return nil
	}
	v := b.value(field, m)
	if v == nil {
		return nil
	}
	var dynamic []string
	v.Walk(field, func(path string, x *value.Value) {
		if x.IsExpression() {
			dynamic = append(dynamic, path)
		}
	})
	if len(dynamic) > 0 {
		verb := " are dynamic"
		if len(dynamic) == 1 {
			verb = " is dynamic"
		}
		b.fail(field, "must be literal values, merged as written, but %s: use tasks.Lit for a string that starts with '$', or gather the state's own values with a Pass state first",
			strings.Join(dynamic, ", ")+verb)
		return nil
	}
	return v
}

// ref reads a reference-path prop ("$" when absent).
func (b *builder) ref(field string, p *string) RefPath {
	if p == nil {
		return RefPath{}
	}
	r, err := ParseRef(*p)
	if err != nil {
		b.fail(field, "%v", err)
	}
	return r
}
