package fragments_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const handlerImage = "public.ecr.aws/x/handlers:1"

func batchJob(mod func(p *fragments.BatchJobProps)) fragments.BatchJobProps {
	p := fragments.BatchJobProps{
		JobQueueArn: jsii.String(jobQueueARN), Bucket: jsii.String("exchange-bucket"), KeyPrefix: jsii.String("jobs/echo"),
		Image: jsii.String(handlerImage), JobRoleArn: jsii.String(jobRoleARN), Memory: 1024, Vcpus: 1,
	}
	if mod != nil {
		mod(&p)
	}
	return p
}

func echoProps(mod func(p *fragments.BatchInvokedLambdaFunctionProps)) *fragments.BatchInvokedLambdaFunctionProps {
	p := &fragments.BatchInvokedLambdaFunctionProps{BatchJobProps: batchJob(nil), Name: jsii.String("echo"), Handler: jsii.String("handlers.echo.handler")}
	if mod != nil {
		mod(p)
	}
	return p
}

// chainMachine puts chainable, followed by a Pass "After" that keeps its
// output under "out", in a state machine.
func chainMachine(t *testing.T, stack awscdk.Stack, chainable sfn.IChainable) (sfn.StateMachine, map[string]any) {
	t.Helper()
	after := sfn.NewPass(stack, jsii.String("After"), &sfn.PassProps{Parameters: &map[string]interface{}{"out.$": "$"}})
	return machine(t, stack, sfn.Chain_Start(chainable).Next(after))
}

func echoMachine(t *testing.T, props *fragments.BatchInvokedLambdaFunctionProps) (awscdk.Stack, sfn.StateMachine, map[string]any) {
	t.Helper()
	stack := newStack()
	sm, tpl := chainMachine(t, stack, fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), props))
	return stack, sm, tpl
}

// fakeS3 is the exchange bucket: putObject stores the body as the JSON text
// Step Functions writes, getObject returns {Body: "<text>"} as the SDK does.
type fakeS3 map[string]string

func (s fakeS3) put(in any) (any, error) {
	req := in.(map[string]any)
	body, err := json.Marshal(req["Body"])
	s["s3://"+req["Bucket"].(string)+"/"+req["Key"].(string)] = string(body)
	return map[string]any{"ETag": `"1"`}, err
}

func (s fakeS3) get(in any) (any, error) {
	req := in.(map[string]any)
	body, ok := s["s3://"+req["Bucket"].(string)+"/"+req["Key"].(string)]
	if !ok {
		return nil, integ.Fail("S3.NoSuchKeyException", "no such key "+req["Key"].(string))
	}
	return map[string]any{"Body": body, "ContentLength": len(body)}, nil
}

// handlerJob plays the container: it reads the request from the location
// AWS_LAMBDA_EVENT_PAYLOAD names in the registered definition, and writes
// handle(request) where AWS_LAMBDA_EVENT_RESPONSE_LOCATION says.
func (s fakeS3) handlerJob(definition *map[string]any, handle func(request any) any) func(in any) (any, error) {
	return func(in any) (any, error) {
		env := map[string]string{}
		for _, kv := range (*definition)["ContainerProperties"].(map[string]any)["Environment"].([]any) {
			env[kv.(map[string]any)["Name"].(string)] = kv.(map[string]any)["Value"].(string)
		}
		var request any
		if err := json.Unmarshal([]byte(s[env["AWS_LAMBDA_EVENT_PAYLOAD"]]), &request); err != nil {
			return nil, integ.Fail("States.TaskFailed", "no request at "+env["AWS_LAMBDA_EVENT_PAYLOAD"])
		}
		body, _ := json.Marshal(handle(request))
		s[env["AWS_LAMBDA_EVENT_RESPONSE_LOCATION"]] = string(body)
		return submitJobMock(nil)(in)
	}
}

