package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// README titles of the deliberate differences these cases meet.
const (
	ecsRevision    = "ECS runs the task definition revision the app deploys"
	batchTimeout   = "Batch `TaskTimeout` stays the state's timeout"
	batchResources = "Batch resource values decided at run time are strings"
	startInput     = "StartExecution passes the state input by default in JSONata too"
)

const (
	jobDefinitionARN = "arn:aws:batch:us-east-1:123456789012:job-definition/render:3"
	jobQueueARN      = "arn:aws:batch:us-east-1:123456789012:job-queue/main"
)

func batchProps(mod func(p *tasks.BatchSubmitJobProps)) *tasks.BatchSubmitJobProps {
	p := &tasks.BatchSubmitJobProps{JobDefinitionArn: jsii.String(jobDefinitionARN), JobQueueArn: jsii.String(jobQueueARN), JobName: jsii.String("JobName")}
	mod(p)
	return p
}

// ecsVpc is an imported VPC with two public and two private subnets.
func ecsVpc(scope constructs.Construct) awsec2.IVpc {
	return awsec2.Vpc_FromVpcAttributes(scope, jsii.String("Vpc"), &awsec2.VpcAttributes{
		VpcId:             jsii.String("vpc-12345"),
		AvailabilityZones: jsii.Strings("us-east-1a", "us-east-1b"),
		PublicSubnetIds:   jsii.Strings("subnet-pub1", "subnet-pub2"),
		PrivateSubnetIds:  jsii.Strings("subnet-priv1", "subnet-priv2"),
	})
}

// fargateTask is a Fargate task definition with one container, TheContainer.
func fargateTask(scope constructs.Construct) (awsecs.TaskDefinition, awsecs.ContainerDefinition) {
	td := awsecs.NewTaskDefinition(scope, jsii.String("TD"), &awsecs.TaskDefinitionProps{
		Family: jsii.String("web"), Compatibility: awsecs.Compatibility_FARGATE, Cpu: jsii.String("256"), MemoryMiB: jsii.String("512")})
	c := td.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{
		Image: awsecs.ContainerImage_FromRegistry(jsii.String("foo/bar"), nil), MemoryLimitMiB: jsii.Number(256)})
	return td, c
}

// ec2Task is an EC2 task definition (bridge networking) with TheContainer,
// and a cluster with EC2 capacity.
func ec2Task(scope constructs.Construct) (awsecs.ICluster, awsecs.TaskDefinition, awsecs.ContainerDefinition) {
	cluster := awsecs.Cluster_FromClusterAttributes(scope, jsii.String("Cluster"), &awsecs.ClusterAttributes{
		ClusterName: jsii.String("workers"), Vpc: ecsVpc(scope), HasEc2Capacity: jsii.Bool(true),
		SecurityGroups: &[]awsec2.ISecurityGroup{}})
	td := awsecs.NewTaskDefinition(scope, jsii.String("TD"), &awsecs.TaskDefinitionProps{Family: jsii.String("worker"), Compatibility: awsecs.Compatibility_EC2})
	c := td.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{
		Image: awsecs.ContainerImage_FromRegistry(jsii.String("foo/bar"), nil), MemoryLimitMiB: jsii.Number(256)})
	return cluster, td, c
}

func eksCluster(scope constructs.Construct) awseks.ICluster {
	return awseks.Cluster_FromClusterAttributes(scope, jsii.String("Cluster"), &awseks.ClusterAttributes{
		ClusterName:                     jsii.String("cluster"),
		ClusterEndpoint:                 jsii.String("https://ABC.gr7.us-east-1.eks.amazonaws.com"),
		ClusterCertificateAuthorityData: jsii.String("Y2VydGlmaWNhdGU="),
	})
}

func childMachine(scope constructs.Construct) sfn.IStateMachine {
	return sfn.StateMachine_FromStateMachineArn(scope, jsii.String("Child"), jsii.String("arn:aws:states:us-east-1:123456789012:stateMachine:child"))
}

