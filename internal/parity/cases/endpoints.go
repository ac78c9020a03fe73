package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// Cases for the tasks that call endpoints (HttpInvoke, the API Gateway
// tasks) and those the CDK backs with a Lambda function of its own
// (EvaluateExpression, CallAwsServiceCrossRegion), ported from the CDK's
// unit tests.

// README titles of the deliberate differences these cases meet.
const (
	evalJSONata = "EvaluateExpression renders Arguments in a JSONata state"
)

func connection(scope constructs.Construct) awsevents.IConnection {
	return awsevents.Connection_FromConnectionAttributes(scope, jsii.String("Connection"), &awsevents.ConnectionAttributes{
		ConnectionName:      jsii.String("testConnection"),
		ConnectionArn:       jsii.String("arn:aws:events:us-east-1:123456789012:connection/testConnection/0f3c2a6e-5f3c-4a3b-9e8d-2b1f3c4d5e6f"),
		ConnectionSecretArn: jsii.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/testConnection/0f3c2a6e-AbCdEf"),
	})
}

func restAPI(scope constructs.Construct) awsapigateway.IRestApi {
	return awsapigateway.RestApi_FromRestApiId(scope, jsii.String("RestApi"), jsii.String("abcde12345"))
}

func init() {
	add(
		parity.Case{Name: "HttpInvoke/default props", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewHttpInvoke(scope, jsii.String("Task"), &tasks.HttpInvokeProps{
				ApiRoot:     jsii.String("https://api.example.com"),
				ApiEndpoint: sfn.TaskInput_FromText(jsii.String("path/to/resource")),
				Connection:  connection(scope),
				Method:      sfn.TaskInput_FromText(jsii.String("POST")),
			})
		}},
		parity.Case{Name: "HttpInvoke/all props", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewHttpInvoke(scope, jsii.String("Task"), &tasks.HttpInvokeProps{
				ApiRoot:               jsii.String("https://api.example.com"),
				ApiEndpoint:           sfn.TaskInput_FromText(jsii.String("path/to/resource")),
				Connection:            connection(scope),
				Headers:               sfn.TaskInput_FromObject(&map[string]interface{}{"custom-header": "custom-value"}),
				Method:                sfn.TaskInput_FromText(jsii.String("POST")),
				UrlEncodingFormat:     tasks.URLEncodingFormat_BRACKETS,
				QueryStringParameters: sfn.TaskInput_FromObject(&map[string]interface{}{"foo": "bar"}),
				Body:                  sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id", "tags": []interface{}{"a", "b"}}),
			})
		}},
		parity.Case{Name: "HttpInvoke/default URL encoding", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewHttpInvoke(scope, jsii.String("Task"), &tasks.HttpInvokeProps{
				ApiRoot:           jsii.String("https://api.example.com"),
				ApiEndpoint:       sfn.TaskInput_FromText(jsii.String("path/to/resource")),
				Method:            sfn.TaskInput_FromText(jsii.String("POST")),
				Connection:        connection(scope),
				UrlEncodingFormat: tasks.URLEncodingFormat_DEFAULT,
			})
		}},
		parity.Case{Name: "HttpInvoke/no URL encoding, method from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewHttpInvoke(scope, jsii.String("Task"), &tasks.HttpInvokeProps{
				ApiRoot:           jsii.String("https://api.example.com"),
				ApiEndpoint:       sfn.TaskInput_FromText(jsii.String("path/to/resource")),
				Method:            sfn.TaskInput_FromJsonPathAt(jsii.String("$.method")),
				Connection:        connection(scope),
				UrlEncodingFormat: tasks.URLEncodingFormat_NONE,
				ResultSelector:    &map[string]interface{}{"body.$": "$.ResponseBody"},
			})
		}},
		parity.Case{Name: "HttpInvoke/jsonata endpoint", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewHttpInvoke(scope, jsii.String("Task"), &tasks.HttpInvokeProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				ApiRoot:       jsii.String("{% 'https://' & $states.input.hostname %}"),
				ApiEndpoint:   sfn.TaskInput_FromText(jsii.String("{% 'issues/' & $states.input.issue.id %}")),
				Method:        sfn.TaskInput_FromText(jsii.String("GET")),
				Connection:    connection(scope),
				Assign:        &map[string]interface{}{"issue": "{% $parse($states.result.ResponseBody) %}"},
			})
		}},
		parity.Case{Name: "HttpInvoke/jsonata, literal endpoint, URL-encoded", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewHttpInvoke(scope, jsii.String("Task"), &tasks.HttpInvokeProps{
				QueryLanguage:     sfn.QueryLanguage_JSONATA,
				ApiRoot:           jsii.String("https://api.example.com"),
				ApiEndpoint:       sfn.TaskInput_FromText(jsii.String("v1/items")),
				Method:            sfn.TaskInput_FromText(jsii.String("PUT")),
				Connection:        connection(scope),
				Headers:           sfn.TaskInput_FromObject(&map[string]interface{}{"x-id": "{% $states.input.id %}"}),
				UrlEncodingFormat: tasks.URLEncodingFormat_REPEAT,
			})
		}},

		parity.Case{Name: "CallApiGatewayRestApiEndpoint/default", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayRestApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayRestApiEndpointProps{
				Api: restAPI(scope), Method: tasks.HttpMethod_GET, StageName: jsii.String("dev"),
			})
		}},
		parity.Case{Name: "CallApiGatewayRestApiEndpoint/region override", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayRestApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayRestApiEndpointProps{
				Api: restAPI(scope), Method: tasks.HttpMethod_GET, StageName: jsii.String("dev"), Region: jsii.String("us-west-2"),
			})
		}},
		parity.Case{Name: "CallApiGatewayRestApiEndpoint/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayRestApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayRestApiEndpointProps{
				Api: restAPI(scope), Method: tasks.HttpMethod_GET, StageName: jsii.String("dev"),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Headers:            sfn.TaskInput_FromObject(&map[string]interface{}{"TaskToken": sfn.JsonPath_Array(sfn.JsonPath_TaskToken())}),
			})
		}},
		parity.Case{Name: "CallApiGatewayRestApiEndpoint/IAM role, path, query and body", Build: func(scope constructs.Construct) sfn.State {
			api := awsapigateway.NewRestApi(scope, jsii.String("Api"), nil)
			api.Root().AddResource(jsii.String("pets"), nil).AddMethod(jsii.String("POST"), nil, nil)
			return tasks.NewCallApiGatewayRestApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayRestApiEndpointProps{
				Api: api, Method: tasks.HttpMethod_POST, StageName: jsii.String("prod"), ApiPath: jsii.String("/pets"),
				AuthType:        tasks.AuthType_IAM_ROLE,
				QueryParameters: sfn.TaskInput_FromObject(&map[string]interface{}{"limit": []interface{}{"10"}}),
				RequestBody:     sfn.TaskInput_FromObject(&map[string]interface{}{"name.$": "$.name"}),
				ResultSelector:  &map[string]interface{}{"status.$": "$.StatusCode"},
			})
		}},
		parity.Case{Name: "CallApiGatewayRestApiEndpoint/jsonata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayRestApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayRestApiEndpointProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				Api:           restAPI(scope), Method: tasks.HttpMethod_DELETE, StageName: jsii.String("dev"),
				ApiPath:  jsii.String("{% '/pets/' & $states.input.id %}"),
				AuthType: tasks.AuthType_RESOURCE_POLICY,
				Outputs:  map[string]interface{}{"deleted": "{% $states.result.StatusCode = 200 %}"},
			})
		}},

		parity.Case{Name: "CallApiGatewayHttpApiEndpoint/default", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayHttpApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayHttpApiEndpointProps{
				ApiId: jsii.String("abcdef1234"), ApiStack: awscdk.Stack_Of(scope), Method: tasks.HttpMethod_GET, StageName: jsii.String("dev"),
			})
		}},
		parity.Case{Name: "CallApiGatewayHttpApiEndpoint/default stage, path", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayHttpApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayHttpApiEndpointProps{
				ApiId: jsii.String("abcdef1234"), ApiStack: awscdk.Stack_Of(scope), Method: tasks.HttpMethod_PUT,
				ApiPath:  jsii.String("/orders/42"),
				AuthType: tasks.AuthType_IAM_ROLE,
				Headers:  sfn.TaskInput_FromObject(&map[string]interface{}{"x-trace": []interface{}{"abc"}}),
			})
		}},
		parity.Case{Name: "CallApiGatewayHttpApiEndpoint/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayHttpApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayHttpApiEndpointProps{
				ApiId: jsii.String("abcdef1234"), ApiStack: awscdk.Stack_Of(scope), Method: tasks.HttpMethod_POST, StageName: jsii.String("dev"),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Headers:            sfn.TaskInput_FromObject(&map[string]interface{}{"TaskToken": sfn.JsonPath_Array(sfn.JsonPath_TaskToken())}),
				RequestBody:        sfn.TaskInput_FromJsonPathAt(jsii.String("$.order")),
			})
		}},
		parity.Case{Name: "CallApiGatewayHttpApiEndpoint/jsonata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallApiGatewayHttpApiEndpoint(scope, jsii.String("Task"), &tasks.CallApiGatewayHttpApiEndpointProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				ApiId:         jsii.String("abcdef1234"), ApiStack: awscdk.Stack_Of(scope), Method: tasks.HttpMethod_PATCH, StageName: jsii.String("live"),
				ApiPath:     jsii.String("/orders"),
				RequestBody: sfn.TaskInput_FromObject(&map[string]interface{}{"id": "{% $states.input.id %}"}),
			})
		}},

		parity.Case{Name: "EvaluateExpression/sum of two paths", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEvaluateExpression(scope, jsii.String("Task"), &tasks.EvaluateExpressionProps{Expression: jsii.String("$.a + $.b")})
		}},
		parity.Case{Name: "EvaluateExpression/no paths", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEvaluateExpression(scope, jsii.String("Task"), &tasks.EvaluateExpressionProps{Expression: jsii.String("2 + 2")})
		}},
		parity.Case{Name: "EvaluateExpression/dash and underscore in paths", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEvaluateExpression(scope, jsii.String("Task"), &tasks.EvaluateExpressionProps{
				Expression: jsii.String("$.a_b + $.c-d + $.list[0]"), ResultPath: jsii.String("$.sum")})
		}},
		parity.Case{Name: "EvaluateExpression/runtime and architecture", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEvaluateExpression(scope, jsii.String("Task"), &tasks.EvaluateExpressionProps{
				Expression:   jsii.String("`${$.greeting}, ${$.name}`"),
				Runtime:      awslambda.Runtime_NODEJS_22_X(),
				Architecture: awslambda.Architecture_ARM_64(),
				TaskTimeout:  sfn.Timeout_Duration(awscdkSeconds(10)),
			})
		}},
		parity.Case{Name: "EvaluateExpression/jsonata", Differs: map[string]string{"Arguments": evalJSONata, "Parameters": evalJSONata},
			Build: func(scope constructs.Construct) sfn.State {
				return tasks.NewEvaluateExpression(scope, jsii.String("Task"), &tasks.EvaluateExpressionProps{
					QueryLanguage: sfn.QueryLanguage_JSONATA, Expression: jsii.String("$.items.length > 3")})
			}},

		parity.Case{Name: "CallAwsServiceCrossRegion/get object", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("Task"), &tasks.CallAwsServiceCrossRegionProps{
				Service: jsii.String("s3"), Action: jsii.String("getObject"),
				Parameters:   &map[string]interface{}{"Bucket": "my-bucket", "Key": sfn.JsonPath_StringAt(jsii.String("$.key"))},
				Region:       jsii.String("us-east-1"),
				IamResources: jsii.Strings("arn:aws:s3:::my-bucket/*"),
			})
		}},
		parity.Case{Name: "CallAwsServiceCrossRegion/no retry, custom IAM action", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("Task"), &tasks.CallAwsServiceCrossRegionProps{
				Service: jsii.String("s3"), Action: jsii.String("listBuckets"), Region: jsii.String("eu-west-1"),
				IamResources: jsii.Strings("*"), IamAction: jsii.String("s3:ListAllMyBuckets"),
				RetryOnServiceExceptions: jsii.Bool(false),
			})
		}},
		parity.Case{Name: "CallAwsServiceCrossRegion/camelCase parameters, endpoint", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("Task"), &tasks.CallAwsServiceCrossRegionProps{
				Service: jsii.String("api-gateway"), Action: jsii.String("getRestApi"), Region: jsii.String("us-east-1"),
				Parameters:   &map[string]interface{}{"restApiId": "id"},
				Endpoint:     jsii.String("https://apigateway.us-east-1.amazonaws.com"),
				IamResources: jsii.Strings("arn:aws:apigateway:us-east-1::/restapis/id"),
				AdditionalIamStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions: jsii.Strings("s3:GetObject"), Resources: jsii.Strings("arn:aws:s3:::my-bucket/*")})},
			})
		}},
		parity.Case{Name: "CallAwsServiceCrossRegion/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("Task"), &tasks.CallAwsServiceCrossRegionProps{
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Service:            jsii.String("sqs"), Action: jsii.String("sendMessage"), Region: jsii.String("us-west-2"),
				Parameters: &map[string]interface{}{
					"QueueUrl":    "https://sqs.us-west-2.amazonaws.com/123456789012/callbacks",
					"MessageBody": map[string]interface{}{"token": sfn.JsonPath_TaskToken(), "payload": sfn.JsonPath_StringAt(jsii.String("$.payload"))},
				},
				IamResources: jsii.Strings("arn:aws:sqs:us-west-2:123456789012:callbacks"),
			})
		}},
		parity.Case{Name: "CallAwsServiceCrossRegion/jsonata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsServiceCrossRegion(scope, jsii.String("Task"), &tasks.CallAwsServiceCrossRegionProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				Service:       jsii.String("s3"), Action: jsii.String("getObject"), Region: jsii.String("us-east-1"),
				Parameters:   &map[string]interface{}{"Bucket": "my-bucket", "Key": "{% $key %}"},
				IamResources: jsii.Strings("arn:aws:s3:::my-bucket/*"),
			})
		}},
	)
}
