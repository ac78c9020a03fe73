package tasks_test

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/tasks"
)

const smRoleARN = "arn:aws:iam::111122223333:role/sm"

func smRole(stack awscdk.Stack) awsiam.IRole {
	// Immutable: the statements below are the state machine's alone (a
	// mutable role would be granted the job's S3 and ECR access).
	return awsiam.Role_FromRoleArn(stack, jsii.String("Role"), jsii.String(smRoleARN), &awsiam.FromRoleArnOptions{Mutable: jsii.Bool(false)})
}

type smCase struct {
	name string
	make func(stack awscdk.Stack) tasks.Task
}

func processingProps(stack awscdk.Stack, name *string, p sfn.IntegrationPattern) *tasks.SageMakerCreateProcessingJobProps {
	return &tasks.SageMakerCreateProcessingJobProps{
		ProcessingJobName: name,
		Role:              smRole(stack),
		AppSpecification:  &tasks.AppSpecification{ImageUri: jsii.String("000000000000.dkr.ecr.ap-northeast-1.amazonaws.com/hello-world")},
		ClusterConfig: &tasks.ClusterConfig{InstanceCount: jsii.Number(1), InstanceType: awsec2.NewInstanceType(jsii.String("ml.t3.medium")),
			VolumeSize: awscdk.Size_Gibibytes(jsii.Number(1))},
		StoppingCondition:  &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Seconds(jsii.Number(600))},
		IntegrationPattern: p,
	}
}

func trainingProps(stack awscdk.Stack, name *string, p sfn.IntegrationPattern) *tasks.SageMakerCreateTrainingJobProps {
	return &tasks.SageMakerCreateTrainingJobProps{
		TrainingJobName:        name,
		Role:                   smRole(stack),
		AlgorithmSpecification: &tasks.AlgorithmSpecification{AlgorithmName: jsii.String("BlazingText")},
		OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromUri(jsii.String("s3://out/models"))},
		IntegrationPattern:     p,
	}
}

func transformProps(name *string, p sfn.IntegrationPattern) *tasks.SageMakerCreateTransformJobProps {
	return &tasks.SageMakerCreateTransformJobProps{
		TransformJobName: name,
		ModelName:        jsii.String("MyModel"),
		TransformInput: &tasks.TransformInput{TransformDataSource: &tasks.TransformDataSource{
			S3DataSource: &tasks.TransformS3DataSource{S3Uri: jsii.String("s3://in/data")}}},
		TransformOutput:    &tasks.TransformOutput{S3OutputPath: jsii.String("s3://out/results")},
		IntegrationPattern: p,
	}
}

func tuningProps(stack awscdk.Stack, name *string, p sfn.IntegrationPattern) *tasks.SageMakerCreateHyperParameterTuningJobProps {
	return &tasks.SageMakerCreateHyperParameterTuningJobProps{
		HyperParameterTuningJobName: name,
		Role:                        smRole(stack),
		HyperParameterTuningJobConfig: &tasks.HyperParameterTuningJobConfig{
			Strategy:                         jsii.String("Bayesian"),
			HyperParameterTuningJobObjective: &tasks.TuningJobObjective{Type: jsii.String("Maximize"), MetricName: jsii.String("validation:accuracy")},
			ResourceLimits:                   &tasks.TuningResourceLimits{MaxNumberOfTrainingJobs: jsii.Number(10), MaxParallelTrainingJobs: jsii.Number(2)},
		},
		TrainingJobDefinition: &tasks.HyperParameterTrainingJobDefinition{
			AlgorithmSpecification: &tasks.AlgorithmSpecification{TrainingImage: tasks.DockerImage_FromRegistry(jsii.String("111122223333.dkr.ecr.eu-west-1.amazonaws.com/xgb:1"))},
			OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromUri(jsii.String("s3://out/tuning"))},
		},
		IntegrationPattern: p,
	}
}

var (
	smRR  = sfn.IntegrationPattern_REQUEST_RESPONSE
	smRun = sfn.IntegrationPattern_RUN_JOB
)

// dynamicCompute is a training ResourceConfig decided at run time, in the
// CDK's own types where the CDK has them.
func dynamicCompute() *tasks.ResourceConfig {
	return &tasks.ResourceConfig{InstanceCount: tasks.NumberAt("$.count"),
		InstanceType: awsec2.NewInstanceType(sfn.JsonPath_StringAt(jsii.String("$.type"))),
		VolumeSize:   awscdk.Size_Gibibytes(sfn.JsonPath_NumberAt(jsii.String("$.gib")))}
}

