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
// time).
func SchedulerCreateSchedulePolicy(r Request) []Statement {
	group := "default"
	if r.Param("GroupName") != nil {
		group = r.NameOrWildcard("GroupName")
	}
	schedule := r.Env.ARN("scheduler", "schedule/"+group+"/"+r.NameOrWildcard("Name"))
	stmts := []Statement{{Actions: []string{"scheduler:CreateSchedule"}, Resources: []string{schedule}}}
	if t := r.Param("Target"); t != nil && t.IsExpression() {
		return append(stmts, PassRole("scheduler.amazonaws.com", r.Env.RoleWildcard()))
	}
	return append(stmts, PassRoleParam(r, "scheduler.amazonaws.com", "Target", "RoleArn")...)
}
