package tasks

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
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

// IEcsLaunchTarget mirrors awsstepfunctionstasks.IEcsLaunchTarget: where
// an ECS task runs. NewEcsFargateLaunchTarget and NewEcsEc2LaunchTarget make
// one; so does an EcsLaunchTargetConfig itself, whose Parameters go into
// the request as they are (values may be dynamic: a launch type decided at
// run time). sfnkit renders a task before its state exists, so it calls the
// Bind of a launch target of your own with a nil task.
type IEcsLaunchTarget interface {
	Bind(task EcsRunTask, launchTargetOptions *LaunchTargetBindOptions) *EcsLaunchTargetConfig
}

// LaunchTargetBindOptions mirrors awsstepfunctionstasks.LaunchTargetBindOptions.
type LaunchTargetBindOptions struct {
	TaskDefinition awsecs.ITaskDefinition
	Cluster        awsecs.ICluster
}

// EcsLaunchTargetConfig mirrors awsstepfunctionstasks.EcsLaunchTargetConfig:
// the RunTask request fields a launch target sets (LaunchType,
// PlatformVersion, CapacityProviderStrategy, PlacementConstraints,
// PlacementStrategy), keys as the API spells them, values literal or
// dynamic (tasks.StringAt). As a LaunchTarget it stands for itself:
//
//	LaunchTarget: &tasks.EcsLaunchTargetConfig{Parameters: &map[string]interface{}{
//		"LaunchType": tasks.StringAt("$.launchType")}}
type EcsLaunchTargetConfig struct {
	Parameters *map[string]interface{}
}

// Bind returns the config itself: an EcsLaunchTargetConfig is its own
// launch target.
func (c *EcsLaunchTargetConfig) Bind(EcsRunTask, *LaunchTargetBindOptions) *EcsLaunchTargetConfig {
	return c
}

// CapacityProviderOptions mirrors awsstepfunctionstasks.CapacityProviderOptions:
// a capacity provider strategy of the task's own, or the cluster's default.
type CapacityProviderOptions interface {
	capacityProviders() (strategy *[]*awsecs.CapacityProviderStrategy, custom bool)
}

type capacityProviderOptions struct {
	strategy *[]*awsecs.CapacityProviderStrategy
	custom   bool
}

func (o *capacityProviderOptions) capacityProviders() (*[]*awsecs.CapacityProviderStrategy, bool) {
	return o.strategy, o.custom
}

// CapacityProviderOptions_Custom runs the task on 1 to 20 capacity
// providers (FARGATE_SPOT needs it); each field may be dynamic. No launch
// type is sent.
func CapacityProviderOptions_Custom(capacityProviderStrategy *[]*awsecs.CapacityProviderStrategy) CapacityProviderOptions {
	return &capacityProviderOptions{strategy: capacityProviderStrategy, custom: true}
}

// CapacityProviderOptions_Default runs the task with the cluster's default
// capacity provider strategy: neither a launch type nor a strategy is sent.
func CapacityProviderOptions_Default() CapacityProviderOptions {
	return &capacityProviderOptions{}
}

// EcsEc2LaunchTargetOptions mirrors awsstepfunctionstasks.EcsEc2LaunchTargetOptions.
type EcsEc2LaunchTargetOptions struct {
	CapacityProviderOptions CapacityProviderOptions
	PlacementConstraints    *[]awsecs.PlacementConstraint
	PlacementStrategies     *[]awsecs.PlacementStrategy
}

// EcsFargateLaunchTargetOptions mirrors awsstepfunctionstasks.EcsFargateLaunchTargetOptions.
type EcsFargateLaunchTargetOptions struct {
	// PlatformVersion: awsecs.FargatePlatformVersion_LATEST, _VERSION1_4…
	// (or dynamic: awsecs.FargatePlatformVersion(*tasks.StringAt("$.platform"))).
	PlatformVersion         awsecs.FargatePlatformVersion
	CapacityProviderOptions CapacityProviderOptions
}

// EcsEc2LaunchTarget runs the task on the cluster's EC2 capacity.
type EcsEc2LaunchTarget interface{ IEcsLaunchTarget }

