package expr

import "strings"

// Kind classifies a field value.
type Kind uint8

const (
	Literal   Kind = iota // not an expression
	Path                  // "$.a", "$$.Execution.Id"
	Intrinsic             // "States.Format(...)"
	JSONata               // "{% ... %}"
)

func (k Kind) String() string {
	switch k {
	case Path:
		return "JSONPath"
	case Intrinsic:
		return "intrinsic function"
	case JSONata:
		return "JSONata"
	}
	return "literal"
}

// ParseDynamic validates s as an expression of the JSONPath query language:
// a path or an intrinsic function call.
func ParseDynamic(s string) (Kind, error) {
	if strings.HasPrefix(s, "$") {
		return Path, ParsePath(s)
	}
	if strings.HasPrefix(strings.TrimSpace(s), "States.") {
		_, err := ParseIntrinsic(s)
		return Intrinsic, err
	}
	return Literal, &SyntaxError{What: "expression", Expr: s, Msg: "expected a JSONPath ($...) or an intrinsic function (States.*)"}
}

// JSONataBody returns the expression inside "{% ... %}" and whether s has
// that form at all.
func JSONataBody(s string) (string, bool) {
	if len(s) < 4 || !strings.HasPrefix(s, "{%") || !strings.HasSuffix(s, "%}") {
		return "", false
	}
	return strings.TrimSpace(s[2 : len(s)-2]), true
}

// IsJSONata reports whether s is written as a JSONata expression.
func IsJSONata(s string) bool {
	_, ok := JSONataBody(s)
	return ok
}

// ParseJSONata checks the outline of a "{% ... %}" expression: it is not
// empty and its brackets and quotes balance. Full JSONata is checked by AWS.
func ParseJSONata(s string) error {
	body, ok := JSONataBody(s)
	if !ok {
		return &SyntaxError{What: "JSONata", Expr: s, Msg: "a JSONata expression is written {% expression %}"}
	}
	if body == "" {
		return &SyntaxError{What: "JSONata", Expr: s, Pos: 2, Msg: "empty expression"}
	}
	var stack []byte
	var quote byte
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '(' || c == '[' || c == '{':
			stack = append(stack, c)
		case c == ')' || c == ']' || c == '}':
			want := map[byte]byte{')': '(', ']': '[', '}': '{'}[c]
			if len(stack) == 0 || stack[len(stack)-1] != want {
				return &SyntaxError{What: "JSONata", Expr: s, Pos: i + 2, Msg: "unbalanced '" + string(c) + "'"}
			}
			stack = stack[:len(stack)-1]
		}
	}
	if quote != 0 {
		return &SyntaxError{What: "JSONata", Expr: s, Pos: len(s), Msg: "unclosed string"}
	}
	if len(stack) > 0 {
		return &SyntaxError{What: "JSONata", Expr: s, Pos: len(s), Msg: "unclosed '" + string(stack[len(stack)-1]) + "'"}
	}
	return nil
}

// TaskTokenPath is where Step Functions puts the callback token.
const TaskTokenPath = "$$.Task.Token"

// UsesTaskToken reports whether the expression reads the task token.
func UsesTaskToken(kind Kind, s string) bool {
	switch kind {
	case Path, Intrinsic:
		return strings.Contains(s, TaskTokenPath)
	case JSONata:
		return strings.Contains(s, "$states.context.Task.Token")
	}
	return false
}
