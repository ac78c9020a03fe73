package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsevents"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const ordersBusARN = "arn:aws:events:eu-west-1:111122223333:event-bus/orders"

func orderEntry(mod func(e *tasks.EventBridgePutEventsEntry)) *tasks.EventBridgePutEventsEntry {
	e := &tasks.EventBridgePutEventsEntry{Detail: tasks.TaskInput_FromObject(map[string]any{"id": tasks.Path("$.id")}),
		DetailType: jsii.String("OrderPlaced"), Source: jsii.String("com.example.orders")}
	if mod != nil {
		mod(e)
	}
	return e
}

func TestEventBridgePutEventsRendering(t *testing.T) {
	stack := cdktest.NewStack()
	bus := awsevents.EventBus_FromEventBusArn(stack, jsii.String("Orders"), jsii.String(ordersBusARN))
	rr := tasks.NewEventBridgePutEvents(stack, jsii.String("Put"), &tasks.EventBridgePutEventsProps{Entries: &[]*tasks.EventBridgePutEventsEntry{
		orderEntry(nil),
		orderEntry(func(e *tasks.EventBridgePutEventsEntry) {
			e.EventBus = bus
			e.Resources = jsii.Strings("arn:aws:s3:::orders")
			e.TraceHeader = tasks.StringAt("$.trace")
		}),
		orderEntry(func(e *tasks.EventBridgePutEventsEntry) {
			e.EventBusName = tasks.StringAt("$.bus")
			e.DetailType = tasks.StringAt("$.type")
			e.Source = tasks.StringAt("$.source")
			e.Resources = &[]*string{jsii.String("arn:aws:s3:::orders"), tasks.StringAt("$.object")}
		}),
	}})
	cb := tasks.NewEventBridgePutEvents(stack, jsii.String("Put And Wait"), &tasks.EventBridgePutEventsProps{
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
		Entries: &[]*tasks.EventBridgePutEventsEntry{orderEntry(func(e *tasks.EventBridgePutEventsEntry) {
			e.Detail = tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})
			e.EventBusName = jsii.String("audit")
		})}})
	whole := tasks.NewEventBridgePutEvents(stack, jsii.String("Put Whole"), &tasks.EventBridgePutEventsProps{Entries: tasks.ValueAt[[]*tasks.EventBridgePutEventsEntry]("$.entries")})
	tpl := machine(t, stack, rr.Next(cb).Next(whole))

	res := "arn:" + partition + ":states:::events:putEvents"
	detail := map[string]any{"id.$": "$.id"}
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res, "Next": "Put And Wait",
		"Parameters": map[string]any{"Entries": []any{
			map[string]any{"Detail": detail, "DetailType": "OrderPlaced", "Source": "com.example.orders"},
			map[string]any{"Detail": detail, "DetailType": "OrderPlaced", "Source": "com.example.orders", "EventBusName": ordersBusARN,
				"Resources": []any{"arn:aws:s3:::orders"}, "TraceHeader.$": "$.trace"},
			map[string]any{"Detail": detail, "DetailType.$": "$.type", "Source.$": "$.source", "EventBusName.$": "$.bus",
				"Resources.$": "States.Array('arn:aws:s3:::orders', $.object)"},
		}}}, state(t, tpl, "Put"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".waitForTaskToken", "Next": "Put Whole",
		"Parameters": map[string]any{"Entries": []any{map[string]any{"Detail": map[string]any{"token.$": "$$.Task.Token"},
			"DetailType": "OrderPlaced", "Source": "com.example.orders", "EventBusName": "audit"}}}}, state(t, tpl, "Put And Wait"))
	assert.Equal(t, map[string]any{"Entries.$": "$.entries"}, state(t, tpl, "Put Whole")["Parameters"])
	integ.Validate(t, stack)
}

func TestEventBridgePutEventsJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewEventBridgePutEvents(stack, jsii.String("Put"), &tasks.EventBridgePutEventsProps{QueryLanguage: sfn.QueryLanguage_JSONATA,
		Entries: &[]*tasks.EventBridgePutEventsEntry{{Detail: tasks.TaskInput_FromText("{% $states.input.detail %}"),
			DetailType: jsii.String("OrderPlaced"), Source: jsii.String("{% $states.input.source %}")}}})
	assert.Equal(t, map[string]any{"Entries": []any{map[string]any{"Detail": "{% $states.input.detail %}", "DetailType": "OrderPlaced",
		"Source": "{% $states.input.source %}"}}}, state(t, machine(t, stack, task), "Put")["Arguments"])
}

func TestEventBridgePutEventsRuns(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewEventBridgePutEvents(stack, jsii.String("Put"), &tasks.EventBridgePutEventsProps{ResultPath: jsii.String("$.put"),
		Entries: &[]*tasks.EventBridgePutEventsEntry{orderEntry(nil), orderEntry(func(e *tasks.EventBridgePutEventsEntry) { e.EventBusName = jsii.String("audit") })}})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	var sent any
	res := integ.Run(t, stack, sm, map[string]any{"id": 9}, integ.Mocks{
		"Put": integ.Func(func(input any) (any, error) { sent = input; return integ.EventBridgePutEventsResponse(2), nil })})
	assert.True(t, res.Succeeded(), res.History())
	entry := map[string]any{"Detail": map[string]any{"id": 9.0}, "DetailType": "OrderPlaced", "Source": "com.example.orders"}
	audit := map[string]any{"Detail": map[string]any{"id": 9.0}, "DetailType": "OrderPlaced", "Source": "com.example.orders", "EventBusName": "audit"}
	assert.Equal(t, map[string]any{"Entries": []any{entry, audit}}, sent)
	assert.Equal(t, 0.0, res.Output.(map[string]any)["put"].(map[string]any)["FailedEntryCount"])
}

func TestEventBridgePutEventsIAM(t *testing.T) {
	put := []string{"events:PutEvents"}
	stack := cdktest.NewStack()
	imported := awsevents.EventBus_FromEventBusArn(stack, jsii.String("Orders"), jsii.String(ordersBusARN))
	own := awsevents.NewEventBus(stack, jsii.String("Own"), nil)
	token := tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})
	entry := func(bus interfacesawsevents.IEventBusRef, name *string) *tasks.EventBridgePutEventsEntry {
		return orderEntry(func(e *tasks.EventBridgePutEventsEntry) { e.Detail, e.EventBus, e.EventBusName = token, bus, name })
	}
	defaultBus := arn("events", "event-bus/default")
	tests := []struct {
		name    string
		pattern sfn.IntegrationPattern
		entries *[]*tasks.EventBridgePutEventsEntry
		want    []map[string]any
	}{
		{"request response: the default bus", "", &[]*tasks.EventBridgePutEventsEntry{entry(nil, nil)}, []map[string]any{stmt(put, defaultBus)}},
		{"callback: the default bus", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, &[]*tasks.EventBridgePutEventsEntry{entry(nil, nil)}, []map[string]any{stmt(put, defaultBus)}},
		{"each bus once", "", &[]*tasks.EventBridgePutEventsEntry{entry(imported, nil), entry(own, nil), entry(nil, jsii.String("audit")), entry(imported, nil)},
			[]map[string]any{stmt(put, ordersBusARN, "${Own30425842.Arn}", arn("events", "event-bus/audit"))}},
		{"dynamic request response", "", &[]*tasks.EventBridgePutEventsEntry{entry(imported, nil), entry(nil, tasks.StringAt("$.bus"))},
			[]map[string]any{stmt(put, arn("events", "event-bus/*"))}},
		{"dynamic callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, &[]*tasks.EventBridgePutEventsEntry{entry(nil, tasks.StringAt("$.bus"))},
			[]map[string]any{stmt(put, arn("events", "event-bus/*"))}},
		{"dynamic entries", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, tasks.ValueAt[[]*tasks.EventBridgePutEventsEntry]("States.Array($.entry, $$.Task.Token)"),
			[]map[string]any{stmt(put, arn("events", "event-bus/*"))}},
	}
	var starts []sfn.IChainable
	for _, tt := range tests {
		starts = append(starts, tasks.NewEventBridgePutEvents(stack, jsii.String(tt.name), &tasks.EventBridgePutEventsProps{
			IntegrationPattern: tt.pattern, Entries: tt.entries}))
	}
	tpl := machines(t, stack, starts...)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(machineStatements(t, tpl, i)))
		})
	}
}

