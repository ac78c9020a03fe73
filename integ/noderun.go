package integ

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/sfnkit/sfnkit/integ/cfn"
)

// RunTimeout bounds one run of the Node engine (the differential test's
// oracle); the test fails when the execution takes longer.
var RunTimeout = 2 * time.Minute

// usePolyfill loads scripts/polyfill.mjs before the runner (tests turn it off
// to provoke the tool error it prevents).
var usePolyfill = true

// runWithNode executes the definition with aws-local-stepfunctions in a Node
// process, the engine integ.Run used before the Go executor. It is kept as
// the oracle of the differential test only: it ignores JSONata and
// Variables (and refuses them), has no Distributed Map, and starts a Node
// process per run.
func runWithNode(t testing.TB, label string, def map[string]any, input any, mocks Mocks) Result {
	t.Helper()
	return runInSession(t, nil, label, def, input, mocks)
}

// runInSession is runWithNode in a running session (nil: a new process).
func runInSession(t testing.TB, s *nodeSession, label string, def map[string]any, input any, mocks Mocks) Result {
	t.Helper()
	if bad := cfn.UnsupportedFeatures(def); len(bad) > 0 {
		t.Fatalf("integ.Run: state machine %s cannot be run locally: aws-local-stepfunctions would silently ignore JSONata and Variables, so the result would mean nothing:\n\t%s",
			label, strings.Join(bad, "\n\t"))
	}
	handlers := checkMocks(t, label, def, mocks)
	if input == nil {
		input = map[string]any{}
	}
	r := &runner{t: t, label: label, handlers: handlers, raised: map[string]bool{}, session: s}
	r.execute(def, input)
	r.dropToolFailDefaults(def)
	r.checkHarnessErrors(def)
	return r.result
}

type runner struct {
	t        testing.TB
	label    string
	handlers map[string]Mock
	raised   map[string]bool // error names raised by mocks
	result   Result
	session  *nodeSession // nil: a process of its own
}

// message is one line from the Node runner (see scripts/run.mjs).
type message struct {
	Kind      string          `json:"kind"`
	ID        int             `json:"id"`
	State     string          `json:"state"`
	Input     json.RawMessage `json:"input"`
	Type      string          `json:"type"`
	StateType string          `json:"stateType"`
	Index     *int            `json:"index"`
	Error     string          `json:"error"`
	Cause     string          `json:"cause"`
	Attempt   int             `json:"attempt"`
	Output    json.RawMessage `json:"output"`
	Status    string          `json:"status"`
	Message   string          `json:"message"`
}

type reply struct {
	ID     int             `json:"id"`
	Output json.RawMessage `json:"output,omitempty"`
	Error  *replyError     `json:"error,omitempty"`
}

type replyError struct {
	Name  string `json:"name"`
	Cause string `json:"cause"`
}

func (r *runner) fatalf(format string, args ...any) {
	r.t.Helper()
	msg := fmt.Sprintf(format, args...)
	if len(r.result.Events) > 0 {
		msg += "\nhistory so far:\n" + r.result.History()
	}
	if r.session == nil {
		r.t.Fatalf("integ.Run: state machine %s: %s", r.label, msg)
	}
	if s := strings.TrimSpace(r.session.stderr.String()); s != "" {
		msg += "\nnode stderr:\n" + tail(s, 4000)
	}
	r.t.Fatalf("integ.Run: state machine %s: %s", r.label, msg)
}

// nodeSession is a running scripts/run.mjs, which executes runs one after
// another (the differential test reuses one for all its cases).
type nodeSession struct {
	cmd            *exec.Cmd
	stdin          io.WriteCloser
	lines          chan []byte
	done           chan struct{}
	stdout, stderr bytes.Buffer
	busy, dead     bool
}

