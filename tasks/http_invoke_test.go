package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	httpConnARN   = "arn:aws:events:us-east-1:111122223333:connection/payments/6c0a7a4e-1f2b-4c3d-8e9f-0a1b2c3d4e5f"
	httpSecretARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:events!connection/payments/6c0a7a4e-AbCdEf"
)

var httpConnections = map[constructs.Construct]awsevents.IConnection{}

// httpConnection is an imported connection, one per scope.
func httpConnection(scope constructs.Construct) awsevents.IConnection {
	if c, ok := httpConnections[scope]; ok {
		return c
	}
	c := awsevents.Connection_FromConnectionAttributes(scope, jsii.String("Connection"), &awsevents.ConnectionAttributes{
		ConnectionName: jsii.String("payments"), ConnectionArn: jsii.String(httpConnARN), ConnectionSecretArn: jsii.String(httpSecretARN)})
	httpConnections[scope] = c
	return c
}

func httpProps(scope constructs.Construct, mod func(p *tasks.HttpInvokeProps)) *tasks.HttpInvokeProps {
	p := &tasks.HttpInvokeProps{
		ApiRoot:     jsii.String("https://api.example.com"),
		ApiEndpoint: tasks.TaskInput_FromText("v1/charges"),
		Connection:  httpConnection(scope),
		Method:      tasks.TaskInput_FromText("POST"),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestHttpInvokeRendering(t *testing.T) {
	stack := cdktest.NewStack()
	literal := tasks.NewHttpInvoke(stack, jsii.String("Literal"), httpProps(stack, func(p *tasks.HttpInvokeProps) {
		p.Headers = tasks.TaskInput_FromObject(map[string]interface{}{"Idempotency-Key": tasks.Path("$$.Execution.Name")})
		p.QueryStringParameters = tasks.TaskInput_FromObject(map[string]interface{}{"expand": "customer"})
		p.Body = tasks.TaskInput_FromObject(map[string]interface{}{"amount": tasks.Path("$.amount"), "currency": "eur"})
		p.UrlEncodingFormat = tasks.URLEncodingFormat_INDICES
	}))
	dynamic := tasks.NewHttpInvoke(stack, jsii.String("Dynamic"), httpProps(stack, func(p *tasks.HttpInvokeProps) {
		p.ApiEndpoint = sfn.TaskInput_FromText(sfn.JsonPath_Format(jsii.String("v1/charges/{}"), sfn.JsonPath_StringAt(jsii.String("$.id"))))
		p.Method = sfn.TaskInput_FromJsonPathAt(jsii.String("$.method"))
		p.Headers = sfn.TaskInput_FromJsonPathAt(jsii.String("$.headers"))
		p.UrlEncodingFormat = tasks.URLEncodingFormat_DEFAULT
	}))
	jsonata := tasks.NewHttpInvoke(stack, jsii.String("JSONata"), httpProps(stack, func(p *tasks.HttpInvokeProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.ApiRoot = jsii.String("{% 'https://' & $states.input.host %}")
		p.ApiEndpoint = sfn.TaskInput_FromText(jsii.String("{% $states.input.path ? $states.input.path : 'v1' %}"))
		p.Headers = tasks.TaskInput_FromValue(tasks.JSONata("$states.input.headers"))
		p.UrlEncodingFormat = tasks.URLEncodingFormat_COMMAS
		p.Outputs = map[string]interface{}{"status": "{% $states.result.StatusCode %}"}
	}))
	tpl := machine(t, stack, literal.Next(dynamic).Next(jsonata))

	resource := "arn:" + partition + ":states:::http:invoke"
	auth := map[string]any{"ConnectionArn": httpConnARN}
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": resource, "Next": "Dynamic", "Parameters": map[string]any{
		"ApiEndpoint.$":   "States.Format('{}/{}', 'https://api.example.com', 'v1/charges')",
		"Authentication":  auth,
		"Method":          "POST",
		"Headers":         map[string]any{"Idempotency-Key.$": "$$.Execution.Name", "Content-Type": "application/x-www-form-urlencoded"},
		"QueryParameters": map[string]any{"expand": "customer"},
		"RequestBody":     map[string]any{"amount.$": "$.amount", "currency": "eur"},
		"Transform":       map[string]any{"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": map[string]any{"ArrayFormat": "INDICES"}},
	}}, state(t, tpl, "Literal"))
	assert.Equal(t, map[string]any{
		"ApiEndpoint.$":  "States.Format('{}/{}', 'https://api.example.com', States.Format('v1/charges/{}', $.id))",
		"Authentication": auth,
		"Method.$":       "$.method",
		"Headers.$":      `States.JsonMerge($.headers, States.StringToJson('\{"Content-Type":"application/x-www-form-urlencoded"\}'), false)`,
		"Transform":      map[string]any{"RequestBodyEncoding": "URL_ENCODED"},
	}, state(t, tpl, "Dynamic")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "Resource": resource, "End": true,
		"Output": map[string]any{"status": "{% $states.result.StatusCode %}"},
		"Arguments": map[string]any{
			"ApiEndpoint":    "{% 'https://' & $states.input.host & '/' & ($states.input.path ? $states.input.path : 'v1') %}",
			"Authentication": auth,
			"Method":         "POST",
			"Headers":        `{% $merge([$states.input.headers, {"Content-Type": "application/x-www-form-urlencoded"}]) %}`,
			"Transform":      map[string]any{"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": map[string]any{"ArrayFormat": "COMMAS"}},
		}}, state(t, tpl, "JSONata"))
	cdktest.Golden(t, "http_invoke", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

// With the CDK's httpInvokeDynamicJsonPathEndpoint flag off (it is on
// unless an app turns it off) a literal URL is one string, as the CDK
// writes it; a dynamic one, which the CDK then rejects, is a States.Format.
func TestHttpInvokeDynamicEndpointFlagOff(t *testing.T) {
	app := awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false),
		Context: &map[string]interface{}{"@aws-cdk/aws-stepfunctions-tasks:httpInvokeDynamicJsonPathEndpoint": false}})
	stack := awscdk.NewStack(app, jsii.String("Flag"), cdktest.StackProps())
	literal := tasks.NewHttpInvoke(stack, jsii.String("Literal"), httpProps(stack, nil))
	dynamic := tasks.NewHttpInvoke(stack, jsii.String("Dynamic"), httpProps(stack, func(p *tasks.HttpInvokeProps) {
		p.ApiEndpoint = sfn.TaskInput_FromJsonPathAt(jsii.String("$.path"))
	}))
	tpl := machine(t, stack, literal.Next(dynamic))
	assert.Equal(t, "https://api.example.com/v1/charges", state(t, tpl, "Literal")["Parameters"].(map[string]any)["ApiEndpoint"])
	assert.Equal(t, "States.Format('{}/{}', 'https://api.example.com', $.path)", state(t, tpl, "Dynamic")["Parameters"].(map[string]any)["ApiEndpoint.$"])
}

