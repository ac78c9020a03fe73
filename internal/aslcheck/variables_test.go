package aslcheck

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestUnassignedVariables(t *testing.T) {
	tests := []struct {
		name string
		def  string
		want []string // "State Field $variable", plus " outside" when Outside
	}{
		{
			name: "assigned by an earlier state",
			def: `{"StartAt":"Init","States":{
				"Init":{"Type":"Pass","Assign":{"total":1},"Next":"Sum"},
				"Sum":{"Type":"Pass","Parameters":{"total.$":"$total.value"},"End":true}}}`,
		},
		{
			name: "read before it is assigned",
			def: `{"StartAt":"Sum","States":{
				"Sum":{"Type":"Pass","Parameters":{"total.$":"$total"},"Next":"Init"},
				"Init":{"Type":"Pass","Assign":{"total":1},"End":true}}}`,
			want: []string{"Sum Parameters.total.$ $total"},
		},
		{
			name: "a state's own Assign is not visible to its fields",
			def: `{"StartAt":"Both","States":{
				"Both":{"Type":"Pass","Assign":{"a":1,"b.$":"$a"},"OutputPath":"$b","End":true}}}`,
			want: []string{"Both Assign.b.$ $a", "Both OutputPath $b"},
		},
		{
			name: "paths that are not variables",
			def: `{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$","Parameters":{
				"a.$":"$.x","b.$":"$$.Execution.Id","c":"$lit","d.$":"$[0]"},"Result":{"r":"$lit"},"End":true}}}`,
		},
		{
			name: "assigned on one branch of a Choice only",
			def: `{"StartAt":"C","States":{
				"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"Set"}],"Default":"Use"},
				"Set":{"Type":"Pass","Assign":{"x":1},"Next":"Use"},
				"Use":{"Type":"Pass","Parameters":{"x.$":"$x"},"End":true}}}`,
		},
		{
			name: "assigned on a loop's back edge",
			def: `{"StartAt":"Start","States":{
				"Start":{"Type":"Pass","Next":"Loop"},
				"Loop":{"Type":"Choice","Choices":[{"Variable":"$i","NumericGreaterThan":3,"Next":"Done"}],"Default":"Body"},
				"Body":{"Type":"Pass","Assign":{"i":1},"Next":"Loop"},
				"Done":{"Type":"Succeed"}}}`,
		},
		{
			name: "Choice Variable and a Path comparator",
			def: `{"StartAt":"C","States":{
				"C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$flag","BooleanEquals":true},
					{"Variable":"$.n","NumericEqualsPath":"$limit"}],"Next":"E"}],"Default":"E"},
				"E":{"Type":"Succeed"}}}`,
			want: []string{"C Choices[0].And[0].Variable $flag", "C Choices[0].And[1].NumericEqualsPath $limit"},
		},
		{
			name: "a Choice rule's Assign reaches its Next only, the state's the Default",
			def: `{"StartAt":"C","States":{
				"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Assign":{"r":1},"Next":"A"}],
					"Assign":{"d":1},"Default":"B"},
				"A":{"Type":"Pass","Parameters":{"r.$":"$r","d.$":"$d"},"End":true},
				"B":{"Type":"Pass","Parameters":{"r.$":"$r","d.$":"$d"},"End":true}}}`,
			want: []string{"A Parameters.d.$ $d", "B Parameters.r.$ $r"},
		},
		{
			name: "a Catch's Assign reaches its Next, not the state's",
			def: `{"StartAt":"T","States":{
				"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"ok":1},
					"Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"err.$":"$.Error"},"Next":"Handle"}],"Next":"Fine"},
				"Handle":{"Type":"Pass","Parameters":{"e.$":"$err","o.$":"$ok"},"End":true},
				"Fine":{"Type":"Pass","Parameters":{"e.$":"$err","o.$":"$ok"},"End":true}}}`,
			want: []string{"Fine Parameters.e.$ $err", "Handle Parameters.o.$ $ok"},
		},
		{
			name: "intrinsic function arguments",
			def: `{"StartAt":"F","States":{"F":{"Type":"Pass","Parameters":{
				"s.$":"States.Format('{} of {}', $total, States.ArrayLength($items))","t.$":"States.Format('{}', $.x)"},"End":true}}}`,
			want: []string{"F Parameters.s.$ $items", "F Parameters.s.$ $total"},
		},
		{
			name: "path fields of states",
			def: `{"StartAt":"W","States":{
				"W":{"Type":"Wait","SecondsPath":"$delay","Next":"M"},
				"M":{"Type":"Map","ItemsPath":"$items","MaxConcurrencyPath":"$.n","ItemProcessor":{"StartAt":"I","States":{
					"I":{"Type":"Pass","End":true}}},"ResultPath":"$.out","Next":"F"},
				"F":{"Type":"Fail","CausePath":"States.Format('{}', $why)"}}}`,
			want: []string{"F CausePath $why", "M ItemsPath $items", "W SecondsPath $delay"},
		},
		{
			name: "a Parallel branch reads what the Parallel state sees",
			def: `{"StartAt":"Init","States":{
				"Init":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
				"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{
					"B":{"Type":"Pass","Assign":{"y":1},"Next":"B2"},
					"B2":{"Type":"Pass","Parameters":{"x.$":"$x","y.$":"$y"},"End":true}}}],"End":true}}}`,
		},
		{
			name: "what a branch assigns is not visible after the Parallel state",
			def: `{"StartAt":"P","States":{
				"P":{"Type":"Parallel","Assign":{"mine":1},"Branches":[{"StartAt":"B","States":{
					"B":{"Type":"Pass","Assign":{"inner":1},"End":true}}}],"Next":"After"},
				"After":{"Type":"Pass","Parameters":{"i.$":"$inner","m.$":"$mine"},"End":true}}}`,
			want: []string{"After Parameters.i.$ $inner"},
		},
		{
			name: "a branch does not see its sibling's assignments",
			def: `{"StartAt":"P","States":{
				"P":{"Type":"Parallel","Branches":[
					{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"a":1},"End":true}}},
					{"StartAt":"B","States":{"B":{"Type":"Pass","Parameters":{"a.$":"$a"},"End":true}}}],"End":true}}}`,
			want: []string{"B Parameters.a.$ $a"},
		},
		{
			name: "an inline Map's item processor sees outer variables",
			def: `{"StartAt":"Init","States":{
				"Init":{"Type":"Pass","Assign":{"rate":2},"Next":"M"},
				"M":{"Type":"Map","ItemSelector":{"r.$":"$rate"},"ItemProcessor":{
					"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{
					"I":{"Type":"Pass","Parameters":{"r.$":"$rate"},"End":true}}},"End":true}}}`,
		},
		{
			name: "a legacy Iterator is inline",
			def: `{"StartAt":"Init","States":{
				"Init":{"Type":"Pass","Assign":{"rate":2},"Next":"M"},
				"M":{"Type":"Map","Iterator":{"StartAt":"I","States":{
					"I":{"Type":"Pass","Parameters":{"r.$":"$rate"},"End":true}}},"End":true}}}`,
		},
		{
			name: "a distributed Map's item processor sees no outer variable",
			def: `{"StartAt":"Init","States":{
				"Init":{"Type":"Pass","Assign":{"rate":2},"Next":"M"},
				"M":{"Type":"Map","ItemSelector":{"r.$":"$rate"},"ItemProcessor":{
					"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"I","States":{
					"I":{"Type":"Pass","Assign":{"own":1},"Parameters":{"r.$":"$rate"},"Next":"J"},
					"J":{"Type":"Pass","Parameters":{"o.$":"$own","n.$":"$nowhere"},"End":true}}},"End":true}}}`,
			want: []string{"I Parameters.r.$ $rate outside", "J Parameters.n.$ $nowhere"},
		},
		{
			name: "an Assign that is not an object ends the check",
			def: `{"StartAt":"A","States":{
				"A":{"Type":"Pass","QueryLanguage":"JSONata","Assign":"{% {'x': 1} %}","Next":"B"},
				"B":{"Type":"Pass","Parameters":{"x.$":"$x"},"End":true}}}`,
		},
		{
			name: "no StartAt",
			def:  `{"States":{"B":{"Type":"Pass","Parameters":{"x.$":"$x"},"End":true}}}`,
		},
		{
			name: "unreachable states are left to asl-validator",
			def: `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},
				"B":{"Type":"Pass","Parameters":{"x.$":"$x"},"End":true}}}`,
		},
		{
			name: "JSONata: free variables, locals, functions and $states",
			def: `{"QueryLanguage":"JSONata","StartAt":"Init","States":{
				"Init":{"Type":"Pass","Assign":{"known":"{% $states.input.k %}"},"Next":"Use"},
				"Use":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{
					"free":"{% $missing + 1 %}",
					"local":"{% ($n := 2; $n * $known) %}",
					"fn":"{% $sum($states.input.xs) + $count($states.input.xs) %}",
					"ref":"{% $map($states.input.xs, $string) %}",
					"lambda":"{% $map($states.input.xs, function($v, $i) { $v * $i }) %}",
					"text":"{% 'costs $price' & \"$other\" %}",
					"sf":"{% $uuid() & $partition([1,2], 1) %}"},
					"Output":"{% $states.result.Payload %}","End":true}}}`,
			want: []string{"Use Arguments.free $missing"},
		},
		{
			name: "JSONata: Choice Condition, rule Assign and Catch",
			def: `{"QueryLanguage":"JSONata","StartAt":"C","States":{
				"C":{"Type":"Choice","Choices":[{"Condition":"{% $ready %}","Assign":{"path":"a"},"Next":"A"}],"Default":"A"},
				"A":{"Type":"Pass","Output":"{% $path %}","End":true}}}`,
			want: []string{"C Choices[0].Condition $ready"},
		},
		{
			name: "per-state query language",
			def: `{"StartAt":"A","States":{
				"A":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $x %}","Next":"B"},
				"B":{"Type":"Pass","Parameters":{"y.$":"$y","j":"{% $z %}"},"End":true}}}`,
			want: []string{"A Output $x", "B Parameters.y.$ $y"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var def map[string]any
			if err := json.Unmarshal([]byte(tc.def), &def); err != nil {
				t.Fatalf("bad definition: %v", err)
			}
			var got []string
			for _, u := range UnassignedVariables(def) {
				s := u.State + " " + u.Field + " $" + u.Variable
				if u.Outside {
					s += " outside"
				}
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestUnassignedMessage(t *testing.T) {
	u := Unassigned{State: "Sum", Field: "Parameters.total.$", Variable: "total"}
	want := `state "Sum" reads $total in Parameters.total.$, but no state that can run before it assigns total`
	if got := u.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	u.Outside = true
	if got := u.String(); !strings.Contains(got, "distributed Map") || !strings.Contains(got, "ItemSelector") {
		t.Errorf("the message does not say what to do: %s", got)
	}
}

func TestFreeVariables(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{`$x`, []string{"x"}},
		{`$x.id & $y[0]`, []string{"x", "y"}},
		{`$`, nil},
		{`$$.a`, nil},
		{`$states.input`, nil},
		{`$sum($x)`, []string{"x"}},
		{`$count ($states.input)`, nil},
		{`$f := function($a) { $a + $b }; $f(1)`, []string{"b"}},
		{`λ($a) { $a }`, nil},
		{`($t := $x; $t + 1)`, []string{"x"}},
		{`$x := $x + 1`, nil}, // rebinding: unsure, so nothing
		{`Account.Order@$o.Product#$i.{"n": $o.id, "i": $i}`, nil},
		{`$a / $b`, []string{"a", "b"}},
		{`$match($s, /^\$price$/)`, []string{"s"}},
		{`/* $c */ $d`, []string{"d"}},
		{"`$field` & $e", []string{"e"}},
		{`'unclosed $x`, nil},
		{`$café`, nil},
		{`$lookup($m, 'k') ~> $trim`, []string{"m"}},
	}
	for _, tc := range tests {
		got := freeVariables(tc.expr)
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("freeVariables(%s) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}
