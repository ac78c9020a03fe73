package integ

import (
	"fmt"
	"sync"
	"time"
)

// Mocks answers the Task states of a Run, by state name (nested states of
// Parallel branches and Map processors included). A value may be:
//
//   - a func(input any) (any, error): called with the Task's effective input
//     (after InputPath and Parameters), its result is the Task's raw result
//     (before ResultSelector and ResultPath). Return a *TaskError (Fail) to
//     make the Task fail with that error name; any other error, a panic, or an
//     unencodable result is a harness failure and fails the test.
//   - a *TaskError made by Fail: the Task fails with that error every time.
//   - a Mock, e.g. Sequence(...) or Func(...).
//   - anything else: a canned result returned every time, encoded as JSON.
//     Use the response helpers (LambdaResponse, …) for the real shapes of
//     the service integrations.
//
// Every Task state must have a mock; a mock for a state that is not a Task is
// an error too. Nothing ever calls AWS.
//
// A key "s3://bucket/key" is an S3 object instead, that a distributed Map's
// ItemReader reads: a []byte or string is its content as it is (CSV, JSON
// Lines, an S3 Inventory manifest), any other value is encoded as JSON (a
// JSON array of items, say). What a ResultWriter writes is in
// Result.Objects.
type Mocks map[string]any

// Mock answers a Task state. Build one with Func, Return, Fail or Sequence.
type Mock interface {
	// Respond returns the Task's result for its input, or an error.
	Respond(input any) (any, error)
}

type funcMock func(input any) (any, error)

func (f funcMock) Respond(input any) (any, error) { return f(input) }

// Func makes a Mock from a function; see Mocks.
func Func(f func(input any) (any, error)) Mock { return funcMock(f) }

type cannedMock struct{ v any }

func (c cannedMock) Respond(any) (any, error) { return c.v, nil }

// Return makes a Mock that always returns v.
func Return(v any) Mock { return cannedMock{v} }

// TaskError is a Task failure raised by a mock: the error name matched by
// Retry and Catch ErrorEquals, and its cause.
type TaskError struct {
	Name  string
	Cause string
}

// Fail returns a TaskError: use it as a Mocks value, or return it from a
// mock function, to make a Task fail with the error name (e.g.
// "Lambda.ServiceException", "States.TaskFailed") and cause.
func Fail(name, cause string) *TaskError { return &TaskError{Name: name, Cause: cause} }

func (e *TaskError) Error() string { return e.Name + ": " + e.Cause }

// Respond makes a *TaskError a Mock that always fails.
func (e *TaskError) Respond(any) (any, error) { return nil, e }

type sequenceMock struct {
	mu    sync.Mutex
	steps []Mock
	next  int
}

// Sequence makes a Mock that answers the first call with the first step, the
// second with the second, and so on, repeating the last step once all are
// used; steps are Mocks values (functions, Fail errors, canned results).
// For example Sequence(Fail("Lambda.ServiceException", "busy"), LambdaResponse(ok))
// fails once and then succeeds.
func Sequence(steps ...any) Mock {
	s := &sequenceMock{}
	for _, st := range steps {
		s.steps = append(s.steps, asMock(st))
	}
	return s
}

func (s *sequenceMock) Respond(input any) (any, error) {
	s.mu.Lock()
	if len(s.steps) == 0 {
		s.mu.Unlock()
		return nil, fmt.Errorf("integ.Sequence has no steps")
	}
	i := min(s.next, len(s.steps)-1)
	s.next++
	step := s.steps[i]
	s.mu.Unlock()
	return step.Respond(input)
}

// asMock interprets a Mocks value.
func asMock(v any) Mock {
	switch m := v.(type) {
	case Mock:
		return m
	case func(any) (any, error):
		return funcMock(m)
	case func(any) any:
		return funcMock(func(in any) (any, error) { return m(in), nil })
	}
	return cannedMock{v}
}

// TimedMock is a Mock whose answer takes simulated time; see Takes.
type TimedMock struct {
	took, every time.Duration
	then        Mock
}

// Takes makes a Mock that answers like then (a Mocks value) after d of
// simulated time: past the Task's TimeoutSeconds the state fails with
// States.Timeout, and past its HeartbeatSeconds with
// States.HeartbeatTimeout unless the mock sends heartbeats often enough
// (Heartbeats). No real time passes.
func Takes(d time.Duration, then any) *TimedMock { return &TimedMock{took: d, then: asMock(then)} }

// Heartbeats makes the task send a heartbeat every interval.
func (m *TimedMock) Heartbeats(every time.Duration) *TimedMock {
	c := *m
	c.every = every
	return &c
}

// Respond answers like the wrapped mock.
func (m *TimedMock) Respond(input any) (any, error) { return m.then.Respond(input) }