// echoMocks answers every Task of the "Echo" fragment, the job answering
// {"echo": <request>}.
func echoMocks(store fakeS3, definition *map[string]any) integ.Mocks {
	return integ.Mocks{
		"Echo Request PutPayload": store.put,
		"Echo Job RegisterJobDefinition": func(in any) (any, error) {
			*definition = in.(map[string]any)
			return registerMock(in)
		},
		"Echo Job SubmitJob":                       store.handlerJob(definition, func(r any) any { return map[string]any{"echo": r} }),
		"Echo Job DeregisterJobDefinition":         map[string]any{},
		"Echo Job Cleanup DeregisterJobDefinition": map[string]any{},
		"Echo Response GetPayload":                 store.get,
	}
}

func TestBatchInvokedGolden(t *testing.T) {
	tests := map[string]func(stack awscdk.Stack) sfn.IChainable{
		"batch_invoked_lambda": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
				p.Environment = map[string]any{"LOG_LEVEL": "debug", "RUN": tasks.Path("$.run")}
				p.PayloadPath = jsii.String("$.request")
			}))
		},
		"batch_invoked_lambda_dynamic": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), &fragments.BatchInvokedLambdaFunctionProps{
				BatchJobProps: fragments.BatchJobProps{
					JobQueueArn: tasks.StringAt("$.queue"), Bucket: tasks.StringAt("$.bucket"), IamBuckets: jsii.Strings("exchange-bucket"),
					KeyPrefix: tasks.StringAt("$.prefix"), JobDefinitionArn: tasks.StringAt("$.definition"), Memory: tasks.Path("$.memory"),
				},
				Name: tasks.StringAt("$.name"), Handler: tasks.StringAt("$.handler"), Command: tasks.List("python", "-m", tasks.Path("$.module")),
			})
		},
		"batch_invoked_executor": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewBatchInvokedExecutor(stack, jsii.String("Run"), &fragments.BatchInvokedExecutorProps{
				BatchJobProps: batchJob(nil), Name: jsii.String("run"), Executor: tasks.StringAt("$.executor"),
			})
		},
	}
	for name, build := range tests {
		t.Run(name, func(t *testing.T) {
			stack := newStack()
			_, tpl := chainMachine(t, stack, build(stack))
			integ.Validate(t, stack)
			cdktest.Golden(t, name, cdktest.Definition(t, tpl))
		})
	}
}

// Reference defect: batch:* on "*", s3:*, iam:PassRole on "*" and no
// events permission for the .sync rule. Here: S3 on the prefix, Batch on
// the queue and the fragment's definitions, PassRole on the job role to
// Batch only, and the rule.
func TestBatchInvokedIAM(t *testing.T) {
	definitions := stackARN("batch", "job-definition/echo-*")
	objects := s3ARN("exchange-bucket/jobs/echo/*")
	tests := []struct {
		name  string
		props *fragments.BatchInvokedLambdaFunctionProps
		want  []map[string]any
	}{
		{"registered per execution", echoProps(nil), append([]map[string]any{
			stmt([]string{"s3:PutObject"}, objects), stmt([]string{"s3:GetObject"}, objects),
			stmt([]string{"batch:RegisterJobDefinition"}, definitions),
			stmt([]string{"batch:SubmitJob"}, definitions, jobQueueARN, stackARN("batch", "job/*")),
			stmt([]string{"batch:DeregisterJobDefinition"}, definitions),
			passRoleToBatch(jobRoleARN),
		}, batchSyncStatements()...)},
		{"fixed definition, no prefix", echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
			p.BatchJobProps = batchJob(func(p *fragments.BatchJobProps) {
				p.JobDefinitionArn, p.Image, p.JobRoleArn, p.KeyPrefix = jsii.String("echo-handler:4"), nil, nil, nil
			})
		}), append([]map[string]any{
			stmt([]string{"s3:PutObject"}, s3ARN("exchange-bucket/*")), stmt([]string{"s3:GetObject"}, s3ARN("exchange-bucket/*")),
			stmt([]string{"batch:SubmitJob"}, stackARN("batch", "job-definition/echo-handler:4"), jobQueueARN, stackARN("batch", "job/*")),
		}, batchSyncStatements()...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, tpl := echoMachine(t, tt.props)
			assertExactStatements(t, tt.want, tpl)
		})
	}
}

