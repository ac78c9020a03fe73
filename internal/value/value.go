// Package value models a task field's value: a JSON literal or one decided at
// run time (a JSONPath, an intrinsic function, a JSONata expression), and
// lists and objects that mix the two. It renders them for either query
// language, with the ".$" key suffix exactly where JSONPath needs it.
package value

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// Kind is what a Value holds.
type Kind uint8

const (
	Literal   Kind = iota // a string, number, bool or null
	Path                  // "$.a", "$$.Task.Token"
	Intrinsic             // "States.Format(...)"
	JSONata               // "{% ... %}"
	List                  // a list of Values
	Object                // string keys to Values
)

// Value is an immutable field value. The zero Value is JSON null.
type Value struct {
	kind     Kind
	lit      any // Literal: string, float64, bool or nil
	expr     string
	items    []*Value
	fields   map[string]*Value
	verbatim bool // Object: keys are the user's own, never case-converted
}

// Lit is a literal scalar: string, bool, nil or any Go number. A string is
// always literal here, even one that starts with '$'.
func Lit(v any) *Value {
	if f, ok := toFloat(v); ok {
		v = f
	}
	return &Value{kind: Literal, lit: v}
}

// Dyn is a JSONPath-language expression: a path or an intrinsic call.
// It is validated by Check, not here, so that the error can name its field.
func Dyn(e string) *Value {
	if strings.HasPrefix(strings.TrimSpace(e), "States.") {
		return &Value{kind: Intrinsic, expr: strings.TrimSpace(e)}
	}
	return &Value{kind: Path, expr: e}
}

// Ata is a JSONata expression, given with or without its "{% %}".
func Ata(e string) *Value {
	if !expr.IsJSONata(e) {
		e = "{% " + e + " %}"
	}
	return &Value{kind: JSONata, expr: e}
}

// NewList is a list of values.
func NewList(items ...*Value) *Value { return &Value{kind: List, items: items} }

// NewObject is an object of values.
func NewObject(fields map[string]*Value) *Value { return &Value{kind: Object, fields: fields} }

// Verbatim marks an object whose keys belong to the user (tags, environment
// variables, Batch parameters): key-case conversion leaves it alone.
func (v *Value) Verbatim() *Value {
	if v == nil || v.kind != Object {
		return v
	}
	c := *v
	c.verbatim = true
	return &c
}

func (v *Value) Kind() Kind                { return v.kind }
func (v *Value) Expr() string              { return v.expr }
func (v *Value) LiteralValue() any         { return v.lit }
func (v *Value) Items() []*Value           { return v.items }
func (v *Value) Fields() map[string]*Value { return v.fields }
func (v *Value) IsVerbatim() bool          { return v.verbatim }
func (v *Value) IsLiteral() bool           { return !v.Dynamic() }
func (v *Value) IsExpression() bool {
	return v.kind == Path || v.kind == Intrinsic || v.kind == JSONata
}
func (v *Value) Field(key string) *Value { return v.fields[key] }

// Dynamic reports whether any part of v is decided at run time.
func (v *Value) Dynamic() bool {
	switch v.kind {
	case Path, Intrinsic, JSONata:
		return true
	case List:
		for _, it := range v.items {
			if it.Dynamic() {
				return true
			}
		}
	case Object:
		for _, f := range v.fields {
			if f.Dynamic() {
				return true
			}
		}
	}
	return false
}

// String returns the literal string, if v is one.
func (v *Value) String() (string, bool) {
	if v == nil || v.kind != Literal {
		return "", false
	}
	s, ok := v.lit.(string)
	return s, ok
}

// Number returns the literal number, if v is one.
func (v *Value) Number() (float64, bool) {
	if v == nil || v.kind != Literal {
		return 0, false
	}
	f, ok := v.lit.(float64)
	return f, ok
}

// Walk calls fn for v and every value inside it, with its field path.
func (v *Value) Walk(path string, fn func(path string, v *Value)) {
	fn(path, v)
	switch v.kind {
	case List:
		for i, it := range v.items {
			it.Walk(fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case Object:
		for _, k := range slices.Sorted(maps.Keys(v.fields)) {
			v.fields[k].Walk(joinField(path, k), fn)
		}
	}
}

// UsesTaskToken reports whether v reads $$.Task.Token anywhere.
func (v *Value) UsesTaskToken() bool {
	found := false
	v.Walk("", func(_ string, x *Value) {
		switch x.kind {
		case Path:
			found = found || expr.UsesTaskToken(expr.Path, x.expr)
		case Intrinsic:
			found = found || expr.UsesTaskToken(expr.Intrinsic, x.expr)
		case JSONata:
			found = found || expr.UsesTaskToken(expr.JSONata, x.expr)
		}
	})
	return found
}

func joinField(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
