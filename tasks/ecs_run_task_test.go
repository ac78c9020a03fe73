package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

type ecsFixture struct {
	stack   awscdk.Stack
	cluster awsecs.Cluster
	ec2TD   awsecs.TaskDefinition
	fgTD    awsecs.TaskDefinition
	fgC     awsecs.ContainerDefinition
}

func newEcsFixture() *ecsFixture {
	stack := cdktest.NewStack()
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2)})
	f := &ecsFixture{stack: stack, cluster: awsecs.NewCluster(stack, jsii.String("Cluster"), &awsecs.ClusterProps{Vpc: vpc})}
	image := awsecs.ContainerImage_FromRegistry(jsii.String("foo/bar"), nil)
	f.ec2TD = awsecs.NewTaskDefinition(stack, jsii.String("TD"), &awsecs.TaskDefinitionProps{Compatibility: awsecs.Compatibility_EC2})
	f.ec2TD.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{Image: image, MemoryLimitMiB: jsii.Number(256)})
	// The Fargate task definition has an execution role as well as its task role.
	f.fgTD = awsecs.NewTaskDefinition(stack, jsii.String("FargateTD"), &awsecs.TaskDefinitionProps{
		Compatibility: awsecs.Compatibility_FARGATE, Cpu: jsii.String("256"), MemoryMiB: jsii.String("512"),
		ExecutionRole: awsiam.NewRole(stack, jsii.String("ExecutionRole"), &awsiam.RoleProps{
			AssumedBy: awsiam.NewServicePrincipal(jsii.String("ecs-tasks.amazonaws.com"), nil)})})
	f.fgC = f.fgTD.AddContainer(jsii.String("TheContainer"), &awsecs.ContainerDefinitionOptions{Image: image, MemoryLimitMiB: jsii.Number(256)})
	return f
}

// ref is the ${LogicalId} (or ${LogicalId.Attr}) text cdktest flattens a reference to.
func ref(stack awscdk.Stack, c constructs.IConstruct, attr string) string {
	id := *stack.GetLogicalId(c.Node().DefaultChild().(awscdk.CfnElement))
	if attr != "" {
		return "${" + id + "." + attr + "}"
	}
	return "${" + id + "}"
}

