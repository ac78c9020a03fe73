package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

func TestMessagingPatterns(t *testing.T) {
	for _, api := range [][2]string{{"sns", "publish"}, {"sqs", "sendMessage"}, {"events", "putEvents"}} {
		in, ok := Lookup(api[0], api[1])
		if assert.True(t, ok, api) {
			assert.Equal(t, "REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN", in.SupportedPatterns(), api)
		}
	}
}

func TestSNSPublish(t *testing.T) {
	topic := "arn:aws:sns:eu-west-1:111122223333:alerts"
	publish := []string{"sns:Publish"}
	assert.Equal(t, []Statement{{Actions: publish, Resources: []string{topic}}},
		policy(t, "sns", "publish", WaitForTaskToken, map[string]any{"TopicArn": topic}))
	assert.Equal(t, []Statement{{Actions: publish, Resources: []string{arnOf("sns", "*")}}},
		policy(t, "sns", "publish", RequestResponse, map[string]any{"TopicArn": value.Dyn("$.topic")}))
}

func TestSQSSendMessage(t *testing.T) {
	send := []string{"sqs:SendMessage"}
	for _, tt := range []struct {
		url  any
		want string
	}{
		{"https://sqs.eu-west-1.amazonaws.com/111122223333/jobs", "arn:aws:sqs:eu-west-1:111122223333:jobs"},
		{"https://sqs.cn-north-1.amazonaws.com.cn/111122223333/jobs.fifo", "arn:aws:sqs:cn-north-1:111122223333:jobs.fifo"},
		{"https://us-east-1.queue.amazonaws.com/111122223333/jobs", "arn:aws:sqs:us-east-1:111122223333:jobs"},
		{value.Dyn("$.queue"), arnOf("sqs", "*")},
		{"jobs", arnOf("sqs", "*")},
	} {
		got := policy(t, "sqs", "sendMessage", RequestResponse, map[string]any{"QueueUrl": tt.url})
		assert.Equal(t, []Statement{{Actions: send, Resources: []string{tt.want}}}, got, tt.url)
	}
	// A queue the caller knows (a CDK queue, whose URL is a token).
	in := Request{Env: env, Params: params(t, map[string]any{"QueueUrl": value.Dyn("$.ignored")})}
	assert.Equal(t, Statement{Actions: send, Resources: []string{"arn:aws:sqs:eu-west-1:111122223333:known"}},
		SQSSendMessage(in, "arn:aws:sqs:eu-west-1:111122223333:known"))
}

func TestEventsPutEvents(t *testing.T) {
	put := []string{"events:PutEvents"}
	custom := "arn:aws:events:eu-west-1:111122223333:event-bus/orders"
	for _, tt := range []struct {
		name    string
		entries any
		want    []string
	}{
		{"no bus: the default bus", []any{map[string]any{"Source": "app"}}, []string{arnOf("events", "event-bus/default")}},
		{"each bus once, by ARN or name", []any{
			map[string]any{"EventBusName": custom}, map[string]any{"EventBusName": "audit"},
			map[string]any{"EventBusName": custom}, map[string]any{"Source": "app"}},
			[]string{custom, arnOf("events", "event-bus/audit"), arnOf("events", "event-bus/default")}},
		{"a dynamic bus", []any{map[string]any{"EventBusName": custom}, map[string]any{"EventBusName": value.Dyn("$.bus")}},
			[]string{arnOf("events", "event-bus/*")}},
		{"dynamic entries", value.Dyn("$.entries"), []string{arnOf("events", "event-bus/*")}},
	} {
		got := policy(t, "events", "putEvents", RequestResponse, map[string]any{"Entries": tt.entries})
		assert.Equal(t, []Statement{{Actions: put, Resources: tt.want}}, got, tt.name)
	}
}
