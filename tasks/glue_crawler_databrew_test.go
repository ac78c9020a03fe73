package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsglue"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestGlueCrawlerAndDataBrewRendering(t *testing.T) {
	stack := cdktest.NewStack()
	crawler := awsglue.NewCfnCrawler(stack, jsii.String("Crawler"), &awsglue.CfnCrawlerProps{
		Role: jsii.String("arn:aws:iam::123456789012:role/crawler"), Targets: &awsglue.CfnCrawler_TargetsProperty{
			S3Targets: &[]*awsglue.CfnCrawler_S3TargetProperty{{Path: jsii.String("s3://bucket/data")}}}})
	crawl := tasks.NewGlueStartCrawlerRun(stack, jsii.String("Crawl"), &tasks.GlueStartCrawlerRunProps{CrawlerName: crawler.Ref()})
	again := tasks.NewGlueStartCrawlerRun(stack, jsii.String("Again"), &tasks.GlueStartCrawlerRunProps{CrawlerName: tasks.StringAt("$.crawler")})
	brew := tasks.NewGlueDataBrewStartJobRun(stack, jsii.String("Brew"), &tasks.GlueDataBrewStartJobRunProps{
		Name: jsii.String("clean"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	brewDyn := tasks.NewGlueDataBrewStartJobRun(stack, jsii.String("BrewDyn"), &tasks.GlueDataBrewStartJobRunProps{Name: tasks.StringAt("$.job")})
	tpl := machine(t, stack, crawl.Next(again).Next(brew).Next(brewDyn))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::aws-sdk:glue:startCrawler", "Next": "Again",
		"Parameters": map[string]any{"Name": "${Crawler}"}}, state(t, tpl, "Crawl"))
	assert.Equal(t, map[string]any{"Name.$": "$.crawler"}, state(t, tpl, "Again")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::databrew:startJobRun.sync", "Next": "BrewDyn",
		"Parameters": map[string]any{"Name": "clean"}}, state(t, tpl, "Brew"))
	assert.Equal(t, map[string]any{"Name.$": "$.job"}, state(t, tpl, "BrewDyn")["Parameters"])
	assert.Equal(t, "arn:"+partition+":states:::databrew:startJobRun", state(t, tpl, "BrewDyn")["Resource"])
	cdktest.Golden(t, "glue_crawler_databrew", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)

	stack = cdktest.NewStack()
	ata := tasks.NewGlueDataBrewStartJobRun(stack, jsii.String("Brew"), &tasks.GlueDataBrewStartJobRunProps{
		QueryLanguage: sfn.QueryLanguage_JSONATA, Name: jsii.String("{% $states.input.job %}")})
	assert.Equal(t, map[string]any{"Name": "{% $states.input.job %}"}, state(t, machine(t, stack, ata), "Brew")["Arguments"])
}

