package tasks_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
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

// evalFunctionID is the logical ID of the CDK's Eval function without a
// runtime (the UUID for "no runtime"): sfnkit's is the same resource.
const evalFunctionID = "Eval41256dc5445742738ed917bc818694e5"

func TestEvaluateExpressionLambdaRendering(t *testing.T) {
	stack := cdktest.NewStack()
	sum := tasks.NewEvaluateExpression(stack, jsii.String("Sum"), &tasks.EvaluateExpressionProps{
		Expression: jsii.String("$.a + $.b"), ResultPath: jsii.String("$.sum")})
	greet := tasks.NewEvaluateExpression(stack, jsii.String("Greet"), &tasks.EvaluateExpressionProps{
		Expression: jsii.String("`${$.greeting}, ${$.names[0]}!`")})
	jsonata := tasks.NewEvaluateExpression(stack, jsii.String("JSONata"), &tasks.EvaluateExpressionProps{
		QueryLanguage: sfn.QueryLanguage_JSONATA, Expression: jsii.String("$.items.length > $.limit"),
		Outputs: map[string]interface{}{"big": "{% $states.result %}"}})
	tpl := machine(t, stack, sum.Next(greet).Next(jsonata))

	fn := "${" + evalFunctionID + "4EB1134F.Arn}"
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": fn, "Next": "Greet", "ResultPath": "$.sum", "Parameters": map[string]any{
		"expression": "$.a + $.b", "expressionAttributeValues": map[string]any{"$.a.$": "$.a", "$.b.$": "$.b"}}}, state(t, tpl, "Sum"))
	assert.Equal(t, map[string]any{"expression": "`${$.greeting}, ${$.names[0]}!`",
		"expressionAttributeValues": map[string]any{"$.greeting.$": "$.greeting", "$.names[0].$": "$.names[0]"}}, state(t, tpl, "Greet")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "Resource": fn, "End": true,
		"Output": map[string]any{"big": "{% $states.result %}"},
		"Arguments": map[string]any{"expression": "$.items.length > $.limit", "expressionAttributeValues": map[string]any{
			"$.items.length": "{% $states.input.items.length %}", "$.limit": "{% $states.input.limit %}"}}}, state(t, tpl, "JSONata"))
	// One function for the three tasks, invoked by exactly its ARN.
	assert.Len(t, cdktest.Resources(tpl, "AWS::Lambda::Function"), 1)
	assert.Contains(t, cdktest.RoleStatements(t, tpl), stmt([]string{"lambda:InvokeFunction"}, fn))
	cdktest.Golden(t, "evaluate_expression_lambda", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

// The function is the CDK's: same logical IDs, code asset, runtime and
// role, for each runtime and architecture; and the same construct tree
// (the task's EvalFunction).
func TestEvaluateExpressionFunctionIsTheCDKs(t *testing.T) {
	for _, c := range []struct {
		name    string
		runtime awslambda.Runtime
		arch    awslambda.Architecture
	}{
		{"latest Node.js", nil, nil},
		{"Node.js 20 on arm64", awslambda.Runtime_NODEJS_20_X(), awslambda.Architecture_ARM_64()},
		{"Node.js 22", awslambda.Runtime_NODEJS_22_X(), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			app := cdktest.NewApp()
			cdkStack := awscdk.NewStack(app, jsii.String("Cdk"), cdktest.StackProps())
			cdkTask := cdktasks.NewEvaluateExpression(cdkStack, jsii.String("Task"), &cdktasks.EvaluateExpressionProps{
				Expression: jsii.String("$.a * 2"), Runtime: c.runtime, Architecture: c.arch})
			sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(cdkTask)})
			ourStack := awscdk.NewStack(app, jsii.String("Ours"), cdktest.StackProps())
			ourTask := tasks.NewEvaluateExpression(ourStack, jsii.String("Task"), &tasks.EvaluateExpressionProps{
				Expression: jsii.String("$.a * 2"), Runtime: c.runtime, Architecture: c.arch})
			sfn.NewStateMachine(ourStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(ourTask)})
			want, got := cdktest.Template(t, cdkStack), cdktest.Template(t, ourStack)
			for _, typ := range []string{"AWS::Lambda::Function", "AWS::IAM::Role"} {
				assert.Equal(t, cdktest.Resources(want, typ), cdktest.Resources(got, typ), typ)
			}
			assert.Equal(t, want["Mappings"], got["Mappings"])
			assert.Equal(t, cdktest.Definition(t, want), cdktest.Definition(t, got))
			assert.NotNil(t, ourTask.Node().TryFindChild(jsii.String("EvalFunction")), "the task's EvalFunction, as the CDK's")
		})
	}
}

