package asl

import "sync"

// fanOut runs n lanes made by start, at most limit at a time (0: all), and
// waits for them; the calling lane gives up its turn meanwhile. Each worker
// takes the next index when the previous lane it ran has finished.
func (l *lane) fanOut(n, limit int, work func(i int)) {
	if n == 0 {
		return
	}
	workers := n
	if limit > 0 && limit < n {
		workers = limit
	}
	next := 0
	s := &l.ex.sched
	turns := make([]chan struct{}, workers)
	for k := range turns {
		turns[k] = make(chan struct{})
	}
	s.mu.Lock()
	s.queue = append(s.queue, turns...)
	s.mu.Unlock()
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func(turn chan struct{}) {
			defer wg.Done()
			<-turn
			for next < n && !l.stopped() {
				i := next
				next++
				work(i)
			}
			s.release()
		}(turns[k])
	}
	s.release()
	wg.Wait()
	s.acquire()
}

func (l *lane) parallel(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	var in any
	var f *Failure
	var states map[string]any
	if s.jsonata {
		states = map[string]any{"input": s.raw, "context": ctx}
		in = s.raw
		if a, ok := s.st["Arguments"]; ok {
			in, f = l.jsonataValue(a, states)
		}
	} else {
		in, f = l.effectiveInput(s, ctx)
	}
	if f != nil {
		return nil, "", nil, f
	}
	branches, _ := s.st["Branches"].([]any)
	results := make([]any, len(branches))
	g := &group{parent: l.group}
	var first *Failure
	end := l.now
	l.fanOut(len(branches), 0, func(i int) {
		b, _ := branches[i].(map[string]any)
		c := l.child(b, g, newScope(l.vars, true), l.index)
		bi := i
		l.ex.emit(c, Event{Type: ParallelBranchStarted, State: s.name, StateType: "Parallel", Branch: &bi, Input: clone(in)})
		out, f := c.run(clone(in))
		if c.now.After(end) {
			end = c.now
		}
		if f == stopped {
			return
		}
		if f != nil {
			l.ex.emit(c, Event{Type: ParallelBranchFailed, State: s.name, StateType: "Parallel", Branch: &bi, Error: f.Name, Cause: f.Cause})
			if first == nil {
				first = f
				g.stopped = true
			}
			return
		}
		l.ex.emit(c, Event{Type: ParallelBranchSucceeded, State: s.name, StateType: "Parallel", Branch: &bi, Output: clone(out)})
		results[i] = out
	})
	l.now = end
	if l.ex.abort != nil || l.ex.timedOut {
		return nil, "", nil, stopped
	}
	if first != nil {
		return nil, "", nil, first
	}
	return l.finish(s, states, []any(results), ctx)
}

// finish ends a Task-like state (Parallel, Map) with its result.
func (l *lane) finish(s *step, states map[string]any, result any, ctx map[string]any) (any, string, map[string]any, *Failure) {
	if s.jsonata {
		states["result"] = result
		out, assign, f := l.finishJSONata(s, states, result)
		return out, s.next(), assign, f
	}
	out, assign, f := l.finishPath(s, result, ctx)
	return out, s.next(), assign, f
}
