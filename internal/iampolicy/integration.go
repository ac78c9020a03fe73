package iampolicy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Pattern is how a task waits for its integration.
type Pattern uint8

const (
	RequestResponse  Pattern = iota // call and move on (no suffix)
	RunJob                          // wait for the job (.sync or .sync:2)
	WaitForTaskToken                // wait for a callback (.waitForTaskToken)
)

func (p Pattern) String() string {
	switch p {
	case RunJob:
		return "RUN_JOB"
	case WaitForTaskToken:
		return "WAIT_FOR_TASK_TOKEN"
	}
	return "REQUEST_RESPONSE"
}

// Suffixes of the integration Resource ARN for each pattern.
const (
	NoSuffix     = ""
	Sync         = ".sync"
	Sync2        = ".sync:2"
	WaitForToken = ".waitForTaskToken"
)

// PatternOf maps a Resource suffix back to its pattern.
func PatternOf(suffix string) (Pattern, bool) {
	switch suffix {
	case NoSuffix:
		return RequestResponse, true
	case Sync, Sync2:
		return RunJob, true
	case WaitForToken:
		return WaitForTaskToken, true
	}
	return 0, false
}

// Integration is one optimized-integration API: the patterns it offers and
// the statements each use of it needs.
type Integration struct {
	Service string // as in the Resource ARN: "sagemaker"
	API     string // "createProcessingJob"
	// Suffixes lists the Resource suffixes AWS offers, one or two per pattern
	// (StartExecution has both .sync and .sync:2).
	Suffixes []string
	// Policy returns the statements a task with these parameters needs.
	Policy func(Request) []Statement
}

// Request is one use of an integration.
type Request struct {
	Env     Env
	Pattern Pattern
	Suffix  string
	Params  *value.Value // the task's Parameters/Arguments, nil if none
}

// Supports reports whether the integration offers pattern p.
func (in *Integration) Supports(p Pattern) bool {
	for _, s := range in.Suffixes {
		if q, _ := PatternOf(s); q == p {
			return true
		}
	}
	return false
}

// SupportedPatterns names the patterns offered, for error messages.
func (in *Integration) SupportedPatterns() string {
	var names []string
	seen := map[Pattern]bool{}
	for _, s := range in.Suffixes {
		p, _ := PatternOf(s)
		if !seen[p] {
			seen[p] = true
			names = append(names, p.String())
		}
	}
	return strings.Join(names, ", ")
}

// DefaultSuffix is the suffix used for pattern p: the first one listed.
func (in *Integration) DefaultSuffix(p Pattern) string {
	for _, s := range in.Suffixes {
		if q, _ := PatternOf(s); q == p {
			return s
		}
	}
	return ""
}

var catalog = map[string]*Integration{}

func register(ins ...*Integration) {
	for _, in := range ins {
		key := in.Service + ":" + in.API
		if catalog[key] != nil {
			panic("iampolicy: " + key + " registered twice")
		}
		catalog[key] = in
	}
}

// Lookup finds the integration for a Resource's service and api.
func Lookup(service, api string) (*Integration, bool) {
	in, ok := catalog[service+":"+api]
	return in, ok
}

