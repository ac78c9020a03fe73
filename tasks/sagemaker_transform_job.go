package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// BatchStrategy of a transform job.
type BatchStrategy string

const (
	BatchStrategy_MULTI_RECORD  BatchStrategy = "MultiRecord"
	BatchStrategy_SINGLE_RECORD BatchStrategy = "SingleRecord"
)

// SplitType of transform input.
type SplitType string

const (
	SplitType_NONE      SplitType = "None"
	SplitType_LINE      SplitType = "Line"
	SplitType_RECORD_IO SplitType = "RecordIO"
	SplitType_TF_RECORD SplitType = "TFRecord"
)

// AssembleWith of transform output.
type AssembleWith string

const (
	AssembleWith_NONE AssembleWith = "None"
	AssembleWith_LINE AssembleWith = "Line"
)

// ModelClientOptions of a transform job.
type ModelClientOptions struct {
	// InvocationsMaxRetries 0–3. Default 0.
	InvocationsMaxRetries *Value
	// InvocationsTimeout 1 s–1 h. Default 60 s.
	InvocationsTimeout awscdk.Duration
}

// TransformInput is the data to transform.
type TransformInput struct {
	CompressionType     CompressionType
	ContentType         *string
	TransformDataSource *TransformDataSource
	SplitType           SplitType
}

// TransformDataSource of a transform job.
type TransformDataSource struct{ S3DataSource *TransformS3DataSource }

// TransformS3DataSource is the S3 input of a transform job.
type TransformS3DataSource struct {
	// S3DataType: default S3Prefix.
	S3DataType S3DataType
	// S3Uri: s3://bucket/prefix, or dynamic.
	S3Uri *string
}

// TransformOutput is where results go.
type TransformOutput struct {
	Accept        *string
	AssembleWith  AssembleWith
	EncryptionKey awskms.IKey
	// S3OutputPath: s3://bucket/prefix, or dynamic.
	S3OutputPath *string
}

// TransformResources is the compute of a transform job.
type TransformResources struct {
	// InstanceCount, at least 1.
	InstanceCount *Value
	// InstanceType: an ec2.InstanceType as in the CDK, or a string such as
	// "ml.m4.xlarge", possibly dynamic (a literal without "ml." gets it).
	InstanceType        interface{}
	VolumeEncryptionKey awskms.IKey
}

