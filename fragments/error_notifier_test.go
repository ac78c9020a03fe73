package fragments_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	notifyARN = "arn:aws:lambda:us-east-1:123456789012:function:Notify"
	// executionID is $$.Execution.Id in an integ.Run.
	executionID = "arn:aws:states:us-east-1:123456789012:execution:IntegStateMachine:" + integ.ExecutionName
)

// notified builds the hello-world seed's two shapes around one notifier:
// a Catch on each task (an sfnkit task and a CDK task), or a Parallel that
// catches once.
func notifiedMachine(t *testing.T, wrap bool, props *fragments.ErrorNotifierProps) (awscdk.Stack, sfn.StateMachine, map[string]any) {
	t.Helper()
	stack := newStack()
	p := fragments.ErrorNotifierProps{}
	if props != nil {
		p = *props
	}
	if p.Topic == nil && p.LambdaFunction == nil {
		p.LambdaFunction = function(stack, "Notify")
	}
	notifier := fragments.NewErrorNotifier(stack, jsii.String("OnError"), &p)
	hello := tasks.NewLambdaInvoke(stack, jsii.String("Hello"), &tasks.LambdaInvokeProps{
		LambdaFunction: function(stack, "HelloFn"), ResultPath: jsii.String("$.hello"),
	})
	world := cdktasks.NewLambdaInvoke(stack, jsii.String("World"), &cdktasks.LambdaInvokeProps{
		LambdaFunction: function(stack, "WorldFn"), ResultPath: jsii.String("$.world"), RetryOnServiceExceptions: jsii.Bool(false),
	})
	var definition sfn.IChainable = hello.Next(world)
	if wrap {
		definition = notifier.Wrap(jsii.String("Work"), definition)
	} else {
		notifier.Attach(hello, world)
	}
	sm, tpl := machine(t, stack, definition)
	return stack, sm, tpl
}

var helloMocks = integ.Mocks{
	"Hello": integ.LambdaResponse("hello"),
	"World": integ.LambdaResponse("world"),
}

func TestErrorNotifierGolden(t *testing.T) {
	for name, wrap := range map[string]bool{"error_notifier_attached": false, "error_notifier_wrapped": true} {
		t.Run(name, func(t *testing.T) {
			stack, _, tpl := notifiedMachine(t, wrap, nil)
			cdktest.Golden(t, name, cdktest.Definition(t, tpl))
			integ.Validate(t, stack)
			assert.Equal(t, []string{
				"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:HelloFn",
				"lambda:InvokeFunction " + notifyARN,
				"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:WorldFn",
				"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:WorldFn:*", // the CDK task's own grant
			}, grants(t, tpl))
		})
	}
}

// Whichever task fails, the notification carries the execution ID, Error
// and Cause, and the execution fails with that Error and Cause.
func TestErrorNotifierLambda(t *testing.T) {
	for _, wrap := range []bool{false, true} {
		for _, failing := range []string{"Hello", "World"} {
			stack, sm, _ := notifiedMachine(t, wrap, nil)
			mocks := integ.Mocks{"OnError Notify": integ.LambdaResponse(nil)}
			for k, v := range helloMocks {
				mocks[k] = v
			}
			mocks[failing] = integ.Fail("Lambda.Unknown", failing+" broke")
			res := integ.Run(t, stack, sm, map[string]any{"id": 7}, mocks)
			require.True(t, res.Failed(), res.History())
			assert.Equal(t, "Lambda.Unknown", res.Error)
			assert.Equal(t, failing+" broke", res.Cause)
			calls := res.Inputs("OnError Notify")
			require.Len(t, calls, 1, res.History())
			assert.Equal(t, map[string]any{"FunctionName": notifyARN, "Payload": map[string]any{
				"execution_id": executionID, "error": "Lambda.Unknown", "cause": failing + " broke",
			}}, calls[0])
		}
	}
	stack, sm, _ := notifiedMachine(t, true, nil)
	res := integ.Run(t, stack, sm, map[string]any{}, integ.Mocks{"OnError Notify": integ.LambdaResponse(nil), "Hello": helloMocks["Hello"], "World": helloMocks["World"]})
	require.True(t, res.Succeeded(), res.History())
	assert.False(t, res.Entered("OnError Notify"))
}

func TestErrorNotifierTopic(t *testing.T) {
	stack := newStack()
	topic := awssns.NewTopic(stack, jsii.String("Alerts"), nil)
	notifier := fragments.NewErrorNotifier(stack, jsii.String("OnError"), &fragments.ErrorNotifierProps{
		Topic: topic, Subject: tasks.StringAt("States.Format('{} failed', $$.Execution.Name)"),
	})
	work := tasks.NewLambdaInvoke(stack, jsii.String("Work"), &tasks.LambdaInvokeProps{LambdaFunction: function(stack, "WorkFn")})
	notifier.Attach(work)
	sm, tpl := machine(t, stack, work)
	integ.Nag(t, stack) // no wildcard anywhere
	integ.Validate(t, stack)
	cdktest.Golden(t, "error_notifier_topic", cdktest.Definition(t, tpl))

	topicRef := "${" + *stack.GetLogicalId(topic.Node().DefaultChild().(awscdk.CfnElement)) + "}"
	assert.Equal(t, []string{
		"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:WorkFn",
		"sns:Publish " + topicRef,
	}, grants(t, tpl), "sns:Publish on exactly the topic")

	res := integ.Run(t, stack, sm, map[string]any{}, integ.Mocks{
		"Work":           integ.Fail("Work.Failed", "no disk"),
		"OnError Notify": integ.SNSPublishResponse("m-1"),
	})
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "Work.Failed", res.Error)
	published := res.Inputs("OnError Notify")[0].(map[string]any)
	assert.Equal(t, integ.ExecutionName+" failed", published["Subject"])
	assert.NotEmpty(t, published["TopicArn"])
	message := published["Message"].(map[string]any)
	assert.Equal(t, "Work.Failed", message["error"])
	assert.Equal(t, "no disk", message["cause"])
	assert.Equal(t, executionID, message["execution_id"])
}

