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

	"github.com/sfnkit/sfnkit/internal/value"
)

// AlgorithmSpecification names the training algorithm: AlgorithmName or
// TrainingImage, not both.
type AlgorithmSpecification struct {
	// AlgorithmName of an algorithm resource, or its ARN (1–170 characters).
	AlgorithmName     *string
	MetricDefinitions *[]*MetricDefinition
	TrainingImage     DockerImage
	// TrainingInputMode: default File.
	TrainingInputMode InputMode
}

// Channel is one named training input.
type Channel struct {
	ChannelName       *string
	DataSource        *DataSource
	CompressionType   CompressionType
	ContentType       *string
	InputMode         InputMode
	RecordWrapperType RecordWrapperType
	ShuffleConfig     *ShuffleConfig
}

// ShuffleConfig shuffles a channel's input.
type ShuffleConfig struct {
	// Seed of the shuffle, a whole number.
	Seed *float64
}

// DataSource of a channel.
type DataSource struct{ S3DataSource *S3DataSource }

// S3DataSource is a channel's S3 input.
type S3DataSource struct {
	S3Location             S3Location
	AttributeNames         *[]*string
	S3DataDistributionType S3DataDistributionType
	// S3DataType: default S3Prefix.
	S3DataType S3DataType
}

// OutputDataConfig is where the model artifacts go.
type OutputDataConfig struct {
	S3OutputLocation S3Location
	EncryptionKey    awskms.IKey
}

