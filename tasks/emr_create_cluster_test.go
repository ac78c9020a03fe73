package tasks_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func emrClusterProps(stack awscdk.Stack, mod func(p *tasks.EmrCreateClusterProps)) *tasks.EmrCreateClusterProps {
	role := func(name string) awsiam.IRole {
		id := fmt.Sprintf("%s%d", name, len(*stack.Node().Children()))
		return awsiam.Role_FromRoleName(stack, jsii.String(id), jsii.String(name), nil)
	}
	p := &tasks.EmrCreateClusterProps{
		Name:        jsii.String("nightly"),
		ServiceRole: role("EMR_DefaultRole"),
		ClusterRole: role("EMR_EC2_DefaultRole"),
		Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{
			InstanceCount: 3, MasterInstanceType: jsii.String("m5.xlarge"), SlaveInstanceType: jsii.String("m5.xlarge")},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEmrCreateClusterRendering(t *testing.T) {
	stack := cdktest.NewStack()
	full := tasks.NewEmrCreateCluster(stack, jsii.String("Full"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
		p.ReleaseLabel = jsii.String("emr-7.5.0")
		p.Applications = &[]*tasks.EmrCreateCluster_ApplicationConfigProperty{{Name: jsii.String("Spark")}}
		p.BootstrapActions = &[]*tasks.EmrCreateCluster_BootstrapActionConfigProperty{{Name: jsii.String("setup"),
			ScriptBootstrapAction: &tasks.EmrCreateCluster_ScriptBootstrapActionConfigProperty{Path: jsii.String("s3://bucket/setup.sh"), Args: tasks.List(tasks.Path("$.env"))}}}
		p.Configurations = []*tasks.EmrCreateCluster_ConfigurationProperty{{Classification: jsii.String("spark"), Properties: map[string]any{"maximizeResourceAllocation": "true"}}}
		p.LogUri = jsii.String("s3://bucket/logs/")
		p.EbsRootVolumeSize = awscdk.Size_Gibibytes(jsii.Number(20))
		p.StepConcurrencyLevel = 5
		p.ScaleDownBehavior = tasks.EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_TASK_COMPLETION
		p.Tags = map[string]any{"team": "data"}
		p.AutoTerminationPolicyIdleTimeout = awscdk.Duration_Hours(jsii.Number(1))
		p.Instances.Ec2SubnetIds = &[]*string{jsii.String("subnet-1")}
		p.Instances.TerminationProtected = false
	}))
	dynamic := tasks.NewEmrCreateCluster(stack, jsii.String("Dynamic"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
		p.Name = tasks.StringAt("States.Format('cluster-{}', $$.Execution.Name)")
		p.ReleaseLabel = tasks.StringAt("$.release")
		p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceGroups: tasks.Path("$.groups"), Ec2SubnetId: tasks.StringAt("$.subnet")}
		p.VisibleToAllUsers = tasks.Path("$.visible")
		p.Tags = tasks.Path("$.tags")
		p.StepConcurrencyLevel = tasks.Path("$.concurrency")
	}))
	tpl := machine(t, stack, full.Next(dynamic))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::elasticmapreduce:createCluster.sync", "Next": "Dynamic",
		"Parameters": map[string]any{
			"Name": "nightly", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
			"Instances": map[string]any{"KeepJobFlowAliveWhenNoSteps": true, "InstanceCount": 3.0, "MasterInstanceType": "m5.xlarge",
				"SlaveInstanceType": "m5.xlarge", "Ec2SubnetIds": []any{"subnet-1"}, "TerminationProtected": false},
			"ReleaseLabel": "emr-7.5.0",
			"Applications": []any{map[string]any{"Name": "Spark"}},
			"BootstrapActions": []any{map[string]any{"Name": "setup",
				"ScriptBootstrapAction": map[string]any{"Path": "s3://bucket/setup.sh", "Args.$": "States.Array($.env)"}}},
			"Configurations":        []any{map[string]any{"Classification": "spark", "Properties": map[string]any{"maximizeResourceAllocation": "true"}}},
			"LogUri":                "s3://bucket/logs/",
			"EbsRootVolumeSize":     20.0,
			"StepConcurrencyLevel":  5.0,
			"ScaleDownBehavior":     "TERMINATE_AT_TASK_COMPLETION",
			"Tags":                  []any{map[string]any{"Key": "team", "Value": "data"}},
			"VisibleToAllUsers":     true,
			"AutoTerminationPolicy": map[string]any{"IdleTimeout": 3600.0},
		}}, state(t, tpl, "Full"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::elasticmapreduce:createCluster", "End": true,
		"Parameters": map[string]any{
			"Name.$": "States.Format('cluster-{}', $$.Execution.Name)", "ServiceRole": "EMR_DefaultRole", "JobFlowRole": "EMR_EC2_DefaultRole",
			"Instances":              map[string]any{"KeepJobFlowAliveWhenNoSteps": true, "InstanceGroups.$": "$.groups", "Ec2SubnetId.$": "$.subnet"},
			"ReleaseLabel.$":         "$.release",
			"VisibleToAllUsers.$":    "$.visible",
			"Tags.$":                 "$.tags",
			"StepConcurrencyLevel.$": "$.concurrency",
		}}, state(t, tpl, "Dynamic"))
	integ.Validate(t, stack)
}

