package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	eksClusterRole = "arn:aws:iam::111122223333:role/eks-cluster"
	eksNodeRole    = "arn:aws:iam::111122223333:role/eks-nodes"
	eksPodRole     = "arn:aws:iam::111122223333:role/eks-pods"
	eksEndpoint    = "https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com"
)

func eksSLR(service, role string) map[string]any {
	s := stmt([]string{"iam:CreateServiceLinkedRole"}, "arn:"+partition+":iam::"+account+":role/aws-service-role/"+service+"/"+role)
	s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:AWSServiceName": service}}
	return s
}

func eksIAM(t *testing.T, tpl map[string]any) []map[string]any {
	t.Helper()
	return cdktest.SortedStatements(cdktest.RoleStatements(t, tpl))
}

func eksClusterProps(mod func(p *tasks.EksCreateClusterProps)) *tasks.EksCreateClusterProps {
	p := &tasks.EksCreateClusterProps{
		Name:               jsii.String("prod"),
		RoleArn:            jsii.String(eksClusterRole),
		ResourcesVpcConfig: &tasks.EksVpcConfigRequest{SubnetIds: jsii.Strings("subnet-a", "subnet-b")},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEksCreateClusterRendering(t *testing.T) {
	stack := cdktest.NewStack()
	full := tasks.NewEksCreateCluster(stack, jsii.String("Full"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
		p.Version = jsii.String("1.31")
		p.ResourcesVpcConfig = &tasks.EksVpcConfigRequest{SubnetIds: jsii.Strings("subnet-a", "subnet-b"), SecurityGroupIds: jsii.Strings("sg-1"),
			EndpointPublicAccess: jsii.Bool(false), EndpointPrivateAccess: jsii.Bool(true), PublicAccessCidrs: jsii.Strings("10.0.0.0/8")}
		p.KubernetesNetworkConfig = &tasks.EksKubernetesNetworkConfig{ServiceIpv4Cidr: jsii.String("172.20.0.0/16"), IpFamily: jsii.String("ipv4")}
		p.Logging = &tasks.EksLogging{ClusterLogging: &[]*tasks.EksLogSetup{{Types: jsii.Strings("api", "audit"), Enabled: jsii.Bool(true)}}}
		p.EncryptionConfig = &[]*tasks.EksEncryptionConfig{{Resources: jsii.Strings("secrets"),
			Provider: &tasks.EksProvider{KeyArn: jsii.String("arn:aws:kms:eu-west-1:111122223333:key/k1")}}}
		p.AccessConfig = &tasks.EksAccessConfig{AuthenticationMode: jsii.String("API"), BootstrapClusterCreatorAdminPermissions: jsii.Bool(true)}
		p.UpgradePolicy = &tasks.EksUpgradePolicy{SupportType: jsii.String("STANDARD")}
		p.ZonalShiftConfig = &tasks.EksZonalShiftConfig{Enabled: jsii.Bool(true)}
		p.DeletionProtection = jsii.Bool(true)
		p.BootstrapSelfManagedAddons = jsii.Bool(false)
		p.ClientRequestToken = jsii.String("token-1")
		p.Tags = &map[string]*string{"team": jsii.String("platform"), "cost-center": tasks.StringAt("$.cost")}
	}))
	sync := tasks.NewEksCreateCluster(stack, jsii.String("Sync"), &tasks.EksCreateClusterProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Name:               tasks.StringAt("$.name"),
		RoleArn:            tasks.StringAt("$.role"),
		ResourcesVpcConfig: tasks.ValueAt[tasks.EksVpcConfigRequest]("$.vpc"),
		Version:            tasks.StringAt("$.version"),
		Tags:               tasks.StringMapAt("$.tags"),
	})
	tpl := machine(t, stack, full.Next(sync))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:createCluster", "Next": "Sync",
		"Parameters": map[string]any{
			"Name": "prod", "RoleArn": eksClusterRole, "Version": "1.31",
			"ResourcesVpcConfig": map[string]any{"SubnetIds": []any{"subnet-a", "subnet-b"}, "SecurityGroupIds": []any{"sg-1"},
				"EndpointPublicAccess": false, "EndpointPrivateAccess": true, "PublicAccessCidrs": []any{"10.0.0.0/8"}},
			"KubernetesNetworkConfig": map[string]any{"ServiceIpv4Cidr": "172.20.0.0/16", "IpFamily": "ipv4"},
			"Logging":                 map[string]any{"ClusterLogging": []any{map[string]any{"Types": []any{"api", "audit"}, "Enabled": true}}},
			"EncryptionConfig": []any{map[string]any{"Resources": []any{"secrets"},
				"Provider": map[string]any{"KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/k1"}}},
			"AccessConfig":               map[string]any{"AuthenticationMode": "API", "BootstrapClusterCreatorAdminPermissions": true},
			"UpgradePolicy":              map[string]any{"SupportType": "STANDARD"},
			"ZonalShiftConfig":           map[string]any{"Enabled": true},
			"DeletionProtection":         true,
			"BootstrapSelfManagedAddons": false,
			"ClientRequestToken":         "token-1",
			"Tags":                       map[string]any{"team": "platform", "cost-center.$": "$.cost"},
		}}, state(t, tpl, "Full"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:createCluster.sync", "End": true,
		"Parameters": map[string]any{"Name.$": "$.name", "RoleArn.$": "$.role", "ResourcesVpcConfig.$": "$.vpc", "Version.$": "$.version", "Tags.$": "$.tags"}},
		state(t, tpl, "Sync"))
	integ.Validate(t, stack)

	jsonata := cdktest.NewStack()
	j := tasks.NewEksCreateCluster(jsonata, jsii.String("Create"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.Name = jsii.String("{% $states.input.name %}")
	}))
	args := state(t, machine(t, jsonata, j), "Create")["Arguments"].(map[string]any)
	assert.Equal(t, "{% $states.input.name %}", args["Name"])
}

