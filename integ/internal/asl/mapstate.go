package asl

import "fmt"

func (l *lane) mapState(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	proc, _ := s.st["ItemProcessor"].(map[string]any)
	if proc == nil {
		proc, _ = s.st["Iterator"].(map[string]any)
	}
	if err := checkMachine(proc, fmt.Sprintf("the ItemProcessor of Map state %q", s.name)); err != nil {
		return nil, "", nil, l.ex.fatal(err)
	}
	cfg, _ := proc["ProcessorConfig"].(map[string]any)
	distributed := cfg["Mode"] == "DISTRIBUTED"

	var states map[string]any
	var in any = s.raw
	var f *Failure
	if s.jsonata {
		states = map[string]any{"input": s.raw, "context": ctx}
	} else if in, f = l.inputPath(s.st, s.raw, ctx); f != nil {
		return nil, "", nil, f
	}
	items, f := l.mapItems(s, in, ctx, states)
	if f != nil {
		return nil, "", nil, f
	}
	limit, f := l.mapNumber(s, "MaxConcurrency", in, ctx, states)
	if f != nil {
		return nil, "", nil, f
	}
	inputs := make([]any, len(items))
	for i, item := range items {
		if inputs[i], f = l.itemInput(s, i, item, in, states); f != nil {
			return nil, "", nil, f
		}
	}
	if distributed {
		if inputs, f = l.batch(s, inputs, in, ctx, states); f != nil {
			return nil, "", nil, f
		}
	}
	run := l.iterate(s, proc, inputs, int(limit), distributed, in, ctx, states)
	if run.failure != nil {
		return nil, "", nil, run.failure
	}
	var result any = run.outputs
	if distributed {
		if result, f = l.writeResults(s, run, in, ctx, states); f != nil {
			return nil, "", nil, f
		}
	}
	return l.finish(s, states, result, ctx)
}

// mapItems reads the items: ItemReader, else ItemsPath (JSONPath, default
// "$") or Items (JSONata, default the input).
func (l *lane) mapItems(s *step, in any, ctx map[string]any, states map[string]any) ([]any, *Failure) {
	if r, ok := s.st["ItemReader"].(map[string]any); ok {
		return l.readItems(s, r, in, ctx, states)
	}
	var got any = in
	var f *Failure
	if s.jsonata {
		if v, ok := s.st["Items"]; ok {
			got, f = l.jsonataValue(v, states)
		}
	} else if p, ok := s.st["ItemsPath"].(string); ok {
		got, f = l.queryPath(p, in, ctx)
	}
	if f != nil {
		return nil, f
	}
	items, ok := got.([]any)
	if !ok {
		if s.jsonata {
			return nil, fail(ErrQueryEvaluation, "The Map state's Items must be an array, not %s", typeName(got))
		}
		return nil, runtimeErr("The Map state's items must be an array, not %s: %s", typeName(got), jsonText(got))
	}
	return items, nil
}

// mapNumber reads a number field of a Map (MaxConcurrency,
// ToleratedFailureCount…), or its Path form; 0 when unset.
func (l *lane) mapNumber(s *step, field string, in any, ctx map[string]any, states map[string]any) (float64, *Failure) {
	if v, ok := s.st[field]; ok {
		if s.jsonata {
			return l.jsonataNumber(v, states, field)
		}
		return numberOr(v, 0), nil
	}
	if p, ok := s.st[field+"Path"].(string); ok && !s.jsonata {
		got, f := l.queryPath(p, in, ctx)
		if f != nil {
			return 0, f
		}
		n, ok := got.(float64)
		if !ok {
			return 0, runtimeErr("%sPath '%s' must give a number, not %s", field, p, jsonText(got))
		}
		return n, nil
	}
	return 0, nil
}

// itemInput applies ItemSelector (or the older Parameters) to one item.
func (l *lane) itemInput(s *step, i int, item any, in any, states map[string]any) (any, *Failure) {
	sel, ok := s.st["ItemSelector"]
	if !ok {
		sel, ok = s.st["Parameters"]
	}
	if !ok {
		return clone(item), nil
	}
	l.mapItem = map[string]any{"Index": float64(i), "Value": item}
	defer func() { l.mapItem = nil }()
	ctx := l.context(&step{name: s.name, entered: s.entered, retries: s.retries})
	if s.jsonata {
		st := map[string]any{"input": states["input"], "context": ctx}
		return l.jsonataValue(sel, st)
	}
	return l.template(sel, in, ctx)
}

// mapRun is the outcome of a Map's iterations.
type mapRun struct {
	inputs   []any
	outputs  []any
	failed   []*Failure // per iteration, nil when it succeeded
	failure  *Failure   // the Map's failure
	nFailed  int
	runIndex int
}

func (l *lane) iterate(s *step, proc map[string]any, inputs []any, limit int, distributed bool, in any, ctx map[string]any, states map[string]any) *mapRun {
	run := &mapRun{inputs: inputs, outputs: make([]any, len(inputs)), failed: make([]*Failure, len(inputs))}
	var tolCount, tolPct float64
	countSet, pctSet := false, false
	if distributed {
		for _, t := range []struct {
			field string
			dst   *float64
			set   *bool
		}{{"ToleratedFailureCount", &tolCount, &countSet}, {"ToleratedFailurePercentage", &tolPct, &pctSet}} {
			_, a := s.st[t.field]
			_, b := s.st[t.field+"Path"]
			*t.set = a || b
			n, f := l.mapNumber(s, t.field, in, ctx, states)
			if f != nil {
				run.failure = f
				return run
			}
			*t.dst = n
		}
	}
	exceeded := func() bool {
		if run.nFailed == 0 {
			return false
		}
		if !countSet && !pctSet {
			return true
		}
		pct := float64(run.nFailed) * 100 / float64(len(inputs))
		return (countSet && float64(run.nFailed) > tolCount) || (pctSet && pct > tolPct)
	}
	g := &group{parent: l.group}
	end := l.now
	l.fanOut(len(inputs), limit, func(i int) {
		idx := i
		c := l.child(proc, g, newScope(l.vars, !distributed), &idx)
		l.ex.emit(c, Event{Type: MapIterationStarted, State: s.name, StateType: "Map", Input: clone(inputs[i])})
		out, f := c.run(clone(inputs[i]))
		if c.now.After(end) {
			end = c.now
		}
		if f == stopped {
			return
		}
		if f != nil {
			l.ex.emit(c, Event{Type: MapIterationFailed, State: s.name, StateType: "Map", Error: f.Name, Cause: f.Cause})
			run.failed[i] = f
			run.outputs[i] = map[string]any{"Error": f.Name, "Cause": f.Cause}
			run.nFailed++
			if !distributed {
				if run.failure == nil {
					run.failure = f
				}
				g.stopped = true
			} else if exceeded() {
				g.stopped = true
			}
			return
		}
		l.ex.emit(c, Event{Type: MapIterationSucceeded, State: s.name, StateType: "Map", Output: clone(out)})
		run.outputs[i] = out
	})
	l.now = end
	if l.ex.abort != nil || l.ex.timedOut {
		run.failure = stopped
		return run
	}
	if distributed && exceeded() {
		run.failure = fail(ErrExceedToleratedFailed, "The Map Run failed: %d of %d items failed, more than tolerated (ToleratedFailureCount %s, ToleratedFailurePercentage %s)",
			run.nFailed, len(inputs), optionalNumber(countSet, tolCount), optionalNumber(pctSet, tolPct))
	}
	return run
}

func optionalNumber(set bool, n float64) string {
	if !set {
		return "unset"
	}
	return numberText(n)
}
