package tasks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
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
		Name:            jsii.String("nightly"),
		ServiceRole:     role("EMR_DefaultRole"),
		ClusterRole:     role("EMR_EC2_DefaultRole"),
		AutoScalingRole: role("EMR_AutoScaling_DefaultRole"),
		Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{
			InstanceCount: jsii.Number(3), MasterInstanceType: jsii.String("m5.xlarge"), SlaveInstanceType: jsii.String("m5.xlarge")},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func emrVolume(size float64) *[]*tasks.EmrCreateCluster_EbsBlockDeviceConfigProperty {
	return &[]*tasks.EmrCreateCluster_EbsBlockDeviceConfigProperty{{
		VolumeSpecification: &tasks.EmrCreateCluster_VolumeSpecificationProperty{
			VolumeSize: awscdk.Size_Gibibytes(jsii.Number(size)), VolumeType: tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_GP3, Iops: jsii.Number(3000)},
		VolumesPerInstance: jsii.Number(2),
	}}
}

func TestEmrCreateClusterRendering(t *testing.T) {
	stack := cdktest.NewStack()
	full := tasks.NewEmrCreateCluster(stack, jsii.String("Full"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
		p.ReleaseLabel = jsii.String("emr-7.5.0")
		p.Applications = &[]*tasks.EmrCreateCluster_ApplicationConfigProperty{{Name: jsii.String("Spark"),
			AdditionalInfo: &map[string]*string{"mode.key": jsii.String("x")}}}
		p.BootstrapActions = &[]*tasks.EmrCreateCluster_BootstrapActionConfigProperty{{Name: jsii.String("setup"),
			ScriptBootstrapAction: &tasks.EmrCreateCluster_ScriptBootstrapActionConfigProperty{
				Path: jsii.String("s3://bucket/setup.sh"), Args: &[]*string{jsii.String("--env"), tasks.StringAt("$.env")}}}}
		p.Configurations = &[]*tasks.EmrCreateCluster_ConfigurationProperty{{Classification: jsii.String("spark"),
			Properties: &map[string]*string{"maximizeResourceAllocation": jsii.String("true")},
			Configurations: &[]*tasks.EmrCreateCluster_ConfigurationProperty{{Classification: jsii.String("export"),
				Properties: tasks.StringMapAt("$.exports")}}}}
		p.LogUri = jsii.String("s3://bucket/logs/")
		p.EbsRootVolumeSize = awscdk.Size_Gibibytes(jsii.Number(20))
		p.EbsRootVolumeIops = jsii.Number(4000)
		p.EbsRootVolumeThroughput = jsii.Number(250)
		p.StepConcurrencyLevel = jsii.Number(5)
		p.ScaleDownBehavior = tasks.EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_TASK_COMPLETION
		p.Tags = &map[string]*string{"team": jsii.String("data"), "10": jsii.String("ten"), "2": jsii.String("two"), "Alpha": jsii.String("a")}
		p.AutoTerminationPolicyIdleTimeout = awscdk.Duration_Hours(jsii.Number(1))
		p.KerberosAttributes = &tasks.EmrCreateCluster_KerberosAttributesProperty{Realm: jsii.String("EC2.INTERNAL"),
			AdDomainJoinUser: jsii.String("admin"), KdcAdminPassword: tasks.StringAt("$.kdc")}
		p.ManagedScalingPolicy = &tasks.EmrCreateCluster_ManagedScalingPolicyProperty{ComputeLimits: &tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty{
			UnitType: tasks.EmrCreateCluster_ComputeLimitsUnitType_INSTANCE_FLEET_UNITS, MinimumCapacityUnits: jsii.Number(2),
			MaximumCapacityUnits: jsii.Number(10), MaximumOnDemandCapacityUnits: jsii.Number(5)}}
		p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{
			Ec2SubnetIds:         &[]*string{jsii.String("subnet-1")},
			TerminationProtected: jsii.Bool(false),
			Placement:            &tasks.EmrCreateCluster_PlacementTypeProperty{AvailabilityZones: &[]*string{jsii.String("us-east-1a")}},
			InstanceGroups: &[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty{{
				InstanceCount: jsii.Number(1), InstanceRole: tasks.EmrCreateCluster_InstanceRoleType_MASTER, InstanceType: jsii.String("m5.xlarge"),
			}, {
				InstanceCount: tasks.NumberAt("$.core"), InstanceRole: tasks.EmrCreateCluster_InstanceRoleType_CORE, InstanceType: jsii.String("r5.2xlarge"),
				Market: tasks.EmrCreateCluster_InstanceMarket_SPOT, BidPrice: jsii.String("0.5"), Name: jsii.String("core"),
				EbsConfiguration: &tasks.EmrCreateCluster_EbsConfigurationProperty{EbsBlockDeviceConfigs: emrVolume(100), EbsOptimized: jsii.Bool(true)},
				AutoScalingPolicy: &tasks.EmrCreateCluster_AutoScalingPolicyProperty{
					Constraints: &tasks.EmrCreateCluster_ScalingConstraintsProperty{MinCapacity: jsii.Number(2), MaxCapacity: jsii.Number(8)},
					Rules: &[]*tasks.EmrCreateCluster_ScalingRuleProperty{{
						Name: jsii.String("out"),
						Action: &tasks.EmrCreateCluster_ScalingActionProperty{SimpleScalingPolicyConfiguration: &tasks.EmrCreateCluster_SimpleScalingPolicyConfigurationProperty{
							AdjustmentType: tasks.EmrCreateCluster_ScalingAdjustmentType_CHANGE_IN_CAPACITY, ScalingAdjustment: jsii.Number(-1), CoolDown: jsii.Number(300)}},
						Trigger: &tasks.EmrCreateCluster_ScalingTriggerProperty{CloudWatchAlarmDefinition: &tasks.EmrCreateCluster_CloudWatchAlarmDefinitionProperty{
							ComparisonOperator: tasks.EmrCreateCluster_CloudWatchAlarmComparisonOperator_LESS_THAN, MetricName: jsii.String("YARNMemoryAvailablePercentage"),
							Period: awscdk.Duration_Minutes(jsii.Number(5)), Threshold: jsii.Number(15.5), Unit: tasks.EmrCreateCluster_CloudWatchAlarmUnit_PERCENT,
							Statistic: tasks.EmrCreateCluster_CloudWatchAlarmStatistic_AVERAGE, EvaluationPeriods: jsii.Number(1),
							Dimensions: &[]*tasks.EmrCreateCluster_MetricDimensionProperty{{Key: jsii.String("JobFlowId"), Value: jsii.String("j-CLUSTER")}}}},
					}},
				},
			}},
		}
	}))
	dynamic := tasks.NewEmrCreateCluster(stack, jsii.String("Dynamic"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
		p.Name = tasks.StringAt("States.Format('cluster-{}', $$.Execution.Name)")
		p.ReleaseLabel = tasks.StringAt("$.release")
		p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{
			InstanceGroups: tasks.ValueAt[[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty]("$.groups"),
			Ec2SubnetId:    tasks.StringAt("$.subnet"), Placement: tasks.ValueAt[tasks.EmrCreateCluster_PlacementTypeProperty]("$.placement")}
		p.VisibleToAllUsers = tasks.BoolAt("$.visible")
		p.Tags = tasks.StringMapAt("$.tags")
		p.StepConcurrencyLevel = tasks.NumberAt("$.concurrency")
		p.EbsRootVolumeSize = awscdk.Size_Gibibytes(sfn.JsonPath_NumberAt(jsii.String("$.rootGiB")))
		p.AutoTerminationPolicyIdleTimeout = tasks.DurationAt("$.idle")
		p.ScaleDownBehavior = tasks.EmrCreateCluster_EmrClusterScaleDownBehavior(*tasks.StringAt("$.scaleDown"))
		p.KerberosAttributes = tasks.ValueAt[tasks.EmrCreateCluster_KerberosAttributesProperty]("$.kerberos")
	}))
	tpl := machine(t, stack, full.Next(dynamic))

	params := state(t, tpl, "Full")["Parameters"].(map[string]any)
	for _, key := range []string{"ServiceRole", "JobFlowRole", "AutoScalingRole"} {
		assert.Contains(t, params, key)
		delete(params, key)
	}
	assert.Equal(t, map[string]any{
		"Name": "nightly",
		"Instances": map[string]any{"KeepJobFlowAliveWhenNoSteps": true, "Ec2SubnetIds": []any{"subnet-1"}, "TerminationProtected": false,
			"Placement": map[string]any{"AvailabilityZones": []any{"us-east-1a"}},
			"InstanceGroups": []any{
				map[string]any{"InstanceCount": 1.0, "InstanceRole": "MASTER", "InstanceType": "m5.xlarge"},
				map[string]any{"InstanceCount.$": "$.core", "InstanceRole": "CORE", "InstanceType": "r5.2xlarge", "Market": "SPOT", "BidPrice": "0.5", "Name": "core",
					"EbsConfiguration": map[string]any{"EbsOptimized": true, "EbsBlockDeviceConfigs": []any{map[string]any{
						"VolumeSpecification": map[string]any{"SizeInGB": 100.0, "VolumeType": "gp3", "Iops": 3000.0}, "VolumesPerInstance": 2.0}}},
					"AutoScalingPolicy": map[string]any{
						"Constraints": map[string]any{"MinCapacity": 2.0, "MaxCapacity": 8.0},
						"Rules": []any{map[string]any{"Name": "out",
							"Action": map[string]any{"SimpleScalingPolicyConfiguration": map[string]any{
								"AdjustmentType": "CHANGE_IN_CAPACITY", "ScalingAdjustment": -1.0, "CoolDown": 300.0}},
							"Trigger": map[string]any{"CloudWatchAlarmDefinition": map[string]any{
								"ComparisonOperator": "LESS_THAN", "MetricName": "YARNMemoryAvailablePercentage", "Period": 300.0,
								"Threshold": 15.5, "Unit": "PERCENT", "Statistic": "AVERAGE", "EvaluationPeriods": 1.0,
								"Dimensions": []any{map[string]any{"Key": "JobFlowId", "Value": "j-CLUSTER"}}}},
						}},
					}},
			}},
		"ReleaseLabel": "emr-7.5.0",
		"Applications": []any{map[string]any{"Name": "Spark", "AdditionalInfo": map[string]any{"mode.key": "x"}}},
		"BootstrapActions": []any{map[string]any{"Name": "setup",
			"ScriptBootstrapAction": map[string]any{"Path": "s3://bucket/setup.sh", "Args.$": "States.Array('--env', $.env)"}}},
		"Configurations": []any{map[string]any{"Classification": "spark", "Properties": map[string]any{"maximizeResourceAllocation": "true"},
			"Configurations": []any{map[string]any{"Classification": "export", "Properties.$": "$.exports"}}}},
		"LogUri":                  "s3://bucket/logs/",
		"EbsRootVolumeSize":       20.0,
		"EbsRootVolumeIops":       4000.0,
		"EbsRootVolumeThroughput": 250.0,
		"StepConcurrencyLevel":    5.0,
		"ScaleDownBehavior":       "TERMINATE_AT_TASK_COMPLETION",
		// The CDK's order: integer-like keys first, then the rest sorted.
		"Tags": []any{map[string]any{"Key": "2", "Value": "two"}, map[string]any{"Key": "10", "Value": "ten"},
			map[string]any{"Key": "Alpha", "Value": "a"}, map[string]any{"Key": "team", "Value": "data"}},
		"VisibleToAllUsers":     true,
		"AutoTerminationPolicy": map[string]any{"IdleTimeout": 3600.0},
		"KerberosAttributes":    map[string]any{"Realm": "EC2.INTERNAL", "ADDomainJoinUser": "admin", "KdcAdminPassword.$": "$.kdc"},
		"ManagedScalingPolicy": map[string]any{"ComputeLimits": map[string]any{"UnitType": "InstanceFleetUnits",
			"MinimumCapacityUnits": 2.0, "MaximumCapacityUnits": 10.0, "MaximumOnDemandCapacityUnits": 5.0}},
	}, params)
	params = state(t, tpl, "Dynamic")["Parameters"].(map[string]any)
	for _, key := range []string{"ServiceRole", "JobFlowRole", "AutoScalingRole"} {
		delete(params, key)
	}
	assert.Equal(t, map[string]any{
		"Name.$": "States.Format('cluster-{}', $$.Execution.Name)",
		"Instances": map[string]any{"KeepJobFlowAliveWhenNoSteps": true, "InstanceGroups.$": "$.groups", "Ec2SubnetId.$": "$.subnet",
			"Placement.$": "$.placement"},
		"ReleaseLabel.$":         "$.release",
		"VisibleToAllUsers.$":    "$.visible",
		"Tags.$":                 "$.tags",
		"StepConcurrencyLevel.$": "$.concurrency",
		"EbsRootVolumeSize.$":    "$.rootGiB",
		"AutoTerminationPolicy":  map[string]any{"IdleTimeout.$": "$.idle"},
		"ScaleDownBehavior.$":    "$.scaleDown",
		"KerberosAttributes.$":   "$.kerberos",
	}, params)
	integ.Validate(t, stack)
}

