package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

// The project a build or batch ID names: literal IDs, build ARNs,
// States.Format IDs with the project in their prefix, and the rest.
func TestCodeBuildProjectOfBuild(t *testing.T) {
	for _, tt := range []struct {
		id   *value.Value
		want string
	}{
		{value.Lit("app:b1e6661e"), arnOf("codebuild", "project/app")},
		{value.Lit("arn:aws:codebuild:eu-west-1:444455556666:build/shared:b1e6661e"), "arn:aws:codebuild:eu-west-1:444455556666:project/shared"},
		{value.Lit("arn:aws:codebuild:eu-west-1:444455556666:build-batch/shared:b1e6661e"), "arn:aws:codebuild:eu-west-1:444455556666:project/shared"},
		{value.Lit("no-colon"), arnOf("codebuild", "project/*")},
		{value.Lit("${Token[TOKEN.1]}"), arnOf("codebuild", "project/*")},
		{value.Dyn("$.Build.Id"), arnOf("codebuild", "project/*")},
		{value.Dyn("States.Format('app:{}', $.uuid)"), arnOf("codebuild", "project/app")},
		{value.Dyn("States.Format('ci-{}:{}', $.app, $.uuid)"), arnOf("codebuild", "project/ci-*")},
		{value.Ata("$states.input.id"), arnOf("codebuild", "project/*")},
		{nil, arnOf("codebuild", "project/*")},
	} {
		assert.Equal(t, tt.want, CodeBuildProjectOfBuild(env, tt.id), "%v", tt.id)
	}
}

// What raw ASL (CustomTask) gets for these integrations.
func TestCatalogCFromRawASL(t *testing.T) {
	assert.Equal(t, []Statement{{Actions: []string{"codebuild:BatchGetReports"},
		Resources: []string{"arn:aws:codebuild:us-east-1:111122223333:report-group/tests"}}},
		policy(t, "codebuild", "batchGetReports", RequestResponse, map[string]any{"ReportArns": []any{
			"arn:aws:codebuild:us-east-1:111122223333:report/tests:1", "arn:aws:codebuild:us-east-1:111122223333:report/tests:2"}}),
		"one group for two reports")
	assert.Equal(t, []Statement{{Actions: []string{"codebuild:BatchDeleteBuilds"}, Resources: []string{arnOf("codebuild", "project/*")}}},
		policy(t, "codebuild", "batchDeleteBuilds", RequestResponse, map[string]any{"Ids": value.Dyn("$..Build.Id")}))
	assert.Equal(t, []Statement{
		{Actions: []string{"codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"}, Resources: []string{arnOf("codebuild", "project/app")}},
		rule("StepFunctionsGetEventForCodeBuildStartBuildRule"),
	}, policy(t, "codebuild", "startBuild", RunJob, map[string]any{"ProjectName": "app"}))
	assert.Equal(t, []Statement{
		{Actions: []string{"emr-serverless:CancelJobRun", "emr-serverless:GetJobRun"}, Resources: []string{arnOf("emr-serverless", "/applications/app1/jobruns/*")}},
		rule("StepFunctionsGetEventsForEMRServerlessJobRule"),
	}, policy(t, "emr-serverless", "cancelJobRun", RunJob, map[string]any{"ApplicationId": "app1", "JobRunId": value.Dyn("$.run")}))
	start := Statement{Actions: []string{"emr-containers:StartJobRun"}, Resources: []string{arnOf("emr-containers", "/virtualclusters/vc1")},
		Conditions: map[string]map[string]any{"StringLike": {"emr-containers:ExecutionRoleArn": env.RoleWildcard()}}}
	assert.Equal(t, []Statement{start}, policy(t, "emr-containers", "startJobRun", RequestResponse,
		map[string]any{"VirtualClusterId": "vc1", "ExecutionRoleArn": value.Dyn("$.role")}), "a run-time role: any role of the account")
	assert.Equal(t, []Statement{{Actions: []string{"glue:StartCrawler"}, Resources: []string{arnOf("glue", "crawler/daily")}}},
		policy(t, "aws-sdk:glue", "startCrawler", RequestResponse, map[string]any{"Name": "daily"}))
	assert.Equal(t, []Statement{{Actions: []string{"databrew:StartJobRun", "databrew:ListJobRuns", "databrew:StopJobRun"}, Resources: []string{arnOf("databrew", "job/clean-*")}}},
		policy(t, "databrew", "startJobRun", RunJob, map[string]any{"Name": value.Dyn("States.Format('clean-{}', $.day)")}))
}
