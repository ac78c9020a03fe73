package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	jobRole = "arn:aws:iam::111122223333:role/bedrock-customization"
	jobKey  = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
)

// jobBuckets are the data buckets made per stack.
type jobBuckets struct{ training, validation, output awss3.IBucket }

var jobBucketsOf = map[awscdk.Stack]*jobBuckets{}

func bucketsOf(stack awscdk.Stack) *jobBuckets {
	b, ok := jobBucketsOf[stack]
	if !ok {
		b = &jobBuckets{
			training:   awss3.Bucket_FromBucketName(stack, jsii.String("TrainingBucket"), jsii.String("training-data")),
			validation: awss3.Bucket_FromBucketName(stack, jsii.String("ValidationBucket"), jsii.String("validation-data")),
			output:     awss3.Bucket_FromBucketName(stack, jsii.String("OutputBucket"), jsii.String("job-output")),
		}
		jobBucketsOf[stack] = b
	}
	return b
}

func jobProps(stack awscdk.Stack, mod func(p *tasks.BedrockCreateModelCustomizationJobProps)) *tasks.BedrockCreateModelCustomizationJobProps {
	b := bucketsOf(stack)
	p := &tasks.BedrockCreateModelCustomizationJobProps{
		BaseModel:       titanModel(stack),
		CustomModelName: jsii.String("my-model"),
		JobName:         jsii.String("my-job"),
		TrainingData:    &tasks.TrainingBucketConfiguration{Bucket: b.training, Path: jsii.String("train.jsonl")},
		OutputData:      &tasks.OutputBucketConfiguration{Bucket: b.output},
		ValidationData:  &[]*tasks.ValidationBucketConfiguration{{Bucket: b.validation, Path: jsii.String("val.jsonl")}},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

// vpcConfig is an IBedrockCreateModelCustomizationJobVpcConfig of the user's own.
type vpcConfig struct {
	groups  []awsec2.ISecurityGroup
	subnets []awsec2.ISubnet
}

func (v *vpcConfig) SecurityGroups() *[]awsec2.ISecurityGroup { return &v.groups }
func (v *vpcConfig) Subnets() *[]awsec2.ISubnet               { return &v.subnets }

func jobVpc(stack awscdk.Stack, groups, subnets int) *vpcConfig {
	v := &vpcConfig{}
	for i := 0; i < groups; i++ {
		v.groups = append(v.groups, awsec2.SecurityGroup_FromSecurityGroupId(stack, jsii.String("SG"+strings.Repeat("x", i)), jsii.String("sg-0123456789abcdef"+string(rune('0'+i%10))), nil))
	}
	for i := 0; i < subnets; i++ {
		v.subnets = append(v.subnets, awsec2.Subnet_FromSubnetId(stack, jsii.String("Subnet"+strings.Repeat("x", i)), jsii.String("subnet-0123456789abcdef"+string(rune('0'+i%10)))))
	}
	return v
}

func TestBedrockCreateModelCustomizationJobRendering(t *testing.T) {
	stack := cdktest.NewStack()
	role := awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(jobRole), nil)
	full := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Full"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.ClientRequestToken = jsii.String("token-1")
		p.CustomizationType = tasks.CustomizationType_CONTINUED_PRE_TRAINING
		p.CustomModelKmsKey = awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String(jobKey))
		p.CustomModelTags = &[]*tasks.CustomModelTag{{Key: jsii.String("team"), Value: jsii.String("ml")}}
		p.JobTags = &[]*tasks.CustomModelTag{{Key: jsii.String("run"), Value: tasks.StringAt("$$.Execution.Name")}}
		p.HyperParameters = &map[string]*string{"epochCount": jsii.String("2"), "learningRate": tasks.StringAt("$.rate")}
		p.OutputData = &tasks.OutputBucketConfiguration{Bucket: bucketsOf(stack).output, Path: jsii.String("/runs/")}
		p.Role = role
		p.VpcConfig = jobVpc(stack, 1, 2)
	}))
	sync := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Sync"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.CustomModelName = tasks.StringAt("States.Format('model-{}', $$.Execution.Name)")
		p.JobName = tasks.StringAt("$$.Execution.Name")
		p.TrainingData = &tasks.TrainingBucketConfiguration{Bucket: bucketsOf(stack).training, Path: tasks.StringAt("$.dataset")}
		p.ValidationData = nil
		p.HyperParameters = &map[string]*string{"Evaluation percentage": jsii.String("20")}
	}))
	tpl := machine(t, stack, full.Next(sync))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::bedrock:createModelCustomizationJob", "Next": "Sync",
		"Parameters": map[string]any{
			"BaseModelIdentifier":  titanARN,
			"ClientRequestToken":   "token-1",
			"CustomizationType":    "CONTINUED_PRE_TRAINING",
			"CustomModelKmsKeyId":  jobKey,
			"CustomModelName":      "my-model",
			"CustomModelTags":      []any{map[string]any{"Key": "team", "Value": "ml"}},
			"HyperParameters":      map[string]any{"epochCount": "2", "learningRate.$": "$.rate"},
			"JobName":              "my-job",
			"JobTags":              []any{map[string]any{"Key": "run", "Value.$": "$$.Execution.Name"}},
			"OutputDataConfig":     map[string]any{"S3Uri": "s3://job-output/runs/"},
			"RoleArn":              jobRole,
			"TrainingDataConfig":   map[string]any{"S3Uri": "s3://training-data/train.jsonl"},
			"ValidationDataConfig": map[string]any{"Validators": []any{map[string]any{"S3Uri": "s3://validation-data/val.jsonl"}}},
			"VpcConfig": map[string]any{"SecurityGroupIds": []any{"sg-0123456789abcdef0"},
				"SubnetIds": []any{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}},
		}}, state(t, tpl, "Full"))
	got := state(t, tpl, "Sync")
	assert.Equal(t, "arn:"+partition+":states:::bedrock:createModelCustomizationJob.sync", got["Resource"])
	params := got["Parameters"].(map[string]any)
	assert.Equal(t, "States.Format('model-{}', $$.Execution.Name)", params["CustomModelName.$"])
	assert.Equal(t, map[string]any{"S3Uri.$": "States.Format('s3://training-data/{}', $.dataset)"}, params["TrainingDataConfig"])
	assert.Equal(t, map[string]any{"S3Uri": "s3://job-output"}, params["OutputDataConfig"])
	assert.Regexp(t, `^\$\{SyncBedrockRole[0-9A-F]{8}\.Arn\}$`, params["RoleArn"])
	assert.NotContains(t, params, "ValidationDataConfig")
	integ.Validate(t, stack)
}

