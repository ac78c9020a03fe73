package fragments_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
)

// Fixed names of the Batch fragments' tests.
const (
	jobQueueARN = "arn:aws:batch:eu-west-1:111122223333:job-queue/main"
	jobRoleARN  = "arn:aws:iam::111122223333:role/handler-job"
	registered  = "arn:aws:batch:eu-west-1:111122223333:job-definition/render-1:1"
)

// stackARN is an ARN in the test stack's partition, region and account,
// as cdktest flattens it.
func stackARN(service, resource string) string {
	return "arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + resource
}

func s3ARN(resource string) string { return "arn:${AWS::Partition}:s3:::" + resource }

// batchSyncStatements are what every batch:submitJob.sync needs besides
// batch:SubmitJob: DescribeJobs (no resource-level permission),
// TerminateJob on the account's jobs (the job id is not known before) and
// the managed EventBridge rule.
func batchSyncStatements() []map[string]any {
	return []map[string]any{
		stmt([]string{"batch:DescribeJobs"}, "*"),
		stmt([]string{"batch:TerminateJob"}, stackARN("batch", "job/*")),
		stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, stackARN("events", "rule/StepFunctionsGetEventsForBatchJobsRule")),
	}
}

func passRoleToBatch(roles ...string) map[string]any {
	s := stmt([]string{"iam:PassRole"}, roles...)
	s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "batch.amazonaws.com"}}
	return s
}

// assertExactStatements compares the role's statements with want, in any order.
func assertExactStatements(t *testing.T, want []map[string]any, template map[string]any) {
	t.Helper()
	assert.Equal(t, cdktest.SortedStatements(append([]map[string]any(nil), want...)), cdktest.SortedStatements(cdktest.RoleStatements(t, template)))
}

// submitJobMock answers batch:submitJob.sync with the DescribeJobs shape
// of a finished job, as Step Functions returns it.
func submitJobMock(calls *[]map[string]any) func(in any) (any, error) {
	return func(in any) (any, error) {
		req := in.(map[string]any)
		if calls != nil {
			*calls = append(*calls, req)
		}
		return map[string]any{
			"JobName": req["JobName"], "JobId": "job-1", "JobArn": "arn:aws:batch:eu-west-1:111122223333:job/job-1",
			"JobQueue": req["JobQueue"], "JobDefinition": req["JobDefinition"], "Status": "SUCCEEDED",
			"Attempts": []any{map[string]any{"Container": map[string]any{"ExitCode": 0}}}, "CreatedAt": 1, "StartedAt": 2, "StoppedAt": 3,
		}, nil
	}
}

// registerMock answers registerJobDefinition with the ARN of revision 1.
func registerMock(in any) (any, error) {
	name := in.(map[string]any)["JobDefinitionName"]
	return map[string]any{"JobDefinitionArn": registered, "JobDefinitionName": name, "Revision": 1}, nil
}
