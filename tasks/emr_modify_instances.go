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

// EmrModifyInstanceFleetByNameProps mirrors
// awsstepfunctionstasks.EmrModifyInstanceFleetByNameProps.
type EmrModifyInstanceFleetByNameProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string
	// InstanceFleetName (required): the fleet to resize.
	InstanceFleetName *string
	// TargetOnDemandCapacity and TargetSpotCapacity (required, as in the
	// CDK): whole numbers of at least 0; tasks.NumberAt decides them at run
	// time.
	TargetOnDemandCapacity *float64
	TargetSpotCapacity     *float64

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
	fleet := newEmrObj(spec, "")
	for name, n := range map[string]*float64{"TargetOnDemandCapacity": props.TargetOnDemandCapacity, "TargetSpotCapacity": props.TargetSpotCapacity} {
		if fleet.count(name, n, 0) == nil {
			fleet.problem(name, "required: a whole number of at least 0, or dynamic")
		}
	}
	p.fields["InstanceFleet"] = fleet.value()
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// EmrModifyInstanceGroupByName_InstanceResizePolicyProperty mirrors the
// CDK's: instances to keep or remove and how long to wait for them.
type EmrModifyInstanceGroupByName_InstanceResizePolicyProperty struct {
	InstancesToProtect   *[]*string
	InstancesToTerminate *[]*string
	// InstanceTerminationTimeout: whole seconds.
	InstanceTerminationTimeout awscdk.Duration
}

// EmrModifyInstanceGroupByName_ShrinkPolicyProperty mirrors the CDK's.
type EmrModifyInstanceGroupByName_ShrinkPolicyProperty struct {
	// DecommissionTimeout: whole seconds.
	DecommissionTimeout  awscdk.Duration
	InstanceResizePolicy *EmrModifyInstanceGroupByName_InstanceResizePolicyProperty
}

// EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty mirrors the CDK's.
type EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty struct {
	Configurations            *[]*EmrCreateCluster_ConfigurationProperty
	EC2InstanceIdsToTerminate *[]*string
	// InstanceCount: at least 0.
	InstanceCount *float64
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
	o := newEmrObj(spec, "")
	if o.put("InstanceGroup", emrStruct(o, "InstanceGroup", props.InstanceGroup, emrInstanceGroupModify)) == nil {
		p.problem("InstanceGroup", "required: the changes to make (InstanceCount, ShrinkPolicy, Configurations, EC2InstanceIdsToTerminate)")
	} else {
		p.fields["InstanceGroup"] = o.fields["InstanceGroup"]
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func emrInstanceGroupModify(o *emrObj, g *EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty) {
	o.put("Configurations", emrList(o, "Configurations", g.Configurations, emrConfiguration))
	o.strings("EC2InstanceIdsToTerminate", g.EC2InstanceIdsToTerminate)
	o.count("InstanceCount", g.InstanceCount, 0)
	o.put("ShrinkPolicy", emrStruct(o, "ShrinkPolicy", g.ShrinkPolicy, func(s *emrObj, p *EmrModifyInstanceGroupByName_ShrinkPolicyProperty) {
		s.seconds("DecommissionTimeout", "DecommissionTimeout", p.DecommissionTimeout, 0, math.Inf(1))
		s.put("InstanceResizePolicy", emrStruct(s, "InstanceResizePolicy", p.InstanceResizePolicy,
			func(r *emrObj, p *EmrModifyInstanceGroupByName_InstanceResizePolicyProperty) {
				r.strings("InstancesToProtect", p.InstancesToProtect)
				r.strings("InstancesToTerminate", p.InstancesToTerminate)
				r.seconds("InstanceTerminationTimeout", "InstanceTerminationTimeout", p.InstanceTerminationTimeout, 0, math.Inf(1))
			}))
	}))
}
