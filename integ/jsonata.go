package integ

import (
	"errors"
	"testing"

	"github.com/sfnkit/sfnkit/integ/internal/asl"
	"github.com/sfnkit/sfnkit/integ/internal/jsonata"
)

// jsonataEvaluator evaluates a Run's JSONata with the shared Node process.
type jsonataEvaluator struct{ t testing.TB }

func (j jsonataEvaluator) Evaluate(expr string, bindings map[string]any) (any, bool, error) {
	e, err := jsonata.Shared(FindNodeModules)
	if err != nil {
		return nil, false, err
	}
	v, defined, err := e.Evaluate(expr, bindings)
	var je *jsonata.Error
	if errors.As(err, &je) {
		return nil, false, &asl.QueryError{Message: je.Message}
	}
	return v, defined, err
}
