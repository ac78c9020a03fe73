package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	gtWorkteam = "arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/labelers"
	gtPre      = "arn:aws:lambda:eu-west-1:111122223333:function:PRE-TextMultiClass"
	gtACS      = "arn:aws:lambda:eu-west-1:111122223333:function:ACS-TextMultiClass"
	gtRole     = "arn:aws:iam::111122223333:role/ground-truth"
)

func labelingProps(mod func(p *tasks.SageMakerCreateLabelingJobProps)) *tasks.SageMakerCreateLabelingJobProps {
	p := &tasks.SageMakerCreateLabelingJobProps{
		LabelingJobName:    jsii.String("Reviews-1"),
		LabelAttributeName: jsii.String("sentiment"),
		InputConfig: &tasks.LabelingJobInputConfig{ManifestS3Uri: tasks.S3Location_FromUri(jsii.String("s3://gt-in/reviews/manifest.json")),
			ContentClassifiers: jsii.Strings("FreeOfPersonallyIdentifiableInformation")},
		OutputConfig:        &tasks.LabelingJobOutputConfig{S3OutputPath: tasks.S3Location_FromUri(jsii.String("s3://gt-out/labels/"))},
		LabelCategoryConfig: tasks.S3Location_FromUri(jsii.String("s3://gt-in/reviews/categories.json")),
		HumanTaskConfig: &tasks.LabelingJobHumanTaskConfig{
			WorkteamArn:                       jsii.String(gtWorkteam),
			UiTemplate:                        tasks.S3Location_FromUri(jsii.String("s3://gt-in/ui/text.liquid.html")),
			PreHumanTaskLambdaArn:             jsii.String(gtPre),
			AnnotationConsolidationLambdaArn:  jsii.String(gtACS),
			TaskTitle:                         jsii.String("Classify the review"),
			TaskDescription:                   jsii.String("Is the review positive, negative or neutral?"),
			TaskKeywords:                      jsii.Strings("text", "classification"),
			NumberOfHumanWorkersPerDataObject: jsii.Number(3),
			TaskTimeLimit:                     awscdk.Duration_Minutes(jsii.Number(5)),
		},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

// The request as CreateLabelingJob takes it, the state machine's exact
// statements, and the least-privilege job role the task creates.
func TestSageMakerCreateLabelingJobRenderingAndIAM(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), labelingProps(func(p *tasks.SageMakerCreateLabelingJobProps) {
		p.StoppingConditions = &tasks.LabelingJobStoppingConditions{MaxHumanLabeledObjectCount: jsii.Number(1000), MaxPercentageOfInputDatasetLabeled: jsii.Number(90)}
		p.HumanTaskConfig.TaskAvailabilityLifetime = awscdk.Duration_Hours(jsii.Number(6))
		p.HumanTaskConfig.MaxConcurrentTaskCount = jsii.Number(100)
		p.Tags = &map[string]*string{"team": jsii.String("ml")}
	}))
	tpl := smMachine(t, stack, task)
	st := cdktest.Definition(t, tpl)["States"].(map[string]any)["Label"].(map[string]any)
	assert.Equal(t, "arn:"+partition+":states:::sagemaker:createLabelingJob", st["Resource"])
	params := st["Parameters"].(map[string]any)
	assert.Contains(t, smJSON(params["RoleArn"]), "LabelSagemakerRole", "the role the task created")
	delete(params, "RoleArn")
	assert.JSONEq(t, `{
		"LabelingJobName": "Reviews-1",
		"LabelAttributeName": "sentiment",
		"InputConfig": {"DataSource": {"S3DataSource": {"ManifestS3Uri": "s3://gt-in/reviews/manifest.json"}},
			"DataAttributes": {"ContentClassifiers": ["FreeOfPersonallyIdentifiableInformation"]}},
		"OutputConfig": {"S3OutputPath": "s3://gt-out/labels/"},
		"LabelCategoryConfigS3Uri": "s3://gt-in/reviews/categories.json",
		"HumanTaskConfig": {
			"WorkteamArn": "`+gtWorkteam+`",
			"UiConfig": {"UiTemplateS3Uri": "s3://gt-in/ui/text.liquid.html"},
			"PreHumanTaskLambdaArn": "`+gtPre+`",
			"AnnotationConsolidationConfig": {"AnnotationConsolidationLambdaArn": "`+gtACS+`"},
			"TaskTitle": "Classify the review",
			"TaskDescription": "Is the review positive, negative or neutral?",
			"TaskKeywords": ["text", "classification"],
			"NumberOfHumanWorkersPerDataObject": 3,
			"TaskTimeLimitInSeconds": 300,
			"TaskAvailabilityLifetimeInSeconds": 21600,
			"MaxConcurrentTaskCount": 100
		},
		"StoppingConditions": {"MaxHumanLabeledObjectCount": 1000, "MaxPercentageOfInputDatasetLabeled": 90},
		"Tags": [{"Key": "team", "Value": "ml"}]
	}`, smJSON(params))

	sm := smMachineStatements(t, tpl)
	job := "arn:" + partition + ":sagemaker:" + region + ":" + account + ":labeling-job/"
	require.Len(t, sm, 2)
	assert.Equal(t, []string{"sagemaker:CreateLabelingJob", "sagemaker:AddTags", "sagemaker:ListTags"}, sm[1]["Action"])
	assert.Equal(t, []string{job + "Reviews-1", job + "reviews-1"}, sm[1]["Resource"], "the name as given and as SageMaker writes it in ARNs")
	assert.Equal(t, []string{"iam:PassRole"}, sm[0]["Action"])
	assert.Equal(t, map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "sagemaker.amazonaws.com"}}, sm[0]["Condition"])

	props, role := smJobRole(t, tpl)
	assert.Nil(t, props["ManagedPolicyArns"], "no managed policy")
	p := "arn:" + partition
	assert.JSONEq(t, smJSON([]map[string]any{
		{"Action": []string{"cloudwatch:PutMetricData"}, "Condition": map[string]any{"StringLike": map[string]any{"cloudwatch:namespace": "/aws/sagemaker/*"}}, "Effect": "Allow", "Resource": []string{"*"}},
		{"Action": []string{"lambda:InvokeFunction"}, "Effect": "Allow", "Resource": []string{gtACS, gtPre}},
		{"Action": []string{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"}, "Effect": "Allow", "Resource": []string{p + ":logs:" + region + ":" + account + ":log-group:/aws/sagemaker/*"}},
		{"Action": []string{"s3:GetBucketLocation"}, "Effect": "Allow", "Resource": []string{p + ":s3:::gt-in", p + ":s3:::gt-out"}},
		{"Action": []string{"s3:GetObject"}, "Effect": "Allow", "Resource": []string{p + ":s3:::gt-in/reviews/categories.json*", p + ":s3:::gt-in/reviews/manifest.json*", p + ":s3:::gt-in/ui/text.liquid.html*"}},
		{"Action": []string{"s3:ListBucket"}, "Effect": "Allow", "Resource": []string{p + ":s3:::gt-in", p + ":s3:::gt-out"}},
		{"Action": []string{"s3:PutObject", "s3:AbortMultipartUpload"}, "Effect": "Allow", "Resource": []string{p + ":s3:::gt-out/labels/*"}},
	}), smJSON(role))
}

// RUN_JOB polls DescribeLabelingJob and stops the job when the state is
// stopped: Describe and Stop, and no EventBridge rule (SageMaker sends none
// for labeling jobs). A dynamic name narrows to the tightest wildcard; a
// given role is passed as it is.
func TestSageMakerCreateLabelingJobRunJobIAM(t *testing.T) {
	tests := []struct {
		name string
		job  *string
		want []string
	}{
		{"run-time name", tasks.StringAt("$.name"), []string{"labeling-job/*"}},
		{"States.Format name", tasks.StringAt("States.Format('reviews-{}', $$.Execution.Name)"), []string{"labeling-job/reviews-*"}},
		{"lower-case literal", jsii.String("reviews"), []string{"labeling-job/reviews"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), labelingProps(func(p *tasks.SageMakerCreateLabelingJobProps) {
				p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
				p.LabelingJobName = tt.job
				p.Role = awsiam.Role_FromRoleArn(stack, jsii.String("Role"), jsii.String(gtRole), nil)
			}))
			tpl := smMachine(t, stack, task)
			assert.Equal(t, "arn:"+partition+":states:::sagemaker:createLabelingJob.sync", state(t, tpl, "Label")["Resource"])
			var resources []string
			for _, r := range tt.want {
				resources = append(resources, arn("sagemaker", r))
			}
			assert.Equal(t, cdktest.SortedStatements([]map[string]any{
				stmt([]string{"sagemaker:CreateLabelingJob", "sagemaker:DescribeLabelingJob", "sagemaker:StopLabelingJob", "sagemaker:AddTags", "sagemaker:ListTags"}, resources...),
				passRoleTo("sagemaker.amazonaws.com", gtRole),
			}), smMachineStatements(t, tpl))
		})
	}
}

// Every field may be decided at run time; a JSONata state renders Arguments.
func TestSageMakerCreateLabelingJobDynamic(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), &tasks.SageMakerCreateLabelingJobProps{
		LabelingJobName:    tasks.StringAt("$.name"),
		LabelAttributeName: tasks.StringAt("$.attribute"),
		Role:               awsiam.Role_FromRoleArn(stack, jsii.String("Role"), jsii.String(gtRole), nil),
		InputConfig:        tasks.ValueAt[tasks.LabelingJobInputConfig]("$.input"),
		OutputConfig:       &tasks.LabelingJobOutputConfig{S3OutputPath: tasks.S3Location_FromJsonExpression(jsii.String("$.output")), SnsTopicArn: tasks.StringAt("$.topic")},
		HumanTaskConfig: &tasks.LabelingJobHumanTaskConfig{
			WorkteamArn: tasks.StringAt("$.team"), HumanTaskUiArn: tasks.StringAt("$.ui"),
			PreHumanTaskLambdaArn: tasks.StringAt("$.pre"),
			TaskTitle:             tasks.StringAt("$.title"), TaskDescription: tasks.StringAt("$.description"), TaskKeywords: tasks.ListAt("$.keywords"),
			NumberOfHumanWorkersPerDataObject: tasks.NumberAt("$.workers"), TaskTimeLimit: tasks.DurationAt("$.seconds"),
			PublicWorkforceTaskPrice: &tasks.LabelingJobPublicWorkforceTaskPrice{Cents: tasks.NumberAt("$.cents")},
		},
		StoppingConditions: tasks.ValueAt[tasks.LabelingJobStoppingConditions]("$.stop"),
	})
	tpl := smMachine(t, stack, task)
	params := state(t, tpl, "Label")["Parameters"].(map[string]any)
	assert.JSONEq(t, `{
		"LabelingJobName.$": "$.name", "LabelAttributeName.$": "$.attribute", "RoleArn": "`+gtRole+`",
		"InputConfig.$": "$.input",
		"OutputConfig": {"S3OutputPath.$": "$.output", "SnsTopicArn.$": "$.topic"},
		"HumanTaskConfig": {"WorkteamArn.$": "$.team", "UiConfig": {"HumanTaskUiArn.$": "$.ui"}, "PreHumanTaskLambdaArn.$": "$.pre",
			"TaskTitle.$": "$.title", "TaskDescription.$": "$.description", "TaskKeywords.$": "$.keywords",
			"NumberOfHumanWorkersPerDataObject.$": "$.workers", "TaskTimeLimitInSeconds.$": "$.seconds",
			"PublicWorkforceTaskPrice": {"AmountInUsd": {"Cents.$": "$.cents"}}},
		"StoppingConditions.$": "$.stop"
	}`, smJSON(params))

	// A given role gets the job's grants: S3 anywhere (the output is decided
	// at run time), the account's functions in this region, the topic.
	got := smJSON(cdktest.RoleStatements(t, tpl))
	assert.Contains(t, got, `"Action":["lambda:InvokeFunction"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*"]`)
	assert.Contains(t, got, `"Action":["sns:Publish"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*"]`)

	jsonata := cdktest.NewStack()
	j := tasks.NewSageMakerCreateLabelingJob(jsonata, jsii.String("Label"), labelingProps(func(p *tasks.SageMakerCreateLabelingJobProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.LabelingJobName = jsii.String("{% $states.input.name %}")
	}))
	args := state(t, smMachine(t, jsonata, j), "Label")["Arguments"].(map[string]any)
	assert.Equal(t, "{% $states.input.name %}", args["LabelingJobName"])
}

// A streaming job: the job role may subscribe a Ground Truth queue to the
// input topic and read it, and publish to the output topic.
func TestSageMakerCreateLabelingJobStreaming(t *testing.T) {
	stack := cdktest.NewStack()
	in := "arn:aws:sns:eu-west-1:111122223333:gt-input"
	out := "arn:aws:sns:eu-west-1:111122223333:gt-output"
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	task := tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), labelingProps(func(p *tasks.SageMakerCreateLabelingJobProps) {
		p.InputConfig = &tasks.LabelingJobInputConfig{SnsTopicArn: jsii.String(in)}
		p.OutputConfig.SnsTopicArn = jsii.String(out)
		p.OutputConfig.EncryptionKey = key
	}))
	tpl := smMachine(t, stack, task)
	params := state(t, tpl, "Label")["Parameters"].(map[string]any)
	assert.JSONEq(t, `{"DataSource":{"SnsDataSource":{"SnsTopicArn":"`+in+`"}}}`, smJSON(params["InputConfig"]))
	_, role := smJobRole(t, tpl)
	got := smJSON(role)
	assert.Contains(t, got, `{"Action":["sns:Subscribe"],"Condition":{"StringEquals":{"sns:Protocol":"sqs"},"StringLike":{"sns:Endpoint":{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":sqs:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":*GroundTruth*"]]}}},"Effect":"Allow","Resource":["`+in+`"]}`)
	assert.Contains(t, got, `{"Action":["sns:Publish"],"Effect":"Allow","Resource":["`+out+`"]}`)
	assert.Contains(t, got, `"sqs:ReceiveMessage"`)
	assert.Contains(t, got, `{"Action":["kms:Encrypt","kms:GenerateDataKey"]`)
}

func TestSageMakerCreateLabelingJobErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *tasks.SageMakerCreateLabelingJobProps)
		want string
	}{
		{"no name", func(p *tasks.SageMakerCreateLabelingJobProps) { p.LabelingJobName = nil }, "LabelingJobName: required"},
		{"bad name", func(p *tasks.SageMakerCreateLabelingJobProps) { p.LabelingJobName = jsii.String("my_job") }, `LabelingJobName: "my_job" is not a valid name`},
		{"name too long", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.LabelingJobName = jsii.String(strings.Repeat("a", 64))
		}, "LabelingJobName: "},
		{"no label attribute", func(p *tasks.SageMakerCreateLabelingJobProps) { p.LabelAttributeName = nil }, "LabelAttributeName: required"},
		{"no input", func(p *tasks.SageMakerCreateLabelingJobProps) { p.InputConfig = nil }, "InputConfig: required"},
		{"empty input", func(p *tasks.SageMakerCreateLabelingJobProps) { p.InputConfig = &tasks.LabelingJobInputConfig{} }, "InputConfig: give ManifestS3Uri, or SnsTopicArn"},
		{"bad classifier", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.InputConfig.ContentClassifiers = jsii.Strings("Safe")
		},
			"InputConfig.ContentClassifiers[0]: must be FreeOfPersonallyIdentifiableInformation or FreeOfAdultContent"},
		{"manifest not S3", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.InputConfig.ManifestS3Uri = tasks.S3Location_FromUri(jsii.String("gt-in/manifest.json"))
		}, "InputConfig.ManifestS3Uri: must be an s3:// URI"},
		{"no output", func(p *tasks.SageMakerCreateLabelingJobProps) { p.OutputConfig = nil }, "OutputConfig: required"},
		{"no output path", func(p *tasks.SageMakerCreateLabelingJobProps) { p.OutputConfig = &tasks.LabelingJobOutputConfig{} }, "OutputConfig.S3OutputPath: required"},
		{"no human task", func(p *tasks.SageMakerCreateLabelingJobProps) { p.HumanTaskConfig = nil }, "HumanTaskConfig: required"},
		{"no work team", func(p *tasks.SageMakerCreateLabelingJobProps) { p.HumanTaskConfig.WorkteamArn = nil }, "HumanTaskConfig.WorkteamArn: required"},
		{"no UI", func(p *tasks.SageMakerCreateLabelingJobProps) { p.HumanTaskConfig.UiTemplate = nil }, "HumanTaskConfig.UiTemplate: required"},
		{"two UIs", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.HumanTaskUiArn = jsii.String("arn:aws:sagemaker:eu-west-1:111122223333:human-task-ui/t")
		},
			"HumanTaskConfig.UiTemplate: give UiTemplate or HumanTaskUiArn, not both"},
		{"title too long", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.TaskTitle = jsii.String(strings.Repeat("t", 129))
		},
			"HumanTaskConfig.TaskTitle: must be 1 to 128 characters, got 129"},
		{"no description", func(p *tasks.SageMakerCreateLabelingJobProps) { p.HumanTaskConfig.TaskDescription = nil }, "HumanTaskConfig.TaskDescription: required"},
		{"six keywords", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.TaskKeywords = jsii.Strings("a", "b", "c", "d", "e", "f")
		}, "HumanTaskConfig.TaskKeywords: give 1 to 5 keywords, got 6"},
		{"keyword too long", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.TaskKeywords = jsii.Strings(strings.Repeat("k", 31))
		},
			"HumanTaskConfig.TaskKeywords[0]: must be 1 to 30 characters, got 31"},
		{"ten workers", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.NumberOfHumanWorkersPerDataObject = jsii.Number(10)
		},
			"HumanTaskConfig.NumberOfHumanWorkersPerDataObject: must be a whole number from 1 to 9, got 10"},
		{"no workers", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.NumberOfHumanWorkersPerDataObject = nil
		},
			"HumanTaskConfig.NumberOfHumanWorkersPerDataObject: required"},
		{"time limit too short", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.TaskTimeLimit = awscdk.Duration_Seconds(jsii.Number(10))
		},
			"HumanTaskConfig.TaskTimeLimit: must be a whole number from 30 to 604800, got 10"},
		{"no time limit", func(p *tasks.SageMakerCreateLabelingJobProps) { p.HumanTaskConfig.TaskTimeLimit = nil }, "HumanTaskConfig.TaskTimeLimit: required"},
		{"lifetime too long", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.TaskAvailabilityLifetime = awscdk.Duration_Days(jsii.Number(11))
		}, "HumanTaskConfig.TaskAvailabilityLifetime: must be a whole number from 60 to 864000, got 950400"},
		{"concurrency", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.MaxConcurrentTaskCount = jsii.Number(5001)
		},
			"HumanTaskConfig.MaxConcurrentTaskCount: must be a whole number from 1 to 5000, got 5001"},
		{"price", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.PublicWorkforceTaskPrice = &tasks.LabelingJobPublicWorkforceTaskPrice{Cents: jsii.Number(100)}
		}, "HumanTaskConfig.PublicWorkforceTaskPrice.Cents: must be a whole number from 0 to 99, got 100"},
		{"lambda not an ARN", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.HumanTaskConfig.PreHumanTaskLambdaArn = jsii.String("PRE-TextMultiClass")
		},
			`HumanTaskConfig.PreHumanTaskLambdaArn: "PRE-TextMultiClass" is not a Lambda function ARN`},
		{"stop percentage", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.StoppingConditions = &tasks.LabelingJobStoppingConditions{MaxPercentageOfInputDatasetLabeled: jsii.Number(101)}
		}, "StoppingConditions.MaxPercentageOfInputDatasetLabeled: must be a whole number from 1 to 100, got 101"},
		{"stop count", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.StoppingConditions = &tasks.LabelingJobStoppingConditions{MaxHumanLabeledObjectCount: jsii.Number(0)}
		}, "StoppingConditions.MaxHumanLabeledObjectCount: must be a whole number of at least 1, got 0"},
		{"algorithm without its ARN", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.LabelingJobAlgorithmsConfig = &tasks.LabelingJobAlgorithmsConfig{}
		}, "LabelingJobAlgorithmsConfig.LabelingJobAlgorithmSpecificationArn: required"},
		{"callback", func(p *tasks.SageMakerCreateLabelingJobProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.LabelAttributeName = tasks.StringAt("$$.Task.Token")
		}, "WAIT_FOR_TASK_TOKEN is not supported by sagemaker:createLabelingJob; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), labelingProps(tt.mod)) })
			assert.Contains(t, msg, tt.want)
		})
	}
	stack := cdktest.NewStack()
	assert.Contains(t, validationError(t, func() { tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Nil"), nil) }),
		"props: required; give &tasks.SageMakerCreateLabelingJobProps{...}")
}

// Automated labeling in a VPC: the task creates the security group, the
// job role gets the network interfaces and the volume key.
func TestSageMakerCreateLabelingJobAutomatedLabeling(t *testing.T) {
	stack := cdktest.NewStack()
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	task := tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), labelingProps(func(p *tasks.SageMakerCreateLabelingJobProps) {
		p.LabelingJobAlgorithmsConfig = &tasks.LabelingJobAlgorithmsConfig{
			LabelingJobAlgorithmSpecificationArn: jsii.String("arn:aws:sagemaker:eu-west-1:027400017018:labeling-job-algorithm-specification/text-classification"),
			VolumeEncryptionKey:                  key,
			VpcConfig:                            &tasks.VpcConfig{Vpc: vpc},
		}
	}))
	assert.Len(t, *task.Connections().SecurityGroups(), 1)
	tpl := smMachine(t, stack, task)
	cfg := state(t, tpl, "Label")["Parameters"].(map[string]any)["LabelingJobAlgorithmsConfig"].(map[string]any)
	res := cfg["LabelingJobResourceConfig"].(map[string]any)
	assert.Contains(t, smJSON(res["VpcConfig"]), "LabelLabelingJobSecurityGroup")
	assert.Contains(t, smJSON(res["VolumeKmsKeyId"]), "Key")
	_, role := smJobRole(t, tpl)
	assert.Contains(t, smJSON(role), `"ec2:CreateNetworkInterface"`)
	assert.Contains(t, smJSON(role), `{"Action":["kms:CreateGrant"]`)
}

// The definition validates, and a local run reaches the service with the
// values resolved; a failed job is caught.
func TestSageMakerCreateLabelingJobRun(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSageMakerCreateLabelingJob(stack, jsii.String("Label"), labelingProps(func(p *tasks.SageMakerCreateLabelingJobProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.LabelingJobName = tasks.StringAt("States.Format('reviews-{}', $.batch)")
		p.Role = awsiam.Role_FromRoleArn(stack, jsii.String("Role"), jsii.String(gtRole), nil)
		p.ResultPath = jsii.String("$.job")
	}))
	failed := sfn.NewPass(stack, jsii.String("Not labeled"), nil)
	task.AddCatch(failed, &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	integ.Validate(t, stack)

	var got any
	res := integ.Run(t, stack, sm, map[string]any{"batch": "7"}, integ.Mocks{
		"Label": integ.Func(func(in any) (any, error) {
			got = in
			return map[string]any{"LabelingJobArn": "arn:aws:sagemaker:eu-west-1:111122223333:labeling-job/reviews-7", "LabelingJobStatus": "Completed"}, nil
		}),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "reviews-7", got.(map[string]any)["LabelingJobName"])
	assert.Equal(t, "Completed", res.Output.(map[string]any)["job"].(map[string]any)["LabelingJobStatus"])

	caught := integ.Run(t, stack, sm, map[string]any{"batch": "8"}, integ.Mocks{
		"Label": integ.Fail("SageMaker.AmazonSageMakerException", "Labeling job failed"),
	})
	require.True(t, caught.Succeeded(), caught.History())
	assert.Equal(t, "SageMaker.AmazonSageMakerException", caught.Output.(map[string]any)["error"].(map[string]any)["Error"])
}

// Built in a fragments.Workflow, the task renders the same definition as
// on the CDK path, its role under it.
func TestSageMakerCreateLabelingJobInWorkflow(t *testing.T) {
	cdkStack := cdktest.NewStack()
	cdkTask := tasks.NewSageMakerCreateLabelingJob(cdkStack, jsii.String("Label"), labelingProps(nil))
	cdkTpl := smMachine(t, cdkStack, cdkTask)

	goStack := cdktest.NewStack()
	flow := fragments.NewWorkflow(goStack, jsii.String("Flow"))
	goTask := tasks.NewSageMakerCreateLabelingJob(flow, jsii.String("Label"), labelingProps(nil))
	fragments.NewStateMachine(goStack, jsii.String("SM"), goTask, &sfn.StateMachineProps{})
	goTpl := cdktest.Template(t, goStack)
	assert.Equal(t, "Test/Flow/Label/SagemakerRole", *goTask.Role().Node().Path())

	strip := func(def map[string]any) map[string]any {
		params := def["States"].(map[string]any)["Label"].(map[string]any)["Parameters"].(map[string]any)
		assert.Contains(t, smJSON(params["RoleArn"]), "SagemakerRole")
		delete(params, "RoleArn") // the created role's logical ID differs by path
		return def
	}
	assert.Equal(t, strip(cdktest.Definition(t, cdkTpl)), strip(cdktest.Definition(t, goTpl)))
}
