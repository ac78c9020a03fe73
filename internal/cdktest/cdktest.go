// Package cdktest is what sfnkit's own CDK tests share: a jsii-safe
// TestMain, stacks that synthesize the same way every time, resolved state
// machine definitions, and golden files refreshed only by -update.
package cdktest

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Main runs the tests and closes the jsii runtime quietly.
func Main(m *testing.M) { main(m, false) }

// MainSharded is Main for the largest test package, which go test starts
// last: its tests run in two processes (see runSharded).
func MainSharded(m *testing.M) { main(m, true) }

func main(m *testing.M, sharded bool) {
	if os.Getenv("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION") == "" {
		os.Setenv("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
	}
	SkipCDKValidation()
	if sharded {
		if code, ok := runSharded(); ok {
			jsii.Close() // never started here: removes the runtime's temporary directory
			os.Exit(code)
		}
	}
	code := m.Run()
	if devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		os.Stderr = devnull // jsii may print "waitid: no child processes" on exit
	}
	jsii.Close()
	os.Exit(code)
}

// SkipCDKValidation turns off the CDK's built-in CloudFormation validation
// for this test binary: it costs ~3 s to load and ~80 ms per synth, and
// reports warnings only, while the suite checks templates with its own
// tools (integ). jsii captures the environment of its Node process when the
// CDK's packages initialize, before TestMain, so the binary re-executes
// itself with CDK_VALIDATION=false; set CDK_VALIDATION=true to keep it.
func SkipCDKValidation() {
	if os.Getenv("CDK_VALIDATION") != "" {
		return
	}
	self, err := os.Executable()
	if err != nil {
		return
	}
	env := append(os.Environ(), "CDK_VALIDATION=false")
	jsii.Close()                         // the runtime's unstarted process: removes its temporary directory
	_ = syscall.Exec(self, os.Args, env) // returns only on failure: then keep going with validation
}

// NewStack returns a stack that synthesizes without bootstrap or analytics
// noise, in an environment-agnostic account and region. Its synthesizer is
// the app's default (see sharedSynthesizer): one jsii object fewer per stack.
func NewStack() awscdk.Stack {
	return awscdk.NewStack(newApp(sharedSynthesizer()), jsii.String("Test"), nil)
}

// sharedSynthesizer is a synthesizer like StackProps', made once: the CDK
// binds a reusable synthesizer to each stack through a copy.
var sharedSynthesizer = sync.OnceValue(func() awscdk.DefaultStackSynthesizer {
	return awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{GenerateBootstrapVersionRule: jsii.Bool(false)})
})

// NewApp is an app without analytics metadata, for stable templates.
func NewApp() awscdk.App { return newApp(nil) }

func newApp(synth awscdk.IReusableStackSynthesizer) awscdk.App {
	return awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false), DefaultStackSynthesizer: synth})
}

// StackProps leave out the bootstrap-version rule, for stable templates.
func StackProps() *awscdk.StackProps {
	return &awscdk.StackProps{
		Synthesizer: awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{GenerateBootstrapVersionRule: jsii.Bool(false)}),
	}
}

// Template synthesizes stack into plain JSON, turning a CDK panic into a
// test failure.
func Template(t testing.TB, stack awscdk.Stack) map[string]any {
	t.Helper()
	var out map[string]any
	err := Catch(func() {
		raw, _ := json.Marshal(assertions.Template_FromStack(stack, nil).ToJSON())
		if err := json.Unmarshal(raw, &out); err != nil {
			panic(err)
		}
	})
	if err != nil {
		t.Fatalf("synthesizing %s: %v", *stack.StackName(), err)
	}
	return out
}

// Catch runs fn and returns what it panicked with, as an error.
func Catch(fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", p)
			}
		}
	}()
	fn()
	return nil
}

// Resources returns the template's resources of one type, by logical ID.
func Resources(template map[string]any, typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	res, _ := template["Resources"].(map[string]any)
	for id, r := range res {
		if m, ok := r.(map[string]any); ok && m["Type"] == typ {
			out[id] = m
		}
	}
	return out
}

