package integ

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

//go:embed scripts/*
var scripts embed.FS

// NodeModulesEnv names the environment variable that points at the
// node_modules directory holding asl-validator and aws-local-stepfunctions.
const NodeModulesEnv = "SFNKIT_NODE_MODULES"

var requiredPackages = []string{"asl-validator", "aws-local-stepfunctions", "jsonata"}

// FindNodeModules returns the node_modules directory to use: $SFNKIT_NODE_MODULES
// if set, else the nearest node_modules above the working directory that
// holds asl-validator and aws-local-stepfunctions.
func FindNodeModules() (string, error) {
	if dir := os.Getenv(NodeModulesEnv); dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		if missing := missingPackages(abs); len(missing) > 0 {
			return "", fmt.Errorf("%s=%s lacks %v: in the sfnkit repository `make test` (or `make deps`) installs them with npm ci; or unset %s",
				NodeModulesEnv, dir, missing, NodeModulesEnv)
		}
		return abs, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		nm := filepath.Join(dir, "node_modules")
		if len(missingPackages(nm)) == 0 {
			return nm, nil
		}
		if parent := filepath.Dir(dir); parent == dir {
			break
		}
	}
	return "", fmt.Errorf("no node_modules with %v in %s or any directory above it: run `make test` (or `make deps`), which installs them with npm ci, or point %s at a node_modules that has them",
		requiredPackages, wd, NodeModulesEnv)
}

func missingPackages(nm string) []string {
	var missing []string
	for _, p := range requiredPackages {
		if _, err := os.Stat(filepath.Join(nm, p, "package.json")); err != nil {
			missing = append(missing, p)
		}
	}
	return missing
}

// nodeEnv is what a test needs to run the embedded scripts.
type nodeEnv struct {
	node        string // path of the node binary
	nodeModules string
	dir         string // where the scripts were written
}

// setupNode finds node and node_modules and writes the scripts to a
// temporary directory; it fails the test (never skips) when something is missing.
func setupNode(t testing.TB) nodeEnv {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("integ: node is not on PATH (%v): install Node.js 20 or newer", err)
	}
	nm, err := FindNodeModules()
	if err != nil {
		t.Fatalf("integ: %v", err)
	}
	dir := t.TempDir()
	entries, err := scripts.ReadDir("scripts")
	if err != nil {
		t.Fatalf("integ: reading embedded scripts: %v", err)
	}
	for _, e := range entries {
		b, err := scripts.ReadFile("scripts/" + e.Name())
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
		}
		if err != nil {
			t.Fatalf("integ: writing %s: %v", e.Name(), err)
		}
	}
	return nodeEnv{node: node, nodeModules: nm, dir: dir}
}

// command builds `node [--import polyfill.mjs] <script>` with the environment the scripts expect.
func (n nodeEnv) command(script string, polyfill bool) *exec.Cmd {
	var args []string
	if polyfill {
		args = append(args, "--import", "file://"+filepath.ToSlash(filepath.Join(n.dir, "polyfill.mjs")))
	}
	args = append(args, filepath.Join(n.dir, script))
	cmd := exec.Command(n.node, args...)
	cmd.Dir = n.dir
	cmd.Env = append(os.Environ(), "SFNKIT_NODE_MODULES_DIR="+n.nodeModules)
	return cmd
}

// exitDetail describes how a Node process ended, for error messages.
func exitDetail(err error, stderr []byte) string {
	var ee *exec.ExitError
	msg := err.Error()
	if errors.As(err, &ee) {
		msg = ee.String()
	}
	if len(stderr) > 0 {
		msg += "\n" + tail(string(stderr), 4000)
	}
	return msg
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