func TestGlueCrawlerAndDataBrewIAM(t *testing.T) {
	brewSync := []string{"databrew:StartJobRun", "databrew:ListJobRuns", "databrew:StopJobRun"}
	tests := []struct {
		name  string
		build func(s awscdk.Stack) sfn.IChainable
		want  []map[string]any
	}{
		{"crawler", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), &tasks.GlueStartCrawlerRunProps{CrawlerName: jsii.String("daily")})
		}, []map[string]any{stmt([]string{"glue:StartCrawler"}, arn("glue", "crawler/daily"))}},
		{"crawler, dynamic", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), &tasks.GlueStartCrawlerRunProps{CrawlerName: tasks.StringAt("$.crawler")})
		}, []map[string]any{stmt([]string{"glue:StartCrawler"}, arn("glue", "crawler/*"))}},
		{"crawler, formatted", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), &tasks.GlueStartCrawlerRunProps{CrawlerName: tasks.StringAt("States.Format('raw-{}', $.day)")})
		}, []map[string]any{stmt([]string{"glue:StartCrawler"}, arn("glue", "crawler/raw-*"))}},
		{"databrew, request response", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewGlueDataBrewStartJobRun(s, jsii.String("T"), &tasks.GlueDataBrewStartJobRunProps{Name: jsii.String("clean")})
		}, []map[string]any{stmt([]string{"databrew:StartJobRun"}, arn("databrew", "job/clean"))}},
		{"databrew, run job", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewGlueDataBrewStartJobRun(s, jsii.String("T"), &tasks.GlueDataBrewStartJobRunProps{Name: jsii.String("clean"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt(brewSync, arn("databrew", "job/clean"))}},
		{"databrew, run job, dynamic", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewGlueDataBrewStartJobRun(s, jsii.String("T"), &tasks.GlueDataBrewStartJobRunProps{Name: tasks.StringAt("$.job"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt(brewSync, arn("databrew", "job/*"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			got := cdktest.RoleStatements(t, machine(t, stack, tt.build(stack)))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestGlueCrawlerAndDataBrewErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(s awscdk.Stack)
		want  string
	}{
		{"no crawler", func(s awscdk.Stack) {
			tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), &tasks.GlueStartCrawlerRunProps{})
		}, "CrawlerName: required"},
		{"crawler name on two lines", func(s awscdk.Stack) {
			tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), &tasks.GlueStartCrawlerRunProps{CrawlerName: jsii.String("a\nb")})
		}, "CrawlerName: \"a\\nb\" must be 1 to 255 characters on one line"},
		{"crawler has no .sync", func(s awscdk.Stack) {
			tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), &tasks.GlueStartCrawlerRunProps{CrawlerName: jsii.String("c"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, "RUN_JOB is not supported by aws-sdk:glue:startCrawler; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
		{"no databrew job", func(s awscdk.Stack) {
			tasks.NewGlueDataBrewStartJobRun(s, jsii.String("T"), &tasks.GlueDataBrewStartJobRunProps{})
		}, "Name: required"},
		{"databrew name too long", func(s awscdk.Stack) {
			tasks.NewGlueDataBrewStartJobRun(s, jsii.String("T"), &tasks.GlueDataBrewStartJobRunProps{Name: jsii.String(strings.Repeat("j", 241))})
		}, "Name: must be 1 to 240 characters, got 241"},
		{"databrew callback", func(s awscdk.Stack) {
			tasks.NewGlueDataBrewStartJobRun(s, jsii.String("T"), &tasks.GlueDataBrewStartJobRunProps{Name: tasks.StringAt("$$.Task.Token"),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN})
		}, "WAIT_FOR_TASK_TOKEN is not supported by databrew:startJobRun; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"nil props", func(s awscdk.Stack) { tasks.NewGlueStartCrawlerRun(s, jsii.String("T"), nil) }, "props: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() { tt.build(stack) }), tt.want)
		})
	}
}

// Run locally: the crawler starts, the DataBrew job fails and is caught.
func TestGlueCrawlerAndDataBrewRun(t *testing.T) {
	stack := cdktest.NewStack()
	crawl := tasks.NewGlueStartCrawlerRun(stack, jsii.String("Crawl"), &tasks.GlueStartCrawlerRunProps{
		CrawlerName: tasks.StringAt("$.crawler"), ResultPath: jsii.String(tasks.Discard)})
	brew := tasks.NewGlueDataBrewStartJobRun(stack, jsii.String("Brew"), &tasks.GlueDataBrewStartJobRunProps{
		Name: tasks.StringAt("$.job"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	brew.AddCatch(sfn.NewPass(stack, jsii.String("Brew failed"), nil), &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(crawl.Next(brew))})
	var crawled, brewed any
	res := integ.Run(t, stack, sm, map[string]any{"crawler": "daily", "job": "clean"}, integ.Mocks{
		"Crawl": integ.Func(func(in any) (any, error) { crawled = in; return map[string]any{}, nil }),
		"Brew": integ.Func(func(in any) (any, error) {
			brewed = in
			return nil, integ.Fail("DataBrew.JobRunFailed", "recipe step 3 failed")
		}),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"Name": "daily"}, crawled)
	assert.Equal(t, map[string]any{"Name": "clean"}, brewed)
	assert.Equal(t, "DataBrew.JobRunFailed", res.Output.(map[string]any)["error"].(map[string]any)["Error"])
}

func TestGlueCrawlerAndDataBrewWorkflowFastPath(t *testing.T) {
	assertSameOnBothPaths(t, func(scope constructs.Construct, _ awscdk.Stack) sfn.IChainable {
		crawl := tasks.NewGlueStartCrawlerRun(scope, jsii.String("Crawl"), &tasks.GlueStartCrawlerRunProps{CrawlerName: jsii.String("daily")})
		brew := tasks.NewGlueDataBrewStartJobRun(scope, jsii.String("Brew"), &tasks.GlueDataBrewStartJobRunProps{
			Name: tasks.StringAt("$.job"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		return crawl.Next(brew)
	})
}