func TestEcsRunTaskRendering(t *testing.T) {
	f := newEcsFixture()
	fargate := tasks.NewEcsRunTask(f.stack, jsii.String("RunFargate"), &tasks.EcsRunTaskProps{
		Cluster: f.cluster, TaskDefinition: f.fgTD, AssignPublicIp: jsii.Bool(true),
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_VERSION1_4}),
		ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: f.fgC,
			Command:     &[]*string{jsii.String("run"), tasks.StringAt("$.job")},
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("SOME_KEY"), Value: sfn.JsonPath_StringAt(jsii.String("$.SomeKey"))}},
			Cpu:         jsii.Number(128), MemoryLimit: tasks.NumberAt("$.memory")}},
		PropagatedTagSource: awsecs.PropagatedTagSource_TASK_DEFINITION, EnableExecuteCommand: jsii.Bool(true),
		Cpu: tasks.StringAt("$.cpu"), MemoryMiB: jsii.String("1024"),
	})
	ec2 := tasks.NewEcsRunTask(f.stack, jsii.String("RunEc2"), &tasks.EcsRunTaskProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, Cluster: f.cluster, TaskDefinition: f.ec2TD, RevisionNumber: jsii.Number(4),
		LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{
			PlacementStrategies:  &[]awsecs.PlacementStrategy{awsecs.PlacementStrategy_SpreadAcrossInstances(), awsecs.PlacementStrategy_PackedByCpu()},
			PlacementConstraints: &[]awsecs.PlacementConstraint{awsecs.PlacementConstraint_MemberOf(jsii.String("blieptuut"))},
		}),
	})
	callback := tasks.NewEcsRunTask(f.stack, jsii.String("Callback"), &tasks.EcsRunTaskProps{
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, Cluster: f.cluster, TaskDefinition: f.fgTD,
		RevisionNumber: tasks.NumberAt("$.revision"),
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{
			CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(&[]*awsecs.CapacityProviderStrategy{
				{CapacityProvider: jsii.String("FARGATE_SPOT"), Weight: sfn.JsonPath_NumberAt(jsii.String("$.spotWeight"))},
				{CapacityProvider: jsii.String("FARGATE"), Base: jsii.Number(1)}})}),
		SecurityGroups: &[]awsec2.ISecurityGroup{awsec2.SecurityGroup_FromSecurityGroupId(f.stack, jsii.String("SG"), jsii.String("sg-12345"), nil)},
		Subnets:        &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},
		ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerName: jsii.String("TheContainer"),
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("TASK_TOKEN"), Value: tasks.StringAt("$$.Task.Token")}}}},
	})
	// Every field decided at run time.
	dynamic := tasks.NewEcsRunTask(f.stack, jsii.String("Dynamic"), &tasks.EcsRunTaskProps{
		Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: &tasks.EcsLaunchTargetConfig{Parameters: &map[string]interface{}{
			"LaunchType": tasks.StringAt("$.launchType"), "PlatformVersion": tasks.StringAt("$.platform")}},
		PropagatedTagSource: awsecs.PropagatedTagSource(*tasks.StringAt("$.propagate")),
		ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerName: tasks.StringAt("$.container"),
			Command:     tasks.ListAt("$.command"),
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: tasks.StringAt("$.env.name"), Value: tasks.StringAt("$.env.value")}},
			Cpu:         tasks.NumberAt("$.cpu"), MemoryLimit: tasks.NumberAt("States.MathAdd($.memory, 256)"), MemoryReservation: tasks.NumberAt("$.reserved")}},
		Cpu: tasks.StringAt("$.taskCpu"), MemoryMiB: tasks.StringAt("$.taskMemory"),
	})
	tpl := machine(t, f.stack, fargate.Next(ec2).Next(callback).Next(dynamic))
	clusterARN := ref(f.stack, f.cluster, "Arn")
	res := "arn:" + partition + ":states:::ecs:runTask"

	got := state(t, tpl, "RunFargate")
	params := got["Parameters"].(map[string]any)
	netcfg := params["NetworkConfiguration"].(map[string]any)["AwsvpcConfiguration"].(map[string]any)
	delete(params, "NetworkConfiguration")
	assert.Equal(t, "ENABLED", netcfg["AssignPublicIp"])
	assert.Len(t, netcfg["Subnets"], 2)
	assert.Equal(t, []any{ref(f.stack, fargate.Node().FindChild(jsii.String("SecurityGroup")), "GroupId")}, netcfg["SecurityGroups"])
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res, "Next": "RunEc2", "Parameters": map[string]any{
		"Cluster": clusterARN, "TaskDefinition": ref(f.stack, f.fgTD, ""), "LaunchType": "FARGATE", "PlatformVersion": "1.4.0",
		"PropagateTags": "TASK_DEFINITION", "EnableExecuteCommand": true,
		"Overrides": map[string]any{"Cpu.$": "$.cpu", "Memory": "1024", "ContainerOverrides": []any{map[string]any{
			"Name": "TheContainer", "Command.$": "States.Array('run', $.job)", "Cpu": 128.0, "Memory.$": "$.memory",
			"Environment": []any{map[string]any{"Name": "SOME_KEY", "Value.$": "$.SomeKey"}}}}},
	}}, got)

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".sync", "Next": "Callback", "Parameters": map[string]any{
		"Cluster": clusterARN, "TaskDefinition": *f.ec2TD.Family() + ":4", "LaunchType": "EC2",
		"PlacementStrategy":    []any{map[string]any{"Type": "spread", "Field": "instanceId"}, map[string]any{"Type": "binpack", "Field": "CPU"}},
		"PlacementConstraints": []any{map[string]any{"Type": "memberOf", "Expression": "blieptuut"}},
	}}, state(t, tpl, "RunEc2"))

	got = state(t, tpl, "Callback")
	params = got["Parameters"].(map[string]any)
	netcfg = params["NetworkConfiguration"].(map[string]any)["AwsvpcConfiguration"].(map[string]any)
	delete(params, "NetworkConfiguration")
	assert.Equal(t, []any{"sg-12345"}, netcfg["SecurityGroups"])
	assert.NotContains(t, netcfg, "AssignPublicIp")
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + ".waitForTaskToken", "Next": "Dynamic", "Parameters": map[string]any{
		"Cluster": clusterARN, "TaskDefinition.$": "States.Format('" + *f.fgTD.Family() + ":{}', $.revision)",
		"CapacityProviderStrategy": []any{map[string]any{"CapacityProvider": "FARGATE_SPOT", "Weight.$": "$.spotWeight"},
			map[string]any{"CapacityProvider": "FARGATE", "Base": 1.0}},
		"Overrides": map[string]any{"ContainerOverrides": []any{map[string]any{"Name": "TheContainer",
			"Environment": []any{map[string]any{"Name": "TASK_TOKEN", "Value.$": "$$.Task.Token"}}}}},
	}}, got)

	got = state(t, tpl, "Dynamic")
	params = got["Parameters"].(map[string]any)
	delete(params, "NetworkConfiguration")
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res, "End": true, "Parameters": map[string]any{
		"Cluster": clusterARN, "TaskDefinition": ref(f.stack, f.fgTD, ""),
		"LaunchType.$": "$.launchType", "PlatformVersion.$": "$.platform", "PropagateTags.$": "$.propagate",
		"Overrides": map[string]any{"Cpu.$": "$.taskCpu", "Memory.$": "$.taskMemory", "ContainerOverrides": []any{map[string]any{
			"Name.$": "$.container", "Command.$": "$.command", "Cpu.$": "$.cpu", "Memory.$": "States.MathAdd($.memory, 256)",
			"MemoryReservation.$": "$.reserved",
			"Environment":         []any{map[string]any{"Name.$": "$.env.name", "Value.$": "$.env.value"}}}}},
	}}, got)
}