// Without a role, the task makes the CDK's, at the CDK's construct ID:
// Bedrock may assume it for the account's customization jobs; it may read
// the data and write the output, and manage the job's network interfaces
// in the VPC.
func TestBedrockCreateModelCustomizationJobDefaultRole(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Job"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.VpcConfig = jobVpc(stack, 1, 1)
	}))
	assert.Equal(t, "Test/Job/BedrockRole", *task.Role().Node().Path())
	tpl := machines(t, stack, task)
	roles := cdktest.Resources(tpl, "AWS::IAM::Role")
	var role map[string]any
	for id, r := range roles {
		if strings.HasPrefix(id, "JobBedrockRole") {
			role = r["Properties"].(map[string]any)
		}
	}
	require.NotNil(t, role, "no role JobBedrockRole…")
	trust := role["AssumeRolePolicyDocument"].(map[string]any)["Statement"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"Service": "bedrock.amazonaws.com"}, trust["Principal"])
	assert.Equal(t, map[string]any{"aws:SourceAccount": map[string]any{"Ref": "AWS::AccountId"}}, trust["Condition"].(map[string]any)["StringEquals"])
	policy := role["Policies"].([]any)[0].(map[string]any)
	assert.Equal(t, "BedrockCreateModelCustomizationJob", policy["PolicyName"])
	var actions []string
	for _, s := range policy["PolicyDocument"].(map[string]any)["Statement"].([]any) {
		switch a := s.(map[string]any)["Action"].(type) {
		case string:
			actions = append(actions, a)
		case []any:
			for _, x := range a {
				actions = append(actions, x.(string))
			}
		}
	}
	for _, a := range []string{"s3:GetObject", "s3:ListBucket", "s3:PutObject", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:CreateTags"} {
		assert.Contains(t, actions, a)
	}
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"bedrock:CreateModelCustomizationJob"}, titanARN, arn("bedrock", "custom-model/*"), arn("bedrock", "model-customization-job/*")),
		passRoleTo("bedrock.amazonaws.com", "${JobBedrockRoleC5A2E05B.Arn}"),
	}), cdktest.SortedStatements(machineStatements(t, tpl, 0)))
}

