package tasks

import (
	"math"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EksNodegroupScalingConfig sizes a managed node group.
type EksNodegroupScalingConfig struct {
	// MinSize of the group, at least 0.
	MinSize *float64
	// MaxSize of the group, at least 1.
	MaxSize *float64
	// DesiredSize, from MinSize to MaxSize.
	DesiredSize *float64
}

// EksRemoteAccessConfig opens SSH to the nodes.
type EksRemoteAccessConfig struct {
	// Ec2SshKey: the EC2 key pair's name.
	Ec2SshKey *string
	// SourceSecurityGroups allowed to reach port 22.
	SourceSecurityGroups *[]*string
}

// EksTaint is a Kubernetes taint of the nodes.
type EksTaint struct {
	Key   *string
	Value *string
	// Effect: NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE.
	Effect *string
}

// EksLaunchTemplateSpecification names an EC2 launch template: Name or Id.
type EksLaunchTemplateSpecification struct {
	Name    *string
	Version *string
	Id      *string
}

// EksNodegroupUpdateConfig limits how many nodes update at once: one of
// MaxUnavailable and MaxUnavailablePercentage.
type EksNodegroupUpdateConfig struct {
	// MaxUnavailable nodes, 1 to 100.
	MaxUnavailable *float64
	// MaxUnavailablePercentage of the nodes, 1 to 100.
	MaxUnavailablePercentage *float64
}

// EksCreateNodegroupProps: the CDK has no EKS node group task; the names
// follow CreateNodegroup's.
type EksCreateNodegroupProps struct {
	// ClusterName (required): IAM is granted on cluster/<ClusterName> and the
	// node group's nodegroup/<ClusterName>/<NodegroupName>/* (a dynamic name
	// narrows to the tightest wildcard).
	ClusterName *string
	// NodegroupName (required): letters, digits, hyphens and underscores,
	// starting with a letter or digit.
	NodegroupName *string
	// NodeRole (required): the nodes' IAM role ARN; the state machine gets
	// iam:PassRole on it, only to EKS, and iam:GetRole and
	// iam:ListAttachedRolePolicies, with which EKS checks it.
	NodeRole *string
	// Subnets (required): at least one.
	Subnets       *[]*string
	ScalingConfig *EksNodegroupScalingConfig
	// DiskSize of the nodes, whole GiB (not with a LaunchTemplate).
	DiskSize *float64
	// InstanceTypes: "t3.medium", …
	InstanceTypes *[]*string
	// AmiType: AL2023_x86_64_STANDARD, BOTTLEROCKET_ARM_64, … (as the API
	// spells it).
	AmiType *string
	// CapacityType: ON_DEMAND, SPOT or CAPACITY_BLOCK.
	CapacityType   *string
	RemoteAccess   *EksRemoteAccessConfig
	Labels         *map[string]*string
	Taints         *[]*EksTaint
	LaunchTemplate *EksLaunchTemplateSpecification
	UpdateConfig   *EksNodegroupUpdateConfig
	// Version of Kubernetes; the cluster's when omitted.
	Version *string
	// ReleaseVersion of the AMI.
	ReleaseVersion *string
	// ClientRequestToken makes the request idempotent.
	ClientRequestToken *string
	// Tags of the node group (keys kept as written); the state machine gets
	// eks:TagResource on it.
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

var (
	eksCreateNodegroup, _ = iampolicy.Lookup("eks", "createNodegroup")
	eksDeleteNodegroup, _ = iampolicy.Lookup("eks", "deleteNodegroup")
)

// EksCreateNodegroup is the task NewEksCreateNodegroup returns.
type EksCreateNodegroup interface{ Task }

// NewEksCreateNodegroup creates a managed node group
// (arn:…:states:::eks:createNodegroup): REQUEST_RESPONSE (the default) or
// RUN_JOB (.sync), which waits until the group is ACTIVE.
func NewEksCreateNodegroup(scope constructs.Construct, id *string, props *EksCreateNodegroupProps) EksCreateNodegroup {
	checkProps(scope, id, "EksCreateNodegroup", props == nil)
	spec := &engine.Spec{Construct: "EksCreateNodegroup", Integration: eksCreateNodegroup}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.eksName("ClusterName", "ClusterName", props.ClusterName, 100, "the cluster name")
	p.eksName("NodegroupName", "NodegroupName", props.NodegroupName, 0, "the node group name")
	p.roleARN("NodeRole", "NodeRole", props.NodeRole, "the ARN of the nodes' IAM role")
	root := newEmrObj(spec, "")
	if props.Subnets == nil {
		root.problem("Subnets", "required: at least one subnet")
	}
	eksList(root, "Subnets", props.Subnets, 1, 0)
	root.put("ScalingConfig", emrStruct(root, "ScalingConfig", props.ScalingConfig, eksScaling))
	if v := root.number("DiskSize", props.DiskSize, true, 1, math.Inf(1)); v != nil {
		if props.LaunchTemplate != nil {
			root.problem("DiskSize", "set the disk size in the launch template, not with a LaunchTemplate")
		}
		root.put("DiskSize", v)
	}
	root.strings("InstanceTypes", props.InstanceTypes)
	root.str("AmiType", props.AmiType)
	eksEnum(root, "CapacityType", props.CapacityType, "ON_DEMAND", "SPOT", "CAPACITY_BLOCK")
	root.put("RemoteAccess", emrStruct(root, "RemoteAccess", props.RemoteAccess, func(o *emrObj, x *EksRemoteAccessConfig) {
		o.str("Ec2SshKey", x.Ec2SshKey)
		o.strings("SourceSecurityGroups", x.SourceSecurityGroups)
	}))
	root.stringMap("Labels", props.Labels)
	if props.Taints != nil {
		t := emrList(root, "Taints", props.Taints, func(o *emrObj, x *EksTaint) {
			if k := o.reqStr("Key", x.Key, "the taint's key"); k != nil {
				eksLength(o, "Key", k, 1, 63)
			}
			if v := o.str("Value", x.Value); v != nil {
				eksLength(o, "Value", v, 0, 63)
			}
			if x.Effect == nil {
				o.problem("Effect", "required: NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE")
			}
			eksEnum(o, "Effect", x.Effect, "NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE")
		})
		if t != nil && !t.IsExpression() && len(t.Items()) > 50 {
			root.problem("Taints", "at most 50 taints, got %d", len(t.Items()))
		}
		root.put("Taints", t)
	}
	root.put("LaunchTemplate", emrStruct(root, "LaunchTemplate", props.LaunchTemplate, func(o *emrObj, x *EksLaunchTemplateSpecification) {
		switch {
		case x.Name != nil && x.Id != nil:
			o.problem("Name", "give Name or Id, not both")
		case x.Name == nil && x.Id == nil:
			o.problem("Id", "required: the launch template's Id or Name")
		}
		o.str("Name", x.Name)
		o.str("Version", x.Version)
		o.str("Id", x.Id)
	}))
	root.put("UpdateConfig", emrStruct(root, "UpdateConfig", props.UpdateConfig, func(o *emrObj, x *EksNodegroupUpdateConfig) {
		if x.MaxUnavailable != nil && x.MaxUnavailablePercentage != nil {
			o.problem("MaxUnavailable", "give MaxUnavailable or MaxUnavailablePercentage, not both")
		}
		o.put("MaxUnavailable", o.number("MaxUnavailable", x.MaxUnavailable, true, 1, 100))
		o.put("MaxUnavailablePercentage", o.number("MaxUnavailablePercentage", x.MaxUnavailablePercentage, true, 1, 100))
	}))
	if v := root.str("Version", props.Version); v != nil {
		if s, ok := literalString(v); ok && !eksVersion.MatchString(s) {
			root.problem("Version", "%q is not a Kubernetes version (1.31)", s)
		}
	}
	root.str("ReleaseVersion", props.ReleaseVersion)
	root.str("ClientRequestToken", props.ClientRequestToken)
	p.eksTags(props.Tags)
	for k, v := range root.fields {
		p.fields[k] = v
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// eksScaling renders a ScalingConfig, checking literal sizes and their order.
func eksScaling(o *emrObj, x *EksNodegroupScalingConfig) {
	lo := o.put("MinSize", o.number("MinSize", x.MinSize, true, 0, math.Inf(1)))
	hi := o.put("MaxSize", o.number("MaxSize", x.MaxSize, true, 1, math.Inf(1)))
	want := o.put("DesiredSize", o.number("DesiredSize", x.DesiredSize, true, 0, math.Inf(1)))
	min, minOK := literalNumber(lo)
	max, maxOK := literalNumber(hi)
	desired, desiredOK := literalNumber(want)
	switch {
	case minOK && maxOK && min > max:
		o.problem("MinSize", "must be at most MaxSize (%s), got %s", num(max), num(min))
	case desiredOK && minOK && desired < min:
		o.problem("DesiredSize", "must be at least MinSize (%s), got %s", num(min), num(desired))
	case desiredOK && maxOK && desired > max:
		o.problem("DesiredSize", "must be at most MaxSize (%s), got %s", num(max), num(desired))
	}
}

// eksLength checks a literal string's length.
func eksLength(o *emrObj, name string, v *Value, min, max int) {
	if s, ok := literalString(v); ok {
		if n := len([]rune(s)); n < min || n > max {
			o.problem(name, "must be %d to %d characters, got %d", min, max, n)
		}
	}
}

// EksDeleteNodegroupProps: the names follow DeleteNodegroup's.
type EksDeleteNodegroupProps struct {
	// ClusterName (required).
	ClusterName *string
	// NodegroupName (required): IAM is granted on
	// nodegroup/<ClusterName>/<NodegroupName>/*.
	NodegroupName *string

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

// EksDeleteNodegroup is the task NewEksDeleteNodegroup returns.
type EksDeleteNodegroup interface{ Task }

// NewEksDeleteNodegroup deletes a managed node group
// (arn:…:states:::eks:deleteNodegroup): REQUEST_RESPONSE (the default) or
// RUN_JOB (.sync), which waits until it is gone.
func NewEksDeleteNodegroup(scope constructs.Construct, id *string, props *EksDeleteNodegroupProps) EksDeleteNodegroup {
	checkProps(scope, id, "EksDeleteNodegroup", props == nil)
	spec := &engine.Spec{Construct: "EksDeleteNodegroup", Integration: eksDeleteNodegroup}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.eksName("ClusterName", "ClusterName", props.ClusterName, 100, "the cluster name")
	p.eksName("NodegroupName", "NodegroupName", props.NodegroupName, 0, "the node group name")
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
