package nodeproc

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func nodeModules(t *testing.T) string {
	t.Helper()
	if nm := os.Getenv("SFNKIT_NODE_MODULES"); nm != "" {
		return nm
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "jsonata")); err == nil {
			return filepath.Join(dir, "node_modules")
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("no node_modules with jsonata: run make deps")
		}
	}
}

func TestStepFunctionsFunctions(t *testing.T) {
	e, err := Start(nodeModules(t))
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	tests := []struct {
		expr    string
		want    any
		errText string
	}{
		{`$partition([1,2,3,4,5], 2)`, []any{[]any{1.0, 2.0}, []any{3.0, 4.0}, []any{5.0}}, ""},
		{`$range(0, 10, 5)`, []any{0.0, 5.0, 10.0}, ""},
		{`$range(3, 1, -1)`, []any{3.0, 2.0, 1.0}, ""},
		{`$hash('input', 'SHA-256')`, "c96c6d5be8d08a12e7b5cdc1b207fa6b2430974c86803d8891675e76fd992c20", ""},
		{`$parse('{"a":[1,true]}')`, map[string]any{"a": []any{1.0, true}}, ""},
		{`$parse('{nope')`, nil, "$parse"},
		{`$random(7) = $random(7)`, true, ""},
		{`$length($uuid())`, 36.0, ""},
		{`$eval('1+1')`, nil, "$eval is not supported"},
		{`$states.input.a & $v`, "xy", ""},
		{`$partition([1], 0)`, nil, "chunk size"},
	}
	for _, tc := range tests {
		got, defined, err := e.Evaluate(tc.expr, map[string]any{"states": map[string]any{"input": map[string]any{"a": "x"}}, "v": "y"})
		if tc.errText != "" {
			if je, ok := err.(*Error); !ok || !contains(je.Message, tc.errText) {
				t.Errorf("%s: error %v, want one containing %q", tc.expr, err, tc.errText)
			}
			continue
		}
		if err != nil || !defined || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s = %#v (defined %v, %v), want %#v", tc.expr, got, defined, err, tc.want)
		}
	}
	if _, defined, err := e.Evaluate(`$states.nope`, map[string]any{"states": map[string]any{}}); defined || err != nil {
		t.Errorf("undefined: %v %v", defined, err)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
