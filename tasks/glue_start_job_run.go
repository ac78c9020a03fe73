package tasks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// WorkerType mirrors awsstepfunctionstasks.WorkerType (the CDK deprecates
// it for WorkerTypeV2): the CDK's constants, rendered as Glue names the
// types ("G.1X"), which are accepted too, as is a dynamic
// WorkerType(*tasks.StringAt("$.type")).
type WorkerType string

const (
	WorkerType_STANDARD WorkerType = "STANDARD"
	WorkerType_G_025X   WorkerType = "G_025X"
	WorkerType_G_1X     WorkerType = "G_1X"
	WorkerType_G_2X     WorkerType = "G_2X"
	WorkerType_G_4X     WorkerType = "G_4X"
	WorkerType_G_8X     WorkerType = "G_8X"
	WorkerType_Z_2X     WorkerType = "Z_2X"
)

// glueWorkerTypes are the Glue names of the WorkerType constants.
var glueWorkerTypes = map[string]string{"STANDARD": "Standard", "G_025X": "G.025X", "G_1X": "G.1X",
	"G_2X": "G.2X", "G_4X": "G.4X", "G_8X": "G.8X", "Z_2X": "Z.2X"}

// apiName is the API's name for a CDK enum constant's Go value; any other
// value (the API's own name, a dynamic value) is kept as it is.
func apiName(given string, names map[string]string) string {
	if name, ok := names[given]; ok {
		return name
	}
	return given
}

// WorkerTypeV2 is a Glue worker type. The CDK's own
// awsstepfunctionstasks.WorkerTypeV2 values fit here too.
type WorkerTypeV2 interface{ Name() *string }

type workerTypeV2 struct{ name *string }

func (w workerTypeV2) Name() *string { return w.name }

// WorkerTypeV2_Of is any worker type, literal or dynamic
// (WorkerTypeV2_Of(tasks.StringAt("$.workerType"))).
func WorkerTypeV2_Of(workerType *string) WorkerTypeV2 { return workerTypeV2{workerType} }

func workerTypeNamed(name string) WorkerTypeV2 { return workerTypeV2{&name} }

func WorkerTypeV2_STANDARD() WorkerTypeV2 { return workerTypeNamed("Standard") }
func WorkerTypeV2_G_025X() WorkerTypeV2   { return workerTypeNamed("G.025X") }
func WorkerTypeV2_G_1X() WorkerTypeV2     { return workerTypeNamed("G.1X") }
func WorkerTypeV2_G_2X() WorkerTypeV2     { return workerTypeNamed("G.2X") }
func WorkerTypeV2_G_4X() WorkerTypeV2     { return workerTypeNamed("G.4X") }
func WorkerTypeV2_G_8X() WorkerTypeV2     { return workerTypeNamed("G.8X") }
func WorkerTypeV2_Z_2X() WorkerTypeV2     { return workerTypeNamed("Z.2X") }

// WorkerConfigurationProperty mirrors the CDK's: exactly one of WorkerType
// and WorkerTypeV2, and NumberOfWorkers.
type WorkerConfigurationProperty struct {
	WorkerType   WorkerType
	WorkerTypeV2 WorkerTypeV2
	// NumberOfWorkers: a whole number, at least 1, or dynamic
	// (tasks.NumberAt, sfn.JsonPath_NumberAt).
	NumberOfWorkers *float64
}

// ExecutionClass mirrors awsstepfunctionstasks.ExecutionClass; may be
// dynamic: ExecutionClass(*tasks.StringAt("$.class")).
type ExecutionClass string

const (
	ExecutionClass_FLEX     ExecutionClass = "FLEX"
	ExecutionClass_STANDARD ExecutionClass = "STANDARD"
)

