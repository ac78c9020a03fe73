package tasks

import (
	"fmt"
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"strings"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsevents"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EventBridgePutEventsEntry mirrors awsstepfunctionstasks.EventBridgePutEventsEntry.
type EventBridgePutEventsEntry struct {
	// Detail of the event: a JSON object (tasks.TaskInput_FromObject,
	// tasks.TaskInput_FromJsonPathAt).
	Detail sfn.TaskInput
	// DetailType says what kind of event it is ("OrderPlaced").
	DetailType *string
	// EventBus receives the event (an awsevents.IEventBus or any bus
	// reference). Default: the account's default bus.
	EventBus interfacesawsevents.IEventBusRef
	// EventBusName is the bus as a name or ARN, which may be dynamic
	// (tasks.StringAt("$.bus")): IAM then covers every bus of the account
	// and region. Give it or EventBus. An sfnkit addition.
	EventBusName *string
	// Source of the event ("com.example.orders"); "aws." sources are AWS's.
	Source *string
	// Resources the event concerns: ARNs (each may be dynamic:
	// tasks.StringAt), or the list decided at run time (tasks.ListAt). An
	// sfnkit addition.
	Resources *[]*string
	// TraceHeader is an X-Ray trace header for the event. An sfnkit addition.
	TraceHeader *string
}

// EventBridgePutEventsProps mirrors awsstepfunctionstasks.EventBridgePutEventsProps.
type EventBridgePutEventsProps struct {
	// Entries to send, 1 to 10, or the whole list decided at run time
	// (tasks.ValueAt[[]*tasks.EventBridgePutEventsEntry]("$.entries")),
	// which IAM covers with every bus of the account and region.
	Entries *[]*EventBridgePutEventsEntry

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

var eventsPutEvents, _ = iampolicy.Lookup("events", "putEvents")

// EventBridgePutEvents is the task NewEventBridgePutEvents returns: a Task, typed as the CDK types it.
type EventBridgePutEvents interface{ Task }

// NewEventBridgePutEvents sends events to EventBridge
// (arn:…:states:::events:putEvents): REQUEST_RESPONSE (the default) or
// WAIT_FOR_TASK_TOKEN (the token must be in an entry). The role may put
// events on the entries' buses only.
func NewEventBridgePutEvents(scope constructs.Construct, id *string, props *EventBridgePutEventsProps) EventBridgePutEvents {
	checkProps(scope, id, "EventBridgePutEvents", props == nil)
	spec := &engine.Spec{Construct: "EventBridgePutEvents", Integration: eventsPutEvents, ParamsField: "Entries"}
	var entries *Value
	if v, ok := value.Standing(props.Entries); ok {
		if !v.IsExpression() {
			spec.Problems = append(spec.Problems, fieldProblem("Entries", "give the entries, or a JSONPath, intrinsic or JSONata expression that yields the list at run time, got %s", describeValue(v)))
		}
		entries = v
	} else if props.Entries != nil {
		entries = putEventsEntries(spec, *props.Entries)
	}
	if entries == nil && props.Entries == nil {
		spec.Problems = append(spec.Problems, fieldProblem("Entries", "required: 1 to 10 events to send"))
	}
	if entries != nil {
		spec.Params = value.NewObject(map[string]*Value{"Entries": entries})
	}
	return newTask(scope, id, props, spec)
}

func putEventsEntries(spec *engine.Spec, entries []*EventBridgePutEventsEntry) *Value {
	if n := len(entries); n < 1 || n > 10 {
		spec.Problems = append(spec.Problems, fieldProblem("Entries", "PutEvents takes 1 to 10 entries, got %d", n))
	}
	items := make([]*Value, 0, len(entries))
	for i, e := range entries {
		name := fmt.Sprintf("Entries[%d]", i)
		if e == nil {
			spec.Problems = append(spec.Problems, fieldProblem(name, "is nil"))
			continue
		}
		items = append(items, putEventsEntry(spec, name, e))
	}
	return value.NewList(items...)
}

func putEventsEntry(spec *engine.Spec, name string, e *EventBridgePutEventsEntry) *Value {
	problem := func(f, format string, args ...any) {
		spec.Problems = append(spec.Problems, fieldProblem(name+"."+f, format, args...))
	}
	out := map[string]*Value{}
	if v := field(spec, name+".Detail", e.Detail); v != nil {
		out["Detail"] = v
	} else {
		problem("Detail", "required: the event's detail, a JSON object")
	}
	if v := field(spec, name+".DetailType", e.DetailType); v != nil {
		out["DetailType"] = v
	} else {
		problem("DetailType", "required: what kind of event this is")
	}
	if v := field(spec, name+".Source", e.Source); v != nil {
		if s, ok := v.String(); ok && strings.HasPrefix(s, "aws.") {
			problem("Source", "%q: sources starting with \"aws.\" belong to AWS services; use your own, such as \"com.example.orders\"", s)
		}
		out["Source"] = v
	} else {
		problem("Source", "required: the event's source")
	}
	switch {
	case e.EventBus != nil && e.EventBusName != nil:
		problem("EventBus", "give EventBus or EventBusName, not both")
	case e.EventBus != nil:
		ref := engine.Memo(e.EventBus, "EventBusRef", e.EventBus.EventBusRef)
		out["EventBusName"] = value.Lit(*ref.EventBusArn)
	case e.EventBusName != nil:
		if v := field(spec, name+".EventBusName", e.EventBusName); v != nil {
			out["EventBusName"] = v
		}
	}
	if e.Resources != nil {
		if v := field(spec, name+".Resources", e.Resources); v != nil {
			for i, it := range v.Items() {
				if it.Kind() == value.Literal && it.LiteralValue() == nil {
					problem(fmt.Sprintf("Resources[%d]", i), "is nil: give an ARN")
				}
			}
			out["Resources"] = v
		}
	}
	if v := field(spec, name+".TraceHeader", e.TraceHeader); v != nil {
		out["TraceHeader"] = v
	}
	return value.NewObject(out)
}
