package tasks

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// MediaConvertCreateJobProps mirrors awsstepfunctionstasks.MediaConvertCreateJobProps.
type MediaConvertCreateJobProps struct {
	// CreateJobRequest (required) is the CreateJob request as MediaConvert
	// takes it, keys as the API spells them: Role and Settings are
	// required; Queue, JobTemplate, Priority, AccelerationSettings,
	// BillingTagsSource, StatusUpdateInterval, SimulateReservedQueue,
	// UserMetadata, Tags… are optional. Any value may be dynamic ("Role.$":
	// "$.role", tasks.Path, "{% … %}"); in a JSONata state
	// tasks.ValueAt[map[string]interface{}]("{% … %}") gives the whole
	// request at run time. IAM follows what it names: iam:PassRole on Role (only to
	// MediaConvert), mediaconvert:CreateJob on the Queue (Default when none),
	// the JobTemplate and the output presets.
	CreateJobRequest *map[string]interface{}

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

var mediaConvertCreateJob, _ = iampolicy.Lookup("mediaconvert", "createJob")

// mediaConvertEnums are the CreateJob request fields with a fixed set of
// values, as the MediaConvert API reference lists them.
var mediaConvertEnums = []struct {
	path    []string
	allowed []string
}{
	{[]string{"BillingTagsSource"}, []string{"QUEUE", "PRESET", "JOB_TEMPLATE", "JOB"}},
	{[]string{"SimulateReservedQueue"}, []string{"DISABLED", "ENABLED"}},
	{[]string{"StatusUpdateInterval"}, []string{"SECONDS_10", "SECONDS_12", "SECONDS_15", "SECONDS_20", "SECONDS_30", "SECONDS_60",
		"SECONDS_120", "SECONDS_180", "SECONDS_240", "SECONDS_300", "SECONDS_360", "SECONDS_420", "SECONDS_480", "SECONDS_540", "SECONDS_600"}},
	{[]string{"AccelerationSettings", "Mode"}, []string{"DISABLED", "ENABLED", "PREFERRED"}},
}

// MediaConvertCreateJob is the task NewMediaConvertCreateJob returns: a Task, typed as the CDK types it.
type MediaConvertCreateJob interface{ Task }

// NewMediaConvertCreateJob creates a MediaConvert transcoding job
// (arn:…:states:::mediaconvert:createJob): REQUEST_RESPONSE (the default)
// returns the job; RUN_JOB (.sync) waits for it to complete.
func NewMediaConvertCreateJob(scope constructs.Construct, id *string, props *MediaConvertCreateJobProps) MediaConvertCreateJob {
	checkProps(scope, id, "MediaConvertCreateJob", props == nil)
	spec := &engine.Spec{Construct: "MediaConvertCreateJob", Integration: mediaConvertCreateJob, ParamsField: "CreateJobRequest"}
	p := taskParams{spec: spec}
	req := field(spec, "CreateJobRequest", props.CreateJobRequest)
	switch {
	case req == nil:
		if props.CreateJobRequest == nil {
			p.problem("CreateJobRequest", "required: the CreateJob request, with at least Role and Settings")
		}
	case req.IsExpression():
		if req.Kind() != value.JSONata {
			p.problem("CreateJobRequest", "a JSONPath state's Parameters must be an object: give the request as a map whose values may be dynamic (\"Settings.$\": \"$.settings\"), or decide it whole in a JSONata state")
		}
	case req.Kind() != value.Object:
		p.problem("CreateJobRequest", "give the request as a map, or an expression that yields it at run time, got %s", describeValue(req))
	default:
		mediaConvertCheck(&p, req)
	}
	spec.Params = req
	return newTask(scope, id, props, spec)
}

// mediaConvertCheck checks the literal parts of a CreateJob request against
// the API's documented limits.
func mediaConvertCheck(p *taskParams, req *Value) {
	const prop = "CreateJobRequest"
	role := req.Field("Role")
	switch {
	case role == nil:
		p.problem(prop+".Role", "required: the ARN of the IAM role MediaConvert runs the job with")
	case !role.Dynamic():
		if s, ok := role.String(); !ok {
			p.problem(prop+".Role", "must be an IAM role ARN (or dynamic), got %s", describeValue(role))
		} else if !value.IsTokenString(s) && !(strings.HasPrefix(s, "arn:") && strings.Contains(s, ":role/")) {
			p.problem(prop+".Role", "%q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", s)
		}
	}
	settings := req.Field("Settings")
	switch {
	case settings == nil:
		p.problem(prop+".Settings", "required: the job settings (Inputs, OutputGroups…)")
	case !settings.IsExpression() && settings.Kind() != value.Object:
		p.problem(prop+".Settings", "must be an object (or dynamic), got %s", describeValue(settings))
	}
	if v := req.Field("Priority"); v != nil {
		p.whole(prop+".Priority", v, -50, 50)
	}
	for _, name := range []string{"Queue", "JobTemplate", "ClientRequestToken", "JobEngineVersion"} {
		if v := req.Field(name); v != nil && !v.Dynamic() {
			if s, ok := v.String(); !ok || s == "" {
				p.problem(prop+"."+name, "must be a non-empty string (or dynamic), got %s", describeValue(v))
			}
		}
	}
	for _, e := range mediaConvertEnums {
		v := req
		for _, k := range e.path {
			if v == nil || v.Kind() != value.Object {
				v = nil
				break
			}
			v = v.Field(k)
		}
		if v != nil && !v.Dynamic() {
			p.oneOf(prop+"."+strings.Join(e.path, "."), v, e.allowed...)
		}
	}
	for _, name := range []string{"UserMetadata", "Tags"} {
		if v := req.Field(name); v != nil && !v.IsExpression() && v.Kind() != value.Object {
			p.problem(prop+"."+name, "must be a map of strings (or dynamic), got %s", describeValue(v))
		}
	}
}