// An encrypted topic: the role may also use its key, and only that key.
func TestErrorNotifierEncryptedFifoTopic(t *testing.T) {
	stack := newStack()
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	topic := awssns.NewTopic(stack, jsii.String("Alerts"), &awssns.TopicProps{MasterKey: key, Fifo: jsii.Bool(true)})
	notifier := fragments.NewErrorNotifier(stack, jsii.String("OnError"), &fragments.ErrorNotifierProps{Topic: topic})
	work := tasks.NewLambdaInvoke(stack, jsii.String("Work"), &tasks.LambdaInvokeProps{LambdaFunction: function(stack, "WorkFn")})
	notifier.Attach(work)
	_, tpl := machine(t, stack, work)
	ref := func(c constructs.IConstruct) string {
		return "${" + *stack.GetLogicalId(c.Node().DefaultChild().(awscdk.CfnElement)) + "}"
	}
	keyARN := "${" + *stack.GetLogicalId(key.Node().DefaultChild().(awscdk.CfnElement)) + ".Arn}"
	assert.Equal(t, []string{
		"kms:Decrypt " + keyARN,
		"kms:GenerateDataKey* " + keyARN,
		"lambda:InvokeFunction arn:aws:lambda:us-east-1:123456789012:function:WorkFn",
		"sns:Publish " + ref(topic),
	}, grants(t, tpl))
	params := state(cdktest.Definition(t, tpl), "OnError Notify")["Parameters"].(map[string]any)
	assert.Equal(t, "$$.Execution.Id", params["MessageGroupId.$"], "one message group per execution")
	assert.Equal(t, "$$.Execution.Id", params["MessageDeduplicationId.$"])
}

func TestErrorNotifierFailOverride(t *testing.T) {
	build := func(cause *string) (awscdk.Stack, sfn.StateMachine, map[string]any) {
		stack := newStack()
		notifier := fragments.NewErrorNotifier(stack, jsii.String("OnError"), &fragments.ErrorNotifierProps{
			LambdaFunction: function(stack, "Notify"), Error: jsii.String("Workflow FAILED"), Cause: cause,
		})
		work := tasks.NewLambdaInvoke(stack, jsii.String("Work"), &tasks.LambdaInvokeProps{LambdaFunction: function(stack, "WorkFn")})
		notifier.Attach(work)
		sm, tpl := machine(t, stack, work)
		return stack, sm, tpl
	}
	// AWS takes an intrinsic in CausePath (aws-local-stepfunctions does not
	// evaluate one there, so this one is checked as ASL only).
	stack, _, tpl := build(tasks.StringAt("States.Format('caught {}', $.Error)"))
	assert.Equal(t, map[string]any{"Type": "Fail", "Error": "Workflow FAILED", "CausePath": "States.Format('caught {}', $.Error)"},
		state(cdktest.Definition(t, tpl), "OnError Failed"))
	integ.Validate(t, stack)

	stack, sm, _ := build(tasks.StringAt("$.Error"))
	res := integ.Run(t, stack, sm, map[string]any{}, integ.Mocks{
		"Work": integ.Fail("Work.Failed", "no disk"), "OnError Notify": integ.LambdaResponse(nil),
	})
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "Workflow FAILED", res.Error)
	assert.Equal(t, "Work.Failed", res.Cause)
}

func TestErrorNotifierErrors(t *testing.T) {
	stack := newStack()
	msg := validationError(t, func() { fragments.NewErrorNotifier(stack, jsii.String("N"), nil) })
	assert.Contains(t, msg, `ErrorNotifier "Test/N"`)
	assert.Contains(t, msg, "LambdaFunction, Topic: give exactly one")
	msg = validationError(t, func() {
		fragments.NewErrorNotifier(stack, jsii.String("M"), &fragments.ErrorNotifierProps{LambdaFunction: function(stack, "F"), Subject: jsii.String("x")})
	})
	assert.Contains(t, msg, "Subject: only an SNS Topic takes a subject")

	notifier := fragments.NewErrorNotifier(stack, jsii.String("OnError"), &fragments.ErrorNotifierProps{LambdaFunction: function(stack, "G")})
	pass := sfn.NewPass(stack, jsii.String("P"), nil)
	assert.Contains(t, validationError(t, func() { notifier.Attach(pass) }), "takes no Catch; use Wrap")
}