func init() {
	add(
		// BatchSubmitJob, from the CDK's batch/submit-job.test.ts.
		parity.Case{Name: "BatchSubmitJob/required only", Build: func(scope constructs.Construct) sfn.State {
			def := awsbatch.NewEcsJobDefinition(scope, jsii.String("JobDefinition"), &awsbatch.EcsJobDefinitionProps{
				Container: awsbatch.NewEcsEc2ContainerDefinition(scope, jsii.String("Container"), &awsbatch.EcsEc2ContainerDefinitionProps{
					Image: awsecs.ContainerImage_FromRegistry(jsii.String("foo/bar"), nil), Cpu: jsii.Number(256),
					Memory: awscdk.Size_Mebibytes(jsii.Number(2048)),
				}),
			})
			queue := awsbatch.JobQueue_FromJobQueueArn(scope, jsii.String("JobQueue"), jsii.String(jobQueueARN))
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), &tasks.BatchSubmitJobProps{
				JobDefinitionArn: def.JobDefinitionArn(), JobName: jsii.String("JobName"), JobQueueArn: queue.JobQueueArn(),
			})
		}},
		parity.Case{Name: "BatchSubmitJob/all parameters", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.ArraySize = jsii.Number(15)
				p.ContainerOverrides = &tasks.BatchContainerOverrides{
					Command:      jsii.Strings("sudo", "rm"),
					Environment:  &map[string]*string{"key": jsii.String("value")},
					InstanceType: awsec2.NewInstanceType(jsii.String("MULTI")),
					Memory:       awscdk.Size_Mebibytes(jsii.Number(1024)),
					GpuCount:     jsii.Number(1),
					Vcpus:        jsii.Number(10),
				}
				p.DependsOn = &[]*tasks.BatchJobDependency{{JobId: jsii.String("1234"), Type: jsii.String("N_TO_N")}}
				p.Payload = sfn.TaskInput_FromObject(&map[string]interface{}{"foo": sfn.JsonPath_StringAt(jsii.String("$.bar"))})
				p.Attempts = jsii.Number(3)
				p.Timeout = awscdk.Duration_Seconds(jsii.Number(60))
				p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			}))
		}},
		parity.Case{Name: "BatchSubmitJob/tokens", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.JobName = sfn.JsonPath_StringAt(jsii.String("$.jobName"))
				p.ArraySize = sfn.JsonPath_NumberAt(jsii.String("$.arraySize"))
				p.Attempts = sfn.JsonPath_NumberAt(jsii.String("$.attempts"))
				p.ContainerOverrides = &tasks.BatchContainerOverrides{Environment: &map[string]*string{"SCENE": sfn.JsonPath_StringAt(jsii.String("$.scene"))}}
				p.DependsOn = &[]*tasks.BatchJobDependency{{JobId: sfn.JsonPath_StringAt(jsii.String("$.previous")), Type: jsii.String("SEQUENTIAL")}}
			}))
		}},
		parity.Case{Name: "BatchSubmitJob/task timeout", Differs: map[string]string{
			"Parameters.Timeout": batchTimeout, "TimeoutSecondsPath": batchTimeout,
		}, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.TaskTimeout = sfn.Timeout_At(jsii.String("$.timeout"))
			}))
		}},
		parity.Case{Name: "BatchSubmitJob/task timeout duration", Differs: map[string]string{
			"Parameters.Timeout": batchTimeout, "TimeoutSeconds": batchTimeout,
		}, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.TaskTimeout = sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(5)))
			}))
		}},
		parity.Case{Name: "BatchSubmitJob/memory token", Differs: map[string]string{
			"Parameters.ContainerOverrides.ResourceRequirements": batchResources,
		}, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.ContainerOverrides = &tasks.BatchContainerOverrides{Memory: awscdk.Size_Mebibytes(sfn.JsonPath_NumberAt(jsii.String("$.asdf")))}
			}))
		}},
		parity.Case{Name: "BatchSubmitJob/payload from a path and tags", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.JobName = sfn.JsonPath_StringAt(jsii.String("$.jobName"))
				p.Payload = sfn.TaskInput_FromJsonPathAt(jsii.String("$.foo"))
				p.Tags = &map[string]*string{"test": jsii.String("this is a tag")}
				p.ContainerOverrides = &tasks.BatchContainerOverrides{Vcpus: jsii.Number(0.25), Memory: awscdk.Size_Gibibytes(jsii.Number(2))}
				p.ResultPath = jsii.String("$.job")
			}))
		}},

		parity.Case{Name: "BatchSubmitJob/jsonata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBatchSubmitJob(scope, jsii.String("Task"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.QueryLanguage = sfn.QueryLanguage_JSONATA
				p.JobName = jsii.String("{% $states.input.name %}")
				p.Payload = sfn.TaskInput_FromObject(&map[string]interface{}{"day": "{% $states.input.day %}"})
				p.Attempts = jsii.Number(2)
				p.Outputs = map[string]interface{}{"jobId": "{% $states.result.JobId %}"}
			}))
		}},

		// EcsRunTask, from the CDK's ecs/run-tasks.test.ts.
		parity.Case{Name: "EcsRunTask/fargate with overrides", Differs: map[string]string{"Parameters.TaskDefinition": ecsRevision},
			Build: func(scope constructs.Construct) sfn.State {
				cluster := awsecs.NewCluster(scope, jsii.String("Cluster"), &awsecs.ClusterProps{Vpc: ecsVpc(scope)})
				td, container := fargateTask(scope)
				return tasks.NewEcsRunTask(scope, jsii.String("Task"), &tasks.EcsRunTaskProps{
					IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
					Cluster:            cluster, TaskDefinition: td, AssignPublicIp: jsii.Bool(true),
					ContainerOverrides: &[]*tasks.ContainerOverride{{
						ContainerDefinition: container,
						Command:             jsii.Strings("run", "--fast"),
						Cpu:                 jsii.Number(128), MemoryLimit: jsii.Number(256), MemoryReservation: jsii.Number(128),
						Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("SOME_KEY"), Value: sfn.JsonPath_StringAt(jsii.String("$.SomeKey"))}},
					}},
					LaunchTarget:        tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_VERSION1_4}),
					PropagatedTagSource: awsecs.PropagatedTagSource_TASK_DEFINITION,
				})
			}},
		parity.Case{Name: "EcsRunTask/fargate revision, security groups and subnets", Build: func(scope constructs.Construct) sfn.State {
			cluster := awsecs.NewCluster(scope, jsii.String("Cluster"), &awsecs.ClusterProps{Vpc: ecsVpc(scope)})
			td, _ := fargateTask(scope)
			return tasks.NewEcsRunTask(scope, jsii.String("Task"), &tasks.EcsRunTaskProps{
				Cluster: cluster, TaskDefinition: td, RevisionNumber: jsii.Number(7),
				SecurityGroups: &[]awsec2.ISecurityGroup{awsec2.SecurityGroup_FromSecurityGroupId(scope, jsii.String("SG"), jsii.String("sg-12345"), nil)},
				Subnets:        &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},
				AssignPublicIp: jsii.Bool(false),
				Cpu:            jsii.String("1024"), MemoryMiB: jsii.String("2048"), EnableExecuteCommand: jsii.Bool(true),
				LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_LATEST}),
			})
		}},
		parity.Case{Name: "EcsRunTask/ec2 placement", Differs: map[string]string{"Parameters.TaskDefinition": ecsRevision},
			Build: func(scope constructs.Construct) sfn.State {
				cluster, td, container := ec2Task(scope)
				return tasks.NewEcsRunTask(scope, jsii.String("Task"), &tasks.EcsRunTaskProps{
					IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, Cluster: cluster, TaskDefinition: td,
					ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: container,
						Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("SOME_KEY"), Value: sfn.JsonPath_StringAt(jsii.String("$.SomeKey"))}}}},
					LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{
						PlacementStrategies: &[]awsecs.PlacementStrategy{
							awsecs.PlacementStrategy_SpreadAcrossInstances(), awsecs.PlacementStrategy_PackedByCpu(), awsecs.PlacementStrategy_Randomly()},
						PlacementConstraints: &[]awsecs.PlacementConstraint{awsecs.PlacementConstraint_MemberOf(jsii.String("blieptuut"))},
					}),
				})
			}},
		parity.Case{Name: "EcsRunTask/capacity providers and task token", Differs: map[string]string{"Parameters.TaskDefinition": ecsRevision},
			Build: func(scope constructs.Construct) sfn.State {
				cluster := awsecs.NewCluster(scope, jsii.String("Cluster"), &awsecs.ClusterProps{Vpc: ecsVpc(scope)})
				td, container := fargateTask(scope)
				return tasks.NewEcsRunTask(scope, jsii.String("Task"), &tasks.EcsRunTaskProps{
					IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, Cluster: cluster, TaskDefinition: td,
					ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: container,
						Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("TASK_TOKEN"), Value: sfn.JsonPath_TaskToken()}}}},
					LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{
						PlatformVersion: awsecs.FargatePlatformVersion_VERSION1_4,
						CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(&[]*awsecs.CapacityProviderStrategy{
							{CapacityProvider: jsii.String("FARGATE_SPOT"), Weight: jsii.Number(2)},
							{CapacityProvider: jsii.String("FARGATE"), Weight: jsii.Number(1), Base: jsii.Number(1)}}),
					}),
					HeartbeatTimeout: sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(5))),
				})
			}},
		parity.Case{Name: "EcsRunTask/ec2 cluster default capacity", Build: func(scope constructs.Construct) sfn.State {
			cluster, td, _ := ec2Task(scope)
			return tasks.NewEcsRunTask(scope, jsii.String("Task"), &tasks.EcsRunTaskProps{
				Cluster: cluster, TaskDefinition: td, RevisionNumber: jsii.Number(1),
				LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{CapacityProviderOptions: tasks.CapacityProviderOptions_Default()}),
				ResultPath:   sfn.JsonPath_DISCARD(),
			})
		}},

		parity.Case{Name: "EcsRunTask/jsonata", Differs: map[string]string{"Arguments.TaskDefinition": ecsRevision},
			Build: func(scope constructs.Construct) sfn.State {
				cluster, td, container := ec2Task(scope)
				return tasks.NewEcsRunTask(scope, jsii.String("Task"), &tasks.EcsRunTaskProps{
					QueryLanguage: sfn.QueryLanguage_JSONATA, Cluster: cluster, TaskDefinition: td,
					ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: container,
						Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("DAY"), Value: jsii.String("{% $states.input.day %}")}}}},
					LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil),
				})
			}},

		// EksCall, from the CDK's eks/call.test.ts.
		parity.Case{Name: "EksCall/get with query parameters", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEksCall(scope, jsii.String("Task"), &tasks.EksCallProps{
				Cluster: eksCluster(scope), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api/v1/namespaces/default/pods"),
				QueryParameters: &map[string]*[]*string{"labelSelector": jsii.Strings("app=web")},
			})
		}},
		parity.Case{Name: "EksCall/post with a body", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEksCall(scope, jsii.String("Task"), &tasks.EksCallProps{
				Cluster: eksCluster(scope), HttpMethod: tasks.HttpMethods_POST, HttpPath: jsii.String("/api/v1/namespaces/default/pods"),
				RequestBody:    sfn.TaskInput_FromObject(&map[string]interface{}{"kind": "Pod", "metadata": map[string]interface{}{"name.$": "$.name"}}),
				ResultSelector: &map[string]interface{}{"status.$": "$.ResponseBody.status"},
			})
		}},
		parity.Case{Name: "EksCall/delete at a path", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEksCall(scope, jsii.String("Task"), &tasks.EksCallProps{
				Cluster: eksCluster(scope), HttpMethod: tasks.HttpMethods_DELETE, HttpPath: sfn.JsonPath_StringAt(jsii.String("$.podPath")),
				TaskTimeout: sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(30))),
			})
		}},
		parity.Case{Name: "EksCall/patch from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEksCall(scope, jsii.String("Task"), &tasks.EksCallProps{
				Cluster: eksCluster(scope), HttpMethod: tasks.HttpMethods_PATCH, HttpPath: jsii.String("/apis/apps/v1/namespaces/default/deployments/web"),
				RequestBody: sfn.TaskInput_FromJsonPathAt(jsii.String("$.patch")),
				Comment:     jsii.String("scale"), OutputPath: jsii.String("$.ResponseBody"),
			})
		}},

		// StepFunctionsStartExecution, from the CDK's stepfunctions/start-execution.test.ts.
		parity.Case{Name: "StepFunctionsStartExecution/defaults", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(scope)})
		}},
		parity.Case{Name: "StepFunctionsStartExecution/run job with name and input", Build: func(scope constructs.Construct) sfn.State {
			child := sfn.NewStateMachine(scope, jsii.String("ChildMachine"), &sfn.StateMachineProps{
				DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(scope, jsii.String("Pass"), nil))})
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{
				StateMachine:       child,
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
				Input:              sfn.TaskInput_FromObject(&map[string]interface{}{"token": "a", "id": sfn.JsonPath_StringAt(jsii.String("$.id"))}),
				Name:               jsii.String("myExecutionName"),
			})
		}},
		parity.Case{Name: "StepFunctionsStartExecution/associate with parent", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{
				StateMachine:        childMachine(scope),
				Input:               sfn.TaskInput_FromObject(&map[string]interface{}{"token": sfn.JsonPath_StringAt(jsii.String("$.token"))}),
				AssociateWithParent: jsii.Bool(true),
				IntegrationPattern:  sfn.IntegrationPattern_RUN_JOB,
				ResultSelector:      &map[string]interface{}{"Output.$": "$.Output"},
			})
		}},
		parity.Case{Name: "StepFunctionsStartExecution/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{
				StateMachine:       childMachine(scope),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Input:              sfn.TaskInput_FromObject(&map[string]interface{}{"token": sfn.JsonPath_TaskToken()}),
				Name:               sfn.JsonPath_StringAt(jsii.String("$.executionName")),
				HeartbeatTimeout:   sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(10))),
			})
		}},
		parity.Case{Name: "StepFunctionsStartExecution/input from a path", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{
				StateMachine: childMachine(scope),
				Input:        sfn.TaskInput_FromJsonPathAt(jsii.String("$.child")),
				TaskTimeout:  sfn.Timeout_At(jsii.String("$.timeout")),
				StateName:    jsii.String("Start the child"),
			})
		}},

		parity.Case{Name: "StepFunctionsStartExecution/jsonata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, StateMachine: childMachine(scope),
				Input:               sfn.TaskInput_FromObject(&map[string]interface{}{"id": "{% $states.input.id %}"}),
				AssociateWithParent: jsii.Bool(true),
			})
		}},

		parity.Case{Name: "StepFunctionsStartExecution/jsonata default input", Differs: map[string]string{"Arguments.Input": startInput}, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsStartExecution(scope, jsii.String("Task"), &tasks.StepFunctionsStartExecutionProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, StateMachine: childMachine(scope), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
			})
		}},

		// StepFunctionsInvokeActivity, from the CDK's stepfunctions/invoke-activity.test.ts.
		parity.Case{Name: "StepFunctionsInvokeActivity/defaults", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsInvokeActivity(scope, jsii.String("Task"), &tasks.StepFunctionsInvokeActivityProps{
				Activity: sfn.NewActivity(scope, jsii.String("Activity"), nil)})
		}},
		parity.Case{Name: "StepFunctionsInvokeActivity/heartbeat and timeout", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsInvokeActivity(scope, jsii.String("Task"), &tasks.StepFunctionsInvokeActivityProps{
				Activity:         sfn.NewActivity(scope, jsii.String("Activity"), &sfn.ActivityProps{ActivityName: jsii.String("worker")}),
				HeartbeatTimeout: sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(60))),
				TaskTimeout:      sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(10))),
			})
		}},
		parity.Case{Name: "StepFunctionsInvokeActivity/parameters", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsInvokeActivity(scope, jsii.String("Task"), &tasks.StepFunctionsInvokeActivityProps{
				Activity: sfn.Activity_FromActivityArn(scope, jsii.String("Activity"), jsii.String("arn:aws:states:us-east-1:123456789012:activity:worker")),
				Parameters: &map[string]interface{}{"literal": "x", "fromInput": sfn.JsonPath_StringAt(jsii.String("$.value")),
					"nested": map[string]interface{}{"n": 1}},
			})
		}},
		parity.Case{Name: "StepFunctionsInvokeActivity/jsonata arguments", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsInvokeActivity(scope, jsii.String("Task"), &tasks.StepFunctionsInvokeActivityProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				Activity:      sfn.NewActivity(scope, jsii.String("Activity"), nil),
				Arguments:     map[string]interface{}{"value": "{% $states.input.value %}"},
			})
		}},
		parity.Case{Name: "StepFunctionsInvokeActivity/paths and timeouts at paths", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewStepFunctionsInvokeActivity(scope, jsii.String("Task"), &tasks.StepFunctionsInvokeActivityProps{
				Activity:         sfn.NewActivity(scope, jsii.String("Activity"), nil),
				InputPath:        jsii.String("$.work"),
				ResultPath:       jsii.String("$.result"),
				OutputPath:       jsii.String("$.result"),
				Comment:          jsii.String("do the work"),
				HeartbeatTimeout: sfn.Timeout_At(jsii.String("$.heartbeat")),
				TaskTimeout:      sfn.Timeout_At(jsii.String("$.timeout")),
			})
		}},
	)
}
