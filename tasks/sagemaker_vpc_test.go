package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// In a VPC the job role may create and delete network interfaces only in
// its own account and region; only EC2's Describe* actions, which have no
// resource-level permissions, take "*".
func TestSageMakerJobRoleInVpc(t *testing.T) {
	stack := cdktest.NewStack()
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)
	task := tasks.NewSageMakerCreateProcessingJob(stack, jsii.String("Task"), &tasks.SageMakerCreateProcessingJobProps{
		ProcessingJobName: jsii.String("etl"),
		AppSpecification:  &tasks.AppSpecification{ImageUri: jsii.String("public.ecr.aws/etl:3")},
		ClusterConfig: &tasks.ClusterConfig{InstanceCount: jsii.Number(1), InstanceType: awsec2.NewInstanceType(jsii.String("ml.m5.large")),
			VolumeSize: awscdk.Size_Gibibytes(jsii.Number(30))},
		NetworkConfig: &tasks.NetworkConfig{VpcConfig: &tasks.VpcConfig{Vpc: vpc}},
	})
	_, stmts := smJobRole(t, smMachine(t, stack, task))
	var describe, manage map[string]any
	for _, s := range stmts {
		actions, _ := s["Action"].([]any)
		if len(actions) == 0 {
			continue
		}
		switch actions[0] {
		case "ec2:DescribeNetworkInterfaces":
			describe = s
		case "ec2:CreateNetworkInterface":
			manage = s
		}
	}
	assert.Equal(t, []string{"*"}, describe["Resource"])
	assert.Equal(t, []string{arn("ec2", "network-interface/*"), arn("ec2", "subnet/*"), arn("ec2", "security-group/*")}, manage["Resource"])
	assert.Equal(t, []any{"ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",
		"ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"}, manage["Action"])
}
