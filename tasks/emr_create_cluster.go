package tasks

import (
	"math"
	"regexp"
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EmrCreateClusterProps mirrors awsstepfunctionstasks.EmrCreateClusterProps.
type EmrCreateClusterProps struct {
	// Instances (required): InstanceCount with MasterInstanceType and
	// SlaveInstanceType, InstanceGroups or InstanceFleets.
	Instances *EmrCreateCluster_InstancesConfigProperty
	// Name (required) of the cluster, 1 to 256 characters.
	Name *string
	// ServiceRole is the role EMR assumes. Default: a role at
	// <task>/ServiceRole, as the CDK creates it (AWS's managed
	// AmazonEMRServicePolicy_v2 with the feature flag
	// @aws-cdk/aws-stepfunctions-tasks:enableEmrServicePolicyV2, else
	// AmazonElasticMapReduceRole). Rendered by name; the state machine gets
	// iam:PassRole on it, only to elasticmapreduce.amazonaws.com.
	ServiceRole awsiam.IRole
	// ClusterRole is the EC2 instances' role, with an instance profile of
	// the same name. Default: a role at <task>/InstanceRole with its
	// instance profile at <task>/InstanceProfile, as the CDK creates them.
	// The service role may pass it; the state machine gets iam:PassRole on
	// it, only to ec2.amazonaws.com.
	ClusterRole awsiam.IRole
	// AutoScalingRole scales instance groups (not instance fleets).
	// Default, without instance fleets: a role at <task>/AutoScalingRole
	// with AWS's managed AmazonElasticMapReduceforAutoScalingRole, as the
	// CDK creates it. iam:PassRole on it, only to Application Auto Scaling.
	AutoScalingRole awsiam.IRole
	AdditionalInfo  *string
	Applications    *[]*EmrCreateCluster_ApplicationConfigProperty
	// AutoTerminationPolicyIdleTimeout: 60 to 604800 seconds (1 minute to
	// 7 days), rendered as AutoTerminationPolicy.IdleTimeout.
	AutoTerminationPolicyIdleTimeout awscdk.Duration
	BootstrapActions                 *[]*EmrCreateCluster_BootstrapActionConfigProperty
	Configurations                   *[]*EmrCreateCluster_ConfigurationProperty
	CustomAmiId                      *string
	// EbsRootVolumeIops: 3000 to 16000, from emr-6.15.0.
	EbsRootVolumeIops *float64
	// EbsRootVolumeSize: 15 to 100 GiB, whole GiB.
	EbsRootVolumeSize awscdk.Size
	// EbsRootVolumeThroughput: 125 to 1000 MiB/s, from emr-6.15.0.
	EbsRootVolumeThroughput *float64
	KerberosAttributes      *EmrCreateCluster_KerberosAttributesProperty
	LogUri                  *string
	ManagedScalingPolicy    *EmrCreateCluster_ManagedScalingPolicyProperty
	// ReleaseLabel: emr-x.y.z.
	ReleaseLabel          *string
	ScaleDownBehavior     EmrCreateCluster_EmrClusterScaleDownBehavior
	SecurityConfiguration *string
	// StepConcurrencyLevel: 1 to 256 (above 1 from emr-5.28.0).
	StepConcurrencyLevel *float64
	// Tags, rendered as EMR's [{"Key", "Value"}] list; tasks.StringMapAt
	// gives the whole list at run time.
	Tags *map[string]*string
	// VisibleToAllUsers: true by default, as in the CDK.
	VisibleToAllUsers *bool

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

// EmrCreateCluster is the task NewEmrCreateCluster returns: a Task with the
// roles the cluster uses, as the CDK's EmrCreateCluster has them.
type EmrCreateCluster interface {
	Task
	// ServiceRole is the role EMR assumes: the one given, or the default.
	ServiceRole() awsiam.IRole
	// ClusterRole is the instances' role: the one given, or the default.
	ClusterRole() awsiam.IRole
	// AutoScalingRole is the instance groups' auto scaling role; a cluster
	// of instance fleets has none, and asking for it panics, as in the CDK.
	AutoScalingRole() awsiam.IRole
}

const emrServicePolicyV2Flag = "@aws-cdk/aws-stepfunctions-tasks:enableEmrServicePolicyV2"

var (
	emrCreateCluster, _ = iampolicy.Lookup("elasticmapreduce", "createCluster")
	emrReleaseLabel     = regexp.MustCompile(`^emr-(\d+)\.(\d+)\.(\d+)$`)
	// emrCreateClusterWithRoles is createCluster for a task that grants
	// iam:PassRole on its roles by ARN itself: the parameters name them, and
	// a name cannot say the role's path.
	emrCreateClusterWithRoles = func() *iampolicy.Integration {
		in := *emrCreateCluster
		in.Policy = func(r iampolicy.Request) []iampolicy.Statement {
			if r.Params != nil && r.Params.Kind() == value.Object {
				fields := map[string]*Value{}
				for k, v := range r.Params.Fields() {
					if k != "ServiceRole" && k != "JobFlowRole" && k != "AutoScalingRole" {
						fields[k] = v
					}
				}
				r.Params = value.NewObject(fields)
			}
			return emrCreateCluster.Policy(r)
		}
		return &in
	}()
)

var (
	emrInstanceRoleType = identity("MASTER", "CORE", "TASK")
	emrVolumeType       = emrEnum{{"GP3", "gp3"}, {"GP2", "gp2"}, {"IO1", "io1"}, {"ST1", "st1"}, {"SC1", "sc1"}, {"STANDARD", "standard"}}
	emrOnDemandStrategy = emrEnum{{"LOWEST_PRICE", "lowest-price"}, {"PRIORITIZED", "prioritized"}}
	emrSpotStrategy     = emrEnum{{"CAPACITY_OPTIMIZED", "capacity-optimized"}, {"PRICE_CAPACITY_OPTIMIZED", "price-capacity-optimized"},
		{"LOWEST_PRICE", "lowest-price"}, {"DIVERSIFIED", "diversified"}}
	emrSpotTimeoutAction   = identity("SWITCH_TO_ON_DEMAND", "TERMINATE_CLUSTER")
	emrComparisonOperator  = identity("GREATER_THAN_OR_EQUAL", "GREATER_THAN", "LESS_THAN", "LESS_THAN_OR_EQUAL")
	emrStatistic           = identity("SAMPLE_COUNT", "AVERAGE", "SUM", "MINIMUM", "MAXIMUM")
	emrMarket              = identity("ON_DEMAND", "SPOT")
	emrAdjustmentType      = identity("CHANGE_IN_CAPACITY", "PERCENT_CHANGE_IN_CAPACITY", "EXACT_CAPACITY")
	emrScaleDownBehavior   = identity("TERMINATE_AT_INSTANCE_HOUR", "TERMINATE_AT_TASK_COMPLETION")
	emrComputeLimitsUnit   = emrEnum{{"INSTANCE_FLEET_UNITS", "InstanceFleetUnits"}, {"INSTANCES", "Instances"}, {"VCPU", "VCPU"}}
	emrCloudWatchAlarmUnit = identity("NONE", "SECONDS", "MICRO_SECONDS", "MILLI_SECONDS", "BYTES", "KILO_BYTES", "MEGA_BYTES",
		"GIGA_BYTES", "TERA_BYTES", "BITS", "KILO_BITS", "MEGA_BITS", "GIGA_BITS", "TERA_BITS", "PERCENT", "COUNT",
		"BYTES_PER_SECOND", "KILO_BYTES_PER_SECOND", "MEGA_BYTES_PER_SECOND", "GIGA_BYTES_PER_SECOND", "TERA_BYTES_PER_SECOND",
		"BITS_PER_SECOND", "KILO_BITS_PER_SECOND", "MEGA_BITS_PER_SECOND", "GIGA_BITS_PER_SECOND", "TERA_BITS_PER_SECOND", "COUNT_PER_SECOND")
)

// NewEmrCreateCluster creates and starts an EMR cluster
// (arn:…:states:::elasticmapreduce:createCluster): RUN_JOB (.sync, the
// default, as in the CDK) waits until it is running. Roles not given are
// created at the CDK's construct IDs, under the task.
func NewEmrCreateCluster(scope constructs.Construct, id *string, props *EmrCreateClusterProps) EmrCreateCluster {
	checkProps(scope, id, "EmrCreateCluster", props == nil)
	spec := &engine.Spec{Construct: "EmrCreateCluster", Integration: emrCreateClusterWithRoles, DefaultPattern: iampolicy.RunJob}
	o := newEmrObj(spec, "")

	if name := o.reqStr("Name", props.Name, "the cluster's name"); name != nil {
		(&taskParams{spec: spec}).length("Name", name, 1, 256)
	}

	// Instances, and whether they are fleets (which take no auto scaling role).
	fleets, knownKind := false, true
	if props.Instances == nil {
		o.problem("Instances", "required: the cluster's instances (InstanceCount with MasterInstanceType and SlaveInstanceType, InstanceGroups or InstanceFleets)")
	} else {
		o.put("Instances", emrStruct(o, "Instances", props.Instances, emrInstances))
		if _, dynamic := value.Standing(props.Instances); dynamic {
			knownKind = false
		} else if f := props.Instances.InstanceFleets; f != nil {
			_, dynamicFleets := value.Standing(f)
			fleets = dynamicFleets || len(*f) > 0
		}
	}
	if props.AutoScalingRole != nil && fleets {
		o.problem("AutoScalingRole", "auto scaling roles cannot be given with instance fleets")
	}

	roles := &emrClusterRoles{service: props.ServiceRole, cluster: props.ClusterRole, autoScaling: props.AutoScalingRole,
		path: *scope.Node().Path() + "/" + *id}
	makeAutoScaling := props.AutoScalingRole == nil && !fleets && knownKind
	o.put("JobFlowRole", emrRoleName(func() awsiam.IRole { return roles.cluster }))
	o.put("ServiceRole", emrRoleName(func() awsiam.IRole { return roles.service }))
	if props.AutoScalingRole != nil || makeAutoScaling {
		o.put("AutoScalingRole", emrRoleName(func() awsiam.IRole { return roles.autoScaling }))
	}
	spec.Statements = append(spec.Statements,
		iampolicy.PassRole("elasticmapreduce.amazonaws.com", emrRoleArn(func() awsiam.IRole { return roles.service })),
		iampolicy.PassRole("ec2.amazonaws.com", emrRoleArn(func() awsiam.IRole { return roles.cluster })))
	if props.AutoScalingRole != nil || makeAutoScaling {
		spec.Statements = append(spec.Statements,
			iampolicy.PassRole("application-autoscaling.amazonaws.com", emrRoleArn(func() awsiam.IRole { return roles.autoScaling })))
	}

	o.str("AdditionalInfo", props.AdditionalInfo)
	o.put("Applications", emrList(o, "Applications", props.Applications, emrApplication))
	o.put("BootstrapActions", emrList(o, "BootstrapActions", props.BootstrapActions, emrBootstrapAction))
	o.put("Configurations", emrList(o, "Configurations", props.Configurations, emrConfiguration))
	o.str("CustomAmiId", props.CustomAmiId)
	o.gibibytes("EbsRootVolumeSize", "EbsRootVolumeSize", props.EbsRootVolumeSize, 15, 100)
	iops := o.put("EbsRootVolumeIops", o.number("EbsRootVolumeIops", props.EbsRootVolumeIops, true, 3000, 16000))
	throughput := o.put("EbsRootVolumeThroughput", o.number("EbsRootVolumeThroughput", props.EbsRootVolumeThroughput, true, 125, 1000))
	o.put("KerberosAttributes", emrStruct(o, "KerberosAttributes", props.KerberosAttributes, emrKerberos))
	o.str("LogUri", props.LogUri)
	o.put("ManagedScalingPolicy", emrStruct(o, "ManagedScalingPolicy", props.ManagedScalingPolicy, emrManagedScaling))
	release := o.str("ReleaseLabel", props.ReleaseLabel)
	o.enum("ScaleDownBehavior", string(props.ScaleDownBehavior), emrScaleDownBehavior)
	o.str("SecurityConfiguration", props.SecurityConfiguration)
	concurrency := o.put("StepConcurrencyLevel", o.number("StepConcurrencyLevel", props.StepConcurrencyLevel, true, 1, 256))
	o.checkReleaseLabel(release, concurrency, iops != nil || throughput != nil)

	flag := awscdk.FeatureFlags_Of(scope).IsEnabled(jsii.String(emrServicePolicyV2Flag))
	v2 := flag != nil && *flag
	tags := o.keyValues("Tags", props.Tags)
	if v2 {
		tags = emrWithManagedPolicyTag(o, tags)
	}
	o.put("Tags", tags)
	visible := props.VisibleToAllUsers
	if visible == nil {
		visible = jsii.Bool(true)
	}
	o.boolean("VisibleToAllUsers", visible)
	if d := props.AutoTerminationPolicyIdleTimeout; d != nil {
		c := newEmrObj(spec, "")
		if c.seconds("AutoTerminationPolicyIdleTimeout", "IdleTimeout", d, 60, 604800) != nil {
			o.put("AutoTerminationPolicy", c.value())
		}
	}
	spec.Params = o.value()

	common, problems := engine.ReadCommon(props, false)
	r := engine.Prepare(scope, id, spec, common, problems)
	task := &emrCreateClusterState{emrClusterRoleGetters: emrClusterRoleGetters{roles}}
	task.Create(scope, id, r, task)
	roles.makeDefaults(task.CustomState, v2, makeAutoScaling)
	return task
}

// emrClusterRoles are a cluster task's roles: the ones given, and the
// defaults made under the task once it exists.
type emrClusterRoles struct {
	service, cluster, autoScaling awsiam.IRole
	path                          string // the task's, for messages
}

// makeDefaults creates the roles not given, at the CDK's construct IDs, and
// lets the service role pass the cluster role, as the CDK does.
func (r *emrClusterRoles) makeDefaults(task constructs.Construct, v2, autoScaling bool) {
	if r.service == nil {
		policy := "service-role/AmazonElasticMapReduceRole"
		if v2 {
			policy = "service-role/AmazonEMRServicePolicy_v2"
		}
		r.service = awsiam.NewRole(task, jsii.String("ServiceRole"), &awsiam.RoleProps{
			AssumedBy:       awsiam.NewServicePrincipal(jsii.String("elasticmapreduce.amazonaws.com"), nil),
			ManagedPolicies: &[]awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(policy))},
		})
	}
	if r.cluster == nil {
		role := awsiam.NewRole(task, jsii.String("InstanceRole"), &awsiam.RoleProps{
			AssumedBy: awsiam.NewServicePrincipal(jsii.String("ec2.amazonaws.com"), nil),
		})
		awsiam.NewCfnInstanceProfile(task, jsii.String("InstanceProfile"), &awsiam.CfnInstanceProfileProps{
			Roles:               &[]interface{}{role.RoleName()},
			InstanceProfileName: role.RoleName(),
		})
		r.cluster = role
	}
	r.cluster.GrantPassRole(r.service)
	if r.autoScaling == nil && autoScaling {
		role := awsiam.NewRole(task, jsii.String("AutoScalingRole"), &awsiam.RoleProps{
			AssumedBy: awsiam.NewServicePrincipal(jsii.String("elasticmapreduce.amazonaws.com"), nil),
			ManagedPolicies: &[]awsiam.IManagedPolicy{
				awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("service-role/AmazonElasticMapReduceforAutoScalingRole"))},
		})
		role.AssumeRolePolicy().AddStatements(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Effect:     awsiam.Effect_ALLOW,
			Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("application-autoscaling.amazonaws.com"), nil)},
			Actions:    jsii.Strings("sts:AssumeRole"),
		}))
		r.autoScaling = role
	}
}

