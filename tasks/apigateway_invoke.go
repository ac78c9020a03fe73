package tasks

import (
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// AuthType is how Step Functions authenticates a call to API Gateway.
type AuthType string

const (
	// AuthType_NO_AUTH calls the API without authorization (the default).
	AuthType_NO_AUTH AuthType = "NO_AUTH"
	// AuthType_IAM_ROLE signs the request (SigV4) with the state machine's
	// role, which then needs execute-api:Invoke on the route.
	AuthType_IAM_ROLE AuthType = "IAM_ROLE"
	// AuthType_RESOURCE_POLICY leaves authorization to the API's resource
	// policy, which must allow the Step Functions service principal
	// (states.amazonaws.com) from this state machine (aws:SourceArn).
	AuthType_RESOURCE_POLICY AuthType = "RESOURCE_POLICY"
)

// HttpMethod is the method of an API Gateway call.
type HttpMethod string

const (
	HttpMethod_GET     HttpMethod = "GET"
	HttpMethod_POST    HttpMethod = "POST"
	HttpMethod_PUT     HttpMethod = "PUT"
	HttpMethod_DELETE  HttpMethod = "DELETE"
	HttpMethod_PATCH   HttpMethod = "PATCH"
	HttpMethod_HEAD    HttpMethod = "HEAD"
	HttpMethod_OPTIONS HttpMethod = "OPTIONS"
)

// CallApiGatewayEndpointBaseOptions mirrors
// awsstepfunctionstasks.CallApiGatewayEndpointBaseOptions: the request
// both API Gateway tasks send.
type CallApiGatewayEndpointBaseOptions struct {
	// Method of the request; may be dynamic: tasks.HttpMethod(*tasks.StringAt("$.method")).
	Method HttpMethod
	// ApiPath is the resource path, starting with "/": "/pets/123". It may
	// be dynamic (tasks.StringAt("States.Format('/pets/{}', $.id)")); IAM
	// then covers the literal prefix ("pets/*"). Default: the stage's root.
	ApiPath *string
	// AuthType: NO_AUTH (default), IAM_ROLE or RESOURCE_POLICY.
	AuthType AuthType
	// Headers: each name takes a list of values ({"x-id": ["1"]}). With
	// WAIT_FOR_TASK_TOKEN the task token must be in a header.
	Headers sfn.TaskInput
	// QueryParameters: each name takes a list of values.
	QueryParameters sfn.TaskInput
	// RequestBody sent with the request.
	RequestBody sfn.TaskInput
}

// CallApiGatewayEndpointBaseProps mirrors
// awsstepfunctionstasks.CallApiGatewayEndpointBaseProps: the base options
// with the common task props.
type CallApiGatewayEndpointBaseProps struct {
	Method          HttpMethod
	ApiPath         *string
	AuthType        AuthType
	Headers         sfn.TaskInput
	QueryParameters sfn.TaskInput
	RequestBody     sfn.TaskInput

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
	StateName          *string
	Timeout            awscdk.Duration
	Heartbeat          awscdk.Duration
}

// CallApiGatewayEndpointJsonPathBaseProps mirrors
// awsstepfunctionstasks.CallApiGatewayEndpointJsonPathBaseProps.
type CallApiGatewayEndpointJsonPathBaseProps struct {
	Method          HttpMethod
	ApiPath         *string
	AuthType        AuthType
	Headers         sfn.TaskInput
	QueryParameters sfn.TaskInput
	RequestBody     sfn.TaskInput

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	StateName          *string
	Timeout            awscdk.Duration
	Heartbeat          awscdk.Duration
}

// CallApiGatewayEndpointJsonataBaseProps mirrors
// awsstepfunctionstasks.CallApiGatewayEndpointJsonataBaseProps.
type CallApiGatewayEndpointJsonataBaseProps struct {
	Method          HttpMethod
	ApiPath         *string
	AuthType        AuthType
	Headers         sfn.TaskInput
	QueryParameters sfn.TaskInput
	RequestBody     sfn.TaskInput

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	StateName          *string
	Timeout            awscdk.Duration
	Heartbeat          awscdk.Duration
}

// CallApiGatewayRestApiEndpointOptions mirrors
// awsstepfunctionstasks.CallApiGatewayRestApiEndpointOptions.
type CallApiGatewayRestApiEndpointOptions struct {
	// Api is the REST API to call.
	Api awsapigateway.IRestApi
	// StageName of the deployment to call; may be dynamic.
	StageName *string
	// Region the API is in, when not its stack's; may be dynamic.
	Region *string
}

// CallApiGatewayHttpApiEndpointOptions mirrors
// awsstepfunctionstasks.CallApiGatewayHttpApiEndpointOptions.
type CallApiGatewayHttpApiEndpointOptions struct {
	// ApiId of the HTTP API; may be dynamic.
	ApiId *string
	// ApiStack is the stack the API is in: its region, account and URL suffix.
	ApiStack awscdk.Stack
	// StageName to call. Default: the $default stage.
	StageName *string
}

// CallApiGatewayRestApiEndpointProps mirrors
// awsstepfunctionstasks.CallApiGatewayRestApiEndpointProps.
type CallApiGatewayRestApiEndpointProps struct {
	// Api is the REST API to call.
	Api awsapigateway.IRestApi
	// StageName of the deployment to call; required; may be dynamic.
	StageName *string
	// Region the API is in, when not its stack's; may be dynamic.
	Region *string

	// Method of the request; may be dynamic: tasks.HttpMethod(*tasks.StringAt("$.method")).
	Method HttpMethod
	// ApiPath is the resource path, starting with "/"; may be dynamic.
	// Default: the stage's root.
	ApiPath *string
	// AuthType: NO_AUTH (default), IAM_ROLE or RESOURCE_POLICY.
	AuthType AuthType
	// Headers: each name takes a list of values. With WAIT_FOR_TASK_TOKEN
	// the task token must be in a header.
	Headers sfn.TaskInput
	// QueryParameters: each name takes a list of values.
	QueryParameters sfn.TaskInput
	// RequestBody sent with the request.
	RequestBody sfn.TaskInput

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

// CallApiGatewayHttpApiEndpointProps mirrors
// awsstepfunctionstasks.CallApiGatewayHttpApiEndpointProps.
type CallApiGatewayHttpApiEndpointProps struct {
	// ApiId of the HTTP API; may be dynamic.
	ApiId *string
	// ApiStack is the stack the API is in: its region, account and URL suffix.
	ApiStack awscdk.Stack
	// StageName to call. Default: the $default stage.
	StageName *string

	// Method of the request; may be dynamic: tasks.HttpMethod(*tasks.StringAt("$.method")).
	Method HttpMethod
	// ApiPath is the route path, starting with "/"; may be dynamic.
	ApiPath *string
	// AuthType: NO_AUTH (default), IAM_ROLE or RESOURCE_POLICY.
	AuthType AuthType
	// Headers: each name takes a list of values. With WAIT_FOR_TASK_TOKEN
	// the task token must be in a header.
	Headers sfn.TaskInput
	// QueryParameters: each name takes a list of values.
	QueryParameters sfn.TaskInput
	// RequestBody sent with the request.
	RequestBody sfn.TaskInput

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

var apiGatewayInvoke, _ = iampolicy.Lookup("apigateway", "invoke")

// CallApiGatewayRestApiEndpoint is the task NewCallApiGatewayRestApiEndpoint returns.
type CallApiGatewayRestApiEndpoint interface{ Task }

// CallApiGatewayHttpApiEndpoint is the task NewCallApiGatewayHttpApiEndpoint returns.
type CallApiGatewayHttpApiEndpoint interface{ Task }

var (
	apiGatewayStageName = regexp.MustCompile(`^(\$default|[A-Za-z0-9_-]{1,128})$`)
	apiGatewayAPIID     = regexp.MustCompile(`^[a-z0-9]{10}$`)
)

// NewCallApiGatewayRestApiEndpoint calls a REST API through API Gateway
// (arn:…:states:::apigateway:invoke): REQUEST_RESPONSE (the default) or
// WAIT_FOR_TASK_TOKEN (the token in a header). With AuthType IAM_ROLE the
// role may call exactly <api>/<stage>/<METHOD>/<path> (a dynamic stage or
// path narrows to its literal prefix); NO_AUTH and RESOURCE_POLICY need no
// statement.
func NewCallApiGatewayRestApiEndpoint(scope constructs.Construct, id *string, props *CallApiGatewayRestApiEndpointProps) CallApiGatewayRestApiEndpoint {
	checkProps(scope, id, "CallApiGatewayRestApiEndpoint", props == nil)
	b := newAPIGatewayCall("CallApiGatewayRestApiEndpoint", props.QueryLanguage == sfn.QueryLanguage_JSONATA)
	b.request(props.Method, props.ApiPath, props.AuthType, props.Headers, props.QueryParameters, props.RequestBody, props.IntegrationPattern)
	if v := field(b.spec, "StageName", props.StageName); v != nil {
		b.stage(v)
	} else {
		b.problem("StageName", "required: the stage to call")
	}
	if props.Api == nil {
		b.problem("Api", "required: the REST API to call")
	} else {
		api := props.Api
		stack := engine.Memo(api, "Stack", func() awscdk.Stack { return awscdk.Stack_Of(api) })
		apiID := *engine.Memo(api, "RestApiId", api.RestApiId)
		region := value.Lit(*engine.Memo(stack, "Region", stack.Region))
		if r := field(b.spec, "Region", props.Region); r != nil {
			checkRegionCode(b.spec, "Region", r)
			region = r
		}
		b.target = iampolicy.APIGatewayTarget{
			Partition: *engine.Memo(stack, "Partition", stack.Partition),
			Account:   *engine.Memo(stack, "Account", stack.Account),
			Region:    arnRegion(region),
			APIID:     apiID,
		}
		b.endpoint(value.Lit(apiID), region, *engine.Memo(stack, "UrlSuffix", stack.UrlSuffix))
	}
	return b.build(scope, id, props)
}

// NewCallApiGatewayHttpApiEndpoint calls an HTTP API through API Gateway
// (arn:…:states:::apigateway:invoke): REQUEST_RESPONSE (the default) or
// WAIT_FOR_TASK_TOKEN (the token in a header). With AuthType IAM_ROLE the
// role may call exactly <api>/<stage>/<METHOD>/<path>, the stage being
// $default when none is given; NO_AUTH and RESOURCE_POLICY need no
// statement.
func NewCallApiGatewayHttpApiEndpoint(scope constructs.Construct, id *string, props *CallApiGatewayHttpApiEndpointProps) CallApiGatewayHttpApiEndpoint {
	checkProps(scope, id, "CallApiGatewayHttpApiEndpoint", props == nil)
	b := newAPIGatewayCall("CallApiGatewayHttpApiEndpoint", props.QueryLanguage == sfn.QueryLanguage_JSONATA)
	b.request(props.Method, props.ApiPath, props.AuthType, props.Headers, props.QueryParameters, props.RequestBody, props.IntegrationPattern)
	if v := field(b.spec, "StageName", props.StageName); v != nil {
		b.stage(v)
	}
	apiID := field(b.spec, "ApiId", props.ApiId)
	switch s, ok := apiID.String(); {
	case apiID == nil:
		b.problem("ApiId", "required: the ID of the HTTP API to call")
	case ok && !value.IsTokenString(s) && !apiGatewayAPIID.MatchString(s):
		b.problem("ApiId", "%q is not an API ID (10 lower-case letters and digits)", s)
	}
	if props.ApiStack == nil {
		b.problem("ApiStack", "required: the stack the API is in (its region, account and URL suffix)")
	} else if apiID != nil {
		stack := props.ApiStack
		region := *engine.Memo(stack, "Region", stack.Region)
		b.target = iampolicy.APIGatewayTarget{
			Partition: *engine.Memo(stack, "Partition", stack.Partition),
			Account:   *engine.Memo(stack, "Account", stack.Account),
			Region:    region,
			APIID:     iampolicy.Narrow(iampolicy.LiteralPrefix(apiID)),
		}
		b.endpoint(apiID, value.Lit(region), *engine.Memo(stack, "UrlSuffix", stack.UrlSuffix))
	}
	return b.build(scope, id, props)
}

// apiGatewayCall builds an apigateway:invoke request.
type apiGatewayCall struct {
	spec    *engine.Spec
	params  map[string]*Value
	target  iampolicy.APIGatewayTarget
	jsonata bool
}

func newAPIGatewayCall(construct string, jsonata bool) *apiGatewayCall {
	return &apiGatewayCall{
		spec:    &engine.Spec{Construct: construct, Integration: apiGatewayInvoke, ParamsField: "Parameters"},
		params:  map[string]*Value{},
		jsonata: jsonata,
	}
}

func (b *apiGatewayCall) problem(name, format string, args ...any) {
	b.spec.Problems = append(b.spec.Problems, fieldProblem(name, format, args...))
}

// request reads the fields both tasks share.
func (b *apiGatewayCall) request(method HttpMethod, path *string, auth AuthType, headers, query, body sfn.TaskInput, pattern sfn.IntegrationPattern) {
	switch m := field(b.spec, "Method", string(method)); {
	case method == "":
		b.problem("Method", "required: GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS")
	case m != nil && !m.Dynamic():
		if s, _ := m.String(); !amongStrings(s, "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") {
			b.problem("Method", "must be GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS (or dynamic), got %q", s)
		}
		b.params["Method"] = m
	default:
		b.params["Method"] = m
	}
	if v := field(b.spec, "ApiPath", path); v != nil {
		if s, ok := v.String(); ok && !value.IsTokenString(s) && !strings.HasPrefix(s, "/") {
			b.problem("ApiPath", "must begin with \"/\", got %q", s)
		}
		b.params["Path"] = v
	}
	authType := value.Lit("NO_AUTH")
	if auth != "" {
		authType = field(b.spec, "AuthType", string(auth))
		if s, ok := authType.String(); ok && !amongStrings(s, "NO_AUTH", "IAM_ROLE", "RESOURCE_POLICY") {
			b.problem("AuthType", "must be NO_AUTH, IAM_ROLE or RESOURCE_POLICY (or dynamic), got %q", s)
		}
	}
	b.params["AuthType"] = authType
	h := field(b.spec, "Headers", headers)
	if h != nil {
		checkListValuedMap(b.spec, "Headers", h)
		b.params["Headers"] = h.Verbatim()
	}
	if pattern == sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN && (h == nil || !h.UsesTaskToken()) {
		where := "$$.Task.Token"
		if b.jsonata {
			where = "$states.context.Task.Token"
		}
		b.problem("Headers", "integration pattern WAIT_FOR_TASK_TOKEN needs the task token (%s) in a header, so that the API can call back: Headers: tasks.TaskInput_FromObject(map[string]interface{}{\"TaskToken\": tasks.List(tasks.Path(%q))})", where, where)
	}
	if q := field(b.spec, "QueryParameters", query); q != nil {
		checkListValuedMap(b.spec, "QueryParameters", q)
		b.params["QueryParameters"] = q.Verbatim()
	}
	if v := field(b.spec, "RequestBody", body); v != nil {
		b.params["RequestBody"] = v.Verbatim()
	}
}

// stage sets the stage, checking a literal name.
func (b *apiGatewayCall) stage(v *Value) {
	if s, ok := v.String(); ok && !value.IsTokenString(s) && !apiGatewayStageName.MatchString(s) {
		b.problem("StageName", "%q is not a stage name (1 to 128 letters, digits, - and _, or $default)", s)
	}
	b.params["Stage"] = v
}

// endpoint sets ApiEndpoint to <api>.execute-api.<region>.<suffix>, as the
// CDK writes it; a dynamic API ID or region makes it a States.Format (or a
// JSONata concatenation).
func (b *apiGatewayCall) endpoint(apiID, region *Value, urlSuffix string) {
	lang := value.JSONPathLang
	if b.jsonata {
		lang = value.JSONataLang
	}
	for _, p := range []struct {
		name string
		v    *Value
	}{{"ApiId", apiID}, {"Region", region}} {
		if errs := value.Check(p.name, p.v, lang); len(errs) > 0 {
			b.spec.Problems = append(b.spec.Problems, errs...)
			return
		}
	}
	b.params["ApiEndpoint"] = joinStringParts(b.jsonata, apiID, value.Lit(".execute-api."), region, value.Lit("."), value.Lit(urlSuffix))
}

func (b *apiGatewayCall) build(scope constructs.Construct, id *string, props any) Task {
	in := *apiGatewayInvoke
	target := b.target
	in.Policy = func(r iampolicy.Request) []iampolicy.Statement { return iampolicy.APIGatewayInvoke(r, target) }
	b.spec.Integration = &in
	b.spec.Params = value.NewObject(b.params)
	return newTask(scope, id, props, b.spec)
}

// arnRegion is a region as an ARN may name it: the region, or "*" when
// it is decided at run time.
func arnRegion(v *Value) string {
	if s, ok := v.String(); ok {
		return s
	}
	return "*"
}

func amongStrings(s string, allowed ...string) bool {
	for _, a := range allowed {
		if s == a {
			return true
		}
	}
	return false
}
