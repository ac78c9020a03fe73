package asl

import (
	"errors"
	"fmt"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// jsonataValue evaluates a field of a JSONata state: a string "{% expr %}"
// is the expression's value; objects and arrays are walked, their
// {% %} strings evaluated; other values are literals.
func (l *lane) jsonataValue(v any, states map[string]any) (any, *Failure) {
	switch t := v.(type) {
	case string:
		body, ok := expr.JSONataBody(t)
		if !ok {
			return t, nil
		}
		got, defined, f := l.evalJSONata(body, states)
		if f != nil {
			return nil, f
		}
		if !defined {
			return nil, fail(ErrQueryEvaluation, "The JSONata expression '%s' returned nothing (undefined)", body)
		}
		return got, nil
	case map[string]any:
		out := make(map[string]any, len(t))
		for _, k := range sortedKeys(t) {
			got, f := l.jsonataValue(t[k], states)
			if f != nil {
				return nil, f
			}
			out[k] = got
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			got, f := l.jsonataValue(e, states)
			if f != nil {
				return nil, f
			}
			out[i] = got
		}
		return out, nil
	}
	return clone(v), nil
}

func (l *lane) evalJSONata(body string, states map[string]any) (any, bool, *Failure) {
	if l.ex.opts.JSONata == nil {
		return nil, false, l.ex.fatal(errors.New("the definition uses JSONata but no JSONata evaluator was given"))
	}
	bindings := l.vars.all()
	bindings["states"] = states
	got, defined, err := l.ex.opts.JSONata.Evaluate(body, bindings)
	if err != nil {
		var qe *QueryError
		if errors.As(err, &qe) {
			return nil, false, fail(ErrQueryEvaluation, "An error occurred while evaluating the JSONata expression '%s': %s", body, qe.Message)
		}
		return nil, false, l.ex.fatal(fmt.Errorf("JSONata evaluator: %w", err))
	}
	return got, defined, nil
}

// jsonataAssign evaluates an Assign field of a JSONata state.
func (l *lane) jsonataAssign(assign any, states map[string]any) (map[string]any, *Failure) {
	if assign == nil {
		return nil, nil
	}
	got, f := l.jsonataValue(assign, states)
	if f != nil {
		return nil, f
	}
	m, ok := got.(map[string]any)
	if !ok {
		return nil, fail(ErrQueryEvaluation, "Assign must be an object, not %s", typeName(got))
	}
	return m, nil
}

// pathAssign evaluates an Assign field of a JSONPath state: "name.$" fields
// read result ($), the context ($$) or the variables from before the state.
func (l *lane) pathAssign(assign any, result any, ctx map[string]any) (map[string]any, *Failure) {
	if assign == nil {
		return nil, nil
	}
	got, f := l.template(assign, result, ctx)
	if f != nil {
		return nil, f
	}
	m, _ := got.(map[string]any)
	return m, nil
}

// jsonataCondition evaluates a Choice rule's Condition.
func (l *lane) jsonataCondition(cond any, states map[string]any) (bool, *Failure) {
	got, f := l.jsonataValue(cond, states)
	if f != nil {
		return false, f
	}
	b, ok := got.(bool)
	if !ok {
		return false, fail(ErrQueryEvaluation, "A Condition must evaluate to a boolean, not %s", typeName(got))
	}
	return b, nil
}

// jsonataNumber evaluates a JSONata field that must be a number (a literal or an expression).
func (l *lane) jsonataNumber(v any, states map[string]any, field string) (float64, *Failure) {
	got, f := l.jsonataValue(v, states)
	if f != nil {
		return 0, f
	}
	n, ok := got.(float64)
	if !ok {
		return 0, fail(ErrQueryEvaluation, "%s must be a number, not %s", field, typeName(got))
	}
	return n, nil
}
