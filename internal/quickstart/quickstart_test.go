package quickstart

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const section = "## Use sfnkit in your app"

// snippets are the fenced blocks of the README section whose info string
// names a file (```go file=main.go), by file name.
func snippets(t *testing.T, readme string) map[string]string {
	t.Helper()
	start := strings.Index(readme, "\n"+section+"\n")
	if start < 0 {
		t.Fatalf("README.md has no %q section", section)
	}
	body := readme[start+len(section)+2:]
	if end := strings.Index(body, "\n## "); end >= 0 {
		body = body[:end]
	}
	files := map[string]string{}
	fence := regexp.MustCompile("(?ms)^```([^\\n]*)\\n(.*?)^```\\s*$")
	for _, m := range fence.FindAllStringSubmatch(body, -1) {
		for _, field := range strings.Fields(m[1]) {
			if name, ok := strings.CutPrefix(field, "file="); ok {
				if _, dup := files[name]; dup {
					t.Fatalf("README: two snippets for %s", name)
				}
				files[name] = m[2]
			}
		}
	}
	for _, want := range []string{"go.mod", "cdk.json", "main.go", "main_test.go"} {
		if files[want] == "" {
			t.Fatalf("README %q: no snippet marked file=%s", section, want)
		}
	}
	return files
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestReadmeQuickStart makes an app from the README's snippets in a temporary
// directory, with go.mod's replace pointing at this repository and no
// SFNKIT_NODE_MODULES, and runs go mod tidy, go test ./... and cdk synth in
// it. It links two more CDK binaries and starts the CDK CLI (about 10 s of
// two cores), so go test ./... leaves it to make test (SFNKIT_E2E=1).
func TestReadmeQuickStart(t *testing.T) {
	if testing.Short() || os.Getenv("SFNKIT_E2E") == "" {
		t.Skip("end to end (builds, tests and synthesizes a separate CDK app): runs with SFNKIT_E2E=1, as make test does")
	}
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := snippets(t, string(readme))
	const placeholder = "=> /path/to/sfnkit"
	if !strings.Contains(files["go.mod"], placeholder) {
		t.Fatalf("the go.mod snippet has no %q replace", placeholder)
	}
	files["go.mod"] = strings.ReplaceAll(files["go.mod"], placeholder, "=> "+root)

	app := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(app, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := appEnv()
	run(t, app, env, "go", "mod", "tidy")
	out := run(t, app, env, "go", "test", "-count=1", "./...")
	if strings.Contains(out, "Runtime process exited abnormally") {
		t.Errorf("jsii's exit noise reached the app's test output:\n%s", out)
	}
	if cdk := filepath.Join(root, "node_modules", ".bin", "cdk"); fileExists(cdk) {
		// The README's cdk.json with the pinned CLI: `npx aws-cdk@2.1148.1 synth` without the download.
		run(t, app, append(env, "CDK_HOME="+filepath.Join(app, ".cdk")), cdk, "synth", "--quiet", "--no-notices", "--output", filepath.Join(app, "cdk.out"))
		if !fileExists(filepath.Join(app, "cdk.out", "Orders.template.json")) {
			t.Error("cdk synth wrote no Orders.template.json")
		}
	}
}

// appEnv is this process's environment without what would let the app find
// sfnkit's tools other than by itself, and without this repository's go.work.
func appEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "SFNKIT_NODE_MODULES=") || strings.HasPrefix(kv, "GOWORK=") || strings.HasPrefix(kv, "GOFLAGS=") {
			continue
		}
		env = append(env, kv)
	}
	// CDK_VALIDATION=false skips the CDK's CloudFormation validation (seconds
	// per run, warnings only): what this test checks is sfnkit's output.
	return append(env, "GOWORK=off", "GOFLAGS=-buildvcs=false", "CDK_VALIDATION=false")
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s %s (%s)", filepath.Base(name), strings.Join(args, " "), time.Since(start).Round(100*time.Millisecond))
	if err != nil {
		t.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, out.String())
	}
	return out.String()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
