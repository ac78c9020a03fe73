package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

func function(scope constructs.Construct) awslambda.IFunction {
	return awslambda.Function_FromFunctionArn(scope, jsii.String("Fn"), jsii.String("arn:aws:lambda:us-east-1:123456789012:function:worker"))
}

func init() {
	add(
		parity.Case{Name: "LambdaInvoke/defaults", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewLambdaInvoke(scope, jsii.String("Task"), &tasks.LambdaInvokeProps{LambdaFunction: function(scope)})
		}},
		parity.Case{Name: "LambdaInvoke/payload and qualifier", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewLambdaInvoke(scope, jsii.String("Task"), &tasks.LambdaInvokeProps{
				LambdaFunction: function(scope),
				Payload:        sfn.TaskInput_FromObject(&map[string]interface{}{"foo": "bar", "id.$": "$.id"}),
				InvocationType: tasks.LambdaInvocationType_EVENT,
				Qualifier:      jsii.String("live"),
				ResultPath:     sfn.JsonPath_DISCARD(),
			})
		}},
		parity.Case{Name: "LambdaInvoke/payload response only", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewLambdaInvoke(scope, jsii.String("Task"), &tasks.LambdaInvokeProps{
				LambdaFunction:           function(scope),
				PayloadResponseOnly:      jsii.Bool(true),
				RetryOnServiceExceptions: jsii.Bool(false),
				StateName:                jsii.String("Call the worker"),
			})
		}},
		parity.Case{Name: "LambdaInvoke/client context and payload from a path", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewLambdaInvoke(scope, jsii.String("Task"), &tasks.LambdaInvokeProps{
				LambdaFunction: function(scope),
				ClientContext:  jsii.String("eyJoZWxsbyI6IndvcmxkIn0="),
				InvocationType: tasks.LambdaInvocationType_DRY_RUN,
				Payload:        sfn.TaskInput_FromJsonPathAt(jsii.String("$.request")),
				ResultSelector: &map[string]interface{}{"body.$": "$.Payload.body"},
				TaskTimeout:    sfn.Timeout_Duration(awscdkSeconds(30)),
			})
		}},
		parity.Case{Name: "LambdaInvoke/jsonata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewLambdaInvoke(scope, jsii.String("Task"), &tasks.LambdaInvokeProps{
				QueryLanguage:  sfn.QueryLanguage_JSONATA,
				LambdaFunction: function(scope),
				Payload:        sfn.TaskInput_FromObject(&map[string]interface{}{"id": "{% $states.input.id %}", "fixed": 1}),
				Outputs:        "{% $states.result.Payload %}",
			})
		}},
		parity.Case{Name: "LambdaInvoke/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewLambdaInvoke(scope, jsii.String("Task"), &tasks.LambdaInvokeProps{
				LambdaFunction:     function(scope),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Payload:            sfn.TaskInput_FromObject(&map[string]interface{}{"token": sfn.JsonPath_TaskToken()}),
				HeartbeatTimeout:   sfn.Timeout_Duration(awscdkSeconds(60)),
				TaskTimeout:        sfn.Timeout_At(jsii.String("$.timeout")),
			})
		}},
	)
}
