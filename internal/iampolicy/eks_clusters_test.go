package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

func eksSLR(service, role string) Statement {
	return Statement{Actions: []string{"iam:CreateServiceLinkedRole"},
		Resources:  []string{"arn:aws:iam::111122223333:role/aws-service-role/" + service + "/" + role},
		Conditions: map[string]map[string]any{"StringEquals": {"iam:AWSServiceName": service}}}
}

func TestEksPatterns(t *testing.T) {
	for _, api := range []string{"runJob", "createCluster", "deleteCluster", "createNodegroup", "deleteNodegroup", "createFargateProfile", "deleteFargateProfile"} {
		in, ok := Lookup("eks", api)
		if assert.True(t, ok, api) {
			assert.Equal(t, "REQUEST_RESPONSE, RUN_JOB", in.SupportedPatterns(), api)
			assert.Equal(t, Sync, in.DefaultSuffix(RunJob), api)
		}
	}
	assert.Empty(t, policy(t, "eks", "runJob", RunJob, map[string]any{"ClusterName": "c"}), "Kubernetes RBAC, no IAM")
}

func TestEksCreateCluster(t *testing.T) {
	role := "arn:aws:iam::111122223333:role/eks-cluster"
	cluster := arnOf("eks", "cluster/prod")
	slr := eksSLR("eks.amazonaws.com", "AWSServiceRoleForAmazonEKS")
	create := Statement{Actions: []string{"eks:CreateCluster"}, Resources: []string{"*"}}
	pass := PassRole("eks.amazonaws.com", role)
	base := map[string]any{"Name": "prod", "RoleArn": role, "ResourcesVpcConfig": map[string]any{"SubnetIds": []any{"subnet-1"}}}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name    string
		pattern Pattern
		params  map[string]any
		want    []Statement
	}{
		{"request response", RequestResponse, base, []Statement{create, pass, slr}},
		{"run job: describe, and delete as the guide's template", RunJob, base,
			[]Statement{create, {Actions: []string{"eks:DescribeCluster", "eks:DeleteCluster"}, Resources: []string{cluster}}, pass, slr}},
		{"dynamic name and role", RunJob, map[string]any{"Name": value.Dyn("$.name"), "RoleArn": value.Dyn("$.role")},
			[]Statement{create, {Actions: []string{"eks:DescribeCluster", "eks:DeleteCluster"}, Resources: []string{arnOf("eks", "cluster/*")}},
				PassRole("eks.amazonaws.com", "arn:aws:iam::111122223333:role/*"), slr}},
		{"tags: TagResource on the cluster", RequestResponse, with(map[string]any{"Tags": map[string]any{"team": "platform"}}),
			[]Statement{create, {Actions: []string{"eks:TagResource"}, Resources: []string{cluster}}, pass, slr}},
		{"access entries bootstrap the creator", RequestResponse, with(map[string]any{"AccessConfig": map[string]any{"AuthenticationMode": "API"}}),
			[]Statement{create, {Actions: []string{"eks:CreateAccessEntry"}, Resources: []string{cluster}}, pass, slr}},
		{"CONFIG_MAP: no access entry", RequestResponse, with(map[string]any{"AccessConfig": map[string]any{"AuthenticationMode": "CONFIG_MAP"}}),
			[]Statement{create, pass, slr}},
		{"no bootstrap: no access entry", RequestResponse, with(map[string]any{"AccessConfig": map[string]any{
			"AuthenticationMode": "API_AND_CONFIG_MAP", "BootstrapClusterCreatorAdminPermissions": false}}),
			[]Statement{create, pass, slr}},
		{"secrets key", RequestResponse, with(map[string]any{"EncryptionConfig": []any{map[string]any{
			"Resources": []any{"secrets"}, "Provider": map[string]any{"KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/k1"}}}}),
			[]Statement{create, {Actions: []string{"kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"},
				Resources: []string{"arn:aws:kms:eu-west-1:111122223333:key/k1"}}, pass, slr}},
		{"secrets key decided at run time", RequestResponse, with(map[string]any{"EncryptionConfig": []any{map[string]any{
			"Resources": []any{"secrets"}, "Provider": map[string]any{"KeyArn": value.Dyn("$.key")}}}}),
			[]Statement{create, {Actions: []string{"kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"},
				Resources: []string{arnOf("kms", "key/*")}}, pass, slr}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, policy(t, "eks", "createCluster", tt.pattern, tt.params))
		})
	}
}

