package tasks

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Value is a field value: a literal, a JSONPath, an intrinsic function, a
// JSONata expression, or a list or object that mixes them.
type Value = value.Value

// Path is a JSONPath into the state input ("$.count", "$[0]") or the
// context object ("$$.Execution.Name", "$$.Task.Token"). It is checked when
// the task is built, and the error names the field.
func Path(path string) *Value { return value.Dyn(path) }

// Intrinsic is an intrinsic function call: "States.Format('x-{}', $.id)",
// "States.Array($.a, 'b')", "States.UUID()".
func Intrinsic(call string) *Value { return value.Dyn(call) }

// JSONata is a JSONata expression, with or without its "{% %}", for tasks
// whose QueryLanguage is JSONATA.
func JSONata(expression string) *Value { return value.Ata(expression) }

// Number is a literal number (a CDK number token such as
// sfn.JsonPath_NumberAt also works here).
func Number(n float64) *Value { return mustConvert("Number", n) }

// Bool is a literal boolean.
func Bool(b bool) *Value { return value.Lit(b) }

// Lit is a literal of any JSON shape; a string in it is never an expression.
func Lit(v any) *Value {
	if s, ok := v.(string); ok {
		return value.Lit(s)
	}
	return mustConvert("Lit", v)
}

// List is a list whose items may be literals or dynamic values. In a
// JSONPath state a list with a dynamic item renders as States.Array(...).
func List(items ...any) *Value { return mustConvert("List", items) }

// Object is an object whose values may be literals or dynamic values.
func Object(fields map[string]any) *Value { return mustConvert("Object", fields) }

// Verbatim is an object whose keys belong to the user — tags, environment
// variables, Batch job parameters — and are never case-converted.
func Verbatim(fields map[string]any) *Value { return Object(fields).Verbatim() }

// StringAt puts a JSONPath or intrinsic function in a *string field:
// Qualifier: tasks.StringAt("$.version").
func StringAt(pathOrIntrinsic string) *string { return value.MarkString(pathOrIntrinsic) }

// PascalCaseKeys converts the keys of an API parameters map, at every
// depth, to PascalCase ("clusterConfig" → "ClusterConfig"), except inside
// Verbatim objects, whose keys are the user's own.
func PascalCaseKeys(params map[string]any) *map[string]interface{} {
	v := mustConvert("PascalCaseKeys", params).PascalKeys()
	out := make(map[string]interface{}, len(v.Fields()))
	for k, f := range v.Fields() {
		out[k] = f
	}
	return &out
}

// Discard is a ResultPath that drops the task's result (the CDK's
// sfn.JsonPath_DISCARD(), without the jsii call).
const Discard = engine.Discard

// TaskInput_FromObject is a payload object whose values may be dynamic.
// It satisfies sfn.TaskInput, so the CDK's own TaskInput works in the same
// fields.
func TaskInput_FromObject(obj map[string]interface{}) sfn.TaskInput {
	return &engine.Input{Kind: sfn.InputType_OBJECT, V: obj}
}

// TaskInput_FromJsonPathAt is a payload taken whole from the state input
// or the context object.
func TaskInput_FromJsonPathAt(path string) sfn.TaskInput {
	return &engine.Input{Kind: sfn.InputType_TEXT, V: value.Dyn(path)}
}

// TaskInput_FromText is a literal text payload.
func TaskInput_FromText(text string) sfn.TaskInput {
	return &engine.Input{Kind: sfn.InputType_TEXT, V: value.Lit(text)}
}

// TaskInput_FromValue is a payload of any Value.
func TaskInput_FromValue(v *Value) sfn.TaskInput {
	return &engine.Input{Kind: sfn.InputType_OBJECT, V: v}
}

func mustConvert(fn string, x any) *Value {
	v, err := engine.Convert(x)
	if err != nil {
		panic(fmt.Errorf("tasks.%s: %w", fn, err))
	}
	return v
}

// The helpers below put a run-time value in a field the CDK types as a
// number, list, map, bool, Duration or struct, so that code written for
// awsstepfunctionstasks keeps compiling while any field can be dynamic.
// expression is a JSONPath ("$.n", "$$.Execution.Input.n"), an intrinsic
// function ("States.MathAdd($.n, 1)") or a JSONata expression ("{% ... %}",
// for JSONata states). It is checked when the task is built. The returned
// pointer is what carries the expression: pass it as it is, do not copy
// the value it points to.

// NumberAt is a *float64 decided at run time: ArraySize: tasks.NumberAt("$.n").
// (sfn.JsonPath_NumberAt works too, for JSONPath.)
func NumberAt(expression string) *float64 { return value.Stand[float64](dynamic(expression)) }

// ListAt is a *[]*string decided at run time, as a whole:
// Command: tasks.ListAt("$.command"). To mix literal and dynamic items,
// give a list with tasks.StringAt items instead.
func ListAt(expression string) *[]*string { return value.Stand[[]*string](dynamic(expression)) }

// StringMapAt is a *map[string]*string (tags, properties) decided at run time.
func StringMapAt(expression string) *map[string]*string {
	return value.Stand[map[string]*string](dynamic(expression))
}

// BoolAt is a *bool decided at run time.
func BoolAt(expression string) *bool { return value.Stand[bool](dynamic(expression)) }

// ValueAt is a *T of any props type decided at run time as a whole:
// ContainerOverrides: tasks.ValueAt[tasks.BatchContainerOverrides]("$.overrides").
func ValueAt[T any](expression string) *T { return value.Stand[T](dynamic(expression)) }

// DurationAt is an awscdk.Duration decided at run time, in the unit the
// field's API takes (seconds for timeouts, minutes where the API counts
// minutes): Timeout: tasks.DurationAt("$.timeoutSeconds").
func DurationAt(expression string) awscdk.Duration {
	d := awscdk.Duration_Seconds(jsii.Number(0))
	value.StandFor(d, dynamic(expression))
	return d
}

// dynamic reads an expression of either query language.
func dynamic(expression string) *Value {
	if strings.HasPrefix(strings.TrimSpace(expression), "{%") {
		return value.Ata(expression)
	}
	return value.Dyn(expression)
}
