package tasks

import (
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
)

// LabelingJobInputConfig is where a labeling job's data objects come
// from: a manifest in S3, or an SNS topic (a streaming job).
type LabelingJobInputConfig struct {
	// ManifestS3Uri: the input manifest (DataSource.S3DataSource); the job
	// role may read it.
	ManifestS3Uri S3Location
	// SnsTopicArn of a streaming job's input (DataSource.SnsDataSource);
	// the job role may subscribe its queue to it.
	SnsTopicArn *string
	// ContentClassifiers (DataAttributes): FreeOfPersonallyIdentifiableInformation,
	// FreeOfAdultContent.
	ContentClassifiers *[]*string
}

// LabelingJobOutputConfig is where a labeling job writes its labels.
type LabelingJobOutputConfig struct {
	// S3OutputPath (required); the job role may write there.
	S3OutputPath S3Location
	// EncryptionKey of the output (KmsKeyId).
	EncryptionKey awskms.IKey
	// SnsTopicArn a streaming job publishes labeled objects to; the job
	// role may publish to it.
	SnsTopicArn *string
}

// LabelingJobPublicWorkforceTaskPrice is what a public (Mechanical Turk)
// worker is paid per task, in US dollars.
type LabelingJobPublicWorkforceTaskPrice struct {
	// Dollars, 0 to 2.
	Dollars *float64
	// Cents, 0 to 99.
	Cents *float64
	// TenthFractionsOfACent, 0 to 9.
	TenthFractionsOfACent *float64
}

// LabelingJobHumanTaskConfig is the work the labelers do.
type LabelingJobHumanTaskConfig struct {
	// WorkteamArn (required): the work team.
	WorkteamArn *string
	// UiTemplate (UiConfig.UiTemplateS3Uri): the worker task template in S3;
	// or give HumanTaskUiArn.
	UiTemplate     S3Location
	HumanTaskUiArn *string
	// PreHumanTaskLambdaArn: the pre-annotation Lambda function (a built-in
	// task type's, or your own, which the job role may invoke).
	PreHumanTaskLambdaArn *string
	// AnnotationConsolidationLambdaArn: the post-annotation Lambda function
	// (AnnotationConsolidationConfig), likewise.
	AnnotationConsolidationLambdaArn *string
	// TaskTitle (required): 1 to 128 characters.
	TaskTitle *string
	// TaskDescription (required): 1 to 255 characters.
	TaskDescription *string
	// TaskKeywords: 1 to 5, each 1 to 30 characters.
	TaskKeywords *[]*string
	// NumberOfHumanWorkersPerDataObject (required): 1 to 9.
	NumberOfHumanWorkersPerDataObject *float64
	// TaskTimeLimit (required): how long a worker has, 30 seconds to 7 days
	// (whole seconds; tasks.DurationAt for a run-time value).
	TaskTimeLimit awscdk.Duration
	// TaskAvailabilityLifetime: how long a task stays available, 60 seconds
	// to 10 days.
	TaskAvailabilityLifetime awscdk.Duration
	// MaxConcurrentTaskCount: 1 to 5000.
	MaxConcurrentTaskCount   *float64
	PublicWorkforceTaskPrice *LabelingJobPublicWorkforceTaskPrice
}

// LabelingJobStoppingConditions end a labeling job early.
type LabelingJobStoppingConditions struct {
	// MaxHumanLabeledObjectCount, at least 1.
	MaxHumanLabeledObjectCount *float64
	// MaxPercentageOfInputDatasetLabeled, 1 to 100.
	MaxPercentageOfInputDatasetLabeled *float64
}

// LabelingJobAlgorithmsConfig turns on automated data labeling.
type LabelingJobAlgorithmsConfig struct {
	// LabelingJobAlgorithmSpecificationArn (required): the built-in
	// algorithm's ARN.
	LabelingJobAlgorithmSpecificationArn *string
	// InitialActiveLearningModelArn: a model from a previous job.
	InitialActiveLearningModelArn *string
	// VolumeEncryptionKey of the training and inference instances
	// (LabelingJobResourceConfig.VolumeKmsKeyId).
	VolumeEncryptionKey awskms.IKey
	// VpcConfig runs those instances in a VPC
	// (LabelingJobResourceConfig.VpcConfig); a security group is created
	// (<task>/LabelingJobSecurityGroup) unless SecurityGroups are given.
	VpcConfig *VpcConfig
}

