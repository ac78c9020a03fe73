package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EksVpcConfigRequest is the cluster's network (CreateCluster's
// resourcesVpcConfig).
type EksVpcConfigRequest struct {
	// SubnetIds (required): 1 to 16 subnets, in at least two Availability
	// Zones; items, or the whole list (tasks.ListAt), may be dynamic.
	SubnetIds *[]*string
	// SecurityGroupIds: 1 to 5 security groups for the cross-account
	// network interfaces EKS creates.
	SecurityGroupIds *[]*string
	// EndpointPublicAccess of the API server (EKS's default: true).
	EndpointPublicAccess *bool
	// EndpointPrivateAccess of the API server (EKS's default: false).
	EndpointPrivateAccess *bool
	// PublicAccessCidrs allowed to reach the public endpoint.
	PublicAccessCidrs *[]*string
}

// EksKubernetesNetworkConfig is the cluster's Kubernetes network.
type EksKubernetesNetworkConfig struct {
	// ServiceIpv4Cidr the Kubernetes services get addresses from.
	ServiceIpv4Cidr *string
	// IpFamily: "ipv4" (EKS's default) or "ipv6".
	IpFamily *string
}

// EksLogSetup turns some control plane log types on or off.
type EksLogSetup struct {
	// Types: api, audit, authenticator, controllerManager, scheduler.
	Types   *[]*string
	Enabled *bool
}

// EksLogging is the cluster's control plane logging.
type EksLogging struct {
	ClusterLogging *[]*EksLogSetup
}

// EksProvider is the KMS key of an encryption configuration.
type EksProvider struct {
	// KeyArn (required): the symmetric KMS key; the state machine gets the
	// KMS actions EKS uses it with.
	KeyArn *string
}

// EksEncryptionConfig encrypts Kubernetes resources with a KMS key.
type EksEncryptionConfig struct {
	// Resources to encrypt: "secrets".
	Resources *[]*string
	Provider  *EksProvider
}

// EksAccessConfig is how IAM principals are authenticated to the cluster.
type EksAccessConfig struct {
	// AuthenticationMode: CONFIG_MAP (the API's default), API or
	// API_AND_CONFIG_MAP. With access entries, EKS creates the state
	// machine's own entry (unless BootstrapClusterCreatorAdminPermissions is
	// false), for which it gets eks:CreateAccessEntry on the cluster.
	AuthenticationMode *string
	// BootstrapClusterCreatorAdminPermissions: whether the creator (the
	// state machine's role) becomes a cluster administrator (default true).
	BootstrapClusterCreatorAdminPermissions *bool
}

// EksUpgradePolicy is the cluster's Kubernetes version support.
type EksUpgradePolicy struct {
	// SupportType: STANDARD or EXTENDED.
	SupportType *string
}

// EksZonalShiftConfig turns zonal shift on or off.
type EksZonalShiftConfig struct {
	Enabled *bool
}

// EksCreateClusterProps: the CDK has no EKS cluster task; the names follow
// CreateCluster's. EKS Auto Mode (ComputeConfig, StorageConfig), hybrid
// nodes (RemoteNetworkConfig) and Outposts are not typed yet: use
// CallAwsService or CustomTask for those.
type EksCreateClusterProps struct {
	// Name (required): 1 to 100 letters, digits, hyphens and underscores,
	// starting with a letter or digit. IAM is granted on cluster/<Name>
	// (cluster/* in the account and region when dynamic).
	Name *string
	// RoleArn (required): the cluster IAM role; the state machine gets
	// iam:PassRole on it, only to EKS.
	RoleArn *string
	// ResourcesVpcConfig (required): the cluster's subnets and endpoints;
	// tasks.ValueAt[tasks.EksVpcConfigRequest] gives it at run time.
	ResourcesVpcConfig *EksVpcConfigRequest
	// Version of Kubernetes ("1.31"); EKS's default version when omitted.
	Version                 *string
	KubernetesNetworkConfig *EksKubernetesNetworkConfig
	Logging                 *EksLogging
	// EncryptionConfig: at most one, for "secrets".
	EncryptionConfig   *[]*EksEncryptionConfig
	AccessConfig       *EksAccessConfig
	UpgradePolicy      *EksUpgradePolicy
	ZonalShiftConfig   *EksZonalShiftConfig
	DeletionProtection *bool
	// BootstrapSelfManagedAddons: install the default networking add-ons
	// (EKS's default: true).
	BootstrapSelfManagedAddons *bool
	// ClientRequestToken makes the request idempotent.
	ClientRequestToken *string
	// Tags of the cluster (keys kept as written); the state machine gets
	// eks:TagResource on the cluster.
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
	eksCreateCluster, _ = iampolicy.Lookup("eks", "createCluster")
	eksDeleteCluster, _ = iampolicy.Lookup("eks", "deleteCluster")
)

