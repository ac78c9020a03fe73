package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestCallAwsServiceIAM(t *testing.T) {
	stack := cdktest.NewStack()
	list := tasks.NewCallAwsService(stack, jsii.String("List"), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("listObjectsV2"),
		Parameters:   &map[string]interface{}{"Bucket": "my-bucket", "Prefix": tasks.StringAt("$.prefix")},
		IamAction:    jsii.String("s3:ListBucket"),
		IamResources: jsii.Strings("arn:aws:s3:::my-bucket"),
		AdditionalIamStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions: jsii.Strings("kms:Decrypt"), Resources: jsii.Strings("arn:aws:kms:eu-west-1:111122223333:key/abc"),
		})},
	})
	get := tasks.NewCallAwsService(stack, jsii.String("Get"), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("getObject"),
		Parameters:   &map[string]interface{}{"Bucket": "my-bucket", "Key.$": "$.key"},
		IamResources: jsii.Strings("arn:aws:s3:::my-bucket/*"),
	})
	tpl := machine(t, stack, list.Next(get))
	assert.Equal(t, []map[string]any{
		stmt([]string{"s3:ListBucket"}, "arn:aws:s3:::my-bucket"),
		stmt([]string{"kms:Decrypt"}, "arn:aws:kms:eu-west-1:111122223333:key/abc"),
		stmt([]string{"s3:GetObject"}, "arn:aws:s3:::my-bucket/*"),
	}, cdktest.RoleStatements(t, tpl))
	assert.Equal(t, map[string]any{"Bucket": "my-bucket", "Prefix.$": "$.prefix"}, state(t, tpl, "List")["Parameters"])
	assert.Equal(t, "arn:"+partition+":states:::aws-sdk:s3:listObjectsV2", state(t, tpl, "List")["Resource"])
	assert.Equal(t, map[string]any{"Bucket": "my-bucket", "Key.$": "$.key"}, state(t, tpl, "Get")["Parameters"])
}

// A Condition in AdditionalIamStatements reaches the policy as written (jsii
// hands nested objects back wrapped in {"$jsii.map": ...}).
func TestCallAwsServiceAdditionalStatementCondition(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCallAwsService(stack, jsii.String("Register"), &tasks.CallAwsServiceProps{
		Service: jsii.String("batch"), Action: jsii.String("registerJobDefinition"),
		IamResources: jsii.Strings(arn("batch", "job-definition/x-*")),
		AdditionalIamStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions: jsii.Strings("iam:PassRole"), Resources: jsii.Strings("arn:aws:iam::111122223333:role/job"),
			Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"iam:PassedToService": "batch.amazonaws.com"},
				"ForAnyValue:StringLike": map[string]interface{}{"aws:TagKeys": []interface{}{"team*"}}},
		})},
	})
	got := cdktest.SortedStatements(cdktest.RoleStatements(t, machine(t, stack, task)))
	pass := stmt([]string{"iam:PassRole"}, "arn:aws:iam::111122223333:role/job")
	pass["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "batch.amazonaws.com"},
		"ForAnyValue:StringLike": map[string]any{"aws:TagKeys": []any{"team*"}}}
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{stmt([]string{"batch:RegisterJobDefinition"}, arn("batch", "job-definition/x-*")), pass}), got)
}

// The seed cdk-python-stepfunctions-tips had to string-replace the rendered
// JSON to get "Args.$"; here every kind of dynamic value renders directly.
// The values sit in a Lambda payload, which is free-form JSON: elsewhere
// the API check (internal/apimodel) would reject members EMR does not have.
func TestDynamicValuesRender(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCallAwsService(stack, jsii.String("AddStep"), &tasks.CallAwsServiceProps{
		Service: jsii.String("lambda"), Action: jsii.String("invoke"),
		Parameters: tasks.PascalCaseKeys(map[string]any{
			"functionName": "add-step",
			"payload": map[string]any{
				"jobFlowId": tasks.Path("$.clusterId"),
				"steps": []any{map[string]any{
					"name":            "spark",
					"hadoopJarStep":   map[string]any{"jar": "command-runner.jar", "args": tasks.Path("$.args")},
					"instanceCount":   tasks.Path("$.count"),
					"mixedArgs":       tasks.List("spark-submit", tasks.Path("$.script"), 2),
					"cdkNumber":       sfn.JsonPath_NumberAt(jsii.String("$.n")),
					"cdkFormat":       sfn.JsonPath_Format(jsii.String("s3://{}/x"), sfn.JsonPath_StringAt(jsii.String("$.bucket"))),
					"dollarLiteral":   "$5",
					"environmentVars": tasks.Verbatim(map[string]any{"my_var": "x"}),
				}},
			},
		}),
		IamResources: jsii.Strings(arn("lambda", "function:add-step")),
	})
	got := state(t, machine(t, stack, task), "AddStep")["Parameters"]
	assert.Equal(t, map[string]any{"FunctionName": "add-step", "Payload": map[string]any{
		"JobFlowId.$": "$.clusterId",
		"Steps": []any{map[string]any{
			"Name":            "spark",
			"HadoopJarStep":   map[string]any{"Jar": "command-runner.jar", "Args.$": "$.args"},
			"InstanceCount.$": "$.count",
			"MixedArgs.$":     "States.Array('spark-submit', $.script, 2)",
			"CdkNumber.$":     "$.n",
			"CdkFormat.$":     "States.Format('s3://{}/x', $.bucket)",
			"DollarLiteral":   "$5",
			"EnvironmentVars": map[string]any{"my_var": "x"},
		}},
	}}, got)
}

