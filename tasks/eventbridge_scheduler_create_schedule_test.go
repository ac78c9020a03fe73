package tasks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	schedRole   = "arn:aws:iam::111122223333:role/scheduler-invoke"
	schedTarget = "arn:aws:lambda:us-east-1:111122223333:function:worker"
	schedDLQ    = "arn:aws:sqs:us-east-1:111122223333:schedule-dlq"
	schedKey    = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
)

// schedRoles are the target roles made per stack (jsii does not give a
// child back as an awsiam.IRole).
var schedRoles = map[awscdk.Stack]awsiam.IRole{}

func schedRoleOf(stack awscdk.Stack) awsiam.IRole {
	role, ok := schedRoles[stack]
	if !ok {
		role = awsiam.Role_FromRoleArn(stack, jsii.String("SchedRole"), jsii.String(schedRole), nil)
		schedRoles[stack] = role
	}
	return role
}

func schedProps(stack awscdk.Stack, mod func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps)) *tasks.EventBridgeSchedulerCreateScheduleTaskProps {
	role := schedRoleOf(stack)
	p := &tasks.EventBridgeSchedulerCreateScheduleTaskProps{
		Schedule:     tasks.Schedule_Rate(awscdk.Duration_Minutes(jsii.Number(5))),
		ScheduleName: jsii.String("nightly"),
		Target:       tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{Arn: jsii.String(schedTarget), Role: role}),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEventBridgeSchedulerCreateScheduleRendering(t *testing.T) {
	stack := cdktest.NewStack()
	role := schedRoleOf(stack)
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	end := time.Date(2026, 12, 31, 23, 0, 0, 0, time.FixedZone("CET", 3600))
	full := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Full"), &tasks.EventBridgeSchedulerCreateScheduleTaskProps{
		Schedule:     tasks.Schedule_Cron(&tasks.CronOptions{Minute: jsii.String("0"), Hour: jsii.String("12"), WeekDay: jsii.String("MON-FRI")}),
		ScheduleName: jsii.String("weekdays"),
		Target: tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{
			Arn: jsii.String(schedTarget), Role: role, Input: jsii.String(`{"run":true}`),
			RetryPolicy:     &tasks.RetryPolicy{MaximumEventAge: awscdk.Duration_Hours(jsii.Number(2)), MaximumRetryAttempts: jsii.Number(3)},
			DeadLetterQueue: awssqs.Queue_FromQueueArn(stack, jsii.String("DLQ"), jsii.String(schedDLQ)),
		}),
		ActionAfterCompletion: tasks.ActionAfterCompletion_DELETE,
		ClientToken:           jsii.String("tok-1"),
		Description:           jsii.String("weekday noon run"),
		Enabled:               jsii.Bool(false),
		StartDate:             &start,
		EndDate:               &end,
		FlexibleTimeWindow:    awscdk.Duration_Minutes(jsii.Number(10)),
		GroupName:             jsii.String("jobs"),
		KmsKey:                awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String(schedKey)),
		Timezone:              jsii.String("Europe/Paris"),
	})
	minimal := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Minimal"), schedProps(stack, nil))
	once := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Once"), schedProps(stack, func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
		when := time.Date(2026, 7, 14, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600))
		p.Schedule = tasks.Schedule_OneTime(&when)
	}))
	dynamic := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Dynamic"), schedProps(stack, func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
		p.Schedule = tasks.Schedule_Cron(&tasks.CronOptions{Minute: jsii.String("0"), Hour: tasks.StringAt("$.hour")})
		p.ScheduleName = tasks.StringAt("States.Format('run-{}', $$.Execution.Name)")
		p.StartDate = tasks.ValueAt[time.Time]("$.start")
		p.FlexibleTimeWindow = tasks.DurationAt("$.window")
		p.Target = tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{
			Arn: tasks.StringAt("$.target"), Role: role, Input: tasks.StringAt("States.JsonToString($.payload)"),
			RetryPolicy: &tasks.RetryPolicy{MaximumEventAge: tasks.DurationAt("$.age"), MaximumRetryAttempts: tasks.NumberAt("$.attempts")},
		})
	}))
	tpl := machine(t, stack, full.Next(minimal).Next(once).Next(dynamic))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::aws-sdk:scheduler:createSchedule", "Next": "Minimal",
		"Parameters": map[string]any{
			"ActionAfterCompletion":      "DELETE",
			"ClientToken":                "tok-1",
			"Description":                "weekday noon run",
			"EndDate":                    "2026-12-31T22:00:00.000Z",
			"FlexibleTimeWindow":         map[string]any{"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 10.0},
			"GroupName":                  "jobs",
			"KmsKeyArn":                  schedKey,
			"Name":                       "weekdays",
			"ScheduleExpression":         "cron(0 12 ? * MON-FRI *)",
			"ScheduleExpressionTimezone": "Europe/Paris",
			"StartDate":                  "2026-01-02T03:04:05.000Z",
			"State":                      "DISABLED",
			"Target": map[string]any{"Arn": schedTarget, "RoleArn": schedRole, "Input": `{"run":true}`,
				"RetryPolicy":      map[string]any{"MaximumEventAgeInSeconds": 7200.0, "MaximumRetryAttempts": 3.0},
				"DeadLetterConfig": map[string]any{"Arn": schedDLQ}},
		}}, state(t, tpl, "Full"))
	assert.Equal(t, map[string]any{"ActionAfterCompletion": "NONE", "FlexibleTimeWindow": map[string]any{"Mode": "OFF"}, "Name": "nightly",
		"ScheduleExpression": "rate(5 minutes)", "State": "ENABLED", "Target": map[string]any{"Arn": schedTarget, "RoleArn": schedRole}},
		state(t, tpl, "Minimal")["Parameters"])
	assert.Equal(t, "at(2026-07-14T07:30:00)", state(t, tpl, "Once")["Parameters"].(map[string]any)["ScheduleExpression"])
	assert.Equal(t, map[string]any{"ActionAfterCompletion": "NONE",
		"FlexibleTimeWindow":   map[string]any{"Mode": "FLEXIBLE", "MaximumWindowInMinutes.$": "$.window"},
		"Name.$":               "States.Format('run-{}', $$.Execution.Name)",
		"ScheduleExpression.$": "States.Format('cron(0 {} * * ? *)', $.hour)",
		"StartDate.$":          "$.start",
		"State":                "ENABLED",
		"Target": map[string]any{"Arn.$": "$.target", "RoleArn": schedRole, "Input.$": "States.JsonToString($.payload)",
			"RetryPolicy": map[string]any{"MaximumEventAgeInSeconds.$": "$.age", "MaximumRetryAttempts.$": "$.attempts"}},
	}, state(t, tpl, "Dynamic")["Parameters"])
	integ.Validate(t, stack)
}

