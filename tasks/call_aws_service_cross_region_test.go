package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	crossRegionFn  = "CrossRegionAwsSdk8a0c93f3dbef4b71ac137aaf2048ce7eF7430F4F"
	crossRegionARN = "${" + crossRegionFn + ".Arn}"
	reportsBucket  = "arn:aws:s3:::reports-eu/*"
)

var lambdaRetry = map[string]any{"ErrorEquals": []any{"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
	"Lambda.AWSLambdaException", "Lambda.SdkClientException"}, "IntervalSeconds": 2.0, "MaxAttempts": 6.0, "BackoffRate": 2.0}

func crossRegionProps(mod func(p *tasks.CallAwsServiceCrossRegionProps)) *tasks.CallAwsServiceCrossRegionProps {
	p := &tasks.CallAwsServiceCrossRegionProps{
		Service: jsii.String("s3"), Action: jsii.String("getObject"), Region: jsii.String("eu-west-1"),
		Parameters:   &map[string]interface{}{"Bucket": "reports-eu", "Key": tasks.Path("$.key")},
		IamResources: jsii.Strings(reportsBucket),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

// functionStatements are the statements on the roles of the stack's Lambda
// functions (not the state machine's).
func functionStatements(t *testing.T, tpl map[string]any) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		props := p["Properties"].(map[string]any)
		if roles, _ := props["Roles"].([]any); len(roles) == 1 {
			if ref, _ := roles[0].(map[string]any)["Ref"].(string); len(ref) < 7 || ref[:7] == "Machine" {
				continue
			}
		}
		for _, s := range props["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			st := s.(map[string]any)
			out = append(out, map[string]any{"Action": st["Action"], "Resource": st["Resource"]})
		}
	}
	return out
}

