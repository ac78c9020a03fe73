package cases

import (
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbedrock"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsscheduler"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// README titles of the deliberate differences these cases meet.
const (
	bedrockSync     = "BedrockCreateModelCustomizationJob waits for the job with RUN_JOB"
	bedrockJSONata  = "BedrockCreateModelCustomizationJob takes Arguments in a JSONata state"
	scheduleOneTime = "`Schedule_OneTime` writes an `at(…)` expression, in UTC"
)

// bedrockS3URIFlag makes the CDK's BedrockInvokeModel read S3 URIs from
// Input and Output, which sfnkit always does.
const bedrockS3URIFlag = "@aws-cdk/aws-stepfunctions-tasks:useNewS3UriParametersForBedrockInvokeModelTask"

const provisionedModelARN = "arn:aws:bedrock:us-turbo-2:123456789012:provisioned-model/abc-123"

func claudeInstant(scope constructs.Construct) awsbedrock.IModel {
	return awsbedrock.FoundationModel_FromFoundationModelId(scope, jsii.String("Model"), awsbedrock.FoundationModelIdentifier_ANTHROPIC_CLAUDE_INSTANT_V1())
}

func provisionedModel(scope constructs.Construct) awsbedrock.IModel {
	return awsbedrock.ProvisionedModel_FromProvisionedModelArn(scope, jsii.String("Imported"), jsii.String(provisionedModelARN))
}

// customizationBuckets are a customization job's output, training and
// validation buckets.
func customizationBuckets(scope constructs.Construct) (output, training, validation awss3.Bucket) {
	return awss3.NewBucket(scope, jsii.String("OutputBucket"), nil),
		awss3.NewBucket(scope, jsii.String("TrainingDataBucket"), nil),
		awss3.NewBucket(scope, jsii.String("ValidationDataBucket"), nil)
}

func customizationProps(scope constructs.Construct, mod func(p *tasks.BedrockCreateModelCustomizationJobProps)) *tasks.BedrockCreateModelCustomizationJobProps {
	output, training, validation := customizationBuckets(scope)
	p := &tasks.BedrockCreateModelCustomizationJobProps{
		BaseModel:       claudeInstant(scope),
		CustomModelName: jsii.String("custom-model"),
		JobName:         jsii.String("job-name"),
		OutputData:      &tasks.OutputBucketConfiguration{Bucket: output, Path: jsii.String("output-data")},
		TrainingData:    &tasks.TrainingBucketConfiguration{Bucket: training, Path: jsii.String("training-data")},
		ValidationData: &[]*tasks.ValidationBucketConfiguration{
			{Bucket: validation, Path: jsii.String("validation-data1")},
			{Bucket: validation, Path: jsii.String("validation-data2")},
		},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

// customizationVpc is the VPC configuration of a customization job, as a
// user writes one: a type with SecurityGroups and Subnets.
type customizationVpc struct {
	groups  []awsec2.ISecurityGroup
	subnets []awsec2.ISubnet
}

func (v *customizationVpc) SecurityGroups() *[]awsec2.ISecurityGroup { return &v.groups }
func (v *customizationVpc) Subnets() *[]awsec2.ISubnet               { return &v.subnets }

// schedulerRole is the role a schedule's target is invoked with.
func schedulerRole(scope constructs.Construct) awsiam.Role {
	return awsiam.NewRole(scope, jsii.String("SchedulerRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("scheduler.amazonaws.com"), nil)})
}

func scheduleProps(scope constructs.Construct, schedule tasks.Schedule) *tasks.EventBridgeSchedulerCreateScheduleTaskProps {
	queue := awssqs.NewQueue(scope, jsii.String("TargetQueue"), nil)
	return &tasks.EventBridgeSchedulerCreateScheduleTaskProps{
		ScheduleName: jsii.String("TestSchedule"),
		Schedule:     schedule,
		Target:       tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{Arn: queue.QueueArn(), Role: schedulerRole(scope)}),
	}
}

func mediaConvertRequest() *map[string]interface{} {
	return &map[string]interface{}{
		"Role":     "arn:aws:iam::123456789012:role/MediaConvertRole",
		"Settings": map[string]interface{}{"OutputGroups": []interface{}{}, "Inputs": []interface{}{}},
	}
}

func init() {
	add(
		// BedrockInvokeModel, from the CDK's invoke-model.test.ts.
		parity.Case{Name: "BedrockInvokeModel/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockInvokeModel(scope, jsii.String("Task"), &tasks.BedrockInvokeModelProps{
				Model: claudeInstant(scope),
				Body:  sfn.TaskInput_FromObject(&map[string]interface{}{"prompt": "Hello world"}),
			})
		}},
		parity.Case{Name: "BedrockInvokeModel/MIME types", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockInvokeModel(scope, jsii.String("Task"), &tasks.BedrockInvokeModelProps{
				Model:       claudeInstant(scope),
				Body:        sfn.TaskInput_FromObject(&map[string]interface{}{"prompt": "Hello world"}),
				Accept:      jsii.String("image/png"),
				ContentType: jsii.String("text/plain"),
			})
		}},
		parity.Case{Name: "BedrockInvokeModel/input and output S3 locations", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockInvokeModel(scope, jsii.String("Task"), &tasks.BedrockInvokeModelProps{
				Model:  provisionedModel(scope),
				Input:  &tasks.BedrockInvokeModelInputProps{S3Location: &awss3.Location{BucketName: jsii.String("input-bucket"), ObjectKey: jsii.String("input-key")}},
				Output: &tasks.BedrockInvokeModelOutputProps{S3Location: &awss3.Location{BucketName: jsii.String("output-bucket"), ObjectKey: jsii.String("output-key")}},
			})
		}},
		parity.Case{Name: "BedrockInvokeModel/S3 URIs from the input, with input and output paths", Build: func(scope constructs.Construct) sfn.State {
			scope.Node().SetContext(jsii.String(bedrockS3URIFlag), true)
			return tasks.NewBedrockInvokeModel(scope, jsii.String("Task"), &tasks.BedrockInvokeModelProps{
				Model:      provisionedModel(scope),
				Input:      &tasks.BedrockInvokeModelInputProps{S3InputUri: sfn.JsonPath_StringAt(jsii.String("$.prompt"))},
				Output:     &tasks.BedrockInvokeModelOutputProps{S3OutputUri: sfn.JsonPath_StringAt(jsii.String("$.prompt"))},
				InputPath:  jsii.String("$.names"),
				OutputPath: jsii.String("$.names"),
			})
		}},
		parity.Case{Name: "BedrockInvokeModel/guardrail and trace", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockInvokeModel(scope, jsii.String("Task"), &tasks.BedrockInvokeModelProps{
				Model:        claudeInstant(scope),
				Body:         sfn.TaskInput_FromObject(&map[string]interface{}{"prompt": "Hello world"}),
				Guardrail:    tasks.Guardrail_Enable(jsii.String("arn:aws:bedrock:us-turbo-2:123456789012:guardrail/abcdefghijkl"), jsii.Number(1)),
				TraceEnabled: jsii.Bool(true),
			})
		}},
		parity.Case{Name: "BedrockInvokeModel/draft guardrail, trace off, JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockInvokeModel(scope, jsii.String("Task"), &tasks.BedrockInvokeModelProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				Model:         claudeInstant(scope),
				Body:          sfn.TaskInput_FromObject(&map[string]interface{}{"prompt": "{% $states.input.prompt %}"}),
				Guardrail:     tasks.Guardrail_EnableDraft(jsii.String("abcdefghijkl")),
				TraceEnabled:  jsii.Bool(false),
				Outputs:       "{% $states.result.Body %}",
			})
		}},

		// BedrockCreateModelCustomizationJob, from create-model-customization-job.test.ts.
		parity.Case{Name: "BedrockCreateModelCustomizationJob/default settings and role", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("Task"), customizationProps(scope, nil))
		}},
		parity.Case{Name: "BedrockCreateModelCustomizationJob/full properties", Build: func(scope constructs.Construct) sfn.State {
			vpc := awsec2.NewVpc(scope, jsii.String("Vpc"), nil)
			return tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("Task"), customizationProps(scope, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
				p.ClientRequestToken = jsii.String("token")
				p.CustomizationType = tasks.CustomizationType_FINE_TUNING
				p.CustomModelKmsKey = awskms.NewKey(scope, jsii.String("KmsKey"), nil)
				p.CustomModelTags = &[]*tasks.CustomModelTag{{Key: jsii.String("key1"), Value: jsii.String("value1")}}
				p.HyperParameters = &map[string]*string{"key": jsii.String("value")}
				p.JobTags = &[]*tasks.CustomModelTag{{Key: jsii.String("key2"), Value: jsii.String("value2")}}
				p.Role = awsiam.NewRole(scope, jsii.String("Role"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("bedrock.amazonaws.com"), nil)})
				p.VpcConfig = &customizationVpc{
					groups:  []awsec2.ISecurityGroup{awsec2.NewSecurityGroup(scope, jsii.String("CreateModelCustomizationSecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})},
					subnets: *vpc.PrivateSubnets(),
				}
			}))
		}},
		parity.Case{Name: "BedrockCreateModelCustomizationJob/evaluation percentage, default role in a VPC", Build: func(scope constructs.Construct) sfn.State {
			vpc := awsec2.NewVpc(scope, jsii.String("Vpc"), nil)
			return tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("Task"), customizationProps(scope, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
				p.ValidationData = nil
				p.HyperParameters = &map[string]*string{"Evaluation percentage": jsii.String("10")}
				p.CustomizationType = tasks.CustomizationType_CONTINUED_PRE_TRAINING
				p.VpcConfig = &customizationVpc{
					groups:  []awsec2.ISecurityGroup{awsec2.NewSecurityGroup(scope, jsii.String("SG"), &awsec2.SecurityGroupProps{Vpc: vpc})},
					subnets: *vpc.PrivateSubnets(),
				}
			}))
		}},
		parity.Case{Name: "BedrockCreateModelCustomizationJob/names and paths from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("Task"), customizationProps(scope, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
				p.CustomModelName = sfn.JsonPath_StringAt(jsii.String("$.modelName"))
				p.JobName = sfn.JsonPath_Format(jsii.String("job-{}"), sfn.JsonPath_StringAt(jsii.String("$$.Execution.Name")))
				p.StateName = jsii.String("Customize the model")
				p.ResultPath = jsii.String("$.job")
			}))
		}},
		parity.Case{Name: "BedrockCreateModelCustomizationJob/run job", Differs: map[string]string{"Resource": bedrockSync},
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("Task"), customizationProps(scope, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
					p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
				}))
			}},
		parity.Case{Name: "BedrockCreateModelCustomizationJob/JSONata", Differs: map[string]string{"Parameters": bedrockJSONata, "Arguments": bedrockJSONata},
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("Task"), customizationProps(scope, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
					p.QueryLanguage = sfn.QueryLanguage_JSONATA
					p.HyperParameters = &map[string]*string{"epochCount": jsii.String("{% $string($states.input.epochs) %}")}
					p.Outputs = "{% $states.result.JobArn %}"
				}))
			}},

		// EventBridgeSchedulerCreateScheduleTask, from create-schedule.test.ts.
		parity.Case{Name: "EventBridgeSchedulerCreateScheduleTask/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("Task"),
				scheduleProps(scope, tasks.Schedule_Rate(awscdk.Duration_Minutes(jsii.Number(1)))))
		}},
		parity.Case{Name: "EventBridgeSchedulerCreateScheduleTask/all settings", Build: func(scope constructs.Construct) sfn.State {
			group := awsscheduler.NewCfnScheduleGroup(scope, jsii.String("ScheduleGroup"), &awsscheduler.CfnScheduleGroupProps{Name: jsii.String("TestGroup")})
			queue := awssqs.NewQueue(scope, jsii.String("TargetQueue"), nil)
			start := time.Date(2026, 3, 1, 8, 30, 0, 0, time.UTC)
			end := start.Add(time.Hour)
			return tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("Task"), &tasks.EventBridgeSchedulerCreateScheduleTaskProps{
				ScheduleName:          jsii.String("TestSchedule"),
				ActionAfterCompletion: tasks.ActionAfterCompletion_NONE,
				ClientToken:           jsii.String("testToken"),
				Description:           jsii.String("Testdescription"),
				StartDate:             &start,
				EndDate:               &end,
				FlexibleTimeWindow:    awscdk.Duration_Minutes(jsii.Number(5)),
				GroupName:             group.Ref(),
				KmsKey:                awskms.NewKey(scope, jsii.String("Key"), nil),
				Schedule:              tasks.Schedule_Rate(awscdk.Duration_Minutes(jsii.Number(1))),
				Timezone:              jsii.String("UTC"),
				Enabled:               jsii.Bool(true),
				Target: tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{
					Arn:             queue.QueueArn(),
					Role:            schedulerRole(scope),
					RetryPolicy:     &tasks.RetryPolicy{MaximumRetryAttempts: jsii.Number(2), MaximumEventAge: awscdk.Duration_Minutes(jsii.Number(5))},
					DeadLetterQueue: awssqs.NewQueue(scope, jsii.String("DeadLetterQueue"), nil),
				}),
			})
		}},
		parity.Case{Name: "EventBridgeSchedulerCreateScheduleTask/cron schedule, disabled, deleted after completion", Build: func(scope constructs.Construct) sfn.State {
			p := scheduleProps(scope, tasks.Schedule_Cron(&tasks.CronOptions{Minute: jsii.String("0"), Hour: jsii.String("12"), WeekDay: jsii.String("MON")}))
			p.Enabled = jsii.Bool(false)
			p.ActionAfterCompletion = tasks.ActionAfterCompletion_DELETE
			return tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("Task"), p)
		}},
		parity.Case{Name: "EventBridgeSchedulerCreateScheduleTask/rate in hours and days, target input", Build: func(scope constructs.Construct) sfn.State {
			p := scheduleProps(scope, tasks.Schedule_Rate(awscdk.Duration_Hours(jsii.Number(48))))
			p.Target.SetInput(jsii.String(`{"hello":"world"}`))
			p.Description = sfn.JsonPath_StringAt(jsii.String("$.description"))
			return tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("Task"), p)
		}},
		parity.Case{Name: "EventBridgeSchedulerCreateScheduleTask/one-time schedule", Differs: map[string]string{"Parameters.ScheduleExpression": scheduleOneTime},
			Build: func(scope constructs.Construct) sfn.State {
				when := time.Date(2023, 12, 29, 11, 55, 0, 0, time.UTC)
				return tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("Task"), scheduleProps(scope, tasks.Schedule_OneTime(&when)))
			}},
		parity.Case{Name: "EventBridgeSchedulerCreateScheduleTask/JSONata", Build: func(scope constructs.Construct) sfn.State {
			p := scheduleProps(scope, tasks.Schedule_Cron(&tasks.CronOptions{Minute: jsii.String("0"), Hour: jsii.String("12"), Day: jsii.String("29"), Month: jsii.String("12"), Year: jsii.String("2027")}))
			p.QueryLanguage = sfn.QueryLanguage_JSONATA
			p.ScheduleName = jsii.String("{% $states.input.name %}")
			p.Outputs = "{% $states.result.ScheduleArn %}"
			return tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("Task"), p)
		}},

		// MediaConvertCreateJob, from create-job.test.ts.
		parity.Case{Name: "MediaConvertCreateJob/request response", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewMediaConvertCreateJob(scope, jsii.String("Task"), &tasks.MediaConvertCreateJobProps{CreateJobRequest: mediaConvertRequest()})
		}},
		parity.Case{Name: "MediaConvertCreateJob/run job", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewMediaConvertCreateJob(scope, jsii.String("Task"), &tasks.MediaConvertCreateJobProps{
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, CreateJobRequest: mediaConvertRequest()})
		}},
		parity.Case{Name: "MediaConvertCreateJob/values from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewMediaConvertCreateJob(scope, jsii.String("Task"), &tasks.MediaConvertCreateJobProps{
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
				CreateJobRequest: &map[string]interface{}{
					"Role":         sfn.JsonPath_StringAt(jsii.String("$.role")),
					"Queue":        sfn.JsonPath_StringAt(jsii.String("$.queue")),
					"Settings":     map[string]interface{}{"Inputs.$": "$.inputs", "OutputGroups": []interface{}{}},
					"UserMetadata": map[string]interface{}{"execution.$": "$$.Execution.Id"},
				},
				ResultSelector: &map[string]interface{}{"jobId.$": "$.Job.Id"},
				ResultPath:     jsii.String("$.job"),
			})
		}},
		parity.Case{Name: "MediaConvertCreateJob/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewMediaConvertCreateJob(scope, jsii.String("Task"), &tasks.MediaConvertCreateJobProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				CreateJobRequest: &map[string]interface{}{
					"Role":     "{% $states.input.role %}",
					"Settings": map[string]interface{}{"Inputs": "{% $states.input.inputs %}", "OutputGroups": []interface{}{}},
				},
				Outputs: "{% $states.result.Job.Id %}",
			})
		}},
		parity.Case{Name: "MediaConvertCreateJob/state name, comment and timeout", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewMediaConvertCreateJob(scope, jsii.String("Task"), &tasks.MediaConvertCreateJobProps{
				CreateJobRequest: mediaConvertRequest(),
				StateName:        jsii.String("Transcode"),
				Comment:          jsii.String("one rendition"),
				TaskTimeout:      sfn.Timeout_Duration(awscdk.Duration_Hours(jsii.Number(2))),
			})
		}},
	)
}
