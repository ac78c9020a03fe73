package engine

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"

	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Spec declares one task: its integration, its parameters and any IAM the
// integration's own policy cannot know. It is everything a task construct
// adds to the common props.
type Spec struct {
	Construct string // "LambdaInvoke", for messages

	// Exactly one of Integration, SDK or Resource says what is called.
	Integration *iampolicy.Integration
	SDK         *SDKCall
	Resource    string // a fixed Resource ARN (a Lambda function, an activity)

	// DefaultPattern applies when the user gives none.
	DefaultPattern iampolicy.Pattern
	// Suffix overrides the Resource suffix for the pattern (".sync" where
	// ".sync:2" is the default).
	Suffix string

	// Params render as Parameters (JSONPath) or Arguments (JSONata).
	Params *value.Value
	// ParamsField names Params in messages ("Payload", "Parameters").
	ParamsField string
	// Statements are added to the integration's own.
	Statements []iampolicy.Statement
	// Problems found while building the Spec, each naming its field.
	Problems []error
	// JobTimeout: the props' Timeout is the job's own timeout, which the
	// task renders, not the state's.
	JobTimeout bool
	// Metrics are the CloudWatch task metrics of the called resource.
	Metrics *TaskMetrics
	// Deferred problems are reported at synth (ValidateState), not at
	// construction: things a user may still fix before synthesizing.
	Deferred []string
	// Connections give the security groups of a task that has them (the
	// CDK's IConnectable: EcsRunTask), made when first asked for: most
	// programs never ask, and each is jsii calls.
	Connections func() awsec2.Connections
}

// SDKCall is an aws-sdk integration: arn:…:states:::aws-sdk:<service>:<action>.
type SDKCall struct {
	Service string // "s3"
	Action  string // "getObject"
}

// Rendered is a task ready for the CDK: its state JSON (without Next/End,
// Retry and Catch, which the CDK adds) and its IAM statements.
type Rendered struct {
	Name       string // StateName; the construct ID when empty
	Metrics    *TaskMetrics
	JSON       map[string]any
	Statements []iampolicy.Statement
	Deferred   []string
	// Connections: see Spec.Connections.
	Connections func() awsec2.Connections
}

// Render turns a Spec and the common props into a state. It is plain Go:
// no CDK, no jsii. Problems are returned together, each naming its field.
func Render(s *Spec, c *Common, env iampolicy.Env) (*Rendered, []error) {
	r := renderer{spec: s, common: c, env: env, problems: append([]error(nil), s.Problems...)}
	return r.render()
}

type renderer struct {
	spec     *Spec
	common   *Common
	env      iampolicy.Env
	problems []error
}

func (r *renderer) fail(err error) { r.problems = append(r.problems, err) }

func (r *renderer) render() (*Rendered, []error) {
	s, c, lang := r.spec, r.common, r.common.Lang()
	pattern := r.pattern()
	resource, suffix := r.resource(pattern)

	state := map[string]any{"Type": "Task", "Resource": resource}
	if c.Comment != "" {
		state["Comment"] = c.Comment
	}
	if c.JSONata {
		state["QueryLanguage"] = "JSONata"
	}
	field := s.ParamsField
	if field == "" {
		field = "Parameters"
	}
	if s.Params != nil {
		r.check(field, s.Params, lang)
		key := "Parameters"
		if c.JSONata {
			key = "Arguments"
		}
		value.RenderField(state, key, s.Params, lang)
	}
	r.checkAPI(suffix)
	if pattern == iampolicy.WaitForTaskToken && (s.Params == nil || !s.Params.UsesTaskToken()) {
		where := "$$.Task.Token"
		if c.JSONata {
			where = "$states.context.Task.Token"
		}
		r.fail(fieldErr(field, "integration pattern WAIT_FOR_TASK_TOKEN needs %s in the payload, so that the callback can name this task (for example tasks.Path(%q))", where, where))
	}
	r.renderIO(state)
	r.renderSeconds(state, "TaskTimeout", "TimeoutSeconds", c.Timeout, 1, 99999999)
	r.renderSeconds(state, "Heartbeat", "HeartbeatSeconds", c.Heartbeat, 1, 99999999)

	stmts := r.statements(pattern, suffix)
	if c.CredentialsRole != nil {
		r.check("Credentials.RoleArn", c.CredentialsRole, lang)
		creds := map[string]any{}
		value.RenderField(creds, "RoleArn", c.CredentialsRole, lang)
		state["Credentials"] = creds
		stmts = append(stmts, iampolicy.AssumeRole(r.assumable(c.CredentialsRole)))
	}
	if len(r.problems) > 0 {
		return nil, r.problems
	}
	return &Rendered{JSON: state, Statements: iampolicy.Merge(stmts...), Deferred: s.Deferred}, nil
}

func (r *renderer) check(field string, v *value.Value, lang value.Lang) {
	r.problems = append(r.problems, value.Check(field, v, lang)...)
}

func (r *renderer) pattern() iampolicy.Pattern {
	p := r.common.Pattern
	if p == nil {
		return r.spec.DefaultPattern
	}
	switch *p {
	case "REQUEST_RESPONSE":
		return iampolicy.RequestResponse
	case "RUN_JOB":
		return iampolicy.RunJob
	case "WAIT_FOR_TASK_TOKEN":
		return iampolicy.WaitForTaskToken
	}
	r.fail(fieldErr("IntegrationPattern", "unknown pattern %q; use REQUEST_RESPONSE, RUN_JOB or WAIT_FOR_TASK_TOKEN", *p))
	return r.spec.DefaultPattern
}