// SageMakerCreateLabelingJobProps starts a Ground Truth labeling job: there
// is no such class in awsstepfunctionstasks. The names follow
// CreateLabelingJob's, with the SageMaker tasks' CDK types for locations,
// keys, the role and the VPC.
type SageMakerCreateLabelingJobProps struct {
	// LabelingJobName (required): 1–63 letters, digits and hyphens, or dynamic.
	LabelingJobName *string
	// LabelAttributeName (required): the output manifest's label key,
	// 1–127 letters, digits and hyphens.
	LabelAttributeName *string
	// Role the job runs as; it is granted the job's S3, KMS, Lambda and SNS
	// use. Default: a role at <task>/SagemakerRole with only what the job
	// needs.
	Role            awsiam.IRole
	InputConfig     *LabelingJobInputConfig
	OutputConfig    *LabelingJobOutputConfig
	HumanTaskConfig *LabelingJobHumanTaskConfig
	// LabelCategoryConfig (LabelCategoryConfigS3Uri): the label categories
	// file in S3; the job role may read it.
	LabelCategoryConfig         S3Location
	StoppingConditions          *LabelingJobStoppingConditions
	LabelingJobAlgorithmsConfig *LabelingJobAlgorithmsConfig
	// Tags, keys kept as given.
	Tags *map[string]*string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// SageMakerCreateLabelingJob is the task NewSageMakerCreateLabelingJob
// returns: a Task with a role, a grant principal and connections, as the
// SageMaker job tasks.
type SageMakerCreateLabelingJob interface {
	Task
	awsec2.IConnectable
	awsiam.IGrantable
	// Role the job runs as: the given one, or the one the task created.
	Role() awsiam.IRole
	// AddSecurityGroup adds a security group to the automated labeling
	// VpcConfig.
	AddSecurityGroup(securityGroup awsec2.ISecurityGroup)
}

// NewSageMakerCreateLabelingJob starts a Ground Truth labeling job
// (arn:…:states:::sagemaker:createLabelingJob[.sync]): REQUEST_RESPONSE
// (default) or RUN_JOB, which waits for the job to end (Step Functions polls
// DescribeLabelingJob; there is no EventBridge rule for labeling jobs).
// Without a Role, the task creates one (<task>/SagemakerRole).
func NewSageMakerCreateLabelingJob(scope constructs.Construct, id *string, props *SageMakerCreateLabelingJobProps) SageMakerCreateLabelingJob {
	checkProps(scope, id, "SageMakerCreateLabelingJob", props == nil)
	b := newSMBuilder(scope, "SageMakerCreateLabelingJob", "createLabelingJob")
	params := map[string]*Value{
		"LabelingJobName":             b.name("LabelingJobName", props.LabelingJobName, 63, "the job name"),
		"LabelAttributeName":          b.name("LabelAttributeName", props.LabelAttributeName, 127, "the label attribute name"),
		"InputConfig":                 b.labelingInput("InputConfig", props.InputConfig),
		"OutputConfig":                b.labelingOutput("OutputConfig", props.OutputConfig),
		"HumanTaskConfig":             b.humanTask("HumanTaskConfig", props.HumanTaskConfig),
		"LabelCategoryConfigS3Uri":    b.s3("LabelCategoryConfig", props.LabelCategoryConfig, false),
		"StoppingConditions":          b.labelingStop("StoppingConditions", props.StoppingConditions),
		"LabelingJobAlgorithmsConfig": b.labelingAlgorithms("LabelingJobAlgorithmsConfig", props.LabelingJobAlgorithmsConfig),
		"Tags":                        b.tags("Tags", props.Tags),
	}
	params["RoleArn"] = b.role(props.Role)
	// Ground Truth looks up the buckets it reads and writes (the AWS managed
	// AmazonSageMakerGroundTruthExecution policy grants GetBucketLocation
	// with ListBucket).
	var buckets []string
	for _, r := range sortedSet(b.s3Read) {
		if !strings.Contains(r, "/") {
			buckets = append(buckets, r)
		}
	}
	if len(buckets) > 0 {
		b.grants = append(b.grants, Statement{Actions: []string{"s3:GetBucketLocation"}, Resources: buckets})
	}
	b.spec.Params = obj(flatten(params)...)
	return b.newJobState(scope, id, props)
}

func (b *smBuilder) labelingInput(prop string, c *LabelingJobInputConfig) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		b.problem(prop, "required: the input manifest (ManifestS3Uri) or, for a streaming job, SnsTopicArn")
		return nil
	}
	source := map[string]*Value{}
	if c.ManifestS3Uri != nil {
		source["S3DataSource"] = obj("ManifestS3Uri", b.s3(prop+".ManifestS3Uri", c.ManifestS3Uri, false))
	}
	if topic := b.field(prop+".SnsTopicArn", c.SnsTopicArn); topic != nil {
		source["SnsDataSource"] = obj("SnsTopicArn", topic)
		b.streamingInput(topic)
	}
	if len(source) == 0 {
		b.problem(prop, "give ManifestS3Uri, or SnsTopicArn for a streaming job")
	}
	var attrs *Value
	if v := b.strings(prop+".ContentClassifiers", c.ContentClassifiers); v != nil {
		if !v.IsExpression() {
			for i, item := range v.Items() {
				if s, ok := literalString(item); ok && s != "FreeOfPersonallyIdentifiableInformation" && s != "FreeOfAdultContent" {
					b.problem(prop+".ContentClassifiers["+strconv.Itoa(i)+"]", "must be FreeOfPersonallyIdentifiableInformation or FreeOfAdultContent (or dynamic), got %q", s)
				}
			}
		}
		attrs = obj("ContentClassifiers", v)
	}
	return obj("DataSource", obj(flatten(source)...), "DataAttributes", attrs)
}