func startNodeSession(t testing.TB) *nodeSession {
	t.Helper()
	env := setupNode(t)
	s := &nodeSession{cmd: env.command("run.mjs", usePolyfill), lines: make(chan []byte), done: make(chan struct{})}
	s.cmd.Stdout, s.cmd.Stderr = &s.stdout, &s.stderr
	var err error
	if s.stdin, err = s.cmd.StdinPipe(); err != nil {
		t.Fatalf("integ.Run: %v", err)
	}
	events, eventsW, err := os.Pipe()
	if err != nil {
		t.Fatalf("integ.Run: %v", err)
	}
	s.cmd.ExtraFiles = []*os.File{eventsW} // fd 3 in the child
	if err := s.cmd.Start(); err != nil {
		eventsW.Close()
		events.Close()
		t.Fatalf("integ.Run: starting node: %v", err)
	}
	eventsW.Close()
	go func() {
		defer close(s.lines)
		defer events.Close()
		br := bufio.NewReaderSize(events, 1<<16)
		for {
			line, err := br.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) > 0 {
				select {
				case s.lines <- line:
				case <-s.done:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return s
}

// close ends the process (killing it when a run was cut short) and reports how it ended.
func (s *nodeSession) close() error {
	if s.busy {
		s.cmd.Process.Kill()
	}
	s.stdin.Close()
	err := s.cmd.Wait()
	close(s.done)
	s.dead = true
	return err
}

func (r *runner) execute(def map[string]any, input any) {
	t := r.t
	t.Helper()
	s := r.session
	if s == nil {
		s = startNodeSession(t)
		defer s.close()
	}
	r.session = s
	s.busy = true
	send := func(v any) {
		b, err := json.Marshal(v)
		if err == nil {
			_, err = s.stdin.Write(append(b, '\n'))
		}
		if err != nil {
			r.fatalf("writing to the node runner: %v", err)
		}
	}
	send(map[string]any{"definition": def, "input": input, "context": executionContext(r.label, input)})

	timeout := time.NewTimer(RunTimeout)
	defer timeout.Stop()
	finished := false
	for !finished {
		var line []byte
		var ok bool
		select {
		case line, ok = <-s.lines:
		case <-timeout.C:
			r.fatalf("the execution did not finish within %v (integ.RunTimeout)", RunTimeout)
		}
		if !ok {
			break
		}
		var m message
		if err := json.Unmarshal(line, &m); err != nil {
			r.fatalf("unreadable message from the node runner %q: %v", tail(string(line), 500), err)
		}
		switch m.Kind {
		case "task":
			send(r.answer(m))
		case "event":
			r.addEvent(m)
		case "result":
			r.result.Status = m.Status
			r.result.Error, r.result.Cause = m.Error, m.Cause
			if m.Status == "SUCCEEDED" {
				r.result.Output = decode(m.Output)
			}
			finished = true
		case "fatal":
			r.fatalf("%s", m.Message)
		}
	}
	if !finished {
		err := s.close()
		r.fatalf("the node runner ended without a result: %s", exitDetail(errOr(err, "exit status 0"), s.stderr.Bytes()))
	}
	s.busy = false
}

func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%s", msg)
}

func decode(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return string(raw)
	}
	return v
}

func executionContext(label string, input any) map[string]any {
	name := "IntegStateMachine"
	smArn := "arn:aws:states:" + cfn.Region + ":" + cfn.AccountID + ":stateMachine:" + name
	return map[string]any{
		"Execution": map[string]any{
			"Id":        "arn:aws:states:" + cfn.Region + ":" + cfn.AccountID + ":execution:" + name + ":" + ExecutionName,
			"Name":      ExecutionName,
			"Input":     input,
			"StartTime": time.Now().UTC().Format("2006-01-02T15:04:05.000Z"),
			"RoleArn":   "arn:aws:iam::" + cfn.AccountID + ":role/IntegStateMachineRole",
		},
		"StateMachine": map[string]any{"Id": smArn, "Name": name},
	}
}

func (r *runner) addEvent(m message) {
	e := Event{
		Type: m.Type, State: m.State, StateType: m.StateType, Index: m.Index,
		Error: m.Error, Cause: m.Cause, Attempt: m.Attempt, Input: decode(m.Input), Output: decode(m.Output),
	}
	if e.Type == StateCaught && e.Error == "" {
		// The tool does not say what was caught: it is the state's last failure.
		for i := len(r.result.Events) - 1; i >= 0; i-- {
			p := r.result.Events[i]
			if p.Type == StateFailed && p.State == e.State && sameIndex(p.Index, e.Index) {
				e.Error, e.Cause = p.Error, p.Cause
				break
			}
		}
	}
	r.result.Events = append(r.result.Events, e)
}

func sameIndex(a, b *int) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }

// answer calls the mock of a Task and builds the reply; harness failures stop the test.
func (r *runner) answer(m message) reply {
	r.t.Helper()
	mock, ok := r.handlers[m.State]
	if !ok {
		r.fatalf("Task %q was called but has no mock", m.State)
	}
	input := decode(m.Input)
	out, err := r.callMock(m.State, mock, input)
	call := TaskCall{State: m.State, Input: input}
	if err != nil {
		te, ok := err.(*TaskError)
		if !ok {
			r.fatalf("the mock of Task %q returned the error %q; to make the Task fail, return integ.Fail(errorName, cause)", m.State, err)
		}
		call.Error = te
		r.result.Calls = append(r.result.Calls, call)
		r.raised[te.Name] = true
		return reply{ID: m.ID, Error: &replyError{Name: te.Name, Cause: te.Cause}}
	}
	b, jerr := json.Marshal(out)
	if jerr != nil {
		r.fatalf("the mock of Task %q returned %T, which cannot be encoded as JSON: %v", m.State, out, jerr)
	}
	call.Output = decode(b)
	r.result.Calls = append(r.result.Calls, call)
	return reply{ID: m.ID, Output: b}
}

