package cfn

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func load(t *testing.T) map[string]any {
	t.Helper()
	tpl, err := Load("../testdata/handwritten.template.json")
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func TestResolveDefinition(t *testing.T) {
	def, err := ResolveDefinition(load(t), "Flow")
	if err != nil {
		t.Fatal(err)
	}
	get := func(path ...any) any {
		var v any = def
		for _, p := range path {
			switch k := p.(type) {
			case string:
				v = v.(map[string]any)[k]
			case int:
				v = v.([]any)[k]
			}
		}
		return v
	}
	states := func(path ...any) []any { return append([]any{"States"}, path...) }
	tests := []struct {
		name string
		path []any
		want any
	}{
		{"Ref AWS::Partition", states("Invoke", "Resource"), "arn:aws:states:::lambda:invoke"},
		{"GetAtt Lambda Arn", states("Invoke", "Parameters", "FunctionName"), "arn:aws:lambda:us-east-1:123456789012:function:Fn"},
		{"Ref SNS topic", states("Fan", "Branches", 0, "States", "Notify", "Parameters", "TopicArn"), "arn:aws:sns:us-east-1:123456789012:Topic"},
		{"Ref SQS queue", states("Fan", "Branches", 1, "States", "Each", "ItemProcessor", "States", "Send", "Parameters", "QueueUrl"), "https://sqs.us-east-1.amazonaws.com/123456789012/Queue"},
		{"Ref DynamoDB table", states("Save", "Parameters", "TableName"), "Table"},
		{"DefinitionSubstitutions", states("Save", "Parameters", "Item", "pk", "S"), "prod-x"},
		{"Fn::Sub", states("Where", "Result", "region"), "us-east-1/123456789012/${Literal}/arn:aws:widget:us-east-1:123456789012:gadget/Thing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := get(tc.path...); got != tc.want {
				t.Errorf("%v = %v, want %v", tc.path, got, tc.want)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		typ, attr, want string // attr "" means Ref
	}{
		{"AWS::Lambda::Function", "", "X"},
		{"AWS::Lambda::Function", "Arn", "arn:aws:lambda:us-east-1:123456789012:function:X"},
		{"AWS::SNS::Topic", "", "arn:aws:sns:us-east-1:123456789012:X"},
		{"AWS::SNS::Topic", "TopicName", "X"},
		{"AWS::SQS::Queue", "Arn", "arn:aws:sqs:us-east-1:123456789012:X"},
		{"AWS::SQS::Queue", "QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/X"},
		{"AWS::IAM::Role", "Arn", "arn:aws:iam::123456789012:role/X"},
		{"AWS::StepFunctions::StateMachine", "", "arn:aws:states:us-east-1:123456789012:stateMachine:X"},
		{"AWS::StepFunctions::Activity", "", "arn:aws:states:us-east-1:123456789012:activity:X"},
		{"AWS::Batch::JobQueue", "", "arn:aws:batch:us-east-1:123456789012:job-queue/X"},
		{"AWS::Batch::JobDefinition", "", "arn:aws:batch:us-east-1:123456789012:job-definition/X:1"},
		{"AWS::ECS::Cluster", "Arn", "arn:aws:ecs:us-east-1:123456789012:cluster/X"},
		{"AWS::ECS::TaskDefinition", "", "arn:aws:ecs:us-east-1:123456789012:task-definition/X:1"},
		{"AWS::DynamoDB::Table", "Arn", "arn:aws:dynamodb:us-east-1:123456789012:table/X"},
		{"AWS::S3::Bucket", "", "x"},
		{"AWS::S3::Bucket", "Arn", "arn:aws:s3:::x"},
		{"AWS::Widget::Gadget", "", "arn:aws:widget:us-east-1:123456789012:gadget/X"},
		{"AWS::Widget::Gadget", "Color", "X.Color"},
	}
	for _, tc := range tests {
		tpl := map[string]any{"Resources": map[string]any{"X": map[string]any{"Type": tc.typ}}}
		var expr any = map[string]any{"Ref": "X"}
		if tc.attr != "" {
			expr = map[string]any{"Fn::GetAtt": []any{"X", tc.attr}}
		}
		got, err := Resolve(tpl, expr)
		if err != nil || got != tc.want {
			t.Errorf("%s %s: got %v (%v), want %v", tc.typ, tc.attr, got, err, tc.want)
		}
	}
}

func TestResolveIntrinsics(t *testing.T) {
	tpl := map[string]any{
		"Resources": map[string]any{"Fn": map[string]any{"Type": "AWS::Lambda::Function"}},
		"Mappings":  map[string]any{"M": map[string]any{"us-east-1": map[string]any{"v": "mapped"}}},
	}
	tests := []struct {
		name, expr string
		want       any
	}{
		{"Join", `{"Fn::Join":[":",["a",{"Ref":"AWS::AccountId"}]]}`, "a:123456789012"},
		{"Sub with variables", `{"Fn::Sub":["${A}-${Fn.Arn}",{"A":{"Ref":"AWS::Region"}}]}`, "us-east-1-arn:aws:lambda:us-east-1:123456789012:function:Fn"},
		{"Select Split", `{"Fn::Select":[1,{"Fn::Split":[",","a,b,c"]}]}`, "b"},
		{"FindInMap", `{"Fn::FindInMap":["M",{"Ref":"AWS::Region"},"v"]}`, "mapped"},
		{"NoValue drops a key", `{"a":1,"b":{"Ref":"AWS::NoValue"}}`, map[string]any{"a": float64(1)}},
		{"If takes the true branch", `{"Fn::If":["C","yes","no"]}`, "yes"},
	}
	for _, tc := range tests {
		var expr any
		if err := json.Unmarshal([]byte(tc.expr), &expr); err != nil {
			t.Fatal(err)
		}
		got, err := Resolve(tpl, expr)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v (%v), want %v", tc.name, got, err, tc.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`{"Ref":"Missing"}`, `"Missing" is neither a resource`},
		{`{"Fn::GetAtt":["Missing","Arn"]}`, `no resource "Missing"`},
		{`{"Fn::Cidr":["10.0.0.0/16",1,8]}`, "unsupported intrinsic function Fn::Cidr"},
		{`{"Fn::Join":[",","notalist"]}`, "values must be a list"},
	}
	for _, tc := range tests {
		var expr any
		json.Unmarshal([]byte(tc.expr), &expr)
		_, err := Resolve(map[string]any{}, expr)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.expr, err, tc.want)
		}
	}
}

