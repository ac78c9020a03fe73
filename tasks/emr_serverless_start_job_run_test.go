package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	emrApp  = "00f1abcdefgh0123"
	emrRole = "arn:aws:iam::111122223333:role/emr-serverless-job"
)

func emrServerlessProps(mod func(p *tasks.EmrServerlessStartJobRunProps)) *tasks.EmrServerlessStartJobRunProps {
	p := &tasks.EmrServerlessStartJobRunProps{
		ApplicationId:    jsii.String(emrApp),
		ExecutionRoleArn: jsii.String(emrRole),
		JobDriver: &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{
			EntryPoint: jsii.String("s3://bucket/job.py")}},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEmrServerlessStartJobRunRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("RR"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
		p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{
			EntryPoint:            jsii.String("s3://bucket/job.py"),
			EntryPointArguments:   &[]*string{jsii.String("--day"), jsii.String("2026-11-21")},
			SparkSubmitParameters: jsii.String("--conf spark.executor.cores=2"),
		}}
		p.ConfigurationOverrides = &map[string]interface{}{
			"MonitoringConfiguration": map[string]any{"S3MonitoringConfiguration": map[string]any{"LogUri": "s3://bucket/logs/"}},
			"ApplicationConfiguration": []any{map[string]any{"Classification": "spark-defaults",
				"Properties": map[string]any{"spark.dynamicAllocation.enabled": "false"}}},
		}
		p.Name = jsii.String("nightly")
		p.Tags = &map[string]*string{"team": jsii.String("data"), "aws-cost": tasks.StringAt("$.cost")}
		p.ExecutionTimeout = awscdk.Duration_Hours(jsii.Number(2))
	}))
	sync := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("Sync"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.ApplicationId = tasks.StringAt("$.app")
		p.ExecutionRoleArn = tasks.StringAt("$.role")
		p.JobDriver = &tasks.EmrServerlessJobDriver{Hive: &tasks.EmrServerlessHive{
			Query: tasks.StringAt("$.query"), InitQueryFile: jsii.String("s3://bucket/init.sql"), Parameters: jsii.String("--hiveconf a=b")}}
		p.ConfigurationOverrides = tasks.ValueAt[map[string]interface{}]("$.overrides")
		p.Name = tasks.StringAt("States.Format('run-{}', $$.Execution.Name)")
		p.Tags = tasks.StringMapAt("$.tags")
		p.ExecutionTimeout = tasks.DurationAt("$.timeout")
	}))
	whole := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("Whole"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
		p.JobDriver = tasks.ValueAt[tasks.EmrServerlessJobDriver]("$.driver")
		p.ExecutionTimeout = awscdk.Duration_Minutes(jsii.Number(0))
	}))
	dynamicArgs := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("DynamicArgs"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
		p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{
			EntryPoint: tasks.StringAt("$.script"), EntryPointArguments: &[]*string{jsii.String("--day"), tasks.StringAt("$.day")}}}
	}))
	tpl := machine(t, stack, rr.Next(sync).Next(whole).Next(dynamicArgs))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::emr-serverless:startJobRun", "Next": "Sync",
		"Parameters": map[string]any{
			"ApplicationId":    emrApp,
			"ExecutionRoleArn": emrRole,
			"JobDriver": map[string]any{"SparkSubmit": map[string]any{
				"EntryPoint":            "s3://bucket/job.py",
				"EntryPointArguments":   []any{"--day", "2026-11-21"},
				"SparkSubmitParameters": "--conf spark.executor.cores=2",
			}},
			"ConfigurationOverrides": map[string]any{
				"MonitoringConfiguration": map[string]any{"S3MonitoringConfiguration": map[string]any{"LogUri": "s3://bucket/logs/"}},
				"ApplicationConfiguration": []any{map[string]any{"Classification": "spark-defaults",
					"Properties": map[string]any{"spark.dynamicAllocation.enabled": "false"}}},
			},
			"Name":                    "nightly",
			"Tags":                    map[string]any{"team": "data", "aws-cost.$": "$.cost"},
			"ExecutionTimeoutMinutes": 120.0,
		}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::emr-serverless:startJobRun.sync", "Next": "Whole",
		"Parameters": map[string]any{
			"ApplicationId.$":    "$.app",
			"ExecutionRoleArn.$": "$.role",
			"JobDriver": map[string]any{"Hive": map[string]any{
				"Query.$": "$.query", "InitQueryFile": "s3://bucket/init.sql", "Parameters": "--hiveconf a=b"}},
			"ConfigurationOverrides.$":  "$.overrides",
			"Name.$":                    "States.Format('run-{}', $$.Execution.Name)",
			"Tags.$":                    "$.tags",
			"ExecutionTimeoutMinutes.$": "$.timeout",
		}}, state(t, tpl, "Sync"))
	assert.Equal(t, map[string]any{"ApplicationId": emrApp, "ExecutionRoleArn": emrRole, "JobDriver.$": "$.driver", "ExecutionTimeoutMinutes": 0.0},
		state(t, tpl, "Whole")["Parameters"])
	assert.Equal(t, map[string]any{"SparkSubmit": map[string]any{"EntryPoint.$": "$.script", "EntryPointArguments.$": "States.Array('--day', $.day)"}},
		state(t, tpl, "DynamicArgs")["Parameters"].(map[string]any)["JobDriver"])
	integ.Validate(t, stack)
}

func TestEmrServerlessStartJobRunJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("Run"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.ApplicationId = jsii.String("{% $states.input.app %}")
		p.ExecutionTimeout = tasks.DurationAt("{% $states.input.minutes %}")
	}))
	got := state(t, machine(t, stack, task), "Run")["Arguments"].(map[string]any)
	assert.Equal(t, "{% $states.input.app %}", got["ApplicationId"])
	assert.Equal(t, "{% $states.input.minutes %}", got["ExecutionTimeoutMinutes"])
}

func TestEmrServerlessStartJobRunIAM(t *testing.T) {
	app := arn("emr-serverless", "/applications/"+emrApp)
	anyApp := arn("emr-serverless", "/applications/*")
	start := []string{"emr-serverless:StartJobRun"}
	poll := []string{"emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"}
	rule := emrRule("StepFunctionsGetEventsForEMRServerlessJobRule")
	pass := passRoleTo("emr-serverless.amazonaws.com", emrRole)
	passAny := passRoleTo("emr-serverless.amazonaws.com", "arn:"+partition+":iam::"+account+":role/*")
	tests := []struct {
		name    string
		pattern sfn.IntegrationPattern
		app     *string
		role    *string
		want    []map[string]any
	}{
		{"request response (default)", "", nil, nil, []map[string]any{stmt(start, app), pass}},
		{"run job", sfn.IntegrationPattern_RUN_JOB, nil, nil, []map[string]any{stmt(start, app), stmt(poll, app+"/jobruns/*"), rule, pass}},
		{"dynamic application, request response", sfn.IntegrationPattern_REQUEST_RESPONSE, tasks.StringAt("$.app"), nil,
			[]map[string]any{stmt(start, anyApp), pass}},
		{"dynamic application, run job", sfn.IntegrationPattern_RUN_JOB, tasks.StringAt("$.app"), nil,
			[]map[string]any{stmt(start, anyApp), stmt(poll, anyApp+"/jobruns/*"), rule, pass}},
		{"dynamic role: only to EMR Serverless", sfn.IntegrationPattern_RUN_JOB, nil, tasks.StringAt("$.role"),
			[]map[string]any{stmt(start, app), stmt(poll, app+"/jobruns/*"), rule, passAny}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("Run"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
				p.IntegrationPattern = tt.pattern
				if tt.app != nil {
					p.ApplicationId = tt.app
				}
				if tt.role != nil {
					p.ExecutionRoleArn = tt.role
				}
			}))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestEmrServerlessStartJobRunErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *tasks.EmrServerlessStartJobRunProps)
		want string
	}{
		{"missing application", func(p *tasks.EmrServerlessStartJobRunProps) { p.ApplicationId = nil }, "ApplicationId: required"},
		{"bad application ID", func(p *tasks.EmrServerlessStartJobRunProps) { p.ApplicationId = jsii.String("My-App") },
			`ApplicationId: "My-App" is not an application ID`},
		{"missing role", func(p *tasks.EmrServerlessStartJobRunProps) { p.ExecutionRoleArn = nil }, "ExecutionRoleArn: required"},
		{"role not an ARN", func(p *tasks.EmrServerlessStartJobRunProps) { p.ExecutionRoleArn = jsii.String("emr-job") },
			`ExecutionRoleArn: "emr-job" is not an IAM role ARN`},
		{"missing driver", func(p *tasks.EmrServerlessStartJobRunProps) { p.JobDriver = nil }, "JobDriver: required"},
		{"empty driver", func(p *tasks.EmrServerlessStartJobRunProps) { p.JobDriver = &tasks.EmrServerlessJobDriver{} }, "JobDriver: give SparkSubmit or Hive"},
		{"both drivers", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{EntryPoint: jsii.String("s3://b/j.py")},
				Hive: &tasks.EmrServerlessHive{Query: jsii.String("SELECT 1")}}
		}, "JobDriver: give SparkSubmit or Hive, not both"},
		{"no entry point", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{}}
		}, "JobDriver.SparkSubmit.EntryPoint: required"},
		{"entry point arguments not strings", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{EntryPoint: jsii.String("s3://b/j.py"), EntryPointArguments: &[]*string{nil}}}
		}, "JobDriver.SparkSubmit.EntryPointArguments[0]: must be a string (or dynamic)"},
		{"no hive query", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.JobDriver = &tasks.EmrServerlessJobDriver{Hive: &tasks.EmrServerlessHive{}}
		}, "JobDriver.Hive.Query: required"},
		{"name too long", func(p *tasks.EmrServerlessStartJobRunProps) { p.Name = jsii.String(strings.Repeat("n", 257)) },
			"Name: must be 1 to 256 characters, got 257"},
		{"tag value nil", func(p *tasks.EmrServerlessStartJobRunProps) { p.Tags = &map[string]*string{"n": nil} },
			"Tags.n: must be a string (or dynamic)"},
		{"tag value too long", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.Tags = &map[string]*string{"n": jsii.String(strings.Repeat("v", 257))}
		},
			"Tags.n: must be at most 256 characters, got 257"},
		{"timeout too long", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.ExecutionTimeout = awscdk.Duration_Minutes(jsii.Number(1000001))
		},
			"ExecutionTimeout: must be from 0 to 1000000 minutes (or dynamic), got 1000001"},
		{"timeout in seconds", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.ExecutionTimeout = awscdk.Duration_Seconds(jsii.Number(90))
		},
			"ExecutionTimeout: 1 minute 30 seconds is not a whole number of minutes"},
		{"nil driver parts", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{EntryPoint: jsii.String(strings.Repeat("e", 257))}}
		}, "JobDriver.SparkSubmit.EntryPoint: must be 1 to 256 characters, got 257"},
		{"callback", func(p *tasks.EmrServerlessStartJobRunProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Name = tasks.StringAt("$$.Task.Token")
		}, "WAIT_FOR_TASK_TOKEN is not supported by emr-serverless:startJobRun; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewEmrServerlessStartJobRun(stack, jsii.String("Run"), emrServerlessProps(tt.mod)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}

// Run locally: the dynamic fields reach the services resolved, and each
// task's result lands at its ResultPath.
func TestEmrTasksRun(t *testing.T) {
	stack := cdktest.NewStack()
	step := tasks.NewEmrAddStep(stack, jsii.String("AddStep"), &tasks.EmrAddStepProps{
		ClusterId: tasks.StringAt("$.cluster"), Name: jsii.String("prepare"), Jar: jsii.String("command-runner.jar"),
		Args:       &[]*string{jsii.String("spark-submit"), tasks.StringAt("$.script")},
		Properties: &map[string]*string{"day": tasks.StringAt("$.day")},
		ResultPath: jsii.String("$.step"),
	})
	run := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("StartJobRun"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.JobDriver = &tasks.EmrServerlessJobDriver{SparkSubmit: &tasks.EmrServerlessSparkSubmit{
			EntryPoint: tasks.StringAt("$.script"), EntryPointArguments: &[]*string{jsii.String("--step"), tasks.StringAt("$.step.StepId")}}}
		p.ResultPath = jsii.String("$.run")
	}))
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(step.Next(run))})
	var addStep, startJobRun any
	res := integ.Run(t, stack, sm, map[string]any{"cluster": emrCluster, "script": "s3://bucket/job.py", "day": "2026-11-21"}, integ.Mocks{
		"AddStep": integ.Func(func(in any) (any, error) { addStep = in; return map[string]any{"StepId": "s-1"}, nil }),
		"StartJobRun": integ.Func(func(in any) (any, error) {
			startJobRun = in
			return map[string]any{"JobRunId": "jr-1", "State": "SUCCESS"}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"ClusterId": emrCluster, "Step": map[string]any{"Name": "prepare", "ActionOnFailure": "CONTINUE",
		"HadoopJarStep": map[string]any{"Jar": "command-runner.jar", "Args": []any{"spark-submit", "s3://bucket/job.py"},
			"Properties": []any{map[string]any{"Key": "day", "Value": "2026-11-21"}}}}}, addStep)
	assert.Equal(t, map[string]any{"ApplicationId": emrApp, "ExecutionRoleArn": emrRole, "JobDriver": map[string]any{"SparkSubmit": map[string]any{
		"EntryPoint": "s3://bucket/job.py", "EntryPointArguments": []any{"--step", "s-1"}}}}, startJobRun)
	assert.Equal(t, "jr-1", res.Output.(map[string]any)["run"].(map[string]any)["JobRunId"])
}

// Raw ASL for EMR Serverless gets the typed task's statements through CustomTask.
func TestEmrServerlessCustomTaskIAM(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::emr-serverless:startJobRun.sync",
		"Parameters": map[string]interface{}{"ApplicationId": emrApp, "ExecutionRoleArn": emrRole,
			"JobDriver": map[string]interface{}{"SparkSubmit": map[string]interface{}{"EntryPoint": "s3://bucket/job.py"}}}}})
	app := arn("emr-serverless", "/applications/"+emrApp)
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"emr-serverless:StartJobRun"}, app),
		stmt([]string{"emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"}, app+"/jobruns/*"),
		emrRule("StepFunctionsGetEventsForEMRServerlessJobRule"),
		passRoleTo("emr-serverless.amazonaws.com", emrRole),
	}), cdktest.SortedStatements(cdktest.RoleStatements(t, machine(t, stack, task))))
}
