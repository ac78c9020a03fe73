package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestEmrServerlessApplicationRendering(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEmrServerlessCreateApplication(stack, jsii.String("Create"), &tasks.EmrServerlessCreateApplicationProps{
		Name: jsii.String("nightly"), ReleaseLabel: jsii.String("emr-7.1.0"), Type: jsii.String("SPARK"),
		Architecture:           tasks.EmrServerlessArchitecture_ARM64,
		AutoStartConfiguration: &tasks.EmrServerlessAutoStartConfiguration{Enabled: jsii.Bool(false)},
		AutoStopConfiguration:  &tasks.EmrServerlessAutoStopConfiguration{Enabled: jsii.Bool(true), IdleTimeout: awscdk.Duration_Minutes(jsii.Number(30))},
		MaximumCapacity:        &tasks.EmrServerlessMaximumCapacity{Cpu: jsii.String("400 vCPU"), Memory: jsii.String("3000 GB")},
		NetworkConfiguration:   &tasks.EmrServerlessNetworkConfiguration{SubnetIds: jsii.Strings("subnet-1"), SecurityGroupIds: &[]*string{tasks.StringAt("$.sg")}},
		InitialCapacity: &map[string]interface{}{"Driver": map[string]any{"WorkerCount": 1,
			"WorkerConfiguration": map[string]any{"Cpu": "2 vCPU", "Memory": "4 GB"}}},
		RuntimeConfiguration: &[]interface{}{map[string]any{"Classification": "spark-defaults", "Properties": map[string]any{"spark.a": "b"}}},
		Tags:                 &map[string]*string{"team": jsii.String("data")},
		IntegrationPattern:   sfn.IntegrationPattern_RUN_JOB,
		ResultPath:           jsii.String("$.app"),
	})
	start := tasks.NewEmrServerlessStartApplication(stack, jsii.String("Start"), &tasks.EmrServerlessApplicationProps{
		ApplicationId: tasks.StringAt("$.app.ApplicationId"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	cancel := tasks.NewEmrServerlessCancelJobRun(stack, jsii.String("Cancel"), &tasks.EmrServerlessCancelJobRunProps{
		ApplicationId: tasks.StringAt("$.app.ApplicationId"), JobRunId: tasks.StringAt("$.run.JobRunId")})
	stop := tasks.NewEmrServerlessStopApplication(stack, jsii.String("Stop"), &tasks.EmrServerlessApplicationProps{ApplicationId: jsii.String(emrApp)})
	del := tasks.NewEmrServerlessDeleteApplication(stack, jsii.String("Delete"), &tasks.EmrServerlessApplicationProps{
		ApplicationId: jsii.String(emrApp), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	tpl := machine(t, stack, create.Next(start).Next(cancel).Next(stop).Next(del))
	res := "arn:" + partition + ":states:::emr-serverless:"

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "createApplication.sync", "Next": "Start", "ResultPath": "$.app",
		"Parameters": map[string]any{
			"Name": "nightly", "ReleaseLabel": "emr-7.1.0", "Type": "SPARK", "Architecture": "ARM64",
			"AutoStartConfiguration": map[string]any{"Enabled": false},
			"AutoStopConfiguration":  map[string]any{"Enabled": true, "IdleTimeoutMinutes": 30.0},
			"MaximumCapacity":        map[string]any{"Cpu": "400 vCPU", "Memory": "3000 GB"},
			"NetworkConfiguration":   map[string]any{"SubnetIds": []any{"subnet-1"}, "SecurityGroupIds.$": "States.Array($.sg)"},
			"InitialCapacity": map[string]any{"Driver": map[string]any{"WorkerCount": 1.0,
				"WorkerConfiguration": map[string]any{"Cpu": "2 vCPU", "Memory": "4 GB"}}},
			"RuntimeConfiguration": []any{map[string]any{"Classification": "spark-defaults", "Properties": map[string]any{"spark.a": "b"}}},
			"Tags":                 map[string]any{"team": "data"},
		}}, state(t, tpl, "Create"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "startApplication.sync", "Next": "Cancel",
		"Parameters": map[string]any{"ApplicationId.$": "$.app.ApplicationId"}}, state(t, tpl, "Start"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "cancelJobRun", "Next": "Stop",
		"Parameters": map[string]any{"ApplicationId.$": "$.app.ApplicationId", "JobRunId.$": "$.run.JobRunId"}}, state(t, tpl, "Cancel"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "stopApplication", "Next": "Delete",
		"Parameters": map[string]any{"ApplicationId": emrApp}}, state(t, tpl, "Stop"))
	assert.Equal(t, res+"deleteApplication.sync", state(t, tpl, "Delete")["Resource"])
	cdktest.Golden(t, "emr_serverless_application", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

func TestEmrServerlessApplicationIAM(t *testing.T) {
	app := arn("emr-serverless", "/applications/"+emrApp)
	anyApp := arn("emr-serverless", "/applications/*")
	appRule := emrRule("StepFunctionsGetEventsForEMRServerlessApplicationRule")
	jobRule := emrRule("StepFunctionsGetEventsForEMRServerlessJobRule")
	slr := stmt([]string{"iam:CreateServiceLinkedRole"},
		"arn:"+partition+":iam::"+account+":role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless*")
	slr["Condition"] = map[string]any{"StringLike": map[string]any{"iam:AWSServiceName": "ops.emr-serverless.amazonaws.com"}}
	createApp := stmt([]string{"emr-serverless:CreateApplication"}, arn("emr-serverless", "/*"))
	onApp := func(pattern sfn.IntegrationPattern, id *string, construct func(constructs.Construct, *string, *tasks.EmrServerlessApplicationProps) tasks.Task) func(awscdk.Stack) sfn.IChainable {
		return func(s awscdk.Stack) sfn.IChainable {
			return construct(s, jsii.String("Task"), &tasks.EmrServerlessApplicationProps{ApplicationId: id, IntegrationPattern: pattern})
		}
	}
	startApp := func(s constructs.Construct, id *string, p *tasks.EmrServerlessApplicationProps) tasks.Task {
		return tasks.NewEmrServerlessStartApplication(s, id, p)
	}
	stopApp := func(s constructs.Construct, id *string, p *tasks.EmrServerlessApplicationProps) tasks.Task {
		return tasks.NewEmrServerlessStopApplication(s, id, p)
	}
	deleteApp := func(s constructs.Construct, id *string, p *tasks.EmrServerlessApplicationProps) tasks.Task {
		return tasks.NewEmrServerlessDeleteApplication(s, id, p)
	}
	cancel := func(pattern sfn.IntegrationPattern, appID, run *string) func(awscdk.Stack) sfn.IChainable {
		return func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrServerlessCancelJobRun(s, jsii.String("Task"), &tasks.EmrServerlessCancelJobRunProps{ApplicationId: appID, JobRunId: run, IntegrationPattern: pattern})
		}
	}
	create := func(pattern sfn.IntegrationPattern) func(awscdk.Stack) sfn.IChainable {
		return func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrServerlessCreateApplication(s, jsii.String("Task"), &tasks.EmrServerlessCreateApplicationProps{
				ReleaseLabel: jsii.String("emr-7.1.0"), Type: jsii.String("HIVE"), Tags: &map[string]*string{"a": jsii.String("b")}, IntegrationPattern: pattern})
		}
	}
	rr, sync := sfn.IntegrationPattern_REQUEST_RESPONSE, sfn.IntegrationPattern_RUN_JOB
	tests := []struct {
		name  string
		build func(awscdk.Stack) sfn.IChainable
		want  []map[string]any
	}{
		{"create, request response (tags need nothing more)", create(rr), []map[string]any{createApp, slr}},
		{"create, run job", create(sync), []map[string]any{createApp, slr,
			stmt([]string{"emr-serverless:GetApplication", "emr-serverless:DeleteApplication"}, anyApp), appRule}},
		{"start, request response", onApp(rr, jsii.String(emrApp), startApp), []map[string]any{stmt([]string{"emr-serverless:StartApplication"}, app)}},
		{"start, run job", onApp(sync, jsii.String(emrApp), startApp), []map[string]any{
			stmt([]string{"emr-serverless:StartApplication", "emr-serverless:GetApplication", "emr-serverless:StopApplication"}, app), appRule}},
		{"start, dynamic", onApp(rr, tasks.StringAt("$.app"), startApp), []map[string]any{stmt([]string{"emr-serverless:StartApplication"}, anyApp)}},
		{"stop, run job, dynamic", onApp(sync, tasks.StringAt("$.app"), stopApp), []map[string]any{
			stmt([]string{"emr-serverless:StopApplication", "emr-serverless:GetApplication"}, anyApp), appRule}},
		{"stop, request response", onApp(rr, jsii.String(emrApp), stopApp), []map[string]any{stmt([]string{"emr-serverless:StopApplication"}, app)}},
		{"delete, run job", onApp(sync, jsii.String(emrApp), deleteApp), []map[string]any{
			stmt([]string{"emr-serverless:DeleteApplication", "emr-serverless:GetApplication"}, app), appRule}},
		{"delete, request response", onApp(rr, jsii.String(emrApp), deleteApp), []map[string]any{stmt([]string{"emr-serverless:DeleteApplication"}, app)}},
		{"cancel, request response", cancel(rr, jsii.String(emrApp), jsii.String("00f1runid")), []map[string]any{
			stmt([]string{"emr-serverless:CancelJobRun"}, app+"/jobruns/00f1runid")}},
		{"cancel, run job, dynamic run", cancel(sync, jsii.String(emrApp), tasks.StringAt("$.run")), []map[string]any{
			stmt([]string{"emr-serverless:CancelJobRun", "emr-serverless:GetJobRun"}, app+"/jobruns/*"), jobRule}},
		{"cancel, dynamic application", cancel(rr, tasks.StringAt("$.app"), tasks.StringAt("$.run")), []map[string]any{
			stmt([]string{"emr-serverless:CancelJobRun"}, anyApp+"/jobruns/*")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			got := cdktest.RoleStatements(t, machine(t, stack, tt.build(stack)))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestEmrServerlessApplicationErrors(t *testing.T) {
	createProps := func(mod func(p *tasks.EmrServerlessCreateApplicationProps)) *tasks.EmrServerlessCreateApplicationProps {
		p := &tasks.EmrServerlessCreateApplicationProps{ReleaseLabel: jsii.String("emr-7.1.0"), Type: jsii.String("SPARK")}
		mod(p)
		return p
	}
	tests := []struct {
		name  string
		build func(s awscdk.Stack)
		want  string
	}{
		{"no release label", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) { p.ReleaseLabel = nil }))
		}, "ReleaseLabel: required"},
		{"bad release label", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) { p.ReleaseLabel = jsii.String("emr 7") }))
		}, `ReleaseLabel: "emr 7" is not a release label`},
		{"no type", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) { p.Type = nil }))
		}, "Type: required"},
		{"long name", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) { p.Name = jsii.String(strings.Repeat("n", 65)) }))
		}, "Name: must be 1 to 64 characters, got 65"},
		{"name with a space", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) { p.Name = jsii.String("my app") }))
		}, `Name: "my app" has a character EMR Serverless rejects`},
		{"bad architecture", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) { p.Architecture = "MIPS" }))
		}, `Architecture: must be X86_64, ARM64 (or dynamic), got "MIPS"`},
		{"idle timeout too long", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) {
				p.AutoStopConfiguration = &tasks.EmrServerlessAutoStopConfiguration{IdleTimeout: awscdk.Duration_Days(jsii.Number(8))}
			}))
		}, "AutoStopConfiguration.IdleTimeout: must be from 1 to 10080 minutes (or dynamic), got 11520"},
		{"maximum capacity without memory", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) {
				p.MaximumCapacity = &tasks.EmrServerlessMaximumCapacity{Cpu: jsii.String("4 vCPU")}
			}))
		}, "MaximumCapacity.Memory: required"},
		{"too many security groups", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) {
				p.NetworkConfiguration = &tasks.EmrServerlessNetworkConfiguration{SecurityGroupIds: jsii.Strings("1", "2", "3", "4", "5", "6")}
			}))
		}, "NetworkConfiguration.SecurityGroupIds: at most 5, got 6"},
		{"nil tag", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) {
				p.Tags = &map[string]*string{"a": nil}
			}))
		}, "Tags.a: must be a string (or dynamic)"},
		{"callback", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCreateApplication(s, jsii.String("T"), createProps(func(p *tasks.EmrServerlessCreateApplicationProps) {
				p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
				p.Name = tasks.StringAt("$$.Task.Token")
			}))
		}, "WAIT_FOR_TASK_TOKEN is not supported by emr-serverless:createApplication; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"no application", func(s awscdk.Stack) {
			tasks.NewEmrServerlessStartApplication(s, jsii.String("T"), &tasks.EmrServerlessApplicationProps{})
		}, "ApplicationId: required"},
		{"bad application", func(s awscdk.Stack) {
			tasks.NewEmrServerlessDeleteApplication(s, jsii.String("T"), &tasks.EmrServerlessApplicationProps{ApplicationId: jsii.String("App-1")})
		}, `ApplicationId: "App-1" is not an application ID`},
		{"no job run", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCancelJobRun(s, jsii.String("T"), &tasks.EmrServerlessCancelJobRunProps{ApplicationId: jsii.String(emrApp)})
		}, "JobRunId: required"},
		{"bad job run", func(s awscdk.Stack) {
			tasks.NewEmrServerlessCancelJobRun(s, jsii.String("T"), &tasks.EmrServerlessCancelJobRunProps{ApplicationId: jsii.String(emrApp), JobRunId: jsii.String("run 1")})
		}, `JobRunId: "run 1" is not a job run ID`},
		{"nil props", func(s awscdk.Stack) { tasks.NewEmrServerlessStopApplication(s, jsii.String("T"), nil) }, "props: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() { tt.build(stack) }), tt.want)
		})
	}
}

