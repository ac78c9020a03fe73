package states_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestS3Golden(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack) sfn.IChainable
	}{
		{"put_object", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewPutObject(stack, str("Upload"), &states.PutObjectProps{
				Bucket: str("my-bucket"), Key: tasks.StringAt("States.Format('reports/{}.json', $.id)"),
				Body: states.Ref("$.report"), ResultPath: str("$.uploaded"),
			})
		}},
		{"put_object_discard", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewPutObject(stack, str("Marker"), &states.PutObjectProps{
				Bucket: str("my-bucket"), Key: str("done.txt"), Body: "", ResultPath: str(tasks.Discard),
			})
		}},
		{"put_payload", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewPutPayload(stack, str("Save"), &states.PutPayloadProps{
				Payload: states.Ref("$"), Bucket: states.Ref("$.bucket").StringAt(), IamBuckets: jsii.Strings("in-a", "in-b"),
				ResultPath: str("$.location"), OutputPath: str("$.location"),
			})
		}},
		{"get_object", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetObject(stack, str("Read"), &states.GetObjectProps{
				Bucket: str("my-bucket"), Key: tasks.StringAt("$.key"), ResultPath: str("$.file"),
			})
		}},
		{"get_payload", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetPayload(stack, str("Load"), &states.GetObjectProps{
				Bucket: str("my-bucket"), Key: tasks.StringAt("$.location.Key"), ResultPath: str("$.payload"),
			})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, tpl := build(t, tt.build)
			cdktest.Golden(t, tt.name, cdktest.Definition(t, tpl))
		})
	}
}

// The S3 call is retried as the reference retries it, on the task itself.
func TestS3Retry(t *testing.T) {
	_, tpl := build(t, func(stack awscdk.Stack) sfn.IChainable {
		return states.NewGetObject(stack, str("Read"), &states.GetObjectProps{Bucket: str("b-1"), Key: str("k")})
	})
	assert.Equal(t, []any{map[string]any{"ErrorEquals": []any{"S3.S3Exception"}, "IntervalSeconds": 3.0, "MaxAttempts": 5.0,
		"BackoffRate": 2.0, "JitterStrategy": "FULL"}}, cdktest.Definition(t, tpl)["States"].(map[string]any)["Read GetObject"].(map[string]any)["Retry"])
}

func TestS3IAM(t *testing.T) {
	put := []string{"s3:PutObject"}
	get := []string{"s3:GetObject"}
	tests := []struct {
		name  string
		build func(stack awscdk.Stack) sfn.IChainable
		want  []map[string]any
	}{
		{"literal bucket and key: that object", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewPutObject(stack, str("P"), &states.PutObjectProps{Bucket: str("my-bucket"), Key: str("a/b.json"), Body: "x"})
		}, []map[string]any{stmt(put, s3arn("my-bucket/a/b.json"))}},
		{"States.Format key: its literal prefix", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewPutObject(stack, str("P"), &states.PutObjectProps{Bucket: str("my-bucket"),
				Key: tasks.StringAt("States.Format('runs/{}/in.json', $$.Execution.Name)"), Body: "x"})
		}, []map[string]any{stmt(put, s3arn("my-bucket/runs/*"))}},
		{"dynamic key: the bucket's objects", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: str("my-bucket"), Key: tasks.StringAt("$.key")})
		}, []map[string]any{stmt(get, s3arn("my-bucket/*"))}},
		{"default payload key starts with the execution name: the bucket's objects", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewPutPayload(stack, str("P"), &states.PutPayloadProps{Bucket: str("my-bucket"), Payload: states.Ref("$")})
		}, []map[string]any{stmt(put, s3arn("my-bucket/*"))}},
		{"dynamic bucket: the buckets listed", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetPayload(stack, str("G"), &states.GetObjectProps{Bucket: tasks.StringAt("$.bucket"), Key: str("k.json"),
				IamBuckets: jsii.Strings("in-a", "in-b")})
		}, []map[string]any{stmt(get, s3arn("in-a/k.json"), s3arn("in-b/k.json"))}},
		{"dynamic bucket, every bucket asked for", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: tasks.StringAt("$.bucket"), Key: tasks.StringAt("$.key"),
				IamBuckets: jsii.Strings("*")})
		}, []map[string]any{stmt(get, s3arn("*/*"))}},
		{"States.Format bucket: its literal prefix", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: tasks.StringAt("States.Format('data-{}', $.stage)"), Key: str("k")})
		}, []map[string]any{stmt(get, s3arn("data-*/k"))}},
		{"CDK bucket", func(stack awscdk.Stack) sfn.IChainable {
			bucket := awss3.NewBucket(stack, str("Bucket"), nil)
			return states.NewPutObject(stack, str("P"), &states.PutObjectProps{Bucket: bucket.BucketName(), Key: str("k"), Body: "x"})
		}, []map[string]any{stmt(put, s3arn("${Bucket83908E77}/k"))}},
		{"IAM wildcards in a literal key match only themselves", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: str("my-bucket"), Key: str("odd*name?$x")})
		}, []map[string]any{stmt(get, s3arn("my-bucket/odd${*}name${?}${$}x"))}},
		{"put then get: one statement per action", func(stack awscdk.Stack) sfn.IChainable {
			p := states.NewPutPayload(stack, str("P"), &states.PutPayloadProps{Bucket: str("my-bucket"), Payload: states.Ref("$"), ResultPath: str("$.loc")})
			return p.Next(states.NewGetPayload(stack, str("G"), &states.GetObjectProps{Bucket: str("my-bucket"), Key: tasks.StringAt("$.loc.Key")}))
		}, []map[string]any{stmt(put, s3arn("my-bucket/*")), stmt(get, s3arn("my-bucket/*"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, tpl := build(t, tt.build)
			assertStatements(t, tt.want, tpl)
		})
	}
}

