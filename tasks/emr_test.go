package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const emrCluster = "j-2AXXXXXXGAPLF"

func emrRule(name string) map[string]any {
	return stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, arn("events", "rule/"+name))
}

func passRoleTo(service, role string) map[string]any {
	s := stmt([]string{"iam:PassRole"}, role)
	s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": service}}
	return s
}

func TestEmrAddStepRendering(t *testing.T) {
	stack := cdktest.NewStack()
	sync := tasks.NewEmrAddStep(stack, jsii.String("Sync"), &tasks.EmrAddStepProps{
		ClusterId:        jsii.String(emrCluster),
		Name:             jsii.String("spark"),
		Jar:              jsii.String("command-runner.jar"),
		Args:             &[]*string{jsii.String("spark-submit"), jsii.String("s3://bucket/app.py")},
		Properties:       &map[string]*string{"spark.b": jsii.String("2"), "spark.a": jsii.String("1")},
		ExecutionRoleArn: jsii.String("arn:aws:iam::111122223333:role/emr-runtime"),
	})
	rr := tasks.NewEmrAddStep(stack, jsii.String("RR"), &tasks.EmrAddStepProps{
		IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
		ClusterId:          tasks.StringAt("$.cluster"),
		Name:               tasks.StringAt("States.Format('step-{}', $.day)"),
		ActionOnFailure:    tasks.ActionOnFailure(*tasks.StringAt("$.onFailure")),
		Jar:                tasks.StringAt("$.jar"),
		MainClass:          jsii.String("com.example.Main"),
		Args:               &[]*string{jsii.String("--day"), tasks.StringAt("$.day")},
		Properties:         &map[string]*string{"day": tasks.StringAt("$.day")},
		ExecutionRoleArn:   tasks.StringAt("$.role"),
	})
	whole := tasks.NewEmrAddStep(stack, jsii.String("Whole"), &tasks.EmrAddStepProps{
		ClusterId:       jsii.String(emrCluster),
		Name:            jsii.String("whole"),
		ActionOnFailure: tasks.ActionOnFailure_TERMINATE_CLUSTER,
		Jar:             jsii.String("command-runner.jar"),
		Args:            tasks.ListAt("$.args"),
		Properties:      tasks.StringMapAt("$.properties"),
	})
	tpl := machine(t, stack, sync.Next(rr).Next(whole))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::elasticmapreduce:addStep.sync", "Next": "RR",
		"Parameters": map[string]any{
			"ClusterId":        emrCluster,
			"ExecutionRoleArn": "arn:aws:iam::111122223333:role/emr-runtime",
			"Step": map[string]any{"Name": "spark", "ActionOnFailure": "CONTINUE", "HadoopJarStep": map[string]any{
				"Jar":  "command-runner.jar",
				"Args": []any{"spark-submit", "s3://bucket/app.py"},
				"Properties": []any{
					map[string]any{"Key": "spark.a", "Value": "1"},
					map[string]any{"Key": "spark.b", "Value": "2"},
				},
			}},
		}}, state(t, tpl, "Sync"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::elasticmapreduce:addStep", "Next": "Whole",
		"Parameters": map[string]any{
			"ClusterId.$":        "$.cluster",
			"ExecutionRoleArn.$": "$.role",
			"Step": map[string]any{"Name.$": "States.Format('step-{}', $.day)", "ActionOnFailure.$": "$.onFailure", "HadoopJarStep": map[string]any{
				"Jar.$":      "$.jar",
				"MainClass":  "com.example.Main",
				"Args.$":     "States.Array('--day', $.day)",
				"Properties": []any{map[string]any{"Key": "day", "Value.$": "$.day"}},
			}},
		}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Name": "whole", "ActionOnFailure": "TERMINATE_CLUSTER", "HadoopJarStep": map[string]any{
		"Jar": "command-runner.jar", "Args.$": "$.args", "Properties.$": "$.properties"}},
		state(t, tpl, "Whole")["Parameters"].(map[string]any)["Step"])
	integ.Validate(t, stack)
}