func TestEvaluateExpressionErrors(t *testing.T) {
	tests := []struct {
		name  string
		props *tasks.EvaluateExpressionProps
		want  string
	}{
		{"no expression", &tasks.EvaluateExpressionProps{}, "Expression: required"},
		{"path inside a string", &tasks.EvaluateExpressionProps{Expression: jsii.String("'$.a' + $.b")},
			`Expression: state path(s) ["$.a"] are used as literal text inside a plain string`},
		{"path in template text", &tasks.EvaluateExpressionProps{Expression: jsii.String("`total $.a`")},
			`Expression: state path(s) ["$.a"] are used as literal text inside a template literal`},
		{"not Node.js", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), Runtime: awslambda.Runtime_PYTHON_3_12()},
			"Runtime: must be a Node.js runtime from nodejs10.x to nodejs24.x (the handler is JavaScript), got python3.12"},
		{"run job", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB},
			"IntegrationPattern: RUN_JOB is not supported here; supported: REQUEST_RESPONSE"},
		{"unknown engine", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), Engine: "PYTHON"},
			`Engine: must be LAMBDA or JSONATA, got "PYTHON"`},
		{"bad path", &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a[x] + 1")}, `Parameters.expressionAttributeValues.$.a[x]: invalid JSONPath`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() { tasks.NewEvaluateExpression(stack, jsii.String("Eval"), tt.props) }), tt.want)
		})
	}
}

// Run locally: the function gets the expression and the paths' values.
func TestEvaluateExpressionLambdaRun(t *testing.T) {
	stack := cdktest.NewStack()
	eval := tasks.NewEvaluateExpression(stack, jsii.String("Seconds"), &tasks.EvaluateExpressionProps{
		Expression: jsii.String("$.waitMilliseconds / 1000"), ResultPath: jsii.String("$.waitSeconds")})
	fallback := sfn.NewPass(stack, jsii.String("Fallback"), &sfn.PassProps{Result: sfn.Result_FromNumber(jsii.Number(1)), ResultPath: jsii.String("$.waitSeconds")})
	eval.AddCatch(fallback, &sfn.CatchProps{Errors: jsii.Strings("States.TaskFailed")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(eval)})
	var got any
	res := integ.Run(t, stack, sm, map[string]any{"waitMilliseconds": 2500}, integ.Mocks{
		"Seconds": integ.Func(func(in any) (any, error) { got = in; return 2.5, nil }),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"expression": "$.waitMilliseconds / 1000", "expressionAttributeValues": map[string]any{"$.waitMilliseconds": 2500.0}}, got)
	assert.Equal(t, map[string]any{"waitMilliseconds": 2500.0, "waitSeconds": 2.5}, res.Output)

	res = integ.Run(t, stack, sm, map[string]any{"waitMilliseconds": 2500}, integ.Mocks{"Seconds": integ.Fail("States.TaskFailed", "boom")})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, 1.0, res.Output.(map[string]any)["waitSeconds"])
}

