package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func glueProps(mod func(p *tasks.GlueStartJobRunProps)) *tasks.GlueStartJobRunProps {
	p := &tasks.GlueStartJobRunProps{GlueJobName: jsii.String("nightly-etl")}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestGlueStartJobRunRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewGlueStartJobRun(stack, jsii.String("RR"), glueProps(func(p *tasks.GlueStartJobRunProps) {
		p.Arguments = tasks.TaskInput_FromObject(map[string]any{"--day": tasks.Path("$.day"), "--mode": "full"})
		p.NotifyDelayAfter = awscdk.Duration_Minutes(jsii.Number(5))
		p.Timeout = awscdk.Duration_Hours(jsii.Number(2))
		p.SecurityConfiguration = jsii.String("encrypted")
		p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerTypeV2: tasks.WorkerTypeV2_G_1X(), NumberOfWorkers: jsii.Number(10)}
		p.ExecutionClass = tasks.ExecutionClass_FLEX
		p.TaskTimeout = sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(30)))
	}))
	sync := tasks.NewGlueStartJobRun(stack, jsii.String("Sync"), glueProps(func(p *tasks.GlueStartJobRunProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.GlueJobName = tasks.StringAt("States.Format('etl-{}', $.stage)")
		p.Arguments = tasks.TaskInput_FromJsonPathAt("$.arguments")
		p.NotifyDelayAfter = tasks.DurationAt("$.notifyAfter")
		p.Timeout = awscdk.Duration_Hours(jsii.Number(1))
		p.SecurityConfiguration = tasks.StringAt("$.security")
		p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{
			WorkerTypeV2: tasks.WorkerTypeV2_Of(tasks.StringAt("$.workerType")), NumberOfWorkers: tasks.NumberAt("$.workers")}
		p.ExecutionClass = tasks.ExecutionClass(*tasks.StringAt("$.class"))
	}))
	cdkWorker := tasks.NewGlueStartJobRun(stack, jsii.String("CdkWorker"), glueProps(func(p *tasks.GlueStartJobRunProps) {
		p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerTypeV2: cdktasks.WorkerTypeV2_G_2X(), NumberOfWorkers: jsii.Number(2)}
	}))
	legacyWorker := tasks.NewGlueStartJobRun(stack, jsii.String("LegacyWorker"), glueProps(func(p *tasks.GlueStartJobRunProps) {
		p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerType: tasks.WorkerType_G_025X, NumberOfWorkers: jsii.Number(2)}
	}))
	tpl := machine(t, stack, rr.Next(sync).Next(cdkWorker).Next(legacyWorker))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::glue:startJobRun", "Next": "Sync",
		"TimeoutSeconds": 1800.0,
		"Parameters": map[string]any{
			"JobName":               "nightly-etl",
			"Arguments":             map[string]any{"--day.$": "$.day", "--mode": "full"},
			"NotificationProperty":  map[string]any{"NotifyDelayAfter": 5.0},
			"Timeout":               120.0,
			"SecurityConfiguration": "encrypted",
			"WorkerType":            "G.1X",
			"NumberOfWorkers":       10.0,
			"ExecutionClass":        "FLEX",
		}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::glue:startJobRun.sync", "Next": "CdkWorker",
		"Parameters": map[string]any{
			"JobName.$":               "States.Format('etl-{}', $.stage)",
			"Arguments.$":             "$.arguments",
			"NotificationProperty":    map[string]any{"NotifyDelayAfter.$": "$.notifyAfter"},
			"Timeout":                 60.0,
			"SecurityConfiguration.$": "$.security",
			"WorkerType.$":            "$.workerType",
			"NumberOfWorkers.$":       "$.workers",
			"ExecutionClass.$":        "$.class",
		}}, state(t, tpl, "Sync"))
	assert.Equal(t, map[string]any{"JobName": "nightly-etl", "WorkerType": "G.2X", "NumberOfWorkers": 2.0}, state(t, tpl, "CdkWorker")["Parameters"])
	assert.Equal(t, map[string]any{"JobName": "nightly-etl", "WorkerType": "G.025X", "NumberOfWorkers": 2.0}, state(t, tpl, "LegacyWorker")["Parameters"])
	integ.Validate(t, stack)
}

func TestGlueStartJobRunJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewGlueStartJobRun(stack, jsii.String("Run"), glueProps(func(p *tasks.GlueStartJobRunProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.GlueJobName = jsii.String("{% $states.input.job %}")
		p.Arguments = tasks.TaskInput_FromObject(map[string]any{"--day": tasks.JSONata("$states.input.day")})
	}))
	got := state(t, machine(t, stack, task), "Run")
	assert.Equal(t, map[string]any{"JobName": "{% $states.input.job %}", "Arguments": map[string]any{"--day": "{% $states.input.day %}"}}, got["Arguments"])
}

