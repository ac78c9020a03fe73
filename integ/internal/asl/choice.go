package asl

import (
	"path"
	"strings"
	"time"
)

// choose returns the index of the first Choices rule that matches (JSONPath
// rules: Variable and a comparison, And, Or, Not), -1 when none does.
func (l *lane) choose(rules []any, input any, ctx map[string]any) (int, *Failure) {
	for i, r := range rules {
		rule, _ := r.(map[string]any)
		ok, f := l.matchRule(rule, input, ctx)
		if f != nil {
			return -1, f
		}
		if ok {
			return i, nil
		}
	}
	return -1, nil
}

var comparators = []string{
	"StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals", "StringMatches",
	"NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
	"BooleanEquals",
	"TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
	"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
}

func (l *lane) matchRule(rule map[string]any, input any, ctx map[string]any) (bool, *Failure) {
	if list, ok := rule["And"].([]any); ok {
		for _, r := range list {
			m, _ := r.(map[string]any)
			ok, f := l.matchRule(m, input, ctx)
			if f != nil || !ok {
				return false, f
			}
		}
		return true, nil
	}
	if list, ok := rule["Or"].([]any); ok {
		for _, r := range list {
			m, _ := r.(map[string]any)
			ok, f := l.matchRule(m, input, ctx)
			if f != nil || ok {
				return ok, f
			}
		}
		return false, nil
	}
	if not, ok := rule["Not"].(map[string]any); ok {
		ok, f := l.matchRule(not, input, ctx)
		return !ok && f == nil, f
	}
	variable, _ := rule["Variable"].(string)
	for _, op := range comparators {
		want, isLiteral := rule[op]
		pathArg, isPath := rule[op+"Path"]
		if !isLiteral && !isPath {
			continue
		}
		if op == "IsPresent" {
			_, f := l.queryPath(variable, input, ctx)
			return (f == nil) == want.(bool), nil
		}
		got, f := l.queryPath(variable, input, ctx)
		if f != nil {
			return false, f
		}
		if isPath {
			want, f = l.queryPath(pathArg.(string), input, ctx)
			if f != nil {
				return false, f
			}
		}
		return compare(op, got, want), nil
	}
	return false, runtimeErr("a Choice rule has no comparison operator: %s", jsonText(rule))
}

func compare(op string, got, want any) bool {
	switch {
	case strings.HasPrefix(op, "Is"):
		b, _ := want.(bool)
		var is bool
		switch op {
		case "IsNull":
			is = got == nil
		case "IsNumeric":
			_, is = got.(float64)
		case "IsString":
			_, is = got.(string)
		case "IsBoolean":
			_, is = got.(bool)
		case "IsTimestamp":
			s, ok := got.(string)
			_, err := time.Parse(time.RFC3339, s)
			is = ok && err == nil
		}
		return is == b
	case op == "StringMatches":
		s, ok1 := got.(string)
		pat, ok2 := want.(string)
		return ok1 && ok2 && wildcardMatch(pat, s)
	case strings.HasPrefix(op, "String"):
		a, ok1 := got.(string)
		b, ok2 := want.(string)
		return ok1 && ok2 && ordered(strings.TrimPrefix(op, "String"), strings.Compare(a, b))
	case strings.HasPrefix(op, "Numeric"):
		a, ok1 := got.(float64)
		b, ok2 := want.(float64)
		return ok1 && ok2 && ordered(strings.TrimPrefix(op, "Numeric"), cmpFloat(a, b))
	case op == "BooleanEquals":
		a, ok1 := got.(bool)
		b, ok2 := want.(bool)
		return ok1 && ok2 && a == b
	case strings.HasPrefix(op, "Timestamp"):
		a, ok1 := got.(string)
		b, ok2 := want.(string)
		ta, err1 := time.Parse(time.RFC3339, a)
		tb, err2 := time.Parse(time.RFC3339, b)
		return ok1 && ok2 && err1 == nil && err2 == nil && ordered(strings.TrimPrefix(op, "Timestamp"), ta.Compare(tb))
	}
	return false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func ordered(rel string, c int) bool {
	switch rel {
	case "Equals":
		return c == 0
	case "LessThan":
		return c < 0
	case "GreaterThan":
		return c > 0
	case "LessThanEquals":
		return c <= 0
	case "GreaterThanEquals":
		return c >= 0
	}
	return false
}

// wildcardMatch implements StringMatches: '*' matches any run of
// characters, "\*" a literal star and "\\" a backslash.
func wildcardMatch(pattern, s string) bool {
	var glob strings.Builder
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			i++
			glob.WriteByte('\\')
			glob.WriteByte(pattern[i])
		case c == '*':
			glob.WriteByte('*')
		case strings.IndexByte("?[", c) >= 0:
			glob.WriteByte('\\')
			glob.WriteByte(c)
		default:
			glob.WriteByte(c)
		}
	}
	// path.Match's '*' stops at '/': match segment-free by replacing it.
	const sep = "\x00"
	ok, _ := path.Match(strings.ReplaceAll(glob.String(), "/", sep), strings.ReplaceAll(s, "/", sep))
	return ok
}
