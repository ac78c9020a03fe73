package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawskms"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// BatchStrategy of a transform job.
type BatchStrategy string

const (
	BatchStrategy_MULTI_RECORD  BatchStrategy = "MULTI_RECORD"
	BatchStrategy_SINGLE_RECORD BatchStrategy = "SINGLE_RECORD"
)

// SplitType of transform input.
type SplitType string

const (
	SplitType_NONE      SplitType = "NONE"
	SplitType_LINE      SplitType = "LINE"
	SplitType_RECORD_IO SplitType = "RECORD_IO"
	SplitType_TF_RECORD SplitType = "TF_RECORD"
)

// AssembleWith of transform output.
type AssembleWith string

const (
	AssembleWith_NONE AssembleWith = "NONE"
	AssembleWith_LINE AssembleWith = "LINE"
)

// ModelClientOptions of a transform job.
type ModelClientOptions struct {
	// InvocationsMaxRetries 0–3. Default 0.
	InvocationsMaxRetries *float64
	// InvocationsTimeout 1 s–1 h, whole seconds. Default 60 s.
	InvocationsTimeout awscdk.Duration
}

// TransformInput is the data to transform.
type TransformInput struct {
	TransformDataSource *TransformDataSource
	CompressionType     CompressionType
	ContentType         *string
	SplitType           SplitType
}

// TransformDataSource of a transform job.
type TransformDataSource struct{ S3DataSource *TransformS3DataSource }

// TransformS3DataSource is the S3 input of a transform job.
type TransformS3DataSource struct {
	// S3Uri: s3://bucket/prefix, or dynamic.
	S3Uri *string
	// S3DataType: default S3Prefix.
	S3DataType S3DataType
}

// TransformOutput is where results go.
type TransformOutput struct {
	// S3OutputPath: s3://bucket/prefix, or dynamic.
	S3OutputPath  *string
	Accept        *string
	AssembleWith  AssembleWith
	EncryptionKey interfacesawskms.IKeyRef
}

// TransformResources is the compute of a transform job.
type TransformResources struct {
	// InstanceCount, at least 1.
	InstanceCount *float64
	// InstanceType: awsec2.InstanceType_Of(awsec2.InstanceClass_M4,
	// awsec2.InstanceSize_XLARGE) renders "ml.m4.xlarge";
	// awsec2.NewInstanceType(sfn.JsonPath_StringAt("$.type")) is read from
	// the input as it is.
	InstanceType        awsec2.InstanceType
	VolumeEncryptionKey interfacesawskms.IKeyRef
}

