package asl

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// body executes one attempt of a state: its output, next state, the
// variables it assigns, or its failure.
func (l *lane) body(s *step) (any, string, map[string]any, *Failure) {
	switch s.typ {
	case "Pass":
		return l.pass(s)
	case "Task":
		return l.task(s)
	case "Wait":
		return l.wait(s)
	case "Choice":
		return l.choice(s)
	case "Succeed":
		return l.succeed(s)
	case "Fail":
		return nil, "", nil, l.failState(s)
	case "Parallel":
		return l.parallel(s)
	case "Map":
		return l.mapState(s)
	}
	return nil, "", nil, l.ex.fatal(fmt.Errorf("state %q has the unknown Type %q", s.name, s.typ))
}

// finishPath is the common end of a JSONPath state: ResultSelector,
// Assign, ResultPath and OutputPath applied to result.
func (l *lane) finishPath(s *step, result any, ctx map[string]any) (any, map[string]any, *Failure) {
	var f *Failure
	if sel, ok := s.st["ResultSelector"]; ok {
		if result, f = l.template(sel, result, ctx); f != nil {
			return nil, nil, f
		}
	}
	assign, f := l.pathAssign(s.st["Assign"], result, ctx)
	if f != nil {
		return nil, nil, f
	}
	rp, present := s.st["ResultPath"]
	out, f := resultPath(rp, present, s.raw, result)
	if f != nil {
		return nil, nil, f
	}
	out, f = l.outputPath(s.st, out, ctx)
	return out, assign, f
}

// finishJSONata is the common end of a JSONata state: Output (by default
// the result, or the input for states without one) and Assign.
func (l *lane) finishJSONata(s *step, states map[string]any, def any) (any, map[string]any, *Failure) {
	out := def
	var f *Failure
	if o, ok := s.st["Output"]; ok {
		if out, f = l.jsonataValue(o, states); f != nil {
			return nil, nil, f
		}
	}
	assign, f := l.jsonataAssign(s.st["Assign"], states)
	return out, assign, f
}

// effectiveInput applies InputPath and Parameters (JSONPath states).
func (l *lane) effectiveInput(s *step, ctx map[string]any) (any, *Failure) {
	in, f := l.inputPath(s.st, s.raw, ctx)
	if f != nil {
		return nil, f
	}
	if p, ok := s.st["Parameters"]; ok && s.typ != "Map" {
		return l.template(p, in, ctx)
	}
	return in, nil
}

