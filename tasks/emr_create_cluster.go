package tasks

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EmrCreateCluster_EmrClusterScaleDownBehavior mirrors the CDK's; may be
// dynamic: EmrCreateCluster_EmrClusterScaleDownBehavior(*tasks.StringAt("$.x")).
type EmrCreateCluster_EmrClusterScaleDownBehavior string

const (
	EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_INSTANCE_HOUR   EmrCreateCluster_EmrClusterScaleDownBehavior = "TERMINATE_AT_INSTANCE_HOUR"
	EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_TASK_COMPLETION EmrCreateCluster_EmrClusterScaleDownBehavior = "TERMINATE_AT_TASK_COMPLETION"
)

// EmrCreateCluster_InstancesConfigProperty mirrors the CDK's main fields.
// KeepJobFlowAliveWhenNoSteps is always true, as Step Functions requires.
type EmrCreateCluster_InstancesConfigProperty struct {
	// InstanceCount, MasterInstanceType, SlaveInstanceType: a uniform
	// cluster. InstanceCount: a whole number of at least 1, or dynamic.
	InstanceCount      interface{}
	MasterInstanceType *string
	SlaveInstanceType  *string
	// InstanceGroups, InstanceFleets, Placement: objects as RunJobFlow
	// takes them (keys as written) or expressions.
	InstanceGroups interface{}
	InstanceFleets interface{}
	Placement      interface{}
	Ec2KeyName     *string
	Ec2SubnetId    *string
	// Ec2SubnetIds, AdditionalMasterSecurityGroups,
	// AdditionalSlaveSecurityGroups: *[]*string, tasks.List or dynamic.
	Ec2SubnetIds                   interface{}
	AdditionalMasterSecurityGroups interface{}
	AdditionalSlaveSecurityGroups  interface{}
	EmrManagedMasterSecurityGroup  *string
	EmrManagedSlaveSecurityGroup   *string
	ServiceAccessSecurityGroup     *string
	HadoopVersion                  *string
	// TerminationProtected: a bool, *bool or dynamic.
	TerminationProtected interface{}
}

// EmrCreateCluster_ApplicationConfigProperty mirrors the CDK's.
type EmrCreateCluster_ApplicationConfigProperty struct {
	Name    *string
	Version *string
	// Args: *[]*string, tasks.List or dynamic.
	Args interface{}
	// AdditionalInfo: a map of strings, keys as written, or dynamic.
	AdditionalInfo interface{}
}

// EmrCreateCluster_ScriptBootstrapActionConfigProperty mirrors the CDK's.
type EmrCreateCluster_ScriptBootstrapActionConfigProperty struct {
	Path *string
	// Args: *[]*string, tasks.List or dynamic.
	Args interface{}
}

// EmrCreateCluster_BootstrapActionConfigProperty mirrors the CDK's.
type EmrCreateCluster_BootstrapActionConfigProperty struct {
	Name                  *string
	ScriptBootstrapAction *EmrCreateCluster_ScriptBootstrapActionConfigProperty
}

