package tasks_test

import (
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// jsii turns a Go nil into JavaScript undefined, which JSON drops: without
// care, ResultPath DISCARD vanished from the definition (so the result
// replaced the state input) and so did literal nulls in parameters.
func TestDiscardAndNullsReachTheDefinition(t *testing.T) {
	stack := cdktest.NewStack()
	// Body is free-form JSON (a blob), so that the nulls can nest.
	params := map[string]interface{}{"Bucket": "b", "Key": "k", "ContentType": nil, "Body": []any{nil, map[string]any{"x": nil}}}
	task := tasks.NewCallAwsService(stack, jsii.String("Get"), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("putObject"), Parameters: &params,
		IamResources: jsii.Strings("arn:aws:s3:::b/k"), ResultPath: jsii.String(tasks.Discard),
	})
	got := state(t, machine(t, stack, task), "Get")
	require.Contains(t, got, "ResultPath")
	assert.Nil(t, got["ResultPath"])
	assert.Equal(t, map[string]any{"Bucket": "b", "Key": "k", "ContentType": nil, "Body": []any{nil, map[string]any{"x": nil}}}, got["Parameters"])
	assert.Nil(t, params["ContentType"], "the caller's map is left alone")
}