func TestEventBridgeSchedulerSchedules(t *testing.T) {
	expr := func(s tasks.Schedule) string { return *s.ExpressionString() }
	assert.Equal(t, "rate(2 days)", expr(tasks.Schedule_Rate(awscdk.Duration_Days(jsii.Number(2)))))
	assert.Equal(t, "rate(36 hours)", expr(tasks.Schedule_Rate(awscdk.Duration_Hours(jsii.Number(36)))))
	assert.Equal(t, "rate(90 minutes)", expr(tasks.Schedule_Rate(awscdk.Duration_Minutes(jsii.Number(90)))))
	assert.Equal(t, "rate(1 days)", expr(tasks.Schedule_Rate(awscdk.Duration_Hours(jsii.Number(24)))))
	assert.Equal(t, "cron(* * * * ? *)", expr(tasks.Schedule_Cron(nil)))
	assert.Equal(t, "cron(15 10 1 * ? 2027)", expr(tasks.Schedule_Cron(&tasks.CronOptions{Minute: jsii.String("15"), Hour: jsii.String("10"),
		Day: jsii.String("1"), Year: jsii.String("2027")})))
	when := time.Date(2027, 3, 4, 5, 6, 7, 0, time.UTC)
	assert.Equal(t, "at(2027-03-04T05:06:07)", expr(tasks.Schedule_OneTime(&when)))
}

