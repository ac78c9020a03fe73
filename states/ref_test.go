package states_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/states"
)

func TestRefJoin(t *testing.T) {
	tests := []struct {
		base    string
		members []string
		want    string
	}{
		{"$", []string{"a"}, "$.a"},
		{"$.a", []string{"b"}, "$.a.b"},
		{"$.a", []string{"b.c", "[0]", "d"}, "$.a.b.c[0].d"},
		{"$.a", []string{"$.b"}, "$.a.b"},
		{"$.a", []string{"$"}, "$.a"},
		{"$", []string{"$"}, "$"},
		{"$", []string{"$[1]"}, "$[1]"},
		{"$$.Execution", []string{"Name"}, "$$.Execution.Name"},
		{"$$", []string{"Execution.Input"}, "$$.Execution.Input"},
		{"$.list", []string{"['odd key']"}, "$.list['odd key']"},
	}
	for _, tt := range tests {
		got := states.Ref(tt.base).Join(tt.members...)
		assert.Equal(t, tt.want, got.String(), "%s joined with %q", tt.base, tt.members)
	}
	assert.Equal(t, "$", states.RefPath{}.String(), "the zero RefPath is the whole input")
	assert.True(t, states.Ref("$$.Execution.Name").IsContext())
	assert.False(t, states.Ref("$.x").IsContext())
}

func TestRefKeyAndValue(t *testing.T) {
	r := states.Ref("$$.Execution.Name")
	assert.Equal(t, "name.$", r.Key("name"))
	assert.Equal(t, map[string]any{"name.$": "$$.Execution.Name"}, map[string]any{r.Key("name"): r.String()})

	// As a field value, anywhere sfnkit converts one.
	v, err := engine.Convert(map[string]any{"at": r, "deep": []any{states.Ref("$.a").Join("b")}, "s": r.StringAt()})
	require.NoError(t, err)
	assert.Equal(t, "$$.Execution.Name", v.Field("at").Expr())
	assert.Equal(t, "$.a.b", v.Field("deep").Items()[0].Expr())
	assert.Equal(t, "$$.Execution.Name", v.Field("s").Expr())
}

func TestRefRejectsWhatIsNotAReferencePath(t *testing.T) {
	for _, bad := range []string{"", "a.b", "$.a[*]", "$..a", "$.a[?(@.x)]", "$.a[0:2]", "$.a[", "States.UUID()"} {
		_, err := states.ParseRef(bad)
		assert.Error(t, err, "%q", bad)
		assert.Error(t, cdktest.Catch(func() { states.Ref(bad) }), "Ref(%q) must panic", bad)
	}
	_, err := states.ParseRef("$.a[*]")
	assert.ErrorContains(t, err, `states.Ref: "$.a[*]" is not a reference path`)
	assert.ErrorContains(t, err, "a reference path cannot use '*'")

	for _, member := range []string{"", "$$.Execution", "*", "a..b", "[x]"} {
		assert.Error(t, cdktest.Catch(func() { states.Ref("$.a").Join(member) }), "Join(%q) must panic", member)
	}
}
