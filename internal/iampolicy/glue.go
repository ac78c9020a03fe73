package iampolicy

func init() {
	register(&Integration{
		Service:  "glue",
		API:      "startJobRun",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   GlueStartJobRun,
	})
}

// GlueStartJobRun grants glue:StartJobRun on the job the request names
// (job/<name>; job/<prefix>* for a States.Format name with a literal
// prefix; job/* in the account and region when the name is decided at run
// time). The Step Functions guide says "*", but Glue authorizes these
// actions on the job resource. RUN_JOB adds glue:GetJobRun, glue:GetJobRuns
// (Step Functions polls the run) and glue:BatchStopJobRun (it stops the run
// when the state is stopped or times out) on the same job; Glue needs no
// EventBridge rule.
func GlueStartJobRun(r Request) []Statement {
	actions := []string{"glue:StartJobRun"}
	if r.Pattern == RunJob {
		actions = append(actions, "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun")
	}
	return []Statement{{Actions: actions, Resources: []string{r.Env.ARN("glue", "job/"+r.NameOrWildcard("JobName"))}}}
}