func TestEmrCreateClusterFleets(t *testing.T) {
	stack := cdktest.NewStack()
	spot := func(strategy tasks.EmrCreateCluster_SpotAllocationStrategy) *tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty {
		return &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
			SpotSpecification: &tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty{AllocationStrategy: strategy,
				TimeoutAction: tasks.EmrCreateCluster_SpotTimeoutAction_SWITCH_TO_ON_DEMAND, Timeout: awscdk.Duration_Minutes(jsii.Number(20))},
			OnDemandSpecification: &tasks.EmrCreateCluster_OnDemandProvisioningSpecificationProperty{
				AllocationStrategy: tasks.EmrCreateCluster_OnDemandAllocationStrategy_PRIORITIZED},
		}
	}
	task := tasks.NewEmrCreateCluster(stack, jsii.String("Fleets"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
		p.AutoScalingRole = nil
		p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceFleets: &[]*tasks.EmrCreateCluster_InstanceFleetConfigProperty{{
			Name: jsii.String("master"), InstanceFleetType: tasks.EmrCreateCluster_InstanceRoleType_MASTER, TargetOnDemandCapacity: jsii.Number(1),
			InstanceTypeConfigs: &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{InstanceType: jsii.String("m5.xlarge")}},
		}, {
			Name: jsii.String("core"), InstanceFleetType: tasks.EmrCreateCluster_InstanceRoleType_CORE,
			TargetOnDemandCapacity: jsii.Number(2), TargetSpotCapacity: tasks.NumberAt("$.spot"),
			LaunchSpecifications: spot(tasks.EmrCreateCluster_SpotAllocationStrategy_PRICE_CAPACITY_OPTIMIZED),
			InstanceTypeConfigs: &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{
				{InstanceType: jsii.String("r5.xlarge"), Priority: jsii.Number(0), WeightedCapacity: jsii.Number(4), BidPriceAsPercentageOfOnDemandPrice: jsii.Number(60),
					EbsConfiguration: &tasks.EmrCreateCluster_EbsConfigurationProperty{EbsBlockDeviceConfigs: emrVolume(64)}},
				{InstanceType: jsii.String("r6g.xlarge"), Priority: jsii.Number(1.5), BidPrice: jsii.String("0.3"),
					Configurations: &[]*tasks.EmrCreateCluster_ConfigurationProperty{{Classification: jsii.String("yarn-site")}}},
			},
		}}}
	}))
	got := state(t, machine(t, stack, task), "Fleets")["Parameters"].(map[string]any)
	assert.NotContains(t, got, "AutoScalingRole", "instance fleets take no auto scaling role")
	assert.Equal(t, map[string]any{"KeepJobFlowAliveWhenNoSteps": true, "InstanceFleets": []any{
		map[string]any{"Name": "master", "InstanceFleetType": "MASTER", "TargetOnDemandCapacity": 1.0,
			"InstanceTypeConfigs": []any{map[string]any{"InstanceType": "m5.xlarge"}}},
		map[string]any{"Name": "core", "InstanceFleetType": "CORE", "TargetOnDemandCapacity": 2.0, "TargetSpotCapacity.$": "$.spot",
			"LaunchSpecifications": map[string]any{
				"SpotSpecification": map[string]any{"AllocationStrategy": "price-capacity-optimized", "TimeoutAction": "SWITCH_TO_ON_DEMAND",
					"TimeoutDurationMinutes": 20.0},
				"OnDemandSpecification": map[string]any{"AllocationStrategy": "prioritized"}},
			"InstanceTypeConfigs": []any{
				map[string]any{"InstanceType": "r5.xlarge", "Priority": 0.0, "WeightedCapacity": 4.0, "BidPriceAsPercentageOfOnDemandPrice": 60.0,
					"EbsConfiguration": map[string]any{"EbsBlockDeviceConfigs": []any{map[string]any{
						"VolumeSpecification": map[string]any{"SizeInGB": 64.0, "VolumeType": "gp3", "Iops": 3000.0}, "VolumesPerInstance": 2.0}}}},
				map[string]any{"InstanceType": "r6g.xlarge", "Priority": 1.5, "BidPrice": "0.3",
					"Configurations": []any{map[string]any{"Classification": "yarn-site"}}},
			}},
	}}, got["Instances"])
	assert.Panics(t, func() { task.AutoScalingRole() }, "a cluster of fleets has no auto scaling role")
}

