package tasks

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// BatchContainerOverrides mirrors awsstepfunctionstasks.BatchContainerOverrides:
// the job definition's container settings to override. Give the whole
// object at run time with tasks.ValueAt[tasks.BatchContainerOverrides](expr).
type BatchContainerOverrides struct {
	// Command replaces the image's or job definition's command; its items
	// may be dynamic (tasks.StringAt), or the whole list (tasks.ListAt).
	Command *[]*string
	// Environment variables added or replaced, names kept as given, values
	// may be dynamic (tasks.StringAt); or the whole [{"Name": …, "Value": …}]
	// list decided at run time (tasks.StringMapAt("$.env")). Names starting
	// with AWS_BATCH are reserved.
	Environment *map[string]*string
	// GpuCount: GPUs to reserve, a whole number of at least 1 (or
	// tasks.NumberAt).
	GpuCount *float64
	// InstanceType for multi-node parallel jobs; dynamic with
	// awsec2.NewInstanceType(tasks.StringAt("$.instanceType")).
	InstanceType awsec2.InstanceType
	// Memory hard limit, a whole number of MiB, at least 4 (dynamic with
	// awscdk.Size_Mebibytes(sfn.JsonPath_NumberAt("$.memory"))).
	Memory awscdk.Size
	// Vcpus to reserve, more than 0 (or tasks.NumberAt). Memory, GpuCount
	// and Vcpus render as ResourceRequirements.
	Vcpus *float64
}

// BatchJobDependency mirrors awsstepfunctionstasks.BatchJobDependency.
type BatchJobDependency struct {
	JobId *string
	// Type: N_TO_N or SEQUENTIAL (array jobs), or dynamic.
	Type *string
}

