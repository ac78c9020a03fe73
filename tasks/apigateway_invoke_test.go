package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const restAPIID = "abcde12345"

var restAPIs = map[constructs.Construct]awsapigateway.IRestApi{}

// restAPI is an imported REST API, one per scope.
func restAPI(scope constructs.Construct) awsapigateway.IRestApi {
	if a, ok := restAPIs[scope]; ok {
		return a
	}
	a := awsapigateway.RestApi_FromRestApiId(scope, jsii.String("Api"), jsii.String(restAPIID))
	restAPIs[scope] = a
	return a
}

func restProps(scope constructs.Construct, mod func(p *tasks.CallApiGatewayRestApiEndpointProps)) *tasks.CallApiGatewayRestApiEndpointProps {
	p := &tasks.CallApiGatewayRestApiEndpointProps{Api: restAPI(scope), Method: tasks.HttpMethod_GET, StageName: jsii.String("dev")}
	if mod != nil {
		mod(p)
	}
	return p
}

func httpAPIProps(scope constructs.Construct, mod func(p *tasks.CallApiGatewayHttpApiEndpointProps)) *tasks.CallApiGatewayHttpApiEndpointProps {
	p := &tasks.CallApiGatewayHttpApiEndpointProps{ApiId: jsii.String("abcdef1234"), ApiStack: awscdk.Stack_Of(scope), Method: tasks.HttpMethod_POST}
	if mod != nil {
		mod(p)
	}
	return p
}

const apiHost = "execute-api." + region + ".${AWS::URLSuffix}"

func TestCallApiGatewayRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("RR"), restProps(stack, nil))
	callback := tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("Callback"), restProps(stack, func(p *tasks.CallApiGatewayRestApiEndpointProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
		p.Method = tasks.HttpMethod_POST
		p.ApiPath = jsii.String("/orders")
		p.AuthType = tasks.AuthType_IAM_ROLE
		p.Headers = tasks.TaskInput_FromObject(map[string]interface{}{"TaskToken": tasks.List(tasks.Path("$$.Task.Token"))})
		p.QueryParameters = tasks.TaskInput_FromObject(map[string]interface{}{"dryRun": []interface{}{"false"}})
		p.RequestBody = tasks.TaskInput_FromJsonPathAt("$.order")
	}))
	dynamic := tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("Dynamic"), restProps(stack, func(p *tasks.CallApiGatewayRestApiEndpointProps) {
		p.Region = tasks.StringAt("$.region")
		p.StageName = tasks.StringAt("$.stage")
		p.Method = tasks.HttpMethod(*tasks.StringAt("$.method"))
		p.ApiPath = tasks.StringAt("States.Format('/orders/{}', $.id)")
		p.Headers = tasks.TaskInput_FromJsonPathAt("$.headers")
	}))
	httpJSONata := tasks.NewCallApiGatewayHttpApiEndpoint(stack, jsii.String("HttpJSONata"), httpAPIProps(stack, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.ApiPath = jsii.String("{% '/orders/' & $states.input.id %}")
		p.RequestBody = tasks.TaskInput_FromObject(map[string]interface{}{"qty": tasks.JSONata("$states.input.qty")})
	}))
	httpDynamicAPI := tasks.NewCallApiGatewayHttpApiEndpoint(stack, jsii.String("HttpDynamicApi"), httpAPIProps(stack, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
		p.ApiId = tasks.StringAt("$.api")
		p.StageName = jsii.String("$default")
	}))
	tpl := machine(t, stack, rr.Next(callback).Next(dynamic).Next(httpJSONata).Next(httpDynamicAPI))

	resource := "arn:" + partition + ":states:::apigateway:invoke"
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": resource, "Next": "Callback", "Parameters": map[string]any{
		"ApiEndpoint": restAPIID + "." + apiHost, "Method": "GET", "Stage": "dev", "AuthType": "NO_AUTH",
	}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": resource + ".waitForTaskToken", "Next": "Dynamic", "Parameters": map[string]any{
		"ApiEndpoint": restAPIID + "." + apiHost, "Method": "POST", "Stage": "dev", "Path": "/orders", "AuthType": "IAM_ROLE",
		"Headers":         map[string]any{"TaskToken.$": "States.Array($$.Task.Token)"},
		"QueryParameters": map[string]any{"dryRun": []any{"false"}},
		"RequestBody.$":   "$.order",
	}}, state(t, tpl, "Callback"))
	assert.Equal(t, map[string]any{
		"ApiEndpoint.$": "States.Format('" + restAPIID + ".execute-api.{}.${AWS::URLSuffix}', $.region)",
		"Method.$":      "$.method", "Stage.$": "$.stage", "Path.$": "States.Format('/orders/{}', $.id)", "AuthType": "NO_AUTH",
		"Headers.$": "$.headers",
	}, state(t, tpl, "Dynamic")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "Resource": resource, "Next": "HttpDynamicApi", "Arguments": map[string]any{
		"ApiEndpoint": "abcdef1234." + apiHost, "Method": "POST", "Path": "{% '/orders/' & $states.input.id %}", "AuthType": "NO_AUTH",
		"RequestBody": map[string]any{"qty": "{% $states.input.qty %}"},
	}}, state(t, tpl, "HttpJSONata"))
	assert.Equal(t, map[string]any{
		"ApiEndpoint.$": "States.Format('{}." + apiHost + "', $.api)", "Method": "POST", "Stage": "$default", "AuthType": "NO_AUTH",
	}, state(t, tpl, "HttpDynamicApi")["Parameters"])
	cdktest.Golden(t, "apigateway_invoke", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

func TestCallApiGatewayIAM(t *testing.T) {
	invoke := func(resource string) []map[string]any {
		return []map[string]any{stmt([]string{"execute-api:Invoke"}, resource)}
	}
	restARN := func(rest string) string {
		return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + restAPIID + "/" + rest
	}
	httpARN := func(rest string) string {
		return "arn:" + partition + ":execute-api:" + region + ":" + account + ":abcdef1234/" + rest
	}
	iam := func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.AuthType = tasks.AuthType_IAM_ROLE }
	tests := []struct {
		name string
		rest func(p *tasks.CallApiGatewayRestApiEndpointProps)
		http func(p *tasks.CallApiGatewayHttpApiEndpointProps)
		want []map[string]any
	}{
		{"REST, no auth (the default): nothing", func(p *tasks.CallApiGatewayRestApiEndpointProps) {}, nil, nil},
		{"REST, resource policy: nothing", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.AuthType = tasks.AuthType_RESOURCE_POLICY }, nil, nil},
		{"REST, IAM role, no path: the stage's root", iam, nil, invoke(restARN("dev/GET/"))},
		{"REST, IAM role, literal path", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			iam(p)
			p.ApiPath = jsii.String("/orders/42")
			p.Method = tasks.HttpMethod_DELETE
		}, nil, invoke(restARN("dev/DELETE/orders/42"))},
		{"REST, formatted path: its literal prefix", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			iam(p)
			p.ApiPath = tasks.StringAt("States.Format('/orders/{}/items', $.id)")
		}, nil, invoke(restARN("dev/GET/orders/*"))},
		{"REST, JSONata path: its literal prefix", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			iam(p)
			p.QueryLanguage = sfn.QueryLanguage_JSONATA
			p.ApiPath = jsii.String("{% '/orders/' & $states.input.id %}")
		}, nil, invoke(restARN("dev/GET/orders/*"))},
		{"REST, path from the input, stage and method too", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			iam(p)
			p.ApiPath = tasks.StringAt("$.path")
			p.StageName = tasks.StringAt("States.Format('v{}', $.version)")
			p.Method = tasks.HttpMethod(*tasks.StringAt("$.method"))
		}, nil, invoke(restARN("v*/*/*"))},
		{"REST, auth type from the input: granted", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			p.AuthType = tasks.AuthType(*tasks.StringAt("$.auth"))
		}, nil, invoke(restARN("dev/GET/"))},
		{"REST, another region", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			iam(p)
			p.Region = jsii.String("us-west-2")
		}, nil, invoke("arn:" + partition + ":execute-api:us-west-2:" + account + ":" + restAPIID + "/dev/GET/")},
		{"REST, region from the input", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			iam(p)
			p.Region = tasks.StringAt("$.region")
		}, nil, invoke("arn:" + partition + ":execute-api:*:" + account + ":" + restAPIID + "/dev/GET/")},
		{"HTTP, no stage: $default", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
			p.AuthType = tasks.AuthType_IAM_ROLE
			p.ApiPath = jsii.String("/orders")
		}, invoke(httpARN("$default/POST/orders"))},
		{"HTTP, stage and path", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
			p.AuthType = tasks.AuthType_IAM_ROLE
			p.StageName = jsii.String("live")
			p.ApiPath = jsii.String("/orders/7")
		}, invoke(httpARN("live/POST/orders/7"))},
		{"HTTP, API from the input", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
			p.AuthType = tasks.AuthType_IAM_ROLE
			p.ApiId = tasks.StringAt("$.api")
		}, invoke("arn:" + partition + ":execute-api:" + region + ":" + account + ":*/$default/POST/")},
		{"HTTP, no auth: nothing", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) { p.AuthType = tasks.AuthType_NO_AUTH }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			var task tasks.Task
			if tt.rest != nil {
				task = tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("Call"), restProps(stack, tt.rest))
			} else {
				task = tasks.NewCallApiGatewayHttpApiEndpoint(stack, jsii.String("Call"), httpAPIProps(stack, tt.http))
			}
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