// In a fragments.Workflow the function is made beside the task (the task
// is held in Go); the definition is the CDK path's.
func TestEvaluateExpressionWorkflowFastPath(t *testing.T) {
	build := func(scope constructs.Construct) sfn.IChainable {
		a := tasks.NewEvaluateExpression(scope, jsii.String("A"), &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a + 1"), ResultPath: jsii.String("$.a")})
		b := tasks.NewEvaluateExpression(scope, jsii.String("B"), &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a * 2"), Engine: tasks.EvaluateExpressionEngine_JSONATA})
		return a.Next(b)
	}
	cdkStack := cdktest.NewStack()
	cdkTpl := machine(t, cdkStack, build(cdkStack))
	goStack := cdktest.NewStack()
	w := fragments.NewWorkflow(goStack, jsii.String("W"))
	fragments.NewStateMachine(goStack, jsii.String("Machine"), build(w), nil)
	goTpl := cdktest.Template(t, goStack)
	assert.NotNil(t, w.Node().TryFindChild(jsii.String("AEvalFunction")))
	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, goTpl))
	assert.Equal(t, cdktest.SortedStatements(cdktest.RoleStatements(t, cdkTpl)), cdktest.SortedStatements(cdktest.RoleStatements(t, goTpl)))
}

func evalPass(t *testing.T, props *tasks.EvaluateExpressionProps) map[string]any {
	t.Helper()
	stack := cdktest.NewStack()
	props.Engine = tasks.EvaluateExpressionEngine_JSONATA
	task := tasks.NewEvaluateExpression(stack, jsii.String("Eval"), props)
	tpl := machine(t, stack, task)
	assert.Empty(t, cdktest.Resources(tpl, "AWS::Lambda::Function"), "the JSONATA engine makes no function")
	return state(t, tpl, "Eval")
}

func TestEvaluateExpressionJSONataEngineRendering(t *testing.T) {
	sum := `(($type($states.input.a) = "string" or $type($states.input.b) = "string") ? ` +
		`($type($states.input.a) = "array" ? $join([$states.input.a.$string()], ",") : $type($states.input.a) = "object" ? "[object Object]" : $states.input.a) & ` +
		`($type($states.input.b) = "array" ? $join([$states.input.b.$string()], ",") : $type($states.input.b) = "object" ? "[object Object]" : $states.input.b) : ` +
		`$states.input.a + $states.input.b)`
	tests := []struct {
		name  string
		props *tasks.EvaluateExpressionProps
		want  map[string]any
	}{
		{"translated, the value is the output", &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a * 2 + 1")},
			map[string]any{"Output": "{% (($states.input.a * 2) + 1) %}"}},
		{"translated, + decided at run time", &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a + $.b"), Comment: jsii.String("sum")},
			map[string]any{"Output": "{% " + sum + " %}", "Comment": "sum"}},
		{"ResultPath", &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a * 2"), ResultPath: jsii.String("$.out.double")},
			map[string]any{"Output": `{% $merge([$states.input, {"out": $merge([$states.input.out, {"double": ($states.input.a * 2)}])}]) %}`}},
		{"InputPath, OutputPath", &tasks.EvaluateExpressionProps{Expression: jsii.String("$.price * 2"), InputPath: jsii.String("$.item"),
			ResultPath: jsii.String("$.total"), OutputPath: jsii.String("$.total")},
			map[string]any{"Output": `{% ($merge([$states.input, {"total": ($states.input.item.price * 2)}])).total %}`}},
		{"ResultPath DISCARD", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), ResultPath: jsii.String(tasks.Discard)},
			map[string]any{"Output": "{% $states.input %}"}},
		{"JSONPath Assign", &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a - 1"),
			Assign: &map[string]interface{}{"left.$": "$", "id.$": "$$.Execution.Id", "fixed": 3}},
			map[string]any{"Output": "{% ($states.input.a - 1) %}", "Assign": map[string]any{
				"left": "{% (($states.input.a - 1)) %}", "id": "{% $states.context.Execution.Id %}", "fixed": 3.0}}},
		{"JSONata written out", &tasks.EvaluateExpressionProps{Expression: jsii.String("{% $sum($states.input.items.price) %}")},
			map[string]any{"Output": "{% $sum($states.input.items.price) %}"}},
		{"JSONata state: $states.result is the value", &tasks.EvaluateExpressionProps{QueryLanguage: sfn.QueryLanguage_JSONATA,
			Expression: jsii.String("{% $count($states.input.items) %}"),
			Outputs:    map[string]interface{}{"n": "{% $states.result %}", "label": "{% '$states.result: ' & $states.result %}"},
			Assign:     &map[string]interface{}{"count": "{% $states.result + 0 %}"}},
			map[string]any{
				"Output": map[string]any{"n": "{% ($count($states.input.items)) %}", "label": "{% '$states.result: ' & ($count($states.input.items)) %}"},
				"Assign": map[string]any{"count": "{% ($count($states.input.items)) + 0 %}"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := map[string]any{"Type": "Pass", "QueryLanguage": "JSONata", "End": true}
			for k, v := range tt.want {
				want[k] = v
			}
			assert.Equal(t, want, evalPass(t, tt.props))
		})
	}
}

