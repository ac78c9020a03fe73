package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodebuild"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	cbBuild  = "app:b1e6661e-e4f2-4156-9ab9-82a19EXAMPLE"
	cbBatch  = "app:0a1b2c3d-e4f2-4156-9ab9-82a19EXAMPLE"
	cbReport = "arn:aws:codebuild:us-east-1:111122223333:report/app-tests:7e3c1bd1-0000-4b4c-9f1b-EXAMPLE"
)

func cbProject(stack awscdk.Stack) awscodebuild.IProject {
	if p, ok := stack.Node().TryFindChild(jsii.String("Project")).(awscodebuild.IProject); ok {
		return p
	}
	return awscodebuild.Project_FromProjectName(stack, jsii.String("Project"), jsii.String("app"))
}

func TestCodeBuildStartBuildRendering(t *testing.T) {
	stack := cdktest.NewStack()
	build := tasks.NewCodeBuildStartBuild(stack, jsii.String("Build"), &tasks.CodeBuildStartBuildProps{
		Project: cbProject(stack),
		EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{
			"ZONE":    {Value: jsii.String("eu")},
			"SECRET":  {Type: awscodebuild.BuildEnvironmentVariableType_SECRETS_MANAGER, Value: jsii.String("db:password")},
			"COMMIT":  {Value: tasks.StringAt("$.commit")},
			"2":       {Type: awscodebuild.BuildEnvironmentVariableType_PARAMETER_STORE, Value: jsii.String("/app/two")},
			"VERSION": {Value: sfn.JsonPath_StringAt(jsii.String("$.version"))},
		},
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
	})
	batch := tasks.NewCodeBuildStartBuildBatch(stack, jsii.String("Batch"), &tasks.CodeBuildStartBuildBatchProps{
		ProjectName:                  tasks.StringAt("$.project"),
		EnvironmentVariablesOverride: tasks.ValueAt[map[string]*awscodebuild.BuildEnvironmentVariable]("$.env"),
	})
	stop := tasks.NewCodeBuildStopBuild(stack, jsii.String("Stop"), &tasks.CodeBuildStopBuildProps{BuildId: tasks.StringAt("$.Build.Id")})
	del := tasks.NewCodeBuildBatchDeleteBuilds(stack, jsii.String("Delete"), &tasks.CodeBuildBatchDeleteBuildsProps{
		BuildIds: &[]*string{jsii.String(cbBuild), tasks.StringAt("$.Build.Id")}})
	reports := tasks.NewCodeBuildBatchGetReports(stack, jsii.String("Reports"), &tasks.CodeBuildBatchGetReportsProps{ReportArns: tasks.ListAt("$.Build.ReportArns")})
	stopBatch := tasks.NewCodeBuildStopBuildBatch(stack, jsii.String("StopBatch"), &tasks.CodeBuildStopBuildBatchProps{BuildBatchId: jsii.String(cbBatch)})
	retry := tasks.NewCodeBuildRetryBuildBatch(stack, jsii.String("Retry"), &tasks.CodeBuildRetryBuildBatchProps{
		BuildBatchId: tasks.StringAt("$.BuildBatch.Id"), RetryType: tasks.CodeBuildRetryType_RETRY_FAILED_BUILDS,
		IdempotencyToken: tasks.StringAt("$$.Execution.Name"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	delBatch := tasks.NewCodeBuildDeleteBuildBatch(stack, jsii.String("DeleteBatch"), &tasks.CodeBuildDeleteBuildBatchProps{BuildBatchId: jsii.String(cbBatch)})
	tpl := machine(t, stack, build.Next(batch).Next(stop).Next(del).Next(reports).Next(stopBatch).Next(retry).Next(delBatch))
	res := "arn:" + partition + ":states:::codebuild:"

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "startBuild.sync", "Next": "Batch", "Parameters": map[string]any{
		"ProjectName": "app",
		"EnvironmentVariablesOverride": []any{
			map[string]any{"Name": "2", "Type": "PARAMETER_STORE", "Value": "/app/two"},
			map[string]any{"Name": "COMMIT", "Type": "PLAINTEXT", "Value.$": "$.commit"},
			map[string]any{"Name": "SECRET", "Type": "SECRETS_MANAGER", "Value": "db:password"},
			map[string]any{"Name": "VERSION", "Type": "PLAINTEXT", "Value.$": "$.version"},
			map[string]any{"Name": "ZONE", "Type": "PLAINTEXT", "Value": "eu"},
		}}}, state(t, tpl, "Build"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "startBuildBatch", "Next": "Stop", "Parameters": map[string]any{
		"ProjectName.$": "$.project", "EnvironmentVariablesOverride.$": "$.env"}}, state(t, tpl, "Batch"))
	assert.Equal(t, map[string]any{"Id.$": "$.Build.Id"}, state(t, tpl, "Stop")["Parameters"])
	assert.Equal(t, res+"stopBuild", state(t, tpl, "Stop")["Resource"])
	assert.Equal(t, map[string]any{"Ids.$": "States.Array('" + cbBuild + "', $.Build.Id)"}, state(t, tpl, "Delete")["Parameters"])
	assert.Equal(t, map[string]any{"ReportArns.$": "$.Build.ReportArns"}, state(t, tpl, "Reports")["Parameters"])
	assert.Equal(t, res+"batchGetReports", state(t, tpl, "Reports")["Resource"])
	assert.Equal(t, map[string]any{"Id": cbBatch}, state(t, tpl, "StopBatch")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "retryBuildBatch.sync", "Next": "DeleteBatch", "Parameters": map[string]any{
		"Id.$": "$.BuildBatch.Id", "RetryType": "RETRY_FAILED_BUILDS", "IdempotencyToken.$": "$$.Execution.Name"}}, state(t, tpl, "Retry"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "deleteBuildBatch", "End": true, "Parameters": map[string]any{"Id": cbBatch}},
		state(t, tpl, "DeleteBatch"))
	cdktest.Golden(t, "codebuild", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

func TestCodeBuildJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCodeBuildStartBuild(stack, jsii.String("Build"), &tasks.CodeBuildStartBuildProps{
		QueryLanguage: sfn.QueryLanguage_JSONATA, ProjectName: jsii.String("{% $states.input.project %}"),
		EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": {Value: jsii.String("{% $states.input.a %}")}},
	})
	got := state(t, machine(t, stack, task), "Build")
	assert.Equal(t, map[string]any{"ProjectName": "{% $states.input.project %}", "EnvironmentVariablesOverride": []any{
		map[string]any{"Name": "A", "Type": "PLAINTEXT", "Value": "{% $states.input.a %}"}}}, got["Arguments"])
}

func TestCodeBuildIAM(t *testing.T) {
	project := arn("codebuild", "project/app")
	anyProject := arn("codebuild", "project/*")
	startRule := emrRule("StepFunctionsGetEventForCodeBuildStartBuildRule")
	batchRule := emrRule("StepFunctionsGetEventForCodeBuildStartBuildBatchRule")
	build := func(stack awscdk.Stack, p *tasks.CodeBuildStartBuildProps) sfn.IChainable {
		return tasks.NewCodeBuildStartBuild(stack, jsii.String("Task"), p)
	}
	tests := []struct {
		name  string
		build func(stack awscdk.Stack) sfn.IChainable
		want  []map[string]any
	}{
		{"start build, request response", func(s awscdk.Stack) sfn.IChainable {
			return build(s, &tasks.CodeBuildStartBuildProps{Project: cbProject(s)})
		}, []map[string]any{stmt([]string{"codebuild:StartBuild"}, project)}},
		{"start build, run job", func(s awscdk.Stack) sfn.IChainable {
			return build(s, &tasks.CodeBuildStartBuildProps{Project: cbProject(s), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt([]string{"codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"}, project), startRule}},
		{"start build, imported project in another account", func(s awscdk.Stack) sfn.IChainable {
			p := awscodebuild.Project_FromProjectArn(s, jsii.String("Other"), jsii.String("arn:aws:codebuild:eu-west-1:444455556666:project/shared"))
			return build(s, &tasks.CodeBuildStartBuildProps{Project: p})
		}, []map[string]any{stmt([]string{"codebuild:StartBuild"}, "arn:aws:codebuild:eu-west-1:444455556666:project/shared")}},
		{"start build, dynamic name", func(s awscdk.Stack) sfn.IChainable {
			return build(s, &tasks.CodeBuildStartBuildProps{ProjectName: tasks.StringAt("$.project"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt([]string{"codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"}, anyProject), startRule}},
		{"start build, formatted name", func(s awscdk.Stack) sfn.IChainable {
			return build(s, &tasks.CodeBuildStartBuildProps{ProjectName: tasks.StringAt("States.Format('ci-{}', $.app)")})
		}, []map[string]any{stmt([]string{"codebuild:StartBuild"}, arn("codebuild", "project/ci-*"))}},
		{"start build, project ARN by name", func(s awscdk.Stack) sfn.IChainable {
			return build(s, &tasks.CodeBuildStartBuildProps{ProjectName: jsii.String("arn:aws:codebuild:us-east-1:444455556666:project/shared")})
		}, []map[string]any{stmt([]string{"codebuild:StartBuild"}, "arn:aws:codebuild:us-east-1:444455556666:project/shared")}},
		{"start build batch, request response", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildStartBuildBatch(s, jsii.String("Task"), &tasks.CodeBuildStartBuildBatchProps{Project: cbProject(s)})
		}, []map[string]any{stmt([]string{"codebuild:StartBuildBatch"}, project)}},
		{"start build batch, run job", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildStartBuildBatch(s, jsii.String("Task"), &tasks.CodeBuildStartBuildBatchProps{ProjectName: jsii.String("app"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt([]string{"codebuild:StartBuildBatch", "codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"}, project), batchRule}},
		{"stop build", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildStopBuild(s, jsii.String("Task"), &tasks.CodeBuildStopBuildProps{BuildId: jsii.String(cbBuild)})
		}, []map[string]any{stmt([]string{"codebuild:StopBuild"}, project)}},
		{"stop build, dynamic", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildStopBuild(s, jsii.String("Task"), &tasks.CodeBuildStopBuildProps{BuildId: tasks.StringAt("$.Build.Id")})
		}, []map[string]any{stmt([]string{"codebuild:StopBuild"}, anyProject)}},
		{"stop build, formatted with the project", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildStopBuild(s, jsii.String("Task"), &tasks.CodeBuildStopBuildProps{BuildId: tasks.StringAt("States.Format('app:{}', $.uuid)")})
		}, []map[string]any{stmt([]string{"codebuild:StopBuild"}, project)}},
		{"batch delete builds, two projects and a dynamic one", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildBatchDeleteBuilds(s, jsii.String("Task"), &tasks.CodeBuildBatchDeleteBuildsProps{
				BuildIds: jsii.Strings(cbBuild, "web:1234", "app:5678")})
		}, []map[string]any{stmt([]string{"codebuild:BatchDeleteBuilds"}, project, arn("codebuild", "project/web"))}},
		{"batch delete builds, dynamic item", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildBatchDeleteBuilds(s, jsii.String("Task"), &tasks.CodeBuildBatchDeleteBuildsProps{
				BuildIds: &[]*string{jsii.String(cbBuild), tasks.StringAt("$.id")}})
		}, []map[string]any{stmt([]string{"codebuild:BatchDeleteBuilds"}, anyProject)}},
		{"batch get reports", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildBatchGetReports(s, jsii.String("Task"), &tasks.CodeBuildBatchGetReportsProps{ReportArns: jsii.Strings(cbReport)})
		}, []map[string]any{stmt([]string{"codebuild:BatchGetReports"}, "arn:aws:codebuild:us-east-1:111122223333:report-group/app-tests")}},
		{"batch get reports, dynamic", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildBatchGetReports(s, jsii.String("Task"), &tasks.CodeBuildBatchGetReportsProps{ReportArns: tasks.ListAt("$.arns")})
		}, []map[string]any{stmt([]string{"codebuild:BatchGetReports"}, arn("codebuild", "report-group/*"))}},
		{"stop build batch", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildStopBuildBatch(s, jsii.String("Task"), &tasks.CodeBuildStopBuildBatchProps{BuildBatchId: jsii.String(cbBatch)})
		}, []map[string]any{stmt([]string{"codebuild:StopBuildBatch"}, project)}},
		{"retry build batch, request response", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildRetryBuildBatch(s, jsii.String("Task"), &tasks.CodeBuildRetryBuildBatchProps{BuildBatchId: jsii.String(cbBatch)})
		}, []map[string]any{stmt([]string{"codebuild:RetryBuildBatch"}, project)}},
		{"retry build batch, run job, dynamic", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildRetryBuildBatch(s, jsii.String("Task"), &tasks.CodeBuildRetryBuildBatchProps{
				BuildBatchId: tasks.StringAt("$.id"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt([]string{"codebuild:RetryBuildBatch", "codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"}, anyProject)}},
		{"delete build batch", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewCodeBuildDeleteBuildBatch(s, jsii.String("Task"), &tasks.CodeBuildDeleteBuildBatchProps{BuildBatchId: jsii.String(cbBatch)})
		}, []map[string]any{stmt([]string{"codebuild:DeleteBuildBatch"}, project)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			got := cdktest.RoleStatements(t, machine(t, stack, tt.build(stack)))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestCodeBuildErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(s awscdk.Stack)
		want  string
	}{
		{"no project", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{})
		}, "Project: required"},
		{"both project and name", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuildBatch(s, jsii.String("T"), &tasks.CodeBuildStartBuildBatchProps{Project: cbProject(s), ProjectName: jsii.String("app")})
		}, "Project: give Project or ProjectName, not both"},
		{"bad project name", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{ProjectName: jsii.String("my project")})
		}, `ProjectName: "my project" is not a CodeBuild project name`},
		{"nil variable", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{ProjectName: jsii.String("app"),
				EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": nil}})
		}, "EnvironmentVariablesOverride.A: a nil variable"},
		{"number value", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{ProjectName: jsii.String("app"),
				EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": {Value: 3}}})
		}, "EnvironmentVariablesOverride.A.Value: CodeBuild takes string values, got 3"},
		{"missing value", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{ProjectName: jsii.String("app"),
				EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": {}}})
		}, "EnvironmentVariablesOverride.A.Value: required"},
		{"bad variable type", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{ProjectName: jsii.String("app"),
				EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": {Value: jsii.String("x"), Type: "VAULT"}}})
		}, `EnvironmentVariablesOverride.A.Type: must be PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER (or dynamic), got "VAULT"`},
		{"callback", func(s awscdk.Stack) {
			tasks.NewCodeBuildStartBuild(s, jsii.String("T"), &tasks.CodeBuildStartBuildProps{ProjectName: tasks.StringAt("$$.Task.Token"),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN})
		}, "WAIT_FOR_TASK_TOKEN is not supported by codebuild:startBuild; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"stop build has no .sync", func(s awscdk.Stack) {
			tasks.NewCodeBuildStopBuild(s, jsii.String("T"), &tasks.CodeBuildStopBuildProps{BuildId: jsii.String(cbBuild), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, "RUN_JOB is not supported by codebuild:stopBuild; supported: REQUEST_RESPONSE"},
		{"missing build ID", func(s awscdk.Stack) {
			tasks.NewCodeBuildStopBuild(s, jsii.String("T"), &tasks.CodeBuildStopBuildProps{})
		}, "BuildId: required"},
		{"build ID without project", func(s awscdk.Stack) {
			tasks.NewCodeBuildStopBuild(s, jsii.String("T"), &tasks.CodeBuildStopBuildProps{BuildId: jsii.String("b1e6661e")})
		}, `BuildId: "b1e6661e" is not a build ID`},
		{"batch ID without project", func(s awscdk.Stack) {
			tasks.NewCodeBuildDeleteBuildBatch(s, jsii.String("T"), &tasks.CodeBuildDeleteBuildBatchProps{BuildBatchId: jsii.String(":x")})
		}, `BuildBatchId: ":x" is not a build batch ID`},
		{"no build IDs", func(s awscdk.Stack) {
			tasks.NewCodeBuildBatchDeleteBuilds(s, jsii.String("T"), &tasks.CodeBuildBatchDeleteBuildsProps{BuildIds: &[]*string{}})
		}, "BuildIds: must have 1 to 100 items, got 0"},
		{"too many build IDs", func(s awscdk.Stack) {
			ids := make([]*string, 101)
			for i := range ids {
				ids[i] = jsii.String(cbBuild)
			}
			tasks.NewCodeBuildBatchDeleteBuilds(s, jsii.String("T"), &tasks.CodeBuildBatchDeleteBuildsProps{BuildIds: &ids})
		}, "BuildIds: must have 1 to 100 items, got 101"},
		{"nil build ID", func(s awscdk.Stack) {
			tasks.NewCodeBuildBatchDeleteBuilds(s, jsii.String("T"), &tasks.CodeBuildBatchDeleteBuildsProps{BuildIds: &[]*string{nil}})
		}, "BuildIds[0]: must be a string (or dynamic)"},
		{"bad build ID in list", func(s awscdk.Stack) {
			tasks.NewCodeBuildBatchDeleteBuilds(s, jsii.String("T"), &tasks.CodeBuildBatchDeleteBuildsProps{BuildIds: jsii.Strings(cbBuild, "nope")})
		}, `BuildIds[1]: "nope" is not a build ID`},
		{"missing report ARNs", func(s awscdk.Stack) {
			tasks.NewCodeBuildBatchGetReports(s, jsii.String("T"), &tasks.CodeBuildBatchGetReportsProps{})
		}, "ReportArns: required"},
		{"report ARN not one", func(s awscdk.Stack) {
			tasks.NewCodeBuildBatchGetReports(s, jsii.String("T"), &tasks.CodeBuildBatchGetReportsProps{ReportArns: jsii.Strings("app-tests")})
		}, `ReportArns[0]: "app-tests" is not a CodeBuild report ARN`},
		{"bad retry type", func(s awscdk.Stack) {
			tasks.NewCodeBuildRetryBuildBatch(s, jsii.String("T"), &tasks.CodeBuildRetryBuildBatchProps{BuildBatchId: jsii.String(cbBatch), RetryType: "RETRY_SOME"})
		}, `RetryType: must be RETRY_ALL_BUILDS or RETRY_FAILED_BUILDS (or dynamic), got "RETRY_SOME"`},
		{"long idempotency token", func(s awscdk.Stack) {
			tasks.NewCodeBuildRetryBuildBatch(s, jsii.String("T"), &tasks.CodeBuildRetryBuildBatchProps{BuildBatchId: jsii.String(cbBatch),
				IdempotencyToken: jsii.String(strings.Repeat("t", 1025))})
		}, "IdempotencyToken: must be 1 to 1024 characters, got 1025"},
		{"nil props", func(s awscdk.Stack) { tasks.NewCodeBuildStopBuildBatch(s, jsii.String("T"), nil) }, "props: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() { tt.build(stack) }), tt.want)
		})
	}
}

