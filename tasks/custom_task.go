package tasks

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/apimodel"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// CustomTaskProps is raw ASL for any integration, like sfn.CustomStateProps,
// plus the IAM that sfnkit cannot derive.
type CustomTaskProps struct {
	// StateJson is the state as Amazon States Language, without Next/End
	// (chain it as usual). Its Resource decides the derived IAM: a string
	// (literal or a CDK token), or a Lambda function or activity object.
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
// The Resource may be a CDK token, read through what it resolves to:
// fn.FunctionArn(), alias.FunctionArn(), activity.ActivityArn(), or an ARN
// built with awscdk.Fn_Join / Fn_Sub and awscdk.Aws_PARTITION(). It may
// also be the function, alias, version or activity itself, which the state
// JSON then names by its ARN. A state machine's ARN is an error: a Task
// starts one through arn:…:states:::states:startExecution.
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
	if bad := value.NonFinite("StateJson", state); len(bad) > 0 {
		panic(&ValidationError{Construct: "CustomTask", Path: *scope.Node().Path() + "/" + *id, Problems: bad})
	}
	if arn, ok := resourceObjectARN(state["Resource"]); ok {
		// A function, alias, version or activity given as the object: the
		// state JSON takes its ARN (the user's map is left as it is).
		state = maps.Clone(state)
		state["Resource"] = arn
	}
	extra := readStatements(spec, "AdditionalIamStatements", props.AdditionalIamStatements)
	env := engine.EnvOf(scope)
	derived, unknown, unnamedRoles := deriveStatements(spec, scope, state, env)
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
func deriveStatements(spec *engine.Spec, scope constructs.Construct, state map[string]interface{}, env iampolicy.Env) (stmts []Statement, unknown string, unnamedRoles bool) {
	lang := value.JSONPathLang
	if q, _ := state["QueryLanguage"].(string); q == "JSONata" {
		lang = value.JSONataLang
	}
	var params *Value
	paramsKey := ""
	for _, key := range []string{"Parameters", "Arguments"} {
		if raw, ok := state[key]; ok {
			params, paramsKey = field(spec, key, raw), key
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
	resource := resourceString(state["Resource"])
	if state["Type"] != "Task" {
		return stmts, "", false
	}
	if paramsKey != "" {
		spec.Problems = append(spec.Problems, apimodel.CheckResource(resource, paramsKey, params)...)
	}
	// A CDK token (fn.FunctionArn(), activity.ActivityArn(), an ARN built
	// with Fn_Join) is read through what it resolves to: text, with
	// whatever is only known at deploy time blanked, and the CloudFormation
	// type of the resource it refers to. The statements keep the token.
	text, target, resolved := resource, "", ""
	if value.IsTokenString(resource) && !recognisedResource(resource) {
		text, target, resolved = resolveResource(scope, resource)
	}
	switch target {
	case "AWS::Lambda::Function", "AWS::Lambda::Alias", "AWS::Lambda::Version":
		fn := value.NewObject(map[string]*Value{"FunctionName": value.Lit(resource)})
		return append(stmts, iampolicy.LambdaInvoke(iampolicy.Request{Env: env, Params: fn})), "", false
	case "AWS::StepFunctions::Activity":
		return stmts, "", false
	case "AWS::StepFunctions::StateMachine":
		spec.Problems = append(spec.Problems, fieldProblem("StateJson.Resource", "is a state machine's ARN, which a Task state cannot call: "+
			"use the Resource arn:<partition>:states:::states:startExecution (.sync:2 to wait) with the machine as Parameters.StateMachineArn, or tasks.NewStepFunctionsStartExecution"))
		return stmts, "", false
	}
	service, api, suffix, isIntegration := iampolicy.ParseIntegrationARN(text)
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
		if service == "states" && api == "startExecution" && pattern == iampolicy.RunJob {
			// A machine ARN that is a token (machine.StateMachineArn()): its
			// executions' ARNs name it through CloudFormation, as
			// tasks.NewStepFunctionsStartExecution does.
			if arn, ok := req.Known("StateMachineArn"); ok && value.IsTokenString(arn) {
				return append(stmts, iampolicy.StatesStartExecution(req, executionsOf(arn))...), "", false
			}
		}
		return append(stmts, in.Policy(req)...), "", service == "ecs" && api == "runTask" && !iampolicy.EcsRolesNamed(req)
	case strings.Contains(text, ":lambda:") && strings.Contains(text, ":function:"):
		fn := value.NewObject(map[string]*Value{"FunctionName": value.Lit(resource)})
		return append(stmts, iampolicy.LambdaInvoke(iampolicy.Request{Env: env, Params: fn})), "", false
	case strings.Contains(text, ":states:") && strings.Contains(text, ":activity:"):
		return stmts, "", false
	}
	switch {
	case resource == "":
		resource = "(none)"
	case resolved != "":
		resource += " (" + resolved + ")"
	}
	return stmts, resource, false
}

// resourceString reads a Resource given as a string, a *string or a CDK
// token object (awscdk.Fn_GetAtt(...)), as text.
func resourceString(x any) string {
	switch r := x.(type) {
	case string:
		return r
	case *string:
		if r != nil {
			return *r
		}
	case awscdk.IResolvable:
		return *awscdk.Token_AsString(r, nil)
	}
	return ""
}

// resourceObjectARN is the ARN of a Resource given as the CDK object that
// a Task can call: a Lambda function (or alias, or version) or an activity.
func resourceObjectARN(x any) (string, bool) {
	switch r := x.(type) {
	case interface{ FunctionArn() *string }:
		return *r.FunctionArn(), true
	case interface{ ActivityArn() *string }:
		return *r.ActivityArn(), true
	}
	return "", false
}

// recognisedResource reports whether a Resource's text alone says what it
// is (a literal ARN, or one with only tokens for partition, region or
// account, as "arn:"+*awscdk.Aws_PARTITION()+":states:::…" makes).
func recognisedResource(resource string) bool {
	if _, _, _, ok := iampolicy.ParseIntegrationARN(resource); ok {
		return true
	}
	return strings.Contains(resource, ":lambda:") && strings.Contains(resource, ":function:") ||
		strings.Contains(resource, ":states:") && strings.Contains(resource, ":activity:")
}

// unknownPart stands, in a resolved Resource's text, for a part only known
// at deploy time: it contains no ':' and matches no service or API name.
const unknownPart = "\x00"

// resolveResource resolves a token Resource in its stack and returns its
// text (literal parts kept, the rest unknownPart), the CloudFormation type
// of the resource it refers to when it is one reference (Ref or GetAtt
// Arn), and the resolved form for messages.
func resolveResource(scope constructs.Construct, token string) (text, target, resolved string) {
	stack := awscdk.Stack_Of(scope)
	var out any
	if err := catchPanic(func() { out = stack.Resolve(jsii.String(token)) }); err != nil {
		return unknownPart, "", ""
	}
	raw, _ := json.Marshal(out)
	text, target = resolvedText(stack, out)
	return text, target, string(raw)
}

func resolvedText(stack awscdk.Stack, x any) (text, target string) {
	switch v := x.(type) {
	case string:
		return v, ""
	case map[string]any:
		if len(v) != 1 {
			break
		}
		switch {
		case v["Ref"] != nil:
			name, _ := v["Ref"].(string)
			if strings.HasPrefix(name, "AWS::") {
				return unknownPart, "" // a pseudo parameter: partition, region, account
			}
			return unknownPart, cfnTypeOf(stack, name)
		case v["Fn::GetAtt"] != nil:
			if args, _ := v["Fn::GetAtt"].([]any); len(args) == 2 && args[1] == "Arn" {
				name, _ := args[0].(string)
				return unknownPart, cfnTypeOf(stack, name)
			}
		case v["Fn::Join"] != nil:
			args, _ := v["Fn::Join"].([]any)
			if len(args) != 2 {
				break
			}
			sep, _ := args[0].(string)
			parts, _ := args[1].([]any)
			texts := make([]string, len(parts))
			for i, part := range parts {
				texts[i], _ = resolvedText(stack, part)
			}
			return strings.Join(texts, sep), ""
		case v["Fn::Sub"] != nil:
			template, _ := v["Fn::Sub"].(string)
			if args, ok := v["Fn::Sub"].([]any); ok && len(args) > 0 {
				template, _ = args[0].(string)
			}
			return subVariable.ReplaceAllString(template, unknownPart), ""
		}
	}
	return unknownPart, ""
}

var subVariable = regexp.MustCompile(`\$\{[^}!][^}]*\}`)

// cfnTypes caches, per stack and logical ID, the CloudFormation type of
// the resources that a Task Resource can refer to.
var cfnTypes sync.Map

type cfnTypeKey struct {
	stack     awscdk.Stack
	logicalID string
}

// cfnTypeOf is the CloudFormation type of the stack's resource with that
// logical ID, among those a Task's Resource can name (Lambda functions,
// aliases and versions, activities, state machines); "" for another.
func cfnTypeOf(stack awscdk.Stack, logicalID string) string {
	key := cfnTypeKey{stack, logicalID}
	if t, ok := cfnTypes.Load(key); ok {
		return t.(string)
	}
	for _, c := range *stack.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		var typ string
		switch c.(type) {
		case awslambda.CfnFunction:
			typ = "AWS::Lambda::Function"
		case awslambda.CfnAlias:
			typ = "AWS::Lambda::Alias"
		case awslambda.CfnVersion:
			typ = "AWS::Lambda::Version"
		case sfn.CfnActivity:
			typ = "AWS::StepFunctions::Activity"
		case sfn.CfnStateMachine:
			typ = "AWS::StepFunctions::StateMachine"
		default:
			continue
		}
		id, _ := stack.Resolve(c.(awscdk.CfnElement).LogicalId()).(string)
		cfnTypes.Store(cfnTypeKey{stack, id}, typ)
		if id == logicalID {
			return typ
		}
	}
	return ""
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
