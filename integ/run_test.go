package integ_test

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/integ"
)

func TestRunHappyPath(t *testing.T) {
	stack, sm := lambdaStack(t)
	var got integ.Result
	expectPass(t, func(tb testing.TB) {
		got = integ.Run(tb, stack, sm, map[string]any{"order": 7}, integ.Mocks{
			"Invoke": func(in any) (any, error) {
				payload := in.(map[string]any)["Payload"].(map[string]any)
				return integ.LambdaResponse(map[string]any{"x": payload["order"]}), nil
			},
		})
	})
	if !got.Succeeded() {
		t.Fatalf("want success, got %s %s: %s\n%s", got.Status, got.Error, got.Cause, got.History())
	}
	want := map[string]any{"x": float64(7), "execution": integ.ExecutionName}
	if !reflect.DeepEqual(got.Output, want) {
		t.Errorf("output = %v, want %v", got.Output, want)
	}
	if path := strings.Join(got.Path(), ","); path != "Invoke,Read,Done" {
		t.Errorf("path = %s", path)
	}
	if in := got.Inputs("Invoke"); len(in) != 1 || !reflect.DeepEqual(in[0].(map[string]any)["Payload"], map[string]any{"order": float64(7)}) {
		t.Errorf("Invoke inputs = %v", in)
	}
}

func TestRunSelectsTheStateMachine(t *testing.T) {
	stack, sm := lambdaStack(t)
	second := sfn.NewStateMachine(stack, jsii.String("Second"), &sfn.StateMachineProps{
		StateMachineName: jsii.String("second-flow"),
		DefinitionBody:   sfn.DefinitionBody_FromChainable(sfn.NewPass(stack, jsii.String("Alone"), nil)),
	})
	mocks := integ.Mocks{"Invoke": integ.LambdaResponse(map[string]any{"x": 1})}
	secondID := *stack.GetLogicalId(second.Node().DefaultChild().(awscdk.CfnElement))
	tests := []struct {
		name     string
		key      any
		mocks    integ.Mocks
		wantPath string
	}{
		{"construct", sm, mocks, "Invoke,Read,Done"},
		{"other construct", second, nil, "Alone"},
		{"logical ID", secondID, nil, "Alone"},
		{"state machine name", "second-flow", nil, "Alone"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got integ.Result
			expectPass(t, func(tb testing.TB) { got = integ.Run(tb, stack, tc.key, nil, tc.mocks) })
			if path := strings.Join(got.Path(), ","); path != tc.wantPath {
				t.Errorf("path = %s, want %s", path, tc.wantPath)
			}
		})
	}
	t.Run("ambiguous", func(t *testing.T) {
		expectFailure(t, func(tb testing.TB) { integ.Run(tb, stack, nil, nil, mocks) }, "2 state machines", "say which one")
	})
	t.Run("unknown", func(t *testing.T) {
		expectFailure(t, func(tb testing.TB) { integ.Run(tb, stack, "Nope", nil, mocks) }, `no single state machine matches "Nope"`)
	})
}

func TestRunRetryAndCatch(t *testing.T) {
	tests := []struct {
		name        string
		mock        any
		wantRetries int
		wantCaught  string
		wantPath    string
	}{
		{
			name:        "retried then caught",
			mock:        integ.Fail("Lambda.ServiceException", "busy"),
			wantRetries: 2,
			wantCaught:  "Lambda.ServiceException",
			wantPath:    "Invoke,Recover",
		},
		{
			name:        "not retryable, caught",
			mock:        integ.Fail("Lambda.AWSLambdaException", "denied"),
			wantRetries: 0,
			wantCaught:  "Lambda.AWSLambdaException",
			wantPath:    "Invoke,Recover",
		},
		{
			name:        "fails once then succeeds",
			mock:        integ.Sequence(integ.Fail("Lambda.ServiceException", "busy"), integ.LambdaResponse(map[string]any{"x": 1})),
			wantRetries: 1,
			wantPath:    "Invoke,Read,Done",
		},
		{
			name: "mock function returning integ.Fail",
			mock: func(any) (any, error) {
				return nil, integ.Fail("States.TaskFailed", "nope")
			},
			wantCaught: "States.TaskFailed",
			wantPath:   "Invoke,Recover",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack, sm := lambdaStack(t)
			var got integ.Result
			expectPass(t, func(tb testing.TB) {
				got = integ.Run(tb, stack, sm, nil, integ.Mocks{"Invoke": tc.mock})
			})
			if !got.Succeeded() {
				t.Fatalf("want success, got %s: %s\n%s", got.Error, got.Cause, got.History())
			}
			if n := got.Retries("Invoke"); n != tc.wantRetries {
				t.Errorf("Retries = %d, want %d\n%s", n, tc.wantRetries, got.History())
			}
			if c := got.CaughtError("Invoke"); c != tc.wantCaught {
				t.Errorf("CaughtError = %q, want %q", c, tc.wantCaught)
			}
			if got.Caught("Invoke") != (tc.wantCaught != "") {
				t.Errorf("Caught = %v", got.Caught("Invoke"))
			}
			if path := strings.Join(got.Path(), ","); path != tc.wantPath {
				t.Errorf("path = %s, want %s", path, tc.wantPath)
			}
		})
	}
}