func TestEksNodegroups(t *testing.T) {
	role := "arn:aws:iam::111122223333:role/nodes"
	params := map[string]any{"ClusterName": "prod", "NodegroupName": "ng-1", "NodeRole": role, "Subnets": []any{"subnet-1"}}
	ng := arnOf("eks", "nodegroup/prod/ng-1/*")
	slr := eksSLR("eks-nodegroup.amazonaws.com", "AWSServiceRoleForAmazonEKSNodegroup")
	head := []Statement{
		{Actions: []string{"eks:CreateNodegroup"}, Resources: []string{arnOf("eks", "cluster/prod")}},
		{Actions: []string{"ec2:DescribeSubnets"}, Resources: []string{"*"}},
		{Actions: []string{"iam:GetRole", "iam:ListAttachedRolePolicies"}, Resources: []string{role}},
	}
	assert.Equal(t, append(append([]Statement(nil), head...), PassRole("eks.amazonaws.com", role), slr),
		policy(t, "eks", "createNodegroup", RequestResponse, params))
	assert.Equal(t, append(append([]Statement(nil), head...),
		Statement{Actions: []string{"eks:DescribeNodegroup", "eks:DeleteNodegroup"}, Resources: []string{ng}},
		PassRole("eks.amazonaws.com", role), slr),
		policy(t, "eks", "createNodegroup", RunJob, params))

	dynamic := policy(t, "eks", "createNodegroup", RunJob, map[string]any{"ClusterName": value.Dyn("$.c"),
		"NodegroupName": value.Dyn("States.Format('ng-{}', $.n)"), "NodeRole": value.Dyn("$.role"), "Tags": value.Dyn("$.tags")})
	anyRole := "arn:aws:iam::111122223333:role/*"
	assert.Equal(t, []Statement{
		{Actions: []string{"eks:CreateNodegroup"}, Resources: []string{arnOf("eks", "cluster/*")}},
		{Actions: []string{"ec2:DescribeSubnets"}, Resources: []string{"*"}},
		{Actions: []string{"iam:GetRole", "iam:ListAttachedRolePolicies"}, Resources: []string{anyRole}},
		{Actions: []string{"eks:TagResource"}, Resources: []string{arnOf("eks", "nodegroup/*/ng-*/*")}},
		{Actions: []string{"eks:DescribeNodegroup", "eks:DeleteNodegroup"}, Resources: []string{arnOf("eks", "nodegroup/*/ng-*/*")}},
		PassRole("eks.amazonaws.com", anyRole), slr,
	}, dynamic)

	assert.Equal(t, []Statement{{Actions: []string{"eks:DeleteNodegroup"}, Resources: []string{ng}}},
		policy(t, "eks", "deleteNodegroup", RequestResponse, map[string]any{"ClusterName": "prod", "NodegroupName": "ng-1"}))
	assert.Equal(t, []Statement{{Actions: []string{"eks:DeleteNodegroup", "eks:DescribeNodegroup"}, Resources: []string{ng}}},
		policy(t, "eks", "deleteNodegroup", RunJob, map[string]any{"ClusterName": "prod", "NodegroupName": "ng-1"}))
}

func TestEksFargateProfilesAndDeleteCluster(t *testing.T) {
	role := "arn:aws:iam::111122223333:role/pods"
	profile := arnOf("eks", "fargateprofile/prod/web/*")
	slr := eksSLR("eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate")
	params := map[string]any{"ClusterName": "prod", "FargateProfileName": "web", "PodExecutionRoleArn": role, "Tags": map[string]any{"a": "b"}}
	assert.Equal(t, []Statement{
		{Actions: []string{"eks:CreateFargateProfile"}, Resources: []string{arnOf("eks", "cluster/prod")}},
		{Actions: []string{"eks:TagResource"}, Resources: []string{profile}},
		{Actions: []string{"eks:DescribeFargateProfile", "eks:DeleteFargateProfile"}, Resources: []string{profile}},
		PassRole("eks.amazonaws.com", role), slr,
	}, policy(t, "eks", "createFargateProfile", RunJob, params))
	assert.Equal(t, []Statement{{Actions: []string{"eks:DeleteFargateProfile", "eks:DescribeFargateProfile"}, Resources: []string{profile}}},
		policy(t, "eks", "deleteFargateProfile", RunJob, map[string]any{"ClusterName": "prod", "FargateProfileName": "web"}))
	assert.Equal(t, []Statement{{Actions: []string{"eks:DeleteFargateProfile"}, Resources: []string{arnOf("eks", "fargateprofile/prod/*/*")}}},
		policy(t, "eks", "deleteFargateProfile", RequestResponse, map[string]any{"ClusterName": "prod", "FargateProfileName": value.Dyn("$.p")}))

	assert.Equal(t, []Statement{{Actions: []string{"eks:DeleteCluster"}, Resources: []string{arnOf("eks", "cluster/prod")}}},
		policy(t, "eks", "deleteCluster", RequestResponse, map[string]any{"Name": "prod"}))
	assert.Equal(t, []Statement{{Actions: []string{"eks:DeleteCluster", "eks:DescribeCluster"}, Resources: []string{arnOf("eks", "cluster/*")}}},
		policy(t, "eks", "deleteCluster", RunJob, map[string]any{"Name": value.Ata("{% $states.input.name %}")}))
}
