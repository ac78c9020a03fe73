package tasks_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// twinProps pairs every sfnkit props type with the CDK props type it
// stands in for. A program written for awsstepfunctionstasks compiles with
// sfnkit only if each CDK field exists here with the same Go type.
var twinProps = []struct{ cdk, ours any }{
	{cdktasks.AthenaGetQueryExecutionProps{}, tasks.AthenaGetQueryExecutionProps{}},
	{cdktasks.AthenaGetQueryResultsProps{}, tasks.AthenaGetQueryResultsProps{}},
	{cdktasks.AthenaStartQueryExecutionProps{}, tasks.AthenaStartQueryExecutionProps{}},
	{cdktasks.AthenaStopQueryExecutionProps{}, tasks.AthenaStopQueryExecutionProps{}},
	{cdktasks.BatchSubmitJobProps{}, tasks.BatchSubmitJobProps{}},
	{cdktasks.BedrockCreateModelCustomizationJobProps{}, tasks.BedrockCreateModelCustomizationJobProps{}},
	{cdktasks.BedrockInvokeModelProps{}, tasks.BedrockInvokeModelProps{}},
	{cdktasks.CallApiGatewayEndpointBaseOptions{}, tasks.CallApiGatewayEndpointBaseOptions{}},
	{cdktasks.CallApiGatewayEndpointBaseProps{}, tasks.CallApiGatewayEndpointBaseProps{}},
	{cdktasks.CallApiGatewayEndpointJsonPathBaseProps{}, tasks.CallApiGatewayEndpointJsonPathBaseProps{}},
	{cdktasks.CallApiGatewayEndpointJsonataBaseProps{}, tasks.CallApiGatewayEndpointJsonataBaseProps{}},
	{cdktasks.CallApiGatewayHttpApiEndpointOptions{}, tasks.CallApiGatewayHttpApiEndpointOptions{}},
	{cdktasks.CallApiGatewayHttpApiEndpointProps{}, tasks.CallApiGatewayHttpApiEndpointProps{}},
	{cdktasks.CallApiGatewayRestApiEndpointOptions{}, tasks.CallApiGatewayRestApiEndpointOptions{}},
	{cdktasks.CallApiGatewayRestApiEndpointProps{}, tasks.CallApiGatewayRestApiEndpointProps{}},
	{cdktasks.CallAwsServiceProps{}, tasks.CallAwsServiceProps{}},
	{cdktasks.CallAwsServiceCrossRegionProps{}, tasks.CallAwsServiceCrossRegionProps{}},
	{cdktasks.CodeBuildStartBuildProps{}, tasks.CodeBuildStartBuildProps{}},
	{cdktasks.CodeBuildStartBuildBatchProps{}, tasks.CodeBuildStartBuildBatchProps{}},
	{cdktasks.DynamoDeleteItemProps{}, tasks.DynamoDeleteItemProps{}},
	{cdktasks.DynamoGetItemProps{}, tasks.DynamoGetItemProps{}},
	{cdktasks.DynamoPutItemProps{}, tasks.DynamoPutItemProps{}},
	{cdktasks.DynamoUpdateItemProps{}, tasks.DynamoUpdateItemProps{}},
	{cdktasks.EcsRunTaskProps{}, tasks.EcsRunTaskProps{}},
	{cdktasks.EksCallProps{}, tasks.EksCallProps{}},
	{cdktasks.EmrAddStepProps{}, tasks.EmrAddStepProps{}},
	{cdktasks.EmrCancelStepProps{}, tasks.EmrCancelStepProps{}},
	{cdktasks.EmrContainersCreateVirtualClusterProps{}, tasks.EmrContainersCreateVirtualClusterProps{}},
	{cdktasks.EmrContainersDeleteVirtualClusterProps{}, tasks.EmrContainersDeleteVirtualClusterProps{}},
	{cdktasks.EmrContainersStartJobRunProps{}, tasks.EmrContainersStartJobRunProps{}},
	{cdktasks.EmrCreateClusterProps{}, tasks.EmrCreateClusterProps{}},
	{cdktasks.EmrModifyInstanceFleetByNameProps{}, tasks.EmrModifyInstanceFleetByNameProps{}},
	{cdktasks.EmrModifyInstanceGroupByNameProps{}, tasks.EmrModifyInstanceGroupByNameProps{}},
	{cdktasks.EmrSetClusterTerminationProtectionProps{}, tasks.EmrSetClusterTerminationProtectionProps{}},
	{cdktasks.EmrTerminateClusterProps{}, tasks.EmrTerminateClusterProps{}},
	{cdktasks.EvaluateExpressionProps{}, tasks.EvaluateExpressionProps{}},
	{cdktasks.EventBridgePutEventsProps{}, tasks.EventBridgePutEventsProps{}},
	{cdktasks.EventBridgeSchedulerCreateScheduleTaskProps{}, tasks.EventBridgeSchedulerCreateScheduleTaskProps{}},
	{cdktasks.EventBridgeSchedulerTargetProps{}, tasks.EventBridgeSchedulerTargetProps{}},
	{cdktasks.GlueDataBrewStartJobRunProps{}, tasks.GlueDataBrewStartJobRunProps{}},
	{cdktasks.GlueStartCrawlerRunProps{}, tasks.GlueStartCrawlerRunProps{}},
	{cdktasks.GlueStartJobRunProps{}, tasks.GlueStartJobRunProps{}},
	{cdktasks.HttpInvokeProps{}, tasks.HttpInvokeProps{}},
	{cdktasks.LambdaInvokeProps{}, tasks.LambdaInvokeProps{}},
	{cdktasks.MediaConvertCreateJobProps{}, tasks.MediaConvertCreateJobProps{}},
	{cdktasks.SageMakerCreateEndpointProps{}, tasks.SageMakerCreateEndpointProps{}},
	{cdktasks.SageMakerCreateEndpointConfigProps{}, tasks.SageMakerCreateEndpointConfigProps{}},
	{cdktasks.SageMakerCreateModelProps{}, tasks.SageMakerCreateModelProps{}},
	{cdktasks.SageMakerCreateTrainingJobProps{}, tasks.SageMakerCreateTrainingJobProps{}},
	{cdktasks.SageMakerCreateTransformJobProps{}, tasks.SageMakerCreateTransformJobProps{}},
	{cdktasks.SageMakerUpdateEndpointProps{}, tasks.SageMakerUpdateEndpointProps{}},
	{cdktasks.SnsPublishProps{}, tasks.SnsPublishProps{}},
	{cdktasks.SqsSendMessageProps{}, tasks.SqsSendMessageProps{}},
	{cdktasks.StepFunctionsInvokeActivityProps{}, tasks.StepFunctionsInvokeActivityProps{}},
	{cdktasks.StepFunctionsStartExecutionProps{}, tasks.StepFunctionsStartExecutionProps{}},
}

