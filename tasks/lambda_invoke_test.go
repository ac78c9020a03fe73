package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestLambdaInvokeIAM(t *testing.T) {
	fnARN := arn("lambda", "function:hello")
	tests := []struct {
		name  string
		props func(fn awslambda.IFunction) *tasks.LambdaInvokeProps
		want  []string
	}{
		{"no qualifier: the function only, no :*", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn}
		}, []string{fnARN}},
		{"qualifier: the qualified ARN only", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, Qualifier: jsii.String("live")}
		}, []string{fnARN + ":live"}},
		{"dynamic qualifier: that function's qualifiers", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, Qualifier: tasks.StringAt("$.version")}
		}, []string{fnARN + ":*"}},
		{"payload response only", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, PayloadResponseOnly: jsii.Bool(true)}
		}, []string{fnARN}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), tt.props(function(stack, "hello")))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, tt.want...)}, got)
		})
	}
}

func TestLambdaInvokeRendering(t *testing.T) {
	stack := cdktest.NewStack()
	fn := function(stack, "hello")
	fnARN := arn("lambda", "function:hello")
	retry := []any{map[string]any{"ErrorEquals": []any{"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
		"Lambda.AWSLambdaException", "Lambda.SdkClientException"}, "IntervalSeconds": 2.0, "MaxAttempts": 6.0, "BackoffRate": 2.0}}

	a := tasks.NewLambdaInvoke(stack, jsii.String("Default"), &tasks.LambdaInvokeProps{LambdaFunction: fn, ResultPath: jsii.String("$.helloLambda")})
	b := tasks.NewLambdaInvoke(stack, jsii.String("CDK payload"), &tasks.LambdaInvokeProps{LambdaFunction: fn,
		Payload: sfn.TaskInput_FromJsonPathAt(jsii.String("$.helloLambda.Payload")), RetryOnServiceExceptions: jsii.Bool(false)})
	c := tasks.NewLambdaInvoke(stack, jsii.String("Callback"), &tasks.LambdaInvokeProps{LambdaFunction: fn,
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, InvocationType: tasks.LambdaInvocationType_EVENT,
		Payload:                  sfn.TaskInput_FromObject(&map[string]interface{}{"token": sfn.JsonPath_TaskToken(), "id": sfn.JsonPath_StringAt(jsii.String("$.id"))}),
		RetryOnServiceExceptions: jsii.Bool(false)})
	d := tasks.NewLambdaInvoke(stack, jsii.String("Direct"), &tasks.LambdaInvokeProps{LambdaFunction: fn, PayloadResponseOnly: jsii.Bool(true),
		Payload: tasks.TaskInput_FromObject(map[string]any{"args": tasks.List("run", tasks.Path("$.script"))}), RetryOnServiceExceptions: jsii.Bool(false)})
	tpl := machine(t, stack, a.Next(b).Next(c).Next(d))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::lambda:invoke", "Next": "CDK payload",
		"Parameters": map[string]any{"FunctionName": fnARN, "Payload.$": "$"}, "ResultPath": "$.helloLambda", "Retry": retry},
		state(t, tpl, "Default"))
	assert.Equal(t, map[string]any{"FunctionName": fnARN, "Payload.$": "$.helloLambda.Payload"}, state(t, tpl, "CDK payload")["Parameters"])
	callback := state(t, tpl, "Callback")
	assert.Equal(t, "arn:"+partition+":states:::lambda:invoke.waitForTaskToken", callback["Resource"])
	assert.Equal(t, map[string]any{"FunctionName": fnARN, "InvocationType": "Event",
		"Payload": map[string]any{"token.$": "$$.Task.Token", "id.$": "$.id"}}, callback["Parameters"])
	direct := state(t, tpl, "Direct")
	assert.Equal(t, fnARN, direct["Resource"])
	assert.Equal(t, map[string]any{"args.$": "States.Array('run', $.script)"}, direct["Parameters"])
}

func TestLambdaInvokeJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{
		LambdaFunction: function(stack, "hello"), QueryLanguage: sfn.QueryLanguage_JSONATA,
		Payload:                  tasks.TaskInput_FromObject(map[string]any{"id": tasks.JSONata("$states.input.id"), "n": 1}),
		Outputs:                  "{% $states.result.Payload %}",
		RetryOnServiceExceptions: jsii.Bool(false),
	})
	got := state(t, machine(t, stack, task), "Invoke")
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "End": true,
		"Resource": "arn:" + partition + ":states:::lambda:invoke", "Output": "{% $states.result.Payload %}",
		"Arguments": map[string]any{"FunctionName": arn("lambda", "function:hello"),
			"Payload": map[string]any{"id": "{% $states.input.id %}", "n": 1.0}}}, got)
}

func TestLambdaInvokeErrors(t *testing.T) {
	tests := []struct {
		name  string
		props func(fn awslambda.IFunction) *tasks.LambdaInvokeProps
		want  string
	}{
		{"callback without the token", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}
		}, "Parameters: integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token in the payload"},
		{"RUN_JOB", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB}
		}, "IntegrationPattern: RUN_JOB is not supported by lambda:invoke; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
		{"malformed path", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, Payload: tasks.TaskInput_FromObject(map[string]any{"a": tasks.Path("$.a[")})}
		}, `Parameters.Payload.a: invalid JSONPath "$.a[": unclosed '['`},
		{"unknown intrinsic", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, Qualifier: tasks.StringAt("States.Fromat('{}', $.v)")}
		}, `Parameters.Qualifier: invalid intrinsic function "States.Fromat('{}', $.v)": unknown function "States.Fromat"`},
		{"JSONata in a JSONPath state", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, Payload: tasks.TaskInput_FromObject(map[string]any{"a": "{% $states.input.a %}"})}
		}, `Parameters.Payload.a: JSONata "{% $states.input.a %}" in a JSONPath state: set QueryLanguage to JSONATA`},
		{"JSONPath in a JSONata state", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, QueryLanguage: sfn.QueryLanguage_JSONATA, Payload: tasks.TaskInput_FromJsonPathAt("$.a")}
		}, `Parameters.Payload: JSONPath "$.a" in a JSONata state`},
		{"bad invocation type", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, InvocationType: "Later"}
		}, `InvocationType: must be RequestResponse, Event or DryRun (or dynamic), got "Later"`},
		{"payload response only with callback", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, PayloadResponseOnly: jsii.Bool(true), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Payload: tasks.TaskInput_FromObject(map[string]any{"t": tasks.Path("$$.Task.Token")})}
		}, "PayloadResponseOnly: works only with REQUEST_RESPONSE"},
		{"no function", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps { return &tasks.LambdaInvokeProps{} },
			"LambdaFunction: required"},
		{"ResultPath typo", func(fn awslambda.IFunction) *tasks.LambdaInvokeProps {
			return &tasks.LambdaInvokeProps{LambdaFunction: fn, ResultPath: jsii.String("$.result..x")}
		}, `ResultPath: invalid JSONPath "$.result..x": a reference path cannot use '..'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			fn := function(stack, "hello")
			msg := validationError(t, func() { tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), tt.props(fn)) })
			assert.Contains(t, msg, `sfnkit LambdaInvoke "Test/Invoke" is invalid:`)
			assert.Contains(t, msg, tt.want)
		})
	}
}
