package engine

import (
	"reflect"

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
}

// ReadCommon reads the common props out of any task props struct.
func ReadCommon(props any) (*Common, []error) {
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
	if q, ok := get("QueryLanguage").(sfn.QueryLanguage); ok {
		c.JSONata = q == sfn.QueryLanguage_JSONATA
	}
	c.InputPath, _ = get("InputPath").(*string)
	c.OutputPath, _ = get("OutputPath").(*string)
	c.ResultPath, _ = get("ResultPath").(*string)
	for _, f := range []struct {
		name string
		dst  **value.Value
	}{{"ResultSelector", &c.ResultSelector}, {"Assign", &c.Assign}, {"Outputs", &c.Outputs}} {
		if x := get(f.name); x != nil {
			*f.dst = convert(f.name, x)
		}
	}
	if t, ok := get("TaskTimeout").(sfn.Timeout); ok {
		c.Timeout = readTimeout(t)
	}
	if t, ok := get("HeartbeatTimeout").(sfn.Timeout); ok {
		c.Heartbeat = readTimeout(t)
	}
	if d, ok := get("Heartbeat").(awscdk.Duration); ok && c.Heartbeat.Value == nil {
		c.Heartbeat = Seconds{Value: value.Lit(*d.ToSeconds(nil))}
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