func TestEksCreateClusterIAM(t *testing.T) {
	cluster := arn("eks", "cluster/prod")
	create := stmt([]string{"eks:CreateCluster"}, "*")
	slr := eksSLR("eks.amazonaws.com", "AWSServiceRoleForAmazonEKS")
	pass := passRoleTo("eks.amazonaws.com", eksClusterRole)
	tests := []struct {
		name string
		mod  func(p *tasks.EksCreateClusterProps)
		want []map[string]any
	}{
		{"request response (default)", nil, []map[string]any{create, pass, slr}},
		{"run job: describe to poll, delete as the guide's template", func(p *tasks.EksCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		}, []map[string]any{create, stmt([]string{"eks:DescribeCluster", "eks:DeleteCluster"}, cluster), pass, slr}},
		{"dynamic name and role: the account's clusters and roles, roles only to EKS", func(p *tasks.EksCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
			p.Name = tasks.StringAt("States.Format('team-{}', $.team)")
			p.RoleArn = tasks.StringAt("$.role")
		}, []map[string]any{create, stmt([]string{"eks:DescribeCluster", "eks:DeleteCluster"}, arn("eks", "cluster/team-*")),
			passRoleTo("eks.amazonaws.com", "arn:"+partition+":iam::"+account+":role/*"), slr}},
		{"tags: TagResource on the cluster (tag-on-create)", func(p *tasks.EksCreateClusterProps) {
			p.Tags = &map[string]*string{"team": jsii.String("platform")}
		}, []map[string]any{create, stmt([]string{"eks:TagResource"}, cluster), pass, slr}},
		{"access entries: the creator's entry", func(p *tasks.EksCreateClusterProps) {
			p.AccessConfig = &tasks.EksAccessConfig{AuthenticationMode: jsii.String("API_AND_CONFIG_MAP")}
		}, []map[string]any{create, stmt([]string{"eks:CreateAccessEntry"}, cluster), pass, slr}},
		{"secrets encryption: the key", func(p *tasks.EksCreateClusterProps) {
			p.EncryptionConfig = &[]*tasks.EksEncryptionConfig{{Resources: jsii.Strings("secrets"),
				Provider: &tasks.EksProvider{KeyArn: jsii.String("arn:aws:kms:eu-west-1:111122223333:key/k1")}}}
		}, []map[string]any{create, stmt([]string{"kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"}, "arn:aws:kms:eu-west-1:111122223333:key/k1"), pass, slr}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewEksCreateCluster(stack, jsii.String("Create"), eksClusterProps(tt.mod))
			assert.Equal(t, cdktest.SortedStatements(tt.want), eksIAM(t, machine(t, stack, task)))
		})
	}
}

func TestEksDeleteCluster(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewEksDeleteCluster(stack, jsii.String("RR"), &tasks.EksDeleteClusterProps{Name: jsii.String("prod")})
	sync := tasks.NewEksDeleteCluster(stack, jsii.String("Sync"), &tasks.EksDeleteClusterProps{Name: tasks.StringAt("$.name"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	tpl := machine(t, stack, rr.Next(sync))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:deleteCluster", "Next": "Sync",
		"Parameters": map[string]any{"Name": "prod"}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Name.$": "$.name"}, state(t, tpl, "Sync")["Parameters"])
	assert.Equal(t, "arn:"+partition+":states:::eks:deleteCluster.sync", state(t, tpl, "Sync")["Resource"])
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"eks:DeleteCluster"}, arn("eks", "cluster/prod")),
		stmt([]string{"eks:DeleteCluster", "eks:DescribeCluster"}, arn("eks", "cluster/*")),
	}), eksIAM(t, tpl))
	integ.Validate(t, stack)
}

