package asl

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func def(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("bad definition: %v", err)
	}
	return m
}

func js(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON %s: %v", s, err)
	}
	return v
}

// echo answers every Task with its input.
func echo(c TaskCall) (TaskResult, error) { return TaskResult{Output: c.Input}, nil }

func entered(r Result) string {
	var names []string
	for _, e := range r.Events {
		if e.Type == StateEntered {
			names = append(names, e.State)
		}
	}
	return strings.Join(names, ",")
}

func TestJSONPathDataFlow(t *testing.T) {
	tests := []struct {
		name, state, input, want string
		wantErr                  string
	}{
		{"InputPath", `{"Type":"Pass","InputPath":"$.a","End":true}`, `{"a":{"b":1}}`, `{"b":1}`, ""},
		{"null InputPath", `{"Type":"Pass","InputPath":null,"End":true}`, `{"a":1}`, `{}`, ""},
		{"Parameters with paths and context", `{"Type":"Pass","Parameters":{"x.$":"$.a","n":{"y.$":"$.b[1]"},"name.$":"$$.State.Name","lit":[1,{"z.$":"$.a"}]},"End":true}`, `{"a":"A","b":[1,2]}`, `{"x":"A","n":{"y":2},"name":"S","lit":[1,{"z":"A"}]}`, ""},
		{"Result and ResultPath", `{"Type":"Pass","Result":{"r":1},"ResultPath":"$.out.deep","End":true}`, `{"a":1}`, `{"a":1,"out":{"deep":{"r":1}}}`, ""},
		{"null ResultPath keeps the input", `{"Type":"Pass","Result":1,"ResultPath":null,"End":true}`, `{"a":1}`, `{"a":1}`, ""},
		{"OutputPath", `{"Type":"Pass","OutputPath":"$.a","End":true}`, `{"a":[1]}`, `[1]`, ""},
		{"wildcard is an array", `{"Type":"Pass","Parameters":{"v.$":"$.items[*].id"},"End":true}`, `{"items":[{"id":1}]}`, `{"v":[1]}`, ""},
		{"filter", `{"Type":"Pass","Parameters":{"v.$":"$.items[?(@.n > 1 && @.ok == true)].n"},"End":true}`, `{"items":[{"n":1,"ok":true},{"n":2,"ok":true},{"n":3,"ok":false}]}`, `{"v":[2]}`, ""},
		{"deep scan", `{"Type":"Pass","Parameters":{"v.$":"$..id"},"End":true}`, `{"a":{"id":1,"b":[{"id":2}]}}`, `{"v":[1,2]}`, ""},
		{"slice and negative index", `{"Type":"Pass","Parameters":{"s.$":"$.a[1:3]","l.$":"$.a[-1]"},"End":true}`, `{"a":[0,1,2,3]}`, `{"s":[1,2],"l":3}`, ""},
		{"missing path", `{"Type":"Pass","Parameters":{"v.$":"$.nope"},"End":true}`, `{}`, ``, "States.Runtime"},
		{"ResultPath into a string", `{"Type":"Pass","Result":1,"ResultPath":"$.a.b","End":true}`, `{"a":"s"}`, ``, "States.ResultPathMatchFailure"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := def(t, `{"StartAt":"S","States":{"S":`+tc.state+`}}`)
			r, err := Run(d, js(t, tc.input), Options{Task: echo})
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
				t.Fatalf("got %s %s %s %v, want %s", r.Status, r.Error, r.Cause, jsonText(r.Output), tc.want)
			}
		})
	}
}

