package examples_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	batchinvokedlambda "github.com/sfnkit/sfnkit/examples/batch-invoked-lambda"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func batchInvokedApp() *batchinvokedlambda.BatchInvoked {
	return batchinvokedlambda.NewBatchInvoked(cdktest.NewApp(), "SfnkitBatchInvokedLambda", cdktest.StackProps())
}

// batchInvokedSharedApp is the app the tests that only read share: the CDK
// synthesizes an app once. integ.Nag adds cdk-nag's aspects, so it gets an app
// of its own.
var batchInvokedSharedApp = sync.OnceValue(batchInvokedApp)

func TestBatchInvokedLambdaSnapshot(t *testing.T) {
	cdktest.Golden(t, "batch-invoked-lambda", cdktest.Snapshot(cdktest.Template(t, batchInvokedSharedApp().Stack)))
}

func TestBatchInvokedLambdaValidDefinition(t *testing.T) {
	integ.Validate(t, batchInvokedSharedApp().Stack)
}

// cdk-nag passes: the only wildcards left are suppressed, each with why.
func TestBatchInvokedLambdaLeastPrivilege(t *testing.T) {
	integ.Nag(t, batchInvokedApp().Stack)
}

// The reference granted batch:* on "*", s3:* and iam:PassRole on "*", and
// no events permission. The state machine's role holds exactly these.
func TestBatchInvokedLambdaExactIAM(t *testing.T) {
	app := batchInvokedSharedApp()
	tpl := cdktest.Template(t, app.Stack)
	id := func(c constructs.IConstruct) string {
		return *app.Stack.GetLogicalId(c.Node().DefaultChild().(awscdk.CfnElement))
	}
	policy := id(app.StateMachine.Role().Node().FindChild(jsii.String("DefaultPolicy")))
	var got []map[string]any
	for _, s := range cdktest.Resources(tpl, "AWS::IAM::Policy")[policy]["Properties"].(map[string]any)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
		got = append(got, batchInvokedNormalize(s.(map[string]any)))
	}
	arn := func(service, resource string) string {
		return "arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + resource
	}
	objects := "arn:${AWS::Partition}:s3:::${" + id(app.Bucket) + "}/jobs/echo/*"
	definitions := arn("batch", "job-definition/echo-*")
	allow := func(actions []string, resources ...string) map[string]any {
		return map[string]any{"Effect": "Allow", "Action": actions, "Resource": resources}
	}
	passRole := allow([]string{"iam:PassRole"}, "${"+id(app.JobRole)+".Arn}")
	passRole["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "batch.amazonaws.com"}}
	want := []map[string]any{
		allow([]string{"s3:PutObject"}, objects),
		allow([]string{"s3:GetObject"}, objects),
		allow([]string{"batch:RegisterJobDefinition"}, definitions),
		passRole,
		allow([]string{"batch:SubmitJob"}, definitions, "${"+id(app.Queue)+".JobQueueArn}", arn("batch", "job/*")),
		allow([]string{"batch:DescribeJobs"}, "*"),
		allow([]string{"batch:TerminateJob"}, arn("batch", "job/*")),
		allow([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, arn("events", "rule/StepFunctionsGetEventsForBatchJobsRule")),
		allow([]string{"batch:DeregisterJobDefinition"}, definitions),
		allow([]string{"logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
			"logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"}, "*"),
	}
	assert.ElementsMatch(t, want, got)
	role := cdktest.Resources(tpl, "AWS::IAM::Role")[id(app.StateMachine.Role())]["Properties"].(map[string]any)
	assert.NotContains(t, role, "ManagedPolicyArns", "no managed policy on the state machine's role")
}

// batchInvokedNormalize turns the template's Action and Resource into lists
// of text (a single item is not a list there; a resource may be an Fn::Join).
func batchInvokedNormalize(st map[string]any) map[string]any {
	for _, k := range []string{"Action", "Resource"} {
		items, ok := st[k].([]any)
		if !ok {
			items = []any{st[k]}
		}
		list := make([]string, len(items))
		for i, x := range items {
			list[i] = cdktest.Flatten(x)
		}
		st[k] = list
	}
	return st
}

// batchInvokedExchange plays S3 and the container: the job reads the request
// named by AWS_LAMBDA_EVENT_PAYLOAD and writes its answer where
// AWS_LAMBDA_EVENT_RESPONSE_LOCATION says.
type batchInvokedExchange struct {
	objects    map[string]string
	definition map[string]any
}

func (x *batchInvokedExchange) mocks(handle func(request any) any) integ.Mocks {
	location := func(in any) string {
		req := in.(map[string]any)
		return "s3://" + req["Bucket"].(string) + "/" + req["Key"].(string)
	}
	env := func(name string) string {
		for _, kv := range x.definition["ContainerProperties"].(map[string]any)["Environment"].([]any) {
			if kv.(map[string]any)["Name"] == name {
				return kv.(map[string]any)["Value"].(string)
			}
		}
		return ""
	}
	return integ.Mocks{
		"Echo Request PutPayload": func(in any) (any, error) {
			body, err := json.Marshal(in.(map[string]any)["Body"])
			x.objects[location(in)] = string(body)
			return map[string]any{"ETag": `"1"`}, err
		},
		"Echo Job RegisterJobDefinition": func(in any) (any, error) {
			x.definition = in.(map[string]any)
			return map[string]any{"JobDefinitionArn": "arn:aws:batch:us-east-1:111122223333:job-definition/" + x.definition["JobDefinitionName"].(string) + ":1",
				"JobDefinitionName": x.definition["JobDefinitionName"], "Revision": 1}, nil
		},
		"Echo Job SubmitJob": func(in any) (any, error) {
			var request any
			if err := json.Unmarshal([]byte(x.objects[env("AWS_LAMBDA_EVENT_PAYLOAD")]), &request); err != nil {
				return nil, integ.Fail("States.TaskFailed", "no request")
			}
			body, _ := json.Marshal(handle(request))
			x.objects[env("AWS_LAMBDA_EVENT_RESPONSE_LOCATION")] = string(body)
			req := in.(map[string]any)
			// What batch:submitJob.sync returns: the DescribeJobs job.
			return map[string]any{"JobName": req["JobName"], "JobId": "job-1", "JobArn": "arn:aws:batch:us-east-1:111122223333:job/job-1",
				"JobQueue": req["JobQueue"], "JobDefinition": req["JobDefinition"], "Status": "SUCCEEDED"}, nil
		},
		"Echo Job DeregisterJobDefinition":         map[string]any{},
		"Echo Job Cleanup DeregisterJobDefinition": map[string]any{},
		"Echo Response GetPayload": func(in any) (any, error) {
			body, ok := x.objects[location(in)]
			if !ok {
				return nil, integ.Fail("S3.NoSuchKeyException", location(in))
			}
			return map[string]any{"Body": body}, nil
		},
	}
}

func TestBatchInvokedLambdaRunSuccess(t *testing.T) {
	app := batchInvokedSharedApp()
	x := &batchInvokedExchange{objects: map[string]string{}}
	res := integ.Run(t, app.Stack, app.StateMachine, map[string]any{"name": "world"},
		x.mocks(func(r any) any { return map[string]any{"greeting": "hello " + r.(map[string]any)["name"].(string)} }))
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"greeting": "hello world"}, res.Output)
	assert.Equal(t, "echo", batchInvokedEnv(x.definition)["AWS_LAMBDA_FUNCTION_NAME"])
	assert.Equal(t, "handlers.echo.handler", batchInvokedEnv(x.definition)["AWS_LAMBDA_FUNCTION_HANDLER"])
	assert.Len(t, res.Inputs("Echo Job DeregisterJobDefinition"), 1, "the per-execution definition is retired")
}