// EcsFargateLaunchTarget runs the task on AWS Fargate.
type EcsFargateLaunchTarget interface{ IEcsLaunchTarget }

// launchTarget is what sfnkit's own launch targets say, before rendering.
type launchTarget struct {
	launchType           string // EC2 or FARGATE
	platformVersion      awsecs.FargatePlatformVersion
	capacity             CapacityProviderOptions
	placementConstraints *[]awsecs.PlacementConstraint
	placementStrategies  *[]awsecs.PlacementStrategy
}

// Bind renders the target's request fields as the CDK's does (JSONPath
// keys, "Weight.$" for a dynamic value), without checks: NewEcsRunTask
// checks them, as field errors.
func (t *launchTarget) Bind(EcsRunTask, *LaunchTargetBindOptions) *EcsLaunchTargetConfig {
	spec := &engine.Spec{}
	e := ecsBuilder{spec: spec, params: map[string]*Value{}}
	e.ownLaunchTarget(t)
	params := map[string]interface{}{}
	for k, v := range e.params {
		value.RenderField(params, k, v, value.JSONPathLang)
	}
	return &EcsLaunchTargetConfig{Parameters: &params}
}

// NewEcsEc2LaunchTarget is the CDK's constructor (options may be nil).
func NewEcsEc2LaunchTarget(options *EcsEc2LaunchTargetOptions) EcsEc2LaunchTarget {
	t := &launchTarget{launchType: "EC2"}
	if options != nil {
		t.capacity, t.placementConstraints, t.placementStrategies = options.CapacityProviderOptions, options.PlacementConstraints, options.PlacementStrategies
	}
	return t
}

// NewEcsFargateLaunchTarget is the CDK's constructor (options may be nil).
func NewEcsFargateLaunchTarget(options *EcsFargateLaunchTargetOptions) EcsFargateLaunchTarget {
	t := &launchTarget{launchType: "FARGATE"}
	if options != nil {
		t.platformVersion, t.capacity = options.PlatformVersion, options.CapacityProviderOptions
	}
	return t
}

