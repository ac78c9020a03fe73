package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbedrock"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	titan        = "amazon.titan-text-express-v1"
	provisioned  = "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/c2oi931ulksx"
	haikuProfile = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0"
)

// modelARN is an IModel of the user's own: a custom model, say.
type modelARN string

func (m modelARN) ModelArn() *string { s := string(m); return &s }

func titanModel(scope constructs.Construct) awsbedrock.IModel {
	if m, ok := scope.Node().TryFindChild(jsii.String("Titan")).(awsbedrock.IModel); ok {
		return m
	}
	return awsbedrock.FoundationModel_FromFoundationModelId(scope, jsii.String("Titan"), awsbedrock.FoundationModelIdentifier_AMAZON_TITAN_TEXT_G1_EXPRESS_V1())
}

var titanARN = "arn:" + partition + ":bedrock:" + region + "::foundation-model/" + titan

func invokeProps(mod func(p *tasks.BedrockInvokeModelProps)) *tasks.BedrockInvokeModelProps {
	p := &tasks.BedrockInvokeModelProps{
		Model: modelARN(provisioned),
		Body:  tasks.TaskInput_FromObject(map[string]interface{}{"inputText": "Say hi."}),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestBedrockInvokeModelRendering(t *testing.T) {
	stack := cdktest.NewStack()
	body := tasks.NewBedrockInvokeModel(stack, jsii.String("Body"), &tasks.BedrockInvokeModelProps{
		Model: titanModel(stack),
		Body: sfn.TaskInput_FromObject(&map[string]interface{}{
			"inputText":            sfn.JsonPath_StringAt(jsii.String("$.prompt")),
			"textGenerationConfig": map[string]interface{}{"maxTokenCount": 100, "temperature": 1},
		}),
		Accept:         jsii.String("application/json"),
		ContentType:    jsii.String("application/json"),
		Guardrail:      tasks.Guardrail_Enable(jsii.String("abc123"), jsii.Number(1)),
		TraceEnabled:   jsii.Bool(true),
		ResultSelector: &map[string]interface{}{"names.$": "$.Body.results[0].outputText"},
	})
	s3 := tasks.NewBedrockInvokeModel(stack, jsii.String("S3"), &tasks.BedrockInvokeModelProps{
		Model:        modelARN(provisioned),
		Input:        &tasks.BedrockInvokeModelInputProps{S3Location: &awss3.Location{BucketName: jsii.String("in"), ObjectKey: jsii.String("prompt.json")}},
		Output:       &tasks.BedrockInvokeModelOutputProps{S3OutputUri: tasks.StringAt("States.Format('s3://out/{}.json', $$.Execution.Name)")},
		Guardrail:    tasks.Guardrail_EnableDraft(tasks.StringAt("$.guardrail")),
		TraceEnabled: jsii.Bool(false),
	})
	uri := tasks.NewBedrockInvokeModel(stack, jsii.String("Uri"), &tasks.BedrockInvokeModelProps{
		Model:     modelARN(haikuProfile),
		Input:     &tasks.BedrockInvokeModelInputProps{S3InputUri: tasks.StringAt("$.prompt")},
		Output:    &tasks.BedrockInvokeModelOutputProps{S3Location: &awss3.Location{BucketName: jsii.String("out"), ObjectKey: jsii.String("r.json")}},
		Guardrail: tasks.Guardrail_Enable(jsii.String("arn:aws:bedrock:us-east-1:111122223333:guardrail/xyz9"), tasks.NumberAt("$.version")),
	})
	tpl := machine(t, stack, body.Next(s3).Next(uri))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::bedrock:invokeModel", "Next": "S3",
		"Parameters": map[string]any{
			"ModelId": titanARN, "Accept": "application/json", "ContentType": "application/json",
			"Body":                map[string]any{"inputText.$": "$.prompt", "textGenerationConfig": map[string]any{"maxTokenCount": 100.0, "temperature": 1.0}},
			"GuardrailIdentifier": "abc123", "GuardrailVersion": "1", "Trace": "ENABLED",
		},
		"ResultSelector": map[string]any{"names.$": "$.Body.results[0].outputText"}}, state(t, tpl, "Body"))
	assert.Equal(t, map[string]any{
		"ModelId": provisioned, "Input": map[string]any{"S3Uri": "s3://in/prompt.json"},
		"Output":                map[string]any{"S3Uri.$": "States.Format('s3://out/{}.json', $$.Execution.Name)"},
		"GuardrailIdentifier.$": "$.guardrail", "GuardrailVersion": "DRAFT", "Trace": "DISABLED",
	}, state(t, tpl, "S3")["Parameters"])
	assert.Equal(t, map[string]any{
		"ModelId": haikuProfile, "Input": map[string]any{"S3Uri.$": "$.prompt"}, "Output": map[string]any{"S3Uri": "s3://out/r.json"},
		"GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/xyz9", "GuardrailVersion.$": "States.Format('{}', $.version)",
	}, state(t, tpl, "Uri")["Parameters"])
	integ.Validate(t, stack)
}

func TestBedrockInvokeModelJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewBedrockInvokeModel(stack, jsii.String("Invoke"), &tasks.BedrockInvokeModelProps{
		QueryLanguage: sfn.QueryLanguage_JSONATA,
		Model:         titanModel(stack),
		Body:          tasks.TaskInput_FromObject(map[string]interface{}{"inputText": "{% $states.input.prompt %}"}),
		Guardrail:     tasks.Guardrail_Enable(jsii.String("abc123"), tasks.NumberAt("{% $states.input.v %}")),
		TraceEnabled:  tasks.BoolAt("{% $states.input.trace %}"),
		Outputs:       "{% $states.result.Body %}",
	})
	args := state(t, machine(t, stack, task), "Invoke")["Arguments"].(map[string]any)
	assert.Equal(t, map[string]any{"inputText": "{% $states.input.prompt %}"}, args["Body"])
	assert.Equal(t, "{% $string($states.input.v) %}", args["GuardrailVersion"])
	assert.Equal(t, "{% ($states.input.trace) ? 'ENABLED' : 'DISABLED' %}", args["Trace"])
	integ.Validate(t, stack)
}

func TestBedrockInvokeModelIAM(t *testing.T) {
	invoke := []string{"bedrock:InvokeModel"}
	get, put := []string{"s3:GetObject"}, []string{"s3:PutObject"}
	apply := []string{"bedrock:ApplyGuardrail"}
	s3arn := func(object string) string { return "arn:" + partition + ":s3:::" + object }
	tests := []struct {
		name  string
		props func(stack awscdk.Stack) *tasks.BedrockInvokeModelProps
		want  []map[string]any
	}{
		{"a foundation model", func(stack awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) { p.Model = titanModel(stack) })
		}, []map[string]any{stmt(invoke, titanARN)}},
		{"a provisioned model", func(awscdk.Stack) *tasks.BedrockInvokeModelProps { return invokeProps(nil) },
			[]map[string]any{stmt(invoke, provisioned)}},
		{"an inference profile and the model it routes to", func(awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) { p.Model = modelARN(haikuProfile) })
		}, []map[string]any{stmt(invoke, haikuProfile, "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-haiku-20240307-v1:0")}},
		{"S3 locations: those objects only", func(awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) {
				p.Body = nil
				p.Input = &tasks.BedrockInvokeModelInputProps{S3Location: &awss3.Location{BucketName: jsii.String("in"), ObjectKey: jsii.String("prompt.json")}}
				p.Output = &tasks.BedrockInvokeModelOutputProps{S3OutputUri: jsii.String("s3://out/result.json")}
			})
		}, []map[string]any{stmt(invoke, provisioned), stmt(get, s3arn("in/prompt.json")), stmt(put, s3arn("out/result.json"))}},
		{"dynamic S3 URIs: the literal prefix, else every object", func(awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) {
				p.Body = nil
				p.Input = &tasks.BedrockInvokeModelInputProps{S3InputUri: tasks.StringAt("$.prompt")}
				p.Output = &tasks.BedrockInvokeModelOutputProps{S3OutputUri: tasks.StringAt("States.Format('s3://out/runs/{}.json', $.id)")}
			})
		}, []map[string]any{stmt(invoke, provisioned), stmt(get, s3arn("*")), stmt(put, s3arn("out/runs/*"))}},
		{"a guardrail by ID", func(awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) {
				p.Guardrail = tasks.Guardrail_Enable(jsii.String("abc123"), jsii.Number(2))
			})
		}, []map[string]any{stmt(invoke, provisioned), stmt(apply, arn("bedrock", "guardrail/abc123"))}},
		{"a guardrail by ARN", func(awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) {
				p.Guardrail = tasks.Guardrail_EnableDraft(jsii.String("arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123"))
			})
		}, []map[string]any{stmt(invoke, provisioned), stmt(apply, "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123")}},
		{"a dynamic guardrail", func(awscdk.Stack) *tasks.BedrockInvokeModelProps {
			return invokeProps(func(p *tasks.BedrockInvokeModelProps) {
				p.Guardrail = tasks.Guardrail_EnableDraft(tasks.StringAt("$.guardrail"))
			})
		}, []map[string]any{stmt(invoke, provisioned), stmt(apply, arn("bedrock", "guardrail/*"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewBedrockInvokeModel(stack, jsii.String("Invoke"), tt.props(stack))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(machineStatements(t, machines(t, stack, task), 0)))
		})
	}
}

