package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"

	"github.com/sfnkit/sfnkit/tasks"
)

// The EMR cases port the CDK's own unit tests
// (aws-stepfunctions-tasks/test/emr/*.test.ts) with real cluster IDs and
// instance types, which sfnkit checks.

const emrClusterID = "j-2AXXXXXXGAPLF"

func emrStr(s string) *string { return jsii.String(s) }

func emrNum(n float64) *float64 { return jsii.Number(n) }

// emrRoles are the roles the CDK's tests give EmrCreateCluster.
func emrRoles(scope constructs.Construct, p *tasks.EmrCreateClusterProps) *tasks.EmrCreateClusterProps {
	p.ClusterRole = awsiam.NewRole(scope, emrStr("ClusterRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(emrStr("ec2.amazonaws.com"), nil)})
	p.ServiceRole = awsiam.NewRole(scope, emrStr("ServiceRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(emrStr("elasticmapreduce.amazonaws.com"), nil)})
	p.AutoScalingRole = awsiam.Role_FromRoleName(scope, emrStr("AutoScalingRole"), emrStr("EMR_AutoScaling_DefaultRole"), nil)
	return p
}

func emrConfigurations() *[]*tasks.EmrCreateCluster_ConfigurationProperty {
	return &[]*tasks.EmrCreateCluster_ConfigurationProperty{{
		Classification: emrStr("spark-defaults"),
		Properties:     &map[string]*string{"spark.executor.memory": emrStr("4g"), "spark.driver.memory": sfn.JsonPath_StringAt(emrStr("$.driverMemory"))},
		Configurations: &[]*tasks.EmrCreateCluster_ConfigurationProperty{{Classification: emrStr("export"),
			Properties: &map[string]*string{"PYSPARK_PYTHON": emrStr("/usr/bin/python3")}}},
	}}
}

func emrEbs(volumeType tasks.EmrCreateCluster_EbsBlockDeviceVolumeType) *tasks.EmrCreateCluster_EbsConfigurationProperty {
	return &tasks.EmrCreateCluster_EbsConfigurationProperty{
		EbsBlockDeviceConfigs: &[]*tasks.EmrCreateCluster_EbsBlockDeviceConfigProperty{{
			VolumeSpecification: &tasks.EmrCreateCluster_VolumeSpecificationProperty{
				Iops: emrNum(3000), VolumeSize: awscdk.Size_Gibibytes(emrNum(64)), VolumeType: volumeType},
			VolumesPerInstance: emrNum(2),
		}},
		EbsOptimized: jsii.Bool(true),
	}
}

func emrSpotFleet(strategy tasks.EmrCreateCluster_SpotAllocationStrategy) *tasks.EmrCreateCluster_InstancesConfigProperty {
	return &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceFleets: &[]*tasks.EmrCreateCluster_InstanceFleetConfigProperty{{
		InstanceFleetType: tasks.EmrCreateCluster_InstanceRoleType_MASTER,
		InstanceTypeConfigs: &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{
			BidPrice:         emrStr("1"),
			Configurations:   emrConfigurations(),
			EbsConfiguration: emrEbs(tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_STANDARD),
			InstanceType:     emrStr("m5.xlarge"),
			WeightedCapacity: emrNum(1),
		}},
		LaunchSpecifications: &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
			SpotSpecification: &tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty{
				AllocationStrategy: strategy,
				TimeoutAction:      tasks.EmrCreateCluster_SpotTimeoutAction_TERMINATE_CLUSTER,
				Timeout:            awscdk.Duration_Minutes(emrNum(5)),
			},
		},
		Name:               emrStr("Main"),
		TargetSpotCapacity: emrNum(1),
	}}}
}

func emrScalingRule(period awscdk.Duration) *tasks.EmrCreateCluster_ScalingRuleProperty {
	return &tasks.EmrCreateCluster_ScalingRuleProperty{
		Action: &tasks.EmrCreateCluster_ScalingActionProperty{
			Market: tasks.EmrCreateCluster_InstanceMarket_ON_DEMAND,
			SimpleScalingPolicyConfiguration: &tasks.EmrCreateCluster_SimpleScalingPolicyConfigurationProperty{
				AdjustmentType: tasks.EmrCreateCluster_ScalingAdjustmentType_CHANGE_IN_CAPACITY, CoolDown: emrNum(300), ScalingAdjustment: emrNum(1)},
		},
		Description: emrStr("Scale out on memory"),
		Name:        emrStr("ScaleOut"),
		Trigger: &tasks.EmrCreateCluster_ScalingTriggerProperty{CloudWatchAlarmDefinition: &tasks.EmrCreateCluster_CloudWatchAlarmDefinitionProperty{
			ComparisonOperator: tasks.EmrCreateCluster_CloudWatchAlarmComparisonOperator_LESS_THAN,
			Dimensions:         &[]*tasks.EmrCreateCluster_MetricDimensionProperty{{Key: emrStr("JobFlowId"), Value: emrStr(emrClusterID)}},
			EvaluationPeriods:  emrNum(1),
			MetricName:         emrStr("YARNMemoryAvailablePercentage"),
			Namespace:          emrStr("AWS/ElasticMapReduce"),
			Period:             period,
			Statistic:          tasks.EmrCreateCluster_CloudWatchAlarmStatistic_AVERAGE,
			Threshold:          emrNum(15),
			Unit:               tasks.EmrCreateCluster_CloudWatchAlarmUnit_PERCENT,
		}},
	}
}

func init() {
	add(emrCreateClusterCases()...)
	add(
		// EmrAddStep
		parity.Case{Name: "EmrAddStep/defaults: run job, CONTINUE", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrAddStep(scope, emrStr("Task"), &tasks.EmrAddStepProps{
				ClusterId: emrStr(emrClusterID), Name: emrStr("StepName"), Jar: emrStr("command-runner.jar")})
		}},
		parity.Case{Name: "EmrAddStep/request response, TERMINATE_CLUSTER, args", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrAddStep(scope, emrStr("Task"), &tasks.EmrAddStepProps{
				ClusterId: emrStr(emrClusterID), Name: emrStr("StepName"), Jar: emrStr("command-runner.jar"),
				ActionOnFailure:    tasks.ActionOnFailure_TERMINATE_CLUSTER,
				IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
				Args:               &[]*string{emrStr("spark-submit"), emrStr("s3://bucket/app.py")},
			})
		}},
		parity.Case{Name: "EmrAddStep/properties, main class, runtime role", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrAddStep(scope, emrStr("Task"), &tasks.EmrAddStepProps{
				ClusterId: emrStr(emrClusterID), Name: emrStr("StepName"), Jar: emrStr("s3://bucket/app.jar"),
				MainClass:        emrStr("com.example.Main"),
				ActionOnFailure:  tasks.ActionOnFailure_CANCEL_AND_WAIT,
				ExecutionRoleArn: emrStr("arn:aws:iam::123456789012:role/emr-runtime"),
				Properties: &map[string]*string{"spark.b": emrStr("2"), "spark.a": emrStr("1"), "10": emrStr("ten"), "9": emrStr("nine"),
					"day": sfn.JsonPath_StringAt(emrStr("$.day"))},
			})
		}},
		parity.Case{Name: "EmrAddStep/cluster, name and args from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrAddStep(scope, emrStr("Task"), &tasks.EmrAddStepProps{
				ClusterId: sfn.JsonPath_StringAt(emrStr("$.ClusterId")), Name: sfn.JsonPath_StringAt(emrStr("$.StepName")),
				Jar:        emrStr("command-runner.jar"),
				Args:       sfn.JsonPath_ListAt(emrStr("$.args")),
				ResultPath: sfn.JsonPath_DISCARD(),
			})
		}},
		parity.Case{Name: "EmrAddStep/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrAddStep(scope, emrStr("Task"), &tasks.EmrAddStepProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA,
				ClusterId:     emrStr("{% $states.input.clusterId %}"), Name: emrStr("StepName"), Jar: emrStr("command-runner.jar"),
				Args: &[]*string{emrStr("spark-submit"), emrStr("{% $states.input.script %}")},
			})
		}},

		// EmrCancelStep
		parity.Case{Name: "EmrCancelStep/static", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCancelStep(scope, emrStr("Task"), &tasks.EmrCancelStepProps{ClusterId: emrStr(emrClusterID), StepId: emrStr("s-1YXXXXXXXXXXA")})
		}},
		parity.Case{Name: "EmrCancelStep/cluster from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCancelStep(scope, emrStr("Task"), &tasks.EmrCancelStepProps{
				ClusterId: sfn.JsonPath_StringAt(emrStr("$.ClusterId")), StepId: emrStr("s-1YXXXXXXXXXXA")})
		}},
		parity.Case{Name: "EmrCancelStep/step from the input, named state", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCancelStep(scope, emrStr("Task"), &tasks.EmrCancelStepProps{
				ClusterId: emrStr(emrClusterID), StepId: sfn.JsonPath_StringAt(emrStr("$.step.StepId")),
				StateName: emrStr("Cancel the step"), ResultPath: emrStr("$.cancelled"), Comment: emrStr("stop it")})
		}},
		parity.Case{Name: "EmrCancelStep/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCancelStep(scope, emrStr("Task"), &tasks.EmrCancelStepProps{QueryLanguage: sfn.QueryLanguage_JSONATA,
				ClusterId: emrStr(emrClusterID), StepId: emrStr("{% $states.input.stepId %}")})
		}},

		// EmrTerminateCluster
		parity.Case{Name: "EmrTerminateCluster/run job (default)", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrTerminateCluster(scope, emrStr("Task"), &tasks.EmrTerminateClusterProps{ClusterId: emrStr(emrClusterID)})
		}},
		parity.Case{Name: "EmrTerminateCluster/request response", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrTerminateCluster(scope, emrStr("Task"), &tasks.EmrTerminateClusterProps{ClusterId: emrStr(emrClusterID),
				IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE})
		}},
		parity.Case{Name: "EmrTerminateCluster/cluster from the input, timeouts", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrTerminateCluster(scope, emrStr("Task"), &tasks.EmrTerminateClusterProps{
				ClusterId:   sfn.JsonPath_StringAt(emrStr("$.ClusterId")),
				TaskTimeout: sfn.Timeout_Duration(awscdk.Duration_Minutes(emrNum(30))), HeartbeatTimeout: sfn.Timeout_At(emrStr("$.heartbeat"))})
		}},
		parity.Case{Name: "EmrTerminateCluster/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrTerminateCluster(scope, emrStr("Task"), &tasks.EmrTerminateClusterProps{QueryLanguage: sfn.QueryLanguage_JSONATA,
				ClusterId: emrStr("{% $states.input.cluster.ClusterId %}"), Outputs: map[string]interface{}{"done": true}})
		}},

		// EmrSetClusterTerminationProtection
		parity.Case{Name: "EmrSetClusterTerminationProtection/protect", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrSetClusterTerminationProtection(scope, emrStr("Task"), &tasks.EmrSetClusterTerminationProtectionProps{
				ClusterId: emrStr(emrClusterID), TerminationProtected: jsii.Bool(true)})
		}},
		parity.Case{Name: "EmrSetClusterTerminationProtection/unprotect", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrSetClusterTerminationProtection(scope, emrStr("Task"), &tasks.EmrSetClusterTerminationProtectionProps{
				ClusterId: emrStr(emrClusterID), TerminationProtected: jsii.Bool(false)})
		}},
		parity.Case{Name: "EmrSetClusterTerminationProtection/cluster from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrSetClusterTerminationProtection(scope, emrStr("Task"), &tasks.EmrSetClusterTerminationProtectionProps{
				ClusterId: sfn.JsonPath_StringAt(emrStr("$.ClusterId")), TerminationProtected: jsii.Bool(false),
				InputPath: emrStr("$.cluster"), OutputPath: emrStr("$.out")})
		}},
		parity.Case{Name: "EmrSetClusterTerminationProtection/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrSetClusterTerminationProtection(scope, emrStr("Task"), &tasks.EmrSetClusterTerminationProtectionProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, ClusterId: emrStr("{% $states.input.id %}"), TerminationProtected: jsii.Bool(true)})
		}},

		// EmrModifyInstanceFleetByName
		parity.Case{Name: "EmrModifyInstanceFleetByName/static", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceFleetByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: emrStr(emrClusterID), InstanceFleetName: emrStr("InstanceFleetName"),
				TargetOnDemandCapacity: emrNum(2), TargetSpotCapacity: emrNum(0)})
		}},
		parity.Case{Name: "EmrModifyInstanceFleetByName/cluster from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceFleetByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: sfn.JsonPath_StringAt(emrStr("$.ClusterId")), InstanceFleetName: emrStr("InstanceFleetName"),
				TargetOnDemandCapacity: emrNum(2), TargetSpotCapacity: emrNum(4)})
		}},
		parity.Case{Name: "EmrModifyInstanceFleetByName/fleet name from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceFleetByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: emrStr(emrClusterID), InstanceFleetName: sfn.JsonPath_StringAt(emrStr("$.InstanceFleetName")),
				TargetOnDemandCapacity: emrNum(2), TargetSpotCapacity: emrNum(0)})
		}},
		parity.Case{Name: "EmrModifyInstanceFleetByName/capacities from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceFleetByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: emrStr(emrClusterID), InstanceFleetName: emrStr("InstanceFleetName"),
				TargetOnDemandCapacity: sfn.JsonPath_NumberAt(emrStr("$.TargetOnDemandCapacity")),
				TargetSpotCapacity:     sfn.JsonPath_NumberAt(emrStr("$.TargetSpotCapacity"))})
		}},

		// EmrModifyInstanceGroupByName
		parity.Case{Name: "EmrModifyInstanceGroupByName/every field", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceGroupByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: emrStr(emrClusterID), InstanceGroupName: emrStr("InstanceGroupName"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{
					Configurations:            emrConfigurations(),
					EC2InstanceIdsToTerminate: &[]*string{emrStr("i-1234567890abcdef0")},
					InstanceCount:             emrNum(1),
					ShrinkPolicy: &tasks.EmrModifyInstanceGroupByName_ShrinkPolicyProperty{
						DecommissionTimeout: awscdk.Duration_Seconds(emrNum(1)),
						InstanceResizePolicy: &tasks.EmrModifyInstanceGroupByName_InstanceResizePolicyProperty{
							InstanceTerminationTimeout: awscdk.Duration_Minutes(emrNum(2)),
							InstancesToProtect:         &[]*string{emrStr("i-0aaaaaaaaaaaaaaaa")},
							InstancesToTerminate:       &[]*string{emrStr("i-0bbbbbbbbbbbbbbbb")},
						},
					},
				},
			})
		}},
		parity.Case{Name: "EmrModifyInstanceGroupByName/cluster from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceGroupByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: sfn.JsonPath_StringAt(emrStr("$.ClusterId")), InstanceGroupName: emrStr("InstanceGroupName"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{InstanceCount: emrNum(1)}})
		}},
		parity.Case{Name: "EmrModifyInstanceGroupByName/group name from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceGroupByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: emrStr(emrClusterID), InstanceGroupName: sfn.JsonPath_StringAt(emrStr("$.InstanceGroupName")),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{InstanceCount: emrNum(1)}})
		}},
		parity.Case{Name: "EmrModifyInstanceGroupByName/count and timeouts from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrModifyInstanceGroupByName(scope, emrStr("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: emrStr(emrClusterID), InstanceGroupName: emrStr("InstanceGroupName"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{
					InstanceCount: sfn.JsonPath_NumberAt(emrStr("$.InstanceCount")),
					ShrinkPolicy: &tasks.EmrModifyInstanceGroupByName_ShrinkPolicyProperty{
						DecommissionTimeout: awscdk.Duration_Seconds(sfn.JsonPath_NumberAt(emrStr("$.decommission"))),
					},
				}})
		}},
	)
}

