package tasks

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecr"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecrassets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Types shared by the SageMaker tasks, with the names and Go types of
// awsstepfunctionstasks. Numbers may be decided at run time with
// tasks.NumberAt (or sfn.JsonPath_NumberAt), strings with tasks.StringAt,
// whole structs with tasks.ValueAt.

// ISageMakerTask mirrors awsstepfunctionstasks.ISageMakerTask: a SageMaker
// task that can be granted permissions (through its role). S3Location and
// DockerImage implementations are bound to one.
type ISageMakerTask interface {
	awsiam.IGrantable
}

// S3LocationConfig mirrors awsstepfunctionstasks.S3LocationConfig.
type S3LocationConfig struct {
	// Uri identifies the location in Amazon S3.
	Uri *string
}

// S3LocationBindOptions mirrors awsstepfunctionstasks.S3LocationBindOptions.
type S3LocationBindOptions struct {
	ForReading *bool
	ForWriting *bool
}

// S3Location is an S3 URI that a SageMaker job reads or writes, as
// awsstepfunctionstasks.S3Location: make one with S3Location_FromBucket,
// S3Location_FromJsonExpression or S3Location_FromUri. A literal URI must
// start with s3://.
//
// A location of your own (another implementation of the interface) is
// bound once the task exists, with the task, as the CDK binds it; its URI
// must then be a literal or a CDK token of a resource, not a JSONPath or
// JSONata expression (use S3Location_FromJsonExpression for those).
type S3Location interface {
	// Bind grants task what opts asks on the location and returns its URI.
	Bind(task ISageMakerTask, opts *S3LocationBindOptions) *S3LocationConfig
}

// s3Location is the S3Location the constructors below make: sfnkit reads
// it directly, to grant a job role exactly the bucket and prefix.
type s3Location struct {
	uri       *string // literal, StringAt marker, JSONata or CDK token
	expr      string  // the JSONPath of S3Location_FromJsonExpression
	bucket    awss3.IBucket
	bucketARN string
	keyPrefix string
}

// S3Location_FromBucket is a location in a bucket, rendered as the CDK
// renders it: the bucket's https:// URL for keyPrefix
// (bucket.UrlForObject), which SageMaker accepts. The job role is granted
// on exactly that bucket and prefix.
func S3Location_FromBucket(bucket awss3.IBucket, keyPrefix *string) S3Location {
	if bucket == nil {
		return &s3Location{} // reported by the task as a missing location
	}
	prefix := ""
	if keyPrefix != nil {
		prefix = *keyPrefix
	}
	return &s3Location{uri: bucket.UrlForObject(&prefix), bucket: bucket, bucketARN: *bucket.BucketArn(), keyPrefix: prefix}
}

// S3Location_FromJsonExpression is a location read from the state input
// ("$.S3Bucket") or a JSONata expression ("{% $states.input.uri %}").
func S3Location_FromJsonExpression(expression *string) S3Location {
	if expression == nil {
		return &s3Location{}
	}
	if strings.HasPrefix(*expression, "{%") || value.IsTokenString(*expression) {
		return &s3Location{uri: expression} // JSONata, or a CDK JsonPath token
	}
	return &s3Location{uri: StringAt(*expression), expr: *expression}
}

// S3Location_FromUri is a literal s3:// URI (sfnkit's; the CDK has no
// such constructor).
func S3Location_FromUri(uri *string) S3Location { return &s3Location{uri: uri} }

// Bind does what the CDK's does: grants task read and/or write on the
// location (on "*" when it is not a bucket's) and returns the URI.
// sfnkit's own tasks do not call it: they grant their job role exactly.
func (l *s3Location) Bind(task ISageMakerTask, opts *S3LocationBindOptions) *S3LocationConfig {
	read := opts != nil && opts.ForReading != nil && *opts.ForReading
	write := opts != nil && opts.ForWriting != nil && *opts.ForWriting
	if l.bucket != nil {
		glob := jsii.String(l.keyPrefix + "*")
		if read {
			l.bucket.GrantRead(task, glob)
		}
		if write {
			l.bucket.GrantWrite(task, glob, nil)
		}
	} else {
		var actions []string
		if read {
			actions = append(actions, "s3:GetObject", "s3:ListBucket")
		}
		if write {
			actions = append(actions, "s3:PutObject")
		}
		if len(actions) > 0 {
			task.GrantPrincipal().AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions: jsii.Strings(actions...), Resources: jsii.Strings("*")}))
		}
	}
	uri := l.uri
	if l.expr != "" {
		uri = sfn.JsonPath_StringAt(&l.expr)
	}
	return &S3LocationConfig{Uri: uri}
}

// DockerImageConfig mirrors awsstepfunctionstasks.DockerImageConfig.
type DockerImageConfig struct {
	// ImageUri is the fully qualified URI of the image.
	ImageUri *string
}

// DockerImage is the container image a job or model runs, as
// awsstepfunctionstasks.DockerImage: make one with DockerImage_FromRegistry,
// DockerImage_FromEcrRepository, DockerImage_FromJsonExpression or
// DockerImage_FromAsset. An image of your own (another implementation) is
// bound once the task exists, as an S3Location of your own is.
type DockerImage interface {
	// Bind grants task the pull of the image and returns its URI.
	Bind(task ISageMakerTask) *DockerImageConfig
}

type dockerImage struct {
	uri        *string
	expr       string // the JSONPath of DockerImage_FromJsonExpression
	repository awsecr.IRepository
	repoARN    string
	anyECR     bool // allowAnyEcrImagePull
}