// streamingInput grants the job role what a streaming job does with its
// input topic, as AmazonSageMakerGroundTruthExecution: it subscribes a
// Ground Truth queue of the account to the topic and reads that queue.
func (b *smBuilder) streamingInput(topic *Value) {
	arn, ok := literalString(topic)
	if !ok {
		arn = b.env.ARN("sns", "*")
	}
	queues := b.env.ARN("sqs", "*GroundTruth*")
	b.grants = append(b.grants,
		Statement{Actions: []string{"sns:Subscribe"}, Resources: []string{arn},
			Conditions: map[string]map[string]any{"StringEquals": {"sns:Protocol": "sqs"}, "StringLike": {"sns:Endpoint": queues}}},
		// sns:Unsubscribe is authorized on the subscription, whose ARN is
		// known once it exists.
		Statement{Actions: []string{"sns:Unsubscribe"}, Resources: []string{"*"}},
		Statement{Actions: []string{"sqs:CreateQueue", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl",
			"sqs:ReceiveMessage", "sqs:SendMessage", "sqs:SetQueueAttributes"}, Resources: []string{queues}})
}

func (b *smBuilder) labelingOutput(prop string, c *LabelingJobOutputConfig) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		b.problem(prop, "required: where the labels go (S3OutputPath)")
		return nil
	}
	topic := b.field(prop+".SnsTopicArn", c.SnsTopicArn)
	if topic != nil {
		arn, ok := literalString(topic)
		if !ok {
			arn = b.env.ARN("sns", "*")
		}
		b.grants = append(b.grants, Statement{Actions: []string{"sns:Publish"}, Resources: []string{arn}})
	}
	return obj(
		"S3OutputPath", b.required(prop+".S3OutputPath", b.s3(prop+".S3OutputPath", c.S3OutputPath, true), "the S3 location of the labels"),
		"KmsKeyId", b.key(prop+".EncryptionKey", c.EncryptionKey, "kms:Encrypt", "kms:GenerateDataKey"),
		"SnsTopicArn", topic)
}

func (b *smBuilder) humanTask(prop string, c *LabelingJobHumanTaskConfig) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		b.problem(prop, "required: the work team, the task UI and the task's title, description, workers and time limit")
		return nil
	}
	var ui *Value
	switch {
	case c.UiTemplate != nil && c.HumanTaskUiArn != nil:
		b.problem(prop+".UiTemplate", "give UiTemplate or HumanTaskUiArn, not both")
	case c.UiTemplate != nil:
		ui = obj("UiTemplateS3Uri", b.s3(prop+".UiTemplate", c.UiTemplate, false))
	case c.HumanTaskUiArn != nil:
		ui = obj("HumanTaskUiArn", b.field(prop+".HumanTaskUiArn", c.HumanTaskUiArn))
	default:
		b.problem(prop+".UiTemplate", "required: the worker task template (UiTemplate) or a HumanTaskUiArn")
	}
	title := b.required(prop+".TaskTitle", b.field(prop+".TaskTitle", c.TaskTitle), "the task's title")
	b.textLength(prop+".TaskTitle", title, 128)
	description := b.required(prop+".TaskDescription", b.field(prop+".TaskDescription", c.TaskDescription), "the task's description")
	b.textLength(prop+".TaskDescription", description, 255)
	keywords := b.strings(prop+".TaskKeywords", c.TaskKeywords)
	if keywords != nil && !keywords.IsExpression() {
		if n := len(keywords.Items()); n < 1 || n > 5 {
			b.problem(prop+".TaskKeywords", "give 1 to 5 keywords, got %d", n)
		}
		for i, k := range keywords.Items() {
			b.textLength(prop+".TaskKeywords["+strconv.Itoa(i)+"]", k, 30)
		}
	}
	var consolidation *Value
	if c.AnnotationConsolidationLambdaArn != nil {
		consolidation = obj("AnnotationConsolidationLambdaArn", b.lambda(prop+".AnnotationConsolidationLambdaArn", c.AnnotationConsolidationLambdaArn))
	}
	var price *Value
	if p := c.PublicWorkforceTaskPrice; p != nil {
		if v, ok := standing(p); ok {
			price = v
		} else {
			at := prop + ".PublicWorkforceTaskPrice"
			price = obj("AmountInUsd", obj(
				"Dollars", b.number(at+".Dollars", p.Dollars, 0, 2),
				"Cents", b.number(at+".Cents", p.Cents, 0, 99),
				"TenthFractionsOfACent", b.number(at+".TenthFractionsOfACent", p.TenthFractionsOfACent, 0, 9)))
		}
	}
	return obj(
		"WorkteamArn", b.required(prop+".WorkteamArn", b.field(prop+".WorkteamArn", c.WorkteamArn), "the work team's ARN"),
		"UiConfig", ui,
		"PreHumanTaskLambdaArn", b.lambda(prop+".PreHumanTaskLambdaArn", c.PreHumanTaskLambdaArn),
		"AnnotationConsolidationConfig", consolidation,
		"TaskTitle", title,
		"TaskDescription", description,
		"TaskKeywords", keywords,
		"NumberOfHumanWorkersPerDataObject", b.required(prop+".NumberOfHumanWorkersPerDataObject",
			b.number(prop+".NumberOfHumanWorkersPerDataObject", c.NumberOfHumanWorkersPerDataObject, 1, 9), "the number of workers per data object"),
		"TaskTimeLimitInSeconds", b.required(prop+".TaskTimeLimit",
			b.whole(prop+".TaskTimeLimit", durationIn(b.spec, prop+".TaskTimeLimit", c.TaskTimeLimit, engine.Second), 30, 604800), "how long a worker has"),
		"TaskAvailabilityLifetimeInSeconds", b.whole(prop+".TaskAvailabilityLifetime",
			durationIn(b.spec, prop+".TaskAvailabilityLifetime", c.TaskAvailabilityLifetime, engine.Second), 60, 864000),
		"MaxConcurrentTaskCount", b.number(prop+".MaxConcurrentTaskCount", c.MaxConcurrentTaskCount, 1, 5000),
		"PublicWorkforceTaskPrice", price)
}

