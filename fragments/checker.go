package fragments

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// checker collects the problems of one constructor's props and reports
// them together, each naming its field.
type checker struct {
	construct, path string
	problems        []error
}

func newChecker(construct string, scope constructs.Construct, id *string) *checker {
	c := &checker{construct: construct, path: pathOf(scope, id)}
	if id == nil || *id == "" {
		c.fail("id", "required: the fragment's states are named after it")
	}
	return c
}

func (c *checker) fail(field, format string, args ...any) {
	c.problems = append(c.problems, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
}

// value converts a field (literal or dynamic) and checks its expressions;
// nil when absent.
func (c *checker) value(field string, x any) *value.Value {
	v, err := engine.Convert(x)
	if err != nil {
		c.fail(field, "%v", err)
		return nil
	}
	if v != nil {
		c.problems = append(c.problems, value.Check(field, v, value.JSONPathLang)...)
	}
	return v
}

// required is value for a field that must be given.
func (c *checker) required(field string, x any, what string) *value.Value {
	v := c.value(field, x)
	if v == nil {
		c.fail(field, "required: %s", what)
	}
	return v
}

// done panics with every problem found, as CDK constructs throw.
func (c *checker) done() {
	if len(c.problems) > 0 {
		panic(&engine.ValidationError{Construct: c.construct, Path: c.path, Problems: c.problems})
	}
}
