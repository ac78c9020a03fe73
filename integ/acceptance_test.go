package integ_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sfnkit/sfnkit/integ"
)

// Acceptance tests of issue 14: modern workflows (JSONata, Variables,
// distributed Map) run locally with exact outputs and error names.

func asl(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("bad definition: %v", err)
	}
	return m
}

func jsonValue(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON %s: %v", s, err)
	}
	return v
}

func runASL(t *testing.T, def string, input any, mocks integ.Mocks) integ.Result {
	t.Helper()
	var got integ.Result
	expectPass(t, func(tb testing.TB) { got = integ.RunDefinition(tb, "Acceptance", asl(t, def), input, mocks) })
	return got
}

func assertOutput(t *testing.T, got integ.Result, want string) {
	t.Helper()
	if !got.Succeeded() || !reflect.DeepEqual(got.Output, jsonValue(t, want)) {
		b, _ := json.Marshal(got.Output)
		t.Fatalf("got %s %s (%s) %s, want %s\n%s", got.Status, got.Error, got.Cause, b, want, got.History())
	}
}

func assertError(t *testing.T, got integ.Result, name string) {
	t.Helper()
	if !got.Failed() || got.Error != name {
		t.Fatalf("got %s %q (%s), want FAILED %q\n%s", got.Status, got.Error, got.Cause, name, got.History())
	}
}

const orderWorkflow = `{"QueryLanguage":"JSONata","StartAt":"Price","States":{
 "Price":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
  "Arguments":{"FunctionName":"price","Payload":{"sku":"{% $states.input.sku %}","qty":"{% $states.input.qty %}"}},
  "Assign":{"total":"{% $states.result.Payload.unit * $states.input.qty %}","sku":"{% $states.input.sku %}"},
  "Output":"{% $states.result.Payload %}","Next":"Check"},
 "Check":{"Type":"Choice","Choices":[{"Condition":"{% $total > 100 %}","Next":"Review","Assign":{"reason":"large"}}],"Default":"Accept"},
 "Review":{"Type":"Pass","Output":{"status":"review","total":"{% $total %}","reason":"{% $reason %}","sku":"{% $sku %}"},"End":true},
 "Accept":{"Type":"Pass","Output":{"status":"accepted","total":"{% $total %}","unit":"{% $states.input.unit %}"},"End":true}}}`

func TestAcceptanceJSONataArgumentsOutputAssignCondition(t *testing.T) {
	price := func(in any) (any, error) {
		p := in.(map[string]any)["Payload"].(map[string]any)
		if p["sku"] == "gold" {
			return integ.LambdaResponse(map[string]any{"unit": 60}), nil
		}
		return integ.LambdaResponse(map[string]any{"unit": 5}), nil
	}
	got := runASL(t, orderWorkflow, map[string]any{"sku": "gold", "qty": 2}, integ.Mocks{"Price": price})
	assertOutput(t, got, `{"status":"review","total":120,"reason":"large","sku":"gold"}`)
	if in := got.Inputs("Price"); !reflect.DeepEqual(in[0], jsonValue(t, `{"FunctionName":"price","Payload":{"sku":"gold","qty":2}}`)) {
		t.Errorf("Price's Arguments = %v", in[0])
	}
	got = runASL(t, orderWorkflow, map[string]any{"sku": "tin", "qty": 3}, integ.Mocks{"Price": price})
	assertOutput(t, got, `{"status":"accepted","total":15,"unit":5}`)
	if p := strings.Join(got.Path(), ","); p != "Price,Check,Accept" {
		t.Errorf("path %s", p)
	}
	// A mistake in an expression fails the state with States.QueryEvaluationError.
	got = runASL(t, orderWorkflow, map[string]any{"sku": "tin", "qty": "three"}, integ.Mocks{"Price": price})
	assertError(t, got, "States.QueryEvaluationError")
}

