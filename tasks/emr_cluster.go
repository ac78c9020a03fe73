package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EmrCancelStepProps mirrors awsstepfunctionstasks.EmrCancelStepProps.
type EmrCancelStepProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string
	// StepId (required): the step to cancel (s-…).
	StepId *string

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

var emrCancelStep, _ = iampolicy.Lookup("elasticmapreduce", "cancelStep")

// EmrCancelStep is the task NewEmrCancelStep returns: a Task, typed as the CDK types it.
type EmrCancelStep interface{ Task }

// NewEmrCancelStep cancels a pending step of an EMR cluster
// (arn:…:states:::elasticmapreduce:cancelStep; REQUEST_RESPONSE only).
func NewEmrCancelStep(scope constructs.Construct, id *string, props *EmrCancelStepProps) EmrCancelStep {
	checkProps(scope, id, "EmrCancelStep", props == nil)
	spec := &engine.Spec{Construct: "EmrCancelStep", Integration: emrCancelStep}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.clusterID(props.ClusterId)
	if step := p.required("StepId", "StepId", props.StepId, "the ID of the step to cancel (s-…)"); step != nil {
		p.length("StepId", step, 1, 256)
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// EmrTerminateClusterProps mirrors awsstepfunctionstasks.EmrTerminateClusterProps.
type EmrTerminateClusterProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string

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

var emrTerminateCluster, _ = iampolicy.Lookup("elasticmapreduce", "terminateCluster")

// EmrTerminateCluster is the task NewEmrTerminateCluster returns: a Task, typed as the CDK types it.
type EmrTerminateCluster interface{ Task }

// NewEmrTerminateCluster shuts an EMR cluster down
// (arn:…:states:::elasticmapreduce:terminateCluster): RUN_JOB (.sync, the
// default, as in the CDK) waits until it has terminated.
func NewEmrTerminateCluster(scope constructs.Construct, id *string, props *EmrTerminateClusterProps) EmrTerminateCluster {
	checkProps(scope, id, "EmrTerminateCluster", props == nil)
	spec := &engine.Spec{Construct: "EmrTerminateCluster", Integration: emrTerminateCluster, DefaultPattern: iampolicy.RunJob}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.clusterID(props.ClusterId)
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// EmrSetClusterTerminationProtectionProps mirrors
// awsstepfunctionstasks.EmrSetClusterTerminationProtectionProps.
type EmrSetClusterTerminationProtectionProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string
	// TerminationProtected (required): true to protect the cluster;
	// tasks.BoolAt decides it at run time.
	TerminationProtected *bool

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

var emrSetClusterTerminationProtection, _ = iampolicy.Lookup("elasticmapreduce", "setClusterTerminationProtection")

// EmrSetClusterTerminationProtection is the task NewEmrSetClusterTerminationProtection returns: a Task, typed as the CDK types it.
type EmrSetClusterTerminationProtection interface{ Task }

// NewEmrSetClusterTerminationProtection locks or unlocks an EMR cluster
// against termination
// (arn:…:states:::elasticmapreduce:setClusterTerminationProtection;
// REQUEST_RESPONSE only).
func NewEmrSetClusterTerminationProtection(scope constructs.Construct, id *string, props *EmrSetClusterTerminationProtectionProps) EmrSetClusterTerminationProtection {
	checkProps(scope, id, "EmrSetClusterTerminationProtection", props == nil)
	spec := &engine.Spec{Construct: "EmrSetClusterTerminationProtection", Integration: emrSetClusterTerminationProtection}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.clusterID(props.ClusterId)
	if v := field(spec, "TerminationProtected", props.TerminationProtected); v != nil {
		p.fields["TerminationProtected"] = v
	} else {
		p.problem("TerminationProtected", "required: true to protect the cluster, false to allow its termination")
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
