package value

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// Lang is a state's query language.
type Lang uint8

const (
	JSONPathLang Lang = iota
	JSONataLang
)

func (l Lang) String() string {
	if l == JSONataLang {
		return "JSONata"
	}
	return "JSONPath"
}

// FieldError names the field whose value is wrong.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Check validates every expression in v for a state of the given language
// and returns one error per problem, each naming its field.
func Check(field string, v *Value, lang Lang) []error {
	if v == nil {
		return nil
	}
	var errs []error
	v.Walk(field, func(path string, x *Value) {
		var err error
		switch x.kind {
		case Path, Intrinsic:
			if lang == JSONataLang {
				err = fmt.Errorf("%s %q in a JSONata state: write it as JSONata ({%% $states.input... %%}) or set QueryLanguage to JSON_PATH", x.kindName(), x.expr)
			} else if x.kind == Path {
				err = expr.ParsePath(x.expr)
			} else {
				_, err = expr.ParseIntrinsic(x.expr)
			}
		case JSONata:
			if lang == JSONPathLang {
				err = fmt.Errorf("JSONata %q in a JSONPath state: set QueryLanguage to JSONATA or use a JSONPath ($.…)", x.expr)
			} else {
				err = expr.ParseJSONata(x.expr)
			}
		case List:
			if lang == JSONPathLang && x.needsArray() {
				err = x.checkArrayable()
			}
		}
		if err != nil {
			errs = append(errs, &FieldError{Field: path, Msg: err.Error()})
		}
	})
	return errs
}

func (v *Value) kindName() string {
	if v.kind == Intrinsic {
		return "intrinsic function"
	}
	return "JSONPath"
}

// needsArray reports whether a list must be written as States.Array in a
// JSONPath state: an item is itself an expression (or such a list). Objects
// in a list carry their own "key.$" fields, which Step Functions evaluates.
func (v *Value) needsArray() bool {
	for _, it := range v.items {
		if it.kind == Path || it.kind == Intrinsic || (it.kind == List && it.needsArray()) {
			return true
		}
	}
	return false
}

// checkArrayable reports whether a dynamic list can be written as
// States.Array, which takes scalars, paths, calls and nested arrays.
func (v *Value) checkArrayable() error {
	for i, it := range v.items {
		if it.kind == Object && it.Dynamic() {
			return fmt.Errorf("element %d is an object with dynamic fields, which a JSONPath state cannot put in a list: give the whole list as one path, or use JSONata", i)
		}
		if it.kind == List {
			if err := it.checkArrayable(); err != nil {
				return err
			}
		}
	}
	return nil
}

// RenderField sets out[key] to v rendered for lang, or out[key+".$"] when
// v is a JSONPath-language expression. Check v first.
func RenderField(out map[string]any, key string, v *Value, lang Lang) {
	if v == nil {
		return
	}
	if lang == JSONPathLang {
		switch {
		case v.kind == Path || v.kind == Intrinsic:
			out[key+".$"] = v.expr
			return
		case v.kind == List && v.needsArray():
			out[key+".$"] = v.intrinsicArg()
			return
		}
	}
	out[key] = Render(v, lang)
}

// Render returns v as plain JSON for lang. An expression at the top level
// renders as its text; use RenderField to get the ".$" key.
func Render(v *Value, lang Lang) any {
	if v == nil {
		return nil
	}
	switch v.kind {
	case Literal:
		return v.lit
	case Path, Intrinsic, JSONata:
		return v.expr
	case List:
		if lang == JSONPathLang && v.needsArray() {
			return v.intrinsicArg()
		}
		out := make([]any, len(v.items))
		for i, it := range v.items {
			out[i] = Render(it, lang)
		}
		return out
	}
	out := make(map[string]any, len(v.fields))
	for k, f := range v.fields {
		RenderField(out, k, f, lang)
	}
	return out
}

// intrinsicArg writes v as an argument of an intrinsic function.
func (v *Value) intrinsicArg() string {
	switch v.kind {
	case Path, Intrinsic:
		return v.expr
	case List:
		if !v.needsArray() {
			return jsonArg(Render(v, JSONPathLang))
		}
		args := make([]string, len(v.items))
		for i, it := range v.items {
			args[i] = it.intrinsicArg()
		}
		return "States.Array(" + strings.Join(args, ", ") + ")"
	case Object:
		return jsonArg(Render(v, JSONPathLang))
	}
	switch l := v.lit.(type) {
	case nil:
		return "null"
	case string:
		return expr.Quote(l)
	case bool:
		return strconv.FormatBool(l)
	case float64:
		if l == math.Trunc(l) && math.Abs(l) < 1e15 {
			return strconv.FormatFloat(l, 'f', -1, 64)
		}
		return strconv.FormatFloat(l, 'g', -1, 64)
	}
	return jsonArg(v.lit)
}

// jsonArg embeds a literal object or list in an intrinsic call.
func jsonArg(x any) string {
	b, _ := json.Marshal(x)
	return "States.StringToJson(" + expr.Quote(string(b)) + ")"
}