// emrClusterRoleGetters are EmrCreateCluster's role methods.
type emrClusterRoleGetters struct{ roles *emrClusterRoles }

func (g emrClusterRoleGetters) ServiceRole() awsiam.IRole { return g.roles.service }
func (g emrClusterRoleGetters) ClusterRole() awsiam.IRole { return g.roles.cluster }
func (g emrClusterRoleGetters) AutoScalingRole() awsiam.IRole {
	if g.roles.autoScaling == nil {
		panic(&ValidationError{Construct: "EmrCreateCluster", Path: g.roles.path,
			Problems: []error{fieldProblem("AutoScalingRole", "this cluster has none: instance fleets take no auto scaling role")}})
	}
	return g.roles.autoScaling
}

type emrCreateClusterState struct {
	engine.TaskState
	emrClusterRoleGetters
}

// lazyString produces a string when the CDK resolves it, after the task
// has made what it names.
type lazyString struct{ produce func() *string }

func (l *lazyString) Produce() *string { return l.produce() }

// emrRoleName renders a role's name, read when the template is made: the
// task's default roles exist only once the task does.
func emrRoleName(role func() awsiam.IRole) *Value {
	return value.Lit(*awscdk.Lazy_String(&lazyString{func() *string { return role().RoleName() }}, nil))
}

