package asl

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/sfnkit/sfnkit/integ/internal/nodeproc"
)

var (
	engineOnce sync.Once
	engine     *nodeproc.Engine
	engineErr  error
)

// evaluator adapts the reference JSONata engine to Evaluator.
type evaluator struct{ e *nodeproc.Engine }

func (v evaluator) Evaluate(expr string, b map[string]any) (any, bool, error) {
	got, ok, err := v.e.Evaluate(expr, b)
	var je *nodeproc.Error
	if errors.As(err, &je) {
		return nil, false, &QueryError{Message: je.Message}
	}
	return got, ok, err
}

func jsonataOptions(t *testing.T) Options {
	t.Helper()
	engineOnce.Do(func() {
		wd, _ := os.Getwd()
		for dir := wd; ; dir = filepath.Dir(dir) {
			nm := filepath.Join(dir, "node_modules")
			if _, err := os.Stat(filepath.Join(nm, "jsonata")); err == nil {
				engine, engineErr = nodeproc.Start(nm)
				return
			}
			if filepath.Dir(dir) == dir {
				engineErr = errors.New("no node_modules with jsonata: run make deps")
				return
			}
		}
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return Options{JSONata: evaluator{engine}, Task: echo}
}

func TestJSONataStates(t *testing.T) {
	tests := []struct {
		name, def, input, want, wantErr string
	}{
		{"Catch Output and Assign", `{"QueryLanguage":"JSONata","StartAt":"T","States":{
			"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"fail":true},"Next":"End",
			 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"End","Output":{"in":"{% $states.input.id %}","err":"{% $states.errorOutput.Error %}"},"Assign":{"caught":"{% $states.errorOutput.Cause %}"}}]},
			"End":{"Type":"Pass","Output":"{% $merge([$states.input, {'caught': $caught}]) %}","End":true}}}`,
			`{"id":7}`, `{"in":7,"err":"Boom","caught":"bad"}`, ""},
		{"Parallel Arguments, result and Output", `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Parallel","Arguments":{"n":"{% $states.input.n * 2 %}"},"End":true,
			"Output":"{% $sum($states.result) %}","Branches":[
			{"StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.n + 1 %}","End":true}}},
			{"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% $states.input.n * 10 %}","End":true}}}]}}}`,
			`{"n":2}`, `45`, ""},
		{"Map reads outer variables, Items and context", `{"QueryLanguage":"JSONata","StartAt":"S","States":{
			"S":{"Type":"Pass","Assign":{"factor":3},"Next":"M"},
			"M":{"Type":"Map","Items":"{% $states.input.xs %}","End":true,
			 "ItemSelector":{"v":"{% $states.context.Map.Item.Value %}","i":"{% $states.context.Map.Item.Index %}"},
			 "ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","Output":"{% $states.input.v * $factor + $states.input.i %}","End":true}}}}}}`,
			`{"xs":[1,2]}`, `[3,7]`, ""},
		{"Wait Seconds expression and context", `{"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"{% $states.input.s %}","Next":"R"},
			"R":{"Type":"Pass","Output":"{% $states.context.State.EnteredTime %}","End":true}}}`,
			`{"s":90}`, `"2024-01-01T00:01:30.000Z"`, ""},
		{"Fail with expressions", `{"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Fail","Error":"{% 'Bad.' & $states.input.kind %}","Cause":"{% $string($states.input) %}"}}}`,
			`{"kind":"Input"}`, ``, "Bad.Input"},
		{"Condition that is not a boolean", `{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}`,
			`{"n":1}`, ``, "States.QueryEvaluationError"},
		{"undefined Output", `{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.nope %}","End":true}}}`,
			`{}`, ``, "States.QueryEvaluationError"},
		{"a variable is set when its state ends", `{"QueryLanguage":"JSONata","StartAt":"A","States":{
			"A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
			"B":{"Type":"Pass","Assign":{"x":"{% $x + 1 %}","y":"{% $x %}"},"Next":"C"},
			"C":{"Type":"Pass","Output":{"x":"{% $x %}","y":"{% $y %}"},"End":true}}}`,
			`{}`, `{"x":2,"y":1}`, ""},
		{"JSONPath and JSONata states share variables", `{"StartAt":"A","States":{
			"A":{"Type":"Pass","Parameters":{"v.$":"States.ArrayLength($.xs)"},"Assign":{"count.$":"$.v"},"Next":"B"},
			"B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $count * 10 %}","End":true}}}`,
			`{"xs":[1,2,3]}`, `30`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := jsonataOptions(t)
			opts.Task = func(c TaskCall) (TaskResult, error) {
				if m, _ := c.Input.(map[string]any); m["fail"] == true {
					return TaskResult{}, &Failure{Name: "Boom", Cause: "bad"}
				}
				return TaskResult{Output: c.Input}, nil
			}
			r, err := Run(def(t, tc.def), js(t, tc.input), opts)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != "" {
				if r.Error != tc.wantErr {
					t.Fatalf("error %q (%s), want %q", r.Error, r.Cause, tc.wantErr)
				}
				return
			}
			if r.Status != "SUCCEEDED" || !reflect.DeepEqual(r.Output, js(t, tc.want)) {
				t.Fatalf("got %s %s %s %s, want %s", r.Status, r.Error, r.Cause, jsonText(r.Output), tc.want)
			}
		})
	}
}