func TestAcceptanceVariablesAcrossStates(t *testing.T) {
	def := `{"StartAt":"Remember","States":{
	 "Remember":{"Type":"Pass","Assign":{"customer.$":"$.customer","attempt":1},"Next":"Fetch"},
	 "Fetch":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"t","Key":{"id":{"S.$":"$customer.id"}}},
	  "ResultSelector":{"name.$":"$.Item.name.S"},"Assign":{"profile.$":"$"},"ResultPath":null,"Next":"Greet"},
	 "Greet":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"greeting":"{% 'Hello ' & $profile.name & ' (' & $customer.tier & ')' %}","attempt":"{% $attempt %}","input":"{% $states.input %}"},"End":true}}}`
	got := runASL(t, def, map[string]any{"customer": map[string]any{"id": "c-1", "tier": "gold"}}, integ.Mocks{
		"Fetch": func(in any) (any, error) {
			id := in.(map[string]any)["Key"].(map[string]any)["id"].(map[string]any)["S"]
			return map[string]any{"Item": map[string]any{"name": map[string]any{"S": "Ada-" + id.(string)}}}, nil
		},
	})
	assertOutput(t, got, `{"greeting":"Hello Ada-c-1 (gold)","attempt":1,"input":{"customer":{"id":"c-1","tier":"gold"}}}`)
}

func TestAcceptanceJSONataChoiceIntoInlineMap(t *testing.T) {
	def := `{"QueryLanguage":"JSONata","StartAt":"Route","States":{
	 "Route":{"Type":"Choice","Choices":[{"Condition":"{% $count($states.input.orders) > 0 %}","Next":"Each"}],"Default":"Nothing"},
	 "Nothing":{"Type":"Succeed","Output":{"shipped":[]}},
	 "Each":{"Type":"Map","Items":"{% $states.input.orders %}","MaxConcurrency":2,
	  "ItemSelector":{"order":"{% $states.context.Map.Item.Value %}","position":"{% $states.context.Map.Item.Index %}","warehouse":"{% $states.input.warehouse %}"},
	  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Ship","States":{
	   "Ship":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"Payload":"{% $states.input %}"},"Output":"{% $states.result.Payload %}","End":true}}},
	  "Output":{"shipped":"{% $states.result.tracking %}"},"End":true}}}`
	ship := func(in any) (any, error) {
		p := in.(map[string]any)["Payload"].(map[string]any)
		return integ.LambdaResponse(map[string]any{"tracking": p["warehouse"].(string) + "-" + p["order"].(string)}), nil
	}
	got := runASL(t, def, map[string]any{"orders": []string{"a", "b", "c"}, "warehouse": "W1"}, integ.Mocks{"Ship": ship})
	assertOutput(t, got, `{"shipped":["W1-a","W1-b","W1-c"]}`)
	if n := got.EnteredCount("Ship"); n != 3 {
		t.Errorf("Ship entered %d times", n)
	}
	got = runASL(t, def, map[string]any{"orders": []string{}, "warehouse": "W1"}, integ.Mocks{"Ship": ship})
	assertOutput(t, got, `{"shipped":[]}`)
	got = runASL(t, def, map[string]any{"orders": []string{"a"}, "warehouse": "W1"}, integ.Mocks{"Ship": integ.Fail("Lambda.ServiceException", "down")})
	assertError(t, got, "Lambda.ServiceException")
}

const distributedWorkflow = `{"StartAt":"Process","States":{"Process":{"Type":"Map","End":true,
 "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket.$":"$.bucket","Key":"orders.json"}},
 "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"run.$":"$.run"}},
 "ToleratedFailurePercentage":50,
 "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"runs"}},
 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Batch","States":{
  "Batch":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}}}}`

