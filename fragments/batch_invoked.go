package fragments

import (
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

// The container environment of a batch-invoked Lambda handler: existing
// images read these names, so they are part of the wire contract.
const (
	EnvFunctionName     = "AWS_LAMBDA_FUNCTION_NAME"
	EnvFunctionHandler  = "AWS_LAMBDA_FUNCTION_HANDLER"
	EnvEventPayload     = "AWS_LAMBDA_EVENT_PAYLOAD"
	EnvResponseLocation = "AWS_LAMBDA_EVENT_RESPONSE_LOCATION"
)

// BatchJobProps say where and how a batch-invoked handler runs. Every field
// takes a literal or a dynamic value (tasks.StringAt, tasks.Path,
// states.Ref, States.Format).
type BatchJobProps struct {
	// JobQueueArn: an ARN or a queue name. Required.
	JobQueueArn *string
	// Bucket receives the request and the response:
	// s3://<Bucket>/<KeyPrefix>/<execution name>/<uuid>/request.json and
	// .../response.json. Required.
	Bucket *string
	// KeyPrefix of the keys (no leading or trailing "/" needed). A literal
	// prefix scopes IAM to <Bucket>/<KeyPrefix>/*; a dynamic one to the
	// bucket. Default: none.
	KeyPrefix *string
	// IamBuckets are the buckets a run-time Bucket may name (see
	// states.PutObjectProps).
	IamBuckets *[]*string

	// Image of the container; required unless JobDefinitionArn is given.
	Image *string
	// JobDefinitionArn is a job definition made at deploy time: nothing is
	// registered, and what the handler needs (environment, command) goes as
	// container overrides. Default: a definition registered for each
	// execution and deregistered after it, also when the job fails.
	JobDefinitionArn *string

	// Environment variables added to the wire contract's: a map of names
	// to literal or dynamic values.
	Environment interface{}
	// Memory (MiB or an awscdk.Size), Vcpus and Gpu: numbers or dynamic.
	Memory interface{}
	Vcpus  interface{}
	Gpu    interface{}
	// MountPoints, Volumes, PlatformCapabilities, JobRoleArn and
	// ExecutionRoleArn of a registered definition: as in
	// states.RegisterJobDefinitionProps.
	MountPoints          interface{}
	Volumes              interface{}
	PlatformCapabilities interface{}
	JobRoleArn           *string
	ExecutionRoleArn     *string
	// TaskTimeout bounds the wait for the job.
	TaskTimeout sfn.Timeout
}

// Paths of the working state of a batch-invoked fragment. The Start state
// replaces the input with it, so that what is uploaded is the payload
// alone, and every dynamic prop is read once, from the caller's input.
const (
	taskIDPath  = "$.TaskId"
	payloadPath = "$.Payload"
	propsPath   = "$.Props"
	requestPath = "$.Request"
	jobPath     = "$.Job"
)

// batchInvocation is what a batch-invoked fragment runs: the handler's
// name, environment and command, over the working state.
type batchInvocation struct {
	name        *value.Value
	environment map[string]*value.Value // the wire contract's, plus the user's
	command     *value.Value
}

// batchInvoked reads the props both batch-invoked fragments share and
// builds their states in build.
type batchInvoked struct {
	c       *checker
	props   BatchJobProps
	payload string
	// captured holds the dynamic props, read once by the Start state.
	captured map[string]*value.Value

	queue, bucket, keyPrefix, image, definition, role, execRole *value.Value
	memory, vcpus, gpu, mounts, volumes, platforms              *value.Value
	userEnv                                                     *value.Value
	requestKey, responseKey, responseLocation                   *value.Value
}

func newBatchInvoked(c *checker, p BatchJobProps, payload *string) *batchInvoked {
	b := &batchInvoked{c: c, props: p, payload: "$", captured: map[string]*value.Value{}}
	if payload != nil {
		b.payload = *payload
		if err := expr.ParsePath(b.payload); err != nil {
			c.fail("PayloadPath", "%v", err)
		}
	}
	b.queue = b.capture("JobQueueArn", c.required("JobQueueArn", p.JobQueueArn, "the job queue ARN or name"))
	b.bucket = b.capture("Bucket", c.required("Bucket", p.Bucket, "the bucket of the request and response objects"))
	b.keyPrefix = b.capture("KeyPrefix", c.value("KeyPrefix", p.KeyPrefix))
	if s, ok := b.keyPrefix.String(); ok {
		b.keyPrefix = value.Lit(strings.Trim(s, "/"))
	}
	b.image = b.capture("Image", c.value("Image", p.Image))
	b.definition = b.capture("JobDefinitionArn", c.value("JobDefinitionArn", p.JobDefinitionArn))
	switch {
	case b.definition == nil && b.image == nil:
		c.fail("Image", "required: the container image (or give JobDefinitionArn, a job definition made at deploy time)")
	case b.definition != nil:
		for field, x := range map[string]any{"Image": p.Image, "MountPoints": p.MountPoints, "Volumes": p.Volumes,
			"PlatformCapabilities": p.PlatformCapabilities, "JobRoleArn": p.JobRoleArn, "ExecutionRoleArn": p.ExecutionRoleArn} {
			if !isNil(x) {
				c.fail(field, "only for a job definition registered per execution; JobDefinitionArn's definition already sets it")
			}
		}
	}
	b.role = b.capture("JobRoleArn", c.value("JobRoleArn", p.JobRoleArn))
	b.execRole = b.capture("ExecutionRoleArn", c.value("ExecutionRoleArn", p.ExecutionRoleArn))
	b.memory = b.capture("Memory", c.value("Memory", p.Memory))
	b.vcpus = b.capture("Vcpus", c.value("Vcpus", p.Vcpus))
	b.gpu = b.capture("Gpu", c.value("Gpu", p.Gpu))
	b.mounts = b.capture("MountPoints", c.value("MountPoints", p.MountPoints))
	b.volumes = b.capture("Volumes", c.value("Volumes", p.Volumes))
	b.platforms = b.capture("PlatformCapabilities", c.value("PlatformCapabilities", p.PlatformCapabilities))
	b.userEnv = b.capture("Environment", c.value("Environment", p.Environment))
	if b.userEnv != nil && b.userEnv.Kind() != value.Object {
		c.fail("Environment", "must be a map of variable names to values")
		b.userEnv = nil
	}
	if b.bucket == nil {
		b.bucket = value.Lit("") // reported; keeps the locations below buildable
	}
	b.requestKey, b.responseKey = b.format(b.key("request.json")...), b.format(b.key("response.json")...)
	b.responseLocation = b.format(append([]*value.Value{value.Lit("s3://"), b.bucket, value.Lit("/")}, b.key("response.json")...)...)
	return b
}

// capture returns v with each dynamic part replaced by a path into the
// working state, where the Start state puts its value.
func (b *batchInvoked) capture(field string, v *value.Value) *value.Value {
	if v == nil || !v.Dynamic() {
		return v
	}
	switch v.Kind() {
	case value.List:
		items := make([]*value.Value, len(v.Items()))
		for i, it := range v.Items() {
			items[i] = b.capture(field+"_"+strconv.Itoa(i), it)
		}
		return value.NewList(items...)
	case value.Object:
		fields := map[string]*value.Value{}
		for k, f := range v.Fields() {
			fields[k] = b.capture(field+"_"+k, f)
		}
		out := value.NewObject(fields)
		if v.IsVerbatim() {
			out = out.Verbatim()
		}
		return out
	}
	return b.slot(field, v)
}

// slot has the Start state put v at a path of the working state, and
// returns that path.
func (b *batchInvoked) slot(field string, v *value.Value) *value.Value {
	if s, ok := v.String(); ok {
		for key, held := range b.captured {
			if h, ok := held.String(); ok && h == s {
				return value.Dyn(propsPath + "." + key)
			}
		}
	}
	key := slotName(field)
	for b.captured[key] != nil {
		key += "_"
	}
	b.captured[key] = v
	return value.Dyn(propsPath + "." + key)
}

// slotName makes a field path a JSONPath member name.
func slotName(field string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, field)
}