// BatchSubmitJobProps mirrors awsstepfunctionstasks.BatchSubmitJobProps.
// Every field may be dynamic (aws/aws-cdk#10708): strings with
// tasks.StringAt, numbers with tasks.NumberAt, Timeout with
// tasks.DurationAt, Tags with tasks.StringMapAt, whole structs and lists
// with tasks.ValueAt.
type BatchSubmitJobProps struct {
	// JobDefinitionArn: an ARN (with or without revision), "name" or
	// "name:revision". IAM is granted on that revision, or on every
	// revision when none is given (Batch runs the latest ACTIVE one).
	JobDefinitionArn *string
	// JobName: 1–128 letters, digits, hyphens and underscores, starting
	// with a letter or digit.
	JobName *string
	// JobQueueArn: an ARN or a queue name.
	JobQueueArn *string
	// ArraySize makes an array job of 2–10000 children.
	ArraySize *float64
	// ContainerOverrides of the job definition's container.
	ContainerOverrides *BatchContainerOverrides
	// DependsOn lists the jobs this one waits for (at most 20); the whole
	// list may be decided at run time (tasks.ValueAt[[]*tasks.BatchJobDependency]).
	DependsOn *[]*BatchJobDependency
	// Payload is the job's Parameters (Ref::name substitutions in the job
	// definition); its keys are kept as given.
	Payload sfn.TaskInput
	// Attempts: 1–10 (RetryStrategy.Attempts).
	Attempts *float64
	// Timeout of each attempt (Timeout.AttemptDurationSeconds), at least 60
	// seconds. Unlike the CDK, which turns TaskTimeout into the attempt
	// duration when Timeout is not given and drops the state's own timeout,
	// TaskTimeout stays the state's TimeoutSeconds.
	Timeout awscdk.Duration
	// Tags of the job (at most 50; keys 1–128, values up to 256
	// characters, values may be dynamic), or the whole map decided at run
	// time (tasks.StringMapAt).
	Tags *map[string]*string
	// IamJobDefinitions are, for a JobDefinitionArn decided at run time, the
	// job definition ARNs it may name (patterns such as
	// arn:aws:batch:<region>:<account>:job-definition/render-*, which
	// matches every revision of the definitions states.NewRegisterJobDefinition
	// registers as "render-<uuid>"). batch:SubmitJob is then granted on
	// these instead of job-definition/* in the account and region.
	IamJobDefinitions *[]*string

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

var (
	batchSubmitJob, _ = iampolicy.Lookup("batch", "submitJob")
	batchJobName      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`)
)

// BatchSubmitJob is the task NewBatchSubmitJob returns: a Task, typed as the CDK types it.
type BatchSubmitJob interface{ Task }

// NewBatchSubmitJob submits an AWS Batch job (arn:…:states:::batch:submitJob):
// RUN_JOB (.sync, the default) or REQUEST_RESPONSE.
func NewBatchSubmitJob(scope constructs.Construct, id *string, props *BatchSubmitJobProps) BatchSubmitJob {
	checkProps(scope, id, "BatchSubmitJob", props == nil)
	spec := &engine.Spec{JobTimeout: true, Construct: "BatchSubmitJob", Integration: batchSubmitJob, DefaultPattern: iampolicy.RunJob}
	jsonata := props.QueryLanguage == sfn.QueryLanguage_JSONATA
	b := batchBuilder{spec: spec, params: map[string]*Value{}}

	b.required("JobDefinitionArn", "JobDefinition", props.JobDefinitionArn, "the job definition ARN or name")
	b.required("JobQueueArn", "JobQueue", props.JobQueueArn, "the job queue ARN or name")
	if name := b.required("JobName", "JobName", props.JobName, "the job's name"); name != nil {
		if s, ok := name.String(); ok && !value.IsTokenString(s) && !batchJobName.MatchString(s) {
			b.problem("JobName", "%q is not a valid job name: 1 to 128 letters, digits, hyphens (-) and underscores (_), starting with a letter or digit", s)
		}
	}
	if v := b.number("ArraySize", field(spec, "ArraySize", props.ArraySize), 2, 10000); v != nil {
		b.params["ArrayProperties"] = value.NewObject(map[string]*Value{"Size": v})
	}
	if v := b.number("Attempts", field(spec, "Attempts", props.Attempts), 1, 10); v != nil {
		b.params["RetryStrategy"] = value.NewObject(map[string]*Value{"Attempts": v})
	}
	if v := b.number("Timeout", durationIn(spec, "Timeout", props.Timeout, engine.Second), 60, 0); v != nil {
		b.params["Timeout"] = value.NewObject(map[string]*Value{"AttemptDurationSeconds": v})
	}
	if props.Payload != nil {
		if v := field(spec, "Payload", props.Payload); v != nil {
			if v.Kind() == value.Object {
				v = v.Verbatim()
			}
			b.params["Parameters"] = v
		}
	}
	if o := props.ContainerOverrides; o != nil {
		if _, dynamic := value.Standing(o); dynamic {
			b.setWhole("ContainerOverrides", "ContainerOverrides", o, "a *tasks.BatchContainerOverrides")
		} else {
			b.params["ContainerOverrides"] = b.containerOverrides(o, jsonata)
		}
	}
	if d := props.DependsOn; d != nil {
		if _, dynamic := value.Standing(d); dynamic {
			b.setWhole("DependsOn", "DependsOn", d, "a *[]*tasks.BatchJobDependency")
		} else {
			b.dependsOn(*d)
		}
	}
	if props.Tags != nil {
		b.tags(props.Tags)
	}
	spec.Params = value.NewObject(b.params)
	b.narrowJobDefinitions(props)
	return newTask(scope, id, props, spec)
}

// narrowJobDefinitions replaces the job-definition/* grant of a run-time
// JobDefinitionArn with IamJobDefinitions.
func (b *batchBuilder) narrowJobDefinitions(props *BatchSubmitJobProps) {
	if props.IamJobDefinitions == nil {
		return
	}
	jd := b.params["JobDefinition"]
	if jd != nil && !jd.Dynamic() {
		b.problem("IamJobDefinitions", "only for a JobDefinitionArn decided at run time; JobDefinitionArn already names the definition")
		return
	}
	var arns []string
	for i, a := range *props.IamJobDefinitions {
		if a == nil || !(value.IsTokenString(*a) || strings.Contains(*a, ":job-definition/")) {
			b.problem(fmt.Sprintf("IamJobDefinitions[%d]", i), "give a job definition ARN or pattern (arn:<partition>:batch:<region>:<account>:job-definition/<name>-*)")
			continue
		}
		arns = append(arns, *a)
	}
	if len(arns) == 0 {
		b.problem("IamJobDefinitions", "give at least one job definition ARN or pattern")
		return
	}
	policy := *b.spec.Integration
	policy.Policy = func(r iampolicy.Request) []iampolicy.Statement {
		stmts := batchSubmitJob.Policy(r)
		wildcard := r.Env.ARN("batch", "job-definition/*")
		for i, s := range stmts {
			if len(s.Actions) == 1 && s.Actions[0] == "batch:SubmitJob" {
				var resources []string
				for _, res := range s.Resources {
					if res == wildcard {
						resources = append(resources, arns...)
					} else {
						resources = append(resources, res)
					}
				}
				stmts[i].Resources = resources
			}
		}
		return stmts
	}
	b.spec.Integration = &policy
}

type batchBuilder struct {
	spec   *engine.Spec
	params map[string]*Value
}

func (b *batchBuilder) problem(name, format string, args ...any) {
	b.spec.Problems = append(b.spec.Problems, fieldProblem(name, format, args...))
}

func (b *batchBuilder) required(prop, key string, s *string, what string) *Value {
	v := field(b.spec, prop, s)
	if v == nil {
		b.problem(prop, "required: %s", what)
		return nil
	}
	b.params[key] = v
	return v
}

// setWhole sets a field given whole as a value decided at run time; typed
// names what else the prop takes, for the error.
func (b *batchBuilder) setWhole(prop, key string, x any, typed string) {
	v := field(b.spec, prop, x)
	switch {
	case v == nil:
	case v.IsExpression():
		b.params[key] = v
	default:
		b.problem(prop, "give %s, or a JSONPath, intrinsic or JSONata expression that yields it at run time, got %s", typed, describeValue(v))
	}
}

func (b *batchBuilder) dependsOn(deps []*BatchJobDependency) {
	if len(deps) > 20 {
		b.problem("DependsOn", "a job can depend on at most 20 jobs, got %d", len(deps))
	}
	items := make([]*Value, 0, len(deps))
	for i, d := range deps {
		if d == nil {
			b.problem(fmt.Sprintf("DependsOn[%d]", i), "is nil; give a &tasks.BatchJobDependency{...}")
			continue
		}
		dep := map[string]*Value{}
		if v := field(b.spec, fmt.Sprintf("DependsOn[%d].JobId", i), d.JobId); v != nil {
			dep["JobId"] = v
		}
		if v := field(b.spec, fmt.Sprintf("DependsOn[%d].Type", i), d.Type); v != nil {
			if s, ok := v.String(); ok && s != "N_TO_N" && s != "SEQUENTIAL" {
				b.problem(fmt.Sprintf("DependsOn[%d].Type", i), "must be N_TO_N or SEQUENTIAL (or dynamic), got %q", s)
			}
			dep["Type"] = v
		}
		items = append(items, value.NewObject(dep))
	}
	b.params["DependsOn"] = value.NewList(items...)
}

// number checks a literal whole number against [min, max] (max 0: none).
func (b *batchBuilder) number(name string, v *Value, min, max float64) *Value {
	if v == nil {
		return nil
	}
	if v.Dynamic() {
		return v
	}
	n, ok := v.Number()
	switch {
	case !ok || n != float64(int64(n)):
		b.problem(name, "must be a whole number (or dynamic), got %v", v.LiteralValue())
	case max == 0 && n < min:
		b.problem(name, "must be at least %g, got %g", min, n)
	case max != 0 && (n < min || n > max):
		b.problem(name, "must be from %g to %g, got %g", min, max, n)
	}
	return v
}

func (b *batchBuilder) containerOverrides(o *BatchContainerOverrides, jsonata bool) *Value {
	const at = "ContainerOverrides."
	out := map[string]*Value{}
	if o.Command != nil {
		if v := field(b.spec, at+"Command", o.Command); v != nil {
			b.noNilItems(at+"Command", v)
			out["Command"] = v
		}
	}
	if o.Environment != nil {
		if env := b.environment(o.Environment); env != nil {
			out["Environment"] = env
		}
	}
	if o.InstanceType != nil {
		var s *string
		if err := catchPanic(func() { s = o.InstanceType.ToString() }); err != nil {
			b.problem(at+"InstanceType", "%v", err)
		} else if v := field(b.spec, at+"InstanceType", s); v != nil {
			out["InstanceType"] = v
		}
	}
	var resources []*Value
	for _, r := range []struct {
		typ, name string
		v         *Value
		min       float64
		whole     bool
	}{
		{"GPU", "GpuCount", field(b.spec, at+"GpuCount", o.GpuCount), 1, true},
		{"MEMORY", "Memory", sizeIn(b.spec, at+"Memory", o.Memory, engine.Mebibyte), 4, true},
		{"VCPU", "Vcpus", field(b.spec, at+"Vcpus", o.Vcpus), 0, false},
	} {
		if r.v == nil {
			continue
		}
		if n, ok := r.v.Number(); ok && !r.v.Dynamic() {
			switch {
			case r.whole && (n != math.Trunc(n) || n < r.min):
				b.problem(at+r.name, "must be a whole number of at least %g (or dynamic), got %v", r.min, n)
			case !r.whole && n <= r.min:
				b.problem(at+r.name, "must be more than %g (or dynamic), got %v", r.min, n)
			}
		}
		resources = append(resources, value.NewObject(map[string]*Value{"Type": value.Lit(r.typ), "Value": asString(r.v, jsonata)}))
	}
	if len(resources) > 0 {
		out["ResourceRequirements"] = value.NewList(resources...)
	}
	return value.NewObject(out)
}

// noNilItems reports the nil items of a literal list.
func (b *batchBuilder) noNilItems(name string, v *Value) {
	if v.Kind() != value.List {
		return
	}
	for i, item := range v.Items() {
		if item == nil || (item.Kind() == value.Literal && item.LiteralValue() == nil) {
			b.problem(fmt.Sprintf("%s[%d]", name, i), "is nil; give a string (or tasks.StringAt)")
		}
	}
}

// environment renders Environment as Batch's [{Name, Value}] list, sorted
// by name, or takes the whole list from a run-time expression.
func (b *batchBuilder) environment(x any) *Value {
	const prop = "ContainerOverrides.Environment"
	v := field(b.spec, prop, x)
	switch {
	case v == nil:
		return nil
	case v.IsExpression():
		return v
	case v.Kind() != value.Object:
		b.problem(prop, "give a map of variable names to values, or a JSONPath, intrinsic or JSONata expression that yields the [{\"Name\", \"Value\"}] list, got %s", describeValue(v))
		return nil
	}
	names := make([]string, 0, len(v.Fields()))
	for k := range v.Fields() {
		names = append(names, k)
	}
	sort.Strings(names)
	env := make([]*Value, 0, len(names))
	for _, k := range names {
		if strings.HasPrefix(k, "AWS_BATCH") {
			b.problem(prop, "%s: names starting with AWS_BATCH are reserved by AWS Batch", k)
		}
		val := v.Field(k)
		if val == nil || (val.Kind() == value.Literal && val.LiteralValue() == nil) {
			b.problem(prop, "%s: the value is nil; give a string (or tasks.StringAt)", k)
			continue
		}
		env = append(env, value.NewObject(map[string]*Value{"Name": value.Lit(k), "Value": val}))
	}
	return value.NewList(env...)
}

// asString renders a number as the string ResourceRequirements takes,
// converting a dynamic value at run time.
func asString(v *Value, jsonata bool) *Value {
	if n, ok := v.Number(); ok && !v.Dynamic() {
		return value.Lit(strconv.FormatFloat(n, 'f', -1, 64))
	}
	switch v.Kind() {
	case value.Path, value.Intrinsic:
		return value.Dyn("States.Format('{}', " + v.Expr() + ")")
	case value.JSONata:
		body, _ := expr.JSONataBody(v.Expr())
		return value.Ata("$string(" + strings.TrimSpace(body) + ")")
	}
	return v
}

// tags renders Tags with their keys as given, checking literal ones, or
// takes the whole map from a run-time expression.
func (b *batchBuilder) tags(x any) {
	v := field(b.spec, "Tags", x)
	switch {
	case v == nil:
		return
	case v.IsExpression():
		b.params["Tags"] = v
		return
	case v.Kind() != value.Object:
		b.problem("Tags", "give a map of tag keys to values, or a JSONPath, intrinsic or JSONata expression that yields it at run time, got %s", describeValue(v))
		return
	}
	if n := len(v.Fields()); n > 50 {
		b.problem("Tags", "at most 50 tags, got %d", n)
	}
	for k, tv := range v.Fields() {
		if n := len([]rune(k)); n < 1 || n > 128 {
			b.problem("Tags", "key %q must be 1 to 128 characters, got %d", k, n)
		}
		if tv == nil || (tv.Kind() == value.Literal && tv.LiteralValue() == nil) {
			b.problem("Tags", "value of %q is nil; give a string (or tasks.StringAt)", k)
		} else if s, ok := tv.String(); ok && !value.IsTokenString(s) && len([]rune(s)) > 256 {
			b.problem("Tags", "value of %q must be at most 256 characters, got %d", k, len([]rune(s)))
		}
	}
	b.params["Tags"] = v.Verbatim()
}