func TestEventBridgeSchedulerCreateScheduleJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Create"), schedProps(stack, func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.ScheduleName = jsii.String("{% $states.input.name %}")
		p.Enabled = tasks.BoolAt("{% $states.input.on %}")
		p.Schedule = tasks.Schedule_Rate(tasks.DurationAt("{% $states.input.minutes %}"))
	}))
	args := state(t, machine(t, stack, task), "Create")["Arguments"].(map[string]any)
	assert.Equal(t, "{% $states.input.name %}", args["Name"])
	assert.Equal(t, "{% ($states.input.on) ? 'ENABLED' : 'DISABLED' %}", args["State"])
	assert.Equal(t, "{% 'rate(' & ($states.input.minutes) & ' minutes)' %}", args["ScheduleExpression"])
	integ.Validate(t, stack)
}

func TestEventBridgeSchedulerCreateScheduleIAM(t *testing.T) {
	create := []string{"scheduler:CreateSchedule"}
	pass := passRoleTo("scheduler.amazonaws.com", schedRole)
	tests := []struct {
		name string
		mod  func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps)
		want []map[string]any
	}{
		{"the default group", nil, []map[string]any{stmt(create, arn("scheduler", "schedule/default/nightly")), pass}},
		{"a group", func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) { p.GroupName = jsii.String("jobs") },
			[]map[string]any{stmt(create, arn("scheduler", "schedule/jobs/nightly")), pass}},
		{"a name with a literal prefix", func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.ScheduleName = tasks.StringAt("States.Format('run-{}', $.id)")
		}, []map[string]any{stmt(create, arn("scheduler", "schedule/default/run-*")), pass}},
		{"a dynamic group and name", func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.GroupName = tasks.StringAt("$.group")
			p.ScheduleName = tasks.StringAt("$.name")
		}, []map[string]any{stmt(create, arn("scheduler", "schedule/*/*")), pass}},
		{"wait for a callback", func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Description = tasks.StringAt("$$.Task.Token")
		}, []map[string]any{stmt(create, arn("scheduler", "schedule/default/nightly")), pass}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Create"), schedProps(stack, tt.mod))
			tpl := machines(t, stack, task)
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(machineStatements(t, tpl, 0)))
		})
	}
}

// The target's role may decrypt with the schedule's key (as in the CDK) and
// send to its dead-letter queue; the state machine may use the key through
// Scheduler for this schedule (both of which the CDK forgets).
func TestEventBridgeSchedulerCreateScheduleTargetRoleGrants(t *testing.T) {
	stack := cdktest.NewStack()
	role := awsiam.NewRole(stack, jsii.String("Invoker"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("scheduler.amazonaws.com"), nil)})
	key := awskms.NewKey(stack, jsii.String("Key"), nil)
	dlq := awssqs.NewQueue(stack, jsii.String("DLQ"), nil)
	task := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Create"), schedProps(stack, func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
		p.KmsKey = key
		p.Target = tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{Arn: jsii.String(schedTarget), Role: role, DeadLetterQueue: dlq})
	}))
	tpl := machines(t, stack, task)
	var actions []string
	for id, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		if strings.HasPrefix(id, "InvokerDefaultPolicy") {
			for _, s := range cdktest.RoleStatements(t, map[string]any{"Resources": map[string]any{id: p}}) {
				actions = append(actions, s["Action"].([]string)...)
			}
		}
	}
	assert.Contains(t, actions, "kms:Decrypt")
	assert.Contains(t, actions, "sqs:SendMessage")
	var kms []map[string]any
	var others []map[string]any
	for _, s := range machineStatements(t, tpl, 0) {
		if strings.HasPrefix(s["Action"].([]string)[0], "kms:") {
			s["Condition"] = flatConditions(s["Condition"])
			kms = append(kms, s)
		} else {
			others = append(others, s)
		}
	}
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"scheduler:CreateSchedule"}, arn("scheduler", "schedule/default/nightly")),
		passRoleTo("scheduler.amazonaws.com", "${Invoker060A9026.Arn}"),
	}), cdktest.SortedStatements(others))
	// The caller's key statements, as the EventBridge Scheduler guide has them.
	describe := stmt([]string{"kms:DescribeKey"}, "${Key961B73FD.Arn}")
	describe["Condition"] = map[string]map[string]string{"StringEquals": {"kms:ViaService": "scheduler.${AWS::Region}.amazonaws.com"}}
	use := stmt([]string{"kms:GenerateDataKey", "kms:Decrypt"}, "${Key961B73FD.Arn}")
	use["Condition"] = map[string]map[string]string{"StringEquals": {"kms:ViaService": "scheduler.${AWS::Region}.amazonaws.com"},
		"StringLike": {"kms:EncryptionContext:aws:scheduler:schedule:arn": arn("scheduler", "schedule/default/nightly")}}
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{describe, use}), cdktest.SortedStatements(kms))
}