// emrRoleArn is a role's ARN, read likewise.
func emrRoleArn(role func() awsiam.IRole) string {
	return *awscdk.Lazy_String(&lazyString{func() *string { return role().RoleArn() }}, nil)
}

// emrWithManagedPolicyTag adds the tag AWS's managed EMR policies (v2)
// look for, as the CDK does with its feature flag on: the user's tags
// first, the tag last, unless the user gives it.
func emrWithManagedPolicyTag(o *emrObj, tags *Value) *Value {
	const key = "for-use-with-amazon-emr-managed-policies"
	tag := value.NewObject(map[string]*Value{"Key": value.Lit(key), "Value": value.Lit("true")})
	switch {
	case tags == nil:
		return value.NewList(tag)
	case tags.IsExpression():
		o.problem("Tags", "with %s on, the cluster needs the tag %s=true, which a tag list decided at run time cannot be given: give the tags as a map", emrServicePolicyV2Flag, key)
		return tags
	}
	for _, item := range tags.Items() {
		if k, _ := item.Field("Key").String(); k == key {
			return tags
		}
	}
	return value.NewList(append(append([]*Value(nil), tags.Items()...), tag)...)
}

// checkReleaseLabel checks a literal emr-x.y.z and, as the CDK does, the
// props that need a recent release.
func (o *emrObj) checkReleaseLabel(release, concurrency *Value, rootVolumeIO bool) {
	s, ok := literalString(release)
	if release == nil || !ok {
		return
	}
	m := emrReleaseLabel.FindStringSubmatch(s)
	if m == nil {
		o.problem("ReleaseLabel", "%q must be emr-x.y.z (emr-7.5.0)", s)
		return
	}
	version := [3]int{}
	for i := range version {
		version[i], _ = strconv.Atoi(m[i+1])
	}
	before := func(v [3]int) bool {
		for i := range v {
			if version[i] != v[i] {
				return version[i] < v[i]
			}
		}
		return false
	}
	if level, ok := literalNumber(concurrency); ok && level != 1 && before([3]int{5, 28, 0}) {
		o.problem("StepConcurrencyLevel", "above 1 needs emr-5.28.0 or later, got %s", s)
	}
	if rootVolumeIO && before([3]int{6, 15, 0}) {
		o.problem("ReleaseLabel", "EbsRootVolumeIops and EbsRootVolumeThroughput need emr-6.15.0 or later, got %s", s)
	}
}