// A JSONata revision: the task definition is built at run time, IAM covers
// the family's revisions.
func TestEcsRunTaskJSONataRevision(t *testing.T) {
	f := newEcsFixture()
	task := tasks.NewEcsRunTask(f.stack, jsii.String("Run"), &tasks.EcsRunTaskProps{QueryLanguage: sfn.QueryLanguage_JSONATA,
		Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil), RevisionNumber: tasks.NumberAt("{% $states.input.revision %}")})
	tpl := machine(t, f.stack, task)
	family := *f.ec2TD.Family()
	assert.Equal(t, "{% '"+family+"' & ':' & $string($states.input.revision) %}", state(t, tpl, "Run")["Arguments"].(map[string]any)["TaskDefinition"])
	assert.Contains(t, cdktest.RoleStatements(t, tpl), stmt([]string{"ecs:RunTask"}, arn("ecs", "task-definition/"+family+":*")))
}

func TestEcsRunTaskIAM(t *testing.T) {
	passRole := func(f *ecsFixture, td awsecs.TaskDefinition) map[string]any {
		s := stmt([]string{"iam:PassRole"}, ref(f.stack, td.TaskRole(), "Arn"), ref(f.stack, td.ExecutionRole(), "Arn"))
		s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "ecs-tasks.amazonaws.com"}}
		return s
	}
	sync := func(f *ecsFixture) []map[string]any {
		return []map[string]any{
			stmt([]string{"ecs:StopTask", "ecs:DescribeTasks"}, arn("ecs", "task/"+ref(f.stack, f.cluster, "")+"/*")),
			stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, arn("events", "rule/StepFunctionsGetEventsForECSTaskRule")),
		}
	}
	// revision: none (the deployed revision's ARN), a literal one, or one
	// decided at run time (the family's revisions).
	tests := []struct {
		name     string
		pattern  sfn.IntegrationPattern
		revision *float64
	}{
		{"request response", "", nil}, {"run job", sfn.IntegrationPattern_RUN_JOB, nil}, {"callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, nil},
		{"literal revision request response", "", jsii.Number(4)}, {"literal revision run job", sfn.IntegrationPattern_RUN_JOB, jsii.Number(4)},
		{"dynamic request response", "", tasks.NumberAt("$.revision")}, {"dynamic run job", sfn.IntegrationPattern_RUN_JOB, tasks.NumberAt("$.revision")},
		{"dynamic callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, tasks.NumberAt("$.revision")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newEcsFixture()
			props := &tasks.EcsRunTaskProps{IntegrationPattern: tt.pattern, Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), RevisionNumber: tt.revision,
				ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: f.fgC,
					Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("TOKEN"), Value: sfn.JsonPath_TaskToken()}}}}}
			runTask := stmt([]string{"ecs:RunTask"}, ref(f.stack, f.fgTD, ""))
			switch {
			case tt.revision == nil:
			case *tt.revision == 0: // tasks.NumberAt
				runTask = stmt([]string{"ecs:RunTask"}, arn("ecs", "task-definition/"+*f.fgTD.Family()+":*"))
			default:
				runTask = stmt([]string{"ecs:RunTask"}, arn("ecs", "task-definition/"+*f.fgTD.Family()+":4"))
			}
			want := []map[string]any{runTask, passRole(f, f.fgTD)}
			if tt.pattern == sfn.IntegrationPattern_RUN_JOB {
				want = append(want, sync(f)...)
			}
			task := tasks.NewEcsRunTask(f.stack, jsii.String("Run"), props)
			got := cdktest.RoleStatements(t, machine(t, f.stack, task))
			assert.Equal(t, cdktest.SortedStatements(want), cdktest.SortedStatements(got))
		})
	}
}