// EmrCreateClusterProps mirrors the main props of
// awsstepfunctionstasks.EmrCreateClusterProps.
type EmrCreateClusterProps struct {
	// Instances (required).
	Instances *EmrCreateCluster_InstancesConfigProperty
	// Name (required) of the cluster, 1 to 256 characters.
	Name *string
	// ServiceRole (required; the CDK creates one with a managed policy):
	// the role EMR assumes. Rendered as its name; iam:PassRole on it, only
	// to elasticmapreduce.amazonaws.com.
	ServiceRole awsiam.IRole
	// ClusterRole (required; the CDK creates one): the EC2 instances' role,
	// with an instance profile of the same name. iam:PassRole on it, only
	// to ec2.amazonaws.com.
	ClusterRole awsiam.IRole
	// AutoScalingRole: for automatic scaling of instance groups (not with
	// instance fleets). iam:PassRole on it, only to Application Auto Scaling.
	AutoScalingRole awsiam.IRole
	AdditionalInfo  *string
	Applications    *[]*EmrCreateCluster_ApplicationConfigProperty
	// BootstrapActions: scripts run on each node when it starts.
	BootstrapActions *[]*EmrCreateCluster_BootstrapActionConfigProperty
	// Configurations: []*EmrCreateCluster_ConfigurationProperty or dynamic.
	Configurations interface{}
	CustomAmiId    *string
	// EbsRootVolumeSize: an awscdk.Size, a number of GiB or dynamic; 15 to 100 GiB.
	EbsRootVolumeSize interface{}
	LogUri            *string
	// ReleaseLabel: emr-x.y.z.
	ReleaseLabel          *string
	ScaleDownBehavior     EmrCreateCluster_EmrClusterScaleDownBehavior
	SecurityConfiguration *string
	// StepConcurrencyLevel: 1 to 256 (above 1 from emr-5.28.0), or dynamic.
	StepConcurrencyLevel interface{}
	// Tags: a map of strings (keys as written, values may be dynamic),
	// rendered as EMR's [{"Key", "Value"}] list, or an expression for it.
	Tags interface{}
	// VisibleToAllUsers: true by default, as in the CDK; a bool, *bool or dynamic.
	VisibleToAllUsers interface{}
	// AutoTerminationPolicyIdleTimeout: an awscdk.Duration, seconds or
	// dynamic; 60 to 604800 seconds.
	AutoTerminationPolicyIdleTimeout interface{}

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
	emrCreateCluster, _ = iampolicy.Lookup("elasticmapreduce", "createCluster")
	emrReleaseLabel     = regexp.MustCompile(`^emr-(\d+)\.(\d+)\.(\d+)$`)
)

// EmrCreateCluster is the task NewEmrCreateCluster returns: a Task, typed as the CDK types it.
type EmrCreateCluster interface{ Task }

