package engine

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

var env = iampolicy.Env{Partition: "aws", Region: "eu-west-1", Account: "111122223333"}

const fnARN = "arn:aws:lambda:eu-west-1:111122223333:function:f"

func lambdaSpec(payload *value.Value) *Spec {
	in, _ := iampolicy.Lookup("lambda", "invoke")
	return &Spec{Construct: "LambdaInvoke", Integration: in, ParamsField: "Parameters",
		Params: value.NewObject(map[string]*value.Value{"FunctionName": value.Lit(fnARN), "Payload": payload})}
}

func pattern(p string) *string { return &p }

func renderJSON(t *testing.T, s *Spec, c *Common) (string, []iampolicy.Statement) {
	t.Helper()
	r, errs := Render(s, c, env)
	require.Empty(t, errs)
	b, err := json.Marshal(r.JSON)
	require.NoError(t, err)
	return string(b), r.Statements
}

// Each pattern with a literal, a JSONPath and a JSONata payload.
func TestRenderPatterns(t *testing.T) {
	invoke := []iampolicy.Statement{{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{fnARN}}}
	tests := []struct {
		name    string
		pattern *string
		jsonata bool
		payload *value.Value
		want    string
	}{
		{"request/response, literal", nil, false, value.NewObject(map[string]*value.Value{"a": value.Lit("$5")}),
			`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"` + fnARN + `","Payload":{"a":"$5"}}}`},
		{"request/response, JSONPath", pattern("REQUEST_RESPONSE"), false, value.Dyn("$.input"),
			`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"` + fnARN + `","Payload.$":"$.input"}}`},
		{"request/response, JSONata", nil, true, value.Ata("$states.input"),
			`{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"` + fnARN + `","Payload":"{% $states.input %}"}}`},
		{"callback, literal object with a token path", pattern("WAIT_FOR_TASK_TOKEN"), false,
			value.NewObject(map[string]*value.Value{"token": value.Dyn("$$.Task.Token"), "kind": value.Lit("x")}),
			`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"` + fnARN + `","Payload":{"kind":"x","token.$":"$$.Task.Token"}}}`},
		{"callback, intrinsic", pattern("WAIT_FOR_TASK_TOKEN"), false, value.Dyn("States.Array($$.Task.Token)"),
			`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"` + fnARN + `","Payload.$":"States.Array($$.Task.Token)"}}`},
		{"callback, JSONata", pattern("WAIT_FOR_TASK_TOKEN"), true, value.Ata("{'token': $states.context.Task.Token}"),
			`{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Arguments":{"FunctionName":"` + fnARN + `","Payload":"{% {'token': $states.context.Task.Token} %}"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, stmts := renderJSON(t, lambdaSpec(tt.payload), &Common{Pattern: tt.pattern, JSONata: tt.jsonata})
			assert.JSONEq(t, tt.want, got)
			assert.Equal(t, invoke, stmts)
		})
	}
}

func TestRenderCommonFields(t *testing.T) {
	rs := value.NewObject(map[string]*value.Value{"body": value.Dyn("$.Payload.body")})
	got, _ := renderJSON(t, lambdaSpec(value.Dyn("$")), &Common{
		Comment: "c", InputPath: pattern("$.in"), OutputPath: pattern("$.out"), ResultPath: pattern(Discard),
		ResultSelector: rs, Assign: value.NewObject(map[string]*value.Value{"seen": value.Lit(true)}),
		Timeout: Seconds{Value: value.Lit(30.0)}, Heartbeat: Seconds{Value: value.Dyn("$.hb")},
		CredentialsRole: value.Lit("arn:aws:iam::444455556666:role/cross"),
	})
	assert.JSONEq(t, `{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Comment":"c",
		"Parameters":{"FunctionName":"`+fnARN+`","Payload.$":"$"},
		"InputPath":"$.in","OutputPath":"$.out","ResultPath":null,"ResultSelector":{"body.$":"$.Payload.body"},
		"Assign":{"seen":true},"TimeoutSeconds":30,"HeartbeatSecondsPath":"$.hb",
		"Credentials":{"RoleArn":"arn:aws:iam::444455556666:role/cross"}}`, got)
}

func TestCredentialsAddAssumeRole(t *testing.T) {
	_, stmts := renderJSON(t, lambdaSpec(value.Dyn("$")), &Common{CredentialsRole: value.Dyn("$.role")})
	assert.Contains(t, stmts, iampolicy.Statement{Actions: []string{"sts:AssumeRole"}, Resources: []string{"arn:aws:iam::*:role/*"}})
}

func TestRenderErrors(t *testing.T) {
	sdk := &Spec{Construct: "CallAwsService", SDK: &SDKCall{Service: "s3", Action: "getObject"}}
	tests := []struct {
		name   string
		spec   *Spec
		common *Common
		want   string
	}{
		{"callback without the token", lambdaSpec(value.Dyn("$")), &Common{Pattern: pattern("WAIT_FOR_TASK_TOKEN")},
			"Parameters: integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token in the payload"},
		{"JSONata callback without the token", lambdaSpec(value.Ata("$states.input")), &Common{Pattern: pattern("WAIT_FOR_TASK_TOKEN"), JSONata: true},
			"needs $states.context.Task.Token in the payload"},
		{"unsupported pattern", lambdaSpec(value.Dyn("$")), &Common{Pattern: pattern("RUN_JOB")},
			"IntegrationPattern: RUN_JOB is not supported by lambda:invoke; supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN"},
		{"SDK has no .sync", sdk, &Common{Pattern: pattern("RUN_JOB")}, "RUN_JOB is not supported by AWS SDK integrations"},
		{"malformed payload path", lambdaSpec(value.Dyn("$..")), &Common{}, `Parameters.Payload: invalid JSONPath "$.."`},
		{"JSONata value in a JSONPath state", lambdaSpec(value.Ata("$states.input")), &Common{}, "Parameters.Payload: JSONata"},
		{"JSONPath value in a JSONata state", lambdaSpec(value.Dyn("$.x")), &Common{JSONata: true}, `Parameters.Payload: JSONPath "$.x" in a JSONata state`},
		{"ResultPath typo", lambdaSpec(value.Dyn("$")), &Common{ResultPath: pattern("$.a..b")}, `ResultPath: invalid JSONPath "$.a..b"`},
		{"ResultPath in a JSONata state", lambdaSpec(value.Ata("$states.input")), &Common{JSONata: true, ResultPath: pattern("$.a")}, "ResultPath: only JSONPath states"},
		{"Outputs in a JSONPath state", lambdaSpec(value.Dyn("$")), &Common{Outputs: value.Lit("x")}, "Outputs: only JSONata states"},
		{"timeout out of range", lambdaSpec(value.Dyn("$")), &Common{Timeout: Seconds{Value: value.Lit(0.0)}}, "TaskTimeout: must be a whole number of seconds from 1"},
		{"unknown pattern", lambdaSpec(value.Dyn("$")), &Common{Pattern: pattern("FIRE")}, `IntegrationPattern: unknown pattern "FIRE"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Render(tt.spec, tt.common, env)
			require.NotEmpty(t, errs)
			var all []string
			for _, e := range errs {
				all = append(all, e.Error())
			}
			assert.Contains(t, strings.Join(all, "\n"), tt.want)
		})
	}
}

// A dynamic timeout is not range-checked: the CDK's checks reject its own
// tokens (aws/aws-cdk#11597).
func TestDynamicTimeoutNotRangeChecked(t *testing.T) {
	got, _ := renderJSON(t, lambdaSpec(value.Dyn("$")), &Common{Timeout: Seconds{Value: value.Dyn("$.timeout")}})
	assert.Contains(t, got, `"TimeoutSecondsPath":"$.timeout"`)
}

func TestValidationErrorMessage(t *testing.T) {
	err := &ValidationError{Construct: "LambdaInvoke", Path: "Stack/Invoke", Problems: []error{fieldErr("Payload", "bad")}}
	assert.Equal(t, "sfnkit LambdaInvoke \"Stack/Invoke\" is invalid:\n  - Payload: bad", err.Error())
}
