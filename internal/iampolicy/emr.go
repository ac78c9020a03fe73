package iampolicy

func init() {
	register(
		&Integration{Service: "elasticmapreduce", API: "addStep", Suffixes: []string{NoSuffix, Sync}, Policy: EmrAddStep},
		&Integration{Service: "elasticmapreduce", API: "cancelStep", Suffixes: []string{NoSuffix}, Policy: emrClusterAction("elasticmapreduce:CancelSteps")},
		&Integration{Service: "elasticmapreduce", API: "terminateCluster", Suffixes: []string{NoSuffix, Sync}, Policy: EmrTerminateCluster},
		&Integration{Service: "elasticmapreduce", API: "setClusterTerminationProtection", Suffixes: []string{NoSuffix},
			Policy: emrClusterAction("elasticmapreduce:SetTerminationProtection")},
		// Step Functions lists the cluster's fleets or groups to find the one named.
		&Integration{Service: "elasticmapreduce", API: "modifyInstanceFleetByName", Suffixes: []string{NoSuffix},
			Policy: emrClusterAction("elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets")},
		&Integration{Service: "elasticmapreduce", API: "modifyInstanceGroupByName", Suffixes: []string{NoSuffix},
			Policy: emrClusterAction("elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups")},
	)
}

// EmrAddStep grants elasticmapreduce:AddJobFlowSteps on the cluster.
// RUN_JOB adds DescribeStep (Step Functions polls the step), CancelSteps
// (it cancels the step when the state is stopped) and the EventBridge rule;
// a step run with an ExecutionRoleArn (an EMR runtime role) needs
// iam:PassRole on that role, only to EMR.
func EmrAddStep(r Request) []Statement {
	actions := []string{"elasticmapreduce:AddJobFlowSteps"}
	if r.Pattern == RunJob {
		actions = append(actions, "elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps")
	}
	stmts := []Statement{{Actions: actions, Resources: []string{emrClusterARN(r)}}}
	if r.Pattern == RunJob {
		stmts = append(stmts, EventsRule(r.Env, "StepFunctionsGetEventForEMRAddJobFlowStepsRule"))
	}
	return append(stmts, PassRoleParam(r, "elasticmapreduce.amazonaws.com", "ExecutionRoleArn")...)
}

// EmrTerminateCluster grants elasticmapreduce:TerminateJobFlows on the
// cluster; RUN_JOB adds DescribeCluster and the EventBridge rule.
func EmrTerminateCluster(r Request) []Statement {
	if r.Pattern != RunJob {
		return emrClusterAction("elasticmapreduce:TerminateJobFlows")(r)
	}
	return []Statement{
		{Actions: []string{"elasticmapreduce:TerminateJobFlows", "elasticmapreduce:DescribeCluster"}, Resources: []string{emrClusterARN(r)}},
		EventsRule(r.Env, "StepFunctionsGetEventForEMRTerminateJobFlowsRule"),
	}
}

// emrClusterAction grants actions on the one cluster the request names.
func emrClusterAction(actions ...string) func(Request) []Statement {
	return func(r Request) []Statement {
		return []Statement{{Actions: actions, Resources: []string{emrClusterARN(r)}}}
	}
}

// emrClusterARN is cluster/<ClusterId>, or cluster/* in the account and
// region when the ID is decided at run time (the CDK always grants cluster/*).
func emrClusterARN(r Request) string {
	return r.Env.ARN("elasticmapreduce", "cluster/"+r.NameOrWildcard("ClusterId"))
}