// SageMakerCreateTransformJobProps mirrors awsstepfunctionstasks.SageMakerCreateTransformJobProps.
type SageMakerCreateTransformJobProps struct {
	// TransformJobName: 1–63 letters, digits and hyphens, or dynamic.
	TransformJobName *string
	// Role is accepted for compatibility with the CDK and unused:
	// CreateTransformJob takes no role (the job runs as its model's
	// execution role), so none is created or passed.
	Role          awsiam.IRole
	BatchStrategy BatchStrategy
	// Environment variables, keys kept as given.
	Environment             *map[string]*string
	MaxConcurrentTransforms *Value
	// MaxPayload per request (whole MB). Default: 6 MB.
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

// SageMakerCreateTransformJob is the task NewSageMakerCreateTransformJob returns: a Task, typed as the CDK types it.
type SageMakerCreateTransformJob interface{ Task }

// NewSageMakerCreateTransformJob starts a batch transform job
// (arn:…:states:::sagemaker:createTransformJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB.
func NewSageMakerCreateTransformJob(scope constructs.Construct, id *string, props *SageMakerCreateTransformJobProps) SageMakerCreateTransformJob {
	checkProps(scope, id, "SageMakerCreateTransformJob", props == nil)
	b := newSMBuilder(scope, id, "SageMakerCreateTransformJob", "createTransformJob")
	params := map[string]*Value{
		"TransformJobName":        b.name("TransformJobName", props.TransformJobName, 63, "the job name"),
		"ModelName":               b.name("ModelName", props.ModelName, 63, "the model to run"),
		"BatchStrategy":           b.enum("BatchStrategy", string(props.BatchStrategy), "MultiRecord", "SingleRecord"),
		"Environment":             b.verbatim("Environment", props.Environment),
		"MaxConcurrentTransforms": b.atLeast("MaxConcurrentTransforms", props.MaxConcurrentTransforms, 0),
		"Tags":                    b.tags("Tags", props.Tags),
	}
	if props.MaxPayload != nil {
		params["MaxPayloadInMB"] = b.field("MaxPayload", *props.MaxPayload.ToMebibytes(nil))
	}
	if o := props.ModelClientOptions; o != nil {
		retries := o.InvocationsMaxRetries
		if retries == nil {
			retries = value.Lit(0.0)
		}
		if n, ok := retries.Number(); ok && (n < 0 || n > 3) {
			b.problem("ModelClientOptions.InvocationsMaxRetries", "must be 0 to 3, got %v", n)
		}
		timeout := value.Lit(60.0)
		if o.InvocationsTimeout != nil {
			timeout = b.field("ModelClientOptions.InvocationsTimeout", *o.InvocationsTimeout.ToSeconds(nil))
			if n, ok := timeout.Number(); ok && (n < 1 || n > 3600) {
				b.problem("ModelClientOptions.InvocationsTimeout", "must be 1 to 3600 seconds, got %v", n)
			}
		}
		params["ModelClientConfig"] = obj("InvocationsMaxRetries", retries, "InvocationsTimeoutInSeconds", timeout)
	}
	if in := props.TransformInput; in == nil || in.TransformDataSource == nil || in.TransformDataSource.S3DataSource == nil {
		b.problem("TransformInput", "required: TransformDataSource.S3DataSource")
	} else {
		s := in.TransformDataSource.S3DataSource
		dataType := b.enum("TransformInput.S3DataType", string(s.S3DataType), s3DataTypes...)
		if dataType == nil {
			dataType = value.Lit("S3Prefix")
		}
		params["TransformInput"] = obj(
			"CompressionType", b.enum("TransformInput.CompressionType", string(in.CompressionType), compressionTypes...),
			"ContentType", b.field("TransformInput.ContentType", in.ContentType),
			"DataSource", obj("S3DataSource", obj("S3Uri", b.s3("TransformInput.S3Uri", &S3Location{Uri: s.S3Uri}, false), "S3DataType", dataType)),
			"SplitType", b.enum("TransformInput.SplitType", string(in.SplitType), "None", "Line", "RecordIO", "TFRecord"))
	}
	if out := props.TransformOutput; out == nil {
		b.problem("TransformOutput", "required: S3OutputPath")
	} else {
		params["TransformOutput"] = obj(
			"S3OutputPath", b.s3("TransformOutput.S3OutputPath", &S3Location{Uri: out.S3OutputPath}, true),
			"Accept", b.field("TransformOutput.Accept", out.Accept),
			"AssembleWith", b.enum("TransformOutput.AssembleWith", string(out.AssembleWith), "None", "Line"),
			"KmsKeyId", b.key("TransformOutput.EncryptionKey", out.EncryptionKey))
	}
	if r := props.TransformResources; r == nil {
		params["TransformResources"] = obj("InstanceCount", value.Lit(1.0), "InstanceType", value.Lit("ml.m4.xlarge"))
	} else {
		params["TransformResources"] = obj(
			"InstanceCount", b.atLeast("TransformResources.InstanceCount", b.required("TransformResources.InstanceCount", r.InstanceCount, "the number of instances"), 1),
			"InstanceType", b.required("TransformResources.InstanceType", b.instanceType("TransformResources.InstanceType", r.InstanceType), "the instance type"),
			"VolumeKmsKeyId", b.key("TransformResources.VolumeEncryptionKey", r.VolumeEncryptionKey))
	}
	b.spec.Params = obj(flatten(params)...)
	return newTask(scope, id, props, b.spec)
}
