// Package asl is a local interpreter of the Amazon States Language: it runs
// a state machine definition with every Task answered by a Go function, in
// both query languages (JSONPath with the intrinsic functions, and JSONata
// through an Evaluator), with Variables, Retry and Catch, Parallel, inline
// and distributed Map (S3 read and written through an ObjectStore), and
// simulated time: Wait states, retry intervals, task durations, timeouts and
// heartbeats advance a virtual clock and take no real time.
package asl

import (
	"time"
)

// Options configure a Run.
type Options struct {
	// Task answers every Task state. It returns a *Failure to make the Task
	// fail with that error; any other error aborts the execution (Run
	// returns it in an *Abort).
	Task func(TaskCall) (TaskResult, error)
	// JSONata evaluates the {% %} expressions of JSONata states; a Run
	// that meets one without it aborts.
	JSONata Evaluator
	// S3 is what a distributed Map's ItemReader reads and its ResultWriter
	// writes; nil means an empty store.
	S3 ObjectStore
	// Context holds the Execution and StateMachine fields of the context
	// object ($$ and $states.context).
	Context map[string]any
	// Start is the execution's start time on the virtual clock (the zero
	// time means 2024-01-01T00:00:00Z).
	Start time.Time
	// Seed seeds $random, States.MathRandom, States.UUID and $uuid, and full
	// jitter, so that runs repeat.
	Seed int64
	// MaxTransitions bounds the state transitions of a Run (0 means 100,000):
	// past it the Run aborts, a workflow that loops for ever.
	MaxTransitions int
}

// TaskCall is one call of a Task state.
type TaskCall struct {
	State    string
	Resource string
	Input    any  // the effective input (after InputPath and Parameters, or Arguments)
	Index    *int // the Map iteration it runs in, if any
	Attempt  int  // 0, then 1 for the first retry, …
	// Timeout and Heartbeat are the state's TimeoutSeconds and
	// HeartbeatSeconds (0 when unset).
	Timeout, Heartbeat time.Duration
}

// TaskResult is what a Task call returned.
type TaskResult struct {
	Output any
	// Duration is how long the task takes on the virtual clock: past the
	// state's TimeoutSeconds the state fails with States.Timeout.
	Duration time.Duration
	// Heartbeat is the interval at which the task sends heartbeats (0: it
	// sends none): longer than HeartbeatSeconds (or, without heartbeats, a
	// Duration longer than it) fails the state with States.HeartbeatTimeout.
	Heartbeat time.Duration
}

// Evaluator evaluates JSONata expressions.
type Evaluator interface {
	// Evaluate returns the value of expression with the given variable
	// bindings ("states" for $states, and the workflow variables), and
	// whether it is defined. An error in the expression is a *QueryError;
	// any other error aborts the Run.
	Evaluate(expression string, bindings map[string]any) (value any, defined bool, err error)
}

// QueryError is a JSONata evaluation error (States.QueryEvaluationError).
type QueryError struct{ Message string }

func (e *QueryError) Error() string { return e.Message }

// ObjectStore is the S3 that a distributed Map reads and writes.
type ObjectStore interface {
	Get(bucket, key string) (body []byte, ok bool)
	List(bucket, prefix string) []ObjectInfo
	Put(bucket, key string, body []byte)
}

// ObjectInfo describes an object, as ListObjectsV2 does.
type ObjectInfo struct {
	Key          string
	Size         int
	ETag         string
	LastModified time.Time
}

// Event types.
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

// Event is one entry of the history.
type Event struct {
	Type      string
	State     string // the state, or the Map/Parallel state for iteration and branch events
	StateType string
	Index     *int // the (innermost) Map iteration the event belongs to
	Branch    *int // for Parallel branch events: the branch
	Error     string
	Cause     string
	Attempt   int           // StateRetried: 1 for the first retry
	Delay     time.Duration // StateRetried: the wait before the retry; StateExited of a Wait: the wait
	Input     any           // StateEntered, ExecutionStarted
	Output    any           // StateExited, ExecutionSucceeded
	Time      time.Time     // on the virtual clock
}

// Result is the outcome of a Run.
type Result struct {
	Status string // SUCCEEDED or FAILED
	Output any
	Error  string
	Cause  string
	Events []Event
}
