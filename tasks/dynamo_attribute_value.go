package tasks

import (
	"encoding/base64"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// DynamoAttributeValue mirrors the CDK's class of that name: one DynamoDB
// attribute value, such as {"S": "x"} or {"N": "42"}, made with the
// DynamoAttributeValue_ functions, whose content may be decided at run time.
// The CDK's own awsstepfunctionstasks.DynamoAttributeValue satisfies it too.
type DynamoAttributeValue interface {
	// AttributeValue is the attribute value as state JSON ({"S": "x"},
	// {"N.$": "States.Format('{}', $.n)"}).
	AttributeValue() interface{}
	// ToObject returns the attribute value as state JSON, as AttributeValue.
	ToObject() interface{}
}

// dynamoValue is what the DynamoAttributeValue_ functions return. A
// problem found while building it is reported by the task using it,
// under that field's name.
type dynamoValue struct {
	v      *Value
	err    error
	object *map[string]any
}

func (d *dynamoValue) AttributeValue() interface{} { return d.ToObject() }

// ToObject is the state JSON as a *map[string]interface{}, which the CDK's
// TaskInput_FromObject takes too; sfnkit reads it back as the attribute
// value itself, so PascalCaseKeys keeps its attribute names as written.
func (d *dynamoValue) ToObject() interface{} {
	if d.v == nil {
		return nil
	}
	if d.object == nil {
		m, _ := value.Render(d.v, value.JSONPathLang).(map[string]any)
		d.object = &m
		value.StandFor(d.object, d.v)
	}
	return d.object
}

func attribute(typ string, v *Value) DynamoAttributeValue {
	return &dynamoValue{v: value.NewObject(map[string]*Value{typ: v})}
}

func badAttribute(format string, args ...any) DynamoAttributeValue {
	return &dynamoValue{err: fmt.Errorf(format, args...)}
}

// DynamoAttributeValue_FromString is {"S": value}: a literal, or
// tasks.StringAt("$.name"), sfn.JsonPath_StringAt(...), "{% ... %}".
func DynamoAttributeValue_FromString(val *string) DynamoAttributeValue {
	return scalarAttribute("S", "FromString", val)
}

// DynamoAttributeValue_FromNumber is {"N": "<number>"}: DynamoDB takes
// numbers as strings. val is a number (jsii.Number(10)), or one decided at
// run time (tasks.NumberAt("$.n"), sfn.JsonPath_NumberAt,
// tasks.NumberAt("{% ... %}")), which is turned into a string as it is
// sent: States.Format('{}', $.n), or $string(...) in JSONata.
func DynamoAttributeValue_FromNumber(val *float64) DynamoAttributeValue {
	v, err := convertAttribute("FromNumber", val)
	if err != nil {
		return &dynamoValue{err: err}
	}
	n, err := numberString(v)
	if err != nil {
		return badAttribute("FromNumber: %v", err)
	}
	return attribute("N", n)
}

// DynamoAttributeValue_NumberFromString is {"N": value} for a number
// written as a string ("42.5"), or a string decided at run time, which
// must then hold a number ("N.$": "$.Item.Count.N").
func DynamoAttributeValue_NumberFromString(val *string) DynamoAttributeValue {
	v, err := convertAttribute("NumberFromString", val)
	if err != nil {
		return &dynamoValue{err: err}
	}
	if err := checkNumberString(v); err != nil {
		return badAttribute("NumberFromString: %v", err)
	}
	return attribute("N", v)
}

// DynamoAttributeValue_FromBinary is {"B": value}, base64-encoded.
func DynamoAttributeValue_FromBinary(val *string) DynamoAttributeValue {
	v, err := convertAttribute("FromBinary", val)
	if err != nil {
		return &dynamoValue{err: err}
	}
	if err := checkBase64(v); err != nil {
		return badAttribute("FromBinary: %v", err)
	}
	return attribute("B", v)
}

// DynamoAttributeValue_FromStringSet is {"SS": [...]}: strings
// (jsii.Strings(...), items may be dynamic: tasks.StringAt("$.b")), or the
// whole set decided at run time (tasks.ListAt("$.tags"),
// sfn.JsonPath_ListAt). A literal set must not be empty or hold
// duplicates, which DynamoDB rejects.
func DynamoAttributeValue_FromStringSet(val *[]*string) DynamoAttributeValue {
	return setAttribute("SS", "FromStringSet", val, nil, false)
}

// DynamoAttributeValue_FromNumberSet is {"NS": [...]}: numbers
// (jsii.Numbers(...), items may be dynamic: tasks.NumberAt("$.n")), or the
// whole set decided at run time (tasks.ValueAt[[]*float64]("$.ns")), which
// must then hold numbers as strings ($map(..., $string) in JSONata).
func DynamoAttributeValue_FromNumberSet(val *[]*float64) DynamoAttributeValue {
	return setAttribute("NS", "FromNumberSet", val, numberString, true)
}

// DynamoAttributeValue_NumberSetFromStrings is {"NS": [...]} of numbers
// written as strings.
func DynamoAttributeValue_NumberSetFromStrings(val *[]*string) DynamoAttributeValue {
	return setAttribute("NS", "NumberSetFromStrings", val, func(v *Value) (*Value, error) { return v, checkNumberString(v) }, false)
}

// DynamoAttributeValue_FromBinarySet is {"BS": [...]} of base64 strings.
func DynamoAttributeValue_FromBinarySet(val *[]*string) DynamoAttributeValue {
	return setAttribute("BS", "FromBinarySet", val, func(v *Value) (*Value, error) { return v, checkBase64(v) }, false)
}

// DynamoAttributeValue_FromMap is {"M": {...}}: attribute names, kept as
// written, to attribute values.
func DynamoAttributeValue_FromMap(val *map[string]DynamoAttributeValue) DynamoAttributeValue {
	if val == nil {
		return badAttribute("FromMap: give a map of attribute names to values")
	}
	m, err := attributeMap(*val)
	if err != nil {
		return badAttribute("FromMap.%v", err)
	}
	return attribute("M", m)
}

// DynamoAttributeValue_MapFromJsonPath is {"M.$": path}: a map of
// attribute values in DynamoDB's JSON, taken from the state input.
func DynamoAttributeValue_MapFromJsonPath(val *string) DynamoAttributeValue {
	return wholeAttribute("M", "MapFromJsonPath", val, false)
}

// DynamoAttributeValue_MapFromJsonata is {"M": "{% ... %}"}.
func DynamoAttributeValue_MapFromJsonata(val *string) DynamoAttributeValue {
	return wholeAttribute("M", "MapFromJsonata", val, true)
}

// DynamoAttributeValue_FromList is {"L": [...]} of attribute values.
func DynamoAttributeValue_FromList(val *[]DynamoAttributeValue) DynamoAttributeValue {
	if val == nil {
		return badAttribute("FromList: give a list of attribute values")
	}
	items := make([]*Value, 0, len(*val))
	for i, a := range *val {
		v, err := attributeObject(a)
		if err != nil {
			return badAttribute("FromList[%d]: %v", i, err)
		}
		items = append(items, v)
	}
	return attribute("L", value.NewList(items...))
}

// DynamoAttributeValue_ListFromJsonPath is {"L.$": path}: a list of
// attribute values in DynamoDB's JSON, taken from the state input. (The
// CDK renders "L": "$.path", a literal string DynamoDB rejects.)
func DynamoAttributeValue_ListFromJsonPath(val *string) DynamoAttributeValue {
	return wholeAttribute("L", "ListFromJsonPath", val, false)
}

// DynamoAttributeValue_ListFromJsonata is {"L": "{% ... %}"}.
func DynamoAttributeValue_ListFromJsonata(val *string) DynamoAttributeValue {
	return wholeAttribute("L", "ListFromJsonata", val, true)
}

// DynamoAttributeValue_FromNull is {"NULL": true}; DynamoDB accepts no
// other value.
func DynamoAttributeValue_FromNull(val *bool) DynamoAttributeValue {
	if val == nil || !*val {
		return badAttribute("FromNull: must be true (DynamoDB rejects \"NULL\": false); to omit an attribute, leave it out")
	}
	return attribute("NULL", Bool(true))
}

// DynamoAttributeValue_FromBoolean is {"BOOL": value}: jsii.Bool(true), or
// a boolean decided at run time (tasks.BoolAt("$.flag"),
// tasks.BoolAt("{% ... %}")).
func DynamoAttributeValue_FromBoolean(val *bool) DynamoAttributeValue {
	v, err := convertAttribute("FromBoolean", val)
	if err != nil {
		return &dynamoValue{err: err}
	}
	if _, ok := v.LiteralValue().(bool); !ok && !v.IsExpression() {
		return badAttribute("FromBoolean: give a bool or a JSONPath, intrinsic or JSONata expression, got %s", describeLiteral(v))
	}
	return attribute("BOOL", v)
}

// DynamoAttributeValue_BooleanFromJsonPath is {"BOOL.$": path}. (The CDK
// renders a plain "$.flag" as the literal string "BOOL": "$.flag".)
func DynamoAttributeValue_BooleanFromJsonPath(val *string) DynamoAttributeValue {
	return wholeAttribute("BOOL", "BooleanFromJsonPath", val, false)
}

// DynamoAttributeValue_BooleanFromJsonata is {"BOOL": "{% ... %}"}.
func DynamoAttributeValue_BooleanFromJsonata(val *string) DynamoAttributeValue {
	return wholeAttribute("BOOL", "BooleanFromJsonata", val, true)
}

func convertAttribute(fn string, x any) (*Value, error) {
	v, err := engine.Convert(x)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	if v == nil {
		return nil, fmt.Errorf("%s: a value is required", fn)
	}
	return v, nil
}

// scalarAttribute is {typ: value} for a string value.
func scalarAttribute(typ, fn string, s *string) DynamoAttributeValue {
	v, err := convertAttribute(fn, s)
	if err != nil {
		return &dynamoValue{err: err}
	}
	return attribute(typ, v)
}

// wholeAttribute is {typ: expression}: a JSONPath (plain "$.x" or from
// tasks.StringAt / sfn.JsonPath_StringAt), or JSONata.
func wholeAttribute(typ, fn string, s *string, jsonata bool) DynamoAttributeValue {
	v, err := convertAttribute(fn, s)
	if err != nil {
		return &dynamoValue{err: err}
	}
	if text, ok := v.String(); ok {
		if jsonata {
			v = value.Ata(text)
		} else {
			v = value.Dyn(text)
		}
	}
	switch {
	case jsonata && v.Kind() != value.JSONata:
		return badAttribute("%s: give a JSONata expression ({%% ... %%}), got %s", fn, describeValue(v))
	case !jsonata && v.Kind() != value.Path && v.Kind() != value.Intrinsic:
		return badAttribute("%s: give a JSONPath ($.…) or intrinsic function, got %s", fn, describeValue(v))
	}
	return attribute(typ, v)
}

// setAttribute is {typ: [...]}, each item passed through item. numbers
// converts a whole JSONata list of numbers to the strings DynamoDB takes.
func setAttribute(typ, fn string, x any, item func(*Value) (*Value, error), numbers bool) DynamoAttributeValue {
	v, err := convertAttribute(fn, x)
	if err != nil {
		return &dynamoValue{err: err}
	}
	if v.IsExpression() {
		if numbers && v.Kind() == value.JSONata {
			body, _ := expr.JSONataBody(v.Expr())
			v = value.Ata("$map(" + strings.TrimSpace(body) + ", $string)")
		}
		return attribute(typ, v)
	}
	if v.Kind() != value.List {
		return badAttribute("%s: give a list, or a JSONPath, intrinsic or JSONata expression that yields one, got %s", fn, describeLiteral(v))
	}
	if len(v.Items()) == 0 {
		return badAttribute("%s: a set cannot be empty (DynamoDB rejects it); leave the attribute out instead", fn)
	}
	items := make([]*Value, len(v.Items()))
	seen := map[any]bool{}
	for i, it := range v.Items() {
		if it.Kind() == value.Literal && it.LiteralValue() == nil {
			return badAttribute("%s[%d]: is nil", fn, i)
		}
		if item != nil {
			if it, err = item(it); err != nil {
				return badAttribute("%s[%d]: %v", fn, i, err)
			}
		}
		if s, ok := it.String(); ok {
			if seen[s] {
				return badAttribute("%s[%d]: %q is a duplicate; DynamoDB rejects sets with duplicates", fn, i, s)
			}
			seen[s] = true
		} else if !it.IsExpression() {
			return badAttribute("%s[%d]: give a string or an expression, got %s", fn, i, describeLiteral(it))
		}
		items[i] = it
	}
	return attribute(typ, value.NewList(items...))
}

// numberString renders a number as the string DynamoDB takes, converting
// a dynamic one at run time.
func numberString(v *Value) (*Value, error) {
	if n, ok := v.Number(); ok {
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return nil, fmt.Errorf("%v is not a number DynamoDB can store", n)
		}
		return value.Lit(formatNumber(n)), nil
	}
	switch v.Kind() {
	case value.Path, value.Intrinsic:
		return value.Dyn("States.Format('{}', " + v.Expr() + ")"), nil
	case value.JSONata:
		body, _ := expr.JSONataBody(v.Expr())
		return value.Ata("$string(" + strings.TrimSpace(body) + ")"), nil
	}
	if s, ok := v.String(); ok {
		return nil, fmt.Errorf("%q is a string: give a number, or use DynamoAttributeValue_NumberFromString", s)
	}
	return nil, fmt.Errorf("give a number or a JSONPath, intrinsic or JSONata expression, got %s", describeLiteral(v))
}

