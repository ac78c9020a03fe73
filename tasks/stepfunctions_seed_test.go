package tasks_test

import (
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// The seed's Step Functions examples: a callback child execution, an
// execution associated with its parent, and activities with and without
// Parameters; plus the seed's eks:call listing pods.
func TestStepFunctionsSeedExamples(t *testing.T) {
	stack := cdktest.NewStack()
	child := sfn.NewStateMachine(stack, jsii.String("ChildStateMachine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(stack, jsii.String("PassState"), nil))})
	callback := tasks.NewStepFunctionsStartExecution(stack, jsii.String("ChildTask"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine:       child,
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
		Input:              sfn.TaskInput_FromObject(&map[string]interface{}{"token": sfn.JsonPath_TaskToken(), "foo": "bar"}),
		Name:               jsii.String("MyExecutionName"),
	})
	associated := tasks.NewStepFunctionsStartExecution(stack, jsii.String("AssociatedChildTask"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine: child, AssociateWithParent: jsii.Bool(true)})
	submitJobActivity := sfn.NewActivity(stack, jsii.String("SubmitJob"), nil)
	plain := tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Submit Job"), &tasks.StepFunctionsInvokeActivityProps{Activity: submitJobActivity})
	withParams := tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Submit Job With Parameters"), &tasks.StepFunctionsInvokeActivityProps{
		Activity: submitJobActivity,
		Parameters: &map[string]interface{}{
			"comment": "Selecting what I care about.",
			"MyDetails": map[string]interface{}{
				"size":        sfn.JsonPath_StringAt(jsii.String("$.product.details.size")),
				"exists":      sfn.JsonPath_StringAt(jsii.String("$.product.availability")),
				"StaticValue": "foo",
			},
		},
	})
	listPods := tasks.NewEksCall(stack, jsii.String("Call a EKS Endpoint"), &tasks.EksCallProps{
		Cluster: importedCluster(stack, true), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api/v1/namespaces/default/pods")})
	sfn.NewStateMachine(stack, jsii.String("ParentStateMachine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(callback.Next(associated).Next(plain).Next(withParams).Next(listPods))})
	cdktest.Golden(t, "stepfunctions_seed_examples", cdktest.Snapshot(cdktest.Template(t, stack)))
	integ.Validate(t, stack)
}