func TestBedrockCreateModelCustomizationJobIAM(t *testing.T) {
	custom, jobs := arn("bedrock", "custom-model/*"), arn("bedrock", "model-customization-job/*")
	create := []string{"bedrock:CreateModelCustomizationJob"}
	poll := stmt([]string{"bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"}, jobs)
	pass := passRoleTo("bedrock.amazonaws.com", jobRole)
	tag := stmt([]string{"bedrock:TagResource"}, custom, jobs)
	key := stmt([]string{"kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"}, jobKey)
	key["Condition"] = map[string]any{"StringEquals": map[string]any{"kms:ViaService": map[string]any{
		"Fn::Join": []any{"", []any{"bedrock.", map[string]any{"Ref": "AWS::Region"}, ".amazonaws.com"}}}}}
	tests := []struct {
		name string
		mod  func(stack awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps)
		want []map[string]any
	}{
		{"request response", nil, []map[string]any{stmt(create, titanARN, custom, jobs), pass}},
		{"run job", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		}, []map[string]any{stmt(create, titanARN, custom, jobs), poll, pass}},
		{"a custom base model", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.BaseModel = modelARN("arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/abc")
		}, []map[string]any{stmt(create, custom, jobs), pass}},
		{"tags", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.JobTags = &[]*tasks.CustomModelTag{{Key: jsii.String("k"), Value: jsii.String("v")}}
		}, []map[string]any{stmt(create, titanARN, custom, jobs), tag, pass}},
		{"a customer managed key", func(stack awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.CustomModelKmsKey = awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String(jobKey))
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		}, []map[string]any{stmt(create, titanARN, custom, jobs), poll, pass, key}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Job"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
				p.Role = awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(jobRole), nil)
				if tt.mod != nil {
					tt.mod(stack, p)
				}
			}))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(machineStatements(t, machines(t, stack, task), 0)))
		})
	}
}

// A key of the app gets the CDK's key policy statement for the job's role;
// an imported key is no error (the CDK throws).
func TestBedrockCreateModelCustomizationJobKeyPolicy(t *testing.T) {
	stack := cdktest.NewStack()
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	task := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Job"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.CustomModelKmsKey = key
	}))
	tpl := machine(t, stack, task)
	var found bool
	for _, k := range cdktest.Resources(tpl, "AWS::KMS::Key") {
		for _, s := range k["Properties"].(map[string]any)["KeyPolicy"].(map[string]any)["Statement"].([]any) {
			if strings.Contains(cdktest.Flatten(s.(map[string]any)["Principal"]), "JobBedrockRole") {
				found = true
				assert.Contains(t, cdktest.Flatten(s), "kms:CreateGrant")
			}
		}
	}
	assert.True(t, found, "the key policy names the job's role")
}

