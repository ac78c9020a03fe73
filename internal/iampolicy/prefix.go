package iampolicy

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// LiteralPrefix is the text every value of v starts with, and whether that
// text is the whole value: a literal string is itself; a States.Format
// call is its template up to the first argument decided at run time (its
// literal string and number arguments, and nested States.Format calls,
// filled in); a JSONata expression "'https://' & 'host/' & $x" is its
// leading string literals. Anything else is "" and not exact. It is what a
// URL, a stage or a path narrows to when part of it is dynamic.
func LiteralPrefix(v *value.Value) (prefix string, exact bool) {
	if v == nil {
		return "", false
	}
	switch v.Kind() {
	case value.Literal:
		s, ok := v.String()
		return s, ok
	case value.Intrinsic:
		call, err := expr.ParseIntrinsic(v.Expr())
		if err != nil {
			return "", false
		}
		return formatPrefix(call)
	case value.JSONata:
		body, _ := expr.JSONataBody(v.Expr())
		return jsonataPrefix(body)
	}
	return "", false
}

// formatPrefix expands a States.Format template as far as its arguments
// are known.
func formatPrefix(call *expr.Call) (string, bool) {
	if call.Name != "States.Format" || len(call.Args) == 0 || call.Args[0].Kind != expr.ArgString {
		return "", false
	}
	tmpl, args := call.Args[0].Str, call.Args[1:]
	var b strings.Builder
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch {
		case c == '\\' && i+1 < len(tmpl):
			i++
			b.WriteByte(tmpl[i])
		case c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '}':
			i++
			if len(args) == 0 {
				return b.String(), false
			}
			a := args[0]
			args = args[1:]
			switch a.Kind {
			case expr.ArgString:
				b.WriteString(unescapeBraces(a.Str))
			case expr.ArgNumber, expr.ArgBool:
				b.WriteString(a.Text)
			case expr.ArgNull:
				b.WriteString("null")
			case expr.ArgCall:
				inner, exact := formatPrefix(a.Call)
				b.WriteString(inner)
				if !exact {
					return b.String(), false
				}
			default:
				return b.String(), false
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

func unescapeBraces(s string) string {
	return strings.NewReplacer(`\{`, "{", `\}`, "}").Replace(s)
}

// jsonataPrefix reads the string literals a JSONata concatenation starts
// with: 'a' & "b" & $x → "ab". An expression with any operator weaker
// than or as weak as & at its top level ('a' & $x = 'y' is a boolean) has
// no prefix.
func jsonataPrefix(body string) (string, bool) {
	if !expr.IsConcatenation(body) {
		return "", false
	}
	var b strings.Builder
	s := strings.TrimSpace(body)
	for {
		if s == "" || (s[0] != '\'' && s[0] != '"') {
			return b.String(), false
		}
		quote := s[0]
		i := 1
		for ; i < len(s) && s[i] != quote; i++ {
			if s[i] == '\\' {
				i++
				if i < len(s) {
					b.WriteByte(s[i])
				}
				continue
			}
			b.WriteByte(s[i])
		}
		if i >= len(s) {
			return "", false
		}
		s = strings.TrimSpace(s[i+1:])
		if s == "" {
			return b.String(), true
		}
		if s[0] != '&' {
			return b.String(), false
		}
		s = strings.TrimSpace(s[1:])
	}
}

// Narrow is what an ARN or a StringLike condition may name for a value
// known only as far as prefix: the prefix itself when it is the whole
// value, else the prefix followed by "*".
func Narrow(prefix string, exact bool) string {
	if exact {
		return prefix
	}
	return prefix + "*"
}
