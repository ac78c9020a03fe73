package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const childARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:child"

func childMachine(stack awscdk.Stack) sfn.IStateMachine {
	return sfn.StateMachine_FromStateMachineArn(stack, jsii.String("Child"), jsii.String(childARN))
}

var sfnRule = stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"},
	arn("events", "rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"))

func TestStepFunctionsStartExecutionRendering(t *testing.T) {
	stack := cdktest.NewStack()
	child := childMachine(stack)
	rr := tasks.NewStepFunctionsStartExecution(stack, jsii.String("RR"), &tasks.StepFunctionsStartExecutionProps{StateMachine: child,
		Name: tasks.StringAt("$.name")})
	sync := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Sync2"), &tasks.StepFunctionsStartExecutionProps{StateMachine: child,
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, AssociateWithParent: jsii.Bool(true),
		Input: tasks.TaskInput_FromObject(map[string]any{"id": tasks.Path("$.id")})})
	str := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Sync"), &tasks.StepFunctionsStartExecutionProps{StateMachine: child,
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, OutputAsString: jsii.Bool(true), AssociateWithParent: jsii.Bool(true)})
	cb := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Callback"), &tasks.StepFunctionsStartExecutionProps{StateMachine: child,
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, Name: jsii.String("MyExecutionName"),
		Input: sfn.TaskInput_FromObject(&map[string]interface{}{"token": sfn.JsonPath_TaskToken(), "foo": "bar"})})
	tpl := machine(t, stack, rr.Next(sync).Next(str).Next(cb))

	res := "arn:" + partition + ":states:::states:startExecution"
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res, "Next": "Sync2",
		"Parameters": map[string]any{"StateMachineArn": childARN, "Input.$": "$", "Name.$": "$.name"}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".sync:2", "Next": "Sync",
		"Parameters": map[string]any{"StateMachineArn": childARN, "Input": map[string]any{"id.$": "$.id",
			"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}}}, state(t, tpl, "Sync2"))
	assert.Equal(t, res+".sync", state(t, tpl, "Sync")["Resource"])
	assert.Equal(t, map[string]any{"StateMachineArn": childARN, "Input": map[string]any{
		"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id"}}, state(t, tpl, "Sync")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".waitForTaskToken", "End": true,
		"Parameters": map[string]any{"StateMachineArn": childARN, "Name": "MyExecutionName",
			"Input": map[string]any{"token.$": "$$.Task.Token", "foo": "bar"}}}, state(t, tpl, "Callback"))
}

func TestStepFunctionsStartExecutionJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Start"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine: childMachine(stack), QueryLanguage: sfn.QueryLanguage_JSONATA, AssociateWithParent: jsii.Bool(true)})
	got := state(t, machine(t, stack, task), "Start")
	assert.Equal(t, map[string]any{"StateMachineArn": childARN, "Input": map[string]any{
		"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": "{% $states.context.Execution.Id %}"}}, got["Arguments"])
}

func TestStepFunctionsStartExecutionIAM(t *testing.T) {
	start := []string{"states:StartExecution"}
	describe := []string{"states:DescribeExecution", "states:StopExecution"}
	type test struct {
		name           string
		pattern        sfn.IntegrationPattern
		dynamic        bool
		want           []map[string]any
		outputAsString bool
	}
	tests := []test{
		{"request response", "", false, []map[string]any{stmt(start, childARN)}, false},
		{"callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, false, []map[string]any{stmt(start, childARN)}, false},
		{"run job: that machine's executions, with the colon", sfn.IntegrationPattern_RUN_JOB, false, []map[string]any{
			stmt(start, childARN), stmt(describe, "arn:aws:states:eu-west-1:111122223333:execution:child:*"), sfnRule}, false},
		{"dynamic request response", "", true, []map[string]any{stmt(start, arn("states", "stateMachine:*"))}, false},
		{"dynamic run job", sfn.IntegrationPattern_RUN_JOB, true, []map[string]any{
			stmt(start, arn("states", "stateMachine:*")), stmt(describe, arn("states", "execution:*:*")), sfnRule}, false},
		{"dynamic callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, true, []map[string]any{stmt(start, arn("states", "stateMachine:*"))}, false},
	}
	// RUN_JOB with OutputAsString (.sync) needs exactly what .sync:2 does.
	for _, tt := range tests {
		if tt.pattern == sfn.IntegrationPattern_RUN_JOB {
			tt.name += " (.sync)"
			tt.outputAsString = true
			tests = append(tests, tt)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			props := &tasks.StepFunctionsStartExecutionProps{IntegrationPattern: tt.pattern, OutputAsString: jsii.Bool(tt.outputAsString),
				Input: tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})}
			if tt.dynamic {
				props.StateMachineArn = tasks.StringAt("$.machine")
			} else {
				props.StateMachine = childMachine(stack)
			}
			task := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Start"), props)
			tpl := machine(t, stack, task)
			if tt.outputAsString {
				assert.Equal(t, "arn:"+partition+":states:::states:startExecution.sync", state(t, tpl, "Start")["Resource"])
			}
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(cdktest.RoleStatements(t, tpl)))
		})
	}
}

