package tasks

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// This file translates the JavaScript expressions EvaluateExpression takes
// into JSONata, for the JSONATA engine, which evaluates them in a Pass
// state instead of a Lambda function.
//
// The subset translated is the one whose meaning JSONata can keep:
// number, string (also template), boolean and null literals, array and
// object literals, state paths ($.a.b, $.list[0], as the CDK matches them),
// + - * / %, comparisons, ! && || ?? and ?:, .length, the string methods
// toUpperCase, toLowerCase, trim, includes, startsWith and endsWith,
// Math.floor, ceil, round, abs, sqrt, pow, min and max, JSON.stringify and
// Date.now(). JavaScript's dynamic typing is kept where it matters: + adds
// numbers but joins strings, && and || return an operand, and truthiness
// counts empty arrays and objects as true; when the operand types are not
// known the translation tests them at run time. Differences that remain:
// loose equality (==) compares like ===; numbers turned into text use
// JSONata's formatting (15 significant digits); a missing path is
// undefined in JSONata (an error in the Lambda form, where Step Functions
// resolves the path first). Anything else is an error naming what cannot
// be translated: write the expression in JSONata ("{% ... %}") instead.

// evalPathPattern is the CDK's PATH_PATTERN: the state paths an expression
// reads.
var evalPathPattern = regexp.MustCompile(`\$[.\[][.a-zA-Z[\]0-9\-_]+`)

// jsType is what the translator knows about a value's type.
type jsType uint8

const (
	tAny jsType = iota
	tNum
	tStr
	tBool
	tNull
	tArr
	tObj
)

// jsNode is one parsed expression node, already translated.
type jsNode struct {
	code string // JSONata, self-delimiting (parenthesized when composite)
	typ  jsType
}

// maxTranslation bounds the JSONata a translation may produce: run-time
// type tests repeat their operands.
const maxTranslation = 8000

// translateToJSONata translates a JavaScript expression into a JSONata
// expression (without "{% %}") in which the state input is root.
func translateToJSONata(src, root string) (string, error) {
	p := &jsParser{src: src, root: root}
	p.next()
	n, err := p.expression()
	if err == nil && p.tok.kind != tkEOF {
		err = p.fail("unexpected %s", p.tok.describe())
	}
	if err != nil {
		return "", err
	}
	if len(n.code) > maxTranslation {
		return "", fmt.Errorf("the translation is %d characters long (at most %d): its operands' types are tested at run time; write the expression in JSONata instead", len(n.code), maxTranslation)
	}
	return n.code, nil
}

type tokKind uint8

const (
	tkEOF tokKind = iota
	tkNum
	tkStr
	tkTemplate
	tkPath
	tkIdent
	tkPunct
)

type jsToken struct {
	kind  tokKind
	text  string  // punctuator, identifier or path
	str   string  // tkStr: the value
	num   float64 // tkNum
	parts []tmplPart
	pos   int
}

type tmplPart struct {
	text string // literal text (when src is "")
	src  string // an interpolated expression's source
	pos  int
}

func (t jsToken) describe() string {
	switch t.kind {
	case tkEOF:
		return "end of expression"
	case tkNum:
		return "number " + strconv.FormatFloat(t.num, 'g', -1, 64)
	case tkStr:
		return "string " + strconv.Quote(t.str)
	case tkTemplate:
		return "template literal"
	}
	return strconv.Quote(t.text)
}

type jsParser struct {
	src  string
	root string
	i    int
	tok  jsToken
	err  error
}

func (p *jsParser) fail(format string, args ...any) error {
	return fmt.Errorf("at offset %d: %s", p.tok.pos, fmt.Sprintf(format, args...))
}

var jsPunctuators = []string{"===", "!==", "...", "**", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "=>",
	"(", ")", "[", "]", "{", "}", ",", ".", "?", ":", "!", "<", ">", "+", "-", "*", "/", "%", "=", "&", "|", "^", "~", ";"}