// A task passes the execution role its task definition has when the task is
// made, as the CDK's does: a role the definition gets later is passed by
// the tasks made after it only (sfnkit reads it once it exists, not before).
func TestEcsRunTaskPassesTheExecutionRoleOnceItExists(t *testing.T) {
	f := newEcsFixture()
	run := func(id string) tasks.EcsRunTask {
		return tasks.NewEcsRunTask(f.stack, jsii.String(id), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD,
			LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil)})
	}
	before := run("Before")
	execRole := f.ec2TD.ObtainExecutionRole()
	after, again := run("After"), run("Again")
	template := machines(t, f.stack, before, after, again)
	passRole := func(roles ...awsiam.IRole) map[string]any {
		var arns []string
		for _, r := range roles {
			arns = append(arns, ref(f.stack, r, "Arn"))
		}
		s := stmt([]string{"iam:PassRole"}, arns...)
		s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": "ecs-tasks.amazonaws.com"}}
		return s
	}
	runTask := stmt([]string{"ecs:RunTask"}, ref(f.stack, f.ec2TD, ""))
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{runTask, passRole(f.ec2TD.TaskRole())}),
		cdktest.SortedStatements(machineStatements(t, template, 0)))
	for i := 1; i <= 2; i++ {
		assert.Equal(t, cdktest.SortedStatements([]map[string]any{runTask, passRole(f.ec2TD.TaskRole(), execRole)}),
			cdktest.SortedStatements(machineStatements(t, template, i)), "machine %d", i)
	}
}