func eksNodegroupProps(mod func(p *tasks.EksCreateNodegroupProps)) *tasks.EksCreateNodegroupProps {
	p := &tasks.EksCreateNodegroupProps{
		ClusterName: jsii.String("prod"), NodegroupName: jsii.String("general"), NodeRole: jsii.String(eksNodeRole),
		Subnets: jsii.Strings("subnet-a", "subnet-b"),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEksNodegroups(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEksCreateNodegroup(stack, jsii.String("Create"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.ScalingConfig = &tasks.EksNodegroupScalingConfig{MinSize: jsii.Number(1), MaxSize: jsii.Number(4), DesiredSize: tasks.NumberAt("$.nodes")}
		p.DiskSize = jsii.Number(50)
		p.InstanceTypes = jsii.Strings("m6i.large")
		p.AmiType = jsii.String("AL2023_x86_64_STANDARD")
		p.CapacityType = jsii.String("SPOT")
		p.RemoteAccess = &tasks.EksRemoteAccessConfig{Ec2SshKey: jsii.String("ops"), SourceSecurityGroups: jsii.Strings("sg-ssh")}
		p.Labels = &map[string]*string{"tier": jsii.String("general")}
		p.Taints = &[]*tasks.EksTaint{{Key: jsii.String("dedicated"), Value: jsii.String("batch"), Effect: jsii.String("NO_SCHEDULE")}}
		p.UpdateConfig = &tasks.EksNodegroupUpdateConfig{MaxUnavailable: jsii.Number(1)}
		p.Version = jsii.String("1.31")
		p.Tags = &map[string]*string{"team": jsii.String("platform")}
	}))
	del := tasks.NewEksDeleteNodegroup(stack, jsii.String("Delete"), &tasks.EksDeleteNodegroupProps{
		ClusterName: jsii.String("prod"), NodegroupName: tasks.StringAt("$.nodegroup")})
	tpl := machine(t, stack, create.Next(del))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:createNodegroup.sync", "Next": "Delete",
		"Parameters": map[string]any{
			"ClusterName": "prod", "NodegroupName": "general", "NodeRole": eksNodeRole, "Subnets": []any{"subnet-a", "subnet-b"},
			"ScalingConfig": map[string]any{"MinSize": 1.0, "MaxSize": 4.0, "DesiredSize.$": "$.nodes"},
			"DiskSize":      50.0, "InstanceTypes": []any{"m6i.large"}, "AmiType": "AL2023_x86_64_STANDARD", "CapacityType": "SPOT",
			"RemoteAccess": map[string]any{"Ec2SshKey": "ops", "SourceSecurityGroups": []any{"sg-ssh"}},
			"Labels":       map[string]any{"tier": "general"},
			"Taints":       []any{map[string]any{"Key": "dedicated", "Value": "batch", "Effect": "NO_SCHEDULE"}},
			"UpdateConfig": map[string]any{"MaxUnavailable": 1.0},
			"Version":      "1.31",
			"Tags":         map[string]any{"team": "platform"},
		}}, state(t, tpl, "Create"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:deleteNodegroup", "End": true,
		"Parameters": map[string]any{"ClusterName": "prod", "NodegroupName.$": "$.nodegroup"}}, state(t, tpl, "Delete"))

	nodegroup := arn("eks", "nodegroup/prod/general/*")
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"eks:CreateNodegroup"}, arn("eks", "cluster/prod")),
		stmt([]string{"ec2:DescribeSubnets"}, "*"),
		stmt([]string{"iam:GetRole", "iam:ListAttachedRolePolicies"}, eksNodeRole),
		stmt([]string{"eks:TagResource"}, nodegroup),
		stmt([]string{"eks:DescribeNodegroup", "eks:DeleteNodegroup"}, nodegroup),
		passRoleTo("eks.amazonaws.com", eksNodeRole),
		eksSLR("eks-nodegroup.amazonaws.com", "AWSServiceRoleForAmazonEKSNodegroup"),
		stmt([]string{"eks:DeleteNodegroup"}, arn("eks", "nodegroup/prod/*/*")),
	}), eksIAM(t, tpl))
	integ.Validate(t, stack)
}

