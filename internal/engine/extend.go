package engine

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// The pieces a task package needs to define a state type of its own: one
// with the extra methods of its CDK class (Role, GrantPrincipal,
// Connections…), which jsii must see on the very struct it creates, since
// it cannot bind a CDK state embedded through another struct.
//
// Such a type embeds sfn.CustomState and Metered directly, creates itself
// with sfn.NewCustomState_Override(s, scope, id, StateProps(r)), and
// implements WhenBoundToGraph with Bind, PolicyStatements with r.Statements
// and, when r.Name is set, StateId with r.Name.

// RenderOrPanic renders a task as New does, panicking with a
// *ValidationError listing every problem.
func RenderOrPanic(scope constructs.Construct, id *string, spec *Spec, common *Common, commonProblems []error) *Rendered {
	rendered, problems := Render(spec, common, EnvOf(scope))
	if problems = append(commonProblems, problems...); len(problems) > 0 {
		panic(&ValidationError{Construct: spec.Construct, Path: *scope.Node().Path() + "/" + *id, Problems: problems})
	}
	rendered.Name = common.StateName
	rendered.Metrics = spec.Metrics
	return rendered
}

// StateProps are the CustomState props of a rendered task.
func StateProps(r *Rendered) *sfn.CustomStateProps {
	stateJSON := withJSONNulls(r.JSON).(map[string]any)
	return &sfn.CustomStateProps{StateJson: &stateJSON}
}

// NewMetered is the Metered API of a task rendered as r, attached to the
// construct anchor returns.
func NewMetered(r *Rendered, anchor func() constructs.IConstruct) Metered {
	return &metered{r: r, anchor: anchor} // a pointer: jsii registers embedded values by address
}

// Bind does what State.whenBoundToGraph does for state s, and puts its
// statements on the role of the graph's state machine.
func Bind(s sfn.State, graph sfn.StateGraph, stmts []iampolicy.Statement) {
	graph.RegisterState(s)
	statementsFor(graph).add(stmts)
}

// PolicyStatement is one statement as a CDK PolicyStatement.
func PolicyStatement(s iampolicy.Statement) awsiam.PolicyStatement { return policyStatement(s) }