// The job fails: its definition is deregistered, and the execution fails
// with the job's own error and cause.
func TestBatchInvokedLambdaRunJobFails(t *testing.T) {
	app := batchInvokedSharedApp()
	x := &batchInvokedExchange{objects: map[string]string{}}
	mocks := x.mocks(nil)
	mocks["Echo Job SubmitJob"] = integ.Fail("States.TaskFailed", `{"Status":"FAILED","StatusReason":"Essential container in task exited"}`)
	res := integ.Run(t, app.Stack, app.StateMachine, map[string]any{"name": "world"}, mocks)
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "States.TaskFailed", res.Error)
	assert.Equal(t, `{"Status":"FAILED","StatusReason":"Essential container in task exited"}`, res.Cause)
	assert.Len(t, res.Inputs("Echo Job Cleanup DeregisterJobDefinition"), 1)
	assert.False(t, res.Entered("Echo Job DeregisterJobDefinition"))
	assert.False(t, res.Entered("Echo Response GetPayload"))
}

func batchInvokedEnv(definition map[string]any) map[string]string {
	env := map[string]string{}
	for _, kv := range definition["ContainerProperties"].(map[string]any)["Environment"].([]any) {
		env[kv.(map[string]any)["Name"].(string)] = kv.(map[string]any)["Value"].(string)
	}
	return env
}
