package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// processingJob is the seed customstate-sagemaker-processing-ja's state.
func processingJob(roleArn *string) *map[string]interface{} {
	return &map[string]interface{}{
		"Type":     "Task",
		"Resource": "arn:aws:states:::sagemaker:createProcessingJob.sync",
		"Parameters": map[string]interface{}{
			"ProcessingJobName.$": "States.Format('hello-world-{}', States.UUID())",
			"RoleArn":             roleArn,
			"ProcessingResources": map[string]interface{}{"ClusterConfig": map[string]interface{}{
				"InstanceCount": 1, "InstanceType": "ml.t3.medium", "VolumeSizeInGB": 1}},
			"AppSpecification":  map[string]interface{}{"ImageUri": "000000000000.dkr.ecr.ap-northeast-1.amazonaws.com/hello-world"},
			"StoppingCondition": map[string]interface{}{"MaxRuntimeInSeconds": 600},
		},
	}
}

func TestCustomTaskDerivesProcessingJobIAM(t *testing.T) {
	stack := cdktest.NewStack()
	role := awsiam.NewRole(stack, jsii.String("SageMakerRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil)})
	task := tasks.NewCustomTask(stack, jsii.String("HelloWorldProcessingJob"), &tasks.CustomTaskProps{StateJson: processingJob(role.RoleArn())})
	tpl := machine(t, stack, task)
	assert.Equal(t, []map[string]any{
		stmt([]string{"sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob", "sagemaker:AddTags"},
			arn("sagemaker", "processing-job/hello-world-*")),
		stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"},
			arn("events", "rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule")),
		{"Action": []string{"iam:PassRole"}, "Effect": "Allow", "Resource": []string{roleRef(stack, role)},
			"Condition": map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "sagemaker.amazonaws.com"}}},
	}, cdktest.RoleStatements(t, tpl))
	for _, s := range cdktest.RoleStatements(t, tpl) {
		for _, r := range s["Resource"].([]string) {
			assert.NotEqual(t, "*", r)
		}
	}
	got := state(t, tpl, "HelloWorldProcessingJob")
	assert.Equal(t, "arn:aws:states:::sagemaker:createProcessingJob.sync", got["Resource"])
	assert.Equal(t, "States.Format('hello-world-{}', States.UUID())", got["Parameters"].(map[string]any)["ProcessingJobName.$"])
}

// roleRef is how cdktest flattens a reference to the role's ARN.
func roleRef(stack awscdk.Stack, role awsiam.Role) string {
	return "${" + *stack.GetLogicalId(role.Node().DefaultChild().(awscdk.CfnElement)) + ".Arn}"
}

func TestCustomTaskOtherResources(t *testing.T) {
	stack := cdktest.NewStack()
	fn := tasks.NewCustomTask(stack, jsii.String("Fn"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:111122223333:function:direct"}})
	act := tasks.NewCustomTask(stack, jsii.String("Act"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:eu-west-1:111122223333:activity:work"}})
	sdk := tasks.NewCustomTask(stack, jsii.String("Sdk"), &tasks.CustomTaskProps{
		StateJson: &map[string]interface{}{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
			"Parameters": map[string]interface{}{"Bucket": "b", "Key.$": "$.k"}},
		AdditionalIamStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions: jsii.Strings("s3:GetObject"), Resources: jsii.Strings("arn:aws:s3:::b/*")})},
	})
	tpl := machine(t, stack, fn.Next(act).Next(sdk))
	assert.Equal(t, []map[string]any{
		stmt([]string{"lambda:InvokeFunction"}, "arn:aws:lambda:eu-west-1:111122223333:function:direct"),
		stmt([]string{"s3:GetObject"}, "arn:aws:s3:::b/*"),
	}, cdktest.RoleStatements(t, tpl))
}

// An unknown Resource with no statements fails at synth, saying what to do.
func TestCustomTaskUnknownResourceFailsSynth(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCustomTask(stack, jsii.String("Sdk"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject", "Parameters": map[string]interface{}{"Bucket": "b", "Key": "k"}}})
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	err := cdktest.Catch(func() { awscdk.Stage_Of(stack).Synth(nil) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "CustomTask Sdk: sfnkit cannot derive IAM for Resource arn:aws:states:::aws-sdk:s3:getObject; pass AdditionalIamStatements")
}

func TestCustomTaskErrors(t *testing.T) {
	tests := []struct {
		name string
		json map[string]interface{}
		want string
	}{
		{"callback without token", map[string]interface{}{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
			"Parameters": map[string]interface{}{"FunctionName": "f"}}, "integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"unsupported pattern", map[string]interface{}{"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createModel.sync",
			"Parameters": map[string]interface{}{"ModelName": "m"}}, "RUN_JOB is not supported by sagemaker:createModel; supported: REQUEST_RESPONSE"},
		{"malformed path", map[string]interface{}{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
			"Parameters": map[string]interface{}{"FunctionName": "f", "Payload.$": "$.."}}, `Parameters.Payload: invalid JSONPath "$.."`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			j := tt.json
			msg := validationError(t, func() { tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: &j}) })
			assert.True(t, strings.Contains(msg, tt.want), "got %s", msg)
		})
	}
}

