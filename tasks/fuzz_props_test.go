package tasks_test

import (
	"testing"

	"github.com/sfnkit/sfnkit/internal/propsfuzz"
	"github.com/sfnkit/sfnkit/tasks"
)

// constructors are every task constructor, with the props type it takes.
var constructors = map[string]any{
	"AthenaGetQueryExecution": tasks.NewAthenaGetQueryExecution, "AthenaGetQueryResults": tasks.NewAthenaGetQueryResults,
	"AthenaStartQueryExecution": tasks.NewAthenaStartQueryExecution, "AthenaStopQueryExecution": tasks.NewAthenaStopQueryExecution,
	"BatchSubmitJob": tasks.NewBatchSubmitJob, "CallAwsService": tasks.NewCallAwsService, "CustomTask": tasks.NewCustomTask,
	"BedrockInvokeModel": tasks.NewBedrockInvokeModel, "BedrockCreateModelCustomizationJob": tasks.NewBedrockCreateModelCustomizationJob,
	"EventBridgeSchedulerCreateScheduleTask": tasks.NewEventBridgeSchedulerCreateScheduleTask, "MediaConvertCreateJob": tasks.NewMediaConvertCreateJob,
	"DynamoDeleteItem": tasks.NewDynamoDeleteItem, "DynamoGetItem": tasks.NewDynamoGetItem, "DynamoPutItem": tasks.NewDynamoPutItem,
	"DynamoUpdateItem": tasks.NewDynamoUpdateItem, "EcsRunTask": tasks.NewEcsRunTask, "EksCall": tasks.NewEksCall,
	"EmrAddStep": tasks.NewEmrAddStep, "EmrCancelStep": tasks.NewEmrCancelStep, "EmrCreateCluster": tasks.NewEmrCreateCluster,
	"EmrModifyInstanceFleetByName": tasks.NewEmrModifyInstanceFleetByName, "EmrModifyInstanceGroupByName": tasks.NewEmrModifyInstanceGroupByName,
	"EmrServerlessStartJobRun": tasks.NewEmrServerlessStartJobRun, "EmrSetClusterTerminationProtection": tasks.NewEmrSetClusterTerminationProtection,
	"EmrTerminateCluster": tasks.NewEmrTerminateCluster, "EventBridgePutEvents": tasks.NewEventBridgePutEvents,
	"GlueStartJobRun": tasks.NewGlueStartJobRun, "LambdaInvoke": tasks.NewLambdaInvoke,
	"SageMakerCreateEndpoint": tasks.NewSageMakerCreateEndpoint, "SageMakerCreateEndpointConfig": tasks.NewSageMakerCreateEndpointConfig,
	"SageMakerCreateHyperParameterTuningJob": tasks.NewSageMakerCreateHyperParameterTuningJob, "SageMakerCreateModel": tasks.NewSageMakerCreateModel,
	"SageMakerCreateProcessingJob": tasks.NewSageMakerCreateProcessingJob, "SageMakerCreateTrainingJob": tasks.NewSageMakerCreateTrainingJob,
	"SageMakerCreateTransformJob": tasks.NewSageMakerCreateTransformJob, "SageMakerUpdateEndpoint": tasks.NewSageMakerUpdateEndpoint,
	"SnsPublish": tasks.NewSnsPublish, "SqsSendMessage": tasks.NewSqsSendMessage,
	"StepFunctionsInvokeActivity": tasks.NewStepFunctionsInvokeActivity, "StepFunctionsStartExecution": tasks.NewStepFunctionsStartExecution,
	"HttpInvoke": tasks.NewHttpInvoke, "CallApiGatewayRestApiEndpoint": tasks.NewCallApiGatewayRestApiEndpoint,
	"CallApiGatewayHttpApiEndpoint": tasks.NewCallApiGatewayHttpApiEndpoint, "EvaluateExpression": tasks.NewEvaluateExpression,
	"CallAwsServiceCrossRegion": tasks.NewCallAwsServiceCrossRegion,
	"EksRunJob":                 tasks.NewEksRunJob, "EksCreateCluster": tasks.NewEksCreateCluster, "EksDeleteCluster": tasks.NewEksDeleteCluster,
	"EksCreateNodegroup": tasks.NewEksCreateNodegroup, "EksDeleteNodegroup": tasks.NewEksDeleteNodegroup,
	"EksCreateFargateProfile": tasks.NewEksCreateFargateProfile, "EksDeleteFargateProfile": tasks.NewEksDeleteFargateProfile,
	"SageMakerCreateLabelingJob": tasks.NewSageMakerCreateLabelingJob,
	"CodeBuildStartBuild":        tasks.NewCodeBuildStartBuild, "CodeBuildStartBuildBatch": tasks.NewCodeBuildStartBuildBatch,
	"CodeBuildStopBuild": tasks.NewCodeBuildStopBuild, "CodeBuildBatchDeleteBuilds": tasks.NewCodeBuildBatchDeleteBuilds,
	"CodeBuildBatchGetReports": tasks.NewCodeBuildBatchGetReports, "CodeBuildStopBuildBatch": tasks.NewCodeBuildStopBuildBatch,
	"CodeBuildRetryBuildBatch": tasks.NewCodeBuildRetryBuildBatch, "CodeBuildDeleteBuildBatch": tasks.NewCodeBuildDeleteBuildBatch,
	"EmrContainersCreateVirtualCluster": tasks.NewEmrContainersCreateVirtualCluster, "EmrContainersDeleteVirtualCluster": tasks.NewEmrContainersDeleteVirtualCluster,
	"EmrContainersStartJobRun": tasks.NewEmrContainersStartJobRun, "EmrServerlessCreateApplication": tasks.NewEmrServerlessCreateApplication,
	"EmrServerlessStartApplication": tasks.NewEmrServerlessStartApplication, "EmrServerlessStopApplication": tasks.NewEmrServerlessStopApplication,
	"EmrServerlessDeleteApplication": tasks.NewEmrServerlessDeleteApplication, "EmrServerlessCancelJobRun": tasks.NewEmrServerlessCancelJobRun,
	"GlueStartCrawlerRun": tasks.NewGlueStartCrawlerRun, "GlueDataBrewStartJobRun": tasks.NewGlueDataBrewStartJobRun,
}

// TestPropsFuzzer builds every task constructor with generated props: each
// build must succeed and synthesize, or panic with a ValidationError.
// SFNKIT_FUZZ_BUILDS runs longer (make fuzz); a failure prints the command
// that reproduces it.
func TestPropsFuzzer(t *testing.T) {
	propsfuzz.Covers(t, ".", constructors, "NewEcsEc2LaunchTarget", "NewEcsFargateLaunchTarget", "NewContainerDefinition", "NewAcceleratorType")
	propsfuzz.Run(t, "tasks", constructors, propsfuzz.OptionsFromEnv(2))
}
