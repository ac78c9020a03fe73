package expr

import (
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary text to every parser: none may panic, and
// whatever a parser accepts must survive being embedded in an intrinsic.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"$", "$.a.b[0]", "$..a", "$.a[?(@.b)]", "$$.Task.Token", "States.Format('x-{}', $.id)",
		"States.Array($.a, 'b', States.UUID())", "{% $states.input %}", "$.a['x']", "$..", "$.a[",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pathErr := ParsePath(s)
		refErr := ParseReferencePath(s)
		if refErr == nil && pathErr != nil {
			t.Fatalf("%q is a reference path but not a path: %v", s, pathErr)
		}
		_, _ = ParseDynamic(s)
		_ = ParseJSONata(s)
		if _, err := ParseIntrinsic(s); err == nil {
			if _, err := ParseIntrinsic("States.Array(" + strings.TrimSpace(s) + ")"); err != nil {
				t.Fatalf("call %q parses alone but not as an argument: %v", s, err)
			}
		}
		if pathErr == nil && !strings.ContainsAny(s, " \t\n,)") {
			if _, err := ParseIntrinsic("States.Array(" + s + ")"); err != nil {
				t.Fatalf("path %q parses alone but not as an argument: %v", s, err)
			}
		}
		if _, err := ParseIntrinsic("States.Array(" + Quote(s) + ")"); err != nil {
			t.Fatalf("Quote(%q) does not parse: %v", s, err)
		}
	})
}
