package iampolicy

import "github.com/sfnkit/sfnkit/internal/value"

func init() {
	register(
		// eks:runJob, like eks:call, reaches the cluster's Kubernetes API,
		// which authorizes it with Kubernetes RBAC: no IAM statement. RUN_JOB
		// polls the Job through the same API (no EventBridge rule).
		&Integration{Service: "eks", API: "runJob", Suffixes: []string{NoSuffix, Sync}, Policy: func(Request) []Statement { return nil }},
		&Integration{Service: "eks", API: "createCluster", Suffixes: []string{NoSuffix, Sync}, Policy: EksCreateCluster},
		&Integration{Service: "eks", API: "deleteCluster", Suffixes: []string{NoSuffix, Sync}, Policy: EksDeleteCluster},
		&Integration{Service: "eks", API: "createNodegroup", Suffixes: []string{NoSuffix, Sync}, Policy: EksCreateNodegroup},
		&Integration{Service: "eks", API: "deleteNodegroup", Suffixes: []string{NoSuffix, Sync}, Policy: EksDeleteNodegroup},
		&Integration{Service: "eks", API: "createFargateProfile", Suffixes: []string{NoSuffix, Sync}, Policy: EksCreateFargateProfile},
		&Integration{Service: "eks", API: "deleteFargateProfile", Suffixes: []string{NoSuffix, Sync}, Policy: EksDeleteFargateProfile},
	)
}

// The Amazon EKS integrations follow the Step Functions guide's "IAM
// policies for Amazon EKS" templates, narrowed by the Service Authorization
// Reference: every action but CreateCluster (which has no resource type)
// and ec2:DescribeSubnets is authorized on the cluster, node group or
// Fargate profile, so that resource is named, with the tightest wildcard
// when its name is decided at run time. EKS's .sync is polled (EKS sends no
// state change to EventBridge): RUN_JOB adds the Describe action, and the
// Delete action the guide's templates grant for the resource a create
// makes, but no EventBridge rule.

// eksClusterARN is cluster/<name> for the name in param.
func eksClusterARN(r Request, param string) string {
	return r.Env.ARN("eks", "cluster/"+r.NameOrWildcard(param))
}

// eksChildARN is <kind>/<cluster>/<name>/* (node groups and Fargate
// profiles end with an ID EKS assigns).
func eksChildARN(r Request, kind, nameParam string) string {
	return r.Env.ARN("eks", kind+"/"+r.NameOrWildcard("ClusterName")+"/"+r.NameOrWildcard(nameParam)+"/*")
}

// eksServiceLinkedRole lets the state machine create the service-linked role
// an EKS API needs when the account does not have it yet (the guide: "you
// must add the iam:CreateServiceLinkedRole permission"), that role only.
func eksServiceLinkedRole(r Request, service, role string) Statement {
	return Statement{
		Actions:    []string{"iam:CreateServiceLinkedRole"},
		Resources:  []string{r.Env.GlobalARN("iam", r.Env.Account, "role/aws-service-role/"+service+"/"+role)},
		Conditions: map[string]map[string]any{"StringEquals": {"iam:AWSServiceName": service}},
	}
}

// eksTagOnCreate is eks:TagResource on the created resource, the dependent
// action EKS authorizes a request's Tags with; none without Tags.
func eksTagOnCreate(r Request, resource string) []Statement {
	if r.Param("Tags") == nil {
		return nil
	}
	return []Statement{{Actions: []string{"eks:TagResource"}, Resources: []string{resource}}}
}

// EksCreateCluster grants eks:CreateCluster on "*" (it has no resource
// type), iam:PassRole on the cluster role only to EKS, the creation of
// EKS's service-linked role, eks:TagResource on the cluster when tagged,
// eks:CreateAccessEntry on the cluster when an access-entry authentication
// mode (API, API_AND_CONFIG_MAP, or one decided at run time) may bootstrap
// the creator's access entry, and, for a secrets encryption key, the KMS
// actions EKS uses it with (the CDK's EKS cluster resource grants the same
// four). RUN_JOB adds eks:DescribeCluster and eks:DeleteCluster on the
// cluster.
func EksCreateCluster(r Request) []Statement {
	cluster := eksClusterARN(r, "Name")
	stmts := []Statement{{Actions: []string{"eks:CreateCluster"}, Resources: []string{"*"}}}
	stmts = append(stmts, eksTagOnCreate(r, cluster)...)
	if eksBootstrapsAccessEntry(r) {
		stmts = append(stmts, Statement{Actions: []string{"eks:CreateAccessEntry"}, Resources: []string{cluster}})
	}
	if keys := eksEncryptionKeys(r); len(keys) > 0 {
		stmts = append(stmts, Statement{Actions: []string{"kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"}, Resources: keys})
	}
	if r.Pattern == RunJob {
		stmts = append(stmts, Statement{Actions: []string{"eks:DescribeCluster", "eks:DeleteCluster"}, Resources: []string{cluster}})
	}
	stmts = append(stmts, PassRoleParam(r, "eks.amazonaws.com", "RoleArn")...)
	return append(stmts, eksServiceLinkedRole(r, "eks.amazonaws.com", "AWSServiceRoleForAmazonEKS"))
}

// eksBootstrapsAccessEntry: CreateCluster creates the caller's access entry
// when the authentication mode uses access entries (the API's default is
// CONFIG_MAP) and BootstrapClusterCreatorAdminPermissions is not false.
func eksBootstrapsAccessEntry(r Request) bool {
	ac := r.Param("AccessConfig")
	switch {
	case ac == nil:
		return false
	case ac.IsExpression():
		return true // the whole AccessConfig decided at run time
	}
	mode := r.Param("AccessConfig", "AuthenticationMode")
	if s, ok := mode.String(); mode == nil || (ok && s == "CONFIG_MAP") {
		return false
	}
	if v, ok := literalBool(r.Param("AccessConfig", "BootstrapClusterCreatorAdminPermissions")); ok && !v {
		return false
	}
	return true
}

