package integ

import (
	"errors"
	"fmt"
	"runtime/debug"
	"testing"
	"time"

	"github.com/sfnkit/sfnkit/integ/internal/asl"
)

// execute runs the definition with the Go executor (package asl).
func execute(t testing.TB, label string, def map[string]any, input any, handlers map[string]Mock, store *objectStore) Result {
	t.Helper()
	var res Result
	opts := asl.Options{
		Context: executionContext(label, input),
		S3:      store,
		Start:   time.Now().UTC().Truncate(time.Millisecond),
		JSONata: jsonataEvaluator{t},
		Task: func(c asl.TaskCall) (asl.TaskResult, error) {
			mock, ok := handlers[c.State]
			if !ok {
				return asl.TaskResult{}, fmt.Errorf("Task %q was called but has no mock", c.State)
			}
			out, timing, err := callMock(c.State, mock, c.Input)
			call := TaskCall{State: c.State, Input: c.Input}
			if err != nil {
				var te *TaskError
				if !errors.As(err, &te) {
					var he harnessError
					if errors.As(err, &he) {
						return asl.TaskResult{}, err
					}
					return asl.TaskResult{}, fmt.Errorf("the mock of Task %q returned the error %q; to make the Task fail, return integ.Fail(errorName, cause)", c.State, err)
				}
				call.Error = te
				res.Calls = append(res.Calls, call)
				return asl.TaskResult{Duration: timing.took, Heartbeat: timing.heartbeat}, &asl.Failure{Name: te.Name, Cause: te.Cause}
			}
			norm, nerr := normalizeJSON(out)
			if nerr != nil {
				return asl.TaskResult{}, fmt.Errorf("the mock of Task %q returned %T, which cannot be encoded as JSON: %v", c.State, out, nerr)
			}
			call.Output = norm
			res.Calls = append(res.Calls, call)
			return asl.TaskResult{Output: norm, Duration: timing.took, Heartbeat: timing.heartbeat}, nil
		},
	}
	out, err := asl.Run(def, input, opts)
	res.Events = convertEvents(out.Events)
	if err != nil {
		msg := err.Error()
		if len(res.Events) > 0 {
			msg += "\nhistory so far:\n" + res.History()
		}
		t.Fatalf("integ.Run: state machine %s: %s", label, msg)
	}
	res.Status, res.Output, res.Error, res.Cause = out.Status, out.Output, out.Error, out.Cause
	res.Objects = store.written()
	return res
}

func convertEvents(in []asl.Event) []Event {
	out := make([]Event, len(in))
	for i, e := range in {
		out[i] = Event{
			Type: e.Type, State: e.State, StateType: e.StateType, Index: e.Index, Error: e.Error, Cause: e.Cause,
			Attempt: e.Attempt, Input: e.Input, Output: e.Output, Delay: e.Delay, Time: e.Time,
		}
		if e.Type == asl.StateRetried {
			// The retried event names the attempt; the error is on the StateFailed before it.
			out[i].Error, out[i].Cause = "", ""
		}
	}
	return out
}

// harnessError is a mock's panic: it stops the run and fails the test.
type harnessError struct{ msg string }

func (h harnessError) Error() string { return h.msg }

// mockTiming is the simulated time a mock's answer takes (see Takes).
type mockTiming struct{ took, heartbeat time.Duration }

// callMock calls a mock, turning a panic into a harnessError.
func callMock(state string, mock Mock, input any) (out any, timing mockTiming, err error) {
	defer func() {
		if pv := recover(); pv != nil {
			err = harnessError{fmt.Sprintf("the mock of Task %q panicked: %v\n%s", state, pv, debug.Stack())}
		}
	}()
	if tm, ok := mock.(*TimedMock); ok {
		timing = mockTiming{took: tm.took, heartbeat: tm.every}
	}
	out, err = mock.Respond(input)
	return out, timing, err
}
