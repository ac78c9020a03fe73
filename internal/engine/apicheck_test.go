package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Render checks the parameters against the API's model for an optimized
// integration and an aws-sdk call, in both query languages; problems join
// the others, each with its path.
func TestRenderChecksTheAPI(t *testing.T) {
	lit := value.Lit
	tests := []struct {
		name    string
		spec    *Spec
		jsonata bool
		want    []string
	}{
		{"optimized integration", lambdaSpec(lit("x")), false, nil},
		{"optimized integration, wrong enum", func() *Spec {
			s := lambdaSpec(lit("x"))
			s.Params = value.NewObject(map[string]*value.Value{"FunctionName": lit(fnARN), "InvocationType": lit("Later")})
			return s
		}(), false, []string{`Parameters.InvocationType: must be one of DryRun, Event, RequestResponse, got "Later"`}},
		{"aws-sdk, JSONata", &Spec{Construct: "CallAwsService", SDK: &SDKCall{Service: "s3", Action: "getObject"},
			Params: value.NewObject(map[string]*value.Value{"Buckett": lit("b"), "Key": value.Ata("$states.input.key")})}, true,
			[]string{"Arguments.Buckett: the s3 GetObject request has no member Buckett; did you mean Bucket?"}},
		{"aws-sdk, unknown action", &Spec{Construct: "CallAwsService", SDK: &SDKCall{Service: "s3", Action: "getObjekt"},
			Params: value.NewObject(map[string]*value.Value{"Bucket": lit("b")})}, false,
			[]string{"Action: s3 has no action getObjekt; did you mean getObject?"}},
		{"aws-sdk, no parameters: the input is the request", &Spec{Construct: "CallAwsService", SDK: &SDKCall{Service: "s3", Action: "getObject"}}, false, nil},
		{"a fixed Resource is not checked", &Spec{Construct: "StepFunctionsInvokeActivity", Resource: "arn:aws:states:eu-west-1:111122223333:activity:a",
			Params: value.NewObject(map[string]*value.Value{"anything": lit(1)})}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Render(tt.spec, &Common{JSONata: tt.jsonata}, env)
			if len(tt.want) == 0 {
				require.Empty(t, errs)
				return
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			for _, w := range tt.want {
				assert.Contains(t, strings.Join(msgs, "\n"), w)
			}
		})
	}
}

// A mistake the task's own checks reported is not reported again by the
// API check under its Parameters path; a different member still is.
func TestAPICheckDoesNotRepeatTheTasksOwnProblems(t *testing.T) {
	s := lambdaSpec(value.Lit("x"))
	s.Params = value.NewObject(map[string]*value.Value{"FunctionName": value.Lit(fnARN),
		"InvocationType": value.Lit("Later"), "LogType": value.Lit("Loud")})
	s.Problems = []error{fieldErr("InvocationType", `must be one of DryRun, Event, RequestResponse, got "Later"`)}
	_, errs := Render(s, &Common{}, env)
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	assert.Equal(t, []string{
		`InvocationType: must be one of DryRun, Event, RequestResponse, got "Later"`,
		`Parameters.LogType: must be one of None, Tail, got "Loud"`,
	}, msgs)
}
