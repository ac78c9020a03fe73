package integ

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/sfnkit/sfnkit/integ/cfn"
)

// RecordEnv names the environment variable that makes every Run record
// its case (definition, input, every mock call and its answer) as a JSON
// file in that directory: the corpus of the differential test against
// aws-local-stepfunctions (testdata/differential).
const RecordEnv = "SFNKIT_INTEG_RECORD"

// recordedCase is one Run, replayable without the test that made it.
type recordedCase struct {
	Test       string            `json:"test"`
	Label      string            `json:"label"`
	Definition map[string]any    `json:"definition"`
	Input      any               `json:"input"`
	Calls      []recordedCall    `json:"calls"`
	Objects    map[string]string `json:"objects,omitempty"`
	JSONPath   bool              `json:"jsonPath"` // neither JSONata nor Variables: the oracle can run it
}

type recordedCall struct {
	State  string     `json:"state"`
	Input  any        `json:"input"`
	Output any        `json:"output,omitempty"`
	Error  *TaskError `json:"error,omitempty"`
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// record writes the case of a Run when RecordEnv is set.
func record(t testing.TB, label string, def map[string]any, input any, mocks Mocks, res Result) {
	dir := os.Getenv(RecordEnv)
	if dir == "" {
		return
	}
	c := recordedCase{Test: t.Name(), Label: label, Definition: def, Input: input, JSONPath: len(cfn.UnsupportedFeatures(def)) == 0}
	for _, call := range res.Calls {
		c.Calls = append(c.Calls, recordedCall{State: call.State, Input: call.Input, Output: call.Output, Error: call.Error})
	}
	for k, v := range mocks {
		if isObjectKey(k) {
			if b, err := objectBody(v); err == nil {
				if c.Objects == nil {
					c.Objects = map[string]string{}
				}
				c.Objects[k] = string(b)
			}
		}
	}
	b, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Logf("integ: cannot record the case: %v", err)
		return
	}
	sum := sha256.Sum256(b)
	name := unsafeName.ReplaceAllString(t.Name(), "_") + "-" + hex.EncodeToString(sum[:4]) + ".json"
	if err := os.MkdirAll(dir, 0o755); err == nil {
		err = os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	if err != nil {
		t.Logf("integ: cannot record the case: %v", err)
	}
}
