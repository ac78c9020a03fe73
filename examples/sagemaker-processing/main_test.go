package main

import (
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func TestMain(m *testing.M) { cdktest.Main(m) }

func newApp() *Processing {
	return NewProcessing(cdktest.NewApp(), "SfnkitSageMakerProcessing", cdktest.StackProps())
}

// sharedApp is the app the tests that only read share: the CDK synthesizes
// an app once. integ.Nag adds cdk-nag's aspects, so it gets an app of its own.
var sharedApp = sync.OnceValue(newApp)

func TestSnapshot(t *testing.T) {
	cdktest.Golden(t, "sagemaker-processing", cdktest.Snapshot(cdktest.Template(t, sharedApp().Stack)))
}

func TestValidDefinition(t *testing.T) {
	integ.Validate(t, sharedApp().Stack)
}

// The seed's policy was sagemaker:*, iam:PassRole and events:* on "*".
func TestNoWildcardResource(t *testing.T) {
	p := sharedApp()
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

func TestRunsToCompletion(t *testing.T) {
	p := sharedApp()
	res := integ.Run(t, p.Stack, p.StateMachine, map[string]any{}, integ.Mocks{
		"HelloWorldProcessingJob": integ.Func(func(input any) (any, error) {
			name := input.(map[string]any)["ProcessingJobName"].(string)
			assert.Regexp(t, `^hello-world-[0-9a-f-]{36}$`, name)
			return map[string]any{"ProcessingJobName": name, "ProcessingJobStatus": "Completed"}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
}

func TestLeastPrivilege(t *testing.T) {
	integ.Nag(t, newApp().Stack)
}

func TestRunFails(t *testing.T) {
	p := sharedApp()
	res := integ.Run(t, p.Stack, p.StateMachine, map[string]any{}, integ.Mocks{
		"HelloWorldProcessingJob": integ.Fail("SageMaker.AmazonSageMakerException", "ResourceLimitExceeded"),
	})
	assert.True(t, res.Failed(), res.History())
	assert.Equal(t, "SageMaker.AmazonSageMakerException", res.Error)
}
