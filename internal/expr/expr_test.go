package expr

import (
	"strings"
	"testing"
)

func TestParsePath(t *testing.T) {
	valid := []string{
		"$", "$$", "$.a", "$.a.b", "$[0]", "$.a[-1]", "$.a[*]", "$.*", "$..a", "$..[0]",
		"$$.Execution.Name", "$$.Task.Token", "$.a['b c']", `$.a["b"]`, "$.a[0,1]", "$.a[1:3]",
		"$.a[?(@.b > 1)]", "$.a['x','y']", "$.a-b_c:d", "$.a[?(@.b == ']')]",
		"$total", "$total.id", "$_x1[0]", "$items[*].id", "$cfg['a b']",
	}
	for _, p := range valid {
		if err := ParsePath(p); err != nil {
			t.Errorf("ParsePath(%q) = %v, want nil", p, err)
		}
	}
	invalid := map[string]string{
		"":         "starts with '$'",
		"a.b":      "starts with '$'",
		"$..":      "'..' must be followed",
		"$.a[":     "unclosed '['",
		"$.a[]":    "empty '[]'",
		"$.":       "member name must follow",
		"$.a.":     "member name must follow",
		"$.a b":    "expected '.' or '['",
		"$a b":     "expected '.' or '['",
		"$1a":      "expected '.' or '['",
		"$a.":      "member name must follow",
		"$.a[x]":   "an index must be an integer",
		"$.a[1:x]": "slice bounds",
		"$.a[?x]":  "filter",
		"$.a['b]":  "unclosed '['",
	}
	for p, want := range invalid {
		err := ParsePath(p)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParsePath(%q) = %v, want error containing %q", p, err, want)
		}
	}
}

func TestParseReferencePath(t *testing.T) {
	for _, p := range []string{"$", "$.a", "$.a.b[0]", "$.a['b']"} {
		if err := ParseReferencePath(p); err != nil {
			t.Errorf("ParseReferencePath(%q) = %v", p, err)
		}
	}
	for _, p := range []string{"$..a", "$.a[*]", "$.*", "$.a[0,1]", "$.a[1:2]", "$.a[?(@.x)]", "$.a..b", "$total", "$total.id"} {
		if err := ParseReferencePath(p); err == nil {
			t.Errorf("ParseReferencePath(%q) = nil, want error", p)
		}
	}
}

func TestVariableName(t *testing.T) {
	tests := map[string]string{"$total": "total", "$total.id": "total", "$_a1[0]": "_a1", "$": "", "$$.x": "", "$.a": "", "$1": ""}
	for in, want := range tests {
		got, ok := VariableName(in)
		if got != want || ok != (want != "") {
			t.Errorf("VariableName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, err := ParseIntrinsic("States.Format('{} {}', $total, $order.id)"); err != nil {
		t.Errorf("variables as intrinsic arguments: %v", err)
	}
}

func TestParseIntrinsic(t *testing.T) {
	tests := []struct {
		in    string
		name  string
		paths []string
	}{
		{"States.UUID()", "States.UUID", nil},
		{"States.Format('x-{}', $.id)", "States.Format", []string{"$.id"}},
		{"States.Format('a\\'{}\\{\\}', States.UUID())", "States.Format", nil},
		{"States.Array($.a, 'b', 1, true, null, States.Array($$.Task.Token))", "States.Array", []string{"$.a", "$$.Task.Token"}},
		{"States.MathAdd($.n, -1.5e3)", "States.MathAdd", []string{"$.n"}},
		{"States.Format('{}', $.a['x,y'])", "States.Format", []string{"$.a['x,y']"}},
		{" States.JsonMerge($.a, $.b, false) ", "States.JsonMerge", []string{"$.a", "$.b"}},
	}
	for _, tt := range tests {
		c, err := ParseIntrinsic(tt.in)
		if err != nil {
			t.Errorf("ParseIntrinsic(%q): %v", tt.in, err)
			continue
		}
		if c.Name != tt.name || strings.Join(c.Paths(), "|") != strings.Join(tt.paths, "|") {
			t.Errorf("ParseIntrinsic(%q) = %s %v, want %s %v", tt.in, c.Name, c.Paths(), tt.name, tt.paths)
		}
	}
	invalid := map[string]string{
		"States.Fromat('x')":          `unknown function "States.Fromat"`,
		"States.UUID(1)":              "takes 0 argument(s), got 1",
		"States.Format('{}-{}', $.a)": "2 '{}' but 1 values",
		"States.Format('x'":           "unclosed '('",
		"States.Format('x)":           "unclosed string",
		"States.Array(foo)":           `got "foo"`,
		"States.Array($.a[)":          "unclosed '['",
		"States.UUID() x":             "unexpected text",
		"States.Array($.a $.b)":       "expected ',' or ')'",
	}
	for in, want := range invalid {
		_, err := ParseIntrinsic(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseIntrinsic(%q) = %v, want error containing %q", in, err, want)
		}
	}
}

func TestQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", "it's", `back\slash`, "{braces}", "x-{}-y"} {
		c, err := ParseIntrinsic("States.Array(" + Quote(s) + ")")
		if err != nil {
			t.Fatalf("Quote(%q) did not parse: %v", s, err)
		}
		got := strings.NewReplacer(`\{`, "{", `\}`, "}").Replace(c.Args[0].Str)
		if got != s {
			t.Errorf("Quote round trip of %q gave %q", s, got)
		}
	}
}

func TestParseDynamic(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		ok   bool
	}{
		{"$.a", Path, true},
		{"$$.Task.Token", Path, true},
		{"States.UUID()", Intrinsic, true},
		{"$..", Path, false},
		{"States.Nope()", Intrinsic, false},
		{"hello", Literal, false},
	}
	for _, tt := range tests {
		kind, err := ParseDynamic(tt.in)
		if kind != tt.kind || (err == nil) != tt.ok {
			t.Errorf("ParseDynamic(%q) = %v, %v; want %v, ok=%v", tt.in, kind, err, tt.kind, tt.ok)
		}
	}
}

func TestJSONata(t *testing.T) {
	for _, s := range []string{"{% $states.input.x %}", "{% $count($states.input.items) > 0 ? 'a' : \"b)\" %}", "{%[1,2]%}"} {
		if err := ParseJSONata(s); err != nil {
			t.Errorf("ParseJSONata(%q) = %v", s, err)
		}
	}
	invalid := map[string]string{
		"{%  %}":               "empty expression",
		"$states.input":        "written {% expression %}",
		"{% $f(1 %}":           "unclosed '('",
		"{% $states.input] %}": "unbalanced ']'",
		"{% 'abc %}":           "unclosed string",
	}
	for in, want := range invalid {
		err := ParseJSONata(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseJSONata(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestUsesTaskToken(t *testing.T) {
	if !UsesTaskToken(Path, "$$.Task.Token") || !UsesTaskToken(Intrinsic, "States.Array($$.Task.Token)") ||
		!UsesTaskToken(JSONata, "{% $states.context.Task.Token %}") || UsesTaskToken(Path, "$.Task.Token") {
		t.Error("UsesTaskToken misclassified")
	}
}