// DockerImage_FromRegistry is an image by its URI. A literal ECR URI
// (<account>.dkr.ecr.<region>.amazonaws.com/<repo>) gets the job role the
// pull of that repository.
func DockerImage_FromRegistry(imageUri *string) DockerImage { return &dockerImage{uri: imageUri} }

// DockerImage_FromEcrRepository is an image in an ECR repository, by tag
// (default "latest") or digest ("sha256:…").
func DockerImage_FromEcrRepository(repository awsecr.IRepository, tagOrDigest *string) DockerImage {
	if repository == nil {
		return &dockerImage{} // reported by the task as a missing image
	}
	tag := "latest"
	if tagOrDigest != nil {
		tag = *tagOrDigest
	}
	return &dockerImage{uri: repository.RepositoryUriForTagOrDigest(&tag), repository: repository, repoARN: *repository.RepositoryArn()}
}

// DockerImage_FromJsonExpression is an image URI read from the state
// input: a JSONPath ("$.image", or sfn.JsonPath_StringAt) or a JSONata
// expression. allowAnyEcrImagePull (default true) lets the job role pull
// from any ECR repository, since the image is not known before run time.
func DockerImage_FromJsonExpression(expression *string, allowAnyEcrImagePull *bool) DockerImage {
	img := &dockerImage{uri: expression, anyECR: allowAnyEcrImagePull == nil || *allowAnyEcrImagePull}
	if expression != nil && !strings.HasPrefix(*expression, "{%") && !value.IsTokenString(*expression) {
		img.uri, img.expr = StringAt(*expression), *expression
	}
	return img
}

// DockerImage_FromAsset is an image built from a local directory as an
// asset of this app (awsecrassets.NewDockerImageAsset(scope, id, props)).
func DockerImage_FromAsset(scope constructs.Construct, id *string, props *awsecrassets.DockerImageAssetProps) DockerImage {
	asset := awsecrassets.NewDockerImageAsset(scope, id, props)
	repo := asset.Repository()
	return &dockerImage{uri: asset.ImageUri(), repository: repo, repoARN: *repo.RepositoryArn()}
}

// Bind does what the CDK's does: grants task the pull of the repository
// (of any ECR repository for an image read from the input) and returns
// the URI. sfnkit's own tasks do not call it.
func (d *dockerImage) Bind(task ISageMakerTask) *DockerImageConfig {
	if d.repository != nil {
		d.repository.GrantPull(task)
	}
	if d.anyECR {
		task.GrantPrincipal().AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions:   jsii.Strings("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
			Resources: jsii.Strings("*")}))
	}
	uri := d.uri
	if d.expr != "" {
		uri = sfn.JsonPath_StringAt(&d.expr)
	}
	return &DockerImageConfig{ImageUri: uri}
}

// InputMode is how a training job reads its data.
type InputMode string

const (
	InputMode_PIPE      InputMode = "PIPE"
	InputMode_FILE      InputMode = "FILE"
	InputMode_FAST_FILE InputMode = "FAST_FILE"
)

// S3DataType says what an S3 URI names.
type S3DataType string

const (
	S3DataType_MANIFEST_FILE           S3DataType = "MANIFEST_FILE"
	S3DataType_S3_PREFIX               S3DataType = "S3_PREFIX"
	S3DataType_AUGMENTED_MANIFEST_FILE S3DataType = "AUGMENTED_MANIFEST_FILE"
)

// S3DataDistributionType is how input is spread over instances.
type S3DataDistributionType string

const (
	S3DataDistributionType_FULLY_REPLICATED  S3DataDistributionType = "FULLY_REPLICATED"
	S3DataDistributionType_SHARDED_BY_S3_KEY S3DataDistributionType = "SHARDED_BY_S3_KEY"
)

// RecordWrapperType of a training channel.
type RecordWrapperType string

const (
	RecordWrapperType_NONE      RecordWrapperType = "NONE"
	RecordWrapperType_RECORD_IO RecordWrapperType = "RECORD_IO"
)

// CompressionType of input data.
type CompressionType string

const (
	CompressionType_NONE CompressionType = "NONE"
	CompressionType_GZIP CompressionType = "GZIP"
)

// StoppingCondition limits how long a job runs.
type StoppingCondition struct {
	// MaxRuntime of the job, whole seconds (tasks.DurationAt for a
	// run-time value). Training jobs: at most 28 days; processing jobs: 5 days.
	MaxRuntime awscdk.Duration
}

// VpcConfig runs a job in a VPC. A security group is created in the VPC
// (as the CDK does) unless SecurityGroups are given.
type VpcConfig struct {
	Vpc awsec2.IVpc
	// Subnets default to the VPC's private subnets.
	Subnets *awsec2.SubnetSelection
	// SecurityGroups (sfnkit's) to use instead of a created one.
	SecurityGroups *[]awsec2.ISecurityGroup
}

// MetricDefinition parses a metric out of the algorithm's logs.
type MetricDefinition struct {
	Name  *string
	Regex *string
}

// ResourceConfig is the compute of a training job.
type ResourceConfig struct {
	// InstanceCount, at least 1 (tasks.NumberAt for a run-time value).
	InstanceCount *float64
	// InstanceType: awsec2.InstanceType_Of(awsec2.InstanceClass_M5,
	// awsec2.InstanceSize_XLARGE) renders "ml.m5.xlarge";
	// awsec2.NewInstanceType(sfn.JsonPath_StringAt("$.type")) is read from
	// the input as it is.
	InstanceType awsec2.InstanceType
	// VolumeSize in whole GiB, 1 to 16384.
	VolumeSize awscdk.Size
	// VolumeEncryptionKey encrypts the ML storage volume.
	VolumeEncryptionKey awskms.IKey
}
