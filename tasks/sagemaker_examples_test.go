package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// The SageMaker examples of the CDK's aws-stepfunctions-tasks README
// (seeds/cdk-stepfunctions-tasks-module.txt), written with sfnkit, chained
// into one state machine that synthesizes and passes asl-validator.
func TestSageMakerModuleExamples(t *testing.T) {
	stack := cdktest.NewStack()
	train := tasks.NewSageMakerCreateTrainingJob(stack, jsii.String("TrainSagemaker"), &tasks.SageMakerCreateTrainingJobProps{
		TrainingJobName: sfn.JsonPath_StringAt(jsii.String("$.JobName")),
		AlgorithmSpecification: &tasks.AlgorithmSpecification{
			AlgorithmName:     jsii.String("BlazingText"),
			TrainingInputMode: tasks.InputMode_FILE,
		},
		InputDataConfig: &[]*tasks.Channel{{
			ChannelName: jsii.String("train"),
			DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{
				S3DataType: tasks.S3DataType_S3_PREFIX,
				S3Location: tasks.S3Location_FromJsonExpression(jsii.String("$.S3Bucket")),
			}},
		}},
		OutputDataConfig: &tasks.OutputDataConfig{
			S3OutputLocation: tasks.S3Location_FromBucket(awss3.Bucket_FromBucketName(stack, jsii.String("Bucket"), jsii.String("mybucket")), jsii.String("myoutputpath")),
		},
		ResourceConfig: &tasks.ResourceConfig{
			InstanceCount: jsii.Number(1),
			InstanceType:  awsec2.NewInstanceType(sfn.JsonPath_StringAt(jsii.String("$.InstanceType"))),
			VolumeSize:    awscdk.Size_Gibibytes(jsii.Number(50)),
		},
		StoppingCondition: &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Hours(jsii.Number(2))},
		ResultPath:        jsii.String(tasks.Discard),
	})
	transform := tasks.NewSageMakerCreateTransformJob(stack, jsii.String("Batch Inference"), &tasks.SageMakerCreateTransformJobProps{
		TransformJobName: jsii.String("MyTransformJob"),
		ModelName:        jsii.String("MyModelName"),
		ModelClientOptions: &tasks.ModelClientOptions{
			InvocationsMaxRetries: jsii.Number(3),
			InvocationsTimeout:    awscdk.Duration_Minutes(jsii.Number(5)),
		},
		TransformInput: &tasks.TransformInput{TransformDataSource: &tasks.TransformDataSource{S3DataSource: &tasks.TransformS3DataSource{
			S3Uri: jsii.String("s3://inputbucket/train"), S3DataType: tasks.S3DataType_S3_PREFIX,
		}}},
		TransformOutput: &tasks.TransformOutput{S3OutputPath: jsii.String("s3://outputbucket/TransformJobOutputPath")},
		TransformResources: &tasks.TransformResources{InstanceCount: jsii.Number(1),
			InstanceType: awsec2.InstanceType_Of(awsec2.InstanceClass_M4, awsec2.InstanceSize_XLARGE)},
		ResultPath: jsii.String(tasks.Discard),
	})
	endpoint := tasks.NewSageMakerCreateEndpoint(stack, jsii.String("SagemakerEndpoint"), &tasks.SageMakerCreateEndpointProps{
		EndpointName:       sfn.JsonPath_StringAt(jsii.String("$.EndpointName")),
		EndpointConfigName: sfn.JsonPath_StringAt(jsii.String("$.EndpointConfigName")),
		ResultPath:         jsii.String(tasks.Discard),
	})
	config := tasks.NewSageMakerCreateEndpointConfig(stack, jsii.String("SagemakerEndpointConfig"), &tasks.SageMakerCreateEndpointConfigProps{
		EndpointConfigName: jsii.String("MyEndpointConfig"),
		ProductionVariants: &[]*tasks.ProductionVariant{{
			InitialInstanceCount: jsii.Number(2),
			InstanceType:         awsec2.InstanceType_Of(awsec2.InstanceClass_M5, awsec2.InstanceSize_XLARGE),
			ModelName:            jsii.String("MyModel"),
			VariantName:          jsii.String("awesome-variant"),
		}},
		ResultPath: jsii.String(tasks.Discard),
	})
	model := tasks.NewSageMakerCreateModel(stack, jsii.String("Sagemaker"), &tasks.SageMakerCreateModelProps{
		ModelName: jsii.String("MyModel"),
		PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
			Image:           tasks.DockerImage_FromJsonExpression(sfn.JsonPath_StringAt(jsii.String("$.Model.imageName")), nil),
			Mode:            tasks.Mode_SINGLE_MODEL,
			ModelS3Location: tasks.S3Location_FromJsonExpression(jsii.String("$.TrainingJob.ModelArtifacts.S3ModelArtifacts")),
		}),
		ResultPath: jsii.String(tasks.Discard),
	})
	update := tasks.NewSageMakerUpdateEndpoint(stack, jsii.String("SagemakerUpdateEndpoint"), &tasks.SageMakerUpdateEndpointProps{
		EndpointName:       sfn.JsonPath_StringAt(jsii.String("$.Endpoint.Name")),
		EndpointConfigName: sfn.JsonPath_StringAt(jsii.String("$.Endpoint.EndpointConfig")),
	})
	chain := sfn.Chain_Start(train).Next(transform).Next(endpoint).Next(config).Next(model).Next(update)
	sfn.NewStateMachine(stack, jsii.String("SM"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(chain)})
	integ.Validate(t, stack)

	tpl := cdktest.Template(t, stack)
	states := cdktest.Definition(t, tpl)["States"].(map[string]any)
	trainParams := states["TrainSagemaker"].(map[string]any)["Parameters"].(map[string]any)
	assert.JSONEq(t, `{"InstanceCount":1,"InstanceType.$":"$.InstanceType","VolumeSizeInGB":50}`, smJSON(trainParams["ResourceConfig"]))
	assert.JSONEq(t, `{"MaxRuntimeInSeconds":7200}`, smJSON(trainParams["StoppingCondition"]))
	assert.JSONEq(t, `{"InvocationsMaxRetries":3,"InvocationsTimeoutInSeconds":300}`,
		smJSON(states["Batch Inference"].(map[string]any)["Parameters"].(map[string]any)["ModelClientConfig"]))
	cdktest.Golden(t, "sagemaker_module_examples", cdktest.Snapshot(tpl))
}