func TestStateMachines(t *testing.T) {
	got := StateMachines(load(t))
	want := []StateMachineInfo{
		{LogicalID: "Broken", Type: "STANDARD", RoleID: "Role"},
		{LogicalID: "Flow", Name: "orders-prod", Type: "STANDARD", RoleID: "Role"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	for key, want := range map[string]string{"Flow": "Flow", "orders-prod": "Flow", "Broken": "Broken"} {
		sm, err := FindStateMachine(load(t), key)
		if err != nil || sm.LogicalID != want {
			t.Errorf("FindStateMachine(%q) = %v, %v; want %s", key, sm.LogicalID, err, want)
		}
	}
	if _, err := FindStateMachine(load(t), ""); err == nil || !strings.Contains(err.Error(), "say which one") {
		t.Errorf("FindStateMachine(\"\") error = %v", err)
	}
}

func TestWalkCountsNestedStates(t *testing.T) {
	def, err := ResolveDefinition(load(t), "Flow")
	if err != nil {
		t.Fatal(err)
	}
	if n := CountStates(def); n != 7 {
		t.Errorf("CountStates = %d, want 7 (Invoke, Fan, Notify, Each, Send, Save, Where)", n)
	}
	if got, want := TaskStates(def), []string{"Invoke", "Notify", "Save", "Send"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TaskStates = %v, want %v", got, want)
	}
	// The older Map Iterator field counts too.
	var old map[string]any
	json.Unmarshal([]byte(`{"StartAt":"M","States":{"M":{"Type":"Map","Iterator":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}},"End":true}}}`), &old)
	if got := TaskStates(old); !reflect.DeepEqual(got, []string{"T"}) {
		t.Errorf("TaskStates(Iterator) = %v", got)
	}
}

func TestSummarize(t *testing.T) {
	sums, err := Summarize(load(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 {
		t.Fatalf("got %d summaries", len(sums))
	}
	flow := sums[1]
	if flow.States != 7 || flow.IAMStatements != 3 || flow.DefinitionBytes == 0 {
		t.Errorf("summary = %+v, want 7 states and 3 IAM statements (1 inline, 2 in RolePolicy)", flow)
	}
	if s := flow.String(); !strings.HasPrefix(s, `Flow (name "orders-prod"): 7 states, 3 IAM statements, `) {
		t.Errorf("String() = %s", s)
	}
}

func TestUnsupportedFeatures(t *testing.T) {
	tests := []struct {
		name, def string
		want      []string
	}{
		{"plain JSONPath", `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"Assign":1,"Output":2},"End":true}}}`, nil},
		{"top-level JSONata", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`,
			[]string{`the definition sets "QueryLanguage": "JSONata"`}},
		{"Arguments in a nested state", `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","Arguments":{},"End":true}}}],"End":true}}}`,
			[]string{`state "T" has the JSONata field Arguments`}},
		{"Assign in a Catch", `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"E","Assign":{"x":1}}],"End":true},"E":{"Type":"Succeed"}}}`,
			[]string{`state "T" Catch[0] assigns Variables (Assign)`}},
		{"Condition in a Choice", `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% true %}","Next":"E"}]},"E":{"Type":"Succeed"}}}`,
			[]string{`state "C" Choices[0] has the JSONata field Condition`}},
	}
	for _, tc := range tests {
		var def map[string]any
		if err := json.Unmarshal([]byte(tc.def), &def); err != nil {
			t.Fatal(err)
		}
		if got := UnsupportedFeatures(def); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