// Without roles, the task creates the CDK's defaults under itself, at the
// CDK's construct IDs, and its role methods return them.
func TestEmrCreateClusterDefaultRoles(t *testing.T) {
	for _, v2 := range []bool{false, true} {
		t.Run(fmt.Sprintf("service policy v2 %v", v2), func(t *testing.T) {
			app := awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false),
				Context: &map[string]interface{}{"@aws-cdk/aws-stepfunctions-tasks:enableEmrServicePolicyV2": v2}})
			stack := awscdk.NewStack(app, jsii.String("Test"), cdktest.StackProps())
			task := tasks.NewEmrCreateCluster(stack, jsii.String("Create"), &tasks.EmrCreateClusterProps{
				Name:      jsii.String("nightly"),
				Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceCount: jsii.Number(1), MasterInstanceType: jsii.String("m5.xlarge")},
			})
			assert.Equal(t, "Test/Create/ServiceRole", *task.ServiceRole().Node().Path())
			assert.Equal(t, "Test/Create/InstanceRole", *task.ClusterRole().Node().Path())
			assert.Equal(t, "Test/Create/AutoScalingRole", *task.AutoScalingRole().Node().Path())
			require.NotNil(t, task.Node().TryFindChild(jsii.String("InstanceProfile")))
			tpl := machine(t, stack, task)

			roles := cdktest.Resources(tpl, "AWS::IAM::Role")
			managed := map[string]string{}
			for id, r := range roles {
				props := r["Properties"].(map[string]any)
				if arns, ok := props["ManagedPolicyArns"].([]any); ok {
					managed[id[:len(id)-8]] = cdktest.Flatten(arns[0])
				}
			}
			service := "arn:" + partition + ":iam::aws:policy/service-role/AmazonElasticMapReduceRole"
			if v2 {
				service = "arn:" + partition + ":iam::aws:policy/service-role/AmazonEMRServicePolicy_v2"
			}
			assert.Equal(t, map[string]string{
				"CreateServiceRole":     service,
				"CreateAutoScalingRole": "arn:" + partition + ":iam::aws:policy/service-role/AmazonElasticMapReduceforAutoScalingRole",
			}, managed)
			assert.Len(t, cdktest.Resources(tpl, "AWS::IAM::InstanceProfile"), 1)

			params := state(t, tpl, "Create")["Parameters"].(map[string]any)
			if v2 {
				assert.Equal(t, []any{map[string]any{"Key": "for-use-with-amazon-emr-managed-policies", "Value": "true"}}, params["Tags"])
			} else {
				assert.NotContains(t, params, "Tags")
			}
			// The service role may pass the instance role, as the CDK grants it.
			var servicePolicy []map[string]any
			for id, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
				if strings.HasPrefix(id, "CreateServiceRoleDefaultPolicy") {
					for _, s := range p["Properties"].(map[string]any)["PolicyDocument"].(map[string]any)["Statement"].([]any) {
						servicePolicy = append(servicePolicy, s.(map[string]any))
					}
				}
			}
			require.Len(t, servicePolicy, 1)
			assert.Equal(t, "iam:PassRole", servicePolicy[0]["Action"])
		})
	}
}