// The whole exchange, run locally: the payload goes to request.json, the
// container finds it through the wire contract's variables and writes
// response.json, and the fragment's output is that response.
func TestBatchInvokedLambdaRunSucceeds(t *testing.T) {
	stack, sm, _ := echoMachine(t, echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
		p.Environment = map[string]any{"LOG_LEVEL": "debug"}
	}))
	store, definition := fakeS3{}, map[string]any{}
	input := map[string]any{"n": 1.0, "items": []any{"a"}}
	res := integ.Run(t, stack, sm, input, echoMocks(store, &definition))
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"out": map[string]any{"echo": input}}, res.Output)

	env := map[string]any{}
	for _, kv := range definition["ContainerProperties"].(map[string]any)["Environment"].([]any) {
		env[kv.(map[string]any)["Name"].(string)] = kv.(map[string]any)["Value"]
	}
	request := res.Inputs("Echo Request PutPayload")[0].(map[string]any)
	id := strings.Split(request["Key"].(string), "/")[3]
	assert.Regexp(t, `^[0-9a-f-]{36}$`, id)
	assert.Equal(t, map[string]any{
		"AWS_LAMBDA_FUNCTION_NAME": "echo", "AWS_LAMBDA_FUNCTION_HANDLER": "handlers.echo.handler",
		"AWS_LAMBDA_EVENT_PAYLOAD":           "s3://exchange-bucket/jobs/echo/" + integ.ExecutionName + "/" + id + "/request.json",
		"AWS_LAMBDA_EVENT_RESPONSE_LOCATION": "s3://exchange-bucket/jobs/echo/" + integ.ExecutionName + "/" + id + "/response.json",
		"LOG_LEVEL":                          "debug",
	}, env)
	assert.Equal(t, "handlers:1", strings.SplitN(definition["ContainerProperties"].(map[string]any)["Image"].(string), "/x/", 2)[1])
	assert.Equal(t, []any{map[string]any{"JobDefinition": registered}}, res.Inputs("Echo Job DeregisterJobDefinition"))
}

// Reference defect: the fragment's bookkeeping (taskResult) leaked into
// the uploaded payload. The request written is exactly the payload at
// PayloadPath, whether the whole input or a part of it.
func TestBatchInvokedUploadsThePayloadOnly(t *testing.T) {
	for _, payloadPath := range []string{"", "$.request"} {
		t.Run("PayloadPath="+payloadPath, func(t *testing.T) {
			stack, sm, _ := echoMachine(t, echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
				if payloadPath != "" {
					p.PayloadPath = jsii.String(payloadPath)
				}
			}))
			store, definition := fakeS3{}, map[string]any{}
			input := map[string]any{"request": map[string]any{"x": 1.0}, "other": true}
			res := integ.Run(t, stack, sm, input, echoMocks(store, &definition))
			require.True(t, res.Succeeded(), res.History())
			want := any(input)
			if payloadPath != "" {
				want = input["request"]
			}
			assert.Equal(t, want, res.Inputs("Echo Request PutPayload")[0].(map[string]any)["Body"])
			assert.Equal(t, map[string]any{"out": map[string]any{"echo": want}}, res.Output)
		})
	}
}

