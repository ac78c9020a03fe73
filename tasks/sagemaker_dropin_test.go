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
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// Nil items, nil nested structs and literal numbers out of the API's range
// are field errors naming the field, never a crash; each case would pass
// without its check.
func TestSageMakerFieldErrors(t *testing.T) {
	training := func(s awscdk.Stack, edit func(p *tasks.SageMakerCreateTrainingJobProps)) {
		p := trainingProps(s, jsii.String("j"), smRR)
		edit(p)
		tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
	}
	transform := func(s awscdk.Stack, edit func(p *tasks.SageMakerCreateTransformJobProps)) {
		p := transformProps(jsii.String("j"), smRR)
		edit(p)
		tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), p)
	}
	variant := func() *tasks.ProductionVariant {
		return &tasks.ProductionVariant{InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), ModelName: jsii.String("m"), VariantName: jsii.String("v")}
	}
	endpointConfig := func(s awscdk.Stack, variants ...*tasks.ProductionVariant) {
		tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
			EndpointConfigName: jsii.String("c"), ProductionVariants: &variants})
	}
	processing := func(s awscdk.Stack, edit func(p *tasks.SageMakerCreateProcessingJobProps)) {
		p := processingProps(s, jsii.String("j"), smRR)
		edit(p)
		tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), p)
	}
	compute := func(count float64, size awscdk.Size) *tasks.ResourceConfig {
		return &tasks.ResourceConfig{InstanceCount: jsii.Number(count), InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), VolumeSize: size}
	}
	gib := func(n float64) awscdk.Size { return awscdk.Size_Gibibytes(jsii.Number(n)) }
	tests := []struct {
		name string
		make func(s awscdk.Stack)
		want string
	}{
		{"nil channel", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.InputDataConfig = &[]*tasks.Channel{nil} })
		}, "InputDataConfig[0]: is nil"},
		{"channel without data source", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.InputDataConfig = &[]*tasks.Channel{{ChannelName: jsii.String("a"), DataSource: &tasks.DataSource{}}}
			})
		}, "InputDataConfig[0].DataSource: required"},
		{"channel without location", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.InputDataConfig = &[]*tasks.Channel{{ChannelName: jsii.String("a"), DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{}}}}
			})
		}, "InputDataConfig[0].DataSource.S3DataSource.S3Location: required"},
		{"nil metric definition", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.AlgorithmSpecification.MetricDefinitions = &[]*tasks.MetricDefinition{{Name: jsii.String("m"), Regex: jsii.String("r")}, nil}
			})
		}, "AlgorithmSpecification.MetricDefinitions[1]: is nil"},
		{"nil output config", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.OutputDataConfig = nil })
		}, "OutputDataConfig: required"},
		{"nil algorithm", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.AlgorithmSpecification = nil })
		}, "AlgorithmSpecification: required"},
		{"algorithm name with an underscore", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.AlgorithmSpecification.AlgorithmName = jsii.String("Blazing_Text")
			})
		}, `AlgorithmSpecification.AlgorithmName: "Blazing_Text" is not an algorithm name or ARN`},
		{"algorithm name of 171 characters", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.AlgorithmSpecification.AlgorithmName = jsii.String(strings.Repeat("a", 171))
			})
		}, "AlgorithmSpecification.AlgorithmName: must be 1 to 170 characters, got 171"},
		{"volume of 0 GiB", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.ResourceConfig = compute(1, gib(0)) })
		}, "ResourceConfig.VolumeSize: must be a whole number from 1 to 16384, got 0"},
		{"volume of 16385 GiB", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.ResourceConfig = compute(1, gib(16385)) })
		}, "ResourceConfig.VolumeSize: must be a whole number from 1 to 16384, got 16385"},
		{"1.5 instances", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.ResourceConfig = compute(1.5, gib(10)) })
		}, "ResourceConfig.InstanceCount: must be a whole number of at least 1, got 1.5"},
		{"no instance type", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.ResourceConfig = &tasks.ResourceConfig{InstanceCount: jsii.Number(1), VolumeSize: gib(1)}
			})
		}, "ResourceConfig.InstanceType: required"},
		{"training longer than 28 days", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.StoppingCondition = &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Days(jsii.Number(29))}
			})
		}, "StoppingCondition.MaxRuntime: must be a whole number from 1 to 2419200, got 2505600"},
		{"shuffle seed not whole", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.InputDataConfig = &[]*tasks.Channel{{ChannelName: jsii.String("a"), ShuffleConfig: &tasks.ShuffleConfig{Seed: jsii.Number(0.5)},
					DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{S3Location: tasks.S3Location_FromUri(jsii.String("s3://b/k"))}}}}
			})
		}, "InputDataConfig[0].ShuffleConfig.Seed: must be a whole number"},
		{"VPC without a VPC", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) { p.VpcConfig = &tasks.VpcConfig{} })
		}, "VpcConfig.Vpc: required"},
		{"nil security group", func(s awscdk.Stack) {
			training(s, func(p *tasks.SageMakerCreateTrainingJobProps) {
				p.VpcConfig = &tasks.VpcConfig{Vpc: awsec2.NewVpc(s, jsii.String("Vpc"), nil), SecurityGroups: &[]awsec2.ISecurityGroup{nil}}
			})
		}, "VpcConfig.SecurityGroups[0]: is nil"},
		{"negative MaxConcurrentTransforms", func(s awscdk.Stack) {
			transform(s, func(p *tasks.SageMakerCreateTransformJobProps) { p.MaxConcurrentTransforms = jsii.Number(-1) })
		}, "MaxConcurrentTransforms: must be a whole number of at least 0, got -1"},
		{"MaxPayload over 100 MB", func(s awscdk.Stack) {
			transform(s, func(p *tasks.SageMakerCreateTransformJobProps) {
				p.MaxPayload = awscdk.Size_Mebibytes(jsii.Number(101))
			})
		}, "MaxPayload: must be a whole number from 0 to 100, got 101"},
		{"negative retries", func(s awscdk.Stack) {
			transform(s, func(p *tasks.SageMakerCreateTransformJobProps) {
				p.ModelClientOptions = &tasks.ModelClientOptions{InvocationsMaxRetries: jsii.Number(-1)}
			})
		}, "ModelClientOptions.InvocationsMaxRetries: must be a whole number from 0 to 3, got -1"},
		{"invocation timeout over an hour", func(s awscdk.Stack) {
			transform(s, func(p *tasks.SageMakerCreateTransformJobProps) {
				p.ModelClientOptions = &tasks.ModelClientOptions{InvocationsTimeout: awscdk.Duration_Minutes(jsii.Number(61))}
			})
		}, "ModelClientOptions.InvocationsTimeout: must be a whole number from 1 to 3600, got 3660"},
		{"transform without input source", func(s awscdk.Stack) {
			transform(s, func(p *tasks.SageMakerCreateTransformJobProps) { p.TransformInput = &tasks.TransformInput{} })
		}, "TransformInput: required: TransformDataSource.S3DataSource"},
		{"transform input not in S3", func(s awscdk.Stack) {
			transform(s, func(p *tasks.SageMakerCreateTransformJobProps) {
				p.TransformInput.TransformDataSource.S3DataSource.S3Uri = jsii.String("ftp://host/x")
			})
		}, `TransformInput.TransformDataSource.S3DataSource.S3Uri: must be an s3:// URI`},
		{"nil variant", func(s awscdk.Stack) { endpointConfig(s, variant(), nil) }, "ProductionVariants[1]: is nil"},
		{"negative variant weight", func(s awscdk.Stack) {
			v := variant()
			v.InitialVariantWeight = jsii.Number(-0.5)
			endpointConfig(s, v)
		}, "ProductionVariants[0].InitialVariantWeight: must be at least 0, got -0.5"},
		{"11 variants", func(s awscdk.Stack) {
			var vs []*tasks.ProductionVariant
			for range 11 {
				vs = append(vs, variant())
			}
			endpointConfig(s, vs...)
		}, "ProductionVariants: give 1 to 10 production variants, got 11"},
		{"variant without instance type", func(s awscdk.Stack) {
			endpointConfig(s, &tasks.ProductionVariant{ModelName: jsii.String("m"), VariantName: jsii.String("v")})
		}, "ProductionVariants[0].InstanceType: required"},
		{"nil pipeline container", func(s awscdk.Stack) {
			c := tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{ModelPackageName: jsii.String("p")})
			tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{ModelName: jsii.String("m"),
				PrimaryContainer: c, Containers: &[]tasks.IContainerDefinition{c, nil}})
		}, "Containers[1]: is nil"},
		{"no primary container", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{ModelName: jsii.String("m")})
		}, "PrimaryContainer: required"},
		{"nil processing input", func(s awscdk.Stack) {
			processing(s, func(p *tasks.SageMakerCreateProcessingJobProps) { p.ProcessingInputs = &[]*tasks.ProcessingInput{nil} })
		}, "ProcessingInputs[0]: is nil"},
		{"nil processing output", func(s awscdk.Stack) {
			processing(s, func(p *tasks.SageMakerCreateProcessingJobProps) {
				p.ProcessingOutputConfig = &tasks.ProcessingOutputConfig{Outputs: &[]*tasks.ProcessingOutput{nil}}
			})
		}, "ProcessingOutputConfig.Outputs[0]: is nil"},
		{"101 processing instances", func(s awscdk.Stack) {
			processing(s, func(p *tasks.SageMakerCreateProcessingJobProps) { p.ClusterConfig.InstanceCount = jsii.Number(101) })
		}, "ClusterConfig.InstanceCount: must be a whole number from 1 to 100, got 101"},
		{"processing volume too large", func(s awscdk.Stack) {
			processing(s, func(p *tasks.SageMakerCreateProcessingJobProps) { p.ClusterConfig.VolumeSize = gib(20000) })
		}, "ClusterConfig.VolumeSize: must be a whole number from 1 to 16384, got 20000"},
		{"bad upload mode", func(s awscdk.Stack) {
			processing(s, func(p *tasks.SageMakerCreateProcessingJobProps) {
				p.ProcessingOutputConfig = &tasks.ProcessingOutputConfig{Outputs: &[]*tasks.ProcessingOutput{{OutputName: jsii.String("o"),
					S3Output: &tasks.ProcessingS3Output{S3Uri: tasks.S3Location_FromUri(jsii.String("s3://b/o")), S3UploadMode: jsii.String("Later")}}}}
			})
		}, `ProcessingOutputConfig.Outputs[0].S3Output.S3UploadMode: must be one of Continuous, EndOfJob (or dynamic), got "Later"`},
		{"no tuning limit on training jobs", func(s awscdk.Stack) {
			p := tuningProps(s, jsii.String("t"), smRR)
			p.HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs = jsii.Number(0)
			tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), p)
		}, "HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs: must be a whole number of at least 1, got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, validationError(t, func() { tt.make(cdktest.NewStack()) }), tt.want)
		})
	}
}

