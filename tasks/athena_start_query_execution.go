package tasks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// QueryExecutionContext mirrors awsstepfunctionstasks.QueryExecutionContext.
type QueryExecutionContext struct {
	// CatalogName: the Athena data catalog. Default: AwsDataCatalog.
	CatalogName *string
	// DatabaseName: the database queries run in. Default: "default".
	DatabaseName *string
}

// ResultConfiguration mirrors awsstepfunctionstasks.ResultConfiguration.
type ResultConfiguration struct {
	// OutputLocation: where Athena writes the results, rendered as
	// s3://<BucketName>/<ObjectKey>/. BucketName and ObjectKey may be
	// dynamic; a run-time BucketName needs IamOutputBuckets. Default: the
	// workgroup's own location, whose buckets IamOutputBuckets must name.
	OutputLocation *awss3.Location
	// EncryptionConfiguration of the results.
	EncryptionConfiguration *EncryptionConfiguration
}

// EncryptionConfiguration mirrors awsstepfunctionstasks.EncryptionConfiguration.
type EncryptionConfiguration struct {
	// EncryptionOption: SSE_S3, SSE_KMS or CSE_KMS; may be dynamic.
	EncryptionOption EncryptionOption
	// EncryptionKey for SSE_KMS and CSE_KMS: rendered as its ARN; the role
	// gets kms:GenerateDataKey and kms:Decrypt on it.
	EncryptionKey awskms.IKey
}

// EncryptionOption mirrors awsstepfunctionstasks.EncryptionOption: the
// CDK's constants, rendered as Athena names the options (SSE_S3, SSE_KMS,
// CSE_KMS), which are accepted too, as is a dynamic
// EncryptionOption(*tasks.StringAt("$.encryption")).
type EncryptionOption string

const (
	EncryptionOption_S3_MANAGED      EncryptionOption = "S3_MANAGED"
	EncryptionOption_KMS             EncryptionOption = "KMS"
	EncryptionOption_CLIENT_SIDE_KMS EncryptionOption = "CLIENT_SIDE_KMS"
)

// athenaEncryptionOptions are the Athena names of the EncryptionOption constants.
var athenaEncryptionOptions = map[string]string{"S3_MANAGED": "SSE_S3", "KMS": "SSE_KMS", "CLIENT_SIDE_KMS": "CSE_KMS"}