func TestAcceptanceDistributedMapOverS3(t *testing.T) {
	orders := []map[string]any{{"id": 1}, {"id": 2}, {"id": 3}, {"id": 4}, {"id": 5}}
	var batches []any
	batch := func(bad int) func(in any) (any, error) {
		return func(in any) (any, error) {
			p := in.(map[string]any)["Payload"].(map[string]any)
			batches = append(batches, p)
			for _, it := range p["Items"].([]any) {
				if it.(map[string]any)["id"].(float64) == float64(bad) {
					return nil, integ.Fail("Order.Invalid", "bad order")
				}
			}
			return integ.LambdaResponse(map[string]any{"count": len(p["Items"].([]any))}), nil
		}
	}
	mocks := func(bad int) integ.Mocks {
		return integ.Mocks{"Batch": batch(bad), "s3://input/orders.json": orders}
	}
	got := runASL(t, distributedWorkflow, map[string]any{"bucket": "input", "run": "r1"}, mocks(3))
	if !got.Succeeded() {
		t.Fatalf("%s %s\n%s", got.Error, got.Cause, got.History())
	}
	wantBatches := jsonValue(t, `[{"Items":[{"id":1},{"id":2}],"BatchInput":{"run":"r1"}},{"Items":[{"id":3},{"id":4}],"BatchInput":{"run":"r1"}},{"Items":[{"id":5}],"BatchInput":{"run":"r1"}}]`)
	if !reflect.DeepEqual(any(batches), wantBatches) {
		t.Errorf("batches = %v", batches)
	}
	out := got.Output.(map[string]any)
	details := out["ResultWriterDetails"].(map[string]any)
	manifestKey := details["Key"].(string)
	if details["Bucket"] != "results" || !strings.HasPrefix(manifestKey, "runs/") || !strings.HasSuffix(manifestKey, "/manifest.json") {
		t.Fatalf("ResultWriterDetails = %v", details)
	}
	dir := "s3://results/" + strings.TrimSuffix(manifestKey, "manifest.json")
	manifest := got.Object("s3://results/" + manifestKey).(map[string]any)
	if manifest["MapRunArn"] != out["MapRunArn"] {
		t.Errorf("manifest = %v", manifest)
	}
	succeeded := got.Object(dir + "SUCCEEDED_0.json").([]any)
	failed := got.Object(dir + "FAILED_0.json").([]any)
	if len(succeeded) != 2 || len(failed) != 1 || failed[0].(map[string]any)["Error"] != "Order.Invalid" {
		t.Errorf("succeeded %v, failed %v", succeeded, failed)
	}
	if o := succeeded[0].(map[string]any)["Output"]; o != `{"count":2}` {
		t.Errorf("first output %v", o)
	}
	// Two failing batches of three (67%) exceed the 50% tolerated.
	batches = nil
	bothBad := integ.Mocks{"Batch": func(in any) (any, error) {
		p := in.(map[string]any)["Payload"].(map[string]any)
		if len(p["Items"].([]any)) == 2 {
			return nil, integ.Fail("Order.Invalid", "bad batch")
		}
		return integ.LambdaResponse(1), nil
	}, "s3://input/orders.json": orders}
	assertError(t, runASL(t, distributedWorkflow, map[string]any{"bucket": "input", "run": "r2"}, bothBad), "States.ExceedToleratedFailureThreshold")
	// A missing object fails the Map with States.ItemReaderFailed.
	assertError(t, runASL(t, distributedWorkflow, map[string]any{"bucket": "elsewhere", "run": "r3"}, mocks(0)), "States.ItemReaderFailed")
}

