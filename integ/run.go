package integ

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/integ/cfn"
)

// ExecutionName is $$.Execution.Name during a Run; $$.Execution.Id is the
// matching execution ARN.
const ExecutionName = "integ-run"

// Run synthesizes the stack and executes one of its state machines locally,
// in Go, starting from input (nil means {}), every Task state answered by
// mocks (see Mocks). It runs the whole Amazon States Language: both query
// languages (JSONPath with every intrinsic function, and JSONata with the
// Step Functions functions $partition, $range, $hash, $random, $uuid,
// $parse), Variables (Assign), Retry and Catch, Parallel, inline and
// distributed Map (ItemReader and ResultWriter on the S3 objects of the
// mocks). Time is simulated: Wait states, retry intervals and task
// durations (Takes) advance a virtual clock and take no real time; the
// computed waits are in the events (Event.Delay). It returns the Result
// whether the execution succeeded or failed; assert on it.
//
// stateMachine says which state machine to run: nil when the stack has only
// one; a string that is its logical ID, its StateMachineName, or the end of
// its construct path; or the construct itself (an awsstepfunctions
// StateMachine, or any construct whose default child is the
// CfnStateMachine).
//
// Run fails the test (t.Fatalf), instead of returning a misleading Result,
// when a Task state has no mock or a mock names no Task state, when a mock
// panics or returns an error that is not a *TaskError (Fail), or a result
// that cannot be encoded as JSON, and when the definition is broken (a
// transition to a missing state, a loop of more than 100,000 transitions).
//
// JSONata expressions are evaluated by the reference implementation, the
// npm package jsonata (pinned in the repository's package-lock.json), in one
// Node process per test binary started at the first JSONata expression; a
// workflow without JSONata needs no Node at all.
func Run(t testing.TB, stack awscdk.Stack, stateMachine any, input any, mocks Mocks) Result {
	t.Helper()
	label, def := definitionOf(t, stack, stateMachine)
	return RunDefinition(t, label, def, input, mocks)
}

// definitionOf synthesizes the stack and resolves the definition of one of its state machines.
func definitionOf(t testing.TB, stack awscdk.Stack, stateMachine any) (string, map[string]any) {
	t.Helper()
	tpl := Template(t, stack)
	key, err := stateMachineKey(stack, stateMachine)
	if err != nil {
		t.Fatalf("integ.Run: %v", err)
	}
	sm, err := cfn.FindStateMachine(tpl, key)
	if err != nil {
		t.Fatalf("integ.Run: %v", err)
	}
	def, err := cfn.ResolveDefinition(tpl, sm.LogicalID)
	if err != nil {
		t.Fatalf("integ.Run: %v", err)
	}
	return sm.Label(), def
}

// RunDefinition is Run for a definition already resolved (see
// ResolveDefinition); label names it in messages.
func RunDefinition(t testing.TB, label string, def map[string]any, input any, mocks Mocks) Result {
	t.Helper()
	handlers := checkMocks(t, label, def, mocks)
	if input == nil {
		input = map[string]any{}
	}
	res := execute(t, label, def, input, handlers, objects(t, label, mocks))
	record(t, label, def, input, mocks, res)
	return res
}

// stateMachineKey turns Run's stateMachine argument into a key for cfn.FindStateMachine.
func stateMachineKey(stack awscdk.Stack, sm any) (key string, err error) {
	switch v := sm.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case *string:
		return *v, nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot find the logical ID of %T: %v", sm, r)
		}
	}()
	if withArn, ok := sm.(interface{ StateMachineArn() *string }); ok {
		if ref, ok := stack.Resolve(withArn.StateMachineArn()).(map[string]any); ok {
			if id, ok := ref["Ref"].(string); ok {
				return id, nil
			}
		}
	}
	if c, ok := sm.(constructs.IConstruct); ok {
		if el, ok := c.Node().DefaultChild().(awscdk.CfnElement); ok {
			return *stack.GetLogicalId(el), nil
		}
		return "", fmt.Errorf("construct %s is not a state machine of this stack: pass its logical ID instead", *c.Node().Path())
	}
	return "", fmt.Errorf("stateMachine must be nil, a string (logical ID, name or construct path) or the state machine construct, not %T", sm)
}

// checkMocks makes sure every Task has a usable mock and every mock a Task.
func checkMocks(t testing.TB, label string, def map[string]any, mocks Mocks) map[string]Mock {
	t.Helper()
	tasks := cfn.TaskStates(def)
	isTask := map[string]bool{}
	var missing []string
	for _, name := range tasks {
		isTask[name] = true
		if _, ok := mocks[name]; !ok {
			missing = append(missing, name)
		}
	}
	var problems []string
	if len(missing) > 0 {
		problems = append(problems, fmt.Sprintf("no mock for Task state(s) %s: every Task needs an entry in integ.Mocks (nothing calls AWS)", quoteAll(missing)))
	}
	handlers := map[string]Mock{}
	var names []string
	for name := range mocks {
		if !isObjectKey(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		v := mocks[name]
		if !isTask[name] {
			problems = append(problems, fmt.Sprintf("mock %q names no Task state; the Task states are %s", name, quoteAll(tasks)))
			continue
		}
		m := asMock(v)
		if c, ok := m.(cannedMock); ok {
			if v != nil && reflect.TypeOf(v).Kind() == reflect.Func {
				problems = append(problems, fmt.Sprintf("mock %q is a %T; a mock function must be func(input any) (any, error)", name, v))
				continue
			}
			if _, err := json.Marshal(c.v); err != nil {
				problems = append(problems, fmt.Sprintf("mock %q: its result cannot be encoded as JSON: %v", name, err))
				continue
			}
		}
		handlers[name] = m
	}
	if len(problems) > 0 {
		t.Fatalf("integ.Run: state machine %s:\n\t%s", label, strings.Join(problems, "\n\t"))
	}
	return handlers
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 0 {
		return "(none)"
	}
	return strings.Join(q, ", ")
}