// Run-time values pass unchecked, in every CDK-typed field, and whole
// structs may be decided at run time.
func TestSageMakerDynamicFields(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSageMakerCreateTrainingJob(stack, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
		TrainingJobName:        jsii.String("j"),
		Role:                   smRole(stack),
		AlgorithmSpecification: &tasks.AlgorithmSpecification{AlgorithmName: jsii.String("BlazingText")},
		OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromJsonExpression(jsii.String("$.out"))},
		ResourceConfig:         tasks.ValueAt[tasks.ResourceConfig]("$.compute"),
		StoppingCondition:      &tasks.StoppingCondition{MaxRuntime: tasks.DurationAt("$.seconds")},
		InputDataConfig: &[]*tasks.Channel{{ChannelName: jsii.String("a"), ShuffleConfig: &tasks.ShuffleConfig{Seed: tasks.NumberAt("$.seed")},
			DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{S3Location: tasks.S3Location_FromJsonExpression(jsii.String("$.in"))}}}},
	})
	transform := tasks.NewSageMakerCreateTransformJob(stack, jsii.String("Transform"), &tasks.SageMakerCreateTransformJobProps{
		TransformJobName:        jsii.String("t"),
		ModelName:               jsii.String("m"),
		TransformInput:          transformProps(nil, smRR).TransformInput,
		TransformOutput:         &tasks.TransformOutput{S3OutputPath: tasks.StringAt("$.out")},
		MaxConcurrentTransforms: tasks.NumberAt("$.n"),
		MaxPayload:              awscdk.Size_Mebibytes(sfn.JsonPath_NumberAt(jsii.String("$.mb"))),
		ModelClientOptions:      &tasks.ModelClientOptions{InvocationsMaxRetries: tasks.NumberAt("$.retries"), InvocationsTimeout: tasks.DurationAt("$.timeout")},
		TransformResources:      tasks.ValueAt[tasks.TransformResources]("$.resources"),
	})
	states := cdktest.Definition(t, smMachine(t, stack, task.Next(transform)))["States"].(map[string]any)
	params := states["Task"].(map[string]any)["Parameters"].(map[string]any)
	assert.Equal(t, "$.compute", params["ResourceConfig.$"])
	assert.JSONEq(t, `{"MaxRuntimeInSeconds.$":"$.seconds"}`, smJSON(params["StoppingCondition"]))
	assert.JSONEq(t, `{"Seed.$":"$.seed"}`, smJSON(params["InputDataConfig"].([]any)[0].(map[string]any)["ShuffleConfig"]))
	tp := states["Transform"].(map[string]any)["Parameters"].(map[string]any)
	assert.Equal(t, "$.n", tp["MaxConcurrentTransforms.$"])
	assert.Equal(t, "$.mb", tp["MaxPayloadInMB.$"])
	assert.Equal(t, "$.resources", tp["TransformResources.$"])
	assert.JSONEq(t, `{"InvocationsMaxRetries.$":"$.retries","InvocationsTimeoutInSeconds.$":"$.timeout"}`, smJSON(tp["ModelClientConfig"]))
}

