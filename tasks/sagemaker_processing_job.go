package tasks

import (
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// AppSpecification is the container a processing job runs.
type AppSpecification struct {
	// ImageUri of the container (or give Image).
	ImageUri *string
	// Image, as for training jobs (or give ImageUri).
	Image               DockerImage
	ContainerEntrypoint *[]*string
	ContainerArguments  *[]*string
}

// ClusterConfig is the compute of a processing job.
type ClusterConfig struct {
	// InstanceCount, 1 to 100 (tasks.NumberAt for a run-time value).
	InstanceCount *float64
	// InstanceType: awsec2.NewInstanceType(jsii.String("ml.t3.medium")),
	// awsec2.InstanceType_Of(...) (which gets "ml."), or
	// awsec2.NewInstanceType(tasks.StringAt("$.type")).
	InstanceType awsec2.InstanceType
	// VolumeSize in whole GiB, 1 to 16384.
	VolumeSize          awscdk.Size
	VolumeEncryptionKey awskms.IKey
}

// ProcessingInput is one input of a processing job, copied from S3.
type ProcessingInput struct {
	InputName *string
	// S3Input: where it comes from and where the container sees it.
	S3Input *ProcessingS3Input
	// AppManaged inputs are fetched by the container itself.
	AppManaged *bool
}

// ProcessingS3Input is an S3 input of a processing job.
type ProcessingS3Input struct {
	S3Uri S3Location
	// LocalPath in the container, e.g. "/opt/ml/processing/input".
	LocalPath              *string
	S3DataType             S3DataType
	S3InputMode            InputMode // File or Pipe
	S3DataDistributionType S3DataDistributionType
	S3CompressionType      CompressionType
}

// ProcessingOutput is one output of a processing job, uploaded to S3.
type ProcessingOutput struct {
	OutputName *string
	S3Output   *ProcessingS3Output
	AppManaged *bool
}

// ProcessingS3Output is an S3 output of a processing job.
type ProcessingS3Output struct {
	S3Uri     S3Location
	LocalPath *string
	// S3UploadMode: Continuous or EndOfJob.
	S3UploadMode *string
}

// ProcessingOutputConfig lists a processing job's outputs.
type ProcessingOutputConfig struct {
	Outputs *[]*ProcessingOutput
	// EncryptionKey encrypts the outputs (KmsKeyId).
	EncryptionKey awskms.IKey
}

// NetworkConfig of a processing job.
type NetworkConfig struct {
	EnableInterContainerTrafficEncryption *bool
	EnableNetworkIsolation                *bool
	VpcConfig                             *VpcConfig
}

// SageMakerCreateProcessingJobProps starts a processing job: there is no
// such class in awsstepfunctionstasks (aws/aws-cdk#9537).
type SageMakerCreateProcessingJobProps struct {
	// ProcessingJobName: 1–63 letters, digits and hyphens, or dynamic
	// (tasks.StringAt("States.Format('job-{}', States.UUID())")).
	ProcessingJobName *string
	// Role the job runs as; it is granted the job's S3, ECR and KMS use.
	// Default: a role at <task>/SagemakerRole with only what the job needs.
	Role             awsiam.IRole
	AppSpecification *AppSpecification
	ClusterConfig    *ClusterConfig
	ProcessingInputs *[]*ProcessingInput
	// ProcessingOutputConfig: the outputs, uploaded to S3 (the role may
	// write there).
	ProcessingOutputConfig *ProcessingOutputConfig
	// StoppingCondition: MaxRuntime 1 s to 9 days. Default: none (one day).
	StoppingCondition *StoppingCondition
	// Environment variables, keys kept as given.
	Environment   *map[string]*string
	NetworkConfig *NetworkConfig
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

// SageMakerCreateProcessingJob is the task NewSageMakerCreateProcessingJob
// returns: a Task with a role, a grant principal and connections, as the
// CDK's training job.
type SageMakerCreateProcessingJob interface {
	Task
	awsec2.IConnectable
	awsiam.IGrantable
	// Role the job runs as: the given one, or the one the task created.
	Role() awsiam.IRole
	// AddSecurityGroup adds a security group to the job's VpcConfig.
	AddSecurityGroup(securityGroup awsec2.ISecurityGroup)
}

// NewSageMakerCreateProcessingJob starts a processing job
// (arn:…:states:::sagemaker:createProcessingJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB. Without a Role, the task creates
// one (<task>/SagemakerRole); with a VpcConfig, a security group
// (<task>/ProcessingJobSecurityGroup).
func NewSageMakerCreateProcessingJob(scope constructs.Construct, id *string, props *SageMakerCreateProcessingJobProps) SageMakerCreateProcessingJob {
	checkProps(scope, id, "SageMakerCreateProcessingJob", props == nil)
	b := newSMBuilder(scope, "SageMakerCreateProcessingJob", "createProcessingJob")
	params := map[string]*Value{
		"ProcessingJobName":   b.name("ProcessingJobName", props.ProcessingJobName, 63, "the job name"),
		"AppSpecification":    b.appSpec("AppSpecification", props.AppSpecification),
		"ProcessingResources": obj("ClusterConfig", b.cluster("ClusterConfig", props.ClusterConfig)),
		"ProcessingInputs":    b.processingInputs("ProcessingInputs", props.ProcessingInputs),
		"StoppingCondition":   b.stopping("StoppingCondition", props.StoppingCondition, 0, 777600),
		"Environment":         b.verbatim("Environment", props.Environment),
		"Tags":                b.tags("Tags", props.Tags),
	}
	if c := props.ProcessingOutputConfig; c != nil {
		params["ProcessingOutputConfig"] = obj("Outputs", b.processingOutputs("ProcessingOutputConfig.Outputs", c.Outputs),
			"KmsKeyId", b.key("ProcessingOutputConfig.EncryptionKey", c.EncryptionKey, "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"))
	}
	if n := props.NetworkConfig; n != nil {
		var vpc *Value
		if c := n.VpcConfig; c != nil {
			vpc = b.vpcConfig("NetworkConfig.VpcConfig", c.Vpc, c.Subnets, c.SecurityGroups, "ProcessingJobSecurityGroup", false)
		}
		params["NetworkConfig"] = obj(
			"EnableInterContainerTrafficEncryption", b.field("NetworkConfig.EnableInterContainerTrafficEncryption", n.EnableInterContainerTrafficEncryption),
			"EnableNetworkIsolation", b.field("NetworkConfig.EnableNetworkIsolation", n.EnableNetworkIsolation),
			"VpcConfig", vpc)
	}
	params["RoleArn"] = b.role(props.Role)
	b.spec.Params = obj(flatten(params)...)
	return b.newJobState(scope, id, props)
}

func (b *smBuilder) appSpec(prop string, a *AppSpecification) *Value {
	if a == nil {
		b.problem(prop, "required: the container image (ImageUri)")
		return nil
	}
	img := a.Image
	switch {
	case a.ImageUri != nil && a.Image != nil:
		b.problem(prop, "give ImageUri or Image, not both")
	case a.ImageUri != nil:
		img = &dockerImage{uri: a.ImageUri}
	case a.Image == nil:
		b.problem(prop+".ImageUri", "required: the container image")
	}
	return obj("ImageUri", b.image(prop+".ImageUri", img),
		"ContainerEntrypoint", b.strings(prop+".ContainerEntrypoint", a.ContainerEntrypoint),
		"ContainerArguments", b.strings(prop+".ContainerArguments", a.ContainerArguments))
}

func (b *smBuilder) cluster(prop string, c *ClusterConfig) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		b.problem(prop, "required: InstanceCount, InstanceType and VolumeSize")
		return nil
	}
	return obj(
		"InstanceCount", b.required(prop+".InstanceCount", b.number(prop+".InstanceCount", c.InstanceCount, 1, 100), "the number of instances"),
		"InstanceType", b.required(prop+".InstanceType", b.instanceType(prop+".InstanceType", c.InstanceType), "the instance type"),
		"VolumeSizeInGB", b.required(prop+".VolumeSize", b.whole(prop+".VolumeSize", sizeIn(b.spec, prop+".VolumeSize", c.VolumeSize, engine.Gibibyte), 1, 16384), "the volume size"),
		"VolumeKmsKeyId", b.key(prop+".VolumeEncryptionKey", c.VolumeEncryptionKey, "kms:CreateGrant"))
}

