package tasks

import (
	"encoding/json"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// sageMakerNamePattern is SageMaker's rule for job, model, endpoint and
// endpoint-config names: alphanumerics and inner hyphens.
var sageMakerNamePattern = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9])*$`)

// algorithmNamePattern is CreateTrainingJob's rule for AlgorithmName (a
// name or an algorithm ARN), as the CDK checks it; the name must not end
// with a hyphen.
var algorithmNamePattern = regexp.MustCompile(`^(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:[a-z\-]*/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})$`)

// smBuilder collects the request, the problems, and what the task will
// own once it exists (its role, its security group) for one SageMaker task.
type smBuilder struct {
	spec *engine.Spec
	env  iampolicy.Env

	// What the job role needs (on a created role, or granted on a given one).
	grants   []Statement
	s3Read   map[string]bool
	s3Write  map[string]bool
	usesECR  bool
	ecrRepos []string

	roleARN   *pendingString // the role the task creates, when none is given
	givenRole awsiam.IRole
	vpc       *smVpc
	sgID      string // construct ID of the security group the task creates
	sgLast    bool   // render the created group after the others
	// binds bind locations and images of the user's own types, once the
	// task exists.
	binds []func(task ISageMakerTask)
	// jsonata: the state is a JSONata one (known once rendered).
	jsonata bool
}

type smVpc struct {
	vpc    awsec2.IVpc
	groups []awsec2.ISecurityGroup
	ids    *lazyList
}

func newSMBuilder(scope constructs.Construct, construct string, api string) *smBuilder {
	in, ok := iampolicy.Lookup("sagemaker", api)
	if !ok {
		panic("sfnkit: sagemaker:" + api + " is not in the catalog")
	}
	return &smBuilder{
		spec:   &engine.Spec{Construct: construct, Integration: in, ParamsField: "Parameters"},
		env:    engine.EnvOf(scope),
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

// standing returns the Value a whole struct pointer stands for
// (tasks.ValueAt), if it does.
func standing(p any) (*Value, bool) {
	if p == nil || (reflect.ValueOf(p).Kind() == reflect.Pointer && reflect.ValueOf(p).IsNil()) {
		return nil, false
	}
	return value.Standing(p)
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

func flatten(m map[string]*Value) []any {
	out := make([]any, 0, 2*len(m))
	for k, v := range m {
		out = append(out, k, v)
	}
	return out
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

// whole checks a literal number is a whole number from min to max
// (max < min: no upper bound).
func (b *smBuilder) whole(prop string, v *Value, min, max float64) *Value {
	if n, ok := literalNumber(v); ok {
		switch {
		case max < min && (n < min || n != math.Trunc(n)):
			b.problem(prop, "must be a whole number of at least %s, got %s", num(min), num(n))
		case max >= min && (n < min || n > max || n != math.Trunc(n)):
			b.problem(prop, "must be a whole number from %s to %s, got %s", num(min), num(max), num(n))
		}
	}
	return v
}

// number converts a *float64 prop and checks it when literal.
func (b *smBuilder) number(prop string, x *float64, min, max float64) *Value {
	return b.whole(prop, b.field(prop, x), min, max)
}

// instanceType renders an ec2.InstanceType with "ml." in front, as the
// CDK does, unless it is an expression or already has it.
func (b *smBuilder) instanceType(prop string, t awsec2.InstanceType) *Value {
	if t == nil {
		return nil
	}
	if v, ok := value.Standing(t); ok {
		return v
	}
	v := b.field(prop, t.ToString())
	if s, ok := v.String(); ok && !value.IsTokenString(s) && !strings.HasPrefix(s, "ml.") {
		return value.Lit("ml." + s)
	}
	return v
}

// s3 converts an S3 location and records the grant the job role needs.
func (b *smBuilder) s3(prop string, loc S3Location, write bool) *Value {
	if loc == nil {
		return nil
	}
	l, ours := loc.(*s3Location)
	if !ours {
		// A location of the user's own type: bound once the task exists.
		return b.bindLater(prop, func(task ISageMakerTask) *string {
			return loc.Bind(task, &S3LocationBindOptions{ForReading: jsii.Bool(!write), ForWriting: jsii.Bool(write)}).Uri
		})
	}
	v := b.required(prop, b.field(prop, l.uri), "an s3:// URI")
	if v == nil {
		return nil
	}
	var resources []string
	switch uri, ok := v.String(); {
	case l.bucketARN != "":
		resources = []string{l.bucketARN, l.bucketARN + "/" + l.keyPrefix + "*"}
	case ok && !value.IsTokenString(uri):
		bucket, key, isS3 := s3BucketAndKey(uri)
		if !isS3 {
			b.problem(prop, "must be an s3:// URI (s3://bucket/prefix) or an S3 https:// URL, got %q", uri)
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

// s3URL is an S3 https:// URL, path-style (s3.<region>.amazonaws.com/<bucket>/<key>)
// or virtual-hosted (<bucket>.s3.<region>.amazonaws.com/<key>).
var s3URL = regexp.MustCompile(`^https://(?:([a-z0-9.-]+)\.)?s3[.-](?:[a-z0-9-]+\.)*amazonaws\.com(?:\.cn)?/(.*)$`)

