package expr

import "strings"

// IsConcatenation reports whether a JSONata expression body is, at its top
// level, operands joined by & only (or a single operand): no operator as
// weak as & or weaker (= < > ? : + - ; ~> | and or in) outside brackets
// and strings, so that it can be put inside a larger & chain as it is.
func IsConcatenation(body string) bool {
	depth := 0
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			for i++; i < len(body) && body[i] != c; i++ {
				if body[i] == '\\' {
					i++
				}
			}
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case depth > 0:
		case strings.IndexByte("=!<>?:+-;~|", c) >= 0:
			return false
		case isWordStart(body, i, "and"), isWordStart(body, i, "or"), isWordStart(body, i, "in"):
			return false
		}
	}
	return true
}

// isWordStart reports whether word stands alone at body[i:].
func isWordStart(body string, i int, word string) bool {
	if !strings.HasPrefix(body[i:], word) {
		return false
	}
	ident := func(c byte) bool {
		return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	if i > 0 && ident(body[i-1]) {
		return false
	}
	end := i + len(word)
	return end == len(body) || !ident(body[end])
}
