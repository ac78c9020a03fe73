package tasks

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// emrClusterIDPattern is the form of an EMR cluster (job flow) ID.
var emrClusterIDPattern = regexp.MustCompile(`^j-[0-9A-Z]+$`)

// clusterID sets the required ClusterId and checks a literal one.
func (p *taskParams) clusterID(id *string) {
	v := p.required("ClusterId", "ClusterId", id, "the ID of the EMR cluster (j-…)")
	if s, ok := literalString(v); ok && !emrClusterIDPattern.MatchString(s) {
		p.problem("ClusterId", "%q is not an EMR cluster ID: j- followed by upper-case letters and digits (j-2AXXXXXXGAPLF)", s)
	}
}

// emrObj builds one object of EMR parameters. Problems are named by the
// path of the prop: "Instances.InstanceGroups[0].InstanceCount".
type emrObj struct {
	spec   *engine.Spec
	at     string
	fields map[string]*Value
}

func newEmrObj(spec *engine.Spec, at string) *emrObj {
	return &emrObj{spec: spec, at: at, fields: map[string]*Value{}}
}

func (o *emrObj) path(name string) string {
	if o.at == "" {
		return name
	}
	return o.at + "." + name
}

func (o *emrObj) problem(name, format string, args ...any) {
	o.spec.Problems = append(o.spec.Problems, fieldProblem(o.path(name), format, args...))
}

// value is the object built.
func (o *emrObj) value() *Value { return value.NewObject(o.fields) }

// put sets key when v is given.
func (o *emrObj) put(key string, v *Value) *Value {
	if v != nil {
		o.fields[key] = v
	}
	return v
}

// field converts a prop, recording a conversion problem under its path.
func (o *emrObj) field(name string, x any) *Value { return field(o.spec, o.path(name), x) }

// str sets a string prop under its own name.
func (o *emrObj) str(name string, s *string) *Value { return o.put(name, o.field(name, s)) }

// reqStr is str for a required prop.
func (o *emrObj) reqStr(name string, s *string, what string) *Value {
	v := o.str(name, s)
	if v == nil {
		o.problem(name, "required: %s", what)
	}
	return v
}

// boolean sets a *bool prop.
func (o *emrObj) boolean(name string, b *bool) *Value { return o.put(name, o.field(name, b)) }

// number reads a *float64 prop, checking a literal one: a whole number when
// whole, and within [min, max] (±Inf for no bound).
func (o *emrObj) number(name string, n *float64, whole bool, min, max float64) *Value {
	v := o.field(name, n)
	if f, ok := literalNumber(v); ok {
		switch {
		case whole && f != math.Trunc(f):
			o.problem(name, "must be a whole number (or dynamic), got %s", num(f))
		case f < min || f > max:
			o.problem(name, "must be %s (or dynamic), got %s", describeRange(min, max), num(f))
		}
	}
	return v
}

// count sets a whole number of at least min under the prop's own name.
func (o *emrObj) count(name string, n *float64, min float64) *Value {
	return o.put(name, o.number(name, n, true, min, math.Inf(1)))
}

func describeRange(min, max float64) string {
	switch {
	case math.IsInf(max, 1):
		return "at least " + num(min)
	case math.IsInf(min, -1):
		return "at most " + num(max)
	}
	return "from " + num(min) + " to " + num(max)
}

// num writes a number as it was given: 1000001, not 1.000001e+06.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// literalNumber is v's number when it is a literal one (not dynamic, not a
// CDK token the CDK resolves at synth).
func literalNumber(v *Value) (float64, bool) {
	f, ok := v.Number()
	return f, ok && !value.IsTokenNumber(f)
}

// strings sets a list of strings: literal items must be strings; any
// item, or the whole list (tasks.ListAt), may be dynamic.
func (o *emrObj) strings(name string, list *[]*string) *Value {
	v := o.field(name, list)
	switch {
	case v == nil || v.IsExpression():
	case v.Kind() != value.List:
		o.problem(name, "give a list of strings, or an expression that yields one at run time, got %s", describeValue(v))
		return nil
	default:
		for i, item := range v.Items() {
			if _, ok := item.String(); !ok && !item.Dynamic() {
				o.problem(fmt.Sprintf("%s[%d]", name, i), "must be a string (or dynamic), got %s", describeValue(item))
			}
		}
	}
	return o.put(name, v)
}

// stringMap sets a map of strings whose keys are the user's own (kept as
// written); values, or the whole map (tasks.StringMapAt), may be dynamic.
func (o *emrObj) stringMap(name string, m *map[string]*string) *Value {
	v := o.field(name, m)
	switch {
	case v == nil || v.IsExpression():
		return o.put(name, v)
	case v.Kind() != value.Object:
		o.problem(name, "give a map of strings, or an expression that yields it at run time, got %s", describeValue(v))
		return nil
	}
	for _, k := range sortedFieldNames(v) {
		if f := v.Field(k); f.Kind() == value.Literal && f.LiteralValue() == nil {
			o.problem(name+"."+k, "a nil value: give a string (or a dynamic one)")
		}
	}
	return o.put(name, v.Verbatim())
}

