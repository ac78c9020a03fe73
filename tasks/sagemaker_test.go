package tasks_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func smMachine(t *testing.T, stack awscdk.Stack, start sfn.IChainable) map[string]any {
	t.Helper()
	sfn.NewStateMachine(stack, jsii.String("SM"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(start)})
	return cdktest.Template(t, stack)
}

// smMachineStatements are the statements of the state machine's role
// (SM) alone, sorted: a job role given to a task has a policy of its own.
func smMachineStatements(t *testing.T, tpl map[string]any) []map[string]any {
	t.Helper()
	only := map[string]any{"Resources": map[string]any{}}
	for id, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		if strings.HasPrefix(id, "SMRoleDefaultPolicy") {
			only["Resources"].(map[string]any)[id] = p
		}
	}
	return cdktest.SortedStatements(cdktest.RoleStatements(t, only))
}

func smJSON(x any) string {
	b, _ := json.Marshal(x)
	return string(b)
}

// Every SageMaker class, each supported pattern, with a literal and a
// dynamic (JSONPath) resource name: the resolved state and the exact
// statements of the state machine role.
func TestSageMakerRenderingAndIAM(t *testing.T) {
	require.Len(t, smWant, len(smCases()), "an expectation without its case")
	for _, c := range smCases() {
		t.Run(c.name, func(t *testing.T) {
			want, ok := smWant[c.name]
			require.True(t, ok, "no expectation for %s", c.name)
			stack := cdktest.NewStack()
			tpl := smMachine(t, stack, c.make(stack))
			st := cdktest.Definition(t, tpl)["States"].(map[string]any)["Task"]
			assert.JSONEq(t, want.state, smJSON(st), "state")
			assert.JSONEq(t, want.iam, smJSON(smMachineStatements(t, tpl)), "IAM")
		})
	}
}

// roleStatements returns the inline policy statements of the job role
// sfnkit created (the only AWS::IAM::Role with inline policies).
func smJobRole(t *testing.T, tpl map[string]any) (map[string]any, []map[string]any) {
	t.Helper()
	for _, r := range cdktest.Resources(tpl, "AWS::IAM::Role") {
		props := r["Properties"].(map[string]any)
		policies, ok := props["Policies"].([]any)
		if !ok {
			continue
		}
		var out []map[string]any
		for _, p := range policies {
			doc := p.(map[string]any)["PolicyDocument"].(map[string]any)
			for _, s := range doc["Statement"].([]any) {
				st := s.(map[string]any)
				if res, ok := st["Resource"].([]any); ok {
					texts := make([]string, len(res))
					for i, x := range res {
						texts[i] = cdktest.Flatten(x)
					}
					st["Resource"] = texts
				} else {
					st["Resource"] = []string{cdktest.Flatten(st["Resource"])}
				}
				if a, ok := st["Action"].(string); ok {
					st["Action"] = []string{a}
				}
				out = append(out, st)
			}
		}
		return props, cdktest.SortedStatements(out)
	}
	t.Fatal("no job role created")
	return nil, nil
}