// Run locally: a build runs, its ID goes to the next tasks, and a failed
// batch retry is caught.
func TestCodeBuildRun(t *testing.T) {
	stack := cdktest.NewStack()
	build := tasks.NewCodeBuildStartBuild(stack, jsii.String("Build"), &tasks.CodeBuildStartBuildProps{
		Project: cbProject(stack), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"COMMIT": {Value: tasks.StringAt("$.commit")}},
		ResultSelector:               &map[string]interface{}{"Id.$": "$.Build.Id", "Reports.$": "$.Build.ReportArns"}, ResultPath: jsii.String("$.build"),
	})
	reports := tasks.NewCodeBuildBatchGetReports(stack, jsii.String("Reports"), &tasks.CodeBuildBatchGetReportsProps{
		ReportArns: tasks.ListAt("$.build.Reports"), ResultPath: jsii.String(tasks.Discard)})
	del := tasks.NewCodeBuildBatchDeleteBuilds(stack, jsii.String("Delete"), &tasks.CodeBuildBatchDeleteBuildsProps{
		BuildIds: &[]*string{tasks.StringAt("$.build.Id")}, ResultPath: jsii.String(tasks.Discard)})
	retry := tasks.NewCodeBuildRetryBuildBatch(stack, jsii.String("Retry"), &tasks.CodeBuildRetryBuildBatchProps{
		BuildBatchId: jsii.String(cbBatch), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	retry.AddCatch(sfn.NewPass(stack, jsii.String("Retry failed"), nil), &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		build.Next(reports).Next(del).Next(retry))})

	var started, got, deleted any
	res := integ.Run(t, stack, sm, map[string]any{"commit": "abc123"}, integ.Mocks{
		"Build": integ.Func(func(in any) (any, error) {
			started = in
			return map[string]any{"Build": map[string]any{"Id": cbBuild, "BuildStatus": "SUCCEEDED", "ReportArns": []any{cbReport}}}, nil
		}),
		"Reports": integ.Func(func(in any) (any, error) { got = in; return map[string]any{"Reports": []any{}}, nil }),
		"Delete":  integ.Func(func(in any) (any, error) { deleted = in; return map[string]any{"BuildsDeleted": []any{cbBuild}}, nil }),
		"Retry":   integ.Fail("CodeBuild.InvalidInputException", "batch is in progress"),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"ProjectName": "app", "EnvironmentVariablesOverride": []any{
		map[string]any{"Name": "COMMIT", "Type": "PLAINTEXT", "Value": "abc123"}}}, started)
	assert.Equal(t, map[string]any{"ReportArns": []any{cbReport}}, got)
	assert.Equal(t, map[string]any{"Ids": []any{cbBuild}}, deleted)
	assert.Equal(t, "CodeBuild.InvalidInputException", res.Output.(map[string]any)["error"].(map[string]any)["Error"])
}