func TestEventBridgeSchedulerCreateScheduleErrors(t *testing.T) {
	type mod = func(stack awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps)
	target := func(stack awscdk.Stack, props *tasks.EventBridgeSchedulerTargetProps) tasks.EventBridgeSchedulerTarget {
		if props.Arn == nil {
			props.Arn = jsii.String(schedTarget)
		}
		return tasks.NewEventBridgeSchedulerTarget(props)
	}
	role := schedRoleOf
	tests := []struct {
		name string
		mod  mod
		want string
	}{
		{"no schedule", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) { p.Schedule = nil }, "Schedule: required"},
		{"rate under a minute", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Schedule = tasks.Schedule_Rate(awscdk.Duration_Seconds(jsii.Number(30)))
		}, "Schedule: Schedule_Rate: the duration cannot be less than 1 minute"},
		{"rate not whole minutes", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Schedule = tasks.Schedule_Rate(awscdk.Duration_Seconds(jsii.Number(90)))
		}, "is not a whole number of minutes"},
		{"cron day and week day", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Schedule = tasks.Schedule_Cron(&tasks.CronOptions{Day: jsii.String("1"), WeekDay: jsii.String("MON")})
		}, "Schedule: Schedule_Cron: give Day or WeekDay, not both"},
		{"no name", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) { p.ScheduleName = nil }, "ScheduleName: required"},
		{"bad name", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.ScheduleName = jsii.String("night ly")
		},
			`ScheduleName: "night ly" must be 1 to 64 letters`},
		{"no target", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) { p.Target = nil }, "Target: required"},
		{"target without a role", func(s awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Target = target(s, &tasks.EventBridgeSchedulerTargetProps{})
		}, "Target.Role: required"},
		{"target without an ARN", func(s awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Target = tasks.NewEventBridgeSchedulerTarget(&tasks.EventBridgeSchedulerTargetProps{Role: role(s)})
		}, "Target.Arn: required"},
		{"empty input", func(s awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Target = target(s, &tasks.EventBridgeSchedulerTargetProps{Role: role(s), Input: jsii.String("")})
		}, "Target.Input: must be 1 to"},
		{"too many retries", func(s awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Target = target(s, &tasks.EventBridgeSchedulerTargetProps{Role: role(s),
				RetryPolicy: &tasks.RetryPolicy{MaximumEventAge: awscdk.Duration_Minutes(jsii.Number(5)), MaximumRetryAttempts: jsii.Number(186)}})
		}, "Target.RetryPolicy.MaximumRetryAttempts: must be from 0 to 185, got 186"},
		{"event age too short", func(s awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Target = target(s, &tasks.EventBridgeSchedulerTargetProps{Role: role(s),
				RetryPolicy: &tasks.RetryPolicy{MaximumEventAge: awscdk.Duration_Seconds(jsii.Number(30)), MaximumRetryAttempts: jsii.Number(1)}})
		}, "Target.RetryPolicy.MaximumEventAge: must be 60 to 86400 seconds (or dynamic), got 30"},
		{"retry policy without attempts", func(s awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Target = target(s, &tasks.EventBridgeSchedulerTargetProps{Role: role(s), RetryPolicy: &tasks.RetryPolicy{MaximumEventAge: awscdk.Duration_Minutes(jsii.Number(5))}})
		}, "Target.RetryPolicy.MaximumRetryAttempts: required"},
		{"bad client token", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.ClientToken = jsii.String("tok/1")
		},
			`ClientToken: "tok/1" must be 1 to 64`},
		{"description too long", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Description = jsii.String(strings.Repeat("d", 513))
		}, "Description: must be 0 to 512 characters, got 513"},
		{"window too long", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.FlexibleTimeWindow = awscdk.Duration_Minutes(jsii.Number(1441))
		}, "FlexibleTimeWindow: must be 1 to 1440 minutes (or dynamic), got 1441"},
		{"bad group", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.GroupName = jsii.String("my/group")
		},
			`GroupName: "my/group" must be 1 to 64`},
		{"time zone too long", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Timezone = jsii.String(strings.Repeat("z", 51))
		}, "Timezone: must be 1 to 50 characters, got 51"},
		{"start after end", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			start, end := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			p.StartDate, p.EndDate = &start, &end
		}, "StartDate: must be before EndDate"},
		{"enabled from a JSONPath", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.Enabled = tasks.BoolAt("$.on")
		},
			"Enabled: a JSONPath value cannot become ENABLED or DISABLED at run time"},
		{"bad action after completion", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.ActionAfterCompletion = tasks.ActionAfterCompletion("KEEP")
		}, `ActionAfterCompletion: must be NONE or DELETE (or dynamic), got "KEEP"`},
		{"run job", func(_ awscdk.Stack, p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		}, "RUN_JOB is not supported by aws-sdk:scheduler:createSchedule; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			props := schedProps(stack, nil)
			tt.mod(stack, props)
			msg := validationError(t, func() { tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Create"), props) })
			assert.Contains(t, msg, tt.want)
			assert.Contains(t, msg, "EventBridgeSchedulerCreateScheduleTask")
		})
	}
}