// key is the object key of one side of the exchange, in parts:
// <prefix>/<execution name>/<task id>/<file>.
func (b *batchInvoked) key(file string) []*value.Value {
	var parts []*value.Value
	if s, ok := b.keyPrefix.String(); b.keyPrefix != nil && (!ok || s != "") {
		parts = append(parts, b.keyPrefix, value.Lit("/"))
	}
	return append(parts, value.Dyn("$$.Execution.Name"), value.Lit("/"), value.Dyn(taskIDPath), value.Lit("/"+file))
}

// requestURI and responseURI are the s3:// locations the container reads
// and writes.
func (b *batchInvoked) requestURI() *value.Value {
	return b.format(value.Lit("s3://"), value.Dyn(requestPath+".Bucket"), value.Lit("/"), value.Dyn(requestPath+".Key"))
}

func (b *batchInvoked) responseURI() *value.Value { return b.responseLocation }

// build creates the states:
//
//	Pass "<id> Start"              {TaskId: States.UUID(), Payload: <payload path>, Props: the dynamic props}
//	PutPayload "<id> Request"      the payload → request.json, {Bucket, Key} at $.Request
//	SubmitJob "<id> Job" enclosed  at $.Job
//	GetPayload "<id> Response"     response.json, parsed: the output
func (b *batchInvoked) build(scope constructs.Construct, id string, run batchInvocation) sfn.IChainable {
	start := map[string]any{}
	value.RenderField(start, "TaskId", value.Dyn("States.UUID()"), value.JSONPathLang)
	value.RenderField(start, "Payload", value.Dyn(b.payload), value.JSONPathLang)
	if len(b.captured) > 0 {
		value.RenderField(start, "Props", value.NewObject(b.captured).Verbatim(), value.JSONPathLang)
	}
	first := engine.NewState(scope, jsii.String(id+" Start"), &engine.Rendered{JSON: map[string]any{"Type": "Pass", "Parameters": start}})

	request := states.NewPutPayload(scope, jsii.String(id+" Request"), &states.PutPayloadProps{
		Payload: states.Ref(payloadPath), Bucket: stringField(b.bucket), Key: stringField(b.requestKey),
		IamBuckets: b.props.IamBuckets, ResultPath: jsii.String(requestPath),
	})
	job := NewSubmitJob(scope, jsii.String(id+" Job"), b.submitJob(run))
	response := states.NewGetPayload(scope, jsii.String(id+" Response"), &states.GetObjectProps{
		Bucket: stringField(b.bucket), Key: stringField(b.responseKey), IamBuckets: b.props.IamBuckets,
	})
	return first.Next(request).Next(job.Enclose(nil, nil, jsii.String(jobPath))).Next(response)
}

