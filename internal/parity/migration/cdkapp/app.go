// Package cdkapp is a workflow written for the CDK's awsstepfunctionstasks,
// as a user has it before migrating: many tasks, many fields each (numbers,
// lists, durations, enums, nested structs, dynamic values). Package
// sfnkitapp is this file with only the import changed (go generate
// ./internal/parity), and must compile, synthesize and keep every logical
// ID.
package cdkapp

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	tasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Build adds the workflow's resources and state machine to scope.
func Build(scope constructs.Construct) sfn.StateMachine {
	fn := awslambda.Function_FromFunctionArn(scope, jsii.String("Worker"), jsii.String("arn:aws:lambda:us-east-1:123456789012:function:worker"))
	topic := awssns.NewTopic(scope, jsii.String("Topic"), nil)
	queue := awssqs.NewQueue(scope, jsii.String("Queue"), nil)
	table := awsdynamodb.NewTable(scope, jsii.String("Table"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})
	bucket := awss3.NewBucket(scope, jsii.String("Bucket"), nil)
	vpc := awsec2.NewVpc(scope, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(0)})
	cluster := awsecs.NewCluster(scope, jsii.String("Cluster"), &awsecs.ClusterProps{Vpc: vpc})
	taskDef := awsecs.NewFargateTaskDefinition(scope, jsii.String("TaskDef"), &awsecs.FargateTaskDefinitionProps{
		Cpu: jsii.Number(256), MemoryLimitMiB: jsii.Number(512),
	})
	container := taskDef.AddContainer(jsii.String("app"), &awsecs.ContainerDefinitionOptions{
		Image: awsecs.ContainerImage_FromRegistry(jsii.String("public.ecr.aws/docker/library/busybox:latest"), nil),
	})
	child := sfn.StateMachine_FromStateMachineArn(scope, jsii.String("Child"), jsii.String("arn:aws:states:us-east-1:123456789012:stateMachine:child"))
	bus := awsevents.NewEventBus(scope, jsii.String("Bus"), nil)
	trainingRole := awsiam.NewRole(scope, jsii.String("TrainingRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil),
	})

	invoke := tasks.NewLambdaInvoke(scope, jsii.String("Invoke"), &tasks.LambdaInvokeProps{
		LambdaFunction:   fn,
		Payload:          sfn.TaskInput_FromObject(&map[string]interface{}{"id": sfn.JsonPath_StringAt(jsii.String("$.id")), "n": 3}),
		InvocationType:   tasks.LambdaInvocationType_REQUEST_RESPONSE,
		ResultSelector:   &map[string]interface{}{"body.$": "$.Payload"},
		ResultPath:       jsii.String("$.invoke"),
		TaskTimeout:      sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(2))),
		HeartbeatTimeout: sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(30))),
		Comment:          jsii.String("call the worker"),
	})
	publish := tasks.NewSnsPublish(scope, jsii.String("Publish"), &tasks.SnsPublishProps{
		Topic:   topic,
		Message: sfn.TaskInput_FromJsonPathAt(jsii.String("$.invoke.body")),
		Subject: jsii.String("done"),
		MessageAttributes: &map[string]*tasks.MessageAttribute{
			"count": {Value: jsii.Number(3)},
			"kind":  {Value: jsii.String("report"), DataType: tasks.MessageAttributeDataType_STRING},
		},
		ResultPath: sfn.JsonPath_DISCARD(),
	})
	send := tasks.NewSqsSendMessage(scope, jsii.String("Send"), &tasks.SqsSendMessageProps{
		Queue:       queue,
		MessageBody: sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id"}),
		Delay:       awscdk.Duration_Seconds(jsii.Number(10)),
		ResultPath:  sfn.JsonPath_DISCARD(),
	})
	put := tasks.NewDynamoPutItem(scope, jsii.String("Put"), &tasks.DynamoPutItemProps{
		Table: table,
		Item: &map[string]tasks.DynamoAttributeValue{
			"id":    tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.id"))),
			"count": tasks.DynamoAttributeValue_FromNumber(jsii.Number(1)),
			"tags":  tasks.DynamoAttributeValue_FromStringSet(jsii.Strings("a", "b")),
		},
		ConditionExpression:      jsii.String("attribute_not_exists(#id)"),
		ExpressionAttributeNames: &map[string]*string{"#id": jsii.String("id")},
		ReturnValues:             tasks.DynamoReturnValues_NONE,
		ResultPath:               sfn.JsonPath_DISCARD(),
	})
	get := tasks.NewDynamoGetItem(scope, jsii.String("Get"), &tasks.DynamoGetItemProps{
		Table:          table,
		Key:            &map[string]tasks.DynamoAttributeValue{"id": tasks.DynamoAttributeValue_FromString(jsii.String("fixed"))},
		ConsistentRead: jsii.Bool(true),
		ResultPath:     jsii.String("$.item"),
	})
	run := tasks.NewEcsRunTask(scope, jsii.String("Run"), &tasks.EcsRunTaskProps{
		Cluster:            cluster,
		TaskDefinition:     taskDef,
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{
			PlatformVersion: awsecs.FargatePlatformVersion_LATEST,
		}),
		AssignPublicIp: jsii.Bool(true),
		ContainerOverrides: &[]*tasks.ContainerOverride{{
			ContainerDefinition: container,
			Command:             jsii.Strings("echo", "hello"),
			Cpu:                 jsii.Number(256),
			MemoryLimit:         jsii.Number(512),
			Environment: &[]*tasks.TaskEnvironmentVariable{
				{Name: jsii.String("ID"), Value: sfn.JsonPath_StringAt(jsii.String("$.id"))},
			},
		}},
		ResultPath: sfn.JsonPath_DISCARD(),
	})
	job := tasks.NewBatchSubmitJob(scope, jsii.String("Job"), &tasks.BatchSubmitJobProps{
		JobDefinitionArn: jsii.String("arn:aws:batch:us-east-1:123456789012:job-definition/report:3"),
		JobQueueArn:      jsii.String("arn:aws:batch:us-east-1:123456789012:job-queue/default"),
		JobName:          jsii.String("report"),
		ArraySize:        jsii.Number(10),
		Attempts:         jsii.Number(3),
		ContainerOverrides: &tasks.BatchContainerOverrides{
			Command:     jsii.Strings("run", "--fast"),
			Environment: &map[string]*string{"MODE": jsii.String("batch")},
			Memory:      awscdk.Size_Mebibytes(jsii.Number(2048)),
			Vcpus:       jsii.Number(2),
		},
		DependsOn:  &[]*tasks.BatchJobDependency{{JobId: jsii.String("1234"), Type: jsii.String("N_TO_N")}},
		Tags:       &map[string]*string{"team": jsii.String("data")},
		ResultPath: sfn.JsonPath_DISCARD(),
	})
	glue := tasks.NewGlueStartJobRun(scope, jsii.String("Glue"), &tasks.GlueStartJobRunProps{
		GlueJobName:        jsii.String("nightly"),
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Arguments:          sfn.TaskInput_FromObject(&map[string]interface{}{"--day.$": "$.day"}),
		WorkerConfiguration: &tasks.WorkerConfigurationProperty{
			WorkerTypeV2:    tasks.WorkerTypeV2_G_1X(),
			NumberOfWorkers: jsii.Number(10),
		},
		NotifyDelayAfter: awscdk.Duration_Minutes(jsii.Number(5)),
		ExecutionClass:   tasks.ExecutionClass_STANDARD,
		ResultPath:       sfn.JsonPath_DISCARD(),
	})
	query := tasks.NewAthenaStartQueryExecution(scope, jsii.String("Query"), &tasks.AthenaStartQueryExecutionProps{
		QueryString:           jsii.String("SELECT * FROM events WHERE day = ?"),
		ExecutionParameters:   jsii.Strings("2024-01-01"),
		QueryExecutionContext: &tasks.QueryExecutionContext{DatabaseName: jsii.String("analytics")},
		ResultConfiguration: &tasks.ResultConfiguration{
			OutputLocation: &awss3.Location{BucketName: bucket.BucketName(), ObjectKey: jsii.String("results")},
		},
		WorkGroup:  jsii.String("primary"),
		ResultPath: jsii.String("$.query"),
	})
	start := tasks.NewStepFunctionsStartExecution(scope, jsii.String("Start"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine:       child,
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Input:              sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id"}),
		Name:               jsii.String("child-run"),
		ResultPath:         sfn.JsonPath_DISCARD(),
	})
	events := tasks.NewEventBridgePutEvents(scope, jsii.String("Events"), &tasks.EventBridgePutEventsProps{
		Entries: &[]*tasks.EventBridgePutEventsEntry{{
			Detail:     sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id"}),
			DetailType: jsii.String("report.ready"),
			Source:     jsii.String("com.example.reports"),
			EventBus:   bus,
		}},
		ResultPath: sfn.JsonPath_DISCARD(),
	})
	train := tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Train"), &tasks.SageMakerCreateTrainingJobProps{
		TrainingJobName: sfn.JsonPath_StringAt(jsii.String("$.jobName")),
		Role:            trainingRole,
		AlgorithmSpecification: &tasks.AlgorithmSpecification{
			AlgorithmName:     jsii.String("BlazingText"),
			TrainingInputMode: tasks.InputMode_FILE,
		},
		InputDataConfig: &[]*tasks.Channel{{
			ChannelName: jsii.String("train"),
			DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{
				S3DataType: tasks.S3DataType_S3_PREFIX,
				S3Location: tasks.S3Location_FromBucket(bucket, jsii.String("train/")),
			}},
		}},
		OutputDataConfig: &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromBucket(bucket, jsii.String("models/"))},
		ResourceConfig: &tasks.ResourceConfig{
			InstanceCount: jsii.Number(1),
			InstanceType:  awsec2.NewInstanceType(jsii.String("ml.m5.xlarge")),
			VolumeSize:    awscdk.Size_Gibibytes(jsii.Number(50)),
		},
		StoppingCondition: &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Hours(jsii.Number(2))},
		Hyperparameters:   &map[string]interface{}{"epochs": "10"},
		ResultPath:        sfn.JsonPath_DISCARD(),
	})
	createCluster := tasks.NewEmrCreateCluster(scope, jsii.String("CreateCluster"), &tasks.EmrCreateClusterProps{
		Name:         jsii.String("spark"),
		ReleaseLabel: jsii.String("emr-6.15.0"),
		Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{
			InstanceGroups: &[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty{
				{InstanceCount: jsii.Number(1), InstanceRole: tasks.EmrCreateCluster_InstanceRoleType_MASTER, InstanceType: jsii.String("m5.xlarge")},
				{InstanceCount: jsii.Number(2), InstanceRole: tasks.EmrCreateCluster_InstanceRoleType_CORE, InstanceType: jsii.String("m5.xlarge"),
					Market: tasks.EmrCreateCluster_InstanceMarket_ON_DEMAND},
			},
			TerminationProtected: jsii.Bool(false),
		},
		Applications:         &[]*tasks.EmrCreateCluster_ApplicationConfigProperty{{Name: jsii.String("Spark")}},
		VisibleToAllUsers:    jsii.Bool(true),
		StepConcurrencyLevel: jsii.Number(2),
		Tags:                 &map[string]*string{"team": jsii.String("data")},
		ResultPath:           jsii.String("$.cluster"),
	})
	addStep := tasks.NewEmrAddStep(scope, jsii.String("AddStep"), &tasks.EmrAddStepProps{
		ClusterId:       sfn.JsonPath_StringAt(jsii.String("$.cluster.ClusterId")),
		Name:            jsii.String("spark-job"),
		Jar:             jsii.String("command-runner.jar"),
		Args:            jsii.Strings("spark-submit", "s3://bucket/job.py"),
		ActionOnFailure: tasks.ActionOnFailure_CONTINUE,
		ResultPath:      sfn.JsonPath_DISCARD(),
	})
	terminate := tasks.NewEmrTerminateCluster(scope, jsii.String("Terminate"), &tasks.EmrTerminateClusterProps{
		ClusterId: sfn.JsonPath_StringAt(jsii.String("$.cluster.ClusterId")),
	})
	call := tasks.NewCallAwsService(scope, jsii.String("Call"), &tasks.CallAwsServiceProps{
		Service:      jsii.String("s3"),
		Action:       jsii.String("listObjectsV2"),
		Parameters:   &map[string]interface{}{"Bucket": bucket.BucketName(), "MaxKeys": 10},
		IamResources: jsii.Strings(*bucket.BucketArn()),
		ResultPath:   jsii.String("$.objects"),
	})

	invoke.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("States.Timeout"), MaxAttempts: jsii.Number(2)})
	definition := invoke.Next(publish).Next(send).Next(put).Next(get).Next(run).Next(job).Next(glue).
		Next(query).Next(start).Next(events).Next(train).Next(createCluster).Next(addStep).Next(terminate).Next(call)
	return sfn.NewStateMachine(scope, jsii.String("Workflow"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(definition),
	})
}