func TestIntrinsics(t *testing.T) {
	tests := []struct{ expr, input, want, wantErr string }{
		{`States.Format('a{}b{}', $.s, $.n)`, `{"s":"x","n":1.5}`, `"axb1.5"`, ""},
		{`States.StringToJson($.j)`, `{"j":"{\"a\":[1]}"}`, `{"a":[1]}`, ""},
		{`States.JsonToString($.o)`, `{"o":{"a":"<b>"}}`, `"{\"a\":\"<b>\"}"`, ""},
		{`States.Array($.a, 'x', 2, true, null)`, `{"a":1}`, `[1,"x",2,true,null]`, ""},
		{`States.ArrayPartition($.a, 2)`, `{"a":[1,2,3]}`, `[[1,2],[3]]`, ""},
		{`States.ArrayContains($.a, $.v)`, `{"a":[1,{"b":2}],"v":{"b":2}}`, `true`, ""},
		{`States.ArrayRange(1, 9, 3)`, `{}`, `[1,4,7]`, ""},
		{`States.ArrayGetItem($.a, 1)`, `{"a":[5,6]}`, `6`, ""},
		{`States.ArrayGetItem($.a, 5)`, `{"a":[5,6]}`, ``, "States.Runtime"},
		{`States.ArrayLength($.a)`, `{"a":[5,6]}`, `2`, ""},
		{`States.ArrayUnique($.a)`, `{"a":[1,1,"1",2]}`, `[1,"1",2]`, ""},
		{`States.Base64Encode('hi')`, `{}`, `"aGk="`, ""},
		{`States.Base64Decode('aGk=')`, `{}`, `"hi"`, ""},
		{`States.Hash('input', 'SHA-1')`, `{}`, `"140f86aae51ab9e1cda9b4254fe98a74eb54c1a1"`, ""},
		{`States.Hash('input', 'MD5')`, `{}`, `"a43c1b0aa53a0c908810c06ab1ff3967"`, ""},
		{`States.JsonMerge($.a, $.b, false)`, `{"a":{"x":1,"y":{"z":1}},"b":{"y":{"w":2}}}`, `{"x":1,"y":{"w":2}}`, ""},
		{`States.MathAdd($.n, -3)`, `{"n":10}`, `7`, ""},
		{`States.MathAdd($.n, 1)`, `{"n":1.5}`, ``, "States.Runtime"},
		{`States.StringSplit($.s, '.+')`, `{"s":"a.b+c"}`, `["a","b","c"]`, ""},
		{`States.ArrayLength(States.StringSplit('1,2,3', ','))`, `{}`, `3`, ""},
		{`States.Format('{}', $total)`, `{}`, `"9"`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			d := def(t, `{"StartAt":"V","States":{"V":{"Type":"Pass","Assign":{"total":9},"Next":"S"},"S":{"Type":"Pass","Parameters":{"v.$":`+jsonText(tc.expr)+`},"OutputPath":"$.v","End":true}}}`)
			r, err := Run(d, js(t, tc.input), Options{Task: echo})
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
	t.Run("random and UUID", func(t *testing.T) {
		d := def(t, `{"StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"r.$":"States.MathRandom(1, 10)","s.$":"States.MathRandom(1, 1000, 7)","u.$":"States.UUID()"},"End":true}}}`)
		r, _ := Run(d, nil, Options{})
		out := r.Output.(map[string]any)
		if n := out["r"].(float64); n < 1 || n >= 10 || !isInteger(n) {
			t.Errorf("MathRandom = %v", n)
		}
		r2, _ := Run(d, nil, Options{Seed: 99})
		if out["s"] != r2.Output.(map[string]any)["s"] {
			t.Errorf("a seeded MathRandom differs: %v %v", out["s"], r2.Output)
		}
		if u := out["u"].(string); len(u) != 36 || u[14] != '4' {
			t.Errorf("UUID = %q", u)
		}
	})
}

func TestChoice(t *testing.T) {
	d := def(t, `{"StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[
			{"Variable":"$.n","NumericGreaterThanPath":"$.limit","Next":"Big"},
			{"And":[{"Variable":"$.s","StringMatches":"log-*.txt"},{"Not":{"Variable":"$.t","TimestampLessThan":"2020-01-01T00:00:00Z"}}],"Next":"Log"},
			{"Or":[{"Variable":"$.b","IsBoolean":true},{"Variable":"$.missing","IsPresent":true}],"Next":"Bool"}
		],"Default":"Other"},
		"Big":{"Type":"Succeed"},"Log":{"Type":"Succeed"},"Bool":{"Type":"Succeed"},"Other":{"Type":"Succeed"}}}`)
	tests := []struct{ input, want string }{
		{`{"n":5,"limit":3}`, "C,Big"},
		{`{"n":1,"limit":3,"s":"log-1.txt","t":"2021-05-01T00:00:00Z"}`, "C,Log"},
		{`{"n":1,"limit":3,"s":"log-1.txt","t":"2019-05-01T00:00:00Z","b":false}`, "C,Bool"},
		{`{"n":1,"limit":3,"s":"x","b":"no"}`, "C,Other"},
	}
	for _, tc := range tests {
		r, err := Run(d, js(t, tc.input), Options{})
		if err != nil || entered(r) != tc.want {
			t.Errorf("input %s: path %s (%v %s %s), want %s", tc.input, entered(r), err, r.Error, r.Cause, tc.want)
		}
	}
	noDefault := def(t, `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"D"}]},"D":{"Type":"Succeed"}}}`)
	if r, _ := Run(noDefault, js(t, `{"n":2}`), Options{}); r.Error != ErrNoChoiceMatched {
		t.Errorf("no match: %s", r.Error)
	}
}

func TestRetryDelays(t *testing.T) {
	d := def(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
		"Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":4,"MaxDelaySeconds":30}]}}}`)
	calls := 0
	r, err := Run(d, nil, Options{Task: func(c TaskCall) (TaskResult, error) {
		calls++
		if c.Attempt != calls-1 {
			t.Errorf("attempt %d on call %d", c.Attempt, calls)
		}
		return TaskResult{}, &Failure{Name: "Busy", Cause: "try later"}
	}})
	if err != nil {
		t.Fatal(err)
	}
	var delays []time.Duration
	for _, e := range r.Events {
		if e.Type == StateRetried {
			delays = append(delays, e.Delay)
		}
	}
	want := []time.Duration{2 * time.Second, 6 * time.Second, 18 * time.Second, 30 * time.Second}
	if !reflect.DeepEqual(delays, want) || calls != 5 || r.Error != "Busy" {
		t.Errorf("delays %v calls %d error %s; want %v, 5 calls, Busy", delays, calls, r.Error, want)
	}
	if got := r.Events[len(r.Events)-1].Time.Sub(r.Events[0].Time); got != 56*time.Second {
		t.Errorf("simulated time %v, want 56s", got)
	}
}

func TestTimeouts(t *testing.T) {
	d := def(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":60,"HeartbeatSeconds":10,"End":true,
		"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Task"},{"ErrorEquals":["States.Timeout"],"Next":"Timeout"},{"ErrorEquals":["States.HeartbeatTimeout"],"Next":"Heartbeat"}]},
		"Task":{"Type":"Succeed"},"Timeout":{"Type":"Succeed"},"Heartbeat":{"Type":"Succeed"}}}`)
	tests := []struct {
		took, every time.Duration
		want        string
	}{
		{5 * time.Second, 0, "T"},
		{2 * time.Minute, 5 * time.Second, "T,Timeout"},
		{30 * time.Second, 0, "T,Heartbeat"},
		{30 * time.Second, 20 * time.Second, "T,Heartbeat"},
		{30 * time.Second, 9 * time.Second, "T"},
	}
	for _, tc := range tests {
		r, _ := Run(d, nil, Options{Task: func(TaskCall) (TaskResult, error) {
			return TaskResult{Output: 1, Duration: tc.took, Heartbeat: tc.every}, nil
		}})
		if entered(r) != tc.want {
			t.Errorf("took %v every %v: path %s, want %s", tc.took, tc.every, entered(r), tc.want)
		}
	}
	machine := def(t, `{"TimeoutSeconds":100,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}`)
	if r, _ := Run(machine, nil, Options{}); r.Error != ErrTimeout {
		t.Errorf("execution timeout: %s", r.Error)
	}
}