// next reads the next token into p.tok (errors land in p.err).
func (p *jsParser) next() {
	for p.i < len(p.src) && strings.ContainsRune(" \t\r\n", rune(p.src[p.i])) {
		p.i++
	}
	start := p.i
	p.tok = jsToken{pos: start}
	if p.i >= len(p.src) {
		return
	}
	c := p.src[p.i]
	switch {
	case c == '$':
		if m := evalPathPattern.FindString(p.src[p.i:]); m != "" && strings.Index(p.src[p.i:], m) == 0 {
			p.tok = jsToken{kind: tkPath, text: m, pos: start}
			p.i += len(m)
			return
		}
		p.tok = jsToken{kind: tkIdent, text: p.ident(), pos: start}
	case c >= '0' && c <= '9' || c == '.' && p.i+1 < len(p.src) && p.src[p.i+1] >= '0' && p.src[p.i+1] <= '9':
		m := jsNumber.FindString(p.src[p.i:])
		f, err := strconv.ParseFloat(strings.ReplaceAll(m, "_", ""), 64)
		if err != nil {
			p.setErr(start, "cannot read the number %q", m)
		}
		p.tok = jsToken{kind: tkNum, num: f, text: m, pos: start}
		p.i += len(m)
	case c == '\'' || c == '"':
		p.tok = jsToken{kind: tkStr, str: p.quoted(c), pos: start}
	case c == '`':
		p.tok = jsToken{kind: tkTemplate, parts: p.template(), pos: start}
	case jsIdentStart(c):
		p.tok = jsToken{kind: tkIdent, text: p.ident(), pos: start}
	default:
		for _, punct := range jsPunctuators {
			if strings.HasPrefix(p.src[p.i:], punct) {
				p.tok = jsToken{kind: tkPunct, text: punct, pos: start}
				p.i += len(punct)
				return
			}
		}
		p.setErr(start, "unexpected character %q", c)
		p.i = len(p.src)
	}
}

var jsNumber = regexp.MustCompile(`^(?:\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)`)

func jsIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *jsParser) ident() string {
	start := p.i
	for p.i < len(p.src) && (jsIdentStart(p.src[p.i]) || p.src[p.i] >= '0' && p.src[p.i] <= '9') {
		p.i++
	}
	return p.src[start:p.i]
}

func (p *jsParser) setErr(pos int, format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("at offset %d: %s", pos, fmt.Sprintf(format, args...))
	}
}

// quoted reads a string literal; p.i is at its opening quote.
func (p *jsParser) quoted(q byte) string {
	start := p.i
	var b strings.Builder
	for p.i++; p.i < len(p.src); p.i++ {
		c := p.src[p.i]
		switch {
		case c == q:
			p.i++
			return b.String()
		case c == '\\':
			p.i++
			if p.i >= len(p.src) {
				break
			}
			p.escape(&b)
		case c == '\n':
			p.setErr(start, "unterminated string")
			return b.String()
		default:
			b.WriteByte(c)
		}
	}
	p.setErr(start, "unterminated string")
	return b.String()
}

// escape reads the escape sequence after a backslash at p.i.
func (p *jsParser) escape(b *strings.Builder) {
	switch c := p.src[p.i]; c {
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'r':
		b.WriteByte('\r')
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'v':
		b.WriteByte('\v')
	case '0':
		b.WriteByte(0)
	case 'u':
		if p.i+4 < len(p.src) {
			if r, err := strconv.ParseUint(p.src[p.i+1:p.i+5], 16, 32); err == nil {
				b.WriteRune(rune(r))
				p.i += 4
				return
			}
		}
		p.setErr(p.i, "unsupported \\u escape")
	case 'x':
		if p.i+2 < len(p.src) {
			if r, err := strconv.ParseUint(p.src[p.i+1:p.i+3], 16, 32); err == nil {
				b.WriteRune(rune(r))
				p.i += 2
				return
			}
		}
		p.setErr(p.i, "unsupported \\x escape")
	default:
		b.WriteByte(c)
	}
}

// template reads a template literal; p.i is at its opening backquote.
func (p *jsParser) template() []tmplPart {
	start := p.i
	var parts []tmplPart
	var b strings.Builder
	for p.i++; p.i < len(p.src); p.i++ {
		c := p.src[p.i]
		switch {
		case c == '`':
			p.i++
			if b.Len() > 0 {
				parts = append(parts, tmplPart{text: b.String()})
			}
			return parts
		case c == '\\':
			p.i++
			if p.i < len(p.src) {
				p.escape(&b)
			}
		case c == '$' && p.i+1 < len(p.src) && p.src[p.i+1] == '{':
			if b.Len() > 0 {
				parts = append(parts, tmplPart{text: b.String()})
				b.Reset()
			}
			end := jsMatchingBrace(p.src, p.i+2)
			if end < 0 {
				p.setErr(p.i, "unterminated ${ in a template literal")
				p.i = len(p.src)
				return parts
			}
			parts = append(parts, tmplPart{src: p.src[p.i+2 : end], pos: p.i + 2})
			p.i = end
		default:
			b.WriteByte(c)
		}
	}
	p.setErr(start, "unterminated template literal")
	return parts
}

