package tasks

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// CustomTaskProps is raw ASL for any integration, like sfn.CustomStateProps,
// plus the IAM that sfnkit cannot derive.
type CustomTaskProps struct {
	// StateJson is the state as Amazon States Language, without Next/End
	// (chain it as usual). Its Resource decides the derived IAM.
	StateJson *map[string]interface{}
	// AdditionalIamStatements are added to the derived ones; required when
	// the Resource is one sfnkit does not know.
	AdditionalIamStatements *[]awsiam.PolicyStatement
}

// CustomTask is the task NewCustomTask returns: a Task, typed as the CDK types it.
type CustomTask interface{ Task }

// NewCustomTask is a state written in raw ASL whose least-privilege IAM is
// derived from its Resource: for a known optimized integration, exactly the
// statements the typed task would get (for example createProcessingJob.sync:
// Create/Describe/Stop/AddTags on the job, the EventBridge rule, and
// iam:PassRole on its RoleArn); for a Lambda function ARN,
// lambda:InvokeFunction on it; for an activity, none. Any other Resource
// needs AdditionalIamStatements, or synth fails saying so.
//
// An ecs:runTask state is the one known integration whose IAM cannot be
// derived whole: ECS passes the task definition's task and execution roles,
// which the request does not name (unless Overrides names both). Such a
// CustomTask needs an iam:PassRole statement in AdditionalIamStatements, or
// it fails at construction saying so; tasks.NewEcsRunTask reads the roles
// from the task definition instead.
func NewCustomTask(scope constructs.Construct, id *string, props *CustomTaskProps) CustomTask {
	checkProps(scope, id, "CustomTask", props == nil)
	spec := &engine.Spec{Construct: "CustomTask"}
	if props.StateJson == nil {
		spec.Problems = append(spec.Problems, fieldProblem("StateJson", "required: the state in Amazon States Language"))
		panic(&ValidationError{Construct: "CustomTask", Path: *scope.Node().Path() + "/" + *id, Problems: spec.Problems})
	}
	state := *props.StateJson
	extra := readStatements(spec, "AdditionalIamStatements", props.AdditionalIamStatements)
	env := engine.EnvOf(scope)
	derived, unknown, unnamedRoles := deriveStatements(spec, state, env)
	if unnamedRoles && !passesRoles(extra) {
		spec.Problems = append(spec.Problems, fieldProblem("AdditionalIamStatements",
			"ecs:runTask passes the task definition's task and execution roles to ECS, and raw ASL does not name them, so sfnkit cannot grant iam:PassRole on them: "+
				"add an iam:PassRole statement on those role ARNs (condition StringEquals iam:PassedToService: ecs-tasks.amazonaws.com), "+
				"name both roles in Parameters.Overrides (TaskRoleArn, ExecutionRoleArn), or use tasks.NewEcsRunTask, which reads them from the task definition"))
	}
	if unknown != "" && len(extra) == 0 {
		spec.Deferred = append(spec.Deferred, fmt.Sprintf(
			"CustomTask %s: sfnkit cannot derive IAM for Resource %s; pass AdditionalIamStatements with the actions and resources it needs", *id, unknown))
	}
	if len(spec.Problems) > 0 {
		panic(&ValidationError{Construct: "CustomTask", Path: *scope.Node().Path() + "/" + *id, Problems: spec.Problems})
	}
	return engine.NewState(scope, id, &engine.Rendered{
		JSON: state, Statements: iampolicy.Merge(append(derived, extra...)...), Deferred: spec.Deferred,
	})
}

// deriveStatements reads the Resource and returns the statements it needs,
// or the Resource text when it is not one sfnkit knows. unnamedRoles is
// true for an ECS task that runs with roles the request does not name.
func deriveStatements(spec *engine.Spec, state map[string]interface{}, env iampolicy.Env) (stmts []Statement, unknown string, unnamedRoles bool) {
	lang := value.JSONPathLang
	if q, _ := state["QueryLanguage"].(string); q == "JSONata" {
		lang = value.JSONataLang
	}
	var params *Value
	for _, key := range []string{"Parameters", "Arguments"} {
		if raw, ok := state[key]; ok {
			params = field(spec, key, raw)
			spec.Problems = append(spec.Problems, value.Check(key, params, lang)...)
		}
	}
	if creds, ok := state["Credentials"].(map[string]interface{}); ok {
		if arn, ok := creds["RoleArn"].(string); ok {
			stmts = append(stmts, iampolicy.AssumeRole(arn))
		} else {
			stmts = append(stmts, iampolicy.AssumeRole("arn:"+env.Partition+":iam::*:role/*"))
		}
	}
	resource, _ := state["Resource"].(string)
	if p, ok := state["Resource"].(*string); ok && p != nil {
		resource = *p
	}
	if state["Type"] != "Task" {
		return stmts, "", false
	}
	service, api, suffix, isIntegration := iampolicy.ParseIntegrationARN(resource)
	switch {
	case isIntegration:
		pattern, ok := iampolicy.PatternOf(suffix)
		if !ok {
			spec.Problems = append(spec.Problems, fieldProblem("StateJson.Resource", "unknown suffix %q; use none, .sync, .sync:2 or .waitForTaskToken", suffix))
			return stmts, "", false
		}
		if pattern == iampolicy.WaitForTaskToken && (params == nil || !params.UsesTaskToken()) {
			spec.Problems = append(spec.Problems, fieldProblem("StateJson.Parameters", "integration pattern WAIT_FOR_TASK_TOKEN needs $$.Task.Token in the payload"))
		}
		if strings.HasPrefix(service, "aws-sdk:") {
			return stmts, resource, false
		}
		in, known := iampolicy.Lookup(service, api)
		if !known {
			return stmts, resource, false
		}
		if !in.Supports(pattern) {
			spec.Problems = append(spec.Problems, fieldProblem("StateJson.Resource", "%s is not supported by %s:%s; supported: %s", pattern, service, api, in.SupportedPatterns()))
			return stmts, "", false
		}
		req := iampolicy.Request{Env: env, Pattern: pattern, Suffix: suffix, Params: params}
		return append(stmts, in.Policy(req)...), "", service == "ecs" && api == "runTask" && !iampolicy.EcsRolesNamed(req)
	case strings.Contains(resource, ":lambda:") && strings.Contains(resource, ":function:"):
		fn := value.NewObject(map[string]*Value{"FunctionName": value.Lit(resource)})
		return append(stmts, iampolicy.LambdaInvoke(iampolicy.Request{Env: env, Params: fn})), "", false
	case strings.Contains(resource, ":states:") && strings.Contains(resource, ":activity:"):
		return stmts, "", false
	}
	if resource == "" {
		resource = "(none)"
	}
	return stmts, resource, false
}

// passesRoles reports whether the statements allow iam:PassRole.
func passesRoles(stmts []Statement) bool {
	for _, s := range stmts {
		for _, a := range s.Actions {
			if strings.EqualFold(a, "iam:PassRole") {
				return true
			}
		}
	}
	return false
}