func TestBedrockCreateModelCustomizationJobErrors(t *testing.T) {
	tags := func(n int) *[]*tasks.CustomModelTag {
		out := make([]*tasks.CustomModelTag, n)
		for i := range out {
			out[i] = &tasks.CustomModelTag{Key: jsii.String("k"), Value: jsii.String("v")}
		}
		return &out
	}
	tests := []struct {
		name string
		mod  func(stack awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps)
		want string
	}{
		{"no base model", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) { p.BaseModel = nil }, "BaseModel: required"},
		{"no model name", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) { p.CustomModelName = nil }, "CustomModelName: required"},
		{"model name pattern", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.CustomModelName = jsii.String("my--model")
		},
			`CustomModelName: "my--model" must be letters, digits, '-' and '_'`},
		{"model name too long", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.CustomModelName = jsii.String(strings.Repeat("m", 64))
		}, "CustomModelName: must be 1 to 63 characters, got 64"},
		{"job name pattern", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.JobName = jsii.String("-job")
		},
			`JobName: "-job" must be letters, digits`},
		{"client token pattern", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.ClientRequestToken = jsii.String("tok_1")
		},
			`ClientRequestToken: "tok_1" must be letters, digits and single '-'`},
		{"no training data", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) { p.TrainingData = nil }, "TrainingData: required"},
		{"training bucket missing", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.TrainingData = &tasks.TrainingBucketConfiguration{}
		}, "TrainingData.Bucket: required"},
		{"no output data", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) { p.OutputData = nil }, "OutputData: required"},
		{"no validation data", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) { p.ValidationData = nil },
			`ValidationData: required: validation data sets, or the "Evaluation percentage" hyperparameter`},
		{"empty validation data", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.ValidationData = &[]*tasks.ValidationBucketConfiguration{}
		}, "ValidationData: give 1 to 10 validation data sets, got 0"},
		{"nil validation data set", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.ValidationData = &[]*tasks.ValidationBucketConfiguration{nil}
		}, "ValidationData[0]: must not be nil"},
		{"too many tags", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) { p.CustomModelTags = tags(201) },
			"CustomModelTags: at most 200 tags, got 201"},
		{"empty tag key", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.JobTags = &[]*tasks.CustomModelTag{{Key: jsii.String(""), Value: jsii.String("v")}}
		}, "JobTags[0].Key: must be 1 to 128 characters, got 0"},
		{"nil tag", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.JobTags = &[]*tasks.CustomModelTag{nil}
		},
			"JobTags[0]: must not be nil"},
		{"bad customization type", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.CustomizationType = tasks.CustomizationType("RLHF")
		}, `CustomizationType: must be FINE_TUNING or CONTINUED_PRE_TRAINING or DISTILLATION (or dynamic), got "RLHF"`},
		{"hyperparameter not a string", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.HyperParameters = &map[string]*string{"epochCount": nil}
		}, "HyperParameters.epochCount: must be a string (or dynamic)"},
		{"no security groups", func(stack awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.VpcConfig = jobVpc(stack, 0, 1)
		},
			"VpcConfig.SecurityGroups: give 1 to 5 security groups, got 0"},
		{"too many subnets", func(stack awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.VpcConfig = jobVpc(stack, 1, 17)
		},
			"VpcConfig.Subnets: give 1 to 16 subnets, got 17"},
		{"callback", func(_ awscdk.Stack, p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.ClientRequestToken = tasks.StringAt("$$.Task.Token")
		}, "WAIT_FOR_TASK_TOKEN is not supported by bedrock:createModelCustomizationJob; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			props := jobProps(stack, nil)
			tt.mod(stack, props)
			msg := validationError(t, func() { tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Job"), props) })
			assert.Contains(t, msg, tt.want)
			assert.Contains(t, msg, "BedrockCreateModelCustomizationJob")
		})
	}
}

// bedrockRoleRef is an IRoleRef that is not an IRole.
type bedrockRoleRef struct {
	constructs.Construct
	arn string
}

func (r *bedrockRoleRef) Env() *interfaces.ResourceEnvironment {
	return &interfaces.ResourceEnvironment{}
}
func (r *bedrockRoleRef) RoleRef() *interfacesawsiam.RoleReference {
	return &interfacesawsiam.RoleReference{RoleArn: jsii.String(r.arn), RoleName: jsii.String("ref")}
}

