package integ

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sfnkit/sfnkit/integ/cfn"
)

// TestDifferentialAgainstNode replays every JSONPath workflow that the
// repository's tests run (integ, examples, fragments, states, tasks),
// recorded in testdata/differential with SFNKIT_INTEG_RECORD, in both the Go
// executor and aws-local-stepfunctions, with the same input and the same
// mock answers: both must give the same status, error, output, and
// sequence of entered states in every lane (the execution, each Parallel
// branch, each Map iteration).
//
// To refresh the corpus: rm -r integ/testdata/differential, then run the
// tests of those packages with SFNKIT_INTEG_RECORD=$PWD/integ/testdata/differential.
func TestDifferentialAgainstNode(t *testing.T) {
	files, err := filepath.Glob("testdata/differential/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no recorded cases in testdata/differential (%v)", err)
	}
	session := startNodeSession(t)
	defer func() { session.close() }()
	same, total := 0, 0
	for _, file := range files {
		var c recordedCase
		b, err := os.ReadFile(file)
		if err == nil {
			err = json.Unmarshal(b, &c)
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if !c.JSONPath || usesDistributedMap(c.Definition) {
			continue // the oracle cannot run it
		}
		total++
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		ok := t.Run(name, func(t *testing.T) {
			goRes := RunDefinition(t, c.Label, c.Definition, c.Input, c.replay())
			nodeRes := runInSession(t, session, c.Label, c.Definition, c.Input, c.replay())
			for _, d := range differences(c.Definition, goRes, nodeRes) {
				t.Errorf("%s (recorded from %s)", d, c.Test)
			}
		})
		if ok {
			same++
		}
		if session.busy || session.dead { // a run was cut short: start afresh
			if !session.dead {
				session.close()
			}
			session = startNodeSession(t)
		}
	}
	t.Logf("differential: %d of %d recorded JSONPath workflows give the same result in the Go executor and aws-local-stepfunctions", same, total)
}

// usesDistributedMap reports whether a Map of def runs in distributed mode
// or reads its items from S3, which aws-local-stepfunctions cannot run.
func usesDistributedMap(def map[string]any) bool {
	found := false
	cfn.Walk(def, func(s cfn.State) {
		proc, _ := s.Body["ItemProcessor"].(map[string]any)
		cfg, _ := proc["ProcessorConfig"].(map[string]any)
		if cfg["Mode"] == "DISTRIBUTED" || s.Body["ItemReader"] != nil || s.Body["ResultWriter"] != nil {
			found = true
		}
	})
	return found
}

// replay makes mocks that answer each Task call as recorded: by state and
// effective input, in the recorded order; when the input differs (it holds
// a fresh States.UUID(), say), the state's next recorded answer.
func (c recordedCase) replay() Mocks {
	used := make([]bool, len(c.Calls))
	find := func(state string, in any) (recordedCall, bool) {
		for _, exact := range []bool{true, false} {
			for i, call := range c.Calls {
				if !used[i] && call.State == state && (!exact || canonical(call.Input) == canonical(in)) {
					// The last answer of a state repeats, as integ.Sequence does.
					last := true
					for j := i + 1; j < len(c.Calls); j++ {
						if c.Calls[j].State == state {
							last = false
						}
					}
					used[i] = !last
					return call, true
				}
			}
		}
		return recordedCall{}, false
	}
	mocks := Mocks{}
	for _, name := range cfn.TaskStates(c.Definition) {
		state := name
		mocks[state] = func(in any) (any, error) {
			call, ok := find(state, in)
			if !ok {
				return nil, fmt.Errorf("no recorded answer for Task %q with input %s", state, canonical(in))
			}
			if call.Error != nil {
				return nil, Fail(call.Error.Name, call.Error.Cause)
			}
			return call.Output, nil
		}
	}
	for k, v := range c.Objects {
		mocks[k] = v
	}
	return mocks
}

var uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// withoutUUIDs blanks the UUIDs (States.UUID) that make two runs differ.
func withoutUUIDs(v any) any {
	var out any
	_ = json.Unmarshal([]byte(uuidPattern.ReplaceAllString(canonical(v), "<uuid>")), &out)
	return out
}

func canonical(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// differences lists how two results of the same workflow differ.
func differences(def map[string]any, a, b Result) []string {
	var out []string
	if a.Status != b.Status || a.Error != b.Error {
		out = append(out, fmt.Sprintf("status: Go %s %q (%s), Node %s %q (%s)", a.Status, a.Error, a.Cause, b.Status, b.Error, b.Cause))
	}
	if !reflect.DeepEqual(withoutUUIDs(a.Output), withoutUUIDs(b.Output)) {
		out = append(out, fmt.Sprintf("output: Go %s, Node %s", canonical(a.Output), canonical(b.Output)))
	}
	la, lb := lanes(def, a), lanes(def, b)
	if !reflect.DeepEqual(la, lb) {
		out = append(out, fmt.Sprintf("entered states: Go %s, Node %s", laneText(la), laneText(lb)))
	}
	return out
}

// lanes groups the entered states by lane: the sub-machine that holds the
// state (Map or Parallel branch) and the Map iteration.
func lanes(def map[string]any, r Result) map[string][]string {
	owner := map[string]string{}
	var walk func(m map[string]any, prefix string)
	walk = func(m map[string]any, prefix string) {
		states, _ := m["States"].(map[string]any)
		for name, s := range states {
			owner[name] = prefix
			body, _ := s.(map[string]any)
			for i, sub := range cfn.SubMachines(body) {
				walk(sub, fmt.Sprintf("%s/%s#%d", prefix, name, i))
			}
		}
	}
	walk(def, "")
	out := map[string][]string{}
	for _, e := range r.Events {
		if e.Type != StateEntered {
			continue
		}
		k := owner[e.State]
		if e.Index != nil {
			k += fmt.Sprintf("[%d]", *e.Index)
		}
		out[k] = append(out[k], e.State)
	}
	return out
}

func laneText(l map[string][]string) string {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%q: %s", k, strings.Join(l[k], ",")))
	}
	return "{" + strings.Join(parts, "; ") + "}"
}