// The Pass state's output, evaluated by JSONata, is the output the Lambda
// form gives: a local run of the JSONATA engine (aws-local-stepfunctions
// cannot run JSONata, so node's jsonata evaluates the state's Output).
func TestEvaluateExpressionJSONataEngineRun(t *testing.T) {
	input := map[string]any{"item": map[string]any{"price": 21.0, "name": "pen"}, "a": 4.0, "out": map[string]any{"keep": true}}
	tests := []struct {
		props *tasks.EvaluateExpressionProps
		want  string
	}{
		{&tasks.EvaluateExpressionProps{Expression: jsii.String("$.a * 2 + 1")}, `9`},
		{&tasks.EvaluateExpressionProps{Expression: jsii.String("`${$.name}: ${$.price * 2}`"), InputPath: jsii.String("$.item")}, `"pen: 42"`},
		{&tasks.EvaluateExpressionProps{Expression: jsii.String("$.a / 2"), ResultPath: jsii.String("$.out.half")},
			`{"item":{"price":21,"name":"pen"},"a":4,"out":{"keep":true,"half":2}}`},
		{&tasks.EvaluateExpressionProps{Expression: jsii.String("$.a / 2"), ResultPath: jsii.String("$.out.half"), OutputPath: jsii.String("$.out")},
			`{"keep":true,"half":2}`},
		{&tasks.EvaluateExpressionProps{Expression: jsii.String("$.a > 3 ? 'big' : 'small'"), ResultPath: jsii.String("$.size")},
			`{"item":{"price":21,"name":"pen"},"a":4,"out":{"keep":true},"size":"big"}`},
	}
	var cases []evalCase
	for _, tt := range tests {
		out := evalPass(t, tt.props)["Output"].(string)
		body := strings.TrimSuffix(strings.TrimPrefix(out, "{% "), " %}")
		cases = append(cases, evalCase{Expression: "0", JSONata: body, Input: input})
	}
	for i, r := range compareEvaluations(t, cases) {
		require.Nil(t, r.JSONata.Err, cases[i].JSONata)
		var want, got any
		require.NoError(t, json.Unmarshal([]byte(tests[i].want), &want))
		require.NoError(t, json.Unmarshal([]byte(*r.JSONata.OK), &got))
		assert.Equal(t, want, got, cases[i].JSONata)
	}
}

func TestEvaluateExpressionJSONataEngineValidates(t *testing.T) {
	stack := cdktest.NewStack()
	a := tasks.NewEvaluateExpression(stack, jsii.String("A"), &tasks.EvaluateExpressionProps{Engine: tasks.EvaluateExpressionEngine_JSONATA,
		Expression: jsii.String("Math.max($.a, 1)"), ResultPath: jsii.String("$.m"), StateName: jsii.String("Clamp")})
	b := tasks.NewEvaluateExpression(stack, jsii.String("B"), &tasks.EvaluateExpressionProps{Engine: tasks.EvaluateExpressionEngine_JSONATA,
		QueryLanguage: sfn.QueryLanguage_JSONATA, Expression: jsii.String("{% $states.input.m * 2 %}")})
	def := cdktest.Definition(t, machine(t, stack, a.Next(b)))
	assert.Equal(t, "Clamp", def["StartAt"])
	integ.Validate(t, stack)
}