// emrInstances renders RunJobFlow's Instances.
func emrInstances(o *emrObj, in *EmrCreateCluster_InstancesConfigProperty) {
	o.strings("AdditionalMasterSecurityGroups", in.AdditionalMasterSecurityGroups)
	o.strings("AdditionalSlaveSecurityGroups", in.AdditionalSlaveSecurityGroups)
	o.str("Ec2KeyName", in.Ec2KeyName)
	o.str("Ec2SubnetId", in.Ec2SubnetId)
	o.strings("Ec2SubnetIds", in.Ec2SubnetIds)
	o.str("EmrManagedMasterSecurityGroup", in.EmrManagedMasterSecurityGroup)
	o.str("EmrManagedSlaveSecurityGroup", in.EmrManagedSlaveSecurityGroup)
	o.str("HadoopVersion", in.HadoopVersion)
	o.count("InstanceCount", in.InstanceCount, 1)
	o.put("InstanceFleets", emrList(o, "InstanceFleets", in.InstanceFleets, emrInstanceFleet))
	o.put("InstanceGroups", emrList(o, "InstanceGroups", in.InstanceGroups, emrInstanceGroup))
	o.put("KeepJobFlowAliveWhenNoSteps", value.Lit(true))
	o.str("MasterInstanceType", in.MasterInstanceType)
	o.put("Placement", emrStruct(o, "Placement", in.Placement, func(c *emrObj, p *EmrCreateCluster_PlacementTypeProperty) {
		c.str("AvailabilityZone", p.AvailabilityZone)
		c.strings("AvailabilityZones", p.AvailabilityZones)
	}))
	o.str("ServiceAccessSecurityGroup", in.ServiceAccessSecurityGroup)
	o.str("SlaveInstanceType", in.SlaveInstanceType)
	o.boolean("TerminationProtected", in.TerminationProtected)
	if in.InstanceCount == nil && in.MasterInstanceType == nil && in.InstanceGroups == nil && in.InstanceFleets == nil {
		o.spec.Problems = append(o.spec.Problems, fieldProblem(o.at,
			"give InstanceCount (with MasterInstanceType and SlaveInstanceType), InstanceGroups or InstanceFleets: EMR needs at least a master node"))
	}
	if in.InstanceGroups != nil && in.InstanceFleets != nil {
		o.spec.Problems = append(o.spec.Problems, fieldProblem(o.at, "give InstanceGroups or InstanceFleets, not both"))
	}
}

