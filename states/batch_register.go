package states

import (
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

// RegisterJobDefinitionProps describe a container job definition. Every
// field takes a literal or a dynamic value.
type RegisterJobDefinitionProps struct {
	// JobDefinitionName is the base name: each execution registers
	// "<name>-<uuid>", so that runs never share (or deregister) another's
	// definition. A path stays a path.
	JobDefinitionName *string
	// Image of the container: "repo/image:tag", an ECR URI, or dynamic.
	Image *string
	// Command: a list (jsii.Strings("run", "--x"), tasks.List with dynamic
	// items, rendered with States.Array) or a path to one.
	Command interface{}
	// Environment variables: a map of names to values (literal or dynamic;
	// rendered as the {Name, Value} list AWS Batch takes, sorted by name),
	// or a path to such a list. Names starting with AWS_BATCH are reserved.
	Environment interface{}
	// Memory in MiB (a number, an awscdk.Size or dynamic), Vcpus (a
	// number or dynamic) and Gpu (a whole number or dynamic; 0 is left out):
	// rendered as ResourceRequirements, whose values are strings.
	Memory interface{}
	Vcpus  interface{}
	Gpu    interface{}
	// MountPoints and Volumes of the container, in the API's shape (keys
	// in camelCase or PascalCase), or paths.
	MountPoints interface{}
	Volumes     interface{}
	// JobRoleArn is the role the container runs with; ExecutionRoleArn the
	// role ECS pulls the image and writes logs with (needed on Fargate).
	// The state machine may pass exactly these roles, only to AWS Batch.
	JobRoleArn       *string
	ExecutionRoleArn *string
	// PlatformCapabilities: ["EC2"] (the AWS default) or ["FARGATE"].
	PlatformCapabilities interface{}
	// Parameters are default values for "Ref::<name>" placeholders in the
	// command. Their names are the user's own: never case-converted.
	Parameters *map[string]interface{}
	// RetryStrategy in the API's shape; by default 5 attempts, retrying
	// when the task failed to start or its EC2 host went away, and exiting
	// on anything else.
	RetryStrategy interface{}
	// ResultPath is where {"JobDefinitionArn", "JobDefinitionName",
	// "Revision"} go (default "$"): SubmitJob and DeregisterJobDefinition
	// take the ARN from there.
	ResultPath *string
	// OutputPath selects the output, after ResultPath (default "$").
	OutputPath *string
}

// DefaultRetryStrategy is the RetryStrategy a registered job definition
// gets unless RetryStrategy is given.
func DefaultRetryStrategy() map[string]interface{} {
	return map[string]interface{}{
		"Attempts": 5,
		"EvaluateOnExit": []interface{}{
			map[string]interface{}{"Action": "RETRY", "OnStatusReason": "Task failed to start"},
			map[string]interface{}{"Action": "RETRY", "OnStatusReason": "Host EC2*"},
			map[string]interface{}{"Action": "EXIT", "OnReason": "*"},
		},
	}
}

// NewRegisterJobDefinition registers a container job definition for this
// execution. Two states:
//
//	Pass "<id> RegisterJobDefinition Prep"   the request, at ResultPath
//	Task "<id> RegisterJobDefinition"        aws-sdk:batch:registerJobDefinition
//
// whose result {JobDefinitionArn, JobDefinitionName, Revision} replaces the
// request at ResultPath. Retried on Batch.BatchException (3 s, 7 attempts,
// backoff 2, full jitter). IAM: batch:RegisterJobDefinition on
// job-definition/<name>-* (job-definition/* for a run-time name), and
// iam:PassRole on the job and execution roles, only to batch.amazonaws.com.
func NewRegisterJobDefinition(scope constructs.Construct, id *string, props *RegisterJobDefinitionProps) sfn.Chain {
	if props == nil {
		props = &RegisterJobDefinitionProps{}
	}
	b := newBuilder("RegisterJobDefinition", scope, id)
	base, name := b.uniqueName("JobDefinitionName", props.JobDefinitionName, "the job definition's base name")
	container := map[string]*value.Value{
		"Image":            b.required("Image", props.Image, "the container image"),
		"Command":          b.list("Command", props.Command),
		"Environment":      b.environment(props.Environment),
		"MountPoints":      b.list("MountPoints", props.MountPoints),
		"Volumes":          b.list("Volumes", props.Volumes),
		"JobRoleArn":       b.value("JobRoleArn", props.JobRoleArn),
		"ExecutionRoleArn": b.value("ExecutionRoleArn", props.ExecutionRoleArn),
	}
	if resources := b.resourceRequirements(props); resources != nil {
		container["ResourceRequirements"] = resources
	}
	request := map[string]*value.Value{
		"JobDefinitionName":    name,
		"Type":                 value.Lit("container"),
		"ContainerProperties":  value.NewObject(present(container)),
		"PlatformCapabilities": b.platformCapabilities(props.PlatformCapabilities),
		"RetryStrategy":        b.value("RetryStrategy", props.RetryStrategy),
	}
	if request["RetryStrategy"] == nil {
		request["RetryStrategy"] = b.value("RetryStrategy", DefaultRetryStrategy())
	}
	if props.Parameters != nil {
		request["Parameters"] = b.value("Parameters", props.Parameters).Verbatim()
	}
	rp := b.resultPath(props.ResultPath, "$", false)
	op := b.path("OutputPath", props.OutputPath)
	b.done()

	// API parameters in PascalCase; the user's Parameters keep their keys.
	req := value.NewObject(present(request)).PascalKeys()
	prep := b.pass("RegisterJobDefinition Prep", passState{Parameters: req.Fields(), ResultPath: rp})
	params := map[string]interface{}{}
	for key := range req.Fields() {
		params[key] = tasks.Path("$." + key)
	}
	env := b.env()
	register := tasks.NewCallAwsService(b.scope, b.name("RegisterJobDefinition"), &tasks.CallAwsServiceProps{
		Service: jsii.String("batch"), Action: jsii.String("registerJobDefinition"), Parameters: &params,
		IamResources:            jsii.Strings(env.ARN("batch", "job-definition/"+namePattern(base))),
		AdditionalIamStatements: passRoles(env, container["JobRoleArn"], container["ExecutionRoleArn"]),
		ResultSelector: &map[string]interface{}{
			"JobDefinitionArn": tasks.Path("$.JobDefinitionArn"), "JobDefinitionName": tasks.Path("$.JobDefinitionName"),
			"Revision": tasks.Path("$.Revision"),
		},
		InputPath: optional(rp, "$"), ResultPath: optional(rp, "$"), OutputPath: optional(op, "$"),
	})
	retry(register, batchError, batchAttempts)
	return prep.Next(register)
}

// list reads a field that is a list or a path to one.
func (b *builder) list(field string, x any) *value.Value {
	v := b.value(field, x)
	if v != nil && v.Kind() != value.List && v.Kind() != value.Path && v.Kind() != value.Intrinsic {
		b.fail(field, "must be a list (jsii.Strings, tasks.List) or a path to one")
		return nil
	}
	return v
}

// environment reads Environment: a map becomes the sorted {Name, Value}
// list; a path or list is taken as it is.
func (b *builder) environment(x any) *value.Value {
	v := b.value("Environment", x)
	switch {
	case v == nil:
		return nil
	case v.Kind() == value.List || v.Kind() == value.Path || v.Kind() == value.Intrinsic:
		return v
	case v.Kind() != value.Object:
		b.fail("Environment", "must be a map of names to values, or a path to a [{Name, Value}] list")
		return nil
	}
	names := make([]string, 0, len(v.Fields()))
	for name := range v.Fields() {
		names = append(names, name)
	}
	sort.Strings(names)
	vars := make([]*value.Value, 0, len(names))
	for _, name := range names {
		if strings.HasPrefix(name, "AWS_BATCH") {
			b.fail("Environment."+name, "names starting with AWS_BATCH are reserved by AWS Batch")
		}
		val := v.Field(name)
		if val.Kind() == value.Literal {
			val = value.Lit(literalText(val))
		}
		vars = append(vars, value.NewObject(map[string]*value.Value{"Name": value.Lit(name), "Value": val}))
	}
	return value.NewList(vars...)
}

// resourceRequirements renders Gpu, Memory and Vcpus as the API's
// [{Type, Value}] list, values as strings; a literal zero GPU is left out.
func (b *builder) resourceRequirements(props *RegisterJobDefinitionProps) *value.Value {
	memory := props.Memory
	if size, ok := memory.(awscdk.Size); ok {
		memory = size.ToMebibytes(nil)
	}
	var out []*value.Value
	for _, r := range []struct {
		typ, field string
		x          any
		check      func(n float64) string
	}{
		{"GPU", "Gpu", props.Gpu, func(n float64) string { return wholeAtLeast(n, 0) }},
		{"MEMORY", "Memory", memory, func(n float64) string { return wholeAtLeast(n, 4) }},
		{"VCPU", "Vcpus", props.Vcpus, func(n float64) string {
			if n <= 0 {
				return "must be more than 0"
			}
			return ""
		}},
	} {
		v := b.value(r.field, r.x)
		if v == nil {
			continue
		}
		if v.Kind() == value.Literal {
			n, ok := v.Number()
			if !ok {
				b.fail(r.field, "must be a number or dynamic, got %v", v.LiteralValue())
				continue
			}
			if msg := r.check(n); msg != "" {
				b.fail(r.field, "%s, got %v", msg, n)
				continue
			}
			if r.typ == "GPU" && n == 0 {
				continue
			}
		}
		out = append(out, value.NewObject(map[string]*value.Value{"Type": value.Lit(r.typ), "Value": asText(v)}))
	}
	if len(out) == 0 {
		return nil
	}
	return value.NewList(out...)
}

func wholeAtLeast(n, min float64) string {
	if n != float64(int64(n)) || n < min {
		return "must be a whole number of at least " + strconv.FormatFloat(min, 'f', -1, 64)
	}
	return ""
}

// asText is v as the string an API field of type string takes: a number
// written out, a dynamic value converted at run time.
func asText(v *value.Value) *value.Value {
	switch v.Kind() {
	case value.Literal:
		return value.Lit(literalText(v))
	case value.Path, value.Intrinsic:
		return value.Dyn("States.Format('{}', " + v.Expr() + ")")
	}
	return v
}

func literalText(v *value.Value) string {
	switch x := v.LiteralValue().(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

func (b *builder) platformCapabilities(x any) *value.Value {
	v := b.list("PlatformCapabilities", x)
	if v == nil || v.Kind() != value.List {
		return v
	}
	for i, item := range v.Items() {
		if s, ok := item.String(); ok && s != "EC2" && s != "FARGATE" {
			b.fail("PlatformCapabilities["+strconv.Itoa(i)+"]", "must be EC2 or FARGATE (or dynamic), got %q", s)
		}
	}
	return v
}

// passRoles lets the state machine hand the given roles to AWS Batch: the
// role when known, the account's roles when decided at run time.
func passRoles(env iampolicy.Env, roles ...*value.Value) *[]awsiam.PolicyStatement {
	var arns []string
	for _, role := range roles {
		switch {
		case role == nil:
		case !role.Dynamic():
			s, _ := role.String()
			arns = append(arns, s)
		default:
			arns = append(arns, env.RoleWildcard())
		}
	}
	if len(arns) == 0 {
		return nil
	}
	stmt := iampolicy.PassRole("batch.amazonaws.com", uniq(arns)...)
	conditions := map[string]interface{}{}
	for op, kv := range stmt.Conditions {
		conditions[op] = kv
	}
	return &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings(stmt.Actions...), Resources: jsii.Strings(stmt.Resources...), Conditions: &conditions,
	})}
}

// present drops the absent (nil) fields.
func present(fields map[string]*value.Value) map[string]*value.Value {
	out := make(map[string]*value.Value, len(fields))
	for k, v := range fields {
		if v != nil {
			out[k] = v
		}
	}
	return out
}

func uniq(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
