package integ

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Event types of Result.Events (those of aws-local-stepfunctions).
const (
	ExecutionStarted        = "ExecutionStarted"
	ExecutionSucceeded      = "ExecutionSucceeded"
	ExecutionFailed         = "ExecutionFailed"
	StateEntered            = "StateEntered"
	StateExited             = "StateExited"
	StateFailed             = "StateFailed"
	StateRetried            = "StateRetried"
	StateCaught             = "StateCaught"
	MapIterationStarted     = "MapIterationStarted"
	MapIterationSucceeded   = "MapIterationSucceeded"
	MapIterationFailed      = "MapIterationFailed"
	ParallelBranchStarted   = "ParallelBranchStarted"
	ParallelBranchSucceeded = "ParallelBranchSucceeded"
	ParallelBranchFailed    = "ParallelBranchFailed"
)

// Event is one entry of an execution's history.
type Event struct {
	Type      string // one of the event type constants, e.g. StateEntered
	State     string // the state's name ("" for execution events); the Map or Parallel state for iteration and branch events
	StateType string // Task, Pass, Choice, …
	Index     *int   // the Map iteration, when inside one
	Error     string // for StateFailed, StateCaught (the caught error), MapIterationFailed, ParallelBranchFailed, ExecutionFailed
	Cause     string
	Attempt   int // for StateRetried: 1 for the first retry
	Input     any // for StateEntered: the state's input
	Output    any // for StateExited: the state's output
	// Delay is, for StateRetried, the wait before the retry as Retry
	// computes it (IntervalSeconds, BackoffRate, MaxDelaySeconds, jitter)
	// and, for the StateExited of a Wait state, the wait; no real time passes.
	Delay time.Duration
	Time  time.Time // when it happened on the simulated clock
}

func (e Event) String() string {
	var b strings.Builder
	b.WriteString(e.Type)
	if e.State != "" {
		fmt.Fprintf(&b, " %q", e.State)
	}
	if e.Index != nil {
		fmt.Fprintf(&b, "[%d]", *e.Index)
	}
	if e.Attempt > 0 {
		fmt.Fprintf(&b, " attempt %d", e.Attempt)
	}
	if e.Delay > 0 {
		fmt.Fprintf(&b, " after %v", e.Delay)
	}
	if e.Error != "" {
		fmt.Fprintf(&b, " %s: %s", e.Error, e.Cause)
	}
	return b.String()
}

// TaskCall is one call of a Task's mock.
type TaskCall struct {
	State  string
	Input  any // the Task's effective input
	Output any // what the mock returned (nil if it failed)
	Error  *TaskError
}

// Result is the outcome of Run.
type Result struct {
	Status string // "SUCCEEDED" or "FAILED"
	Output any    // the execution's output when it succeeded
	Error  string // the error name when it failed ("" from a Fail state without Error, as in AWS)
	Cause  string // the error cause when it failed ("" from a Fail state without Cause)
	Events []Event
	Calls  []TaskCall // every mock call, in order
	// Objects are the S3 objects the execution wrote (a distributed Map's
	// ResultWriter), by "s3://bucket/key".
	Objects map[string][]byte
}

// Object decodes the JSON S3 object the execution wrote at uri
// ("s3://bucket/key"); nil when it wrote none there.
func (r Result) Object(uri string) any {
	b, ok := r.Objects[uri]
	if !ok {
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return string(b)
	}
	return v
}

// RetryDelays lists the waits before each retry of the named state, in order.
func (r Result) RetryDelays(state string) []time.Duration {
	var out []time.Duration
	for _, e := range r.Events {
		if e.Type == StateRetried && e.State == state {
			out = append(out, e.Delay)
		}
	}
	return out
}

// Succeeded reports whether the execution succeeded.
func (r Result) Succeeded() bool { return r.Status == "SUCCEEDED" }

// Failed reports whether the execution failed.
func (r Result) Failed() bool { return r.Status == "FAILED" }

func (r Result) count(typ, state string) int {
	n := 0
	for _, e := range r.Events {
		if e.Type == typ && e.State == state {
			n++
		}
	}
	return n
}

// Entered reports whether the execution entered the named state.
func (r Result) Entered(state string) bool { return r.count(StateEntered, state) > 0 }

// EnteredCount is how many times the named state was entered (Map iterations and loops count each time).
func (r Result) EnteredCount(state string) int { return r.count(StateEntered, state) }

// Retries is how many times the named state was retried.
func (r Result) Retries(state string) int { return r.count(StateRetried, state) }

// Caught reports whether a Catch of the named state caught an error.
func (r Result) Caught(state string) bool { return r.count(StateCaught, state) > 0 }

// CaughtError returns the error name last caught by a Catch of the named state, "" if none.
func (r Result) CaughtError(state string) string {
	last := ""
	for _, e := range r.Events {
		if e.Type == StateCaught && e.State == state {
			last = e.Error
		}
	}
	return last
}

// StateInput is the input the named state was last entered with, nil if
// it never was. It shows what reached a state that has no output to show,
// such as a Fail state entered through a Catch (with its ResultPath).
func (r Result) StateInput(state string) any {
	var in any
	for _, e := range r.Events {
		if e.Type == StateEntered && e.State == state {
			in = e.Input
		}
	}
	return in
}

// Path lists the names of the states entered, in order.
func (r Result) Path() []string {
	var out []string
	for _, e := range r.Events {
		if e.Type == StateEntered {
			out = append(out, e.State)
		}
	}
	return out
}

// Inputs lists the inputs the named Task's mock was called with, in order.
func (r Result) Inputs(state string) []any {
	var out []any
	for _, c := range r.Calls {
		if c.State == state {
			out = append(out, c.Input)
		}
	}
	return out
}

// History renders the events one per line, for failure messages.
func (r Result) History() string {
	var b strings.Builder
	for _, e := range r.Events {
		b.WriteString("\t")
		b.WriteString(e.String())
		b.WriteString("\n")
	}
	return b.String()
}
