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
		sageMakerResource("createModel", "model", "ModelName", []string{"ExecutionRoleArn"}),
		sageMakerResource("createEndpointConfig", "endpoint-config", "EndpointConfigName", nil),
		// CreateEndpoint and UpdateEndpoint are authorized on the endpoint
		// and on the endpoint configuration it is given.
		sageMakerResource("createEndpoint", "endpoint", "EndpointName", nil, "endpoint-config", "EndpointConfigName"),
		sageMakerResource("updateEndpoint", "endpoint", "EndpointName", nil, "endpoint-config", "EndpointConfigName"),
	)
}

// sageMakerJob is a SageMaker job API: RUN_JOB adds Describe/Stop, the
// EventBridge rule, and AddTags (Step Functions tags the jobs it starts).
func sageMakerJob(api, resourceType, nameField, rule string, rolePath []string) *Integration {
	noun := strings.TrimPrefix(api, "create") // "TrainingJob"
	return &Integration{
		Service:  "sagemaker",
		API:      api,
		Suffixes: []string{NoSuffix, Sync},
		Policy: func(r Request) []Statement {
			actions := []string{"sagemaker:Create" + noun}
			if r.Pattern == RunJob {
				actions = append(actions, "sagemaker:Describe"+noun, "sagemaker:Stop"+noun, "sagemaker:AddTags")
			} else if r.Param("Tags") != nil {
				actions = append(actions, "sagemaker:AddTags")
			}
			stmts := []Statement{{Actions: actions, Resources: []string{sageMakerARN(r, resourceType, nameField)}}}
			if r.Pattern == RunJob {
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
// authorized on.
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
			resources := []string{sageMakerARN(r, resourceType, nameField)}
			for i := 0; i+1 < len(also); i += 2 {
				resources = append(resources, sageMakerARN(r, also[i], also[i+1]))
			}
			stmts := []Statement{{Actions: actions, Resources: resources}}
			if rolePath != nil {
				stmts = append(stmts, PassRoleParam(r, "sagemaker.amazonaws.com", rolePath...)...)
			}
			return stmts
		},
	}
}

// sageMakerARN names the resource when its name is known. SageMaker
// lower-cases names in ARNs, so a literal name is lower-cased to match.
func sageMakerARN(r Request, resourceType, nameField string) string {
	name, ok := r.Known(nameField)
	switch {
	case !ok:
		prefix, _ := r.KnownPrefix(nameField) // "" when the name is wholly dynamic
		name = strings.ToLower(prefix) + "*"
	case !strings.Contains(name, "${Token["):
		name = strings.ToLower(name)
	}
	return r.Env.ARN("sagemaker", resourceType+"/"+name)
}
