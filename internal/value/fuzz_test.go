package value

import (
	"encoding/json"
	"testing"
)

// FuzzFromAndRender feeds arbitrary JSON-shaped field values (strings that
// look like paths, intrinsics or JSONata among them) through conversion,
// checking and rendering in both query languages: each must return
// problems, never panic, and a value that checks clean must render to JSON.
func FuzzFromAndRender(f *testing.F) {
	for _, seed := range []string{
		`{"a": "$.x", "b.$": "$.y", "c": [1, "$.z", {"d": "{% $states.input %}"}]}`,
		`{"n": 1e308, "s": "States.Format('{}', $.a)", "l": ["States.Array($.a)"]}`,
		`["$$.Task.Token", null, true, {"k.$": "States.UUID()"}]`,
		`"{% %}"`, `{"x.$": 3}`, `{"": {"": ""}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var x any
		if json.Unmarshal(raw, &x) != nil {
			return
		}
		v, err := From(x, nil)
		if err != nil || v == nil {
			return
		}
		for _, lang := range []Lang{JSONPathLang, JSONataLang} {
			if len(Check("Field", v, lang)) > 0 {
				continue
			}
			out := map[string]any{}
			RenderField(out, "Field", v, lang)
			if _, err := json.Marshal(out); err != nil {
				t.Fatalf("%s renders what JSON cannot hold: %v", lang, err)
			}
		}
	})
}