// A mock with the wrong shape: Read reads $.Payload.x but the mock returns {x: 1}.
func TestRunDetectsAWrongMockShape(t *testing.T) {
	stack, sm := lambdaStack(t)
	var got integ.Result
	expectPass(t, func(tb testing.TB) {
		got = integ.Run(tb, stack, sm, nil, integ.Mocks{"Invoke": map[string]any{"x": 1}})
	})
	if !got.Failed() || got.Error != "States.Runtime" || !strings.Contains(got.Cause, "$.Payload.x") {
		t.Fatalf("want a States.Runtime failure naming $.Payload.x, got %s %s: %s", got.Status, got.Error, got.Cause)
	}
	if !got.Entered("Read") || got.Entered("Done") {
		t.Errorf("path = %v", got.Path())
	}
}

func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, stack awscdk.Stack) sfn.IChainable
		mocks integ.Mocks
		wants []string
	}{
		{
			name: "a Task without a mock",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				return lambdaInvoke(t, stack, "Invoke", inlineFunction(stack, "Fn"), nil)
			},
			wants: []string{`no mock for Task state(s) "Invoke"`},
		},
		{
			name: "a Task nested in a Parallel without a mock",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				par := sfn.NewParallel(stack, jsii.String("Both"), nil)
				par.Branch(sfn.NewPass(stack, jsii.String("Left"), nil))
				par.Branch(lambdaInvoke(t, stack, "Right", inlineFunction(stack, "Fn"), nil))
				return par
			},
			wants: []string{`no mock for Task state(s) "Right"`},
		},
		{
			name: "a Task inside a Map without a mock",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				m := sfn.NewMap(stack, jsii.String("Each"), &sfn.MapProps{ItemsPath: jsii.String("$.items")})
				m.ItemProcessor(lambdaInvoke(t, stack, "PerItem", inlineFunction(stack, "Fn"), nil), nil)
				return m
			},
			wants: []string{`no mock for Task state(s) "PerItem"`},
		},
		{
			name: "a mock for no Task",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				return sfn.NewPass(stack, jsii.String("Only"), nil)
			},
			mocks: integ.Mocks{"Invok": integ.LambdaResponse(nil)},
			wants: []string{`mock "Invok" names no Task state`},
		},
		{
			name: "a mock function of the wrong type",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				return lambdaInvoke(t, stack, "Invoke", inlineFunction(stack, "Fn"), nil)
			},
			mocks: integ.Mocks{"Invoke": func(in map[string]any) map[string]any { return in }},
			wants: []string{`mock "Invoke" is a func(map[string]interface {}) map[string]interface {}`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack := newStack(t)
			sm := machine(stack, "Machine", tc.build(t, stack))
			expectFailure(t, func(tb testing.TB) { integ.Run(tb, stack, sm, nil, tc.mocks) }, tc.wants...)
		})
	}
}

func TestRunReportsHarnessFailures(t *testing.T) {
	tests := []struct {
		name  string
		mock  any
		wants []string
	}{
		{
			name:  "a plain error",
			mock:  func(any) (any, error) { return nil, errors.New("oops") },
			wants: []string{`returned the error "oops"`, "integ.Fail"},
		},
		{
			name:  "a panic",
			mock:  func(any) (any, error) { var m map[string]any; m["x"] = 1; return nil, nil },
			wants: []string{`the mock of Task "Invoke" panicked`, "nil map"},
		},
		{
			name:  "an unencodable result",
			mock:  func(any) (any, error) { return make(chan int), nil },
			wants: []string{"cannot be encoded as JSON"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack, sm := lambdaStack(t)
			expectFailure(t, func(tb testing.TB) { integ.Run(tb, stack, sm, nil, integ.Mocks{"Invoke": tc.mock}) }, tc.wants...)
		})
	}
}