// eksEncryptionKeys are the KMS keys of EncryptionConfig: each literal key
// ARN, the account's keys in this region for one decided at run time.
func eksEncryptionKeys(r Request) []string {
	ec := r.Param("EncryptionConfig")
	if ec == nil {
		return nil
	}
	anyKey := r.Env.ARN("kms", "key/*")
	if ec.IsExpression() {
		return []string{anyKey}
	}
	var keys []string
	seen := map[string]bool{}
	for _, item := range ec.Items() {
		key := anyKey
		if item != nil && !item.IsExpression() {
			provider := item.Field("Provider")
			switch {
			case provider == nil:
				continue
			case !provider.IsExpression():
				arn := provider.Field("KeyArn")
				if arn == nil {
					continue
				}
				if s, ok := arn.String(); ok {
					key = s
				}
			}
		}
		if !seen[key] {
			seen[key] = true
			keys = append(keys, key)
		}
	}
	return keys
}

// EksDeleteCluster grants eks:DeleteCluster on the cluster; RUN_JOB adds
// eks:DescribeCluster.
func EksDeleteCluster(r Request) []Statement {
	actions := []string{"eks:DeleteCluster"}
	if r.Pattern == RunJob {
		actions = append(actions, "eks:DescribeCluster")
	}
	return []Statement{{Actions: actions, Resources: []string{eksClusterARN(r, "Name")}}}
}

// EksCreateNodegroup grants eks:CreateNodegroup on the cluster,
// ec2:DescribeSubnets on "*" (no resource-level permission), iam:GetRole
// and iam:ListAttachedRolePolicies on the node role (EKS checks it; the
// guide grants role/*, narrowed to the one role when it is known),
// iam:PassRole on the node role only to EKS, the creation of EKS's node
// group service-linked role, and eks:TagResource on the node group when
// tagged. RUN_JOB adds eks:DescribeNodegroup and eks:DeleteNodegroup on
// the node group.
func EksCreateNodegroup(r Request) []Statement {
	nodegroup := eksChildARN(r, "nodegroup", "NodegroupName")
	stmts := []Statement{
		{Actions: []string{"eks:CreateNodegroup"}, Resources: []string{eksClusterARN(r, "ClusterName")}},
		{Actions: []string{"ec2:DescribeSubnets"}, Resources: []string{"*"}},
	}
	role := r.Env.RoleWildcard()
	if arn, ok := r.Known("NodeRole"); ok {
		role = arn
	}
	stmts = append(stmts, Statement{Actions: []string{"iam:GetRole", "iam:ListAttachedRolePolicies"}, Resources: []string{role}})
	stmts = append(stmts, eksTagOnCreate(r, nodegroup)...)
	if r.Pattern == RunJob {
		stmts = append(stmts, Statement{Actions: []string{"eks:DescribeNodegroup", "eks:DeleteNodegroup"}, Resources: []string{nodegroup}})
	}
	stmts = append(stmts, PassRoleParam(r, "eks.amazonaws.com", "NodeRole")...)
	return append(stmts, eksServiceLinkedRole(r, "eks-nodegroup.amazonaws.com", "AWSServiceRoleForAmazonEKSNodegroup"))
}

// EksDeleteNodegroup grants eks:DeleteNodegroup on the node group; RUN_JOB
// adds eks:DescribeNodegroup.
func EksDeleteNodegroup(r Request) []Statement {
	actions := []string{"eks:DeleteNodegroup"}
	if r.Pattern == RunJob {
		actions = append(actions, "eks:DescribeNodegroup")
	}
	return []Statement{{Actions: actions, Resources: []string{eksChildARN(r, "nodegroup", "NodegroupName")}}}
}

// EksCreateFargateProfile grants eks:CreateFargateProfile on the cluster,
// iam:PassRole on the pod execution role only to EKS, the creation of
// EKS's Fargate service-linked role, and eks:TagResource on the profile
// when tagged. RUN_JOB adds eks:DescribeFargateProfile and
// eks:DeleteFargateProfile on the profile.
func EksCreateFargateProfile(r Request) []Statement {
	profile := eksChildARN(r, "fargateprofile", "FargateProfileName")
	stmts := []Statement{{Actions: []string{"eks:CreateFargateProfile"}, Resources: []string{eksClusterARN(r, "ClusterName")}}}
	stmts = append(stmts, eksTagOnCreate(r, profile)...)
	if r.Pattern == RunJob {
		stmts = append(stmts, Statement{Actions: []string{"eks:DescribeFargateProfile", "eks:DeleteFargateProfile"}, Resources: []string{profile}})
	}
	stmts = append(stmts, PassRoleParam(r, "eks.amazonaws.com", "PodExecutionRoleArn")...)
	return append(stmts, eksServiceLinkedRole(r, "eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate"))
}

// EksDeleteFargateProfile grants eks:DeleteFargateProfile on the profile;
// RUN_JOB adds eks:DescribeFargateProfile.
func EksDeleteFargateProfile(r Request) []Statement {
	actions := []string{"eks:DeleteFargateProfile"}
	if r.Pattern == RunJob {
		actions = append(actions, "eks:DescribeFargateProfile")
	}
	return []Statement{{Actions: actions, Resources: []string{eksChildARN(r, "fargateprofile", "FargateProfileName")}}}
}

// literalBool is v's literal boolean, if it is one.
func literalBool(v *value.Value) (bool, bool) {
	if v == nil || v.Kind() != value.Literal {
		return false, false
	}
	b, ok := v.LiteralValue().(bool)
	return b, ok
}
