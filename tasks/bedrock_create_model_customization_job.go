package tasks

import (
	"regexp"
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbedrock"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// CustomizationType mirrors awsstepfunctionstasks.CustomizationType: how
// the base model is customized.
type CustomizationType string

const (
	// CustomizationType_FINE_TUNING trains on labeled data.
	CustomizationType_FINE_TUNING CustomizationType = "FINE_TUNING"
	// CustomizationType_CONTINUED_PRE_TRAINING trains on unlabeled data.
	CustomizationType_CONTINUED_PRE_TRAINING CustomizationType = "CONTINUED_PRE_TRAINING"
	// CustomizationType_DISTILLATION trains a smaller model on a larger
	// one's responses.
	CustomizationType_DISTILLATION CustomizationType = "DISTILLATION"
)

// CustomModelTag mirrors awsstepfunctionstasks.CustomModelTag: a tag of
// the custom model or of the job. Key and Value may be dynamic.
type CustomModelTag struct {
	// Key: 1 to 128 characters.
	Key *string
	// Value: at most 256 characters.
	Value *string
}

// TrainingBucketConfiguration mirrors awsstepfunctionstasks.TrainingBucketConfiguration:
// where the training data is.
type TrainingBucketConfiguration struct {
	Bucket awss3.IBucket
	// Path of the file or folder in the bucket (default: the bucket's
	// root). May be dynamic: the S3 URI is then built at run time.
	Path *string
}

// ValidationBucketConfiguration mirrors awsstepfunctionstasks.ValidationBucketConfiguration:
// where a validation data set is.
type ValidationBucketConfiguration struct {
	Bucket awss3.IBucket
	// Path of the file or folder in the bucket; may be dynamic.
	Path *string
}

// OutputBucketConfiguration mirrors awsstepfunctionstasks.OutputBucketConfiguration:
// where the job writes its output.
type OutputBucketConfiguration struct {
	Bucket awss3.IBucket
	// Path of the folder in the bucket; may be dynamic.
	Path *string
}

// IBedrockCreateModelCustomizationJobVpcConfig mirrors
// awsstepfunctionstasks.IBedrockCreateModelCustomizationJobVpcConfig: the
// VPC the job runs in.
type IBedrockCreateModelCustomizationJobVpcConfig interface {
	// SecurityGroups: 1 to 5.
	SecurityGroups() *[]awsec2.ISecurityGroup
	// Subnets: 1 to 16.
	Subnets() *[]awsec2.ISubnet
}

// BedrockCreateModelCustomizationJobProps mirrors
// awsstepfunctionstasks.BedrockCreateModelCustomizationJobProps.
type BedrockCreateModelCustomizationJobProps struct {
	// BaseModel (required) to customize.
	BaseModel awsbedrock.IModel
	// CustomModelName (required): 1 to 63 letters, digits, '-' and '_'
	// ('-' and '_' never twice in a row). May be dynamic.
	CustomModelName *string
	// JobName (required): 1 to 63 characters, starting with a letter or
	// digit. May be dynamic.
	JobName *string
	// OutputData (required): where the job writes its output.
	OutputData *OutputBucketConfiguration
	// TrainingData (required): where the training data is.
	TrainingData *TrainingBucketConfiguration
	// ClientRequestToken makes the request idempotent: 1 to 256 letters,
	// digits and single '-'.
	ClientRequestToken *string
	// CustomizationType: Bedrock's default is FINE_TUNING.
	CustomizationType CustomizationType
	// CustomModelKmsKey encrypts the custom model. The state machine gets
	// the key statement Bedrock requires of the job's creator; the job's
	// role is added to the key's policy when the key is in the app, as in
	// the CDK.
	CustomModelKmsKey awskms.IKey
	// CustomModelTags: at most 200; tasks.ValueAt gives them at run time.
	CustomModelTags *[]*CustomModelTag
	// HyperParameters of the job (keys as Bedrock names them); values, or
	// the whole map (tasks.StringMapAt), may be dynamic.
	HyperParameters *map[string]*string
	// JobTags: at most 200; tasks.ValueAt gives them at run time.
	JobTags *[]*CustomModelTag
	// Role Bedrock runs the job with. Default: a role made at the CDK's ID
	// (BedrockRole), which may read the training and validation data and
	// write the output. The state machine may pass it, only to Bedrock.
	Role interfacesawsiam.IRoleRef
	// ValidationData: 1 to 10 data sets. Without any, give the
	// "Evaluation percentage" hyperparameter.
	ValidationData *[]*ValidationBucketConfiguration
	// VpcConfig: the VPC the job runs in.
	VpcConfig IBedrockCreateModelCustomizationJobVpcConfig

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
	bedrockCreateModelCustomizationJob, _ = iampolicy.Lookup("bedrock", "createModelCustomizationJob")
	bedrockClientRequestToken             = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9])*$`)
	bedrockCustomModelName                = regexp.MustCompile(`^([0-9a-zA-Z][_-]?)+$`)
	bedrockJobName                        = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])*$`)
)

