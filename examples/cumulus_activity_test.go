package examples_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cumulusactivity "github.com/sfnkit/sfnkit/examples/cumulus-activity"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func cumulusApp() *cumulusactivity.CumulusActivity {
	return cumulusactivity.NewCumulusActivity(cdktest.NewApp(), "SfnkitCumulusActivity", cdktest.StackProps())
}

// cumulusSharedApp is the app the tests that only read share: the CDK
// synthesizes an app once. integ.Nag adds cdk-nag's aspects, so it gets an app
// of its own.
var cumulusSharedApp = sync.OnceValue(cumulusApp)

func TestCumulusActivitySnapshot(t *testing.T) {
	cdktest.Golden(t, "cumulus-activity", cdktest.Snapshot(cdktest.Template(t, cumulusSharedApp().Stack)))
}

func TestCumulusActivityValidDefinitions(t *testing.T) {
	integ.Validate(t, cumulusSharedApp().Stack)
}

func TestCumulusActivityLeastPrivilege(t *testing.T) {
	integ.Nag(t, cumulusApp().Stack)
}

// The seed's QueueGranules step, but for its Resource.
const seedQueueGranules = `{
	"Parameters": {
		"cma": {
			"event.$": "$",
			"ReplaceConfig": {"FullMessage": true},
			"task_config": {
				"provider": "{$.meta.provider}",
				"internalBucket": "{$.meta.buckets.internal.name}",
				"stackName": "{$.meta.stack}",
				"granuleIngestWorkflow": "IngestGranule",
				"queueUrl": "{$.meta.queues.startSF}"
			}
		}
	},
	"Type": "Task",
	"Retry": [{
		"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
		"IntervalSeconds": 2,
		"MaxAttempts": 6,
		"BackoffRate": 2
	}],
	"Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.exception", "Next": "WorkflowFailed"}],
	"End": true
}`

// Both runtimes render the seed's step with their own Resource — the
// function ARN or the activity ARN — and nothing else differs: the same
// Parameters, the seed's Retry exactly once (not doubled by LambdaInvoke's
// default retry), the same Catch into the same WorkflowFailed.
func TestCumulusActivityRuntimeSwitchesOnlyTheResource(t *testing.T) {
	app := cumulusSharedApp()
	snapshot := cdktest.Snapshot(cdktest.Template(t, app.Stack))
	machines := cdktest.Resources(snapshot, "AWS::StepFunctions::StateMachine")
	definition := func(sm sfn.StateMachine) map[string]any {
		return machines[cumulusLogicalID(app.Stack, sm)]["Properties"].(map[string]any)["DefinitionString"].(map[string]any)
	}
	var seed map[string]any
	require.NoError(t, json.Unmarshal([]byte(seedQueueGranules), &seed))
	tests := []struct {
		name         string
		workflow     *cumulusactivity.QueueGranulesWorkflow
		wantResource string
	}{
		{"lambda", app.OnLambda, "${" + cumulusLogicalID(app.Stack, app.Function) + ".Arn}"},
		{"activity", app.OnActivity, "${" + cumulusLogicalID(app.Stack, app.OnActivity.Activity) + "}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			def := definition(tc.workflow.StateMachine)
			states := def["States"].(map[string]any)
			require.Len(t, states, 2)
			queue := states[cumulusactivity.QueueGranulesState].(map[string]any)
			assert.Equal(t, tc.wantResource, queue["Resource"])
			delete(queue, "Resource")
			assert.Equal(t, seed, queue)
			assert.Equal(t, map[string]any{"Type": "Fail", "Cause": "Workflow failed"}, states[cumulusactivity.WorkflowFailedState])
			assert.Equal(t, cumulusactivity.QueueGranulesState, def["StartAt"])
		})
	}
	// Their Resources deleted above, the two definitions are one.
	assert.Equal(t, definition(app.OnLambda.StateMachine), definition(app.OnActivity.StateMachine))
}

// The Lambda machine's role may invoke exactly the QueueGranules function:
// the function ARN is the Resource, so there is no qualifier to allow (no
// ":*"). The activity machine's role has no policy at all: Step Functions
// itself schedules the activity task, and the worker — not the state
// machine — calls states:GetActivityTask and states:SendTaskSuccess,
// SendTaskFailure and SendTaskHeartbeat with its own credentials. Only an
// activity encrypted with a customer managed key would need kms:Decrypt and
// kms:GenerateDataKey on the machine's role (iam-reference.md); this one
// uses the AWS-owned key.
func TestCumulusActivityExactIAM(t *testing.T) {
	app := cumulusSharedApp()
	tpl := cdktest.Template(t, app.Stack)
	fn := "${" + cumulusLogicalID(app.Stack, app.Function) + ".Arn}"
	tests := []struct {
		name     string
		workflow *cumulusactivity.QueueGranulesWorkflow
		want     []map[string]any
	}{
		{"lambda", app.OnLambda, []map[string]any{{"Effect": "Allow", "Action": []string{"lambda:InvokeFunction"}, "Resource": []string{fn}}}},
		{"activity", app.OnActivity, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cumulusRoleStatements(tpl, cumulusLogicalID(app.Stack, tc.workflow.StateMachine.Role()))
			assert.Equal(t, tc.want, got)
		})
	}
}

