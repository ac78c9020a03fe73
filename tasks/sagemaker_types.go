package tasks

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecr"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Types shared by the SageMaker tasks. Names follow awsstepfunctionstasks;
// numbers that may be decided at run time are *tasks.Value (tasks.Number(2),
// tasks.Path("$.count")), strings are *string (tasks.StringAt("$.x") for a
// dynamic one).

// S3Location is an S3 URI that a SageMaker job reads or writes. A literal
// URI must start with s3://; a dynamic one is taken from the state input.
type S3Location struct {
	// Uri is "s3://bucket/prefix", a JSONPath/intrinsic (tasks.StringAt),
	// or a JSONata expression ("{% $states.input.uri %}").
	Uri *string

	bucketARN, keyPrefix string // set by S3Location_FromBucket
}

// S3Location_FromBucket is a location in a bucket of this app: the job role
// sfnkit creates is granted on exactly that bucket and prefix.
func S3Location_FromBucket(bucket awss3.IBucket, keyPrefix *string) *S3Location {
	prefix := ""
	if keyPrefix != nil {
		prefix = *keyPrefix
	}
	uri := "s3://" + *bucket.BucketName() + "/" + prefix
	return &S3Location{Uri: &uri, bucketARN: *bucket.BucketArn(), keyPrefix: prefix}
}

// S3Location_FromJsonExpression is a location read from the state input
// ("$.S3Bucket") or a JSONata expression.
func S3Location_FromJsonExpression(expression *string) *S3Location {
	if strings.HasPrefix(*expression, "{%") || value.IsTokenString(*expression) {
		return &S3Location{Uri: expression} // JSONata, or a CDK JsonPath token
	}
	return &S3Location{Uri: StringAt(*expression)}
}

// S3Location_FromUri is a literal s3:// URI.
func S3Location_FromUri(uri *string) *S3Location { return &S3Location{Uri: uri} }

// DockerImage is the container image a job or model runs.
type DockerImage struct {
	// ImageUri: "<account>.dkr.ecr.<region>.amazonaws.com/repo:tag", any
	// registry's image, or a dynamic value.
	ImageUri *string
	// AllowAnyEcrImagePull lets a created job role pull any ECR image when
	// ImageUri is dynamic. Default: true, as the CDK's fromJsonExpression.
	AllowAnyEcrImagePull *bool

	repositoryARN string // set by DockerImage_FromEcrRepository
}

// DockerImage_FromRegistry is an image by its URI.
func DockerImage_FromRegistry(imageUri *string) *DockerImage { return &DockerImage{ImageUri: imageUri} }

// DockerImage_FromEcrRepository is an image in an ECR repository; a tag
// (default "latest") or a digest ("sha256:…").
func DockerImage_FromEcrRepository(repository awsecr.IRepository, tagOrDigest *string) *DockerImage {
	tag := "latest"
	if tagOrDigest != nil {
		tag = *tagOrDigest
	}
	return &DockerImage{ImageUri: repository.RepositoryUriForTagOrDigest(&tag), repositoryARN: *repository.RepositoryArn()}
}

// DockerImage_FromJsonExpression is an image URI read from the state input.
func DockerImage_FromJsonExpression(expression *string, allowAnyEcrImagePull *bool) *DockerImage {
	uri := expression
	if !strings.HasPrefix(*expression, "{%") && !value.IsTokenString(*expression) {
		uri = StringAt(*expression)
	}
	return &DockerImage{ImageUri: uri, AllowAnyEcrImagePull: allowAnyEcrImagePull}
}

// InputMode is how a training job reads its data.
type InputMode string

const (
	InputMode_PIPE      InputMode = "Pipe"
	InputMode_FILE      InputMode = "File"
	InputMode_FAST_FILE InputMode = "FastFile"
)

// S3DataType says what an S3 URI names.
type S3DataType string

const (
	S3DataType_MANIFEST_FILE           S3DataType = "ManifestFile"
	S3DataType_S3_PREFIX               S3DataType = "S3Prefix"
	S3DataType_AUGMENTED_MANIFEST_FILE S3DataType = "AugmentedManifestFile"
)

// S3DataDistributionType is how input is spread over instances.
type S3DataDistributionType string

const (
	S3DataDistributionType_FULLY_REPLICATED  S3DataDistributionType = "FullyReplicated"
	S3DataDistributionType_SHARDED_BY_S3_KEY S3DataDistributionType = "ShardedByS3Key"
)

