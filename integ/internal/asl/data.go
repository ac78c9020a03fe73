package asl

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// queryPath evaluates a JSONPath ("$.a", "$$.Execution.Id", "$total.id")
// against input, the context object or the variables. A definite path that
// selects nothing is a States.Runtime error; an indefinite one yields the
// array of its matches.
func (l *lane) queryPath(text string, input any, ctx map[string]any) (any, *Failure) {
	p, err := l.ex.path(text)
	if err != nil {
		return nil, runtimeErr("%v", err)
	}
	var root any
	switch p.root {
	case rootInput:
		root = input
	case rootContext:
		root = ctx
	case rootVariable:
		v, ok := l.vars.lookup(p.variable)
		if !ok {
			return nil, runtimeErr("The JSONPath '%s' references the variable '%s', which is not defined", text, p.variable)
		}
		root = v
	}
	got := p.selectAll(root)
	if p.definite() {
		if len(got) == 0 {
			return nil, runtimeErr("The JSONPath '%s' could not be found in the input '%s'", text, jsonText(root))
		}
		return got[0], nil
	}
	if got == nil {
		got = []any{}
	}
	return got, nil
}

// template evaluates a payload template (Parameters, ResultSelector,
// ItemSelector, Assign in JSONPath): "key.$" fields take the value of their
// path or intrinsic function, the other fields are copied (nested objects
// and arrays processed the same way).
func (l *lane) template(tmpl any, input any, ctx map[string]any) (any, *Failure) {
	switch t := tmpl.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for _, k := range sortedKeys(t) {
			v := t[k]
			if name, ok := strings.CutSuffix(k, ".$"); ok {
				s, _ := v.(string)
				got, f := l.dynamic(s, input, ctx)
				if f != nil {
					return nil, f
				}
				out[name] = got
				continue
			}
			got, f := l.template(v, input, ctx)
			if f != nil {
				return nil, f
			}
			out[k] = got
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			got, f := l.template(e, input, ctx)
			if f != nil {
				return nil, f
			}
			out[i] = got
		}
		return out, nil
	}
	return clone(tmpl), nil
}

// dynamic evaluates the value of a "key.$" field: a path or an intrinsic.
func (l *lane) dynamic(s string, input any, ctx map[string]any) (any, *Failure) {
	if strings.HasPrefix(strings.TrimSpace(s), "States.") {
		return l.evalIntrinsic(s, input, ctx)
	}
	v, f := l.queryPath(s, input, ctx)
	if f != nil {
		return nil, f
	}
	return clone(v), nil
}

// inputPath applies InputPath: absent is "$", null gives {}.
func (l *lane) inputPath(st map[string]any, input any, ctx map[string]any) (any, *Failure) {
	p, present := st["InputPath"]
	if !present {
		return input, nil
	}
	if p == nil {
		return map[string]any{}, nil
	}
	return l.queryPath(p.(string), input, ctx)
}

// outputPath applies OutputPath: absent is "$", null gives {}.
func (l *lane) outputPath(st map[string]any, output any, ctx map[string]any) (any, *Failure) {
	p, present := st["OutputPath"]
	if !present {
		return output, nil
	}
	if p == nil {
		return map[string]any{}, nil
	}
	return l.queryPath(p.(string), output, ctx)
}

// resultPath places result into the state's raw input as ResultPath says:
// absent or "$" replaces the input, null discards the result.
func resultPath(rp any, present bool, rawInput, result any) (any, *Failure) {
	if !present {
		return result, nil
	}
	if rp == nil {
		return rawInput, nil
	}
	text, _ := rp.(string)
	if err := expr.ParseReferencePath(text); err != nil {
		return nil, runtimeErr("%v", err)
	}
	p, err := parseJSONPath(text)
	if err != nil {
		return nil, runtimeErr("%v", err)
	}
	if len(p.segs) == 0 {
		return result, nil
	}
	out, ok := setAt(clone(rawInput), p.segs, result)
	if !ok {
		return nil, fail(ErrResultPathMatch, "Unable to apply ResultPath '%s' to the input '%s'", text, jsonText(rawInput))
	}
	return out, nil
}

func setAt(target any, segs []segment, v any) (any, bool) {
	if len(segs) == 0 {
		return v, true
	}
	seg := segs[0]
	switch seg.kind {
	case segMember:
		var m map[string]any
		switch t := target.(type) {
		case map[string]any:
			m = t
		case nil:
			m = map[string]any{}
		default:
			return nil, false
		}
		got, ok := setAt(m[seg.name], segs[1:], v)
		if !ok {
			return nil, false
		}
		m[seg.name] = got
		return m, true
	case segIndex:
		a, ok := target.([]any)
		if !ok || seg.index < 0 || seg.index >= len(a) {
			return nil, false
		}
		got, ok := setAt(a[seg.index], segs[1:], v)
		if !ok {
			return nil, false
		}
		a[seg.index] = got
		return a, true
	}
	return nil, false
}
