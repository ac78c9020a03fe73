package engine

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// stateProps are the CustomState props of a rendered task.
func stateProps(r *Rendered) *sfn.CustomStateProps {
	stateJSON := withJSONNulls(r.JSON).(map[string]any)
	return &sfn.CustomStateProps{StateJson: &stateJSON}
}

// PolicyStatement is one statement as a CDK PolicyStatement.
func PolicyStatement(s iampolicy.Statement) awsiam.PolicyStatement { return policyStatement(s) }
