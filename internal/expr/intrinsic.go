package expr

import (
	"fmt"
	"strconv"
	"strings"
)

// arity of each intrinsic function AWS Step Functions offers; max -1 means
// any number of arguments.
var intrinsics = map[string]struct{ min, max int }{
	"States.Array":          {0, -1},
	"States.ArrayContains":  {2, 2},
	"States.ArrayGetItem":   {2, 2},
	"States.ArrayLength":    {1, 1},
	"States.ArrayPartition": {2, 2},
	"States.ArrayRange":     {3, 3},
	"States.ArrayUnique":    {1, 1},
	"States.Base64Decode":   {1, 1},
	"States.Base64Encode":   {1, 1},
	"States.Format":         {1, -1},
	"States.Hash":           {2, 2},
	"States.JsonMerge":      {3, 3},
	"States.JsonToString":   {1, 1},
	"States.MathAdd":        {2, 2},
	"States.MathRandom":     {2, 3},
	"States.StringSplit":    {2, 2},
	"States.StringToJson":   {1, 1},
	"States.UUID":           {0, 0},
}

// ArgKind tells what an intrinsic function argument is.
type ArgKind uint8

const (
	ArgString ArgKind = iota + 1
	ArgNumber
	ArgBool
	ArgNull
	ArgPath
	ArgCall
)

// Arg is one argument of an intrinsic function call.
type Arg struct {
	Kind ArgKind
	Text string // as written ("'a\\'b'", "$.x", "42")
	Str  string // unescaped value of an ArgString
	Call *Call  // for ArgCall
}

// Call is a parsed intrinsic function call.
type Call struct {
	Name string
	Args []Arg
}

// Paths lists every JSONPath the call reads, nested calls included.
func (c *Call) Paths() []string {
	var out []string
	for _, a := range c.Args {
		switch a.Kind {
		case ArgPath:
			out = append(out, a.Text)
		case ArgCall:
			out = append(out, a.Call.Paths()...)
		}
	}
	return out
}

// ParseIntrinsic parses and validates an intrinsic function call such as
// "States.Format('job-{}', $.id)".
func ParseIntrinsic(s string) (*Call, error) {
	p := &callParser{s: s}
	c, err := p.call()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(s) {
		return nil, p.fail("unexpected text after the call")
	}
	return c, nil
}

type callParser struct {
	s string
	i int
}

func (p *callParser) fail(format string, args ...any) error {
	return &SyntaxError{What: "intrinsic function", Expr: p.s, Pos: p.i, Msg: fmt.Sprintf(format, args...)}
}

func (p *callParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n') {
		p.i++
	}
}

func (p *callParser) call() (*Call, error) {
	begin := p.i
	for p.i < len(p.s) && p.s[p.i] != '(' {
		p.i++
	}
	name := strings.TrimSpace(p.s[begin:p.i])
	arity, known := intrinsics[name]
	if !known {
		p.i = begin
		return nil, p.fail("unknown function %q (known: %s)", name, knownNames())
	}
	if p.i == len(p.s) {
		return nil, p.fail("'(' must follow %s", name)
	}
	p.i++ // '('
	c := &Call{Name: name}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ')' {
		p.i++
	} else {
		for {
			a, err := p.arg()
			if err != nil {
				return nil, err
			}
			c.Args = append(c.Args, a)
			p.space()
			if p.i == len(p.s) {
				return nil, p.fail("unclosed '(' of %s", name)
			}
			if p.s[p.i] == ')' {
				p.i++
				break
			}
			if p.s[p.i] != ',' {
				return nil, p.fail("expected ',' or ')'")
			}
			p.i++
		}
	}
	n := len(c.Args)
	if n < arity.min || (arity.max >= 0 && n > arity.max) {
		p.i = begin
		return nil, p.fail("%s takes %s, got %d", name, arityText(arity.min, arity.max), n)
	}
	if name == "States.Format" && c.Args[0].Kind == ArgString {
		if holes := strings.Count(strings.ReplaceAll(c.Args[0].Str, `\{}`, ""), "{}"); holes != n-1 {
			p.i = begin
			return nil, p.fail("States.Format's template has %d '{}' but %d values follow", holes, n-1)
		}
	}
	return c, nil
}

func (p *callParser) arg() (Arg, error) {
	p.space()
	if p.i == len(p.s) {
		return Arg{}, p.fail("missing argument")
	}
	begin := p.i
	switch c := p.s[p.i]; {
	case c == '\'':
		str, err := p.quoted()
		return Arg{Kind: ArgString, Text: p.s[begin:p.i], Str: str}, err
	case c == '$':
		end, err := scanPath(p.s, p.i, false)
		if err != nil {
			return Arg{}, err
		}
		p.i = end
		return Arg{Kind: ArgPath, Text: p.s[begin:end]}, nil
	case strings.HasPrefix(p.s[p.i:], "States."):
		call, err := p.call()
		return Arg{Kind: ArgCall, Text: p.s[begin:p.i], Call: call}, err
	}
	for p.i < len(p.s) && !strings.ContainsRune(",) \t\n", rune(p.s[p.i])) {
		p.i++
	}
	word := p.s[begin:p.i]
	switch word {
	case "true", "false":
		return Arg{Kind: ArgBool, Text: word}, nil
	case "null":
		return Arg{Kind: ArgNull, Text: word}, nil
	}
	if _, err := strconv.ParseFloat(word, 64); err == nil && word != "" {
		return Arg{Kind: ArgNumber, Text: word}, nil
	}
	p.i = begin
	return Arg{}, p.fail("an argument is a 'string', a number, true, false, null, a path or a States.* call; got %q", word)
}

// quoted reads a single-quoted string literal; \' \{ \} and \\ are escapes.
func (p *callParser) quoted() (string, error) {
	var b strings.Builder
	p.i++ // opening quote
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '\\':
			if p.i+1 == len(p.s) {
				return "", p.fail("unfinished escape")
			}
			next := p.s[p.i+1]
			if next == '{' || next == '}' {
				b.WriteByte('\\') // keep: the escape matters to States.Format
			}
			b.WriteByte(next)
			p.i += 2
		case '\'':
			p.i++
			return b.String(), nil
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.fail("unclosed string")
}

// Quote renders s as an intrinsic-function string literal.
func Quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, `{`, `\{`, `}`, `\}`)
	return "'" + r.Replace(s) + "'"
}

func knownNames() string {
	return "States.Array, States.ArrayContains, States.ArrayGetItem, States.ArrayLength, " +
		"States.ArrayPartition, States.ArrayRange, States.ArrayUnique, States.Base64Decode, " +
		"States.Base64Encode, States.Format, States.Hash, States.JsonMerge, States.JsonToString, " +
		"States.MathAdd, States.MathRandom, States.StringSplit, States.StringToJson, States.UUID"
}

func arityText(min, max int) string {
	switch {
	case min == max:
		return fmt.Sprintf("%d argument(s)", min)
	case max < 0:
		return fmt.Sprintf("at least %d argument(s)", min)
	}
	return fmt.Sprintf("%d to %d arguments", min, max)
}
