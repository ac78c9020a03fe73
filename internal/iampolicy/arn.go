package iampolicy

import "strings"

// Env is where ARNs point: the stack's partition, region and account,
// usually CDK tokens ("${Token[AWS.Partition.8]}") that CloudFormation fills in.
type Env struct {
	Partition, Region, Account string
}

// ARN builds arn:<partition>:<service>:<region>:<account>:<resource> in this
// environment. Global services (IAM, S3) pass an empty region/account with
// GlobalARN.
func (e Env) ARN(service, resource string) string {
	return "arn:" + e.Partition + ":" + service + ":" + e.Region + ":" + e.Account + ":" + resource
}

// GlobalARN builds an ARN without region (IAM: account only; S3: neither).
func (e Env) GlobalARN(service, account, resource string) string {
	return "arn:" + e.Partition + ":" + service + "::" + account + ":" + resource
}

// RoleWildcard is every role of the account: what iam:PassRole falls back
// to when the role is only known at run time.
func (e Env) RoleWildcard() string { return e.GlobalARN("iam", e.Account, "role/*") }

// IntegrationARN is the Task Resource of an optimized or SDK integration:
// arn:<partition>:states:::<service>:<api><suffix>.
func (e Env) IntegrationARN(service, api, suffix string) string {
	return "arn:" + e.Partition + ":states:::" + service + ":" + api + suffix
}

// ParseIntegrationARN splits a Task Resource such as
// "arn:aws:states:::sagemaker:createProcessingJob.sync" into service
// ("sagemaker", or "aws-sdk:s3" for SDK integrations), api and suffix.
func ParseIntegrationARN(resource string) (service, api, suffix string, ok bool) {
	const marker = ":states:::"
	i := strings.Index(resource, marker)
	if !strings.HasPrefix(resource, "arn:") || i < 0 {
		return "", "", "", false
	}
	rest := resource[i+len(marker):]
	if j := strings.Index(rest, "."); j >= 0 {
		rest, suffix = rest[:j], rest[j:]
	}
	k := strings.LastIndex(rest, ":")
	if k <= 0 || k == len(rest)-1 {
		return "", "", "", false
	}
	return rest[:k], rest[k+1:], suffix, true
}
