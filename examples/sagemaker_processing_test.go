package examples_test

import (
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/stretchr/testify/assert"

	sagemakerprocessing "github.com/sfnkit/sfnkit/examples/sagemaker-processing"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func sageMakerApp() *sagemakerprocessing.Processing {
	return sagemakerprocessing.NewProcessing(cdktest.NewApp(), "SfnkitSageMakerProcessing", cdktest.StackProps())
}

// sageMakerSharedApp is the app the tests that only read share: the CDK
// synthesizes an app once. integ.Nag adds cdk-nag's aspects, so it gets an app
// of its own.
var sageMakerSharedApp = sync.OnceValue(sageMakerApp)

func TestSageMakerProcessingSnapshot(t *testing.T) {
	cdktest.Golden(t, "sagemaker-processing", cdktest.Snapshot(cdktest.Template(t, sageMakerSharedApp().Stack)))
}

func TestSageMakerProcessingValidDefinition(t *testing.T) {
	integ.Validate(t, sageMakerSharedApp().Stack)
}

// The seed's policy was sagemaker:*, iam:PassRole and events:* on "*".
func TestSageMakerProcessingNoWildcardResource(t *testing.T) {
	p := sageMakerSharedApp()
	tpl := cdktest.Template(t, p.Stack)
	policy := cdktest.Resources(tpl, "AWS::IAM::Policy")
	var got []any
	for id, pol := range policy {
		if id[:len("SandboxStateMachine")] == "SandboxStateMachine" {
			got = pol["Properties"].(map[string]any)["PolicyDocument"].(map[string]any)["Statement"].([]any)
		}
	}
	flat := func(x any) string { return cdktest.Flatten(x) }
	assert.Len(t, got, 3)
	job := got[0].(map[string]any)
	assert.Equal(t, []any{"sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob", "sagemaker:AddTags", "sagemaker:ListTags"}, job["Action"])
	assert.Equal(t, "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:processing-job/hello-world-*", flat(job["Resource"]))
	rule := got[1].(map[string]any)
	assert.Equal(t, "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule", flat(rule["Resource"]))
	pass := got[2].(map[string]any)
	assert.Equal(t, "iam:PassRole", pass["Action"])
	role := *p.Stack.GetLogicalId(p.Role.Node().DefaultChild().(awscdk.CfnElement))
	assert.Equal(t, "${"+role+".Arn}", flat(pass["Resource"]))
	assert.Equal(t, map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "sagemaker.amazonaws.com"}}, pass["Condition"])
}

func TestSageMakerProcessingRunsToCompletion(t *testing.T) {
	p := sageMakerSharedApp()
	res := integ.Run(t, p.Stack, p.StateMachine, map[string]any{}, integ.Mocks{
		"HelloWorldProcessingJob": integ.Func(func(input any) (any, error) {
			name := input.(map[string]any)["ProcessingJobName"].(string)
			assert.Regexp(t, `^hello-world-[0-9a-f-]{36}$`, name)
			return map[string]any{"ProcessingJobName": name, "ProcessingJobStatus": "Completed"}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
}

func TestSageMakerProcessingLeastPrivilege(t *testing.T) {
	integ.Nag(t, sageMakerApp().Stack)
}

func TestSageMakerProcessingRunFails(t *testing.T) {
	p := sageMakerSharedApp()
	res := integ.Run(t, p.Stack, p.StateMachine, map[string]any{}, integ.Mocks{
		"HelloWorldProcessingJob": integ.Fail("SageMaker.AmazonSageMakerException", "ResourceLimitExceeded"),
	})
	assert.True(t, res.Failed(), res.History())
	assert.Equal(t, "SageMaker.AmazonSageMakerException", res.Error)
}
