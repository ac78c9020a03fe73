package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

func TestEmrPatterns(t *testing.T) {
	for api, want := range map[string]string{
		"addStep":                         "REQUEST_RESPONSE, RUN_JOB",
		"cancelStep":                      "REQUEST_RESPONSE",
		"terminateCluster":                "REQUEST_RESPONSE, RUN_JOB",
		"setClusterTerminationProtection": "REQUEST_RESPONSE",
		"modifyInstanceFleetByName":       "REQUEST_RESPONSE",
		"modifyInstanceGroupByName":       "REQUEST_RESPONSE",
		"createCluster":                   "REQUEST_RESPONSE, RUN_JOB",
	} {
		in, ok := Lookup("elasticmapreduce", api)
		if assert.True(t, ok, api) {
			assert.Equal(t, want, in.SupportedPatterns(), api)
		}
	}
}

func TestEmrServerlessPatterns(t *testing.T) {
	in, ok := Lookup("emr-serverless", "startJobRun")
	if assert.True(t, ok) {
		assert.Equal(t, "REQUEST_RESPONSE, RUN_JOB", in.SupportedPatterns())
	}
}

// Raw ASL names roles by name, role ARN or instance-profile ARN, or
// decides them at run time: each is passed only to its own service.
func TestEmrCreateClusterPassRole(t *testing.T) {
	role := func(name string) string { return env.GlobalARN("iam", env.Account, "role/"+name) }
	got := policy(t, "elasticmapreduce", "createCluster", RequestResponse, map[string]any{
		"ServiceRole":     "arn:aws:iam::111122223333:role/service/EMR_DefaultRole",
		"JobFlowRole":     "arn:aws:iam::111122223333:instance-profile/EMR_EC2_DefaultRole",
		"AutoScalingRole": value.Dyn("$.autoScaling"),
	})
	assert.Equal(t, []Statement{
		{Actions: []string{"elasticmapreduce:RunJobFlow"}, Resources: []string{"*"}},
		PassRole("elasticmapreduce.amazonaws.com", "arn:aws:iam::111122223333:role/service/EMR_DefaultRole"),
		PassRole("ec2.amazonaws.com", role("EMR_EC2_DefaultRole")),
		PassRole("application-autoscaling.amazonaws.com", role("*")),
	}, got[:4])
	assert.Equal(t, []string{"iam:CreateServiceLinkedRole"}, got[4].Actions)
	assert.Len(t, got, 5)
}

// Tags on the job run need emr-serverless:TagResource on the application's
// job runs (StartJobRun's dependent action for tag-on-create); none without.
func TestEmrServerlessStartJobRunTags(t *testing.T) {
	runs := arnOf("emr-serverless", "/applications/app1/jobruns/*")
	for _, tags := range []any{map[string]any{"team": "data"}, value.Dyn("$.tags")} {
		got := policy(t, "emr-serverless", "startJobRun", RequestResponse, map[string]any{"ApplicationId": "app1", "Tags": tags})
		assert.Equal(t, []Statement{
			{Actions: []string{"emr-serverless:StartJobRun"}, Resources: []string{arnOf("emr-serverless", "/applications/app1")}},
			{Actions: []string{"emr-serverless:TagResource"}, Resources: []string{runs}},
		}, got)
	}
	untagged := policy(t, "emr-serverless", "startJobRun", RequestResponse, map[string]any{"ApplicationId": "app1"})
	assert.Len(t, untagged, 1)
}
