package tasks

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbedrock"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Guardrail mirrors awsstepfunctionstasks.Guardrail: the guardrail Bedrock
// applies to an invocation. Make one with Guardrail_Enable or
// Guardrail_EnableDraft.
type Guardrail interface {
	// GuardrailIdentifier is the guardrail's ID or ARN.
	GuardrailIdentifier() *string
	// GuardrailVersion is its version ("1"…) or "DRAFT".
	GuardrailVersion() *string
}

// guardrail is sfnkit's Guardrail: its fields as Values, and the problem
// its inputs had, reported by the task that uses it.
type guardrail struct {
	id, version *Value
	problem     error
}

func (g *guardrail) GuardrailIdentifier() *string { return valueString(g.id) }
func (g *guardrail) GuardrailVersion() *string    { return valueString(g.version) }

// valueString is a Value as a *string field holds it.
func valueString(v *Value) *string {
	switch {
	case v == nil:
		return nil
	case v.Kind() == value.Path || v.Kind() == value.Intrinsic:
		return value.MarkString(v.Expr())
	case v.Kind() == value.JSONata:
		e := v.Expr()
		return &e
	}
	s, _ := v.String()
	return &s
}

var bedrockGuardrailID = regexp.MustCompile(`^[a-z0-9]+$`)

// Guardrail_Enable applies version (1 to 99,999,999) of the guardrail
// identifier (its ID or ARN). Either may be dynamic (tasks.StringAt,
// tasks.NumberAt): a version decided at run time is turned into the text
// the API takes.
func Guardrail_Enable(identifier *string, version *float64) Guardrail {
	g := newGuardrail(identifier)
	v, err := engine.Convert(version)
	switch {
	case err != nil:
		g.problem = fmt.Errorf("version: %w", err)
	case v == nil:
		g.problem = fmt.Errorf("version: required, 1 to 99999999")
	case v.Kind() == value.Path || v.Kind() == value.Intrinsic:
		g.version = value.Dyn("States.Format('{}', " + v.Expr() + ")")
	case v.Kind() == value.JSONata:
		body, _ := expr.JSONataBody(v.Expr())
		g.version = value.Ata("$string(" + body + ")")
	default:
		n, ok := v.Number()
		if value.IsTokenNumber(n) {
			g.version = v
			break
		}
		if !ok || n != float64(int64(n)) || n < 1 || n > 99999999 {
			g.problem = fmt.Errorf("version: must be a whole number from 1 to 99999999, got %v", v.LiteralValue())
			break
		}
		g.version = value.Lit(num(n))
	}
	return g
}

// Guardrail_EnableDraft applies the working draft of the guardrail.
func Guardrail_EnableDraft(identifier *string) Guardrail {
	g := newGuardrail(identifier)
	g.version = value.Lit("DRAFT")
	return g
}

func newGuardrail(identifier *string) *guardrail {
	g := &guardrail{}
	id, err := engine.Convert(identifier)
	switch {
	case err != nil:
		g.problem = fmt.Errorf("identifier: %w", err)
		return g
	case id == nil:
		g.problem = fmt.Errorf("identifier: required, the guardrail's ID or ARN")
		return g
	}
	g.id = id
	if s, ok := literalString(id); ok {
		name := s
		if strings.HasPrefix(s, "arn:") {
			_, after, found := strings.Cut(s, ":guardrail/")
			if !found || after == "" {
				g.problem = fmt.Errorf("identifier: %q is not a guardrail ARN (arn:<partition>:bedrock:<region>:<account>:guardrail/<id>)", s)
				return g
			}
			name = after
		}
		switch {
		case !bedrockGuardrailID.MatchString(name):
			g.problem = fmt.Errorf("identifier: the guardrail ID must be lower-case letters and digits, got %q", name)
		case len(s) > 2048:
			g.problem = fmt.Errorf("identifier: at most 2048 characters, got %d", len(s))
		}
	}
	return g
}

// BedrockInvokeModelInputProps mirrors awsstepfunctionstasks.BedrockInvokeModelInputProps:
// the S3 object the model's input is read from. Give one of the two.
type BedrockInvokeModelInputProps struct {
	// S3InputUri: "s3://bucket/key", which may be dynamic.
	S3InputUri *string
	// S3Location: the bucket and key (no object version).
	S3Location *awss3.Location
}

