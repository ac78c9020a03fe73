package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// The seed's Batch example, with a real job definition and queue.
func TestBatchSeedExample(t *testing.T) {
	stack := cdktest.NewStack()
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(1)})
	env := awsbatch.NewFargateComputeEnvironment(stack, jsii.String("Env"), &awsbatch.FargateComputeEnvironmentProps{Vpc: vpc})
	batchQueue := awsbatch.NewJobQueue(stack, jsii.String("Queue"), &awsbatch.JobQueueProps{
		ComputeEnvironments: &[]*awsbatch.OrderedComputeEnvironment{{ComputeEnvironment: env, Order: jsii.Number(1)}}})
	batchJobDefinition := awsbatch.NewEcsJobDefinition(stack, jsii.String("JobDef"), &awsbatch.EcsJobDefinitionProps{
		Container: awsbatch.NewEcsFargateContainerDefinition(stack, jsii.String("Container"), &awsbatch.EcsFargateContainerDefinitionProps{
			Image: awsecs.ContainerImage_FromRegistry(jsii.String("foo/bar"), nil), Cpu: jsii.Number(1),
			Memory: awscdk.Size_Mebibytes(jsii.Number(2048)),
		}),
	})
	task := tasks.NewBatchSubmitJob(stack, jsii.String("Submit Job"), &tasks.BatchSubmitJobProps{
		JobDefinitionArn: batchJobDefinition.JobDefinitionArn(),
		JobName:          jsii.String("MyJob"),
		JobQueueArn:      batchQueue.JobQueueArn(),
	})
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	tpl := cdktest.Template(t, stack)
	cdktest.Golden(t, "batch_seed_example", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}