// s3BucketAndKey reads the bucket and key of an S3 URI, as SageMaker
// takes them: s3://bucket/key or an S3 https:// URL.
func s3BucketAndKey(uri string) (bucket, key string, ok bool) {
	if rest, isS3 := strings.CutPrefix(uri, "s3://"); isS3 {
		bucket, key, _ = strings.Cut(rest, "/")
		return bucket, key, bucket != ""
	}
	m := s3URL.FindStringSubmatch(uri)
	switch {
	case m == nil:
		return "", "", false
	case m[1] != "":
		return m[1], m[2], true
	}
	bucket, key, _ = strings.Cut(m[2], "/")
	return bucket, key, bucket != ""
}

// bindLater renders a value that a user's own implementation gives once
// bound to the task: a CDK Lazy string, set when the task exists.
func (b *smBuilder) bindLater(prop string, bind func(task ISageMakerTask) *string) *Value {
	l := &pendingString{what: prop}
	b.binds = append(b.binds, func(task ISageMakerTask) {
		uri := bind(task)
		if uri != nil && (sfn.JsonPath_IsEncodedJsonPath(uri) != nil && *sfn.JsonPath_IsEncodedJsonPath(uri) || strings.HasPrefix(*uri, "{%")) {
			panic(&ValidationError{Construct: b.spec.Construct, Path: *task.(constructs.IConstruct).Node().Path(),
				Problems: []error{fieldProblem(prop, "a location or image of your own type is bound after the state is rendered, so it must give a literal URI; for one read from the input use S3Location_FromJsonExpression or DockerImage_FromJsonExpression")}})
		}
		l.value = uri
	})
	return value.Lit(*awscdk.Lazy_String(l, nil))
}

var ecrImage = regexp.MustCompile(`^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([^:@]+)`)

// image converts a Docker image and records the ECR pull the job role needs.
func (b *smBuilder) image(prop string, img DockerImage) *Value {
	if img == nil {
		return nil
	}
	d, ours := img.(*dockerImage)
	if !ours {
		return b.bindLater(prop, func(task ISageMakerTask) *string { return img.Bind(task).ImageUri })
	}
	v := b.required(prop, b.field(prop, d.uri), "the image URI")
	if v == nil {
		return nil
	}
	uri, literal := v.String()
	switch m := ecrImage.FindStringSubmatch(uri); {
	case d.repoARN != "":
		b.ecr(d.repoARN)
	case literal && m != nil:
		b.ecr("arn:" + b.env.Partition + ":ecr:" + m[2] + ":" + m[1] + ":repository/" + m[3])
	case literal && value.IsTokenString(uri):
		// A CDK token (an ECR repository URI of this app, usually).
		b.ecr("arn:" + b.env.Partition + ":ecr:" + b.env.Region + ":" + b.env.Account + ":repository/*")
	case !literal && d.anyECR:
		b.ecr("arn:" + b.env.Partition + ":ecr:*:*:repository/*")
	}
	return v
}