// smCases: each job API in each pattern with a literal and a dynamic name
// (the dynamic cases also take their compute from the input); the other
// APIs, request/response only, with a literal and a dynamic name.
func smCases() []smCase {
	lit, dyn := jsii.String("Nightly-Job"), tasks.StringAt("$.name")
	return []smCase{
		{"processing/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), processingProps(s, lit, smRR))
		}},
		{"processing/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			p := processingProps(s, dyn, smRR)
			p.ClusterConfig = &tasks.ClusterConfig{InstanceCount: tasks.NumberAt("$.count"), InstanceType: awsec2.NewInstanceType(tasks.StringAt("$.type")),
				VolumeSize: awscdk.Size_Gibibytes(sfn.JsonPath_NumberAt(jsii.String("$.gb")))}
			return tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), p)
		}},
		{"processing/RUN_JOB/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), processingProps(s, lit, smRun))
		}},
		{"processing/RUN_JOB/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateProcessingJob(s, jsii.String("Task"), processingProps(s, dyn, smRun))
		}},
		{"training/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), trainingProps(s, lit, smRR))
		}},
		{"training/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			p := trainingProps(s, dyn, smRR)
			p.ResourceConfig = dynamicCompute()
			return tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), p)
		}},
		{"training/RUN_JOB/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), trainingProps(s, lit, smRun))
		}},
		{"training/RUN_JOB/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateTrainingJob(s, jsii.String("Task"), trainingProps(s, dyn, smRun))
		}},
		{"transform/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), transformProps(lit, smRR))
		}},
		{"transform/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			p := transformProps(dyn, smRR)
			p.TransformResources = &tasks.TransformResources{InstanceCount: tasks.NumberAt("$.count"), InstanceType: awsec2.NewInstanceType(tasks.StringAt("$.type"))}
			return tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), p)
		}},
		{"transform/RUN_JOB/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), transformProps(lit, smRun))
		}},
		{"transform/RUN_JOB/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateTransformJob(s, jsii.String("Task"), transformProps(dyn, smRun))
		}},
		{"tuning/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), tuningProps(s, jsii.String("Tune-1"), smRR))
		}},
		{"tuning/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			p := tuningProps(s, dyn, smRR)
			p.TrainingJobDefinition.ResourceConfig = dynamicCompute()
			return tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), p)
		}},
		{"tuning/RUN_JOB/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), tuningProps(s, jsii.String("Tune-1"), smRun))
		}},
		{"tuning/RUN_JOB/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateHyperParameterTuningJob(s, jsii.String("Task"), tuningProps(s, dyn, smRun))
		}},
		{"model/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
				ModelName: jsii.String("MyModel"), Role: smRole(s),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
					Image: tasks.DockerImage_FromRegistry(jsii.String("111122223333.dkr.ecr.eu-west-1.amazonaws.com/inference:1")),
					Mode:  tasks.Mode_SINGLE_MODEL, ModelS3Location: tasks.S3Location_FromUri(jsii.String("s3://models/m.tar.gz"))}),
				Tags: tasks.TaskInput_FromValue(tasks.List(map[string]any{"Key": "team", "Value": "ml"})),
			})
		}},
		{"model/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateModel(s, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
				ModelName: dyn, Role: smRole(s),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
					Image:           tasks.DockerImage_FromJsonExpression(jsii.String("$.image"), nil),
					ModelS3Location: tasks.S3Location_FromJsonExpression(jsii.String("$.artifacts"))}),
			})
		}},
		{"endpointconfig/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
				EndpointConfigName: jsii.String("MyEndpointConfig"),
				ProductionVariants: &[]*tasks.ProductionVariant{{InitialInstanceCount: jsii.Number(2), InstanceType: awsec2.NewInstanceType(jsii.String("m5.xlarge")),
					ModelName: jsii.String("MyModel"), VariantName: jsii.String("awesome-variant")}},
			})
		}},
		{"endpointconfig/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
				EndpointConfigName: dyn,
				ProductionVariants: &[]*tasks.ProductionVariant{{InstanceType: awsec2.NewInstanceType(tasks.StringAt("$.type")), InitialInstanceCount: tasks.NumberAt("$.count"),
					ModelName: tasks.StringAt("$.model"), VariantName: jsii.String("v1")}},
			})
		}},
		{"endpoint/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateEndpoint(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{
				EndpointName: jsii.String("MyEndpoint"), EndpointConfigName: jsii.String("MyEndpointConfig")})
		}},
		{"endpoint/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerCreateEndpoint(s, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{
				EndpointName: sfn.JsonPath_StringAt(jsii.String("$.EndpointName")), EndpointConfigName: sfn.JsonPath_StringAt(jsii.String("$.EndpointConfigName"))})
		}},
		{"updateendpoint/RR/literal", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerUpdateEndpoint(s, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{
				EndpointName: jsii.String("MyEndpoint"), EndpointConfigName: jsii.String("MyEndpointConfig")})
		}},
		{"updateendpoint/RR/dynamic", func(s awscdk.Stack) tasks.Task {
			return tasks.NewSageMakerUpdateEndpoint(s, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{
				EndpointName: tasks.StringAt("$.Endpoint.Name"), EndpointConfigName: tasks.StringAt("$.Endpoint.EndpointConfig")})
		}},
	}
}