// emrMachineStatements are the statements of the state machine role's
// policy, not of the policies that let the service role pass the instance role.
func emrMachineStatements(t *testing.T, tpl map[string]any) []map[string]any {
	t.Helper()
	policies := map[string]any{}
	for id, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		if strings.HasPrefix(id, "MachineRoleDefaultPolicy") {
			policies[id] = p
		}
	}
	require.Len(t, policies, 1)
	return cdktest.RoleStatements(t, map[string]any{"Resources": policies})
}

func TestEmrCreateClusterIAM(t *testing.T) {
	clusters := arn("elasticmapreduce", "cluster/*")
	iamRole := func(name string) string { return "arn:" + partition + ":iam::" + account + ":role/" + name }
	base := []map[string]any{
		stmt([]string{"elasticmapreduce:RunJobFlow"}, "*"),
		passRoleTo("elasticmapreduce.amazonaws.com", iamRole("EMR_DefaultRole")),
		passRoleTo("ec2.amazonaws.com", iamRole("EMR_EC2_DefaultRole")),
		passRoleTo("application-autoscaling.amazonaws.com", iamRole("EMR_AutoScaling_DefaultRole")),
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
			p.Tags = tasks.StringMapAt("$.tags")
		}, with(base, []map[string]any{stmt([]string{"elasticmapreduce:AddTags"}, clusters)})},
		{"a role with a path is passed by its ARN", func(stack awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			p.ServiceRole = awsiam.Role_FromRoleArn(stack, jsii.String("Pathed"), jsii.String("arn:aws:iam::111122223333:role/emr/EMR_DefaultRole"), nil)
		}, with([]map[string]any{passRoleTo("elasticmapreduce.amazonaws.com", "arn:aws:iam::111122223333:role/emr/EMR_DefaultRole")},
			append([]map[string]any{base[0]}, base[2:]...))},
		{"fleets: no auto scaling role", func(_ awscdk.Stack, p *tasks.EmrCreateClusterProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			p.AutoScalingRole = nil
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{
				InstanceFleets: tasks.ValueAt[[]*tasks.EmrCreateCluster_InstanceFleetConfigProperty]("$.fleets")}
		}, append(append([]map[string]any{}, base[:3]...), base[4])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewEmrCreateCluster(stack, jsii.String("Create"), emrClusterProps(stack, func(p *tasks.EmrCreateClusterProps) {
				if tt.mod != nil {
					tt.mod(stack, p)
				}
			}))
			got := emrMachineStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestEmrCreateClusterErrors(t *testing.T) {
	type props = tasks.EmrCreateClusterProps
	group := func(mod func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty)) func(_ awscdk.Stack, p *props) {
		return func(_ awscdk.Stack, p *props) {
			g := &tasks.EmrCreateCluster_InstanceGroupConfigProperty{InstanceCount: jsii.Number(1),
				InstanceRole: tasks.EmrCreateCluster_InstanceRoleType_MASTER, InstanceType: jsii.String("m5.xlarge")}
			mod(g)
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceGroups: &[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty{g}}
		}
	}
	fleet := func(mod func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty)) func(_ awscdk.Stack, p *props) {
		return func(_ awscdk.Stack, p *props) {
			f := &tasks.EmrCreateCluster_InstanceFleetConfigProperty{InstanceFleetType: tasks.EmrCreateCluster_InstanceRoleType_CORE,
				TargetOnDemandCapacity: jsii.Number(2)}
			mod(f)
			p.AutoScalingRole = nil
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceFleets: &[]*tasks.EmrCreateCluster_InstanceFleetConfigProperty{f}}
		}
	}
	spot := func(mod func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty)) func(_ awscdk.Stack, p *props) {
		return fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			s := &tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty{TimeoutAction: tasks.EmrCreateCluster_SpotTimeoutAction_TERMINATE_CLUSTER,
				Timeout: awscdk.Duration_Minutes(jsii.Number(10))}
			mod(s)
			f.LaunchSpecifications = &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{SpotSpecification: s}
		})
	}
	scalingRule := func(mod func(r *tasks.EmrCreateCluster_ScalingRuleProperty)) func(_ awscdk.Stack, p *props) {
		return group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			r := &tasks.EmrCreateCluster_ScalingRuleProperty{Name: jsii.String("out"),
				Action: &tasks.EmrCreateCluster_ScalingActionProperty{SimpleScalingPolicyConfiguration: &tasks.EmrCreateCluster_SimpleScalingPolicyConfigurationProperty{
					ScalingAdjustment: jsii.Number(1)}},
				Trigger: &tasks.EmrCreateCluster_ScalingTriggerProperty{CloudWatchAlarmDefinition: &tasks.EmrCreateCluster_CloudWatchAlarmDefinitionProperty{
					ComparisonOperator: tasks.EmrCreateCluster_CloudWatchAlarmComparisonOperator_GREATER_THAN, MetricName: jsii.String("m"),
					Period: awscdk.Duration_Minutes(jsii.Number(5))}}}
			mod(r)
			g.AutoScalingPolicy = &tasks.EmrCreateCluster_AutoScalingPolicyProperty{
				Constraints: &tasks.EmrCreateCluster_ScalingConstraintsProperty{MinCapacity: jsii.Number(1), MaxCapacity: jsii.Number(3)},
				Rules:       &[]*tasks.EmrCreateCluster_ScalingRuleProperty{r}}
		})
	}
	limits := func(mod func(l *tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty)) func(_ awscdk.Stack, p *props) {
		return func(_ awscdk.Stack, p *props) {
			l := &tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty{UnitType: tasks.EmrCreateCluster_ComputeLimitsUnitType_INSTANCES,
				MinimumCapacityUnits: jsii.Number(2), MaximumCapacityUnits: jsii.Number(10)}
			mod(l)
			p.ManagedScalingPolicy = &tasks.EmrCreateCluster_ManagedScalingPolicyProperty{ComputeLimits: l}
		}
	}
	tests := []struct {
		name string
		mod  func(stack awscdk.Stack, p *props)
		want string
	}{
		{"no name", func(_ awscdk.Stack, p *props) { p.Name = nil }, "Name: required"},
		{"no instances", func(_ awscdk.Stack, p *props) { p.Instances = nil }, "Instances: required"},
		{"empty instances", func(_ awscdk.Stack, p *props) { p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{} },
			"Instances: give InstanceCount (with MasterInstanceType and SlaveInstanceType), InstanceGroups or InstanceFleets"},
		{"groups and fleets", func(_ awscdk.Stack, p *props) {
			p.AutoScalingRole = nil
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{
				InstanceGroups: tasks.ValueAt[[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty]("$.g"),
				InstanceFleets: tasks.ValueAt[[]*tasks.EmrCreateCluster_InstanceFleetConfigProperty]("$.f")}
		}, "Instances: give InstanceGroups or InstanceFleets, not both"},
		{"auto scaling with fleets", fleet(func(*tasks.EmrCreateCluster_InstanceFleetConfigProperty) {}),
			""}, // placeholder replaced below
		{"zero instances", func(_ awscdk.Stack, p *props) { p.Instances.InstanceCount = jsii.Number(0) },
			"Instances.InstanceCount: must be at least 1 (or dynamic), got 0"},
		{"fractional instances", func(_ awscdk.Stack, p *props) { p.Instances.InstanceCount = jsii.Number(2.5) },
			"Instances.InstanceCount: must be a whole number (or dynamic), got 2.5"},
		{"nil subnet", func(_ awscdk.Stack, p *props) { p.Instances.Ec2SubnetIds = &[]*string{jsii.String("subnet-1"), nil} },
			"Instances.Ec2SubnetIds[1]: must be a string (or dynamic)"},
		{"release label", func(_ awscdk.Stack, p *props) { p.ReleaseLabel = jsii.String("7.5.0") }, `ReleaseLabel: "7.5.0" must be emr-x.y.z`},
		{"step concurrency range", func(_ awscdk.Stack, p *props) { p.StepConcurrencyLevel = jsii.Number(257) },
			"StepConcurrencyLevel: must be from 1 to 256 (or dynamic), got 257"},
		{"step concurrency zero", func(_ awscdk.Stack, p *props) { p.StepConcurrencyLevel = jsii.Number(0) },
			"StepConcurrencyLevel: must be from 1 to 256 (or dynamic), got 0"},
		{"step concurrency on an old release", func(_ awscdk.Stack, p *props) {
			p.ReleaseLabel = jsii.String("emr-5.27.0")
			p.StepConcurrencyLevel = jsii.Number(2)
		}, "StepConcurrencyLevel: above 1 needs emr-5.28.0 or later, got emr-5.27.0"},
		{"root volume too small", func(_ awscdk.Stack, p *props) { p.EbsRootVolumeSize = awscdk.Size_Gibibytes(jsii.Number(10)) },
			"EbsRootVolumeSize: must be from 15 to 100 GiB (or dynamic), got 10 GiB"},
		{"root volume fractional", func(_ awscdk.Stack, p *props) { p.EbsRootVolumeSize = awscdk.Size_Mebibytes(jsii.Number(20000)) },
			"EbsRootVolumeSize: must be a whole number of GiB"},
		{"root volume iops", func(_ awscdk.Stack, p *props) { p.EbsRootVolumeIops = jsii.Number(2999) },
			"EbsRootVolumeIops: must be from 3000 to 16000 (or dynamic), got 2999"},
		{"root volume throughput", func(_ awscdk.Stack, p *props) { p.EbsRootVolumeThroughput = jsii.Number(1001) },
			"EbsRootVolumeThroughput: must be from 125 to 1000 (or dynamic), got 1001"},
		{"root volume io on an old release", func(_ awscdk.Stack, p *props) {
			p.ReleaseLabel = jsii.String("emr-6.14.9")
			p.EbsRootVolumeIops = jsii.Number(3000)
		}, "ReleaseLabel: EbsRootVolumeIops and EbsRootVolumeThroughput need emr-6.15.0 or later, got emr-6.14.9"},
		{"idle timeout too short", func(_ awscdk.Stack, p *props) {
			p.AutoTerminationPolicyIdleTimeout = awscdk.Duration_Seconds(jsii.Number(30))
		}, "AutoTerminationPolicyIdleTimeout: must be from 60 to 604800 seconds (or dynamic), got 30"},
		{"idle timeout fractional", func(_ awscdk.Stack, p *props) {
			p.AutoTerminationPolicyIdleTimeout = awscdk.Duration_Millis(jsii.Number(60500))
		}, "AutoTerminationPolicyIdleTimeout: 1 minute 500 millis is not a whole number of seconds"},
		{"scale down behavior", func(_ awscdk.Stack, p *props) { p.ScaleDownBehavior = "NEVER" },
			`ScaleDownBehavior: must be TERMINATE_AT_INSTANCE_HOUR, TERMINATE_AT_TASK_COMPLETION (or dynamic), got "NEVER"`},
		{"nil tag", func(_ awscdk.Stack, p *props) { p.Tags = &map[string]*string{"team": nil} }, "Tags.team: must be a string (or dynamic)"},
		{"bootstrap without script", func(_ awscdk.Stack, p *props) {
			p.BootstrapActions = &[]*tasks.EmrCreateCluster_BootstrapActionConfigProperty{{Name: jsii.String("setup")}}
		}, "BootstrapActions[0].ScriptBootstrapAction: required"},
		{"nil bootstrap action", func(_ awscdk.Stack, p *props) {
			p.BootstrapActions = &[]*tasks.EmrCreateCluster_BootstrapActionConfigProperty{nil}
		}, "BootstrapActions[0]: a nil item"},
		{"application without name", func(_ awscdk.Stack, p *props) {
			p.Applications = &[]*tasks.EmrCreateCluster_ApplicationConfigProperty{{Version: jsii.String("3.5")}}
		}, "Applications[0].Name: required"},
		{"nil configuration property", func(_ awscdk.Stack, p *props) {
			p.Configurations = &[]*tasks.EmrCreateCluster_ConfigurationProperty{{Properties: &map[string]*string{"k": nil}}}
		}, "Configurations[0].Properties.k: a nil value"},
		{"nested nil configuration", func(_ awscdk.Stack, p *props) {
			p.Configurations = &[]*tasks.EmrCreateCluster_ConfigurationProperty{{Configurations: &[]*tasks.EmrCreateCluster_ConfigurationProperty{nil}}}
		}, "Configurations[0].Configurations[0]: a nil item"},
		{"kerberos without realm", func(_ awscdk.Stack, p *props) {
			p.KerberosAttributes = &tasks.EmrCreateCluster_KerberosAttributesProperty{KdcAdminPassword: jsii.String("x")}
		}, "KerberosAttributes.Realm: required"},
		{"group count negative", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) { g.InstanceCount = jsii.Number(-1) }),
			"Instances.InstanceGroups[0].InstanceCount: must be at least 0 (or dynamic), got -1"},
		{"group count missing", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) { g.InstanceCount = nil }),
			"Instances.InstanceGroups[0].InstanceCount: required"},
		{"group role missing", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) { g.InstanceRole = "" }),
			"Instances.InstanceGroups[0].InstanceRole: required"},
		{"group role unknown", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) { g.InstanceRole = "LEADER" }),
			`Instances.InstanceGroups[0].InstanceRole: must be MASTER, CORE, TASK (or dynamic), got "LEADER"`},
		{"group type missing", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) { g.InstanceType = nil }),
			"Instances.InstanceGroups[0].InstanceType: required"},
		{"nil group", func(_ awscdk.Stack, p *props) {
			p.Instances = &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceGroups: &[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty{nil}}
		}, "Instances.InstanceGroups[0]: a nil item"},
		{"volume without specification", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			g.EbsConfiguration = &tasks.EmrCreateCluster_EbsConfigurationProperty{EbsBlockDeviceConfigs: &[]*tasks.EmrCreateCluster_EbsBlockDeviceConfigProperty{{}}}
		}), "Instances.InstanceGroups[0].EbsConfiguration.EbsBlockDeviceConfigs[0].VolumeSpecification: required"},
		{"volume without size", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			g.EbsConfiguration = &tasks.EmrCreateCluster_EbsConfigurationProperty{EbsBlockDeviceConfigs: &[]*tasks.EmrCreateCluster_EbsBlockDeviceConfigProperty{{
				VolumeSpecification: &tasks.EmrCreateCluster_VolumeSpecificationProperty{VolumeType: tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_GP2}}}}
		}), "Instances.InstanceGroups[0].EbsConfiguration.EbsBlockDeviceConfigs[0].VolumeSpecification.VolumeSize: required"},
		{"volume type unknown", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			g.EbsConfiguration = &tasks.EmrCreateCluster_EbsConfigurationProperty{EbsBlockDeviceConfigs: &[]*tasks.EmrCreateCluster_EbsBlockDeviceConfigProperty{{
				VolumeSpecification: &tasks.EmrCreateCluster_VolumeSpecificationProperty{VolumeSize: awscdk.Size_Gibibytes(jsii.Number(10)), VolumeType: "GP9"}}}}
		}), `VolumeSpecification.VolumeType: must be GP3, GP2, IO1, ST1, SC1, STANDARD (or dynamic), got "GP9"`},
		{"volumes per instance", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			g.EbsConfiguration = &tasks.EmrCreateCluster_EbsConfigurationProperty{EbsBlockDeviceConfigs: emrVolume(10)}
			(*g.EbsConfiguration.EbsBlockDeviceConfigs)[0].VolumesPerInstance = jsii.Number(0)
		}), "EbsBlockDeviceConfigs[0].VolumesPerInstance: must be at least 1 (or dynamic), got 0"},
		{"scaling constraints reversed", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			g.AutoScalingPolicy = &tasks.EmrCreateCluster_AutoScalingPolicyProperty{
				Constraints: &tasks.EmrCreateCluster_ScalingConstraintsProperty{MinCapacity: jsii.Number(5), MaxCapacity: jsii.Number(3)},
				Rules:       &[]*tasks.EmrCreateCluster_ScalingRuleProperty{}}
		}), "AutoScalingPolicy.Constraints.MaxCapacity: must be at least MinCapacity (5), got 3"},
		{"scaling policy without rules", group(func(g *tasks.EmrCreateCluster_InstanceGroupConfigProperty) {
			g.AutoScalingPolicy = &tasks.EmrCreateCluster_AutoScalingPolicyProperty{
				Constraints: &tasks.EmrCreateCluster_ScalingConstraintsProperty{MinCapacity: jsii.Number(1), MaxCapacity: jsii.Number(3)}}
		}), "AutoScalingPolicy.Rules: required"},
		{"scaling rule without trigger", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) { r.Trigger = nil }),
			"AutoScalingPolicy.Rules[0].Trigger: required"},
		{"scaling rule nil alarm", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) {
			r.Trigger = &tasks.EmrCreateCluster_ScalingTriggerProperty{}
		}), "Rules[0].Trigger.CloudWatchAlarmDefinition: required"},
		{"alarm period fractional", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) {
			r.Trigger.CloudWatchAlarmDefinition.Period = awscdk.Duration_Millis(jsii.Number(1500))
		}), "CloudWatchAlarmDefinition.Period: 1 second 500 millis is not a whole number of seconds"},
		{"alarm evaluation periods", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) {
			r.Trigger.CloudWatchAlarmDefinition.EvaluationPeriods = jsii.Number(0)
		}), "CloudWatchAlarmDefinition.EvaluationPeriods: must be at least 1 (or dynamic), got 0"},
		{"alarm nil dimension", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) {
			r.Trigger.CloudWatchAlarmDefinition.Dimensions = &[]*tasks.EmrCreateCluster_MetricDimensionProperty{{Key: jsii.String("k")}}
		}), "CloudWatchAlarmDefinition.Dimensions[0].Value: required"},
		{"scaling adjustment missing", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) {
			r.Action.SimpleScalingPolicyConfiguration.ScalingAdjustment = nil
		}), "Rules[0].Action.SimpleScalingPolicyConfiguration.ScalingAdjustment: required"},
		{"cool down negative", scalingRule(func(r *tasks.EmrCreateCluster_ScalingRuleProperty) {
			r.Action.SimpleScalingPolicyConfiguration.CoolDown = jsii.Number(-5)
		}), "SimpleScalingPolicyConfiguration.CoolDown: must be at least 0 (or dynamic), got -5"},
		{"fleet without capacity", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) { f.TargetOnDemandCapacity = nil }),
			"Instances.InstanceFleets[0].TargetOnDemandCapacity: give TargetOnDemandCapacity or TargetSpotCapacity above 0"},
		{"fleet type missing", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) { f.InstanceFleetType = "" }),
			"Instances.InstanceFleets[0].InstanceFleetType: required"},
		{"master fleet of 2", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceFleetType = tasks.EmrCreateCluster_InstanceRoleType_MASTER
		}), "Instances.InstanceFleets[0].TargetOnDemandCapacity: must be 1 for a master fleet, got 2"},
		{"master fleet of both", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceFleetType = tasks.EmrCreateCluster_InstanceRoleType_MASTER
			f.TargetOnDemandCapacity, f.TargetSpotCapacity = jsii.Number(1), jsii.Number(1)
		}), "a master fleet takes TargetOnDemandCapacity or TargetSpotCapacity, not both"},
		{"fleet capacity negative", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) { f.TargetSpotCapacity = jsii.Number(-1) }),
			"Instances.InstanceFleets[0].TargetSpotCapacity: must be at least 0 (or dynamic), got -1"},
		{"both bid prices", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceTypeConfigs = &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{InstanceType: jsii.String("m5.xlarge"),
				BidPrice: jsii.String("1"), BidPriceAsPercentageOfOnDemandPrice: jsii.Number(50)}}
		}), "InstanceFleets[0].InstanceTypeConfigs[0].BidPrice: give BidPrice or BidPriceAsPercentageOfOnDemandPrice, not both"},
		{"instance type config without type", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceTypeConfigs = &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{}}
		}), "InstanceFleets[0].InstanceTypeConfigs[0].InstanceType: required"},
		{"priority without prioritized", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceTypeConfigs = &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{InstanceType: jsii.String("m5.xlarge"), Priority: jsii.Number(0)}}
		}), "InstanceFleets[0].InstanceTypeConfigs: Priority takes effect only with the PRIORITIZED On-Demand allocation strategy, got LOWEST_PRICE"},
		{"prioritized without priority", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceTypeConfigs = &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{InstanceType: jsii.String("m5.xlarge")}}
			f.LaunchSpecifications = &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
				OnDemandSpecification: &tasks.EmrCreateCluster_OnDemandProvisioningSpecificationProperty{
					AllocationStrategy: tasks.EmrCreateCluster_OnDemandAllocationStrategy_PRIORITIZED}}
		}), "LaunchSpecifications.OnDemandSpecification.AllocationStrategy: PRIORITIZED needs a Priority"},
		{"priority negative", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.InstanceTypeConfigs = &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{InstanceType: jsii.String("m5.xlarge"), Priority: jsii.Number(-1)}}
			f.LaunchSpecifications = &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
				OnDemandSpecification: &tasks.EmrCreateCluster_OnDemandProvisioningSpecificationProperty{
					AllocationStrategy: tasks.EmrCreateCluster_OnDemandAllocationStrategy_PRIORITIZED}}
		}), "InstanceTypeConfigs[0].Priority: must be at least 0 (or dynamic), got -1"},
		{"on-demand strategy missing", fleet(func(f *tasks.EmrCreateCluster_InstanceFleetConfigProperty) {
			f.LaunchSpecifications = &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
				OnDemandSpecification: &tasks.EmrCreateCluster_OnDemandProvisioningSpecificationProperty{}}
		}), "LaunchSpecifications.OnDemandSpecification.AllocationStrategy: required"},
		{"spot timeout too short", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) {
			s.Timeout = awscdk.Duration_Minutes(jsii.Number(4))
		}), "SpotSpecification.Timeout: must be from 5 to 1440 minutes (or dynamic), got 4 minutes"},
		{"spot timeout minutes too long", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) {
			s.Timeout, s.TimeoutDurationMinutes = nil, jsii.Number(1441)
		}), "SpotSpecification.Timeout: must be from 5 to 1440 minutes (or dynamic), got 1441 minutes"},
		{"spot timeout in seconds", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) {
			s.Timeout = awscdk.Duration_Seconds(jsii.Number(330))
		}), "SpotSpecification.Timeout: 5 minutes 30 seconds is not a whole number of minutes"},
		{"spot both timeouts", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) {
			s.TimeoutDurationMinutes = jsii.Number(10)
		}), "SpotSpecification.Timeout: give Timeout or TimeoutDurationMinutes, not both"},
		{"spot no timeout", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) { s.Timeout = nil }),
			"SpotSpecification.Timeout: required"},
		{"spot no timeout action", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) { s.TimeoutAction = "" }),
			"SpotSpecification.TimeoutAction: required"},
		{"spot block duration", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) {
			s.BlockDurationMinutes = jsii.Number(90)
		}), "SpotSpecification.BlockDurationMinutes: must be 60, 120, 180, 240, 300 or 360 (or dynamic), got 90"},
		{"spot allocation unknown", spot(func(s *tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty) {
			s.AllocationStrategy = "cheapest"
		}),
			`SpotSpecification.AllocationStrategy: must be CAPACITY_OPTIMIZED, PRICE_CAPACITY_OPTIMIZED, LOWEST_PRICE, DIVERSIFIED (or dynamic), got "cheapest"`},
		{"managed scaling reversed", limits(func(l *tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty) {
			l.MaximumCapacityUnits = jsii.Number(1)
		}),
			"ManagedScalingPolicy.ComputeLimits.MaximumCapacityUnits: must be at least MinimumCapacityUnits (2), got 1"},
		{"managed scaling on-demand above max", limits(func(l *tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty) {
			l.MaximumOnDemandCapacityUnits = jsii.Number(11)
		}), "ComputeLimits.MaximumOnDemandCapacityUnits: must be at most MaximumCapacityUnits (10), got 11"},
		{"managed scaling no unit", limits(func(l *tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty) { l.UnitType = "" }),
			"ComputeLimits.UnitType: required"},
		{"managed scaling no minimum", limits(func(l *tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty) { l.MinimumCapacityUnits = nil }),
			"ComputeLimits.MinimumCapacityUnits: required"},
		{"callback", func(_ awscdk.Stack, p *props) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Name = tasks.StringAt("$$.Task.Token")
		}, "WAIT_FOR_TASK_TOKEN is not supported by elasticmapreduce:createCluster; supported: REQUEST_RESPONSE, RUN_JOB"},
	}
	tests[4].mod = func(stack awscdk.Stack, p *props) {
		fleet(func(*tasks.EmrCreateCluster_InstanceFleetConfigProperty) {})(stack, p)
		p.AutoScalingRole = awsiam.Role_FromRoleName(stack, jsii.String("AutoScaling"), jsii.String("as"), nil)
	}
	tests[4].want = "AutoScalingRole: auto scaling roles cannot be given with instance fleets"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() {
				tasks.NewEmrCreateCluster(stack, jsii.String("Create"), emrClusterProps(stack, func(p *props) { tt.mod(stack, p) }))
			})
			assert.Contains(t, msg, tt.want)
		})
	}
}

// In a fragments Workflow scope the task is a CDK state at once, with its
// default roles under it.
func TestEmrCreateClusterInWorkflowScope(t *testing.T) {
	stack := cdktest.NewStack()
	scope := fragments.NewWorkflow(stack, jsii.String("Flow"))
	task := tasks.NewEmrCreateCluster(scope, jsii.String("Create"), &tasks.EmrCreateClusterProps{
		Name: jsii.String("c"), Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceCount: jsii.Number(1)}})
	assert.Equal(t, "Test/Flow/Create/ServiceRole", *task.ServiceRole().Node().Path())
	tpl := machine(t, stack, task)
	assert.Equal(t, "arn:"+partition+":states:::elasticmapreduce:createCluster.sync", state(t, tpl, "Create")["Resource"])
}
