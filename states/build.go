package states

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdkpath"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

// ValidationError is what a constructor here panics with when its props
// are invalid: every problem, each naming its field.
type ValidationError = tasks.ValidationError

// builder collects the problems of one constructor's props, then names
// the states it creates after the construct id.
type builder struct {
	construct string // "PutObject", for messages
	scope     constructs.Construct
	id        string
	problems  []error
}

func newBuilder(construct string, scope constructs.Construct, id *string) *builder {
	b := &builder{construct: construct, scope: scope}
	if id == nil || strings.TrimSpace(*id) == "" {
		b.fail("id", "required: the states are named after it")
	} else {
		b.id = *id
	}
	return b
}

func (b *builder) fail(field, format string, args ...any) {
	b.problems = append(b.problems, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
}

// done panics with every problem found, as CDK constructs throw.
func (b *builder) done() {
	if len(b.problems) == 0 {
		return
	}
	path := b.id
	if b.scope != nil {
		path = *b.scope.Node().Path() + "/" + b.id
	}
	panic(&ValidationError{Construct: b.construct, Path: path, Problems: b.problems})
}

// name is the name of one of the construct's states: "<id> <role>".
func (b *builder) name(role string) *string { return jsii.String(b.id + " " + role) }

// value converts a field to a JSONPath-state value and checks its
// expressions; nil when absent.
func (b *builder) value(field string, x any) *value.Value {
	v, err := engine.Convert(x)
	if err != nil {
		b.fail(field, "%v", err)
		return nil
	}
	if v != nil {
		b.problems = append(b.problems, value.Check(field, v, value.JSONPathLang)...)
	}
	return v
}

// required is value for a field that must be given.
func (b *builder) required(field string, x any, what string) *value.Value {
	v := b.value(field, x)
	if v == nil {
		b.fail(field, "required: %s", what)
	}
	return v
}

// resultPath reads a ResultPath prop: a reference path into the state
// input, or DISCARD when allowDiscard.
func (b *builder) resultPath(p *string, def string, allowDiscard bool) string {
	if p == nil {
		return def
	}
	if cdkpath.IsDiscard(*p) { // tasks.Discard or sfn.JsonPath_DISCARD()
		if !allowDiscard {
			b.fail("ResultPath", "DISCARD would drop what this state produces; give a reference path such as \"$.result\"")
		}
		return tasks.Discard
	}
	b.referencePath("ResultPath", *p)
	return *p
}

// referencePath checks a path that says where to write in the state input.
func (b *builder) referencePath(field, p string) {
	if err := expr.ParseReferencePath(p); err != nil {
		b.fail(field, "%v", err)
	} else if expr.IsContextPath(p) {
		b.fail(field, "%q is in the context object, which is read-only: give a path into the state input ($...)", p)
	}
}

// path reads an InputPath or OutputPath prop ("$" when absent).
func (b *builder) path(field string, p *string) string {
	if p == nil {
		return "$"
	}
	if err := expr.ParsePath(*p); err != nil {
		b.fail(field, "%v", err)
	}
	return *p
}

// object renders values as a Parameters object of a JSONPath state.
func object(fields map[string]*value.Value) map[string]any {
	out := map[string]any{}
	for k, v := range fields {
		if v != nil {
			value.RenderField(out, k, v, value.JSONPathLang)
		}
	}
	return out
}

// optional is nil for a JSONPath prop left at its default, so that the
// state does not render it.
func optional(p, def string) *string {
	if p == def {
		return nil
	}
	return jsii.String(p)
}

// passState is a Pass state; empty paths are left at their default ("$").
type passState struct {
	InputPath  string
	Parameters map[string]*value.Value
	Result     any
	ResultPath string // may be tasks.Discard
	OutputPath string
}

// pass creates a Pass state rendered by sfnkit, as tasks are: in a
// fragments.Workflow it stays in Go with them, elsewhere it is a CDK state.
func (b *builder) pass(role string, p passState) tasks.Task {
	state := map[string]any{"Type": "Pass"}
	if p.Parameters != nil {
		state["Parameters"] = object(p.Parameters)
	}
	if p.Result != nil {
		state["Result"] = p.Result
	}
	for key, path := range map[string]string{"InputPath": p.InputPath, "ResultPath": p.ResultPath, "OutputPath": p.OutputPath} {
		switch path {
		case "", "$":
		case tasks.Discard:
			state[key] = nil
		default:
			state[key] = path
		}
	}
	return engine.NewState(b.scope, b.name(role), &engine.Rendered{JSON: state})
}

// env is the stack's partition, region and account.
func (b *builder) env() iampolicy.Env { return engine.EnvOf(b.scope) }

// retry adds the reference's retry for a service's generic error: 3 s, then
// twice as long each time, with full jitter.
func retry(task tasks.Task, errorName string, attempts float64) {
	task.AddRetry(&sfn.RetryProps{
		Errors:         jsii.Strings(errorName),
		Interval:       awscdk.Duration_Seconds(jsii.Number(3)),
		MaxAttempts:    jsii.Number(attempts),
		BackoffRate:    jsii.Number(2),
		JitterStrategy: sfn.JitterType_FULL,
	})
}