// Without the polyfill, aws-local-stepfunctions (the differential test's
// oracle) fails every Task on Node 20 with a TypeError that the Catch
// States.ALL swallows: the Node runner must say so.
func TestRunReportsToolErrorsHiddenByACatch(t *testing.T) {
	if n, _ := strconv.Atoi(nodeMajor()); n >= 22 {
		t.Skip("Node has Promise.withResolvers natively: the tool error cannot be provoked")
	}
	restore := integ.SetPolyfill(false)
	defer restore()
	stack, sm := lambdaStack(t)
	expectFailure(t, func(tb testing.TB) {
		integ.RunWithNode(tb, stack, sm, nil, integ.Mocks{"Invoke": integ.LambdaResponse(map[string]any{"x": 1})})
	}, `state "Invoke" failed with TypeError`, "Promise.withResolvers", "harness or aws-local-stepfunctions failure", "a Catch of the state caught it")
}

// A Map whose iterations each wait an hour and call a Task: Wait takes no
// time, every iteration's Task is mocked, and $$.Execution.Id is set.
func TestRunMapWaitAndContext(t *testing.T) {
	stack := newStack(t)
	fn := inlineFunction(stack, "Fn")
	each := sfn.NewMap(stack, jsii.String("Each"), &sfn.MapProps{
		ItemsPath:      jsii.String("$.items"),
		MaxConcurrency: jsii.Number(2),
		ResultSelector: &map[string]any{"results.$": "$[*].Payload", "execution.$": "$$.Execution.Id"},
	})
	wait := sfn.NewWait(stack, jsii.String("Nap"), &sfn.WaitProps{Time: sfn.WaitTime_Duration(awscdk.Duration_Hours(jsii.Number(1)))})
	each.ItemProcessor(wait.Next(lambdaInvoke(t, stack, "Double", fn, nil)), nil)
	sm := machine(stack, "Machine", each)

	var got integ.Result
	expectPass(t, func(tb testing.TB) {
		got = integ.Run(tb, stack, sm, map[string]any{"items": []int{1, 2, 3}}, integ.Mocks{
			"Double": func(in any) (any, error) {
				n := in.(map[string]any)["Payload"].(float64)
				return integ.LambdaResponse(n * 2), nil
			},
		})
	})
	if !got.Succeeded() {
		t.Fatalf("want success, got %s: %s\n%s", got.Error, got.Cause, got.History())
	}
	out := got.Output.(map[string]any)
	if !reflect.DeepEqual(out["results"], []any{float64(2), float64(4), float64(6)}) {
		t.Errorf("results = %v", out["results"])
	}
	if id, _ := out["execution"].(string); !strings.HasSuffix(id, ":execution:IntegStateMachine:"+integ.ExecutionName) {
		t.Errorf("$$.Execution.Id = %q", id)
	}
	if n := got.EnteredCount("Double"); n != 3 {
		t.Errorf("Double entered %d times, want 3", n)
	}
	if n := len(got.Inputs("Double")); n != 3 {
		t.Errorf("Double called %d times, want 3", n)
	}
}

// An execution that ends in a Fail state reports its error; it is not a harness failure.
func TestRunFailState(t *testing.T) {
	stack := newStack(t)
	reject := sfn.NewFail(stack, jsii.String("Reject"), &sfn.FailProps{Error: jsii.String("Order.Invalid"), Cause: jsii.String("no items")})
	ok := sfn.NewSucceed(stack, jsii.String("Accept"), nil)
	choice := sfn.NewChoice(stack, jsii.String("Check"), nil).
		When(sfn.Condition_IsPresent(jsii.String("$.items[0]")), ok, nil).
		Otherwise(reject)
	sm := machine(stack, "Machine", choice)
	tests := []struct {
		input     any
		wantError string
		wantPath  string
	}{
		{map[string]any{"items": []int{1}}, "", "Check,Accept"},
		{map[string]any{"items": []int{}}, "Order.Invalid", "Check,Reject"},
	}
	for _, tc := range tests {
		var got integ.Result
		expectPass(t, func(tb testing.TB) { got = integ.Run(tb, stack, sm, tc.input, nil) })
		if got.Error != tc.wantError || strings.Join(got.Path(), ",") != tc.wantPath {
			t.Errorf("input %v: error %q path %v, want %q %s\n%s", tc.input, got.Error, got.Path(), tc.wantError, tc.wantPath, got.History())
		}
		if tc.wantError != "" && (got.Cause != "no items" || !got.Failed()) {
			t.Errorf("cause %q, status %s", got.Cause, got.Status)
		}
	}
}

