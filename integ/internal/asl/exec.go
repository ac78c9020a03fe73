package asl

import (
	"fmt"
	"math/rand/v2"
	"time"
)

type execution struct {
	opts        Options
	def         map[string]any
	sched       scheduler
	events      []Event
	paths       map[string]*jsonPath
	rand        *rand.Rand
	transitions int
	abort       error
	start       time.Time
	deadline    time.Time // from the definition's TimeoutSeconds; zero when none
	timedOut    bool
	tokens      int
}

// stopped is the Failure of a lane stopped because a sibling failed, the
// execution timed out or was aborted: it emits no events.
var stopped = &Failure{Name: "(stopped)"}

// group is a set of lanes stopped together (the branches of a Parallel,
// the iterations of a Map).
type group struct {
	parent  *group
	stopped bool
}

func (g *group) cancelled() bool {
	for ; g != nil; g = g.parent {
		if g.stopped {
			return true
		}
	}
	return false
}

// lane runs one state machine: the execution, a Parallel branch or a Map iteration.
type lane struct {
	ex      *execution
	machine map[string]any
	vars    *scope
	index   *int
	group   *group
	now     time.Time
	mapItem map[string]any // $$.Map.Item while an ItemSelector is evaluated
}

// Run executes the definition with input (a JSON value) and returns its
// result; the error is an *Abort when the execution could not go on (a
// harness failure reported by Options.Task, a definition error).
func Run(def map[string]any, input any, opts Options) (Result, error) {
	if opts.Start.IsZero() {
		opts.Start = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if opts.MaxTransitions == 0 {
		opts.MaxTransitions = 100000
	}
	if opts.S3 == nil {
		opts.S3 = NewMemoryStore()
	}
	in, err := normalize(input)
	if err != nil {
		return Result{}, &Abort{fmt.Errorf("the input cannot be encoded as JSON: %v", err)}
	}
	ex := &execution{
		opts:  opts,
		def:   def,
		paths: map[string]*jsonPath{},
		rand:  seededRand(opts.Seed),
		start: opts.Start,
	}
	if t, ok := def["TimeoutSeconds"].(float64); ok && t > 0 {
		ex.deadline = opts.Start.Add(seconds(t))
	}
	if err := checkMachine(def, "the definition"); err != nil {
		return Result{}, &Abort{err}
	}
	ex.sched.acquire()
	top := &lane{ex: ex, machine: def, vars: newScope(nil, true), now: opts.Start, group: &group{}}
	ex.emit(top, Event{Type: ExecutionStarted, Input: clone(in)})
	out, f := top.run(in)
	ex.sched.release()
	if ex.abort != nil {
		return Result{Events: ex.events}, &Abort{ex.abort}
	}
	if ex.timedOut {
		f = fail(ErrTimeout, "The execution timed out after %v (TimeoutSeconds of the state machine)", ex.deadline.Sub(ex.start))
	}
	res := Result{Events: ex.events}
	if f != nil {
		res.Status, res.Error, res.Cause = "FAILED", f.Name, f.Cause
		ex.emit(top, Event{Type: ExecutionFailed, Error: f.Name, Cause: f.Cause})
	} else {
		res.Status, res.Output = "SUCCEEDED", out
		ex.emit(top, Event{Type: ExecutionSucceeded, Output: clone(out)})
	}
	res.Events = ex.events
	return res, nil
}

func checkMachine(m map[string]any, what string) error {
	states, ok := m["States"].(map[string]any)
	if !ok || len(states) == 0 {
		return fmt.Errorf("%s has no States", what)
	}
	start, _ := m["StartAt"].(string)
	if _, ok := states[start]; !ok {
		return fmt.Errorf("%s starts at %q, which is not one of its States", what, start)
	}
	return nil
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func (ex *execution) emit(l *lane, e Event) {
	if e.Index == nil && l != nil {
		e.Index = l.index
	}
	if l != nil {
		e.Time = l.now
	}
	ex.events = append(ex.events, e)
}

func (ex *execution) path(text string) (*jsonPath, error) {
	if p, ok := ex.paths[text]; ok {
		return p, nil
	}
	p, err := parseJSONPath(text)
	if err == nil {
		ex.paths[text] = p
	}
	return p, err
}

// fatal aborts the execution: every lane stops at its next step.
func (ex *execution) fatal(err error) *Failure {
	if ex.abort == nil {
		ex.abort = err
	}
	return stopped
}

func (l *lane) stopped() bool {
	return l.ex.abort != nil || l.ex.timedOut || l.group.cancelled()
}

// child makes a lane for a branch or iteration of the state running in l.
func (l *lane) child(machine map[string]any, g *group, vars *scope, index *int) *lane {
	return &lane{ex: l.ex, machine: machine, vars: vars, index: index, group: g, now: l.now}
}

// run executes the lane's state machine from its StartAt.
func (l *lane) run(input any) (any, *Failure) {
	states, _ := l.machine["States"].(map[string]any)
	name, _ := l.machine["StartAt"].(string)
	for {
		if l.stopped() {
			return nil, stopped
		}
		st, ok := states[name].(map[string]any)
		if !ok {
			return nil, l.ex.fatal(fmt.Errorf("no state named %q", name))
		}
		l.ex.transitions++
		if l.ex.transitions > l.ex.opts.MaxTransitions {
			return nil, l.ex.fatal(fmt.Errorf("more than %d state transitions: the workflow seems to loop for ever", l.ex.opts.MaxTransitions))
		}
		out, next, f := l.state(name, st, input)
		if f != nil {
			return nil, f
		}
		if !l.ex.deadline.IsZero() && l.now.After(l.ex.deadline) {
			l.ex.timedOut = true
			return nil, stopped
		}
		if next == "" {
			return out, nil
		}
		l.ex.sched.yield()
		input, name = out, next
	}
}

// step is one state being executed.
type step struct {
	name, typ string
	st        map[string]any
	raw       any // the state's input
	jsonata   bool
	entered   time.Time
	retries   int
	delay     time.Duration // a Wait state's wait
}

func (l *lane) isJSONata(st map[string]any) bool {
	if ql, ok := st["QueryLanguage"].(string); ok {
		return ql == "JSONata"
	}
	return l.ex.def["QueryLanguage"] == "JSONata"
}

// state executes one state, with its retries and catchers, and returns its
// output and the next state ("" at the end).
func (l *lane) state(name string, st map[string]any, raw any) (any, string, *Failure) {
	s := &step{name: name, st: st, raw: raw, jsonata: l.isJSONata(st), entered: l.now}
	s.typ, _ = st["Type"].(string)
	l.ex.emit(l, Event{Type: StateEntered, State: name, StateType: s.typ, Input: clone(raw)})
	retriers, _ := st["Retry"].([]any)
	attempts := make([]int, len(retriers))
	for {
		out, next, assign, f := l.body(s)
		if f == nil {
			l.vars.assign(assign)
			l.ex.emit(l, Event{Type: StateExited, State: name, StateType: s.typ, Output: clone(out), Delay: s.delay})
			return out, next, nil
		}
		if f == stopped {
			return nil, "", f
		}
		l.ex.emit(l, Event{Type: StateFailed, State: name, StateType: s.typ, Error: f.Name, Cause: f.Cause})
		if s.typ != "Task" && s.typ != "Parallel" && s.typ != "Map" {
			return nil, "", f
		}
		if delay, attempt, ok := l.retry(s, retriers, attempts, f); ok {
			l.now = l.now.Add(delay)
			s.retries++
			l.ex.emit(l, Event{Type: StateRetried, State: name, StateType: s.typ, Attempt: attempt, Delay: delay, Error: f.Name, Cause: f.Cause})
			l.ex.sched.yield()
			if l.stopped() {
				return nil, "", stopped
			}
			continue
		}
		out, next, caught, f2 := l.catch(s, f)
		if f2 != nil {
			return nil, "", f2
		}
		if !caught {
			return nil, "", f
		}
		l.ex.emit(l, Event{Type: StateExited, State: name, StateType: s.typ, Output: clone(out)})
		return out, next, nil
	}
}

// retry finds the first retrier matching f and says how long to wait
// before the next attempt, or false when the state is not retried.
func (l *lane) retry(s *step, retriers []any, attempts []int, f *Failure) (time.Duration, int, bool) {
	for i, r := range retriers {
		rt, _ := r.(map[string]any)
		errs, _ := rt["ErrorEquals"].([]any)
		if !f.matches(errs, s.typ) {
			continue
		}
		maxAttempts := numberOr(rt["MaxAttempts"], 3)
		if float64(attempts[i]) >= maxAttempts {
			return 0, 0, false
		}
		interval := numberOr(rt["IntervalSeconds"], 1)
		backoff := numberOr(rt["BackoffRate"], 2)
		wait := interval
		for range attempts[i] {
			wait *= backoff
		}
		if m, ok := rt["MaxDelaySeconds"].(float64); ok && wait > m {
			wait = m
		}
		attempts[i]++
		d := seconds(wait)
		if rt["JitterStrategy"] == "FULL" {
			d = time.Duration(l.ex.rand.Int64N(int64(d) + 1))
		}
		return d, attempts[i], true
	}
	return 0, 0, false
}

func numberOr(v any, def float64) float64 {
	if n, ok := v.(float64); ok {
		return n
	}
	return def
}

// catch finds the first catcher matching f and computes the state's output
// and next state from it.
func (l *lane) catch(s *step, f *Failure) (any, string, bool, *Failure) {
	catchers, _ := s.st["Catch"].([]any)
	errorOutput := map[string]any{"Error": f.Name, "Cause": f.Cause}
	for _, c := range catchers {
		ct, _ := c.(map[string]any)
		errs, _ := ct["ErrorEquals"].([]any)
		if !f.matches(errs, s.typ) {
			continue
		}
		next, _ := ct["Next"].(string)
		l.ex.emit(l, Event{Type: StateCaught, State: s.name, StateType: s.typ, Error: f.Name, Cause: f.Cause})
		ctx := l.context(s)
		var out any
		var assign map[string]any
		var f2 *Failure
		if s.jsonata {
			states := map[string]any{"input": s.raw, "errorOutput": errorOutput, "context": ctx}
			out = errorOutput
			if o, ok := ct["Output"]; ok {
				out, f2 = l.jsonataValue(o, states)
			}
			if f2 == nil {
				assign, f2 = l.jsonataAssign(ct["Assign"], states)
			}
		} else {
			rp, present := ct["ResultPath"]
			out, f2 = resultPath(rp, present, s.raw, errorOutput)
			if f2 == nil {
				assign, f2 = l.pathAssign(ct["Assign"], errorOutput, ctx)
			}
		}
		if f2 != nil {
			return nil, "", false, f2
		}
		l.vars.assign(assign)
		return out, next, true, nil
	}
	return nil, "", false, nil
}

// context builds the context object of the state being executed.
func (l *lane) context(s *step) map[string]any {
	ctx := map[string]any{}
	for k, v := range l.ex.opts.Context {
		ctx[k] = v
	}
	ctx["State"] = map[string]any{
		"Name":        s.name,
		"EnteredTime": s.entered.UTC().Format("2006-01-02T15:04:05.000Z"),
		"RetryCount":  float64(s.retries),
	}
	if l.mapItem != nil {
		ctx["Map"] = map[string]any{"Item": l.mapItem}
	}
	return ctx
}

func (s *step) next() string {
	n, _ := s.st["Next"].(string)
	return n
}
