package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

const mcRole = "arn:aws:iam::111122223333:role/MediaConvertRole"

// mcRequest is a CreateJob request with one output group of two outputs.
func mcRequest(mod func(r map[string]interface{})) *map[string]interface{} {
	r := map[string]interface{}{
		"Role": mcRole,
		"Settings": map[string]interface{}{
			"Inputs": []interface{}{map[string]interface{}{"FileInput": "s3://in/video.mp4"}},
			"OutputGroups": []interface{}{map[string]interface{}{
				"OutputGroupSettings": map[string]interface{}{"Type": "FILE_GROUP_SETTINGS",
					"FileGroupSettings": map[string]interface{}{"Destination": "s3://out/"}},
				"Outputs": []interface{}{
					map[string]interface{}{"Preset": "hd-1080"},
					map[string]interface{}{"Preset": "System-Avc_16x9_720p_29_97fps_3500kbps"},
				},
			}},
		},
	}
	if mod != nil {
		mod(r)
	}
	return &r
}

func TestMediaConvertCreateJobRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewMediaConvertCreateJob(stack, jsii.String("RR"), &tasks.MediaConvertCreateJobProps{
		CreateJobRequest: mcRequest(func(r map[string]interface{}) {
			r["Queue"] = "priority"
			r["Priority"] = 10
			r["UserMetadata"] = map[string]interface{}{"job.id": "42"}
			r["AccelerationSettings"] = map[string]interface{}{"Mode": "PREFERRED"}
		}),
	})
	sync := tasks.NewMediaConvertCreateJob(stack, jsii.String("Sync"), &tasks.MediaConvertCreateJobProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		CreateJobRequest: &map[string]interface{}{
			"Role.$":      "$.role",
			"Settings.$":  "$.settings",
			"JobTemplate": tasks.StringAt("States.Format('tpl-{}', $.kind)"),
		},
		ResultSelector: &map[string]interface{}{"id.$": "$.Job.Id"},
	})
	whole := tasks.NewMediaConvertCreateJob(stack, jsii.String("Whole"), &tasks.MediaConvertCreateJobProps{
		QueryLanguage:    sfn.QueryLanguage_JSONATA,
		CreateJobRequest: tasks.ValueAt[map[string]interface{}]("{% $states.input.request %}"),
	})
	tpl := machine(t, stack, rr.Next(sync).Next(whole))

	want := *mcRequest(func(r map[string]interface{}) {
		r["Queue"] = "priority"
		r["Priority"] = 10.0
		r["UserMetadata"] = map[string]interface{}{"job.id": "42"}
		r["AccelerationSettings"] = map[string]interface{}{"Mode": "PREFERRED"}
	})
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::mediaconvert:createJob", "Next": "Sync",
		"Parameters": roundTrip(want)}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::mediaconvert:createJob.sync", "Next": "Whole",
		"Parameters":     map[string]any{"Role.$": "$.role", "Settings.$": "$.settings", "JobTemplate.$": "States.Format('tpl-{}', $.kind)"},
		"ResultSelector": map[string]any{"id.$": "$.Job.Id"}}, state(t, tpl, "Sync"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::mediaconvert:createJob", "End": true,
		"QueryLanguage": "JSONata", "Arguments": "{% $states.input.request %}"}, state(t, tpl, "Whole"))
	integ.Validate(t, stack)
}

func TestMediaConvertCreateJobJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewMediaConvertCreateJob(stack, jsii.String("Create"), &tasks.MediaConvertCreateJobProps{
		QueryLanguage: sfn.QueryLanguage_JSONATA,
		CreateJobRequest: mcRequest(func(r map[string]interface{}) {
			r["Role"] = "{% $states.input.role %}"
			r["Queue"] = "{% $states.input.queue %}"
		}),
		Outputs: "{% $states.result.Job.Id %}",
	})
	got := state(t, machine(t, stack, task), "Create")
	assert.Equal(t, "JSONata", got["QueryLanguage"])
	args := got["Arguments"].(map[string]any)
	assert.Equal(t, "{% $states.input.role %}", args["Role"])
	assert.Equal(t, "{% $states.input.queue %}", args["Queue"])
	assert.NotContains(t, got, "Parameters")
	integ.Validate(t, stack)
}