func TestS3Errors(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack)
		want  []string
	}{
		{"dynamic bucket without IamBuckets: no silent wildcard", func(stack awscdk.Stack) {
			states.NewPutObject(stack, str("P"), &states.PutObjectProps{Bucket: tasks.StringAt("$.bucket"), Key: str("k"), Body: "x"})
		}, []string{`sfnkit PutObject "Test/P" is invalid`, `IamBuckets: required because Bucket is decided at run time`, `["*"] to allow every bucket`}},
		{"IamBuckets with a literal bucket", func(stack awscdk.Stack) {
			states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: str("b-1"), Key: str("k"), IamBuckets: jsii.Strings("b-2")})
		}, []string{"IamBuckets: only for a Bucket decided at run time"}},
		{"bad bucket and IamBuckets names", func(stack awscdk.Stack) {
			states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: str("My_Bucket"), Key: str("k")})
			states.NewGetObject(stack, str("H"), &states.GetObjectProps{Bucket: tasks.StringAt("$.b"), Key: str("k"), IamBuckets: jsii.Strings("Bad_Name")})
		}, []string{`Bucket: "My_Bucket" is not a bucket name`}},
		{"bad IamBuckets entry", func(stack awscdk.Stack) {
			states.NewGetObject(stack, str("H"), &states.GetObjectProps{Bucket: tasks.StringAt("$.b"), Key: str("k"), IamBuckets: jsii.Strings("Bad_Name")})
		}, []string{`IamBuckets: "Bad_Name" is not a bucket name (or "*")`}},
		{"missing fields, all reported", func(stack awscdk.Stack) {
			states.NewPutObject(stack, str("P"), &states.PutObjectProps{})
		}, []string{"Body: required", "Bucket: required", "Key: required"}},
		{"empty key", func(stack awscdk.Stack) {
			states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: str("b-1"), Key: str("")})
		}, []string{"Key: must be 1 to 1024 bytes, got 0"}},
		{"invalid path in the body", func(stack awscdk.Stack) {
			states.NewPutObject(stack, str("P"), &states.PutObjectProps{Bucket: str("b-1"), Key: str("k"), Body: map[string]any{"x": tasks.Path("$.a[")}})
		}, []string{`Body.x: invalid JSONPath "$.a[": unclosed '['`}},
		{"invalid result path", func(stack awscdk.Stack) {
			states.NewPutPayload(stack, str("P"), &states.PutPayloadProps{Bucket: str("b-1"), Payload: 1, ResultPath: str("$.a[*]")})
		}, []string{"ResultPath: ", "a reference path cannot use '*'"}},
		{"result path in the context object", func(stack awscdk.Stack) {
			states.NewGetObject(stack, str("G"), &states.GetObjectProps{Bucket: str("b-1"), Key: str("k"), ResultPath: str("$$.Execution")})
		}, []string{"ResultPath: \"$$.Execution\" is in the context object"}},
		{"GetPayload cannot discard the payload", func(stack awscdk.Stack) {
			states.NewGetPayload(stack, str("G"), &states.GetObjectProps{Bucket: str("b-1"), Key: str("k"), ResultPath: str(tasks.Discard)})
		}, []string{"ResultPath: DISCARD would drop what this state produces"}},
		{"JSONata in a JSONPath state", func(stack awscdk.Stack) {
			states.NewPutObject(stack, str("P"), &states.PutObjectProps{Bucket: str("b-1"), Key: str("k"), Body: tasks.JSONata("$states.input")})
		}, []string{`Body: JSONata "{% $states.input %}" in a JSONPath state`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, tt.build)
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}