// SageMakerCreateTransformJobProps mirrors awsstepfunctionstasks.SageMakerCreateTransformJobProps.
type SageMakerCreateTransformJobProps struct {
	// TransformJobName: 1–63 letters, digits and hyphens, or dynamic.
	TransformJobName *string
	// Role is accepted as the CDK accepts it and is not passed:
	// CreateTransformJob takes no role (the job runs as its model's
	// execution role). Role() returns it; without one, Role() creates a
	// role at <task>/SagemakerTransformRole on first use, and none otherwise.
	Role          awsiam.IRole
	BatchStrategy BatchStrategy
	// Environment variables, keys kept as given.
	Environment *map[string]*string
	// MaxConcurrentTransforms, at least 0.
	MaxConcurrentTransforms *float64
	// MaxPayload per request, whole MB from 0 to 100. Default: 6 MB.
	MaxPayload         awscdk.Size
	ModelName          *string
	ModelClientOptions *ModelClientOptions
	// Tags, keys kept as given.
	Tags            *map[string]*string
	TransformInput  *TransformInput
	TransformOutput *TransformOutput
	// TransformResources: default 1 ml.m4.xlarge.
	TransformResources *TransformResources

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

// SageMakerCreateTransformJob is the task NewSageMakerCreateTransformJob
// returns: a Task with the CDK class's Role.
type SageMakerCreateTransformJob interface {
	Task
	// Role is the role given in props; without one, a role created (at
	// <task>/SagemakerTransformRole) when Role is first called.
	Role() awsiam.IRole
}

// NewSageMakerCreateTransformJob starts a batch transform job
// (arn:…:states:::sagemaker:createTransformJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB.
func NewSageMakerCreateTransformJob(scope constructs.Construct, id *string, props *SageMakerCreateTransformJobProps) SageMakerCreateTransformJob {
	checkProps(scope, id, "SageMakerCreateTransformJob", props == nil)
	b := newSMBuilder(scope, "SageMakerCreateTransformJob", "createTransformJob")
	params := map[string]*Value{
		"TransformJobName":        b.name("TransformJobName", props.TransformJobName, 63, "the job name"),
		"ModelName":               b.name("ModelName", props.ModelName, 63, "the model to run"),
		"BatchStrategy":           b.enum("BatchStrategy", string(props.BatchStrategy), "MultiRecord", "SingleRecord"),
		"Environment":             b.verbatim("Environment", props.Environment),
		"MaxConcurrentTransforms": b.number("MaxConcurrentTransforms", props.MaxConcurrentTransforms, 0, -1),
		"MaxPayloadInMB":          b.whole("MaxPayload", sizeIn(b.spec, "MaxPayload", props.MaxPayload, engine.Mebibyte), 0, 100),
		"Tags":                    b.tags("Tags", props.Tags),
		"ModelClientConfig":       b.modelClient("ModelClientOptions", props.ModelClientOptions),
		"TransformInput":          b.transformInput("TransformInput", props.TransformInput),
		"TransformOutput":         b.transformOutput("TransformOutput", props.TransformOutput),
		"TransformResources":      b.transformResources("TransformResources", props.TransformResources),
	}
	b.spec.Params = obj(flatten(params)...)
	return b.newRoleState(scope, id, props, props.Role, "SagemakerTransformRole")
}

func (b *smBuilder) modelClient(prop string, o *ModelClientOptions) *Value {
	if v, ok := standing(o); ok {
		return v
	}
	if o == nil {
		return nil
	}
	retries := b.number(prop+".InvocationsMaxRetries", o.InvocationsMaxRetries, 0, 3)
	if retries == nil {
		retries = value.Lit(0.0)
	}
	timeout := b.whole(prop+".InvocationsTimeout", durationIn(b.spec, prop+".InvocationsTimeout", o.InvocationsTimeout, engine.Second), 1, 3600)
	if timeout == nil {
		timeout = value.Lit(60.0)
	}
	return obj("InvocationsMaxRetries", retries, "InvocationsTimeoutInSeconds", timeout)
}

func (b *smBuilder) transformInput(prop string, in *TransformInput) *Value {
	if v, ok := standing(in); ok {
		return v
	}
	if in == nil || in.TransformDataSource == nil || in.TransformDataSource.S3DataSource == nil {
		b.problem(prop, "required: TransformDataSource.S3DataSource")
		return nil
	}
	s := in.TransformDataSource.S3DataSource
	at := prop + ".TransformDataSource.S3DataSource"
	dataType := b.enum(at+".S3DataType", string(s.S3DataType), s3DataTypes...)
	if dataType == nil {
		dataType = value.Lit("S3Prefix")
	}
	return obj(
		"CompressionType", b.enum(prop+".CompressionType", string(in.CompressionType), compressionTypes...),
		"ContentType", b.field(prop+".ContentType", in.ContentType),
		"DataSource", obj("S3DataSource", obj(
			"S3Uri", b.required(at+".S3Uri", b.s3(at+".S3Uri", &s3Location{uri: s.S3Uri}, false), "an s3:// URI"),
			"S3DataType", dataType)),
		"SplitType", b.enum(prop+".SplitType", string(in.SplitType), "None", "Line", "RecordIO", "TFRecord"))
}

func (b *smBuilder) transformOutput(prop string, out *TransformOutput) *Value {
	if v, ok := standing(out); ok {
		return v
	}
	if out == nil {
		b.problem(prop, "required: S3OutputPath")
		return nil
	}
	return obj(
		"S3OutputPath", b.required(prop+".S3OutputPath", b.s3(prop+".S3OutputPath", &s3Location{uri: out.S3OutputPath}, true), "an s3:// URI"),
		"Accept", b.field(prop+".Accept", out.Accept),
		"AssembleWith", b.enum(prop+".AssembleWith", string(out.AssembleWith), "None", "Line"),
		"KmsKeyId", b.keyRef(prop+".EncryptionKey", out.EncryptionKey, false))
}

func (b *smBuilder) transformResources(prop string, r *TransformResources) *Value {
	if v, ok := standing(r); ok {
		return v
	}
	if r == nil {
		return obj("InstanceCount", value.Lit(1.0), "InstanceType", value.Lit("ml.m4.xlarge"))
	}
	return obj(
		"InstanceCount", b.required(prop+".InstanceCount", b.number(prop+".InstanceCount", r.InstanceCount, 1, -1), "the number of instances"),
		"InstanceType", b.required(prop+".InstanceType", b.instanceType(prop+".InstanceType", r.InstanceType), "the instance type"),
		"VolumeKmsKeyId", b.keyRef(prop+".VolumeEncryptionKey", r.VolumeEncryptionKey, false))
}
