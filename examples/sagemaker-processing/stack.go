// Package sagemakerprocessing is the seed "CustomState for a SageMaker
// Processing job" in Go with sfnkit: createProcessingJob.sync, which the
// CDK's tasks lack, written as raw ASL with tasks.NewCustomTask. The seed
// ended with "Resource": "*" on iam:PassRole and sagemaker:*; here the IAM
// is derived from the Resource: the job actions on processing jobs of this
// account and region, the EventBridge rule .sync needs, and iam:PassRole
// on exactly the SageMaker role, only to SageMaker.
//
// The CDK app is ./app (cdk.json runs it for `cdk synth`); the tests are in
// examples/, one test package for all the examples.
package sagemakerprocessing

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecr"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/sfnkit/sfnkit/tasks"
)

// Processing is the stack, its state machine and the job's role.
type Processing struct {
	Stack        awscdk.Stack
	StateMachine sfn.StateMachine
	Role         awsiam.Role
}

// NewProcessing builds the stack.
func NewProcessing(scope constructs.Construct, id string, props *awscdk.StackProps) *Processing {
	stack := awscdk.NewStack(scope, jsii.String(id), props)
	repository := awsecr.NewRepository(stack, jsii.String("HelloWorldRepository"), &awsecr.RepositoryProps{
		RepositoryName: jsii.String("hello-world"),
		RemovalPolicy:  awscdk.RemovalPolicy_DESTROY,
	})
	role := awsiam.NewRole(stack, jsii.String("SageMakerRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil),
	})
	repository.GrantPull(role)
	// ecr:GetAuthorizationToken has no resource-level permission: AWS
	// documents "*" as its only resource. Everything else here is scoped.
	cdknag.NagSuppressions_AddResourceSuppressions(role, &[]*cdknag.NagPackSuppression{{
		Id:        jsii.String("AwsSolutions-IAM5"),
		Reason:    jsii.String("ecr:GetAuthorizationToken supports only Resource \"*\" (no resource-level permissions)"),
		AppliesTo: &[]interface{}{"Resource::*"},
	}}, jsii.Bool(true))

	job := tasks.NewCustomTask(stack, jsii.String("HelloWorldProcessingJob"), &tasks.CustomTaskProps{
		StateJson: &map[string]interface{}{
			"Type":     "Task",
			"Resource": "arn:aws:states:::sagemaker:createProcessingJob.sync",
			"Parameters": map[string]interface{}{
				"ProcessingJobName.$": "States.Format('hello-world-{}', States.UUID())",
				"RoleArn":             role.RoleArn(),
				"ProcessingResources": map[string]interface{}{"ClusterConfig": map[string]interface{}{
					"InstanceCount": 1, "InstanceType": "ml.t3.medium", "VolumeSizeInGB": 1,
				}},
				"AppSpecification":  map[string]interface{}{"ImageUri": repository.RepositoryUriForTag(jsii.String("latest"))},
				"StoppingCondition": map[string]interface{}{"MaxRuntimeInSeconds": 600},
			},
		},
	})
	machine := sfn.NewStateMachine(stack, jsii.String("SandboxStateMachine"), &sfn.StateMachineProps{
		StateMachineName: jsii.String("sandbox"),
		DefinitionBody:   sfn.DefinitionBody_FromChainable(job),
	})
	return &Processing{Stack: stack, StateMachine: machine, Role: role}
}
