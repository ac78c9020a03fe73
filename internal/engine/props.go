package engine

import (
	"reflect"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/internal/value"
)

// CommonFields names the props every task struct declares, with the types
// the CDK's TaskStateBaseProps gives them, so code written for
// awsstepfunctionstasks compiles unchanged. A test holds each task to it.
var CommonFields = map[string]reflect.Type{
	"Comment":            reflect.TypeFor[*string](),
	"QueryLanguage":      reflect.TypeFor[sfn.QueryLanguage](),
	"InputPath":          reflect.TypeFor[*string](),
	"OutputPath":         reflect.TypeFor[*string](),
	"ResultPath":         reflect.TypeFor[*string](),
	"ResultSelector":     reflect.TypeFor[*map[string]interface{}](),
	"Assign":             reflect.TypeFor[*map[string]interface{}](),
	"Outputs":            reflect.TypeFor[interface{}](),
	"TaskTimeout":        reflect.TypeFor[sfn.Timeout](),
	"HeartbeatTimeout":   reflect.TypeFor[sfn.Timeout](),
	"Credentials":        reflect.TypeFor[*sfn.Credentials](),
	"IntegrationPattern": reflect.TypeFor[sfn.IntegrationPattern](),
	"StateName":          reflect.TypeFor[*string](),
	"Heartbeat":          reflect.TypeFor[awscdk.Duration](),
	"Timeout":            reflect.TypeFor[awscdk.Duration](),
}

// ReadCommon reads the common props out of any task props struct.
// jobTimeout says the struct's Timeout is the job's own (Batch, Glue), not
// the deprecated state timeout.
func ReadCommon(props any, jobTimeout bool) (*Common, []error) {
	rv := reflect.ValueOf(props)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return &Common{}, nil
		}
		rv = rv.Elem()
	}
	get := func(name string) any {
		f := rv.FieldByName(name)
		if !f.IsValid() || f.IsZero() {
			return nil
		}
		return f.Interface()
	}
	c := &Common{}
	var problems []error
	convert := func(field string, x any) *value.Value {
		v, err := Convert(x)
		if err != nil {
			problems = append(problems, fieldErr(field, "%v", err))
		}
		return v
	}
	if s, ok := get("Comment").(*string); ok {
		c.Comment = *s
	}
	if s, ok := get("StateName").(*string); ok {
		c.StateName = *s
	}
	if q, ok := get("QueryLanguage").(sfn.QueryLanguage); ok {
		c.JSONata = q == sfn.QueryLanguage_JSONATA
	}
	c.InputPath, _ = get("InputPath").(*string)
	c.OutputPath, _ = get("OutputPath").(*string)
	c.ResultPath, _ = get("ResultPath").(*string)
	if c.ResultPath != nil && IsDiscardToken(*c.ResultPath) {
		c.ResultPath = &discard
	}
	for _, f := range []struct {
		name string
		dst  **value.Value
	}{{"ResultSelector", &c.ResultSelector}, {"Assign", &c.Assign}, {"Outputs", &c.Outputs}} {
		if x := get(f.name); x != nil {
			*f.dst = convert(f.name, x)
		}
	}
	// The deprecated Duration props win over TaskTimeout and
	// HeartbeatTimeout, as in the CDK's TaskStateBase.
	if d, ok := get("Timeout").(awscdk.Duration); ok && !jobTimeout {
		c.Timeout = Seconds{Value: durationField(&problems, "Timeout", d)}
	} else if t, ok := get("TaskTimeout").(sfn.Timeout); ok {
		c.Timeout = readTimeout(t)
	}
	if d, ok := get("Heartbeat").(awscdk.Duration); ok {
		c.Heartbeat = Seconds{Value: durationField(&problems, "Heartbeat", d)}
	} else if t, ok := get("HeartbeatTimeout").(sfn.Timeout); ok {
		c.Heartbeat = readTimeout(t)
	}
	if creds, ok := get("Credentials").(*sfn.Credentials); ok && creds.Role != nil {
		c.CredentialsRole = convert("Credentials.Role", creds.Role.RoleArn())
	}
	if p, ok := get("IntegrationPattern").(sfn.IntegrationPattern); ok {
		s := string(p)
		c.Pattern = &s
	}
	return c, problems
}

// readTimeout reads an sfn.Timeout: Timeout_Duration, Timeout_At(path) or
// Timeout_Jsonata(expr).
func readTimeout(t sfn.Timeout) Seconds {
	if p := t.Path(); p != nil {
		return Seconds{Value: value.Dyn(*p)}
	}
	if j := t.JsonataExpression(); j != nil {
		return Seconds{Value: value.Ata(*j)}
	}
	if s := t.Seconds(); s != nil {
		return Seconds{Value: value.Lit(*s)}
	}
	return Seconds{}
}

// durationField reads a Duration prop as whole seconds, or as the
// expression a tasks.DurationAt stands for.
func durationField(problems *[]error, field string, d awscdk.Duration) *value.Value {
	v, err := DurationIn(d, Second)
	if err != nil {
		*problems = append(*problems, fieldErr(field, "%v", err))
	}
	return v
}

var discard = Discard

// IsDiscardToken reports whether s is the CDK's sfn.JsonPath_DISCARD()
// token, recognised by its display name without a jsii call.
func IsDiscardToken(s string) bool {
	return value.IsTokenString(s) && strings.Contains(s, "DISCARD")
}