func (l *lane) pass(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	if s.jsonata {
		states := map[string]any{"input": s.raw, "context": ctx}
		out, assign, f := l.finishJSONata(s, states, s.raw)
		return out, s.next(), assign, f
	}
	result, f := l.effectiveInput(s, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	if r, ok := s.st["Result"]; ok {
		result = clone(r)
	}
	out, assign, f := l.finishPath(s, result, ctx)
	return out, s.next(), assign, f
}

func (l *lane) succeed(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	if s.jsonata {
		out, _, f := l.finishJSONata(s, map[string]any{"input": s.raw, "context": ctx}, s.raw)
		return out, "", nil, f
	}
	in, f := l.inputPath(s.st, s.raw, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	out, f := l.outputPath(s.st, in, ctx)
	return out, "", nil, f
}

func (l *lane) failState(s *step) *Failure {
	ctx := l.context(s)
	out := &Failure{}
	for _, fld := range []struct {
		name string
		dst  *string
	}{{"Error", &out.Name}, {"Cause", &out.Cause}} {
		if s.jsonata {
			v, ok := s.st[fld.name]
			if !ok {
				continue
			}
			got, f := l.jsonataValue(v, map[string]any{"input": s.raw, "context": ctx})
			if f != nil {
				return f
			}
			str, isStr := got.(string)
			if !isStr {
				return fail(ErrQueryEvaluation, "The Fail state's %s must be a string, not %s", fld.name, typeName(got))
			}
			*fld.dst = str
			continue
		}
		if v, ok := s.st[fld.name].(string); ok {
			*fld.dst = v
		}
		if p, ok := s.st[fld.name+"Path"].(string); ok {
			got, f := l.dynamic(p, s.raw, ctx)
			if f != nil {
				return f
			}
			str, isStr := got.(string)
			if !isStr {
				return runtimeErr("The Fail state's %sPath must give a string, not %s", fld.name, typeName(got))
			}
			*fld.dst = str
		}
	}
	return out
}

func (l *lane) wait(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	var d time.Duration
	var f *Failure
	if s.jsonata {
		states := map[string]any{"input": s.raw, "context": ctx}
		if v, ok := s.st["Seconds"]; ok {
			var n float64
			n, f = l.jsonataNumber(v, states, "Seconds")
			d = seconds(n)
		} else if v, ok := s.st["Timestamp"]; ok {
			var got any
			if got, f = l.jsonataValue(v, states); f == nil {
				d, f = l.until(got)
			}
		}
		if f != nil {
			return nil, "", nil, f
		}
		l.now, s.delay = l.now.Add(d), d
		out, assign, f := l.finishJSONata(s, states, s.raw)
		return out, s.next(), assign, f
	}
	in, f := l.inputPath(s.st, s.raw, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	switch {
	case s.st["Seconds"] != nil:
		d = seconds(numberOr(s.st["Seconds"], 0))
	case s.st["Timestamp"] != nil:
		d, f = l.until(s.st["Timestamp"])
	case s.st["SecondsPath"] != nil:
		var got any
		if got, f = l.queryPath(s.st["SecondsPath"].(string), in, ctx); f == nil {
			n, ok := got.(float64)
			if !ok || n < 0 {
				f = runtimeErr("SecondsPath '%s' must give a non-negative number, not %s", s.st["SecondsPath"], jsonText(got))
			}
			d = seconds(n)
		}
	case s.st["TimestampPath"] != nil:
		var got any
		if got, f = l.queryPath(s.st["TimestampPath"].(string), in, ctx); f == nil {
			d, f = l.until(got)
		}
	}
	if f != nil {
		return nil, "", nil, f
	}
	l.now, s.delay = l.now.Add(d), d
	assign, f := l.pathAssign(s.st["Assign"], in, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	out, f := l.outputPath(s.st, in, ctx)
	return out, s.next(), assign, f
}

func (l *lane) until(v any) (time.Duration, *Failure) {
	str, _ := v.(string)
	t, err := time.Parse(time.RFC3339, str)
	if err != nil {
		return 0, runtimeErr("%s is not an RFC 3339 timestamp", jsonText(v))
	}
	return max(0, t.Sub(l.now)), nil
}

func (l *lane) choice(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	rules, _ := s.st["Choices"].([]any)
	deflt, _ := s.st["Default"].(string)
	if s.jsonata {
		states := map[string]any{"input": s.raw, "context": ctx}
		for _, r := range rules {
			rule, _ := r.(map[string]any)
			ok, f := l.jsonataCondition(rule["Condition"], states)
			if f != nil {
				return nil, "", nil, f
			}
			if ok {
				next, _ := rule["Next"].(string)
				out, assign, f := l.ruleOutput(rule, states, s)
				return out, next, assign, f
			}
		}
		if deflt == "" {
			return nil, "", nil, fail(ErrNoChoiceMatched, "No Choice rule matched and there is no Default")
		}
		out, assign, f := l.finishJSONata(s, states, s.raw)
		return out, deflt, assign, f
	}
	in, f := l.inputPath(s.st, s.raw, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	i, f := l.choose(rules, in, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	next, assignField := deflt, s.st["Assign"]
	if i >= 0 {
		rule, _ := rules[i].(map[string]any)
		next, _ = rule["Next"].(string)
		assignField = rule["Assign"]
	} else if deflt == "" {
		return nil, "", nil, fail(ErrNoChoiceMatched, "No Choice rule matched the input '%s' and there is no Default", jsonText(in))
	}
	assign, f := l.pathAssign(assignField, in, ctx)
	if f != nil {
		return nil, "", nil, f
	}
	out, f := l.outputPath(s.st, in, ctx)
	return out, next, assign, f
}

// ruleOutput is the Output and Assign of a matched JSONata Choice rule.
func (l *lane) ruleOutput(rule map[string]any, states map[string]any, s *step) (any, map[string]any, *Failure) {
	out := s.raw
	var f *Failure
	if o, ok := rule["Output"]; ok {
		if out, f = l.jsonataValue(o, states); f != nil {
			return nil, nil, f
		}
	}
	assign, f := l.jsonataAssign(rule["Assign"], states)
	return out, assign, f
}

func (l *lane) task(s *step) (any, string, map[string]any, *Failure) {
	ctx := l.context(s)
	resource, _ := s.st["Resource"].(string)
	if strings.HasSuffix(resource, ".waitForTaskToken") {
		l.ex.tokens++
		ctx["Task"] = map[string]any{"Token": fmt.Sprintf("TaskToken-%s-%d", s.name, l.ex.tokens)}
	}
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
	timeout, heartbeat, f := l.taskTimes(s, in, ctx, states)
	if f != nil {
		return nil, "", nil, f
	}
	l.ex.sched.yield()
	if l.stopped() {
		return nil, "", nil, stopped
	}
	call := TaskCall{State: s.name, Resource: resource, Input: clone(in), Index: l.index, Attempt: s.retries, Timeout: timeout, Heartbeat: heartbeat}
	res, err := l.ex.opts.Task(call)
	if err != nil {
		var tf *Failure
		if errors.As(err, &tf) {
			return nil, "", nil, tf
		}
		return nil, "", nil, l.ex.fatal(err)
	}
	if heartbeat > 0 {
		every := res.Heartbeat
		if every == 0 {
			every = res.Duration
		}
		if every > heartbeat {
			l.now = l.now.Add(heartbeat)
			return nil, "", nil, fail(ErrHeartbeatTimeout, "The task sent no heartbeat within HeartbeatSeconds (%v)", heartbeat)
		}
	}
	if timeout > 0 && res.Duration > timeout {
		l.now = l.now.Add(timeout)
		return nil, "", nil, fail(ErrTimeout, "The task did not finish within TimeoutSeconds (%v)", timeout)
	}
	l.now = l.now.Add(res.Duration)
	result, nerr := normalize(res.Output)
	if nerr != nil {
		return nil, "", nil, l.ex.fatal(fmt.Errorf("the result of Task %q cannot be encoded as JSON: %v", s.name, nerr))
	}
	if s.jsonata {
		states["result"] = result
		out, assign, f := l.finishJSONata(s, states, result)
		return out, s.next(), assign, f
	}
	out, assign, f := l.finishPath(s, result, ctx)
	return out, s.next(), assign, f
}

// taskTimes reads TimeoutSeconds/HeartbeatSeconds (or their Path forms, or
// JSONata expressions). A Task without TimeoutSeconds runs for ever in AWS
// (99999999 s): 0 here means no limit.
func (l *lane) taskTimes(s *step, in any, ctx map[string]any, states map[string]any) (time.Duration, time.Duration, *Failure) {
	var out [2]time.Duration
	for i, field := range []string{"TimeoutSeconds", "HeartbeatSeconds"} {
		var n float64
		var f *Failure
		if v, ok := s.st[field]; ok {
			if s.jsonata {
				n, f = l.jsonataNumber(v, states, field)
			} else {
				n = numberOr(v, 0)
			}
		} else if p, ok := s.st[field+"Path"].(string); ok && !s.jsonata {
			var got any
			if got, f = l.queryPath(p, in, ctx); f == nil {
				var isNum bool
				if n, isNum = got.(float64); !isNum || n <= 0 {
					f = runtimeErr("%sPath '%s' must give a positive integer, not %s", field, p, jsonText(got))
				}
			}
		}
		if f != nil {
			return 0, 0, f
		}
		out[i] = seconds(n)
	}
	return out[0], out[1], nil
}