// Known lists every integration in the catalog, sorted, for docs and tests.
func Known() []string {
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Param returns the parameter at a nested field path, or nil.
func (r Request) Param(path ...string) *value.Value {
	v := r.Params
	for _, key := range path {
		if v == nil || v.Kind() != value.Object {
			return nil
		}
		v = v.Field(key)
	}
	return v
}

// Known returns the parameter's literal string (a CDK token counts: the CDK
// resolves it) and whether it has one. A missing or dynamic parameter has none.
func (r Request) Known(path ...string) (string, bool) {
	return r.Param(path...).String()
}

// KnownPrefix returns the literal text every value of a dynamic parameter
// starts with: the text before the first {} of a States.Format template
// ("States.Format('job-{}', States.UUID())" → "job-"), so that an ARN can be
// narrowed to "job-*" instead of "*".
func (r Request) KnownPrefix(path ...string) (string, bool) {
	v := r.Param(path...)
	if v == nil || v.Kind() != value.Intrinsic {
		return "", false
	}
	call, err := expr.ParseIntrinsic(v.Expr())
	if err != nil || call.Name != "States.Format" || call.Args[0].Kind != expr.ArgString {
		return "", false
	}
	template := call.Args[0].Str
	i := strings.Index(template, "{}")
	if i <= 0 || strings.Contains(template[:i], `\`) {
		return "", false
	}
	return template[:i], true
}

// NameOrWildcard is what an ARN may name for a parameter: its literal
// value, the literal prefix of a States.Format value followed by "*", or
// "*" — never the expression itself (the CDK writes it into Glue job ARNs).
func (r Request) NameOrWildcard(path ...string) string {
	if name, ok := r.Known(path...); ok {
		return name
	}
	if prefix, ok := r.KnownPrefix(path...); ok {
		return prefix + "*"
	}
	return "*"
}

// Dynamic reports whether the parameter is decided at run time.
func (r Request) Dynamic(path ...string) bool {
	v := r.Param(path...)
	return v != nil && v.Dynamic()
}

// EventsRule is the statement a .sync integration needs to manage the
// EventBridge rule Step Functions uses to learn that a job has ended.
func EventsRule(env Env, rule string) Statement {
	return Statement{
		Actions:   []string{"events:PutTargets", "events:PutRule", "events:DescribeRule"},
		Resources: []string{env.ARN("events", "rule/"+rule)},
	}
}

// PassRole lets the state machine hand roles to one service principal.
func PassRole(service string, roles ...string) Statement {
	return Statement{Actions: []string{"iam:PassRole"}, Resources: roles, Conditions: passedTo(service)}
}

// PassRoleParam is PassRole for the role ARN in a parameter: that role when
// it is known, every role of the account (still only to that service) when
// it is decided at run time, and nothing when the parameter is absent.
func PassRoleParam(r Request, service string, path ...string) []Statement {
	if arn, ok := r.Known(path...); ok {
		return []Statement{PassRole(service, arn)}
	}
	if r.Dynamic(path...) {
		return []Statement{PassRole(service, r.Env.RoleWildcard())}
	}
	return nil
}

// AssumeRole lets a task run with the credentials of another role.
func AssumeRole(role string) Statement {
	return Statement{Actions: []string{"sts:AssumeRole"}, Resources: []string{role}}
}

// SDKAction is the IAM action an aws-sdk integration calls:
// ("s3", "getObject") → "s3:GetObject".
func SDKAction(service, api string) string {
	prefix := service
	if p, ok := sdkIAMPrefix[service]; ok {
		prefix = p
	}
	return prefix + ":" + value.Pascal(api)
}

// sdkIAMPrefix maps SDK service names whose IAM prefix differs.
var sdkIAMPrefix = map[string]string{
	"sfn":                     "states",
	"bedrockagent":            "bedrock",
	"cloudwatchlogs":          "logs",
	"efs":                     "elasticfilesystem",
	"elasticloadbalancingv2":  "elasticloadbalancing",
	"emrcontainers":           "emr-containers",
	"emrserverless":           "emr-serverless",
	"mwaa":                    "airflow",
	"sesv2":                   "ses",
	"mediapackagevod":         "mediapackage-vod",
	"apigatewayv2":            "apigateway",
	"apigatewaymanagementapi": "execute-api",
	"iotdata":                 "iot",
	"iotwireless":             "iotwireless",
	"databasemigration":       "dms",
	"elasticsearch":           "es",
	"opensearch":              "es",
	"directoryservice":        "ds",
	"cognitoidentityprovider": "cognito-idp",
	"cognitoidentity":         "cognito-identity",
	"costexplorer":            "ce",
	"marketplacecatalog":      "aws-marketplace",
	"redshiftdata":            "redshift-data",
	"ssoadmin":                "sso",
}

// Unsupported is the error for a pattern an integration does not offer.
func Unsupported(in *Integration, p Pattern) error {
	return fmt.Errorf("integration pattern %s is not supported by %s:%s; supported: %s", p, in.Service, in.API, in.SupportedPatterns())
}