func TestEksFargateProfiles(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEksCreateFargateProfile(stack, jsii.String("Create"), &tasks.EksCreateFargateProfileProps{
		ClusterName: jsii.String("prod"), FargateProfileName: jsii.String("web"), PodExecutionRoleArn: jsii.String(eksPodRole),
		Subnets:   jsii.Strings("subnet-a"),
		Selectors: &[]*tasks.EksFargateProfileSelector{{Namespace: jsii.String("web"), Labels: &map[string]*string{"app": tasks.StringAt("$.app")}}},
	})
	del := tasks.NewEksDeleteFargateProfile(stack, jsii.String("Delete"), &tasks.EksDeleteFargateProfileProps{
		ClusterName: jsii.String("prod"), FargateProfileName: jsii.String("web"), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	tpl := machine(t, stack, create.Next(del))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:createFargateProfile", "Next": "Delete",
		"Parameters": map[string]any{"ClusterName": "prod", "FargateProfileName": "web", "PodExecutionRoleArn": eksPodRole,
			"Subnets": []any{"subnet-a"}, "Selectors": []any{map[string]any{"Namespace": "web", "Labels": map[string]any{"app.$": "$.app"}}}}},
		state(t, tpl, "Create"))
	assert.Equal(t, "arn:"+partition+":states:::eks:deleteFargateProfile.sync", state(t, tpl, "Delete")["Resource"])
	profile := arn("eks", "fargateprofile/prod/web/*")
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"eks:CreateFargateProfile"}, arn("eks", "cluster/prod")),
		passRoleTo("eks.amazonaws.com", eksPodRole),
		eksSLR("eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate"),
		stmt([]string{"eks:DeleteFargateProfile", "eks:DescribeFargateProfile"}, profile),
	}), eksIAM(t, tpl))
	integ.Validate(t, stack)
}

func TestEksClusterTaskErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack)
		want  string
	}{
		{"no cluster name", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.Name = nil }))
		}, "Name: required"},
		{"bad cluster name", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.Name = jsii.String("-prod") }))
		}, `Name: "-prod" is not a valid name`},
		{"cluster name too long", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.Name = jsii.String(strings.Repeat("c", 101)) }))
		}, "Name: must be 1 to 100 characters, got 101"},
		{"role not an ARN", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.RoleArn = jsii.String("eks-cluster") }))
		}, `RoleArn: "eks-cluster" is not an IAM role ARN`},
		{"no network", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.ResourcesVpcConfig = nil }))
		}, "ResourcesVpcConfig: required"},
		{"no subnets", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.ResourcesVpcConfig = &tasks.EksVpcConfigRequest{} }))
		}, "ResourcesVpcConfig.SubnetIds: required"},
		{"seventeen subnets", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				ids := make([]*string, 17)
				for i := range ids {
					ids[i] = jsii.String("subnet")
				}
				p.ResourcesVpcConfig.SubnetIds = &ids
			}))
		}, "ResourcesVpcConfig.SubnetIds: give 1 to 16, got 17"},
		{"nil subnet", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.ResourcesVpcConfig.SubnetIds = &[]*string{nil} }))
		}, "ResourcesVpcConfig.SubnetIds[0]: must be a string (or dynamic)"},
		{"no endpoint", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.ResourcesVpcConfig.EndpointPublicAccess, p.ResourcesVpcConfig.EndpointPrivateAccess = jsii.Bool(false), jsii.Bool(false)
			}))
		}, "ResourcesVpcConfig.EndpointPrivateAccess: the API server needs a public or a private endpoint"},
		{"version", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) { p.Version = jsii.String("v1.31") }))
		}, `Version: "v1.31" is not a Kubernetes version`},
		{"ip family", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.KubernetesNetworkConfig = &tasks.EksKubernetesNetworkConfig{IpFamily: jsii.String("IPv4")}
			}))
		}, `KubernetesNetworkConfig.IpFamily: must be ipv4, ipv6 (or dynamic), got "IPv4"`},
		{"log type", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.Logging = &tasks.EksLogging{ClusterLogging: &[]*tasks.EksLogSetup{{Types: jsii.Strings("kubelet")}}}
			}))
		}, `Logging.ClusterLogging[0].Types[0]: must be api, audit, authenticator, controllerManager or scheduler (or dynamic), got "kubelet"`},
		{"nil log setup", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.Logging = &tasks.EksLogging{ClusterLogging: &[]*tasks.EksLogSetup{nil}}
			}))
		}, "Logging.ClusterLogging[0]: a nil item"},
		{"key missing", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.EncryptionConfig = &[]*tasks.EksEncryptionConfig{{Resources: jsii.Strings("secrets")}}
			}))
		}, "EncryptionConfig[0].Provider: required"},
		{"authentication mode", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.AccessConfig = &tasks.EksAccessConfig{AuthenticationMode: jsii.String("IAM")}
			}))
		}, `AccessConfig.AuthenticationMode: must be API, API_AND_CONFIG_MAP, CONFIG_MAP (or dynamic), got "IAM"`},
		{"aws: tag", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.Tags = &map[string]*string{"aws:team": jsii.String("x")}
			}))
		}, `Tags: key "aws:team": the aws: prefix is reserved`},
		{"callback", func(s awscdk.Stack) {
			tasks.NewEksCreateCluster(s, jsii.String("T"), eksClusterProps(func(p *tasks.EksCreateClusterProps) {
				p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
				p.ClientRequestToken = tasks.StringAt("$$.Task.Token")
			}))
		}, "WAIT_FOR_TASK_TOKEN is not supported by eks:createCluster; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"delete cluster without a name", func(s awscdk.Stack) {
			tasks.NewEksDeleteCluster(s, jsii.String("T"), &tasks.EksDeleteClusterProps{})
		}, "Name: required"},
		{"nodegroup without a role", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) { p.NodeRole = nil }))
		}, "NodeRole: required"},
		{"nodegroup without subnets", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) { p.Subnets = nil }))
		}, "Subnets: required"},
		{"nodegroup name", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) { p.NodegroupName = jsii.String("my group") }))
		}, `NodegroupName: "my group" is not a valid name`},
		{"min above max", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.ScalingConfig = &tasks.EksNodegroupScalingConfig{MinSize: jsii.Number(5), MaxSize: jsii.Number(2)}
			}))
		}, "ScalingConfig.MinSize: must be at most MaxSize (2), got 5"},
		{"desired below min", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.ScalingConfig = &tasks.EksNodegroupScalingConfig{MinSize: jsii.Number(2), MaxSize: jsii.Number(4), DesiredSize: jsii.Number(1)}
			}))
		}, "ScalingConfig.DesiredSize: must be at least MinSize (2), got 1"},
		{"max size zero", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.ScalingConfig = &tasks.EksNodegroupScalingConfig{MaxSize: jsii.Number(0)}
			}))
		}, "ScalingConfig.MaxSize: must be at least 1 (or dynamic), got 0"},
		{"disk size with a launch template", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.DiskSize = jsii.Number(20)
				p.LaunchTemplate = &tasks.EksLaunchTemplateSpecification{Id: jsii.String("lt-1")}
			}))
		}, "DiskSize: set the disk size in the launch template"},
		{"launch template name and id", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.LaunchTemplate = &tasks.EksLaunchTemplateSpecification{Id: jsii.String("lt-1"), Name: jsii.String("nodes")}
			}))
		}, "LaunchTemplate.Name: give Name or Id, not both"},
		{"capacity type", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) { p.CapacityType = jsii.String("spot") }))
		}, `CapacityType: must be ON_DEMAND, SPOT, CAPACITY_BLOCK (or dynamic), got "spot"`},
		{"taint effect", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.Taints = &[]*tasks.EksTaint{{Key: jsii.String("k"), Effect: jsii.String("NoSchedule")}}
			}))
		}, `Taints[0].Effect: must be NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE (or dynamic), got "NoSchedule"`},
		{"taint without a key", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.Taints = &[]*tasks.EksTaint{{Effect: jsii.String("NO_EXECUTE")}}
			}))
		}, "Taints[0].Key: required"},
		{"both unavailable limits", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.UpdateConfig = &tasks.EksNodegroupUpdateConfig{MaxUnavailable: jsii.Number(1), MaxUnavailablePercentage: jsii.Number(10)}
			}))
		}, "UpdateConfig.MaxUnavailable: give MaxUnavailable or MaxUnavailablePercentage, not both"},
		{"unavailable percentage", func(s awscdk.Stack) {
			tasks.NewEksCreateNodegroup(s, jsii.String("T"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
				p.UpdateConfig = &tasks.EksNodegroupUpdateConfig{MaxUnavailablePercentage: jsii.Number(101)}
			}))
		}, "UpdateConfig.MaxUnavailablePercentage: must be from 1 to 100 (or dynamic), got 101"},
		{"delete nodegroup without a cluster", func(s awscdk.Stack) {
			tasks.NewEksDeleteNodegroup(s, jsii.String("T"), &tasks.EksDeleteNodegroupProps{NodegroupName: jsii.String("n")})
		}, "ClusterName: required"},
		{"fargate without a pod role", func(s awscdk.Stack) {
			tasks.NewEksCreateFargateProfile(s, jsii.String("T"), &tasks.EksCreateFargateProfileProps{ClusterName: jsii.String("c"), FargateProfileName: jsii.String("f")})
		}, "PodExecutionRoleArn: required"},
		{"fargate selector without a namespace", func(s awscdk.Stack) {
			tasks.NewEksCreateFargateProfile(s, jsii.String("T"), &tasks.EksCreateFargateProfileProps{ClusterName: jsii.String("c"), FargateProfileName: jsii.String("f"),
				PodExecutionRoleArn: jsii.String(eksPodRole), Selectors: &[]*tasks.EksFargateProfileSelector{{}}})
		}, "Selectors[0].Namespace: required"},
		{"six fargate selectors", func(s awscdk.Stack) {
			sel := make([]*tasks.EksFargateProfileSelector, 6)
			for i := range sel {
				sel[i] = &tasks.EksFargateProfileSelector{Namespace: jsii.String("ns")}
			}
			tasks.NewEksCreateFargateProfile(s, jsii.String("T"), &tasks.EksCreateFargateProfileProps{ClusterName: jsii.String("c"), FargateProfileName: jsii.String("f"),
				PodExecutionRoleArn: jsii.String(eksPodRole), Selectors: &sel})
		}, "Selectors: give 1 to 5 selectors, got 6"},
		{"delete fargate profile without a name", func(s awscdk.Stack) {
			tasks.NewEksDeleteFargateProfile(s, jsii.String("T"), &tasks.EksDeleteFargateProfileProps{ClusterName: jsii.String("c")})
		}, "FargateProfileName: required"},
		{"nil props", func(s awscdk.Stack) { tasks.NewEksCreateNodegroup(s, jsii.String("T"), nil) },
			"props: required; give &tasks.EksCreateNodegroupProps{...}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() { tt.build(stack) }), tt.want)
		})
	}
}

