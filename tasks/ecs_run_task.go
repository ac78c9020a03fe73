package tasks

import (
	"fmt"
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EcsLaunchTarget says where an ECS task runs. EcsEc2LaunchTarget and
// EcsFargateLaunchTarget implement it, and so does EcsLaunchTargetConfig
// itself, for a launch type decided at run time.
type EcsLaunchTarget interface {
	EcsLaunchTargetConfig() *EcsLaunchTargetConfig
}

// EcsLaunchTargetConfig is the RunTask request fields a launch target sets.
type EcsLaunchTargetConfig struct {
	// LaunchType: EC2, FARGATE or EXTERNAL, or dynamic
	// (awsecs.LaunchType(*tasks.StringAt("$.launchType"))). Leave it empty
	// with a capacity provider strategy.
	LaunchType awsecs.LaunchType
	// PlatformVersion (Fargate only); may be dynamic.
	PlatformVersion awsecs.FargatePlatformVersion
	// PlacementStrategies and PlacementConstraints (EC2 only).
	PlacementStrategies  *[]awsecs.PlacementStrategy
	PlacementConstraints *[]awsecs.PlacementConstraint
	// CapacityProviderStrategy runs the task on 1–20 capacity providers
	// (FARGATE_SPOT, an Auto Scaling group provider…) instead of a launch
	// type; each field may be dynamic.
	CapacityProviderStrategy *[]*awsecs.CapacityProviderStrategy
	// UseClusterCapacityProviders runs the task with the cluster's default
	// capacity provider strategy: neither LaunchType nor a strategy is sent
	// (the CDK's CapacityProviderOptions.default()).
	UseClusterCapacityProviders *bool

	conflict bool // CapacityProviderOptions given with the fields above
}

func (c *EcsLaunchTargetConfig) EcsLaunchTargetConfig() *EcsLaunchTargetConfig { return c }

// CapacityProviderOptions mirrors awsstepfunctionstasks.CapacityProviderOptions:
// a capacity provider strategy of the task's own, or the cluster's default.
type CapacityProviderOptions struct {
	strategy       *[]*awsecs.CapacityProviderStrategy
	clusterDefault bool
}

// CapacityProviderOptions_Custom runs the task on 1 to 20 capacity
// providers (FARGATE_SPOT needs it); each field may be dynamic.
func CapacityProviderOptions_Custom(strategy *[]*awsecs.CapacityProviderStrategy) *CapacityProviderOptions {
	if strategy == nil {
		strategy = &[]*awsecs.CapacityProviderStrategy{}
	}
	return &CapacityProviderOptions{strategy: strategy}
}

// CapacityProviderOptions_Default runs the task with the cluster's default
// capacity provider strategy.
func CapacityProviderOptions_Default() *CapacityProviderOptions {
	return &CapacityProviderOptions{clusterDefault: true}
}

// withCapacityProviders applies the CDK-style options to a config.
func (c *EcsLaunchTargetConfig) withCapacityProviders(o *CapacityProviderOptions) *EcsLaunchTargetConfig {
	if o == nil {
		return c
	}
	if c.CapacityProviderStrategy != nil || c.UseClusterCapacityProviders != nil {
		c.conflict = true
		return c
	}
	if o.clusterDefault {
		c.UseClusterCapacityProviders = jsii.Bool(true)
	} else {
		c.CapacityProviderStrategy = o.strategy
	}
	return c
}

// EcsEc2LaunchTarget runs the task on the cluster's EC2 capacity.
type EcsEc2LaunchTarget struct {
	PlacementStrategies  *[]awsecs.PlacementStrategy
	PlacementConstraints *[]awsecs.PlacementConstraint
	// CapacityProviderOptions as in the CDK:
	// tasks.CapacityProviderOptions_Custom(...) or _Default(). Or give
	// CapacityProviderStrategy / UseClusterCapacityProviders, not both.
	CapacityProviderOptions     *CapacityProviderOptions
	CapacityProviderStrategy    *[]*awsecs.CapacityProviderStrategy
	UseClusterCapacityProviders *bool
}

// EcsEc2LaunchTargetOptions is EcsEc2LaunchTarget under the CDK's name.
type EcsEc2LaunchTargetOptions = EcsEc2LaunchTarget

// NewEcsEc2LaunchTarget is the CDK's constructor (options may be nil).
func NewEcsEc2LaunchTarget(options *EcsEc2LaunchTargetOptions) *EcsEc2LaunchTarget {
	if options == nil {
		return &EcsEc2LaunchTarget{}
	}
	return options
}

func (t *EcsEc2LaunchTarget) EcsLaunchTargetConfig() *EcsLaunchTargetConfig {
	c := &EcsLaunchTargetConfig{LaunchType: awsecs.LaunchType_EC2, PlacementStrategies: t.PlacementStrategies,
		PlacementConstraints: t.PlacementConstraints, CapacityProviderStrategy: t.CapacityProviderStrategy,
		UseClusterCapacityProviders: t.UseClusterCapacityProviders}
	return c.withCapacityProviders(t.CapacityProviderOptions)
}

// EcsFargateLaunchTarget runs the task on AWS Fargate.
type EcsFargateLaunchTarget struct {
	PlatformVersion awsecs.FargatePlatformVersion
	// CapacityProviderOptions as in the CDK:
	// tasks.CapacityProviderOptions_Custom(...) (FARGATE_SPOT) or _Default().
	// Or give CapacityProviderStrategy / UseClusterCapacityProviders, not both.
	CapacityProviderOptions     *CapacityProviderOptions
	CapacityProviderStrategy    *[]*awsecs.CapacityProviderStrategy
	UseClusterCapacityProviders *bool
}

// EcsFargateLaunchTargetOptions is EcsFargateLaunchTarget under the CDK's name.
type EcsFargateLaunchTargetOptions = EcsFargateLaunchTarget

// NewEcsFargateLaunchTarget is the CDK's constructor (options may be nil).
func NewEcsFargateLaunchTarget(options *EcsFargateLaunchTargetOptions) *EcsFargateLaunchTarget {
	if options == nil {
		return &EcsFargateLaunchTarget{}
	}
	return options
}

func (t *EcsFargateLaunchTarget) EcsLaunchTargetConfig() *EcsLaunchTargetConfig {
	c := &EcsLaunchTargetConfig{LaunchType: awsecs.LaunchType_FARGATE, PlatformVersion: t.PlatformVersion,
		CapacityProviderStrategy: t.CapacityProviderStrategy, UseClusterCapacityProviders: t.UseClusterCapacityProviders}
	return c.withCapacityProviders(t.CapacityProviderOptions)
}

// ContainerOverride mirrors awsstepfunctionstasks.ContainerOverride.
type ContainerOverride struct {
	// ContainerDefinition to override; or name it with ContainerName.
	ContainerDefinition awsecs.ContainerDefinition
	// ContainerName of the container to override (may be dynamic). An
	// sfnkit addition.
	ContainerName *string
	// Command: a list whose items or whole may be dynamic.
	Command *Value
	// Environment variables; names and values may be dynamic.
	Environment *[]*TaskEnvironmentVariable
	// Cpu units, MemoryLimit and MemoryReservation in MiB; may be dynamic.
	Cpu               *Value
	MemoryLimit       *Value
	MemoryReservation *Value
}

// TaskEnvironmentVariable mirrors awsstepfunctionstasks.TaskEnvironmentVariable.
type TaskEnvironmentVariable struct {
	Name  *string
	Value *string
}

// EcsRunTaskProps mirrors awsstepfunctionstasks.EcsRunTaskProps.
type EcsRunTaskProps struct {
	// Cluster to run the task on.
	Cluster awsecs.ICluster
	// TaskDefinition to run. The request names its ARN — the revision this
	// app deploys — so the call and ecs:RunTask are on the same revision.
	TaskDefinition awsecs.TaskDefinition
	// RevisionNumber runs "<family>:<revision>" instead (may be dynamic:
	// IAM then covers the family's revisions).
	RevisionNumber *Value
	// ContainerOverrides of the task definition's containers.
	ContainerOverrides *[]*ContainerOverride
	// Subnets for the task's network interfaces (awsvpc network mode),
	// selected in the cluster's VPC. Default: public subnets with
	// AssignPublicIp, private ones with egress otherwise.
	Subnets *awsec2.SubnetSelection
	// SecurityGroups of the task (awsvpc). Default: a new security group.
	SecurityGroups *[]awsec2.ISecurityGroup
	// AssignPublicIp gives the task a public IP (awsvpc).
	AssignPublicIp *bool
	// LaunchTarget: &tasks.EcsFargateLaunchTarget{}, &tasks.EcsEc2LaunchTarget{}…
	LaunchTarget EcsLaunchTarget
	// PropagatedTagSource: TASK_DEFINITION (or dynamic).
	PropagatedTagSource awsecs.PropagatedTagSource
	// EnableExecuteCommand turns on ECS Exec for the task.
	EnableExecuteCommand *bool
	// Cpu and MemoryMiB override the task's size; may be dynamic.
	Cpu       *string
	MemoryMiB *string

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

var ecsRunTask, _ = iampolicy.Lookup("ecs", "runTask")

// EcsRunTask is the task NewEcsRunTask returns: a Task, typed as the CDK types it.
type EcsRunTask interface{ Task }

// NewEcsRunTask runs a task on ECS (arn:…:states:::ecs:runTask):
// REQUEST_RESPONSE (the default), RUN_JOB (.sync) and WAIT_FOR_TASK_TOKEN
// (pass the token to the container, for example in an environment
// variable). IAM: ecs:RunTask on the task definition revision; iam:PassRole
// on its task and execution roles, to ecs-tasks.amazonaws.com only; with
// RUN_JOB only, ecs:StopTask/DescribeTasks on the cluster's tasks and the
// EventBridge rule.
func NewEcsRunTask(scope constructs.Construct, id *string, props *EcsRunTaskProps) EcsRunTask {
	checkProps(scope, id, "EcsRunTask", props == nil)
	spec := &engine.Spec{Construct: "EcsRunTask", Integration: ecsRunTask, DefaultPattern: iampolicy.RequestResponse}
	e := ecsBuilder{env: engine.EnvOf(scope), spec: spec, params: map[string]*Value{}, jsonata: props.QueryLanguage == sfn.QueryLanguage_JSONATA}
	scopeIAM := iampolicy.EcsRunTaskScope{}
	td := props.TaskDefinition
	if props.Cluster == nil {
		e.problem("Cluster", "required: the cluster to run the task on")
	}
	if td == nil {
		e.problem("TaskDefinition", "required: the task definition to run")
	}
	if props.LaunchTarget == nil {
		e.problem("LaunchTarget", "required: &tasks.EcsFargateLaunchTarget{} or &tasks.EcsEc2LaunchTarget{}")
	}
	if props.Cluster == nil || td == nil || props.LaunchTarget == nil {
		panic(&ValidationError{Construct: spec.Construct, Path: *scope.Node().Path() + "/" + *id, Problems: spec.Problems})
	}

	clusterARN := *engine.Memo(props.Cluster, "ClusterArn", props.Cluster.ClusterArn)
	e.params["Cluster"] = value.Lit(clusterARN)
	if value.IsTokenString(clusterARN) {
		scopeIAM.Tasks = e.env.ARN("ecs", "task/"+*engine.Memo(props.Cluster, "ClusterName", props.Cluster.ClusterName)+"/*")
	}
	e.taskDefinition(td, props.RevisionNumber, &scopeIAM)
	if td.DefaultContainer() == nil {
		e.problem("TaskDefinition", "must have at least one essential container")
	}
	scopeIAM.PassRoles = append(scopeIAM.PassRoles, *engine.Memo(td, "TaskRoleArn", func() *string { return td.TaskRole().RoleArn() }))
	if r := td.ExecutionRole(); r != nil {
		scopeIAM.PassRoles = append(scopeIAM.PassRoles, *r.RoleArn())
	}

	awsvpc := engine.Memo(td, "NetworkMode", td.NetworkMode) == awsecs.NetworkMode_AWS_VPC
	if awsvpc {
		e.network(scope, id, props)
	} else if props.Subnets != nil || props.SecurityGroups != nil || props.AssignPublicIp != nil {
		e.problem("Subnets", "Subnets, SecurityGroups and AssignPublicIp need a task definition with network mode AWS_VPC, got %s", td.NetworkMode())
	}
	e.launchTarget(props.LaunchTarget.EcsLaunchTargetConfig(), td)
	e.overrides(td, props)
	if props.PropagatedTagSource != "" {
		e.params["PropagateTags"] = field(spec, "PropagatedTagSource", string(props.PropagatedTagSource))
	}
	if props.EnableExecuteCommand != nil {
		e.params["EnableExecuteCommand"] = value.Lit(*props.EnableExecuteCommand)
	}
	spec.Params = value.NewObject(e.params)
	in := *ecsRunTask
	in.Policy = func(r iampolicy.Request) []iampolicy.Statement { return iampolicy.EcsRunTask(r, scopeIAM) }
	spec.Integration = &in
	return newTask(scope, id, props, spec)
}

type ecsBuilder struct {
	env     iampolicy.Env
	spec    *engine.Spec
	params  map[string]*Value
	jsonata bool
}

func (e *ecsBuilder) problem(name, format string, args ...any) {
	e.spec.Problems = append(e.spec.Problems, fieldProblem(name, format, args...))
}

// taskDefinition names the revision to run: the deployed one (its ARN),
// or <family>:<RevisionNumber>.
func (e *ecsBuilder) taskDefinition(td awsecs.TaskDefinition, revision *Value, s *iampolicy.EcsRunTaskScope) {
	if revision == nil {
		e.params["TaskDefinition"] = value.Lit(*engine.Memo(td, "TaskDefinitionArn", td.TaskDefinitionArn))
		return
	}
	family := *engine.Memo(td, "Family", td.Family)
	switch {
	case !revision.Dynamic():
		n, ok := revision.Number()
		if !ok || n != float64(int64(n)) || n < 1 {
			e.problem("RevisionNumber", "must be a whole number from 1 (or dynamic), got %v", revision.LiteralValue())
			return
		}
		e.params["TaskDefinition"] = value.Lit(fmt.Sprintf("%s:%d", family, int64(n)))
	case revision.Kind() == value.JSONata:
		body, _ := expr.JSONataBody(revision.Expr())
		e.params["TaskDefinition"] = value.Ata(fmt.Sprintf("%s & ':' & $string(%s)", jsonataString(family), body))
		s.TaskDefinition = e.env.ARN("ecs", "task-definition/"+family+":*")
	case revision.Kind() == value.Path || revision.Kind() == value.Intrinsic:
		q := expr.Quote(family) // escapes braces too: add the placeholder after
		e.params["TaskDefinition"] = value.Dyn(fmt.Sprintf("States.Format(%s:{}', %s)", q[:len(q)-1], revision.Expr()))
		s.TaskDefinition = e.env.ARN("ecs", "task-definition/"+family+":*")
	default:
		e.problem("RevisionNumber", "must be a number, a JSONPath, an intrinsic or a JSONata expression")
	}
}

// jsonataString quotes s as a JSONata string literal.
func jsonataString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "\\'") + "'"
}