// The CDK classes' methods: Role, GrantPrincipal, Connections and
// AddSecurityGroup, on resources at the CDK's construct paths.
func TestSageMakerTaskMethods(t *testing.T) {
	stack := cdktest.NewStack()
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), nil)
	added := awsec2.NewSecurityGroup(stack, jsii.String("Added"), &awsec2.SecurityGroupProps{Vpc: vpc})
	p := trainingProps(stack, jsii.String("j"), smRR)
	p.Role = nil
	p.VpcConfig = &tasks.VpcConfig{Vpc: vpc}
	train := tasks.NewSageMakerCreateTrainingJob(stack, jsii.String("Train"), p)
	train.AddSecurityGroup(added)
	assert.Equal(t, "Test/Train/SagemakerRole", *train.Role().Node().Path())
	assert.Same(t, train.Role(), train.GrantPrincipal())
	groups := *train.Connections().SecurityGroups()
	require.Len(t, groups, 1)
	assert.Equal(t, "Test/Train/TrainJobSecurityGroup", *groups[0].Node().Path())
	var _ awsiam.IGrantable = train // a grantee, as the CDK's
	awss3.NewBucket(stack, jsii.String("Data"), nil).GrantRead(train, nil)

	model := tasks.NewSageMakerCreateModel(stack, jsii.String("Model"), &tasks.SageMakerCreateModelProps{ModelName: jsii.String("m"), Vpc: vpc,
		PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{ModelPackageName: jsii.String("p")})})
	model.AddSecurityGroup(added)

	transform := tasks.NewSageMakerCreateTransformJob(stack, jsii.String("Transform"), transformProps(jsii.String("t"), smRR))
	given := awsiam.Role_FromRoleArn(stack, jsii.String("Given"), jsii.String(smRoleARN), nil)
	p2 := transformProps(jsii.String("t"), smRR)
	p2.Role = given
	withRole := tasks.NewSageMakerCreateTransformJob(stack, jsii.String("WithRole"), p2)
	assert.Same(t, given, withRole.Role())

	tpl := smMachine(t, stack, sfn.Chain_Start(train).Next(model).Next(transform).Next(withRole))
	states := cdktest.Definition(t, tpl)["States"].(map[string]any)
	ids := func(state string) string {
		params := states[state].(map[string]any)["Parameters"].(map[string]any)
		return smJSON(params["VpcConfig"].(map[string]any)["SecurityGroupIds"])
	}
	assert.Regexp(t, `^\["\$\{TrainTrainJobSecurityGroup[0-9A-F]{8}\.GroupId\}","\$\{Added[0-9A-F]{8}\.GroupId\}"\]$`, ids("Train"), "created, then added")
	assert.Regexp(t, `^\["\$\{Added[0-9A-F]{8}\.GroupId\}","\$\{ModelModelSecurityGroup[0-9A-F]{8}\.GroupId\}"\]$`, ids("Model"), "added, then created, as the CDK renders it")
	roles := cdktest.Resources(tpl, "AWS::IAM::Role")
	for id := range roles {
		assert.False(t, strings.HasPrefix(id, "TransformSagemakerTransformRole"), "no transform role before Role() is called")
	}
	transform.Role()
	assert.NotNil(t, stack.Node().TryFindChild(jsii.String("Transform")).Node().TryFindChild(jsii.String("SagemakerTransformRole")))
}

