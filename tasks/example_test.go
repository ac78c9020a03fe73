package tasks_test

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// exampleStack is a stack in a fixed account and region, so that what the
// examples print does not depend on the environment.
func exampleStack() awscdk.Stack {
	props := cdktest.StackProps()
	props.Env = &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("eu-west-1")}
	return awscdk.NewStack(cdktest.NewApp(), jsii.String("Example"), props)
}

// show prints a task's state (as the definition holds it) and its IAM
// statements, CloudFormation expressions written as text.
func show(stack awscdk.Stack, task tasks.Task) {
	state := flattenAll(stack.Resolve(task.ToStateJson(sfn.QueryLanguage_JSON_PATH)))
	out, _ := json.MarshalIndent(state, "", "  ")
	fmt.Println(string(out))
	for _, s := range task.PolicyStatements() {
		resources := append([]string(nil), s.Resources...)
		for i, r := range resources {
			resources[i] = cdktest.Flatten(stack.Resolve(jsii.String(r)))
		}
		sort.Strings(resources)
		line := fmt.Sprintf("Allow %v on %v", s.Actions, resources)
		if len(s.Conditions) > 0 {
			cond, _ := json.Marshal(s.Conditions)
			line += " if " + string(cond)
		}
		fmt.Println(line)
	}
}

// flattenAll writes every CloudFormation expression in x as text.
func flattenAll(x any) any {
	switch v := x.(type) {
	case map[string]any:
		if _, join := v["Fn::Join"]; join || v["Ref"] != nil || v["Fn::GetAtt"] != nil {
			return cdktest.Flatten(v)
		}
		out := map[string]any{}
		for k, item := range v {
			out[k] = flattenAll(item)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = flattenAll(item)
		}
		return out
	}
	return x
}

// A Lambda function invoked with part of the state input. The function is
// the only resource granted; the CDK's default retries are kept.
func ExampleNewLambdaInvoke() {
	stack := exampleStack()
	fn := awslambda.Function_FromFunctionArn(stack, jsii.String("Fn"), jsii.String("arn:aws:lambda:eu-west-1:123456789012:function:resize"))
	task := tasks.NewLambdaInvoke(stack, jsii.String("Resize"), &tasks.LambdaInvokeProps{
		LambdaFunction:           fn,
		Payload:                  sfn.TaskInput_FromObject(&map[string]interface{}{"image.$": "$.image", "width": 640}),
		RetryOnServiceExceptions: jsii.Bool(false),
		ResultSelector:           &map[string]interface{}{"thumbnail.$": "$.Payload.key"},
	})
	show(stack, task)
	// Output:
	// {
	//   "End": true,
	//   "Parameters": {
	//     "FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:resize",
	//     "Payload": {
	//       "image.$": "$.image",
	//       "width": 640
	//     }
	//   },
	//   "Resource": "arn:${AWS::Partition}:states:::lambda:invoke",
	//   "ResultSelector": {
	//     "thumbnail.$": "$.Payload.key"
	//   },
	//   "Type": "Task"
	// }
	// Allow [lambda:InvokeFunction] on [arn:aws:lambda:eu-west-1:123456789012:function:resize]
}