// network renders NetworkConfiguration.AwsvpcConfiguration, selecting the
// subnets in the cluster's VPC.
func (e *ecsBuilder) network(scope constructs.Construct, id *string, props *EcsRunTaskProps) {
	selection := props.Subnets
	public := props.AssignPublicIp != nil && *props.AssignPublicIp
	if selection == nil {
		typ := awsec2.SubnetType_PRIVATE_WITH_EGRESS
		if public {
			typ = awsec2.SubnetType_PUBLIC
		}
		selection = &awsec2.SubnetSelection{SubnetType: typ}
	}
	vpc := props.Cluster.Vpc()
	var subnets []*string
	if err := catchPanic(func() { subnets = *vpc.SelectSubnets(selection).SubnetIds }); err != nil {
		e.problem("Subnets", "cannot select subnets in the cluster's VPC: %v", err)
	}
	var groups []string
	if props.SecurityGroups != nil {
		for _, sg := range *props.SecurityGroups {
			groups = append(groups, *sg.SecurityGroupId())
		}
	} else {
		sg := awsec2.NewSecurityGroup(scope, jsii.String(*id+"SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})
		groups = append(groups, *sg.SecurityGroupId())
	}
	cfg := map[string]*Value{
		"Subnets":        field(e.spec, "Subnets", subnets),
		"SecurityGroups": field(e.spec, "SecurityGroups", groups),
	}
	if props.AssignPublicIp != nil {
		ip := "DISABLED"
		if public {
			ip = "ENABLED"
		}
		cfg["AssignPublicIp"] = value.Lit(ip)
	}
	e.params["NetworkConfiguration"] = value.NewObject(map[string]*Value{"AwsvpcConfiguration": value.NewObject(cfg)})
}

// launchTarget renders the launch type or capacity provider strategy,
// checking each field belongs to the launch type and that the task
// definition is compatible with it.
func (e *ecsBuilder) launchTarget(c *EcsLaunchTargetConfig, td awsecs.TaskDefinition) {
	launchType := field(e.spec, "LaunchTarget.LaunchType", string(c.LaunchType))
	lt, _ := launchType.String()
	hasStrategy := c.CapacityProviderStrategy != nil
	clusterDefault := c.UseClusterCapacityProviders != nil && *c.UseClusterCapacityProviders
	switch {
	case c.conflict:
		e.problem("LaunchTarget.CapacityProviderOptions", "give CapacityProviderOptions or CapacityProviderStrategy/UseClusterCapacityProviders, not both")
	case hasStrategy && clusterDefault:
		e.problem("LaunchTarget.CapacityProviderStrategy", "give a CapacityProviderStrategy or UseClusterCapacityProviders, not both")
	case hasStrategy || clusterDefault:
		// The capacity providers decide where the task runs: no launch type.
	case launchType.Dynamic() || lt != "":
		e.params["LaunchType"] = launchType
	}
	switch lt {
	case "EC2":
		if c.PlatformVersion != "" {
			e.problem("LaunchTarget.PlatformVersion", "is for Fargate only; the launch target is EC2 (use tasks.EcsFargateLaunchTarget)")
		}
		if !*engine.Memo(td, "IsEc2Compatible", td.IsEc2Compatible) {
			e.problem("TaskDefinition", "is not compatible with the EC2 launch target (its compatibility is %s)", compatibility(td))
		}
	case "FARGATE":
		if c.PlacementStrategies != nil || c.PlacementConstraints != nil {
			e.problem("LaunchTarget.PlacementStrategies", "placement strategies and constraints are for EC2 only; the launch target is Fargate")
		}
		if !*engine.Memo(td, "IsFargateCompatible", td.IsFargateCompatible) {
			e.problem("TaskDefinition", "is not compatible with the Fargate launch target (its compatibility is %s)", compatibility(td))
		}
	case "", "EXTERNAL":
	default:
		if !launchType.Dynamic() {
			e.problem("LaunchTarget.LaunchType", "must be EC2, FARGATE or EXTERNAL (or dynamic), got %q", lt)
		}
	}
	if hasStrategy {
		n := len(*c.CapacityProviderStrategy)
		if n < 1 || n > 20 {
			e.problem("LaunchTarget.CapacityProviderStrategy", "must have 1 to 20 capacity providers, got %d", n)
		}
		items := make([]*Value, 0, n)
		for i, s := range *c.CapacityProviderStrategy {
			if s == nil {
				continue
			}
			item := map[string]*Value{}
			name := fmt.Sprintf("LaunchTarget.CapacityProviderStrategy[%d]", i)
			if s.CapacityProvider == nil {
				e.problem(name+".CapacityProvider", "required")
			}
			for k, x := range map[string]any{"CapacityProvider": s.CapacityProvider, "Weight": s.Weight, "Base": s.Base} {
				if v := field(e.spec, name+"."+k, x); v != nil {
					item[k] = v
				}
			}
			items = append(items, value.NewObject(item))
		}
		e.params["CapacityProviderStrategy"] = value.NewList(items...)
	}
	if c.PlatformVersion != "" {
		e.params["PlatformVersion"] = field(e.spec, "LaunchTarget.PlatformVersion", platformVersion(c.PlatformVersion))
	}
	if c.PlacementConstraints != nil {
		var items []*Value
		for _, pc := range *c.PlacementConstraints {
			for _, j := range *pc.ToJson() {
				item := map[string]*Value{"Type": field(e.spec, "LaunchTarget.PlacementConstraints", j.Type)}
				if j.Expression != nil {
					item["Expression"] = field(e.spec, "LaunchTarget.PlacementConstraints", j.Expression)
				}
				items = append(items, value.NewObject(item))
			}
		}
		if len(items) > 0 {
			e.params["PlacementConstraints"] = value.NewList(items...)
		}
	}
	if c.PlacementStrategies != nil {
		var items []*Value
		for _, ps := range *c.PlacementStrategies {
			for _, j := range *ps.ToJson() {
				item := map[string]*Value{"Type": field(e.spec, "LaunchTarget.PlacementStrategies", j.Type)}
				if j.Field != nil {
					item["Field"] = field(e.spec, "LaunchTarget.PlacementStrategies", j.Field)
				}
				items = append(items, value.NewObject(item))
			}
		}
		if len(items) > 0 {
			e.params["PlacementStrategy"] = value.NewList(items...)
		}
	}
}

func compatibility(td awsecs.TaskDefinition) string {
	switch engine.Memo(td, "Compatibility", td.Compatibility) {
	case awsecs.Compatibility_EC2:
		return "EC2"
	case awsecs.Compatibility_FARGATE:
		return "FARGATE"
	case awsecs.Compatibility_EC2_AND_FARGATE:
		return "EC2_AND_FARGATE"
	case awsecs.Compatibility_EXTERNAL:
		return "EXTERNAL"
	}
	return fmt.Sprint(td.Compatibility())
}

// overrides renders Overrides: the task's Cpu/Memory and each container's.
func (e *ecsBuilder) overrides(td awsecs.TaskDefinition, props *EcsRunTaskProps) {
	out := map[string]*Value{}
	if v := field(e.spec, "Cpu", props.Cpu); v != nil {
		out["Cpu"] = v
	}
	if v := field(e.spec, "MemoryMiB", props.MemoryMiB); v != nil {
		out["Memory"] = v
	}
	if props.ContainerOverrides != nil && len(*props.ContainerOverrides) > 0 {
		var items []*Value
		for i, o := range *props.ContainerOverrides {
			if o == nil {
				continue
			}
			items = append(items, e.containerOverride(td, fmt.Sprintf("ContainerOverrides[%d]", i), o))
		}
		out["ContainerOverrides"] = value.NewList(items...)
	}
	if len(out) > 0 {
		e.params["Overrides"] = value.NewObject(out)
	}
}

func (e *ecsBuilder) containerOverride(td awsecs.TaskDefinition, name string, o *ContainerOverride) *Value {
	item := map[string]*Value{}
	var containerName *Value
	switch {
	case o.ContainerDefinition != nil && o.ContainerName != nil:
		e.problem(name+".ContainerName", "give ContainerDefinition or ContainerName, not both")
	case o.ContainerDefinition != nil:
		containerName = value.Lit(*o.ContainerDefinition.ContainerName())
	case o.ContainerName != nil:
		containerName = field(e.spec, name+".ContainerName", o.ContainerName)
	default:
		e.problem(name+".ContainerDefinition", "required: the container to override (or ContainerName)")
	}
	if s, ok := containerName.String(); ok && !value.IsTokenString(s) && td.FindContainer(&s) == nil {
		e.problem(name, "overrides container %q, which the task definition does not have", s)
	}
	if containerName != nil {
		item["Name"] = containerName
	}
	for _, f := range []struct {
		key string
		v   *Value
	}{{"Command", o.Command}, {"Cpu", o.Cpu}, {"Memory", o.MemoryLimit}, {"MemoryReservation", o.MemoryReservation}} {
		if f.v != nil {
			item[f.key] = f.v
		}
	}
	if o.Environment != nil {
		var env []*Value
		for j, kv := range *o.Environment {
			if kv == nil {
				continue
			}
			at := fmt.Sprintf("%s.Environment[%d]", name, j)
			pair := map[string]*Value{}
			if v := field(e.spec, at+".Name", kv.Name); v != nil {
				pair["Name"] = v
			} else {
				e.problem(at+".Name", "required")
			}
			if v := field(e.spec, at+".Value", kv.Value); v != nil {
				pair["Value"] = v
			}
			env = append(env, value.NewObject(pair))
		}
		item["Environment"] = value.NewList(env...)
	}
	return value.NewObject(item)
}

// platformVersion is the API value of a FargatePlatformVersion: the Go
// constants hold the enum member names (VERSION1_4), the API wants "1.4.0".
func platformVersion(v awsecs.FargatePlatformVersion) string {
	s := string(v)
	if rest, ok := strings.CutPrefix(s, "VERSION"); ok && !strings.ContainsAny(rest, ".") {
		if major, minor, ok := strings.Cut(rest, "_"); ok {
			return major + "." + minor + ".0"
		}
	}
	return s
}