// ContainerOverride mirrors awsstepfunctionstasks.ContainerOverride.
type ContainerOverride struct {
	// ContainerDefinition to override; or name it with ContainerName.
	ContainerDefinition awsecs.ContainerDefinition
	// ContainerName of the container to override (may be dynamic). An
	// sfnkit addition.
	ContainerName *string
	// Command: items may be dynamic (tasks.StringAt), or the whole list
	// (tasks.ListAt).
	Command *[]*string
	// Environment variables; names and values may be dynamic.
	Environment *[]*TaskEnvironmentVariable
	// Cpu units (at least 1), MemoryLimit and MemoryReservation in MiB (at
	// least 6, the reservation at most the limit); each may be dynamic
	// (tasks.NumberAt).
	Cpu               *float64
	MemoryLimit       *float64
	MemoryReservation *float64
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
	// RevisionNumber runs "<family>:<revision>" instead (may be dynamic,
	// tasks.NumberAt: IAM then covers the family's revisions).
	RevisionNumber *float64
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
	// LaunchTarget: tasks.NewEcsFargateLaunchTarget(...),
	// tasks.NewEcsEc2LaunchTarget(...), or an &tasks.EcsLaunchTargetConfig{...}.
	LaunchTarget IEcsLaunchTarget
	// PropagatedTagSource: TASK_DEFINITION (or dynamic).
	PropagatedTagSource awsecs.PropagatedTagSource
	// EnableExecuteCommand turns on ECS Exec for the task.
	EnableExecuteCommand *bool
	// Cpu (CPU units, or "1 vCPU") and MemoryMiB (MiB, or "2 GB")
	// override the task's size; may be dynamic.
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

// EcsRunTask is the task NewEcsRunTask returns: a Task, typed as the CDK
// types it, with the CDK's Connections: the task's security groups (the
// cluster's, without awsvpc networking).
type EcsRunTask interface {
	Task
	Connections() awsec2.Connections
}

// NewEcsRunTask runs a task on ECS (arn:…:states:::ecs:runTask):
// REQUEST_RESPONSE (the default), RUN_JOB (.sync) and WAIT_FOR_TASK_TOKEN
// (pass the token to the container, for example in an environment
// variable). IAM: ecs:RunTask on the task definition revision; iam:PassRole
// on its task and execution roles, to ecs-tasks.amazonaws.com only; with
// RUN_JOB only, ecs:StopTask/DescribeTasks on the cluster's tasks and the
// EventBridge rule. With awsvpc networking and no SecurityGroups, the task
// creates one, at <task>/SecurityGroup as the CDK's does.
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
		e.problem("LaunchTarget", "required: tasks.NewEcsFargateLaunchTarget(...) or tasks.NewEcsEc2LaunchTarget(...)")
	}
	if props.Cluster == nil || td == nil || props.LaunchTarget == nil {
		panic(&ValidationError{Construct: spec.Construct, Path: *scope.Node().Path() + "/" + *id, Problems: spec.Problems})
	}

	clusterARN := *engine.Memo(props.Cluster, "ClusterArn", props.Cluster.ClusterArn)
	e.params["Cluster"] = value.Lit(clusterARN)
	if value.IsTokenString(clusterARN) {
		scopeIAM.Tasks = e.env.ARN("ecs", "task/"+*engine.Memo(props.Cluster, "ClusterName", props.Cluster.ClusterName)+"/*")
	}
	e.taskDefinition(td, field(spec, "RevisionNumber", props.RevisionNumber), &scopeIAM)
	hasDefaultContainer := engine.MemoOnceSet(td, "HasDefaultContainer", func() (bool, bool) {
		has := td.DefaultContainer() != nil
		return has, has
	})
	if !hasDefaultContainer {
		e.problem("TaskDefinition", "must have at least one essential container")
	}
	scopeIAM.PassRoles = append(scopeIAM.PassRoles, *engine.Memo(td, "TaskRoleArn", func() *string { return td.TaskRole().RoleArn() }))
	executionRole := engine.MemoOnceSet(td, "ExecutionRoleArn", func() (*string, bool) {
		if r := td.ExecutionRole(); r != nil {
			return r.RoleArn(), true
		}
		return nil, false
	})
	if executionRole != nil {
		scopeIAM.PassRoles = append(scopeIAM.PassRoles, *executionRole)
	}

	var (
		connections awsec2.Connections
		newGroup    *lazySecurityGroup
	)
	awsvpc := engine.Memo(td, "NetworkMode", td.NetworkMode) == awsecs.NetworkMode_AWS_VPC
	if awsvpc {
		connections, newGroup = e.network(scope, id, props)
	} else {
		if props.Subnets != nil || props.SecurityGroups != nil || props.AssignPublicIp != nil {
			e.problem("Subnets", "Subnets, SecurityGroups and AssignPublicIp need a task definition with network mode AWS_VPC, got %s", td.NetworkMode())
		}
	}
	e.launchTarget(props.LaunchTarget, td, props.Cluster)
	e.overrides(td, props)
	if props.PropagatedTagSource != "" {
		e.params["PropagateTags"] = field(spec, "PropagatedTagSource", string(props.PropagatedTagSource))
	}
	if v := field(spec, "EnableExecuteCommand", props.EnableExecuteCommand); v != nil {
		e.params["EnableExecuteCommand"] = v
	}
	spec.Params = value.NewObject(e.params)
	in := *ecsRunTask
	in.Policy = func(r iampolicy.Request) []iampolicy.Statement { return iampolicy.EcsRunTask(r, scopeIAM) }
	spec.Integration = &in
	spec.Connections = sync.OnceValue(func() awsec2.Connections {
		if connections == nil { // the cluster's, as the CDK gives without awsvpc
			connections = awsec2.NewConnections(&awsec2.ConnectionsProps{SecurityGroups: props.Cluster.Connections().SecurityGroups()})
		}
		return connections
	})
	task := newTask(scope, id, props, spec)
	if newGroup != nil {
		// The CDK's place for it: under the task, which exists only now.
		newGroup.group = awsec2.NewSecurityGroup(task, jsii.String("SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: props.Cluster.Vpc()})
		connections.AddSecurityGroup(newGroup.group)
	}
	return task.(EcsRunTask)
}

// lazySecurityGroup is the ID of the security group a task creates under
// itself once it exists, for the request rendered before.
type lazySecurityGroup struct{ group awsec2.SecurityGroup }

func (l *lazySecurityGroup) Produce() *string { return l.group.SecurityGroupId() }

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
// subnets in the cluster's VPC. Without SecurityGroups it returns the
// security group to create under the task once the task exists; in a
// fragments.Workflow, where the task is held in Go, it creates it at once,
// beside the task, as <id>SecurityGroup.
func (e *ecsBuilder) network(scope constructs.Construct, id *string, props *EcsRunTaskProps) (awsec2.Connections, *lazySecurityGroup) {
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
	subnets, err := selectSubnets(vpc, selection)
	if err != nil {
		e.problem("Subnets", "cannot select subnets in the cluster's VPC: %v", err)
	}
	var (
		groups      []*Value
		given       []awsec2.ISecurityGroup
		newGroup    *lazySecurityGroup
		connections awsec2.Connections
	)
	if props.SecurityGroups != nil {
		for i, sg := range *props.SecurityGroups {
			if sg == nil {
				e.problem(fmt.Sprintf("SecurityGroups[%d]", i), "is nil; give a security group")
				continue
			}
			given = append(given, sg)
			groups = append(groups, value.Lit(*sg.SecurityGroupId()))
		}
		connections = awsec2.NewConnections(&awsec2.ConnectionsProps{SecurityGroups: &given})
	} else if _, inGo := scope.(*engine.Scope); inGo {
		sg := awsec2.NewSecurityGroup(scope, jsii.String(*id+"SecurityGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})
		groups = append(groups, value.Lit(*sg.SecurityGroupId()))
		connections = awsec2.NewConnections(&awsec2.ConnectionsProps{SecurityGroups: &[]awsec2.ISecurityGroup{sg}})
	} else {
		newGroup = &lazySecurityGroup{}
		groups = append(groups, value.Lit(*awscdk.Lazy_String(newGroup, nil)))
		connections = awsec2.NewConnections(nil)
	}
	cfg := map[string]*Value{
		"Subnets":        field(e.spec, "Subnets", subnets),
		"SecurityGroups": value.NewList(groups...),
	}
	if props.AssignPublicIp != nil {
		if v := field(e.spec, "AssignPublicIp", props.AssignPublicIp); v != nil && v.Dynamic() {
			e.problem("AssignPublicIp", "must be true or false, not decided at run time")
		} else if public {
			// The CDK sends AssignPublicIp only when true.
			cfg["AssignPublicIp"] = value.Lit("ENABLED")
		}
	}
	e.params["NetworkConfiguration"] = value.NewObject(map[string]*Value{"AwsvpcConfiguration": value.NewObject(cfg)})
	return connections, newGroup
}

// launchTarget renders the launch target's request fields, then checks
// them: each field belongs to the launch type, and the task definition is
// compatible with it.
func (e *ecsBuilder) launchTarget(target IEcsLaunchTarget, td awsecs.TaskDefinition, cluster awsecs.ICluster) {
	if own, ok := target.(*launchTarget); ok {
		e.ownLaunchTarget(own)
	} else {
		var c *EcsLaunchTargetConfig
		if err := catchPanic(func() {
			c = target.Bind(nil, &LaunchTargetBindOptions{TaskDefinition: td, Cluster: cluster})
		}); err != nil {
			e.problem("LaunchTarget", "Bind failed: %v", err)
			return
		}
		if c == nil || c.Parameters == nil {
			return
		}
		v := field(e.spec, "LaunchTarget.Parameters", c.Parameters)
		if v == nil || v.Kind() != value.Object {
			return
		}
		for k, f := range v.Fields() {
			if f.Kind() == value.Literal && f.LiteralValue() == nil {
				continue // undefined in the CDK: not sent
			}
			if _, dup := e.params[k]; dup {
				e.problem("LaunchTarget.Parameters", "%s: set by the task already", k)
				continue
			}
			e.params[k] = f
		}
	}
	lt, _ := e.params["LaunchType"].String()
	_, hasPlatform := e.params["PlatformVersion"]
	_, hasConstraints := e.params["PlacementConstraints"]
	_, hasStrategy := e.params["PlacementStrategy"]
	switch lt {
	case "EC2":
		if hasPlatform {
			e.problem("LaunchTarget.PlatformVersion", "is for Fargate only; the launch target is EC2 (use tasks.NewEcsFargateLaunchTarget)")
		}
		if !*engine.Memo(td, "IsEc2Compatible", td.IsEc2Compatible) {
			e.problem("TaskDefinition", "is not compatible with the EC2 launch target (its compatibility is %s)", compatibility(td))
		}
	case "FARGATE":
		if hasConstraints || hasStrategy {
			e.problem("LaunchTarget.PlacementStrategies", "placement strategies and constraints are for EC2 only; the launch target is Fargate")
		}
		if !*engine.Memo(td, "IsFargateCompatible", td.IsFargateCompatible) {
			e.problem("TaskDefinition", "is not compatible with the Fargate launch target (its compatibility is %s)", compatibility(td))
		}
	case "", "EXTERNAL":
	default:
		e.problem("LaunchTarget.LaunchType", "must be EC2, FARGATE or EXTERNAL (or dynamic), got %q", lt)
	}
}

// ownLaunchTarget renders a launch target NewEcsFargateLaunchTarget or
// NewEcsEc2LaunchTarget made, as the CDK's Bind does.
func (e *ecsBuilder) ownLaunchTarget(t *launchTarget) {
	if t.capacity == nil {
		e.params["LaunchType"] = value.Lit(t.launchType)
	} else if strategy, custom := t.capacity.capacityProviders(); custom {
		e.capacityProviderStrategy(strategy)
	}
	if t.platformVersion != "" {
		e.params["PlatformVersion"] = field(e.spec, "LaunchTarget.PlatformVersion", platformVersion(t.platformVersion))
	}
	if t.placementConstraints != nil {
		var items []*Value
		for i, pc := range *t.placementConstraints {
			if pc == nil {
				e.problem(fmt.Sprintf("LaunchTarget.PlacementConstraints[%d]", i), "is nil; give an awsecs.PlacementConstraint")
				continue
			}
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
	if t.placementStrategies != nil {
		var items []*Value
		for i, ps := range *t.placementStrategies {
			if ps == nil {
				e.problem(fmt.Sprintf("LaunchTarget.PlacementStrategies[%d]", i), "is nil; give an awsecs.PlacementStrategy")
				continue
			}
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

// capacityProviderStrategy renders CapacityProviderOptions_Custom's strategy.
func (e *ecsBuilder) capacityProviderStrategy(strategy *[]*awsecs.CapacityProviderStrategy) {
	const at = "LaunchTarget.CapacityProviderOptions"
	n := 0
	if strategy != nil {
		n = len(*strategy)
	}
	if n < 1 || n > 20 {
		e.problem(at, "the capacity provider strategy must have 1 to 20 capacity providers, got %d", n)
		return
	}
	items := make([]*Value, 0, n)
	for i, s := range *strategy {
		name := fmt.Sprintf("%s[%d]", at, i)
		if s == nil {
			e.problem(name, "is nil; give an &awsecs.CapacityProviderStrategy{...}")
			continue
		}
		item := map[string]*Value{}
		if s.CapacityProvider == nil {
			e.problem(name+".CapacityProvider", "required")
		}
		for _, f := range []struct {
			key      string
			x        *float64
			min, max float64
		}{{"Weight", s.Weight, 0, 1000}, {"Base", s.Base, 0, 100000}} {
			v := field(e.spec, name+"."+f.key, f.x)
			if v == nil {
				continue
			}
			if n, ok := v.Number(); ok && !v.Dynamic() && (n != math.Trunc(n) || n < f.min || n > f.max) {
				e.problem(name+"."+f.key, "must be a whole number from %g to %g (or dynamic), got %v", f.min, f.max, n)
			}
			item[f.key] = v
		}
		if v := field(e.spec, name+".CapacityProvider", s.CapacityProvider); v != nil {
			item["CapacityProvider"] = v
		}
		items = append(items, value.NewObject(item))
	}
	e.params["CapacityProviderStrategy"] = value.NewList(items...)
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
		e.taskSize("Cpu", v, "CPU units (\"1024\") or vCPUs (\"1 vCPU\")", "vcpu")
		out["Cpu"] = v
	}
	if v := field(e.spec, "MemoryMiB", props.MemoryMiB); v != nil {
		e.taskSize("MemoryMiB", v, "MiB (\"2048\") or GB (\"2 GB\")", "gb")
		out["Memory"] = v
	}
	if props.ContainerOverrides != nil && len(*props.ContainerOverrides) > 0 {
		var items []*Value
		for i, o := range *props.ContainerOverrides {
			name := fmt.Sprintf("ContainerOverrides[%d]", i)
			if o == nil {
				e.problem(name, "is nil; give a &tasks.ContainerOverride{...}")
				continue
			}
			items = append(items, e.containerOverride(td, name, o))
		}
		out["ContainerOverrides"] = value.NewList(items...)
	}
	if len(out) > 0 {
		e.params["Overrides"] = value.NewObject(out)
	}
}

// taskSize checks a literal task Cpu or Memory: a positive whole number, or
// a positive number followed by unit ("vCPU", "GB").
func (e *ecsBuilder) taskSize(name string, v *Value, what, unit string) {
	s, ok := v.String()
	if !ok || v.Dynamic() || value.IsTokenString(s) {
		return
	}
	num, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	n, err := strconv.ParseFloat(num, 64)
	switch {
	case err != nil || n <= 0 || math.IsInf(n, 0):
		e.problem(name, "must be a positive number of %s, got %q", what, s)
	case rest == "" && n != math.Trunc(n):
		e.problem(name, "must be a whole number of %s, got %q", what, s)
	case rest != "" && strings.ToLower(strings.TrimSpace(rest)) != unit:
		e.problem(name, "must be a number of %s, got %q", what, s)
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
	if v := field(e.spec, name+".Command", o.Command); v != nil {
		if v.Kind() == value.List {
			for i, c := range v.Items() {
				if c.Kind() == value.Literal && c.LiteralValue() == nil {
					e.problem(fmt.Sprintf("%s.Command[%d]", name, i), "is nil; give a string (or tasks.StringAt)")
				}
			}
		}
		item["Command"] = v
	}
	limits := map[string]float64{}
	for _, f := range []struct {
		prop, key string
		x         *float64
		min       float64
	}{{"Cpu", "Cpu", o.Cpu, 1}, {"MemoryLimit", "Memory", o.MemoryLimit, 6}, {"MemoryReservation", "MemoryReservation", o.MemoryReservation, 6}} {
		v := field(e.spec, name+"."+f.prop, f.x)
		if v == nil {
			continue
		}
		if n, ok := v.Number(); ok && !v.Dynamic() {
			if n != math.Trunc(n) || n < f.min {
				e.problem(name+"."+f.prop, "must be a whole number of at least %g (or dynamic), got %v", f.min, n)
			}
			limits[f.prop] = n
		}
		item[f.key] = v
	}
	if limit, ok := limits["MemoryLimit"]; ok {
		if reserved, ok := limits["MemoryReservation"]; ok && reserved > limit {
			e.problem(name+".MemoryReservation", "must be at most MemoryLimit (%v MiB), got %v", limit, reserved)
		}
	}
	if o.Environment != nil {
		var env []*Value
		for j, kv := range *o.Environment {
			at := fmt.Sprintf("%s.Environment[%d]", name, j)
			if kv == nil {
				e.problem(at, "is nil; give a &tasks.TaskEnvironmentVariable{...}")
				continue
			}
			pair := map[string]*Value{}
			if v := field(e.spec, at+".Name", kv.Name); v != nil {
				pair["Name"] = v
			} else {
				e.problem(at+".Name", "required")
			}
			if v := field(e.spec, at+".Value", kv.Value); v != nil {
				pair["Value"] = v
			} else {
				e.problem(at+".Value", "required")
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
