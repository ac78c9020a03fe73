package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EmrModifyInstanceFleetByNameProps mirrors
// awsstepfunctionstasks.EmrModifyInstanceFleetByNameProps.
type EmrModifyInstanceFleetByNameProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string
	// InstanceFleetName (required): the fleet to resize.
	InstanceFleetName *string
	// TargetOnDemandCapacity and TargetSpotCapacity (required, as in the
	// CDK): whole numbers of at least 0 (*float64, a number or dynamic).
	TargetOnDemandCapacity interface{}
	TargetSpotCapacity     interface{}

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

var emrModifyInstanceFleetByName, _ = iampolicy.Lookup("elasticmapreduce", "modifyInstanceFleetByName")

// EmrModifyInstanceFleetByName is the task NewEmrModifyInstanceFleetByName returns: a Task, typed as the CDK types it.
type EmrModifyInstanceFleetByName interface{ Task }

// NewEmrModifyInstanceFleetByName changes the target capacities of a
// cluster's instance fleet found by name
// (arn:…:states:::elasticmapreduce:modifyInstanceFleetByName;
// REQUEST_RESPONSE only).
func NewEmrModifyInstanceFleetByName(scope constructs.Construct, id *string, props *EmrModifyInstanceFleetByNameProps) EmrModifyInstanceFleetByName {
	checkProps(scope, id, "EmrModifyInstanceFleetByName", props == nil)
	spec := &engine.Spec{Construct: "EmrModifyInstanceFleetByName", Integration: emrModifyInstanceFleetByName}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.clusterID(props.ClusterId)
	p.required("InstanceFleetName", "InstanceFleetName", props.InstanceFleetName, "the name of the instance fleet")
	fleet := taskParams{spec: spec, fields: map[string]*Value{}}
	fleet.capacity("TargetOnDemandCapacity", props.TargetOnDemandCapacity)
	fleet.capacity("TargetSpotCapacity", props.TargetSpotCapacity)
	p.fields["InstanceFleet"] = value.NewObject(fleet.fields)
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func (p *taskParams) capacity(prop string, x any) {
	v := field(p.spec, prop, x)
	if v == nil {
		p.problem(prop, "required: a whole number of at least 0, or dynamic")
		return
	}
	p.fields[prop] = p.whole(prop, v, 0, 0)
}

// EmrModifyInstanceGroupByName_InstanceResizePolicyProperty mirrors the
// CDK's: instances to keep or remove and how long to wait for them.
type EmrModifyInstanceGroupByName_InstanceResizePolicyProperty struct {
	// InstancesToProtect, InstancesToTerminate: instance IDs (*[]*string,
	// tasks.List or dynamic).
	InstancesToProtect   interface{}
	InstancesToTerminate interface{}
	// InstanceTerminationTimeout: an awscdk.Duration, seconds or dynamic.
	InstanceTerminationTimeout interface{}
}

// EmrModifyInstanceGroupByName_ShrinkPolicyProperty mirrors the CDK's.
type EmrModifyInstanceGroupByName_ShrinkPolicyProperty struct {
	// DecommissionTimeout: an awscdk.Duration, seconds or dynamic.
	DecommissionTimeout  interface{}
	InstanceResizePolicy *EmrModifyInstanceGroupByName_InstanceResizePolicyProperty
}

// EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty mirrors the CDK's.
type EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty struct {
	// Configurations: []*EmrCreateCluster_ConfigurationProperty (or a
	// pointer to one) or dynamic.
	Configurations interface{}
	// EC2InstanceIdsToTerminate: *[]*string, tasks.List or dynamic.
	EC2InstanceIdsToTerminate interface{}
	// InstanceCount: a whole number of at least 0, or dynamic.
	InstanceCount interface{}
	ShrinkPolicy  *EmrModifyInstanceGroupByName_ShrinkPolicyProperty
}

// EmrModifyInstanceGroupByNameProps mirrors
// awsstepfunctionstasks.EmrModifyInstanceGroupByNameProps.
type EmrModifyInstanceGroupByNameProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string
	// InstanceGroupName (required): the group to modify.
	InstanceGroupName *string
	// InstanceGroup (required): what to change.
	InstanceGroup *EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty

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

var emrModifyInstanceGroupByName, _ = iampolicy.Lookup("elasticmapreduce", "modifyInstanceGroupByName")

// EmrModifyInstanceGroupByName is the task NewEmrModifyInstanceGroupByName returns: a Task, typed as the CDK types it.
type EmrModifyInstanceGroupByName interface{ Task }

// NewEmrModifyInstanceGroupByName modifies a cluster's instance group found
// by name (arn:…:states:::elasticmapreduce:modifyInstanceGroupByName;
// REQUEST_RESPONSE only).
func NewEmrModifyInstanceGroupByName(scope constructs.Construct, id *string, props *EmrModifyInstanceGroupByNameProps) EmrModifyInstanceGroupByName {
	checkProps(scope, id, "EmrModifyInstanceGroupByName", props == nil)
	spec := &engine.Spec{Construct: "EmrModifyInstanceGroupByName", Integration: emrModifyInstanceGroupByName}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.clusterID(props.ClusterId)
	p.required("InstanceGroupName", "InstanceGroupName", props.InstanceGroupName, "the name of the instance group")
	if g := props.InstanceGroup; g == nil {
		p.problem("InstanceGroup", "required: the changes to make (InstanceCount, ShrinkPolicy, Configurations, EC2InstanceIdsToTerminate)")
	} else {
		p.fields["InstanceGroup"] = p.instanceGroupModify(g)
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func (p *taskParams) instanceGroupModify(g *EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty) *Value {
	const prop = "InstanceGroup"
	out := taskParams{spec: p.spec, fields: map[string]*Value{}}
	if g.Configurations != nil {
		if v := emrConfigurations(p.spec, prop+".Configurations", g.Configurations); v != nil {
			out.fields["Configurations"] = v
		}
	}
	out.stringList(prop+".EC2InstanceIdsToTerminate", "EC2InstanceIdsToTerminate", g.EC2InstanceIdsToTerminate)
	if v := field(p.spec, prop+".InstanceCount", g.InstanceCount); v != nil {
		out.fields["InstanceCount"] = p.whole(prop+".InstanceCount", v, 0, 0)
	}
	if s := g.ShrinkPolicy; s != nil {
		shrink := taskParams{spec: p.spec, fields: map[string]*Value{}}
		if v := shrink.seconds(prop+".ShrinkPolicy.DecommissionTimeout", s.DecommissionTimeout); v != nil {
			shrink.fields["DecommissionTimeout"] = v
		}
		if r := s.InstanceResizePolicy; r != nil {
			const rp = prop + ".ShrinkPolicy.InstanceResizePolicy"
			resize := taskParams{spec: p.spec, fields: map[string]*Value{}}
			resize.stringList(rp+".InstancesToProtect", "InstancesToProtect", r.InstancesToProtect)
			resize.stringList(rp+".InstancesToTerminate", "InstancesToTerminate", r.InstancesToTerminate)
			if v := resize.seconds(rp+".InstanceTerminationTimeout", r.InstanceTerminationTimeout); v != nil {
				resize.fields["InstanceTerminationTimeout"] = v
			}
			shrink.fields["InstanceResizePolicy"] = value.NewObject(resize.fields)
		}
		out.fields["ShrinkPolicy"] = value.NewObject(shrink.fields)
	}
	return value.NewObject(out.fields)
}