// NewEmrCreateCluster creates and starts an EMR cluster
// (arn:…:states:::elasticmapreduce:createCluster): RUN_JOB (.sync, the
// default, as in the CDK) waits until it is running.
func NewEmrCreateCluster(scope constructs.Construct, id *string, props *EmrCreateClusterProps) EmrCreateCluster {
	checkProps(scope, id, "EmrCreateCluster", props == nil)
	spec := &engine.Spec{Construct: "EmrCreateCluster", Integration: emrCreateCluster, DefaultPattern: iampolicy.RunJob}
	p := taskParams{spec: spec, fields: map[string]*Value{}}

	if name := p.required("Name", "Name", props.Name, "the cluster's name"); name != nil {
		p.length("Name", name, 1, 256)
	}
	p.role("ServiceRole", "ServiceRole", props.ServiceRole, true)
	p.role("ClusterRole", "JobFlowRole", props.ClusterRole, true)
	p.role("AutoScalingRole", "AutoScalingRole", props.AutoScalingRole, false)
	if props.Instances == nil {
		p.problem("Instances", "required: the cluster's instances (InstanceCount with MasterInstanceType and SlaveInstanceType, InstanceGroups or InstanceFleets)")
	} else {
		p.fields["Instances"] = p.instances(props.Instances)
		if props.AutoScalingRole != nil && props.Instances.InstanceFleets != nil {
			p.problem("AutoScalingRole", "auto scaling roles cannot be given with instance fleets")
		}
	}
	p.optional("AdditionalInfo", "AdditionalInfo", props.AdditionalInfo)
	if props.Applications != nil {
		p.fields["Applications"] = p.applications(*props.Applications)
	}
	if props.BootstrapActions != nil {
		p.fields["BootstrapActions"] = p.bootstrapActions(*props.BootstrapActions)
	}
	if props.Configurations != nil {
		if v := emrConfigurations(spec, "Configurations", props.Configurations); v != nil {
			p.fields["Configurations"] = v
		}
	}
	p.optional("CustomAmiId", "CustomAmiId", props.CustomAmiId)
	if v := p.gibibytes("EbsRootVolumeSize", props.EbsRootVolumeSize, 15, 100); v != nil {
		p.fields["EbsRootVolumeSize"] = v
	}
	p.optional("LogUri", "LogUri", props.LogUri)
	release := p.optional("ReleaseLabel", "ReleaseLabel", props.ReleaseLabel)
	if props.ScaleDownBehavior != "" {
		p.oneOf("ScaleDownBehavior", p.optional("ScaleDownBehavior", "ScaleDownBehavior", string(props.ScaleDownBehavior)),
			"TERMINATE_AT_INSTANCE_HOUR", "TERMINATE_AT_TASK_COMPLETION")
	}
	p.optional("SecurityConfiguration", "SecurityConfiguration", props.SecurityConfiguration)
	if v := field(spec, "StepConcurrencyLevel", props.StepConcurrencyLevel); v != nil {
		p.fields["StepConcurrencyLevel"] = p.whole("StepConcurrencyLevel", v, 1, 256)
	}
	p.checkReleaseLabel(release)
	if kv := p.keyValues("Tags", props.Tags); kv != nil {
		p.fields["Tags"] = kv
	}
	visible := props.VisibleToAllUsers
	if visible == nil {
		visible = true
	}
	p.fields["VisibleToAllUsers"] = p.boolean("VisibleToAllUsers", visible)
	if props.AutoTerminationPolicyIdleTimeout != nil {
		if v := p.seconds("AutoTerminationPolicyIdleTimeout", props.AutoTerminationPolicyIdleTimeout); v != nil {
			if n, ok := v.Number(); ok && !v.Dynamic() && (n < 60 || n > 604800) {
				p.problem("AutoTerminationPolicyIdleTimeout", "must be 60 to 604800 seconds (1 minute to 7 days), got %g", n)
			}
			p.fields["AutoTerminationPolicy"] = value.NewObject(map[string]*Value{"IdleTimeout": v})
		}
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// role renders a role by name, as RunJobFlow takes it.
func (p *taskParams) role(prop, key string, role awsiam.IRole, required bool) {
	if role == nil {
		if required {
			p.problem(prop, "required: sfnkit creates no default EMR roles; give an awsiam.IRole (%s)", map[string]string{
				"ServiceRole": "assumed by elasticmapreduce.amazonaws.com, for example with AmazonEMRServicePolicy_v2",
				"ClusterRole": "assumed by ec2.amazonaws.com, with an instance profile of the same name",
			}[prop])
		}
		return
	}
	p.optional(prop, key, role.RoleName())
}

// checkReleaseLabel checks a literal emr-x.y.z and, as the CDK does, that
// step concurrency above 1 comes with emr-5.28.0 or later.
func (p *taskParams) checkReleaseLabel(release *Value) {
	s, ok := literalString(release)
	if release == nil || !ok {
		return
	}
	m := emrReleaseLabel.FindStringSubmatch(s)
	if m == nil {
		p.problem("ReleaseLabel", "%q must be emr-x.y.z (emr-7.5.0)", s)
		return
	}
	concurrency := p.fields["StepConcurrencyLevel"]
	if concurrency == nil || concurrency.Dynamic() {
		return
	}
	if level, ok := concurrency.Number(); !ok || level == 1 {
		return
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	if major < 5 || major == 5 && minor < 28 {
		p.problem("StepConcurrencyLevel", "above 1 needs emr-5.28.0 or later, got %s", s)
	}
}

// gibibytes reads an awscdk.Size, a number of GiB or a dynamic value.
func (p *taskParams) gibibytes(prop string, x any, min, max float64) *Value {
	if x == nil {
		return nil
	}
	if s, ok := x.(awscdk.Size); ok && s != nil {
		var gib *float64
		if err := catchPanic(func() { gib = s.ToGibibytes(nil) }); err != nil {
			p.problem(prop, "must be a whole number of GiB")
			return nil
		}
		x = *gib
	}
	return p.whole(prop, field(p.spec, prop, x), min, max)
}

func (p *taskParams) instances(in *EmrCreateCluster_InstancesConfigProperty) *Value {
	const prop = "Instances."
	out := taskParams{spec: p.spec, fields: map[string]*Value{"KeepJobFlowAliveWhenNoSteps": value.Lit(true)}}
	if v := field(p.spec, prop+"InstanceCount", in.InstanceCount); v != nil {
		out.fields["InstanceCount"] = p.whole(prop+"InstanceCount", v, 1, 0)
	}
	for key, s := range map[string]*string{
		"MasterInstanceType": in.MasterInstanceType, "SlaveInstanceType": in.SlaveInstanceType,
		"Ec2KeyName": in.Ec2KeyName, "Ec2SubnetId": in.Ec2SubnetId, "HadoopVersion": in.HadoopVersion,
		"EmrManagedMasterSecurityGroup": in.EmrManagedMasterSecurityGroup, "EmrManagedSlaveSecurityGroup": in.EmrManagedSlaveSecurityGroup,
		"ServiceAccessSecurityGroup": in.ServiceAccessSecurityGroup,
	} {
		out.optional(prop+key, key, s)
	}
	out.stringList(prop+"Ec2SubnetIds", "Ec2SubnetIds", in.Ec2SubnetIds)
	out.stringList(prop+"AdditionalMasterSecurityGroups", "AdditionalMasterSecurityGroups", in.AdditionalMasterSecurityGroups)
	out.stringList(prop+"AdditionalSlaveSecurityGroups", "AdditionalSlaveSecurityGroups", in.AdditionalSlaveSecurityGroups)
	for key, x := range map[string]any{"InstanceGroups": in.InstanceGroups, "InstanceFleets": in.InstanceFleets} {
		if v := field(p.spec, prop+key, x); v != nil {
			if v.Kind() != value.List && !v.IsExpression() {
				p.problem(prop+key, "give a list of objects as RunJobFlow takes them, or an expression, got %s", describeValue(v))
			}
			out.fields[key] = v
		}
	}
	if v := field(p.spec, prop+"Placement", in.Placement); v != nil {
		if v.Kind() != value.Object && !v.IsExpression() {
			p.problem(prop+"Placement", "give an object ({\"AvailabilityZone\": …}) or an expression, got %s", describeValue(v))
		}
		out.fields["Placement"] = v
	}
	if in.TerminationProtected != nil {
		out.fields["TerminationProtected"] = p.boolean(prop+"TerminationProtected", in.TerminationProtected)
	}
	if in.InstanceCount == nil && in.InstanceGroups == nil && in.InstanceFleets == nil {
		p.problem("Instances", "give InstanceCount (with MasterInstanceType and SlaveInstanceType), InstanceGroups or InstanceFleets")
	}
	if in.InstanceGroups != nil && in.InstanceFleets != nil {
		p.problem("Instances", "give InstanceGroups or InstanceFleets, not both")
	}
	return value.NewObject(out.fields)
}

func (p *taskParams) applications(apps []*EmrCreateCluster_ApplicationConfigProperty) *Value {
	items := make([]*Value, 0, len(apps))
	for i, a := range apps {
		at := fmt.Sprintf("Applications[%d].", i)
		if a == nil {
			p.problem(at[:len(at)-1], "a nil application")
			continue
		}
		out := taskParams{spec: p.spec, fields: map[string]*Value{}}
		out.required(at+"Name", "Name", a.Name, "the application's name (Spark, Hive, …)")
		out.optional(at+"Version", "Version", a.Version)
		out.stringList(at+"Args", "Args", a.Args)
		if v := field(p.spec, at+"AdditionalInfo", a.AdditionalInfo); v != nil {
			if v.Kind() == value.Object {
				v = v.Verbatim()
			}
			out.fields["AdditionalInfo"] = v
		}
		items = append(items, value.NewObject(out.fields))
	}
	return value.NewList(items...)
}

func (p *taskParams) bootstrapActions(actions []*EmrCreateCluster_BootstrapActionConfigProperty) *Value {
	items := make([]*Value, 0, len(actions))
	for i, a := range actions {
		at := fmt.Sprintf("BootstrapActions[%d].", i)
		if a == nil {
			p.problem(at[:len(at)-1], "a nil bootstrap action")
			continue
		}
		out := taskParams{spec: p.spec, fields: map[string]*Value{}}
		out.required(at+"Name", "Name", a.Name, "the bootstrap action's name")
		if a.ScriptBootstrapAction == nil {
			p.problem(at+"ScriptBootstrapAction", "required: the script's Path (s3://…) and its Args")
		} else {
			script := taskParams{spec: p.spec, fields: map[string]*Value{}}
			script.required(at+"ScriptBootstrapAction.Path", "Path", a.ScriptBootstrapAction.Path, "the S3 location of the script")
			script.stringList(at+"ScriptBootstrapAction.Args", "Args", a.ScriptBootstrapAction.Args)
			out.fields["ScriptBootstrapAction"] = value.NewObject(script.fields)
		}
		items = append(items, value.NewObject(out.fields))
	}
	return value.NewList(items...)
}
