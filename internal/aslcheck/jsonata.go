package aslcheck

import (
	"sort"
	"strings"
)

// functions are JSONata's built-in functions and those Step Functions adds:
// a "$name" naming one is not a workflow variable even when it is passed
// as a value ($map($xs, $string)).
var functions = map[string]bool{}

func init() {
	for _, f := range strings.Fields(`
		sum count max min average
		string substring substringBefore substringAfter lowercase uppercase length trim pad
		contains split join match replace eval base64encode base64decode
		encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl
		number abs floor ceil round power sqrt random formatNumber formatBase formatInteger parseInteger
		boolean not exists
		append sort reverse shuffle distinct zip
		keys lookup spread merge sift each error assert type
		map filter single reduce
		now millis fromMillis toMillis clone
		partition range hash uuid parse`) {
		functions[f] = true
	}
}

// freeVariables returns the names of the variables a JSONata expression
// reads without binding them: "$name" tokens that are not a function call,
// not a built-in function, not $states, and not bound anywhere in the
// expression (by :=, as a lambda parameter, or by the @ and # operators).
// It errs towards finding nothing: an expression it cannot tokenize has no
// free variables.
func freeVariables(body string) []string {
	toks, ok := tokenize(body)
	if !ok {
		return nil
	}
	bound := boundNames(toks)
	found := map[string]bool{}
	for i, t := range toks {
		if t.kind != tokVar || !t.plain || t.text == "states" {
			continue
		}
		if functions[t.text] || bound[t.text] || at(toks, i+1).is("(") {
			continue
		}
		found[t.text] = true
	}
	out := make([]string, 0, len(found))
	for n := range found {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// boundNames are the variables an expression binds somewhere: conservative,
// since a name bound anywhere is taken as bound everywhere.
func boundNames(toks []token) map[string]bool {
	bound := map[string]bool{}
	params := 0 // depth inside a lambda's parameter list, 0 outside
	for i, t := range toks {
		switch {
		case t.kind == tokName && t.text == "function" && at(toks, i+1).is("("):
			params = -1 // the next "(" opens the list
		case params != 0 && t.is("("):
			if params < 0 {
				params = 0
			}
			params++
		case params > 0 && t.is(")"):
			params--
		case t.kind != tokVar:
		case params > 0, at(toks, i+1).is(":="), at(toks, i-1).is("@"), at(toks, i-1).is("#"):
			bound[t.text] = true
		}
	}
	return bound
}

type tokKind uint8

const (
	tokVar     tokKind = iota + 1 // $name ($ alone has an empty text)
	tokName                       // a field name, keyword or `quoted name`
	tokOperand                    // a string, number, regex or $$
	tokPunct                      // an operator or bracket
)

type token struct {
	kind  tokKind
	text  string
	plain bool // a tokVar whose name could be a Step Functions variable's
}

func (t token) is(punct string) bool { return t.kind == tokPunct && t.text == punct }

func at(toks []token, i int) token {
	if i < 0 || i >= len(toks) {
		return token{}
	}
	return toks[i]
}

// tokenize splits a JSONata expression into the tokens freeVariables needs;
// false when a string, comment or regex is not closed.
func tokenize(s string) ([]token, bool) {
	var toks []token
	// A '/' after an operand divides; anywhere else it starts a regex.
	operand := func() bool {
		if len(toks) == 0 {
			return false
		}
		t := toks[len(toks)-1]
		switch t.kind {
		case tokPunct:
			return t.text == ")" || t.text == "]" || t.text == "}"
		case tokName:
			return t.text != "and" && t.text != "or" && t.text != "in"
		}
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return nil, false
			}
			i += end + 4
		case c == '"' || c == '\'' || c == '`' || (c == '/' && !operand()):
			end, ok := closing(s, i)
			if !ok {
				return nil, false
			}
			kind := tokOperand
			if c == '`' {
				kind = tokName
			}
			toks = append(toks, token{kind: kind, text: s[i:end]})
			i = end
		case c == '$' && strings.HasPrefix(s[i:], "$$"):
			toks = append(toks, token{kind: tokOperand, text: "$$"})
			i += 2
		case c == '$':
			end := nameEnd(s, i+1)
			name := s[i+1 : end]
			toks = append(toks, token{kind: tokVar, text: name, plain: isPlain(name)})
			i = end
		case strings.HasPrefix(s[i:], "λ"):
			toks = append(toks, token{kind: tokName, text: "function"})
			i += len("λ")
		case isNameByte(c):
			end := nameEnd(s, i)
			kind := tokName
			if c >= '0' && c <= '9' {
				kind = tokOperand
			}
			toks = append(toks, token{kind: kind, text: s[i:end]})
			i = end
		case strings.HasPrefix(s[i:], ":="):
			toks = append(toks, token{kind: tokPunct, text: ":="})
			i += 2
		default:
			toks = append(toks, token{kind: tokPunct, text: string(c)})
			i++
		}
	}
	return toks, true
}

// closing returns the offset just past the string, `name` or /regex/flags
// that starts at s[i].
func closing(s string, i int) (int, bool) {
	quote := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case quote:
			j++
			if quote == '/' {
				for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
					j++
				}
			}
			return j, true
		}
	}
	return 0, false
}

func nameEnd(s string, i int) int {
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return i
}

// isNameByte accepts every non-ASCII byte: JSONata names may be Unicode.
func isNameByte(c byte) bool {
	return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// isPlain reports whether name has the form of a Step Functions variable
// name: an ASCII letter or '_', then letters, digits or '_'.
func isPlain(name string) bool {
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return false
		}
	}
	return true
}