// resource builds the Resource ARN and checks the pattern is offered.
func (r *renderer) resource(p iampolicy.Pattern) (resource, suffix string) {
	s := r.spec
	switch {
	case s.Integration != nil:
		in := s.Integration
		if !in.Supports(p) {
			r.fail(fieldErr("IntegrationPattern", "%s is not supported by %s:%s; supported: %s", p, in.Service, in.API, in.SupportedPatterns()))
			return "", ""
		}
		suffix = in.DefaultSuffix(p)
		if s.Suffix != "" {
			suffix = s.Suffix
		}
		return r.env.IntegrationARN(in.Service, in.API, suffix), suffix
	case s.SDK != nil:
		switch p {
		case iampolicy.RequestResponse:
		case iampolicy.WaitForTaskToken:
			suffix = iampolicy.WaitForToken
		default:
			r.fail(fieldErr("IntegrationPattern", "%s is not supported by AWS SDK integrations (they have no .sync); supported: REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN", p))
		}
		return r.env.IntegrationARN("aws-sdk:"+s.SDK.Service, s.SDK.Action, suffix), suffix
	}
	if p != r.spec.DefaultPattern {
		r.fail(fieldErr("IntegrationPattern", "%s is not supported here; supported: %s", p, r.spec.DefaultPattern))
	}
	return s.Resource, ""
}

func (r *renderer) statements(p iampolicy.Pattern, suffix string) []iampolicy.Statement {
	var stmts []iampolicy.Statement
	if in := r.spec.Integration; in != nil && in.Policy != nil {
		stmts = in.Policy(iampolicy.Request{Env: r.env, Pattern: p, Suffix: suffix, Params: r.spec.Params})
	}
	return append(stmts, r.spec.Statements...)
}

// renderIO renders the input/output processing fields of the state's
// language, and rejects those of the other language.
func (r *renderer) renderIO(state map[string]any) {
	c, lang := r.common, r.common.Lang()
	jsonPathOnly := map[string]bool{"InputPath": c.InputPath != nil, "OutputPath": c.OutputPath != nil,
		"ResultPath": c.ResultPath != nil, "ResultSelector": c.ResultSelector != nil}
	if c.JSONata {
		for _, f := range []string{"InputPath", "OutputPath", "ResultPath", "ResultSelector"} {
			if jsonPathOnly[f] {
				r.fail(fieldErr(f, "only JSONPath states have %s; a JSONata state shapes its result with Outputs", f))
			}
		}
	} else if c.Outputs != nil {
		r.fail(fieldErr("Outputs", "only JSONata states have Output; set QueryLanguage to JSONATA, or use ResultSelector/ResultPath/OutputPath"))
	}
	for _, p := range []struct {
		field string
		path  *string
		ref   bool
	}{{"InputPath", c.InputPath, false}, {"OutputPath", c.OutputPath, false}, {"ResultPath", c.ResultPath, true}} {
		if p.path == nil || c.JSONata {
			continue
		}
		if *p.path == Discard {
			state[p.field] = nil
			continue
		}
		parse := expr.ParsePath
		if p.ref {
			parse = expr.ParseReferencePath
		}
		if err := parse(*p.path); err != nil {
			r.fail(fieldErr(p.field, "%v", err))
		}
		state[p.field] = *p.path
	}
	for _, f := range []struct {
		field, key string
		v          *value.Value
	}{{"ResultSelector", "ResultSelector", c.ResultSelector}, {"Assign", "Assign", c.Assign}, {"Outputs", "Output", c.Outputs}} {
		if f.v == nil || (c.JSONata && f.field == "ResultSelector") || (!c.JSONata && f.field == "Outputs") {
			continue
		}
		r.check(f.field, f.v, lang)
		state[f.key] = value.Render(f.v, lang)
		if f.v.Kind() != value.Object && lang == value.JSONPathLang {
			r.fail(fieldErr(f.field, "must be an object in a JSONPath state"))
		}
	}
}

// renderSeconds renders a timeout as "<key>" (number or JSONata) or
// "<key>Path" (JSONPath), range-checking literals only.
func (r *renderer) renderSeconds(state map[string]any, field, key string, s Seconds, min, max float64) {
	v := s.Value
	if v == nil {
		return
	}
	lang := r.common.Lang()
	r.check(field, v, lang)
	switch v.Kind() {
	case value.Literal:
		n, ok := v.Number()
		if !ok || n != float64(int64(n)) || n < min || n > max {
			r.fail(fieldErr(field, "must be a whole number of seconds from %g to %g, got %v", min, max, v.LiteralValue()))
			return
		}
		state[key] = n
	case value.Path:
		state[key+"Path"] = v.Expr()
	case value.JSONata:
		state[key] = v.Expr()
	default:
		r.fail(fieldErr(field, "must be seconds, a JSONPath or a JSONata expression, got %s", describe(v)))
	}
}

// assumable is the sts:AssumeRole resource for a credentials role: the role
// when known, else any role (the account is not known either).
func (r *renderer) assumable(role *value.Value) string {
	if s, ok := role.String(); ok {
		return s
	}
	return "arn:" + r.env.Partition + ":iam::*:role/*"
}

func describe(v *value.Value) string {
	switch v.Kind() {
	case value.Intrinsic:
		return fmt.Sprintf("intrinsic %q", v.Expr())
	case value.List:
		return "a list"
	case value.Object:
		return "an object"
	}
	return strings.TrimSpace(fmt.Sprint(v.LiteralValue()))
}
