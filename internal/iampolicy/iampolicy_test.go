package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/value"
)

var env = Env{Partition: "aws", Region: "eu-west-1", Account: "111122223333"}

func params(t *testing.T, m map[string]any) *value.Value {
	t.Helper()
	v, err := value.From(m, nil)
	require.NoError(t, err)
	return v
}

func policy(t *testing.T, service, api string, p Pattern, m map[string]any) []Statement {
	t.Helper()
	in, ok := Lookup(service, api)
	require.True(t, ok, "%s:%s not in catalog", service, api)
	require.True(t, in.Supports(p))
	return in.Policy(Request{Env: env, Pattern: p, Suffix: in.DefaultSuffix(p), Params: params(t, m)})
}

func TestLambdaInvoke(t *testing.T) {
	tests := []struct {
		name   string
		params map[string]any
		want   string
	}{
		{"ARN", map[string]any{"FunctionName": "arn:aws:lambda:eu-west-1:111122223333:function:f"}, "arn:aws:lambda:eu-west-1:111122223333:function:f"},
		{"name", map[string]any{"FunctionName": "f"}, "arn:aws:lambda:eu-west-1:111122223333:function:f"},
		{"partial", map[string]any{"FunctionName": "444455556666:function:f"}, "arn:aws:lambda:eu-west-1:444455556666:function:f"},
		{"qualifier", map[string]any{"FunctionName": "f", "Qualifier": "live"}, "arn:aws:lambda:eu-west-1:111122223333:function:f:live"},
		{"dynamic qualifier", map[string]any{"FunctionName": "f", "Qualifier": value.Dyn("$.v")}, "arn:aws:lambda:eu-west-1:111122223333:function:f:*"},
		{"dynamic function", map[string]any{"FunctionName": value.Dyn("$.fn")}, "arn:aws:lambda:eu-west-1:111122223333:function:*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := policy(t, "lambda", "invoke", RequestResponse, tt.params)
			assert.Equal(t, []Statement{{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{tt.want}}}, got)
		})
	}
}

func TestSageMakerProcessingJob(t *testing.T) {
	role := "arn:aws:iam::111122223333:role/sm"
	sync := policy(t, "sagemaker", "createProcessingJob", RunJob, map[string]any{
		"ProcessingJobName": value.Dyn("States.Format('hello-world-{}', States.UUID())"),
		"RoleArn":           role,
	})
	assert.Equal(t, []Statement{
		{Actions: []string{"sagemaker:CreateProcessingJob", "sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob", "sagemaker:AddTags", "sagemaker:ListTags"},
			Resources: []string{"arn:aws:sagemaker:eu-west-1:111122223333:processing-job/hello-world-*"}},
		{Actions: []string{"events:PutTargets", "events:PutRule", "events:DescribeRule"},
			Resources: []string{"arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule"}},
		{Actions: []string{"iam:PassRole"}, Resources: []string{role},
			Conditions: map[string]map[string]any{"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}},
	}, sync)

	rr := policy(t, "sagemaker", "createProcessingJob", RequestResponse, map[string]any{
		"ProcessingJobName": "Nightly", "RoleArn": value.Dyn("$.role"),
	})
	assert.Equal(t, []Statement{
		{Actions: []string{"sagemaker:CreateProcessingJob", "sagemaker:AddTags", "sagemaker:ListTags"}, Resources: []string{
			"arn:aws:sagemaker:eu-west-1:111122223333:processing-job/Nightly", "arn:aws:sagemaker:eu-west-1:111122223333:processing-job/nightly"}},
		{Actions: []string{"iam:PassRole"}, Resources: []string{"arn:aws:iam::111122223333:role/*"},
			Conditions: map[string]map[string]any{"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}},
	}, rr)
}

func TestMerge(t *testing.T) {
	a := Statement{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{"f1"}}
	b := Statement{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{"f2", "f1"}}
	c := PassRole("sagemaker.amazonaws.com", "r1")
	d := PassRole("ecs-tasks.amazonaws.com", "r1")
	got := Merge(a, c, b, d, c)
	assert.Equal(t, []Statement{
		{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{"f1", "f2"}},
		c, d,
	}, got)
}

func TestParseIntegrationARN(t *testing.T) {
	tests := []struct{ in, svc, api, suffix string }{
		{"arn:aws:states:::sagemaker:createProcessingJob.sync", "sagemaker", "createProcessingJob", ".sync"},
		{"arn:${Token[AWS.Partition.1]}:states:::lambda:invoke.waitForTaskToken", "lambda", "invoke", ".waitForTaskToken"},
		{"arn:aws:states:::aws-sdk:s3:getObject", "aws-sdk:s3", "getObject", ""},
		{"arn:aws:states:::states:startExecution.sync:2", "states", "startExecution", ".sync:2"},
	}
	for _, tt := range tests {
		svc, api, suffix, ok := ParseIntegrationARN(tt.in)
		assert.True(t, ok, tt.in)
		assert.Equal(t, []string{tt.svc, tt.api, tt.suffix}, []string{svc, api, suffix}, tt.in)
	}
	_, _, _, ok := ParseIntegrationARN("arn:aws:lambda:eu-west-1:1:function:f")
	assert.False(t, ok)
}

func TestSDKAction(t *testing.T) {
	assert.Equal(t, "s3:GetObject", SDKAction("s3", "getObject"))
	assert.Equal(t, "states:StartExecution", SDKAction("sfn", "startExecution"))
	assert.Equal(t, "logs:PutLogEvents", SDKAction("cloudwatchlogs", "putLogEvents"))
}

func TestKnownPrefixNarrowsDynamicNames(t *testing.T) {
	r := Request{Env: env, Params: params(t, map[string]any{
		"A": value.Dyn("States.Format('Hello-World-{}', States.UUID())"),
		"B": value.Dyn("States.Format('{}-x', $.id)"),
		"C": value.Dyn("$.name"),
	})}
	p, ok := r.KnownPrefix("A")
	assert.True(t, ok)
	assert.Equal(t, "Hello-World-", p)
	for _, f := range []string{"B", "C", "D"} {
		_, ok := r.KnownPrefix(f)
		assert.False(t, ok, f)
	}
	in, _ := Lookup("sagemaker", "createProcessingJob")
	stmts := in.Policy(Request{Env: env, Pattern: RunJob, Params: params(t, map[string]any{"ProcessingJobName": value.Dyn("States.Format('Hello-World-{}', States.UUID())")})})
	assert.Equal(t, []string{"arn:aws:sagemaker:eu-west-1:111122223333:processing-job/Hello-World-*",
		"arn:aws:sagemaker:eu-west-1:111122223333:processing-job/hello-world-*"}, stmts[0].Resources)
}