// A REST API of the app: its ID is a reference.
func TestCallApiGatewayIAMWithAnAPIOfTheApp(t *testing.T) {
	stack := cdktest.NewStack()
	api := awsapigateway.NewRestApi(stack, jsii.String("Orders"), nil)
	api.Root().AddMethod(jsii.String("GET"), nil, nil)
	task := tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("Call"), &tasks.CallApiGatewayRestApiEndpointProps{
		Api: api, StageName: api.DeploymentStage().StageName(), Method: tasks.HttpMethod_GET, AuthType: tasks.AuthType_IAM_ROLE})
	tpl := machine(t, stack, task)
	assert.Equal(t, []map[string]any{stmt([]string{"execute-api:Invoke"},
		"arn:"+partition+":execute-api:"+region+":"+account+":${OrdersA9B65338}/${OrdersDeploymentStageprod77EC9602}/GET/")},
		cdktest.RoleStatements(t, tpl))
	assert.Equal(t, "${OrdersA9B65338}."+apiHost, state(t, tpl, "Call")["Parameters"].(map[string]any)["ApiEndpoint"])
}

// Raw ASL: the API and region come from ApiEndpoint.
func TestCallApiGatewayCustomTaskIAM(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::apigateway:invoke",
		"Parameters": map[string]interface{}{"ApiEndpoint": "abc1234567.execute-api.eu-west-1.amazonaws.com", "Method": "POST",
			"Stage": "prod", "Path": "/orders", "AuthType": "IAM_ROLE"}}})
	assert.Equal(t, []map[string]any{stmt([]string{"execute-api:Invoke"}, "arn:"+partition+":execute-api:eu-west-1:*:abc1234567/prod/POST/orders")},
		cdktest.RoleStatements(t, machine(t, stack, task)))
}

func TestCallApiGatewayErrors(t *testing.T) {
	tests := []struct {
		name string
		rest func(p *tasks.CallApiGatewayRestApiEndpointProps)
		http func(p *tasks.CallApiGatewayHttpApiEndpointProps)
		want string
	}{
		{"no API", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.Api = nil }, nil, "Api: required"},
		{"no stage", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.StageName = nil }, nil, "StageName: required"},
		{"bad stage", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.StageName = jsii.String("my stage") }, nil,
			`StageName: "my stage" is not a stage name`},
		{"no method", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.Method = "" }, nil, "Method: required"},
		{"bad method", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.Method = "ANY" }, nil,
			`Method: must be GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS (or dynamic), got "ANY"`},
		{"path without slash", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.ApiPath = jsii.String("orders") }, nil,
			`ApiPath: must begin with "/", got "orders"`},
		{"bad auth type", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.AuthType = "COGNITO" }, nil,
			`AuthType: must be NO_AUTH, IAM_ROLE or RESOURCE_POLICY (or dynamic), got "COGNITO"`},
		{"header value not a list", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			p.Headers = tasks.TaskInput_FromObject(map[string]interface{}{"x-id": "1"})
		}, nil, "Headers.x-id: must be a list of strings (API Gateway takes several values per name), got a literal"},
		{"header item not a string", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			p.Headers = tasks.TaskInput_FromObject(map[string]interface{}{"x-id": []interface{}{1}})
		}, nil, "Headers.x-id: item 0 must be a string (or dynamic), got a literal"},
		{"query not an object", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.QueryParameters = tasks.TaskInput_FromText("a=b") }, nil,
			"QueryParameters: must be an object of lists of strings"},
		{"callback without the token in a header", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.RequestBody = tasks.TaskInput_FromObject(map[string]interface{}{"token": tasks.Path("$$.Task.Token")})
		}, nil, "Headers: integration pattern WAIT_FOR_TASK_TOKEN needs the task token ($$.Task.Token) in a header"},
		{"run job", func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		}, nil,
			"IntegrationPattern: RUN_JOB is not supported by apigateway:invoke; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
		{"bad region", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.Region = jsii.String("Oregon") }, nil,
			`Region: "Oregon" is not a region code such as us-east-1`},
		{"JSONata region in a JSONPath state", func(p *tasks.CallApiGatewayRestApiEndpointProps) { p.Region = jsii.String("{% $r %}") }, nil,
			`Region: JSONata "{% $r %}" in a JSONPath state`},
		{"HTTP: no API ID", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) { p.ApiId = nil }, "ApiId: required"},
		{"HTTP: bad API ID", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) { p.ApiId = jsii.String("My-Api") }, `ApiId: "My-Api" is not an API ID`},
		{"HTTP: no stack", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) { p.ApiStack = nil }, "ApiStack: required"},
		{"HTTP: JSONata callback without the token", nil, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
			p.QueryLanguage = sfn.QueryLanguage_JSONATA
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
		}, "Headers: integration pattern WAIT_FOR_TASK_TOKEN needs the task token ($states.context.Task.Token) in a header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() {
				if tt.rest != nil {
					tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("Call"), restProps(stack, tt.rest))
				} else {
					tasks.NewCallApiGatewayHttpApiEndpoint(stack, jsii.String("Call"), httpAPIProps(stack, tt.http))
				}
			})
			assert.Contains(t, msg, tt.want)
		})
	}
}

