package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecr"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// The SageMaker cases follow the CDK's own unit tests
// (aws-stepfunctions-tasks/test/sagemaker/*.test.ts): their props, and the
// roles and security groups the tasks create.

func sagemakerRole(scope constructs.Construct) awsiam.Role {
	return awsiam.NewRole(scope, jsii.String("Role"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil),
	})
}

func bucketLocation(scope constructs.Construct, id, prefix string) tasks.S3Location {
	return tasks.S3Location_FromBucket(awss3.Bucket_FromBucketName(scope, jsii.String(id), jsii.String("mybucket")), jsii.String(prefix))
}

func trainingChannel(name string, location tasks.S3Location) *tasks.Channel {
	return &tasks.Channel{
		ChannelName: jsii.String(name),
		DataSource:  &tasks.DataSource{S3DataSource: &tasks.S3DataSource{S3Location: location}},
	}
}

// inStateMachine puts a task in a state machine, as an app does: the CDK's
// CreateModel creates its security group only when it is rendered.
func inStateMachine(scope constructs.Construct, task sfn.IChainable) {
	sfn.NewStateMachine(scope, jsii.String("StateMachine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
}

func transformInput() *tasks.TransformInput {
	return &tasks.TransformInput{TransformDataSource: &tasks.TransformDataSource{
		S3DataSource: &tasks.TransformS3DataSource{S3Uri: jsii.String("s3://inputbucket/prefix")}}}
}

func init() {
	add(
		// SageMakerCreateTrainingJob
		parity.Case{Name: "SageMakerCreateTrainingJob/basic, default role", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
				TrainingJobName:        jsii.String("MyTrainJob"),
				AlgorithmSpecification: &tasks.AlgorithmSpecification{AlgorithmName: jsii.String("BlazingText")},
				InputDataConfig:        &[]*tasks.Channel{trainingChannel("train", bucketLocation(scope, "InputBucket", "mytrainpath"))},
				OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: bucketLocation(scope, "OutputBucket", "myoutputpath")},
			})
		}},
		parity.Case{Name: "SageMakerCreateTrainingJob/complex, RUN_JOB, VPC and an added security group", Build: func(scope constructs.Construct) sfn.State {
			key := awskms.NewKey(scope, jsii.String("Key"), nil)
			vpc := awsec2.NewVpc(scope, jsii.String("VPC"), nil)
			sg := awsec2.NewSecurityGroup(scope, jsii.String("SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc, Description: jsii.String("My SG")})
			channel := func(name, bucket, prefix string, compression tasks.CompressionType) *tasks.Channel {
				return &tasks.Channel{
					ChannelName:       jsii.String(name),
					ContentType:       jsii.String("image/jpeg"),
					CompressionType:   compression,
					RecordWrapperType: tasks.RecordWrapperType_RECORD_IO,
					DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{
						AttributeNames: jsii.Strings("source-ref", "class"),
						S3DataType:     tasks.S3DataType_S3_PREFIX,
						S3Location:     bucketLocation(scope, bucket, prefix),
					}},
				}
			}
			task := tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
				TrainingJobName:    jsii.String("MyTrainJob"),
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
				Role:               sagemakerRole(scope),
				AlgorithmSpecification: &tasks.AlgorithmSpecification{
					AlgorithmName:     jsii.String("BlazingText"),
					TrainingInputMode: tasks.InputMode_FAST_FILE,
					MetricDefinitions: &[]*tasks.MetricDefinition{{Name: jsii.String("mymetric"), Regex: jsii.String("regex_pattern")}},
				},
				EnableNetworkIsolation: jsii.Bool(true),
				Hyperparameters:        &map[string]interface{}{"lr": "0.1"},
				InputDataConfig: &[]*tasks.Channel{
					channel("train", "InputBucketA", "mytrainpath", tasks.CompressionType_NONE),
					channel("test", "InputBucketB", "mytestpath", tasks.CompressionType_GZIP),
				},
				OutputDataConfig: &tasks.OutputDataConfig{S3OutputLocation: bucketLocation(scope, "OutputBucket", "myoutputpath"), EncryptionKey: key},
				ResourceConfig: &tasks.ResourceConfig{
					InstanceCount:       jsii.Number(1),
					InstanceType:        awsec2.InstanceType_Of(awsec2.InstanceClass_P3, awsec2.InstanceSize_XLARGE2),
					VolumeSize:          awscdk.Size_Gibibytes(jsii.Number(50)),
					VolumeEncryptionKey: key,
				},
				StoppingCondition: &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Hours(jsii.Number(1))},
				Tags:              &map[string]*string{"Project": jsii.String("MyProject")},
				VpcConfig:         &tasks.VpcConfig{Vpc: vpc},
				Environment:       &map[string]*string{"SOMEVAR": jsii.String("myvalue")},
			})
			task.AddSecurityGroup(sg)
			return task
		}},
		parity.Case{Name: "SageMakerCreateTrainingJob/values from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
				TrainingJobName: sfn.JsonPath_StringAt(jsii.String("$.JobName")),
				Role:            sagemakerRole(scope),
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
				OutputDataConfig: &tasks.OutputDataConfig{S3OutputLocation: bucketLocation(scope, "Bucket", "myoutputpath")},
				ResourceConfig: &tasks.ResourceConfig{
					InstanceCount: jsii.Number(1),
					InstanceType:  awsec2.NewInstanceType(sfn.JsonPath_StringAt(jsii.String("$.TrainingJob.InstanceType"))),
					VolumeSize:    awscdk.Size_Gibibytes(jsii.Number(50)),
				},
				StoppingCondition: &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Hours(jsii.Number(1))},
			})
		}},
		parity.Case{Name: "SageMakerCreateTrainingJob/training image, VPC with a default role", Build: func(scope constructs.Construct) sfn.State {
			vpc := awsec2.NewVpc(scope, jsii.String("VPC"), nil)
			return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
				TrainingJobName: jsii.String("myTrainJob"),
				AlgorithmSpecification: &tasks.AlgorithmSpecification{
					TrainingImage: tasks.DockerImage_FromJsonExpression(sfn.JsonPath_StringAt(jsii.String("$.Training.imageName")), nil),
				},
				InputDataConfig: &[]*tasks.Channel{{
					ChannelName: jsii.String("train"),
					DataSource: &tasks.DataSource{S3DataSource: &tasks.S3DataSource{
						S3DataType:             tasks.S3DataType_MANIFEST_FILE,
						S3DataDistributionType: tasks.S3DataDistributionType_SHARDED_BY_S3_KEY,
						S3Location:             tasks.S3Location_FromJsonExpression(jsii.String("$.S3Bucket")),
					}},
					InputMode: tasks.InputMode_PIPE,
				}},
				OutputDataConfig: &tasks.OutputDataConfig{S3OutputLocation: bucketLocation(scope, "Bucket", "myoutputpath/")},
				VpcConfig:        &tasks.VpcConfig{Vpc: vpc, Subnets: &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC}},
				ResultPath:       sfn.JsonPath_DISCARD(),
			})
		}},
		parity.Case{Name: "SageMakerCreateTrainingJob/ECR image, stopping condition, task timeout",
			Build: func(scope constructs.Construct) sfn.State {
				repo := awsecr.Repository_FromRepositoryName(scope, jsii.String("Repo"), jsii.String("trainer"))
				return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
					TrainingJobName:        jsii.String("Nightly"),
					AlgorithmSpecification: &tasks.AlgorithmSpecification{TrainingImage: tasks.DockerImage_FromEcrRepository(repo, jsii.String("v2"))},
					OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromJsonExpression(jsii.String("$.out"))},
					StoppingCondition:      &tasks.StoppingCondition{MaxRuntime: awscdk.Duration_Days(jsii.Number(2))},
					TaskTimeout:            sfn.Timeout_Duration(awscdk.Duration_Hours(jsii.Number(3))),
				})
			}},
		parity.Case{Name: "SageMakerCreateTrainingJob/shuffle config",
			Differs: map[string]string{"Parameters.InputDataConfig": "ShuffleConfig is rendered"},
			Build: func(scope constructs.Construct) sfn.State {
				channel := trainingChannel("train", tasks.S3Location_FromJsonExpression(jsii.String("$.S3Bucket")))
				channel.ShuffleConfig = &tasks.ShuffleConfig{Seed: jsii.Number(42)}
				return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
					TrainingJobName:        jsii.String("Shuffled"),
					Role:                   sagemakerRole(scope),
					AlgorithmSpecification: &tasks.AlgorithmSpecification{AlgorithmName: jsii.String("BlazingText")},
					InputDataConfig:        &[]*tasks.Channel{channel},
					OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromJsonExpression(jsii.String("$.out"))},
					StoppingCondition:      &tasks.StoppingCondition{}, // renders {}
				})
			}},
		parity.Case{Name: "SageMakerCreateTrainingJob/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
				QueryLanguage:   sfn.QueryLanguage_JSONATA,
				TrainingJobName: jsii.String("{% $states.input.name %}"),
				Role:            sagemakerRole(scope),
				AlgorithmSpecification: &tasks.AlgorithmSpecification{
					TrainingImage: tasks.DockerImage_FromJsonExpression(jsii.String("{% $states.input.image %}"), jsii.Bool(false)),
				},
				InputDataConfig:  &[]*tasks.Channel{trainingChannel("train", tasks.S3Location_FromJsonExpression(jsii.String("{% $states.input.train %}")))},
				OutputDataConfig: &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromJsonExpression(jsii.String("{% $states.input.out %}"))},
				ResourceConfig: &tasks.ResourceConfig{
					InstanceCount: jsii.Number(1),
					InstanceType:  awsec2.NewInstanceType(jsii.String("{% $states.input.instanceType %}")),
					VolumeSize:    awscdk.Size_Gibibytes(jsii.Number(30)),
				},
				Outputs: map[string]interface{}{"job": "{% $states.result.TrainingJobArn %}"},
			})
		}},
		parity.Case{Name: "SageMakerCreateTrainingJob/instance type already ml.",
			Differs: map[string]string{"Parameters.ResourceConfig.InstanceType": "An instance type that starts with `ml.` is not prefixed again"},
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewSageMakerCreateTrainingJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTrainingJobProps{
					TrainingJobName:        jsii.String("Prefixed"),
					Role:                   sagemakerRole(scope),
					AlgorithmSpecification: &tasks.AlgorithmSpecification{AlgorithmName: jsii.String("BlazingText")},
					OutputDataConfig:       &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromJsonExpression(jsii.String("$.out"))},
					ResourceConfig: &tasks.ResourceConfig{InstanceCount: jsii.Number(2), InstanceType: awsec2.NewInstanceType(jsii.String("ml.m5.xlarge")),
						VolumeSize: awscdk.Size_Gibibytes(jsii.Number(20))},
				})
			}},

		// SageMakerCreateModel
		parity.Case{Name: "SageMakerCreateModel/basic, default role", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateModel(scope, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
				ModelName: jsii.String("MyModel"),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
					Image:           tasks.DockerImage_FromJsonExpression(sfn.JsonPath_StringAt(jsii.String("$.Model.imageName")), nil),
					Mode:            tasks.Mode_SINGLE_MODEL,
					ModelS3Location: tasks.S3Location_FromJsonExpression(jsii.String("$.TrainingJob.ModelArtifacts.S3ModelArtifacts")),
				}),
			})
		}},
		parity.Case{Name: "SageMakerCreateModel/complex, VPC and an added security group", Build: func(scope constructs.Construct) sfn.State {
			vpc := awsec2.NewVpc(scope, jsii.String("VPC"), nil)
			sg := awsec2.NewSecurityGroup(scope, jsii.String("SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc, Description: jsii.String("My SG")})
			task := tasks.NewSageMakerCreateModel(scope, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
				ModelName: sfn.JsonPath_StringAt(jsii.String("$.ModelName")),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
					Image:           tasks.DockerImage_FromJsonExpression(sfn.JsonPath_StringAt(jsii.String("$.Model.imageName")), nil),
					Mode:            tasks.Mode_MULTI_MODEL,
					ModelS3Location: tasks.S3Location_FromJsonExpression(jsii.String("$.TrainingJob.ModelArtifacts.S3ModelArtifacts")),
				}),
				EnableNetworkIsolation: jsii.Bool(true),
				Role:                   sagemakerRole(scope),
				Tags:                   sfn.TaskInput_FromJsonPathAt(jsii.String("$.Tags")),
				Vpc:                    vpc,
			})
			task.AddSecurityGroup(sg)
			inStateMachine(scope, task)
			return task
		}},
		parity.Case{Name: "SageMakerCreateModel/ECR image, bucket artifacts, environment", Build: func(scope constructs.Construct) sfn.State {
			repo := awsecr.Repository_FromRepositoryName(scope, jsii.String("Repo"), jsii.String("inference"))
			task := tasks.NewSageMakerCreateModel(scope, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
				ModelName: jsii.String("Model-1"),
				PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
					Image:                tasks.DockerImage_FromEcrRepository(repo, jsii.String("sha256:abc")),
					ModelS3Location:      bucketLocation(scope, "Artifacts", "models/model.tar.gz"),
					EnvironmentVariables: sfn.TaskInput_FromObject(&map[string]interface{}{"MODEL_SERVER_WORKERS": "2", "run_id.$": "$.runId"}),
					ContainerHostName:    jsii.String("primary"),
				}),
				Vpc:             awsec2.NewVpc(scope, jsii.String("VPC"), nil),
				SubnetSelection: &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},
			})
			inStateMachine(scope, task)
			return task
		}},
		parity.Case{Name: "SageMakerCreateModel/model package from the registry image",
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewSageMakerCreateModel(scope, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
					ModelName: jsii.String("Packaged"),
					Role:      sagemakerRole(scope),
					PrimaryContainer: tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
						ModelPackageName: jsii.String("arn:aws:sagemaker:us-east-1:123456789012:model-package/pkg/1"),
					}),
					Comment:    jsii.String("register"),
					ResultPath: jsii.String("$.model"),
				})
			}},
		parity.Case{Name: "SageMakerCreateModel/inference pipeline containers",
			Differs: map[string]string{"Parameters.Containers": "CreateModel renders `Containers` in the API's shape"},
			Build: func(scope constructs.Construct) sfn.State {
				container := func(host, image string) tasks.IContainerDefinition {
					return tasks.NewContainerDefinition(&tasks.ContainerDefinitionOptions{
						Image:             tasks.DockerImage_FromRegistry(jsii.String(image)),
						ContainerHostName: jsii.String(host),
					})
				}
				return tasks.NewSageMakerCreateModel(scope, jsii.String("Task"), &tasks.SageMakerCreateModelProps{
					ModelName:        jsii.String("Pipeline"),
					Role:             sagemakerRole(scope),
					PrimaryContainer: container("pre", "123456789012.dkr.ecr.us-east-1.amazonaws.com/pre:1"),
					Containers: &[]tasks.IContainerDefinition{
						container("pre", "123456789012.dkr.ecr.us-east-1.amazonaws.com/pre:1"),
						container("model", "123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1"),
					},
				})
			}},

		// SageMakerCreateTransformJob
		parity.Case{Name: "SageMakerCreateTransformJob/basic", IDsDiffer: "A transform job creates no role",
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewSageMakerCreateTransformJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTransformJobProps{
					TransformJobName: jsii.String("MyTransformJob"),
					ModelName:        jsii.String("MyModelName"),
					TransformInput:   transformInput(),
					TransformOutput:  &tasks.TransformOutput{S3OutputPath: jsii.String("s3://outputbucket/prefix")},
				})
			}},
		parity.Case{Name: "SageMakerCreateTransformJob/complex, RUN_JOB", Build: func(scope constructs.Construct) sfn.State {
			key := awskms.NewKey(scope, jsii.String("Key"), nil)
			return tasks.NewSageMakerCreateTransformJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTransformJobProps{
				TransformJobName:   jsii.String("MyTransformJob"),
				ModelName:          jsii.String("MyModelName"),
				ModelClientOptions: &tasks.ModelClientOptions{InvocationsMaxRetries: jsii.Number(1), InvocationsTimeout: awscdk.Duration_Minutes(jsii.Number(20))},
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
				Role:               sagemakerRole(scope),
				TransformInput: &tasks.TransformInput{TransformDataSource: &tasks.TransformDataSource{S3DataSource: &tasks.TransformS3DataSource{
					S3Uri: jsii.String("s3://inputbucket/prefix"), S3DataType: tasks.S3DataType_S3_PREFIX}},
					ContentType: jsii.String("text/csv"), CompressionType: tasks.CompressionType_GZIP, SplitType: tasks.SplitType_LINE},
				TransformOutput: &tasks.TransformOutput{S3OutputPath: jsii.String("s3://outputbucket/prefix"), EncryptionKey: key,
					Accept: jsii.String("text/csv"), AssembleWith: tasks.AssembleWith_LINE},
				TransformResources: &tasks.TransformResources{
					InstanceCount:       jsii.Number(1),
					InstanceType:        awsec2.InstanceType_Of(awsec2.InstanceClass_P3, awsec2.InstanceSize_XLARGE2),
					VolumeEncryptionKey: key,
				},
				Tags:                    &map[string]*string{"Project": jsii.String("MyProject")},
				BatchStrategy:           tasks.BatchStrategy_MULTI_RECORD,
				Environment:             &map[string]*string{"SOMEVAR": jsii.String("myvalue")},
				MaxConcurrentTransforms: jsii.Number(3),
				MaxPayload:              awscdk.Size_Mebibytes(jsii.Number(100)),
			})
		}},
		parity.Case{Name: "SageMakerCreateTransformJob/names from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateTransformJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTransformJobProps{
				TransformJobName: sfn.JsonPath_StringAt(jsii.String("$.TransformJobName")),
				ModelName:        sfn.JsonPath_StringAt(jsii.String("$.ModelName")),
				Role:             sagemakerRole(scope),
				TransformInput:   transformInput(),
				TransformOutput:  &tasks.TransformOutput{S3OutputPath: jsii.String("s3://outputbucket/prefix")},
				TransformResources: &tasks.TransformResources{
					InstanceCount: jsii.Number(1),
					InstanceType:  awsec2.InstanceType_Of(awsec2.InstanceClass_P3, awsec2.InstanceSize_XLARGE2),
				},
			})
		}},
		parity.Case{Name: "SageMakerCreateTransformJob/instance type from the input, role on first use", Build: func(scope constructs.Construct) sfn.State {
			task := tasks.NewSageMakerCreateTransformJob(scope, jsii.String("Task"), &tasks.SageMakerCreateTransformJobProps{
				TransformJobName: jsii.String("MyTransformJob"),
				ModelName:        jsii.String("MyModelName"),
				TransformInput:   transformInput(),
				TransformOutput:  &tasks.TransformOutput{S3OutputPath: jsii.String("s3://outputbucket/prefix")},
				TransformResources: &tasks.TransformResources{
					InstanceCount: jsii.Number(1),
					InstanceType:  awsec2.NewInstanceType(sfn.JsonPath_StringAt(jsii.String("$.InstanceType"))),
				},
				ModelClientOptions: &tasks.ModelClientOptions{},
			})
			task.Role() // the CDK's is always there; sfnkit's is made here, at the same path
			return task
		}},

		// SageMakerCreateEndpointConfig
		parity.Case{Name: "SageMakerCreateEndpointConfig/basic", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpointConfig(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
				EndpointConfigName: jsii.String("MyEndpointConfig"),
				ProductionVariants: &[]*tasks.ProductionVariant{{
					InitialInstanceCount: jsii.Number(2),
					InstanceType:         awsec2.InstanceType_Of(awsec2.InstanceClass_M5, awsec2.InstanceSize_XLARGE),
					ModelName:            jsii.String("MyModel"),
					VariantName:          jsii.String("awesome-variant"),
				}},
			})
		}},
		parity.Case{Name: "SageMakerCreateEndpointConfig/complex, key, weights, values from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpointConfig(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
				EndpointConfigName: sfn.JsonPath_StringAt(jsii.String("$.Endpoint.EndpointConfig")),
				KmsKey:             awskms.NewKey(scope, jsii.String("Key"), nil),
				ProductionVariants: &[]*tasks.ProductionVariant{{
					InitialInstanceCount: jsii.Number(1),
					InitialVariantWeight: jsii.Number(0.8),
					InstanceType:         awsec2.InstanceType_Of(awsec2.InstanceClass_M5, awsec2.InstanceSize_XLARGE),
					ModelName:            jsii.String("MyModel"),
					VariantName:          jsii.String("awesome-variant"),
				}, {
					InitialInstanceCount: jsii.Number(1),
					InitialVariantWeight: jsii.Number(0.2),
					InstanceType:         awsec2.NewInstanceType(sfn.JsonPath_StringAt(jsii.String("$.Endpoint.InstanceType"))),
					ModelName:            sfn.JsonPath_StringAt(jsii.String("$.Endpoint.Model")),
					VariantName:          jsii.String("awesome-variant-2"),
				}},
				Tags: sfn.TaskInput_FromJsonPathAt(jsii.String("$.Tags")),
			})
		}},
		parity.Case{Name: "SageMakerCreateEndpointConfig/accelerator type",
			Differs: map[string]string{"Parameters.ProductionVariants": "`AcceleratorType` renders as the API's string"},
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewSageMakerCreateEndpointConfig(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
					EndpointConfigName: jsii.String("Accelerated"),
					ProductionVariants: &[]*tasks.ProductionVariant{{
						InstanceType:    awsec2.InstanceType_Of(awsec2.InstanceClass_C5, awsec2.InstanceSize_LARGE),
						ModelName:       jsii.String("MyModel"),
						VariantName:     jsii.String("eia"),
						AcceleratorType: tasks.AcceleratorType_Of(tasks.AcceleratorClass_EIA2(), awsec2.InstanceSize_MEDIUM),
					}},
				})
			}},
		parity.Case{Name: "SageMakerCreateEndpointConfig/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpointConfig(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointConfigProps{
				QueryLanguage:      sfn.QueryLanguage_JSONATA,
				EndpointConfigName: jsii.String("{% $states.input.configName %}"),
				ProductionVariants: &[]*tasks.ProductionVariant{{
					InstanceType: awsec2.NewInstanceType(jsii.String("{% $states.input.instanceType %}")),
					ModelName:    jsii.String("{% $states.input.model %}"),
					VariantName:  jsii.String("blue"),
				}},
				Outputs: map[string]interface{}{"arn": "{% $states.result.EndpointConfigArn %}"},
			})
		}},

		// SageMakerCreateEndpoint
		parity.Case{Name: "SageMakerCreateEndpoint/names", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{
				EndpointName: jsii.String("MyEndpoint"), EndpointConfigName: jsii.String("MyEndpointConfig"),
			})
		}},
		parity.Case{Name: "SageMakerCreateEndpoint/names from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{
				EndpointName:       sfn.JsonPath_StringAt(jsii.String("$.EndpointName")),
				EndpointConfigName: sfn.JsonPath_StringAt(jsii.String("$.EndpointConfigName")),
			})
		}},
		parity.Case{Name: "SageMakerCreateEndpoint/tags", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{
				EndpointName:       jsii.String("MyEndpoint"),
				EndpointConfigName: jsii.String("MyEndpointConfig"),
				Tags:               sfn.TaskInput_FromJsonPathAt(jsii.String("$.Tags")),
				ResultSelector:     &map[string]interface{}{"arn.$": "$.EndpointArn"},
				ResultPath:         jsii.String("$.endpoint"),
			})
		}},
		parity.Case{Name: "SageMakerCreateEndpoint/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerCreateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerCreateEndpointProps{
				QueryLanguage:      sfn.QueryLanguage_JSONATA,
				EndpointName:       jsii.String("{% $states.input.name %}"),
				EndpointConfigName: jsii.String("{% $states.input.config %}"),
			})
		}},

		// SageMakerUpdateEndpoint
		parity.Case{Name: "SageMakerUpdateEndpoint/names", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerUpdateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{
				EndpointName: jsii.String("MyEndpoint"), EndpointConfigName: jsii.String("MyEndpointConfig"),
			})
		}},
		parity.Case{Name: "SageMakerUpdateEndpoint/names from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerUpdateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{
				EndpointName:       sfn.JsonPath_StringAt(jsii.String("$.Endpoint.Name")),
				EndpointConfigName: sfn.JsonPath_StringAt(jsii.String("$.Endpoint.EndpointConfig")),
			})
		}},
		parity.Case{Name: "SageMakerUpdateEndpoint/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerUpdateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{
				QueryLanguage:      sfn.QueryLanguage_JSONATA,
				EndpointName:       jsii.String("{% $states.input.name %}"),
				EndpointConfigName: jsii.String("{% $states.input.config %}"),
			})
		}},
		parity.Case{Name: "SageMakerUpdateEndpoint/common props", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSageMakerUpdateEndpoint(scope, jsii.String("Task"), &tasks.SageMakerUpdateEndpointProps{
				EndpointName:       jsii.String("MyEndpoint"),
				EndpointConfigName: jsii.String("MyEndpointConfig"),
				Comment:            jsii.String("blue/green"),
				StateName:          jsii.String("Switch the endpoint"),
				ResultPath:         sfn.JsonPath_DISCARD(),
				TaskTimeout:        sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(5))),
				HeartbeatTimeout:   sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(1))),
			})
		}},
	)
}