func emrInstanceGroup(o *emrObj, g *EmrCreateCluster_InstanceGroupConfigProperty) {
	o.put("AutoScalingPolicy", emrStruct(o, "AutoScalingPolicy", g.AutoScalingPolicy, emrAutoScalingPolicy))
	o.str("BidPrice", g.BidPrice)
	o.put("Configurations", emrList(o, "Configurations", g.Configurations, emrConfiguration))
	o.put("EbsConfiguration", emrStruct(o, "EbsConfiguration", g.EbsConfiguration, emrEbsConfiguration))
	if o.count("InstanceCount", g.InstanceCount, 0) == nil {
		o.problem("InstanceCount", "required: the number of instances in the group")
	}
	if o.enum("InstanceRole", string(g.InstanceRole), emrInstanceRoleType) == nil && g.InstanceRole == "" {
		o.problem("InstanceRole", "required: MASTER, CORE or TASK")
	}
	o.reqStr("InstanceType", g.InstanceType, "the EC2 instance type (m5.xlarge)")
	o.enum("Market", string(g.Market), emrMarket)
	o.str("Name", g.Name)
}

func emrInstanceFleet(o *emrObj, f *EmrCreateCluster_InstanceFleetConfigProperty) {
	if o.enum("InstanceFleetType", string(f.InstanceFleetType), emrInstanceRoleType) == nil && f.InstanceFleetType == "" {
		o.problem("InstanceFleetType", "required: MASTER, CORE or TASK")
	}
	o.put("InstanceTypeConfigs", emrList(o, "InstanceTypeConfigs", f.InstanceTypeConfigs, emrInstanceTypeConfig))
	o.put("LaunchSpecifications", emrStruct(o, "LaunchSpecifications", f.LaunchSpecifications, emrLaunchSpecifications))
	o.str("Name", f.Name)
	onDemand := o.count("TargetOnDemandCapacity", f.TargetOnDemandCapacity, 0)
	spot := o.count("TargetSpotCapacity", f.TargetSpotCapacity, 0)

	// As the CDK checks them, for the literal values.
	nonZero := func(v *Value) (given, known bool) {
		if v == nil {
			return false, true
		}
		n, ok := literalNumber(v)
		return !ok || n != 0, ok
	}
	od, odKnown := nonZero(onDemand)
	sp, spKnown := nonZero(spot)
	if odKnown && spKnown && !od && !sp {
		o.problem("TargetOnDemandCapacity", "give TargetOnDemandCapacity or TargetSpotCapacity above 0")
	}
	if t, ok := literalString(o.fields["InstanceFleetType"]); ok && t == "MASTER" {
		if od && sp && odKnown && spKnown {
			o.problem("TargetOnDemandCapacity", "a master fleet takes TargetOnDemandCapacity or TargetSpotCapacity, not both")
		}
		for name, v := range map[string]*Value{"TargetOnDemandCapacity": onDemand, "TargetSpotCapacity": spot} {
			if n, ok := literalNumber(v); ok && n != 0 && n != 1 {
				o.problem(name, "must be 1 for a master fleet, got %s", num(n))
			}
		}
	}

	// Priorities take effect with the PRIORITIZED On-Demand strategy only.
	strategy, strategyKnown := "LOWEST_PRICE", true
	if ls := f.LaunchSpecifications; ls != nil {
		if _, dynamic := value.Standing(ls); dynamic {
			strategyKnown = false
		} else if od := ls.OnDemandSpecification; od != nil {
			if _, dynamic := value.Standing(od); dynamic {
				strategyKnown = false
			} else if s := string(od.AllocationStrategy); isLiteralText(s) {
				strategy = s
			} else {
				strategyKnown = false
			}
		}
	}
	prioritized := strategy == "PRIORITIZED" || strategy == "prioritized"
	hasPriority := false
	if list := f.InstanceTypeConfigs; list != nil {
		if _, dynamic := value.Standing(list); !dynamic {
			for _, c := range *list {
				if c == nil || c.Priority == nil {
					continue
				}
				if _, dynamic := value.Standing(c.Priority); !dynamic && !value.IsTokenNumber(*c.Priority) {
					hasPriority = true
				}
			}
			if strategyKnown && prioritized && !hasPriority && len(*list) > 0 {
				o.problem("LaunchSpecifications.OnDemandSpecification.AllocationStrategy",
					"PRIORITIZED needs a Priority on at least one of InstanceTypeConfigs")
			}
		}
	}
	if strategyKnown && hasPriority && !prioritized {
		o.problem("InstanceTypeConfigs", "Priority takes effect only with the PRIORITIZED On-Demand allocation strategy, got %s", strategy)
	}
}

