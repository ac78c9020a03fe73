package tasks_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/tasks"
)

type evalCase struct {
	Expression string   `json:"expression"`
	JSONata    string   `json:"jsonata"`
	Paths      []string `json:"paths"`
	Input      any      `json:"input"`
}

type evalOutcome struct {
	OK  *string `json:"ok"`
	Err *string `json:"err"`
}

// compareEvaluations runs each case through the CDK's Lambda handler logic
// and through JSONata, in node.
func compareEvaluations(t *testing.T, cases []evalCase) []struct{ JS, JSONata evalOutcome } {
	t.Helper()
	nm, err := integ.FindNodeModules()
	require.NoError(t, err)
	in, _ := json.Marshal(cases)
	cmd := exec.Command("node", filepath.Join("testdata", "evaluate_expression_compare.js"), nm)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	var res []struct {
		JS      evalOutcome `json:"js"`
		JSONata evalOutcome `json:"jsonata"`
	}
	require.NoError(t, json.Unmarshal(out, &res))
	conv := make([]struct{ JS, JSONata evalOutcome }, len(res))
	for i, r := range res {
		conv[i].JS, conv[i].JSONata = r.JS, r.JSONata
	}
	return conv
}

var cdkPathPattern = regexp.MustCompile(`\$[.\[][.a-zA-Z[\]0-9\-_]+`)

// The translation gives what the Lambda function gives, for every
// expression and input below (node evaluates both).
func TestEvaluateExpressionTranslationMatchesJavaScript(t *testing.T) {
	input := map[string]any{
		"a": 1.0, "b": 2.5, "s": "Hello", "t": "world", "n": nil, "zero": 0.0, "empty": "", "yes": true, "no": false,
		"list": []any{1.0, 2.0, 3.0}, "words": []any{"x", "y"}, "none": []any{}, "obj": map[string]any{"k": "v", "n": 2.0},
		"nested": map[string]any{"deep": map[string]any{"v": 7.0}}, "c-d": 4.0, "a_b": 5.0, "num": "42", "pad": "  hi  ",
		"neg": -2.5, "half": 2.5,
	}
	exprs := []string{
		"$.a + $.b", "$.a - $.b * 2", "$.b / $.a % 2", "($.a + $.b) * 3", "-$.a", "+$.num",
		"$.s + ' ' + $.t", "$.s + $.a", "$.a + $.s", "'n=' + $.a", "$.a + $.b + 'x'", "'x' + $.a + $.b",
		"`${$.s}, ${$.t}!`", "`n: ${$.a + 1}`", "`list: ${$.list}`", "`obj: ${$.obj}`", "`null: ${$.n}`", "`${$.yes}`", "``", "`plain`",
		"$.a === 1", "$.a !== 1", "$.s == 'Hello'", "$.a < $.b", "$.b >= 2.5", "$.s > 'A'",
		"$.yes && $.no", "$.yes || $.no", "!$.yes", "!$.zero", "!$.none", "!$.obj", "!!$.empty",
		"$.a && $.s", "$.zero && $.s", "$.zero || $.s", "$.empty || 'default'", "$.none || 'x'", "$.n ?? 'fallback'", "$.zero ?? 9",
		"$.a > 0 ? 'pos' : 'neg'", "$.none ? 'truthy' : 'falsy'",
		"($.list).length", "($.s).length", "($.s).toUpperCase()", "($.t).toLowerCase()", "($.pad).trim()", "`ab`.length",
		"($.s).includes('ell')", "($.words).includes('y')", "($.s).startsWith('He')", "($.s).endsWith('lo')", "($.s).endsWith('xlo')",
		"Math.floor($.b)", "Math.ceil($.b)", "Math.round($.half)", "Math.round($.neg)", "Math.abs($.neg)", "Math.max($.a, $.b, 0)",
		"Math.min($.a, $.b)", "Math.pow($.a + 1, 3)", "Math.sqrt(16)",
		"JSON.stringify($.obj)", "JSON.stringify($.list)", "JSON.stringify($.s)", "JSON.stringify('q\"b')",
		"[1, 'two', $.a ]", "[$.list, 4]", "[]", "({a: 1, 'b c': $.s, d: [$.a ]})", "[$.obj, $.none, $.list, [$.a ]]",
		"$.nested.deep.v * 2", "$.c-d + $.a_b", "$.list[1] + $.a", "2 + 2", "'it\\'s'", "\"dq\"", "1.5e3 + 0.5",
		"$.a == 1 && $.b == 2.5 || false",
	}
	// The same expressions on values of other types: the translation
	// decides at run time what + and truthiness mean.
	swapped := map[string]any{
		"a": "1", "b": "x", "s": 5.0, "t": true, "n": 0.0, "zero": []any{}, "empty": map[string]any{}, "yes": "yes", "no": "",
		"list": []any{"p", "q"}, "words": "xyz", "none": map[string]any{}, "obj": []any{"p", 1.0}, "nested": map[string]any{"deep": map[string]any{"v": "7"}},
		"c-d": "c", "a_b": 1.0, "num": "-3", "pad": "x", "neg": 3.0, "half": -0.5,
	}
	var cases []evalCase
	for _, in := range []map[string]any{input, swapped} {
		for _, e := range exprs {
			tr, err := tasks.TranslateToJSONata(e, "$states.input")
			require.NoError(t, err, e)
			cases = append(cases, evalCase{Expression: e, JSONata: tr, Paths: unique(cdkPathPattern.FindAllString(e, -1)), Input: in})
		}
	}
	res := compareEvaluations(t, cases)
	for i, r := range res {
		c := cases[i]
		if i < len(exprs) {
			if assert.Nil(t, r.JS.Err, "JavaScript failed on %s: %v", c.Expression, deref(r.JS.Err)) && assert.Nil(t, r.JSONata.Err, "JSONata failed on %s → %s", c.Expression, c.JSONata) {
				assert.Equal(t, *r.JS.OK, *r.JSONata.OK, "%s → %s", c.Expression, c.JSONata)
			}
			continue
		}
		// Other types: where JavaScript gives a result, JSONata gives it too.
		if r.JS.Err == nil && r.JSONata.Err == nil {
			assert.Equal(t, *r.JS.OK, *r.JSONata.OK, "with other types: %s → %s", c.Expression, c.JSONata)
		} else if r.JS.Err == nil {
			t.Logf("with other types: %s gives %s in JavaScript, and fails in JSONata: %s", c.Expression, *r.JS.OK, *r.JSONata.Err)
		}
	}
}

func unique(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
