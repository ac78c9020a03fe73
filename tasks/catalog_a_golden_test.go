package tasks_test

import (
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// Golden templates (testdata/*.json, refreshed with -update) of each task
// as the CDK's README uses it, with the patterns it offers: the whole
// template, so that the state, the role's statements and the resources the
// task makes are reviewed together.

func TestBedrockInvokeModelGolden(t *testing.T) {
	stack := cdktest.NewStack()
	prompt := tasks.NewBedrockInvokeModel(stack, jsii.String("Prompt Model"), &tasks.BedrockInvokeModelProps{
		Model: titanModel(stack),
		Body: sfn.TaskInput_FromObject(&map[string]interface{}{
			"inputText":            "Generate a list of five first names.",
			"textGenerationConfig": map[string]interface{}{"maxTokenCount": 100, "temperature": 1},
		}),
		Guardrail:      tasks.Guardrail_Enable(jsii.String("guardrailid"), jsii.Number(1)),
		ResultSelector: &map[string]interface{}{"names.$": "$.Body.results[0].outputText"},
	})
	s3 := tasks.NewBedrockInvokeModel(stack, jsii.String("Prompt Model from S3"), &tasks.BedrockInvokeModelProps{
		Model:  modelARN(haikuProfile),
		Input:  &tasks.BedrockInvokeModelInputProps{S3InputUri: tasks.StringAt("States.Format('s3://prompts/{}.json', $$.Execution.Name)")},
		Output: &tasks.BedrockInvokeModelOutputProps{S3Location: &awss3.Location{BucketName: jsii.String("answers"), ObjectKey: jsii.String("latest.json")}},
	})
	cdktest.Golden(t, "bedrock_invoke_model", cdktest.Snapshot(machine(t, stack, prompt.Next(s3))))
}

func TestBedrockCreateModelCustomizationJobGolden(t *testing.T) {
	stack := cdktest.NewStack()
	output := awss3.NewBucket(stack, jsii.String("OutputBucket"), nil)
	training := awss3.NewBucket(stack, jsii.String("TrainingBucket"), nil)
	validation := awss3.NewBucket(stack, jsii.String("ValidationBucket"), nil)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(0)})
	job := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("CreateModelCustomizationJob"), &tasks.BedrockCreateModelCustomizationJobProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		BaseModel:          titanModel(stack),
		ClientRequestToken: jsii.String("MyToken"),
		CustomizationType:  tasks.CustomizationType_FINE_TUNING,
		CustomModelKmsKey:  awskms.NewKey(stack, jsii.String("Key"), nil),
		CustomModelName:    jsii.String("MyCustomModel"),
		CustomModelTags:    &[]*tasks.CustomModelTag{{Key: jsii.String("key1"), Value: jsii.String("value1")}},
		HyperParameters:    &map[string]*string{"batchSize": jsii.String("10")},
		JobName:            jsii.String("MyCustomizationJob"),
		JobTags:            &[]*tasks.CustomModelTag{{Key: jsii.String("key2"), Value: jsii.String("value2")}},
		OutputData:         &tasks.OutputBucketConfiguration{Bucket: output, Path: jsii.String("output-data/")},
		TrainingData:       &tasks.TrainingBucketConfiguration{Bucket: training, Path: jsii.String("training-data/data.json")},
		ValidationData:     &[]*tasks.ValidationBucketConfiguration{{Bucket: validation, Path: jsii.String("validation-data/data.json")}},
		VpcConfig: &vpcConfig{
			groups:  []awsec2.ISecurityGroup{awsec2.NewSecurityGroup(stack, jsii.String("SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})},
			subnets: *vpc.PublicSubnets(),
		},
	})
	cdktest.Golden(t, "bedrock_create_model_customization_job", cdktest.Snapshot(machine(t, stack, job)))
}

func TestEventBridgeSchedulerCreateScheduleGolden(t *testing.T) {
	stack := cdktest.NewStack()
	role := awsiam.NewRole(stack, jsii.String("SchedulerRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("scheduler.amazonaws.com"), nil)})
	queue := awssqs.NewQueue(stack, jsii.String("TargetQueue"), nil)
	dlq := awssqs.NewQueue(stack, jsii.String("DeadLetterQueue"), nil)
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	create := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("createSchedule"), &tasks.EventBridgeSchedulerCreateScheduleTaskProps{
		ScheduleName: jsii.String("TestSchedule"),
		Schedule:     tasks.Schedule_Rate(awscdk.Duration_Minutes(jsii.Number(10))),
		StartDate:    &start,
		KmsKey:       awskms.NewKey(stack, jsii.String("Key"), nil),
		Target: tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{
			Arn: queue.QueueArn(), Role: role, DeadLetterQueue: dlq,
			RetryPolicy: &tasks.RetryPolicy{MaximumRetryAttempts: jsii.Number(2), MaximumEventAge: awscdk.Duration_Minutes(jsii.Number(5))},
		}),
	})
	once := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("createOneTime"), &tasks.EventBridgeSchedulerCreateScheduleTaskProps{
		ScheduleName:          tasks.StringAt("States.Format('once-{}', $$.Execution.Name)"),
		GroupName:             jsii.String("reminders"),
		Schedule:              tasks.Schedule_OneTime(&start),
		ActionAfterCompletion: tasks.ActionAfterCompletion_DELETE,
		Target:                tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{Arn: queue.QueueArn(), Role: role}),
	})
	cdktest.Golden(t, "eventbridge_scheduler_create_schedule", cdktest.Snapshot(machine(t, stack, create.Next(once))))
}

func TestMediaConvertCreateJobGolden(t *testing.T) {
	stack := cdktest.NewStack()
	job := tasks.NewMediaConvertCreateJob(stack, jsii.String("CreateJob"), &tasks.MediaConvertCreateJobProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		CreateJobRequest: &map[string]interface{}{
			"Role":  "arn:aws:iam::123456789012:role/MediaConvertRole",
			"Queue": "priority",
			"Settings": map[string]interface{}{
				"Inputs": []interface{}{map[string]interface{}{"FileInput.$": "$.input"}},
				"OutputGroups": []interface{}{map[string]interface{}{
					"Name": "File Group",
					"OutputGroupSettings": map[string]interface{}{"Type": "FILE_GROUP_SETTINGS",
						"FileGroupSettings": map[string]interface{}{"Destination": "s3://EXAMPLE-DESTINATION-BUCKET/"}},
					"Outputs": []interface{}{map[string]interface{}{"Preset": "System-Avc_16x9_1080p_29_97fps_8500kbps"}},
				}},
			},
		},
	})
	cdktest.Golden(t, "mediaconvert_create_job", cdktest.Snapshot(machine(t, stack, job)))
}
