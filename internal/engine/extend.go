package engine

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

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

// stateProps are the CustomState props of a rendered task.
func stateProps(r *Rendered) *sfn.CustomStateProps {
	stateJSON := withJSONNulls(r.JSON).(map[string]any)
	return &sfn.CustomStateProps{StateJson: &stateJSON}
}

// PolicyStatement is one statement as a CDK PolicyStatement.
func PolicyStatement(s iampolicy.Statement) awsiam.PolicyStatement { return policyStatement(s) }
