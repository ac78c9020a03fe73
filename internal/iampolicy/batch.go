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

// BatchSubmitJob grants batch:SubmitJob on the job definition, the job
// queue and the account's jobs in this region (job/*): the Service
// Authorization Reference lists job and job-queue as SubmitJob's required
// resource types (the job definition optional), and the job's ID, so its
// ARN, is only known once it is submitted. The Step Functions guide says
// "*". A request that tags the job (Tags) adds batch:TagResource on the
// same jobs, the dependent action Batch authorizes tag-on-create with.
// RUN_JOB adds batch:DescribeJobs on "*" (AWS Batch documents no
// resource-level permission for it), batch:TerminateJob on the account's
// jobs and the EventBridge rule. REQUEST_RESPONSE gets no rule (the CDK
// adds one).
func BatchSubmitJob(r Request) []Statement {
	jobs := r.Env.ARN("batch", "job/*")
	resources := append(batchJobDefinitionARNs(r), batchQueueARN(r), jobs)
	stmts := []Statement{{Actions: []string{"batch:SubmitJob"}, Resources: resources}}
	if r.Param("Tags") != nil {
		stmts = append(stmts, Statement{Actions: []string{"batch:TagResource"}, Resources: []string{jobs}})
	}
	if r.Pattern == RunJob {
		stmts = append(stmts,
			Statement{Actions: []string{"batch:DescribeJobs"}, Resources: []string{"*"}},
			Statement{Actions: []string{"batch:TerminateJob"}, Resources: []string{jobs}},
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