func (b *smBuilder) ecr(repoARN string) {
	b.usesECR = true
	b.ecrRepos = append(b.ecrRepos, repoARN)
}

// key records KMS use by the job role and returns the key ARN.
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

// keyRef returns the ARN (or the ID) of a key given as an IKeyRef.
func (b *smBuilder) keyRef(prop string, key interfacesawskms.IKeyRef, id bool) *Value {
	if key == nil {
		return nil
	}
	ref := key.KeyRef()
	if id {
		return b.field(prop, ref.KeyId)
	}
	return b.field(prop, ref.KeyArn)
}

// stopping renders a StoppingCondition (default when nil: def seconds,
// none when def is 0); max bounds a literal MaxRuntime.
func (b *smBuilder) stopping(prop string, c *StoppingCondition, def, max float64) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		if def == 0 {
			return nil
		}
		return obj("MaxRuntimeInSeconds", value.Lit(def))
	}
	v := b.whole(prop+".MaxRuntime", durationIn(b.spec, prop+".MaxRuntime", c.MaxRuntime, engine.Second), 1, max)
	if v == nil {
		return value.NewObject(map[string]*Value{}) // the CDK renders {} too
	}
	return obj("MaxRuntimeInSeconds", v)
}

// resourceConfig renders a training ResourceConfig (defaults as the CDK).
func (b *smBuilder) resourceConfig(prop string, c *ResourceConfig) *Value {
	if v, ok := standing(c); ok {
		return v
	}
	if c == nil {
		return obj("InstanceCount", value.Lit(1.0), "InstanceType", value.Lit("ml.m4.xlarge"), "VolumeSizeInGB", value.Lit(10.0))
	}
	return obj(
		"InstanceCount", b.required(prop+".InstanceCount", b.number(prop+".InstanceCount", c.InstanceCount, 1, -1), "the number of instances"),
		"InstanceType", b.required(prop+".InstanceType", b.instanceType(prop+".InstanceType", c.InstanceType), "the instance type"),
		"VolumeSizeInGB", b.required(prop+".VolumeSize", b.whole(prop+".VolumeSize", sizeIn(b.spec, prop+".VolumeSize", c.VolumeSize, engine.Gibibyte), 1, 16384), "the volume size"),
		"VolumeKmsKeyId", b.key(prop+".VolumeEncryptionKey", c.VolumeEncryptionKey, "kms:CreateGrant"),
	)
}

// vpcConfig renders a job's VpcConfig: the subnets, and the security
// group IDs read at synth (the created group, given ones, added ones).
func (b *smBuilder) vpcConfig(prop string, vpc awsec2.IVpc, subnets *awsec2.SubnetSelection, groups *[]awsec2.ISecurityGroup, sgID string, sgLast bool) *Value {
	if vpc == nil {
		b.problem(prop+".Vpc", "required: the VPC")
		return nil
	}
	b.vpc = &smVpc{vpc: vpc, ids: &lazyList{}}
	b.sgID, b.sgLast = sgID, sgLast
	if groups != nil {
		for i, g := range *groups {
			if g == nil {
				b.problem(prop+".SecurityGroups["+strconv.Itoa(i)+"]", "is nil")
				continue
			}
			b.vpc.groups = append(b.vpc.groups, g)
		}
	}
	ids := awscdk.Lazy_List(b.vpc.ids, &awscdk.LazyListValueOptions{DisplayHint: jsii.String("SecurityGroupIds")})
	subnetIDs, err := selectSubnets(vpc, subnets)
	if err != nil {
		b.problem(prop+".Subnets", "%v", err)
	}
	return obj("SecurityGroupIds", value.Lit(*ids), "Subnets", b.field(prop+".Subnets", subnetIDs))
}