// RecordWrapperType of a training channel.
type RecordWrapperType string

const (
	RecordWrapperType_NONE      RecordWrapperType = "None"
	RecordWrapperType_RECORD_IO RecordWrapperType = "RecordIO"
)

// CompressionType of input data.
type CompressionType string

const (
	CompressionType_NONE CompressionType = "None"
	CompressionType_GZIP CompressionType = "Gzip"
)

// StoppingCondition limits how long a job runs.
type StoppingCondition struct {
	// MaxRuntime as a CDK Duration (the CDK's prop).
	MaxRuntime awscdk.Duration
	// MaxRuntimeInSeconds as a number, possibly dynamic. Give one of the two.
	MaxRuntimeInSeconds *Value
}

// VpcConfig runs a job or model in a VPC. Without SecurityGroups, one
// security group is created in the VPC, as the CDK does.
type VpcConfig struct {
	Vpc awsec2.IVpc
	// Subnets default to the VPC's private subnets.
	Subnets        *awsec2.SubnetSelection
	SecurityGroups *[]awsec2.ISecurityGroup
}

// MetricDefinition parses a metric out of the algorithm's logs.
type MetricDefinition struct {
	Name  *string
	Regex *string
}

// ResourceConfig is the compute of a training job.
type ResourceConfig struct {
	// InstanceCount, at least 1. Default (whole config unset): 1.
	InstanceCount *Value
	// InstanceType: an ec2.InstanceType as in the CDK
	// (awsec2.NewInstanceType(sfn.JsonPath_StringAt(jsii.String("$.type"))) is
	// dynamic), or a string such as "ml.m5.xlarge", possibly dynamic
	// (tasks.StringAt). A literal without "ml." gets it ("m5.xlarge" →
	// "ml.m5.xlarge"), as the CDK does.
	InstanceType interface{}
	// VolumeSize: an awscdk.Size as in the CDK (whole GiB), or a number of
	// GiB that may be dynamic (tasks.Number(50), tasks.Path("$.gib")).
	// Default (whole config unset): 10.
	VolumeSize interface{}
	// VolumeEncryptionKey encrypts the ML storage volume.
	VolumeEncryptionKey awskms.IKey
}