// Run locally: the dynamic parts reach API Gateway resolved; a 404 is caught.
func TestCallApiGatewayRun(t *testing.T) {
	stack := cdktest.NewStack()
	get := tasks.NewCallApiGatewayRestApiEndpoint(stack, jsii.String("GetOrder"), restProps(stack, func(p *tasks.CallApiGatewayRestApiEndpointProps) {
		p.ApiPath = tasks.StringAt("States.Format('/orders/{}', $.id)")
		p.QueryParameters = tasks.TaskInput_FromObject(map[string]interface{}{"fields": tasks.List("total", tasks.Path("$.field"))})
		p.ResultSelector = &map[string]interface{}{"total.$": "$.ResponseBody.total"}
		p.ResultPath = jsii.String("$.order")
	}))
	missing := sfn.NewPass(stack, jsii.String("Missing"), &sfn.PassProps{Result: sfn.Result_FromString(jsii.String("missing"))})
	get.AddCatch(missing, &sfn.CatchProps{Errors: jsii.Strings("ApiGateway.404")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(get)})

	var request map[string]any
	res := integ.Run(t, stack, sm, map[string]any{"id": "o-1", "field": "status"}, integ.Mocks{
		"GetOrder": integ.Func(func(in any) (any, error) {
			request = in.(map[string]any)
			return map[string]any{"StatusCode": 200, "ResponseBody": map[string]any{"total": 42}}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "/orders/o-1", request["Path"])
	assert.Equal(t, map[string]any{"fields": []any{"total", "status"}}, request["QueryParameters"])
	assert.Equal(t, map[string]any{"total": 42.0}, res.Output.(map[string]any)["order"])

	res = integ.Run(t, stack, sm, map[string]any{"id": "o-2", "field": "status"}, integ.Mocks{"GetOrder": integ.Fail("ApiGateway.404", "not found")})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "missing", res.Output)
}

func TestCallApiGatewayWorkflowFastPath(t *testing.T) {
	build := func(scope constructs.Construct, stack awscdk.Stack) sfn.IChainable {
		a := tasks.NewCallApiGatewayRestApiEndpoint(scope, jsii.String("A"), restProps(stack, func(p *tasks.CallApiGatewayRestApiEndpointProps) {
			p.AuthType = tasks.AuthType_IAM_ROLE
			p.ApiPath = tasks.StringAt("States.Format('/orders/{}', $.id)")
		}))
		b := tasks.NewCallApiGatewayHttpApiEndpoint(scope, jsii.String("B"), httpAPIProps(stack, func(p *tasks.CallApiGatewayHttpApiEndpointProps) {
			p.AuthType = tasks.AuthType_IAM_ROLE
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Headers = tasks.TaskInput_FromObject(map[string]interface{}{"token": tasks.List(tasks.Path("$$.Task.Token"))})
		}))
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
