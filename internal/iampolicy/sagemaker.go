package iampolicy

import "strings"

func init() {
	register(
		sageMakerJob("createTrainingJob", "training-job", "TrainingJobName", "SageMakerTrainingJobsRule", []string{"RoleArn"}),
		// CreateTransformJob takes no role: the job runs as its model's role.
		sageMakerJob("createTransformJob", "transform-job", "TransformJobName", "SageMakerTransformJobsRule", nil),
		sageMakerJob("createProcessingJob", "processing-job", "ProcessingJobName", "SageMakerProcessingJobsRule", []string{"RoleArn"}),
		sageMakerJob("createHyperParameterTuningJob", "hyper-parameter-tuning-job", "HyperParameterTuningJobName", "SageMakerTuningJobsRule",
			[]string{"TrainingJobDefinition", "RoleArn"}),
		// SageMaker sends EventBridge no labeling job state change (the
		// EventBridge reference lists task-level Ground Truth events only)
		// and AWS documents no rule for it: .sync polls DescribeLabelingJob.
		sageMakerJob("createLabelingJob", "labeling-job", "LabelingJobName", "", []string{"RoleArn"}),
		sageMakerResource("createModel", "model", "ModelName", []string{"ExecutionRoleArn"}),
		sageMakerResource("createEndpointConfig", "endpoint-config", "EndpointConfigName", nil),
		// CreateEndpoint and UpdateEndpoint are authorized on the endpoint
		// and on the endpoint configuration it is given.
		sageMakerResource("createEndpoint", "endpoint", "EndpointName", nil, "endpoint-config", "EndpointConfigName"),
		sageMakerResource("updateEndpoint", "endpoint", "EndpointName", nil, "endpoint-config", "EndpointConfigName"),
	)
}

// sageMakerJob is a SageMaker job API. AWS's Step Functions templates for
// the job integrations grant sagemaker:ListTags and sagemaker:AddTags in
// every pattern (on "*"; both take the job as a resource type, so they are
// granted on the job here); RUN_JOB adds Describe/Stop (Step Functions
// polls the job and stops it when the state is stopped) and the EventBridge
// rule when the job type has one (rule "" has none).
func sageMakerJob(api, resourceType, nameField, rule string, rolePath []string) *Integration {
	noun := strings.TrimPrefix(api, "create") // "TrainingJob"
	return &Integration{
		Service:  "sagemaker",
		API:      api,
		Suffixes: []string{NoSuffix, Sync},
		Policy: func(r Request) []Statement {
			actions := []string{"sagemaker:Create" + noun}
			if r.Pattern == RunJob {
				actions = append(actions, "sagemaker:Describe"+noun, "sagemaker:Stop"+noun)
			}
			actions = append(actions, "sagemaker:AddTags", "sagemaker:ListTags")
			stmts := []Statement{{Actions: actions, Resources: sageMakerARNs(r, resourceType, nameField)}}
			if r.Pattern == RunJob && rule != "" {
				stmts = append(stmts, EventsRule(r.Env, "StepFunctionsGetEventsFor"+rule))
			}
			if rolePath != nil {
				stmts = append(stmts, PassRoleParam(r, "sagemaker.amazonaws.com", rolePath...)...)
			}
			return stmts
		},
	}
}

// sageMakerResource is a request/response SageMaker API on a named resource.
// also lists further (resource type, name field) pairs the action is
// authorized on. AWS publishes no Step Functions template for these APIs
// (only for the training and transform jobs), and Step Functions calls only
// the API itself: AddTags is granted for the tags the request sets, and no
// ListTags.
func sageMakerResource(api, resourceType, nameField string, rolePath []string, also ...string) *Integration {
	return &Integration{
		Service:  "sagemaker",
		API:      api,
		Suffixes: []string{NoSuffix},
		Policy: func(r Request) []Statement {
			actions := []string{"sagemaker:" + strings.ToUpper(api[:1]) + api[1:]}
			if r.Param("Tags") != nil {
				actions = append(actions, "sagemaker:AddTags")
			}
			resources := sageMakerARNs(r, resourceType, nameField)
			for i := 0; i+1 < len(also); i += 2 {
				resources = append(resources, sageMakerARNs(r, also[i], also[i+1])...)
			}
			stmts := []Statement{{Actions: actions, Resources: resources}}
			if rolePath != nil {
				stmts = append(stmts, PassRoleParam(r, "sagemaker.amazonaws.com", rolePath...)...)
			}
			return stmts
		},
	}
}

// sageMakerARNs names the resource: by its name, by the literal prefix of
// a States.Format name followed by "*", or "*" when the name is decided at
// run time. SageMaker authorizes a request on the name as it is given (AWS's
// Step Functions templates write training-job/<Name>; an AccessDenied on a
// Create names the resource with its capitals), while the ARNs it returns,
// and the resource's own ARN, are lower-cased: a name with capitals is
// granted under both spellings, which name the one resource (SageMaker
// names are unique whatever their case).
func sageMakerARNs(r Request, resourceType, nameField string) []string {
	name, ok := r.Known(nameField)
	switch {
	case !ok:
		prefix, _ := r.KnownPrefix(nameField) // "" when the name is wholly dynamic
		name = prefix + "*"
	case strings.Contains(name, "${Token["):
		return []string{r.Env.ARN("sagemaker", resourceType+"/"+name)}
	}
	arns := []string{r.Env.ARN("sagemaker", resourceType+"/"+name)}
	if lower := strings.ToLower(name); lower != name {
		arns = append(arns, r.Env.ARN("sagemaker", resourceType+"/"+lower))
	}
	return arns
}