// lambda converts a Lambda function ARN the job invokes and grants the job
// role lambda:InvokeFunction on it (on the account's functions in this
// region when it is decided at run time). A built-in task type's function
// belongs to AWS: the grant is then unused, and harmless.
func (b *smBuilder) lambda(prop string, arn *string) *Value {
	v := b.field(prop, arn)
	if v == nil {
		return nil
	}
	resource, ok := literalString(v)
	switch {
	case ok && !strings.HasPrefix(resource, "arn:"):
		b.problem(prop, "%q is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)", resource)
	case !ok:
		if s, isToken := v.String(); isToken {
			resource = s // a CDK token: the function's ARN
		} else {
			resource = b.env.ARN("lambda", "function:*")
		}
	}
	b.grants = append(b.grants, Statement{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{resource}})
	return v
}

// textLength checks a literal text is 1 to max characters.
func (b *smBuilder) textLength(prop string, v *Value, max int) {
	if s, ok := literalString(v); ok {
		if n := len([]rune(s)); n < 1 || n > max {
			b.problem(prop, "must be 1 to %d characters, got %d", max, n)
		}
	}
}

func (b *smBuilder) labelingStop(prop string, c *LabelingJobStoppingConditions) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		return nil
	}
	return obj(
		"MaxHumanLabeledObjectCount", b.number(prop+".MaxHumanLabeledObjectCount", c.MaxHumanLabeledObjectCount, 1, -1),
		"MaxPercentageOfInputDatasetLabeled", b.number(prop+".MaxPercentageOfInputDatasetLabeled", c.MaxPercentageOfInputDatasetLabeled, 1, 100))
}

func (b *smBuilder) labelingAlgorithms(prop string, c *LabelingJobAlgorithmsConfig) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		return nil
	}
	var vpc *Value
	if v := c.VpcConfig; v != nil {
		vpc = b.vpcConfig(prop+".VpcConfig", v.Vpc, v.Subnets, v.SecurityGroups, "LabelingJobSecurityGroup", false)
	}
	return obj(
		"LabelingJobAlgorithmSpecificationArn", b.required(prop+".LabelingJobAlgorithmSpecificationArn",
			b.field(prop+".LabelingJobAlgorithmSpecificationArn", c.LabelingJobAlgorithmSpecificationArn), "the built-in algorithm's ARN"),
		"InitialActiveLearningModelArn", b.field(prop+".InitialActiveLearningModelArn", c.InitialActiveLearningModelArn),
		"LabelingJobResourceConfig", obj(
			"VolumeKmsKeyId", b.key(prop+".VolumeEncryptionKey", c.VolumeEncryptionKey, "kms:CreateGrant"),
			"VpcConfig", vpc))
}
