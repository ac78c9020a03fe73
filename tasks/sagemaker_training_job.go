package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// AlgorithmSpecification names the training algorithm: AlgorithmName or
// TrainingImage, not both.
type AlgorithmSpecification struct {
	// AlgorithmName of an algorithm resource (1–170 characters).
	AlgorithmName     *string
	MetricDefinitions *[]*MetricDefinition
	TrainingImage     *DockerImage
	// TrainingInputMode: default File.
	TrainingInputMode InputMode
}

// Channel is one named training input.
type Channel struct {
	ChannelName       *string
	CompressionType   CompressionType
	ContentType       *string
	DataSource        *DataSource
	InputMode         InputMode
	RecordWrapperType RecordWrapperType
	ShuffleConfig     *ShuffleConfig
}

// ShuffleConfig shuffles a channel's input.
type ShuffleConfig struct{ Seed *Value }

// DataSource of a channel.
type DataSource struct{ S3DataSource *S3DataSource }

// S3DataSource is a channel's S3 input.
type S3DataSource struct {
	AttributeNames         *[]*string
	S3DataDistributionType S3DataDistributionType
	// S3DataType: default S3Prefix.
	S3DataType S3DataType
	S3Location *S3Location
}

// OutputDataConfig is where the model artifacts go.
type OutputDataConfig struct {
	EncryptionKey    awskms.IKey
	S3OutputLocation *S3Location
}

