package expr

import "strings"

// ParsePath validates a JSONPath as Step Functions accepts it in a "Key.$"
// field, an InputPath or an OutputPath: "$", "$$" or a variable reference
// ("$total", see VariableName) followed by dot members (".a", ".*"), deep
// scans ("..a"), and bracket selectors (index, slice, union, quoted names,
// wildcard, filter).
func ParsePath(s string) error {
	_, err := scanPath(s, 0, false)
	return err
}

// ParseReferencePath validates a reference path, the restricted JSONPath that
// ResultPath and similar fields take: members and indexes only, no wildcards,
// deep scans, slices, unions, filters or variables.
func ParseReferencePath(s string) error {
	_, err := scanPath(s, 0, true)
	return err
}

// VariableName returns the name of the workflow variable a JSONPath starts
// with ("total" for "$total.id") and whether it starts with one at all: since
// Variables arrived, Step Functions reads "$name" in JSONPath states as the
// variable name (a letter or '_', then letters, digits or '_').
func VariableName(s string) (string, bool) {
	if len(s) < 2 || s[0] != '$' || !isVarStart(s[1]) {
		return "", false
	}
	end := 2
	for end < len(s) && isVarByte(s[end]) {
		end++
	}
	return s[1:end], true
}

func isVarStart(c byte) bool { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isVarByte(c byte) bool  { return isVarStart(c) || (c >= '0' && c <= '9') }

// IsContextPath reports whether s addresses the context object ("$$...").
func IsContextPath(s string) bool { return strings.HasPrefix(s, "$$") }

// scanPath reads one path starting at s[start] and returns the offset just
// past it. Inside an intrinsic's argument list a path ends at ',' or ')' or
// white space outside brackets; standalone, it must run to the end of s.
func scanPath(s string, start int, reference bool) (int, error) {
	p := &pathScanner{s: s, i: start, start: start, reference: reference}
	return p.scan()
}

type pathScanner struct {
	s         string
	i, start  int
	reference bool
}

func (p *pathScanner) fail(msg string) error {
	return &SyntaxError{What: "JSONPath", Expr: p.s, Pos: p.i, Msg: msg}
}

func (p *pathScanner) atEnd() bool {
	if p.i >= len(p.s) {
		return true
	}
	if p.inArgs() {
		switch p.s[p.i] {
		case ',', ')', ' ', '\t', '\n':
			return true
		}
	}
	return false
}

// inArgs is true when the path is embedded in a larger expression.
func (p *pathScanner) inArgs() bool { return p.start > 0 }

func (p *pathScanner) scan() (int, error) {
	if p.i >= len(p.s) || p.s[p.i] != '$' {
		return p.i, p.fail("a path starts with '$'")
	}
	p.i++
	if p.i < len(p.s) && p.s[p.i] == '$' {
		p.i++
	} else if p.i < len(p.s) && isVarStart(p.s[p.i]) {
		if p.reference {
			return p.i, p.fail("a reference path cannot name a variable")
		}
		for p.i < len(p.s) && isVarByte(p.s[p.i]) {
			p.i++
		}
	}
	for !p.atEnd() {
		switch p.s[p.i] {
		case '.':
			if err := p.member(); err != nil {
				return p.i, err
			}
		case '[':
			if err := p.bracket(); err != nil {
				return p.i, err
			}
		default:
			if !p.inArgs() {
				return p.i, p.fail("expected '.' or '['")
			}
			return p.i, nil
		}
	}
	if !p.inArgs() && p.i != len(p.s) {
		return p.i, p.fail("unexpected text after the path")
	}
	return p.i, nil
}

func (p *pathScanner) member() error {
	p.i++ // '.'
	if p.i < len(p.s) && p.s[p.i] == '.' {
		if p.reference {
			return p.fail("a reference path cannot use '..'")
		}
		p.i++
		if p.atEnd() {
			return p.fail("'..' must be followed by a member name, '*' or '['")
		}
		if p.s[p.i] == '[' {
			return p.bracket()
		}
	}
	if p.atEnd() {
		return p.fail("a member name must follow '.'")
	}
	if p.s[p.i] == '*' {
		if p.reference {
			return p.fail("a reference path cannot use '*'")
		}
		p.i++
		return nil
	}
	begin := p.i
	for !p.atEnd() && isNameByte(p.s[p.i]) {
		p.i++
	}
	if p.i == begin {
		return p.fail("a member name must follow '.'")
	}
	return nil
}

func isNameByte(c byte) bool {
	switch c {
	case '.', '[', ']', '(', ')', '\'', '"', ',', ' ', '\t', '\n', '\r', '*', '?', '{', '}':
		return false
	}
	return c >= 0x20
}

func (p *pathScanner) bracket() error {
	open := p.i
	p.i++ // '['
	end := p.closing()
	if end < 0 {
		p.i = open
		return p.fail("unclosed '['")
	}
	body := strings.TrimSpace(p.s[p.i:end])
	if body == "" {
		return p.fail("empty '[]'")
	}
	if err := p.selector(body); err != nil {
		return err
	}
	p.i = end + 1
	return nil
}

// closing finds the ']' matching the '[' just before p.i, skipping quoted
// names and filter parentheses.
func (p *pathScanner) closing() int {
	depth := 0
	for j := p.i; j < len(p.s); j++ {
		switch c := p.s[j]; c {
		case '\'', '"':
			k := strings.IndexByte(p.s[j+1:], c)
			if k < 0 {
				return -1
			}
			j += k + 1
		case '(':
			depth++
		case ')':
			depth--
		case ']':
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func (p *pathScanner) selector(body string) error {
	switch {
	case body[0] == '?':
		if p.reference {
			return p.fail("a reference path cannot use a filter")
		}
		if len(body) < 4 || body[1] != '(' || body[len(body)-1] != ')' {
			return p.fail("a filter is written [?(<condition>)]")
		}
		return nil
	case body == "*":
		if p.reference {
			return p.fail("a reference path cannot use '*'")
		}
		return nil
	case body[0] == '\'' || body[0] == '"':
		names := splitUnion(body)
		if p.reference && len(names) > 1 {
			return p.fail("a reference path cannot use a union")
		}
		for _, n := range names {
			n = strings.TrimSpace(n)
			if len(n) < 2 || (n[0] != '\'' && n[0] != '"') || n[len(n)-1] != n[0] {
				return p.fail("a quoted member name is written ['name']")
			}
		}
		return nil
	}
	if strings.Contains(body, ":") {
		if p.reference {
			return p.fail("a reference path cannot use a slice")
		}
		parts := strings.Split(body, ":")
		if len(parts) > 3 {
			return p.fail("a slice is written [start:end:step]")
		}
		for _, part := range parts {
			if part = strings.TrimSpace(part); part != "" && !isInt(part) {
				return p.fail("slice bounds must be integers")
			}
		}
		return nil
	}
	parts := strings.Split(body, ",")
	if p.reference && len(parts) > 1 {
		return p.fail("a reference path cannot use a union")
	}
	for _, part := range parts {
		if !isInt(strings.TrimSpace(part)) {
			return p.fail("an index must be an integer, '*', a quoted name, a slice or a filter")
		}
	}
	return nil
}

func splitUnion(body string) []string {
	var out []string
	start := 0
	var quote byte
	for j := 0; j < len(body); j++ {
		c := body[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == ',':
			out = append(out, body[start:j])
			start = j + 1
		}
	}
	return append(out, body[start:])
}

func isInt(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
