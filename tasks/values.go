package tasks

import (
	"fmt"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

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