func TestCallAwsServiceCrossRegionRendering(t *testing.T) {
	stack := cdktest.NewStack()
	get := tasks.NewCallAwsServiceCrossRegion(stack, jsii.String("Get"), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
		p.ResultPath = jsii.String("$.object")
	}))
	send := tasks.NewCallAwsServiceCrossRegion(stack, jsii.String("Send"), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
		p.Service, p.Action, p.Region = jsii.String("sqs"), jsii.String("sendMessage"), tasks.StringAt("$.region")
		p.Parameters = &map[string]interface{}{"QueueUrl": tasks.Path("$.queue"),
			"MessageBody": tasks.Intrinsic("States.JsonToString(States.JsonMerge($.order, States.StringToJson(States.Format('\\{\"token\":\"{}\"\\}', $$.Task.Token)), false))")}
		p.IamResources = jsii.Strings("arn:aws:sqs:*:111122223333:orders")
		p.RetryOnServiceExceptions = jsii.Bool(false)
	}))
	jsonata := tasks.NewCallAwsServiceCrossRegion(stack, jsii.String("JSONata"), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.Service, p.Action = jsii.String("dynamodb"), jsii.String("getItem")
		p.Parameters = &map[string]interface{}{"TableName": "orders", "Key": map[string]interface{}{"id": map[string]interface{}{"S": tasks.JSONata("$states.input.id")}}}
		p.Endpoint = jsii.String("https://dynamodb.eu-west-1.amazonaws.com")
		p.IamResources = jsii.Strings("arn:aws:dynamodb:eu-west-1:111122223333:table/orders")
	}))
	tpl := machine(t, stack, get.Next(send).Next(jsonata))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": crossRegionARN, "Next": "Send", "ResultPath": "$.object",
		"Parameters": map[string]any{"service": "s3", "action": "getObject", "region": "eu-west-1",
			"parameters": map[string]any{"Bucket": "reports-eu", "Key.$": "$.key"}},
		"Retry": []any{lambdaRetry}}, state(t, tpl, "Get"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::lambda:invoke.waitForTaskToken", "Next": "JSONata",
		"Parameters": map[string]any{"FunctionName": crossRegionARN, "Payload": map[string]any{
			"service": "sqs", "action": "sendMessage", "region.$": "$.region",
			"parameters": map[string]any{"QueueUrl.$": "$.queue",
				"MessageBody.$": "States.JsonToString(States.JsonMerge($.order, States.StringToJson(States.Format('\\{\"token\":\"{}\"\\}', $$.Task.Token)), false))"}}}},
		state(t, tpl, "Send"))
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "Resource": crossRegionARN, "End": true,
		"Arguments": map[string]any{"service": "dynamodb", "action": "getItem", "region": "eu-west-1", "endpoint": "https://dynamodb.eu-west-1.amazonaws.com",
			"parameters": map[string]any{"TableName": "orders", "Key": map[string]any{"id": map[string]any{"S": "{% $states.input.id %}"}}}},
		"Retry": []any{lambdaRetry}}, state(t, tpl, "JSONata"))

	// One function; the state machine may invoke it, and it may make the calls.
	assert.Len(t, cdktest.Resources(tpl, "AWS::Lambda::Function"), 1)
	assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, crossRegionARN)}, cdktest.RoleStatements(t, machineOnly(tpl)))
	assert.ElementsMatch(t, []map[string]any{
		{"Action": "s3:GetObject", "Resource": reportsBucket},
		{"Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:*:111122223333:orders"},
		{"Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"},
	}, functionStatements(t, tpl))
	cdktest.Golden(t, "call_aws_service_cross_region", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

// machineOnly is the template without the policies of other roles than
// the state machine's.
func machineOnly(tpl map[string]any) map[string]any {
	out := map[string]any{}
	resources := map[string]any{}
	for id, r := range tpl["Resources"].(map[string]any) {
		m := r.(map[string]any)
		if m["Type"] == "AWS::IAM::Policy" {
			roles, _ := m["Properties"].(map[string]any)["Roles"].([]any)
			if len(roles) != 1 || len(id) < 7 || id[:7] != "Machine" {
				continue
			}
		}
		resources[id] = r
	}
	out["Resources"] = resources
	return out
}

func TestCallAwsServiceCrossRegionIAMPrefixes(t *testing.T) {
	tests := []struct{ service, action, want string }{
		{"sfn", "startExecution", "states:StartExecution"},
		{"cloudwatch-logs", "putLogEvents", "logs:PutLogEvents"},
		{"secrets-manager", "getSecretValue", "secretsmanager:GetSecretValue"},
		{"eventbridge", "putEvents", "events:PutEvents"},
		{"dynamodb", "query", "dynamodb:Query"},
	}
	stack := cdktest.NewStack()
	var chain sfn.IChainable
	var last sfn.INextable
	for i, tt := range tests {
		task := tasks.NewCallAwsServiceCrossRegion(stack, jsii.String(tt.service), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
			p.Service, p.Action, p.Parameters = jsii.String(tt.service), jsii.String(tt.action), nil
			p.IamResources = jsii.Strings("arn:aws:x:::resource" + string(rune('0'+i)))
		}))
		if chain == nil {
			chain = task
		} else {
			last.Next(task)
		}
		last = task
	}
	tpl := machine(t, stack, chain)
	var got []string
	for _, s := range functionStatements(t, tpl) {
		got = append(got, s["Action"].(string))
	}
	var want []string
	for _, tt := range tests {
		want = append(want, tt.want)
	}
	assert.ElementsMatch(t, want, got)
}