// formatNumber writes n as JavaScript does, which is what the CDK sends.
func formatNumber(n float64) string {
	if abs := math.Abs(n); abs != 0 && (abs >= 1e21 || abs < 1e-6) {
		return strings.Replace(strconv.FormatFloat(n, 'g', -1, 64), "e-0", "e-", 1)
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

func checkNumberString(v *Value) error {
	s, ok := v.String()
	switch {
	case v.IsExpression():
		return nil
	case !ok:
		return fmt.Errorf("give a number written as a string, got %s", describeLiteral(v))
	case value.IsTokenString(s):
		return nil
	}
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.TrimSpace(s) != s {
		return fmt.Errorf("%q is not a number", s)
	}
	return nil
}

func checkBase64(v *Value) error {
	s, ok := v.String()
	switch {
	case v.IsExpression():
		return nil
	case !ok:
		return fmt.Errorf("give base64-encoded data as a string, got %s", describeLiteral(v))
	case value.IsTokenString(s):
		return nil
	}
	if _, err := base64.StdEncoding.DecodeString(s); err != nil {
		return fmt.Errorf("%q is not base64-encoded: %v", s, err)
	}
	return nil
}

func describeLiteral(v *Value) string {
	switch l := v.LiteralValue().(type) {
	case string:
		return fmt.Sprintf("the string %q", l)
	case nil:
	default:
		return fmt.Sprintf("the %T %v", l, l)
	}
	return describeValue(v)
}

// attributeObject converts one attribute value, ours or the CDK's.
func attributeObject(a DynamoAttributeValue) (*Value, error) {
	if a == nil {
		return nil, fmt.Errorf("missing attribute value")
	}
	if d, ok := a.(*dynamoValue); ok {
		return d.v, d.err
	}
	v, err := engine.Convert(a.ToObject())
	if err == nil && (v == nil || v.Kind() != value.Object) {
		err = fmt.Errorf("not an attribute value")
	}
	return v, err
}

// attributeMap converts attribute names (kept as written) to values.
func attributeMap(m map[string]DynamoAttributeValue) (*Value, error) {
	fields := make(map[string]*Value, len(m))
	for k := range m {
		v, err := attributeObject(m[k])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		fields[k] = v
	}
	return value.NewObject(fields).Verbatim(), nil
}
