package integ_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sfnkit/sfnkit/integ"
)

// TestJSONataAgreement evaluates the corpus (jsonata_corpus_test.go) with
// the executor — a JSONata Pass state whose Output is the expression, run by
// integ.RunDefinition — and with the reference npm jsonata package alone
// (testdata/jsonata/reference.mjs), and prints the agreement rate and every
// disagreement. Agreement: the same value; or no value in the reference
// (undefined) and States.QueryEvaluationError saying so in the executor;
// or an error in both.
func TestJSONataAgreement(t *testing.T) {
	nm, err := integ.FindNodeModules()
	if err != nil {
		t.Fatal(err)
	}
	type refCase struct {
		Expr  string `json:"expr"`
		Input any    `json:"input"`
	}
	inputs := map[string]any{}
	for name, text := range corpusInputs {
		inputs[name] = jsonValueOf(t, text)
	}
	var req []refCase
	for _, c := range jsonataCorpus {
		in, ok := inputs[c.input]
		if !ok {
			t.Fatalf("case %q names the unknown input %q", c.expr, c.input)
		}
		req = append(req, refCase{Expr: c.expr, Input: in})
	}
	body, _ := json.Marshal(req)
	script, _ := filepath.Abs("testdata/jsonata/reference.mjs")
	cmd := exec.Command("node", script)
	cmd.Env = append(os.Environ(), "SFNKIT_NODE_MODULES_DIR="+nm)
	cmd.Stdin = bytes.NewReader(body)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("reference: %v\n%s", err, stderr.String())
	}
	var refs []struct {
		Value     any    `json:"value"`
		Undefined bool   `json:"undefined"`
		Error     string `json:"error"`
	}
	if err := json.Unmarshal(out, &refs); err != nil || len(refs) != len(req) {
		t.Fatalf("reference answered %d results for %d cases (%v)", len(refs), len(req), err)
	}
	var disagreements []string
	groups := map[string][2]int{}
	for i, c := range jsonataCorpus {
		def := map[string]any{"QueryLanguage": "JSONata", "StartAt": "E", "States": map[string]any{
			"E": map[string]any{"Type": "Pass", "Output": "{% " + c.expr + " %}", "End": true}}}
		got := integ.RunDefinition(t, "JSONataCorpus", def, inputs[c.input], nil)
		ref := refs[i]
		var ok bool
		var gotText, refText string
		switch {
		case got.Succeeded():
			gotText = "value " + compact(got.Output)
		case got.Error == "States.QueryEvaluationError":
			gotText = "States.QueryEvaluationError: " + got.Cause
		default:
			gotText = got.Error + ": " + got.Cause
		}
		switch {
		case ref.Error != "":
			refText = "error: " + ref.Error
			ok = got.Error == "States.QueryEvaluationError" && !strings.Contains(got.Cause, "undefined")
		case ref.Undefined:
			refText = "undefined"
			ok = got.Error == "States.QueryEvaluationError" && strings.Contains(got.Cause, "undefined")
		default:
			refText = "value " + compact(ref.Value)
			ok = got.Succeeded() && reflect.DeepEqual(got.Output, ref.Value)
		}
		g := groups[c.group]
		g[1]++
		if ok {
			g[0]++
		} else {
			disagreements = append(disagreements, fmt.Sprintf("[%s] %s\n\t\treference: %s\n\t\texecutor:  %s", c.group, c.expr, refText, gotText))
		}
		groups[c.group] = g
	}
	n := len(jsonataCorpus)
	agree := n - len(disagreements)
	rate := 100 * float64(agree) / float64(n)
	var per []string
	for _, name := range []string{"literal", "arithmetic", "comparison", "boolean", "concat", "conditional", "range", "chain", "binding", "regex", "path", "string", "numeric", "booleanfn", "array", "object", "date", "higher", "errors"} {
		g := groups[name]
		per = append(per, fmt.Sprintf("%s %d/%d", name, g[0], g[1]))
	}
	t.Logf("JSONata agreement with the reference jsonata 2.2.2: %d of %d expressions (%.1f%%)\n\tby group: %s", agree, n, rate, strings.Join(per, ", "))
	for _, d := range disagreements {
		t.Logf("disagreement: %s", d)
	}
	if rate < 99 {
		t.Errorf("agreement %.1f%% is below 99%%", rate)
	}
}

func compact(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func jsonValueOf(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON %s: %v", s, err)
	}
	return v
}