var (
	cdkPkg  = reflect.TypeFor[cdktasks.LambdaInvokeProps]().PkgPath()
	oursPkg = reflect.TypeFor[tasks.LambdaInvokeProps]().PkgPath()
)

func TestEveryCDKFieldHasTheCDKType(t *testing.T) {
	for _, pair := range twinProps {
		cdk, ours := reflect.TypeOf(pair.cdk), reflect.TypeOf(pair.ours)
		t.Run(ours.Name(), func(t *testing.T) {
			var problems []string
			sameShape(cdk, ours, ours.Name(), map[reflect.Type]bool{}, &problems)
			sort.Strings(problems)
			if len(problems) > 0 {
				t.Errorf("%d fields differ from the CDK's:\n%s", len(problems), strings.Join(problems, "\n"))
			}
		})
	}
}

// sameShape reports where ours would not accept a value written for cdk.
// Types of the CDK's tasks package must have an sfnkit namesake (structs
// compared field by field); every other type must be the very same.
func sameShape(cdk, ours reflect.Type, path string, seen map[reflect.Type]bool, problems *[]string) {
	if cdk == ours {
		return
	}
	if cdk.Kind() != ours.Kind() {
		*problems = append(*problems, fmt.Sprintf("%s: CDK %v, sfnkit %v", path, cdk, ours))
		return
	}
	switch cdk.Kind() {
	case reflect.Pointer, reflect.Slice:
		sameShape(cdk.Elem(), ours.Elem(), path, seen, problems)
		return
	case reflect.Map:
		sameShape(cdk.Key(), ours.Key(), path, seen, problems)
		sameShape(cdk.Elem(), ours.Elem(), path, seen, problems)
		return
	}
	if cdk.PkgPath() != cdkPkg || ours.PkgPath() != oursPkg || cdk.Name() != ours.Name() {
		*problems = append(*problems, fmt.Sprintf("%s: CDK %v, sfnkit %v", path, cdk, ours))
		return
	}
	if cdk.Kind() != reflect.Struct || seen[cdk] {
		return
	}
	seen[cdk] = true
	for i := 0; i < cdk.NumField(); i++ {
		f := cdk.Field(i)
		of, ok := ours.FieldByName(f.Name)
		if !ok {
			*problems = append(*problems, fmt.Sprintf("%s.%s: missing (CDK %v)", path, f.Name, f.Type))
			continue
		}
		sameShape(f.Type, of.Type, path+"."+f.Name, seen, problems)
	}
}