func TestEventBridgePutEventsErrors(t *testing.T) {
	stack := cdktest.NewStack()
	bus := awsevents.EventBus_FromEventBusArn(stack, jsii.String("Orders"), jsii.String(ordersBusARN))
	eleven := make([]*tasks.EventBridgePutEventsEntry, 11)
	for i := range eleven {
		eleven[i] = orderEntry(nil)
	}
	one := func(mod func(e *tasks.EventBridgePutEventsEntry)) *tasks.EventBridgePutEventsProps {
		return &tasks.EventBridgePutEventsProps{Entries: &[]*tasks.EventBridgePutEventsEntry{orderEntry(mod)}}
	}
	tests := []struct {
		name  string
		props *tasks.EventBridgePutEventsProps
		want  string
	}{
		{"no entries", &tasks.EventBridgePutEventsProps{}, "Entries: required: 1 to 10 events"},
		{"empty list", &tasks.EventBridgePutEventsProps{Entries: &[]*tasks.EventBridgePutEventsEntry{}}, "Entries: PutEvents takes 1 to 10 entries, got 0"},
		{"eleven entries", &tasks.EventBridgePutEventsProps{Entries: &eleven}, "Entries: PutEvents takes 1 to 10 entries, got 11"},
		{"nil entry", &tasks.EventBridgePutEventsProps{Entries: &[]*tasks.EventBridgePutEventsEntry{orderEntry(nil), nil}}, "Entries[1]: is nil"},
		{"aws source", one(func(e *tasks.EventBridgePutEventsEntry) { e.Source = jsii.String("aws.s3") }),
			`Entries[0].Source: "aws.s3": sources starting with "aws." belong to AWS services`},
		{"no source", one(func(e *tasks.EventBridgePutEventsEntry) { e.Source = nil }), "Entries[0].Source: required"},
		{"no detail type", one(func(e *tasks.EventBridgePutEventsEntry) { e.DetailType = nil }), "Entries[0].DetailType: required"},
		{"no detail", one(func(e *tasks.EventBridgePutEventsEntry) { e.Detail = nil }), "Entries[0].Detail: required"},
		{"bus twice", one(func(e *tasks.EventBridgePutEventsEntry) { e.EventBus, e.EventBusName = bus, jsii.String("audit") }),
			"Entries[0].EventBus: give EventBus or EventBusName, not both"},
		{"nil resource", one(func(e *tasks.EventBridgePutEventsEntry) {
			e.Resources = &[]*string{jsii.String("arn:aws:s3:::orders"), nil}
		}),
			"Entries[0].Resources[1]: is nil"},
		{"callback without the token", &tasks.EventBridgePutEventsProps{Entries: &[]*tasks.EventBridgePutEventsEntry{orderEntry(nil)},
			IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}, "Entries: integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"run job", &tasks.EventBridgePutEventsProps{Entries: &[]*tasks.EventBridgePutEventsEntry{orderEntry(nil)}, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB},
			"IntegrationPattern: RUN_JOB is not supported by events:putEvents; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, func() { tasks.NewEventBridgePutEvents(stack, jsii.String(tt.name), tt.props) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