// submitJob describes the job: a definition registered with the handler's
// environment and command, or the fixed definition with them as overrides.
func (b *batchInvoked) submitJob(run batchInvocation) *SubmitJobProps {
	p := &SubmitJobProps{JobName: stringField(run.name), JobQueueArn: stringField(b.queue), TaskTimeout: b.props.TaskTimeout}
	if b.definition != nil {
		overrides := &tasks.BatchContainerOverrides{
			Environment: standing[map[string]*string](value.NewObject(run.environment).Verbatim()),
			Command:     standing[[]*string](run.command), Memory: standingSize(b.memory),
			Vcpus: standing[float64](b.vcpus), GpuCount: standing[float64](b.gpu),
		}
		p.JobDefinitionArn, p.ContainerOverrides = stringField(b.definition), overrides
		return p
	}
	p.JobDefinition = &states.RegisterJobDefinitionProps{
		JobDefinitionName: stringField(run.name), Image: stringField(b.image), Command: optionalAny(run.command),
		Environment: value.NewObject(run.environment), Memory: optionalAny(b.memory), Vcpus: optionalAny(b.vcpus), Gpu: optionalAny(b.gpu),
		MountPoints: optionalAny(b.mounts), Volumes: optionalAny(b.volumes), PlatformCapabilities: optionalAny(b.platforms),
		JobRoleArn: stringField(b.role), ExecutionRoleArn: stringField(b.execRole),
	}
	return p
}