// ecs:runTask passes the task definition's roles, which raw ASL does not
// name: a CustomTask must be given iam:PassRole on them (or name both in
// Overrides), never silently granted less than RunTask needs.
func TestCustomTaskEcsRunTaskRoles(t *testing.T) {
	const (
		cluster  = "arn:aws:ecs:eu-west-1:111122223333:cluster/work"
		taskDef  = "arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7"
		taskRole = "arn:aws:iam::111122223333:role/app-task"
		execRole = "arn:aws:iam::111122223333:role/app-exec"
	)
	runTask := func(overrides map[string]interface{}) *map[string]interface{} {
		params := map[string]interface{}{"Cluster": cluster, "TaskDefinition": taskDef, "LaunchType": "FARGATE"}
		if overrides != nil {
			params["Overrides"] = overrides
		}
		return &map[string]interface{}{"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Parameters": params}
	}
	passRole := func(roles ...string) map[string]any {
		s := stmt([]string{"iam:PassRole"}, roles...)
		s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "ecs-tasks.amazonaws.com"}}
		return s
	}
	derived := []map[string]any{
		stmt([]string{"ecs:RunTask"}, taskDef),
		stmt([]string{"ecs:StopTask", "ecs:DescribeTasks"}, "arn:aws:ecs:eu-west-1:111122223333:task/work/*"),
		stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, arn("events", "rule/StepFunctionsGetEventsForECSTaskRule")),
	}

	t.Run("without iam:PassRole: an error saying what to add", func(t *testing.T) {
		stack := cdktest.NewStack()
		msg := validationError(t, func() {
			tasks.NewCustomTask(stack, jsii.String("Run"), &tasks.CustomTaskProps{StateJson: runTask(map[string]interface{}{"TaskRoleArn": taskRole})})
		})
		assert.Contains(t, msg, `sfnkit CustomTask "Test/Run" is invalid`)
		assert.Contains(t, msg, "AdditionalIamStatements: ecs:runTask passes the task definition's task and execution roles to ECS")
		assert.Contains(t, msg, "iam:PassedToService: ecs-tasks.amazonaws.com")
		assert.Contains(t, msg, "tasks.NewEcsRunTask")
	})
	t.Run("with iam:PassRole given", func(t *testing.T) {
		stack := cdktest.NewStack()
		task := tasks.NewCustomTask(stack, jsii.String("Run"), &tasks.CustomTaskProps{StateJson: runTask(nil),
			AdditionalIamStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions: jsii.Strings("iam:PassRole"), Resources: jsii.Strings(taskRole, execRole),
				Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"iam:PassedToService": "ecs-tasks.amazonaws.com"}},
			})}})
		got := cdktest.RoleStatements(t, machine(t, stack, task))
		assert.Equal(t, cdktest.SortedStatements(append(derived, passRole(taskRole, execRole))), cdktest.SortedStatements(got))
	})
	t.Run("both roles named in Overrides", func(t *testing.T) {
		stack := cdktest.NewStack()
		task := tasks.NewCustomTask(stack, jsii.String("Run"), &tasks.CustomTaskProps{
			StateJson: runTask(map[string]interface{}{"TaskRoleArn": taskRole, "ExecutionRoleArn": execRole})})
		got := cdktest.RoleStatements(t, machine(t, stack, task))
		assert.Equal(t, cdktest.SortedStatements(append(derived, passRole(taskRole, execRole))), cdktest.SortedStatements(got))
	})
}

