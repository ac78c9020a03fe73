package asl

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// pathRoot is what a JSONPath starts from.
type pathRoot uint8

const (
	rootInput    pathRoot = iota // $
	rootContext                  // $$
	rootVariable                 // $name
)

type segKind uint8

const (
	segMember segKind = iota
	segIndex
	segWildcard
	segSlice
	segNames // union of quoted names
	segIndexes
	segFilter
)

type segment struct {
	kind    segKind
	deep    bool // preceded by ".."
	name    string
	index   int
	names   []string
	indexes []int
	slice   [3]*int
	filter  filterNode
}

// jsonPath is a parsed JSONPath of the JSONPath query language.
type jsonPath struct {
	text     string
	root     pathRoot
	variable string
	segs     []segment
}

// definite reports whether the path selects at most one value (no
// wildcard, deep scan, slice, union or filter): such a path yields the
// value itself, the others an array of the matches.
func (p *jsonPath) definite() bool {
	for _, s := range p.segs {
		if s.deep || (s.kind != segMember && s.kind != segIndex) {
			return false
		}
	}
	return true
}

func parseJSONPath(s string) (*jsonPath, error) {
	if err := expr.ParsePath(s); err != nil {
		return nil, err
	}
	p := &jsonPath{text: s}
	i := 1
	switch {
	case strings.HasPrefix(s, "$$"):
		p.root, i = rootContext, 2
	default:
		if name, ok := expr.VariableName(s); ok {
			p.root, p.variable, i = rootVariable, name, 1+len(name)
		}
	}
	for i < len(s) {
		deep := false
		if s[i] == '.' {
			i++
			if i < len(s) && s[i] == '.' {
				deep = true
				i++
			}
			if i < len(s) && s[i] == '[' {
				seg, n, err := parseBracket(s, i)
				if err != nil {
					return nil, err
				}
				seg.deep = deep
				p.segs = append(p.segs, seg)
				i = n
				continue
			}
			begin := i
			for i < len(s) && s[i] != '.' && s[i] != '[' {
				i++
			}
			name := s[begin:i]
			if name == "*" {
				p.segs = append(p.segs, segment{kind: segWildcard, deep: deep})
			} else {
				p.segs = append(p.segs, segment{kind: segMember, name: name, deep: deep})
			}
			continue
		}
		seg, n, err := parseBracket(s, i)
		if err != nil {
			return nil, err
		}
		p.segs = append(p.segs, seg)
		i = n
	}
	return p, nil
}

// parseBracket reads the selector "[...]" at s[i] and returns the offset after it.
func parseBracket(s string, i int) (segment, int, error) {
	end := matchingBracket(s, i)
	if end < 0 {
		return segment{}, 0, fmt.Errorf("invalid JSONPath %q: unclosed '['", s)
	}
	body := strings.TrimSpace(s[i+1 : end])
	next := end + 1
	switch {
	case body == "*":
		return segment{kind: segWildcard}, next, nil
	case strings.HasPrefix(body, "?("):
		f, err := parseFilter(body[2 : len(body)-1])
		if err != nil {
			return segment{}, 0, fmt.Errorf("invalid JSONPath %q: %v", s, err)
		}
		return segment{kind: segFilter, filter: f}, next, nil
	case body[0] == '\'' || body[0] == '"':
		var names []string
		for _, part := range splitTopLevel(body, ',') {
			part = strings.TrimSpace(part)
			names = append(names, part[1:len(part)-1])
		}
		if len(names) == 1 {
			return segment{kind: segMember, name: names[0]}, next, nil
		}
		return segment{kind: segNames, names: names}, next, nil
	case strings.Contains(body, ":"):
		var seg segment
		seg.kind = segSlice
		for k, part := range strings.Split(body, ":") {
			if part = strings.TrimSpace(part); part != "" {
				n, _ := strconv.Atoi(part)
				seg.slice[k] = &n
			}
		}
		return seg, next, nil
	}
	parts := strings.Split(body, ",")
	if len(parts) == 1 {
		n, _ := strconv.Atoi(strings.TrimSpace(body))
		return segment{kind: segIndex, index: n}, next, nil
	}
	seg := segment{kind: segIndexes}
	for _, part := range parts {
		n, _ := strconv.Atoi(strings.TrimSpace(part))
		seg.indexes = append(seg.indexes, n)
	}
	return seg, next, nil
}