// The function, its role and its statements are the CDK's, at the CDK's
// logical IDs, under the task's Handler.
func TestCallAwsServiceCrossRegionFunctionIsTheCDKs(t *testing.T) {
	app := cdktest.NewApp()
	statement := func() *[]awsiam.PolicyStatement {
		return &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions: jsii.Strings("kms:Decrypt"), Resources: jsii.Strings("arn:aws:kms:eu-west-1:111122223333:key/k")})}
	}
	cdkStack := awscdk.NewStack(app, jsii.String("Cdk"), cdktest.StackProps())
	cdkTask := cdktasks.NewCallAwsServiceCrossRegion(cdkStack, jsii.String("Task"), &cdktasks.CallAwsServiceCrossRegionProps{
		Service: jsii.String("s3"), Action: jsii.String("getObject"), Region: jsii.String("eu-west-1"),
		IamResources: jsii.Strings(reportsBucket), IamAction: jsii.String("s3:GetObject"), AdditionalIamStatements: statement()})
	sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(cdkTask)})
	ourStack := awscdk.NewStack(app, jsii.String("Ours"), cdktest.StackProps())
	ourTask := tasks.NewCallAwsServiceCrossRegion(ourStack, jsii.String("Task"), &tasks.CallAwsServiceCrossRegionProps{
		Service: jsii.String("s3"), Action: jsii.String("getObject"), Region: jsii.String("eu-west-1"),
		IamResources: jsii.Strings(reportsBucket), AdditionalIamStatements: statement()})
	sfn.NewStateMachine(ourStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(ourTask)})
	want, got := cdktest.Template(t, cdkStack), cdktest.Template(t, ourStack)
	assert.Equal(t, cdktest.Resources(want, "AWS::Lambda::Function"), cdktest.Resources(got, "AWS::Lambda::Function"))
	assert.Equal(t, cdktest.Resources(want, "AWS::IAM::Role"), cdktest.Resources(got, "AWS::IAM::Role"))
	assert.Equal(t, functionStatements(t, want), functionStatements(t, got))
	assert.Equal(t, cdktest.Definition(t, want), cdktest.Definition(t, got))
	assert.NotNil(t, ourTask.Node().TryFindChild(jsii.String("Handler")))
}

func TestCallAwsServiceCrossRegionErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *tasks.CallAwsServiceCrossRegionProps)
		want string
	}{
		{"no service", func(p *tasks.CallAwsServiceCrossRegionProps) { p.Service = nil }, `Service: must be the AWS SDK for JavaScript v3 client name`},
		{"service with a prefix", func(p *tasks.CallAwsServiceCrossRegionProps) { p.Service = jsii.String("@aws-sdk/client-s3") },
			`Service: must be the AWS SDK for JavaScript v3 client name, lower case ("s3", "cloudwatch-logs": the package is @aws-sdk/client-<service>), got "@aws-sdk/client-s3"`},
		{"action not camelCase", func(p *tasks.CallAwsServiceCrossRegionProps) { p.Action = jsii.String("GetObject") },
			`Action: must be the API action in camelCase ("getObject"), got "GetObject"`},
		{"no IAM resources", func(p *tasks.CallAwsServiceCrossRegionProps) { p.IamResources = nil },
			`IamResources: required: the ARNs s3:GetObject acts on`},
		{"bad IAM action", func(p *tasks.CallAwsServiceCrossRegionProps) { p.IamAction = jsii.String("GetObject") },
			`IamAction: must be "<prefix>:<Action>", got "GetObject"`},
		{"no region", func(p *tasks.CallAwsServiceCrossRegionProps) { p.Region = nil }, "Region: required"},
		{"bad region", func(p *tasks.CallAwsServiceCrossRegionProps) { p.Region = jsii.String("Ireland") },
			`Region: "Ireland" is not a region code such as us-east-1`},
		{"bad endpoint", func(p *tasks.CallAwsServiceCrossRegionProps) { p.Endpoint = jsii.String("s3.eu-west-1.amazonaws.com") },
			`Endpoint: must be a URL such as "https://s3.us-west-2.amazonaws.com", got "s3.eu-west-1.amazonaws.com"`},
		{"deny statement", func(p *tasks.CallAwsServiceCrossRegionProps) {
			p.AdditionalIamStatements = &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Effect: awsiam.Effect_DENY, Actions: jsii.Strings("s3:*"), Resources: jsii.Strings("*")})}
		}, "AdditionalIamStatements[0]: give an Allow statement"},
		{"run job", func(p *tasks.CallAwsServiceCrossRegionProps) { p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB },
			"IntegrationPattern: RUN_JOB is not supported"},
		{"callback without the token", func(p *tasks.CallAwsServiceCrossRegionProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
		}, "integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token in the payload"},
		{"JSONPath in a JSONata state", func(p *tasks.CallAwsServiceCrossRegionProps) { p.QueryLanguage = sfn.QueryLanguage_JSONATA },
			`Parameters.parameters.Key: JSONPath "$.key" in a JSONata state`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() {
				tasks.NewCallAwsServiceCrossRegion(stack, jsii.String("Call"), crossRegionProps(tt.mod))
			}), tt.want)
		})
	}
}