// SageMakerCreateTrainingJobProps mirrors awsstepfunctionstasks.SageMakerCreateTrainingJobProps.
type SageMakerCreateTrainingJobProps struct {
	// TrainingJobName: 1–63 letters, digits and hyphens, or dynamic.
	TrainingJobName *string
	// Role the job runs as; it is granted the job's S3, ECR and KMS use, as
	// the CDK grants them. Default: a role at <task>/SagemakerRole with only
	// what this job needs (S3 on its locations, ECR pull of its image, its
	// keys, SageMaker logs and metrics, and in a VPC its network interfaces).
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

// SageMakerCreateTrainingJob is the task NewSageMakerCreateTrainingJob
// returns: a Task with the CDK class's role, grant principal and
// connections.
type SageMakerCreateTrainingJob interface {
	Task
	awsec2.IConnectable
	awsiam.IGrantable
	// Role the job runs as: the given one, or the one the task created.
	Role() awsiam.IRole
	// AddSecurityGroup adds a security group to the job's VpcConfig.
	AddSecurityGroup(securityGroup awsec2.ISecurityGroup)
}

// maxTrainingSeconds is CreateTrainingJob's longest MaxRuntimeInSeconds (28 days).
const maxTrainingSeconds = 2419200

// NewSageMakerCreateTrainingJob starts a training job
// (arn:…:states:::sagemaker:createTrainingJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB. Without a Role, the task creates
// one (<task>/SagemakerRole); with a VpcConfig, a security group
// (<task>/TrainJobSecurityGroup).
func NewSageMakerCreateTrainingJob(scope constructs.Construct, id *string, props *SageMakerCreateTrainingJobProps) SageMakerCreateTrainingJob {
	checkProps(scope, id, "SageMakerCreateTrainingJob", props == nil)
	b := newSMBuilder(scope, "SageMakerCreateTrainingJob", "createTrainingJob")
	params := map[string]*Value{
		"TrainingJobName":        b.name("TrainingJobName", props.TrainingJobName, 63, "the job name"),
		"AlgorithmSpecification": b.algorithm("AlgorithmSpecification", props.AlgorithmSpecification),
		"EnableNetworkIsolation": b.field("EnableNetworkIsolation", props.EnableNetworkIsolation),
		"HyperParameters":        b.verbatim("Hyperparameters", props.Hyperparameters),
		"InputDataConfig":        b.channels("InputDataConfig", props.InputDataConfig),
		"OutputDataConfig":       b.outputData("OutputDataConfig", props.OutputDataConfig),
		"ResourceConfig":         b.resourceConfig("ResourceConfig", props.ResourceConfig),
		"StoppingCondition":      b.stopping("StoppingCondition", props.StoppingCondition, 3600, maxTrainingSeconds),
		"Tags":                   b.tags("Tags", props.Tags),
		"Environment":            b.verbatim("Environment", props.Environment),
	}
	if c := props.VpcConfig; c != nil {
		params["VpcConfig"] = b.vpcConfig("VpcConfig", c.Vpc, c.Subnets, c.SecurityGroups, "TrainJobSecurityGroup", false)
	}
	params["RoleArn"] = b.role(props.Role)
	b.spec.Params = obj(flatten(params)...)
	return b.newJobState(scope, id, props)
}

// algorithm renders an AlgorithmSpecification, the input mode File by default.
func (b *smBuilder) algorithm(prop string, a *AlgorithmSpecification) *Value {
	if v, ok := standing(a); ok {
		return v
	}
	if a == nil {
		b.problem(prop, "required: the algorithm (AlgorithmName or TrainingImage)")
		return nil
	}
	if (a.AlgorithmName == nil) == (a.TrainingImage == nil) {
		b.problem(prop, "give exactly one of AlgorithmName and TrainingImage")
	}
	name := b.field(prop+".AlgorithmName", a.AlgorithmName)
	if n, ok := name.String(); ok && !value.IsTokenString(n) {
		switch {
		case len(n) < 1 || len(n) > 170:
			b.problem(prop+".AlgorithmName", "must be 1 to 170 characters, got %d", len(n))
		case !algorithmNamePattern.MatchString(n) || strings.HasSuffix(n, "-"):
			b.problem(prop+".AlgorithmName", "%q is not an algorithm name or ARN (%s, not ending with a hyphen)", n, algorithmNamePattern)
		}
	}
	var metrics *Value
	if v, ok := standing(a.MetricDefinitions); ok {
		metrics = v
	} else if a.MetricDefinitions != nil {
		items := []*Value{}
		for i, m := range *a.MetricDefinitions {
			at := prop + ".MetricDefinitions[" + strconv.Itoa(i) + "]"
			if m == nil {
				b.problem(at, "is nil")
				continue
			}
			items = append(items, obj(
				"Name", b.required(at+".Name", b.field(at+".Name", m.Name), "the metric name"),
				"Regex", b.required(at+".Regex", b.field(at+".Regex", m.Regex), "the regular expression")))
		}
		metrics = smList(items)
	}
	mode := b.enum(prop+".TrainingInputMode", string(a.TrainingInputMode), inputModes...)
	if mode == nil {
		mode = value.Lit("File")
	}
	return obj("AlgorithmName", name, "TrainingImage", b.image(prop+".TrainingImage", a.TrainingImage),
		"MetricDefinitions", metrics, "TrainingInputMode", mode)
}

// channels renders training input channels; the role may read each.
func (b *smBuilder) channels(prop string, chs *[]*Channel) *Value {
	if v, ok := standing(chs); ok {
		b.s3Read["arn:"+b.env.Partition+":s3:::*"] = true
		b.s3Read["arn:"+b.env.Partition+":s3:::*/*"] = true
		return v
	}
	if chs == nil {
		return nil
	}
	items := []*Value{}
	for i, c := range *chs {
		at := prop + "[" + strconv.Itoa(i) + "]"
		if c == nil {
			b.problem(at, "is nil")
			continue
		}
		var src *Value
		if c.DataSource == nil || c.DataSource.S3DataSource == nil {
			b.problem(at+".DataSource", "required: the channel's S3DataSource")
		} else {
			s := c.DataSource.S3DataSource
			sat := at + ".DataSource.S3DataSource"
			dataType := b.enum(sat+".S3DataType", string(s.S3DataType), s3DataTypes...)
			if dataType == nil {
				dataType = value.Lit("S3Prefix")
			}
			src = obj("S3DataSource", obj(
				"S3Uri", b.required(sat+".S3Location", b.s3(sat+".S3Location", s.S3Location, false), "the channel's S3 location"),
				"S3DataType", dataType,
				"S3DataDistributionType", b.enum(sat+".S3DataDistributionType", string(s.S3DataDistributionType), distributions...),
				"AttributeNames", b.strings(sat+".AttributeNames", s.AttributeNames)))
		}
		var shuffle *Value
		if v, ok := standing(c.ShuffleConfig); ok {
			shuffle = v
		} else if c.ShuffleConfig != nil {
			shuffle = obj("Seed", b.required(at+".ShuffleConfig.Seed",
				b.number(at+".ShuffleConfig.Seed", c.ShuffleConfig.Seed, -9223372036854775808, 9223372036854775807), "the seed"))
		}
		items = append(items, obj(
			"ChannelName", b.required(at+".ChannelName", b.field(at+".ChannelName", c.ChannelName), "the channel name"),
			"DataSource", src,
			"CompressionType", b.enum(at+".CompressionType", string(c.CompressionType), compressionTypes...),
			"ContentType", b.field(at+".ContentType", c.ContentType),
			"InputMode", b.enum(at+".InputMode", string(c.InputMode), inputModes...),
			"RecordWrapperType", b.enum(at+".RecordWrapperType", string(c.RecordWrapperType), "None", "RecordIO"),
			"ShuffleConfig", shuffle))
	}
	return smList(items)
}

// outputData renders an OutputDataConfig; the role may write there.
func (b *smBuilder) outputData(prop string, c *OutputDataConfig) *Value {
	if v, ok := standing(c); ok {
		b.s3Read["arn:"+b.env.Partition+":s3:::*"] = true
		b.s3Write["arn:"+b.env.Partition+":s3:::*/*"] = true
		return v
	}
	if c == nil {
		b.problem(prop, "required: where the model artifacts go (S3OutputLocation)")
		return nil
	}
	return obj(
		"S3OutputPath", b.required(prop+".S3OutputLocation", b.s3(prop+".S3OutputLocation", c.S3OutputLocation, true), "an S3 location"),
		"KmsKeyId", b.key(prop+".EncryptionKey", c.EncryptionKey, "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"),
	)
}