func emrInstanceTypeConfig(o *emrObj, c *EmrCreateCluster_InstanceTypeConfigProperty) {
	bid := o.str("BidPrice", c.BidPrice)
	percent := o.put("BidPriceAsPercentageOfOnDemandPrice", o.number("BidPriceAsPercentageOfOnDemandPrice", c.BidPriceAsPercentageOfOnDemandPrice, false, 0, math.Inf(1)))
	if bid != nil && percent != nil {
		o.problem("BidPrice", "give BidPrice or BidPriceAsPercentageOfOnDemandPrice, not both")
	}
	o.put("Configurations", emrList(o, "Configurations", c.Configurations, emrConfiguration))
	o.put("EbsConfiguration", emrStruct(o, "EbsConfiguration", c.EbsConfiguration, emrEbsConfiguration))
	o.reqStr("InstanceType", c.InstanceType, "the EC2 instance type (m5.xlarge)")
	o.put("Priority", o.number("Priority", c.Priority, false, 0, math.Inf(1)))
	o.count("WeightedCapacity", c.WeightedCapacity, 0)
}

func emrLaunchSpecifications(o *emrObj, s *EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty) {
	o.put("OnDemandSpecification", emrStruct(o, "OnDemandSpecification", s.OnDemandSpecification,
		func(c *emrObj, d *EmrCreateCluster_OnDemandProvisioningSpecificationProperty) {
			if c.enum("AllocationStrategy", string(d.AllocationStrategy), emrOnDemandStrategy) == nil && d.AllocationStrategy == "" {
				c.problem("AllocationStrategy", "required: LOWEST_PRICE or PRIORITIZED")
			}
		}))
	o.put("SpotSpecification", emrStruct(o, "SpotSpecification", s.SpotSpecification, emrSpotSpecification))
}

func emrSpotSpecification(o *emrObj, s *EmrCreateCluster_SpotProvisioningSpecificationProperty) {
	o.enum("AllocationStrategy", string(s.AllocationStrategy), emrSpotStrategy)
	if v := o.put("BlockDurationMinutes", o.field("BlockDurationMinutes", s.BlockDurationMinutes)); v != nil {
		if n, ok := literalNumber(v); ok && (n < 60 || n > 360 || math.Mod(n, 60) != 0) {
			o.problem("BlockDurationMinutes", "must be 60, 120, 180, 240, 300 or 360 (or dynamic), got %s", num(n))
		}
	}
	if o.enum("TimeoutAction", string(s.TimeoutAction), emrSpotTimeoutAction) == nil && s.TimeoutAction == "" {
		o.problem("TimeoutAction", "required: SWITCH_TO_ON_DEMAND or TERMINATE_CLUSTER")
	}
	var timeout *Value
	switch {
	case s.Timeout != nil && s.TimeoutDurationMinutes != nil:
		o.problem("Timeout", "give Timeout or TimeoutDurationMinutes, not both")
	case s.Timeout != nil:
		timeout = durationIn(o.spec, o.path("Timeout"), s.Timeout, engine.Minute)
	case s.TimeoutDurationMinutes != nil:
		timeout = o.number("TimeoutDurationMinutes", s.TimeoutDurationMinutes, true, math.Inf(-1), math.Inf(1))
	default:
		o.problem("Timeout", "required: how long to wait for Spot capacity, 5 to 1440 minutes (Timeout or TimeoutDurationMinutes)")
	}
	if n, ok := literalNumber(timeout); ok && (n < 5 || n > 1440) {
		o.problem("Timeout", "must be from 5 to 1440 minutes (or dynamic), got %s minutes", num(n))
	}
	o.put("TimeoutDurationMinutes", timeout)
}