// jsMatchingBrace finds the } that closes an interpolation starting at i.
func jsMatchingBrace(s string, i int) int {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return i
			}
			depth--
		case '\'', '"', '`':
			q := s[i]
			for i++; i < len(s) && s[i] != q; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		}
	}
	return -1
}

func (p *jsParser) is(punct string) bool { return p.tok.kind == tkPunct && p.tok.text == punct }

func (p *jsParser) expect(punct string) error {
	if !p.is(punct) {
		return p.fail("expected %q, got %s", punct, p.tok.describe())
	}
	p.next()
	return p.err
}

// expression: conditional (the comma operator, assignments and arrow
// functions are not translated).
func (p *jsParser) expression() (jsNode, error) {
	if p.err != nil {
		return jsNode{}, p.err
	}
	cond, err := p.binary(0)
	if err != nil || !p.is("?") {
		return cond, err
	}
	p.next()
	a, err := p.expression()
	if err != nil {
		return a, err
	}
	if err := p.expect(":"); err != nil {
		return a, err
	}
	b, err := p.expression()
	if err != nil {
		return b, err
	}
	return jsNode{code: "(" + jsTruthy(cond) + " ? " + a.code + " : " + b.code + ")", typ: jsJoinType(a.typ, b.typ)}, nil
}

// jsBinaryPrec is JavaScript's precedence for the binary operators translated.
var jsBinaryPrec = map[string]int{
	"??": 1, "||": 2, "&&": 3,
	"==": 4, "!=": 4, "===": 4, "!==": 4,
	"<": 5, ">": 5, "<=": 5, ">=": 5,
	"+": 6, "-": 6,
	"*": 7, "/": 7, "%": 7,
}

// jsUnsupportedOps are JavaScript operators that end a translation.
var jsUnsupportedOps = map[string]bool{"**": true, "&": true, "|": true, "^": true, "=": true, "=>": true, "?.": true, "...": true, ";": true, "~": true}

// binary parses operators of precedence above min (precedence climbing).
func (p *jsParser) binary(min int) (jsNode, error) {
	left, err := p.unary()
	if err != nil {
		return left, err
	}
	for p.tok.kind == tkPunct {
		op := p.tok.text
		prec, ok := jsBinaryPrec[op]
		if !ok {
			if jsUnsupportedOps[op] {
				return left, p.fail("the operator %q is not translated to JSONata", op)
			}
			break
		}
		if prec <= min {
			break
		}
		p.next()
		right, err := p.binary(prec)
		if err != nil {
			return right, err
		}
		left = jsBinary(op, left, right)
	}
	return left, p.err
}

func (p *jsParser) unary() (jsNode, error) {
	if p.tok.kind == tkPunct {
		switch op := p.tok.text; op {
		case "!", "-", "+":
			p.next()
			x, err := p.unary()
			if err != nil {
				return x, err
			}
			switch op {
			case "!":
				return jsNode{code: "$not(" + jsTruthy(x) + ")", typ: tBool}, nil
			case "-":
				return jsNode{code: "(-" + x.code + ")", typ: tNum}, nil
			}
			if x.typ == tNum {
				return x, nil
			}
			return jsNode{code: "$number(" + x.code + ")", typ: tNum}, nil
		}
	}
	if p.tok.kind == tkIdent && (p.tok.text == "typeof" || p.tok.text == "void" || p.tok.text == "delete" || p.tok.text == "new") {
		return jsNode{}, p.fail("%q is not translated to JSONata", p.tok.text)
	}
	return p.postfix()
}