// sageMakerNamePattern is SageMaker's rule for job, model, endpoint and
// endpoint-config names: alphanumerics and inner hyphens.
var sageMakerNamePattern = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9])*$`)

// smBuilder collects the request, problems and the grants a created job
// role needs, for one SageMaker task.
type smBuilder struct {
	spec     *engine.Spec
	scope    constructs.Construct
	id       string
	env      iampolicy.Env
	grants   []Statement // for a role sfnkit creates
	s3Read   map[string]bool
	s3Write  map[string]bool
	usesVpc  bool
	usesECR  bool
	ecrRepos []string
}

func newSMBuilder(scope constructs.Construct, id *string, construct string, api string) *smBuilder {
	in, ok := iampolicy.Lookup("sagemaker", api)
	if !ok {
		panic("sfnkit: sagemaker:" + api + " is not in the catalog")
	}
	return &smBuilder{
		spec:  &engine.Spec{Construct: construct, Integration: in, ParamsField: "Parameters"},
		scope: scope, id: *id, env: engine.EnvOf(scope),
		s3Read: map[string]bool{}, s3Write: map[string]bool{},
	}
}

func (b *smBuilder) problem(name, format string, args ...any) {
	b.spec.Problems = append(b.spec.Problems, fieldProblem(name, format, args...))
}

// field converts one prop.
func (b *smBuilder) field(name string, x any) *Value {
	if s, ok := x.(string); ok && s == "" {
		return nil // an unset enum
	}
	return field(b.spec, name, x)
}

// obj builds an object from key/value pairs, leaving out nil values; nil
// when every value is nil.
func obj(pairs ...any) *Value {
	fields := map[string]*Value{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if v, _ := pairs[i+1].(*Value); v != nil {
			fields[pairs[i].(string)] = v
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return value.NewObject(fields)
}

// required records a problem when v is missing.
func (b *smBuilder) required(name string, v *Value, what string) *Value {
	if v == nil {
		b.problem(name, "required: %s", what)
	}
	return v
}

// name converts and checks a resource name (literal only).
func (b *smBuilder) name(prop string, s *string, max int, what string) *Value {
	v := b.required(prop, b.field(prop, s), what)
	if n, ok := v.String(); ok && !value.IsTokenString(n) {
		if len(n) < 1 || len(n) > max || !sageMakerNamePattern.MatchString(n) {
			b.problem(prop, "%q is not a valid name: use 1 to %d letters, digits and hyphens, starting and ending with a letter or digit (^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,%d}$)", n, max, max-1)
		}
	}
	return v
}

// atLeast checks a literal number.
func (b *smBuilder) atLeast(prop string, v *Value, min float64) *Value {
	if v == nil {
		return nil
	}
	if n, ok := v.Number(); ok && !value.IsTokenNumber(n) {
		if n < min || n != float64(int64(n)) {
			b.problem(prop, "must be a whole number of at least %g, got %v", min, n)
		}
	} else if !v.Dynamic() && v.Kind() == value.Literal {
		if _, isNum := v.LiteralValue().(float64); !isNum && !isTokenLit(v) {
			b.problem(prop, "must be a number, got %v", v.LiteralValue())
		}
	}
	return v
}

func isTokenLit(v *Value) bool {
	s, ok := v.String()
	return ok && value.IsTokenString(s)
}

// instanceType renders an instance type (an ec2.InstanceType or a
// string), adding "ml." to a literal as the CDK does.
func (b *smBuilder) instanceType(prop string, x any) *Value {
	if t, ok := x.(awsec2.InstanceType); ok && t != nil {
		x = t.ToString()
	}
	v := b.field(prop, x)
	if t, ok := v.String(); ok && !value.IsTokenString(t) && !strings.HasPrefix(t, "ml.") {
		return value.Lit("ml." + t)
	}
	return v
}

// gibibytes renders a size in GiB given as an awscdk.Size or a number.
func (b *smBuilder) gibibytes(prop string, x any) *Value {
	if size, ok := x.(awscdk.Size); ok && size != nil {
		var gib *float64
		if err := catchPanic(func() { gib = size.ToGibibytes(nil) }); err != nil {
			b.problem(prop, "must be a whole number of GiB: %v", err)
			return nil
		}
		x = gib
	}
	return b.field(prop, x)
}

// s3 converts an S3 location and records the grant a created role needs.
func (b *smBuilder) s3(prop string, loc *S3Location, write bool) *Value {
	if loc == nil {
		return nil
	}
	v := b.required(prop+".Uri", b.field(prop+".Uri", loc.Uri), "an s3:// URI")
	if v == nil {
		return nil
	}
	var resources []string
	switch uri, ok := v.String(); {
	case loc.bucketARN != "":
		resources = []string{loc.bucketARN, loc.bucketARN + "/" + loc.keyPrefix + "*"}
	case ok && !value.IsTokenString(uri):
		rest, isS3 := strings.CutPrefix(uri, "s3://")
		bucket, key, _ := strings.Cut(rest, "/")
		if !isS3 || bucket == "" {
			b.problem(prop+".Uri", "must be an s3:// URI (s3://bucket/prefix), got %q", uri)
			return v
		}
		arn := "arn:" + b.env.Partition + ":s3:::" + bucket
		resources = []string{arn, arn + "/" + key + "*"}
	default:
		// Decided at run time: no bucket can be named in the policy.
		arn := "arn:" + b.env.Partition + ":s3:::*"
		resources = []string{arn, arn + "/*"}
	}
	b.s3Read[resources[0]] = true // ListBucket
	if write {
		b.s3Write[resources[1]] = true
	} else {
		b.s3Read[resources[1]] = true
	}
	return v
}

var ecrImage = regexp.MustCompile(`^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([^:@]+)`)

// image converts a Docker image and records the ECR pull a created role needs.
func (b *smBuilder) image(prop string, img *DockerImage) *Value {
	if img == nil {
		return nil
	}
	v := b.required(prop+".ImageUri", b.field(prop+".ImageUri", img.ImageUri), "the image URI")
	if v == nil {
		return nil
	}
	uri, literal := v.String()
	switch m := ecrImage.FindStringSubmatch(uri); {
	case img.repositoryARN != "":
		b.ecr(img.repositoryARN)
	case literal && m != nil:
		b.ecr("arn:" + b.env.Partition + ":ecr:" + m[2] + ":" + m[1] + ":repository/" + m[3])
	case literal && value.IsTokenString(uri):
		// A CDK token (an ECR repository URI of this app, usually).
		b.ecr("arn:" + b.env.Partition + ":ecr:" + b.env.Region + ":" + b.env.Account + ":repository/*")
	case !literal && (img.AllowAnyEcrImagePull == nil || *img.AllowAnyEcrImagePull):
		b.ecr("arn:" + b.env.Partition + ":ecr:*:*:repository/*")
	}
	return v
}

func (b *smBuilder) ecr(repoARN string) {
	b.usesECR = true
	b.ecrRepos = append(b.ecrRepos, repoARN)
}

// key records KMS use by a created role and returns the key ARN.
func (b *smBuilder) key(prop string, key awskms.IKey, actions ...string) *Value {
	if key == nil {
		return nil
	}
	arn := *key.KeyArn()
	if len(actions) > 0 {
		b.grants = append(b.grants, Statement{Actions: actions, Resources: []string{arn}})
	}
	return b.field(prop, arn)
}

// stopping renders a StoppingCondition.
func (b *smBuilder) stopping(prop string, c *StoppingCondition, def float64) *Value {
	if c == nil {
		if def == 0 {
			return nil
		}
		return obj("MaxRuntimeInSeconds", value.Lit(def))
	}
	var v *Value
	switch {
	case c.MaxRuntime != nil && c.MaxRuntimeInSeconds != nil:
		b.problem(prop, "give MaxRuntime or MaxRuntimeInSeconds, not both")
	case c.MaxRuntime != nil:
		v = b.field(prop+".MaxRuntime", *c.MaxRuntime.ToSeconds(nil))
	default:
		v = c.MaxRuntimeInSeconds
	}
	return obj("MaxRuntimeInSeconds", b.atLeast(prop+".MaxRuntimeInSeconds", v, 1))
}

// resourceConfig renders a training ResourceConfig (defaults as the CDK).
func (b *smBuilder) resourceConfig(prop string, c *ResourceConfig) *Value {
	if c == nil {
		return obj("InstanceCount", value.Lit(1.0), "InstanceType", value.Lit("ml.m4.xlarge"), "VolumeSizeInGB", value.Lit(10.0))
	}
	return obj(
		"InstanceCount", b.atLeast(prop+".InstanceCount", b.required(prop+".InstanceCount", c.InstanceCount, "the number of instances"), 1),
		"InstanceType", b.required(prop+".InstanceType", b.instanceType(prop+".InstanceType", c.InstanceType), "the instance type"),
		"VolumeSizeInGB", b.atLeast(prop+".VolumeSize", b.required(prop+".VolumeSize", b.gibibytes(prop+".VolumeSize", c.VolumeSize), "the volume size in GiB"), 1),
		"VolumeKmsKeyId", b.key(prop+".VolumeEncryptionKey", c.VolumeEncryptionKey, "kms:CreateGrant"),
	)
}

// vpc renders a VpcConfig, creating a security group when none is given.
func (b *smBuilder) vpc(prop string, c *VpcConfig) *Value {
	if c == nil {
		return nil
	}
	if c.Vpc == nil {
		b.problem(prop+".Vpc", "required: the VPC")
		return nil
	}
	b.usesVpc = true
	var groups []any
	if c.SecurityGroups != nil && len(*c.SecurityGroups) > 0 {
		for _, g := range *c.SecurityGroups {
			groups = append(groups, g.SecurityGroupId())
		}
	} else {
		sg := awsec2.NewSecurityGroup(b.scope, jsii.String(b.id+"SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: c.Vpc})
		groups = []any{sg.SecurityGroupId()}
	}
	subnets := c.Vpc.SelectSubnets(c.Subnets).SubnetIds
	var ids []any
	for _, s := range *subnets {
		ids = append(ids, s)
	}
	return obj("SecurityGroupIds", b.field(prop+".SecurityGroups", groups), "Subnets", b.field(prop+".Subnets", ids))
}

// tags renders {key: value} as SageMaker's [{Key, Value}], sorted by key.
func (b *smBuilder) tags(prop string, tags *map[string]*string) *Value {
	if tags == nil {
		return nil
	}
	keys := make([]string, 0, len(*tags))
	for k := range *tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	items := make([]*Value, 0, len(keys))
	for _, k := range keys {
		items = append(items, obj("Key", value.Lit(k), "Value", b.field(prop+"."+k, (*tags)[k])))
	}
	return value.NewList(items...)
}

// verbatim renders a map whose keys are the user's (environment, hyperparameters).
func (b *smBuilder) verbatim(prop string, m any) *Value {
	v := b.field(prop, m)
	if v == nil {
		return nil
	}
	if v.Kind() == value.Object {
		return v.Verbatim()
	}
	return v
}

// strings converts a list of strings.
func (b *smBuilder) strings(prop string, xs *[]*string) *Value {
	if xs == nil {
		return nil
	}
	return b.field(prop, *xs)
}

// role returns the role's ARN, creating a least-privilege job role when
// none is given: assumed by sagemaker.amazonaws.com, with S3 on the job's
// locations, ECR pull of its image, logs under /aws/sagemaker/, and
// what its keys and VPC need.
func (b *smBuilder) role(role awsiam.IRole) *Value {
	if role != nil {
		return value.Lit(*role.RoleArn())
	}
	env := b.env
	stmts := []Statement{
		{Actions: []string{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
			Resources: []string{env.ARN("logs", "log-group:/aws/sagemaker/*")}},
		// cloudwatch:PutMetricData has no resource-level permissions; the
		// namespace condition keeps it to SageMaker's metrics.
		{Actions: []string{"cloudwatch:PutMetricData"}, Resources: []string{"*"},
			Conditions: map[string]map[string]any{"StringLike": {"cloudwatch:namespace": "/aws/sagemaker/*"}}},
	}
	if reads := sortedSet(b.s3Read); len(reads) > 0 {
		var buckets, objects []string
		for _, r := range reads {
			if strings.Contains(r, "/") {
				objects = append(objects, r)
			} else {
				buckets = append(buckets, r)
			}
		}
		stmts = append(stmts, Statement{Actions: []string{"s3:ListBucket"}, Resources: buckets})
		if len(objects) > 0 {
			stmts = append(stmts, Statement{Actions: []string{"s3:GetObject"}, Resources: objects})
		}
	}
	if writes := sortedSet(b.s3Write); len(writes) > 0 {
		stmts = append(stmts, Statement{Actions: []string{"s3:PutObject", "s3:AbortMultipartUpload"}, Resources: writes})
	}
	if b.usesECR {
		stmts = append(stmts,
			Statement{Actions: []string{"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"}, Resources: b.ecrRepos},
			// ecr:GetAuthorizationToken has no resource-level permissions.
			Statement{Actions: []string{"ecr:GetAuthorizationToken"}, Resources: []string{"*"}})
	}
	if b.usesVpc {
		// SageMaker's documented VPC permissions. The EC2 Describe* actions
		// have no resource-level permissions; creating and deleting the
		// job's network interfaces is kept to this account and region.
		stmts = append(stmts,
			Statement{Actions: []string{"ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions",
				"ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"}, Resources: []string{"*"}},
			Statement{Actions: []string{"ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission",
				"ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"},
				Resources: []string{env.ARN("ec2", "network-interface/*"), env.ARN("ec2", "subnet/*"), env.ARN("ec2", "security-group/*")}})
	}
	stmts = append(stmts, b.grants...)
	doc := map[string]any{"Version": "2012-10-17", "Statement": statementDocs(iampolicy.Merge(stmts...))}
	r := awsiam.NewRole(b.scope, jsii.String(b.id+"SagemakerRole"), &awsiam.RoleProps{
		AssumedBy:      awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil),
		InlinePolicies: &map[string]awsiam.PolicyDocument{"SageMakerJob": awsiam.PolicyDocument_FromJson(doc)},
	})
	return value.Lit(*r.RoleArn())
}

func statementDocs(stmts []Statement) []any {
	out := make([]any, 0, len(stmts))
	for _, s := range stmts {
		raw, _ := json.Marshal(s)
		var m map[string]any
		_ = json.Unmarshal(raw, &m)
		m["Effect"] = "Allow"
		out = append(out, m)
	}
	return out
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// enum converts a string enum prop (empty means unset).
func (b *smBuilder) enum(prop string, s string, allowed ...string) *Value {
	if s == "" {
		return nil
	}
	v := b.field(prop, s)
	if lit, ok := v.String(); ok && !value.IsTokenString(lit) && len(allowed) > 0 {
		for _, a := range allowed {
			if a == lit {
				return v
			}
		}
		b.problem(prop, "must be one of %s (or dynamic), got %q", strings.Join(allowed, ", "), lit)
	}
	return v
}