// Raw ASL gets the same statements through CustomTask, model IDs included.
func TestBedrockInvokeModelCustomTaskIAM(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCustomTask(stack, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::bedrock:invokeModel",
		"Parameters": map[string]interface{}{"ModelId": "us.anthropic.claude-3-haiku-20240307-v1:0", "Body": map[string]interface{}{"x": 1},
			"Output": map[string]interface{}{"S3Uri": "s3://out/r.json"}}}})
	assert.Equal(t, cdktest.SortedStatements([]map[string]any{
		stmt([]string{"bedrock:InvokeModel"}, arn("bedrock", "inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0"),
			"arn:"+partition+":bedrock:*::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
		stmt([]string{"s3:PutObject"}, "arn:"+partition+":s3:::out/r.json"),
	}), cdktest.SortedStatements(machineStatements(t, machines(t, stack, task), 0)))
}

func TestBedrockInvokeModelErrors(t *testing.T) {
	loc := &awss3.Location{BucketName: jsii.String("in"), ObjectKey: jsii.String("p.json")}
	tests := []struct {
		name string
		mod  func(p *tasks.BedrockInvokeModelProps)
		want string
	}{
		{"no model", func(p *tasks.BedrockInvokeModelProps) { p.Model = nil }, "Model: required"},
		{"body and input", func(p *tasks.BedrockInvokeModelProps) {
			p.Input = &tasks.BedrockInvokeModelInputProps{S3Location: loc}
		}, "Body: give Body or Input, not both"},
		{"neither body nor input", func(p *tasks.BedrockInvokeModelProps) { p.Body = nil }, "Body: required"},
		{"an input path for an S3 URI, as the CDK without its flag", func(p *tasks.BedrockInvokeModelProps) {
			p.Body = nil
			p.InputPath = jsii.String("$.prompt")
		}, "InputPath filters the state's input here, it is not the S3 URI"},
		{"input URI and location", func(p *tasks.BedrockInvokeModelProps) {
			p.Body = nil
			p.Input = &tasks.BedrockInvokeModelInputProps{S3Location: loc, S3InputUri: jsii.String("s3://in/p.json")}
		}, "Input: give S3InputUri or S3Location, not both"},
		{"object version", func(p *tasks.BedrockInvokeModelProps) {
			p.Output = &tasks.BedrockInvokeModelOutputProps{S3Location: &awss3.Location{BucketName: jsii.String("o"), ObjectKey: jsii.String("k"), ObjectVersion: jsii.String("v1")}}
		}, "Output.S3Location.ObjectVersion: Bedrock reads and writes the latest version only"},
		{"not an S3 URI", func(p *tasks.BedrockInvokeModelProps) {
			p.Output = &tasks.BedrockInvokeModelOutputProps{S3OutputUri: jsii.String("https://out/r.json")}
		}, `Output.S3OutputUri: must be an S3 URI (s3://bucket/key), got "https://out/r.json"`},
		{"empty S3 URI", func(p *tasks.BedrockInvokeModelProps) {
			p.Body = nil
			p.Input = &tasks.BedrockInvokeModelInputProps{S3InputUri: jsii.String("")}
		}, `Input.S3InputUri: must be an S3 URI`},
		{"body too large", func(p *tasks.BedrockInvokeModelProps) {
			p.Body = tasks.TaskInput_FromObject(map[string]interface{}{"inputText": strings.Repeat("x", 256*1024)})
		}, "Body: at most 256 KiB"},
		{"guardrail version 0", func(p *tasks.BedrockInvokeModelProps) {
			p.Guardrail = tasks.Guardrail_Enable(jsii.String("abc"), jsii.Number(0))
		},
			"Guardrail: version: must be a whole number from 1 to 99999999, got 0"},
		{"guardrail ID in capitals", func(p *tasks.BedrockInvokeModelProps) { p.Guardrail = tasks.Guardrail_EnableDraft(jsii.String("ABC")) },
			`Guardrail: identifier: the guardrail ID must be lower-case letters and digits, got "ABC"`},
		{"guardrail ARN without ID", func(p *tasks.BedrockInvokeModelProps) {
			p.Guardrail = tasks.Guardrail_EnableDraft(jsii.String("arn:aws:bedrock:us-east-1:111122223333:guardrail/"))
		}, "Guardrail: identifier: \"arn:aws:bedrock:us-east-1:111122223333:guardrail/\" is not a guardrail ARN"},
		{"trace from a JSONPath", func(p *tasks.BedrockInvokeModelProps) { p.TraceEnabled = tasks.BoolAt("$.trace") },
			"TraceEnabled: a JSONPath value cannot become ENABLED or DISABLED at run time"},
		{"run job", func(p *tasks.BedrockInvokeModelProps) { p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB },
			"RUN_JOB is not supported by bedrock:invokeModel; supported: REQUEST_RESPONSE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewBedrockInvokeModel(stack, jsii.String("Invoke"), invokeProps(tt.mod)) })
			assert.Contains(t, msg, tt.want)
			assert.Contains(t, msg, "BedrockInvokeModel")
		})
	}
}