// keyValues turns a map of strings into EMR's [{"Key", "Value"}] list, in
// the order the CDK gives it; an expression stands for the whole list.
func (o *emrObj) keyValues(name string, m *map[string]*string) *Value {
	v := o.field(name, m)
	switch {
	case v == nil || v.IsExpression():
		return v
	case v.Kind() != value.Object:
		o.problem(name, "give a map of names to string values, or an expression that yields the [{\"Key\", \"Value\"}] list at run time, got %s", describeValue(v))
		return nil
	}
	keys := jsKeyOrder(sortedFieldNames(v))
	list := make([]*Value, 0, len(keys))
	for _, k := range keys {
		val := v.Field(k)
		if _, ok := val.String(); !ok && !val.Dynamic() {
			o.problem(name+"."+k, "must be a string (or dynamic), got %s", describeValue(val))
		}
		list = append(list, value.NewObject(map[string]*Value{"Key": value.Lit(k), "Value": val}))
	}
	return value.NewList(list...)
}

// jsKeyOrder orders a JavaScript object's keys as the CDK sees a Go map:
// jsii sends it sorted, and JavaScript puts integer-like keys first, in
// numeric order.
func jsKeyOrder(sorted []string) []string {
	var ints, rest []string
	for _, k := range sorted {
		if n, err := strconv.ParseUint(k, 10, 32); err == nil && strconv.FormatUint(n, 10) == k && n < math.MaxUint32 {
			ints = append(ints, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.Slice(ints, func(i, j int) bool {
		a, _ := strconv.ParseUint(ints[i], 10, 32)
		b, _ := strconv.ParseUint(ints[j], 10, 32)
		return a < b
	})
	return append(ints, rest...)
}

// emrEnum lists an enum's Go constant names with the values EMR takes.
type emrEnum [][2]string

// identity is an enum whose values are its names.
func identity(names ...string) emrEnum {
	e := make(emrEnum, len(names))
	for i, n := range names {
		e[i] = [2]string{n, n}
	}
	return e
}

// enum sets an enum prop, rendered as EMR takes it; a constant of the
// CDK's, the API's value, or a dynamic value.
func (o *emrObj) enum(name string, given string, e emrEnum) *Value {
	if given == "" {
		return nil
	}
	v := o.field(name, given)
	if s, ok := literalString(v); ok {
		for _, c := range e {
			if s == c[0] || s == c[1] {
				return o.put(name, value.Lit(c[1]))
			}
		}
		names := make([]string, len(e))
		for i, c := range e {
			names[i] = c[0]
		}
		o.problem(name, "must be %s (or dynamic), got %q", strings.Join(names, ", "), s)
		return nil
	}
	return o.put(name, v)
}

// seconds sets a Duration in whole seconds, checked against [min, max]
// when literal.
func (o *emrObj) seconds(name, key string, d awscdk.Duration, min, max float64) *Value {
	v := durationIn(o.spec, o.path(name), d, engine.Second)
	if f, ok := literalNumber(v); ok && (f < min || f > max) {
		o.problem(name, "must be %s seconds (or dynamic), got %s", describeRange(min, max), num(f))
	}
	return o.put(key, v)
}

// gibibytes sets a Size in whole GiB, checked against [min, max] when literal.
func (o *emrObj) gibibytes(name, key string, size awscdk.Size, min, max float64) *Value {
	v := sizeIn(o.spec, o.path(name), size, engine.Gibibyte)
	if f, ok := literalNumber(v); ok {
		switch {
		case f != math.Trunc(f):
			o.problem(name, "must be a whole number of GiB (or dynamic), got %s GiB", num(f))
		case f < min || f > max:
			o.problem(name, "must be %s GiB (or dynamic), got %s GiB", describeRange(min, max), num(f))
		}
	}
	return o.put(key, v)
}

// isLiteralText reports whether an enum or string prop is a literal, not
// one made dynamic (tasks.StringAt, a CDK token, JSONata).
func isLiteralText(s string) bool {
	return !strings.HasPrefix(s, value.Marker) && !value.IsTokenString(s) && !strings.HasPrefix(strings.TrimSpace(s), "{%")
}

// emrStruct renders a nested struct prop: nil when absent, the expression
// when tasks.ValueAt made it dynamic, else the object build makes of it.
func emrStruct[T any](o *emrObj, name string, x *T, build func(c *emrObj, x *T)) *Value {
	if x == nil {
		return nil
	}
	if v, ok := value.Standing(x); ok {
		return v
	}
	c := newEmrObj(o.spec, o.path(name))
	build(c, x)
	return c.value()
}

// emrList renders a list of structs like emrStruct, item by item; a nil
// item is a problem naming its index.
func emrList[T any](o *emrObj, name string, list *[]*T, build func(c *emrObj, x *T)) *Value {
	if list == nil {
		return nil
	}
	if v, ok := value.Standing(list); ok {
		return v
	}
	items := make([]*Value, 0, len(*list))
	for i, x := range *list {
		at := fmt.Sprintf("%s[%d]", name, i)
		if x == nil {
			o.problem(at, "a nil item: give a value, or leave it out")
			continue
		}
		items = append(items, emrStruct(o, at, x, build))
	}
	return value.NewList(items...)
}

// sortedFieldNames lists an object's keys in order, for stable output and messages.
func sortedFieldNames(v *Value) []string {
	keys := make([]string, 0, len(v.Fields()))
	for k := range v.Fields() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