// BedrockCreateModelCustomizationJob is the task
// NewBedrockCreateModelCustomizationJob returns: a Task with its CDK
// class's Role.
type BedrockCreateModelCustomizationJob interface {
	Task
	// Role is the role the job runs with: the one given, or the one the
	// task made. It panics, as in the CDK, when the role given is only an
	// IRoleRef.
	Role() awsiam.IRole
}

// NewBedrockCreateModelCustomizationJob starts a Bedrock model
// customization job (arn:…:states:::bedrock:createModelCustomizationJob):
// REQUEST_RESPONSE (the default) returns the job's ARN; RUN_JOB (.sync)
// waits for the job to end, which the CDK does not offer.
func NewBedrockCreateModelCustomizationJob(scope constructs.Construct, id *string, props *BedrockCreateModelCustomizationJobProps) BedrockCreateModelCustomizationJob {
	checkProps(scope, id, "BedrockCreateModelCustomizationJob", props == nil)
	spec := &engine.Spec{Construct: "BedrockCreateModelCustomizationJob", Integration: bedrockCreateModelCustomizationJob}
	p := taskParams{spec: spec, fields: map[string]*Value{}}

	if props.BaseModel == nil {
		p.problem("BaseModel", "required: the model to customize (awsbedrock.FoundationModel_FromFoundationModelId…)")
	} else {
		p.fields["BaseModelIdentifier"] = value.Lit(*engine.Memo(props.BaseModel, "ModelArn", props.BaseModel.ModelArn))
	}
	if v := p.optional("ClientRequestToken", "ClientRequestToken", props.ClientRequestToken); v != nil {
		p.length("ClientRequestToken", v, 1, 256)
		p.pattern("ClientRequestToken", v, bedrockClientRequestToken, "letters, digits and single '-', starting and ending with a letter or digit")
	}
	if v := p.optional("CustomizationType", "CustomizationType", string(props.CustomizationType)); v != nil {
		if s, ok := literalString(v); ok && s == "" {
			delete(p.fields, "CustomizationType")
		} else {
			p.oneOf("CustomizationType", v, "FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION")
		}
	}
	if k := props.CustomModelKmsKey; k != nil {
		p.fields["CustomModelKmsKeyId"] = value.Lit(*engine.Memo(k, "KeyArn", k.KeyArn))
	}
	if v := p.required("CustomModelName", "CustomModelName", props.CustomModelName, "a name for the custom model"); v != nil {
		p.length("CustomModelName", v, 1, 63)
		p.pattern("CustomModelName", v, bedrockCustomModelName, "letters, digits, '-' and '_', never two of '-' and '_' in a row, starting with a letter or digit")
	}
	p.bedrockTags("CustomModelTags", props.CustomModelTags)
	hyper := field(spec, "HyperParameters", props.HyperParameters)
	switch {
	case hyper == nil:
	case hyper.IsExpression():
		p.fields["HyperParameters"] = hyper
	case hyper.Kind() != value.Object:
		p.problem("HyperParameters", "give a map of names to values, or an expression that yields it at run time, got %s", describeValue(hyper))
	default:
		for _, k := range sortedFieldNames(hyper) {
			if f := hyper.Field(k); !f.Dynamic() {
				if _, ok := f.String(); !ok {
					p.problem("HyperParameters."+k, "must be a string (or dynamic), got %s", describeValue(f))
				}
			}
		}
		p.fields["HyperParameters"] = hyper.Verbatim()
	}
	if v := p.required("JobName", "JobName", props.JobName, "a name for the customization job"); v != nil {
		p.length("JobName", v, 1, 63)
		p.pattern("JobName", v, bedrockJobName, "letters, digits, '+', '-' and '.', starting with a letter or digit")
	}
	p.bedrockTags("JobTags", props.JobTags)

	var validationBuckets []awss3.IBucket
	if props.ValidationData != nil {
		if n := len(*props.ValidationData); n < 1 || n > 10 {
			p.problem("ValidationData", "give 1 to 10 validation data sets, got %d", n)
		}
		validators := []*Value{}
		for i, c := range *props.ValidationData {
			name := "ValidationData[" + strconv.Itoa(i) + "]"
			if c == nil {
				p.problem(name, "must not be nil")
				continue
			}
			if uri := p.bedrockS3Uri(name, c.Bucket, c.Path); uri != nil {
				validators = append(validators, value.NewObject(map[string]*Value{"S3Uri": uri}))
				validationBuckets = append(validationBuckets, c.Bucket)
			}
		}
		p.fields["ValidationDataConfig"] = value.NewObject(map[string]*Value{"Validators": value.NewList(validators...)})
	} else if hyper == nil || (hyper.Kind() == value.Object && hyper.Field("Evaluation percentage") == nil) {
		// A map decided at run time may hold the percentage.
		p.problem("ValidationData", "required: validation data sets, or the \"Evaluation percentage\" hyperparameter")
	}

	var trainingBucket, outputBucket awss3.IBucket
	if c := props.TrainingData; c == nil {
		p.problem("TrainingData", "required: where the training data is")
	} else if uri := p.bedrockS3Uri("TrainingData", c.Bucket, c.Path); uri != nil {
		p.fields["TrainingDataConfig"] = value.NewObject(map[string]*Value{"S3Uri": uri})
		trainingBucket = c.Bucket
	}
	if c := props.OutputData; c == nil {
		p.problem("OutputData", "required: where the job writes its output")
	} else if uri := p.bedrockS3Uri("OutputData", c.Bucket, c.Path); uri != nil {
		p.fields["OutputDataConfig"] = value.NewObject(map[string]*Value{"S3Uri": uri})
		outputBucket = c.Bucket
	}

	var groups []awsec2.ISecurityGroup
	var subnets []awsec2.ISubnet
	if vpc := props.VpcConfig; vpc != nil {
		if sg := vpc.SecurityGroups(); sg != nil {
			groups = *sg
		}
		if sn := vpc.Subnets(); sn != nil {
			subnets = *sn
		}
		if n := len(groups); n < 1 || n > 5 {
			p.problem("VpcConfig.SecurityGroups", "give 1 to 5 security groups, got %d", n)
		}
		if n := len(subnets); n < 1 || n > 16 {
			p.problem("VpcConfig.Subnets", "give 1 to 16 subnets, got %d", n)
		}
		var groupIDs, subnetIDs []*Value
		for i, g := range groups {
			if g == nil {
				p.problem("VpcConfig.SecurityGroups["+strconv.Itoa(i)+"]", "must not be nil")
				continue
			}
			groupIDs = append(groupIDs, value.Lit(*g.SecurityGroupId()))
		}
		for i, s := range subnets {
			if s == nil {
				p.problem("VpcConfig.Subnets["+strconv.Itoa(i)+"]", "must not be nil")
				continue
			}
			subnetIDs = append(subnetIDs, value.Lit(*s.SubnetId()))
		}
		p.fields["VpcConfig"] = value.NewObject(map[string]*Value{
			"SecurityGroupIds": value.NewList(groupIDs...), "SubnetIds": value.NewList(subnetIDs...)})
	}

	// The role: the one given, or the one made under the task once it
	// exists; its ARN reaches the request when the CDK resolves it.
	roles := &bedrockJobRole{given: props.Role, path: *scope.Node().Path() + "/" + *id}
	if props.Role != nil {
		p.fields["RoleArn"] = value.Lit(*props.Role.RoleRef().RoleArn)
	} else {
		p.fields["RoleArn"] = value.Lit(*awscdk.Lazy_String(&lazyString{func() *string { return roles.made.RoleArn() }}, nil))
	}
	spec.Params = value.NewObject(p.fields)

	common, problems := engine.ReadCommon(props, false)
	r := engine.Prepare(scope, id, spec, common, problems)
	task := &bedrockCustomizationState{bedrockJobRoleGetter: bedrockJobRoleGetter{roles}}
	task.Create(scope, id, r, task)
	state := task.CustomState
	if props.Role == nil {
		roles.made = bedrockDefaultRole(state, trainingBucket, validationBuckets, outputBucket, groups, subnets)
	}
	if k := props.CustomModelKmsKey; k != nil {
		k.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions:    jsii.Strings("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"),
			Resources:  jsii.Strings("*"),
			Principals: &[]awsiam.IPrincipal{awsiam.NewArnPrincipal(roles.arn())},
			Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{
				"kms:ViaService": []interface{}{"bedrock." + *awscdk.Stack_Of(state).Region() + ".amazonaws.com"}}},
		}), jsii.Bool(true))
	}
	return task
}

