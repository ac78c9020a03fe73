package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// The seed's ECS examples (EC2 with placement, Fargate, ECS Exec), with a
// new VPC in place of Vpc.fromLookup.
func TestEcsSeedExamples(t *testing.T) {
	stack := cdktest.NewStack()
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)
	image := awsecs.ContainerImage_FromRegistry(jsii.String("foo/bar"), nil)

	ec2Cluster := awsecs.NewCluster(stack, jsii.String("Ec2Cluster"), &awsecs.ClusterProps{Vpc: vpc})
	ec2Cluster.AddCapacity(jsii.String("DefaultAutoScalingGroup"), &awsecs.AddCapacityOptions{
		InstanceType: awsec2.NewInstanceType(jsii.String("t2.micro")),
		VpcSubnets:   &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},
	})
	ec2TD := awsecs.NewTaskDefinition(stack, jsii.String("TD"), &awsecs.TaskDefinitionProps{Compatibility: awsecs.Compatibility_EC2})
	ec2TD.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{Image: image, MemoryLimitMiB: jsii.Number(256)})
	run := tasks.NewEcsRunTask(stack, jsii.String("Run"), &tasks.EcsRunTaskProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Cluster:            ec2Cluster,
		TaskDefinition:     ec2TD,
		LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{
			PlacementStrategies: &[]awsecs.PlacementStrategy{
				awsecs.PlacementStrategy_SpreadAcrossInstances(), awsecs.PlacementStrategy_PackedByCpu(), awsecs.PlacementStrategy_Randomly(),
			},
			PlacementConstraints: &[]awsecs.PlacementConstraint{awsecs.PlacementConstraint_MemberOf(jsii.String("blieptuut"))},
		}),
		PropagatedTagSource: awsecs.PropagatedTagSource_TASK_DEFINITION,
	})

	fargateCluster := awsecs.NewCluster(stack, jsii.String("FargateCluster"), &awsecs.ClusterProps{Vpc: vpc})
	fargateTD := awsecs.NewTaskDefinition(stack, jsii.String("FargateTD"), &awsecs.TaskDefinitionProps{
		MemoryMiB: jsii.String("512"), Cpu: jsii.String("256"), Compatibility: awsecs.Compatibility_FARGATE})
	container := fargateTD.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{Image: image, MemoryLimitMiB: jsii.Number(256)})
	runFargate := tasks.NewEcsRunTask(stack, jsii.String("RunFargate"), &tasks.EcsRunTaskProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Cluster:            fargateCluster,
		TaskDefinition:     fargateTD,
		AssignPublicIp:     jsii.Bool(true),
		ContainerOverrides: &[]*tasks.ContainerOverride{{
			ContainerDefinition: container,
			Environment:         &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("SOME_KEY"), Value: sfn.JsonPath_StringAt(jsii.String("$.SomeKey"))}},
		}},
		LaunchTarget:        tasks.NewEcsFargateLaunchTarget(nil),
		PropagatedTagSource: awsecs.PropagatedTagSource_TASK_DEFINITION,
	})

	execCluster := awsecs.NewCluster(stack, jsii.String("ECSCluster"), &awsecs.ClusterProps{Vpc: vpc})
	execTD := awsecs.NewTaskDefinition(stack, jsii.String("ExecTD"), &awsecs.TaskDefinitionProps{Compatibility: awsecs.Compatibility_EC2})
	execTD.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{Image: image, MemoryLimitMiB: jsii.Number(256)})
	runExec := tasks.NewEcsRunTask(stack, jsii.String("RunExec"), &tasks.EcsRunTaskProps{
		IntegrationPattern:   sfn.IntegrationPattern_RUN_JOB,
		Cluster:              execCluster,
		TaskDefinition:       execTD,
		LaunchTarget:         tasks.NewEcsEc2LaunchTarget(nil),
		EnableExecuteCommand: jsii.Bool(true),
	})

	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(run.Next(runFargate).Next(runExec))})
	cdktest.Golden(t, "ecs_seed_examples", cdktest.Snapshot(cdktest.Template(t, stack)))
	integ.Validate(t, stack)
}