func emrCreateClusterCases() []parity.Case {
	uniform := func() *tasks.EmrCreateCluster_InstancesConfigProperty {
		return &tasks.EmrCreateCluster_InstancesConfigProperty{
			InstanceCount: emrNum(3), MasterInstanceType: emrStr("m5.xlarge"), SlaveInstanceType: emrStr("m5.xlarge")}
	}
	return []parity.Case{
		{Name: "EmrCreateCluster/without roles: the CDK's default roles", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster")})
		}},
		{Name: "EmrCreateCluster/given roles, request response", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster"), IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE}))
		}},
		{Name: "EmrCreateCluster/service policy v2 flag: managed-policy tag", Build: func(scope constructs.Construct) sfn.State {
			scope.Node().SetContext(emrStr("@aws-cdk/aws-stepfunctions-tasks:enableEmrServicePolicyV2"), true)
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster")})
		}},
		{Name: "EmrCreateCluster/service policy v2 flag with tags", Build: func(scope constructs.Construct) sfn.State {
			scope.Node().SetContext(emrStr("@aws-cdk/aws-stepfunctions-tasks:enableEmrServicePolicyV2"), true)
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster"),
				Tags: &map[string]*string{"team": emrStr("data"), "Alpha": emrStr("a"), "10": emrStr("ten"), "2": emrStr("two")}})
		}},
		{Name: "EmrCreateCluster/name and step concurrency from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: sfn.JsonPath_StringAt(emrStr("$.ClusterName")),
				StepConcurrencyLevel: sfn.JsonPath_NumberAt(emrStr("$.foo.bar")),
				IntegrationPattern:   sfn.IntegrationPattern_REQUEST_RESPONSE}))
		}},
		{Name: "EmrCreateCluster/release label, step concurrency, EBS root volume", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster"),
				ReleaseLabel: emrStr("emr-7.5.0"), StepConcurrencyLevel: emrNum(2),
				EbsRootVolumeSize: awscdk.Size_Gibibytes(emrNum(23)), EbsRootVolumeIops: emrNum(4567), EbsRootVolumeThroughput: emrNum(222)}))
		}},
		{Name: "EmrCreateCluster/tags, applications, bootstrap actions, configurations", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster"),
				Tags: &map[string]*string{"key": emrStr("value"), "env": sfn.JsonPath_StringAt(emrStr("$.env"))},
				Applications: &[]*tasks.EmrCreateCluster_ApplicationConfigProperty{
					{Name: emrStr("Hive"), Version: emrStr("0.0")},
					{Name: emrStr("Spark"), Args: &[]*string{emrStr("--x")}, AdditionalInfo: &map[string]*string{"k": emrStr("v")}},
				},
				BootstrapActions: &[]*tasks.EmrCreateCluster_BootstrapActionConfigProperty{{
					Name: emrStr("Bootstrap"),
					ScriptBootstrapAction: &tasks.EmrCreateCluster_ScriptBootstrapActionConfigProperty{
						Path: emrStr("s3://bucket/bootstrap.sh"), Args: &[]*string{emrStr("Arg")}},
				}},
				Configurations: emrConfigurations(),
			}))
		}},
		{Name: "EmrCreateCluster/Kerberos, managed scaling, cluster settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster"),
				KerberosAttributes: &tasks.EmrCreateCluster_KerberosAttributesProperty{
					Realm: emrStr("EC2.INTERNAL"), AdDomainJoinPassword: emrStr("password1"), AdDomainJoinUser: emrStr("user"),
					CrossRealmTrustPrincipalPassword: emrStr("password2"), KdcAdminPassword: sfn.JsonPath_StringAt(emrStr("$.kdc"))},
				ManagedScalingPolicy: &tasks.EmrCreateCluster_ManagedScalingPolicyProperty{
					ComputeLimits: &tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty{
						UnitType: tasks.EmrCreateCluster_ComputeLimitsUnitType_VCPU, MinimumCapacityUnits: emrNum(2), MaximumCapacityUnits: emrNum(10),
						MaximumOnDemandCapacityUnits: emrNum(5), MaximumCoreCapacityUnits: emrNum(8)}},
				AdditionalInfo: emrStr("{\"info\":1}"), CustomAmiId: emrStr("ami-0123456789abcdef0"), LogUri: emrStr("s3://bucket/logs/"),
				SecurityConfiguration: emrStr("kerberos"), ScaleDownBehavior: tasks.EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_INSTANCE_HOUR,
				VisibleToAllUsers: jsii.Bool(false), AutoTerminationPolicyIdleTimeout: awscdk.Duration_Seconds(emrNum(100)),
			}))
		}},
		{Name: "EmrCreateCluster/managed scaling in fleet units", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{
				Instances: emrSpotFleet(tasks.EmrCreateCluster_SpotAllocationStrategy_CAPACITY_OPTIMIZED), Name: emrStr("Cluster"),
				ManagedScalingPolicy: &tasks.EmrCreateCluster_ManagedScalingPolicyProperty{
					ComputeLimits: &tasks.EmrCreateCluster_ManagedScalingComputeLimitsProperty{
						UnitType:             tasks.EmrCreateCluster_ComputeLimitsUnitType_INSTANCE_FLEET_UNITS,
						MinimumCapacityUnits: emrNum(1), MaximumCapacityUnits: sfn.JsonPath_NumberAt(emrStr("$.max"))}},
			})
		}},
		{Name: "EmrCreateCluster/instances configuration", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Name: emrStr("Cluster"), IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
				Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{
					AdditionalMasterSecurityGroups: &[]*string{emrStr("sg-master")},
					AdditionalSlaveSecurityGroups:  &[]*string{emrStr("sg-slave")},
					Ec2KeyName:                     emrStr("Ec2KeyName"),
					Ec2SubnetId:                    emrStr("subnet-1"),
					Ec2SubnetIds:                   &[]*string{emrStr("subnet-1")},
					EmrManagedMasterSecurityGroup:  emrStr("sg-emr-master"),
					EmrManagedSlaveSecurityGroup:   emrStr("sg-emr-slave"),
					HadoopVersion:                  emrStr("HadoopVersion"),
					InstanceCount:                  emrNum(1),
					MasterInstanceType:             emrStr("m5.xlarge"),
					Placement: &tasks.EmrCreateCluster_PlacementTypeProperty{
						AvailabilityZone: emrStr("us-east-1a"), AvailabilityZones: &[]*string{emrStr("us-east-1a")}},
					ServiceAccessSecurityGroup: emrStr("sg-service"),
					SlaveInstanceType:          emrStr("m5.xlarge"),
					TerminationProtected:       jsii.Bool(true),
				},
			}))
		}},
		{Name: "EmrCreateCluster/instance groups with auto scaling", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				Name: emrStr("Cluster"), IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
				Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceGroups: &[]*tasks.EmrCreateCluster_InstanceGroupConfigProperty{{
					AutoScalingPolicy: &tasks.EmrCreateCluster_AutoScalingPolicyProperty{
						Constraints: &tasks.EmrCreateCluster_ScalingConstraintsProperty{MaxCapacity: emrNum(2), MinCapacity: emrNum(1)},
						Rules: &[]*tasks.EmrCreateCluster_ScalingRuleProperty{
							emrScalingRule(awscdk.Duration_Seconds(emrNum(300))),
							emrScalingRule(awscdk.Duration_Seconds(sfn.JsonPath_NumberAt(emrStr("$.CloudWatchPeriod")))),
						},
					},
					BidPrice:         emrStr("1"),
					Configurations:   emrConfigurations(),
					EbsConfiguration: emrEbs(tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_GP3),
					InstanceCount:    emrNum(1),
					InstanceRole:     tasks.EmrCreateCluster_InstanceRoleType_MASTER,
					InstanceType:     emrStr("m5.xlarge"),
					Market:           tasks.EmrCreateCluster_InstanceMarket_ON_DEMAND,
					Name:             emrStr("Main"),
				}, {
					InstanceCount: sfn.JsonPath_NumberAt(emrStr("$.coreCount")), InstanceRole: tasks.EmrCreateCluster_InstanceRoleType_CORE,
					InstanceType: emrStr("r5.2xlarge"), Market: tasks.EmrCreateCluster_InstanceMarket_SPOT,
					EbsConfiguration: emrEbs(tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_IO1),
				}}},
			}))
		}},
		{Name: "EmrCreateCluster/spot fleet, capacity-optimized", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{
				Instances: emrSpotFleet(tasks.EmrCreateCluster_SpotAllocationStrategy_CAPACITY_OPTIMIZED), Name: emrStr("Cluster"),
				IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE})
		}},
		{Name: "EmrCreateCluster/spot fleet, price-capacity-optimized", Build: func(scope constructs.Construct) sfn.State {
			props := emrRoles(scope, &tasks.EmrCreateClusterProps{
				Instances: emrSpotFleet(tasks.EmrCreateCluster_SpotAllocationStrategy_PRICE_CAPACITY_OPTIMIZED), Name: emrStr("Cluster")})
			props.AutoScalingRole = nil // instance fleets take none
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), props)
		}},
		{Name: "EmrCreateCluster/spot fleet, lowest-price, timeout in minutes", Build: func(scope constructs.Construct) sfn.State {
			instances := emrSpotFleet(tasks.EmrCreateCluster_SpotAllocationStrategy_LOWEST_PRICE)
			spot := (*instances.InstanceFleets)[0].LaunchSpecifications.SpotSpecification
			spot.Timeout, spot.TimeoutDurationMinutes = nil, emrNum(30)
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{Instances: instances, Name: emrStr("Cluster")})
		}},
		{Name: "EmrCreateCluster/spot fleet, diversified, volume types", Build: func(scope constructs.Construct) sfn.State {
			instances := emrSpotFleet(tasks.EmrCreateCluster_SpotAllocationStrategy_DIVERSIFIED)
			configs := (*instances.InstanceFleets)[0].InstanceTypeConfigs
			for _, t := range []tasks.EmrCreateCluster_EbsBlockDeviceVolumeType{tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_GP2,
				tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_ST1, tasks.EmrCreateCluster_EbsBlockDeviceVolumeType_SC1} {
				*configs = append(*configs, &tasks.EmrCreateCluster_InstanceTypeConfigProperty{InstanceType: emrStr("d3.xlarge"), EbsConfiguration: emrEbs(t)})
			}
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{Instances: instances, Name: emrStr("Cluster")})
		}},
		{Name: "EmrCreateCluster/on-demand fleets, prioritized", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{Name: emrStr("Cluster"),
				Instances: &tasks.EmrCreateCluster_InstancesConfigProperty{InstanceFleets: &[]*tasks.EmrCreateCluster_InstanceFleetConfigProperty{{
					InstanceFleetType: tasks.EmrCreateCluster_InstanceRoleType_MASTER, Name: emrStr("Main"), TargetOnDemandCapacity: emrNum(1),
					InstanceTypeConfigs: &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{{InstanceType: emrStr("m5.xlarge")}},
					LaunchSpecifications: &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
						OnDemandSpecification: &tasks.EmrCreateCluster_OnDemandProvisioningSpecificationProperty{
							AllocationStrategy: tasks.EmrCreateCluster_OnDemandAllocationStrategy_LOWEST_PRICE}},
				}, {
					InstanceFleetType: tasks.EmrCreateCluster_InstanceRoleType_CORE, Name: emrStr("Core"),
					TargetOnDemandCapacity: emrNum(4), TargetSpotCapacity: sfn.JsonPath_NumberAt(emrStr("$.spot")),
					InstanceTypeConfigs: &[]*tasks.EmrCreateCluster_InstanceTypeConfigProperty{
						{InstanceType: emrStr("r5.xlarge"), Priority: emrNum(0), WeightedCapacity: emrNum(2), BidPriceAsPercentageOfOnDemandPrice: emrNum(60)},
						{InstanceType: emrStr("r6g.xlarge"), Priority: emrNum(1), WeightedCapacity: emrNum(2)},
					},
					LaunchSpecifications: &tasks.EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty{
						OnDemandSpecification: &tasks.EmrCreateCluster_OnDemandProvisioningSpecificationProperty{
							AllocationStrategy: tasks.EmrCreateCluster_OnDemandAllocationStrategy_PRIORITIZED},
						SpotSpecification: &tasks.EmrCreateCluster_SpotProvisioningSpecificationProperty{
							TimeoutAction: tasks.EmrCreateCluster_SpotTimeoutAction_SWITCH_TO_ON_DEMAND, Timeout: awscdk.Duration_Hours(emrNum(1))},
					},
				}}}})
		}},
		{Name: "EmrCreateCluster/named state, JSONPath I/O", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), &tasks.EmrCreateClusterProps{
				Instances: uniform(), Name: emrStr("Cluster"), StateName: emrStr("Create the cluster"),
				ResultPath: emrStr("$.cluster"), ResultSelector: &map[string]interface{}{"id.$": "$.ClusterId"},
				TaskTimeout: sfn.Timeout_Duration(awscdk.Duration_Hours(emrNum(1)))})
		}},
		{Name: "EmrCreateCluster/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrCreateCluster(scope, emrStr("Task"), emrRoles(scope, &tasks.EmrCreateClusterProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, Instances: uniform(),
				Name: emrStr("{% $states.input.name %}"), IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
				LogUri: emrStr("{% 's3://bucket/' & $states.input.name %}")}))
		}},
	}
}