func TestHttpInvokeIAM(t *testing.T) {
	machineARN := arn("states", "stateMachine:*")
	connection := stmt([]string{"events:RetrieveConnectionCredentials"}, httpConnARN)
	secret := stmt([]string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}, httpSecretARN)
	invoke := func(cond map[string]any) map[string]any {
		s := stmt([]string{"states:InvokeHTTPEndpoint"}, machineARN)
		if cond != nil {
			s["Condition"] = cond
		}
		return s
	}
	tests := []struct {
		name string
		mod  func(p *tasks.HttpInvokeProps)
		want map[string]any
	}{
		{"literal URL and method: both exact", nil, map[string]any{"StringEquals": map[string]any{
			"states:HTTPMethod": "POST", "states:HTTPEndpoint": "https://api.example.com/v1/charges"}}},
		{"dynamic endpoint: the root's prefix", func(p *tasks.HttpInvokeProps) {
			p.ApiEndpoint = sfn.TaskInput_FromJsonPathAt(jsii.String("$.path"))
		}, map[string]any{"StringEquals": map[string]any{"states:HTTPMethod": "POST"},
			"StringLike": map[string]any{"states:HTTPEndpoint": "https://api.example.com/*"}}},
		{"formatted endpoint: its literal prefix too", func(p *tasks.HttpInvokeProps) {
			p.ApiEndpoint = tasks.TaskInput_FromValue(tasks.Intrinsic("States.Format('v1/charges/{}/refunds', $.id)"))
		}, map[string]any{"StringEquals": map[string]any{"states:HTTPMethod": "POST"},
			"StringLike": map[string]any{"states:HTTPEndpoint": "https://api.example.com/v1/charges/*"}}},
		{"dynamic method: no method condition", func(p *tasks.HttpInvokeProps) {
			p.Method = sfn.TaskInput_FromJsonPathAt(jsii.String("$.method"))
		}, map[string]any{"StringEquals": map[string]any{"states:HTTPEndpoint": "https://api.example.com/v1/charges"}}},
		{"dynamic root and method: no condition can narrow", func(p *tasks.HttpInvokeProps) {
			p.ApiRoot = tasks.StringAt("$.root")
			p.Method = sfn.TaskInput_FromJsonPathAt(jsii.String("$.method"))
		}, nil},
		{"JSONata root with a literal scheme", func(p *tasks.HttpInvokeProps) {
			p.QueryLanguage = sfn.QueryLanguage_JSONATA
			p.ApiRoot = jsii.String("{% 'https://' & $states.input.host %}")
			p.Method = tasks.TaskInput_FromText("GET")
		}, map[string]any{"StringEquals": map[string]any{"states:HTTPMethod": "GET"},
			"StringLike": map[string]any{"states:HTTPEndpoint": "https://*"}}},
		{"JSONata URL all literal", func(p *tasks.HttpInvokeProps) {
			p.QueryLanguage = sfn.QueryLanguage_JSONATA
		}, map[string]any{"StringEquals": map[string]any{"states:HTTPMethod": "POST", "states:HTTPEndpoint": "https://api.example.com/v1/charges"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewHttpInvoke(stack, jsii.String("Call"), httpProps(stack, tt.mod))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements([]map[string]any{invoke(tt.want), connection, secret}), cdktest.SortedStatements(got))
		})
	}
}

