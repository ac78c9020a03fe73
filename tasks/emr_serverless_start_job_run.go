package tasks

import (
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EmrServerlessSparkSubmit runs a Spark application.
type EmrServerlessSparkSubmit struct {
	// EntryPoint (required): the application's script or JAR (s3://…).
	EntryPoint *string
	// EntryPointArguments: *[]*string, tasks.List (items may be dynamic) or
	// an expression for the whole list.
	EntryPointArguments interface{}
	// SparkSubmitParameters: "--conf spark.executor.cores=2 …".
	SparkSubmitParameters *string
}

// EmrServerlessHive runs a Hive query.
type EmrServerlessHive struct {
	// Query (required): the query, or the S3 location of its file.
	Query *string
	// InitQueryFile: the S3 location of a query run first.
	InitQueryFile *string
	// Parameters: "--hiveconf hive.exec.scratchdir=s3://…".
	Parameters *string
}

// EmrServerlessJobDriver says what the job runs: exactly one of SparkSubmit
// and Hive.
type EmrServerlessJobDriver struct {
	SparkSubmit *EmrServerlessSparkSubmit
	Hive        *EmrServerlessHive
}

// EmrServerlessStartJobRunProps: the CDK has no EMR Serverless task
// (aws/aws-cdk#32061); the names follow StartJobRun's.
type EmrServerlessStartJobRunProps struct {
	// ApplicationId (required): IAM is granted on /applications/<id>,
	// /applications/* in the account and region when it is dynamic.
	ApplicationId *string
	// ExecutionRoleArn (required): the role the job runs with; the state
	// machine gets iam:PassRole on it, only to EMR Serverless.
	ExecutionRoleArn *string
	// JobDriver (required): a *tasks.EmrServerlessJobDriver, or an
	// expression that yields the whole driver at run time.
	JobDriver interface{}
	// ConfigurationOverrides: an object as StartJobRun takes it
	// ({"ApplicationConfiguration": […], "MonitoringConfiguration": {…}}),
	// rendered with its keys as written, or an expression.
	ConfigurationOverrides interface{}
	// Name of the job run, 1 to 256 characters.
	Name *string
	// Tags of the job run: a map of strings (keys kept as written, values
	// may be dynamic) or an expression for the whole map.
	Tags interface{}
	// ExecutionTimeoutMinutes: the longest the job may run (EMR Serverless
	// cancels it then; its default is 12 hours): an awscdk.Duration of whole
	// minutes, a number of minutes or dynamic; 0 to 1,000,000.
	ExecutionTimeoutMinutes interface{}

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
	emrServerlessStartJobRun, _ = iampolicy.Lookup("emr-serverless", "startJobRun")
	emrServerlessApplicationID  = regexp.MustCompile(`^[0-9a-z]{1,64}$`)
)

// EmrServerlessStartJobRun is the task NewEmrServerlessStartJobRun returns: a Task, typed as the CDK types it.
type EmrServerlessStartJobRun interface{ Task }

// NewEmrServerlessStartJobRun starts a job run on an EMR Serverless
// application (arn:…:states:::emr-serverless:startJobRun): RUN_JOB (.sync)
// waits for the run to finish; REQUEST_RESPONSE (the default, as for other
// "start" tasks) returns its ID.
func NewEmrServerlessStartJobRun(scope constructs.Construct, id *string, props *EmrServerlessStartJobRunProps) EmrServerlessStartJobRun {
	checkProps(scope, id, "EmrServerlessStartJobRun", props == nil)
	spec := &engine.Spec{Construct: "EmrServerlessStartJobRun", Integration: emrServerlessStartJobRun}
	p := taskParams{spec: spec, fields: map[string]*Value{}}

	if app := p.required("ApplicationId", "ApplicationId", props.ApplicationId, "the ID of the EMR Serverless application"); app != nil {
		if s, ok := literalString(app); ok && !emrServerlessApplicationID.MatchString(s) {
			p.problem("ApplicationId", "%q is not an application ID: 1 to 64 lower-case letters and digits", s)
		}
	}
	if role := p.required("ExecutionRoleArn", "ExecutionRoleArn", props.ExecutionRoleArn, "the ARN of the IAM role the job runs with"); role != nil {
		if s, ok := literalString(role); ok && !(strings.HasPrefix(s, "arn:") && strings.Contains(s, ":role/")) {
			p.problem("ExecutionRoleArn", "%q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", s)
		}
	}
	p.jobDriver(props.JobDriver)
	if props.ConfigurationOverrides != nil {
		if v := field(spec, "ConfigurationOverrides", props.ConfigurationOverrides); v != nil {
			if v.Kind() == value.Object {
				v = v.Verbatim()
			} else if !v.IsExpression() {
				p.problem("ConfigurationOverrides", "give an object ({\"ApplicationConfiguration\": …, \"MonitoringConfiguration\": …}) or an expression, got %s", describeValue(v))
			}
			p.fields["ConfigurationOverrides"] = v
		}
	}
	if name := p.optional("Name", "Name", props.Name); name != nil {
		p.length("Name", name, 1, 256)
	}
	p.emrServerlessTags(props.Tags)
	if v := p.timeoutMinutes("ExecutionTimeoutMinutes", props.ExecutionTimeoutMinutes); v != nil {
		p.fields["ExecutionTimeoutMinutes"] = v
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func (p *taskParams) jobDriver(x any) {
	const prop = "JobDriver"
	var d *EmrServerlessJobDriver
	switch t := x.(type) {
	case nil:
	case *EmrServerlessJobDriver:
		d = t
	case EmrServerlessJobDriver:
		d = &t
	default:
		v := field(p.spec, prop, x)
		if v != nil && !v.IsExpression() {
			p.problem(prop, "give a *tasks.EmrServerlessJobDriver or an expression that yields the driver at run time, got %s", describeValue(v))
		}
		if v != nil {
			p.fields["JobDriver"] = v
		}
		return
	}
	if d == nil {
		p.problem(prop, "required: a *tasks.EmrServerlessJobDriver with SparkSubmit or Hive")
		return
	}
	driver := taskParams{spec: p.spec, fields: map[string]*Value{}}
	switch {
	case d.SparkSubmit != nil && d.Hive != nil:
		p.problem(prop, "give SparkSubmit or Hive, not both")
	case d.SparkSubmit != nil:
		s := taskParams{spec: p.spec, fields: map[string]*Value{}}
		if v := s.required(prop+".SparkSubmit.EntryPoint", "EntryPoint", d.SparkSubmit.EntryPoint, "the S3 location of the script or JAR"); v != nil {
			s.length(prop+".SparkSubmit.EntryPoint", v, 1, 256)
		}
		s.stringList(prop+".SparkSubmit.EntryPointArguments", "EntryPointArguments", d.SparkSubmit.EntryPointArguments)
		if v := s.optional(prop+".SparkSubmit.SparkSubmitParameters", "SparkSubmitParameters", d.SparkSubmit.SparkSubmitParameters); v != nil {
			s.length(prop+".SparkSubmit.SparkSubmitParameters", v, 1, 102400)
		}
		driver.fields["SparkSubmit"] = value.NewObject(s.fields)
	case d.Hive != nil:
		h := taskParams{spec: p.spec, fields: map[string]*Value{}}
		if v := h.required(prop+".Hive.Query", "Query", d.Hive.Query, "the query or the S3 location of its file"); v != nil {
			h.length(prop+".Hive.Query", v, 1, 10280)
		}
		h.optional(prop+".Hive.InitQueryFile", "InitQueryFile", d.Hive.InitQueryFile)
		h.optional(prop+".Hive.Parameters", "Parameters", d.Hive.Parameters)
		driver.fields["Hive"] = value.NewObject(h.fields)
	default:
		p.problem(prop, "give SparkSubmit or Hive")
	}
	p.fields["JobDriver"] = value.NewObject(driver.fields)
}

// emrServerlessTags renders Tags with their keys as given, checking literal
// ones against EMR Serverless's limits, or takes the whole map from an expression.
func (p *taskParams) emrServerlessTags(x any) {
	v := field(p.spec, "Tags", x)
	switch {
	case v == nil:
		return
	case v.IsExpression():
		p.fields["Tags"] = v
		return
	case v.Kind() != value.Object:
		p.problem("Tags", "give a map of tag keys to values, or an expression that yields it at run time, got %s", describeValue(v))
		return
	}
	if n := len(v.Fields()); n > 200 {
		p.problem("Tags", "at most 200 tags, got %d", n)
	}
	for _, k := range sortedFieldNames(v) {
		if n := len([]rune(k)); n < 1 || n > 128 {
			p.problem("Tags", "key %q must be 1 to 128 characters, got %d", k, n)
		}
		tv := v.Field(k)
		s, ok := tv.String()
		switch {
		case !ok && !tv.Dynamic():
			p.problem("Tags."+k, "must be a string (or dynamic), got %s", describeValue(tv))
		case ok && !value.IsTokenString(s) && len([]rune(s)) > 256:
			p.problem("Tags."+k, "must be at most 256 characters, got %d", len([]rune(s)))
		}
	}
	p.fields["Tags"] = v.Verbatim()
}

// timeoutMinutes reads whole minutes from 0 to 1,000,000: an
// awscdk.Duration, a number or a dynamic value.
func (p *taskParams) timeoutMinutes(prop string, x any) *Value {
	if d, ok := x.(awscdk.Duration); ok && d != nil {
		var minutes *float64
		if err := catchPanic(func() { minutes = d.ToMinutes(nil) }); err != nil {
			p.problem(prop, "must be a whole number of minutes")
			return nil
		}
		x = *minutes
	}
	v := p.whole(prop, field(p.spec, prop, x), 0, 0)
	if n, ok := v.Number(); ok && !v.Dynamic() && n > 1_000_000 {
		p.problem(prop, "must be at most 1000000 minutes, got %.0f", n)
	}
	return v
}
