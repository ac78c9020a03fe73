package iampolicy

import (
	"regexp"
	"strings"
)

// Why returns, for each wildcard among the statement's resources (and each
// wildcard action, keyed "Action::<action>") that AWS leaves no narrower
// form of, the reason, naming the AWS documentation. A wildcard that comes
// from a choice of the user's (a wholly dynamic ARN, a resource type's "*")
// has no reason and is left for cdk-nag to report.
//
// The reason is a function of the statement's actions and the resource, not
// a field, so that Merge, which only unions resources of statements with the
// same actions and conditions, can never lose or misattribute one.
func (s Statement) Why() map[string]string {
	var out map[string]string
	add := func(k, v string) {
		if out == nil {
			out = map[string]string{}
		}
		out[k] = v
	}
	for _, r := range s.Resources {
		if strings.Contains(r, "*") {
			if why := WildcardReason(s.Actions, r); why != "" {
				add(r, why)
			}
		}
	}
	for _, a := range s.Actions {
		if why, ok := actionWildcards[a]; ok {
			add("Action::"+a, why)
		}
	}
	return out
}

// noResourceLevel are actions the Service Authorization Reference lists
// with no resource type: "*" is their only resource.
var noResourceLevel = map[string]bool{
	"batch:DescribeJobs":                  true,
	"ecr:GetAuthorizationToken":           true,
	"logs:CreateLogDelivery":              true,
	"logs:GetLogDelivery":                 true,
	"logs:UpdateLogDelivery":              true,
	"logs:DeleteLogDelivery":              true,
	"logs:ListLogDeliveries":              true,
	"logs:PutResourcePolicy":              true,
	"logs:DescribeResourcePolicies":       true,
	"logs:DescribeLogGroups":              true,
	"xray:PutTraceSegments":               true,
	"xray:PutTelemetryRecords":            true,
	"xray:GetSamplingRules":               true,
	"xray:GetSamplingTargets":             true,
	"elasticmapreduce:RunJobFlow":         true,
	"eks:CreateCluster":                   true,
	"emr-containers:CreateVirtualCluster": true,
	"sagemaker:ListTags":                  true,
	"athena:ListDataCatalogs":             true,
	"glue:GetCatalogImportStatus":         true,
	"states:ListStateMachines":            true,
	"states:ListActivities":               true,
	"cloudwatch:PutMetricData":            true,
	"ec2:DescribeNetworkInterfaces":       true,
	"ec2:DescribeSecurityGroups":          true,
	"ec2:DescribeSubnets":                 true,
	"ec2:DescribeVpcs":                    true,
	"ec2:DescribeDhcpOptions":             true,
}

var actionWildcards = map[string]string{
	"kms:GenerateDataKey*": "kms:GenerateDataKey* is the action set the Amazon SNS and Amazon SQS developer guides (server-side encryption: key policy / IAM permissions for publishers) require to send to an encrypted topic or queue",
}

var (
	// <type>/<literal prefix>* : a name made per execution by States.Format.
	namePrefix = regexp.MustCompile(`[/:][^/:*]+\*$`)
	// an S3 object ARN under a literal key prefix: <bucket>/<prefix>/*.
	s3KeyPrefix = regexp.MustCompile(`:s3:::[^/]+/[^*]+/\*$`)
)

// WildcardReason is the reason for resource, a wildcard granted for
// actions, when AWS leaves no narrower form of it; "" when there is none.
func WildcardReason(actions []string, resource string) string {
	all := func(ok func(string) bool) bool {
		for _, a := range actions {
			if !ok(a) {
				return false
			}
		}
		return len(actions) > 0
	}
	switch {
	case resource == "*":
		if all(func(a string) bool { return noResourceLevel[a] }) {
			verb := " supports"
			if len(actions) > 1 {
				verb = " support"
			}
			return strings.Join(actions, ", ") + verb + ` only Resource "*": the Service Authorization Reference lists no resource type for it`
		}
	case strings.HasSuffix(resource, ":job/*") && all(func(a string) bool {
		return a == "batch:TerminateJob" || a == "batch:SubmitJob" || a == "batch:TagResource"
	}):
		return "batch:SubmitJob, TagResource and TerminateJob act on job/<job ID>, and AWS Batch assigns the ID when the job is submitted (Service Authorization Reference: AWS Batch, resource type job)"
	case strings.Contains(resource, ":task/") && strings.HasSuffix(resource, "/*") &&
		all(func(a string) bool { return a == "ecs:StopTask" || a == "ecs:DescribeTasks" || a == "ecs:TagResource" }):
		return "ecs:StopTask, DescribeTasks and TagResource (tags on create) act on task/<cluster>/<task ID>, and Amazon ECS assigns the ID when the task starts; scoped to the cluster (Service Authorization Reference: Amazon ECS, resource type task)"
	case strings.HasSuffix(resource, "/jobruns/*") &&
		all(func(a string) bool { return strings.HasPrefix(a, "emr-serverless:") }):
		return "EMR Serverless assigns the job run ID at StartJobRun; scoped to the application (Service Authorization Reference: EMR Serverless, resource type jobRun)"
	case strings.Contains(resource, ":execution:") && strings.HasSuffix(resource, ":*") && !strings.HasSuffix(resource, ":*:*") &&
		all(func(a string) bool { return a == "states:DescribeExecution" || a == "states:StopExecution" }):
		return "execution names are chosen at StartExecution time; scoped to the one state machine (Step Functions developer guide: IAM policies for StartExecution .sync)"
	case strings.Contains(resource, ":job-definition/") && strings.HasSuffix(resource, ":*") &&
		all(func(a string) bool { return a == "batch:SubmitJob" }):
		return "a job definition given without a revision is resolved by AWS Batch to its latest ACTIVE revision at submission, and SubmitJob is authorized on job-definition/<name>:<revision>"
	case s3KeyPrefix.MatchString(resource):
		return "each execution writes and reads its own object keys, made at run time (States.Format); scoped to the literal key prefix, the narrowest ARN IAM can express (IAM user guide: IAM JSON policy elements: Resource, wildcards)"
	case namePrefix.MatchString(resource) && !strings.HasSuffix(resource, ":*"):
		return "the resource name is made per execution (States.Format with a literal prefix), so IAM cannot name it in advance; scoped to the literal prefix, the narrowest ARN IAM can express (IAM user guide: IAM JSON policy elements: Resource, wildcards)"
	}
	return ""
}