// tags renders {key: value} as SageMaker's [{Key, Value}], sorted by key.
func (b *smBuilder) tags(prop string, tags *map[string]*string) *Value {
	if v, ok := standing(tags); ok {
		return v
	}
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
	return smList(items)
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
	return b.field(prop, xs)
}

// smEnumValues are the API's spellings of the SageMaker enum constants,
// whose values are the constants' names, as in awsstepfunctionstasks
// (InputMode_FILE is "FILE"; the API takes "File").
var smEnumValues = map[string]string{
	"PIPE": "Pipe", "FILE": "File", "FAST_FILE": "FastFile",
	"MANIFEST_FILE": "ManifestFile", "S3_PREFIX": "S3Prefix", "AUGMENTED_MANIFEST_FILE": "AugmentedManifestFile",
	"FULLY_REPLICATED": "FullyReplicated", "SHARDED_BY_S3_KEY": "ShardedByS3Key",
	"NONE": "None", "RECORD_IO": "RecordIO", "GZIP": "Gzip",
	"SINGLE_MODEL": "SingleModel", "MULTI_MODEL": "MultiModel",
	"MULTI_RECORD": "MultiRecord", "SINGLE_RECORD": "SingleRecord",
	"LINE": "Line", "TF_RECORD": "TFRecord",
}

// enumValue is the API's spelling of an enum constant (a value already in
// the API's spelling is kept).
func enumValue(s string) string {
	if v, ok := smEnumValues[s]; ok {
		return v
	}
	return s
}

// enum converts a string enum prop (empty means unset): a constant, the
// API's own spelling, or a run-time value.
func (b *smBuilder) enum(prop string, s string, allowed ...string) *Value {
	if s == "" {
		return nil
	}
	v := b.field(prop, enumValue(s))
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

// role returns the ARN of the role the job runs as: the given one, or one
// the task creates once it exists (a CDK Lazy value until then).
func (b *smBuilder) role(role awsiam.IRole) *Value {
	if role != nil {
		b.givenRole = role
		return value.Lit(*role.RoleArn())
	}
	b.roleARN = &pendingString{what: "the job role's ARN"}
	return value.Lit(*awscdk.Lazy_String(b.roleARN, nil))
}

// dataStatements are what the job needs of its inputs and outputs: S3 on
// its locations, ECR pull of its images, its KMS keys.
func (b *smBuilder) dataStatements() []Statement {
	var stmts []Statement
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
	return append(stmts, b.grants...)
}

// ownRole creates the job role under task (at <task>/SagemakerRole, as
// the CDK), least privilege: assumed by sagemaker.amazonaws.com, with its
// data statements, logs under /aws/sagemaker/, SageMaker's metrics and,
// in a VPC, its network interfaces. A given role is granted the data
// statements, as the CDK's binds grant it.
func (b *smBuilder) ownRole(task constructs.Construct) awsiam.IRole {
	data := iampolicy.Merge(b.dataStatements()...)
	if b.roleARN == nil {
		if b.givenRole != nil {
			for _, s := range data {
				b.givenRole.AddToPrincipalPolicy(engine.PolicyStatement(s))
			}
		}
		return b.givenRole
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
	if b.vpc != nil {
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
	doc := map[string]any{"Version": "2012-10-17", "Statement": statementDocs(iampolicy.Merge(append(stmts, data...)...))}
	r := awsiam.NewRole(task, jsii.String("SagemakerRole"), &awsiam.RoleProps{
		AssumedBy:      awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil),
		InlinePolicies: &map[string]awsiam.PolicyDocument{"SageMakerJob": awsiam.PolicyDocument_FromJson(doc)},
	})
	b.roleARN.value = r.RoleArn()
	return r
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

// smList is a list of the items that rendered (an item in error renders
// nothing, and its problem is reported).
func smList(items []*Value) *Value {
	out := make([]*Value, 0, len(items))
	for _, it := range items {
		if it != nil {
			out = append(out, it)
		}
	}
	return value.NewList(out...)
}
