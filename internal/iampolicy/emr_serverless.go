package iampolicy

func init() {
	register(&Integration{
		Service:  "emr-serverless",
		API:      "startJobRun",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   EmrServerlessStartJobRun,
	})
}

// EmrServerlessStartJobRun grants emr-serverless:StartJobRun on the
// application (/applications/<id>; /applications/* in the account and
// region when the ID is decided at run time) and iam:PassRole on the job's
// execution role, only to EMR Serverless. RUN_JOB adds GetJobRun (Step
// Functions polls the run) and CancelJobRun (it cancels the run when the
// state is stopped) on the application's job runs, and the EventBridge rule.
// A request that tags the run (Tags) adds emr-serverless:TagResource on the
// application's job runs: StartJobRun's dependent action for tag-on-create
// (Service Authorization Reference).
func EmrServerlessStartJobRun(r Request) []Statement {
	app := r.Env.ARN("emr-serverless", "/applications/"+r.NameOrWildcard("ApplicationId"))
	stmts := []Statement{{Actions: []string{"emr-serverless:StartJobRun"}, Resources: []string{app}}}
	if r.Param("Tags") != nil {
		stmts = append(stmts, Statement{Actions: []string{"emr-serverless:TagResource"}, Resources: []string{app + "/jobruns/*"}})
	}
	if r.Pattern == RunJob {
		stmts = append(stmts,
			Statement{Actions: []string{"emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"}, Resources: []string{app + "/jobruns/*"}},
			EventsRule(r.Env, "StepFunctionsGetEventsForEMRServerlessJobRule"))
	}
	return append(stmts, PassRoleParam(r, "emr-serverless.amazonaws.com", "ExecutionRoleArn")...)
}