// Role() gives the role given when it is an IRole, and panics, as the CDK
// does, when it is only an IRoleRef; the request names it either way.
func TestBedrockCreateModelCustomizationJobRoleRef(t *testing.T) {
	stack := cdktest.NewStack()
	imported := awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(jobRole), nil)
	task := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Job"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.Role = imported
	}))
	assert.Equal(t, jobRole, *task.Role().RoleArn())

	ref := &bedrockRoleRef{Construct: constructs.NewConstruct(stack, jsii.String("Ref")), arn: "arn:aws:iam::111122223333:role/ref"}
	byRef := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("ByRef"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.Role = ref
	}))
	msg := validationError(t, func() { byRef.Role() })
	assert.Contains(t, msg, "Role: the role given is an IRoleRef, not an awsiam.IRole")
	tpl := machines(t, stack, task, byRef)
	assert.Equal(t, "arn:aws:iam::111122223333:role/ref", stateOf(t, tpl, "M1", "ByRef")["Parameters"].(map[string]any)["RoleArn"])
}

// Run locally: the dynamic names reach Bedrock resolved; a failed job is
// caught.
func TestBedrockCreateModelCustomizationJobRun(t *testing.T) {
	stack := cdktest.NewStack()
	job := tasks.NewBedrockCreateModelCustomizationJob(stack, jsii.String("Customize"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.Role = awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(jobRole), nil)
		p.JobName = tasks.StringAt("States.Format('job-{}', $.run)")
		p.TrainingData = &tasks.TrainingBucketConfiguration{Bucket: bucketsOf(stack).training, Path: tasks.StringAt("$.dataset")}
		p.ResultPath = jsii.String("$.job")
	}))
	failed := sfn.NewPass(stack, jsii.String("Failed"), nil)
	job.AddCatch(failed, &sfn.CatchProps{Errors: jsii.Strings("States.TaskFailed")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(job)})

	var got map[string]any
	res := integ.Run(t, stack, sm, map[string]any{"run": "7", "dataset": "v2/train.jsonl"}, integ.Mocks{
		"Customize": integ.Func(func(in any) (any, error) {
			got = in.(map[string]any)
			return map[string]any{"JobArn": "arn:aws:bedrock:us-east-1:111122223333:model-customization-job/abc", "Status": "Completed"}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "job-7", got["JobName"])
	assert.Equal(t, map[string]any{"S3Uri": "s3://training-data/v2/train.jsonl"}, got["TrainingDataConfig"])
	assert.Equal(t, "Completed", res.Output.(map[string]any)["job"].(map[string]any)["Status"])

	res = integ.Run(t, stack, sm, map[string]any{"run": "7", "dataset": "v2/train.jsonl"}, integ.Mocks{
		"Customize": integ.Fail("States.TaskFailed", `{"Status":"Failed","FailureMessage":"bad data"}`),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.True(t, res.Caught("Customize"))
	assert.True(t, res.Entered("Failed"))
}

func TestBedrockCreateModelCustomizationJobInWorkflow(t *testing.T) {
	sameInWorkflow(t, func(stack awscdk.Stack, scope constructs.Construct) sfn.IChainable {
		role := awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(jobRole), nil)
		a := tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("A"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.Role = role
		}))
		b := tasks.NewBedrockCreateModelCustomizationJob(scope, jsii.String("B"), jobProps(stack, func(p *tasks.BedrockCreateModelCustomizationJobProps) {
			p.Role = role
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
			p.StateName = jsii.String("Fine-tune")
		}))
		return a.Next(b)
	})
	// Without a role, the role is made under the task in the Workflow too.
	stack := cdktest.NewStack()
	flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
	task := tasks.NewBedrockCreateModelCustomizationJob(flow, jsii.String("Job"), jobProps(stack, nil))
	assert.Equal(t, "Test/Flow/Job/BedrockRole", *task.Role().Node().Path())
	fragments.NewStateMachine(stack, jsii.String("M0"), task, nil)
	integ.Validate(t, stack)
}