// Run locally: the prompt reaches Bedrock resolved; throttling is caught.
func TestBedrockInvokeModelRun(t *testing.T) {
	stack := cdktest.NewStack()
	invoke := tasks.NewBedrockInvokeModel(stack, jsii.String("Invoke"), invokeProps(func(p *tasks.BedrockInvokeModelProps) {
		p.Model = titanModel(stack)
		p.Body = tasks.TaskInput_FromObject(map[string]interface{}{"inputText": tasks.Path("$.prompt")})
		p.ResultSelector = &map[string]interface{}{"text.$": "$.Body.results[0].outputText"}
	}))
	busy := sfn.NewPass(stack, jsii.String("Busy"), nil)
	invoke.AddCatch(busy, &sfn.CatchProps{Errors: jsii.Strings("Bedrock.ThrottlingException")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(invoke)})

	var got any
	res := integ.Run(t, stack, sm, map[string]any{"prompt": "Say hi."}, integ.Mocks{
		"Invoke": integ.Func(func(in any) (any, error) {
			got = in
			return map[string]any{"Body": map[string]any{"results": []any{map[string]any{"outputText": "Hi!"}}}, "ContentType": "application/json"}, nil
		}),
	})
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"inputText": "Say hi."}, got.(map[string]any)["Body"])
	assert.Equal(t, map[string]any{"text": "Hi!"}, res.Output)

	res = integ.Run(t, stack, sm, map[string]any{"prompt": "Say hi."}, integ.Mocks{"Invoke": integ.Fail("Bedrock.ThrottlingException", "slow down")})
	assert.True(t, res.Succeeded(), res.History())
	assert.True(t, res.Caught("Invoke"))
	assert.True(t, res.Entered("Busy"))
}

func TestBedrockInvokeModelInWorkflow(t *testing.T) {
	sameInWorkflow(t, func(stack awscdk.Stack, scope constructs.Construct) sfn.IChainable {
		a := tasks.NewBedrockInvokeModel(scope, jsii.String("A"), invokeProps(func(p *tasks.BedrockInvokeModelProps) {
			p.Model = titanModel(stack)
			p.Guardrail = tasks.Guardrail_Enable(jsii.String("abc123"), jsii.Number(3))
		}))
		b := tasks.NewBedrockInvokeModel(scope, jsii.String("B"), invokeProps(func(p *tasks.BedrockInvokeModelProps) {
			p.Body = nil
			p.Input = &tasks.BedrockInvokeModelInputProps{S3InputUri: tasks.StringAt("$.uri")}
			p.StateName = jsii.String("Summarize")
		}))
		return a.Next(b)
	})
}