// BedrockInvokeModelOutputProps mirrors awsstepfunctionstasks.BedrockInvokeModelOutputProps:
// the S3 object the response is written to (the result then only refers
// to it). Give one of the two.
type BedrockInvokeModelOutputProps struct {
	// S3Location: the bucket and key (no object version).
	S3Location *awss3.Location
	// S3OutputUri: "s3://bucket/key", which may be dynamic.
	S3OutputUri *string
}

// BedrockInvokeModelProps mirrors awsstepfunctionstasks.BedrockInvokeModelProps.
type BedrockInvokeModelProps struct {
	// Model (required) to invoke: a foundation model
	// (awsbedrock.FoundationModel_FromFoundationModelId), a provisioned or
	// custom model, or an inference profile (by ARN). IAM is granted on its
	// ARN only; an inference profile also gets the foundation model it
	// routes to, in every Region.
	Model awsbedrock.IModel
	// Accept: the MIME type of the response body. Default: application/json.
	Accept *string
	// Body of the request, for the model's own parameters (at most 256 KiB;
	// use Input beyond). Give Body or Input.
	Body sfn.TaskInput
	// ContentType: the MIME type of Body. Default: application/json.
	//
	// Deprecated: the only value Bedrock takes is application/json.
	ContentType *string
	// Guardrail applied to the invocation (Guardrail_Enable,
	// Guardrail_EnableDraft); the role may apply that guardrail.
	Guardrail Guardrail
	// Input is the S3 object the request body is read from; the role may
	// read that object only. Give Body or Input.
	Input *BedrockInvokeModelInputProps
	// Output is the S3 object the response is written to; the role may
	// write that object only.
	Output *BedrockInvokeModelOutputProps
	// TraceEnabled turns Bedrock's trace on (ENABLED) or off (DISABLED).
	// Dynamic only in a JSONata state.
	TraceEnabled *bool

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

var bedrockInvokeModel, _ = iampolicy.Lookup("bedrock", "invokeModel")

// bedrockMaxBody is the largest Body the optimized integration takes.
const bedrockMaxBody = 256 * 1024

// BedrockInvokeModel is the task NewBedrockInvokeModel returns: a Task, typed as the CDK types it.
type BedrockInvokeModel interface{ Task }

// NewBedrockInvokeModel invokes a Bedrock model
// (arn:…:states:::bedrock:invokeModel), REQUEST_RESPONSE only. S3 locations
// come from Input and Output only, as in the CDK with its
// useNewS3UriParametersForBedrockInvokeModelTask flag on: InputPath and
// OutputPath are the state's own, whatever the flag.
func NewBedrockInvokeModel(scope constructs.Construct, id *string, props *BedrockInvokeModelProps) BedrockInvokeModel {
	checkProps(scope, id, "BedrockInvokeModel", props == nil)
	spec := &engine.Spec{Construct: "BedrockInvokeModel", Integration: bedrockInvokeModel, ParamsField: "Body"}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if props.Model == nil {
		p.problem("Model", "required: the model to invoke (awsbedrock.FoundationModel_FromFoundationModelId, awsbedrock.ProvisionedModel_FromProvisionedModelArn…)")
	} else {
		p.fields["ModelId"] = value.Lit(*engine.Memo(props.Model, "ModelArn", props.Model.ModelArn))
	}
	p.optional("Accept", "Accept", props.Accept)
	p.optional("ContentType", "ContentType", props.ContentType)

	body := p.optional("Body", "Body", props.Body)
	if body != nil && !body.Dynamic() {
		if raw, err := json.Marshal(value.Render(body, value.JSONPathLang)); err == nil && len(raw) > bedrockMaxBody {
			p.problem("Body", "at most 256 KiB, got %d bytes: put the request in S3 and give Input instead", len(raw))
		}
	}
	input := p.bedrockLocation("Input", "S3InputUri", bedrockInputURI(props.Input), bedrockInputLocation(props.Input))
	p.bedrockLocation("Output", "S3OutputUri", bedrockOutputURI(props.Output), bedrockOutputLocation(props.Output))
	switch {
	case body != nil && input:
		p.problem("Body", "give Body or Input, not both")
	case body == nil && !input && props.InputPath != nil:
		p.problem("Body", "required: the request body (or Input, the S3 object to read it from); InputPath filters the state's input here, "+
			"it is not the S3 URI the CDK reads it as without the %s flag: give Input.S3InputUri", "useNewS3UriParametersForBedrockInvokeModelTask")
	case body == nil && !input:
		p.problem("Body", "required: the request body (or Input, the S3 object to read it from)")
	}

	if g := props.Guardrail; g != nil {
		if own, ok := g.(*guardrail); ok {
			if own.problem != nil {
				p.problem("Guardrail", "%v", own.problem)
			}
			if own.id != nil {
				p.fields["GuardrailIdentifier"] = own.id
			}
			if own.version != nil {
				p.fields["GuardrailVersion"] = own.version
			}
		} else {
			p.required("Guardrail.GuardrailIdentifier", "GuardrailIdentifier", g.GuardrailIdentifier(), "the guardrail's ID or ARN")
			p.required("Guardrail.GuardrailVersion", "GuardrailVersion", g.GuardrailVersion(), "the guardrail's version or DRAFT")
		}
	}
	if v := onOff(&p, "TraceEnabled", props.TraceEnabled); v != nil {
		p.fields["Trace"] = v
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func bedrockInputURI(in *BedrockInvokeModelInputProps) *string {
	if in == nil {
		return nil
	}
	return in.S3InputUri
}

func bedrockInputLocation(in *BedrockInvokeModelInputProps) *awss3.Location {
	if in == nil {
		return nil
	}
	return in.S3Location
}

func bedrockOutputURI(out *BedrockInvokeModelOutputProps) *string {
	if out == nil {
		return nil
	}
	return out.S3OutputUri
}

func bedrockOutputLocation(out *BedrockInvokeModelOutputProps) *awss3.Location {
	if out == nil {
		return nil
	}
	return out.S3Location
}

// bedrockLocation renders Input or Output ({"S3Uri": …}) from a URI or an
// S3 location, and reports whether it did.
func (p *taskParams) bedrockLocation(prop, uriField string, uri *string, loc *awss3.Location) bool {
	var v *Value
	switch {
	case uri != nil && loc != nil:
		p.problem(prop, "give %s or S3Location, not both", uriField)
		return true
	case loc != nil:
		switch {
		case loc.ObjectVersion != nil:
			p.problem(prop+".S3Location.ObjectVersion", "Bedrock reads and writes the latest version only: leave it out")
		case loc.BucketName == nil || *loc.BucketName == "":
			p.problem(prop+".S3Location.BucketName", "required")
		case loc.ObjectKey == nil || *loc.ObjectKey == "":
			p.problem(prop+".S3Location.ObjectKey", "required")
		default:
			v = value.Lit("s3://" + *loc.BucketName + "/" + *loc.ObjectKey)
		}
	case uri != nil:
		v = field(p.spec, prop+"."+uriField, uri)
		if s, ok := literalString(v); ok && (!strings.HasPrefix(s, "s3://") || len(s) <= len("s3://")) {
			p.problem(prop+"."+uriField, "must be an S3 URI (s3://bucket/key), got %q", s)
		}
	default:
		return false
	}
	if v != nil {
		p.fields[prop] = value.NewObject(map[string]*Value{"S3Uri": v})
	}
	return true
}

// onOff renders a *bool as ENABLED or DISABLED; a dynamic one needs
// JSONata, which can turn a boolean into those words.
func onOff(p *taskParams, prop string, b *bool) *Value {
	v := field(p.spec, prop, b)
	switch {
	case v == nil:
		return nil
	case v.Kind() == value.JSONata:
		body, _ := expr.JSONataBody(v.Expr())
		return value.Ata("(" + body + ") ? 'ENABLED' : 'DISABLED'")
	case v.IsExpression():
		p.problem(prop, "a JSONPath value cannot become ENABLED or DISABLED at run time: use a JSONata state (tasks.BoolAt(\"{%% … %%}\")), or choose between two tasks with a Choice state")
		return nil
	}
	if lit, ok := v.LiteralValue().(bool); ok && !lit {
		return value.Lit("DISABLED")
	}
	return value.Lit("ENABLED")
}
