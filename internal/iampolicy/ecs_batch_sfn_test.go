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
	// SubmitJob requires the job resource type (Service Authorization
	// Reference): without job/* every submission is denied.
	jobs := arnOf("batch", "job/*")
	tests := []struct {
		name   string
		jd, jq any
		want   []string
	}{
		{"ARN with revision", arnOf("batch", "job-definition/jd:4"), queue, []string{arnOf("batch", "job-definition/jd:4"), queue, jobs}},
		{"ARN without revision", arnOf("batch", "job-definition/jd"), queue,
			[]string{arnOf("batch", "job-definition/jd"), arnOf("batch", "job-definition/jd:*"), queue, jobs}},
		{"name", "jd", "q", []string{arnOf("batch", "job-definition/jd"), arnOf("batch", "job-definition/jd:*"), queue, jobs}},
		{"name:revision", "jd:2", "q", []string{arnOf("batch", "job-definition/jd:2"), queue, jobs}},
		{"dynamic", value.Dyn("$.jd"), value.Dyn("$.q"), []string{arnOf("batch", "job-definition/*"), arnOf("batch", "job-queue/*"), jobs}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := policy(t, "batch", "submitJob", RequestResponse, map[string]any{"JobDefinition": tt.jd, "JobQueue": tt.jq, "JobName": "n"})
			assert.Equal(t, []Statement{{Actions: []string{"batch:SubmitJob"}, Resources: tt.want}}, got)
		})
	}
	sync := policy(t, "batch", "submitJob", RunJob, map[string]any{"JobDefinition": "jd:1", "JobQueue": "q"})
	assert.Equal(t, []Statement{
		{Actions: []string{"batch:SubmitJob"}, Resources: []string{arnOf("batch", "job-definition/jd:1"), queue, jobs}},
		{Actions: []string{"batch:DescribeJobs"}, Resources: []string{"*"}},
		{Actions: []string{"batch:TerminateJob"}, Resources: []string{jobs}},
		rule("StepFunctionsGetEventsForBatchJobsRule"),
	}, sync)

	// Tags on the job: batch:TagResource on the jobs (tag-on-create), in
	// either pattern; none without tags (above).
	for _, tags := range []any{map[string]any{"team": "data"}, value.Dyn("$.tags")} {
		tagged := policy(t, "batch", "submitJob", RequestResponse, map[string]any{"JobDefinition": "jd:1", "JobQueue": "q", "Tags": tags})
		assert.Equal(t, []Statement{
			{Actions: []string{"batch:SubmitJob"}, Resources: []string{arnOf("batch", "job-definition/jd:1"), queue, jobs}},
			{Actions: []string{"batch:TagResource"}, Resources: []string{jobs}},
		}, tagged)
	}
}

func TestEcsRunTaskTags(t *testing.T) {
	cluster := "arn:aws:ecs:eu-west-1:111122223333:cluster/work"
	tag := Statement{Actions: []string{"ecs:TagResource"}, Resources: []string{arnOf("ecs", "task/work/*")},
		Conditions: map[string]map[string]any{"StringEquals": {"ecs:CreateAction": "RunTask"}}}
	tests := []struct {
		name  string
		extra map[string]any
		want  bool
	}{
		{"no tags", nil, false},
		{"tags", map[string]any{"Tags": []any{map[string]any{"Key": "k", "Value": "v"}}}, true},
		{"propagated from the task definition", map[string]any{"PropagateTags": "TASK_DEFINITION"}, true},
		{"propagation off", map[string]any{"PropagateTags": "NONE"}, false},
		{"propagation decided at run time", map[string]any{"PropagateTags": value.Dyn("$.propagate")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]any{"Cluster": cluster, "TaskDefinition": "app:7"}
			for k, v := range tt.extra {
				m[k] = v
			}
			want := []Statement{{Actions: []string{"ecs:RunTask"}, Resources: []string{arnOf("ecs", "task-definition/app:7")}}}
			if tt.want {
				want = append(want, tag)
			}
			assert.Equal(t, want, policy(t, "ecs", "runTask", RequestResponse, m))
		})
	}
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
