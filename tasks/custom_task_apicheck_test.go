package tasks_test

import (
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// A CustomTask's raw ASL is checked against the API its Resource calls.
func TestCustomTaskCheckedAgainstTheAPI(t *testing.T) {
	msg := validationError(t, func() {
		tasks.NewCustomTask(cdktest.NewStack(), jsii.String("Job"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
			"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createProcessingJob.sync",
			"Parameters": map[string]interface{}{
				"ProcessingJobNmae.$": "States.Format('job-{}', States.UUID())",
				"RoleArn":             "arn:aws:iam::111122223333:role/sagemaker",
				"ProcessingResources": map[string]interface{}{"ClusterConfig": map[string]interface{}{
					"InstanceCount": 0, "InstanceType": "ml.t3.medium", "VolumeSizeInGB": 1}},
				"AppSpecification": map[string]interface{}{"ImageUri": "111122223333.dkr.ecr.us-east-1.amazonaws.com/hello:latest"},
			},
		}})
	})
	assert.Contains(t, msg, `sfnkit CustomTask "Test/Job" is invalid:`)
	assert.Contains(t, msg, "Parameters.ProcessingJobNmae: the sagemaker:createProcessingJob request has no member ProcessingJobNmae; did you mean ProcessingJobName?")
	assert.Contains(t, msg, "Parameters.ProcessingResources.ClusterConfig.InstanceCount: must be from 1 to 100, got 0")
}
