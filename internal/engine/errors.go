package engine

import (
	"fmt"
	"strings"
)

// ValidationError lists everything wrong with one construct's props, each
// problem naming its field. Constructors panic with it, as the CDK's own
// constructs throw; recover it to inspect Problems.
type ValidationError struct {
	Construct string // "LambdaInvoke"
	Path      string // construct path, e.g. "MyStack/Invoke"
	Problems  []error
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sfnkit %s %q is invalid:", e.Construct, e.Path)
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// fieldErr formats a problem with one field.
func fieldErr(field, format string, args ...any) error {
	return fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...))
}