// Every twin has the CDK's per-language constructors and props, with the
// CDK's field types, and its own type.
func TestEveryTwinHasTheCDKsConstructorsAndTypes(t *testing.T) {
	pairs := []struct{ cdk, ours any }{
		{cdktasks.LambdaInvokeJsonPathProps{}, tasks.LambdaInvokeJsonPathProps{}},
		{cdktasks.LambdaInvokeJsonataProps{}, tasks.LambdaInvokeJsonataProps{}},
		{cdktasks.EmrCreateClusterJsonPathProps{}, tasks.EmrCreateClusterJsonPathProps{}},
		{cdktasks.SageMakerCreateTrainingJobJsonataProps{}, tasks.SageMakerCreateTrainingJobJsonataProps{}},
		{cdktasks.EcsRunTaskJsonPathProps{}, tasks.EcsRunTaskJsonPathProps{}},
		{cdktasks.DynamoPutItemJsonataProps{}, tasks.DynamoPutItemJsonataProps{}},
	}
	for _, p := range pairs {
		var problems []string
		sameShape(reflect.TypeOf(p.cdk), reflect.TypeOf(p.ours), reflect.TypeOf(p.ours).Name(), map[reflect.Type]bool{}, &problems)
		if len(problems) > 0 {
			t.Errorf("%s", strings.Join(problems, "\n"))
		}
	}
	// The constructors exist with the CDK's shape (this compiles only if so).
	var _ func(constructs.Construct, *string, *tasks.LambdaInvokeJsonPathProps) tasks.LambdaInvoke = tasks.LambdaInvoke_JsonPath
	var _ func(constructs.Construct, *string, *tasks.SnsPublishJsonataProps) tasks.SnsPublish = tasks.SnsPublish_Jsonata

	stack := cdktest.NewStack()
	task := tasks.LambdaInvoke_Jsonata(stack, jsii.String("Invoke"), &tasks.LambdaInvokeJsonataProps{
		LambdaFunction: function(stack, "worker"), Payload: sfn.TaskInput_FromObject(&map[string]interface{}{"n": "{% $states.input.n %}"})})
	s := state(t, machine(t, stack, task), "Invoke")
	if s["QueryLanguage"] != "JSONata" || s["Arguments"] == nil {
		t.Errorf("LambdaInvoke_Jsonata should render a JSONata state with Arguments, got %v", s)
	}
}