// PutPayload then GetPayload, run locally: what was written comes back,
// parsed, at GetPayload's ResultPath, and the caller's input survives.
func TestRunPayloadRoundTrip(t *testing.T) {
	stack := cdktest.NewStack()
	put := states.NewPutPayload(stack, str("Save"), &states.PutPayloadProps{
		Payload: states.Ref("$.request"), Bucket: str("my-bucket"), ResultPath: str("$.location"),
	})
	get := states.NewGetPayload(stack, str("Load"), &states.GetObjectProps{
		Bucket: tasks.StringAt("$.location.Bucket"), Key: tasks.StringAt("$.location.Key"), IamBuckets: jsii.Strings("my-bucket"),
		ResultPath: str("$.response"),
	})
	machine(t, stack, put.Next(get))
	integ.Validate(t, stack)

	store := map[string]string{} // s3://bucket/key → body
	res := integ.Run(t, stack, nil, map[string]any{"request": map[string]any{"n": 1, "tags": []any{"a"}}}, integ.Mocks{
		"Save PutPayload": func(in any) (any, error) {
			req := in.(map[string]any)
			body, err := json.Marshal(req["Body"]) // Step Functions sends a JSON body as JSON text
			store["s3://"+req["Bucket"].(string)+"/"+req["Key"].(string)] = string(body)
			return map[string]any{"ETag": `"1"`}, err
		},
		"Load GetPayload": func(in any) (any, error) {
			req := in.(map[string]any)
			body, ok := store["s3://"+req["Bucket"].(string)+"/"+req["Key"].(string)]
			if !ok {
				return nil, integ.Fail("S3.NoSuchKeyException", "no such key")
			}
			return map[string]any{"Body": body, "ContentLength": len(body)}, nil
		},
	})
	require.True(t, res.Succeeded(), res.History())
	out := res.Output.(map[string]any)
	key := out["location"].(map[string]any)["Key"].(string)
	assert.Regexp(t, `^`+integ.ExecutionName+`/[0-9a-f-]{36}$`, key, "the default key is <execution name>/<uuid>")
	assert.Equal(t, map[string]any{"Bucket": "my-bucket", "Key": key}, out["location"])
	assert.Equal(t, map[string]any{"n": 1.0, "tags": []any{"a"}}, out["response"])
	assert.Equal(t, map[string]any{"n": 1.0, "tags": []any{"a"}}, out["request"], "the caller's input survives")
	assert.Len(t, out, 3)
}

// A throttled put is retried, and the location is the same key the retry wrote.
func TestRunPutObjectRetries(t *testing.T) {
	stack := cdktest.NewStack()
	machine(t, stack, states.NewPutObject(stack, str("Upload"), &states.PutObjectProps{
		Bucket: str("my-bucket"), Key: tasks.StringAt("States.Format('runs/{}', States.UUID())"), Body: states.Ref("$"),
	}))
	var keys []string
	res := integ.Run(t, stack, nil, map[string]any{"a": 1}, integ.Mocks{
		"Upload PutObject": func(in any) (any, error) {
			keys = append(keys, in.(map[string]any)["Key"].(string))
			if len(keys) == 1 {
				return nil, integ.Fail("S3.S3Exception", "SlowDown")
			}
			return map[string]any{"ETag": `"1"`}, nil
		},
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, 1, res.Retries("Upload PutObject"))
	require.Len(t, keys, 2)
	assert.Equal(t, keys[0], keys[1], "the key is generated once, in the Prep state")
	assert.Equal(t, map[string]any{"Bucket": "my-bucket", "Key": keys[0]}, res.Output)
}

// Built in a fragments.Workflow, the states stay in Go and render in one
// piece, to the same definition and IAM as the CDK's way.
func TestS3InAWorkflow(t *testing.T) {
	flow := func(stack awscdk.Stack, scope constructs.Construct) sfn.IChainable {
		put := states.NewPutPayload(scope, str("Save"), &states.PutPayloadProps{Payload: states.Ref("$"), Bucket: str("my-bucket"), ResultPath: str("$.loc")})
		get := states.NewGetPayload(scope, str("Load"), &states.GetObjectProps{Bucket: str("my-bucket"), Key: tasks.StringAt("$.loc.Key"), ResultPath: str("$.back")})
		mark := states.NewPutObject(scope, str("Mark"), &states.PutObjectProps{Bucket: str("my-bucket"), Key: str("done"), Body: states.Ref("$.back")})
		return put.Next(get).Next(mark)
	}
	cdkStack := cdktest.NewStack()
	cdkTpl := machine(t, cdkStack, flow(cdkStack, cdkStack))
	goStack := cdktest.NewStack()
	fragments.NewStateMachine(goStack, str("Machine"), flow(goStack, fragments.NewWorkflow(goStack, str("Flow"))), nil)
	goTpl := cdktest.Template(t, goStack)

	for _, m := range cdktest.Resources(goTpl, "AWS::StepFunctions::StateMachine") {
		_, joined := m["Properties"].(map[string]any)["DefinitionString"].(map[string]any)
		require.False(t, joined, "rendered in Go, not by the CDK")
	}
	assert.Equal(t, cdktest.Definition(t, cdkTpl), cdktest.Definition(t, goTpl))
	assert.Equal(t, cdktest.SortedStatements(cdktest.RoleStatements(t, cdkTpl)), cdktest.SortedStatements(cdktest.RoleStatements(t, goTpl)))
}
