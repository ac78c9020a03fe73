package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// Prepare renders a task as New does, panicking the same way when its props
// are invalid, for a task package that creates the state itself as a type
// of its own (see Base).
func Prepare(scope constructs.Construct, id *string, spec *Spec, common *Common, commonProblems []error) *Rendered {
	rendered, problems := Render(spec, common, EnvOf(scope))
	if problems = append(commonProblems, problems...); len(problems) > 0 {
		panic(&ValidationError{Construct: spec.Construct, Path: *scope.Node().Path() + "/" + *id, Problems: problems})
	}
	rendered.Name = common.StateName
	rendered.Metrics = spec.Metrics
	rendered.Connections = spec.Connections
	return rendered
}

// Base is what a state type of a task package's own embeds, by value,
// beside the sfn.CustomState that jsii needs it to embed directly. Such a
// type exists to carry the methods of the CDK class it stands in for
// (EmrCreateCluster's ServiceRole, EcsRunTask's Connections); Base gives it
// everything else a Task has. The type must override WhenBoundToGraph with
// Bind, StateId with RenderedName when that is not empty, and ValidateState
// with DeferredProblems when there are any; its own methods take value
// receivers, so that jsii does not take them for overrides.
type Base struct{ metered }

// NewBase is the Base of a task rendered as r whose CustomState state
// returns once it is created.
func NewBase(r *Rendered, state func() sfn.CustomState) Base {
	return Base{metered{r: r, anchor: func() constructs.IConstruct { return state() }}}
}

// StateProps are the props that create the state: its JSON.
func (b Base) StateProps() *sfn.CustomStateProps {
	stateJSON := withJSONNulls(b.r.JSON).(map[string]any)
	return &sfn.CustomStateProps{StateJson: &stateJSON}
}

// Bind is WhenBoundToGraph: it registers self in graph and the task's IAM
// statements with the role of graph's state machine.
func (b Base) Bind(graph sfn.StateGraph, self sfn.State) {
	graph.RegisterState(self)
	statementsFor(graph).add(b.r.Statements)
}

// PolicyStatements are the task's IAM statements.
func (b Base) PolicyStatements() []iampolicy.Statement { return b.r.Statements }

// RenderedName is the StateName the task was given, or "".
func (b Base) RenderedName() string { return b.r.Name }

// DeferredProblems are the problems reported at synth.
func (b Base) DeferredProblems() *[]*string { return jsii.Strings(b.r.Deferred...) }
