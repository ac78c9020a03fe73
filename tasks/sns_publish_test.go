package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const alertsTopicARN = "arn:aws:sns:eu-west-1:111122223333:alerts"

func alertsTopic(stack awscdk.Stack) awssns.ITopic {
	if t, ok := stack.Node().TryFindChild(jsii.String("Alerts")).(awssns.ITopic); ok {
		return t
	}
	return awssns.Topic_FromTopicArn(stack, jsii.String("Alerts"), jsii.String(alertsTopicARN))
}

func TestSnsPublishRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewSnsPublish(stack, jsii.String("Publish"), &tasks.SnsPublishProps{Topic: alertsTopic(stack),
		Message: tasks.TaskInput_FromJsonPathAt("$.message"), Subject: jsii.String("Job done"),
		MessageAttributes: &map[string]*tasks.MessageAttribute{
			"count":    {Value: 3},
			"ok":       {Value: true},
			"tags":     {Value: []any{"a", 1}},
			"kind":     {Value: "nightly"},
			"blob":     {Value: "aGk=", DataType: tasks.MessageAttributeDataType_BINARY},
			"owner":    {Value: tasks.StringAt("$.owner")},
			"size":     {Value: tasks.Path("$.size"), DataType: tasks.MessageAttributeDataType_NUMBER},
			"labels":   {Value: tasks.Path("$.labels"), DataType: tasks.MessageAttributeDataType_STRING_ARRAY},
			"from.cdk": {Value: sfn.TaskInput_FromJsonPathAt(jsii.String("$.source"))},
		}})
	cb := tasks.NewSnsPublish(stack, jsii.String("Publish And Wait"), &tasks.SnsPublishProps{TopicArn: tasks.StringAt("$.topic"),
		IntegrationPattern:         sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
		MessagePerSubscriptionType: jsii.Bool(true),
		Message: tasks.TaskInput_FromObject(map[string]any{"default": tasks.Intrinsic("States.Format('token {}', $$.Task.Token)"),
			"email": "see the console"}),
		Subject:        tasks.StringAt("$.subject"),
		MessageGroupId: tasks.StringAt("$$.Execution.Name"), MessageDeduplicationId: tasks.StringAt("$$.Execution.Id")})
	tpl := machine(t, stack, rr.Next(cb))

	res := "arn:" + partition + ":states:::sns:publish"
	attr := func(typ, key string, v any) map[string]any { return map[string]any{"DataType": typ, key: v} }
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res, "Next": "Publish And Wait",
		"Parameters": map[string]any{"TopicArn": alertsTopicARN, "Message.$": "$.message", "Subject": "Job done",
			"MessageAttributes": map[string]any{
				"count":    attr("Number", "StringValue", "3"),
				"ok":       attr("String", "StringValue", "true"),
				"tags":     attr("String.Array", "StringValue", `["a",1]`),
				"kind":     attr("String", "StringValue", "nightly"),
				"blob":     attr("Binary", "BinaryValue", "aGk="),
				"owner":    attr("String", "StringValue.$", "$.owner"),
				"size":     attr("Number", "StringValue.$", "States.Format('{}', $.size)"),
				"labels":   attr("String.Array", "StringValue.$", "States.JsonToString($.labels)"),
				"from.cdk": attr("String", "StringValue.$", "$.source"),
			}}}, state(t, tpl, "Publish"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".waitForTaskToken", "End": true,
		"Parameters": map[string]any{"TopicArn.$": "$.topic", "MessageStructure": "json", "Subject.$": "$.subject",
			"Message":          map[string]any{"default.$": "States.Format('token {}', $$.Task.Token)", "email": "see the console"},
			"MessageGroupId.$": "$$.Execution.Name", "MessageDeduplicationId.$": "$$.Execution.Id"}}, state(t, tpl, "Publish And Wait"))
	integ.Validate(t, stack)
}

func TestSnsPublishJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSnsPublish(stack, jsii.String("Publish"), &tasks.SnsPublishProps{Topic: alertsTopic(stack),
		QueryLanguage: sfn.QueryLanguage_JSONATA, Message: tasks.TaskInput_FromText("{% $states.input.message %}"),
		MessageAttributes: &map[string]*tasks.MessageAttribute{
			"size":   {Value: tasks.JSONata("$states.input.size"), DataType: tasks.MessageAttributeDataType_NUMBER},
			"labels": {Value: tasks.JSONata("$states.input.labels"), DataType: tasks.MessageAttributeDataType_STRING_ARRAY},
		}})
	assert.Equal(t, map[string]any{"TopicArn": alertsTopicARN, "Message": "{% $states.input.message %}",
		"MessageAttributes": map[string]any{
			"size":   map[string]any{"DataType": "Number", "StringValue": "{% $string($states.input.size) %}"},
			"labels": map[string]any{"DataType": "String.Array", "StringValue": "{% $string($states.input.labels) %}"},
		}}, state(t, machine(t, stack, task), "Publish")["Arguments"])
}