// A Resource that is a CDK token is read through what it refers to, so it
// gets the statements its literal form would.
func TestCustomTaskTokenResources(t *testing.T) {
	newFunction := func(stack awscdk.Stack) awslambda.Function {
		return awslambda.NewFunction(stack, jsii.String("Worker"), &awslambda.FunctionProps{
			Runtime: awslambda.Runtime_NODEJS_20_X(), Handler: jsii.String("index.handler"),
			Code: awslambda.Code_FromInline(jsii.String("exports.handler = async () => ({})"))})
	}
	fnARN := "${Worker11F36D0F.Arn}"
	partitionToken := func() *string { return awscdk.Aws_PARTITION() }
	task := func(resource any, params map[string]any) *map[string]interface{} {
		j := map[string]interface{}{"Type": "Task", "Resource": resource}
		if params != nil {
			j["Parameters"] = params
		}
		return &j
	}
	tests := []struct {
		name     string
		build    func(stack awscdk.Stack) *map[string]interface{}
		resource string // the Resource in the definition, flattened
		want     []map[string]any
	}{
		{"a function's ARN", func(stack awscdk.Stack) *map[string]interface{} {
			return task(newFunction(stack).FunctionArn(), nil)
		}, fnARN, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN)}},
		{"the function itself", func(stack awscdk.Stack) *map[string]interface{} {
			return task(newFunction(stack), nil)
		}, fnARN, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN)}},
		{"an alias's ARN", func(stack awscdk.Stack) *map[string]interface{} {
			alias := awslambda.NewAlias(stack, jsii.String("Live"), &awslambda.AliasProps{AliasName: jsii.String("live"), Version: newFunction(stack).CurrentVersion()})
			return task(alias.FunctionArn(), nil)
		}, "${Live848578DF}", []map[string]any{stmt([]string{"lambda:InvokeFunction"}, "${Live848578DF}")}},
		{"a function ARN built with Fn_Join", func(stack awscdk.Stack) *map[string]interface{} {
			fn := newFunction(stack)
			return task(awscdk.Fn_Join(jsii.String(":"), &[]*string{jsii.String("arn"), partitionToken(), jsii.String("lambda"),
				awscdk.Aws_REGION(), awscdk.Aws_ACCOUNT_ID(), jsii.String("function"), fn.FunctionName()}), nil)
		}, "arn:" + partition + ":lambda:" + region + ":" + account + ":function:${Worker11F36D0F}",
			[]map[string]any{stmt([]string{"lambda:InvokeFunction"}, "arn:"+partition+":lambda:"+region+":"+account+":function:${Worker11F36D0F}")}},
		{"an activity's ARN: no statements", func(stack awscdk.Stack) *map[string]interface{} {
			return task(sfn.NewActivity(stack, jsii.String("Work"), nil).ActivityArn(), nil)
		}, "${WorkBF636A8B}", nil},
		{"the activity itself", func(stack awscdk.Stack) *map[string]interface{} {
			return task(sfn.NewActivity(stack, jsii.String("Work"), nil), nil)
		}, "${WorkBF636A8B}", nil},
		{"lambda:invoke with Fn_Join and Aws_PARTITION", func(stack awscdk.Stack) *map[string]interface{} {
			fn := newFunction(stack)
			return task(awscdk.Fn_Join(jsii.String(""), &[]*string{jsii.String("arn:"), partitionToken(), jsii.String(":states:::lambda:invoke")}),
				map[string]any{"FunctionName": fn.FunctionArn(), "Payload.$": "$"})
		}, "arn:" + partition + ":states:::lambda:invoke", []map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN)}},
		{"sqs:sendMessage with Fn_Sub", func(stack awscdk.Stack) *map[string]interface{} {
			return task(awscdk.Fn_Sub(jsii.String("arn:${AWS::Partition}:states:::sqs:sendMessage"), nil),
				map[string]any{"QueueUrl": "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", "MessageBody.$": "$"})
		}, "", []map[string]any{stmt([]string{"sqs:SendMessage"}, "arn:"+partition+":sqs:eu-west-1:111122223333:jobs")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			raw := tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: tt.build(stack)})
			tpl := machine(t, stack, raw)
			if tt.resource != "" { // (cdktest reads one machine, and no Fn::Sub)
				assert.Equal(t, tt.resource, cdktest.Flatten(state(t, tpl, "Raw")["Resource"]))
			}
			var got []map[string]any
			for _, s := range cdktest.RoleStatements(t, tpl) {
				if !strings.HasPrefix(s["Action"].([]string)[0], "logs:") && !strings.HasPrefix(s["Action"].([]string)[0], "xray:") {
					got = append(got, s)
				}
			}
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}

	// startExecution.sync:2 of a machine made in the stack: the statements of
	// the typed task for that machine.
	for _, pattern := range []string{"", ".sync:2", ".waitForTaskToken"} {
		t.Run("startExecution"+pattern+" of a state machine made in the stack", func(t *testing.T) {
			statements := func(build func(stack awscdk.Stack, child sfn.StateMachine) sfn.IChainable) []map[string]any {
				stack := cdktest.NewStack()
				child := sfn.NewStateMachine(stack, jsii.String("Child"), &sfn.StateMachineProps{
					DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(stack, jsii.String("Noop"), nil))})
				machine(t, stack, build(stack, child))
				return cdktest.SortedStatements(cdktest.RoleStatements(t, cdktest.Template(t, stack)))
			}
			input := map[string]any{"Input.$": "$"}
			if pattern == ".waitForTaskToken" {
				input = map[string]any{"Input": map[string]any{"token.$": "$$.Task.Token"}}
			}
			typed := statements(func(stack awscdk.Stack, child sfn.StateMachine) sfn.IChainable {
				p := map[string]sfn.IntegrationPattern{"": sfn.IntegrationPattern_REQUEST_RESPONSE, ".sync:2": sfn.IntegrationPattern_RUN_JOB,
					".waitForTaskToken": sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}[pattern]
				return tasks.NewStepFunctionsStartExecution(stack, jsii.String("Raw"), &tasks.StepFunctionsStartExecutionProps{
					StateMachine: child, IntegrationPattern: p, Input: tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})})
			})
			raw := statements(func(stack awscdk.Stack, child sfn.StateMachine) sfn.IChainable {
				params := map[string]any{"StateMachineArn": child.StateMachineArn()}
				for k, v := range input {
					params[k] = v
				}
				return tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{
					StateJson: task("arn:"+*partitionToken()+":states:::states:startExecution"+pattern, params)})
			})
			require.NotEmpty(t, typed)
			assert.Equal(t, typed, raw)
		})
	}

	t.Run("a state machine's ARN as the Resource: an error saying what to use", func(t *testing.T) {
		stack := cdktest.NewStack()
		child := sfn.NewStateMachine(stack, jsii.String("Child"), &sfn.StateMachineProps{
			DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(stack, jsii.String("Noop"), nil))})
		msg := validationError(t, func() {
			tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: task(child.StateMachineArn(), nil)})
		})
		assert.Contains(t, msg, "StateJson.Resource: is a state machine's ARN, which a Task state cannot call")
		assert.Contains(t, msg, "states:::states:startExecution")
	})
	t.Run("a token for something else fails synth, naming what it resolved to", func(t *testing.T) {
		stack := cdktest.NewStack()
		topic := awssns.NewTopic(stack, jsii.String("Topic"), nil)
		raw := tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: task(topic.TopicArn(), nil)})
		sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(raw)})
		err := cdktest.Catch(func() { awscdk.Stage_Of(stack).Synth(nil) })
		require.Error(t, err)
		assert.Contains(t, err.Error(), `sfnkit cannot derive IAM for Resource ${Token[`)
		assert.Contains(t, err.Error(), `({"Ref":"TopicBFC7AF6E"}); pass AdditionalIamStatements`)
	})
}