func eksRunJobProps(mod func(p *tasks.EksRunJobProps)) *tasks.EksRunJobProps {
	p := &tasks.EksRunJobProps{
		ClusterName: jsii.String("prod"), CertificateAuthority: jsii.String("LS0tLS1CRUd..."), Endpoint: jsii.String(eksEndpoint),
		Namespace: jsii.String("jobs"),
		Job: tasks.TaskInput_FromObject(map[string]interface{}{
			"apiVersion": "batch/v1", "kind": "Job", "metadata": map[string]interface{}{"name": "pi"},
			"spec": map[string]interface{}{"backoffLimit": 0, "template": map[string]interface{}{"spec": map[string]interface{}{
				"restartPolicy": "Never",
				"containers": []interface{}{map[string]interface{}{"name": "pi", "image": "perl",
					"command": []interface{}{"perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"}, "args": tasks.Path("$.args")}},
			}}},
		}),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEksRunJob(t *testing.T) {
	stack := cdktest.NewStack()
	cluster := awseks.Cluster_FromClusterAttributes(stack, jsii.String("Cluster"), &awseks.ClusterAttributes{
		ClusterName: jsii.String("imported"), ClusterEndpoint: jsii.String(eksEndpoint), ClusterCertificateAuthorityData: jsii.String("Q0E=")})
	sync := tasks.NewEksRunJob(stack, jsii.String("Sync"), eksRunJobProps(func(p *tasks.EksRunJobProps) {
		p.LogOptions = &tasks.EksLogOptions{RetrieveLogs: jsii.Bool(true), RawLogs: jsii.Bool(false),
			LogParameters: &map[string]*[]*string{"tailLines": jsii.Strings("6")}}
	}))
	rr := tasks.NewEksRunJob(stack, jsii.String("RR"), &tasks.EksRunJobProps{
		IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
		Cluster:            cluster,
		Job:                tasks.TaskInput_FromJsonPathAt("$.job"),
	})
	tpl := machine(t, stack, sync.Next(rr))
	got := state(t, tpl, "Sync")
	assert.Equal(t, "arn:"+partition+":states:::eks:runJob.sync", got["Resource"], "RUN_JOB by default")
	params := got["Parameters"].(map[string]any)
	assert.Equal(t, "prod", params["ClusterName"])
	assert.Equal(t, eksEndpoint, params["Endpoint"])
	assert.Equal(t, "jobs", params["Namespace"])
	assert.Equal(t, map[string]any{"RetrieveLogs": true, "RawLogs": false, "LogParameters": map[string]any{"tailLines": []any{"6"}}}, params["LogOptions"])
	job := params["Job"].(map[string]any)
	assert.Equal(t, "batch/v1", job["apiVersion"], "the manifest's keys are kept as written")
	container := job["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	assert.Equal(t, "$.args", container["args.$"])
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:runJob", "End": true,
		"Parameters": map[string]any{"ClusterName": "imported", "CertificateAuthority": "Q0E=", "Endpoint": eksEndpoint, "Job.$": "$.job"}},
		state(t, tpl, "RR"))
	assert.Empty(t, cdktest.RoleStatements(t, tpl), "Kubernetes RBAC authorizes eks:runJob: no IAM statement")
	integ.Validate(t, stack)

	errs := []struct {
		name string
		mod  func(p *tasks.EksRunJobProps)
		want string
	}{
		{"no job", func(p *tasks.EksRunJobProps) { p.Job = nil }, "Job: required"},
		{"not a job", func(p *tasks.EksRunJobProps) {
			p.Job = tasks.TaskInput_FromObject(map[string]interface{}{"apiVersion": "v1", "kind": "Pod", "spec": map[string]interface{}{}})
		}, `Job.apiVersion: must be "batch/v1"`},
		{"no kind", func(p *tasks.EksRunJobProps) {
			p.Job = tasks.TaskInput_FromObject(map[string]interface{}{"apiVersion": "batch/v1", "spec": map[string]interface{}{}})
		}, `Job.kind: required: "Job"`},
		{"no spec", func(p *tasks.EksRunJobProps) {
			p.Job = tasks.TaskInput_FromObject(map[string]interface{}{"apiVersion": "batch/v1", "kind": "Job"})
		}, "Job.spec: required"},
		{"logs without RUN_JOB", func(p *tasks.EksRunJobProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			p.LogOptions = &tasks.EksLogOptions{RetrieveLogs: jsii.Bool(true)}
		}, "LogOptions: only with RUN_JOB"},
		{"nil log parameter", func(p *tasks.EksRunJobProps) {
			p.LogOptions = &tasks.EksLogOptions{LogParameters: &map[string]*[]*string{"tailLines": nil}}
		}, "LogOptions.LogParameters.tailLines: is nil"},
		{"no endpoint", func(p *tasks.EksRunJobProps) { p.Endpoint = nil }, "Endpoint: required when Cluster is not given"},
		{"endpoint not https", func(p *tasks.EksRunJobProps) { p.Endpoint = jsii.String("ABCDEF.eks.amazonaws.com") }, "Endpoint: must be the cluster's https:// API server endpoint"},
		{"cluster and names", func(p *tasks.EksRunJobProps) { p.Cluster = cluster }, "Cluster: give Cluster or ClusterName/CertificateAuthority/Endpoint, not both"},
		{"namespace", func(p *tasks.EksRunJobProps) { p.Namespace = jsii.String("Jobs") }, `Namespace: "Jobs" is not a Kubernetes namespace name`},
		{"callback", func(p *tasks.EksRunJobProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Namespace = tasks.StringAt("$$.Task.Token")
		}, "WAIT_FOR_TASK_TOKEN is not supported by eks:runJob; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, validationError(t, func() { tasks.NewEksRunJob(stack, jsii.String(tt.name), eksRunJobProps(tt.mod)) }), tt.want)
		})
	}
}

