package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EksFargateProfileSelector picks the pods a Fargate profile runs.
type EksFargateProfileSelector struct {
	// Namespace (required) of the pods.
	Namespace *string
	// Labels the pods must have, at most 5.
	Labels *map[string]*string
}

// EksCreateFargateProfileProps: the CDK has no EKS Fargate profile task;
// the names follow CreateFargateProfile's.
type EksCreateFargateProfileProps struct {
	// ClusterName (required): IAM is granted on cluster/<ClusterName> and
	// the profile's fargateprofile/<ClusterName>/<FargateProfileName>/*.
	ClusterName *string
	// FargateProfileName (required): letters, digits, hyphens and
	// underscores, starting with a letter or digit.
	FargateProfileName *string
	// PodExecutionRoleArn (required): the pods' execution role; the state
	// machine gets iam:PassRole on it, only to EKS.
	PodExecutionRoleArn *string
	// Subnets: private subnets of the cluster's VPC (the cluster's private
	// subnets when omitted).
	Subnets *[]*string
	// Selectors: 1 to 5.
	Selectors *[]*EksFargateProfileSelector
	// ClientRequestToken makes the request idempotent.
	ClientRequestToken *string
	// Tags of the profile (keys kept as written); the state machine gets
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
	eksCreateFargateProfile, _ = iampolicy.Lookup("eks", "createFargateProfile")
	eksDeleteFargateProfile, _ = iampolicy.Lookup("eks", "deleteFargateProfile")
)

// EksCreateFargateProfile is the task NewEksCreateFargateProfile returns.
type EksCreateFargateProfile interface{ Task }

// NewEksCreateFargateProfile creates a Fargate profile
// (arn:…:states:::eks:createFargateProfile): REQUEST_RESPONSE (the default)
// or RUN_JOB (.sync), which waits until the profile is ACTIVE. A cluster
// creates one profile at a time.
func NewEksCreateFargateProfile(scope constructs.Construct, id *string, props *EksCreateFargateProfileProps) EksCreateFargateProfile {
	checkProps(scope, id, "EksCreateFargateProfile", props == nil)
	spec := &engine.Spec{Construct: "EksCreateFargateProfile", Integration: eksCreateFargateProfile}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.eksName("ClusterName", "ClusterName", props.ClusterName, 100, "the cluster name")
	p.eksName("FargateProfileName", "FargateProfileName", props.FargateProfileName, 0, "the Fargate profile name")
	p.roleARN("PodExecutionRoleArn", "PodExecutionRoleArn", props.PodExecutionRoleArn, "the ARN of the pods' execution role")
	root := newEmrObj(spec, "")
	eksList(root, "Subnets", props.Subnets, 1, 0)
	if props.Selectors != nil {
		sel := emrList(root, "Selectors", props.Selectors, func(o *emrObj, x *EksFargateProfileSelector) {
			o.reqStr("Namespace", x.Namespace, "the pods' namespace")
			if l := o.stringMap("Labels", x.Labels); l != nil && !l.IsExpression() && len(l.Fields()) > 5 {
				o.problem("Labels", "at most 5 labels, got %d", len(l.Fields()))
			}
		})
		if sel != nil && !sel.IsExpression() && (len(sel.Items()) < 1 || len(sel.Items()) > 5) {
			root.problem("Selectors", "give 1 to 5 selectors, got %d", len(sel.Items()))
		}
		root.put("Selectors", sel)
	}
	root.str("ClientRequestToken", props.ClientRequestToken)
	p.eksTags(props.Tags)
	for k, v := range root.fields {
		p.fields[k] = v
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// EksDeleteFargateProfileProps: the names follow DeleteFargateProfile's.
type EksDeleteFargateProfileProps struct {
	// ClusterName (required).
	ClusterName *string
	// FargateProfileName (required): IAM is granted on
	// fargateprofile/<ClusterName>/<FargateProfileName>/*.
	FargateProfileName *string

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

// EksDeleteFargateProfile is the task NewEksDeleteFargateProfile returns.
type EksDeleteFargateProfile interface{ Task }

// NewEksDeleteFargateProfile deletes a Fargate profile
// (arn:…:states:::eks:deleteFargateProfile): REQUEST_RESPONSE (the
// default) or RUN_JOB (.sync), which waits until it is gone.
func NewEksDeleteFargateProfile(scope constructs.Construct, id *string, props *EksDeleteFargateProfileProps) EksDeleteFargateProfile {
	checkProps(scope, id, "EksDeleteFargateProfile", props == nil)
	spec := &engine.Spec{Construct: "EksDeleteFargateProfile", Integration: eksDeleteFargateProfile}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.eksName("ClusterName", "ClusterName", props.ClusterName, 100, "the cluster name")
	p.eksName("FargateProfileName", "FargateProfileName", props.FargateProfileName, 0, "the Fargate profile name")
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