// Run locally: create, start, run a job, stop and delete the application;
// a failed stop is caught and the application deleted all the same.
func TestEmrServerlessApplicationRun(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEmrServerlessCreateApplication(stack, jsii.String("Create"), &tasks.EmrServerlessCreateApplicationProps{
		Name: tasks.StringAt("$.name"), ReleaseLabel: jsii.String("emr-7.1.0"), Type: jsii.String("SPARK"),
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, ResultPath: jsii.String("$.app")})
	start := tasks.NewEmrServerlessStartApplication(stack, jsii.String("Start"), &tasks.EmrServerlessApplicationProps{
		ApplicationId: tasks.StringAt("$.app.ApplicationId"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, ResultPath: jsii.String(tasks.Discard)})
	stop := tasks.NewEmrServerlessStopApplication(stack, jsii.String("Stop"), &tasks.EmrServerlessApplicationProps{
		ApplicationId: tasks.StringAt("$.app.ApplicationId"), ResultPath: jsii.String(tasks.Discard)})
	del := tasks.NewEmrServerlessDeleteApplication(stack, jsii.String("Delete"), &tasks.EmrServerlessApplicationProps{
		ApplicationId: tasks.StringAt("$.app.ApplicationId"), ResultPath: jsii.String(tasks.Discard)})
	stop.AddCatch(del, &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		create.Next(start).Next(stop).Next(del))})
	var created, deleted any
	res := integ.Run(t, stack, sm, map[string]any{"name": "nightly"}, integ.Mocks{
		"Create": integ.Func(func(in any) (any, error) {
			created = in
			return map[string]any{"ApplicationId": emrApp, "Name": "nightly"}, nil
		}),
		"Start":  map[string]any{"ApplicationId": emrApp},
		"Stop":   integ.Fail("EmrServerless.ConflictException", "job runs are still running"),
		"Delete": integ.Func(func(in any) (any, error) { deleted = in; return map[string]any{"ApplicationId": emrApp}, nil }),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"Name": "nightly", "ReleaseLabel": "emr-7.1.0", "Type": "SPARK"}, created)
	assert.Equal(t, map[string]any{"ApplicationId": emrApp}, deleted)
	assert.Equal(t, "EmrServerless.ConflictException", res.Output.(map[string]any)["error"].(map[string]any)["Error"])
}

func TestEmrServerlessApplicationWorkflowFastPath(t *testing.T) {
	assertSameOnBothPaths(t, func(scope constructs.Construct, _ awscdk.Stack) sfn.IChainable {
		create := tasks.NewEmrServerlessCreateApplication(scope, jsii.String("Create"), &tasks.EmrServerlessCreateApplicationProps{
			ReleaseLabel: jsii.String("emr-7.1.0"), Type: jsii.String("SPARK"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
			AutoStopConfiguration: &tasks.EmrServerlessAutoStopConfiguration{IdleTimeout: tasks.DurationAt("$.idle")}})
		cancel := tasks.NewEmrServerlessCancelJobRun(scope, jsii.String("Cancel"), &tasks.EmrServerlessCancelJobRunProps{
			ApplicationId: tasks.StringAt("$.ApplicationId"), JobRunId: tasks.StringAt("$.run"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		return create.Next(cancel)
	})
}
