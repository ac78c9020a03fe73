package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodebuild"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsglue"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// The CodeBuild, Glue crawler and DataBrew cases port the CDK's unit tests
// (aws-stepfunctions-tasks/test/codebuild/*.test.ts,
// test/glue/start-crawler-run.test.ts, test/databrew/start-job-run.test.ts).

// cbProject is the project the CDK's CodeBuild tests build.
func cbProject(scope constructs.Construct) awscodebuild.Project {
	return awscodebuild.NewProject(scope, jsii.String("Project"), &awscodebuild.ProjectProps{
		BuildSpec: awscodebuild.BuildSpec_FromObject(&map[string]interface{}{
			"version": "0.2",
			"batch":   map[string]interface{}{"build-list": []interface{}{map[string]interface{}{"identifier": "id", "buildspec": `version: 0.2\nphases:\n  build:\n    commands:\n      - echo "Hello, CodeBuild!"`}}},
		}),
	})
}

// cbEnv is the CDK tests' environment override, with a run-time value.
func cbEnv() *map[string]*awscodebuild.BuildEnvironmentVariable {
	return &map[string]*awscodebuild.BuildEnvironmentVariable{
		"env":        {Type: awscodebuild.BuildEnvironmentVariableType_PLAINTEXT, Value: jsii.String("prod")},
		"zone":       {Value: jsii.String("eu-west-1")},
		"secret":     {Type: awscodebuild.BuildEnvironmentVariableType_SECRETS_MANAGER, Value: jsii.String("db:password")},
		"parameter":  {Type: awscodebuild.BuildEnvironmentVariableType_PARAMETER_STORE, Value: jsii.String("/app/param")},
		"fromInput":  {Value: sfn.JsonPath_StringAt(jsii.String("$.envVariableValue"))},
		"2":          {Value: jsii.String("numeric key first")},
		"ZZZ_LAST_1": {Value: jsii.String("z")},
	}
}

func init() {
	add(
		parity.Case{Name: "CodeBuildStartBuild/required only", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuild(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildProps{Project: cbProject(scope)})
		}},
		parity.Case{Name: "CodeBuildStartBuild/environment override", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuild(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildProps{
				Project: cbProject(scope), EnvironmentVariablesOverride: cbEnv()})
		}},
		parity.Case{Name: "CodeBuildStartBuild/run job", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuild(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildProps{
				Project: cbProject(scope), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, EnvironmentVariablesOverride: cbEnv()})
		}},
		parity.Case{Name: "CodeBuildStartBuild/imported project, JSONata", Build: func(scope constructs.Construct) sfn.State {
			project := awscodebuild.Project_FromProjectName(scope, jsii.String("Project"), jsii.String("imported"))
			return tasks.NewCodeBuildStartBuild(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildProps{
				Project: project, QueryLanguage: sfn.QueryLanguage_JSONATA,
				EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{"A": {Value: jsii.String("{% $states.input.a %}")}}})
		}},
		parity.Case{Name: "CodeBuildStartBuild/common props", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuild(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildProps{
				Project: cbProject(scope), Comment: jsii.String("build it"), ResultPath: jsii.String("$.build"),
				ResultSelector: &map[string]interface{}{"id.$": "$.Build.Id"}, TaskTimeout: sfn.Timeout_Duration(awscdkSeconds(600)),
				StateName: jsii.String("Build the app")})
		}},

		parity.Case{Name: "CodeBuildStartBuildBatch/required only", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuildBatch(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildBatchProps{Project: cbProject(scope)})
		}},
		parity.Case{Name: "CodeBuildStartBuildBatch/environment override", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuildBatch(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildBatchProps{
				Project: cbProject(scope), EnvironmentVariablesOverride: cbEnv()})
		}},
		parity.Case{Name: "CodeBuildStartBuildBatch/run job", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuildBatch(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildBatchProps{
				Project: cbProject(scope), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}},
		parity.Case{Name: "CodeBuildStartBuildBatch/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCodeBuildStartBuildBatch(scope, jsii.String("Task"), &tasks.CodeBuildStartBuildBatchProps{
				Project: cbProject(scope), QueryLanguage: sfn.QueryLanguage_JSONATA, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
				EnvironmentVariablesOverride: &map[string]*awscodebuild.BuildEnvironmentVariable{
					"A": {Type: awscodebuild.BuildEnvironmentVariableType_PARAMETER_STORE, Value: jsii.String("{% $states.input.param %}")}}})
		}},

		parity.Case{Name: "GlueStartCrawlerRun/crawler name", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartCrawlerRun(scope, jsii.String("Task"), &tasks.GlueStartCrawlerRunProps{CrawlerName: jsii.String("my-crawler-job")})
		}},
		parity.Case{Name: "GlueStartCrawlerRun/crawler ref", Build: func(scope constructs.Construct) sfn.State {
			crawler := awsglue.NewCfnCrawler(scope, jsii.String("Crawler"), &awsglue.CfnCrawlerProps{
				Role: jsii.String("arn:aws:iam::123456789012:role/crawler"), Targets: &awsglue.CfnCrawler_TargetsProperty{
					S3Targets: &[]*awsglue.CfnCrawler_S3TargetProperty{{Path: jsii.String("s3://bucket/data")}}}})
			return tasks.NewGlueStartCrawlerRun(scope, jsii.String("Task"), &tasks.GlueStartCrawlerRunProps{CrawlerName: crawler.Ref()})
		}},
		parity.Case{Name: "GlueStartCrawlerRun/name from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartCrawlerRun(scope, jsii.String("Task"), &tasks.GlueStartCrawlerRunProps{
				CrawlerName: sfn.JsonPath_StringAt(jsii.String("$.crawler")), ResultPath: sfn.JsonPath_DISCARD()})
		}},
		parity.Case{Name: "GlueStartCrawlerRun/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartCrawlerRun(scope, jsii.String("Task"), &tasks.GlueStartCrawlerRunProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, CrawlerName: jsii.String("{% $states.input.crawler %}")})
		}},

		parity.Case{Name: "GlueDataBrewStartJobRun/request response", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueDataBrewStartJobRun(scope, jsii.String("Task"), &tasks.GlueDataBrewStartJobRunProps{Name: jsii.String("jobName")})
		}},
		parity.Case{Name: "GlueDataBrewStartJobRun/run job", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueDataBrewStartJobRun(scope, jsii.String("Task"), &tasks.GlueDataBrewStartJobRunProps{
				Name: jsii.String("jobName"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}},
		parity.Case{Name: "GlueDataBrewStartJobRun/name from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueDataBrewStartJobRun(scope, jsii.String("Task"), &tasks.GlueDataBrewStartJobRunProps{
				Name: sfn.JsonPath_StringAt(jsii.String("$.Name")), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}},
		parity.Case{Name: "GlueDataBrewStartJobRun/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueDataBrewStartJobRun(scope, jsii.String("Task"), &tasks.GlueDataBrewStartJobRunProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, Name: jsii.String("{% $states.input.job %}"), Comment: jsii.String("brew")})
		}},
	)
}