// An endpoint decided at run time is warned about, as the CDK does.
func TestCallAwsServiceCrossRegionDynamicEndpointWarning(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCallAwsServiceCrossRegion(stack, jsii.String("Call"), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
		p.Endpoint = tasks.StringAt("$.endpoint")
	}))
	machine(t, stack, task)
	var warnings []string
	for _, m := range *task.Node().Metadata() {
		if *m.Type == "aws:cdk:warning" {
			warnings = append(warnings, m.Data.(string))
		}
	}
	assert.Len(t, warnings, 1)
	assert.Contains(t, warnings[0], "The endpoint property is resolved from the Step Functions state input")
}

// Run locally: the function gets the call, the response lands at
// ResultPath; an SDK error is caught.
func TestCallAwsServiceCrossRegionRun(t *testing.T) {
	stack := cdktest.NewStack()
	get := tasks.NewCallAwsServiceCrossRegion(stack, jsii.String("GetReport"), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
		p.ResultSelector = &map[string]interface{}{"body.$": "$.Body"}
		p.ResultPath = jsii.String("$.report")
	}))
	none := sfn.NewPass(stack, jsii.String("NoReport"), &sfn.PassProps{Result: sfn.Result_FromString(jsii.String("none"))})
	get.AddCatch(none, &sfn.CatchProps{Errors: jsii.Strings("NoSuchKey")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(get)})
	var got any
	res := integ.Run(t, stack, sm, map[string]any{"key": "2026/11.csv"}, integ.Mocks{
		"GetReport": integ.Func(func(in any) (any, error) { got = in; return map[string]any{"Body": "a,b"}, nil }),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"service": "s3", "action": "getObject", "region": "eu-west-1",
		"parameters": map[string]any{"Bucket": "reports-eu", "Key": "2026/11.csv"}}, got)
	assert.Equal(t, map[string]any{"body": "a,b"}, res.Output.(map[string]any)["report"])

	res = integ.Run(t, stack, sm, map[string]any{"key": "x"}, integ.Mocks{"GetReport": integ.Fail("NoSuchKey", "The specified key does not exist.")})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "none", res.Output)
}

func TestCallAwsServiceCrossRegionWorkflowFastPath(t *testing.T) {
	build := func(scope constructs.Construct) sfn.IChainable {
		a := tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("A"), crossRegionProps(nil))
		b := tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("B"), crossRegionProps(func(p *tasks.CallAwsServiceCrossRegionProps) {
			p.Region = jsii.String("ap-southeast-2")
			p.RetryOnServiceExceptions = jsii.Bool(false)
		}))
		return a.Next(b)
	}
	cdkStack := cdktest.NewStack()
	cdkTpl := machine(t, cdkStack, build(cdkStack))
	goStack := cdktest.NewStack()
	w := fragments.NewWorkflow(goStack, jsii.String("W"))
	fragments.NewStateMachine(goStack, jsii.String("Machine"), build(w), nil)
	goTpl := cdktest.Template(t, goStack)
	assert.NotNil(t, w.Node().TryFindChild(jsii.String("AHandler")))
	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, goTpl))
	assert.Equal(t, cdktest.SortedStatements(cdktest.RoleStatements(t, cdkTpl)), cdktest.SortedStatements(cdktest.RoleStatements(t, goTpl)))
}