// postfix parses a primary followed by member accesses and calls.
func (p *jsParser) postfix() (jsNode, error) {
	if p.tok.kind == tkIdent && (p.tok.text == "Math" || p.tok.text == "JSON" || p.tok.text == "Date") {
		return p.builtinCall()
	}
	x, err := p.primary()
	if err != nil {
		return x, err
	}
	for p.is(".") || p.is("[") {
		if p.is("[") {
			return x, p.fail("indexing an expression with [...] is not translated (a state path such as $.list[0] is)")
		}
		p.next()
		if p.tok.kind != tkIdent {
			return x, p.fail("expected a property name after '.', got %s", p.tok.describe())
		}
		name, pos := p.tok.text, p.tok.pos
		p.next()
		if name == "length" {
			x = jsLength(x)
			continue
		}
		if !p.is("(") {
			return x, fmt.Errorf("at offset %d: the property %q is not translated (only .length and the string methods listed in the docs)", pos, name)
		}
		if _, ok := jsStringMethods[name]; !ok {
			return x, fmt.Errorf("at offset %d: the method %q is not translated (toUpperCase, toLowerCase, trim, includes, startsWith and endsWith are)", pos, name)
		}
		args, err := p.arguments()
		if err != nil {
			return x, err
		}
		if x, err = jsMethod(x, name, args); err != nil {
			return x, fmt.Errorf("at offset %d: %w", pos, err)
		}
	}
	return x, p.err
}

func (p *jsParser) arguments() ([]jsNode, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var args []jsNode
	for !p.is(")") {
		a, err := p.expression()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if !p.is(",") {
			break
		}
		p.next()
	}
	return args, p.expect(")")
}

func (p *jsParser) builtinCall() (jsNode, error) {
	object, pos := p.tok.text, p.tok.pos
	p.next()
	if err := p.expect("."); err != nil {
		return jsNode{}, err
	}
	if p.tok.kind != tkIdent {
		return jsNode{}, p.fail("expected a method of %s", object)
	}
	name := object + "." + p.tok.text
	p.next()
	if !p.is("(") {
		return jsNode{}, fmt.Errorf("at offset %d: %s is not translated", pos, name)
	}
	args, err := p.arguments()
	if err != nil {
		return jsNode{}, err
	}
	n, err := jsBuiltin(name, args)
	if err != nil {
		return n, fmt.Errorf("at offset %d: %w", pos, err)
	}
	return n, nil
}

func (p *jsParser) primary() (jsNode, error) {
	t := p.tok
	switch t.kind {
	case tkNum:
		p.next()
		return jsNode{code: formatJSNumber(t.num), typ: tNum}, p.err
	case tkStr:
		p.next()
		return jsNode{code: quoteJSONata(t.str), typ: tStr}, p.err
	case tkTemplate:
		p.next()
		return p.templateNode(t)
	case tkPath:
		p.next()
		code, err := jsonPathIn(t.text, p.root)
		if err != nil {
			return jsNode{}, fmt.Errorf("at offset %d: %w", t.pos, err)
		}
		return jsNode{code: code}, p.err
	case tkIdent:
		p.next()
		switch t.text {
		case "true", "false":
			return jsNode{code: t.text, typ: tBool}, p.err
		case "null":
			return jsNode{code: "null", typ: tNull}, p.err
		}
		return jsNode{}, fmt.Errorf("at offset %d: the name %q is not translated (state paths start with $. or $[)", t.pos, t.text)
	case tkPunct:
		switch t.text {
		case "(":
			p.next()
			x, err := p.expression()
			if err != nil {
				return x, err
			}
			return x, p.expect(")")
		case "[":
			p.next()
			var items []jsNode
			for !p.is("]") {
				if p.is("...") {
					return jsNode{}, p.fail("spread (...) is not translated")
				}
				it, err := p.expression()
				if err != nil {
					return it, err
				}
				items = append(items, it)
				if !p.is(",") {
					break
				}
				p.next()
			}
			if err := p.expect("]"); err != nil {
				return jsNode{}, err
			}
			return jsArrayLiteral(items), nil
		case "{":
			return p.object()
		}
	}
	if p.err != nil {
		return jsNode{}, p.err
	}
	return jsNode{}, p.fail("unexpected %s", t.describe())
}

// jsArrayLiteral builds a JavaScript array literal. JSONata's array
// constructor flattens an item that is an array, unless the item is
// written as an array constructor itself; so a list that may hold arrays
// is built as one-item lists appended together, and the result is always
// written as an array constructor, to nest as one item in turn.
func jsArrayLiteral(items []jsNode) jsNode {
	flat := true
	for _, it := range items {
		flat = flat && it.typ != tAny
	}
	if flat {
		codes := make([]string, len(items))
		for i, it := range items {
			codes[i] = it.code
		}
		return jsNode{code: "[" + strings.Join(codes, ", ") + "]", typ: tArr}
	}
	var chain string
	for i, it := range items {
		one := "[" + it.code + "]"
		if it.typ == tAny {
			one = "($type(" + it.code + ") = \"array\" ? [[" + it.code + "]] : [" + it.code + "])"
		}
		if i == 0 {
			chain = one
		} else {
			chain = "$append(" + chain + ", " + one + ")"
		}
	}
	return jsNode{code: "[" + chain + "]", typ: tArr}
}