// Numbers, lists and durations keep the CDK's Go types and can still be
// decided at run time: tasks.NumberAt, tasks.ListAt, tasks.DurationAt.
func ExampleNewBatchSubmitJob() {
	stack := exampleStack()
	task := tasks.NewBatchSubmitJob(stack, jsii.String("Report"), &tasks.BatchSubmitJobProps{
		JobName:          jsii.String("report"),
		JobDefinitionArn: jsii.String("arn:aws:batch:eu-west-1:123456789012:job-definition/report:3"),
		JobQueueArn:      jsii.String("arn:aws:batch:eu-west-1:123456789012:job-queue/default"),
		ArraySize:        tasks.NumberAt("$.shards"),
		Attempts:         jsii.Number(3),
		ContainerOverrides: &tasks.BatchContainerOverrides{
			Command: tasks.ListAt("$.command"),
			Vcpus:   jsii.Number(2),
		},
		Timeout: awscdk.Duration_Minutes(jsii.Number(30)),
	})
	show(stack, task)
	// Output:
	// {
	//   "End": true,
	//   "Parameters": {
	//     "ArrayProperties": {
	//       "Size.$": "$.shards"
	//     },
	//     "ContainerOverrides": {
	//       "Command.$": "$.command",
	//       "ResourceRequirements": [
	//         {
	//           "Type": "VCPU",
	//           "Value": "2"
	//         }
	//       ]
	//     },
	//     "JobDefinition": "arn:aws:batch:eu-west-1:123456789012:job-definition/report:3",
	//     "JobName": "report",
	//     "JobQueue": "arn:aws:batch:eu-west-1:123456789012:job-queue/default",
	//     "RetryStrategy": {
	//       "Attempts": 3
	//     },
	//     "Timeout": {
	//       "AttemptDurationSeconds": 1800
	//     }
	//   },
	//   "Resource": "arn:${AWS::Partition}:states:::batch:submitJob.sync",
	//   "Type": "Task"
	// }
	// Allow [batch:SubmitJob] on [arn:${AWS::Partition}:batch:eu-west-1:123456789012:job/* arn:aws:batch:eu-west-1:123456789012:job-definition/report:3 arn:aws:batch:eu-west-1:123456789012:job-queue/default]
	// Allow [batch:DescribeJobs] on [*]
	// Allow [batch:TerminateJob] on [arn:${AWS::Partition}:batch:eu-west-1:123456789012:job/*]
	// Allow [events:PutTargets events:PutRule events:DescribeRule] on [arn:${AWS::Partition}:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForBatchJobsRule]
}

// A child state machine run to completion: DescribeExecution and
// StopExecution on its executions only, and the EventBridge rule .sync
// needs.
func ExampleNewStepFunctionsStartExecution() {
	stack := exampleStack()
	child := sfn.StateMachine_FromStateMachineArn(stack, jsii.String("Child"), jsii.String("arn:aws:states:eu-west-1:123456789012:stateMachine:child"))
	task := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Run child"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine:       child,
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Input:              sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id"}),
	})
	show(stack, task)
	// Output:
	// {
	//   "End": true,
	//   "Parameters": {
	//     "Input": {
	//       "id.$": "$.id"
	//     },
	//     "StateMachineArn": "arn:aws:states:eu-west-1:123456789012:stateMachine:child"
	//   },
	//   "Resource": "arn:${AWS::Partition}:states:::states:startExecution.sync:2",
	//   "Type": "Task"
	// }
	// Allow [states:StartExecution] on [arn:aws:states:eu-west-1:123456789012:stateMachine:child]
	// Allow [states:DescribeExecution states:StopExecution] on [arn:aws:states:eu-west-1:123456789012:execution:child:*]
	// Allow [events:PutTargets events:PutRule events:DescribeRule] on [arn:${AWS::Partition}:events:eu-west-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule]
}

// StateName names the state in the definition; the construct ID stays what
// it was, so logical IDs do not move when a state is renamed.
func ExampleLambdaInvokeProps_stateName() {
	stack := exampleStack()
	fn := awslambda.Function_FromFunctionArn(stack, jsii.String("Fn"), jsii.String("arn:aws:lambda:eu-west-1:123456789012:function:f"))
	first := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{
		LambdaFunction: fn, StateName: jsii.String("Validate order"), RetryOnServiceExceptions: jsii.Bool(false)})
	fmt.Println(*first.StateId(), *first.Node().Id())
	// Output: Validate order Invoke
}

// The CDK's metric methods, with the CDK's namespace, names and
// dimensions.
func ExampleLambdaInvoke_metrics() {
	stack := exampleStack()
	fn := awslambda.Function_FromFunctionArn(stack, jsii.String("Fn"), jsii.String("arn:aws:lambda:eu-west-1:123456789012:function:f"))
	task := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	for _, m := range []interface {
		Namespace() *string
		MetricName() *string
		Statistic() *string
	}{task.MetricFailed(nil), task.MetricRunTime(nil)} {
		fmt.Println(*m.Namespace(), *m.MetricName(), *m.Statistic())
	}
	// Output:
	// AWS/States LambdaFunctionsFailed Sum
	// AWS/States LambdaFunctionRunTime Average
}

// Invalid props are one ValidationError listing every problem by field.
func ExampleValidationError() {
	stack := exampleStack()
	err := cdktest.Catch(func() {
		tasks.NewBatchSubmitJob(stack, jsii.String("Job"), &tasks.BatchSubmitJobProps{
			JobName:     jsii.String("report"),
			JobQueueArn: jsii.String("arn:aws:batch:eu-west-1:123456789012:job-queue/default"),
			Attempts:    jsii.Number(11),
			ArraySize:   jsii.Number(1),
		})
	})
	fmt.Println(err)
	// Output:
	// sfnkit BatchSubmitJob "Example/Job" is invalid:
	//   - JobDefinitionArn: required: the job definition ARN or name
	//   - ArraySize: must be from 2 to 10000, got 1
	//   - Attempts: must be from 1 to 10, got 11
	//   - Parameters.JobDefinition: required by the batch:submitJob request
}