// A role given to a job gets the job's S3, KMS and ECR grants, as the
// CDK's binds give them; a created one has them inline.
func TestSageMakerGivenRoleGrants(t *testing.T) {
	stack := cdktest.NewStack()
	role := awsiam.NewRole(stack, jsii.String("JobRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil)})
	bucket := awss3.NewBucket(stack, jsii.String("Data"), nil)
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	task := tasks.NewSageMakerCreateTrainingJob(stack, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
		TrainingJobName: jsii.String("j"),
		Role:            role,
		AlgorithmSpecification: &tasks.AlgorithmSpecification{
			TrainingImage: tasks.DockerImage_FromRegistry(jsii.String("111122223333.dkr.ecr.eu-west-1.amazonaws.com/xgb:1"))},
		InputDataConfig:  &[]*tasks.Channel{{ChannelName: jsii.String("train"), DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{S3Location: tasks.S3Location_FromBucket(bucket, jsii.String("in/"))}}}},
		OutputDataConfig: &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromBucket(bucket, jsii.String("out/")), EncryptionKey: key},
	})
	tpl := smMachine(t, stack, task)
	var policy map[string]any
	for id, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		if strings.HasPrefix(id, "JobRoleDefaultPolicy") {
			policy = p
		}
	}
	require.NotNil(t, policy, "the given role's policy")
	doc := smJSON(policy["Properties"].(map[string]any)["PolicyDocument"])
	for _, want := range []string{`"s3:GetObject"`, `"s3:PutObject"`, `"s3:ListBucket"`, `"kms:GenerateDataKey*"`, `"ecr:BatchGetImage"`,
		`"/in/*"`, `"/out/*"`, `repository/xgb"`} {
		assert.Contains(t, doc, want)
	}
	params := cdktest.Definition(t, tpl)["States"].(map[string]any)["Task"].(map[string]any)["Parameters"].(map[string]any)
	assert.Regexp(t, `^https://s3\.\$\{AWS::Region\}\.\$\{AWS::URLSuffix\}/\$\{Data[0-9A-F]{8}\}/out/$`,
		params["OutputDataConfig"].(map[string]any)["S3OutputPath"], "the bucket's URL, as the CDK renders it")
}

