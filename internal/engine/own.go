package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// Prepare renders a task as New does, panicking the same way when its props
// are invalid, for a task package that creates the state itself as a type
// of its own (see TaskState).
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

// TaskState is a task made as a CDK CustomState: the state engine creates
// for a task, and what a task package's own state type embeds, by value, to
// carry the methods of the CDK class it stands in for (EmrCreateCluster's
// ServiceRole, a SageMaker job's Connections). Create makes it.
type TaskState struct {
	sfn.CustomState
	metered
}

// PolicyStatements are the task's IAM statements.
func (s *TaskState) PolicyStatements() []iampolicy.Statement { return s.r.Statements }

// Create creates the CDK CustomState of task, a pointer to the struct that
// embeds s, rendered as r. The struct's pointer-receiver methods may have
// any name: jsii takes only the hook's for overrides.
func (s *TaskState) Create(scope constructs.Construct, id *string, r *Rendered, task sfn.State) {
	s.metered = metered{r: r, anchor: func() constructs.IConstruct { return s.CustomState }}
	createState(scope, id, r, task, &s.CustomState)
}
