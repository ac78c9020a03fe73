package apimodel

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Every Task state in every golden template of the repository (typed tasks,
// CallAwsService, CustomTask, fragments, states, examples) passes the
// checker: the proof that it has no false positives on what sfnkit renders
// and what its examples write by hand. Typed tasks and CallAwsService are
// also checked as they render (internal/engine), so every test that builds
// one runs the checker too.
func TestGoldenStatesPass(t *testing.T) {
	root := repoRoot(t)
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".cache" || d.Name() == "cdk.out" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".json") && filepath.Base(filepath.Dir(path)) == "testdata" {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := map[string]int{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(raw, &doc); err != nil {
			continue // not JSON we know
		}
		rel, _ := filepath.Rel(root, f)
		eachTask(doc, func(name string, state map[string]any) {
			resource, _ := state["Resource"].(string)
			service, api, _, ok := splitResource(resource)
			if !ok {
				return
			}
			for _, field := range []string{"Parameters", "Arguments"} {
				raw, ok := state[field]
				if !ok {
					continue
				}
				jsonata := field == "Arguments"
				params := goldenValue(raw, jsonata)
				if errs := CheckResource(resource, field, params); len(errs) > 0 {
					t.Errorf("%s: state %q (%s): %v", rel, name, resource, errs)
				}
				if shape, _, _ := lookup(Target{Service: service, API: api}); shape != nil {
					checked[service+":"+api]++
				}
			}
		})
	}
	var keys []string
	total := 0
	for k, n := range checked {
		keys = append(keys, k)
		total += n
	}
	sort.Strings(keys)
	t.Logf("%d golden files, %d Task states checked against %d APIs: %s", len(files), total, len(keys), strings.Join(keys, ", "))
	if total < 50 {
		t.Errorf("only %d Task states checked: has the testdata moved?", total)
	}
}

func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

// eachTask calls fn for every Task state in a template or definition,
// however deeply nested (Parallel branches, Map processors, definitions
// kept as JSON text).
func eachTask(x any, fn func(name string, state map[string]any)) {
	switch v := x.(type) {
	case map[string]any:
		if states, ok := v["States"].(map[string]any); ok {
			for name, s := range states {
				if st, ok := s.(map[string]any); ok && st["Type"] == "Task" {
					fn(name, st)
				}
			}
		}
		for _, item := range v {
			eachTask(item, fn)
		}
	case []any:
		for _, item := range v {
			eachTask(item, fn)
		}
	case string:
		if strings.HasPrefix(strings.TrimSpace(v), "{") && strings.Contains(v, `"States"`) {
			var def any
			if json.Unmarshal([]byte(v), &def) == nil {
				eachTask(def, fn)
			}
		}
	}
}

// goldenValue reads rendered Parameters back into a Value: "key.$" fields
// and JSONata strings are expressions, and the CloudFormation references
// the golden files write as ${…} are CDK tokens.
func goldenValue(x any, jsonata bool) *value.Value {
	switch v := x.(type) {
	case map[string]any:
		fields := map[string]*value.Value{}
		for k, item := range v {
			if name, ok := strings.CutSuffix(k, ".$"); ok && !jsonata {
				s, _ := item.(string)
				fields[name] = value.Dyn(s)
				continue
			}
			fields[k] = goldenValue(item, jsonata)
		}
		return value.NewObject(fields)
	case []any:
		items := make([]*value.Value, len(v))
		for i, item := range v {
			items[i] = goldenValue(item, jsonata)
		}
		return value.NewList(items...)
	case string:
		switch {
		case strings.Contains(v, "${"):
			return value.Lit("${Token[golden]}")
		case strings.HasPrefix(v, "{%") && strings.HasSuffix(v, "%}"):
			return value.Ata(v)
		}
	}
	return value.Lit(x)
}