// cumulusMessage is what Discover Granules hands to QueueGranules.
func cumulusMessage() map[string]any {
	return map[string]any{
		"cumulus_meta": map[string]any{"execution_name": "discover-1"},
		"meta": map[string]any{
			"provider": map[string]any{"id": "MODAPS", "protocol": "s3", "host": "modaps-bucket"},
			"buckets":  map[string]any{"internal": map[string]any{"name": "cumulus-internal"}},
			"stack":    "cumulus-test",
			"queues":   map[string]any{"startSF": "https://sqs.us-east-1.amazonaws.com/123456789012/startSF"},
		},
		"payload": map[string]any{"granules": []any{map[string]any{"granuleId": "MOD09GQ.A2017025.h21v00.006"}}},
	}
}

// What the task returns: through the Cumulus Message Adapter with
// FullMessage, the Cumulus message with the task's output as its payload.
// The Lambda variant's Resource is the function ARN, whose result is the
// function's response alone (no lambda:invoke {StatusCode, Payload}
// envelope); the activity worker sends the same response with
// SendTaskSuccess.
func cumulusQueuedMessage() map[string]any {
	msg := cumulusMessage()
	msg["payload"] = map[string]any{"running": []any{
		"arn:aws:states:us-east-1:123456789012:execution:IngestGranule:MOD09GQ.A2017025.h21v00.006",
	}}
	return msg
}

func TestCumulusActivityRunSuccess(t *testing.T) {
	app := cumulusSharedApp()
	for _, w := range []*cumulusactivity.QueueGranulesWorkflow{app.OnLambda, app.OnActivity} {
		t.Run(*w.Construct.Node().Id(), func(t *testing.T) {
			res := integ.Run(t, app.Stack, w.StateMachine, cumulusMessage(), integ.Mocks{
				cumulusactivity.QueueGranulesState: integ.Return(cumulusQueuedMessage()),
			})
			require.True(t, res.Succeeded(), res.History())
			assert.Equal(t, []string{cumulusactivity.QueueGranulesState}, res.Path())
			assert.Equal(t, cumulusJSONValue(t, cumulusQueuedMessage()), res.Output)

			in := res.Inputs(cumulusactivity.QueueGranulesState)
			require.Len(t, in, 1)
			assert.Equal(t, cumulusJSONValue(t, map[string]any{"cma": map[string]any{
				"event":         cumulusMessage(),
				"ReplaceConfig": map[string]any{"FullMessage": true},
				"task_config": map[string]any{
					"provider":              "{$.meta.provider}",
					"internalBucket":        "{$.meta.buckets.internal.name}",
					"stackName":             "{$.meta.stack}",
					"granuleIngestWorkflow": cumulusactivity.IngestGranuleWorkflow,
					"queueUrl":              "{$.meta.queues.startSF}",
				},
			}}), in[0], "the CMA event: the whole message, the templates left for the adapter")
		})
	}
}

// Lambda keeps throwing ServiceException: the seed's Retry tries 6 more
// times, then the Catch puts the error in $.exception and WorkflowFailed
// ends the execution.
func TestCumulusActivityRunLambdaRetriedThenCaught(t *testing.T) {
	app := cumulusSharedApp()
	res := integ.Run(t, app.Stack, app.OnLambda.StateMachine, cumulusMessage(), integ.Mocks{
		cumulusactivity.QueueGranulesState: integ.Fail("Lambda.ServiceException", "Rate exceeded"),
	})
	assertCaughtIntoWorkflowFailed(t, res, "Lambda.ServiceException", "Rate exceeded")
	assert.Equal(t, 6, res.Retries(cumulusactivity.QueueGranulesState), res.History())
	assert.Len(t, res.Inputs(cumulusactivity.QueueGranulesState), 7)
}

// The activity worker reports the task's failure with SendTaskFailure and
// an error name of its own: not one of the retried Lambda errors, so it is
// caught at once.
func TestCumulusActivityRunActivityFailureCaught(t *testing.T) {
	app := cumulusSharedApp()
	res := integ.Run(t, app.Stack, app.OnActivity.StateMachine, cumulusMessage(), integ.Mocks{
		cumulusactivity.QueueGranulesState: integ.Fail("CumulusMessageAdapterExecutionError", "queue-granules: SQS SendMessage denied"),
	})
	assertCaughtIntoWorkflowFailed(t, res, "CumulusMessageAdapterExecutionError", "queue-granules: SQS SendMessage denied")
	assert.Equal(t, 0, res.Retries(cumulusactivity.QueueGranulesState), res.History())
}