// Run locally: the dynamic name reaches Scheduler resolved; a conflict is
// caught.
func TestEventBridgeSchedulerCreateScheduleRun(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEventBridgeSchedulerCreateScheduleTask(stack, jsii.String("Create"), schedProps(stack, func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
		p.ScheduleName = tasks.StringAt("States.Format('run-{}', $.id)")
		p.ResultPath = jsii.String("$.schedule")
	}))
	exists := sfn.NewPass(stack, jsii.String("Exists"), nil)
	create.AddCatch(exists, &sfn.CatchProps{Errors: jsii.Strings("Scheduler.ConflictException")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(create)})

	var got any
	res := integ.Run(t, stack, sm, map[string]any{"id": "42"}, integ.Mocks{
		"Create": integ.Func(func(in any) (any, error) {
			got = in
			return map[string]any{"ScheduleArn": "arn:aws:scheduler:us-east-1:111122223333:schedule/default/run-42"}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "run-42", got.(map[string]any)["Name"])
	assert.Equal(t, "arn:aws:scheduler:us-east-1:111122223333:schedule/default/run-42",
		res.Output.(map[string]any)["schedule"].(map[string]any)["ScheduleArn"])

	res = integ.Run(t, stack, sm, map[string]any{"id": "42"}, integ.Mocks{"Create": integ.Fail("Scheduler.ConflictException", "schedule exists")})
	assert.True(t, res.Succeeded(), res.History())
	assert.True(t, res.Caught("Create"))
	assert.True(t, res.Entered("Exists"))
}

func TestEventBridgeSchedulerCreateScheduleInWorkflow(t *testing.T) {
	sameInWorkflow(t, func(stack awscdk.Stack, scope constructs.Construct) sfn.IChainable {
		a := tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("A"), schedProps(stack, nil))
		b := tasks.NewEventBridgeSchedulerCreateScheduleTask(scope, jsii.String("B"), schedProps(stack, func(p *tasks.EventBridgeSchedulerCreateScheduleTaskProps) {
			p.GroupName = jsii.String("jobs")
			p.ScheduleName = tasks.StringAt("$.name")
			p.StateName = jsii.String("Schedule the next run")
		}))
		return a.Next(b)
	})
}
