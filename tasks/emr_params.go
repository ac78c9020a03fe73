package tasks

import (
	"regexp"
	"sort"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/sfnkit/sfnkit/internal/value"
)

// emrClusterIDPattern is the form of an EMR cluster (job flow) ID.
var emrClusterIDPattern = regexp.MustCompile(`^j-[0-9A-Z]+$`)

// clusterID sets the required ClusterId and checks a literal one.
func (p *taskParams) clusterID(id *string) {
	v := p.required("ClusterId", "ClusterId", id, "the ID of the EMR cluster (j-…)")
	if s, ok := literalString(v); ok && !emrClusterIDPattern.MatchString(s) {
		p.problem("ClusterId", "%q is not an EMR cluster ID: j- followed by upper-case letters and digits (j-2AXXXXXXGAPLF)", s)
	}
}

// stringList sets key to a list of strings: literal items must be strings,
// any item or the whole list may be dynamic.
func (p *taskParams) stringList(prop, key string, x any) *Value {
	v := field(p.spec, prop, x)
	switch {
	case v == nil:
		return nil
	case v.IsExpression():
	case v.Kind() != value.List:
		p.problem(prop, "give a list of strings, or an expression that yields one at run time, got %s", describeValue(v))
		return nil
	default:
		for i, item := range v.Items() {
			if _, ok := item.String(); !ok && !item.Dynamic() {
				p.problem(prop, "item %d must be a string (or dynamic), got %s", i, describeValue(item))
			}
		}
	}
	p.fields[key] = v
	return v
}

// keyValues turns a map of strings into EMR's [{"Key", "Value"}] list,
// sorted by key; an expression stands for the whole list.
func (p *taskParams) keyValues(prop string, x any) *Value {
	v := field(p.spec, prop, x)
	switch {
	case v == nil || v.IsExpression():
		return v
	case v.Kind() != value.Object:
		p.problem(prop, "give a map of names to string values, or an expression that yields the [{\"Key\", \"Value\"}] list at run time, got %s", describeValue(v))
		return nil
	}
	keys := sortedFieldNames(v)
	list := make([]*Value, 0, len(keys))
	for _, k := range keys {
		val := v.Field(k)
		if _, ok := val.String(); !ok && !val.Dynamic() {
			p.problem(prop+"."+k, "must be a string (or dynamic), got %s", describeValue(val))
		}
		list = append(list, value.NewObject(map[string]*Value{"Key": value.Lit(k), "Value": val}))
	}
	return value.NewList(list...)
}

// boolean reads a bool (or *bool) or a dynamic value.
func (p *taskParams) boolean(prop string, x any) *Value {
	v := field(p.spec, prop, x)
	if v != nil && !v.Dynamic() {
		if _, ok := v.LiteralValue().(bool); !ok {
			p.problem(prop, "must be true or false (or dynamic), got %s", describeValue(v))
		}
	}
	return v
}

// seconds reads a duration given as an awscdk.Duration, a number of
// seconds or a dynamic value, as a whole number of seconds of at least 0.
func (p *taskParams) seconds(prop string, x any) *Value {
	if d, ok := x.(awscdk.Duration); ok && d != nil {
		var seconds *float64
		if err := catchPanic(func() { seconds = d.ToSeconds(nil) }); err != nil {
			p.problem(prop, "must be a whole number of seconds: %v", err)
			return nil
		}
		x = *seconds
	}
	return p.whole(prop, field(p.spec, prop, x), 0, 0)
}

// sortedFieldNames lists an object's keys in order, for stable output and messages.
func sortedFieldNames(v *Value) []string {
	keys := make([]string, 0, len(v.Fields()))
	for k := range v.Fields() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