func (p *jsParser) object() (jsNode, error) {
	p.next()
	var fields []string
	for !p.is("}") {
		var key string
		switch p.tok.kind {
		case tkIdent:
			key = p.tok.text
		case tkStr:
			key = p.tok.str
		case tkNum:
			key = p.tok.text
		default:
			return jsNode{}, p.fail("expected a property name, got %s", p.tok.describe())
		}
		p.next()
		if err := p.expect(":"); err != nil {
			return jsNode{}, p.fail("shorthand properties and methods are not translated")
		}
		v, err := p.expression()
		if err != nil {
			return v, err
		}
		fields = append(fields, quoteJSONata(key)+": "+v.code)
		if !p.is(",") {
			break
		}
		p.next()
	}
	if err := p.expect("}"); err != nil {
		return jsNode{}, err
	}
	return jsNode{code: "{" + strings.Join(fields, ", ") + "}", typ: tObj}, nil
}

func (p *jsParser) templateNode(t jsToken) (jsNode, error) {
	if len(t.parts) == 0 {
		return jsNode{code: `""`, typ: tStr}, nil
	}
	terms := make([]string, 0, len(t.parts))
	for _, part := range t.parts {
		if part.src == "" {
			terms = append(terms, quoteJSONata(part.text))
			continue
		}
		sub := &jsParser{src: part.src, root: p.root}
		sub.next()
		n, err := sub.expression()
		if err == nil && sub.tok.kind != tkEOF {
			err = sub.fail("unexpected %s", sub.tok.describe())
		}
		if err != nil {
			return jsNode{}, fmt.Errorf("in the template literal at offset %d: %w", part.pos, err)
		}
		terms = append(terms, jsText(n))
	}
	if len(terms) == 1 {
		if t.parts[0].src == "" {
			return jsNode{code: terms[0], typ: tStr}, nil
		}
		return jsNode{code: "(" + terms[0] + " & \"\")", typ: tStr}, nil
	}
	return jsNode{code: "(" + strings.Join(terms, " & ") + ")", typ: tStr}, nil
}

// jsText is a value as JavaScript turns it into text in a template or a
// string concatenation. JSONata's & does so for scalars; an array is its
// items' text joined by commas (nested arrays flattened), an object
// "[object Object]".
func jsText(n jsNode) string {
	arr := "$join([" + n.code + ".$string()], \",\")"
	switch n.typ {
	case tStr, tNum, tBool, tNull:
		return n.code
	case tArr:
		return arr
	case tObj:
		return `"[object Object]"`
	}
	return "($type(" + n.code + ") = \"array\" ? " + arr + " : $type(" + n.code + ") = \"object\" ? \"[object Object]\" : " + n.code + ")"
}

// jsBinary translates one binary operator.
func jsBinary(op string, l, r jsNode) jsNode {
	switch op {
	case "-", "*", "/", "%":
		return jsNode{code: "(" + l.code + " " + op + " " + r.code + ")", typ: tNum}
	case "+":
		switch {
		case l.typ == tNum && r.typ == tNum:
			return jsNode{code: "(" + l.code + " + " + r.code + ")", typ: tNum}
		case l.typ == tStr || r.typ == tStr:
			return jsNode{code: "(" + jsText(l) + " & " + jsText(r) + ")", typ: tStr}
		}
		return jsNode{code: "((" + jsIsString(l) + " or " + jsIsString(r) + ") ? " + jsText(l) + " & " + jsText(r) + " : " + l.code + " + " + r.code + ")"}
	case "===", "==":
		return jsNode{code: "(" + l.code + " = " + r.code + ")", typ: tBool}
	case "!==", "!=":
		return jsNode{code: "(" + l.code + " != " + r.code + ")", typ: tBool}
	case "<", ">", "<=", ">=":
		return jsNode{code: "(" + l.code + " " + op + " " + r.code + ")", typ: tBool}
	case "&&":
		if l.typ == tBool && r.typ == tBool {
			return jsNode{code: "(" + l.code + " and " + r.code + ")", typ: tBool}
		}
		return jsNode{code: "(" + jsTruthy(l) + " ? " + r.code + " : " + l.code + ")", typ: jsJoinType(l.typ, r.typ)}
	case "||":
		if l.typ == tBool && r.typ == tBool {
			return jsNode{code: "(" + l.code + " or " + r.code + ")", typ: tBool}
		}
		return jsNode{code: "(" + jsTruthy(l) + " ? " + l.code + " : " + r.code + ")", typ: jsJoinType(l.typ, r.typ)}
	case "??":
		if l.typ != tAny && l.typ != tNull {
			return l
		}
		return jsNode{code: "(($exists(" + l.code + ") and " + l.code + " != null) ? " + l.code + " : " + r.code + ")", typ: jsJoinType(l.typ, r.typ)}
	}
	panic("unreachable: " + op)
}