// Without Parameters the request is empty, as the CDK renders it: a state
// without the field would send its whole input as the API request.
func TestCallAwsServiceWithoutParameters(t *testing.T) {
	stack := cdktest.NewStack()
	list := tasks.NewCallAwsService(stack, jsii.String("List"), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("listBuckets"), IamResources: jsii.Strings("*"),
	})
	tpl := machine(t, stack, list)
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::aws-sdk:s3:listBuckets",
		"Parameters": map[string]any{}, "End": true}, state(t, tpl, "List"))
	integ.Validate(t, stack)
	res := integ.Run(t, stack, nil, map[string]any{"unrelated": "input"}, integ.Mocks{"List": integ.Return(map[string]any{"Buckets": []any{}})})
	require.True(t, res.Succeeded(), "%s %s: %s", res.Status, res.Error, res.Cause)
	require.Len(t, res.Calls, 1)
	assert.Equal(t, map[string]any{}, res.Calls[0].Input, "the state input is not the request")

	stack = cdktest.NewStack()
	ata := tasks.NewCallAwsService(stack, jsii.String("ListAta"), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("listBuckets"), IamResources: jsii.Strings("*"),
		QueryLanguage: sfn.QueryLanguage_JSONATA,
	})
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::aws-sdk:s3:listBuckets",
		"QueryLanguage": "JSONata", "Arguments": map[string]any{}, "End": true}, state(t, machine(t, stack, ata), "ListAta"))
	integ.Validate(t, stack)
}

func TestCallAwsServiceErrors(t *testing.T) {
	tests := []struct {
		name  string
		props *tasks.CallAwsServiceProps
		want  string
	}{
		{"no IAM resources", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("getObject")},
			"IamResources: required: the ARNs s3:GetObject acts on"},
		{"RUN_JOB", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("getObject"),
			IamResources: jsii.Strings("arn:aws:s3:::b/*"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB},
			"IntegrationPattern: RUN_JOB is not supported by AWS SDK integrations (they have no .sync)"},
		{"PascalCase action", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("GetObject"), IamResources: jsii.Strings("x")},
			`Action: must be the API action in camelCase ("getObject"), got "GetObject"`},
		{"prefixed service", &tasks.CallAwsServiceProps{Service: jsii.String("aws-sdk:s3"), Action: jsii.String("getObject"), IamResources: jsii.Strings("x")},
			`Service: must be the SDK service name in lower case`},
		{"callback without token", &tasks.CallAwsServiceProps{Service: jsii.String("sqs"), Action: jsii.String("sendMessage"),
			IamResources: jsii.Strings("x"), IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
			Parameters: &map[string]interface{}{"QueueUrl": "q", "MessageBody.$": "$"}},
			"integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"camelCase parameter names", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("getObject"), IamResources: jsii.Strings("x"),
			Parameters: &map[string]interface{}{"Bucket": "b", "key": "k", "versionId.$": "$.v"}},
			`Parameters: names must be PascalCase, as the API writes them (tasks.PascalCaseKeys converts a map), got "key", "versionId.$"`},
		{"nil IAM resource", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("getObject"),
			IamResources: &[]*string{jsii.String("arn:aws:s3:::b/*"), nil}}, "IamResources[1]: is nil"},
		{"nil additional statement", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("getObject"),
			IamResources: jsii.Strings("arn:aws:s3:::b/*"), AdditionalIamStatements: &[]awsiam.PolicyStatement{nil}},
			"AdditionalIamStatements[0]: is nil"},
		{"bad IamAction", &tasks.CallAwsServiceProps{Service: jsii.String("s3"), Action: jsii.String("getObject"), IamResources: jsii.Strings("x"),
			IamAction: jsii.String("GetObject")}, `IamAction: must be "<prefix>:<Action>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewCallAwsService(stack, jsii.String("Call"), tt.props) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