func TestEmrClusterTasksRendering(t *testing.T) {
	stack := cdktest.NewStack()
	cancel := tasks.NewEmrCancelStep(stack, jsii.String("Cancel"), &tasks.EmrCancelStepProps{
		ClusterId: jsii.String(emrCluster), StepId: tasks.StringAt("$.step.StepId")})
	protect := tasks.NewEmrSetClusterTerminationProtection(stack, jsii.String("Protect"), &tasks.EmrSetClusterTerminationProtectionProps{
		ClusterId: jsii.String(emrCluster), TerminationProtected: jsii.Bool(false)})
	protectDynamic := tasks.NewEmrSetClusterTerminationProtection(stack, jsii.String("ProtectDynamic"), &tasks.EmrSetClusterTerminationProtectionProps{
		ClusterId: tasks.StringAt("$.cluster"), TerminationProtected: tasks.BoolAt("$.protect")})
	fleet := tasks.NewEmrModifyInstanceFleetByName(stack, jsii.String("Fleet"), &tasks.EmrModifyInstanceFleetByNameProps{
		ClusterId: jsii.String(emrCluster), InstanceFleetName: jsii.String("core"),
		TargetOnDemandCapacity: jsii.Number(2), TargetSpotCapacity: tasks.NumberAt("$.spot")})
	group := tasks.NewEmrModifyInstanceGroupByName(stack, jsii.String("Group"), &tasks.EmrModifyInstanceGroupByNameProps{
		ClusterId: jsii.String(emrCluster), InstanceGroupName: tasks.StringAt("$.group"),
		InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{
			InstanceCount:             tasks.NumberAt("$.count"),
			EC2InstanceIdsToTerminate: &[]*string{jsii.String("i-1")},
			Configurations: &[]*tasks.EmrCreateCluster_ConfigurationProperty{{
				Classification: jsii.String("spark-defaults"),
				Properties:     &map[string]*string{"spark.executor.memory": tasks.StringAt("$.memory")},
			}},
			ShrinkPolicy: &tasks.EmrModifyInstanceGroupByName_ShrinkPolicyProperty{
				DecommissionTimeout: awscdk.Duration_Minutes(jsii.Number(5)),
				InstanceResizePolicy: &tasks.EmrModifyInstanceGroupByName_InstanceResizePolicyProperty{
					InstancesToProtect:         &[]*string{tasks.StringAt("$.keep")},
					InstanceTerminationTimeout: awscdk.Duration_Minutes(jsii.Number(1)),
				},
			},
		}})
	terminate := tasks.NewEmrTerminateCluster(stack, jsii.String("Terminate"), &tasks.EmrTerminateClusterProps{ClusterId: jsii.String(emrCluster)})
	terminateRR := tasks.NewEmrTerminateCluster(stack, jsii.String("TerminateRR"), &tasks.EmrTerminateClusterProps{
		ClusterId: tasks.StringAt("$.cluster"), IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE})
	tpl := machine(t, stack, sfn.Chain_Start(cancel).Next(protect).Next(protectDynamic).Next(fleet).Next(group).Next(terminate).Next(terminateRR))

	resource := func(api string) string { return "arn:" + partition + ":states:::elasticmapreduce:" + api }
	tests := []struct {
		state, resource string
		params          map[string]any
	}{
		{"Cancel", resource("cancelStep"), map[string]any{"ClusterId": emrCluster, "StepId.$": "$.step.StepId"}},
		{"Protect", resource("setClusterTerminationProtection"), map[string]any{"ClusterId": emrCluster, "TerminationProtected": false}},
		{"ProtectDynamic", resource("setClusterTerminationProtection"), map[string]any{"ClusterId.$": "$.cluster", "TerminationProtected.$": "$.protect"}},
		{"Fleet", resource("modifyInstanceFleetByName"), map[string]any{"ClusterId": emrCluster, "InstanceFleetName": "core",
			"InstanceFleet": map[string]any{"TargetOnDemandCapacity": 2.0, "TargetSpotCapacity.$": "$.spot"}}},
		{"Group", resource("modifyInstanceGroupByName"), map[string]any{"ClusterId": emrCluster, "InstanceGroupName.$": "$.group",
			"InstanceGroup": map[string]any{
				"InstanceCount.$":           "$.count",
				"EC2InstanceIdsToTerminate": []any{"i-1"},
				"Configurations": []any{map[string]any{"Classification": "spark-defaults",
					"Properties": map[string]any{"spark.executor.memory.$": "$.memory"}}},
				"ShrinkPolicy": map[string]any{"DecommissionTimeout": 300.0, "InstanceResizePolicy": map[string]any{
					"InstancesToProtect.$": "States.Array($.keep)", "InstanceTerminationTimeout": 60.0}},
			}}},
		{"Terminate", resource("terminateCluster.sync"), map[string]any{"ClusterId": emrCluster}},
		{"TerminateRR", resource("terminateCluster"), map[string]any{"ClusterId.$": "$.cluster"}},
	}
	for _, tt := range tests {
		t.Run(tt.state, func(t *testing.T) {
			got := state(t, tpl, tt.state)
			assert.Equal(t, tt.resource, got["Resource"])
			assert.Equal(t, tt.params, got["Parameters"])
		})
	}
	integ.Validate(t, stack)
}