func assertCaughtIntoWorkflowFailed(t *testing.T, res integ.Result, errorName, cause string) {
	t.Helper()
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, errorName, res.CaughtError(cumulusactivity.QueueGranulesState), res.History())
	assert.Equal(t, cumulusactivity.WorkflowFailedState, res.Path()[len(res.Path())-1], res.History())
	assert.Equal(t, "", res.Error, "WorkflowFailed sets no Error")
	assert.Equal(t, "Workflow failed", res.Cause)

	want := cumulusJSONValue(t, cumulusMessage()).(map[string]any)
	want["exception"] = map[string]any{"Error": errorName, "Cause": cause}
	assert.Equal(t, want, res.StateInput(cumulusactivity.WorkflowFailedState), "the message, with the error at $.exception")
}

func TestCumulusActivityInvalidProps(t *testing.T) {
	tests := []struct {
		name  string
		props func(fn awslambda.IFunction) *cumulusactivity.QueueGranulesWorkflowProps
		wants []string
	}{
		{
			name:  "no props",
			props: func(awslambda.IFunction) *cumulusactivity.QueueGranulesWorkflowProps { return nil },
			wants: []string{"props: required"},
		},
		{
			name: "nothing set",
			props: func(awslambda.IFunction) *cumulusactivity.QueueGranulesWorkflowProps {
				return &cumulusactivity.QueueGranulesWorkflowProps{}
			},
			wants: []string{"QueueGranulesFunction: required", "IngestGranuleWorkflowName: required"},
		},
		{
			name: "unknown runtime",
			props: func(fn awslambda.IFunction) *cumulusactivity.QueueGranulesWorkflowProps {
				return &cumulusactivity.QueueGranulesWorkflowProps{QueueGranulesFunction: fn, IngestGranuleWorkflowName: jsii.String("x"), Runtime: "ECS"}
			},
			wants: []string{`Runtime: must be Runtime_LAMBDA or Runtime_ACTIVITY, got "ECS"`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			fn := awslambda.Function_FromFunctionName(stack, jsii.String("Fn"), jsii.String("queue-granules"))
			err := cdktest.Catch(func() { cumulusactivity.NewQueueGranulesWorkflow(stack, jsii.String("Bad"), tc.props(fn)) })
			require.Error(t, err)
			assert.Contains(t, err.Error(), `sfnkit QueueGranulesWorkflow "Test/Bad" is invalid`)
			for _, w := range tc.wants {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func cumulusLogicalID(stack awscdk.Stack, c constructs.IConstruct) string {
	return *stack.GetLogicalId(c.Node().DefaultChild().(awscdk.CfnElement))
}

// cumulusRoleStatements are the statements of every policy attached to the
// role, resources and actions flattened to text.
func cumulusRoleStatements(tpl map[string]any, roleID string) []map[string]any {
	var out []map[string]any
	for _, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		props := p["Properties"].(map[string]any)
		attached := false
		for _, r := range props["Roles"].([]any) {
			attached = attached || cdktest.Flatten(r) == "${"+roleID+"}"
		}
		if !attached {
			continue
		}
		for _, s := range props["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			st := map[string]any{}
			for k, v := range s.(map[string]any) {
				if k != "Action" && k != "Resource" {
					st[k] = v
					continue
				}
				list, ok := v.([]any)
				if !ok {
					list = []any{v}
				}
				var texts []string
				for _, x := range list {
					texts = append(texts, cdktest.Flatten(x))
				}
				st[k] = texts
			}
			out = append(out, st)
		}
	}
	return out
}

// cumulusJSONValue is v as encoding/json decodes it, to compare with run
// results.
func cumulusJSONValue(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// Both machines are rendered in Go in one piece (fragments.Workflow): the
// DefinitionString is one plain string, its tokens DefinitionSubstitutions.
func TestCumulusActivityRenderedInGo(t *testing.T) {
	machines := cdktest.Resources(cdktest.Template(t, cumulusSharedApp().Stack), "AWS::StepFunctions::StateMachine")
	require.Len(t, machines, 2)
	for id, m := range machines {
		props := m["Properties"].(map[string]any)
		_, plain := props["DefinitionString"].(string)
		assert.True(t, plain, "%s: %v", id, props["DefinitionString"])
		assert.NotEmpty(t, props["DefinitionSubstitutions"], id)
	}
}
