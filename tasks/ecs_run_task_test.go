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
		LaunchTarget: &tasks.EcsFargateLaunchTarget{PlatformVersion: awsecs.FargatePlatformVersion_VERSION1_4},
		ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: f.fgC,
			Command:     tasks.List("run", tasks.Path("$.job")),
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("SOME_KEY"), Value: sfn.JsonPath_StringAt(jsii.String("$.SomeKey"))}},
			Cpu:         tasks.Number(128), MemoryLimit: tasks.Path("$.memory")}},
		PropagatedTagSource: awsecs.PropagatedTagSource_TASK_DEFINITION, EnableExecuteCommand: jsii.Bool(true),
		Cpu: tasks.StringAt("$.cpu"), MemoryMiB: jsii.String("1024"),
	})
	ec2 := tasks.NewEcsRunTask(f.stack, jsii.String("RunEc2"), &tasks.EcsRunTaskProps{
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, Cluster: f.cluster, TaskDefinition: f.ec2TD, RevisionNumber: tasks.Number(4),
		LaunchTarget: tasks.NewEcsEc2LaunchTarget(&tasks.EcsEc2LaunchTargetOptions{
			PlacementStrategies:  &[]awsecs.PlacementStrategy{awsecs.PlacementStrategy_SpreadAcrossInstances(), awsecs.PlacementStrategy_PackedByCpu()},
			PlacementConstraints: &[]awsecs.PlacementConstraint{awsecs.PlacementConstraint_MemberOf(jsii.String("blieptuut"))},
		}),
	})
	callback := tasks.NewEcsRunTask(f.stack, jsii.String("Callback"), &tasks.EcsRunTaskProps{
		IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, Cluster: f.cluster, TaskDefinition: f.fgTD,
		RevisionNumber: tasks.Path("$.revision"),
		LaunchTarget: &tasks.EcsFargateLaunchTarget{CapacityProviderStrategy: &[]*awsecs.CapacityProviderStrategy{
			{CapacityProvider: jsii.String("FARGATE_SPOT"), Weight: sfn.JsonPath_NumberAt(jsii.String("$.spotWeight"))},
			{CapacityProvider: jsii.String("FARGATE"), Base: jsii.Number(1)}}},
		SecurityGroups: &[]awsec2.ISecurityGroup{awsec2.SecurityGroup_FromSecurityGroupId(f.stack, jsii.String("SG"), jsii.String("sg-12345"), nil)},
		Subnets:        &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},
		ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerName: jsii.String("TheContainer"),
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("TASK_TOKEN"), Value: tasks.StringAt("$$.Task.Token")}}}},
	})
	// Every field decided at run time.
	dynamic := tasks.NewEcsRunTask(f.stack, jsii.String("Dynamic"), &tasks.EcsRunTaskProps{
		Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: &tasks.EcsLaunchTargetConfig{LaunchType: awsecs.LaunchType(*tasks.StringAt("$.launchType")),
			PlatformVersion: awsecs.FargatePlatformVersion(*tasks.StringAt("$.platform"))},
		PropagatedTagSource: awsecs.PropagatedTagSource(*tasks.StringAt("$.propagate")),
		ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerName: tasks.StringAt("$.container"),
			Command:     tasks.Path("$.command"),
			Environment: &[]*tasks.TaskEnvironmentVariable{{Name: tasks.StringAt("$.env.name"), Value: tasks.StringAt("$.env.value")}},
			Cpu:         tasks.Path("$.cpu"), MemoryLimit: tasks.Intrinsic("States.MathAdd($.memory, 256)"), MemoryReservation: tasks.Path("$.reserved")}},
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
	assert.Equal(t, []any{"${RunFargateSecurityGroup47A91F9F.GroupId}"}, netcfg["SecurityGroups"])
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
		Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: &tasks.EcsEc2LaunchTarget{}, RevisionNumber: tasks.JSONata("$states.input.revision")})
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
		revision *tasks.Value
	}{
		{"request response", "", nil}, {"run job", sfn.IntegrationPattern_RUN_JOB, nil}, {"callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, nil},
		{"literal revision request response", "", tasks.Number(4)}, {"literal revision run job", sfn.IntegrationPattern_RUN_JOB, tasks.Number(4)},
		{"dynamic request response", "", tasks.Path("$.revision")}, {"dynamic run job", sfn.IntegrationPattern_RUN_JOB, tasks.Path("$.revision")},
		{"dynamic callback", sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN, tasks.Path("$.revision")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newEcsFixture()
			props := &tasks.EcsRunTaskProps{IntegrationPattern: tt.pattern, Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: &tasks.EcsFargateLaunchTarget{}, RevisionNumber: tt.revision,
				ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerDefinition: f.fgC,
					Environment: &[]*tasks.TaskEnvironmentVariable{{Name: jsii.String("TOKEN"), Value: sfn.JsonPath_TaskToken()}}}}}
			runTask := stmt([]string{"ecs:RunTask"}, ref(f.stack, f.fgTD, ""))
			switch {
			case tt.revision == nil:
			case tt.revision.Dynamic():
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

func TestEcsRunTaskErrors(t *testing.T) {
	tests := []struct {
		name  string
		props func(f *ecsFixture) *tasks.EcsRunTaskProps
		want  string
	}{
		{"platform version on EC2", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD,
				LaunchTarget: &tasks.EcsLaunchTargetConfig{LaunchType: awsecs.LaunchType_EC2, PlatformVersion: awsecs.FargatePlatformVersion_LATEST}}
		}, "LaunchTarget.PlatformVersion: is for Fargate only; the launch target is EC2"},
		{"placement on Fargate", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: &tasks.EcsLaunchTargetConfig{LaunchType: awsecs.LaunchType_FARGATE,
					PlacementStrategies: &[]awsecs.PlacementStrategy{awsecs.PlacementStrategy_Randomly()}}}
		}, "LaunchTarget.PlacementStrategies: placement strategies and constraints are for EC2 only"},
		{"EC2 task definition on Fargate", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: &tasks.EcsFargateLaunchTarget{}}
		}, "TaskDefinition: is not compatible with the Fargate launch target (its compatibility is EC2)"},
		{"Fargate task definition on EC2", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: &tasks.EcsEc2LaunchTarget{}}
		}, "TaskDefinition: is not compatible with the EC2 launch target (its compatibility is FARGATE)"},
		{"callback without the token", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: &tasks.EcsFargateLaunchTarget{},
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}
		}, "integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token"},
		{"unknown container", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: &tasks.EcsFargateLaunchTarget{},
				ContainerOverrides: &[]*tasks.ContainerOverride{{ContainerName: jsii.String("Nope")}}}
		}, `ContainerOverrides[0]: overrides container "Nope", which the task definition does not have`},
		{"subnets without awsvpc", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: &tasks.EcsEc2LaunchTarget{},
				Subnets: &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC}}
		}, "Subnets: Subnets, SecurityGroups and AssignPublicIp need a task definition with network mode AWS_VPC"},
		{"revision", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.ec2TD, LaunchTarget: &tasks.EcsEc2LaunchTarget{}, RevisionNumber: tasks.Number(0)}
		}, "RevisionNumber: must be a whole number from 1"},
		{"too many capacity providers", func(f *ecsFixture) *tasks.EcsRunTaskProps {
			return &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: &tasks.EcsFargateLaunchTarget{CapacityProviderStrategy: &[]*awsecs.CapacityProviderStrategy{}}}
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
		target tasks.EcsLaunchTarget
		want   string
	}{
		{"both styles", &tasks.EcsFargateLaunchTarget{CapacityProviderOptions: tasks.CapacityProviderOptions_Default(),
			UseClusterCapacityProviders: jsii.Bool(true)}, "LaunchTarget.CapacityProviderOptions: give CapacityProviderOptions or CapacityProviderStrategy/UseClusterCapacityProviders, not both"},
		{"empty custom strategy", &tasks.EcsFargateLaunchTarget{CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(nil)},
			"LaunchTarget.CapacityProviderStrategy: must have 1 to 20 capacity providers, got 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, func() {
				tasks.NewEcsRunTask(f.stack, jsii.String(tt.name), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD, LaunchTarget: tt.target})
			})
			assert.Contains(t, msg, tt.want)
		})
	}
}