// A connection made in the app: its ARN and its secret's, as tokens.
func TestHttpInvokeIAMWithAConnectionOfTheApp(t *testing.T) {
	stack := cdktest.NewStack()
	conn := awsevents.NewConnection(stack, jsii.String("Conn"), &awsevents.ConnectionProps{
		Authorization: awsevents.Authorization_ApiKey(jsii.String("x-api-key"), awscdk.SecretValue_UnsafePlainText(jsii.String("k")))})
	task := tasks.NewHttpInvoke(stack, jsii.String("Call"), httpProps(stack, func(p *tasks.HttpInvokeProps) { p.Connection = conn }))
	got := cdktest.RoleStatements(t, machine(t, stack, task))
	assert.Contains(t, got, stmt([]string{"events:RetrieveConnectionCredentials"}, "${ConnConnectionAFDA4369.Arn}"))
	assert.Contains(t, got, stmt([]string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}, "${ConnConnectionAFDA4369.SecretArn}"))
}

// Raw ASL gets the typed task's statements, the secret named after the
// connection in its ARN.
func TestHttpInvokeCustomTaskIAM(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
		"Parameters": map[string]interface{}{"ApiEndpoint": "https://api.example.com/v1/ping", "Method": "GET",
			"Authentication": map[string]interface{}{"ConnectionArn": httpConnARN}}}})
	invoke := stmt([]string{"states:InvokeHTTPEndpoint"}, arn("states", "stateMachine:*"))
	invoke["Condition"] = map[string]any{"StringEquals": map[string]any{"states:HTTPMethod": "GET", "states:HTTPEndpoint": "https://api.example.com/v1/ping"}}
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		invoke,
		stmt([]string{"events:RetrieveConnectionCredentials"}, httpConnARN),
		stmt([]string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"},
			"arn:aws:secretsmanager:us-east-1:111122223333:secret:events!connection/payments/*"),
	}), cdktest.SortedStatements(cdktest.RoleStatements(t, machine(t, stack, task))))
}

func TestHttpInvokeErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *tasks.HttpInvokeProps)
		want string
	}{
		{"no root", func(p *tasks.HttpInvokeProps) { p.ApiRoot = nil }, "ApiRoot: required"},
		{"http root", func(p *tasks.HttpInvokeProps) { p.ApiRoot = jsii.String("http://api.example.com") },
			`ApiRoot: must be an https:// URL (HTTP Tasks call HTTPS endpoints only), got "http://api.example.com"`},
		{"no endpoint", func(p *tasks.HttpInvokeProps) { p.ApiEndpoint = nil }, "ApiEndpoint: required"},
		{"object endpoint", func(p *tasks.HttpInvokeProps) {
			p.ApiEndpoint = tasks.TaskInput_FromObject(map[string]interface{}{"a": 1})
		},
			"ApiEndpoint: must be a string (or dynamic), got an object"},
		{"no connection", func(p *tasks.HttpInvokeProps) { p.Connection = nil }, "Connection: required"},
		{"no method", func(p *tasks.HttpInvokeProps) { p.Method = nil }, "Method: required"},
		{"unknown method", func(p *tasks.HttpInvokeProps) { p.Method = tasks.TaskInput_FromText("FETCH") },
			`Method: must be GET, POST, PUT, DELETE, PATCH, OPTIONS or HEAD (or dynamic), got "FETCH"`},
		{"headers not an object", func(p *tasks.HttpInvokeProps) { p.Headers = tasks.TaskInput_FromText("x") },
			"Headers: must be an object (or dynamic), got a literal"},
		{"query not an object", func(p *tasks.HttpInvokeProps) { p.QueryStringParameters = tasks.TaskInput_FromText("a=b") },
			"QueryStringParameters: must be an object (or dynamic), got a literal"},
		{"unknown encoding", func(p *tasks.HttpInvokeProps) { p.UrlEncodingFormat = "SEMICOLONS" },
			`UrlEncodingFormat: must be BRACKETS, COMMAS, DEFAULT, INDICES, NONE or REPEAT, got "SEMICOLONS"`},
		{"dynamic encoding", func(p *tasks.HttpInvokeProps) {
			p.UrlEncodingFormat = tasks.URLEncodingFormat(*tasks.StringAt("$.fmt"))
		},
			"UrlEncodingFormat: must be known when the state machine is built"},
		{"text body URL-encoded", func(p *tasks.HttpInvokeProps) {
			p.Body = tasks.TaskInput_FromText("a=b")
			p.UrlEncodingFormat = tasks.URLEncodingFormat_DEFAULT
		}, "Body: must be an object to be URL-encoded (UrlEncodingFormat DEFAULT), got a literal"},
		{"JSONata in a JSONPath state", func(p *tasks.HttpInvokeProps) { p.ApiEndpoint = sfn.TaskInput_FromText(jsii.String("{% $x %}")) },
			`ApiEndpoint: JSONata "{% $x %}" in a JSONPath state`},
		{"JSONPath in a JSONata state", func(p *tasks.HttpInvokeProps) {
			p.QueryLanguage = sfn.QueryLanguage_JSONATA
			p.ApiEndpoint = sfn.TaskInput_FromJsonPathAt(jsii.String("$.path"))
		}, `ApiEndpoint: JSONPath "$.path" in a JSONata state`},
		{"callback", func(p *tasks.HttpInvokeProps) { p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN },
			"IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by http:invoke; supported: REQUEST_RESPONSE"},
		{"run job", func(p *tasks.HttpInvokeProps) { p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB },
			"IntegrationPattern: RUN_JOB is not supported by http:invoke; supported: REQUEST_RESPONSE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewHttpInvoke(stack, jsii.String("Call"), httpProps(stack, tt.mod)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}

// Run locally: the request reaches the endpoint resolved, the response
// lands at ResultPath, and an HTTP error is caught.
func TestHttpInvokeRun(t *testing.T) {
	stack := cdktest.NewStack()
	charge := tasks.NewHttpInvoke(stack, jsii.String("Charge"), httpProps(stack, func(p *tasks.HttpInvokeProps) {
		p.ApiEndpoint = sfn.TaskInput_FromText(sfn.JsonPath_Format(jsii.String("v1/customers/{}/charges"), sfn.JsonPath_StringAt(jsii.String("$.customer"))))
		p.Body = tasks.TaskInput_FromObject(map[string]interface{}{"amount": tasks.Path("$.amount")})
		p.ResultSelector = &map[string]interface{}{"status.$": "$.StatusCode", "id.$": "$.ResponseBody.id"}
		p.ResultPath = jsii.String("$.charge")
	}))
	failed := sfn.NewPass(stack, jsii.String("Declined"), &sfn.PassProps{Result: sfn.Result_FromString(jsii.String("declined"))})
	charge.AddCatch(failed, &sfn.CatchProps{Errors: jsii.Strings("States.Http.StatusCode.402"), ResultPath: jsii.String("$.error")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(charge)})

	var request any
	res := integ.Run(t, stack, sm, map[string]any{"customer": "cus_1", "amount": 1200}, integ.Mocks{
		"Charge": integ.Func(func(in any) (any, error) {
			request = in
			return map[string]any{"StatusCode": 200, "ResponseBody": map[string]any{"id": "ch_1"}}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"ApiEndpoint": "https://api.example.com/v1/customers/cus_1/charges",
		"Authentication": map[string]any{"ConnectionArn": httpConnARN}, "Method": "POST",
		"RequestBody": map[string]any{"amount": 1200.0}}, request)
	assert.Equal(t, map[string]any{"status": 200.0, "id": "ch_1"}, res.Output.(map[string]any)["charge"])

	res = integ.Run(t, stack, sm, map[string]any{"customer": "cus_1", "amount": 1200}, integ.Mocks{
		"Charge": integ.Fail("States.Http.StatusCode.402", "payment required"),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "declined", res.Output)
}

// Built in a fragments.Workflow and rendered in Go, the definition and the
// statements are the CDK path's.
func TestHttpInvokeWorkflowFastPath(t *testing.T) {
	build := func(scope constructs.Construct, stack awscdk.Stack) sfn.IChainable {
		a := tasks.NewHttpInvoke(scope, jsii.String("A"), httpProps(stack, func(p *tasks.HttpInvokeProps) {
			p.Headers = tasks.TaskInput_FromObject(map[string]interface{}{"x": "y"})
			p.UrlEncodingFormat = tasks.URLEncodingFormat_REPEAT
		}))
		b := tasks.NewHttpInvoke(scope, jsii.String("B"), &tasks.HttpInvokeProps{ApiRoot: jsii.String("https://api.example.com"),
			ApiEndpoint: sfn.TaskInput_FromJsonPathAt(jsii.String("$.next")), Connection: awsevents.Connection_FromConnectionAttributes(stack, jsii.String("C2"),
				&awsevents.ConnectionAttributes{ConnectionName: jsii.String("payments"), ConnectionArn: jsii.String(httpConnARN), ConnectionSecretArn: jsii.String(httpSecretARN)}),
			Method: tasks.TaskInput_FromText("GET")})
		return a.Next(b)
	}
	cdkStack := cdktest.NewStack()
	cdkTpl := machine(t, cdkStack, build(cdkStack, cdkStack))
	goStack := cdktest.NewStack()
	w := fragments.NewWorkflow(goStack, jsii.String("W"))
	fragments.NewStateMachine(goStack, jsii.String("Machine"), build(w, goStack), nil)
	goTpl := cdktest.Template(t, goStack)
	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, goTpl))
	assert.Equal(t, cdktest.SortedStatements(cdktest.RoleStatements(t, cdkTpl)), cdktest.SortedStatements(cdktest.RoleStatements(t, goTpl)))
}