func TestEvaluateExpressionJSONataEngineErrors(t *testing.T) {
	tests := []struct {
		name  string
		props *tasks.EvaluateExpressionProps
		want  string
	}{
		{"runtime", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), Runtime: awslambda.Runtime_NODEJS_22_X()},
			"Runtime: the JSONATA engine makes a Pass state, which has no Lambda function"},
		{"timeout", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), TaskTimeout: sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(5)))},
			"TaskTimeout: the JSONATA engine makes a Pass state, which has no timeout"},
		{"credentials", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), Credentials: &sfn.Credentials{Role: sfn.TaskRole_FromRoleArnJsonPath(jsii.String("$.role"))}},
			"Credentials: the JSONATA engine makes a Pass state, which has no credentials"},
		{"callback", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN},
			"IntegrationPattern: the JSONATA engine makes a Pass state, which has no integration pattern"},
		{"untranslatable", &tasks.EvaluateExpressionProps{Expression: jsii.String("($.list).map(x => x * 2)")},
			`Expression: the JSONATA engine cannot translate it: at offset 9: the method "map" is not translated`},
		{"unknown name", &tasks.EvaluateExpressionProps{Expression: jsii.String("foo + 1")},
			`Expression: the JSONATA engine cannot translate it: at offset 0: the name "foo" is not translated`},
		{"bad JSONata", &tasks.EvaluateExpressionProps{Expression: jsii.String("{% ($x %}")}, "Expression: invalid JSONata"},
		{"result selector", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), ResultSelector: &map[string]interface{}{"a.$": "$"}},
			"ResultSelector: the JSONATA engine has no service result to select from"},
		{"result path into a list", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), ResultPath: jsii.String("$.list[0]")},
			"ResultPath: the JSONATA engine places the value at a path of field names"},
		{"intrinsic in Assign", &tasks.EvaluateExpressionProps{Expression: jsii.String("1"), Assign: &map[string]interface{}{"x.$": "States.UUID()"}},
			"Assign.x: the JSONATA engine translates literals and paths in Assign"},
		{"InputPath with JSONata written out", &tasks.EvaluateExpressionProps{Expression: jsii.String("{% 1 %}"), InputPath: jsii.String("$.a")},
			"InputPath: a JSONata expression reads the input as $states.input"},
		{"JSONPath fields in a JSONata state", &tasks.EvaluateExpressionProps{QueryLanguage: sfn.QueryLanguage_JSONATA, Expression: jsii.String("1"), ResultPath: jsii.String("$.x")},
			"ResultPath: only JSONPath states have ResultPath"},
		{"path inside a string", &tasks.EvaluateExpressionProps{Expression: jsii.String("'$.a'")},
			`Expression: state path(s) ["$.a"] are used as literal text inside a plain string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			tt.props.Engine = tasks.EvaluateExpressionEngine_JSONATA
			assert.Contains(t, validationError(t, func() { tasks.NewEvaluateExpression(stack, jsii.String("Eval"), tt.props) }), tt.want)
		})
	}
}

// A Pass state cannot retry or catch: asking is an error at once.
func TestEvaluateExpressionJSONataEngineHasNoRetry(t *testing.T) {
	stack := cdktest.NewStack()
	eval := tasks.NewEvaluateExpression(stack, jsii.String("Eval"), &tasks.EvaluateExpressionProps{
		Engine: tasks.EvaluateExpressionEngine_JSONATA, Expression: jsii.String("1")})
	assert.Contains(t, validationError(t, func() { eval.AddRetry(&sfn.RetryProps{}) }), "AddRetry: with the JSONATA engine the state is a Pass state, which cannot retry or catch")
	assert.Contains(t, validationError(t, func() { eval.AddCatch(sfn.NewPass(stack, jsii.String("P"), nil), nil) }), "AddCatch:")
}
