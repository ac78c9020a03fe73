package states

import (
	"fmt"
	"strings"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// RefPath is a reference path: "$" (the whole state input), "$.a.b",
// "$.items[0]", or a context path such as "$$.Execution.Name". It is always
// valid: Ref and Join reject anything a ResultPath-style reference path
// cannot be (wildcards, filters, slices, deep scans). The zero RefPath is "$".
//
// A RefPath is also a field value: put it wherever sfnkit takes a dynamic
// value (Body: states.Ref("$.payload"), a map value, a task payload) and it
// renders as "Key.$": "<path>".
type RefPath struct{ path string }

// Ref returns the reference path p, and panics if p is not one; use
// ParseRef to get an error instead.
func Ref(p string) RefPath {
	r, err := ParseRef(p)
	if err != nil {
		panic(err)
	}
	return r
}

// ParseRef returns the reference path p, or an error saying what is wrong.
func ParseRef(p string) (RefPath, error) {
	if err := expr.ParseReferencePath(p); err != nil {
		return RefPath{}, fmt.Errorf("states.Ref: %q is not a reference path ($, $.a.b, $.list[0], $$.Execution.Name): %w", p, err)
	}
	return RefPath{path: p}, nil
}

// String is the path as written: "$.a.b".
func (r RefPath) String() string {
	if r.path == "" {
		return "$"
	}
	return r.path
}

// IsContext reports whether r addresses the context object ("$$...").
func (r RefPath) IsContext() bool { return expr.IsContextPath(r.String()) }

// Join appends members to r: Ref("$.a").Join("b") is "$.a.b",
// Join("b.c"), Join("[0]") and Join("$.b.c") (a path relative to r, as
// "$" is r itself) work too, so Ref("$$.Execution").Join("Name") is
// "$$.Execution.Name". It panics if the result is not a reference path.
func (r RefPath) Join(members ...string) RefPath {
	p := r.String()
	for _, m := range members {
		switch {
		case m == "" || strings.HasPrefix(m, "$$"):
			panic(fmt.Errorf("states.RefPath.Join: cannot join %q to %s: give member names (\"b\", \"b.c\", \"[0]\") or a path relative to it (\"$.b\")", m, p))
		case strings.HasPrefix(m, "$"):
			p += m[1:]
		case strings.HasPrefix(m, "["):
			p += m
		default:
			p += "." + m
		}
	}
	return Ref(p)
}

// Key is the field name that makes a Parameters or ResultSelector entry
// read a path: Key("x") is "x.$", for map[string]any{r.Key("x"): r.String()}.
func (r RefPath) Key(name string) string { return name + ".$" }

// StringAt puts r in a *string field: JobDefinitionArn: r.StringAt().
func (r RefPath) StringAt() *string { return value.MarkString(r.String()) }

// Type and Value make r an sfn.TaskInput, which is how sfnkit fields read
// it as a dynamic value. Only sfnkit's own constructs understand it: give
// the CDK's constructs sfn.JsonPath_StringAt(r.String()).
func (r RefPath) Type() sfn.InputType { return sfn.InputType_TEXT }

// Value is the path as a dynamic field value (see Type).
func (r RefPath) Value() interface{} { return value.Dyn(r.String()) }