// AthenaStartQueryExecutionProps mirrors
// awsstepfunctionstasks.AthenaStartQueryExecutionProps.
type AthenaStartQueryExecutionProps struct {
	// QueryString (required): the SQL, 1 to 262144 characters.
	QueryString *string
	// ClientRequestToken makes the call idempotent: 32 to 128 characters.
	ClientRequestToken    *string
	QueryExecutionContext *QueryExecutionContext
	ResultConfiguration   *ResultConfiguration
	// WorkGroup: default "primary" (IAM is granted on it).
	WorkGroup *string
	// ExecutionParameters fill the query's "?" placeholders in order
	// (items 1 to 1024 characters, each may be dynamic: tasks.StringAt), or
	// the whole list decided at run time (tasks.ListAt, sfn.JsonPath_ListAt).
	ExecutionParameters *[]*string
	// ResultReuseConfigurationMaxAge reuses the results of an identical
	// query this recent: whole minutes, 0 or 1 to 10080, or dynamic
	// (tasks.DurationAt).
	ResultReuseConfigurationMaxAge awscdk.Duration
	// IamOutputBuckets name, for IAM only, the buckets the results go to
	// when ResultConfiguration does not: an OutputLocation whose BucketName
	// is decided at run time, or no OutputLocation (the workgroup's result
	// location). "*" allows every bucket; an empty list grants no S3, for a
	// workgroup with Athena-managed query results. One of OutputLocation
	// and IamOutputBuckets is required, so that the role can write the
	// results.
	IamOutputBuckets *[]*string

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

var (
	athenaStartQueryExecution, _ = iampolicy.Lookup("athena", "startQueryExecution")
	athenaWorkGroupName          = regexp.MustCompile(`^[a-zA-Z0-9._-]{1,128}$`)
	s3BucketName                 = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
)

// AthenaStartQueryExecution is the task NewAthenaStartQueryExecution returns: a Task, typed as the CDK types it.
type AthenaStartQueryExecution interface{ Task }

// NewAthenaStartQueryExecution starts an Athena query
// (arn:…:states:::athena:startQueryExecution): REQUEST_RESPONSE (the
// default, as in the CDK) or RUN_JOB (.sync, waits for the query).
func NewAthenaStartQueryExecution(scope constructs.Construct, id *string, props *AthenaStartQueryExecutionProps) AthenaStartQueryExecution {
	checkProps(scope, id, "AthenaStartQueryExecution", props == nil)
	spec := &engine.Spec{Construct: "AthenaStartQueryExecution", Integration: athenaStartQueryExecution}
	p := taskParams{spec: spec, fields: map[string]*Value{}}

	if q := p.required("QueryString", "QueryString", props.QueryString, "the SQL to run"); q != nil {
		p.length("QueryString", q, 1, 262144)
	}
	if v := p.optional("ClientRequestToken", "ClientRequestToken", props.ClientRequestToken); v != nil {
		p.length("ClientRequestToken", v, 32, 128)
	}
	if v := p.optional("WorkGroup", "WorkGroup", props.WorkGroup); v != nil {
		if s, ok := literalString(v); ok && !athenaWorkGroupName.MatchString(s) {
			p.problem("WorkGroup", "%q is not a workgroup name: 1 to 128 letters, digits, periods (.), underscores (_) and hyphens (-)", s)
		}
	}
	if c := props.QueryExecutionContext; c != nil {
		ctx := taskParams{spec: spec, fields: map[string]*Value{}}
		if v := ctx.optional("QueryExecutionContext.CatalogName", "Catalog", c.CatalogName); v != nil {
			ctx.length("QueryExecutionContext.CatalogName", v, 1, 256)
		}
		if v := ctx.optional("QueryExecutionContext.DatabaseName", "Database", c.DatabaseName); v != nil {
			ctx.length("QueryExecutionContext.DatabaseName", v, 1, 255)
		}
		if len(ctx.fields) > 0 {
			p.fields["QueryExecutionContext"] = value.NewObject(ctx.fields)
		}
	}
	outputBuckets := p.resultConfiguration(props.ResultConfiguration, props.IamOutputBuckets)
	p.executionParameters(props.ExecutionParameters)
	if props.ResultReuseConfigurationMaxAge != nil {
		const prop = "ResultReuseConfigurationMaxAge"
		if v := p.whole(prop, durationIn(spec, prop, props.ResultReuseConfigurationMaxAge, engine.Minute), 0, 10080); v != nil {
			p.fields["ResultReuseConfiguration"] = value.NewObject(map[string]*Value{"ResultReuseByAgeConfiguration": value.NewObject(
				map[string]*Value{"Enabled": value.Lit(true), "MaxAgeInMinutes": v})})
		}
	}
	spec.Params = value.NewObject(p.fields)
	if outputBuckets != nil {
		policy := *athenaStartQueryExecution
		policy.Policy = func(r iampolicy.Request) []iampolicy.Statement {
			return iampolicy.AthenaStartQueryExecution(r, outputBuckets)
		}
		spec.Integration = &policy
	}
	return newTask(scope, id, props, spec)
}

// resultConfiguration renders ResultConfiguration and returns the buckets
// to grant when the output location's bucket is not in it: decided at run
// time, or the workgroup's (no OutputLocation). Empty but not nil: none.
func (p *taskParams) resultConfiguration(c *ResultConfiguration, iamBuckets *[]*string) []string {
	const prop = "ResultConfiguration"
	out := map[string]*Value{}
	var buckets []string
	switch {
	case c != nil && c.OutputLocation != nil:
		buckets = p.outputLocation(out, c.OutputLocation, iamBuckets)
	case iamBuckets == nil:
		p.problem(prop+".OutputLocation", "required, or IamOutputBuckets: without an OutputLocation Athena writes the results "+
			"to the workgroup's result location, which the role must be granted: give ResultConfiguration.OutputLocation, or "+
			"IamOutputBuckets with the workgroup's result bucket names ([\"*\"] for every bucket; an empty list when the "+
			"workgroup uses Athena-managed query results, which need no S3 access)")
	default:
		buckets = p.iamOutputBuckets(iamBuckets)
	}
	if c != nil && c.EncryptionConfiguration != nil {
		e := c.EncryptionConfiguration
		enc := taskParams{spec: p.spec, fields: map[string]*Value{}}
		option := enc.required(prop+".EncryptionConfiguration.EncryptionOption", "EncryptionOption",
			apiName(string(e.EncryptionOption), athenaEncryptionOptions), "EncryptionOption_S3_MANAGED, _KMS or _CLIENT_SIDE_KMS")
		enc.oneOf(prop+".EncryptionConfiguration.EncryptionOption", option, "SSE_S3", "SSE_KMS", "CSE_KMS")
		s, literal := literalString(option)
		switch {
		case e.EncryptionKey != nil && literal && s == "SSE_S3":
			p.problem(prop+".EncryptionConfiguration.EncryptionKey", "SSE_S3 uses S3's own keys: drop EncryptionKey, or use SSE_KMS or CSE_KMS")
		case e.EncryptionKey != nil:
			enc.fields["KmsKey"] = value.Lit(*engine.Memo(e.EncryptionKey, "KeyArn", e.EncryptionKey.KeyArn))
		case literal && (s == "SSE_KMS" || s == "CSE_KMS"):
			p.problem(prop+".EncryptionConfiguration.EncryptionKey", "required with %s: the KMS key for the results", s)
		}
		out["EncryptionConfiguration"] = value.NewObject(enc.fields)
	}
	// Rendered even when empty ({}), as the CDK does.
	p.fields["ResultConfiguration"] = value.NewObject(out)
	return buckets
}

// outputLocation renders s3://<bucket>/<key>/ — a States.Format call or a
// JSONata expression when a part is dynamic — and returns the buckets the
// IAM policy should name when the bucket cannot be read from it.
func (p *taskParams) outputLocation(out map[string]*Value, loc *awss3.Location, iamBuckets *[]*string) []string {
	const prop = "ResultConfiguration.OutputLocation"
	bucket := field(p.spec, prop+".BucketName", loc.BucketName)
	if bucket == nil {
		p.problem(prop+".BucketName", "required: the bucket Athena writes the results to")
		return nil
	}
	key := field(p.spec, prop+".ObjectKey", loc.ObjectKey)
	parts := []*Value{value.Lit("s3://"), bucket, value.Lit("/")}
	if key != nil {
		if s, ok := key.String(); ok {
			key = value.Lit(strings.Trim(s, "/"))
		}
		parts = append(parts, key, value.Lit("/"))
	}
	if uri, err := concat(parts...); err != nil {
		p.problem(prop, "%v", err)
	} else {
		out["OutputLocation"] = uri
	}

	name, literal := bucket.String()
	switch {
	case bucket.Dynamic() && (iamBuckets == nil || len(*iamBuckets) == 0):
		p.problem("IamOutputBuckets", "required because %s.BucketName is decided at run time: list the bucket names it may take, or give [\"*\"] to allow every bucket", prop)
	case bucket.Dynamic():
		return p.iamOutputBuckets(iamBuckets)
	case iamBuckets != nil:
		p.problem("IamOutputBuckets", "only for a BucketName decided at run time; %s.BucketName already names the bucket", prop)
	case literal && !value.IsTokenString(name) && !s3BucketName.MatchString(name):
		p.problem(prop+".BucketName", "%q is not a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit", name)
	case literal:
		return []string{name} // for an ObjectKey in a JSONata expression
	}
	return nil
}

// iamOutputBuckets checks IamOutputBuckets: bucket names or "*", never nil.
func (p *taskParams) iamOutputBuckets(iamBuckets *[]*string) []string {
	names := []string{}
	for i, b := range *iamBuckets {
		switch {
		case b == nil || (*b != "*" && !value.IsTokenString(*b) && !s3BucketName.MatchString(*b)):
			p.problem(fmt.Sprintf("IamOutputBuckets[%d]", i), "give a bucket name (or \"*\"), got %v", describeString(b))
		default:
			names = append(names, *b)
		}
	}
	return names
}

func describeString(s *string) string {
	if s == nil {
		return "nil"
	}
	return fmt.Sprintf("%q", *s)
}

// concat joins string values: one literal when all are literal, else a
// States.Format call (JSONPath) or a JSONata concatenation.
func concat(parts ...*Value) (*Value, error) {
	var template, jsonata strings.Builder
	var args []string
	ata, paths := false, false
	for _, part := range parts {
		switch part.Kind() {
		case value.JSONata:
			ata = true
		case value.Path, value.Intrinsic:
			paths = true
		}
	}
	dynamic := ata || paths
	if !dynamic {
		for _, part := range parts {
			s, _ := part.String()
			template.WriteString(s)
		}
		return value.Lit(template.String()), nil
	}
	for i, part := range parts {
		if i > 0 {
			jsonata.WriteString(" & ")
		}
		if s, ok := part.String(); ok {
			template.WriteString(intrinsicEscaper.Replace(s))
			jsonata.WriteString("'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'")
			continue
		}
		if call, err := expr.ParseIntrinsic(part.Expr()); err == nil && call.Name == "States.Format" && call.Args[0].Kind == expr.ArgString {
			// Splice a States.Format in, so that its literal prefix stays
			// readable for IAM ("s3://bucket/runs/{}/" → bucket/runs/*).
			quoted := call.Args[0].Text
			template.WriteString(quoted[1 : len(quoted)-1])
			for _, a := range call.Args[1:] {
				args = append(args, a.Text)
			}
		} else {
			template.WriteString("{}")
			args = append(args, part.Expr())
		}
		if body, ok := expr.JSONataBody(part.Expr()); ok {
			jsonata.WriteString("(" + strings.TrimSpace(body) + ")")
		}
	}
	switch {
	case ata && paths:
		return nil, fmt.Errorf("mixes JSONPath and JSONata values: use the language of the state")
	case ata:
		return value.Ata(jsonata.String()), nil
	}
	return value.Dyn("States.Format('" + template.String() + "', " + strings.Join(args, ", ") + ")"), nil
}

// intrinsicEscaper escapes the characters an intrinsic string literal
// reserves.
var intrinsicEscaper = strings.NewReplacer(`\`, `\\`, `'`, `\'`, `{`, `\{`, `}`, `\}`)

func (p *taskParams) executionParameters(x *[]*string) {
	const prop = "ExecutionParameters"
	v := field(p.spec, prop, x)
	switch {
	case v == nil:
		return
	case v.IsExpression():
	case v.Kind() != value.List:
		p.problem(prop, "give a list of strings, or a JSONPath, intrinsic or JSONata expression that yields it at run time, got %s", describeValue(v))
		return
	case len(v.Items()) == 0:
		p.problem(prop, "must not be empty: give one value per ? in the query, or leave it out")
	default:
		for i, item := range v.Items() {
			if item.Dynamic() {
				continue
			}
			if s, ok := item.String(); item.Kind() == value.Literal && item.LiteralValue() == nil {
				p.problem(fmt.Sprintf("%s[%d]", prop, i), "is nil: give a string")
			} else if !ok {
				p.problem(fmt.Sprintf("%s[%d]", prop, i), "must be a string, got %s", describeLiteral(item))
			} else {
				p.length(fmt.Sprintf("%s[%d]", prop, i), value.Lit(s), 1, 1024)
			}
		}
	}
	p.fields[prop] = v
}
