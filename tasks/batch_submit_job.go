package tasks

import (
	"fmt"
	"regexp"
	"sort"
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

// BatchContainerOverrides mirrors awsstepfunctionstasks.BatchContainerOverrides.
type BatchContainerOverrides struct {
	// Command replaces the image's or job definition's command: a list,
	// whose items or whole may be dynamic (tasks.List, tasks.Path).
	Command *Value
	// Environment variables added or replaced; names are kept as given,
	// values may be dynamic. Names starting with AWS_BATCH are reserved.
	Environment *map[string]*string
	// InstanceType for multi-node parallel jobs: an ec2.InstanceType, a
	// *string, or a dynamic value.
	InstanceType interface{}
	// Memory hard limit: an awscdk.Size, or MiB as a number or dynamic value.
	Memory interface{}
	// GpuCount, Vcpus: numbers or dynamic values. Memory, GpuCount and
	// Vcpus render as ResourceRequirements.
	GpuCount *Value
	Vcpus    *Value
}

// BatchJobDependency mirrors awsstepfunctionstasks.BatchJobDependency.
type BatchJobDependency struct {
	JobId *string
	// Type: N_TO_N or SEQUENTIAL (array jobs), or dynamic.
	Type *string
}

// BatchSubmitJobProps mirrors awsstepfunctionstasks.BatchSubmitJobProps.
// Every field may be dynamic (aws/aws-cdk#10708).
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
	ArraySize *Value
	// ContainerOverrides of the job definition's container.
	ContainerOverrides *BatchContainerOverrides
	// DependsOn lists the jobs this one waits for.
	DependsOn *[]*BatchJobDependency
	// Payload is the job's Parameters (Ref::name substitutions in the job
	// definition); its keys are kept as given.
	Payload sfn.TaskInput
	// Attempts: 1–10 (RetryStrategy.Attempts).
	Attempts *Value
	// Timeout of each attempt in seconds (Timeout.AttemptDurationSeconds),
	// at least 60. Unlike the CDK, which turns TaskTimeout into the attempt
	// duration and drops the state's own timeout, TaskTimeout stays the
	// state's TimeoutSeconds.
	Timeout *Value
	// Tags of the job: at most 50; keys 1–128, values up to 256 characters.
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
}