// AWS fails the execution without an error name or cause when the Fail
// state sets none; the tool's stand-ins (FailStateError, "Execution failed
// because of a Fail state") must not leak into the Result.
func TestRunFailStateWithoutErrorOrCause(t *testing.T) {
	tests := []struct {
		name      string
		props     *sfn.FailProps
		wantError string
		wantCause string
	}{
		{"neither", &sfn.FailProps{}, "", ""},
		{"cause only", &sfn.FailProps{Cause: jsii.String("Workflow failed")}, "", "Workflow failed"},
		{"error only", &sfn.FailProps{Error: jsii.String("Order.Invalid")}, "Order.Invalid", ""},
		{"the tool's name as the definition's own", &sfn.FailProps{Error: jsii.String("FailStateError")}, "FailStateError", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack := newStack(t)
			sm := machine(stack, "Machine", sfn.NewFail(stack, jsii.String("Stop"), tc.props))
			var got integ.Result
			expectPass(t, func(tb testing.TB) { got = integ.Run(tb, stack, sm, nil, nil) })
			if !got.Failed() || got.Error != tc.wantError || got.Cause != tc.wantCause {
				t.Errorf("got %s error %q cause %q, want FAILED %q %q\n%s", got.Status, got.Error, got.Cause, tc.wantError, tc.wantCause, got.History())
			}
			for _, e := range got.Events {
				if e.Type == integ.StateFailed && (e.Error != tc.wantError || e.Cause != tc.wantCause) {
					t.Errorf("event %s, want error %q cause %q", e, tc.wantError, tc.wantCause)
				}
			}
		})
	}
}

// What a Catch passes on shows in the next state's input, even when the
// execution then fails and has no output.
func TestRunStateInput(t *testing.T) {
	stack, sm := lambdaStack(t)
	var got integ.Result
	expectPass(t, func(tb testing.TB) {
		got = integ.Run(tb, stack, sm, map[string]any{"order": 7}, integ.Mocks{"Invoke": integ.Fail("Lambda.AWSLambdaException", "denied")})
	})
	want := map[string]any{"order": float64(7), "error": map[string]any{"Error": "Lambda.AWSLambdaException", "Cause": "denied"}}
	if in := got.StateInput("Recover"); !reflect.DeepEqual(in, want) {
		t.Errorf("Recover's input = %v, want %v\n%s", in, want, got.History())
	}
	if in := got.StateInput("Invoke"); !reflect.DeepEqual(in, map[string]any{"order": float64(7)}) {
		t.Errorf("Invoke's input = %v", in)
	}
	if in := got.StateInput("Done"); in != nil {
		t.Errorf("Done was never entered, its input = %v", in)
	}
}

// What aws-local-stepfunctions would silently ignore, and Run used to
// refuse, now runs: a JSONata state and Variables in a JSONPath state.
func TestRunJSONataAndVariablesOfCustomStates(t *testing.T) {
	tests := []struct {
		name  string
		state string
		input any
		want  any
	}{
		{"a JSONata state", `{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.a + 1 %}","End":true}`, map[string]any{"a": 41}, float64(42)},
		{"Variables", `{"Type":"Pass","Assign":{"kept.$":"$.a"},"OutputPath":"$.a","End":true}`, map[string]any{"a": "x"}, "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack := newStack(t)
			sm := machine(stack, "Machine", sfn.NewCustomState(stack, jsii.String("Calc"), &sfn.CustomStateProps{StateJson: stateJSON(t, tc.state)}))
			var got integ.Result
			expectPass(t, func(tb testing.TB) { got = integ.Run(tb, stack, sm, tc.input, nil) })
			if !got.Succeeded() || !reflect.DeepEqual(got.Output, tc.want) {
				t.Errorf("got %s %v (%s %s), want %v\n%s", got.Status, got.Output, got.Error, got.Cause, tc.want, got.History())
			}
		})
	}
}