// A state machine of the same app: its ARN is a token, split in CloudFormation.
func TestStepFunctionsStartExecutionOwnMachine(t *testing.T) {
	stack := cdktest.NewStack()
	child := sfn.NewStateMachine(stack, jsii.String("ChildStateMachine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(stack, jsii.String("PassState"), nil))})
	task := tasks.NewStepFunctionsStartExecution(stack, jsii.String("ChildTask"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine: child, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	sfn.NewStateMachine(stack, jsii.String("Parent"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	tpl := cdktest.Template(t, stack)
	cdktest.Golden(t, "stepfunctions_start_execution_sync", cdktest.Snapshot(tpl))
	var executions []string
	for _, s := range cdktest.RoleStatements(t, tpl) {
		if s["Action"].([]string)[0] == "states:DescribeExecution" {
			executions = s["Resource"].([]string)
		}
	}
	if assert.Len(t, executions, 1) {
		assert.Regexp(t, `:execution:.*ChildStateMachine.*:\*$`, executions[0])
	}
}

func TestStepFunctionsStartExecutionErrors(t *testing.T) {
	tests := []struct {
		name  string
		props func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps
		want  string
	}{
		{"callback without the token", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Input: tasks.TaskInput_FromObject(map[string]any{"foo": "bar"})}
		}, "Input: integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"name too long", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), Name: jsii.String(strings.Repeat("é", 81))}
		}, "Name: must be 1 to 80 characters, got 81"},
		{"name with a noncharacter", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), Name: jsii.String("run-\uffff")}
		}, `Name: "run-\uffff" has a character StartExecution rejects`},
		{"name with a rejected character", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), Name: jsii.String("run #1")}
		}, `Name: "run #1" has a character StartExecution rejects (" ")`},
		{"associate with a path input", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), AssociateWithParent: jsii.Bool(true),
				Input: sfn.TaskInput_FromJsonPathAt(jsii.String("$.input"))}
		}, "AssociateWithParent: needs Input to be an object"},
		{"associate with a text input", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), AssociateWithParent: jsii.Bool(true),
				Input: tasks.TaskInput_FromText("go")}
		}, "AssociateWithParent: needs Input to be an object (tasks.TaskInput_FromObject or sfn.TaskInput_FromObject) to add AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID to it; Input is taken whole from a literal"},
		{"string output without RUN_JOB", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{StateMachine: childMachine(stack), OutputAsString: jsii.Bool(true)}
		}, "OutputAsString: only applies to RUN_JOB"},
		{"no machine", func(stack awscdk.Stack) *tasks.StepFunctionsStartExecutionProps {
			return &tasks.StepFunctionsStartExecutionProps{}
		}, "StateMachine: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewStepFunctionsStartExecution(stack, jsii.String("Start"), tt.props(stack)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}

func TestStepFunctionsInvokeActivity(t *testing.T) {
	stack := cdktest.NewStack()
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	plain := sfn.NewActivity(stack, jsii.String("SubmitJob"), nil)
	encrypted := sfn.NewActivity(stack, jsii.String("Encrypted"), &sfn.ActivityProps{
		EncryptionConfiguration: sfn.NewCustomerManagedEncryptionConfiguration(key, nil)})
	a := tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Submit Job"), &tasks.StepFunctionsInvokeActivityProps{Activity: plain,
		HeartbeatTimeout: sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(60))),
		Parameters: &map[string]interface{}{
			"comment": "Selecting what I care about.",
			"MyDetails": map[string]interface{}{
				"size":        sfn.JsonPath_StringAt(jsii.String("$.product.details.size")),
				"exists":      sfn.JsonPath_StringAt(jsii.String("$.product.availability")),
				"StaticValue": "foo",
			},
		}})
	b := tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Encrypted Job"), &tasks.StepFunctionsInvokeActivityProps{Activity: encrypted})
	tpl := machine(t, stack, a.Next(b))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "${SubmitJobFB773A16}", "Next": "Encrypted Job", "HeartbeatSeconds": 60.0,
		"Parameters": map[string]any{"comment": "Selecting what I care about.",
			"MyDetails": map[string]any{"size.$": "$.product.details.size", "exists.$": "$.product.availability", "StaticValue": "foo"}}},
		state(t, tpl, "Submit Job"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "${Encrypted084288C2}", "End": true}, state(t, tpl, "Encrypted Job"))
	got := cdktest.RoleStatements(t, tpl)
	assert.Equal(t, []map[string]any{{"Action": []string{"kms:Decrypt", "kms:GenerateDataKey"}, "Effect": "Allow",
		"Resource":  []string{"${Key961B73FD.Arn}"},
		"Condition": map[string]any{"StringEquals": map[string]any{"kms:EncryptionContext:aws:states:activityArn": map[string]any{"Ref": "Encrypted084288C2"}}}}}, got)
	cdktest.Golden(t, "stepfunctions_invoke_activity", cdktest.Snapshot(tpl))

	msg := validationError(t, func() {
		tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Sync"), &tasks.StepFunctionsInvokeActivityProps{Activity: plain,
			IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	})
	assert.Contains(t, msg, "IntegrationPattern: RUN_JOB is not supported here")
}

