package tasks

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// The CodeBuild tasks below have no CDK twin; their props follow the CDK's
// style. A build or build batch ID is <project>:<uuid> (StartBuild's
// Build.Id, StartBuildBatch's BuildBatch.Id); IAM is granted on the project
// it names, or on project/* in the account and region when the ID is
// decided at run time (project/<project> for a States.Format ID whose
// literal prefix holds "<project>:").

// CodeBuildStopBuildProps: the CDK has no StopBuild task.
type CodeBuildStopBuildProps struct {
	// BuildId (required): the ID of the build to stop, rendered as Id.
	BuildId *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// CodeBuildBatchDeleteBuildsProps: the CDK has no BatchDeleteBuilds task.
type CodeBuildBatchDeleteBuildsProps struct {
	// BuildIds (required): 1 to 100 build IDs, rendered as Ids; items, or
	// the whole list (tasks.ListAt("$..Build.Id")), may be dynamic.
	BuildIds *[]*string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// CodeBuildBatchGetReportsProps: the CDK has no BatchGetReports task.
type CodeBuildBatchGetReportsProps struct {
	// ReportArns (required): 1 to 100 report ARNs
	// (arn:aws:codebuild:<region>:<account>:report/<group>:<id>); items, or
	// the whole list, may be dynamic. IAM is granted on their report
	// groups, report-group/* in the account and region for dynamic ones.
	ReportArns *[]*string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// CodeBuildStopBuildBatchProps: the CDK has no StopBuildBatch task.
type CodeBuildStopBuildBatchProps struct {
	// BuildBatchId (required): the ID of the batch to stop, rendered as Id.
	BuildBatchId *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// CodeBuildDeleteBuildBatchProps: the CDK has no DeleteBuildBatch task.
type CodeBuildDeleteBuildBatchProps struct {
	// BuildBatchId (required): the ID of the batch to delete, rendered as Id.
	BuildBatchId *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// CodeBuildRetryType says which builds of a batch RetryBuildBatch runs
// again; CodeBuildRetryType(*tasks.StringAt("$.type")) is dynamic.
type CodeBuildRetryType string

const (
	CodeBuildRetryType_RETRY_ALL_BUILDS    CodeBuildRetryType = "RETRY_ALL_BUILDS"
	CodeBuildRetryType_RETRY_FAILED_BUILDS CodeBuildRetryType = "RETRY_FAILED_BUILDS"
)

// CodeBuildRetryBuildBatchProps: the CDK has no RetryBuildBatch task.
type CodeBuildRetryBuildBatchProps struct {
	// BuildBatchId (required): the ID of the batch to retry, rendered as Id.
	BuildBatchId *string
	// RetryType: all builds, or only the failed ones. Default: CodeBuild's.
	RetryType CodeBuildRetryType
	// IdempotencyToken makes a repeated request retry the batch once
	// (tasks.StringAt("$$.Execution.Name") ties it to the execution).
	IdempotencyToken *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// CodeBuildStopBuild is the task NewCodeBuildStopBuild returns.
type CodeBuildStopBuild interface{ Task }

// CodeBuildBatchDeleteBuilds is the task NewCodeBuildBatchDeleteBuilds returns.
type CodeBuildBatchDeleteBuilds interface{ Task }

// CodeBuildBatchGetReports is the task NewCodeBuildBatchGetReports returns.
type CodeBuildBatchGetReports interface{ Task }

// CodeBuildStopBuildBatch is the task NewCodeBuildStopBuildBatch returns.
type CodeBuildStopBuildBatch interface{ Task }

// CodeBuildRetryBuildBatch is the task NewCodeBuildRetryBuildBatch returns.
type CodeBuildRetryBuildBatch interface{ Task }

// CodeBuildDeleteBuildBatch is the task NewCodeBuildDeleteBuildBatch returns.
type CodeBuildDeleteBuildBatch interface{ Task }

func codeBuildIntegration(api string) *iampolicy.Integration {
	in, _ := iampolicy.Lookup("codebuild", api)
	return in
}

// NewCodeBuildStopBuild stops a build (arn:…:states:::codebuild:stopBuild;
// REQUEST_RESPONSE only).
func NewCodeBuildStopBuild(scope constructs.Construct, id *string, props *CodeBuildStopBuildProps) CodeBuildStopBuild {
	checkProps(scope, id, "CodeBuildStopBuild", props == nil)
	return newTask(scope, id, props, codeBuildByID("CodeBuildStopBuild", "stopBuild", "BuildId", "build", props.BuildId, nil))
}

// NewCodeBuildStopBuildBatch stops a batch build
// (arn:…:states:::codebuild:stopBuildBatch; REQUEST_RESPONSE only).
func NewCodeBuildStopBuildBatch(scope constructs.Construct, id *string, props *CodeBuildStopBuildBatchProps) CodeBuildStopBuildBatch {
	checkProps(scope, id, "CodeBuildStopBuildBatch", props == nil)
	return newTask(scope, id, props, codeBuildByID("CodeBuildStopBuildBatch", "stopBuildBatch", "BuildBatchId", "build batch", props.BuildBatchId, nil))
}

// NewCodeBuildDeleteBuildBatch deletes a batch build and its builds
// (arn:…:states:::codebuild:deleteBuildBatch; REQUEST_RESPONSE only; Step
// Functions retries a batch still being stopped).
func NewCodeBuildDeleteBuildBatch(scope constructs.Construct, id *string, props *CodeBuildDeleteBuildBatchProps) CodeBuildDeleteBuildBatch {
	checkProps(scope, id, "CodeBuildDeleteBuildBatch", props == nil)
	return newTask(scope, id, props, codeBuildByID("CodeBuildDeleteBuildBatch", "deleteBuildBatch", "BuildBatchId", "build batch", props.BuildBatchId, nil))
}

// NewCodeBuildRetryBuildBatch runs a batch build again
// (arn:…:states:::codebuild:retryBuildBatch): REQUEST_RESPONSE (the
// default) or RUN_JOB (.sync), which waits for the batch.
func NewCodeBuildRetryBuildBatch(scope constructs.Construct, id *string, props *CodeBuildRetryBuildBatchProps) CodeBuildRetryBuildBatch {
	checkProps(scope, id, "CodeBuildRetryBuildBatch", props == nil)
	spec := codeBuildByID("CodeBuildRetryBuildBatch", "retryBuildBatch", "BuildBatchId", "build batch", props.BuildBatchId, func(p *taskParams) {
		if props.RetryType != "" {
			v := p.optional("RetryType", "RetryType", string(props.RetryType))
			p.oneOf("RetryType", v, "RETRY_ALL_BUILDS", "RETRY_FAILED_BUILDS")
		}
		if v := p.optional("IdempotencyToken", "IdempotencyToken", props.IdempotencyToken); v != nil {
			p.length("IdempotencyToken", v, 1, 1024)
		}
	})
	return newTask(scope, id, props, spec)
}

// codeBuildByID is the Spec of a task on one build or build batch.
func codeBuildByID(construct, api, prop, what string, buildID *string, more func(p *taskParams)) *engine.Spec {
	spec := &engine.Spec{Construct: construct, Integration: codeBuildIntegration(api)}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.required(prop, "Id", buildID, "the ID of the "+what+" (<project>:<uuid>)"); v != nil {
		checkCodeBuildID(&p, prop, v, what)
	}
	if more != nil {
		more(&p)
	}
	spec.Params = value.NewObject(p.fields)
	return spec
}

// checkCodeBuildID checks a literal build or batch ID: <project>:<id>.
func checkCodeBuildID(p *taskParams, prop string, v *Value, what string) {
	s, ok := literalString(v)
	if !ok {
		return
	}
	project, rest, found := strings.Cut(s, ":")
	if !found || !codeBuildProjectName.MatchString(project) || rest == "" {
		p.problem(prop, "%q is not a %s ID: <project>:<uuid>, as StartBuild returns it (my-project:b1e6661e-e4f2-4156-9ab9-82a19EXAMPLE)", s, what)
	}
}

// NewCodeBuildBatchDeleteBuilds deletes builds
// (arn:…:states:::codebuild:batchDeleteBuilds; REQUEST_RESPONSE only; Step
// Functions retries builds still being stopped).
func NewCodeBuildBatchDeleteBuilds(scope constructs.Construct, id *string, props *CodeBuildBatchDeleteBuildsProps) CodeBuildBatchDeleteBuilds {
	checkProps(scope, id, "CodeBuildBatchDeleteBuilds", props == nil)
	spec := &engine.Spec{Construct: "CodeBuildBatchDeleteBuilds", Integration: codeBuildIntegration("batchDeleteBuilds")}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.stringList("BuildIds", "Ids", props.BuildIds, 1, 100, "the IDs of the builds to delete"); v != nil && v.Kind() == value.List {
		for i, item := range v.Items() {
			checkCodeBuildID(&p, fmt.Sprintf("BuildIds[%d]", i), item, "build")
		}
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// NewCodeBuildBatchGetReports reads test and coverage reports
// (arn:…:states:::codebuild:batchGetReports; REQUEST_RESPONSE only).
func NewCodeBuildBatchGetReports(scope constructs.Construct, id *string, props *CodeBuildBatchGetReportsProps) CodeBuildBatchGetReports {
	checkProps(scope, id, "CodeBuildBatchGetReports", props == nil)
	spec := &engine.Spec{Construct: "CodeBuildBatchGetReports", Integration: codeBuildIntegration("batchGetReports")}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.stringList("ReportArns", "ReportArns", props.ReportArns, 1, 100, "the ARNs of the reports to read"); v != nil && v.Kind() == value.List {
		for i, item := range v.Items() {
			if s, ok := literalString(item); ok && !(strings.HasPrefix(s, "arn:") && strings.Contains(s, ":codebuild:") && strings.Contains(s, ":report/")) {
				p.problem(fmt.Sprintf("ReportArns[%d]", i), "%q is not a CodeBuild report ARN (arn:aws:codebuild:<region>:<account>:report/<group>:<id>)", s)
			}
		}
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// stringList sets a required list of strings: literal items must be
// strings and the list min to max long; any item, or the whole list
// (tasks.ListAt), may be dynamic.
func (p *taskParams) stringList(prop, key string, list *[]*string, min, max int, what string) *Value {
	v := p.required(prop, key, list, what)
	switch {
	case v == nil || v.IsExpression():
		return v
	case v.Kind() != value.List:
		p.problem(prop, "give a list of strings, or an expression that yields one at run time, got %s", describeValue(v))
		return nil
	}
	if n := len(v.Items()); n < min || n > max {
		p.problem(prop, "must have %d to %d items, got %d", min, max, n)
	}
	for i, item := range v.Items() {
		if _, ok := item.String(); !ok && !item.Dynamic() {
			p.problem(fmt.Sprintf("%s[%d]", prop, i), "must be a string (or dynamic), got %s", describeValue(item))
		}
	}
	return v
}