func TestMediaConvertCreateJobIAM(t *testing.T) {
	mc := func(kind, name string) string { return arn("mediaconvert", kind+"/"+name) }
	system := "arn:" + partition + ":mediaconvert:" + region + ":*:presets/System-Avc_16x9_720p_29_97fps_3500kbps"
	create := []string{"mediaconvert:CreateJob"}
	poll := stmt([]string{"mediaconvert:GetJob", "mediaconvert:CancelJob"}, mc("jobs", "*"))
	rule := emrRule("StepFunctionsGetEventsForMediaConvertJobRule")
	pass := passRoleTo("mediaconvert.amazonaws.com", mcRole)
	tests := []struct {
		name    string
		pattern sfn.IntegrationPattern
		req     *map[string]interface{}
		want    []map[string]any
	}{
		{"request response: the default queue and the presets named", "", mcRequest(nil),
			[]map[string]any{stmt(create, mc("queues", "Default"), mc("presets", "hd-1080"), system), pass}},
		{"run job", sfn.IntegrationPattern_RUN_JOB, mcRequest(nil),
			[]map[string]any{stmt(create, mc("queues", "Default"), mc("presets", "hd-1080"), system), poll, rule, pass}},
		{"queue by name, template by ARN", "", mcRequest(func(r map[string]interface{}) {
			r["Queue"] = "priority"
			r["JobTemplate"] = "arn:aws:mediaconvert:us-east-1:111122223333:jobTemplates/hls"
		}), []map[string]any{stmt(create, mc("queues", "priority"), "arn:aws:mediaconvert:us-east-1:111122223333:jobTemplates/hls", mc("presets", "*")), pass}},
		{"dynamic queue with a literal prefix, dynamic role", sfn.IntegrationPattern_RUN_JOB, mcRequest(func(r map[string]interface{}) {
			r["Queue"] = tasks.StringAt("States.Format('team-{}', $.team)")
			r["Role"] = tasks.StringAt("$.role")
		}), []map[string]any{stmt(create, mc("queues", "team-*"), mc("presets", "hd-1080"), system), poll, rule, passRoleAny("mediaconvert.amazonaws.com")}},
		{"dynamic outputs: every preset", "", mcRequest(func(r map[string]interface{}) {
			r["Settings"] = map[string]interface{}{"Inputs": []interface{}{}, "OutputGroups.$": "$.groups"}
		}), []map[string]any{stmt(create, mc("queues", "Default"), mc("presets", "*")), pass}},
		{"whole request at run time", sfn.IntegrationPattern_RUN_JOB, tasks.ValueAt[map[string]interface{}]("{% $states.input.request %}"),
			[]map[string]any{stmt(create, mc("queues", "*"), mc("presets", "*"), mc("jobTemplates", "*")), poll, rule, passRoleAny("mediaconvert.amazonaws.com")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			props := &tasks.MediaConvertCreateJobProps{IntegrationPattern: tt.pattern, CreateJobRequest: tt.req}
			if _, whole := value.Standing(tt.req); whole {
				props.QueryLanguage = sfn.QueryLanguage_JSONATA
			}
			task := tasks.NewMediaConvertCreateJob(stack, jsii.String("Create"), props)
			got := machineStatements(t, machines(t, stack, task), 0)
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestMediaConvertCreateJobErrors(t *testing.T) {
	tests := []struct {
		name  string
		props *tasks.MediaConvertCreateJobProps
		want  string
	}{
		{"no request", &tasks.MediaConvertCreateJobProps{}, "CreateJobRequest: required"},
		{"no role", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { delete(r, "Role") })},
			"CreateJobRequest.Role: required"},
		{"role not an ARN", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["Role"] = "MediaConvertRole" })},
			`CreateJobRequest.Role: "MediaConvertRole" is not an IAM role ARN`},
		{"no settings", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { delete(r, "Settings") })},
			"CreateJobRequest.Settings: required"},
		{"settings not an object", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["Settings"] = "x" })},
			"CreateJobRequest.Settings: must be an object"},
		{"priority out of range", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["Priority"] = 51 })},
			"CreateJobRequest.Priority: must be from -50 to 50, got 51"},
		{"bad status interval", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["StatusUpdateInterval"] = "SECONDS_7" })},
			`CreateJobRequest.StatusUpdateInterval: must be SECONDS_10 or`},
		{"bad acceleration mode", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) {
			r["AccelerationSettings"] = map[string]interface{}{"Mode": "FAST"}
		})}, `CreateJobRequest.AccelerationSettings.Mode: must be DISABLED or ENABLED or PREFERRED (or dynamic), got "FAST"`},
		{"empty queue", &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["Queue"] = "" })},
			"CreateJobRequest.Queue: must be a non-empty string"},
		{"whole request from a JSONPath", &tasks.MediaConvertCreateJobProps{CreateJobRequest: tasks.ValueAt[map[string]interface{}]("$.request")},
			"CreateJobRequest: a JSONPath state's Parameters must be an object"},
		{"callback", &tasks.MediaConvertCreateJobProps{IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
			CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["UserMetadata"] = map[string]interface{}{"token.$": "$$.Task.Token"} })},
			"WAIT_FOR_TASK_TOKEN is not supported by mediaconvert:createJob; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewMediaConvertCreateJob(stack, jsii.String("Create"), tt.props) })
			assert.Contains(t, msg, tt.want)
			assert.Contains(t, msg, "MediaConvertCreateJob")
		})
	}
}