// Without a Role, a job gets a least-privilege role of its own: S3 read on
// its inputs, write on its output, ECR pull of its repository, SageMaker
// logs; no managed policy (the CDK attaches AmazonSageMakerFullAccess to
// the transform job's).
func TestSageMakerDefaultRole(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSageMakerCreateProcessingJob(stack, jsii.String("Task"), &tasks.SageMakerCreateProcessingJobProps{
		ProcessingJobName: jsii.String("etl"),
		AppSpecification: &tasks.AppSpecification{ImageUri: jsii.String("111122223333.dkr.ecr.eu-west-1.amazonaws.com/etl:3"),
			ContainerEntrypoint: jsii.Strings("python3", "/opt/etl.py"), ContainerArguments: jsii.Strings("--day", "1")},
		ClusterConfig: &tasks.ClusterConfig{InstanceCount: tasks.NumberAt("$.count"), InstanceType: awsec2.NewInstanceType(tasks.StringAt("$.type")),
			VolumeSize: awscdk.Size_Gibibytes(jsii.Number(30))},
		ProcessingInputs: &[]*tasks.ProcessingInput{{InputName: jsii.String("raw"), S3Input: &tasks.ProcessingS3Input{
			S3Uri: tasks.S3Location_FromUri(jsii.String("s3://raw-bucket/in/")), LocalPath: jsii.String("/opt/ml/processing/input")}}},
		ProcessingOutputConfig: &tasks.ProcessingOutputConfig{Outputs: &[]*tasks.ProcessingOutput{{OutputName: jsii.String("clean"),
			S3Output: &tasks.ProcessingS3Output{S3Uri: tasks.S3Location_FromUri(jsii.String("s3://clean-bucket/out/")), LocalPath: jsii.String("/opt/ml/processing/output")}}}},
		Environment: &map[string]*string{"my_VAR": jsii.String("x")},
		Tags:        &map[string]*string{"team": jsii.String("data")},
	})
	tpl := smMachine(t, stack, task)
	props, stmts := smJobRole(t, tpl)
	assert.Nil(t, props["ManagedPolicyArns"], "no managed policy")
	assert.Contains(t, smJSON(props["AssumeRolePolicyDocument"]), `"Service":"sagemaker.amazonaws.com"`)
	p := "arn:${AWS::Partition}"
	assert.JSONEq(t, smJSON([]map[string]any{
		{"Action": []string{"cloudwatch:PutMetricData"}, "Condition": map[string]any{"StringLike": map[string]any{"cloudwatch:namespace": "/aws/sagemaker/*"}}, "Effect": "Allow", "Resource": []string{"*"}},
		{"Action": []string{"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"}, "Effect": "Allow", "Resource": []string{p + ":ecr:eu-west-1:111122223333:repository/etl"}},
		{"Action": []string{"ecr:GetAuthorizationToken"}, "Effect": "Allow", "Resource": []string{"*"}},
		{"Action": []string{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"}, "Effect": "Allow", "Resource": []string{p + ":logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/*"}},
		{"Action": []string{"s3:GetObject"}, "Effect": "Allow", "Resource": []string{p + ":s3:::raw-bucket/in/*"}},
		{"Action": []string{"s3:ListBucket"}, "Effect": "Allow", "Resource": []string{p + ":s3:::clean-bucket", p + ":s3:::raw-bucket"}},
		{"Action": []string{"s3:PutObject", "s3:AbortMultipartUpload"}, "Effect": "Allow", "Resource": []string{p + ":s3:::clean-bucket/out/*"}},
	}), smJSON(stmts))

	params := cdktest.Definition(t, tpl)["States"].(map[string]any)["Task"].(map[string]any)["Parameters"].(map[string]any)
	assert.JSONEq(t, `{"InstanceCount.$":"$.count","InstanceType.$":"$.type","VolumeSizeInGB":30}`, smJSON(params["ProcessingResources"].(map[string]any)["ClusterConfig"]))
	assert.JSONEq(t, `{"my_VAR":"x"}`, smJSON(params["Environment"]), "environment keys verbatim")
	assert.JSONEq(t, `[{"Key":"team","Value":"data"}]`, smJSON(params["Tags"]))
	assert.JSONEq(t, `{"ContainerArguments":["--day","1"],"ContainerEntrypoint":["python3","/opt/etl.py"],"ImageUri":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/etl:3"}`, smJSON(params["AppSpecification"]))
	assert.Contains(t, smJSON(params["RoleArn"]), "TaskSagemakerRole")

	// The state machine role: tags need AddTags even in REQUEST_RESPONSE.
	sm := smMachineStatements(t, tpl)
	assert.Contains(t, smJSON(sm), `"sagemaker:CreateProcessingJob","sagemaker:AddTags"`)
	cdktest.Golden(t, "sagemaker_default_role", cdktest.Snapshot(tpl))
}

// A transform job takes no role: none is created and none is passed.
func TestSageMakerTransformCreatesNoRole(t *testing.T) {
	stack := cdktest.NewStack()
	tpl := smMachine(t, stack, tasks.NewSageMakerCreateTransformJob(stack, jsii.String("Task"), transformProps(jsii.String("t"), smRun)))
	assert.Len(t, cdktest.Resources(tpl, "AWS::IAM::Role"), 1, "only the state machine's role")
	assert.NotContains(t, smJSON(tpl), "AmazonSageMakerFullAccess")
	assert.NotContains(t, smJSON(tpl), "iam:PassRole")
}

func TestSageMakerErrors(t *testing.T) {
	long := strings.Repeat("a", 64)
	tests := []struct {
		name string
		make func(s awscdk.Stack)
		want string
	}{
		{"processing InstanceCount < 1", func(s awscdk.Stack) {
			p := processingProps(s, jsii.String("j"), smRR)
			p.ClusterConfig.InstanceCount = jsii.Number(0)
			tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), p)
		}, "ClusterConfig.InstanceCount: must be a whole number from 1 to 100, got 0"},
		{"processing name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), processingProps(s, &long, smRR))
		}, `ProcessingJobName: "` + long + `" is not a valid name: use 1 to 63 letters`},
		{"processing name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), processingProps(s, jsii.String("my_job"), smRR))
		}, `ProcessingJobName: "my_job" is not a valid name`},
		{"processing MaxRuntime > 9 days", func(s awscdk.Stack) {
			p := processingProps(s, jsii.String("j"), smRR)
			p.StoppingCondition.MaxRuntime = awscdk.Duration_Seconds(jsii.Number(777601))
			tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), p)
		}, "StoppingCondition.MaxRuntime: must be a whole number from 1 to 777600, got 777601"},
		{"processing no image", func(s awscdk.Stack) {
			p := processingProps(s, jsii.String("j"), smRR)
			p.AppSpecification = &tasks.AppSpecification{}
			tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), p)
		}, "AppSpecification.ImageUri: required"},
		{"processing WAIT_FOR_TASK_TOKEN", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), processingProps(s, jsii.String("j"), sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN))
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by sagemaker:createProcessingJob; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"tuning name longer than 32", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), tuningProps(s, jsii.String(strings.Repeat("t", 33)), smRR))
		}, "is not a valid name: use 1 to 32 letters"},
		{"tuning MaxParallelTrainingJobs < 1", func(s awscdk.Stack) {
			p := tuningProps(s, jsii.String("t"), smRR)
			p.HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs = jsii.Number(0)
			tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), p)
		}, "MaxParallelTrainingJobs: must be a whole number of at least 1"},
		{"training both algorithm name and image", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("j"), smRR)
			p.AlgorithmSpecification.TrainingImage = tasks.DockerImage_FromRegistry(jsii.String("img"))
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
		}, "AlgorithmSpecification: give exactly one of AlgorithmName and TrainingImage"},
		{"training InstanceCount < 1", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("j"), smRR)
			p.ResourceConfig = &tasks.ResourceConfig{InstanceCount: jsii.Number(0), InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), VolumeSize: awscdk.Size_Gibibytes(jsii.Number(5))}
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
		}, "ResourceConfig.InstanceCount: must be a whole number of at least 1, got 0"},
		{"training output not s3", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("j"), smRR)
			p.OutputDataConfig.S3OutputLocation = tasks.S3Location_FromUri(jsii.String("https://example.com/x"))
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
		}, `OutputDataConfig.S3OutputLocation: must be an s3:// URI (s3://bucket/prefix) or an S3 https:// URL, got "https://example.com/x"`},
		{"training bad input mode", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("j"), smRR)
			p.AlgorithmSpecification.TrainingInputMode = tasks.InputMode("Stream")
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
		}, `AlgorithmSpecification.TrainingInputMode: must be one of Pipe, File, FastFile (or dynamic), got "Stream"`},
		{"transform retries > 3", func(s awscdk.Stack) {
			p := transformProps(jsii.String("j"), smRR)
			p.ModelClientOptions = &tasks.ModelClientOptions{InvocationsMaxRetries: jsii.Number(4)}
			tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), p)
		}, "ModelClientOptions.InvocationsMaxRetries: must be a whole number from 0 to 3, got 4"},
		{"transform InstanceCount < 1", func(s awscdk.Stack) {
			p := transformProps(jsii.String("j"), smRR)
			p.TransformResources = &tasks.TransformResources{InstanceCount: jsii.Number(0), InstanceType: awsec2.NewInstanceType(jsii.String("m4.xlarge"))}
			tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), p)
		}, "TransformResources.InstanceCount: must be a whole number of at least 1, got 0"},
		{"createModel RUN_JOB", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{ModelName: jsii.String("m"),
				Role: smRole(s), PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{ModelPackageName: jsii.String("p")}),
				IntegrationPattern: smRun})
		}, "IntegrationPattern: RUN_JOB is not supported by sagemaker:createModel; supported: REQUEST_RESPONSE"},
		{"endpoint config no variants", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{EndpointConfigName: jsii.String("c"),
				ProductionVariants: &[]*tasks.ProductionVariant{}})
		}, "ProductionVariants: give 1 to 10 production variants, got 0"},
		{"endpoint config InitialInstanceCount < 1", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{EndpointConfigName: jsii.String("c"),
				ProductionVariants: &[]*tasks.ProductionVariant{{InitialInstanceCount: jsii.Number(0), InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")),
					ModelName: jsii.String("m"), VariantName: jsii.String("v")}}})
		}, "ProductionVariants[0].InitialInstanceCount: must be a whole number of at least 1, got 0"},
		{"endpoint RUN_JOB", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpoint(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{EndpointName: jsii.String("e"),
				EndpointConfigName: jsii.String("c"), IntegrationPattern: smRun})
		}, "IntegrationPattern: RUN_JOB is not supported by sagemaker:createEndpoint; supported: REQUEST_RESPONSE"},
		{"update endpoint bad name", func(s awscdk.Stack) {
			tasks.NewSageMakerUpdateEndpoint(s, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{EndpointName: jsii.String("-e"),
				EndpointConfigName: jsii.String("c")})
		}, `EndpointName: "-e" is not a valid name`},
		{"training name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), trainingProps(s, &long, smRR))
		}, `TrainingJobName: "` + long + `" is not a valid name: use 1 to 63 letters, digits and hyphens`},
		{"training name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), trainingProps(s, jsii.String("job.1"), smRR))
		}, `TrainingJobName: "job.1" is not a valid name`},
		{"training VolumeSize not whole GiB", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("j"), smRR)
			p.ResourceConfig = &tasks.ResourceConfig{InstanceCount: jsii.Number(1), InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")),
				VolumeSize: awscdk.Size_Mebibytes(jsii.Number(1500))}
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
		}, "ResourceConfig.VolumeSize: must be a whole number from 1 to 16384, got 1.46484375"},
		{"training WAIT_FOR_TASK_TOKEN", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), trainingProps(s, jsii.String("j"), sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN))
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by sagemaker:createTrainingJob; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"transform name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), transformProps(&long, smRR))
		}, `TransformJobName: "` + long + `" is not a valid name: use 1 to 63 letters`},
		{"transform name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), transformProps(jsii.String("nightly job"), smRR))
		}, `TransformJobName: "nightly job" is not a valid name`},
		{"transform WAIT_FOR_TASK_TOKEN", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), transformProps(jsii.String("j"), sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN))
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by sagemaker:createTransformJob"},
		{"tuning name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), tuningProps(s, jsii.String("tune_1"), smRR))
		}, `HyperParameterTuningJobName: "tune_1" is not a valid name: use 1 to 32 letters`},
		{"tuning InstanceCount < 1", func(s awscdk.Stack) {
			p := tuningProps(s, jsii.String("t"), smRR)
			p.TrainingJobDefinition.ResourceConfig = &tasks.ResourceConfig{InstanceCount: jsii.Number(0), InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), VolumeSize: awscdk.Size_Gibibytes(jsii.Number(5))}
			tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), p)
		}, "TrainingJobDefinition.ResourceConfig.InstanceCount: must be a whole number of at least 1, got 0"},
		{"tuning WAIT_FOR_TASK_TOKEN", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), tuningProps(s, jsii.String("t"), sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN))
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by sagemaker:createHyperParameterTuningJob"},
		{"model name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{ModelName: &long, Role: smRole(s),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{ModelPackageName: jsii.String("p")})})
		}, `ModelName: "` + long + `" is not a valid name: use 1 to 63 letters`},
		{"model name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{ModelName: jsii.String("model-"), Role: smRole(s),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{ModelPackageName: jsii.String("p")})})
		}, `ModelName: "model-" is not a valid name`},
		{"endpoint config name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{EndpointConfigName: &long,
				ProductionVariants: &[]*tasks.ProductionVariant{{InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), ModelName: jsii.String("m"), VariantName: jsii.String("v")}}})
		}, `EndpointConfigName: "` + long + `" is not a valid name: use 1 to 63 letters`},
		{"endpoint config model name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{EndpointConfigName: jsii.String("c"),
				ProductionVariants: &[]*tasks.ProductionVariant{{InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), ModelName: jsii.String("my/model"), VariantName: jsii.String("v")}}})
		}, `ProductionVariants[0].ModelName: "my/model" is not a valid name`},
		{"endpoint config variant name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{EndpointConfigName: jsii.String("c"),
				ProductionVariants: &[]*tasks.ProductionVariant{{InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), ModelName: jsii.String("m"), VariantName: jsii.String("blue_green")}}})
		}, `ProductionVariants[0].VariantName: "blue_green" is not a valid name`},
		{"endpoint config RUN_JOB", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{EndpointConfigName: jsii.String("c"),
				ProductionVariants: &[]*tasks.ProductionVariant{{InstanceType: awsec2.NewInstanceType(jsii.String("m5.large")), ModelName: jsii.String("m"), VariantName: jsii.String("v")}},
				IntegrationPattern: smRun})
		}, "IntegrationPattern: RUN_JOB is not supported by sagemaker:createEndpointConfig; supported: REQUEST_RESPONSE"},
		{"endpoint name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpoint(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{EndpointName: &long, EndpointConfigName: jsii.String("c")})
		}, `EndpointName: "` + long + `" is not a valid name: use 1 to 63 letters`},
		{"endpoint config name bad characters", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpoint(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{EndpointName: jsii.String("e"), EndpointConfigName: jsii.String("c--")})
		}, `EndpointConfigName: "c--" is not a valid name`},
		{"update endpoint name too long", func(s awscdk.Stack) {
			tasks.NewSageMakerUpdateEndpoint(s, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{EndpointName: &long, EndpointConfigName: jsii.String("c")})
		}, `EndpointName: "` + long + `" is not a valid name: use 1 to 63 letters`},
		{"update endpoint RUN_JOB", func(s awscdk.Stack) {
			tasks.NewSageMakerUpdateEndpoint(s, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{EndpointName: jsii.String("e"),
				EndpointConfigName: jsii.String("c"), IntegrationPattern: smRun})
		}, "IntegrationPattern: RUN_JOB is not supported by sagemaker:updateEndpoint; supported: REQUEST_RESPONSE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := cdktest.Catch(func() { tt.make(cdktest.NewStack()) })
			require.Error(t, err)
			var ve *tasks.ValidationError
			require.ErrorAs(t, err, &ve, "%v", err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// Dynamic values are never range-checked.
func TestSageMakerDynamicNotChecked(t *testing.T) {
	stack := cdktest.NewStack()
	p := processingProps(stack, tasks.StringAt("States.Format('job-{}', States.UUID())"), smRun)
	p.ClusterConfig.InstanceCount = tasks.NumberAt("$.n")
	p.StoppingCondition.MaxRuntime = tasks.DurationAt("$.max")
	require.NoError(t, cdktest.Catch(func() { tasks.NewSageMakerCreateProcessingJob(stack, jsii.String("Task"), p) }))
}

// The seed customstate-sagemaker-processing-ja: the typed task and the
// same state in raw ASL get the same statements, and none is "*".
func TestSageMakerSeedProcessingTypedEqualsCustom(t *testing.T) {
	build := func(typed bool) []map[string]any {
		app := awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false)})
		stack := awscdk.NewStack(app, jsii.String("Sandbox"), &awscdk.StackProps{
			Env:         &awscdk.Environment{Account: jsii.String("000000000000"), Region: jsii.String("ap-northeast-1")},
			Synthesizer: awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{GenerateBootstrapVersionRule: jsii.Bool(false)}),
		})
		role := awsiam.NewRole(stack, jsii.String("SageMakerRole"), &awsiam.RoleProps{
			RoleName: jsii.String("sandbox-sagemaker-role"), AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil)})
		image := "000000000000.dkr.ecr.ap-northeast-1.amazonaws.com/hello-world"
		var task tasks.Task
		if typed {
			task = tasks.NewSageMakerCreateProcessingJob(stack, jsii.String("HelloWorldProcessingJob"), &tasks.SageMakerCreateProcessingJobProps{
				ProcessingJobName: tasks.StringAt("States.Format('hello-world-{}', States.UUID())"),
				Role:              role,
				ClusterConfig: &tasks.ClusterConfig{InstanceCount: jsii.Number(1), InstanceType: awsec2.NewInstanceType(jsii.String("ml.t3.medium")),
					VolumeSize: awscdk.Size_Gibibytes(jsii.Number(1))},
				AppSpecification:   &tasks.AppSpecification{ImageUri: &image},
				StoppingCondition:  &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Seconds(jsii.Number(600))},
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
			})
		} else {
			task = tasks.NewCustomTask(stack, jsii.String("HelloWorldProcessingJobCustom"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
				"Type":     "Task",
				"Resource": "arn:aws:states:::sagemaker:createProcessingJob.sync",
				"Parameters": map[string]interface{}{
					"ProcessingJobName.$": "States.Format('hello-world-{}', States.UUID())",
					"RoleArn":             role.RoleArn(),
					"ProcessingResources": map[string]interface{}{"ClusterConfig": map[string]interface{}{
						"InstanceCount": 1, "InstanceType": "ml.t3.medium", "VolumeSizeInGB": 1}},
					"AppSpecification":  map[string]interface{}{"ImageUri": image},
					"StoppingCondition": map[string]interface{}{"MaxRuntimeInSeconds": 600},
				},
			}})
		}
		tpl := smMachine(t, stack, task)
		if typed {
			st := cdktest.Definition(t, tpl)["States"].(map[string]any)["HelloWorldProcessingJob"].(map[string]any)
			assert.Equal(t, "arn:${AWS::Partition}:states:::sagemaker:createProcessingJob.sync", st["Resource"])
			assert.Equal(t, "States.Format('hello-world-{}', States.UUID())", st["Parameters"].(map[string]any)["ProcessingJobName.$"])
		}
		return smMachineStatements(t, tpl)
	}
	typed, custom := build(true), build(false)
	assert.Equal(t, smJSON(custom), smJSON(typed))
	for _, s := range typed {
		for _, r := range s["Resource"].([]string) {
			assert.NotEqual(t, "*", r, "no * resource: %v", s)
		}
	}
	assert.JSONEq(t, `[
	 {"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:events:ap-northeast-1:000000000000:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule"]},
	 {"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["${SageMakerRoleD4FCFA3F.Arn}"]},
	 {"Action":["sagemaker:CreateProcessingJob","sagemaker:DescribeProcessingJob","sagemaker:StopProcessingJob","sagemaker:AddTags"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:ap-northeast-1:000000000000:processing-job/hello-world-*"]}
	]`, smJSON(typed))
}
