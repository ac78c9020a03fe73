package tasks

import (
	"fmt"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsdynamodb"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

var (
	dynamoTableName   = regexp.MustCompile(`^[A-Za-z0-9_.-]{3,255}$`)
	dynamoPlaceholder = regexp.MustCompile(`[#:][A-Za-z0-9_]+`)
)

// dynamoBuilder collects the parameters of one DynamoDB item task.
type dynamoBuilder struct {
	spec   *engine.Spec
	params map[string]*Value
	// expressions are the literal expressions given, by field; dynamic
	// marks that one was decided at run time (placeholders unknown).
	expressions map[string]string
	dynamic     bool
}

func newDynamoBuilder(construct, api string) *dynamoBuilder {
	in, _ := iampolicy.Lookup("dynamodb", api)
	return &dynamoBuilder{
		spec:        &engine.Spec{Construct: construct, Integration: in},
		params:      map[string]*Value{},
		expressions: map[string]string{},
	}
}

func (b *dynamoBuilder) problem(name, format string, args ...any) {
	b.spec.Problems = append(b.spec.Problems, fieldProblem(name, format, args...))
}

// table sets TableName from Table or TableName.
func (b *dynamoBuilder) table(table interfacesawsdynamodb.ITableRef, name *string) {
	switch {
	case table != nil && name != nil:
		b.problem("Table", "give Table or TableName, not both")
	case table != nil:
		b.params["TableName"] = value.Lit(*engine.Memo(table, "TableName", func() *string {
			if t, ok := table.(awsdynamodb.ITable); ok {
				return t.TableName() // one jsii call; TableRef() is three (the struct and its two fields)
			}
			return table.TableRef().TableName
		}))
	case name != nil:
		v := field(b.spec, "TableName", name)
		if s, ok := v.String(); ok && !value.IsTokenString(s) && !validTableName(s) {
			b.problem("TableName", "%q is not a table name (3 to 255 letters, digits, _, - and .) or a table ARN (arn:<partition>:dynamodb:<region>:<account>:table/<name>)", s)
		}
		b.params["TableName"] = v
	default:
		b.problem("Table", "required: the table (or TableName, which may be dynamic)")
	}
}

func validTableName(s string) bool {
	if strings.HasPrefix(s, "arn:") {
		_, name, ok := strings.Cut(s, ":table/")
		return ok && strings.Contains(s, ":dynamodb:") && dynamoTableName.MatchString(name)
	}
	return dynamoTableName.MatchString(s)
}

// attributes sets key (Key, Item, ExpressionAttributeValues) from a map of
// attribute values, or from a whole expression (tasks.ValueAt). keyPrefix,
// when not empty, is what every name must start with; maxNames limits a
// literal map (0: no limit).
func (b *dynamoBuilder) attributes(prop string, x *map[string]DynamoAttributeValue, required bool, keyPrefix string, maxNames int) {
	if _, ok := value.Standing(x); ok {
		b.whole(prop, x, "a map of attribute names to tasks.DynamoAttributeValue_From… values")
		return
	}
	if x == nil {
		if required {
			b.problem(prop, "required: a map of attribute names to tasks.DynamoAttributeValue_From… values")
		}
		return
	}
	m := *x
	if len(m) == 0 && required {
		b.problem(prop, "needs at least one attribute")
	}
	if maxNames > 0 && len(m) > maxNames {
		b.problem(prop, "a key has at most %d attributes (partition and sort key), got %d", maxNames, len(m))
	}
	fields := make(map[string]*Value, len(m))
	for _, k := range sortedNames(m) {
		if keyPrefix != "" && !strings.HasPrefix(k, keyPrefix) {
			b.problem(prop, "%q must start with %q", k, keyPrefix)
		}
		v, err := attributeObject(m[k])
		if err != nil {
			b.problem(prop+"."+k, "%v", err)
			continue
		}
		fields[k] = v
	}
	b.params[prop] = value.NewObject(fields).Verbatim()
}

// whole sets a field given whole as a run-time expression.
func (b *dynamoBuilder) whole(prop string, x any, typed string) {
	v := field(b.spec, prop, x)
	switch {
	case v == nil:
	case v.IsExpression():
		b.params[prop] = v
	default:
		b.problem(prop, "give %s, or a JSONPath, intrinsic or JSONata expression that yields it at run time, got %s", typed, describeValue(v))
	}
}

// attributeNames sets ExpressionAttributeNames: "#placeholder" → name,
// names may be dynamic (tasks.StringAt), or the whole map (tasks.StringMapAt).
func (b *dynamoBuilder) attributeNames(x *map[string]*string) {
	const prop = "ExpressionAttributeNames"
	v := field(b.spec, prop, x)
	switch {
	case v == nil:
		return
	case v.IsExpression():
		b.params[prop] = v
		return
	case v.Kind() != value.Object:
		b.problem(prop, "give a map of \"#placeholder\" to attribute names, or a JSONPath, intrinsic or JSONata expression that yields it at run time, got %s", describeValue(v))
		return
	}
	for _, k := range sortedNames(v.Fields()) {
		name := v.Field(k)
		if !strings.HasPrefix(k, "#") {
			b.problem(prop, "%q must start with \"#\"", k)
		}
		if s, ok := name.String(); ok && s == "" {
			b.problem(prop+"."+k, "names no attribute")
		} else if !ok && !name.IsExpression() {
			b.problem(prop+"."+k, "give an attribute name, got %s", describeLiteral(name))
		}
	}
	b.params[prop] = v.Verbatim()
}

// expression sets a DynamoDB expression (condition, update, projection).
func (b *dynamoBuilder) expression(prop string, s *string) {
	v := field(b.spec, prop, s)
	if v == nil {
		return
	}
	b.setExpression(prop, v)
}

func (b *dynamoBuilder) setExpression(prop string, v *Value) {
	if text, ok := v.String(); ok && !value.IsTokenString(text) {
		if strings.TrimSpace(text) == "" {
			b.problem(prop, "is empty: leave it out instead")
		}
		b.expressions[prop] = text
	} else {
		b.dynamic = true
	}
	b.params[prop] = v
}

// projection sets ProjectionExpression from document paths (ours or the
// CDK's DynamoProjectionExpression), joined with commas as the CDK does, or
// from the whole expression decided at run time (tasks.ValueAt).
func (b *dynamoBuilder) projection(x *[]DynamoProjectionExpression) {
	const prop = "ProjectionExpression"
	if v, ok := value.Standing(x); ok {
		b.setExpression(prop, v)
		return
	}
	if x == nil {
		return
	}
	paths := make([]string, 0, len(*x))
	for i, p := range *x {
		switch p := p.(type) {
		case nil:
			b.problem(fmt.Sprintf("%s[%d]", prop, i), "is nil: give tasks.NewDynamoProjectionExpression().WithAttribute(...)")
		case *projectionPath:
			if p.err != nil {
				b.problem(fmt.Sprintf("%s[%d]", prop, i), "%v", p.err)
				continue
			}
			paths = append(paths, *p.ToString())
		default:
			paths = append(paths, *p.ToString())
		}
	}
	if len(paths) == 0 {
		b.problem(prop, "lists no document paths: leave it out instead")
		return
	}
	b.setExpression(prop, value.Lit(strings.Join(paths, ",")))
}

// enum sets a string-valued option, checking a literal one.
func (b *dynamoBuilder) enum(prop, s string, allowed ...string) {
	if s == "" {
		return
	}
	v := field(b.spec, prop, s)
	if lit, ok := v.String(); ok {
		found := false
		for _, a := range allowed {
			found = found || lit == a
		}
		if !found {
			b.problem(prop, "must be %s (or dynamic), got %q", orList(allowed), lit)
		}
	}
	b.params[prop] = v
}

// checkPlaceholders reports what DynamoDB rejects: names and values given
// without an expression, placeholders used but not defined, and defined
// but unused (only when every expression is known).
func (b *dynamoBuilder) checkPlaceholders() {
	used := map[string]bool{}
	for _, prop := range sortedNames(b.expressions) {
		for _, ph := range dynamoPlaceholder.FindAllString(b.expressions[prop], -1) {
			used[ph] = true
		}
	}
	for _, def := range []struct{ prop, sigil string }{{"ExpressionAttributeNames", "#"}, {"ExpressionAttributeValues", ":"}} {
		given := b.params[def.prop]
		if given != nil && len(b.expressions) == 0 && !b.dynamic {
			b.problem(def.prop, "given without an expression to use them (DynamoDB rejects this)")
			continue
		}
		var defined map[string]*Value
		if given != nil && given.Kind() == value.Object {
			defined = given.Fields()
		}
		wholeDynamic := given != nil && given.IsExpression()
		for _, ph := range sortedNames(used) {
			if strings.HasPrefix(ph, def.sigil) && defined[ph] == nil && !wholeDynamic {
				b.problem(def.prop, "%s is used in %s but not defined here", ph, b.usedIn(ph))
			}
		}
		if b.dynamic {
			continue
		}
		for _, ph := range sortedNames(defined) {
			if !used[ph] {
				b.problem(def.prop, "%s is not used in any expression (DynamoDB rejects unused ones)", ph)
			}
		}
	}
}

func (b *dynamoBuilder) usedIn(ph string) string {
	var props []string
	for _, prop := range sortedNames(b.expressions) {
		for _, p := range dynamoPlaceholder.FindAllString(b.expressions[prop], -1) {
			if p == ph {
				props = append(props, prop)
				break
			}
		}
	}
	return strings.Join(props, " and ")
}

func (b *dynamoBuilder) finish() *engine.Spec {
	b.checkPlaceholders()
	b.spec.Params = value.NewObject(b.params)
	return b.spec
}

func sortedNames[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func orList(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
