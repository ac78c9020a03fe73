package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
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
		stmt([]string{"sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob", "sagemaker:AddTags", "sagemaker:ListTags"},
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