// Run locally: the dynamic role reaches MediaConvert resolved; a failed
// job is caught.
func TestMediaConvertCreateJobRun(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewMediaConvertCreateJob(stack, jsii.String("Create"), &tasks.MediaConvertCreateJobProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		CreateJobRequest:   mcRequest(func(r map[string]interface{}) { r["Role.$"] = "$.role"; delete(r, "Role") }),
		ResultPath:         jsii.String("$.job"),
	})
	failed := sfn.NewPass(stack, jsii.String("Failed"), nil)
	create.AddCatch(failed, &sfn.CatchProps{Errors: jsii.Strings("MediaConvert.AWSMediaConvertException")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(create)})

	var got any
	res := integ.Run(t, stack, sm, map[string]any{"role": mcRole}, integ.Mocks{
		"Create": integ.Func(func(in any) (any, error) {
			got = in
			return map[string]any{"Job": map[string]any{"Id": "1-abc", "Status": "COMPLETE"}}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, mcRole, got.(map[string]any)["Role"])
	assert.Equal(t, "1-abc", res.Output.(map[string]any)["job"].(map[string]any)["Job"].(map[string]any)["Id"])

	res = integ.Run(t, stack, sm, map[string]any{"role": mcRole}, integ.Mocks{
		"Create": integ.Fail("MediaConvert.AWSMediaConvertException", "job failed"),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.True(t, res.Caught("Create"))
	assert.True(t, res.Entered("Failed"))
}

func TestMediaConvertCreateJobInWorkflow(t *testing.T) {
	sameInWorkflow(t, func(stack awscdk.Stack, scope constructs.Construct) sfn.IChainable {
		rr := tasks.NewMediaConvertCreateJob(scope, jsii.String("RR"), &tasks.MediaConvertCreateJobProps{CreateJobRequest: mcRequest(nil)})
		sync := tasks.NewMediaConvertCreateJob(scope, jsii.String("Sync"), &tasks.MediaConvertCreateJobProps{
			IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, CreateJobRequest: mcRequest(func(r map[string]interface{}) { r["Queue"] = "q" }),
			StateName: jsii.String("Transcode")})
		return rr.Next(sync)
	})
}
