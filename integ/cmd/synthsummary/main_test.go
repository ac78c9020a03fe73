package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile("../../testdata/handwritten.template.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "App.template.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(&out, dir); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], `App.template.json Flow (name "orders-prod"): 7 states, 3 IAM statements, `) {
		t.Errorf("output:\n%s", out.String())
	}
	if err := run(&out, t.TempDir()); err == nil || !strings.Contains(err.Error(), "no *.template.json") {
		t.Errorf("empty dir: error %v", err)
	}
}
