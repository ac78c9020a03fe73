package iampolicy

func init() {
	register(&Integration{Service: "databrew", API: "startJobRun", Suffixes: []string{NoSuffix, Sync}, Policy: DataBrewStartJobRun})
}

// DataBrewStartJobRun grants databrew:StartJobRun on the job (job/<name>;
// job/<prefix>* for a States.Format name with a literal prefix; job/* in
// the account and region for another run-time name). RUN_JOB adds
// ListJobRuns (Step Functions polls the run) and StopJobRun (it stops the
// run when the state is stopped); DataBrew needs no EventBridge rule.
func DataBrewStartJobRun(r Request) []Statement {
	actions := []string{"databrew:StartJobRun"}
	if r.Pattern == RunJob {
		actions = append(actions, "databrew:ListJobRuns", "databrew:StopJobRun")
	}
	return []Statement{{Actions: actions, Resources: []string{r.Env.ARN("databrew", "job/"+r.NameOrWildcard("Name"))}}}
}
