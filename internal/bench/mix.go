package bench

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/tasks"
)

// The mixed workflow: task i is, round robin, a LambdaInvoke, a
// StepFunctionsInvokeActivity, a StepFunctionsStartExecution and an
// EcsRunTask (EC2 launch target, bridge networking): the classes that both
// sfnkit and the CDK have. Lambda functions, activities and state machines
// are imported by name, distinct per task; the ECS cluster and task
// definition are one each, shared.
func init() {
	Variants["sfnkit-mix"] = &builder{doc: "mixed chain (Lambda, activity, StartExecution, ECS RunTask) with sfnkit tasks in a fragments.Workflow, rendered in Go", task: mixTask(false), inGo: true}
	Variants["sfnkit-mix-cdkstates"] = &builder{doc: "mixed chain with sfnkit tasks as CDK states (sfn.Chain, sfn.DefinitionBody_FromChainable)", task: mixTask(false)}
	Variants["cdk-mix"] = &builder{doc: "mixed chain (Lambda, activity, StartExecution, ECS RunTask) with the CDK's tasks", task: mixTask(true)}
}

type ecsShared struct {
	cluster awsecs.ICluster
	def     awsecs.TaskDefinition
}

var ecs *ecsShared

func sharedECS(stack constructs.Construct) *ecsShared {
	if ecs == nil {
		stack := awscdk.Stack_Of(stack)
		vpc := awsec2.Vpc_FromVpcAttributes(stack, jsii.String("Vpc"), &awsec2.VpcAttributes{
			VpcId: jsii.String("vpc-12345678"), AvailabilityZones: jsii.Strings("us-east-1a")})
		cluster := awsecs.Cluster_FromClusterAttributes(stack, jsii.String("Cluster"), &awsecs.ClusterAttributes{
			ClusterName: jsii.String("bench"), Vpc: vpc})
		def := awsecs.NewEc2TaskDefinition(stack, jsii.String("TaskDef"), &awsecs.Ec2TaskDefinitionProps{NetworkMode: awsecs.NetworkMode_BRIDGE})
		def.AddContainer(jsii.String("app"), &awsecs.ContainerDefinitionOptions{
			Image: awsecs.ContainerImage_FromRegistry(jsii.String("public.ecr.aws/docker/library/busybox:latest"), nil), MemoryLimitMiB: jsii.Number(256)})
		ecs = &ecsShared{cluster: cluster, def: def}
	}
	return ecs
}

func mixTask(cdk bool) func(scope constructs.Construct, i int, fn awslambda.IFunction, name string) sfn.IChainable {
	return func(scope constructs.Construct, i int, fn awslambda.IFunction, name string) sfn.IChainable {
		switch i % 4 {
		case 0:
			if cdk {
				return cdktasks.NewLambdaInvoke(scope, id(i), &cdktasks.LambdaInvokeProps{LambdaFunction: fn})
			}
			return tasks.NewLambdaInvoke(scope, id(i), &tasks.LambdaInvokeProps{LambdaFunction: fn})
		case 1:
			act := sfn.Activity_FromActivityName(scope, jsii.String(fmt.Sprintf("Act%d", i)), jsii.String(fmt.Sprintf("bench-act-%d", i)))
			if cdk {
				return cdktasks.NewStepFunctionsInvokeActivity(scope, id(i), &cdktasks.StepFunctionsInvokeActivityProps{Activity: act})
			}
			return tasks.NewStepFunctionsInvokeActivity(scope, id(i), &tasks.StepFunctionsInvokeActivityProps{Activity: act})
		case 2:
			sm := sfn.StateMachine_FromStateMachineName(scope, jsii.String(fmt.Sprintf("Sm%d", i)), jsii.String(fmt.Sprintf("bench-sm-%d", i)))
			if cdk {
				return cdktasks.NewStepFunctionsStartExecution(scope, id(i), &cdktasks.StepFunctionsStartExecutionProps{StateMachine: sm})
			}
			return tasks.NewStepFunctionsStartExecution(scope, id(i), &tasks.StepFunctionsStartExecutionProps{StateMachine: sm})
		default:
			e := sharedECS(scope)
			if cdk {
				return cdktasks.NewEcsRunTask(scope, id(i), &cdktasks.EcsRunTaskProps{Cluster: e.cluster, TaskDefinition: e.def,
					LaunchTarget: cdktasks.NewEcsEc2LaunchTarget(nil)})
			}
			return tasks.NewEcsRunTask(scope, id(i), &tasks.EcsRunTaskProps{Cluster: e.cluster, TaskDefinition: e.def,
				LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil)})
		}
	}
}