// bedrockJobRole is the job's role: given, or made by the task.
type bedrockJobRole struct {
	given interfacesawsiam.IRoleRef
	made  awsiam.IRole
	path  string // the task's, for messages
}

func (r *bedrockJobRole) arn() *string {
	if r.given != nil {
		return r.given.RoleRef().RoleArn
	}
	return r.made.RoleArn()
}

// bedrockJobRoleGetter is the task's Role method.
type bedrockJobRoleGetter struct{ roles *bedrockJobRole }

func (g bedrockJobRoleGetter) Role() awsiam.IRole {
	if g.roles.made != nil {
		return g.roles.made
	}
	if role, ok := g.roles.given.(awsiam.IRole); ok {
		return role
	}
	panic(&ValidationError{Construct: "BedrockCreateModelCustomizationJob", Path: g.roles.path,
		Problems: []error{fieldProblem("Role", "the role given is an IRoleRef, not an awsiam.IRole: give an awsiam.IRole to use Role()")}})
}

type bedrockCustomizationState struct {
	engine.TaskState
	bedrockJobRoleGetter
}

// bedrockDefaultRole is the role the CDK makes when none is given, at its
// construct ID: Bedrock may assume it for this account's customization
// jobs; it may read the training and validation data, read and write the
// output, and, in a VPC, manage the job's network interfaces.
func bedrockDefaultRole(task constructs.Construct, training awss3.IBucket, validation []awss3.IBucket, output awss3.IBucket,
	groups []awsec2.ISecurityGroup, subnets []awsec2.ISubnet) awsiam.IRole {
	stack := awscdk.Stack_Of(task)
	arn := func(service, resource, name string) *string {
		return stack.FormatArn(&awscdk.ArnComponents{Service: jsii.String(service), Resource: jsii.String(resource), ResourceName: jsii.String(name)})
	}
	jobs := arn("bedrock", "model-customization-job", "*")
	var stmts []awsiam.PolicyStatement
	if len(groups) > 0 || len(subnets) > 0 {
		var subnetARNs []*string
		for _, s := range subnets {
			if s != nil {
				subnetARNs = append(subnetARNs, arn("ec2", "subnet", *s.SubnetId()))
			}
		}
		var networkResources []*string
		for _, g := range groups {
			if g != nil {
				networkResources = append(networkResources, arn("ec2", "security-group", *g.SecurityGroupId()))
			}
		}
		networkResources = append(networkResources, subnetARNs...)
		subnetList := make([]interface{}, len(subnetARNs))
		for i, s := range subnetARNs {
			subnetList[i] = *s
		}
		stmts = append(stmts,
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"),
				Resources: jsii.Strings("*"),
			}),
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("ec2:CreateNetworkInterface"),
				Resources: &[]*string{arn("ec2", "network-interface", "*")},
				Conditions: &map[string]interface{}{
					"StringEquals": map[string]interface{}{"aws:RequestTag/BedrockManaged": []interface{}{"true"}},
					"ArnEquals":    map[string]interface{}{"aws:RequestTag/BedrockModelCustomizationJobArn": []interface{}{*jobs}},
				},
			}),
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("ec2:CreateNetworkInterface"),
				Resources: &networkResources,
			}),
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"),
				Resources: jsii.Strings("*"),
				Conditions: &map[string]interface{}{
					"ArnEquals": map[string]interface{}{
						"ec2:Subnet": subnetList,
						"ec2:ResourceTag/BedrockModelCustomizationJobArn": []interface{}{*jobs},
					},
					"StringEquals": map[string]interface{}{"ec2:ResourceTag/BedrockManaged": "true"},
				},
			}),
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions:   jsii.Strings("ec2:CreateTags"),
				Resources: &[]*string{arn("ec2", "network-interface", "*")},
				Conditions: &map[string]interface{}{
					"StringEquals":              map[string]interface{}{"ec2:CreateAction": []interface{}{"CreateNetworkInterface"}},
					"ForAllValues:StringEquals": map[string]interface{}{"aws:TagKeys": []interface{}{"BedrockManaged", "BedrockModelCustomizationJobArn"}},
				},
			}),
		)
	}
	var read []*string
	if training != nil {
		read = append(read, training.BucketArn(), jsii.String(*training.BucketArn()+"/*"))
	}
	for _, b := range validation {
		read = append(read, b.BucketArn())
	}
	for _, b := range validation {
		read = append(read, jsii.String(*b.BucketArn()+"/*"))
	}
	stmts = append(stmts, awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("s3:GetObject", "s3:ListBucket"), Resources: &read}))
	if output != nil {
		stmts = append(stmts, awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions:   jsii.Strings("s3:GetObject", "s3:PutObject", "s3:ListBucket"),
			Resources: &[]*string{output.BucketArn(), jsii.String(*output.BucketArn() + "/*")}}))
	}
	return awsiam.NewRole(task, jsii.String("BedrockRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("bedrock.amazonaws.com"), &awsiam.ServicePrincipalOpts{
			Conditions: &map[string]interface{}{
				"StringEquals": map[string]interface{}{"aws:SourceAccount": *stack.Account()},
				"ArnEquals":    map[string]interface{}{"aws:SourceArn": *jobs},
			},
		}),
		InlinePolicies: &map[string]awsiam.PolicyDocument{
			"BedrockCreateModelCustomizationJob": awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{Statements: &stmts}),
		},
	})
}