// Locations, images and containers of the user's own types are bound to
// the task once it exists, as the CDK binds them, and render what Bind
// returns.
type ownLocation struct{ bound []tasks.ISageMakerTask }

func (o *ownLocation) Bind(task tasks.ISageMakerTask, opts *tasks.S3LocationBindOptions) *tasks.S3LocationConfig {
	o.bound = append(o.bound, task)
	if *opts.ForWriting {
		return &tasks.S3LocationConfig{Uri: jsii.String("s3://own/out")}
	}
	return &tasks.S3LocationConfig{Uri: jsii.String("s3://own/in")}
}

type ownImage struct{}

func (ownImage) Bind(task tasks.ISageMakerTask) *tasks.DockerImageConfig {
	return &tasks.DockerImageConfig{ImageUri: jsii.String("registry.example.com/own:1")}
}

type ownContainer struct{}

func (ownContainer) Bind(task tasks.ISageMakerTask) *tasks.ContainerDefinitionConfig {
	return &tasks.ContainerDefinitionConfig{Parameters: &map[string]interface{}{
		"Image": "registry.example.com/own:1", "ModelDataUrl": sfn.JsonPath_StringAt(jsii.String("$.artifacts"))}}
}

type jsonPathLocation struct{}

func (jsonPathLocation) Bind(tasks.ISageMakerTask, *tasks.S3LocationBindOptions) *tasks.S3LocationConfig {
	return &tasks.S3LocationConfig{Uri: sfn.JsonPath_StringAt(jsii.String("$.uri"))}
}