// SageMakerCreateTrainingJobProps mirrors awsstepfunctionstasks.SageMakerCreateTrainingJobProps.
type SageMakerCreateTrainingJobProps struct {
	// TrainingJobName: 1–63 letters, digits and hyphens, or dynamic.
	TrainingJobName *string
	// Role the job runs as. Default: a role with only what this job needs
	// (S3 on its locations, ECR pull of its image, SageMaker logs).
	Role                   awsiam.IRole
	AlgorithmSpecification *AlgorithmSpecification
	EnableNetworkIsolation *bool
	// Hyperparameters, keys kept as given.
	Hyperparameters *map[string]interface{}
	InputDataConfig *[]*Channel
	// Tags, keys kept as given.
	Tags             *map[string]*string
	OutputDataConfig *OutputDataConfig
	// ResourceConfig: default 1 ml.m4.xlarge with a 10 GiB volume.
	ResourceConfig *ResourceConfig
	// StoppingCondition: default 1 hour.
	StoppingCondition *StoppingCondition
	VpcConfig         *VpcConfig
	// Environment variables, keys kept as given.
	Environment *map[string]*string

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

var (
	inputModes       = []string{"Pipe", "File", "FastFile"}
	s3DataTypes      = []string{"ManifestFile", "S3Prefix", "AugmentedManifestFile"}
	distributions    = []string{"FullyReplicated", "ShardedByS3Key"}
	compressionTypes = []string{"None", "Gzip"}
)

// SageMakerCreateTrainingJob is the task NewSageMakerCreateTrainingJob returns: a Task, typed as the CDK types it.
type SageMakerCreateTrainingJob interface{ Task }

// NewSageMakerCreateTrainingJob starts a training job
// (arn:…:states:::sagemaker:createTrainingJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB.
func NewSageMakerCreateTrainingJob(scope constructs.Construct, id *string, props *SageMakerCreateTrainingJobProps) SageMakerCreateTrainingJob {
	checkProps(scope, id, "SageMakerCreateTrainingJob", props == nil)
	b := newSMBuilder(scope, id, "SageMakerCreateTrainingJob", "createTrainingJob")
	params := map[string]*Value{
		"TrainingJobName":        b.name("TrainingJobName", props.TrainingJobName, 63, "the job name"),
		"AlgorithmSpecification": b.algorithm("AlgorithmSpecification", props.AlgorithmSpecification, true),
		"EnableNetworkIsolation": b.field("EnableNetworkIsolation", props.EnableNetworkIsolation),
		"HyperParameters":        b.verbatim("Hyperparameters", props.Hyperparameters),
		"InputDataConfig":        b.channels("InputDataConfig", props.InputDataConfig),
		"OutputDataConfig":       b.outputData("OutputDataConfig", props.OutputDataConfig),
		"ResourceConfig":         b.resourceConfig("ResourceConfig", props.ResourceConfig),
		"StoppingCondition":      b.stopping("StoppingCondition", props.StoppingCondition, 3600),
		"Tags":                   b.tags("Tags", props.Tags),
		"VpcConfig":              b.vpc("VpcConfig", props.VpcConfig),
		"Environment":            b.verbatim("Environment", props.Environment),
	}
	params["RoleArn"] = b.role(props.Role)
	b.spec.Params = obj(flatten(params)...)
	return newTask(scope, id, props, b.spec)
}

func flatten(m map[string]*Value) []any {
	out := make([]any, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
}

// algorithm renders an AlgorithmSpecification (defaulting the input mode
// to File when withMode).
func (b *smBuilder) algorithm(prop string, a *AlgorithmSpecification, withMode bool) *Value {
	if a == nil {
		b.problem(prop, "required: the algorithm (AlgorithmName or TrainingImage)")
		return nil
	}
	if (a.AlgorithmName == nil) == (a.TrainingImage == nil) {
		b.problem(prop, "give exactly one of AlgorithmName and TrainingImage")
	}
	name := b.field(prop+".AlgorithmName", a.AlgorithmName)
	if n, ok := name.String(); ok && !value.IsTokenString(n) && (len(n) < 1 || len(n) > 170) {
		b.problem(prop+".AlgorithmName", "must be 1 to 170 characters, got %d", len(n))
	}
	var metrics *Value
	if a.MetricDefinitions != nil {
		var items []*Value
		for _, m := range *a.MetricDefinitions {
			items = append(items, obj("Name", b.field(prop+".MetricDefinitions.Name", m.Name), "Regex", b.field(prop+".MetricDefinitions.Regex", m.Regex)))
		}
		metrics = value.NewList(items...)
	}
	mode := b.enum(prop+".TrainingInputMode", string(a.TrainingInputMode), inputModes...)
	if mode == nil && withMode {
		mode = value.Lit("File")
	}
	return obj("AlgorithmName", name, "TrainingImage", b.image(prop+".TrainingImage", a.TrainingImage),
		"MetricDefinitions", metrics, "TrainingInputMode", mode)
}

// channels renders training input channels; the role may read each.
func (b *smBuilder) channels(prop string, chs *[]*Channel) *Value {
	if chs == nil {
		return nil
	}
	var items []*Value
	for _, c := range *chs {
		var src *Value
		if c.DataSource == nil || c.DataSource.S3DataSource == nil {
			b.problem(prop+".DataSource", "required: the channel's S3DataSource")
		} else {
			s := c.DataSource.S3DataSource
			dataType := b.enum(prop+".S3DataType", string(s.S3DataType), s3DataTypes...)
			if dataType == nil {
				dataType = value.Lit("S3Prefix")
			}
			src = obj("S3DataSource", obj(
				"S3Uri", b.required(prop+".S3Location", b.s3(prop+".S3Location", s.S3Location, false), "the channel's S3 location"),
				"S3DataType", dataType,
				"S3DataDistributionType", b.enum(prop+".S3DataDistributionType", string(s.S3DataDistributionType), distributions...),
				"AttributeNames", b.strings(prop+".AttributeNames", s.AttributeNames)))
		}
		var shuffle *Value
		if c.ShuffleConfig != nil {
			shuffle = obj("Seed", c.ShuffleConfig.Seed)
		}
		items = append(items, obj(
			"ChannelName", b.required(prop+".ChannelName", b.field(prop+".ChannelName", c.ChannelName), "the channel name"),
			"DataSource", src,
			"CompressionType", b.enum(prop+".CompressionType", string(c.CompressionType), compressionTypes...),
			"ContentType", b.field(prop+".ContentType", c.ContentType),
			"InputMode", b.enum(prop+".InputMode", string(c.InputMode), inputModes...),
			"RecordWrapperType", b.enum(prop+".RecordWrapperType", string(c.RecordWrapperType), "None", "RecordIO"),
			"ShuffleConfig", shuffle))
	}
	return value.NewList(items...)
}

// outputData renders an OutputDataConfig; the role may write there.
func (b *smBuilder) outputData(prop string, c *OutputDataConfig) *Value {
	if c == nil {
		b.problem(prop, "required: where the model artifacts go (S3OutputLocation)")
		return nil
	}
	return obj(
		"S3OutputPath", b.required(prop+".S3OutputLocation", b.s3(prop+".S3OutputLocation", c.S3OutputLocation, true), "an S3 location"),
		"KmsKeyId", b.key(prop+".EncryptionKey", c.EncryptionKey, "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"),
	)
}