func TestAcceptanceRetryBackoffAndMaxDelay(t *testing.T) {
	def := `{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true,
	 "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":3,"BackoffRate":2.5,"MaxDelaySeconds":20,"MaxAttempts":5},
	          {"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":1}]}}}`
	got := runASL(t, def, nil, integ.Mocks{"Call": integ.Fail("Lambda.TooManyRequestsException", "slow down")})
	assertError(t, got, "Lambda.TooManyRequestsException")
	want := []time.Duration{3 * time.Second, 7500 * time.Millisecond, 18750 * time.Millisecond, 20 * time.Second, 20 * time.Second}
	if d := got.RetryDelays("Call"); !reflect.DeepEqual(d, want) || got.Retries("Call") != 5 || len(got.Calls) != 6 {
		t.Errorf("delays %v, retries %d, calls %d; want %v, 5, 6", d, got.Retries("Call"), len(got.Calls), want)
	}
	got = runASL(t, def, nil, integ.Mocks{"Call": integ.Sequence(integ.Fail("Lambda.TooManyRequestsException", "1"), integ.Fail("Other", "2"), integ.LambdaResponse("ok"))})
	if !got.Succeeded() || !reflect.DeepEqual(got.RetryDelays("Call"), []time.Duration{3 * time.Second, time.Second}) {
		t.Errorf("%s, delays %v", got.Status, got.RetryDelays("Call"))
	}
}

func TestAcceptanceCatchWithResultPath(t *testing.T) {
	def := `{"StartAt":"Charge","States":{
	 "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"ResultPath":"$.charge","Next":"Done",
	  "Catch":[{"ErrorEquals":["Payment.Declined"],"ResultPath":"$.failure","Next":"Declined"}]},
	 "Done":{"Type":"Succeed"},
	 "Declined":{"Type":"Fail","ErrorPath":"$.failure.Error","CausePath":"$.failure.Cause"}}}`
	got := runASL(t, def, map[string]any{"amount": 10}, integ.Mocks{"Charge": integ.Fail("Payment.Declined", "card expired")})
	assertError(t, got, "Payment.Declined")
	if got.Cause != "card expired" || !reflect.DeepEqual(got.StateInput("Declined"), jsonValue(t, `{"amount":10,"failure":{"Error":"Payment.Declined","Cause":"card expired"}}`)) {
		t.Errorf("cause %q, Declined input %v", got.Cause, got.StateInput("Declined"))
	}
	got = runASL(t, def, map[string]any{"amount": 10}, integ.Mocks{"Charge": integ.LambdaResponse("ok")})
	if !got.Succeeded() || got.Output.(map[string]any)["charge"].(map[string]any)["Payload"] != "ok" {
		t.Errorf("%s %v", got.Status, got.Output)
	}
}

func TestAcceptanceStepFunctionsJSONataFunctions(t *testing.T) {
	def := `{"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Pass","End":true,"Output":{
	 "hash":"{% $hash($states.input.text, 'SHA-256') %}",
	 "md5":"{% $hash($states.input.text, 'MD5') %}",
	 "range":"{% $range(0, 10, 4) %}",
	 "down":"{% $range(3, 1, -1) %}",
	 "parsed":"{% $parse($states.input.json) %}",
	 "chunks":"{% $partition($states.input.items, 2) %}",
	 "uuid":"{% $length($uuid()) %}",
	 "seeded":"{% $random(42) = $random(42) %}"}}}}`
	got := runASL(t, def, map[string]any{"text": "input", "json": `{"a":[1,{"b":null}]}`, "items": []int{1, 2, 3, 4, 5}}, nil)
	assertOutput(t, got, `{"hash":"c96c6d5be8d08a12e7b5cdc1b207fa6b2430974c86803d8891675e76fd992c20","md5":"a43c1b0aa53a0c908810c06ab1ff3967",
	 "range":[0,4,8],"down":[3,2,1],"parsed":{"a":[1,{"b":null}]},"chunks":[[1,2],[3,4],[5]],"uuid":36,"seeded":true}`)
	for _, bad := range []string{`$parse('{oops')`, `$hash('x', 'SHA-3')`, `$partition([1], 0)`, `$range(1, 2, 0)`} {
		got := runASL(t, `{"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Pass","Output":"{% `+bad+` %}","End":true}}}`, nil, nil)
		assertError(t, got, "States.QueryEvaluationError")
	}
}
