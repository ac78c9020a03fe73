package tasks

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Helpers shared by the tasks that call endpoints: HttpInvoke, the API
// Gateway tasks and CallAwsServiceCrossRegion.

// regionCodeName is a region code: us-east-1, us-gov-west-1, cn-north-1.
var regionCodeName = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d{1,2}$`)

// checkRegionCode checks a literal region code.
func checkRegionCode(spec *engine.Spec, name string, v *Value) {
	if s, ok := v.String(); ok && !value.IsTokenString(s) && !regionCodeName.MatchString(s) {
		spec.Problems = append(spec.Problems, fieldProblem(name, "%q is not a region code such as us-east-1", s))
	}
}

// joinStringParts joins parts into one string value: a literal when every part is
// one (CDK tokens included), else States.Format in a JSONPath state or an
// & concatenation in a JSONata state.
func joinStringParts(jsonata bool, parts ...*Value) *Value {
	dynamic := false
	for _, p := range parts {
		dynamic = dynamic || p.Dynamic()
	}
	if !dynamic {
		var b strings.Builder
		for _, p := range parts {
			s, _ := p.String()
			b.WriteString(s)
		}
		return value.Lit(b.String())
	}
	if jsonata {
		terms := make([]string, len(parts))
		for i, p := range parts {
			if s, ok := p.String(); ok {
				terms[i] = jsonataStringLiteral(s)
			} else {
				terms[i] = jsonataConcatTerm(p)
			}
		}
		return value.Ata(strings.Join(terms, " & "))
	}
	var tmpl strings.Builder
	var args []string
	for _, p := range parts {
		if s, ok := p.String(); ok {
			tmpl.WriteString(escapeIntrinsicKeepingTokens(s, true))
			continue
		}
		tmpl.WriteString("{}")
		args = append(args, p.Expr())
	}
	return value.Dyn("States.Format('" + tmpl.String() + "', " + strings.Join(args, ", ") + ")")
}

// jsonataConcatTerm is a JSONata expression's body for use inside a larger &
// concatenation: as it is when it is an operand or an & chain itself,
// else parenthesized.
func jsonataConcatTerm(v *Value) string {
	body, _ := expr.JSONataBody(v.Expr())
	if expr.IsConcatenation(body) {
		return body
	}
	return "(" + body + ")"
}

// jsonataStringLiteral is a JSONata string literal: single-quoted as the CDK
// writes it, or JSON double-quoted when s holds a quote or a backslash
// (JSONata has no \' escape).
func jsonataStringLiteral(s string) string {
	if !strings.ContainsAny(s, `'\`) && !strings.ContainsAny(s, "\n\r\t") {
		return "'" + s + "'"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(buf.String(), "\n")
}

// escapeIntrinsicKeepingTokens escapes s for an intrinsic function string literal
// (' and \, and { } too in a States.Format template), except inside CDK
// tokens ("${Token[…]}"), which CloudFormation replaces by text without
// braces.
func escapeIntrinsicKeepingTokens(s string, template bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "${Token[") {
			if end := strings.Index(s[i:], "]}"); end >= 0 {
				b.WriteString(s[i : i+end+2])
				i += end + 1
				continue
			}
		}
		c := s[i]
		switch {
		case c == '\'' || c == '\\':
			b.WriteByte('\\')
		case template && (c == '{' || c == '}'):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// checkListValuedMap checks a literal map of lists (API Gateway headers and
// query parameters: each name takes a list of values).
func checkListValuedMap(spec *engine.Spec, name string, v *Value) {
	if v == nil || v.IsExpression() {
		return
	}
	if v.Kind() != value.Object {
		spec.Problems = append(spec.Problems, fieldProblem(name, "must be an object of lists of strings ({\"name\": [\"value\"]}) or dynamic, got %s", describeValue(v)))
		return
	}
	keys := make([]string, 0, len(v.Fields()))
	for k := range v.Fields() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := v.Fields()[k]
		if f.IsExpression() {
			continue
		}
		if f.Kind() != value.List {
			spec.Problems = append(spec.Problems, fieldProblem(name+"."+k, "must be a list of strings (API Gateway takes several values per name), got %s", describeValue(f)))
			continue
		}
		for i, it := range f.Items() {
			if _, ok := it.String(); !ok && !it.IsExpression() {
				spec.Problems = append(spec.Problems, fieldProblem(name+"."+k, "item %d must be a string (or dynamic), got %s", i, describeValue(it)))
			}
		}
	}
}
