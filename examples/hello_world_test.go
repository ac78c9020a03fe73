package examples_test

import (
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	helloworld "github.com/sfnkit/sfnkit/examples/hello-world"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func helloWorldApp() *helloworld.HelloWorld {
	return helloworld.NewHelloWorld(cdktest.NewApp(), "SfnkitHelloWorld", cdktest.StackProps())
}

// helloWorldSharedApp is the app the tests that only read share: the CDK
// synthesizes an app once. integ.Nag adds cdk-nag's aspects, so it gets an app
// of its own.
var helloWorldSharedApp = sync.OnceValue(helloWorldApp)

func TestHelloWorldSnapshot(t *testing.T) {
	cdktest.Golden(t, "hello-world", cdktest.Snapshot(cdktest.Template(t, helloWorldSharedApp().Stack)))
}

func TestHelloWorldValidDefinitions(t *testing.T) {
	integ.Validate(t, helloWorldSharedApp().Stack)
}

func TestHelloWorldLeastPrivilege(t *testing.T) {
	integ.Nag(t, helloWorldApp().Stack)
}

// Each state machine's role gets exactly: invoke its three functions (no
// ":*" qualifiers) and put items in the table; nothing else.
func TestHelloWorldExactIAM(t *testing.T) {
	hw := helloWorldSharedApp()
	tpl := cdktest.Template(t, hw.Stack)
	ref := func(c constructs.IConstruct) string {
		return "${" + *hw.Stack.GetLogicalId(c.Node().DefaultChild().(awscdk.CfnElement)) + ".Arn}"
	}
	fns := []string{ref(hw.Stack.Node().FindChild(jsii.String("Hello"))), ref(hw.Stack.Node().FindChild(jsii.String("World"))),
		ref(hw.Stack.Node().FindChild(jsii.String("NotifyError")))}
	table := ref(hw.Stack.Node().FindChild(jsii.String("Greetings")))
	for _, sm := range []sfn.StateMachine{hw.Chained, hw.Enclosed} {
		policy := sm.Role().Node().FindChild(jsii.String("DefaultPolicy")).Node().DefaultChild().(awscdk.CfnElement)
		doc := cdktest.Resources(tpl, "AWS::IAM::Policy")[*hw.Stack.GetLogicalId(policy)]["Properties"].(map[string]any)["PolicyDocument"].(map[string]any)
		byAction := map[string][]string{}
		for _, s := range doc["Statement"].([]any) {
			st := s.(map[string]any)
			assert.Nil(t, st["Condition"])
			resources, ok := st["Resource"].([]any)
			if !ok {
				resources = []any{st["Resource"]}
			}
			for _, r := range resources {
				byAction[st["Action"].(string)] = append(byAction[st["Action"].(string)], cdktest.Flatten(r))
			}
		}
		assert.Len(t, byAction, 2, *sm.Node().Id())
		assert.ElementsMatch(t, fns, byAction["lambda:InvokeFunction"], *sm.Node().Id())
		assert.Equal(t, []string{table}, byAction["dynamodb:PutItem"], *sm.Node().Id())
	}
}

var helloWorldMocks = integ.Mocks{
	"[Lambda] hello":              integ.Return(integ.LambdaResponse(map[string]any{"message": "hello"})),
	"[Lambda] world":              integ.Return(integ.LambdaResponse(map[string]any{"ok": true, "message": "hello world"})),
	"[Lambda] notification_error": integ.Return(integ.LambdaResponse(nil)),
	"Record greeting":             integ.Return(map[string]any{}),
}

func TestHelloWorldRunSuccess(t *testing.T) {
	hw := helloWorldSharedApp()
	res := integ.Run(t, hw.Stack, hw.Chained, map[string]any{}, helloWorldMocks)
	assert.True(t, res.Succeeded(), res.History())
	assert.Equal(t, []string{"[Lambda] hello", "[Lambda] world", "Greeted?", "Record greeting", "Done"}, res.Path())
}

func TestHelloWorldRunFailureNotifies(t *testing.T) {
	hw := helloWorldSharedApp()
	mocks := integ.Mocks{}
	for k, v := range helloWorldMocks {
		mocks[k] = v
	}
	mocks["[Lambda] world"] = integ.Fail("Lambda.Unknown", "boom")
	var notified any
	mocks["[Lambda] notification_error"] = integ.Func(func(input any) (any, error) {
		notified = input
		return integ.LambdaResponse(nil), nil
	})
	res := integ.Run(t, hw.Stack, hw.Chained, map[string]any{}, mocks)
	assert.True(t, res.Failed(), res.History())
	assert.Equal(t, "Workflow FAILED", res.Error)
	payload := notified.(map[string]any)["Payload"].(map[string]any)
	assert.Equal(t, "Lambda.Unknown", payload["error"])
	assert.Equal(t, "boom", payload["cause"])
	assert.NotEmpty(t, payload["execution_id"])
}

func TestHelloWorldRunEnclosedCatchesOnce(t *testing.T) {
	hw := helloWorldSharedApp()
	mocks := integ.Mocks{
		"Enclosed [Lambda] hello":              integ.Fail("Lambda.Unknown", "boom"),
		"Enclosed [Lambda] world":              integ.Return(integ.LambdaResponse(map[string]any{"ok": true})),
		"Enclosed [Lambda] notification_error": integ.Return(integ.LambdaResponse(nil)),
		"Enclosed Record greeting":             integ.Return(map[string]any{}),
	}
	res := integ.Run(t, hw.Stack, hw.Enclosed, map[string]any{}, mocks)
	assert.True(t, res.Failed(), res.History())
	assert.True(t, res.Caught("Enclosed work"), res.History())

	mocks["Enclosed [Lambda] hello"] = integ.Return(integ.LambdaResponse(map[string]any{"message": "hello"}))
	mocks["Enclosed [Lambda] world"] = integ.Return(integ.LambdaResponse(map[string]any{"ok": false}))
	res = integ.Run(t, hw.Stack, hw.Enclosed, map[string]any{}, mocks)
	assert.True(t, res.Failed(), res.History())
	assert.Equal(t, "NotGreeted", res.Error)
}

// The same stack built in a fragments.Workflow renders both machines in
// Go (a plain DefinitionString, its tokens DefinitionSubstitutions) with
// the same definitions and the same permissions as the CDK's rendering.
func TestHelloWorldWorkflowRendersTheSameMachines(t *testing.T) {
	cdkTpl := cdktest.Template(t, helloWorldSharedApp().Stack)
	goTpl := cdktest.Template(t, helloworld.NewHelloWorldInWorkflow(cdktest.NewApp(), "SfnkitHelloWorld", cdktest.StackProps()).Stack)
	cdkDefs := helloWorldDefinitions(cdkTpl)
	for id, m := range cdktest.Resources(goTpl, "AWS::StepFunctions::StateMachine") {
		_, plain := m["Properties"].(map[string]any)["DefinitionString"].(string)
		assert.True(t, plain, "%s rendered in Go", id)
	}
	assert.Len(t, cdkDefs, 2)
	assert.Equal(t, cdkDefs, helloWorldDefinitions(goTpl))
	assert.Equal(t, helloWorldGrants(t, cdkTpl), helloWorldGrants(t, goTpl))
}

// helloWorldDefinitions are the resolved definitions by state machine
// logical id.
func helloWorldDefinitions(tpl map[string]any) map[string]any {
	out := map[string]any{}
	for id, m := range cdktest.Resources(cdktest.Snapshot(tpl), "AWS::StepFunctions::StateMachine") {
		out[id] = m["Properties"].(map[string]any)["DefinitionString"]
	}
	return out
}

// helloWorldGrants are the roles' permissions as "role action resource"
// triples, however the statements group them.
func helloWorldGrants(t *testing.T, tpl map[string]any) []string {
	var out []string
	for _, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		props := p["Properties"].(map[string]any)
		role := cdktest.Flatten(props["Roles"])
		for _, s := range props["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			st := s.(map[string]any)
			resources, ok := st["Resource"].([]any)
			if !ok {
				resources = []any{st["Resource"]}
			}
			for _, r := range resources {
				out = append(out, role+" "+cdktest.Flatten(st["Action"])+" "+cdktest.Flatten(r))
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}