// bedrockS3Uri is the S3 URI of a bucket and path, as the CDK's
// s3UrlForObject writes it; a dynamic path makes it dynamic.
func (p *taskParams) bedrockS3Uri(prop string, bucket awss3.IBucket, path *string) *Value {
	if bucket == nil {
		p.problem(prop+".Bucket", "required")
		return nil
	}
	name := *engine.Memo(bucket, "BucketName", bucket.BucketName)
	if path == nil {
		return value.Lit("s3://" + name)
	}
	v := field(p.spec, prop+".Path", path)
	if v == nil {
		return nil
	}
	if s, ok := v.String(); ok {
		if len(s) > 0 && s[0] == '/' {
			s = s[1:]
		}
		return value.Lit("s3://" + name + "/" + s)
	}
	uri, err := concat(value.Lit("s3://"+name+"/"), v)
	if err != nil {
		p.problem(prop+".Path", "%v", err)
		return nil
	}
	return uri
}

// bedrockTags renders CustomModelTags or JobTags as [{Key, Value}],
// checking literal ones against Bedrock's limits.
func (p *taskParams) bedrockTags(prop string, tags *[]*CustomModelTag) {
	if tags == nil {
		return
	}
	if v, ok := value.Standing(tags); ok {
		p.fields[prop] = v
		return
	}
	if n := len(*tags); n > 200 {
		p.problem(prop, "at most 200 tags, got %d", n)
	}
	items := []*Value{}
	for i, t := range *tags {
		name := prop + "[" + strconv.Itoa(i) + "]"
		if t == nil {
			p.problem(name, "must not be nil")
			continue
		}
		tag := taskParams{spec: p.spec, fields: map[string]*Value{}}
		if k := tag.required(name+".Key", "Key", t.Key, "the tag's key"); k != nil {
			tag.length(name+".Key", k, 1, 128)
		}
		if v := tag.required(name+".Value", "Value", t.Value, "the tag's value"); v != nil {
			tag.length(name+".Value", v, 0, 256)
		}
		items = append(items, value.NewObject(tag.fields))
	}
	p.fields[prop] = value.NewList(items...)
}

// pattern checks a literal string against re.
func (p *taskParams) pattern(prop string, v *Value, re *regexp.Regexp, what string) {
	if s, ok := literalString(v); ok && !re.MatchString(s) {
		p.problem(prop, "%q must be %s", s, what)
	}
}