func TestSageMakerOwnImplementations(t *testing.T) {
	stack := cdktest.NewStack()
	loc := &ownLocation{}
	train := tasks.NewSageMakerCreateTrainingJob(stack, jsii.String("Train"), &tasks.SageMakerCreateTrainingJobProps{
		TrainingJobName:        jsii.String("j"),
		AlgorithmSpecification: &tasks.AlgorithmSpecification{TrainingImage: ownImage{}},
		InputDataConfig:        &[]*tasks.Channel{{ChannelName: jsii.String("train"), DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{S3Location: loc}}}},
		OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: loc},
	})
	require.Len(t, loc.bound, 2)
	assert.Same(t, train.Role(), loc.bound[0].GrantPrincipal(), "bound to the task, whose principal is its role")
	model := tasks.NewSageMakerCreateModel(stack, jsii.String("Model"), &tasks.SageMakerCreateModelProps{
		ModelName: jsii.String("m"), PrimaryContainer: ownContainer{}})
	states := cdktest.Definition(t, smMachine(t, stack, train.Next(model)))["States"].(map[string]any)
	params := states["Train"].(map[string]any)["Parameters"].(map[string]any)
	assert.Equal(t, "s3://own/out", params["OutputDataConfig"].(map[string]any)["S3OutputPath"])
	assert.Equal(t, "registry.example.com/own:1", params["AlgorithmSpecification"].(map[string]any)["TrainingImage"])
	assert.Contains(t, smJSON(params["InputDataConfig"]), `"S3Uri":"s3://own/in"`)
	assert.JSONEq(t, `{"Image":"registry.example.com/own:1","ModelDataUrl.$":"$.artifacts"}`,
		smJSON(states["Model"].(map[string]any)["Parameters"].(map[string]any)["PrimaryContainer"]), "JsonPath tokens rendered as the CDK renders them")

	err := validationError(t, func() {
		p := trainingProps(cdktest.NewStack(), jsii.String("j"), smRR)
		p.OutputDataConfig.S3OutputLocation = jsonPathLocation{}
		tasks.NewSageMakerCreateTrainingJob(cdktest.NewStack(), jsii.String("Task"), p)
	})
	assert.Contains(t, err, "OutputDataConfig.S3OutputLocation: a location or image of your own type is bound after the state is rendered")
}