// Definition returns the one state machine's definition as ASL, with the
// template's references written as ${Ref} and ${Logical.Attr} placeholders.
func Definition(t testing.TB, template map[string]any) map[string]any {
	t.Helper()
	machines := Resources(template, "AWS::StepFunctions::StateMachine")
	if len(machines) != 1 {
		t.Fatalf("want one state machine, found %d", len(machines))
	}
	for _, m := range machines {
		return resolvedDefinition(t, m)
	}
	return nil
}

func resolvedDefinition(t testing.TB, machine map[string]any) map[string]any {
	t.Helper()
	props, _ := machine["Properties"].(map[string]any)
	text := definitionText(props)
	var def map[string]any
	if err := json.Unmarshal([]byte(text), &def); err != nil {
		t.Fatalf("definition is not JSON: %v\n%s", err, text)
	}
	return def
}

// definitionText is a state machine's DefinitionString as text with its
// DefinitionSubstitutions applied (as CloudFormation does).
func definitionText(props map[string]any) string {
	text := Flatten(props["DefinitionString"])
	subs, _ := props["DefinitionSubstitutions"].(map[string]any)
	for k, v := range subs {
		text = strings.ReplaceAll(text, "${"+k+"}", Flatten(v))
	}
	return text
}

// Flatten writes a CloudFormation string expression as text.
func Flatten(x any) string {
	switch v := x.(type) {
	case string:
		return v
	case map[string]any:
		if j, ok := v["Fn::Join"].([]any); ok && len(j) == 2 {
			sep, _ := j[0].(string)
			parts, _ := j[1].([]any)
			texts := make([]string, len(parts))
			for i, p := range parts {
				texts[i] = Flatten(p)
			}
			return strings.Join(texts, sep)
		}
		if r, ok := v["Ref"].(string); ok {
			return "${" + r + "}"
		}
		if g, ok := v["Fn::GetAtt"].([]any); ok && len(g) == 2 {
			return fmt.Sprintf("${%v.%v}", g[0], g[1])
		}
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// RoleStatements returns the statements of the policies attached to the
// state machine's role, resources flattened to text.
func RoleStatements(t testing.TB, template map[string]any) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, p := range Resources(template, "AWS::IAM::Policy") {
		props := p["Properties"].(map[string]any)
		doc := props["PolicyDocument"].(map[string]any)
		for _, s := range doc["Statement"].([]any) {
			out = append(out, flattenStatement(s.(map[string]any)))
		}
	}
	return out
}

func flattenStatement(s map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range s {
		switch k {
		case "Resource", "Action":
			if list, ok := v.([]any); ok {
				texts := make([]string, len(list))
				for i, x := range list {
					texts[i] = Flatten(x)
				}
				out[k] = texts
			} else {
				out[k] = []string{Flatten(v)}
			}
		default:
			out[k] = v
		}
	}
	return out
}

// Snapshot is the template with every DefinitionString replaced by its
// resolved ASL, so golden diffs read as ASL.
func Snapshot(template map[string]any) map[string]any {
	var copyOf map[string]any
	raw, _ := json.Marshal(template)
	_ = json.Unmarshal(raw, &copyOf)
	for _, m := range Resources(copyOf, "AWS::StepFunctions::StateMachine") {
		props := m["Properties"].(map[string]any)
		var def any
		if err := json.Unmarshal([]byte(definitionText(props)), &def); err == nil {
			props["DefinitionString"] = def
			delete(props, "DefinitionSubstitutions")
		}
	}
	return copyOf
}

// Golden compares got with testdata/<name>.json, rewriting it with -update.
func Golden(t testing.TB, name string, got any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file %s (run go test ./... -update to create it): %v", path, err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		t.Errorf("%s differs from the golden file (rerun with -update if the change is intended):\n%s", path, diff(string(want), buf.String()))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			if shown++; shown == 10 {
				break
			}
		}
	}
	return b.String()
}

// SortedStatements orders statements for comparison.
func SortedStatements(stmts []map[string]any) []map[string]any {
	sort.Slice(stmts, func(i, j int) bool {
		a, _ := json.Marshal(stmts[i])
		b, _ := json.Marshal(stmts[j])
		return string(a) < string(b)
	})
	return stmts
}