// The CDK's per-language constructors: LambdaInvoke_Jsonata renders a
// JSONata state, Arguments and Output instead of Parameters and paths.
func ExampleLambdaInvokeJsonataProps() {
	stack := exampleStack()
	fn := awslambda.Function_FromFunctionArn(stack, jsii.String("Fn"), jsii.String("arn:aws:lambda:eu-west-1:123456789012:function:score"))
	task := tasks.LambdaInvoke_Jsonata(stack, jsii.String("Score"), &tasks.LambdaInvokeJsonataProps{
		LambdaFunction:           fn,
		Payload:                  sfn.TaskInput_FromObject(&map[string]interface{}{"user": "{% $states.input.user %}"}),
		Outputs:                  map[string]interface{}{"score": "{% $states.result.Payload.score %}"},
		RetryOnServiceExceptions: jsii.Bool(false),
	})
	show(stack, task)
	// Output:
	// {
	//   "Arguments": {
	//     "FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:score",
	//     "Payload": {
	//       "user": "{% $states.input.user %}"
	//     }
	//   },
	//   "End": true,
	//   "Output": {
	//     "score": "{% $states.result.Payload.score %}"
	//   },
	//   "QueryLanguage": "JSONata",
	//   "Resource": "arn:${AWS::Partition}:states:::lambda:invoke",
	//   "Type": "Task"
	// }
	// Allow [lambda:InvokeFunction] on [arn:aws:lambda:eu-west-1:123456789012:function:score]
}

// An SDK call: its Parameters are checked against the API's model when the
// task is built, so a misspelled member fails before deployment.
func ExampleNewCallAwsService() {
	stack := exampleStack()
	err := cdktest.Catch(func() {
		tasks.NewCallAwsService(stack, jsii.String("Get"), &tasks.CallAwsServiceProps{
			Service: jsii.String("s3"), Action: jsii.String("getObject"),
			Parameters:   &map[string]interface{}{"Buckett": "reports", "Key.$": "$.key"},
			IamResources: jsii.Strings("arn:aws:s3:::reports/*"),
		})
	})
	fmt.Println(err)
	// Output:
	// sfnkit CallAwsService "Example/Get" is invalid:
	//   - Parameters.Buckett: the s3 GetObject request has no member Buckett; did you mean Bucket? (members: Bucket, ChecksumMode, ExpectedBucketOwner, IfMatch, IfModifiedSince, IfNoneMatch, IfUnmodifiedSince, Key, PartNumber, Range, RequestPayer, ResponseCacheControl, ResponseContentDisposition, ResponseContentEncoding, ResponseContentLanguage, ResponseContentType, ResponseExpires, SSECustomerAlgorithm, SSECustomerKey, SSECustomerKeyMD5, VersionId)
}

// DynamoDB attribute values from the state input: a number decided at run
// time is sent as the string DynamoDB wants.
func ExampleNewDynamoPutItem() {
	stack := exampleStack()
	table := awsdynamodb.Table_FromTableName(stack, jsii.String("Table"), jsii.String("orders"))
	task := tasks.NewDynamoPutItem(stack, jsii.String("Save"), &tasks.DynamoPutItemProps{
		Table: table,
		Item: &map[string]tasks.DynamoAttributeValue{
			"id":    tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.id"))),
			"total": tasks.DynamoAttributeValue_FromNumber(tasks.NumberAt("$.total")),
		},
	})
	show(stack, task)
	// Output:
	// {
	//   "End": true,
	//   "Parameters": {
	//     "Item": {
	//       "id": {
	//         "S.$": "$.id"
	//       },
	//       "total": {
	//         "N.$": "States.Format('{}', $.total)"
	//       }
	//     },
	//     "TableName": "orders"
	//   },
	//   "Resource": "arn:${AWS::Partition}:states:::dynamodb:putItem",
	//   "Type": "Task"
	// }
	// Allow [dynamodb:PutItem] on [arn:${AWS::Partition}:dynamodb:eu-west-1:123456789012:table/orders]
}