func jsIsString(n jsNode) string { return "$type(" + n.code + ") = \"string\"" }

// jsTruthy is a JSONata boolean with JavaScript's truthiness of n: JSONata's
// own counts empty arrays and objects (and arrays of falsy values) false.
func jsTruthy(n jsNode) string {
	switch n.typ {
	case tBool:
		return n.code
	case tArr, tObj:
		return "true"
	case tNull:
		return "false"
	case tNum, tStr:
		return "$boolean(" + n.code + ")"
	}
	return "($type(" + n.code + ") in [\"array\", \"object\"] or $boolean(" + n.code + "))"
}

func jsJoinType(a, b jsType) jsType {
	if a == b {
		return a
	}
	return tAny
}

// jsLength is x.length: a string's length or an array's count.
func jsLength(x jsNode) jsNode {
	switch x.typ {
	case tStr:
		return jsNode{code: "$length(" + x.code + ")", typ: tNum}
	case tArr:
		return jsNode{code: "$count(" + x.code + ")", typ: tNum}
	}
	return jsNode{code: "($type(" + x.code + ") = \"array\" ? $count(" + x.code + ") : $length(" + x.code + "))", typ: tNum}
}

// jsStringMethods are the methods translated, with their argument counts.
var jsStringMethods = map[string]int{"toUpperCase": 0, "toLowerCase": 0, "trim": 0, "includes": 1, "startsWith": 1, "endsWith": 1}

// jsMethod translates a string method call.
func jsMethod(x jsNode, name string, args []jsNode) (jsNode, error) {
	if n := jsStringMethods[name]; len(args) != n {
		return x, fmt.Errorf("%s takes %d argument(s) here, got %d", name, jsStringMethods[name], len(args))
	}
	switch name {
	case "toUpperCase":
		return jsNode{code: "$uppercase(" + x.code + ")", typ: tStr}, nil
	case "toLowerCase":
		return jsNode{code: "$lowercase(" + x.code + ")", typ: tStr}, nil
	case "trim":
		return jsNode{code: "$replace(" + x.code + `, /^\s+|\s+$/, "")`, typ: tStr}, nil
	case "includes":
		switch x.typ {
		case tStr:
			return jsNode{code: "$contains(" + x.code + ", " + args[0].code + ")", typ: tBool}, nil
		case tArr:
			return jsNode{code: "(" + args[0].code + " in " + x.code + ")", typ: tBool}, nil
		}
		return jsNode{code: "($type(" + x.code + ") = \"array\" ? " + args[0].code + " in " + x.code + " : $contains(" + x.code + ", " + args[0].code + "))", typ: tBool}, nil
	case "startsWith":
		return jsNode{code: "($substring(" + x.code + ", 0, $length(" + args[0].code + ")) = " + args[0].code + ")", typ: tBool}, nil
	}
	return jsNode{code: "($length(" + x.code + ") >= $length(" + args[0].code + ") and $substring(" + x.code + ", $length(" + x.code + ") - $length(" + args[0].code + ")) = " + args[0].code + ")", typ: tBool}, nil
}