// The message reaches SNS as rendered, and the task's output is SNS's answer.
func TestSnsPublishRuns(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewSnsPublish(stack, jsii.String("Publish"), &tasks.SnsPublishProps{TopicArn: tasks.StringAt("$.topic"),
		Message: tasks.TaskInput_FromObject(map[string]any{"id": tasks.Path("$.id")}), ResultPath: jsii.String("$.published"),
		MessageAttributes: &map[string]*tasks.MessageAttribute{"size": {Value: tasks.Path("$.size"), DataType: tasks.MessageAttributeDataType_NUMBER}}})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	var sent any
	res := integ.Run(t, stack, sm, map[string]any{"topic": alertsTopicARN, "id": "a", "size": 12}, integ.Mocks{
		"Publish": integ.Func(func(input any) (any, error) { sent = input; return integ.SNSPublishResponse("m-1"), nil })})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"TopicArn": alertsTopicARN, "Message": map[string]any{"id": "a"},
		"MessageAttributes": map[string]any{"size": map[string]any{"DataType": "Number", "StringValue": "12"}}}, sent)
	assert.Equal(t, "m-1", res.Output.(map[string]any)["published"].(map[string]any)["MessageId"])
}

func TestSnsPublishIAM(t *testing.T) {
	publish := []string{"sns:Publish"}
	kms := []string{"kms:Decrypt", "kms:GenerateDataKey*"}
	stack := cdktest.NewStack()
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	encrypted := awssns.NewTopic(stack, jsii.String("Encrypted"), &awssns.TopicProps{MasterKey: key})
	tests := []struct {
		name  string
		props tasks.SnsPublishProps
		want  []map[string]any
	}{
		{"request response", tasks.SnsPublishProps{Topic: alertsTopic(stack)}, []map[string]any{stmt(publish, alertsTopicARN)}},
		{"callback", tasks.SnsPublishProps{Topic: alertsTopic(stack), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN},
			[]map[string]any{stmt(publish, alertsTopicARN)}},
		{"literal ARN", tasks.SnsPublishProps{TopicArn: jsii.String(alertsTopicARN)}, []map[string]any{stmt(publish, alertsTopicARN)}},
		{"dynamic request response", tasks.SnsPublishProps{TopicArn: tasks.StringAt("$.topic")}, []map[string]any{stmt(publish, arn("sns", "*"))}},
		{"dynamic callback", tasks.SnsPublishProps{TopicArn: tasks.StringAt("$.topic"), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN},
			[]map[string]any{stmt(publish, arn("sns", "*"))}},
		{"encrypted topic: its key", tasks.SnsPublishProps{Topic: encrypted},
			[]map[string]any{stmt(publish, "${Encrypted084288C2}"), stmt(kms, "${Key961B73FD.Arn}")}},
	}
	var starts []sfn.IChainable
	for _, tt := range tests {
		tt.props.Message = tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})
		starts = append(starts, tasks.NewSnsPublish(stack, jsii.String(tt.name), &tt.props))
	}
	tpl := machines(t, stack, starts...)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(machineStatements(t, tpl, i)))
		})
	}
}