func emrEbsConfiguration(o *emrObj, e *EmrCreateCluster_EbsConfigurationProperty) {
	o.put("EbsBlockDeviceConfigs", emrList(o, "EbsBlockDeviceConfigs", e.EbsBlockDeviceConfigs,
		func(c *emrObj, d *EmrCreateCluster_EbsBlockDeviceConfigProperty) {
			spec := emrStruct(c, "VolumeSpecification", d.VolumeSpecification, func(v *emrObj, s *EmrCreateCluster_VolumeSpecificationProperty) {
				v.count("Iops", s.Iops, 0)
				if v.gibibytes("VolumeSize", "SizeInGB", s.VolumeSize, 1, math.Inf(1)) == nil && s.VolumeSize == nil {
					v.problem("VolumeSize", "required: the volume's size in whole GiB")
				}
				if v.enum("VolumeType", string(s.VolumeType), emrVolumeType) == nil && s.VolumeType == "" {
					v.problem("VolumeType", "required: GP3, GP2, IO1, ST1, SC1 or STANDARD")
				}
			})
			if c.put("VolumeSpecification", spec) == nil {
				c.problem("VolumeSpecification", "required: the volume's size and type")
			}
			c.count("VolumesPerInstance", d.VolumesPerInstance, 1)
		}))
	o.boolean("EbsOptimized", e.EbsOptimized)
}

func emrAutoScalingPolicy(o *emrObj, a *EmrCreateCluster_AutoScalingPolicyProperty) {
	constraints := emrStruct(o, "Constraints", a.Constraints, func(c *emrObj, s *EmrCreateCluster_ScalingConstraintsProperty) {
		max := c.count("MaxCapacity", s.MaxCapacity, 0)
		min := c.count("MinCapacity", s.MinCapacity, 0)
		if max == nil {
			c.problem("MaxCapacity", "required: the most instances the group scales out to")
		}
		if min == nil {
			c.problem("MinCapacity", "required: the fewest instances the group scales in to")
		}
		hi, hiOK := literalNumber(max)
		lo, loOK := literalNumber(min)
		if hiOK && loOK && hi < lo {
			c.problem("MaxCapacity", "must be at least MinCapacity (%s), got %s", num(lo), num(hi))
		}
	})
	if o.put("Constraints", constraints) == nil {
		o.problem("Constraints", "required: the group's MinCapacity and MaxCapacity")
	}
	if o.put("Rules", emrList(o, "Rules", a.Rules, emrScalingRule)) == nil {
		o.problem("Rules", "required: the scaling rules")
	}
}

func emrScalingRule(o *emrObj, r *EmrCreateCluster_ScalingRuleProperty) {
	action := emrStruct(o, "Action", r.Action, func(c *emrObj, a *EmrCreateCluster_ScalingActionProperty) {
		c.enum("Market", string(a.Market), emrMarket)
		simple := emrStruct(c, "SimpleScalingPolicyConfiguration", a.SimpleScalingPolicyConfiguration,
			func(s *emrObj, p *EmrCreateCluster_SimpleScalingPolicyConfigurationProperty) {
				s.enum("AdjustmentType", string(p.AdjustmentType), emrAdjustmentType)
				s.count("CoolDown", p.CoolDown, 0)
				if s.put("ScalingAdjustment", s.number("ScalingAdjustment", p.ScalingAdjustment, true, math.Inf(-1), math.Inf(1))) == nil {
					s.problem("ScalingAdjustment", "required: how many instances (or percent) to add or remove")
				}
			})
		if c.put("SimpleScalingPolicyConfiguration", simple) == nil {
			c.problem("SimpleScalingPolicyConfiguration", "required: the scaling adjustment")
		}
	})
	if o.put("Action", action) == nil {
		o.problem("Action", "required: what the rule does")
	}
	o.str("Description", r.Description)
	o.reqStr("Name", r.Name, "the rule's name")
	trigger := emrStruct(o, "Trigger", r.Trigger, func(c *emrObj, t *EmrCreateCluster_ScalingTriggerProperty) {
		alarm := emrStruct(c, "CloudWatchAlarmDefinition", t.CloudWatchAlarmDefinition, emrAlarm)
		if c.put("CloudWatchAlarmDefinition", alarm) == nil {
			c.problem("CloudWatchAlarmDefinition", "required: the alarm that fires the rule")
		}
	})
	if o.put("Trigger", trigger) == nil {
		o.problem("Trigger", "required: when the rule fires")
	}
}