var (
	batchSubmitJob, _ = iampolicy.Lookup("batch", "submitJob")
	batchJobName      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`)
)

// NewBatchSubmitJob submits an AWS Batch job (arn:…:states:::batch:submitJob):
// RUN_JOB (.sync, the default) or REQUEST_RESPONSE.
func NewBatchSubmitJob(scope constructs.Construct, id *string, props *BatchSubmitJobProps) Task {
	spec := &engine.Spec{Construct: "BatchSubmitJob", Integration: batchSubmitJob, DefaultPattern: iampolicy.RunJob}
	jsonata := props.QueryLanguage == sfn.QueryLanguage_JSONATA
	b := batchBuilder{spec: spec, params: map[string]*Value{}}

	b.required("JobDefinitionArn", "JobDefinition", props.JobDefinitionArn, "the job definition ARN or name")
	b.required("JobQueueArn", "JobQueue", props.JobQueueArn, "the job queue ARN or name")
	if name := b.required("JobName", "JobName", props.JobName, "the job's name"); name != nil {
		if s, ok := name.String(); ok && !value.IsTokenString(s) && !batchJobName.MatchString(s) {
			b.problem("JobName", "%q is not a valid job name: 1 to 128 letters, digits, hyphens (-) and underscores (_), starting with a letter or digit", s)
		}
	}
	if v := b.number("ArraySize", props.ArraySize, 2, 10000); v != nil {
		b.params["ArrayProperties"] = value.NewObject(map[string]*Value{"Size": v})
	}
	if v := b.number("Attempts", props.Attempts, 1, 10); v != nil {
		b.params["RetryStrategy"] = value.NewObject(map[string]*Value{"Attempts": v})
	}
	if v := b.number("Timeout", props.Timeout, 60, 0); v != nil {
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
	if props.ContainerOverrides != nil {
		b.params["ContainerOverrides"] = b.containerOverrides(props.ContainerOverrides, jsonata)
	}
	if props.DependsOn != nil {
		var deps []*Value
		for i, d := range *props.DependsOn {
			if d == nil {
				continue
			}
			dep := map[string]*Value{}
			if v := field(spec, fmt.Sprintf("DependsOn[%d].JobId", i), d.JobId); v != nil {
				dep["JobId"] = v
			}
			if v := field(spec, fmt.Sprintf("DependsOn[%d].Type", i), d.Type); v != nil {
				if s, ok := v.String(); ok && s != "N_TO_N" && s != "SEQUENTIAL" {
					b.problem(fmt.Sprintf("DependsOn[%d].Type", i), "must be N_TO_N or SEQUENTIAL (or dynamic), got %q", s)
				}
				dep["Type"] = v
			}
			deps = append(deps, value.NewObject(dep))
		}
		b.params["DependsOn"] = value.NewList(deps...)
	}
	if props.Tags != nil {
		b.tags(*props.Tags)
	}
	spec.Params = value.NewObject(b.params)
	return newTask(scope, id, props, spec)
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
	out := map[string]*Value{}
	if o.Command != nil {
		out["Command"] = o.Command
	}
	if o.Environment != nil {
		names := make([]string, 0, len(*o.Environment))
		for k := range *o.Environment {
			names = append(names, k)
		}
		sort.Strings(names)
		env := make([]*Value, 0, len(names))
		for _, k := range names {
			if strings.HasPrefix(k, "AWS_BATCH") {
				b.problem("ContainerOverrides.Environment", "%s: names starting with AWS_BATCH are reserved by AWS Batch", k)
			}
			v := field(b.spec, "ContainerOverrides.Environment."+k, (*o.Environment)[k])
			if v == nil {
				v = value.Lit("")
			}
			env = append(env, value.NewObject(map[string]*Value{"Name": value.Lit(k), "Value": v}))
		}
		out["Environment"] = value.NewList(env...)
	}
	switch t := o.InstanceType.(type) {
	case nil:
	case awsec2.InstanceType:
		out["InstanceType"] = value.Lit(*t.ToString())
	default:
		if v := field(b.spec, "ContainerOverrides.InstanceType", t); v != nil {
			out["InstanceType"] = v
		}
	}
	memory := o.Memory
	if size, ok := memory.(awscdk.Size); ok {
		memory = size.ToMebibytes(nil)
	}
	var resources []*Value
	for _, r := range []struct {
		typ, name string
		x         any
	}{{"GPU", "GpuCount", o.GpuCount}, {"MEMORY", "Memory", memory}, {"VCPU", "Vcpus", o.Vcpus}} {
		if r.x == nil || r.x == (*Value)(nil) {
			continue
		}
		v := field(b.spec, "ContainerOverrides."+r.name, r.x)
		if v == nil {
			continue
		}
		resources = append(resources, value.NewObject(map[string]*Value{"Type": value.Lit(r.typ), "Value": asString(v, jsonata)}))
	}
	if len(resources) > 0 {
		out["ResourceRequirements"] = value.NewList(resources...)
	}
	return value.NewObject(out)
}

// asString renders a number as the string ResourceRequirements takes,
// converting a dynamic value at run time.
func asString(v *Value, jsonata bool) *Value {
	if n, ok := v.Number(); ok {
		return value.Lit(strings.TrimSuffix(fmt.Sprintf("%g", n), ".0"))
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

func (b *batchBuilder) tags(tags map[string]*string) {
	if len(tags) > 50 {
		b.problem("Tags", "at most 50 tags, got %d", len(tags))
	}
	fields := make(map[string]any, len(tags))
	for k, v := range tags {
		if n := len([]rune(k)); n < 1 || n > 128 {
			b.problem("Tags", "key %q must be 1 to 128 characters, got %d", k, n)
		}
		if v != nil && !value.IsTokenString(*v) && len([]rune(*v)) > 256 {
			b.problem("Tags", "value of %q must be at most 256 characters, got %d", k, len([]rune(*v)))
		}
		fields[k] = v
	}
	if v := field(b.spec, "Tags", fields); v != nil {
		b.params["Tags"] = v.Verbatim()
	}
}