// eksLifecycle is a cluster's life in one state machine: create it, add a
// node group, run a Job, take both down; a failed Job is caught so that
// the cluster is deleted anyway.
func eksLifecycle(scope constructs.Construct) sfn.IChainable {
	create := tasks.NewEksCreateCluster(scope, jsii.String("Create cluster"), &tasks.EksCreateClusterProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Name:               tasks.StringAt("$.cluster"), RoleArn: jsii.String(eksClusterRole),
		ResourcesVpcConfig: &tasks.EksVpcConfigRequest{SubnetIds: tasks.ListAt("$.subnets")},
		ResultSelector: &map[string]interface{}{"Endpoint.$": "$.Cluster.Endpoint",
			"CertificateAuthority.$": "$.Cluster.CertificateAuthority.Data"},
		ResultPath: jsii.String("$.eks"),
	})
	nodes := tasks.NewEksCreateNodegroup(scope, jsii.String("Add nodes"), &tasks.EksCreateNodegroupProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		ClusterName:        tasks.StringAt("$.cluster"), NodegroupName: jsii.String("general"), NodeRole: jsii.String(eksNodeRole),
		Subnets: tasks.ListAt("$.subnets"), ResultPath: jsii.String(tasks.Discard),
	})
	run := tasks.NewEksRunJob(scope, jsii.String("Run job"), eksRunJobProps(func(p *tasks.EksRunJobProps) {
		p.ClusterName = tasks.StringAt("$.cluster")
		p.CertificateAuthority = tasks.StringAt("$.eks.CertificateAuthority")
		p.Endpoint = tasks.StringAt("$.eks.Endpoint")
		p.ResultSelector = &map[string]interface{}{"status.$": "$.status"}
		p.ResultPath = jsii.String("$.job")
	}))
	delNodes := tasks.NewEksDeleteNodegroup(scope, jsii.String("Remove nodes"), &tasks.EksDeleteNodegroupProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		ClusterName:        tasks.StringAt("$.cluster"), NodegroupName: jsii.String("general"), ResultPath: jsii.String(tasks.Discard),
	})
	delCluster := tasks.NewEksDeleteCluster(scope, jsii.String("Delete cluster"), &tasks.EksDeleteClusterProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, Name: tasks.StringAt("$.cluster"), ResultPath: jsii.String(tasks.Discard),
	})
	run.AddCatch(delNodes, &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	return create.Next(nodes).Next(run).Next(delNodes).Next(delCluster)
}