// Arguments in a JSONata state; each misuse named.
func TestStepFunctionsInvokeActivityJSONataAndErrors(t *testing.T) {
	stack := cdktest.NewStack()
	activity := sfn.NewActivity(stack, jsii.String("Work"), nil)
	task := tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Work Task"), &tasks.StepFunctionsInvokeActivityProps{Activity: activity,
		QueryLanguage: sfn.QueryLanguage_JSONATA, Arguments: map[string]any{"size": "{% $states.input.size %}", "fixed": 1},
		HeartbeatTimeout: sfn.Timeout_Jsonata(jsii.String("{% $states.input.heartbeat %}"))})
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "Resource": ref(stack, activity, ""), "End": true,
		"HeartbeatSeconds": "{% $states.input.heartbeat %}", "Arguments": map[string]any{"size": "{% $states.input.size %}", "fixed": 1.0}},
		state(t, machine(t, stack, task), "Work Task"))

	for _, tt := range []struct {
		name  string
		props *tasks.StepFunctionsInvokeActivityProps
		want  string
	}{
		{"both Parameters and Arguments", &tasks.StepFunctionsInvokeActivityProps{Activity: activity,
			Parameters: &map[string]interface{}{"a": 1}, Arguments: map[string]any{"a": 1}}, "Parameters: give Parameters (JSONPath) or Arguments (JSONata), not both"},
		{"callback", &tasks.StepFunctionsInvokeActivityProps{Activity: activity, IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
			Parameters: &map[string]interface{}{"token": sfn.JsonPath_TaskToken()}}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported here; supported: REQUEST_RESPONSE"},
		{"no activity", &tasks.StepFunctionsInvokeActivityProps{}, "Activity: required"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, validationError(t, func() { tasks.NewStepFunctionsInvokeActivity(stack, jsii.String(tt.name), tt.props) }), tt.want)
		})
	}
}
