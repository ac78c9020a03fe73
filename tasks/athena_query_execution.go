package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// AthenaGetQueryExecutionProps mirrors
// awsstepfunctionstasks.AthenaGetQueryExecutionProps.
type AthenaGetQueryExecutionProps struct {
	// QueryExecutionId (required), usually a path: tasks.StringAt("$.QueryExecution.QueryExecutionId").
	QueryExecutionId *string
	// WorkGroup the queries run in, for IAM only (the API does not take
	// it): the action is granted on that workgroup instead of every
	// workgroup of the account and region.
	WorkGroup *string

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

// AthenaGetQueryResultsProps mirrors
// awsstepfunctionstasks.AthenaGetQueryResultsProps.
type AthenaGetQueryResultsProps struct {
	// QueryExecutionId (required).
	QueryExecutionId *string
	// NextToken from a previous page.
	NextToken *string
	// MaxResults per page: 1 to 1000, or dynamic (tasks.NumberAt).
	MaxResults *float64
	// WorkGroup the queries run in, for IAM only (see AthenaGetQueryExecutionProps).
	WorkGroup *string
	// OutputLocation of the results, for IAM only (required): GetQueryResults
	// reads the result files with the caller's credentials, so the role
	// gets s3:GetObject on s3://<BucketName>/<ObjectKey>/*. BucketName "*"
	// allows every bucket.
	OutputLocation *awss3.Location

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

// AthenaStopQueryExecutionProps mirrors
// awsstepfunctionstasks.AthenaStopQueryExecutionProps.
type AthenaStopQueryExecutionProps struct {
	// QueryExecutionId (required).
	QueryExecutionId *string
	// WorkGroup the queries run in, for IAM only (see AthenaGetQueryExecutionProps).
	WorkGroup *string

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

// AthenaGetQueryExecution is the task NewAthenaGetQueryExecution returns: a Task, typed as the CDK types it.
type AthenaGetQueryExecution interface{ Task }

// NewAthenaGetQueryExecution gets a query's state and statistics
// (arn:…:states:::athena:getQueryExecution; REQUEST_RESPONSE only).
func NewAthenaGetQueryExecution(scope constructs.Construct, id *string, props *AthenaGetQueryExecutionProps) AthenaGetQueryExecution {
	checkProps(scope, id, "AthenaGetQueryExecution", props == nil)
	spec := athenaQuerySpec("AthenaGetQueryExecution", "getQueryExecution", props.QueryExecutionId, props.WorkGroup, nil)
	return newTask(scope, id, props, spec)
}

// AthenaGetQueryResults is the task NewAthenaGetQueryResults returns: a Task, typed as the CDK types it.
type AthenaGetQueryResults interface{ Task }

// NewAthenaGetQueryResults gets a page of a query's results
// (arn:…:states:::athena:getQueryResults; REQUEST_RESPONSE only).
func NewAthenaGetQueryResults(scope constructs.Construct, id *string, props *AthenaGetQueryResultsProps) AthenaGetQueryResults {
	checkProps(scope, id, "AthenaGetQueryResults", props == nil)
	spec := athenaQuerySpec("AthenaGetQueryResults", "getQueryResults", props.QueryExecutionId, props.WorkGroup, props.OutputLocation)
	p := taskParams{spec: spec, fields: spec.Params.Fields()} // adds to the parameters object
	p.optional("NextToken", "NextToken", props.NextToken)
	if v := field(spec, "MaxResults", props.MaxResults); v != nil {
		p.fields["MaxResults"] = p.whole("MaxResults", v, 1, 1000)
	}
	return newTask(scope, id, props, spec)
}

// AthenaStopQueryExecution is the task NewAthenaStopQueryExecution returns: a Task, typed as the CDK types it.
type AthenaStopQueryExecution interface{ Task }

// NewAthenaStopQueryExecution stops a query
// (arn:…:states:::athena:stopQueryExecution; REQUEST_RESPONSE only).
func NewAthenaStopQueryExecution(scope constructs.Construct, id *string, props *AthenaStopQueryExecutionProps) AthenaStopQueryExecution {
	checkProps(scope, id, "AthenaStopQueryExecution", props == nil)
	spec := athenaQuerySpec("AthenaStopQueryExecution", "stopQueryExecution", props.QueryExecutionId, props.WorkGroup, nil)
	return newTask(scope, id, props, spec)
}

// athenaQuerySpec is the spec of a call on one query execution: its
// QueryExecutionId parameter and its statement, on the given workgroup and
// (getQueryResults) with s3:GetObject on the result location.
func athenaQuerySpec(construct, api string, queryExecutionID, workGroup *string, results *awss3.Location) *engine.Spec {
	integration, _ := iampolicy.Lookup("athena", api)
	spec := &engine.Spec{Construct: construct, Integration: integration}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.required("QueryExecutionId", "QueryExecutionId", queryExecutionID, "the query's ID, usually a path such as tasks.StringAt(\"$.QueryExecution.QueryExecutionId\")"); v != nil {
		p.length("QueryExecutionId", v, 1, 128)
	}
	spec.Params = value.NewObject(p.fields)

	var wg string
	if v := field(spec, "WorkGroup", workGroup); v != nil {
		if s, ok := literalString(v); ok && !athenaWorkGroupName.MatchString(s) {
			p.problem("WorkGroup", "%q is not a workgroup name: 1 to 128 letters, digits, periods (.), underscores (_) and hyphens (-)", s)
		}
		if s, ok := v.String(); ok {
			wg = s
		}
	}
	var resultsURI string
	switch {
	case results != nil:
		resultsURI = athenaResultsURI(&p, results)
	case api == "getQueryResults":
		p.problem("OutputLocation", "required: GetQueryResults reads the result files from S3 with the role's credentials, "+
			"so the role needs s3:GetObject on them: give the query's result location (the workgroup's, or the "+
			"ResultConfiguration.OutputLocation it was started with), e.g. &awss3.Location{BucketName: jsii.String(\"my-results\")}, "+
			"or BucketName \"*\" for every bucket")
	}
	policy := *integration
	action := iampolicy.SDKAction("athena", api)
	policy.Policy = func(r iampolicy.Request) []iampolicy.Statement {
		stmts := []iampolicy.Statement{iampolicy.AthenaQueryExecution(r.Env, action, wg)}
		if read, ok := iampolicy.AthenaQueryResults(r.Env, resultsURI); ok {
			stmts = append(stmts, read)
		}
		return stmts
	}
	spec.Integration = &policy
	return spec
}

// athenaResultsURI reads a result location given for IAM only, which must
// be literal (a CDK token, such as bucket.BucketName(), counts).
func athenaResultsURI(p *taskParams, loc *awss3.Location) string {
	const prop = "OutputLocation"
	bucket, ok := field(p.spec, prop+".BucketName", loc.BucketName).String()
	if !ok {
		p.problem(prop+".BucketName", "required, and literal: it only scopes IAM (give the bucket the query results are written to)")
		return ""
	}
	uri := "s3://" + bucket + "/"
	if loc.ObjectKey != nil {
		key, ok := field(p.spec, prop+".ObjectKey", loc.ObjectKey).String()
		if !ok {
			p.problem(prop+".ObjectKey", "must be literal: it only scopes IAM (leave it out to allow the whole bucket)")
			return ""
		}
		if key = strings.Trim(key, "/"); key != "" {
			uri += key + "/"
		}
	}
	return uri
}
