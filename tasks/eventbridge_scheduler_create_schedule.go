package tasks

import (
	"regexp"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EventBridgeSchedulerCreateScheduleTaskProps mirrors
// awsstepfunctionstasks.EventBridgeSchedulerCreateScheduleTaskProps.
type EventBridgeSchedulerCreateScheduleTaskProps struct {
	// Schedule (required): when the schedule runs (Schedule_Rate,
	// Schedule_Cron, Schedule_OneTime).
	Schedule Schedule
	// ScheduleName (required): 1 to 64 letters, digits, '.', '-' and '_'.
	// May be dynamic: IAM then covers the group's schedules
	// (schedule/<group>/<prefix>* for a States.Format name).
	ScheduleName *string
	// Target (required): what the schedule invokes.
	Target EventBridgeSchedulerTarget
	// ActionAfterCompletion: NONE (the default) or DELETE.
	ActionAfterCompletion ActionAfterCompletion
	// ClientToken makes the request idempotent: 1 to 64 letters, digits,
	// '-' and '_'.
	ClientToken *string
	// Description: at most 512 characters.
	Description *string
	// Enabled: whether the schedule starts enabled. Default: true. Dynamic
	// only in a JSONata state.
	Enabled *bool
	// EndDate: the schedule invokes its target no later than this (UTC).
	// tasks.ValueAt[time.Time] gives an ISO 8601 timestamp at run time.
	EndDate *time.Time
	// FlexibleTimeWindow: the window, 1 to 1,440 whole minutes, within
	// which the target may be invoked. Default: none (Mode OFF).
	FlexibleTimeWindow awscdk.Duration
	// GroupName of the schedule: 1 to 64 letters, digits, '.', '-' and '_'.
	// Default: the "default" group.
	GroupName *string
	// KmsKey that encrypts the schedule's payload: the state machine may
	// use it through EventBridge Scheduler for this schedule only (which the
	// CDK forgets); the target's role may decrypt with it, as in the CDK.
	KmsKey awskms.IKey
	// StartDate: the schedule invokes its target no earlier than this (UTC).
	StartDate *time.Time
	// Timezone in which the schedule expression is read: 1 to 50
	// characters ("Europe/Paris"). Default: UTC.
	Timezone *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

var (
	schedulerName        = regexp.MustCompile(`^[0-9a-zA-Z._-]{1,64}$`)
	schedulerClientToken = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)
)

// EventBridgeSchedulerCreateScheduleTask is the task NewEventBridgeSchedulerCreateScheduleTask returns: a Task, typed as the CDK types it.
type EventBridgeSchedulerCreateScheduleTask interface{ Task }

// NewEventBridgeSchedulerCreateScheduleTask creates an EventBridge
// Scheduler schedule (arn:…:states:::aws-sdk:scheduler:createSchedule):
// REQUEST_RESPONSE (the default) or WAIT_FOR_TASK_TOKEN; SDK integrations
// have no RUN_JOB. The role may create that schedule only and pass the
// target's role only to EventBridge Scheduler.
func NewEventBridgeSchedulerCreateScheduleTask(scope constructs.Construct, id *string, props *EventBridgeSchedulerCreateScheduleTaskProps) EventBridgeSchedulerCreateScheduleTask {
	checkProps(scope, id, "EventBridgeSchedulerCreateScheduleTask", props == nil)
	spec := &engine.Spec{Construct: "EventBridgeSchedulerCreateScheduleTask", Integration: iampolicy.SchedulerCreateSchedule}
	p := taskParams{spec: spec, fields: map[string]*Value{}}

	action := p.optional("ActionAfterCompletion", "ActionAfterCompletion", string(props.ActionAfterCompletion))
	if s, ok := literalString(action); ok && s == "" {
		p.fields["ActionAfterCompletion"] = value.Lit(string(ActionAfterCompletion_NONE))
	} else {
		p.oneOf("ActionAfterCompletion", action, "NONE", "DELETE")
	}
	if v := p.optional("ClientToken", "ClientToken", props.ClientToken); v != nil {
		if s, ok := literalString(v); ok && !schedulerClientToken.MatchString(s) {
			p.problem("ClientToken", "%q must be 1 to 64 letters, digits, '-' and '_'", s)
		}
	}
	if v := p.optional("Description", "Description", props.Description); v != nil {
		p.length("Description", v, 0, 512)
	}
	end := p.date("EndDate", props.EndDate)
	p.flexibleTimeWindow(props.FlexibleTimeWindow)
	if v := p.optional("GroupName", "GroupName", props.GroupName); v != nil {
		if s, ok := literalString(v); ok && !schedulerName.MatchString(s) {
			p.problem("GroupName", "%q must be 1 to 64 letters, digits, '.', '-' and '_'", s)
		}
	}
	if props.KmsKey != nil {
		p.fields["KmsKeyArn"] = value.Lit(*props.KmsKey.KeyArn())
	}
	if v := p.required("ScheduleName", "Name", props.ScheduleName, "the schedule's name"); v != nil {
		if s, ok := literalString(v); ok && !schedulerName.MatchString(s) {
			p.problem("ScheduleName", "%q must be 1 to 64 letters, digits, '.', '-' and '_'", s)
		}
	}
	switch s := props.Schedule.(type) {
	case nil:
		p.problem("Schedule", "required: when the schedule runs (tasks.Schedule_Rate, tasks.Schedule_Cron or tasks.Schedule_OneTime)")
	case *schedule:
		if s.problem != nil {
			p.problem("Schedule", "%v", s.problem)
		} else {
			p.fields["ScheduleExpression"] = s.v
		}
	default:
		p.required("Schedule", "ScheduleExpression", s.ExpressionString(), "a schedule expression")
	}
	if v := p.optional("Timezone", "ScheduleExpressionTimezone", props.Timezone); v != nil {
		p.length("Timezone", v, 1, 50)
	}
	start := p.date("StartDate", props.StartDate)
	if start != nil && end != nil && !start.Before(*end) {
		p.problem("StartDate", "must be before EndDate")
	}
	p.fields["State"] = value.Lit("ENABLED")
	if v := onOff(&p, "Enabled", props.Enabled); v != nil {
		p.fields["State"] = v
	}
	p.schedulerTarget(props.Target)
	spec.Params = value.NewObject(p.fields)

	task := newTask(scope, id, props, spec)
	if t := props.Target; t != nil && t.Role() != nil {
		if props.KmsKey != nil {
			props.KmsKey.GrantDecrypt(t.Role())
		}
		if q := t.DeadLetterQueue(); q != nil {
			q.GrantSendMessages(t.Role())
		}
	}
	return task
}

// date renders a timestamp as the CDK does (ISO 8601 in UTC, with
// milliseconds), or takes it from an expression; it returns the literal
// time, if any.
func (p *taskParams) date(prop string, t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	if v, ok := value.Standing(t); ok {
		p.fields[prop] = v
		return nil
	}
	p.fields[prop] = value.Lit(t.UTC().Format("2006-01-02T15:04:05.000Z"))
	return t
}

// flexibleTimeWindow renders FlexibleTimeWindow: Mode OFF without a
// window, FLEXIBLE with one of 1 to 1,440 minutes.
func (p *taskParams) flexibleTimeWindow(d awscdk.Duration) {
	window := map[string]*Value{"Mode": value.Lit("OFF")}
	if d != nil {
		window["Mode"] = value.Lit("FLEXIBLE")
		if v := durationIn(p.spec, "FlexibleTimeWindow", d, engine.Minute); v != nil {
			if n, ok := literalNumber(v); ok && (n < 1 || n > 1440) {
				p.problem("FlexibleTimeWindow", "must be 1 to 1440 minutes (or dynamic), got %s", num(n))
			}
			window["MaximumWindowInMinutes"] = v
		}
	}
	p.fields["FlexibleTimeWindow"] = value.NewObject(window)
}

// schedulerTarget renders Target, checking its fields against the API's
// limits.
func (p *taskParams) schedulerTarget(t EventBridgeSchedulerTarget) {
	const prop = "Target"
	if t == nil {
		p.problem(prop, "required: the target the schedule invokes (tasks.NewEventBridgeSchedulerTarget)")
		return
	}
	target := taskParams{spec: p.spec, fields: map[string]*Value{}}
	if v := target.required(prop+".Arn", "Arn", t.Arn(), "the ARN of the target"); v != nil {
		target.length(prop+".Arn", v, 1, 1600)
	}
	if role := t.Role(); role == nil {
		p.problem(prop+".Role", "required: the role EventBridge Scheduler invokes the target with")
	} else {
		target.fields["RoleArn"] = value.Lit(*engine.Memo(role, "RoleArn", role.RoleArn))
	}
	if v := target.optional(prop+".Input", "Input", t.Input()); v != nil {
		target.length(prop+".Input", v, 1, 1<<30)
	}
	if r := t.RetryPolicy(); r != nil {
		retry := map[string]*Value{}
		if r.MaximumEventAge == nil {
			p.problem(prop+".RetryPolicy.MaximumEventAge", "required: how long to keep retrying, 60 to 86400 seconds")
		} else if v := durationIn(p.spec, prop+".RetryPolicy.MaximumEventAge", r.MaximumEventAge, engine.Second); v != nil {
			if n, ok := literalNumber(v); ok && (n < 60 || n > 86400) {
				p.problem(prop+".RetryPolicy.MaximumEventAge", "must be 60 to 86400 seconds (or dynamic), got %s", num(n))
			}
			retry["MaximumEventAgeInSeconds"] = v
		}
		if r.MaximumRetryAttempts == nil {
			p.problem(prop+".RetryPolicy.MaximumRetryAttempts", "required: 0 to 185")
		} else if v := field(p.spec, prop+".RetryPolicy.MaximumRetryAttempts", r.MaximumRetryAttempts); v != nil {
			retry["MaximumRetryAttempts"] = p.whole(prop+".RetryPolicy.MaximumRetryAttempts", v, 0, 185)
		}
		target.fields["RetryPolicy"] = value.NewObject(retry)
	}
	if q := t.DeadLetterQueue(); q != nil {
		target.fields["DeadLetterConfig"] = value.NewObject(map[string]*Value{
			"Arn": value.Lit(*engine.Memo(q, "QueueArn", q.QueueArn))})
	}
	p.fields["Target"] = value.NewObject(target.fields)
}
