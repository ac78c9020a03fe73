package tasks_test

import (
	"strings"
	"testing"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// Parameters are checked against the model of the API the task calls
// (internal/apimodel) when the task renders: the construct fails at synth
// with every wrong member, its path and what the API allows.
func TestParametersCheckedAgainstTheAPI(t *testing.T) {
	call := func(action string, params map[string]interface{}) func() {
		return func() {
			tasks.NewCallAwsService(cdktest.NewStack(), jsii.String("Call"), &tasks.CallAwsServiceProps{
				Service: jsii.String("s3"), Action: jsii.String(action), Parameters: &params,
				IamResources: jsii.Strings("arn:aws:s3:::b/*"),
			})
		}
	}
	tests := []struct {
		name  string
		build func()
		want  []string
	}{
		{"misspelled member", call("getObject", map[string]interface{}{"Buckett": "b", "Key": "k"}),
			[]string{`sfnkit CallAwsService "Test/Call" is invalid:`,
				"Parameters.Buckett: the s3 GetObject request has no member Buckett; did you mean Bucket?"}},
		{"missing required member", call("getObject", map[string]interface{}{"Bucket": "b"}),
			[]string{"Parameters.Key: required by the s3 GetObject request"}},
		{"enum", call("getObject", map[string]interface{}{"Bucket": "b", "Key": "k", "ChecksumMode": "DISABLED"}),
			[]string{`Parameters.ChecksumMode: must be one of ENABLED, got "DISABLED"`}},
		{"unknown action", call("getObjekt", map[string]interface{}{"Bucket": "b", "Key": "k"}),
			[]string{"Action: s3 has no action getObjekt; did you mean getObject?"}},
		{"a typed task: a pattern its own checks leave to the API", func() {
			tasks.NewLambdaInvoke(cdktest.NewStack(), jsii.String("Invoke"), &tasks.LambdaInvokeProps{
				LambdaFunction: function(cdktest.NewStack(), "fn"), Qualifier: jsii.String("my alias!"),
			})
		}, []string{`Parameters.Qualifier: must match ^(|[a-zA-Z0-9$_-]+)$, got "my alias!"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := validationError(t, tc.build)
			for _, w := range tc.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}

// Values decided at run time are never judged, in either query language.
func TestDynamicParametersPassTheAPICheck(t *testing.T) {
	stack := cdktest.NewStack()
	path := tasks.NewCallAwsService(stack, jsii.String("Path"), &tasks.CallAwsServiceProps{
		Service: jsii.String("sagemaker"), Action: jsii.String("createProcessingJob"), IamResources: jsii.Strings("*"),
		Parameters: &map[string]interface{}{
			"ProcessingJobName.$": "States.Format('job-{}', States.UUID())",
			"RoleArn":             tasks.StringAt("$.role"),
			"AppSpecification.$":  "$.app",
			"ProcessingResources": map[string]interface{}{"ClusterConfig": map[string]interface{}{
				"InstanceCount": tasks.NumberAt("$.count"), "InstanceType.$": "$.type", "VolumeSizeInGB": sfn.JsonPath_NumberAt(jsii.String("$.gb")),
			}},
		},
	})
	ata := tasks.NewCallAwsService(stack, jsii.String("JSONata"), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("getObject"), IamResources: jsii.Strings("*"),
		QueryLanguage: sfn.QueryLanguage_JSONATA,
		Parameters:    &map[string]interface{}{"Bucket": "{% $states.input.bucket %}", "Key": "{% $states.input.key %}", "PartNumber": "{% 1 + 1 %}"},
	})
	def := machine(t, stack, path.Next(ata))
	assert.Equal(t, "$.app", state(t, def, "Path")["Parameters"].(map[string]any)["AppSpecification.$"])
	assert.True(t, strings.HasPrefix(state(t, def, "JSONata")["Arguments"].(map[string]any)["PartNumber"].(string), "{%"))
}