func TestEcsRunTaskErrors(t *testing.T) {
	tests := []struct {
		name  string
		props func(f *ecsFixture) *tasks.EcsRunTaskProps
		want  string
	}{
		{"platform version on EC2", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD,
				LaunchTarget: &tasks.EcsLaunchTargetConfig{Parameters: &map[string]interface{}{"LaunchType": "EC2", "PlatformVersion": "LATEST"}}}
		}, "LaunchTarget.PlatformVersion: is for Fargate only; the launch target is EC2"},
		{"placement on Fargate", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: &tasks.EcsLaunchTargetConfig{Parameters: &map[string]interface{}{"LaunchType": "FARGATE",
					"PlacementStrategy": []map[string]string{{"Type": "random"}}}}}
		}, "LaunchTarget.PlacementStrategies: placement strategies and constraints are for EC2 only"},
		{"EC2 task definition on Fargate", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil)}
		}, "TaskDefinition: is not compatible with the Fargate launch target (its compatibility is EC2)"},
		{"Fargate task definition on EC2", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil)}
		}, "TaskDefinition: is not compatible with the EC2 launch target (its compatibility is FARGATE)"},
		{"callback without the token", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}
		}, "integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"unknown container", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil),
				ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerName: jsii.String("Nope")}}}
		}, `ContainerOverrides[0]: overrides container "Nope", which the task definition does not have`},
		{"subnets without awsvpc", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil),
				Subnets: &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC}}
		}, "Subnets: Subnets, SecurityGroups and AssignPublicIp need a task definition with network mode AWS_VPC"},
		{"revision", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil), RevisionNumber: jsii.Number(0)}
		}, "RevisionNumber: must be a whole number from 1"},
		{"container cpu zero", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"), Cpu: jsii.Number(0)}),
			"ContainerOverrides[0].Cpu: must be a whole number of at least 1 (or dynamic), got 0"},
		{"container cpu fractional", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"), Cpu: jsii.Number(1.5)}),
			"ContainerOverrides[0].Cpu: must be a whole number of at least 1 (or dynamic), got 1.5"},
		{"memory limit too small", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"), MemoryLimit: jsii.Number(4)}),
			"ContainerOverrides[0].MemoryLimit: must be a whole number of at least 6 (or dynamic), got 4"},
		{"memory reservation negative", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"), MemoryReservation: jsii.Number(-1)}),
			"ContainerOverrides[0].MemoryReservation: must be a whole number of at least 6 (or dynamic), got -1"},
		{"memory reservation above the limit", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"),
			MemoryLimit: jsii.Number(256), MemoryReservation: jsii.Number(512)}),
			"ContainerOverrides[0].MemoryReservation: must be at most MemoryLimit (256 MiB), got 512"},
		{"nil container override", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil),
				ContainerOverrides: &[]*tasks.ContainerOverride{nil}}
		}, "ContainerOverrides[0]: is nil"},
		{"nil environment variable", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"),
			Environment: &[]*tasks.TaskEnvironmentVariable{nil}}), "ContainerOverrides[0].Environment[0]: is nil"},
		{"environment variable without a value", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"),
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("A")}}}), "ContainerOverrides[0].Environment[0].Value: required"},
		{"nil command item", ecsOverride(&tasks.ContainerOverride{ContainerName: jsii.String("TheContainer"),
			Command: &[]*string{jsii.String("run"), nil}}), "ContainerOverrides[0].Command[1]: is nil"},
		{"task cpu zero", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), Cpu: jsii.String("0")}
		}, `Cpu: must be a positive number of CPU units ("1024") or vCPUs ("1 vCPU"), got "0"`},
		{"task memory not a number", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), MemoryMiB: jsii.String("lots")}
		}, `MemoryMiB: must be a positive number of MiB ("2048") or GB ("2 GB"), got "lots"`},
		{"task memory unit", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), MemoryMiB: jsii.String("2 TB")}
		}, `MemoryMiB: must be a number of MiB ("2048") or GB ("2 GB"), got "2 TB"`},
		{"nil security group", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil),
				SecurityGroups: &[]awsec2.ISecurityGroup{nil}}
		}, "SecurityGroups[0]: is nil"},
		{"revision not whole", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), RevisionNumber: jsii.Number(1.5)}
		}, "RevisionNumber: must be a whole number from 1"},
		{"unknown launch type", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: &tasks.EcsLaunchTargetConfig{Parameters: &map[string]interface{}{"LaunchType": "GPU"}}}
		}, `LaunchTarget.LaunchType: must be EC2, FARGATE or EXTERNAL (or dynamic), got "GPU"`},
		{"nil placement strategy", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD,
				LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{PlacementStrategies: &[]awsecs.PlacementStrategy{nil}})}
		}, "LaunchTarget.PlacementStrategies[0]: is nil"},
		{"too many capacity providers", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{
					CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(&[]*awsecs.CapacityProviderStrategy{})})}
		}, "must have 1 to 20 capacity providers, got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newEcsFixture()
			msg := validationError(t, func() { tasks.NewEcsRunTask(f.stack, jsii.String("Run"), tt.props(f)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}

// ecsOverride runs the Fargate task definition with one container override.
func ecsOverride(o *tasks.ContainerOverride) func(f *ecsFixture) *tasks.EcsRunTaskProps {
	return func(f *ecsFixture) *tasks.EcsRunTaskProps {
		return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil),
			ContainerOverrides: &[]*tasks.ContainerOverride{o}}
	}
}

