package value

import (
	"fmt"
	"math"
	"reflect"
	"strings"
)

// Marker prefixes a string that sfnkit's string helpers (tasks.StringAt and
// friends) made dynamic, so that a *string field can carry an expression
// without a CDK token. Private-use code points never occur in real text.
const Marker = "\uE000sfnkit\uE001"

// MarkString returns the *string form of a JSONPath-language expression.
func MarkString(e string) *string {
	s := Marker + e
	return &s
}

// Resolver decodes CDK tokens, which only the CDK (through jsii) can do.
type Resolver interface {
	// Foreign converts a value of a type this package does not know (a CDK
	// object such as a TaskInput or an IResolvable) into plain Go values or a
	// Token; ok is false if it cannot.
	Foreign(x any) (converted any, ok bool)
	// Expressions returns, for each token, the JSONPath expression it
	// encodes, or "" for a token the CDK resolves itself at synth (an ARN,
	// a pseudo parameter), which stays a literal.
	Expressions(tokens []any) ([]string, error)
}

// Token wraps a CDK token of any shape for Resolver.Expressions.
type Token struct{ X any }

// IsTokenString reports whether s carries a CDK token.
func IsTokenString(s string) bool {
	return strings.Contains(s, "${Token[") || strings.Contains(s, "#{Token[")
}

// IsTokenNumber reports whether f is a CDK number token: a NaN-space double
// the CDK reserves for them.
func IsTokenNumber(f float64) bool { return math.Float64bits(f)>>48 == 0xFBFF }

// From converts what a user put in a field — Go literals, pointers as jsii
// writes them, maps, slices, sfnkit Values, CDK tokens and CDK objects —
// into a Value. A nil input gives a nil Value (the field is absent).
func From(x any, r Resolver) (*Value, error) {
	c := &converter{r: r}
	v, err := c.conv(x)
	if err != nil || len(c.pending) == 0 {
		return v, err
	}
	if r == nil {
		return nil, fmt.Errorf("a CDK token needs the CDK to decode it")
	}
	tokens := make([]any, len(c.pending))
	for i, p := range c.pending {
		tokens[i] = p.token
	}
	exprs, err := r.Expressions(tokens)
	if err != nil {
		return nil, err
	}
	for i, p := range c.pending {
		if exprs[i] != "" {
			*p.node = *Dyn(exprs[i])
		} else {
			*p.node = Value{kind: Literal, lit: p.token}
		}
	}
	return v, nil
}

type pendingToken struct {
	token any
	node  *Value
}

type converter struct {
	r       Resolver
	pending []pendingToken
}

func (c *converter) token(t any) *Value {
	node := &Value{}
	c.pending = append(c.pending, pendingToken{token: t, node: node})
	return node
}

func (c *converter) conv(x any) (*Value, error) {
	if v, ok := Standing(x); ok {
		return v, nil
	}
	switch t := x.(type) {
	case nil:
		return nil, nil
	case *Value:
		return t, nil
	case string:
		return c.str(t), nil
	case *string:
		if t == nil {
			return nil, nil
		}
		return c.str(*t), nil
	case bool:
		return Lit(t), nil
	case *bool:
		if t == nil {
			return nil, nil
		}
		return Lit(*t), nil
	case Token:
		return c.token(t.X), nil
	case map[string]any:
		return c.object(reflect.ValueOf(t))
	case *map[string]any:
		if t == nil {
			return nil, nil
		}
		return c.object(reflect.ValueOf(*t))
	case []any:
		return c.list(reflect.ValueOf(t))
	}
	if f, ok := toFloat(x); ok {
		if IsTokenNumber(f) {
			return c.token(f), nil
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%v is not a number JSON can carry: give a finite number", f)
		}
		return Lit(f), nil
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return nil, nil
		}
		if k := rv.Elem().Kind(); k == reflect.Slice || k == reflect.Map || isNumberKind(k) {
			return c.conv(rv.Elem().Interface())
		}
	case reflect.Slice:
		if isListToken(rv) {
			return c.token(x), nil
		}
		return c.list(rv)
	case reflect.Map:
		if rv.Type().Key().Kind() == reflect.String {
			return c.object(rv)
		}
	}
	if c.r != nil {
		if conv, ok := c.r.Foreign(x); ok {
			return c.conv(conv)
		}
	}
	return nil, fmt.Errorf("cannot use a %T as a field value: give a string, number, bool, list, map, or a value from tasks.Path, tasks.JSONata…", x)
}

func (c *converter) str(s string) *Value {
	switch {
	case strings.HasPrefix(s, Marker):
		return Dyn(strings.TrimPrefix(s, Marker))
	case IsTokenString(s):
		return c.token(s)
	case strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}"):
		return &Value{kind: JSONata, expr: s}
	}
	return Lit(s)
}

func (c *converter) list(rv reflect.Value) (*Value, error) {
	items := make([]*Value, 0, rv.Len())
	for i := 0; i < rv.Len(); i++ {
		it, err := c.conv(rv.Index(i).Interface())
		if err != nil {
			return nil, fmt.Errorf("[%d]: %w", i, err)
		}
		if it == nil {
			it = Lit(nil)
		}
		items = append(items, it)
	}
	return NewList(items...), nil
}

func (c *converter) object(rv reflect.Value) (*Value, error) {
	fields := make(map[string]*Value, rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		key := iter.Key().String()
		raw := iter.Value().Interface()
		var (
			v   *Value
			err error
		)
		if strings.HasSuffix(key, ".$") && key != ".$" {
			// Raw ASL written by the user: the value is an expression.
			key = strings.TrimSuffix(key, ".$")
			s, ok := deref(raw).(string)
			if !ok {
				return nil, fmt.Errorf("%s.$: a key ending in .$ takes a JSONPath or intrinsic string, got %T", key, raw)
			}
			v = Dyn(strings.TrimPrefix(s, Marker))
		} else if v, err = c.conv(raw); err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		if v == nil {
			v = Lit(nil)
		}
		if _, dup := fields[key]; dup {
			return nil, fmt.Errorf("%s: given both as %q and %q", key, key, key+".$")
		}
		fields[key] = v
	}
	return NewObject(fields), nil
}

func deref(x any) any {
	if p, ok := x.(*string); ok && p != nil {
		return *p
	}
	return x
}

// isListToken reports whether a []string/[]*string is a CDK list token.
func isListToken(rv reflect.Value) bool {
	if rv.Len() != 1 {
		return false
	}
	var s string
	switch e := rv.Index(0).Interface().(type) {
	case string:
		s = e
	case *string:
		if e == nil {
			return false
		}
		s = *e
	default:
		return false
	}
	return strings.HasPrefix(s, "#{Token[") && strings.HasSuffix(s, "]}")
}

func isNumberKind(k reflect.Kind) bool {
	return (k >= reflect.Int && k <= reflect.Uint64) || k == reflect.Float32 || k == reflect.Float64
}

func toFloat(x any) (float64, bool) {
	rv := reflect.ValueOf(x)
	if !rv.IsValid() {
		return 0, false
	}
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() || !isNumberKind(rv.Elem().Kind()) {
			return 0, false
		}
		rv = rv.Elem()
	}
	switch {
	case rv.Kind() >= reflect.Int && rv.Kind() <= reflect.Int64:
		return float64(rv.Int()), true
	case rv.Kind() >= reflect.Uint && rv.Kind() <= reflect.Uint64:
		return float64(rv.Uint()), true
	case rv.Kind() == reflect.Float32 || rv.Kind() == reflect.Float64:
		return rv.Float(), true
	}
	return 0, false
}
