package iampolicy

// SchedulerCreateSchedule is the AWS SDK integration
// aws-sdk:scheduler:createSchedule, which EventBridgeSchedulerCreateScheduleTask
// calls. It is not in the catalog (an SDK integration's IAM is the SDK
// action's); its patterns are an SDK integration's.
var SchedulerCreateSchedule = &Integration{
	Service:  "aws-sdk:scheduler",
	API:      "createSchedule",
	Suffixes: []string{NoSuffix, WaitForToken},
	Policy:   SchedulerCreateSchedulePolicy,
}

// SchedulerCreateSchedulePolicy grants scheduler:CreateSchedule on the
// schedule (schedule/<group>/<name>, group "default" when none is given;
// <prefix>* or * for a part decided at run time) and iam:PassRole on the
// target's role, only to EventBridge Scheduler (every role of the account,
// still only to it, when the role or the whole target is decided at run
// time). A customer managed key (KmsKeyArn) adds what the EventBridge
// Scheduler guide asks of the caller: kms:DescribeKey through Scheduler,
// and kms:GenerateDataKey and kms:Decrypt through Scheduler for this
// schedule's encryption context only (DescribeKey carries no encryption
// context, so it gets a statement of its own).
func SchedulerCreateSchedulePolicy(r Request) []Statement {
	group := "default"
	if r.Param("GroupName") != nil {
		group = r.NameOrWildcard("GroupName")
	}
	schedule := r.Env.ARN("scheduler", "schedule/"+group+"/"+r.NameOrWildcard("Name"))
	stmts := []Statement{{Actions: []string{"scheduler:CreateSchedule"}, Resources: []string{schedule}}}
	if r.Param("KmsKeyArn") != nil {
		key := kmsKeyParam(r, "KmsKeyArn")
		via := "scheduler." + r.Env.Region + ".amazonaws.com"
		stmts = append(stmts,
			Statement{Actions: []string{"kms:DescribeKey"}, Resources: []string{key},
				Conditions: map[string]map[string]any{"StringEquals": {"kms:ViaService": via}}},
			Statement{Actions: []string{"kms:GenerateDataKey", "kms:Decrypt"}, Resources: []string{key},
				Conditions: map[string]map[string]any{
					"StringEquals": {"kms:ViaService": via},
					"StringLike":   {"kms:EncryptionContext:aws:scheduler:schedule:arn": schedule},
				}})
	}
	if t := r.Param("Target"); t != nil && t.IsExpression() {
		return append(stmts, PassRole("scheduler.amazonaws.com", r.Env.RoleWildcard()))
	}
	return append(stmts, PassRoleParam(r, "scheduler.amazonaws.com", "Target", "RoleArn")...)
}