// Built in a fragments.Workflow, the tasks render in Go to the definition
// the CDK path gives, with the same statements.
func TestCodeBuildWorkflowFastPath(t *testing.T) {
	build := func(scope constructs.Construct, stack awscdk.Stack) sfn.IChainable {
		start := tasks.NewCodeBuildStartBuild(scope, jsii.String("Build"), &tasks.CodeBuildStartBuildProps{
			Project: cbProject(stack), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
			EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": {Value: tasks.StringAt("$.a")}}})
		stop := tasks.NewCodeBuildStopBuild(scope, jsii.String("Stop"), &tasks.CodeBuildStopBuildProps{BuildId: tasks.StringAt("$.Build.Id")})
		retry := tasks.NewCodeBuildRetryBuildBatch(scope, jsii.String("Retry"), &tasks.CodeBuildRetryBuildBatchProps{BuildBatchId: jsii.String(cbBatch)})
		return start.Next(stop).Next(retry)
	}
	assertSameOnBothPaths(t, build)
}

// assertSameOnBothPaths builds a chain with the CDK's state machine and in a
// fragments.Workflow with fragments.NewStateMachine, and compares the
// definitions and the role's statements.
func assertSameOnBothPaths(t *testing.T, build func(scope constructs.Construct, stack awscdk.Stack) sfn.IChainable) {
	t.Helper()
	cdkStack := cdktest.NewStack()
	cdkTpl := machine(t, cdkStack, build(cdkStack, cdkStack))
	flowStack := cdktest.NewStack()
	flow := fragments.NewWorkflow(flowStack, jsii.String("Flow"))
	fragments.NewStateMachine(flowStack, jsii.String("Machine"), build(flow, flowStack), &sfn.StateMachineProps{})
	flowTpl := cdktest.Template(t, flowStack)
	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, flowTpl))
	assert.Equal(t, cdktest.SortedStatements(cdktest.RoleStatements(t, cdkTpl)), cdktest.SortedStatements(cdktest.RoleStatements(t, flowTpl)))
}