func TestParallelFailureStopsTheOtherBranches(t *testing.T) {
	d := def(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"A1","States":{"A1":{"Type":"Pass","Next":"A2"},"A2":{"Type":"Pass","Next":"A3"},"A3":{"Type":"Pass","End":true}}},
		{"StartAt":"B1","States":{"B1":{"Type":"Fail","Error":"Boom"}}}]}}}`)
	r, err := Run(d, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Error != "Boom" || entered(r) != "P,A1,B1" {
		t.Errorf("error %s path %s, want Boom and P,A1,B1", r.Error, entered(r))
	}
}

func TestMapConcurrencyInterleaves(t *testing.T) {
	d := def(t, `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"ItemsPath":"$.items","End":true,
		"ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index","k.$":"$.k"},
		"ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}}}}`)
	r, err := Run(d, js(t, `{"items":["x","y","z"],"k":7}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := entered(r); got != "M,A,A,B,A,B,B" {
		t.Errorf("path %s", got)
	}
	want := js(t, `[{"v":"x","i":0,"k":7},{"v":"y","i":1,"k":7},{"v":"z","i":2,"k":7}]`)
	if !reflect.DeepEqual(r.Output, want) {
		t.Errorf("output %s", jsonText(r.Output))
	}
}

func TestVariableScopes(t *testing.T) {
	d := def(t, `{"StartAt":"Set","States":{
		"Set":{"Type":"Pass","Assign":{"x":1,"y.$":"$.y"},"Next":"Swap"},
		"Swap":{"Type":"Pass","Assign":{"x.$":"$y","y.$":"$x"},"Next":"M"},
		"M":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.m","Next":"Out",
			"ItemProcessor":{"StartAt":"In","States":{"In":{"Type":"Pass","Assign":{"inner.$":"$x"},"Next":"Read"},"Read":{"Type":"Pass","Parameters":{"inner.$":"$inner","outer.$":"$y"},"End":true}}}},
		"Out":{"Type":"Pass","Parameters":{"x.$":"$x","y.$":"$y","m.$":"$.m"},"End":true}}}`)
	r, err := Run(d, js(t, `{"y":"Y","items":[1]}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := js(t, `{"x":"Y","y":1,"m":[{"inner":"Y","outer":1}]}`)
	if !reflect.DeepEqual(r.Output, want) {
		t.Fatalf("got %s %s %s, want %s", r.Status, r.Cause, jsonText(r.Output), jsonText(want))
	}
	leak := def(t, `{"StartAt":"M","States":{
		"M":{"Type":"Map","ItemsPath":"$.items","Next":"Out","ItemProcessor":{"StartAt":"In","States":{"In":{"Type":"Pass","Assign":{"inner":1},"End":true}}}},
		"Out":{"Type":"Pass","Parameters":{"v.$":"$inner"},"End":true}}}`)
	if r, _ := Run(leak, js(t, `{"items":[1]}`), Options{}); r.Error != ErrRuntime {
		t.Errorf("a Map iteration's variable is visible after it: %s %v", r.Status, r.Output)
	}
	distributed := def(t, `{"StartAt":"Set","States":{"Set":{"Type":"Pass","Assign":{"x":1},"Next":"M"},
		"M":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"In","States":{"In":{"Type":"Pass","Parameters":{"v.$":"$x"},"End":true}}}}}}`)
	if r, _ := Run(distributed, js(t, `{"items":[1]}`), Options{}); r.Error != ErrExceedToleratedFailed {
		t.Errorf("a distributed Map's child read an outer variable: %s %v", r.Status, r.Output)
	}
}

func TestAbort(t *testing.T) {
	loop := def(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"A"}}}`)
	if _, err := Run(loop, nil, Options{MaxTransitions: 50}); err == nil || !strings.Contains(err.Error(), "loop") {
		t.Errorf("loop: %v", err)
	}
	missing := def(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}`)
	if _, err := Run(missing, nil, Options{}); err == nil || !strings.Contains(err.Error(), `no state named "B"`) {
		t.Errorf("missing state: %v", err)
	}
}