func TestSnsPublishErrors(t *testing.T) {
	stack := cdktest.NewStack()
	fifo := awssns.Topic_FromTopicArn(stack, jsii.String("Fifo"), jsii.String(alertsTopicARN+".fifo"))
	dedup := awssns.NewTopic(stack, jsii.String("Dedup"), &awssns.TopicProps{Fifo: jsii.Bool(true), ContentBasedDeduplication: jsii.Bool(true)})
	msg := tasks.TaskInput_FromText("hi")
	attrs := func(a *tasks.MessageAttribute) *map[string]*tasks.MessageAttribute {
		return &map[string]*tasks.MessageAttribute{"a": a}
	}
	tests := []struct {
		name  string
		props *tasks.SnsPublishProps
		want  string
	}{
		{"no topic", &tasks.SnsPublishProps{Message: msg}, "Topic: required"},
		{"topic twice", &tasks.SnsPublishProps{Topic: alertsTopic(stack), TopicArn: jsii.String(alertsTopicARN), Message: msg}, "Topic: give Topic or TopicArn, not both"},
		{"no message", &tasks.SnsPublishProps{Topic: alertsTopic(stack)}, "Message: required"},
		{"callback without the token", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg, IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN},
			"Message: integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"run job", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB},
			"IntegrationPattern: RUN_JOB is not supported by sns:publish; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
		{"FIFO without a group", &tasks.SnsPublishProps{Topic: fifo, Message: msg, MessageDeduplicationId: jsii.String("d")},
			"MessageGroupId: required: the topic is a FIFO topic"},
		{"FIFO without deduplication", &tasks.SnsPublishProps{Topic: fifo, Message: msg, MessageGroupId: jsii.String("g")},
			"MessageDeduplicationId: required: the FIFO topic has no content-based deduplication"},
		{"group id too long", &tasks.SnsPublishProps{Topic: dedup, Message: msg, MessageGroupId: jsii.String(strings.Repeat("g", 129))},
			"MessageGroupId: must be 1 to 128 characters, got 129"},
		{"subject too long", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg, Subject: jsii.String(strings.Repeat("s", 100))},
			"Subject: must be 1 to 99 characters, got 100"},
		{"subject with a line break", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg, Subject: jsii.String("a\nb")},
			`Subject: "a\nb" has a line break or control character`},
		{"per-protocol message without default", &tasks.SnsPublishProps{Topic: alertsTopic(stack), MessagePerSubscriptionType: jsii.Bool(true),
			Message: tasks.TaskInput_FromObject(map[string]any{"email": "x"})}, `Message: with MessagePerSubscriptionType, give an object with a "default" string`},
		{"per-protocol text without default", &tasks.SnsPublishProps{Topic: alertsTopic(stack), MessagePerSubscriptionType: jsii.Bool(true),
			Message: msg}, `Message: with MessagePerSubscriptionType`},
		{"reserved attribute name", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: &map[string]*tasks.MessageAttribute{"AWS.trace": {Value: "x"}}}, "MessageAttributes.AWS.trace: names starting with AWS. or Amazon. are reserved"},
		{"bad attribute name", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: &map[string]*tasks.MessageAttribute{"a..b": {Value: "x"}}}, "MessageAttributes.a..b: an attribute name is 1 to 256 letters"},
		{"attribute without value", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg, MessageAttributes: attrs(&tasks.MessageAttribute{})},
			"MessageAttributes.a: required: the attribute's Value"},
		{"list typed Number", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: []any{1}, DataType: tasks.MessageAttributeDataType_NUMBER})},
			"MessageAttributes.a: DataType is Number but the value is a list: use String.Array"},
		{"number typed String", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: 1, DataType: tasks.MessageAttributeDataType_STRING})},
			"MessageAttributes.a: DataType is String but the value is a number: use Number"},
		{"boolean typed Number", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: true, DataType: tasks.MessageAttributeDataType_NUMBER})},
			"MessageAttributes.a: DataType is Number but the value is a boolean: use String"},
		{"text typed Number", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: "many", DataType: tasks.MessageAttributeDataType_NUMBER})},
			`MessageAttributes.a: DataType is Number but "many" is not a number`},
		{"text typed String.Array", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: "a,b", DataType: tasks.MessageAttributeDataType_STRING_ARRAY})},
			`MessageAttributes.a: DataType is String.Array but "a,b" is not a JSON array`},
		{"binary not text", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: 5, DataType: tasks.MessageAttributeDataType_BINARY})},
			"MessageAttributes.a: a Binary value is a base64 string"},
		{"unknown data type", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: "x", DataType: "Text"})},
			`MessageAttributes.a: DataType must be STRING, STRING_ARRAY, NUMBER or BINARY (MessageAttributeDataType_…), got "Text"`},
		{"nil attribute", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: &map[string]*tasks.MessageAttribute{"a": nil}},
			"MessageAttributes.a: required: the attribute's Value"},
		{"object value", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: map[string]any{"x": 1}})},
			"MessageAttributes.a: give a string, number, boolean or list, not an object"},
		{"list with an object", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: []any{map[string]any{"x": 1}}})},
			"MessageAttributes.a: item 0: a String.Array holds strings, numbers, booleans and nulls"},
		{"list with a dynamic item", &tasks.SnsPublishProps{Topic: alertsTopic(stack), Message: msg,
			MessageAttributes: attrs(&tasks.MessageAttribute{Value: tasks.List("a", tasks.Path("$.b"))})},
			"MessageAttributes.a: a value with dynamic parts must be one expression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, func() { tasks.NewSnsPublish(stack, jsii.String(tt.name), tt.props) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