func TestEmrCreateClusterIAM(t *testing.T) {
	clusters := arn("elasticmapreduce", "cluster/*")
	iamRole := func(name string) string { return "arn:" + partition + ":iam::" + account + ":role/" + name }
	base := []map[string]any{
		stmt([]string{"elasticmapreduce:RunJobFlow"}, "*"),
		passRoleTo("elasticmapreduce.amazonaws.com", iamRole("EMR_DefaultRole")),
		passRoleTo("ec2.amazonaws.com", iamRole("EMR_EC2_DefaultRole")),
		func() map[string]any {
			s := stmt([]string{"iam:CreateServiceLinkedRole"}, iamRole("aws-service-role/elasticmapreduce.amazonaws.com*/AWSServiceRoleForEMRCleanup*"))
			s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:AWSServiceName": []any{"elasticmapreduce.amazonaws.com", "elasticmapreduce.amazonaws.com.cn"}}}
			return s
		}(),
	}
	sync := []map[string]any{
		stmt([]string{"elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"}, clusters),
		emrRule("StepFunctionsGetEventForEMRRunJobFlowRule"),
	}
	with := func(a ...[]map[string]any) []map[string]any {
		var out []map[string]any
		for _, x := range a {
			out = append(out, x...)
		}
		return out
	}
	tests := []struct {
		name string
		mod  func(stack awscdk.Stack, p *tasks.EmrCreateClusterProps)
		want []map[string]any
	}{
		{"run job (default)", nil, with(base, sync)},
		{"request response", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
		}, base},
		{"tagged", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			p.Tags = tasks.Path("$.tags")
		}, with(base, []map[string]any{stmt([]string{"elasticmapreduce:AddTags"}, clusters)})},
		{"auto scaling role", func(stack awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			p.AutoScalingRole = awsiam.Role_FromRoleName(stack, jsii.String("AutoScaling"), jsii.String("EMR_AutoScaling_DefaultRole"), nil)
		}, with(base, []map[string]any{passRoleTo("application-autoscaling.amazonaws.com", iamRole("EMR_AutoScaling_DefaultRole"))})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewEmrCreateCluster(stack, jsii.String("Create"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
				if tt.mod != nil {
					tt.mod(stack, p)
				}
			}))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestEmrCreateClusterErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(stack awscdk.Stack, p *tasks.EmrCreateClusterProps)
		want string
	}{
		{"no name", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.Name = nil }, "Name: required"},
		{"no service role", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.ServiceRole = nil }, "ServiceRole: required: sfnkit creates no default EMR roles"},
		{"no cluster role", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.ClusterRole = nil }, "ClusterRole: required"},
		{"no instances", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.Instances = nil }, "Instances: required"},
		{"empty instances", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{}
		},
			"Instances: give InstanceCount (with MasterInstanceType and SlaveInstanceType), InstanceGroups or InstanceFleets"},
		{"groups and fleets", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceGroups: tasks.Path("$.g"), InstanceFleets: tasks.Path("$.f")}
		}, "Instances: give InstanceGroups or InstanceFleets, not both"},
		{"auto scaling with fleets", func(stack awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceFleets: tasks.Path("$.f")}
			p.AutoScalingRole = awsiam.Role_FromRoleName(stack, jsii.String("AutoScaling"), jsii.String("as"), nil)
		}, "AutoScalingRole: auto scaling roles cannot be given with instance fleets"},
		{"instance groups an object", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceGroups: map[string]any{"Name": "core"}}
		}, "Instances.InstanceGroups: give a list of objects"},
		{"zero instances", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.Instances.InstanceCount = 0 },
			"Instances.InstanceCount: must be at least 1, got 0"},
		{"release label", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.ReleaseLabel = jsii.String("7.5.0") },
			`ReleaseLabel: "7.5.0" must be emr-x.y.z`},
		{"step concurrency range", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.StepConcurrencyLevel = 257 },
			"StepConcurrencyLevel: must be from 1 to 256, got 257"},
		{"step concurrency on an old release", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.ReleaseLabel = jsii.String("emr-5.27.0")
			p.StepConcurrencyLevel = 2
		}, "StepConcurrencyLevel: above 1 needs emr-5.28.0 or later, got emr-5.27.0"},
		{"root volume too small", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.EbsRootVolumeSize = awscdk.Size_Gibibytes(jsii.Number(10))
		},
			"EbsRootVolumeSize: must be from 15 to 100, got 10"},
		{"idle timeout too short", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.AutoTerminationPolicyIdleTimeout = awscdk.Duration_Seconds(jsii.Number(30))
		},
			"AutoTerminationPolicyIdleTimeout: must be 60 to 604800 seconds (1 minute to 7 days), got 30"},
		{"scale down behavior", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.ScaleDownBehavior = "NEVER" },
			`ScaleDownBehavior: must be TERMINATE_AT_INSTANCE_HOUR or TERMINATE_AT_TASK_COMPLETION (or dynamic), got "NEVER"`},
		{"visible not a bool", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) { p.VisibleToAllUsers = "yes" },
			"VisibleToAllUsers: must be true or false"},
		{"bootstrap without script", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.BootstrapActions = &[]*tasks.EmrCreateCluster_BootstrapActionConfigProperty{{Name: jsii.String("setup")}}
		}, "BootstrapActions[0].ScriptBootstrapAction: required"},
		{"application without name", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.Applications = &[]*tasks.EmrCreateCluster_ApplicationConfigProperty{{Version: jsii.String("3.5")}}
		}, "Applications[0].Name: required"},
		{"callback", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Name = tasks.StringAt("$$.Task.Token")
		}, "WAIT_FOR_TASK_TOKEN is not supported by elasticmapreduce:createCluster; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() {
				tasks.NewEmrCreateCluster(stack, jsii.String("Create"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) { tt.mod(stack, p) }))
			})
			assert.Contains(t, msg, tt.want)
		})
	}
}