// sfnkit's own locations and images bind as the CDK's do, for code that
// calls Bind itself.
func TestSageMakerBindLikeTheCDK(t *testing.T) {
	stack := cdktest.NewStack()
	p := trainingProps(stack, jsii.String("j"), smRR)
	p.Role = nil
	task := tasks.NewSageMakerCreateTrainingJob(stack, jsii.String("Task"), p)
	bucket := awss3.NewBucket(stack, jsii.String("Data"), nil)
	cfg := tasks.S3Location_FromBucket(bucket, jsii.String("k/")).Bind(task, &tasks.S3LocationBindOptions{ForReading: jsii.Bool(true)})
	assert.Contains(t, smJSON(stack.Resolve(cfg.Uri)), "https://s3.")
	expr := tasks.S3Location_FromJsonExpression(jsii.String("$.uri")).Bind(task, &tasks.S3LocationBindOptions{ForWriting: jsii.Bool(true)})
	assert.True(t, *sfn.JsonPath_IsEncodedJsonPath(expr.Uri), "a JsonPath token, as the CDK's")
	img := tasks.DockerImage_FromJsonExpression(jsii.String("$.image"), nil).Bind(task)
	assert.True(t, *sfn.JsonPath_IsEncodedJsonPath(img.ImageUri))
	tpl := smMachine(t, stack, task)
	var grants string
	for id, pol := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		if strings.HasPrefix(id, "TaskSagemakerRoleDefaultPolicy") {
			grants = cdktest.Flatten(pol["Properties"].(map[string]any)["PolicyDocument"])
		}
	}
	for _, want := range []string{"s3:GetObject*", "s3:PutObject", "ecr:BatchGetImage"} {
		assert.Contains(t, grants, want)
	}
}

// Accelerator types render as the API spells them.
func TestSageMakerAcceleratorType(t *testing.T) {
	assert.Equal(t, "ml.eia2.medium", *tasks.AcceleratorType_Of(tasks.AcceleratorClass_EIA2(), awsec2.InstanceSize_MEDIUM).ToString())
	assert.Equal(t, "ml.eia1.2xlarge", *tasks.AcceleratorType_Of(tasks.AcceleratorClass_EIA1(), awsec2.InstanceSize_XLARGE2).ToString())
	assert.Equal(t, "ml.eia3.large", *tasks.AcceleratorType_Of(tasks.AcceleratorClass_Of(jsii.String("eia3")), awsec2.InstanceSize_LARGE).ToString())
	assert.Equal(t, "ml.eia1.medium", *tasks.NewAcceleratorType(jsii.String("ml.eia1.medium")).ToString())
}

// A job task built in a fragments.Workflow is a CDK state (its resources
// are its children), chained with the Workflow's own; StateName holds.
func TestSageMakerInWorkflow(t *testing.T) {
	stack := cdktest.NewStack()
	flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
	p := trainingProps(stack, jsii.String("j"), smRR)
	p.Role = nil
	p.StateName = jsii.String("Train the model")
	train := tasks.NewSageMakerCreateTrainingJob(flow, jsii.String("Train"), p)
	update := tasks.NewSageMakerUpdateEndpoint(flow, jsii.String("Update"), &tasks.SageMakerUpdateEndpointProps{
		EndpointName: jsii.String("e"), EndpointConfigName: jsii.String("c")})
	fragments.NewStateMachine(stack, jsii.String("SM"), train.Next(update), &sfn.StateMachineProps{})
	tpl := cdktest.Template(t, stack)
	states := cdktest.Definition(t, tpl)["States"].(map[string]any)
	assert.Contains(t, states, "Train the model")
	assert.Contains(t, states, "Update")
	assert.Equal(t, "Test/Flow/Train/SagemakerRole", *train.Role().Node().Path())
}

