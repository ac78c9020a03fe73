package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "batch",
		API:      "submitJob",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   BatchSubmitJob,
	})
}

// BatchSubmitJob grants batch:SubmitJob on the job definition and the job
// queue (AWS Batch authorizes SubmitJob on both; the Step Functions guide
// says "*", but both resource types are documented). RUN_JOB adds
// batch:DescribeJobs on "*" (AWS Batch documents no resource-level
// permission for it), batch:TerminateJob on the account's jobs (its
// resource is job/<id>, unknown until the job is submitted) and the
// EventBridge rule. REQUEST_RESPONSE gets no rule (the CDK adds one).
func BatchSubmitJob(r Request) []Statement {
	resources := append(batchJobDefinitionARNs(r), batchQueueARN(r))
	stmts := []Statement{{Actions: []string{"batch:SubmitJob"}, Resources: resources}}
	if r.Pattern == RunJob {
		stmts = append(stmts,
			Statement{Actions: []string{"batch:DescribeJobs"}, Resources: []string{"*"}},
			Statement{Actions: []string{"batch:TerminateJob"}, Resources: []string{r.Env.ARN("batch", "job/*")}},
			EventsRule(r.Env, "StepFunctionsGetEventsForBatchJobsRule"))
	}
	return stmts
}

// batchJobDefinitionARNs: SubmitJob is authorized against the revision ARN
// (job-definition/<name>:<revision>), so a definition given without a
// revision — which Batch resolves to the latest ACTIVE one — also needs
// "<name>:*".
func batchJobDefinitionARNs(r Request) []string {
	jd, ok := r.Known("JobDefinition")
	if !ok {
		return []string{r.Env.ARN("batch", "job-definition/*")}
	}
	if strings.Contains(jd, "${Token[") {
		return []string{jd} // a CDK job definition ARN carries its revision
	}
	arn := jd
	if !strings.HasPrefix(jd, "arn:") {
		arn = r.Env.ARN("batch", "job-definition/"+jd)
	}
	_, name, _ := strings.Cut(arn, ":job-definition/")
	if strings.Contains(name, ":") {
		return []string{arn}
	}
	return []string{arn, arn + ":*"}
}

func batchQueueARN(r Request) string {
	q, ok := r.Known("JobQueue")
	switch {
	case !ok:
		return r.Env.ARN("batch", "job-queue/*")
	case strings.HasPrefix(q, "arn:") || strings.Contains(q, "${Token["):
		return q
	}
	return r.Env.ARN("batch", "job-queue/"+q)
}