// Reference defects: a path inside a States.Format argument was quoted as
// a literal, and the key prefix was joined without a separator. Here a
// bucket, prefix, name and handler given as paths reach the container as
// their values, and the keys are <prefix>/<execution>/<uuid>/<file> (a
// literal prefix's own slashes trimmed).
func TestBatchInvokedPathsAndKeyLayout(t *testing.T) {
	tests := []struct {
		name       string
		job        fragments.BatchJobProps
		input      map[string]any
		wantPrefix string
	}{
		{"paths", batchJob(func(p *fragments.BatchJobProps) {
			p.Bucket, p.IamBuckets, p.KeyPrefix = tasks.StringAt("$.bucket"), jsii.Strings("run-bucket"), tasks.StringAt("$.prefix")
		}), map[string]any{"bucket": "run-bucket", "prefix": "team/a"}, "s3://run-bucket/team/a/"},
		{"literal prefix with slashes", batchJob(func(p *fragments.BatchJobProps) { p.KeyPrefix = jsii.String("/jobs/echo/") }),
			map[string]any{}, "s3://exchange-bucket/jobs/echo/"},
		{"no prefix", batchJob(func(p *fragments.BatchJobProps) { p.KeyPrefix = nil }), map[string]any{}, "s3://exchange-bucket/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack, sm, _ := echoMachine(t, echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
				p.BatchJobProps, p.Name, p.Handler = tt.job, tasks.StringAt("$$.Execution.Name"), tasks.StringAt("States.Format('handlers.{}.handler', $$.Execution.Name)")
			}))
			store, definition := fakeS3{}, map[string]any{}
			res := integ.Run(t, stack, sm, tt.input, echoMocks(store, &definition))
			require.True(t, res.Succeeded(), res.History())
			env := map[string]string{}
			for _, kv := range definition["ContainerProperties"].(map[string]any)["Environment"].([]any) {
				env[kv.(map[string]any)["Name"].(string)] = kv.(map[string]any)["Value"].(string)
			}
			assert.Regexp(t, `^`+tt.wantPrefix+integ.ExecutionName+`/[0-9a-f-]{36}/request\.json$`, env["AWS_LAMBDA_EVENT_PAYLOAD"])
			assert.Equal(t, strings.TrimSuffix(env["AWS_LAMBDA_EVENT_PAYLOAD"], "request.json")+"response.json", env["AWS_LAMBDA_EVENT_RESPONSE_LOCATION"])
			assert.Equal(t, integ.ExecutionName, env["AWS_LAMBDA_FUNCTION_NAME"])
			assert.Equal(t, "handlers."+integ.ExecutionName+".handler", env["AWS_LAMBDA_FUNCTION_HANDLER"])
			assert.Regexp(t, `^`+integ.ExecutionName+`-[0-9a-f-]{36}$`, definition["JobDefinitionName"])
		})
	}
}

// A failed job: the definition is deregistered, nothing is read back, and
// the execution fails with the job's own error.
func TestBatchInvokedLambdaRunFails(t *testing.T) {
	stack, sm, _ := echoMachine(t, echoProps(nil))
	store, definition := fakeS3{}, map[string]any{}
	mocks := echoMocks(store, &definition)
	mocks["Echo Job SubmitJob"] = integ.Fail("States.TaskFailed", `{"Status":"FAILED","StatusReason":"OutOfMemoryError"}`)
	res := integ.Run(t, stack, sm, map[string]any{"n": 1}, mocks)
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "States.TaskFailed", res.Error)
	assert.Equal(t, `{"Status":"FAILED","StatusReason":"OutOfMemoryError"}`, res.Cause)
	assert.Equal(t, []any{map[string]any{"JobDefinition": registered}}, res.Inputs("Echo Job Cleanup DeregisterJobDefinition"))
	assert.False(t, res.Entered("Echo Response GetPayload"))
}