func (r *runner) callMock(state string, mock Mock, input any) (out any, err error) {
	r.t.Helper()
	panicked := true
	var pv any
	var stack []byte
	func() {
		defer func() {
			if panicked {
				pv = recover()
				stack = debug.Stack()
			}
		}()
		out, err = mock.Respond(input)
		panicked = false
	}()
	if panicked {
		r.fatalf("the mock of Task %q panicked: %v\n%s", state, pv, stack)
	}
	return out, err
}

// checkHarnessErrors fails the test when a state failed with an error that
// neither a mock nor the interpreter raised: a broken harness or tool (e.g.
// "Promise.withResolvers is not a function"), which a Catch would hide.
func (r *runner) checkHarnessErrors(def map[string]any) {
	r.t.Helper()
	for _, e := range r.result.Events {
		if e.Type != StateFailed || r.legitimate(e) {
			continue
		}
		how := "the execution failed with it"
		for _, c := range r.result.Events {
			if c.Type == StateCaught && c.State == e.State && c.Error == e.Error {
				how = "a Catch of the state caught it, which would hide the problem"
			}
		}
		if r.result.Succeeded() && how == "the execution failed with it" {
			how = "a Retry or Catch absorbed it"
		}
		r.fatalf("state %q failed with %s (%s), an error that no mock raised and that is not a States.* error: this is a harness or aws-local-stepfunctions failure, not your workflow's behaviour; %s",
			e.State, e.Error, e.Cause, how)
	}
	if r.result.Failed() && !strings.HasPrefix(r.result.Error, "States.") && !r.raised[r.result.Error] && !r.fromFailState(def) {
		failedStates := false
		for _, e := range r.result.Events {
			if e.Type == StateFailed && e.Error == r.result.Error {
				failedStates = true
			}
		}
		if !failedStates {
			r.fatalf("the execution failed with %s (%s), which no state raised: a harness or aws-local-stepfunctions failure",
				r.result.Error, r.result.Cause)
		}
	}
}

func (r *runner) legitimate(e Event) bool {
	if strings.HasPrefix(e.Error, "States.") {
		return true
	}
	switch e.StateType {
	case "Fail", "Parallel", "Map":
		return true // they raise what the definition or their children say
	case "Task":
		return r.raised[e.Error]
	}
	return false
}

// The error and cause aws-local-stepfunctions gives a Fail state without
// Error or Cause. AWS gives none: the execution fails without an error name
// or cause.
const (
	toolFailError = "FailStateError"
	toolFailCause = "Execution failed because of a Fail state"
)

// dropToolFailDefaults blanks the tool's own error name and cause of a Fail
// state that sets none, in the events and the result, so that tests see
// what AWS reports rather than the tool's stand-ins.
func (r *runner) dropToolFailDefaults(def map[string]any) {
	noError, noCause, named := false, false, r.raised[toolFailError]
	cfn.Walk(def, func(s cfn.State) {
		if s.Type != "Fail" {
			return
		}
		named = named || s.Body["Error"] == toolFailError
		noError = noError || (s.Body["Error"] == nil && s.Body["ErrorPath"] == nil)
		noCause = noCause || (s.Body["Cause"] == nil && s.Body["CausePath"] == nil)
	})
	if named { // a mock or the definition uses the name itself: keep it
		noError = false
	}
	blank := func(errName, cause *string) {
		if noError && *errName == toolFailError {
			*errName = ""
		}
		if noCause && *cause == toolFailCause {
			*cause = ""
		}
	}
	for i := range r.result.Events {
		blank(&r.result.Events[i].Error, &r.result.Events[i].Cause)
	}
	blank(&r.result.Error, &r.result.Cause)
}

// fromFailState reports whether the execution's error could come from a Fail state of def.
func (r *runner) fromFailState(def map[string]any) bool {
	found := false
	cfn.Walk(def, func(s cfn.State) {
		if s.Type != "Fail" {
			return
		}
		if s.Body["Error"] == r.result.Error || s.Body["ErrorPath"] != nil || (s.Body["Error"] == nil && r.result.Error == "") {
			found = true
		}
	})
	return found
}