func TestEksLifecycleRuns(t *testing.T) {
	stack := cdktest.NewStack()
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(eksLifecycle(stack))})
	integ.Validate(t, stack)
	input := map[string]any{"cluster": "ci-42", "subnets": []any{"subnet-a", "subnet-b"}, "args": []any{"--digits", "10"}}
	calls := map[string]any{}
	record := func(name string, out any) integ.Mock {
		return integ.Func(func(in any) (any, error) { calls[name] = in; return out, nil })
	}
	mocks := integ.Mocks{
		"Create cluster": record("create", map[string]any{"Cluster": map[string]any{"Name": "ci-42", "Status": "ACTIVE",
			"Endpoint": eksEndpoint, "CertificateAuthority": map[string]any{"Data": "Q0E="}}}),
		"Add nodes":      record("nodes", map[string]any{"Nodegroup": map[string]any{"Status": "ACTIVE"}}),
		"Run job":        record("run", map[string]any{"status": map[string]any{"succeeded": 1}}),
		"Remove nodes":   record("delNodes", map[string]any{}),
		"Delete cluster": record("delCluster", map[string]any{}),
	}
	res := integ.Run(t, stack, sm, input, mocks)
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"Name": "ci-42", "RoleArn": eksClusterRole, "ResourcesVpcConfig": map[string]any{"SubnetIds": []any{"subnet-a", "subnet-b"}}}, calls["create"])
	run := calls["run"].(map[string]any)
	assert.Equal(t, "Q0E=", run["CertificateAuthority"])
	assert.Equal(t, eksEndpoint, run["Endpoint"])
	container := run["Job"].(map[string]any)["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{"--digits", "10"}, container["args"])
	assert.Equal(t, map[string]any{"Name": "ci-42"}, calls["delCluster"])
	assert.Equal(t, map[string]any{"ClusterName": "ci-42", "NodegroupName": "general"}, calls["delNodes"])
	assert.Equal(t, map[string]any{"succeeded": 1.0}, res.Output.(map[string]any)["job"].(map[string]any)["status"])

	mocks["Run job"] = integ.Fail("EKS.JobFailed", "BackoffLimitExceeded")
	failed := integ.Run(t, stack, sm, input, mocks)
	require.True(t, failed.Succeeded(), failed.History())
	assert.Equal(t, "EKS.JobFailed", failed.Output.(map[string]any)["error"].(map[string]any)["Error"], "the cluster is taken down after a failed Job")
}

// Built in a fragments.Workflow, the EKS tasks render in Go to the CDK
// path's definition and statements.
func TestEksInAWorkflow(t *testing.T) {
	cdkStack := cdktest.NewStack()
	cdkTpl := machine(t, cdkStack, eksLifecycle(cdkStack))
	goStack := cdktest.NewStack()
	fragments.NewStateMachine(goStack, jsii.String("Machine"), eksLifecycle(fragments.NewWorkflow(goStack, jsii.String("Flow"))), nil)
	goTpl := cdktest.Template(t, goStack)
	for _, m := range cdktest.Resources(goTpl, "AWS::StepFunctions::StateMachine") {
		_, joined := m["Properties"].(map[string]any)["DefinitionString"].(map[string]any)
		require.False(t, joined, "rendered in Go, not by the CDK")
	}
	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, goTpl))
	assert.Equal(t, eksIAM(t, cdkTpl), eksIAM(t, goTpl))
}

// Raw eks:createNodegroup.sync through CustomTask gets the typed task's
// statements.
func TestEksCustomTaskIAM(t *testing.T) {
	typed := cdktest.NewStack()
	tt := tasks.NewEksCreateNodegroup(typed, jsii.String("Create"), eksNodegroupProps(func(p *tasks.EksCreateNodegroupProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
	}))
	raw := cdktest.NewStack()
	rt := tasks.NewCustomTask(raw, jsii.String("Create"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::eks:createNodegroup.sync",
		"Parameters": map[string]interface{}{"ClusterName": "prod", "NodegroupName": "general", "NodeRole": eksNodeRole,
			"Subnets": []interface{}{"subnet-a", "subnet-b"}}}})
	assert.Equal(t, eksIAM(t, machine(t, typed, tt)), eksIAM(t, machine(t, raw, rt)))
}