// jsBuiltin translates Math.*, JSON.stringify and Date.now.
func jsBuiltin(name string, args []jsNode) (jsNode, error) {
	one := map[string]string{"Math.floor": "$floor", "Math.ceil": "$ceil", "Math.abs": "$abs", "Math.sqrt": "$sqrt"}
	arity := func(n int) error {
		if len(args) != n {
			return fmt.Errorf("%s takes %d argument(s) here, got %d", name, n, len(args))
		}
		return nil
	}
	switch {
	case one[name] != "":
		if err := arity(1); err != nil {
			return jsNode{}, err
		}
		return jsNode{code: one[name] + "(" + args[0].code + ")", typ: tNum}, nil
	case name == "Math.round":
		// JavaScript rounds halves up; JSONata's $round rounds them to even.
		if err := arity(1); err != nil {
			return jsNode{}, err
		}
		return jsNode{code: "$floor(" + args[0].code + " + 0.5)", typ: tNum}, nil
	case name == "Math.pow":
		if err := arity(2); err != nil {
			return jsNode{}, err
		}
		return jsNode{code: "$power(" + args[0].code + ", " + args[1].code + ")", typ: tNum}, nil
	case name == "Math.max" || name == "Math.min":
		if len(args) == 0 {
			return jsNode{}, fmt.Errorf("%s needs at least one argument here", name)
		}
		codes := make([]string, len(args))
		for i, a := range args {
			codes[i] = a.code
		}
		return jsNode{code: "$" + strings.TrimPrefix(name, "Math.") + "([" + strings.Join(codes, ", ") + "])", typ: tNum}, nil
	case name == "JSON.stringify":
		if err := arity(1); err != nil {
			return jsNode{}, err
		}
		x := args[0]
		quoted := `("\"" & $replace($replace(` + x.code + `, "\\", "\\\\"), "\"", "\\\"") & "\"")`
		switch x.typ {
		case tStr:
			return jsNode{code: quoted, typ: tStr}, nil
		case tNum, tBool, tNull, tArr, tObj:
			return jsNode{code: "$string(" + x.code + ")", typ: tStr}, nil
		}
		return jsNode{code: "(" + jsIsString(x) + " ? " + quoted + " : $string(" + x.code + "))", typ: tStr}, nil
	case name == "Date.now":
		if err := arity(0); err != nil {
			return jsNode{}, err
		}
		return jsNode{code: "$millis()", typ: tNum}, nil
	}
	return jsNode{}, fmt.Errorf("%s is not translated (Math.floor, ceil, round, abs, sqrt, pow, min, max, JSON.stringify and Date.now are)", name)
}

// formatJSNumber writes a number literal for JSONata.
func formatJSNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// quoteJSONata is a JSONata string literal (JSON double-quoted).
func quoteJSONata(s string) string {
	b, _ := json.Marshal(s)
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
}

// jsonPathIn translates a JSONPath ($.a.b[0], $['a'], and $$. for the
// context object) into a JSONata path from root.
func jsonPathIn(path, root string) (string, error) {
	rest := path
	out := root
	switch {
	case strings.HasPrefix(path, "$$"):
		out, rest = "$states.context", path[2:]
	case strings.HasPrefix(path, "$"):
		rest = path[1:]
	default:
		return "", fmt.Errorf("%q is not a JSONPath", path)
	}
	for rest != "" {
		switch {
		case rest[0] == '.':
			name := rest[1:]
			if i := strings.IndexAny(name, ".["); i >= 0 {
				name = name[:i]
			}
			if name == "" {
				return "", fmt.Errorf("the path %q has an empty name", path)
			}
			out += "." + jsonataName(name)
			rest = rest[1+len(name):]
		case rest[0] == '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return "", fmt.Errorf("the path %q has an unclosed [", path)
			}
			inner := rest[1:end]
			if n, err := strconv.Atoi(inner); err == nil && n >= 0 {
				out += "[" + inner + "]"
			} else if len(inner) >= 2 && (inner[0] == '\'' && inner[len(inner)-1] == '\'' || inner[0] == '"' && inner[len(inner)-1] == '"') {
				out += "." + jsonataName(inner[1:len(inner)-1])
			} else {
				return "", fmt.Errorf("the path %q: only names, quoted names and indexes are translated, not [%s]", path, inner)
			}
			rest = rest[end+1:]
		default:
			return "", fmt.Errorf("the path %q cannot be read", path)
		}
	}
	return out, nil
}

var jsonataIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// jsonataName is a field name in a JSONata path: as it is, or in
// backquotes when it is not an identifier (or is a JSONata keyword).
func jsonataName(name string) string {
	if jsonataIdent.MatchString(name) && name != "and" && name != "or" && name != "in" && name != "true" && name != "false" && name != "null" && name != "function" {
		return name
	}
	return "`" + name + "`"
}
