package parity_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/internal/parity/cases"
	"github.com/sfnkit/sfnkit/internal/parity/cdkcases"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestMain(m *testing.M) { cdktest.Main(m) }

// side is one of the twin stacks with its cases built.
type side struct {
	stack  awscdk.Stack
	states []sfn.State
	errs   []error
}

func build(app awscdk.App, name string, all []parity.Case) *side {
	s := &side{stack: awscdk.NewStack(app, jsii.String(name), cdktest.StackProps())}
	for i, c := range all {
		scope := constructs.NewConstruct(s.stack, jsii.String(caseID(i)))
		var st sfn.State
		err := cdktest.Catch(func() { st = c.Build(scope) })
		s.states = append(s.states, st)
		s.errs = append(s.errs, err)
	}
	return s
}

func caseID(i int) string { return fmt.Sprintf("Case%03d", i) }

func TestParityWithTheCDK(t *testing.T) {
	if len(cases.All) != len(cdkcases.All) {
		t.Fatalf("cdkcases is stale (%d cases, cases has %d): run go generate ./internal/parity", len(cdkcases.All), len(cases.All))
	}
	app := cdktest.NewApp()
	cdk := build(app, "Cdk", cdkcases.All)
	ours := build(app, "Sfnkit", cases.All)
	cdkIDs := logicalIDs(t, cdk.stack)
	ourIDs := logicalIDs(t, ours.stack)
	readme := deliberateDifferences(t)

	names := map[string]bool{}
	for i, c := range cases.All {
		t.Run(c.Name, func(t *testing.T) {
			if names[c.Name] {
				t.Fatalf("duplicate case name")
			}
			names[c.Name] = true
			if c.Rejected != "" {
				if !strings.Contains(readme, c.Rejected) {
					t.Errorf("difference %q is not listed in the README", c.Rejected)
				}
				var ve *tasks.ValidationError
				if cdk.errs[i] != nil || !errors.As(ours.errs[i], &ve) {
					t.Fatalf("declared rejected by sfnkit only (%s):\n  CDK:    %v\n  sfnkit: %v", c.Rejected, cdk.errs[i], ours.errs[i])
				}
				return
			}
			if cdk.errs[i] != nil || ours.errs[i] != nil {
				t.Fatalf("building:\n  CDK:    %v\n  sfnkit: %v", cdk.errs[i], ours.errs[i])
			}
			want := stateJSON(t, cdk.stack, cdk.states[i])
			got := stateJSON(t, ours.stack, ours.states[i])
			for path, why := range c.Differs {
				if !strings.Contains(readme, why) {
					t.Errorf("difference %q at %s is not listed in the README's \"Deliberate differences from the CDK\"", why, path)
				}
				w, wok := take(want, path)
				g, gok := take(got, path)
				if wok == gok && reflect.DeepEqual(w, g) {
					t.Errorf("%s: declared to differ (%s) but both sides give %v", path, why, w)
				}
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("state JSON differs:\n  CDK:    %s\n  sfnkit: %s", compact(want), compact(got))
			}
			w, g := cdkIDs[caseID(i)], ourIDs[caseID(i)]
			switch {
			case c.IDsDiffer != "":
				if !strings.Contains(readme, c.IDsDiffer) {
					t.Errorf("difference %q is not listed in the README", c.IDsDiffer)
				}
				if reflect.DeepEqual(w, g) {
					t.Errorf("logical IDs declared to differ (%s) but are the same: %v", c.IDsDiffer, w)
				}
			case !reflect.DeepEqual(w, g):
				t.Errorf("logical IDs differ:\n  CDK:    %v\n  sfnkit: %v", w, g)
			}
		})
	}
	if len(cases.All) < promisedCases {
		t.Errorf("%d parity cases; the suite promises at least %d", len(cases.All), promisedCases)
	}
}

// stateJSON is the state as the definition would hold it, tokens resolved.
func stateJSON(t *testing.T, stack awscdk.Stack, st sfn.State) map[string]any {
	t.Helper()
	var out map[string]any
	if err := cdktest.Catch(func() {
		raw, _ := json.Marshal(stack.Resolve(st.ToStateJson(sfn.QueryLanguage_JSON_PATH)))
		if err := json.Unmarshal(raw, &out); err != nil {
			panic(err)
		}
	}); err != nil {
		t.Fatalf("rendering: %v", err)
	}
	return out
}

// logicalIDs groups a stack's resources, but for IAM policies (which sfnkit
// writes differently on purpose), by the case that created them.
func logicalIDs(t *testing.T, stack awscdk.Stack) map[string][]string {
	tpl := cdktest.Template(t, stack)
	resources, _ := tpl["Resources"].(map[string]any)
	out := map[string][]string{}
	for id, r := range resources {
		if typ, _ := r.(map[string]any)["Type"].(string); typ == "AWS::IAM::Policy" {
			continue
		}
		if len(id) >= 7 && strings.HasPrefix(id, "Case") {
			out[id[:7]] = append(out[id[:7]], id+" "+fmt.Sprint(r.(map[string]any)["Type"]))
		}
	}
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out
}

// take removes and returns the value at a dotted path.
func take(m map[string]any, path string) (any, bool) {
	keys := strings.Split(path, ".")
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			return nil, false
		}
		m = next
	}
	last := keys[len(keys)-1]
	v, ok := m[last]
	delete(m, last)
	return v, ok
}

func compact(x any) string {
	b, _ := json.Marshal(x)
	return string(b)
}

// deliberateDifferences is the README's section that lists them.
func deliberateDifferences(t *testing.T) string {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	start := strings.Index(s, "## Deliberate differences from the CDK")
	if start < 0 {
		t.Fatal(`README has no "## Deliberate differences from the CDK" section`)
	}
	s = s[start+1:]
	if end := strings.Index(s, "\n## "); end >= 0 {
		s = s[:end]
	}
	return s
}

// promisedCases is the least number of cases the suite holds.
const promisedCases = 120
