package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// Tag-on-create (issue 12): a request that tags the resource it creates is
// also authorized as the service's TagResource on that resource (the
// Service Authorization Reference lists it as the create action's
// dependent action). Without it the run fails with AccessDenied; these
// tests fail on the policies sfnkit wrote before.

func ecsTagResource(tasksARN string) map[string]any {
	s := stmt([]string{"ecs:TagResource"}, tasksARN)
	s["Condition"] = map[string]any{"StringEquals": map[string]any{"ecs:CreateAction": "RunTask"}}
	return s
}

func TestEcsRunTaskPropagatedTagsNeedTagResource(t *testing.T) {
	for _, tt := range []struct {
		source awsecs.PropagatedTagSource
		tagged bool
	}{{awsecs.PropagatedTagSource_TASK_DEFINITION, true}, {awsecs.PropagatedTagSource_NONE, false}, {"", false}} {
		t.Run(string(tt.source), func(t *testing.T) {
			f := newEcsFixture()
			task := tasks.NewEcsRunTask(f.stack, jsii.String("Run"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil), PropagatedTagSource: tt.source})
			got := cdktest.RoleStatements(t, machine(t, f.stack, task))
			tag := ecsTagResource(arn("ecs", "task/"+ref(f.stack, f.cluster, "")+"/*"))
			if tt.tagged {
				assert.Contains(t, got, tag)
			} else {
				assert.NotContains(t, got, tag)
			}
		})
	}
}

// Raw ecs:runTask with Tags (or PropagateTags) through CustomTask.
func TestCustomTaskEcsRunTaskTags(t *testing.T) {
	const (
		cluster  = "arn:aws:ecs:eu-west-1:111122223333:cluster/work"
		taskRole = "arn:aws:iam::111122223333:role/app-task"
		execRole = "arn:aws:iam::111122223333:role/app-exec"
	)
	for name, extra := range map[string]map[string]interface{}{
		"tags":           {"Tags": []interface{}{map[string]interface{}{"Key": "team", "Value": "data"}}},
		"propagate tags": {"PropagateTags": "TASK_DEFINITION"},
	} {
		t.Run(name, func(t *testing.T) {
			params := map[string]interface{}{"Cluster": cluster, "TaskDefinition": "app:7", "LaunchType": "FARGATE",
				"Overrides": map[string]interface{}{"TaskRoleArn": taskRole, "ExecutionRoleArn": execRole}}
			for k, v := range extra {
				params[k] = v
			}
			stack := cdktest.NewStack()
			task := tasks.NewCustomTask(stack, jsii.String("Run"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
				"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask", "Parameters": params}})
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Contains(t, got, ecsTagResource("arn:aws:ecs:eu-west-1:111122223333:task/work/*"))
		})
	}
}

func TestEmrServerlessStartJobRunTagsNeedTagResource(t *testing.T) {
	runs := arn("emr-serverless", "/applications/"+emrApp+"/jobruns/*")
	for name, tags := range map[string]*map[string]*string{
		"literal": {"team": jsii.String("data")}, "run time": tasks.StringMapAt("$.tags"), "none": nil,
	} {
		t.Run(name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewEmrServerlessStartJobRun(stack, jsii.String("Run"), emrServerlessProps(func(p *tasks.EmrServerlessStartJobRunProps) {
				p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
				p.Tags = tags
			}))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			tag := stmt([]string{"emr-serverless:TagResource"}, runs)
			if tags != nil {
				assert.Contains(t, got, tag)
			} else {
				assert.NotContains(t, got, tag)
			}
		})
	}
}
