package tasks

import (
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// The EMR Serverless application tasks have no CDK twin (the CDK has no
// EMR Serverless task, aws/aws-cdk#32061); they follow
// EmrServerlessStartJobRun's names. REQUEST_RESPONSE is the default;
// RUN_JOB (.sync) waits for the application (or job run) to reach its new
// state. Step Functions offers no callback pattern for them.

// EmrServerlessArchitecture is the CPU architecture of an application;
// EmrServerlessArchitecture(*tasks.StringAt("$.arch")) is dynamic.
type EmrServerlessArchitecture string

const (
	EmrServerlessArchitecture_X86_64 EmrServerlessArchitecture = "X86_64"
	EmrServerlessArchitecture_ARM64  EmrServerlessArchitecture = "ARM64"
)

// EmrServerlessAutoStartConfiguration starts an application for a job.
type EmrServerlessAutoStartConfiguration struct {
	// Enabled: whether a submitted job starts the application. Default: true.
	Enabled *bool
}

// EmrServerlessAutoStopConfiguration stops an idle application.
type EmrServerlessAutoStopConfiguration struct {
	// Enabled: whether the application stops when idle. Default: true.
	Enabled *bool
	// IdleTimeout before it stops, in whole minutes from 1 to 10080,
	// rendered as IdleTimeoutMinutes. Default: 15 minutes.
	IdleTimeout awscdk.Duration
}

// EmrServerlessMaximumCapacity caps the resources of all the workers of an
// application, in the API's units ("400 vCPU", "3000 GB", "20000 GB").
type EmrServerlessMaximumCapacity struct {
	// Cpu (required), Memory (required) and Disk.
	Cpu    *string
	Memory *string
	Disk   *string
}

// EmrServerlessNetworkConfiguration puts the application's workers in a VPC.
type EmrServerlessNetworkConfiguration struct {
	// SubnetIds: up to 16 subnets.
	SubnetIds *[]*string
	// SecurityGroupIds: up to 5 security groups.
	SecurityGroupIds *[]*string
}

// EmrServerlessCreateApplicationProps creates an application
// (CreateApplication). Objects the API nests deeply are given as written
// in the API (keys kept, values may be dynamic).
type EmrServerlessCreateApplicationProps struct {
	// ReleaseLabel (required): the EMR release ("emr-7.1.0").
	ReleaseLabel *string
	// Type (required): "SPARK" or "HIVE".
	Type *string
	// Name of the application, 1 to 64 characters.
	Name *string
	// Architecture: X86_64 (EMR Serverless's default) or ARM64.
	Architecture EmrServerlessArchitecture
	// AutoStartConfiguration: whether the application starts when a job
	// is submitted.
	AutoStartConfiguration *EmrServerlessAutoStartConfiguration
	// AutoStopConfiguration of an idle application.
	AutoStopConfiguration *EmrServerlessAutoStopConfiguration
	// MaximumCapacity of the application.
	MaximumCapacity *EmrServerlessMaximumCapacity
	// NetworkConfiguration: the VPC subnets and security groups.
	NetworkConfiguration *EmrServerlessNetworkConfiguration
	// InitialCapacity: {"Driver": {"WorkerCount": 1, "WorkerConfiguration":
	// {"Cpu": "2 vCPU", "Memory": "4 GB"}}, …}, as the API takes it.
	InitialCapacity *map[string]interface{}
	// ImageConfiguration: {"ImageUri": "…"}, a custom image.
	ImageConfiguration *map[string]interface{}
	// WorkerTypeSpecifications: {"Driver": {"ImageConfiguration": {…}}, …}.
	WorkerTypeSpecifications *map[string]interface{}
	// RuntimeConfiguration: [{"Classification": "spark-defaults",
	// "Properties": {…}}], as the API takes it.
	RuntimeConfiguration *[]interface{}
	// MonitoringConfiguration: {"S3MonitoringConfiguration": {…}, …}.
	MonitoringConfiguration *map[string]interface{}
	// InteractiveConfiguration: {"StudioEnabled": true, …}.
	InteractiveConfiguration *map[string]interface{}
	// SchedulerConfiguration: {"MaxConcurrentRuns": 15, "QueueTimeoutMinutes": 360}.
	SchedulerConfiguration *map[string]interface{}
	// ClientToken makes a repeated request create one application.
	ClientToken *string
	// Tags of the application (keys kept as written); values, or the whole
	// map (tasks.StringMapAt), may be dynamic. EMR Serverless takes them
	// with emr-serverless:CreateApplication alone.
	Tags *map[string]*string

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

// EmrServerlessApplicationProps names the application that
// EmrServerlessStartApplication, EmrServerlessStopApplication and
// EmrServerlessDeleteApplication act on.
type EmrServerlessApplicationProps struct {
	// ApplicationId (required): IAM is granted on /applications/<id>,
	// /applications/* in the account and region when it is dynamic.
	ApplicationId *string

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

// EmrServerlessCancelJobRunProps cancels a job run (CancelJobRun).
type EmrServerlessCancelJobRunProps struct {
	// ApplicationId (required) of the job run's application.
	ApplicationId *string
	// JobRunId (required): IAM is granted on
	// /applications/<id>/jobruns/<run>, each part a wildcard when dynamic.
	JobRunId *string

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

// EmrServerlessCreateApplication is the task NewEmrServerlessCreateApplication returns.
type EmrServerlessCreateApplication interface{ Task }

// EmrServerlessStartApplication is the task NewEmrServerlessStartApplication returns.
type EmrServerlessStartApplication interface{ Task }

// EmrServerlessStopApplication is the task NewEmrServerlessStopApplication returns.
type EmrServerlessStopApplication interface{ Task }

// EmrServerlessDeleteApplication is the task NewEmrServerlessDeleteApplication returns.
type EmrServerlessDeleteApplication interface{ Task }

// EmrServerlessCancelJobRun is the task NewEmrServerlessCancelJobRun returns.
type EmrServerlessCancelJobRun interface{ Task }

var (
	emrServerlessName         = regexp.MustCompile(`^[A-Za-z0-9._/#-]+$`)
	emrServerlessReleaseLabel = regexp.MustCompile(`^[A-Za-z0-9._/-]+$`)
	emrServerlessJobRunID     = regexp.MustCompile(`^[0-9a-z]+$`)
)

func emrServerlessIntegration(api string) *iampolicy.Integration {
	in, _ := iampolicy.Lookup("emr-serverless", api)
	return in
}

// NewEmrServerlessCreateApplication creates an EMR Serverless application
// (arn:…:states:::emr-serverless:createApplication); RUN_JOB waits for it
// to be CREATED.
func NewEmrServerlessCreateApplication(scope constructs.Construct, id *string, props *EmrServerlessCreateApplicationProps) EmrServerlessCreateApplication {
	checkProps(scope, id, "EmrServerlessCreateApplication", props == nil)
	spec := &engine.Spec{Construct: "EmrServerlessCreateApplication", Integration: emrServerlessIntegration("createApplication")}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	o := newEmrObj(spec, "")
	o.fields = p.fields

	if v := p.required("ReleaseLabel", "ReleaseLabel", props.ReleaseLabel, `the EMR release ("emr-7.1.0")`); v != nil {
		p.length("ReleaseLabel", v, 1, 64)
		if s, ok := literalString(v); ok && !emrServerlessReleaseLabel.MatchString(s) {
			p.problem("ReleaseLabel", "%q is not a release label: letters, digits, . _ / and -", s)
		}
	}
	if v := p.required("Type", "Type", props.Type, `the application's type, "SPARK" or "HIVE"`); v != nil {
		p.length("Type", v, 1, 64)
	}
	if v := p.optional("Name", "Name", props.Name); v != nil {
		p.length("Name", v, 1, 64)
		if s, ok := literalString(v); ok && s != "" && !emrServerlessName.MatchString(s) {
			p.problem("Name", "%q has a character EMR Serverless rejects: use letters, digits, . _ / # and -", s)
		}
	}
	o.enum("Architecture", string(props.Architecture), identity("X86_64", "ARM64"))
	o.put("AutoStartConfiguration", emrStruct(o, "AutoStartConfiguration", props.AutoStartConfiguration, func(c *emrObj, x *EmrServerlessAutoStartConfiguration) {
		c.boolean("Enabled", x.Enabled)
	}))
	o.put("AutoStopConfiguration", emrStruct(o, "AutoStopConfiguration", props.AutoStopConfiguration, func(c *emrObj, x *EmrServerlessAutoStopConfiguration) {
		c.boolean("Enabled", x.Enabled)
		v := durationIn(spec, c.path("IdleTimeout"), x.IdleTimeout, engine.Minute)
		if f, ok := literalNumber(v); ok && (f < 1 || f > 10080) {
			c.problem("IdleTimeout", "must be from 1 to 10080 minutes (or dynamic), got %s", num(f))
		}
		c.put("IdleTimeoutMinutes", v)
	}))
	o.put("MaximumCapacity", emrStruct(o, "MaximumCapacity", props.MaximumCapacity, func(c *emrObj, x *EmrServerlessMaximumCapacity) {
		for _, f := range []struct {
			name     string
			s        *string
			required bool
		}{{"Cpu", x.Cpu, true}, {"Memory", x.Memory, true}, {"Disk", x.Disk, false}} {
			var v *Value
			if f.required {
				v = c.reqStr(f.name, f.s, `a quantity such as "400 vCPU" or "3000 GB"`)
			} else {
				v = c.str(f.name, f.s)
			}
			if v != nil {
				p.length(c.path(f.name), v, 1, 15)
			}
		}
	}))
	o.put("NetworkConfiguration", emrStruct(o, "NetworkConfiguration", props.NetworkConfiguration, func(c *emrObj, x *EmrServerlessNetworkConfiguration) {
		for _, f := range []struct {
			name string
			list *[]*string
			max  int
		}{{"SubnetIds", x.SubnetIds, 16}, {"SecurityGroupIds", x.SecurityGroupIds, 5}} {
			if v := c.strings(f.name, f.list); v != nil && v.Kind() == value.List && len(v.Items()) > f.max {
				c.problem(f.name, "at most %d, got %d", f.max, len(v.Items()))
			}
		}
	}))
	for _, f := range []struct {
		name string
		x    *map[string]interface{}
	}{{"InitialCapacity", props.InitialCapacity}, {"ImageConfiguration", props.ImageConfiguration},
		{"WorkerTypeSpecifications", props.WorkerTypeSpecifications}, {"MonitoringConfiguration", props.MonitoringConfiguration},
		{"InteractiveConfiguration", props.InteractiveConfiguration}, {"SchedulerConfiguration", props.SchedulerConfiguration}} {
		p.asWritten(f.name, f.x)
	}
	if v := field(spec, "RuntimeConfiguration", props.RuntimeConfiguration); v != nil {
		if v.Kind() == value.List {
			v = verbatimItems(v)
		} else if !v.IsExpression() {
			p.problem("RuntimeConfiguration", "give a list of configurations, or an expression that yields one, got %s", describeValue(v))
		}
		p.fields["RuntimeConfiguration"] = v
	}
	if v := p.optional("ClientToken", "ClientToken", props.ClientToken); v != nil {
		p.length("ClientToken", v, 1, 64)
	}
	p.emrServerlessTags(props.Tags)
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// asWritten sets an object prop whose keys are the API's, kept as written.
func (p *taskParams) asWritten(prop string, x *map[string]interface{}) {
	v := field(p.spec, prop, x)
	if v == nil {
		return
	}
	if v.Kind() == value.Object {
		v = v.Verbatim()
	} else if !v.IsExpression() {
		p.problem(prop, "give an object, or an expression that yields one at run time, got %s", describeValue(v))
	}
	p.fields[prop] = v
}

// verbatimItems keeps the keys of a list's objects as written.
func verbatimItems(v *Value) *Value {
	items := make([]*Value, len(v.Items()))
	for i, item := range v.Items() {
		if item.Kind() == value.Object {
			item = item.Verbatim()
		}
		items[i] = item
	}
	return value.NewList(items...)
}

// NewEmrServerlessStartApplication starts an application and its initial
// capacity (arn:…:states:::emr-serverless:startApplication); RUN_JOB waits
// for STARTED.
func NewEmrServerlessStartApplication(scope constructs.Construct, id *string, props *EmrServerlessApplicationProps) EmrServerlessStartApplication {
	checkProps(scope, id, "EmrServerlessStartApplication", props == nil)
	return newTask(scope, id, props, emrServerlessOnApplication("EmrServerlessStartApplication", "startApplication", props.ApplicationId))
}

// NewEmrServerlessStopApplication stops an application and releases its
// initial capacity (arn:…:states:::emr-serverless:stopApplication); its job
// runs must have ended. RUN_JOB waits for STOPPED.
func NewEmrServerlessStopApplication(scope constructs.Construct, id *string, props *EmrServerlessApplicationProps) EmrServerlessStopApplication {
	checkProps(scope, id, "EmrServerlessStopApplication", props == nil)
	return newTask(scope, id, props, emrServerlessOnApplication("EmrServerlessStopApplication", "stopApplication", props.ApplicationId))
}

// NewEmrServerlessDeleteApplication deletes a CREATED or STOPPED
// application (arn:…:states:::emr-serverless:deleteApplication); RUN_JOB
// waits for TERMINATED.
func NewEmrServerlessDeleteApplication(scope constructs.Construct, id *string, props *EmrServerlessApplicationProps) EmrServerlessDeleteApplication {
	checkProps(scope, id, "EmrServerlessDeleteApplication", props == nil)
	return newTask(scope, id, props, emrServerlessOnApplication("EmrServerlessDeleteApplication", "deleteApplication", props.ApplicationId))
}

func emrServerlessOnApplication(construct, api string, app *string) *engine.Spec {
	spec := &engine.Spec{Construct: construct, Integration: emrServerlessIntegration(api)}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.emrServerlessApplicationID(app)
	spec.Params = value.NewObject(p.fields)
	return spec
}

func (p *taskParams) emrServerlessApplicationID(app *string) {
	if v := p.required("ApplicationId", "ApplicationId", app, "the ID of the EMR Serverless application"); v != nil {
		if s, ok := literalString(v); ok && !emrServerlessApplicationID.MatchString(s) {
			p.problem("ApplicationId", "%q is not an application ID: 1 to 64 lower-case letters and digits", s)
		}
	}
}

// NewEmrServerlessCancelJobRun cancels a job run
// (arn:…:states:::emr-serverless:cancelJobRun); RUN_JOB waits for
// CANCELLED.
func NewEmrServerlessCancelJobRun(scope constructs.Construct, id *string, props *EmrServerlessCancelJobRunProps) EmrServerlessCancelJobRun {
	checkProps(scope, id, "EmrServerlessCancelJobRun", props == nil)
	spec := &engine.Spec{Construct: "EmrServerlessCancelJobRun", Integration: emrServerlessIntegration("cancelJobRun")}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.emrServerlessApplicationID(props.ApplicationId)
	if v := p.required("JobRunId", "JobRunId", props.JobRunId, "the ID of the job run (StartJobRun's JobRunId)"); v != nil {
		if s, ok := literalString(v); ok && (len(s) > 64 || !emrServerlessJobRunID.MatchString(s)) {
			p.problem("JobRunId", "%q is not a job run ID: 1 to 64 lower-case letters and digits", s)
		}
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
