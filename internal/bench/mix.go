package bench

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/tasks"
)

// The mixed workflow: task i is, round robin, a LambdaInvoke, a
// StepFunctionsInvokeActivity, a StepFunctionsStartExecution, an
// EcsRunTask (EC2 launch target, bridge networking), an SnsPublish, an
// SqsSendMessage and a DynamoPutItem: the classes that both sfnkit and the
// CDK have. Functions, activities, state machines, topics, queues and
// tables are imported, distinct per task; the ECS cluster and task
// definition are one each, shared.
func init() {
	Variants["sfnkit-mix"] = &builder{doc: "mixed chain (Lambda, activity, StartExecution, ECS RunTask, SNS, SQS, DynamoDB) with sfnkit tasks in a fragments.Workflow, rendered in Go", task: mixTask(false), inGo: true}
	Variants["sfnkit-mix-cdkstates"] = &builder{doc: "mixed chain with sfnkit tasks as CDK states (sfn.Chain, sfn.DefinitionBody_FromChainable)", task: mixTask(false)}
	Variants["cdk-mix"] = &builder{doc: "mixed chain (Lambda, activity, StartExecution, ECS RunTask, SNS, SQS, DynamoDB) with the CDK's tasks", task: mixTask(true)}
	Variants["baseline-mix"] = &builder{doc: "imports only: the mixed chain's functions, activities, state machines, ECS cluster and task definition, topics, queues and tables, no task; N Pass states as one string", machine: baselineMix}
	Variants["sfnkit-mix-maps"] = &builder{doc: "mixed chain in a fragments.Workflow, its second third in a Map's item processor and its last third in a Distributed Map's (S3 JSON reader, result writer), rendered in Go", task: mixTask(false), inGo: true, maps: true}
	Variants["cdk-mix-maps"] = &builder{doc: "the same with the CDK's tasks, sfn.Map and sfn.DistributedMap", task: mixTask(true), maps: true}
}

// mixImport imports what task i of the mixed chain uses besides its
// function: an activity, a state machine, the ECS cluster and task
// definition (created once), a topic, a queue or a table (nil for a
// Lambda task).
func mixImport(scope constructs.Construct, i int) any {
	switch i % mixKinds {
	case 1:
		return sfn.Activity_FromActivityName(scope, jsii.String(fmt.Sprintf("Act%d", i)), jsii.String(fmt.Sprintf("bench-act-%d", i)))
	case 2:
		return sfn.StateMachine_FromStateMachineName(scope, jsii.String(fmt.Sprintf("Sm%d", i)), jsii.String(fmt.Sprintf("bench-sm-%d", i)))
	case 3:
		return sharedECS(scope)
	case 4:
		return awssns.Topic_FromTopicArn(scope, jsii.String(fmt.Sprintf("Topic%d", i)), jsii.String(fmt.Sprintf("arn:aws:sns:us-east-1:123456789012:bench-topic-%d", i)))
	case 5:
		return awssqs.Queue_FromQueueArn(scope, jsii.String(fmt.Sprintf("Queue%d", i)), jsii.String(fmt.Sprintf("arn:aws:sqs:us-east-1:123456789012:bench-queue-%d", i)))
	case 6:
		return awsdynamodb.Table_FromTableName(scope, jsii.String(fmt.Sprintf("Table%d", i)), jsii.String(fmt.Sprintf("bench-table-%d", i)))
	}
	return nil
}

// baselineMix is what any design pays for the mixed chain before its
// first task: Node, aws-cdk-lib, the imports, one state machine whose
// definition (N Pass states) is one string, synth.
func baselineMix(stack awscdk.Stack, n int) {
	for i := 0; i < n; i++ {
		awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(FunctionName(i)))
		mixImport(stack, i)
	}
	passChain(stack, n)
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
		imported := mixImport(scope, i)
		switch i % mixKinds {
		case 0:
			if cdk {
				return cdktasks.NewLambdaInvoke(scope, id(i), &cdktasks.LambdaInvokeProps{LambdaFunction: fn})
			}
			return tasks.NewLambdaInvoke(scope, id(i), &tasks.LambdaInvokeProps{LambdaFunction: fn})
		case 1:
			act := imported.(sfn.IActivity)
			if cdk {
				return cdktasks.NewStepFunctionsInvokeActivity(scope, id(i), &cdktasks.StepFunctionsInvokeActivityProps{Activity: act})
			}
			return tasks.NewStepFunctionsInvokeActivity(scope, id(i), &tasks.StepFunctionsInvokeActivityProps{Activity: act})
		case 2:
			sm := imported.(sfn.IStateMachine)
			if cdk {
				return cdktasks.NewStepFunctionsStartExecution(scope, id(i), &cdktasks.StepFunctionsStartExecutionProps{StateMachine: sm})
			}
			return tasks.NewStepFunctionsStartExecution(scope, id(i), &tasks.StepFunctionsStartExecutionProps{StateMachine: sm})
		case 3:
			e := imported.(*ecsShared)
			if cdk {
				return cdktasks.NewEcsRunTask(scope, id(i), &cdktasks.EcsRunTaskProps{Cluster: e.cluster, TaskDefinition: e.def,
					LaunchTarget: cdktasks.NewEcsEc2LaunchTarget(nil)})
			}
			return tasks.NewEcsRunTask(scope, id(i), &tasks.EcsRunTaskProps{Cluster: e.cluster, TaskDefinition: e.def,
				LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil)})
		case 4:
			topic := imported.(awssns.ITopic)
			if cdk {
				return cdktasks.NewSnsPublish(scope, id(i), &cdktasks.SnsPublishProps{Topic: topic, Message: sfn.TaskInput_FromJsonPathAt(jsii.String("$.message"))})
			}
			return tasks.NewSnsPublish(scope, id(i), &tasks.SnsPublishProps{Topic: topic, Message: tasks.TaskInput_FromJsonPathAt("$.message")})
		case 5:
			queue := imported.(awssqs.IQueue)
			if cdk {
				return cdktasks.NewSqsSendMessage(scope, id(i), &cdktasks.SqsSendMessageProps{Queue: queue, MessageBody: sfn.TaskInput_FromJsonPathAt(jsii.String("$.message"))})
			}
			return tasks.NewSqsSendMessage(scope, id(i), &tasks.SqsSendMessageProps{Queue: queue, MessageBody: tasks.TaskInput_FromJsonPathAt("$.message")})
		default:
			table := imported.(awsdynamodb.ITable)
			if cdk {
				return cdktasks.NewDynamoPutItem(scope, id(i), &cdktasks.DynamoPutItemProps{Table: table,
					Item: &map[string]cdktasks.DynamoAttributeValue{"id": cdktasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.id")))}})
			}
			return tasks.NewDynamoPutItem(scope, id(i), &tasks.DynamoPutItemProps{Table: table,
				Item: &map[string]tasks.DynamoAttributeValue{"id": tasks.DynamoAttributeValue_FromString(tasks.StringAt("$.id"))}})
		}
	}
}

// mixKinds is the number of task kinds in the mixed workflow.
const mixKinds = 7
