// Package helloworld is the seed "This and that for using Step Functions
// with CDK + Python" in Go with sfnkit: two Lambda tasks passing results
// through ResultPath, a Catch on each that notifies a Lambda with the
// execution ID, error and cause before failing, the variant that wraps the
// work in a Parallel to catch once, and a Choice on the payload. A
// CallAwsService records the greeting in DynamoDB.
//
// The CDK app is ./app (cdk.json runs it for `cdk synth`); the tests are in
// examples/, one test package for all the examples.
package helloworld

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/tasks"
)

// HelloWorld is the stack and the two state machines in it.
type HelloWorld struct {
	Stack    awscdk.Stack
	Chained  sfn.StateMachine // a Catch on each task
	Enclosed sfn.StateMachine // one Catch on a Parallel around the tasks
}

// NewHelloWorld builds the stack, its states rendered by the CDK.
func NewHelloWorld(scope constructs.Construct, id string, props *awscdk.StackProps) *HelloWorld {
	return newHelloWorld(scope, id, props, false)
}

// NewHelloWorldInWorkflow builds the same stack with the states in a
// fragments.Workflow, so that both machines are rendered in Go in one
// piece (the same definitions and permissions, a fraction of the jsii calls).
func NewHelloWorldInWorkflow(scope constructs.Construct, id string, props *awscdk.StackProps) *HelloWorld {
	return newHelloWorld(scope, id, props, true)
}

// newHelloWorld builds the stack; inWorkflow builds the states in a
// fragments.Workflow (NewHelloWorldInWorkflow).
func newHelloWorld(scope constructs.Construct, id string, props *awscdk.StackProps, inWorkflow bool) *HelloWorld {
	stack := awscdk.NewStack(scope, jsii.String(id), props)
	var taskScope constructs.Construct = stack
	if inWorkflow {
		taskScope = fragments.NewWorkflow(stack, jsii.String("Tasks"))
	}
	hello := function(stack, "Hello", `exports.handler = async () => ({ message: "hello" });`)
	world := function(stack, "World", `exports.handler = async (e) => ({ ok: true, message: e.message + " world" });`)
	notify := function(stack, "NotifyError", `exports.handler = async (e) => console.log(JSON.stringify(e));`)
	table := awsdynamodb.NewTableV2(stack, jsii.String("Greetings"), &awsdynamodb.TablePropsV2{
		PartitionKey:  &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
		RemovalPolicy: awscdk.RemovalPolicy_DESTROY,
	})

	build := func(prefix string) (work sfn.Chain, failure sfn.IChainable, steps []tasks.Task) {
		helloTask := tasks.NewLambdaInvoke(taskScope, jsii.String(prefix+"[Lambda] hello"), &tasks.LambdaInvokeProps{
			LambdaFunction: hello, ResultPath: jsii.String("$.helloLambda"),
		})
		worldTask := tasks.NewLambdaInvoke(taskScope, jsii.String(prefix+"[Lambda] world"), &tasks.LambdaInvokeProps{
			LambdaFunction: world,
			Payload:        sfn.TaskInput_FromJsonPathAt(jsii.String("$.helloLambda.Payload")),
			ResultPath:     jsii.String("$.worldLambda"),
		})
		notifyTask := tasks.NewLambdaInvoke(taskScope, jsii.String(prefix+"[Lambda] notification_error"), &tasks.LambdaInvokeProps{
			LambdaFunction: notify,
			Payload: tasks.TaskInput_FromObject(map[string]any{
				"execution_id": tasks.Path("$$.Execution.Id"),
				"error":        tasks.Path("$.Error"),
				"cause":        tasks.Path("$.Cause"),
			}),
		})
		failed := sfn.NewFail(stack, jsii.String(prefix+"Job Failed"), &sfn.FailProps{Cause: jsii.String("Job Failed"), Error: jsii.String("Workflow FAILED")})
		return helloTask.Next(worldTask), notifyTask.Next(failed), []tasks.Task{helloTask, worldTask}
	}

	finish := func(prefix string) sfn.IChainable {
		record := tasks.NewCallAwsService(taskScope, jsii.String(prefix+"Record greeting"), &tasks.CallAwsServiceProps{
			Service: jsii.String("dynamodb"), Action: jsii.String("putItem"),
			Parameters: &map[string]interface{}{
				"TableName": table.TableName(),
				"Item": map[string]any{
					"id":       map[string]any{"S": tasks.Path("$$.Execution.Name")},
					"greeting": map[string]any{"S": tasks.Path("$.worldLambda.Payload.message")},
				},
			},
			IamResources: &[]*string{table.TableArn()},
			ResultPath:   jsii.String(tasks.Discard),
		})
		return fragments.NewChoice(taskScope, jsii.String(prefix+"Greeted?"), nil).
			When(sfn.Condition_BooleanEquals(jsii.String("$.worldLambda.Payload.ok"), jsii.Bool(true)),
				record.Next(sfn.NewSucceed(stack, jsii.String(prefix+"Done"), nil)), nil).
			Otherwise(sfn.NewFail(stack, jsii.String(prefix+"Not greeted"), &sfn.FailProps{Error: jsii.String("NotGreeted")}))
	}

	// A Catch on each task, all into one notification chain.
	work, failure, steps := build("")
	for _, step := range steps {
		step.AddCatch(failure, &sfn.CatchProps{Errors: jsii.Strings("States.ALL")})
	}
	chained := fragments.NewStateMachine(stack, jsii.String("hello_workflow"), work.Next(finish("")), nil)

	// The same work enclosed in a Parallel: one Catch for all of it.
	work, failure, _ = build("Enclosed ")
	enclosure := fragments.NewParallel(taskScope, jsii.String("Enclosed work"), &sfn.ParallelProps{OutputPath: jsii.String("$[0]")})
	enclosure.Branch(work)
	enclosure.AddCatch(failure, &sfn.CatchProps{Errors: jsii.Strings("States.ALL")})
	enclosed := fragments.NewStateMachine(stack, jsii.String("hello_workflow_parallel"), enclosure.Next(finish("Enclosed ")), nil)
	return &HelloWorld{Stack: stack, Chained: chained, Enclosed: enclosed}
}

func function(scope constructs.Construct, id, code string) awslambda.IFunction {
	return awslambda.NewFunction(scope, jsii.String(id), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_22_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String(code)),
	})
}