// With a job definition fixed at deploy time, the wire contract goes as
// container overrides, and the executor's command list is built with
// States.Array from paths: both resolved at run time.
func TestBatchInvokedExecutorFixedDefinitionRun(t *testing.T) {
	stack := newStack()
	exec := fragments.NewBatchInvokedExecutor(stack, jsii.String("Run"), &fragments.BatchInvokedExecutorProps{
		BatchJobProps: batchJob(func(p *fragments.BatchJobProps) {
			p.JobDefinitionArn, p.Image, p.JobRoleArn = jsii.String("executor:2"), nil, nil
			p.Environment = map[string]any{"MODE": tasks.Path("$.mode")}
		}),
		Name: jsii.String("run"), Executor: tasks.StringAt("$.executor"), PayloadPath: jsii.String("$.request"),
	})
	sm, tpl := chainMachine(t, stack, exec)
	assert.NotContains(t, stateNames(cdktest.Definition(t, tpl)), "Run Job RegisterJobDefinition")

	store := fakeS3{}
	var submitted map[string]any
	res := integ.Run(t, stack, sm, map[string]any{"executor": "pkg.Exec", "mode": "fast", "request": map[string]any{"k": "v"}}, integ.Mocks{
		"Run Request PutPayload": store.put,
		"Run Job SubmitJob": func(in any) (any, error) {
			submitted = in.(map[string]any)
			command := submitted["ContainerOverrides"].(map[string]any)["Command"].([]any)
			store[command[6].(string)] = `{"done": true}` // the --output-location
			return submitJobMock(nil)(in)
		},
		"Run Response GetPayload": store.get,
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"out": map[string]any{"done": true}}, res.Output)
	request := res.Inputs("Run Request PutPayload")[0].(map[string]any)
	location := "s3://exchange-bucket/" + strings.TrimSuffix(request["Key"].(string), "request.json")
	overrides := submitted["ContainerOverrides"].(map[string]any)
	assert.Equal(t, []any{"run_cli_executor", "--executor", "pkg.Exec", "--input", location + "request.json", "--output-location", location + "response.json"},
		overrides["Command"])
	assert.Equal(t, []any{map[string]any{"Name": "MODE", "Value": "fast"}}, overrides["Environment"])
	assert.Equal(t, "executor:2", submitted["JobDefinition"])
	assert.Equal(t, map[string]any{"k": "v"}, request["Body"])
}

func TestBatchInvokedErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack)
		want  []string
	}{
		{"required fields", func(stack awscdk.Stack) {
			fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), nil)
		}, []string{`sfnkit BatchInvokedLambdaFunction "Test/Echo" is invalid`, "JobQueueArn: required", "Bucket: required", "Image: required", "Name: required", "Handler: required"}},
		{"the wire contract's variables are the fragment's", func(stack awscdk.Stack) {
			fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
				p.Environment = map[string]any{"AWS_LAMBDA_EVENT_PAYLOAD": "s3://x/y"}
			}))
		}, []string{"Environment.AWS_LAMBDA_EVENT_PAYLOAD: set by the fragment"}},
		{"a fixed definition already sets the container", func(stack awscdk.Stack) {
			fragments.NewBatchInvokedExecutor(stack, jsii.String("Run"), &fragments.BatchInvokedExecutorProps{
				BatchJobProps: batchJob(func(p *fragments.BatchJobProps) { p.JobDefinitionArn = jsii.String("x:1") }),
				Name:          jsii.String("run"), Executor: jsii.String("pkg.Exec"),
			})
		}, []string{`sfnkit BatchInvokedExecutor "Test/Run" is invalid`, "Image: only for a job definition registered per execution", "JobRoleArn: only for"}},
		{"bad paths", func(stack awscdk.Stack) {
			fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
				p.PayloadPath, p.Handler = jsii.String("$.a["), tasks.StringAt("$.b[")
			}))
		}, []string{"PayloadPath: ", "Handler: invalid JSONPath"}},
		{"the states' checks, at construction", func(stack awscdk.Stack) {
			fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), echoProps(func(p *fragments.BatchInvokedLambdaFunctionProps) {
				p.Name = jsii.String("my function")
			}))
		}, []string{`"my function" is not a usable name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := newStack()
			msg := validationError(t, func() { tt.build(stack) })
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}
