package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

func smARN(resource string) string { return "arn:aws:sagemaker:eu-west-1:111122223333:" + resource }

var smPassRole = Statement{Actions: []string{"iam:PassRole"}, Resources: []string{"arn:aws:iam::111122223333:role/sm"},
	Conditions: map[string]map[string]any{"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}

func TestSageMakerJobs(t *testing.T) {
	role := "arn:aws:iam::111122223333:role/sm"
	tests := []struct {
		name    string
		api     string
		pattern Pattern
		params  map[string]any
		want    []Statement
	}{
		// A name with capitals: SageMaker authorizes the request on the name
		// as given (AWS's templates write training-job/<Name>) and writes the
		// job's own ARN lower-cased: both spellings of the one job.
		{"training RR literal with capitals: both spellings", "createTrainingJob", RequestResponse,
			map[string]any{"TrainingJobName": "Nightly", "RoleArn": role},
			[]Statement{{Actions: []string{"sagemaker:CreateTrainingJob", "sagemaker:AddTags", "sagemaker:ListTags"},
				Resources: []string{smARN("training-job/Nightly"), smARN("training-job/nightly")}}, smPassRole}},
		{"training RR lower-case name: one ARN; AddTags and ListTags as AWS's template", "createTrainingJob", RequestResponse,
			map[string]any{"TrainingJobName": "n", "RoleArn": role, "Tags": []any{map[string]any{"Key": "a", "Value": "b"}}},
			[]Statement{{Actions: []string{"sagemaker:CreateTrainingJob", "sagemaker:AddTags", "sagemaker:ListTags"}, Resources: []string{smARN("training-job/n")}}, smPassRole}},
		{"training States.Format prefix with capitals: both spellings", "createTrainingJob", RequestResponse,
			map[string]any{"TrainingJobName": value.Dyn("States.Format('Nightly-{}', $$.Execution.Name)"), "RoleArn": role},
			[]Statement{{Actions: []string{"sagemaker:CreateTrainingJob", "sagemaker:AddTags", "sagemaker:ListTags"},
				Resources: []string{smARN("training-job/Nightly-*"), smARN("training-job/nightly-*")}}, smPassRole}},
		{"training RUN_JOB JSONata name is never written into an ARN", "createTrainingJob", RunJob,
			map[string]any{"TrainingJobName": value.Ata("{% 'job-' & $uuid() %}"), "RoleArn": role},
			[]Statement{
				{Actions: []string{"sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob", "sagemaker:AddTags", "sagemaker:ListTags"}, Resources: []string{smARN("training-job/*")}},
				{Actions: []string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, Resources: []string{"arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule"}},
				smPassRole}},
		{"transform RR uses the job name and passes no role", "createTransformJob", RequestResponse,
			map[string]any{"TransformJobName": "T1", "ModelName": "m"},
			[]Statement{{Actions: []string{"sagemaker:CreateTransformJob", "sagemaker:AddTags", "sagemaker:ListTags"}, Resources: []string{smARN("transform-job/T1"), smARN("transform-job/t1")}}}},
		{"transform RUN_JOB", "createTransformJob", RunJob,
			map[string]any{"TransformJobName": value.Dyn("$.name")},
			[]Statement{
				{Actions: []string{"sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob", "sagemaker:AddTags", "sagemaker:ListTags"}, Resources: []string{smARN("transform-job/*")}},
				{Actions: []string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, Resources: []string{"arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule"}}}},
		{"tuning RUN_JOB passes the training definition's role", "createHyperParameterTuningJob", RunJob,
			map[string]any{"HyperParameterTuningJobName": "Tune", "TrainingJobDefinition": map[string]any{"RoleArn": role}},
			[]Statement{
				{Actions: []string{"sagemaker:CreateHyperParameterTuningJob", "sagemaker:DescribeHyperParameterTuningJob", "sagemaker:StopHyperParameterTuningJob", "sagemaker:AddTags", "sagemaker:ListTags"},
					Resources: []string{smARN("hyper-parameter-tuning-job/Tune"), smARN("hyper-parameter-tuning-job/tune")}},
				{Actions: []string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, Resources: []string{"arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule"}},
				smPassRole}},
		{"model RR", "createModel", RequestResponse,
			map[string]any{"ModelName": "M", "ExecutionRoleArn": role},
			[]Statement{{Actions: []string{"sagemaker:CreateModel"}, Resources: []string{smARN("model/M"), smARN("model/m")}}, smPassRole}},
		{"endpoint config RR with tags", "createEndpointConfig", RequestResponse,
			map[string]any{"EndpointConfigName": value.Dyn("$.c"), "Tags": []any{}},
			[]Statement{{Actions: []string{"sagemaker:CreateEndpointConfig", "sagemaker:AddTags"}, Resources: []string{smARN("endpoint-config/*")}}}},
		{"endpoint RR on endpoint and config", "createEndpoint", RequestResponse,
			map[string]any{"EndpointName": "E", "EndpointConfigName": value.Dyn("$.c")},
			[]Statement{{Actions: []string{"sagemaker:CreateEndpoint"}, Resources: []string{smARN("endpoint/E"), smARN("endpoint/e"), smARN("endpoint-config/*")}}}},
		{"update endpoint RR", "updateEndpoint", RequestResponse,
			map[string]any{"EndpointName": "E", "EndpointConfigName": "C2"},
			[]Statement{{Actions: []string{"sagemaker:UpdateEndpoint"}, Resources: []string{smARN("endpoint/E"), smARN("endpoint/e"), smARN("endpoint-config/C2"), smARN("endpoint-config/c2")}}}},
		{"labeling RR", "createLabelingJob", RequestResponse,
			map[string]any{"LabelingJobName": "Label-1", "RoleArn": role},
			[]Statement{{Actions: []string{"sagemaker:CreateLabelingJob", "sagemaker:AddTags", "sagemaker:ListTags"},
				Resources: []string{smARN("labeling-job/Label-1"), smARN("labeling-job/label-1")}}, smPassRole}},
		{"labeling RUN_JOB polls: Describe and Stop, no EventBridge rule", "createLabelingJob", RunJob,
			map[string]any{"LabelingJobName": value.Dyn("$.name"), "RoleArn": role},
			[]Statement{{Actions: []string{"sagemaker:CreateLabelingJob", "sagemaker:DescribeLabelingJob", "sagemaker:StopLabelingJob", "sagemaker:AddTags", "sagemaker:ListTags"},
				Resources: []string{smARN("labeling-job/*")}}, smPassRole}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, policy(t, "sagemaker", tt.api, tt.pattern, tt.params))
		})
	}
}

func TestSageMakerPatterns(t *testing.T) {
	for _, api := range []string{"createTrainingJob", "createTransformJob", "createProcessingJob", "createHyperParameterTuningJob", "createLabelingJob"} {
		in, _ := Lookup("sagemaker", api)
		assert.Equal(t, "REQUEST_RESPONSE, RUN_JOB", in.SupportedPatterns(), api)
		assert.Equal(t, Sync, in.DefaultSuffix(RunJob), api)
	}
	for _, api := range []string{"createModel", "createEndpointConfig", "createEndpoint", "updateEndpoint"} {
		in, _ := Lookup("sagemaker", api)
		assert.False(t, in.Supports(RunJob), api)
		assert.EqualError(t, Unsupported(in, RunJob), "integration pattern RUN_JOB is not supported by sagemaker:"+api+"; supported: REQUEST_RESPONSE")
	}
}