// The enum constants hold the CDK's Go values (the members' names); the
// request gets the API's spelling.
func TestSageMakerEnumValuesAreTheCDKs(t *testing.T) {
	pairs := [][2]string{
		{string(tasks.InputMode_PIPE), string(cdktasks.InputMode_PIPE)}, {string(tasks.InputMode_FILE), string(cdktasks.InputMode_FILE)},
		{string(tasks.InputMode_FAST_FILE), string(cdktasks.InputMode_FAST_FILE)},
		{string(tasks.S3DataType_MANIFEST_FILE), string(cdktasks.S3DataType_MANIFEST_FILE)}, {string(tasks.S3DataType_S3_PREFIX), string(cdktasks.S3DataType_S3_PREFIX)},
		{string(tasks.S3DataType_AUGMENTED_MANIFEST_FILE), string(cdktasks.S3DataType_AUGMENTED_MANIFEST_FILE)},
		{string(tasks.S3DataDistributionType_FULLY_REPLICATED), string(cdktasks.S3DataDistributionType_FULLY_REPLICATED)},
		{string(tasks.S3DataDistributionType_SHARDED_BY_S3_KEY), string(cdktasks.S3DataDistributionType_SHARDED_BY_S3_KEY)},
		{string(tasks.RecordWrapperType_NONE), string(cdktasks.RecordWrapperType_NONE)}, {string(tasks.RecordWrapperType_RECORD_IO), string(cdktasks.RecordWrapperType_RECORD_IO)},
		{string(tasks.CompressionType_NONE), string(cdktasks.CompressionType_NONE)}, {string(tasks.CompressionType_GZIP), string(cdktasks.CompressionType_GZIP)},
		{string(tasks.Mode_SINGLE_MODEL), string(cdktasks.Mode_SINGLE_MODEL)}, {string(tasks.Mode_MULTI_MODEL), string(cdktasks.Mode_MULTI_MODEL)},
		{string(tasks.BatchStrategy_MULTI_RECORD), string(cdktasks.BatchStrategy_MULTI_RECORD)}, {string(tasks.BatchStrategy_SINGLE_RECORD), string(cdktasks.BatchStrategy_SINGLE_RECORD)},
		{string(tasks.SplitType_NONE), string(cdktasks.SplitType_NONE)}, {string(tasks.SplitType_LINE), string(cdktasks.SplitType_LINE)},
		{string(tasks.SplitType_RECORD_IO), string(cdktasks.SplitType_RECORD_IO)}, {string(tasks.SplitType_TF_RECORD), string(cdktasks.SplitType_TF_RECORD)},
		{string(tasks.AssembleWith_NONE), string(cdktasks.AssembleWith_NONE)}, {string(tasks.AssembleWith_LINE), string(cdktasks.AssembleWith_LINE)},
	}
	for _, p := range pairs {
		assert.Equal(t, p[1], p[0])
	}

	stack := cdktest.NewStack()
	p := transformProps(jsii.String("t"), smRR)
	p.BatchStrategy = tasks.BatchStrategy_SINGLE_RECORD
	p.TransformInput.SplitType = tasks.SplitType_TF_RECORD
	p.TransformInput.TransformDataSource.S3DataSource.S3DataType = tasks.S3DataType_AUGMENTED_MANIFEST_FILE
	p.TransformOutput.AssembleWith = "Line" // the API's spelling is kept
	params := cdktest.Definition(t, smMachine(t, stack, tasks.NewSageMakerCreateTransformJob(stack, jsii.String("Task"), p)))["States"].(map[string]any)["Task"].(map[string]any)["Parameters"].(map[string]any)
	assert.Equal(t, "SingleRecord", params["BatchStrategy"])
	assert.Equal(t, "TFRecord", params["TransformInput"].(map[string]any)["SplitType"])
	assert.Equal(t, "AugmentedManifestFile", params["TransformInput"].(map[string]any)["DataSource"].(map[string]any)["S3DataSource"].(map[string]any)["S3DataType"])
	assert.Equal(t, "Line", params["TransformOutput"].(map[string]any)["AssembleWith"])
}
