package tasks

import (
	"fmt"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// ActionAfterCompletion is what EventBridge Scheduler does with a schedule
// once it has invoked its target for the last time.
type ActionAfterCompletion string

const (
	// ActionAfterCompletion_NONE keeps the schedule.
	ActionAfterCompletion_NONE ActionAfterCompletion = "NONE"
	// ActionAfterCompletion_DELETE deletes the schedule.
	ActionAfterCompletion_DELETE ActionAfterCompletion = "DELETE"
)

// CronOptions mirrors awsstepfunctionstasks.CronOptions: the fields of a
// cron expression, "*" (or "?" for the day of the week) when not given.
// Any field may be dynamic (tasks.StringAt, or "{% … %}" in a JSONata
// state): the expression is then built at run time.
type CronOptions struct {
	Day     *string
	Hour    *string
	Minute  *string
	Month   *string
	WeekDay *string
	Year    *string
}

// Schedule mirrors awsstepfunctionstasks.Schedule: when a schedule runs.
// Make one with Schedule_Rate, Schedule_Cron or Schedule_OneTime; any type
// with ExpressionString works too (tasks.StringAt gives an expression
// decided at run time).
type Schedule interface {
	// ExpressionString is the schedule expression: rate(…), cron(…) or at(…).
	ExpressionString() *string
}

// schedule is sfnkit's Schedule: its expression as a Value, and the
// problem its inputs had, reported by the task that uses it.
type schedule struct {
	v       *Value
	problem error
}

func (s *schedule) ExpressionString() *string {
	switch {
	case s.v == nil:
		return nil
	case s.v.Kind() == value.Path || s.v.Kind() == value.Intrinsic:
		return value.MarkString(s.v.Expr())
	case s.v.Kind() == value.JSONata:
		e := s.v.Expr()
		return &e
	}
	str, _ := s.v.String()
	return &str
}

// Schedule_Rate runs the schedule at a fixed rate: whole days, hours or
// minutes (at least one minute), as the CDK writes it ("rate(2 hours)").
// tasks.DurationAt gives the number of minutes at run time.
func Schedule_Rate(duration awscdk.Duration) Schedule {
	if duration == nil {
		return &schedule{problem: fmt.Errorf("Schedule_Rate: give a duration")}
	}
	if v, ok := value.Standing(duration); ok {
		e, err := concat(value.Lit("rate("), v, value.Lit(" minutes)"))
		return &schedule{v: e, problem: err}
	}
	ms := *duration.ToMilliseconds(nil)
	const minute, hour, day = 60_000, 3_600_000, 86_400_000
	switch {
	case ms < minute:
		return &schedule{problem: fmt.Errorf("Schedule_Rate: the duration cannot be less than 1 minute, got %s", *duration.ToHumanString())}
	case ms == float64(int64(ms/day))*day:
		return &schedule{v: value.Lit(fmt.Sprintf("rate(%d days)", int64(ms/day)))}
	case ms == float64(int64(ms/hour))*hour:
		return &schedule{v: value.Lit(fmt.Sprintf("rate(%d hours)", int64(ms/hour)))}
	case ms == float64(int64(ms/minute))*minute:
		return &schedule{v: value.Lit(fmt.Sprintf("rate(%d minutes)", int64(ms/minute)))}
	}
	return &schedule{problem: fmt.Errorf("Schedule_Rate: %s is not a whole number of minutes", *duration.ToHumanString())}
}

// Schedule_Cron runs the schedule at the times the cron fields match:
// cron(minute hour day month weekDay year). Day and WeekDay exclude each
// other.
func Schedule_Cron(options *CronOptions) Schedule {
	if options == nil {
		options = &CronOptions{}
	}
	if options.Day != nil && options.WeekDay != nil {
		return &schedule{problem: fmt.Errorf("Schedule_Cron: give Day or WeekDay, not both")}
	}
	part := func(name string, s *string, def string) *Value {
		if s == nil {
			return value.Lit(def)
		}
		v, err := engine.Convert(s)
		if err != nil || v == nil {
			return value.Lit(def)
		}
		return v
	}
	day := "*"
	if options.WeekDay != nil {
		day = "?"
	}
	v, err := concat(value.Lit("cron("), part("Minute", options.Minute, "*"), value.Lit(" "), part("Hour", options.Hour, "*"),
		value.Lit(" "), part("Day", options.Day, day), value.Lit(" "), part("Month", options.Month, "*"),
		value.Lit(" "), part("WeekDay", options.WeekDay, "?"), value.Lit(" "), part("Year", options.Year, "*"), value.Lit(")"))
	if err != nil {
		err = fmt.Errorf("Schedule_Cron: %w", err)
	}
	return &schedule{v: v, problem: err}
}

// Schedule_OneTime runs the schedule once: at(yyyy-mm-ddThh:mm:ss), the
// time's wall clock in UTC, which EventBridge Scheduler reads in the
// task's Timezone (UTC when none is given). tasks.ValueAt[time.Time] gives
// the "yyyy-mm-ddThh:mm:ss" text at run time.
func Schedule_OneTime(t *time.Time) Schedule {
	if t == nil {
		return &schedule{problem: fmt.Errorf("Schedule_OneTime: give a time")}
	}
	if v, ok := value.Standing(t); ok {
		e, err := concat(value.Lit("at("), v, value.Lit(")"))
		return &schedule{v: e, problem: err}
	}
	return &schedule{v: value.Lit("at(" + t.UTC().Format("2006-01-02T15:04:05") + ")")}
}

// RetryPolicy mirrors awsstepfunctionstasks.RetryPolicy: how EventBridge
// Scheduler retries a failed invocation.
type RetryPolicy struct {
	// MaximumEventAge: how long to keep retrying, 60 to 86,400 whole
	// seconds; tasks.DurationAt gives the seconds at run time.
	MaximumEventAge awscdk.Duration
	// MaximumRetryAttempts: 0 to 185; tasks.NumberAt gives it at run time.
	MaximumRetryAttempts *float64
}

// EventBridgeSchedulerTargetProps mirrors awsstepfunctionstasks.EventBridgeSchedulerTargetProps.
type EventBridgeSchedulerTargetProps struct {
	// Arn (required) of the target: a resource ARN, or a universal target
	// (arn:aws:scheduler:::aws-sdk:…). May be dynamic.
	Arn *string
	// Role (required) EventBridge Scheduler invokes the target with; the
	// state machine may pass it, only to EventBridge Scheduler.
	Role awsiam.IRole
	// DeadLetterQueue receives the events EventBridge Scheduler fails to
	// deliver; the target's role is granted sqs:SendMessage on it.
	DeadLetterQueue awssqs.IQueue
	// Input given to the target (text, usually JSON), at least 1
	// character. May be dynamic.
	Input *string
	// RetryPolicy of failed invocations. Default: EventBridge Scheduler's.
	RetryPolicy *RetryPolicy
}

// EventBridgeSchedulerTarget mirrors awsstepfunctionstasks.EventBridgeSchedulerTarget:
// the target a schedule invokes. NewEventBridgeSchedulerTarget makes one;
// its props are checked by the task that uses it, so that the error names
// the field.
type EventBridgeSchedulerTarget interface {
	Arn() *string
	SetArn(val *string)
	DeadLetterQueue() awssqs.IQueue
	SetDeadLetterQueue(val awssqs.IQueue)
	Input() *string
	SetInput(val *string)
	RetryPolicy() *RetryPolicy
	SetRetryPolicy(val *RetryPolicy)
	Role() awsiam.IRole
	SetRole(val awsiam.IRole)
	// RenderTargetObject is the target as CreateSchedule takes it (the
	// task renders it itself, checking each field).
	RenderTargetObject() interface{}
}

type eventBridgeSchedulerTarget struct {
	arn, input *string
	role       awsiam.IRole
	dlq        awssqs.IQueue
	retry      *RetryPolicy
}

// NewEventBridgeSchedulerTarget makes a schedule's target.
func NewEventBridgeSchedulerTarget(props *EventBridgeSchedulerTargetProps) EventBridgeSchedulerTarget {
	if props == nil {
		props = &EventBridgeSchedulerTargetProps{}
	}
	return &eventBridgeSchedulerTarget{arn: props.Arn, input: props.Input, role: props.Role, dlq: props.DeadLetterQueue, retry: props.RetryPolicy}
}

func (t *eventBridgeSchedulerTarget) Arn() *string                         { return t.arn }
func (t *eventBridgeSchedulerTarget) SetArn(val *string)                   { t.arn = val }
func (t *eventBridgeSchedulerTarget) DeadLetterQueue() awssqs.IQueue       { return t.dlq }
func (t *eventBridgeSchedulerTarget) SetDeadLetterQueue(val awssqs.IQueue) { t.dlq = val }
func (t *eventBridgeSchedulerTarget) Input() *string                       { return t.input }
func (t *eventBridgeSchedulerTarget) SetInput(val *string)                 { t.input = val }
func (t *eventBridgeSchedulerTarget) RetryPolicy() *RetryPolicy            { return t.retry }
func (t *eventBridgeSchedulerTarget) SetRetryPolicy(val *RetryPolicy)      { t.retry = val }
func (t *eventBridgeSchedulerTarget) Role() awsiam.IRole                   { return t.role }
func (t *eventBridgeSchedulerTarget) SetRole(val awsiam.IRole)             { t.role = val }

func (t *eventBridgeSchedulerTarget) RenderTargetObject() interface{} {
	out := map[string]interface{}{"Arn": t.arn}
	if t.role != nil {
		out["RoleArn"] = t.role.RoleArn()
	}
	if t.input != nil {
		out["Input"] = t.input
	}
	if t.retry != nil {
		retry := map[string]interface{}{"MaximumRetryAttempts": t.retry.MaximumRetryAttempts}
		if t.retry.MaximumEventAge != nil {
			retry["MaximumEventAgeInSeconds"] = t.retry.MaximumEventAge.ToSeconds(nil)
		}
		out["RetryPolicy"] = retry
	}
	if t.dlq != nil {
		out["DeadLetterConfig"] = map[string]interface{}{"Arn": t.dlq.QueueArn()}
	}
	return out
}