func TestEmrIAM(t *testing.T) {
	cluster := arn("elasticmapreduce", "cluster/"+emrCluster)
	anyCluster := arn("elasticmapreduce", "cluster/*")
	const role = "arn:aws:iam::111122223333:role/emr-runtime"
	addStep := func(pattern sfn.IntegrationPattern, clusterID, roleArn *string) func(constructs.Construct) sfn.IChainable {
		return func(s constructs.Construct) sfn.IChainable {
			return tasks.NewEmrAddStep(s, jsii.String("Task"), &tasks.EmrAddStepProps{IntegrationPattern: pattern,
				ClusterId: clusterID, Name: jsii.String("s"), Jar: jsii.String("command-runner.jar"), ExecutionRoleArn: roleArn})
		}
	}
	terminate := func(pattern sfn.IntegrationPattern, clusterID *string) func(constructs.Construct) sfn.IChainable {
		return func(s constructs.Construct) sfn.IChainable {
			return tasks.NewEmrTerminateCluster(s, jsii.String("Task"), &tasks.EmrTerminateClusterProps{IntegrationPattern: pattern, ClusterId: clusterID})
		}
	}
	cancel := func(clusterID *string) func(constructs.Construct) sfn.IChainable {
		return func(s constructs.Construct) sfn.IChainable {
			return tasks.NewEmrCancelStep(s, jsii.String("Task"), &tasks.EmrCancelStepProps{ClusterId: clusterID, StepId: jsii.String("s-1")})
		}
	}
	protect := func(clusterID *string) func(constructs.Construct) sfn.IChainable {
		return func(s constructs.Construct) sfn.IChainable {
			return tasks.NewEmrSetClusterTerminationProtection(s, jsii.String("Task"), &tasks.EmrSetClusterTerminationProtectionProps{ClusterId: clusterID, TerminationProtected: jsii.Bool(true)})
		}
	}
	fleet := func(clusterID *string) func(constructs.Construct) sfn.IChainable {
		return func(s constructs.Construct) sfn.IChainable {
			return tasks.NewEmrModifyInstanceFleetByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceFleetByNameProps{ClusterId: clusterID,
				InstanceFleetName: jsii.String("core"), TargetOnDemandCapacity: jsii.Number(1), TargetSpotCapacity: jsii.Number(0)})
		}
	}
	group := func(clusterID *string) func(constructs.Construct) sfn.IChainable {
		return func(s constructs.Construct) sfn.IChainable {
			return tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{ClusterId: clusterID,
				InstanceGroupName: jsii.String("core"), InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{InstanceCount: jsii.Number(3)}})
		}
	}
	rr, sync := sfn.IntegrationPattern_REQUEST_RESPONSE, sfn.IntegrationPattern_RUN_JOB
	literal, dynamic := jsii.String(emrCluster), tasks.StringAt("$.cluster")
	addSync := []string{"elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps"}
	addRule := emrRule("StepFunctionsGetEventForEMRAddJobFlowStepsRule")
	terminateRule := emrRule("StepFunctionsGetEventForEMRTerminateJobFlowsRule")
	tests := []struct {
		name  string
		build func(constructs.Construct) sfn.IChainable
		want  []map[string]any
	}{
		{"addStep RR", addStep(rr, literal, nil), []map[string]any{stmt([]string{"elasticmapreduce:AddJobFlowSteps"}, cluster)}},
		{"addStep RR dynamic", addStep(rr, dynamic, nil), []map[string]any{stmt([]string{"elasticmapreduce:AddJobFlowSteps"}, anyCluster)}},
		{"addStep SYNC (default)", addStep("", literal, nil), []map[string]any{stmt(addSync, cluster), addRule}},
		{"addStep SYNC dynamic", addStep(sync, dynamic, nil), []map[string]any{stmt(addSync, anyCluster), addRule}},
		{"addStep runtime role", addStep(rr, literal, jsii.String(role)), []map[string]any{
			stmt([]string{"elasticmapreduce:AddJobFlowSteps"}, cluster), passRoleTo("elasticmapreduce.amazonaws.com", role)}},
		{"addStep dynamic runtime role", addStep(sync, literal, tasks.StringAt("$.role")), []map[string]any{
			stmt(addSync, cluster), addRule, passRoleTo("elasticmapreduce.amazonaws.com", "arn:"+partition+":iam::"+account+":role/*")}},
		{"terminateCluster RR", terminate(rr, literal), []map[string]any{stmt([]string{"elasticmapreduce:TerminateJobFlows"}, cluster)}},
		{"terminateCluster RR dynamic", terminate(rr, dynamic), []map[string]any{stmt([]string{"elasticmapreduce:TerminateJobFlows"}, anyCluster)}},
		{"terminateCluster SYNC (default)", terminate("", literal), []map[string]any{
			stmt([]string{"elasticmapreduce:TerminateJobFlows", "elasticmapreduce:DescribeCluster"}, cluster), terminateRule}},
		{"terminateCluster SYNC dynamic", terminate(sync, dynamic), []map[string]any{
			stmt([]string{"elasticmapreduce:TerminateJobFlows", "elasticmapreduce:DescribeCluster"}, anyCluster), terminateRule}},
		{"cancelStep", cancel(literal), []map[string]any{stmt([]string{"elasticmapreduce:CancelSteps"}, cluster)}},
		{"cancelStep dynamic", cancel(dynamic), []map[string]any{stmt([]string{"elasticmapreduce:CancelSteps"}, anyCluster)}},
		{"setClusterTerminationProtection", protect(literal), []map[string]any{stmt([]string{"elasticmapreduce:SetTerminationProtection"}, cluster)}},
		{"setClusterTerminationProtection dynamic", protect(dynamic), []map[string]any{stmt([]string{"elasticmapreduce:SetTerminationProtection"}, anyCluster)}},
		{"modifyInstanceFleetByName", fleet(literal), []map[string]any{
			stmt([]string{"elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets"}, cluster)}},
		{"modifyInstanceFleetByName dynamic", fleet(dynamic), []map[string]any{
			stmt([]string{"elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets"}, anyCluster)}},
		{"modifyInstanceGroupByName", group(literal), []map[string]any{
			stmt([]string{"elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups"}, cluster)}},
		{"modifyInstanceGroupByName dynamic", group(dynamic), []map[string]any{
			stmt([]string{"elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups"}, anyCluster)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			got := cdktest.RoleStatements(t, machine(t, stack, tt.build(stack)))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestEmrErrors(t *testing.T) {
	addStep := func(mod func(p *tasks.EmrAddStepProps)) func(constructs.Construct) {
		return func(s constructs.Construct) {
			p := &tasks.EmrAddStepProps{ClusterId: jsii.String(emrCluster), Name: jsii.String("s"), Jar: jsii.String("command-runner.jar")}
			mod(p)
			tasks.NewEmrAddStep(s, jsii.String("Task"), p)
		}
	}
	tests := []struct {
		name  string
		build func(constructs.Construct)
		want  string
	}{
		{"addStep without cluster", addStep(func(p *tasks.EmrAddStepProps) { p.ClusterId = nil }), "ClusterId: required"},
		{"addStep bad cluster ID", addStep(func(p *tasks.EmrAddStepProps) { p.ClusterId = jsii.String("my-cluster") }),
			`ClusterId: "my-cluster" is not an EMR cluster ID`},
		{"addStep without name", addStep(func(p *tasks.EmrAddStepProps) { p.Name = nil }), "Name: required"},
		{"addStep name too long", addStep(func(p *tasks.EmrAddStepProps) { p.Name = jsii.String(strings.Repeat("n", 257)) }),
			"Name: must be 1 to 256 characters, got 257"},
		{"addStep without jar", addStep(func(p *tasks.EmrAddStepProps) { p.Jar = nil }), "Jar: required"},
		{"addStep action on failure", addStep(func(p *tasks.EmrAddStepProps) { p.ActionOnFailure = "RETRY" }),
			`ActionOnFailure: must be TERMINATE_CLUSTER, CANCEL_AND_WAIT, CONTINUE (or dynamic), got "RETRY"`},
		{"addStep nil arg", addStep(func(p *tasks.EmrAddStepProps) { p.Args = &[]*string{jsii.String("a"), nil} }),
			"Args[1]: must be a string (or dynamic)"},
		{"addStep nil property", addStep(func(p *tasks.EmrAddStepProps) { p.Properties = &map[string]*string{"n": nil} }),
			"Properties.n: must be a string (or dynamic)"},
		{"addStep callback", addStep(func(p *tasks.EmrAddStepProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Name = tasks.StringAt("$$.Task.Token")
		}), "WAIT_FOR_TASK_TOKEN is not supported by elasticmapreduce:addStep; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"cancelStep without step", func(s constructs.Construct) {
			tasks.NewEmrCancelStep(s, jsii.String("Task"), &tasks.EmrCancelStepProps{ClusterId: jsii.String(emrCluster)})
		}, "StepId: required"},
		{"cancelStep run job", func(s constructs.Construct) {
			tasks.NewEmrCancelStep(s, jsii.String("Task"), &tasks.EmrCancelStepProps{ClusterId: jsii.String(emrCluster), StepId: jsii.String("s-1"),
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, "RUN_JOB is not supported by elasticmapreduce:cancelStep; supported: REQUEST_RESPONSE"},
		{"terminateCluster without cluster", func(s constructs.Construct) {
			tasks.NewEmrTerminateCluster(s, jsii.String("Task"), &tasks.EmrTerminateClusterProps{})
		}, "ClusterId: required"},
		{"protection not a bool", func(s constructs.Construct) {
			tasks.NewEmrSetClusterTerminationProtection(s, jsii.String("Task"), &tasks.EmrSetClusterTerminationProtectionProps{
				ClusterId: jsii.String("cluster-1"), TerminationProtected: jsii.Bool(true)})
		}, `ClusterId: "cluster-1" is not an EMR cluster ID`},
		{"protection missing", func(s constructs.Construct) {
			tasks.NewEmrSetClusterTerminationProtection(s, jsii.String("Task"), &tasks.EmrSetClusterTerminationProtectionProps{ClusterId: jsii.String(emrCluster)})
		}, "TerminationProtected: required"},
		{"fleet without capacities", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceFleetByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceFleetName: jsii.String("core"), TargetOnDemandCapacity: jsii.Number(-1),
				TargetSpotCapacity: jsii.Number(0)})
		}, "TargetOnDemandCapacity: must be at least 0 (or dynamic), got -1"},
		{"fleet fractional capacity", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceFleetByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceFleetName: jsii.String("core"), TargetOnDemandCapacity: jsii.Number(1),
				TargetSpotCapacity: jsii.Number(0.5)})
		}, "TargetSpotCapacity: must be a whole number (or dynamic), got 0.5"},
		{"fleet spot capacity missing", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceFleetByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceFleetName: jsii.String("core"), TargetOnDemandCapacity: jsii.Number(1)})
		}, "TargetSpotCapacity: required"},
		{"fleet name missing", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceFleetByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceFleetByNameProps{
				ClusterId: jsii.String(emrCluster), TargetOnDemandCapacity: jsii.Number(1), TargetSpotCapacity: jsii.Number(1)})
		}, "InstanceFleetName: required"},
		{"group missing", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceGroupName: jsii.String("core")})
		}, "InstanceGroup: required"},
		{"group count fraction", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceGroupName: jsii.String("core"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{InstanceCount: jsii.Number(1.5)}})
		}, "InstanceGroup.InstanceCount: must be a whole number (or dynamic), got 1.5"},
		{"group count negative", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceGroupName: jsii.String("core"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{InstanceCount: jsii.Number(-2)}})
		}, "InstanceGroup.InstanceCount: must be at least 0 (or dynamic), got -2"},
		{"group nil configuration", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceGroupName: jsii.String("core"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{
					Configurations: &[]*tasks.EmrCreateCluster_ConfigurationProperty{nil}}})
		}, "InstanceGroup.Configurations[0]: a nil item"},
		{"group nil instance to protect", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceGroupName: jsii.String("core"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{
					ShrinkPolicy: &tasks.EmrModifyInstanceGroupByName_ShrinkPolicyProperty{
						InstanceResizePolicy: &tasks.EmrModifyInstanceGroupByName_InstanceResizePolicyProperty{InstancesToProtect: &[]*string{nil}}}}})
		}, "InstanceGroup.ShrinkPolicy.InstanceResizePolicy.InstancesToProtect[0]: must be a string (or dynamic)"},
		{"group decommission timeout fraction", func(s constructs.Construct) {
			tasks.NewEmrModifyInstanceGroupByName(s, jsii.String("Task"), &tasks.EmrModifyInstanceGroupByNameProps{
				ClusterId: jsii.String(emrCluster), InstanceGroupName: jsii.String("core"),
				InstanceGroup: &tasks.EmrModifyInstanceGroupByName_InstanceGroupModifyConfigProperty{
					ShrinkPolicy: &tasks.EmrModifyInstanceGroupByName_ShrinkPolicyProperty{DecommissionTimeout: awscdk.Duration_Millis(jsii.Number(1500))}}})
		}, "InstanceGroup.ShrinkPolicy.DecommissionTimeout: 1 second 500 millis is not a whole number of seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tt.build(stack) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