// EksCreateCluster is the task NewEksCreateCluster returns.
type EksCreateCluster interface{ Task }

// NewEksCreateCluster creates an EKS cluster
// (arn:…:states:::eks:createCluster): REQUEST_RESPONSE (the default)
// returns the CREATING cluster, RUN_JOB (.sync) waits until it is ACTIVE
// (Step Functions polls DescribeCluster). The state machine's role becomes
// the cluster's first administrator: give others access with access entries
// or eks:call (aws-auth).
func NewEksCreateCluster(scope constructs.Construct, id *string, props *EksCreateClusterProps) EksCreateCluster {
	checkProps(scope, id, "EksCreateCluster", props == nil)
	spec := &engine.Spec{Construct: "EksCreateCluster", Integration: eksCreateCluster}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.eksName("Name", "Name", props.Name, 100, "the cluster name")
	p.roleARN("RoleArn", "RoleArn", props.RoleArn, "the ARN of the cluster IAM role")
	root := newEmrObj(spec, "")
	root.put("ResourcesVpcConfig", eksVpcConfig(root, props.ResourcesVpcConfig))
	if v := p.optional("Version", "Version", props.Version); v != nil {
		if s, ok := literalString(v); ok && !eksVersion.MatchString(s) {
			p.problem("Version", "%q is not a Kubernetes version (1.31)", s)
		}
	}
	root.put("KubernetesNetworkConfig", emrStruct(root, "KubernetesNetworkConfig", props.KubernetesNetworkConfig, func(o *emrObj, x *EksKubernetesNetworkConfig) {
		o.str("ServiceIpv4Cidr", x.ServiceIpv4Cidr)
		eksEnum(o, "IpFamily", x.IpFamily, "ipv4", "ipv6")
	}))
	root.put("Logging", emrStruct(root, "Logging", props.Logging, func(o *emrObj, x *EksLogging) {
		o.put("ClusterLogging", emrList(o, "ClusterLogging", x.ClusterLogging, func(s *emrObj, l *EksLogSetup) {
			if v := s.strings("Types", l.Types); v != nil && !v.IsExpression() {
				for i, t := range v.Items() {
					if lit, ok := literalString(t); ok && !eksLogTypes[lit] {
						s.problem(eksIndex("Types", i), "must be api, audit, authenticator, controllerManager or scheduler (or dynamic), got %q", lit)
					}
				}
			}
			s.boolean("Enabled", l.Enabled)
		}))
	}))
	if props.EncryptionConfig != nil {
		ec := emrList(root, "EncryptionConfig", props.EncryptionConfig, func(o *emrObj, x *EksEncryptionConfig) {
			eksList(o, "Resources", x.Resources, 1, 0)
			if x.Provider == nil {
				o.problem("Provider", "required: the KMS key (Provider.KeyArn)")
			}
			o.put("Provider", emrStruct(o, "Provider", x.Provider, func(k *emrObj, pr *EksProvider) {
				k.reqStr("KeyArn", pr.KeyArn, "the ARN of the KMS key")
			}))
		})
		if ec != nil && !ec.IsExpression() && len(ec.Items()) > 1 {
			root.problem("EncryptionConfig", "at most 1 encryption configuration, got %d", len(ec.Items()))
		}
		root.put("EncryptionConfig", ec)
	}
	root.put("AccessConfig", emrStruct(root, "AccessConfig", props.AccessConfig, func(o *emrObj, x *EksAccessConfig) {
		eksEnum(o, "AuthenticationMode", x.AuthenticationMode, "API", "API_AND_CONFIG_MAP", "CONFIG_MAP")
		o.boolean("BootstrapClusterCreatorAdminPermissions", x.BootstrapClusterCreatorAdminPermissions)
	}))
	root.put("UpgradePolicy", emrStruct(root, "UpgradePolicy", props.UpgradePolicy, func(o *emrObj, x *EksUpgradePolicy) {
		eksEnum(o, "SupportType", x.SupportType, "STANDARD", "EXTENDED")
	}))
	root.put("ZonalShiftConfig", emrStruct(root, "ZonalShiftConfig", props.ZonalShiftConfig, func(o *emrObj, x *EksZonalShiftConfig) {
		o.boolean("Enabled", x.Enabled)
	}))
	root.boolean("DeletionProtection", props.DeletionProtection)
	root.boolean("BootstrapSelfManagedAddons", props.BootstrapSelfManagedAddons)
	p.optional("ClientRequestToken", "ClientRequestToken", props.ClientRequestToken)
	p.eksTags(props.Tags)
	for k, v := range root.fields {
		p.fields[k] = v
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// eksVpcConfig renders the required ResourcesVpcConfig.
func eksVpcConfig(root *emrObj, c *EksVpcConfigRequest) *Value {
	if c == nil {
		root.problem("ResourcesVpcConfig", "required: the cluster's subnets (SubnetIds)")
		return nil
	}
	return emrStruct(root, "ResourcesVpcConfig", c, func(o *emrObj, x *EksVpcConfigRequest) {
		if x.SubnetIds == nil {
			o.problem("SubnetIds", "required: 1 to 16 subnets")
		}
		eksList(o, "SubnetIds", x.SubnetIds, 1, 16)
		eksList(o, "SecurityGroupIds", x.SecurityGroupIds, 1, 5)
		o.boolean("EndpointPublicAccess", x.EndpointPublicAccess)
		o.boolean("EndpointPrivateAccess", x.EndpointPrivateAccess)
		o.strings("PublicAccessCidrs", x.PublicAccessCidrs)
		if pub, ok := literalBoolValue(o.fields["EndpointPublicAccess"]); ok && !pub {
			if priv, ok := literalBoolValue(o.fields["EndpointPrivateAccess"]); ok && !priv {
				o.problem("EndpointPrivateAccess", "the API server needs a public or a private endpoint: both are false")
			}
		}
	})
}

// EksDeleteClusterProps: the names follow DeleteCluster's.
type EksDeleteClusterProps struct {
	// Name (required) of the cluster; delete its node groups and Fargate
	// profiles first. IAM is granted on cluster/<Name>.
	Name *string

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

// EksDeleteCluster is the task NewEksDeleteCluster returns.
type EksDeleteCluster interface{ Task }

// NewEksDeleteCluster deletes an EKS cluster
// (arn:…:states:::eks:deleteCluster): REQUEST_RESPONSE (the default) or
// RUN_JOB (.sync), which waits until the cluster is gone.
func NewEksDeleteCluster(scope constructs.Construct, id *string, props *EksDeleteClusterProps) EksDeleteCluster {
	checkProps(scope, id, "EksDeleteCluster", props == nil)
	spec := &engine.Spec{Construct: "EksDeleteCluster", Integration: eksDeleteCluster}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.eksName("Name", "Name", props.Name, 100, "the cluster name")
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// literalBoolValue is v's literal boolean, if it is one.
func literalBoolValue(v *Value) (bool, bool) {
	if v == nil || v.Dynamic() {
		return false, false
	}
	b, ok := v.LiteralValue().(bool)
	return b, ok
}
