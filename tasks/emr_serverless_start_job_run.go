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
	// EntryPointArguments: items, or the whole list (tasks.ListAt), may be
	// dynamic.
	EntryPointArguments *[]*string
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
	// JobDriver (required): what the job runs;
	// tasks.ValueAt[tasks.EmrServerlessJobDriver] gives the whole driver at
	// run time.
	JobDriver *EmrServerlessJobDriver
	// ConfigurationOverrides: an object as StartJobRun takes it
	// ({"ApplicationConfiguration": […], "MonitoringConfiguration": {…}}),
	// rendered with its keys as written; values may be dynamic, and
	// tasks.ValueAt[map[string]interface{}] gives the whole object at run time.
	ConfigurationOverrides *map[string]interface{}
	// Name of the job run, 1 to 256 characters.
	Name *string
	// Tags of the job run (keys kept as written); values, or the whole map
	// (tasks.StringMapAt), may be dynamic.
	Tags *map[string]*string
	// ExecutionTimeout: the longest the job may run (EMR Serverless cancels
	// it then; its default is 12 hours), in whole minutes from 0 to
	// 1,000,000, rendered as ExecutionTimeoutMinutes; tasks.DurationAt gives
	// the minutes at run time.
	ExecutionTimeout awscdk.Duration

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
	if v := field(spec, "ConfigurationOverrides", props.ConfigurationOverrides); v != nil {
		if v.Kind() == value.Object {
			v = v.Verbatim()
		}
		p.fields["ConfigurationOverrides"] = v
	}
	if name := p.optional("Name", "Name", props.Name); name != nil {
		p.length("Name", name, 1, 256)
	}
	p.emrServerlessTags(props.Tags)
	if v := durationIn(spec, "ExecutionTimeout", props.ExecutionTimeout, engine.Minute); v != nil {
		if n, ok := literalNumber(v); ok && (n < 0 || n > 1_000_000) {
			p.problem("ExecutionTimeout", "must be from 0 to 1000000 minutes (or dynamic), got %s", num(n))
		}
		p.fields["ExecutionTimeoutMinutes"] = v
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func (p *taskParams) jobDriver(d *EmrServerlessJobDriver) {
	const prop = "JobDriver"
	if d == nil {
		p.problem(prop, "required: a *tasks.EmrServerlessJobDriver with SparkSubmit or Hive")
		return
	}
	if v, ok := value.Standing(d); ok {
		p.fields["JobDriver"] = v
		return
	}
	driver := newEmrObj(p.spec, prop)
	switch {
	case d.SparkSubmit != nil && d.Hive != nil:
		p.problem(prop, "give SparkSubmit or Hive, not both")
	case d.SparkSubmit != nil:
		driver.put("SparkSubmit", emrStruct(driver, "SparkSubmit", d.SparkSubmit, func(s *emrObj, x *EmrServerlessSparkSubmit) {
			if v := s.reqStr("EntryPoint", x.EntryPoint, "the S3 location of the script or JAR"); v != nil {
				p.length(s.path("EntryPoint"), v, 1, 256)
			}
			s.strings("EntryPointArguments", x.EntryPointArguments)
			if v := s.str("SparkSubmitParameters", x.SparkSubmitParameters); v != nil {
				p.length(s.path("SparkSubmitParameters"), v, 1, 102400)
			}
		}))
	case d.Hive != nil:
		driver.put("Hive", emrStruct(driver, "Hive", d.Hive, func(h *emrObj, x *EmrServerlessHive) {
			if v := h.reqStr("Query", x.Query, "the query or the S3 location of its file"); v != nil {
				p.length(h.path("Query"), v, 1, 10280)
			}
			h.str("InitQueryFile", x.InitQueryFile)
			h.str("Parameters", x.Parameters)
		}))
	default:
		p.problem(prop, "give SparkSubmit or Hive")
	}
	p.fields["JobDriver"] = driver.value()
}

// emrServerlessTags renders Tags with their keys as given, checking literal
// ones against EMR Serverless's limits, or takes the whole map from an expression.
func (p *taskParams) emrServerlessTags(x *map[string]*string) {
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
