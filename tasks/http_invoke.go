package tasks

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// URLEncodingFormat is how an HTTP Task URL-encodes the request body, and
// how it writes arrays in it.
type URLEncodingFormat string

const (
	// URLEncodingFormat_BRACKETS writes arrays as a[]=1&a[]=2.
	URLEncodingFormat_BRACKETS URLEncodingFormat = "BRACKETS"
	// URLEncodingFormat_COMMAS writes arrays as a=1,2.
	URLEncodingFormat_COMMAS URLEncodingFormat = "COMMAS"
	// URLEncodingFormat_DEFAULT URL-encodes the body with Step Functions'
	// default array format.
	URLEncodingFormat_DEFAULT URLEncodingFormat = "DEFAULT"
	// URLEncodingFormat_INDICES writes arrays as a[0]=1&a[1]=2.
	URLEncodingFormat_INDICES URLEncodingFormat = "INDICES"
	// URLEncodingFormat_NONE sends the body as JSON (not URL-encoded).
	URLEncodingFormat_NONE URLEncodingFormat = "NONE"
	// URLEncodingFormat_REPEAT writes arrays as a=1&a=2.
	URLEncodingFormat_REPEAT URLEncodingFormat = "REPEAT"
)

// HttpInvokeProps mirrors awsstepfunctionstasks.HttpInvokeProps.
type HttpInvokeProps struct {
	// ApiRoot is the root of the URL: "https://api.example.com". It may be
	// dynamic; IAM then narrows the URL to its literal prefix.
	ApiRoot *string
	// ApiEndpoint is the path under ApiRoot: tasks.TaskInput_FromText("v1/items"),
	// or a dynamic one (sfn.TaskInput_FromJsonPathAt("$.path")).
	ApiEndpoint sfn.TaskInput
	// Connection is the EventBridge connection that holds the credentials.
	Connection awsevents.IConnection
	// Method: GET, POST, PUT, DELETE, PATCH, OPTIONS or HEAD
	// (sfn.TaskInput_FromText("POST")); may be dynamic.
	Method sfn.TaskInput
	// Body of the request.
	Body sfn.TaskInput
	// Headers of the request (name to value).
	Headers sfn.TaskInput
	// QueryStringParameters of the request (name to value).
	QueryStringParameters sfn.TaskInput
	// UrlEncodingFormat URL-encodes the body (and sets Content-Type to
	// application/x-www-form-urlencoded) unless NONE. Default: not encoded.
	UrlEncodingFormat URLEncodingFormat

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

var httpInvoke, _ = iampolicy.Lookup("http", "invoke")

// httpInvokeDynamicEndpointFlag makes the CDK write ApiEndpoint as
// States.Format('{}/{}', root, endpoint), which lets the endpoint be a path.
const httpInvokeDynamicEndpointFlag = "@aws-cdk/aws-stepfunctions-tasks:httpInvokeDynamicJsonPathEndpoint"

const formURLEncoded = "application/x-www-form-urlencoded"

// HttpInvoke is the task NewHttpInvoke returns: a Task, typed as the CDK types it.
type HttpInvoke interface{ Task }

// NewHttpInvoke calls an HTTPS API through an EventBridge connection
// (arn:…:states:::http:invoke), REQUEST_RESPONSE only. The role may invoke
// HTTP endpoints only with this method and URL (states:HTTPMethod and
// states:HTTPEndpoint conditions; the URL's literal prefix when part of it
// is dynamic), read the connection's credentials and its secret.
func NewHttpInvoke(scope constructs.Construct, id *string, props *HttpInvokeProps) HttpInvoke {
	checkProps(scope, id, "HttpInvoke", props == nil)
	spec := &engine.Spec{Construct: "HttpInvoke", Integration: httpInvoke, ParamsField: "Parameters"}
	jsonata := props.QueryLanguage == sfn.QueryLanguage_JSONATA
	lang := value.JSONPathLang
	if jsonata {
		lang = value.JSONataLang
	}
	params := map[string]*Value{}
	problem := func(name, format string, args ...any) {
		spec.Problems = append(spec.Problems, fieldProblem(name, format, args...))
	}

	root := field(spec, "ApiRoot", props.ApiRoot)
	endpoint := field(spec, "ApiEndpoint", props.ApiEndpoint)
	switch s, ok := root.String(); {
	case root == nil:
		problem("ApiRoot", "required: the root of the URL, such as \"https://api.example.com\"")
	case ok && !value.IsTokenString(s) && !strings.HasPrefix(s, "https://"):
		problem("ApiRoot", "must be an https:// URL (HTTP Tasks call HTTPS endpoints only), got %q", s)
	}
	if endpoint == nil {
		problem("ApiEndpoint", "required: the path under ApiRoot (tasks.TaskInput_FromText(\"path\"), or a dynamic one)")
	} else if _, ok := endpoint.String(); !ok && !endpoint.IsExpression() {
		problem("ApiEndpoint", "must be a string (or dynamic), got %s", describeValue(endpoint))
	}
	if root != nil && endpoint != nil {
		ok := true
		for _, p := range []struct {
			name string
			v    *Value
		}{{"ApiRoot", root}, {"ApiEndpoint", endpoint}} {
			if errs := value.Check(p.name, p.v, lang); len(errs) > 0 {
				spec.Problems, ok = append(spec.Problems, errs...), false
			}
		}
		if ok {
			params["ApiEndpoint"] = httpURL(scope, root, endpoint, jsonata)
		}
	}

	if props.Connection == nil {
		problem("Connection", "required: the EventBridge connection that authorizes the calls")
	}
	var conn iampolicy.HTTPConnection
	if c := props.Connection; c != nil {
		conn.ARN = *engine.Memo(c, "ConnectionArn", c.ConnectionArn)
		if s := engine.Memo(c, "ConnectionSecretArn", c.ConnectionSecretArn); s != nil {
			conn.SecretARN = *s
		}
		params["Authentication"] = value.NewObject(map[string]*Value{"ConnectionArn": value.Lit(conn.ARN)})
	}

	method := field(spec, "Method", props.Method)
	switch s, ok := method.String(); {
	case method == nil:
		problem("Method", "required: the HTTP method (sfn.TaskInput_FromText(\"GET\"))")
	case ok && !amongStrings(s, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"):
		problem("Method", "must be GET, POST, PUT, DELETE, PATCH, OPTIONS or HEAD (or dynamic), got %q", s)
	case !ok && !method.IsExpression():
		problem("Method", "must be a string (or dynamic), got %s", describeValue(method))
	}
	if method != nil {
		params["Method"] = method
	}

	headers := field(spec, "Headers", props.Headers)
	body := field(spec, "Body", props.Body)
	if v := field(spec, "QueryStringParameters", props.QueryStringParameters); v != nil {
		if v.Kind() != value.Object && !v.IsExpression() {
			problem("QueryStringParameters", "must be an object (or dynamic), got %s", describeValue(v))
		}
		params["QueryParameters"] = v.Verbatim()
	}
	if headers != nil && headers.Kind() != value.Object && !headers.IsExpression() {
		problem("Headers", "must be an object (or dynamic), got %s", describeValue(headers))
	}

	switch f := props.UrlEncodingFormat; {
	case f == "" || f == URLEncodingFormat_NONE:
	case value.IsTokenString(string(f)) || strings.HasPrefix(string(f), value.Marker):
		problem("UrlEncodingFormat", "must be known when the state machine is built (it decides whether the body is URL-encoded at all); give BRACKETS, COMMAS, DEFAULT, INDICES, NONE or REPEAT")
	case !amongStrings(string(f), "BRACKETS", "COMMAS", "DEFAULT", "INDICES", "REPEAT"):
		problem("UrlEncodingFormat", "must be BRACKETS, COMMAS, DEFAULT, INDICES, NONE or REPEAT, got %q", string(f))
	default:
		if body != nil && body.Kind() != value.Object && !body.IsExpression() {
			problem("Body", "must be an object to be URL-encoded (UrlEncodingFormat %s), got %s", f, describeValue(body))
		}
		headers = withContentType(headers, jsonata)
		transform := map[string]*Value{"RequestBodyEncoding": value.Lit("URL_ENCODED")}
		if f != URLEncodingFormat_DEFAULT {
			transform["RequestEncodingOptions"] = value.NewObject(map[string]*Value{"ArrayFormat": value.Lit(string(f))})
		}
		params["Transform"] = value.NewObject(transform)
	}
	if headers != nil {
		params["Headers"] = headers.Verbatim()
	}
	if body != nil {
		params["RequestBody"] = body.Verbatim()
	}

	in := *httpInvoke
	in.Policy = func(r iampolicy.Request) []iampolicy.Statement { return iampolicy.HTTPInvoke(r, conn) }
	spec.Integration = &in
	spec.Params = value.NewObject(params)
	return newTask(scope, id, props, spec)
}

// httpURL is ApiEndpoint as the CDK writes it: root + "/" + endpoint; in
// a JSONPath state, States.Format('{}/{}', root, endpoint) once the
// endpoint may be dynamic (the CDK's httpInvokeDynamicJsonPathEndpoint
// flag, or a dynamic part: the CDK without the flag rejects those).
func httpURL(scope constructs.Construct, root, endpoint *Value, jsonata bool) *Value {
	if jsonata {
		return value.Ata(httpURLTerm(root) + " & '/' & " + httpURLTerm(endpoint))
	}
	if !root.Dynamic() && !endpoint.Dynamic() && !cdkFeatureFlag(scope, httpInvokeDynamicEndpointFlag) {
		r, _ := root.String()
		e, _ := endpoint.String()
		return value.Lit(r + "/" + e)
	}
	return value.Dyn("States.Format('{}/{}', " + httpFormatArg(root) + ", " + httpFormatArg(endpoint) + ")")
}

// httpURLTerm is one side of the JSONata URL.
func httpURLTerm(v *Value) string {
	if s, ok := v.String(); ok {
		return jsonataStringLiteral(s)
	}
	return jsonataConcatTerm(v)
}

// httpFormatArg is v as an argument of an intrinsic function.
func httpFormatArg(v *Value) string {
	if s, ok := v.String(); ok {
		return "'" + escapeIntrinsicKeepingTokens(s, false) + "'"
	}
	return v.Expr()
}

// withContentType adds Content-Type: application/x-www-form-urlencoded to
// the headers, as the CDK does for a URL-encoded body; headers decided at
// run time as a whole are merged with it at run time.
func withContentType(headers *Value, jsonata bool) *Value {
	switch {
	case headers == nil:
		return value.NewObject(map[string]*Value{"Content-Type": value.Lit(formURLEncoded)})
	case headers.Kind() == value.Object:
		fields := make(map[string]*Value, len(headers.Fields())+1)
		for k, f := range headers.Fields() {
			fields[k] = f
		}
		fields["Content-Type"] = value.Lit(formURLEncoded)
		return value.NewObject(fields)
	case headers.Kind() == value.JSONata && jsonata:
		body, _ := expr.JSONataBody(headers.Expr())
		return value.Ata("$merge([" + body + `, {"Content-Type": "` + formURLEncoded + `"}])`)
	case headers.Kind() == value.Path || headers.Kind() == value.Intrinsic:
		return value.Dyn("States.JsonMerge(" + headers.Expr() + ", States.StringToJson(" +
			expr.Quote(`{"Content-Type":"`+formURLEncoded+`"}`) + "), false)")
	}
	return headers // the wrong language: the engine reports it
}

// cdkFeatureFlag reports whether a CDK feature flag is on for scope.
func cdkFeatureFlag(scope constructs.Construct, flag string) bool {
	on := awscdk.FeatureFlags_Of(scope).IsEnabled(jsii.String(flag))
	return on != nil && *on
}