func TestGlueStartJobRunIAM(t *testing.T) {
	start := []string{"glue:StartJobRun"}
	sync := []string{"glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"}
	tests := []struct {
		name    string
		pattern sfn.IntegrationPattern
		job     *string
		want    []map[string]any
	}{
		{"request response (default)", "", nil, []map[string]any{stmt(start, arn("glue", "job/nightly-etl"))}},
		{"run job", sfn.IntegrationPattern_RUN_JOB, nil, []map[string]any{stmt(sync, arn("glue", "job/nightly-etl"))}},
		{"dynamic request response: never the path in the ARN", sfn.IntegrationPattern_REQUEST_RESPONSE, tasks.StringAt("$.job"),
			[]map[string]any{stmt(start, arn("glue", "job/*"))}},
		{"dynamic run job", sfn.IntegrationPattern_RUN_JOB, tasks.StringAt("$.job"), []map[string]any{stmt(sync, arn("glue", "job/*"))}},
		{"States.Format name: its literal prefix", sfn.IntegrationPattern_RUN_JOB, tasks.StringAt("States.Format('etl-{}', $.stage)"),
			[]map[string]any{stmt(sync, arn("glue", "job/etl-*"))}},
		{"JSONata name", sfn.IntegrationPattern_RUN_JOB, jsii.String("{% $states.input.job %}"), []map[string]any{stmt(sync, arn("glue", "job/*"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewGlueStartJobRun(stack, jsii.String("Run"), glueProps(func(p *tasks.GlueStartJobRunProps) {
				p.IntegrationPattern = tt.pattern
				if tt.job != nil {
					p.GlueJobName = tt.job
				}
				if strings.HasPrefix(*p.GlueJobName, "{%") {
					p.QueryLanguage = sfn.QueryLanguage_JSONATA
				}
			}))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestGlueStartJobRunErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *tasks.GlueStartJobRunProps)
		want string
	}{
		{"missing job name", func(p *tasks.GlueStartJobRunProps) { p.GlueJobName = nil }, "GlueJobName: required"},
		{"job name too long", func(p *tasks.GlueStartJobRunProps) { p.GlueJobName = jsii.String(strings.Repeat("j", 256)) },
			"must be 1 to 255 characters on one line"},
		{"job name on two lines", func(p *tasks.GlueStartJobRunProps) { p.GlueJobName = jsii.String("a\nb") }, `GlueJobName: "a\nb" must be 1 to 255`},
		{"security configuration empty", func(p *tasks.GlueStartJobRunProps) { p.SecurityConfiguration = jsii.String("") },
			`SecurityConfiguration: "" must be 1 to 255 characters`},
		{"callback", func(p *tasks.GlueStartJobRunProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Arguments = tasks.TaskInput_FromObject(map[string]any{"--token": tasks.Path("$$.Task.Token")})
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by glue:startJobRun; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"both worker types", func(p *tasks.GlueStartJobRunProps) {
			p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerType: tasks.WorkerType_G_1X, WorkerTypeV2: tasks.WorkerTypeV2_G_1X(), NumberOfWorkers: jsii.Number(2)}
		}, "WorkerConfiguration: give WorkerType or WorkerTypeV2, not both"},
		{"no worker type", func(p *tasks.GlueStartJobRunProps) {
			p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{NumberOfWorkers: jsii.Number(2)}
		}, "WorkerConfiguration: give WorkerType or WorkerTypeV2"},
		{"no number of workers", func(p *tasks.GlueStartJobRunProps) {
			p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerTypeV2: tasks.WorkerTypeV2_G_1X()}
		}, "WorkerConfiguration.NumberOfWorkers: required"},
		{"zero workers", func(p *tasks.GlueStartJobRunProps) {
			p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerTypeV2: tasks.WorkerTypeV2_G_1X(), NumberOfWorkers: jsii.Number(0)}
		}, "WorkerConfiguration.NumberOfWorkers: must be at least 1, got 0"},
		{"execution class", func(p *tasks.GlueStartJobRunProps) { p.ExecutionClass = "FAST" }, `ExecutionClass: must be FLEX or STANDARD (or dynamic), got "FAST"`},
		{"notify delay in seconds", func(p *tasks.GlueStartJobRunProps) { p.NotifyDelayAfter = awscdk.Duration_Seconds(jsii.Number(90)) },
			"NotifyDelayAfter: 1 minute 30 seconds is not a whole number of minutes"},
		{"notify delay zero", func(p *tasks.GlueStartJobRunProps) { p.NotifyDelayAfter = awscdk.Duration_Minutes(jsii.Number(0)) }, "NotifyDelayAfter: must be at least 1, got 0"},
		{"timeout fraction", func(p *tasks.GlueStartJobRunProps) { p.Timeout = awscdk.Duration_Seconds(jsii.Number(90)) }, "Timeout: 1 minute 30 seconds is not a whole number of minutes"},
		{"worker type of nothing", func(p *tasks.GlueStartJobRunProps) {
			p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerTypeV2: tasks.WorkerTypeV2_Of(nil), NumberOfWorkers: jsii.Number(2)}
		}, "WorkerConfiguration.WorkerTypeV2: names no worker type"},
		{"workers fraction", func(p *tasks.GlueStartJobRunProps) {
			p.WorkerConfiguration = &tasks.WorkerConfigurationProperty{WorkerTypeV2: tasks.WorkerTypeV2_G_1X(), NumberOfWorkers: jsii.Number(2.5)}
		}, "WorkerConfiguration.NumberOfWorkers: must be a whole number (or dynamic), got 2.5"},
		{"argument not a string", func(p *tasks.GlueStartJobRunProps) {
			p.Arguments = tasks.TaskInput_FromObject(map[string]any{"--workers": 3})
		}, "Arguments.--workers: Glue job arguments are strings, got 3"},
		{"arguments a list", func(p *tasks.GlueStartJobRunProps) { p.Arguments = tasks.TaskInput_FromValue(tasks.List("--day")) },
			"Arguments: give an object of argument names to string values"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewGlueStartJobRun(stack, jsii.String("Run"), glueProps(tt.mod)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