func matchingBracket(s string, i int) int {
	depth := 0
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; c {
		case '\'', '"':
			k := strings.IndexByte(s[j+1:], c)
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

func splitTopLevel(s string, sep byte) []string {
	var out []string
	start, depth := 0, 0
	var quote byte
	for j := 0; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:j])
			start = j + 1
		}
	}
	return append(out, s[start:])
}

// selectAll applies the segments to root and returns every match.
func (p *jsonPath) selectAll(root any) []any {
	nodes := []any{root}
	for _, seg := range p.segs {
		var next []any
		for _, n := range nodes {
			if seg.deep {
				for _, d := range descendants(n) {
					next = append(next, seg.apply(d)...)
				}
				continue
			}
			next = append(next, seg.apply(n)...)
		}
		nodes = next
	}
	return nodes
}

func descendants(v any) []any {
	out := []any{v}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(x) {
			out = append(out, descendants(x[k])...)
		}
	case []any:
		for _, e := range x {
			out = append(out, descendants(e)...)
		}
	}
	return out
}

func (seg segment) apply(v any) []any {
	switch seg.kind {
	case segMember:
		if m, ok := v.(map[string]any); ok {
			if e, ok := m[seg.name]; ok {
				return []any{e}
			}
		}
	case segIndex:
		if a, ok := v.([]any); ok {
			i := seg.index
			if i < 0 {
				i += len(a)
			}
			if i >= 0 && i < len(a) {
				return []any{a[i]}
			}
		}
	case segIndexes:
		var out []any
		for _, i := range seg.indexes {
			out = append(out, segment{kind: segIndex, index: i}.apply(v)...)
		}
		return out
	case segNames:
		var out []any
		for _, n := range seg.names {
			out = append(out, segment{kind: segMember, name: n}.apply(v)...)
		}
		return out
	case segWildcard:
		switch x := v.(type) {
		case map[string]any:
			var out []any
			for _, k := range sortedKeys(x) {
				out = append(out, x[k])
			}
			return out
		case []any:
			return append([]any(nil), x...)
		}
	case segSlice:
		a, ok := v.([]any)
		if !ok {
			return nil
		}
		return sliceOf(a, seg.slice)
	case segFilter:
		var out []any
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if truthy(seg.filter.eval(e)) {
					out = append(out, e)
				}
			}
		case map[string]any:
			for _, k := range sortedKeys(x) {
				if truthy(seg.filter.eval(x[k])) {
					out = append(out, x[k])
				}
			}
		}
		return out
	}
	return nil
}

func sliceOf(a []any, b [3]*int) []any {
	n := len(a)
	step := 1
	if b[2] != nil && *b[2] != 0 {
		step = *b[2]
	}
	norm := func(p *int, def int) int {
		if p == nil {
			return def
		}
		i := *p
		if i < 0 {
			i += n
		}
		return max(0, min(i, n))
	}
	var out []any
	if step > 0 {
		for i := norm(b[0], 0); i < norm(b[1], n); i += step {
			out = append(out, a[i])
		}
		return out
	}
	start := n - 1
	if b[0] != nil {
		start = min(norm(b[0], 0), n-1)
	}
	end := -1
	if b[1] != nil {
		end = norm(b[1], 0)
	}
	for i := start; i > end; i += step {
		out = append(out, a[i])
	}
	return out
}

// --- filters: [?(@.price < 10 && @.tag == 'x')] -------------------------

type filterNode interface{ eval(cur any) any }

type filterOp struct {
	op   string
	l, r filterNode
}

type filterNot struct{ x filterNode }
type filterLit struct{ v any }
type filterPath struct {
	missing bool
	p       *jsonPath // relative to @ (root rootInput)
}
type filterRegex struct{ re *regexp.Regexp }

// filterMissing is the value of a path that selects nothing.
type filterMissing struct{}

func (f filterLit) eval(any) any   { return f.v }
func (f filterRegex) eval(any) any { return f.re }
func (f filterNot) eval(cur any) any {
	return !truthy(f.x.eval(cur))
}
func (f filterPath) eval(cur any) any {
	got := f.p.selectAll(cur)
	if len(got) == 0 {
		return filterMissing{}
	}
	return got[0]
}

func truthy(v any) bool {
	switch x := v.(type) {
	case filterMissing, nil:
		return false
	case bool:
		return x
	}
	return true
}

