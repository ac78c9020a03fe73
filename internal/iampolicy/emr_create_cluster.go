package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "elasticmapreduce",
		API:      "createCluster",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   EmrCreateCluster,
	})
}

// EmrCreateCluster grants elasticmapreduce:RunJobFlow on "*" (it has no
// resource: the cluster does not exist yet), elasticmapreduce:AddTags on
// the account's clusters when the request tags the cluster, iam:PassRole on
// each role the request names, each only to the service that uses it (the
// service role to EMR, the instance role to EC2, the auto scaling role to
// Application Auto Scaling), and iam:CreateServiceLinkedRole for EMR's
// AWSServiceRoleForEMRCleanup. RUN_JOB adds DescribeCluster and
// TerminateJobFlows on the account's clusters (the ID is only known at run
// time) and the EventBridge rule.
func EmrCreateCluster(r Request) []Statement {
	stmts := []Statement{{Actions: []string{"elasticmapreduce:RunJobFlow"}, Resources: []string{"*"}}}
	clusters := r.Env.ARN("elasticmapreduce", "cluster/*")
	if r.Param("Tags") != nil {
		stmts = append(stmts, Statement{Actions: []string{"elasticmapreduce:AddTags"}, Resources: []string{clusters}})
	}
	if r.Pattern == RunJob {
		stmts = append(stmts,
			Statement{Actions: []string{"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"}, Resources: []string{clusters}},
			EventsRule(r.Env, "StepFunctionsGetEventForEMRRunJobFlowRule"))
	}
	stmts = append(stmts, emrPassRole(r, "ServiceRole", "elasticmapreduce.amazonaws.com")...)
	stmts = append(stmts, emrPassRole(r, "JobFlowRole", "ec2.amazonaws.com")...)
	stmts = append(stmts, emrPassRole(r, "AutoScalingRole", "application-autoscaling.amazonaws.com")...)
	return append(stmts, Statement{
		Actions:   []string{"iam:CreateServiceLinkedRole"},
		Resources: []string{r.Env.GlobalARN("iam", r.Env.Account, "role/aws-service-role/elasticmapreduce.amazonaws.com*/AWSServiceRoleForEMRCleanup*")},
		Conditions: map[string]map[string]any{"StringEquals": {
			"iam:AWSServiceName": []string{"elasticmapreduce.amazonaws.com", "elasticmapreduce.amazonaws.com.cn"}}},
	})
}

// emrPassRole: RunJobFlow names roles (and the instance profile, named as
// its role), not ARNs; a role name or ARN in the parameter is passed to
// exactly that role, a dynamic one to any role of the account (still only
// to the one service).
func emrPassRole(r Request, param, service string) []Statement {
	name, ok := r.Known(param)
	switch {
	case ok && strings.HasPrefix(name, "arn:") && strings.Contains(name, ":role/"):
		return []Statement{PassRole(service, name)}
	case ok && strings.HasPrefix(name, "arn:"): // an instance profile, named as its role
		return []Statement{PassRole(service, r.Env.GlobalARN("iam", r.Env.Account, "role/"+name[strings.LastIndex(name, "/")+1:]))}
	case ok:
		return []Statement{PassRole(service, r.Env.GlobalARN("iam", r.Env.Account, "role/"+name))}
	case r.Dynamic(param):
		return []Statement{PassRole(service, r.Env.RoleWildcard())}
	}
	return nil
}