func emrAlarm(o *emrObj, a *EmrCreateCluster_CloudWatchAlarmDefinitionProperty) {
	if o.enum("ComparisonOperator", string(a.ComparisonOperator), emrComparisonOperator) == nil && a.ComparisonOperator == "" {
		o.problem("ComparisonOperator", "required: GREATER_THAN_OR_EQUAL, GREATER_THAN, LESS_THAN or LESS_THAN_OR_EQUAL")
	}
	o.put("Dimensions", emrList(o, "Dimensions", a.Dimensions, func(c *emrObj, d *EmrCreateCluster_MetricDimensionProperty) {
		c.reqStr("Key", d.Key, "the dimension's name")
		c.reqStr("Value", d.Value, "the dimension's value")
	}))
	o.count("EvaluationPeriods", a.EvaluationPeriods, 1)
	o.reqStr("MetricName", a.MetricName, "the metric's name")
	o.str("Namespace", a.Namespace)
	if a.Period == nil {
		o.problem("Period", "required: the period the statistic is applied over, in whole seconds")
	} else {
		o.seconds("Period", "Period", a.Period, 1, math.Inf(1))
	}
	o.enum("Statistic", string(a.Statistic), emrStatistic)
	o.put("Threshold", o.field("Threshold", a.Threshold))
	o.enum("Unit", string(a.Unit), emrCloudWatchAlarmUnit)
}

func emrKerberos(o *emrObj, k *EmrCreateCluster_KerberosAttributesProperty) {
	o.put("ADDomainJoinPassword", o.field("AdDomainJoinPassword", k.AdDomainJoinPassword))
	o.put("ADDomainJoinUser", o.field("AdDomainJoinUser", k.AdDomainJoinUser))
	o.str("CrossRealmTrustPrincipalPassword", k.CrossRealmTrustPrincipalPassword)
	o.str("KdcAdminPassword", k.KdcAdminPassword)
	o.reqStr("Realm", k.Realm, "the Kerberos realm (EC2.INTERNAL)")
}

func emrManagedScaling(o *emrObj, m *EmrCreateCluster_ManagedScalingPolicyProperty) {
	o.put("ComputeLimits", emrStruct(o, "ComputeLimits", m.ComputeLimits, func(c *emrObj, l *EmrCreateCluster_ManagedScalingComputeLimitsProperty) {
		if c.enum("UnitType", string(l.UnitType), emrComputeLimitsUnit) == nil && l.UnitType == "" {
			c.problem("UnitType", "required: INSTANCE_FLEET_UNITS, INSTANCES or VCPU")
		}
		min := c.count("MinimumCapacityUnits", l.MinimumCapacityUnits, 1)
		max := c.count("MaximumCapacityUnits", l.MaximumCapacityUnits, 1)
		if min == nil {
			c.problem("MinimumCapacityUnits", "required: the fewest units the cluster scales in to")
		}
		if max == nil {
			c.problem("MaximumCapacityUnits", "required: the most units the cluster scales out to")
		}
		onDemand := c.count("MaximumOnDemandCapacityUnits", l.MaximumOnDemandCapacityUnits, 0)
		core := c.count("MaximumCoreCapacityUnits", l.MaximumCoreCapacityUnits, 0)
		hi, hiOK := literalNumber(max)
		if lo, ok := literalNumber(min); ok && hiOK && hi < lo {
			c.problem("MaximumCapacityUnits", "must be at least MinimumCapacityUnits (%s), got %s", num(lo), num(hi))
		}
		for name, v := range map[string]*Value{"MaximumOnDemandCapacityUnits": onDemand, "MaximumCoreCapacityUnits": core} {
			if n, ok := literalNumber(v); ok && hiOK && n > hi {
				c.problem(name, "must be at most MaximumCapacityUnits (%s), got %s", num(hi), num(n))
			}
		}
	}))
}

func emrConfiguration(o *emrObj, c *EmrCreateCluster_ConfigurationProperty) {
	o.str("Classification", c.Classification)
	o.stringMap("Properties", c.Properties)
	o.put("Configurations", emrList(o, "Configurations", c.Configurations, emrConfiguration))
}

func emrApplication(o *emrObj, a *EmrCreateCluster_ApplicationConfigProperty) {
	o.reqStr("Name", a.Name, "the application's name (Spark, Hive, …)")
	o.strings("Args", a.Args)
	o.str("Version", a.Version)
	o.stringMap("AdditionalInfo", a.AdditionalInfo)
}

func emrBootstrapAction(o *emrObj, a *EmrCreateCluster_BootstrapActionConfigProperty) {
	o.reqStr("Name", a.Name, "the bootstrap action's name")
	script := emrStruct(o, "ScriptBootstrapAction", a.ScriptBootstrapAction, func(c *emrObj, s *EmrCreateCluster_ScriptBootstrapActionConfigProperty) {
		c.reqStr("Path", s.Path, "the S3 location of the script")
		c.strings("Args", s.Args)
	})
	if o.put("ScriptBootstrapAction", script) == nil {
		o.problem("ScriptBootstrapAction", "required: the script's Path (s3://…) and its Args")
	}
}