// The CDK's CapacityProviderOptions: a strategy of the task's own (no
// launch type is sent), or the cluster's default (neither is sent).
func TestEcsRunTaskCapacityProviderOptions(t *testing.T) {
	f := newEcsFixture()
	spot := tasks.NewEcsRunTask(f.stack, jsii.String("Spot"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_VERSION1_4,
			CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(&[]*awsecs.CapacityProviderStrategy{
				{CapacityProvider: jsii.String("FARGATE_SPOT"), Weight: jsii.Number(1)}})})})
	clusterDefault := tasks.NewEcsRunTask(f.stack, jsii.String("ClusterDefault"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD,
		LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{CapacityProviderOptions: tasks.CapacityProviderOptions_Default()})})
	tpl := machine(t, f.stack, spot.Next(clusterDefault))
	params := state(t, tpl, "Spot")["Parameters"].(map[string]any)
	assert.Equal(t, []any{map[string]any{"CapacityProvider": "FARGATE_SPOT", "Weight": 1.0}}, params["CapacityProviderStrategy"])
	assert.Equal(t, "1.4.0", params["PlatformVersion"])
	assert.NotContains(t, params, "LaunchType")
	assert.Equal(t, map[string]any{"Cluster": ref(f.stack, f.cluster, "Arn"), "TaskDefinition": ref(f.stack, f.ec2TD, "")},
		state(t, tpl, "ClusterDefault")["Parameters"])

	for _, tt := range []struct {
		name   string
		target tasks.IEcsLaunchTarget
		want   string
	}{
		{"empty custom strategy", tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(nil)}),
			"LaunchTarget.CapacityProviderOptions: the capacity provider strategy must have 1 to 20 capacity providers, got 0"},
		{"nil strategy item", tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(
			&[]*awsecs.CapacityProviderStrategy{nil})}), "LaunchTarget.CapacityProviderOptions[0]: is nil"},
		{"weight out of range", tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(
			&[]*awsecs.CapacityProviderStrategy{{CapacityProvider: jsii.String("FARGATE"), Weight: jsii.Number(1001)}})}),
			"LaunchTarget.CapacityProviderOptions[0].Weight: must be a whole number from 0 to 1000 (or dynamic), got 1001"},
		{"base out of range", tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(
			&[]*awsecs.CapacityProviderStrategy{{CapacityProvider: jsii.String("FARGATE"), Base: jsii.Number(-1)}})}),
			"LaunchTarget.CapacityProviderOptions[0].Base: must be a whole number from 0 to 100000 (or dynamic), got -1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, func() {
				tasks.NewEcsRunTask(f.stack, jsii.String(tt.name), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tt.target})
			})
			assert.Contains(t, msg, tt.want)
		})
	}
}

