package tasks_test

// smWant is what each case of smCases renders: the resolved Task state
// and the state machine role's statements (sorted). Reviewed by hand
// against iam-reference.md; ${AWS::…} are the stack's pseudo parameters.
var smWant = map[string]struct{ state, iam string }{
	"processing/RR/literal": {
		state: `{"End":true,"Parameters":{"AppSpecification":{"ImageUri":"000000000000.dkr.ecr.ap-northeast-1.amazonaws.com/hello-world"},"ProcessingJobName":"Nightly-Job","ProcessingResources":{"ClusterConfig":{"InstanceCount":1,"InstanceType":"ml.t3.medium","VolumeSizeInGB":1}},"RoleArn":"arn:aws:iam::111122223333:role/sm","StoppingCondition":{"MaxRuntimeInSeconds":600}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createProcessingJob","Type":"Task"}`,
		iam:   `[{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateProcessingJob"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:processing-job/nightly-job"]}]`,
	},
	"processing/RUN_JOB/dynamic": {
		state: `{"End":true,"Parameters":{"AppSpecification":{"ImageUri":"000000000000.dkr.ecr.ap-northeast-1.amazonaws.com/hello-world"},"ProcessingJobName.$":"$.name","ProcessingResources":{"ClusterConfig":{"InstanceCount":1,"InstanceType":"ml.t3.medium","VolumeSizeInGB":1}},"RoleArn":"arn:aws:iam::111122223333:role/sm","StoppingCondition":{"MaxRuntimeInSeconds":600}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createProcessingJob.sync","Type":"Task"}`,
		iam:   `[{"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule"]},{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateProcessingJob","sagemaker:DescribeProcessingJob","sagemaker:StopProcessingJob","sagemaker:AddTags"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:processing-job/*"]}]`,
	},
	"training/RR/literal": {
		state: `{"End":true,"Parameters":{"AlgorithmSpecification":{"AlgorithmName":"BlazingText","TrainingInputMode":"File"},"OutputDataConfig":{"S3OutputPath":"s3://out/models"},"ResourceConfig":{"InstanceCount":1,"InstanceType":"ml.m4.xlarge","VolumeSizeInGB":10},"RoleArn":"arn:aws:iam::111122223333:role/sm","StoppingCondition":{"MaxRuntimeInSeconds":3600},"TrainingJobName":"Nightly-Job"},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createTrainingJob","Type":"Task"}`,
		iam:   `[{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateTrainingJob"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:training-job/nightly-job"]}]`,
	},
	"training/RUN_JOB/dynamic": {
		state: `{"End":true,"Parameters":{"AlgorithmSpecification":{"AlgorithmName":"BlazingText","TrainingInputMode":"File"},"OutputDataConfig":{"S3OutputPath":"s3://out/models"},"ResourceConfig":{"InstanceCount":1,"InstanceType":"ml.m4.xlarge","VolumeSizeInGB":10},"RoleArn":"arn:aws:iam::111122223333:role/sm","StoppingCondition":{"MaxRuntimeInSeconds":3600},"TrainingJobName.$":"$.name"},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createTrainingJob.sync","Type":"Task"}`,
		iam:   `[{"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule"]},{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateTrainingJob","sagemaker:DescribeTrainingJob","sagemaker:StopTrainingJob","sagemaker:AddTags"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:training-job/*"]}]`,
	},
	"transform/RR/literal": {
		state: `{"End":true,"Parameters":{"ModelName":"MyModel","TransformInput":{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://in/data"}}},"TransformJobName":"Nightly-Job","TransformOutput":{"S3OutputPath":"s3://out/results"},"TransformResources":{"InstanceCount":1,"InstanceType":"ml.m4.xlarge"}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createTransformJob","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:CreateTransformJob"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:transform-job/nightly-job"]}]`,
	},
	"transform/RUN_JOB/dynamic": {
		state: `{"End":true,"Parameters":{"ModelName":"MyModel","TransformInput":{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://in/data"}}},"TransformJobName.$":"$.name","TransformOutput":{"S3OutputPath":"s3://out/results"},"TransformResources":{"InstanceCount":1,"InstanceType":"ml.m4.xlarge"}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createTransformJob.sync","Type":"Task"}`,
		iam:   `[{"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule"]},{"Action":["sagemaker:CreateTransformJob","sagemaker:DescribeTransformJob","sagemaker:StopTransformJob","sagemaker:AddTags"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:transform-job/*"]}]`,
	},
	"tuning/RR/literal": {
		state: `{"End":true,"Parameters":{"HyperParameterTuningJobConfig":{"HyperParameterTuningJobObjective":{"MetricName":"validation:accuracy","Type":"Maximize"},"ResourceLimits":{"MaxNumberOfTrainingJobs":10,"MaxParallelTrainingJobs":2},"Strategy":"Bayesian"},"HyperParameterTuningJobName":"Tune-1","TrainingJobDefinition":{"AlgorithmSpecification":{"TrainingImage":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/xgb:1","TrainingInputMode":"File"},"OutputDataConfig":{"S3OutputPath":"s3://out/tuning"},"ResourceConfig":{"InstanceCount":1,"InstanceType":"ml.m4.xlarge","VolumeSizeInGB":10},"RoleArn":"arn:aws:iam::111122223333:role/sm","StoppingCondition":{"MaxRuntimeInSeconds":3600}}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createHyperParameterTuningJob","Type":"Task"}`,
		iam:   `[{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateHyperParameterTuningJob"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:hyper-parameter-tuning-job/tune-1"]}]`,
	},
	"tuning/RUN_JOB/dynamic": {
		state: `{"End":true,"Parameters":{"HyperParameterTuningJobConfig":{"HyperParameterTuningJobObjective":{"MetricName":"validation:accuracy","Type":"Maximize"},"ResourceLimits":{"MaxNumberOfTrainingJobs":10,"MaxParallelTrainingJobs":2},"Strategy":"Bayesian"},"HyperParameterTuningJobName.$":"$.name","TrainingJobDefinition":{"AlgorithmSpecification":{"TrainingImage":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/xgb:1","TrainingInputMode":"File"},"OutputDataConfig":{"S3OutputPath":"s3://out/tuning"},"ResourceConfig":{"InstanceCount":1,"InstanceType":"ml.m4.xlarge","VolumeSizeInGB":10},"RoleArn":"arn:aws:iam::111122223333:role/sm","StoppingCondition":{"MaxRuntimeInSeconds":3600}}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createHyperParameterTuningJob.sync","Type":"Task"}`,
		iam:   `[{"Action":["events:PutTargets","events:PutRule","events:DescribeRule"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule"]},{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateHyperParameterTuningJob","sagemaker:DescribeHyperParameterTuningJob","sagemaker:StopHyperParameterTuningJob","sagemaker:AddTags"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:hyper-parameter-tuning-job/*"]}]`,
	},
	"model/RR/literal": {
		state: `{"End":true,"Parameters":{"ExecutionRoleArn":"arn:aws:iam::111122223333:role/sm","ModelName":"MyModel","PrimaryContainer":{"Image":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/inference:1","Mode":"SingleModel","ModelDataUrl":"s3://models/m.tar.gz"},"Tags":[{"Key":"team","Value":"ml"}]},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createModel","Type":"Task"}`,
		iam:   `[{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateModel","sagemaker:AddTags"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:model/mymodel"]}]`,
	},
	"model/RR/dynamic": {
		state: `{"End":true,"Parameters":{"ExecutionRoleArn":"arn:aws:iam::111122223333:role/sm","ModelName.$":"$.name","PrimaryContainer":{"Image.$":"$.image","ModelDataUrl.$":"$.artifacts"}},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createModel","Type":"Task"}`,
		iam:   `[{"Action":["iam:PassRole"],"Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}},"Effect":"Allow","Resource":["arn:aws:iam::111122223333:role/sm"]},{"Action":["sagemaker:CreateModel"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:model/*"]}]`,
	},
	"endpointconfig/RR/literal": {
		state: `{"End":true,"Parameters":{"EndpointConfigName":"MyEndpointConfig","ProductionVariants":[{"InitialInstanceCount":2,"InstanceType":"ml.m5.xlarge","ModelName":"MyModel","VariantName":"awesome-variant"}]},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createEndpointConfig","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:CreateEndpointConfig"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint-config/myendpointconfig"]}]`,
	},
	"endpointconfig/RR/dynamic": {
		state: `{"End":true,"Parameters":{"EndpointConfigName.$":"$.name","ProductionVariants":[{"InitialInstanceCount":1,"InstanceType.$":"$.type","ModelName.$":"$.model","VariantName":"v1"}]},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createEndpointConfig","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:CreateEndpointConfig"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint-config/*"]}]`,
	},
	"endpoint/RR/literal": {
		state: `{"End":true,"Parameters":{"EndpointConfigName":"MyEndpointConfig","EndpointName":"MyEndpoint"},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createEndpoint","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:CreateEndpoint"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/myendpoint","arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint-config/myendpointconfig"]}]`,
	},
	"endpoint/RR/dynamic": {
		state: `{"End":true,"Parameters":{"EndpointConfigName.$":"$.EndpointConfigName","EndpointName.$":"$.EndpointName"},"Resource":"arn:${AWS::Partition}:states:::sagemaker:createEndpoint","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:CreateEndpoint"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/*","arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint-config/*"]}]`,
	},
	"updateendpoint/RR/literal": {
		state: `{"End":true,"Parameters":{"EndpointConfigName":"MyEndpointConfig","EndpointName":"MyEndpoint"},"Resource":"arn:${AWS::Partition}:states:::sagemaker:updateEndpoint","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:UpdateEndpoint"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/myendpoint","arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint-config/myendpointconfig"]}]`,
	},
	"updateendpoint/RR/dynamic": {
		state: `{"End":true,"Parameters":{"EndpointConfigName.$":"$.Endpoint.EndpointConfig","EndpointName.$":"$.Endpoint.Name"},"Resource":"arn:${AWS::Partition}:states:::sagemaker:updateEndpoint","Type":"Task"}`,
		iam:   `[{"Action":["sagemaker:UpdateEndpoint"],"Effect":"Allow","Resource":["arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/*","arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint-config/*"]}]`,
	},
}