// GlueStartJobRunProps mirrors awsstepfunctionstasks.GlueStartJobRunProps.
type GlueStartJobRunProps struct {
	// GlueJobName (required). IAM is granted on job/<name>: job/<prefix>*
	// for a States.Format name with a literal prefix, job/* in the account
	// and region for another run-time name.
	GlueJobName *string
	// Arguments replace the job's default arguments for this run: an object
	// whose keys ("--day") are kept as given and whose values are strings or
	// dynamic, or the whole map decided at run time.
	Arguments sfn.TaskInput
	// NotifyDelayAfter: how long after the run starts Glue sends a delay
	// notification: whole minutes, at least 1, or dynamic (tasks.DurationAt).
	NotifyDelayAfter awscdk.Duration
	// SecurityConfiguration: the name of a Glue security configuration.
	SecurityConfiguration *string
	// WorkerConfiguration of this run.
	WorkerConfiguration *WorkerConfigurationProperty
	// ExecutionClass: FLEX or STANDARD.
	ExecutionClass ExecutionClass
	// Timeout of the job run (its Timeout parameter): whole minutes, at
	// least 1, or dynamic (tasks.DurationAt). Unlike the CDK, which turns
	// TaskTimeout into the job's timeout and drops the state's, TaskTimeout
	// stays the state's TimeoutSeconds.
	Timeout awscdk.Duration

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
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

var glueStartJobRun, _ = iampolicy.Lookup("glue", "startJobRun")

// GlueStartJobRun is the task NewGlueStartJobRun returns: a Task, typed as the CDK types it.
type GlueStartJobRun interface{ Task }

// NewGlueStartJobRun starts an AWS Glue job run
// (arn:…:states:::glue:startJobRun): REQUEST_RESPONSE (the default, as in
// the CDK) or RUN_JOB (.sync).
func NewGlueStartJobRun(scope constructs.Construct, id *string, props *GlueStartJobRunProps) GlueStartJobRun {
	checkProps(scope, id, "GlueStartJobRun", props == nil)
	spec := &engine.Spec{JobTimeout: true, Construct: "GlueStartJobRun", Integration: glueStartJobRun}
	p := taskParams{spec: spec, fields: map[string]*Value{}}

	if name := p.required("GlueJobName", "JobName", props.GlueJobName, "the name of the Glue job to run"); name != nil {
		p.singleLine("GlueJobName", name, 255)
	}
	if props.Arguments != nil {
		if args := field(spec, "Arguments", props.Arguments); args != nil {
			p.fields["Arguments"] = glueArguments(spec, args)
		}
	}
	if v := p.minutes("NotifyDelayAfter", props.NotifyDelayAfter); v != nil {
		p.fields["NotificationProperty"] = value.NewObject(map[string]*Value{"NotifyDelayAfter": v})
	}
	if v := p.minutes("Timeout", props.Timeout); v != nil {
		p.fields["Timeout"] = v
	}
	if v := p.optional("SecurityConfiguration", "SecurityConfiguration", props.SecurityConfiguration); v != nil {
		p.singleLine("SecurityConfiguration", v, 255)
	}
	if w := props.WorkerConfiguration; w != nil {
		p.workerConfiguration(w)
	}
	if props.ExecutionClass != "" {
		v := p.optional("ExecutionClass", "ExecutionClass", string(props.ExecutionClass))
		p.oneOf("ExecutionClass", v, "FLEX", "STANDARD")
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func (p *taskParams) workerConfiguration(w *WorkerConfigurationProperty) {
	const prop = "WorkerConfiguration"
	switch {
	case w.WorkerType != "" && w.WorkerTypeV2 != nil:
		p.problem(prop, "give WorkerType or WorkerTypeV2, not both")
	case w.WorkerType != "":
		p.optional(prop+".WorkerType", "WorkerType", apiName(string(w.WorkerType), glueWorkerTypes))
	case w.WorkerTypeV2 != nil:
		if p.optional(prop+".WorkerTypeV2", "WorkerType", w.WorkerTypeV2.Name()) == nil {
			p.problem(prop+".WorkerTypeV2", "names no worker type: give tasks.WorkerTypeV2_G_1X() or tasks.WorkerTypeV2_Of(jsii.String(\"G.1X\"))")
		}
	default:
		p.problem(prop, "give WorkerType or WorkerTypeV2 (for example tasks.WorkerTypeV2_G_1X())")
	}
	n := field(p.spec, prop+".NumberOfWorkers", w.NumberOfWorkers)
	if n == nil {
		p.problem(prop+".NumberOfWorkers", "required with a worker type: a whole number of at least 1, or dynamic")
		return
	}
	p.fields["NumberOfWorkers"] = p.whole(prop+".NumberOfWorkers", n, 1, 0)
}

// glueArguments keeps the keys of an arguments object as given and checks
// that its literal values are strings, as Glue's Arguments map requires.
func glueArguments(spec *engine.Spec, args *Value) *Value {
	switch {
	case args.IsExpression():
		return args
	case args.Kind() != value.Object:
		spec.Problems = append(spec.Problems, fieldProblem("Arguments", "give an object of argument names to string values (tasks.TaskInput_FromObject), or a JSONPath, intrinsic or JSONata expression that yields it at run time, got %s", describeValue(args)))
		return args
	}
	keys := make([]string, 0, len(args.Fields()))
	for k := range args.Fields() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := args.Field(k); !v.Dynamic() {
			if _, ok := v.String(); !ok {
				got := describeValue(v)
				if v.Kind() == value.Literal {
					got = fmt.Sprint(v.LiteralValue())
				}
				spec.Problems = append(spec.Problems, fieldProblem("Arguments."+k, "Glue job arguments are strings, got %s", got))
			}
		}
	}
	return args.Verbatim()
}

// taskParams builds a parameters object, recording problems by prop name.
type taskParams struct {
	spec   *engine.Spec
	fields map[string]*Value
}

func (p *taskParams) problem(prop, format string, args ...any) {
	p.spec.Problems = append(p.spec.Problems, fieldProblem(prop, format, args...))
}

// optional sets key from prop when it is given.
func (p *taskParams) optional(prop, key string, x any) *Value {
	v := field(p.spec, prop, x)
	if v != nil {
		p.fields[key] = v
	}
	return v
}

func (p *taskParams) required(prop, key string, x any, what string) *Value {
	v := p.optional(prop, key, x)
	if v == nil {
		p.problem(prop, "required: %s", what)
	}
	return v
}

// literalString is v's literal string, unless v is dynamic or a CDK token.
func literalString(v *Value) (string, bool) {
	s, ok := v.String()
	return s, ok && !value.IsTokenString(s)
}

// singleLine checks a literal name: 1 to max characters, one line.
func (p *taskParams) singleLine(prop string, v *Value, max int) {
	if s, ok := literalString(v); ok && (s == "" || len([]rune(s)) > max || strings.ContainsAny(s, "\r\n")) {
		p.problem(prop, "%q must be 1 to %d characters on one line", s, max)
	}
}

// length checks a literal string's length.
func (p *taskParams) length(prop string, v *Value, min, max int) {
	if s, ok := literalString(v); ok {
		if n := len([]rune(s)); n < min || n > max {
			p.problem(prop, "must be %d to %d characters, got %d", min, max, n)
		}
	}
}

func (p *taskParams) oneOf(prop string, v *Value, allowed ...string) {
	if s, ok := literalString(v); ok {
		for _, a := range allowed {
			if s == a {
				return
			}
		}
		p.problem(prop, "must be %s (or dynamic), got %q", strings.Join(allowed, " or "), s)
	}
}

// whole checks a literal whole number against [min, max] (max 0: none).
func (p *taskParams) whole(prop string, v *Value, min, max float64) *Value {
	if v == nil || v.Dynamic() {
		return v
	}
	n, ok := v.Number()
	switch {
	case ok && value.IsTokenNumber(n): // a CDK token, known at synth
	case !ok || n != float64(int64(n)):
		p.problem(prop, "must be a whole number (or dynamic), got %v", v.LiteralValue())
	case max == 0 && n < min:
		p.problem(prop, "must be at least %g, got %g", min, n)
	case max != 0 && (n < min || n > max):
		p.problem(prop, "must be from %g to %g, got %g", min, max, n)
	}
	return v
}

// minutes reads a Duration prop in whole minutes, at least 1.
func (p *taskParams) minutes(prop string, d awscdk.Duration) *Value {
	return p.whole(prop, durationIn(p.spec, prop, d, engine.Minute), 1, 0)
}