// environment is the user's variables plus the given wire-contract ones,
// which the user may not redefine.
func (b *batchInvoked) environment(wire map[string]*value.Value) map[string]*value.Value {
	env := map[string]*value.Value{}
	if b.userEnv != nil {
		names := make([]string, 0, len(b.userEnv.Fields()))
		for name := range b.userEnv.Fields() {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if _, reserved := wire[name]; reserved {
				b.c.fail("Environment."+name, "set by the fragment (the handler's wire contract); remove it")
			}
			env[name] = b.userEnv.Field(name)
		}
	}
	for name, v := range wire {
		env[name] = v
	}
	return env
}

// format is one string from literal text and values: a literal when every
// part is one, else States.Format with the literal text in the template
// (escaped) and each dynamic part an argument, never quoted. A CDK token
// (bucket.BucketName()) is read from the working state instead: escaping
// its braces would hide it from the CDK.
func (b *batchInvoked) format(parts ...*value.Value) *value.Value {
	var template strings.Builder
	var args []string
	dynamic := false
	for _, p := range parts {
		s, isString := p.String()
		switch {
		case isString && value.IsTokenString(s):
			p = b.slot(b.propOf(p), p)
		case isString:
			template.WriteString(escapeTemplate(s))
			continue
		case p.Kind() == value.Literal:
			template.WriteString(escapeTemplate(literalText(p)))
			continue
		}
		dynamic = true
		template.WriteString("{}")
		args = append(args, p.Expr())
	}
	if !dynamic {
		var text strings.Builder
		for _, p := range parts {
			if s, ok := p.String(); ok {
				text.WriteString(s)
			} else {
				text.WriteString(literalText(p))
			}
		}
		return value.Lit(text.String())
	}
	return value.Dyn("States.Format('" + template.String() + "', " + strings.Join(args, ", ") + ")")
}

// propOf names the prop a part of a location came from, for the slot that
// carries it in the working state.
func (b *batchInvoked) propOf(part *value.Value) string {
	switch part {
	case b.bucket:
		return "Bucket"
	case b.keyPrefix:
		return "KeyPrefix"
	}
	return "Location"
}

// escapeTemplate escapes literal text for a States.Format template.
func escapeTemplate(s string) string {
	q := expr.Quote(s)
	return q[1 : len(q)-1]
}

func literalText(v *value.Value) string {
	switch x := v.LiteralValue().(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return ""
}

// stringField is v for a *string prop: the literal, or the marked expression.
func stringField(v *value.Value) *string {
	if v == nil {
		return nil
	}
	if s, ok := v.String(); ok {
		return jsii.String(s)
	}
	return value.MarkString(v.Expr())
}

// standing puts a value, literal or dynamic, in a CDK-typed field: the
// pointer stands for it wherever sfnkit reads the field.
func standing[T any](v *value.Value) *T {
	if v == nil {
		return nil
	}
	return value.Stand[T](v)
}

// standingSize puts a value in MiB, literal or dynamic, in a Size field.
func standingSize(v *value.Value) awscdk.Size {
	if v == nil {
		return nil
	}
	s := awscdk.Size_Mebibytes(jsii.Number(0))
	value.StandFor(s, v)
	return s
}

// optionalAny keeps an absent value absent (nil interface, not a nil *Value).
func optionalAny(v *value.Value) interface{} {
	if v == nil {
		return nil
	}
	return v
}

func isNil(x any) bool {
	switch t := x.(type) {
	case nil:
		return true
	case *string:
		return t == nil
	}
	return false
}

// fragment reports the props' problems, then builds the states at once,
// so that the states' own checks also fail at construction.
func (b *batchInvoked) fragment(scope constructs.Construct, id *string, run batchInvocation) *Fragment {
	b.c.done()
	name := *id
	f := New(scope, id, func(scope constructs.Construct) sfn.IChainable { return b.build(scope, name, run) })
	f.Definition()
	return f
}