// The CDK's IConnectable: the task's security groups (the one it creates
// under itself, the given ones, or the cluster's without awsvpc).
func TestEcsRunTaskConnections(t *testing.T) {
	f := newEcsFixture()
	created := tasks.NewEcsRunTask(f.stack, jsii.String("Created"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil)})
	given := awsec2.SecurityGroup_FromSecurityGroupId(f.stack, jsii.String("Given"), jsii.String("sg-12345"), nil)
	withGiven := tasks.NewEcsRunTask(f.stack, jsii.String("WithGiven"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), SecurityGroups: &[]awsec2.ISecurityGroup{given}})
	bridge := tasks.NewEcsRunTask(f.stack, jsii.String("Bridge"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD,
		LaunchTarget: tasks.NewEcsEc2LaunchTarget(nil)})

	sg := created.Node().FindChild(jsii.String("SecurityGroup")).(awsec2.SecurityGroup)
	assert.Equal(t, "Test/Created/SecurityGroup", *sg.Node().Path())
	groups := *created.Connections().SecurityGroups()
	assert.Len(t, groups, 1)
	assert.Equal(t, *sg.Node().Path(), *groups[0].Node().Path())
	assert.Equal(t, []string{"sg-12345"}, groupIDs(withGiven.Connections()))
	assert.Equal(t, len(*f.cluster.Connections().SecurityGroups()), len(*bridge.Connections().SecurityGroups()))

	// Connections open the security group like the CDK's: an ingress rule
	// on the one the task created.
	peer := awsec2.NewSecurityGroup(f.stack, jsii.String("Peer"), &awsec2.SecurityGroupProps{Vpc: f.cluster.Vpc()})
	created.Connections().AllowFrom(peer, awsec2.Port_Tcp(jsii.Number(80)), nil)
	tpl := machine(t, f.stack, created.Next(withGiven).Next(bridge))
	assert.NotEmpty(t, cdktest.Resources(tpl, "AWS::EC2::SecurityGroupIngress"))
}

func groupIDs(c awsec2.Connections) []string {
	var out []string
	for _, g := range *c.SecurityGroups() {
		out = append(out, *g.SecurityGroupId())
	}
	return out
}

// In a fragments.Workflow the task is held in Go, with no construct to put
// the security group under: it is created beside it, and the request names it.
func TestEcsRunTaskInWorkflow(t *testing.T) {
	f := newEcsFixture()
	w := fragments.NewWorkflow(f.stack, jsii.String("W"))
	run := tasks.NewEcsRunTask(w, jsii.String("Run"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil)})
	sg := w.Node().FindChild(jsii.String("RunSecurityGroup")).(awsec2.SecurityGroup)
	assert.Equal(t, []string{*sg.SecurityGroupId()}, groupIDs(run.Connections()))
	fragments.NewStateMachine(f.stack, jsii.String("Machine"), run, nil)
	tpl := cdktest.Template(t, f.stack)
	got := state(t, tpl, "Run")["Parameters"].(map[string]any)["NetworkConfiguration"].(map[string]any)["AwsvpcConfiguration"].(map[string]any)
	assert.Equal(t, []any{ref(f.stack, sg, "GroupId")}, got["SecurityGroups"])
}

// customTarget is a launch target of the user's own, as written for the CDK.
type customTarget struct {
	bound *tasks.LaunchTargetBindOptions
}

func (c *customTarget) Bind(_ tasks.EcsRunTask, o *tasks.LaunchTargetBindOptions) *tasks.EcsLaunchTargetConfig {
	c.bound = o
	return &tasks.EcsLaunchTargetConfig{Parameters: &map[string]interface{}{"LaunchType": "EXTERNAL", "PlatformVersion": nil}}
}

// A launch target of the user's own is bound with the task definition and
// the cluster; its parameters go into the request (nil ones are not sent).
// sfnkit's own targets bind as the CDK's do.
func TestEcsRunTaskLaunchTargetBind(t *testing.T) {
	f := newEcsFixture()
	custom := &customTarget{}
	task := tasks.NewEcsRunTask(f.stack, jsii.String("Run"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: custom})
	require.NotNil(t, custom.bound)
	assert.Equal(t, *f.ec2TD.Node().Path(), *custom.bound.TaskDefinition.Node().Path())
	assert.Equal(t, *f.cluster.Node().Path(), *custom.bound.Cluster.Node().Path())
	params := state(t, machine(t, f.stack, task), "Run")["Parameters"].(map[string]any)
	assert.Equal(t, "EXTERNAL", params["LaunchType"])
	assert.NotContains(t, params, "PlatformVersion")

	fargate := tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_VERSION1_4})
	got := *fargate.Bind(nil, &tasks.LaunchTargetBindOptions{TaskDefinition: f.fgTD}).Parameters
	assert.Equal(t, map[string]interface{}{"LaunchType": "FARGATE", "PlatformVersion": "1.4.0"}, got)
}
