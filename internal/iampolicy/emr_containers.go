package iampolicy

func init() {
	register(
		&Integration{Service: "emr-containers", API: "createVirtualCluster", Suffixes: []string{NoSuffix}, Policy: EmrContainersCreateVirtualCluster},
		&Integration{Service: "emr-containers", API: "deleteVirtualCluster", Suffixes: []string{NoSuffix, Sync}, Policy: EmrContainersDeleteVirtualCluster},
		&Integration{Service: "emr-containers", API: "startJobRun", Suffixes: []string{NoSuffix, Sync}, Policy: EmrContainersStartJobRun},
	)
}

// EmrContainersCreateVirtualCluster grants emr-containers:CreateVirtualCluster
// on "*" (the action has no resource type: the cluster does not exist yet)
// and iam:CreateServiceLinkedRole for EMR on EKS's service-linked role, as
// the Step Functions guide does.
func EmrContainersCreateVirtualCluster(r Request) []Statement {
	return []Statement{
		{Actions: []string{"emr-containers:CreateVirtualCluster"}, Resources: []string{"*"}},
		{Actions: []string{"iam:CreateServiceLinkedRole"},
			Resources:  []string{r.Env.GlobalARN("iam", r.Env.Account, "role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers")},
			Conditions: map[string]map[string]any{"StringLike": {"iam:AWSServiceName": "emr-containers.amazonaws.com"}}},
	}
}

// EmrContainersVirtualCluster is the virtual cluster ARN for the parameter
// at path: /virtualclusters/<id>, /virtualclusters/<prefix>* or
// /virtualclusters/* in the account and region.
func EmrContainersVirtualCluster(r Request, path ...string) string {
	return r.Env.ARN("emr-containers", "/virtualclusters/"+r.NameOrWildcard(path...))
}

// EmrContainersDeleteVirtualCluster grants DeleteVirtualCluster on the
// virtual cluster; RUN_JOB adds DescribeVirtualCluster (Step Functions
// polls it). EMR on EKS needs no EventBridge rule.
func EmrContainersDeleteVirtualCluster(r Request) []Statement {
	actions := []string{"emr-containers:DeleteVirtualCluster"}
	if r.Pattern == RunJob {
		actions = append(actions, "emr-containers:DescribeVirtualCluster")
	}
	return []Statement{{Actions: actions, Resources: []string{EmrContainersVirtualCluster(r, "Id")}}}
}

// EmrContainersStartJobRun grants emr-containers:StartJobRun on the virtual
// cluster, only with the execution role given (the
// emr-containers:ExecutionRoleArn condition; EMR on EKS takes no
// iam:PassRole), every role of the account when the role is decided at run
// time. RUN_JOB adds DescribeJobRun and CancelJobRun on the cluster's job
// runs.
func EmrContainersStartJobRun(r Request) []Statement {
	start := Statement{Actions: []string{"emr-containers:StartJobRun"}, Resources: []string{EmrContainersVirtualCluster(r, "VirtualClusterId")}}
	if role, ok := r.Known("ExecutionRoleArn"); ok {
		start.Conditions = map[string]map[string]any{"StringEquals": {"emr-containers:ExecutionRoleArn": role}}
	} else {
		start.Conditions = map[string]map[string]any{"StringLike": {"emr-containers:ExecutionRoleArn": r.Env.RoleWildcard()}}
	}
	stmts := []Statement{start}
	if r.Pattern == RunJob {
		stmts = append(stmts, Statement{Actions: []string{"emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"},
			Resources: []string{EmrContainersVirtualCluster(r, "VirtualClusterId") + "/jobruns/*"}})
	}
	return stmts
}