func (b *smBuilder) processingInputs(prop string, ins *[]*ProcessingInput) *Value {
	if ins == nil {
		return nil
	}
	items := []*Value{}
	for i, in := range *ins {
		at := prop + "[" + strconv.Itoa(i) + "]"
		if in == nil {
			b.problem(at, "is nil")
			continue
		}
		var s3 *Value
		if s := in.S3Input; s != nil {
			dataType := b.enum(at+".S3Input.S3DataType", string(s.S3DataType), "ManifestFile", "S3Prefix")
			if dataType == nil {
				dataType = value.Lit("S3Prefix")
			}
			mode := b.enum(at+".S3Input.S3InputMode", string(s.S3InputMode), "File", "Pipe")
			if mode == nil {
				mode = value.Lit("File")
			}
			s3 = obj("S3Uri", b.required(at+".S3Input.S3Uri", b.s3(at+".S3Input.S3Uri", s.S3Uri, false), "the S3 location"),
				"LocalPath", b.field(at+".S3Input.LocalPath", s.LocalPath),
				"S3DataType", dataType, "S3InputMode", mode,
				"S3DataDistributionType", b.enum(at+".S3Input.S3DataDistributionType", string(s.S3DataDistributionType), distributions...),
				"S3CompressionType", b.enum(at+".S3Input.S3CompressionType", string(s.S3CompressionType), compressionTypes...))
		}
		items = append(items, obj("InputName", b.required(at+".InputName", b.field(at+".InputName", in.InputName), "the input name"),
			"S3Input", s3, "AppManaged", b.field(at+".AppManaged", in.AppManaged)))
	}
	return smList(items)
}

func (b *smBuilder) processingOutputs(prop string, outs *[]*ProcessingOutput) *Value {
	if outs == nil {
		b.problem(prop, "required: at least one output")
		return nil
	}
	items := []*Value{}
	for i, o := range *outs {
		at := prop + "[" + strconv.Itoa(i) + "]"
		if o == nil {
			b.problem(at, "is nil")
			continue
		}
		var s3 *Value
		if s := o.S3Output; s != nil {
			mode := b.enum(at+".S3Output.S3UploadMode", ptrString(s.S3UploadMode), "Continuous", "EndOfJob")
			if mode == nil {
				mode = value.Lit("EndOfJob")
			}
			s3 = obj("S3Uri", b.required(at+".S3Output.S3Uri", b.s3(at+".S3Output.S3Uri", s.S3Uri, true), "the S3 location"),
				"LocalPath", b.field(at+".S3Output.LocalPath", s.LocalPath), "S3UploadMode", mode)
		}
		items = append(items, obj("OutputName", b.required(at+".OutputName", b.field(at+".OutputName", o.OutputName), "the output name"),
			"S3Output", s3, "AppManaged", b.field(at+".AppManaged", o.AppManaged)))
	}
	return smList(items)
}

func ptrString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
