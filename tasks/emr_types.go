package tasks

import (
	"fmt"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EmrCreateCluster_ConfigurationProperty mirrors the CDK's: an application
// configuration (a classification such as "spark-defaults", its properties
// and nested configurations).
type EmrCreateCluster_ConfigurationProperty struct {
	Classification *string
	// Properties: a map of strings (keys kept as written; values may be
	// dynamic) or an expression for the whole map.
	Properties     interface{}
	Configurations *[]*EmrCreateCluster_ConfigurationProperty
}

// emrConfigurations renders a list of configurations, or takes the whole
// list from an expression.
func emrConfigurations(spec *engine.Spec, prop string, x any) *Value {
	var list []*EmrCreateCluster_ConfigurationProperty
	switch c := x.(type) {
	case []*EmrCreateCluster_ConfigurationProperty:
		list = c
	case *[]*EmrCreateCluster_ConfigurationProperty:
		if c == nil {
			return nil
		}
		list = *c
	default:
		v := field(spec, prop, x)
		if v != nil && !v.IsExpression() {
			spec.Problems = append(spec.Problems, fieldProblem(prop, "give []*tasks.EmrCreateCluster_ConfigurationProperty or an expression that yields the list at run time, got %s", describeValue(v)))
			return nil
		}
		return v
	}
	items := make([]*Value, 0, len(list))
	for i, c := range list {
		p := taskParams{spec: spec, fields: map[string]*Value{}}
		at := fmt.Sprintf("%s[%d]", prop, i)
		if c == nil {
			p.problem(at, "a nil configuration")
			continue
		}
		p.optional(at+".Classification", "Classification", c.Classification)
		if c.Properties != nil {
			if v := field(spec, at+".Properties", c.Properties); v != nil {
				if v.Kind() == value.Object {
					v = v.Verbatim()
				} else if !v.IsExpression() {
					p.problem(at+".Properties", "give a map of strings or an expression, got %s", describeValue(v))
				}
				p.fields["Properties"] = v
			}
		}
		if c.Configurations != nil {
			if v := emrConfigurations(spec, at+".Configurations", c.Configurations); v != nil {
				p.fields["Configurations"] = v
			}
		}
		items = append(items, value.NewObject(p.fields))
	}
	return value.NewList(items...)
}
