package engine

import "github.com/aws/aws-cdk-go/awscdk/v2/awsec2"

// Connections are the task's security groups, for the tasks the CDK makes
// IConnectable (EcsRunTask); nil for the others, whose interfaces do not
// offer it.
func (m metered) Connections() awsec2.Connections {
	if m.r.Connections == nil {
		return nil
	}
	return m.r.Connections()
}
