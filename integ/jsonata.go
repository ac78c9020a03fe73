package integ

import (
	"errors"
	"testing"

	"github.com/sfnkit/sfnkit/integ/internal/asl"
	"github.com/sfnkit/sfnkit/integ/internal/nodeproc"
)

// jsonataEvaluator evaluates a Run's JSONata with the shared Node process.
type jsonataEvaluator struct{ t testing.TB }

func (j jsonataEvaluator) Evaluate(expr string, bindings map[string]any) (any, bool, error) {
	e, err := nodeproc.Shared(FindNodeModules)
	if err != nil {
		return nil, false, err
	}
	v, defined, err := e.Evaluate(expr, bindings)
	var je *nodeproc.Error
	if errors.As(err, &je) {
		return nil, false, &asl.QueryError{Message: je.Message}
	}
	return v, defined, err
}