func (f filterOp) eval(cur any) any {
	switch f.op {
	case "&&":
		return truthy(f.l.eval(cur)) && truthy(f.r.eval(cur))
	case "||":
		return truthy(f.l.eval(cur)) || truthy(f.r.eval(cur))
	}
	l, r := f.l.eval(cur), f.r.eval(cur)
	if _, ok := l.(filterMissing); ok {
		return false
	}
	if _, ok := r.(filterMissing); ok {
		return false
	}
	switch f.op {
	case "==":
		return jsonEqual(l, r)
	case "!=":
		return !jsonEqual(l, r)
	case "=~":
		s, ok := l.(string)
		re, rok := r.(*regexp.Regexp)
		return ok && rok && re.MatchString(s)
	}
	if ln, ok := l.(float64); ok {
		if rn, ok := r.(float64); ok {
			return compareOrdered(f.op, ln, rn)
		}
	}
	if ls, ok := l.(string); ok {
		if rs, ok := r.(string); ok {
			return compareOrdered(f.op, ls, rs)
		}
	}
	return false
}

func compareOrdered[T float64 | string](op string, a, b T) bool {
	switch op {
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	case ">=":
		return a >= b
	}
	return false
}

type filterParser struct {
	s string
	i int
}

func parseFilter(s string) (filterNode, error) {
	p := &filterParser{s: s}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("unexpected %q in filter", p.s[p.i:])
	}
	return n, nil
}

func (p *filterParser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *filterParser) peek(tok string) bool {
	p.space()
	return strings.HasPrefix(p.s[p.i:], tok)
}

func (p *filterParser) or() (filterNode, error) {
	l, err := p.and()
	for err == nil && p.peek("||") {
		p.i += 2
		var r filterNode
		r, err = p.and()
		l = filterOp{op: "||", l: l, r: r}
	}
	return l, err
}

func (p *filterParser) and() (filterNode, error) {
	l, err := p.cmp()
	for err == nil && p.peek("&&") {
		p.i += 2
		var r filterNode
		r, err = p.cmp()
		l = filterOp{op: "&&", l: l, r: r}
	}
	return l, err
}

func (p *filterParser) cmp() (filterNode, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for _, op := range []string{"==", "!=", "<=", ">=", "=~", "<", ">"} {
		if p.peek(op) {
			p.i += len(op)
			r, err := p.unary()
			return filterOp{op: op, l: l, r: r}, err
		}
	}
	return l, nil
}

func (p *filterParser) unary() (filterNode, error) {
	p.space()
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("filter ends early")
	}
	switch c := p.s[p.i]; {
	case c == '!':
		p.i++
		x, err := p.unary()
		return filterNot{x}, err
	case c == '(':
		p.i++
		x, err := p.or()
		if err == nil && !p.peek(")") {
			err = fmt.Errorf("missing ')' in filter")
		}
		p.i++
		return x, err
	case c == '@':
		begin := p.i
		p.i++
		for p.i < len(p.s) && !strings.ContainsRune(" =!<>&|)", rune(p.s[p.i])) {
			if p.s[p.i] == '[' {
				if e := matchingBracket(p.s, p.i); e > 0 {
					p.i = e
				}
			}
			p.i++
		}
		jp, err := parseJSONPath("$" + p.s[begin+1:p.i])
		return filterPath{p: jp}, err
	case c == '\'' || c == '"':
		k := strings.IndexByte(p.s[p.i+1:], c)
		if k < 0 {
			return nil, fmt.Errorf("unclosed string in filter")
		}
		v := p.s[p.i+1 : p.i+1+k]
		p.i += k + 2
		return filterLit{v}, nil
	case c == '/':
		k := strings.LastIndexByte(p.s, '/')
		if k <= p.i {
			return nil, fmt.Errorf("unclosed regex in filter")
		}
		pat := p.s[p.i+1 : k]
		p.i = k + 1
		flags := ""
		for p.i < len(p.s) && p.s[p.i] >= 'a' && p.s[p.i] <= 'z' {
			flags += string(p.s[p.i])
			p.i++
		}
		if strings.Contains(flags, "i") {
			pat = "(?i)" + pat
		}
		re, err := regexp.Compile(pat)
		return filterRegex{re}, err
	}
	begin := p.i
	for p.i < len(p.s) && !strings.ContainsRune(" =!<>&|)", rune(p.s[p.i])) {
		p.i++
	}
	word := p.s[begin:p.i]
	switch word {
	case "true":
		return filterLit{true}, nil
	case "false":
		return filterLit{false}, nil
	case "null":
		return filterLit{nil}, nil
	}
	n, err := strconv.ParseFloat(word, 64)
	if err != nil {
		return nil, fmt.Errorf("unexpected %q in filter", word)
	}
	return filterLit{n}, nil
}
