package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

func arnOf(service, resource string) string { return env.ARN(service, resource) }

func rule(name string) Statement { return EventsRule(env, name) }

func TestEcsRunTask(t *testing.T) {
	cluster := "arn:aws:ecs:eu-west-1:111122223333:cluster/work"
	for _, tt := range []struct{ in, want string }{
		{"app", arnOf("ecs", "task-definition/app:*")},
		{"app:7", arnOf("ecs", "task-definition/app:7")},
		{arnOf("ecs", "task-definition/app:3"), arnOf("ecs", "task-definition/app:3")},
		{arnOf("ecs", "task-definition/app"), arnOf("ecs", "task-definition/app:*")},
	} {
		in, want := tt.in, tt.want
		got := policy(t, "ecs", "runTask", RequestResponse, map[string]any{"Cluster": cluster, "TaskDefinition": in})
		assert.Equal(t, []Statement{{Actions: []string{"ecs:RunTask"}, Resources: []string{want}}}, got, in)
	}

	sync := policy(t, "ecs", "runTask", RunJob, map[string]any{"Cluster": cluster, "TaskDefinition": "app:7",
		"Overrides": map[string]any{"TaskRoleArn": "arn:aws:iam::111122223333:role/task"}})
	assert.Equal(t, []Statement{
		{Actions: []string{"ecs:RunTask"}, Resources: []string{arnOf("ecs", "task-definition/app:7")}},
		{Actions: []string{"ecs:StopTask", "ecs:DescribeTasks"}, Resources: []string{arnOf("ecs", "task/work/*")}},
		rule("StepFunctionsGetEventsForECSTaskRule"),
		PassRole("ecs-tasks.amazonaws.com", "arn:aws:iam::111122223333:role/task"),
	}, sync)

	dynamic := policy(t, "ecs", "runTask", RunJob, map[string]any{"Cluster": value.Dyn("$.cluster"), "TaskDefinition": value.Dyn("$.td")})
	assert.Equal(t, []Statement{
		{Actions: []string{"ecs:RunTask"}, Resources: []string{arnOf("ecs", "task-definition/*")}},
		{Actions: []string{"ecs:StopTask", "ecs:DescribeTasks"}, Resources: []string{arnOf("ecs", "task/*")}},
		rule("StepFunctionsGetEventsForECSTaskRule"),
	}, dynamic)

	scoped := EcsRunTask(Request{Env: env, Pattern: WaitForTaskToken, Params: params(t, map[string]any{"TaskDefinition": "x"})},
		EcsRunTaskScope{TaskDefinition: "td", PassRoles: []string{"r1", "r2"}})
	assert.Equal(t, []Statement{
		{Actions: []string{"ecs:RunTask"}, Resources: []string{"td"}},
		PassRole("ecs-tasks.amazonaws.com", "r1", "r2"),
	}, scoped)
}

func TestBatchSubmitJob(t *testing.T) {
	queue := arnOf("batch", "job-queue/q")
	tests := []struct {
		name   string
		jd, jq any
		want   []string
	}{
		{"ARN with revision", arnOf("batch", "job-definition/jd:4"), queue, []string{arnOf("batch", "job-definition/jd:4"), queue}},
		{"ARN without revision", arnOf("batch", "job-definition/jd"), queue,
			[]string{arnOf("batch", "job-definition/jd"), arnOf("batch", "job-definition/jd:*"), queue}},
		{"name", "jd", "q", []string{arnOf("batch", "job-definition/jd"), arnOf("batch", "job-definition/jd:*"), queue}},
		{"name:revision", "jd:2", "q", []string{arnOf("batch", "job-definition/jd:2"), queue}},
		{"dynamic", value.Dyn("$.jd"), value.Dyn("$.q"), []string{arnOf("batch", "job-definition/*"), arnOf("batch", "job-queue/*")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := policy(t, "batch", "submitJob", RequestResponse, map[string]any{"JobDefinition": tt.jd, "JobQueue": tt.jq, "JobName": "n"})
			assert.Equal(t, []Statement{{Actions: []string{"batch:SubmitJob"}, Resources: tt.want}}, got)
		})
	}
	sync := policy(t, "batch", "submitJob", RunJob, map[string]any{"JobDefinition": "jd:1", "JobQueue": "q"})
	assert.Equal(t, []Statement{
		{Actions: []string{"batch:SubmitJob"}, Resources: []string{arnOf("batch", "job-definition/jd:1"), queue}},
		{Actions: []string{"batch:DescribeJobs"}, Resources: []string{"*"}},
		{Actions: []string{"batch:TerminateJob"}, Resources: []string{arnOf("batch", "job/*")}},
		rule("StepFunctionsGetEventsForBatchJobsRule"),
	}, sync)
}

func TestEksCall(t *testing.T) {
	assert.Empty(t, policy(t, "eks", "call", RequestResponse, map[string]any{"ClusterName": "c", "Method": "GET", "Path": "/api"}))
}

func TestStatesStartExecution(t *testing.T) {
	machine := arnOf("states", "stateMachine:child")
	rr := policy(t, "states", "startExecution", RequestResponse, map[string]any{"StateMachineArn": machine})
	assert.Equal(t, []Statement{{Actions: []string{"states:StartExecution"}, Resources: []string{machine}}}, rr)

	for _, p := range []Pattern{RunJob} {
		sync := policy(t, "states", "startExecution", p, map[string]any{"StateMachineArn": machine + ":live"})
		assert.Equal(t, []Statement{
			{Actions: []string{"states:StartExecution"}, Resources: []string{machine + ":live"}},
			{Actions: []string{"states:DescribeExecution", "states:StopExecution"}, Resources: []string{arnOf("states", "execution:child:*")}},
			rule("StepFunctionsGetEventsForStepFunctionsExecutionRule"),
		}, sync)
	}
	in, _ := Lookup("states", "startExecution")
	assert.Equal(t, Sync2, in.DefaultSuffix(RunJob))

	dynamic := policy(t, "states", "startExecution", RunJob, map[string]any{"StateMachineArn": value.Dyn("$.machine")})
	assert.Equal(t, []Statement{
		{Actions: []string{"states:StartExecution"}, Resources: []string{arnOf("states", "stateMachine:*")}},
		{Actions: []string{"states:DescribeExecution", "states:StopExecution"}, Resources: []string{arnOf("states", "execution:*:*")}},
		rule("StepFunctionsGetEventsForStepFunctionsExecutionRule"),
	}, dynamic)

	wftt := policy(t, "states", "startExecution", WaitForTaskToken, map[string]any{"StateMachineArn": machine})
	assert.Equal(t, rr, wftt)
}
