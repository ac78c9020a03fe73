package value

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// renderParams converts, checks and renders a parameters map the way a task does.
func renderParams(t *testing.T, in any, lang Lang) (string, []error) {
	t.Helper()
	v, err := From(in, nil)
	require.NoError(t, err)
	if errs := Check("Parameters", v, lang); len(errs) > 0 {
		return "", errs
	}
	b, err := json.Marshal(Render(v, lang))
	require.NoError(t, err)
	return string(b), nil
}

func TestRenderJSONPath(t *testing.T) {
	tests := []struct {
		name string
		in   map[string]any
		want string
	}{
		{"literal string that starts with $ stays literal", map[string]any{"Price": "$5"}, `{"Price":"$5"}`},
		{"path to a list", map[string]any{"Args": Dyn("$.args")}, `{"Args.$":"$.args"}`},
		{"number as a path", map[string]any{"InstanceCount": Dyn("$.count")}, `{"InstanceCount.$":"$.count"}`},
		{"literal number", map[string]any{"InstanceCount": ptr(2.0)}, `{"InstanceCount":2}`},
		{"context path", map[string]any{"Token": Dyn("$$.Task.Token")}, `{"Token.$":"$$.Task.Token"}`},
		{"intrinsic", map[string]any{"Name": Dyn("States.Format('x-{}', $.id)")}, `{"Name.$":"States.Format('x-{}', $.id)"}`},
		{"marked *string", map[string]any{"Name": MarkString("$.name")}, `{"Name.$":"$.name"}`},
		{"mixed list becomes States.Array", map[string]any{"Args": []any{"spark-submit", Dyn("$.script"), 3.0, true, nil}},
			`{"Args.$":"States.Array('spark-submit', $.script, 3, true, null)"}`},
		{"literal list stays a list", map[string]any{"Args": []string{"a", "b"}}, `{"Args":["a","b"]}`},
		{"nested list and quoting", map[string]any{"A": []any{[]any{"it's {x}", Dyn("$.b")}, map[string]any{"k": 1}}},
			`{"A.$":"States.Array(States.Array('it\\'s \\{x\\}', $.b), States.StringToJson('\\{\"k\":1\\}'))"}`},
		{"nested object", map[string]any{"Overrides": map[string]any{"Env": Dyn("$.env"), "Cpu": 1}},
			`{"Overrides":{"Cpu":1,"Env.$":"$.env"}}`},
		{"raw .$ key", map[string]any{"Name.$": "$.n"}, `{"Name.$":"$.n"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := renderParams(t, tt.in, JSONPathLang)
			require.Empty(t, errs)
			assert.JSONEq(t, tt.want, got)
		})
	}
}

func TestRenderJSONata(t *testing.T) {
	got, errs := renderParams(t, map[string]any{
		"Args":  []any{"a", Ata("$states.input.b")},
		"Count": "{% $states.input.n %}",
		"Price": "$5",
	}, JSONataLang)
	require.Empty(t, errs)
	assert.JSONEq(t, `{"Args":["a","{% $states.input.b %}"],"Count":"{% $states.input.n %}","Price":"$5"}`, got)
}

func TestCheckErrors(t *testing.T) {
	tests := []struct {
		name string
		in   map[string]any
		lang Lang
		want string
	}{
		{"malformed path", map[string]any{"A": Dyn("$..")}, JSONPathLang, `Parameters.A: invalid JSONPath "$.."`},
		{"unclosed bracket", map[string]any{"A": map[string]any{"B": Dyn("$.a[")}}, JSONPathLang, `Parameters.A.B: invalid JSONPath "$.a["`},
		{"unknown intrinsic", map[string]any{"A": Dyn("States.Nope()")}, JSONPathLang, `unknown function "States.Nope"`},
		{"JSONata in JSONPath state", map[string]any{"A": "{% $x %}"}, JSONPathLang, "Parameters.A: JSONata \"{% $x %}\" in a JSONPath state"},
		{"path in JSONata state", map[string]any{"A": Dyn("$.x")}, JSONataLang, `Parameters.A: JSONPath "$.x" in a JSONata state`},
		{"object with dynamic field in a dynamic list", map[string]any{"A": []any{Dyn("$.a"), map[string]any{"b": Dyn("$.b")}}}, JSONPathLang,
			"element 1 is an object with dynamic fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := renderParams(t, tt.in, tt.lang)
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0].Error(), tt.want)
		})
	}
}

func TestFromRejectsUnknownTypes(t *testing.T) {
	_, err := From(map[string]any{"A": struct{}{}}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "A: cannot use a struct {}")
}

func TestTokensNeedResolver(t *testing.T) {
	_, err := From("${Token[TOKEN.1]}", nil)
	require.ErrorContains(t, err, "CDK token")
}

type fakeResolver map[any]string

func (f fakeResolver) Foreign(any) (any, bool) { return nil, false }
func (f fakeResolver) Expressions(tokens []any) ([]string, error) {
	out := make([]string, len(tokens))
	for i, tk := range tokens {
		if s, ok := tk.([]*string); ok {
			tk = *s[0]
		}
		out[i] = f[tk]
	}
	return out, nil
}

func TestTokens(t *testing.T) {
	num := -1.8881545897087578e+289
	r := fakeResolver{"${Token[x.1]}": "$.x", num: "$.n", "#{Token[TOKEN.3]}": "$.l"}
	v, err := From(map[string]any{
		"S":   ptr("${Token[x.1]}"),
		"Arn": "arn:${Token[AWS.Partition.2]}:s3:::b",
		"N":   &num,
		"L":   []*string{ptr("#{Token[TOKEN.3]}")},
	}, r)
	require.NoError(t, err)
	b, _ := json.Marshal(Render(v, JSONPathLang))
	assert.JSONEq(t, `{"S.$":"$.x","Arn":"arn:${Token[AWS.Partition.2]}:s3:::b","N.$":"$.n","L.$":"$.l"}`, string(b))
}

func TestPascalKeys(t *testing.T) {
	v, err := From(map[string]any{
		"processingResources": map[string]any{"clusterConfig": map[string]any{"instanceCount": 1}},
		"environment":         NewObject(map[string]*Value{"my_var": Lit("x")}).Verbatim(),
	}, nil)
	require.NoError(t, err)
	b, _ := json.Marshal(Render(v.PascalKeys(), JSONPathLang))
	assert.JSONEq(t, `{"ProcessingResources":{"ClusterConfig":{"InstanceCount":1}},"Environment":{"my_var":"x"}}`, string(b))
}

func TestUsesTaskToken(t *testing.T) {
	for in, want := range map[string]bool{"$$.Task.Token": true, "States.Format('{}', $$.Task.Token)": true, "$.token": false} {
		v, _ := From(map[string]any{"a": []any{Dyn(in)}}, nil)
		assert.Equal(t, want, v.UsesTaskToken(), in)
	}
	v, _ := From(map[string]any{"t": "{% $states.context.Task.Token %}"}, nil)
	assert.True(t, v.UsesTaskToken())
	assert.True(t, strings.HasPrefix(*MarkString("$.a"), Marker))
}

func TestListOfObjectsKeepsFieldPaths(t *testing.T) {
	got, errs := renderParams(t, map[string]any{"Environment": []any{map[string]any{"Name": "X", "Value": Dyn("$.x")}}}, JSONPathLang)
	require.Empty(t, errs)
	assert.JSONEq(t, `{"Environment":[{"Name":"X","Value.$":"$.x"}]}`, got)
}
