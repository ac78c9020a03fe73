package engine_test

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestMain(m *testing.M) { cdktest.Main(m) }

// workflow builds, in scope, a chain exercising what the Go renderer
// renders itself: default and user retries (States.ALL sorted last), a
// catch with a ResultPath into a notification task, a RUN_JOB child
// execution, token-bearing ARNs and a dynamic payload. end, if given,
// follows the last task.
func workflow(stack awscdk.Stack, scope constructs.Construct, end sfn.IChainable) sfn.IChainable {
	fn := func(name string) awslambda.IFunction {
		return awslambda.Function_FromFunctionName(stack, jsii.String(name), jsii.String(name))
	}
	child := sfn.StateMachine_FromStateMachineName(stack, jsii.String("Child"), jsii.String("child"))
	// Raw ASL with Retry and Catch rules of its own, and one more of each added.
	raw := tasks.NewCustomTask(scope, jsii.String("Raw"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
		"Parameters": map[string]any{"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:raw", "Payload.$": "$"},
		"Retry":      []any{map[string]any{"ErrorEquals": []any{"Raw.Error"}, "MaxAttempts": 2}},
		"Catch":      []any{map[string]any{"ErrorEquals": []any{"Raw.Fatal"}, "Next": "Notify"}},
	}})
	raw.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("Added.Error")})
	first := tasks.NewLambdaInvoke(scope, jsii.String("First"), &tasks.LambdaInvokeProps{
		LambdaFunction: fn("first"), ResultPath: jsii.String("$.first")})
	first.AddRetry(&sfn.RetryProps{MaxAttempts: jsii.Number(1)})
	first.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("Custom"), Interval: awscdk.Duration_Seconds(jsii.Number(5)),
		JitterStrategy: sfn.JitterType_FULL, MaxDelay: awscdk.Duration_Minutes(jsii.Number(1))})
	run := tasks.NewStepFunctionsStartExecution(scope, jsii.String("Run child"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine: child, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
		Input: tasks.TaskInput_FromObject(map[string]any{"id": tasks.Path("$.first.Payload.id")})})
	notify := tasks.NewLambdaInvoke(scope, jsii.String("Notify"), &tasks.LambdaInvokeProps{LambdaFunction: fn("notify")})
	first.AddCatch(notify, &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	run.AddCatch(notify, nil)
	raw.AddCatch(notify, &sfn.CatchProps{Errors: jsii.Strings("Added.Fatal")})
	chain := first.Next(run).Next(raw)
	if end != nil {
		chain = chain.Next(end)
	}
	return chain
}

// render synthesizes workflow built the CDK's way (states created at once,
// sfn.DefinitionBody_FromChainable) or held in Go and given to
// engine.NewStateMachine, and returns the template.
func render(t *testing.T, inGo bool, end func(stack awscdk.Stack) sfn.IChainable) map[string]any {
	t.Helper()
	stack := cdktest.NewStack()
	var last sfn.IChainable
	if end != nil {
		last = end(stack)
	}
	if inGo {
		def := workflow(stack, engine.NewScope(stack, jsii.String("Flow")), last)
		engine.NewStateMachine(stack, jsii.String("Machine"), def, &sfn.StateMachineProps{
			Comment: jsii.String("c"), Timeout: awscdk.Duration_Hours(jsii.Number(1))})
	} else {
		def := workflow(stack, stack, last)
		sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{
			DefinitionBody: sfn.DefinitionBody_FromChainable(def),
			Comment:        jsii.String("c"), Timeout: awscdk.Duration_Hours(jsii.Number(1))})
	}
	return cdktest.Template(t, stack)
}

// permissions are the role's statements with their resources sorted: the
// two paths may list a statement's resources in another order.
func permissions(t *testing.T, tpl map[string]any) []map[string]any {
	stmts := cdktest.RoleStatements(t, tpl)
	for _, s := range stmts {
		sort.Strings(s["Resource"].([]string))
	}
	return cdktest.SortedStatements(stmts)
}

func definitionString(tpl map[string]any) any {
	for _, m := range cdktest.Resources(tpl, "AWS::StepFunctions::StateMachine") {
		return m["Properties"].(map[string]any)["DefinitionString"]
	}
	return nil
}

// The Go renderer writes the definition and the role policy the CDK
// writes for the same workflow, as one plain string whose tokens are
// DefinitionSubstitutions. CDK states that end the workflow without IAM
// (Pass, Wait, Succeed, Fail) are rendered by the CDK one at a time.
func TestWorkflowInGoMatchesCDK(t *testing.T) {
	for name, end := range map[string]func(stack awscdk.Stack) sfn.IChainable{
		"tasks only":  nil,
		"CDK Succeed": func(stack awscdk.Stack) sfn.IChainable { return sfn.NewSucceed(stack, jsii.String("Done"), nil) },
		"CDK Fail": func(stack awscdk.Stack) sfn.IChainable {
			return sfn.NewFail(stack, jsii.String("Failed"), &sfn.FailProps{ErrorPath: jsii.String("$.error.Error"), Cause: jsii.String("it failed")})
		},
		"CDK Pass": func(stack awscdk.Stack) sfn.IChainable {
			return sfn.NewPass(stack, jsii.String("Shape"), &sfn.PassProps{Parameters: &map[string]interface{}{"id.$": "$.first.Payload.id"}})
		},
	} {
		t.Run(name, func(t *testing.T) {
			cdk, inGo := render(t, false, end), render(t, true, end)
			assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
			assert.Equal(t, permissions(t, cdk), permissions(t, inGo))

			text, plain := definitionString(inGo).(string)
			require.True(t, plain, "the Go-rendered definition is one string, got %v", definitionString(inGo))
			assert.NotContains(t, text, "Token[")
			assert.Contains(t, text, "${Sfnkit0}")
			_, joined := definitionString(cdk).(map[string]any)
			assert.True(t, joined, "the CDK's definition is an Fn::Join")
		})
	}
}

// A CDK state the Go renderer cannot take whole (one with a Next, or a CDK
// task with IAM of its own) hands the whole workflow to the CDK: the result
// is the same as building it the CDK's way.
func TestWorkflowWithCDKStateFallsBack(t *testing.T) {
	for name, end := range map[string]func(stack awscdk.Stack) sfn.IChainable{
		"CDK Pass with a Next": func(stack awscdk.Stack) sfn.IChainable {
			return sfn.NewPass(stack, jsii.String("Shape"), nil).Next(sfn.NewSucceed(stack, jsii.String("Done"), nil))
		},
		"CDK task": func(stack awscdk.Stack) sfn.IChainable {
			return cdktasks.NewLambdaInvoke(stack, jsii.String("CDK invoke"), &cdktasks.LambdaInvokeProps{
				LambdaFunction: awslambda.Function_FromFunctionName(stack, jsii.String("cdkfn"), jsii.String("cdkfn"))})
		},
	} {
		t.Run(name, func(t *testing.T) {
			cdk, inGo := render(t, false, end), render(t, true, end)
			assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
			assert.Equal(t, permissions(t, cdk), permissions(t, inGo))
			_, joined := definitionString(inGo).(map[string]any)
			assert.True(t, joined, "rendered by the CDK")
		})
	}
}

// States held in Go work in every CDK API: given to one, they become CDK
// states with what was recorded on them, and bring their IAM along.
func TestStatesHeldInGoWorkInCDKAPIs(t *testing.T) {
	stack := cdktest.NewStack()
	scope := engine.NewScope(stack, jsii.String("Flow"))
	fn := awslambda.Function_FromFunctionName(stack, jsii.String("Fn"), jsii.String("fn"))
	a := tasks.NewLambdaInvoke(scope, jsii.String("A"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	b := tasks.NewLambdaInvoke(scope, jsii.String("B"), &tasks.LambdaInvokeProps{LambdaFunction: fn, RetryOnServiceExceptions: jsii.Bool(false)})
	parallel := sfn.NewParallel(stack, jsii.String("Both"), nil).Branch(a).Branch(b)
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.Chain_Start(parallel))})
	tpl := cdktest.Template(t, stack)

	branches := cdktest.Definition(t, tpl)["States"].(map[string]any)["Both"].(map[string]any)["Branches"].([]any)
	require.Len(t, branches, 2)
	a0 := branches[0].(map[string]any)["States"].(map[string]any)["A"].(map[string]any)
	assert.Len(t, a0["Retry"], 1, "the default retry recorded in Go reaches the CDK state")
	assert.Equal(t, true, a0["End"])
	stmts := cdktest.RoleStatements(t, tpl)
	require.Len(t, stmts, 1)
	assert.Equal(t, []string{"lambda:InvokeFunction"}, stmts[0]["Action"])
}

func TestWorkflowErrors(t *testing.T) {
	stack := cdktest.NewStack()
	fn := awslambda.Function_FromFunctionName(stack, jsii.String("Fn"), jsii.String("fn"))
	invoke := func(scope constructs.Construct, id string) tasks.Task {
		return tasks.NewLambdaInvoke(scope, jsii.String(id), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	}
	one, two := engine.NewScope(stack, jsii.String("One")), engine.NewScope(stack, jsii.String("Two"))
	invoke(one, "Same")
	err := cdktest.Catch(func() { invoke(one, "Same") })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "There is already a Construct with name 'Same'")

	dup := invoke(one, "Twice").Next(invoke(two, "Twice"))
	err = cdktest.Catch(func() { engine.NewStateMachine(stack, jsii.String("Dup"), dup, nil) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), `state name "Twice" is used by two states`)

	err = cdktest.Catch(func() {
		engine.NewStateMachine(stack, jsii.String("Body"), invoke(one, "Body task"), &sfn.StateMachineProps{
			DefinitionBody: sfn.DefinitionBody_FromString(jsii.String("{}"))})
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `sfnkit StateMachine "Test/Body" is invalid`)
	assert.Contains(t, err.Error(), "DefinitionBody, Definition: leave them out")

	long := strings.Repeat("x", 81)
	err = cdktest.Catch(func() { engine.NewStateMachine(stack, jsii.String("Long"), invoke(one, long), nil) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "at most 80")

	// What the CDK reports at synth (ValidateState), the Go renderer reports
	// when it renders.
	unknown := tasks.NewCustomTask(one, jsii.String("Unknown"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
		"Type": "Task", "Resource": "arn:aws:states:::unknown:thing"}})
	err = cdktest.Catch(func() { engine.NewStateMachine(stack, jsii.String("Unknown machine"), unknown, nil) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Unknown: CustomTask Unknown: sfnkit cannot derive IAM for Resource arn:aws:states:::unknown:thing")

	err = cdktest.Catch(func() { invoke(one, "Retry").AddRetry(&sfn.RetryProps{Errors: jsii.Strings("States.ALL", "X")}) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "States.ALL must appear alone")
}

// choiceWorkflow routes on the input to one of two tasks, or to a CDK
// Succeed; newChoice makes the Choice the CDK's way or held in Go.
func choiceWorkflow(stack awscdk.Stack, scope constructs.Construct, choiceProps *sfn.ChoiceProps,
	newChoice func(id string, props *sfn.ChoiceProps) sfn.Choice) sfn.IChainable {
	fn := awslambda.Function_FromFunctionName(stack, jsii.String("route"), jsii.String("route"))
	first := tasks.NewLambdaInvoke(scope, jsii.String("Classify"), &tasks.LambdaInvokeProps{LambdaFunction: fn, OutputPath: jsii.String("$.Payload")})
	big := tasks.NewLambdaInvoke(scope, jsii.String("Big"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	small := tasks.NewLambdaInvoke(scope, jsii.String("Small"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	route := newChoice("Route", choiceProps).
		When(sfn.Condition_And(sfn.Condition_IsPresent(jsii.String("$.size")), sfn.Condition_NumberGreaterThan(jsii.String("$.size"), jsii.Number(10))),
			big, &sfn.ChoiceTransitionOptions{Comment: jsii.String("large inputs")}).
		When(sfn.Condition_StringEquals(jsii.String("$.kind"), jsii.String("small")), small, nil).
		Otherwise(sfn.NewSucceed(stack, jsii.String("Nothing to do"), nil))
	return first.Next(route)
}

// A Choice held in Go (fragments.NewChoice in a Workflow) is rendered with
// the rest of the workflow, as the CDK renders its own; one with props the
// Go renderer leaves to the CDK (Assign) hands the workflow to the CDK.
func TestWorkflowChoiceInGo(t *testing.T) {
	for name, tc := range map[string]struct {
		props *sfn.ChoiceProps
		inGo  bool
	}{
		"plain":             {props: &sfn.ChoiceProps{Comment: jsii.String("route"), InputPath: jsii.String("$"), OutputPath: jsii.String("$")}, inGo: true},
		"with Assign (CDK)": {props: &sfn.ChoiceProps{Assign: &map[string]interface{}{"routed": true}}, inGo: false},
	} {
		t.Run(name, func(t *testing.T) {
			cdkStack, goStack := cdktest.NewStack(), cdktest.NewStack()
			sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
				choiceWorkflow(cdkStack, cdkStack, tc.props, func(id string, p *sfn.ChoiceProps) sfn.Choice { return sfn.NewChoice(cdkStack, jsii.String(id), p) }))})
			flow := engine.NewScope(goStack, jsii.String("Flow"))
			engine.NewStateMachine(goStack, jsii.String("Machine"),
				choiceWorkflow(goStack, flow, tc.props, func(id string, p *sfn.ChoiceProps) sfn.Choice { return engine.NewChoice(flow, jsii.String(id), p) }), nil)
			cdk, inGo := cdktest.Template(t, cdkStack), cdktest.Template(t, goStack)

			assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
			assert.Equal(t, permissions(t, cdk), permissions(t, inGo))
			_, plain := definitionString(inGo).(string)
			assert.Equal(t, tc.inGo, plain, "rendered in Go")
		})
	}
}

// Afterwards makes a held Choice a CDK Choice (with the transitions
// recorded so far): the workflow comes out as the CDK's.
func TestHeldChoiceAfterwards(t *testing.T) {
	build := func(stack awscdk.Stack, scope constructs.Construct, newChoice func(id string) sfn.Choice) sfn.IChainable {
		fn := awslambda.Function_FromFunctionName(stack, jsii.String("fn"), jsii.String("fn"))
		invoke := func(id string) tasks.Task {
			return tasks.NewLambdaInvoke(scope, jsii.String(id), &tasks.LambdaInvokeProps{LambdaFunction: fn})
		}
		return newChoice("Pick").When(sfn.Condition_BooleanEquals(jsii.String("$.a"), jsii.Bool(true)), invoke("A"), nil).
			Otherwise(invoke("B")).Afterwards(nil).Next(invoke("Done"))
	}
	cdkStack, goStack := cdktest.NewStack(), cdktest.NewStack()
	sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		build(cdkStack, cdkStack, func(id string) sfn.Choice { return sfn.NewChoice(cdkStack, jsii.String(id), nil) }))})
	flow := engine.NewScope(goStack, jsii.String("Flow"))
	engine.NewStateMachine(goStack, jsii.String("Machine"),
		build(goStack, flow, func(id string) sfn.Choice { return engine.NewChoice(flow, jsii.String(id), nil) }), nil)
	cdk, inGo := cdktest.Template(t, cdkStack), cdktest.Template(t, goStack)
	assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
	assert.Equal(t, permissions(t, cdk), permissions(t, inGo))
}

// grants are a template's role permissions as "action resource" pairs,
// however the statements group them (the CDK keeps a Parallel branch's
// statements apart from the workflow's; the Go renderer merges them).
func grants(t *testing.T, tpl map[string]any) []string {
	seen := map[string]bool{}
	for _, s := range cdktest.RoleStatements(t, tpl) {
		cond := ""
		if s["Condition"] != nil {
			cond = " " + cdktest.Flatten(s["Condition"])
		}
		for _, a := range s["Action"].([]string) {
			for _, r := range s["Resource"].([]string) {
				seen[a+" "+r+cond] = true
			}
		}
	}
	var out []string
	for g := range seen {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// A Parallel held in Go (fragments.NewParallel in a Workflow) is rendered
// with its branches as the CDK renders its own, with the same permissions.
func TestWorkflowParallelInGo(t *testing.T) {
	build := func(stack awscdk.Stack, scope constructs.Construct, newParallel func(id string, props *sfn.ParallelProps) sfn.Parallel) sfn.IChainable {
		fn := awslambda.Function_FromFunctionName(stack, jsii.String("fn"), jsii.String("fn"))
		other := awslambda.Function_FromFunctionName(stack, jsii.String("other"), jsii.String("other"))
		invoke := func(id string, f awslambda.IFunction) tasks.Task {
			return tasks.NewLambdaInvoke(scope, jsii.String(id), &tasks.LambdaInvokeProps{LambdaFunction: f, ResultPath: jsii.String("$." + strings.ToLower(id))})
		}
		both := newParallel("Both", &sfn.ParallelProps{Comment: jsii.String("fan out"), ResultPath: jsii.String("$.both"),
			ResultSelector: &map[string]interface{}{"first.$": "$[0].a", "second.$": "$[1]"}})
		both.Branch(invoke("A", fn).Next(invoke("A2", other)), invoke("B", other))
		both.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("States.BranchFailed"), MaxAttempts: jsii.Number(2)})
		both.AddCatch(invoke("Notify", fn), &sfn.CatchProps{ResultPath: jsii.String("$.error")})
		return invoke("Start", fn).Next(both).Next(invoke("After", other))
	}
	cdkStack, goStack := cdktest.NewStack(), cdktest.NewStack()
	sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		build(cdkStack, cdkStack, func(id string, p *sfn.ParallelProps) sfn.Parallel {
			return sfn.NewParallel(cdkStack, jsii.String(id), p)
		}))})
	flow := engine.NewScope(goStack, jsii.String("Flow"))
	engine.NewStateMachine(goStack, jsii.String("Machine"),
		build(goStack, flow, func(id string, p *sfn.ParallelProps) sfn.Parallel {
			return engine.NewParallel(flow, jsii.String(id), p)
		}), nil)
	cdk, inGo := cdktest.Template(t, cdkStack), cdktest.Template(t, goStack)

	assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
	assert.Equal(t, grants(t, cdk), grants(t, inGo))
	assert.Len(t, cdktest.RoleStatements(t, inGo), 1, "one merged lambda:InvokeFunction statement")
	_, plain := definitionString(inGo).(string)
	assert.True(t, plain, "rendered in Go")

	// A state name used in a branch and outside is an error, as in the CDK.
	stack := cdktest.NewStack()
	dupFlow := engine.NewScope(stack, jsii.String("Flow"))
	inner := engine.NewScope(stack, jsii.String("Inner"))
	fn := awslambda.Function_FromFunctionName(stack, jsii.String("fn"), jsii.String("fn"))
	par := engine.NewParallel(dupFlow, jsii.String("P"), nil).
		Branch(tasks.NewLambdaInvoke(inner, jsii.String("Same"), &tasks.LambdaInvokeProps{LambdaFunction: fn}))
	dup := tasks.NewLambdaInvoke(dupFlow, jsii.String("Same"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	dup.Next(par)
	err := cdktest.Catch(func() { engine.NewStateMachine(stack, jsii.String("Dup"), dup, nil) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), `state name "Same" is used by two states`)
}

// Pass states held in Go (fragments.NewPass in a Workflow) in the middle
// of a workflow are rendered as the CDK renders its own.
func TestWorkflowPassInGo(t *testing.T) {
	build := func(stack awscdk.Stack, scope constructs.Construct, newPass func(id string, props *sfn.PassProps) sfn.Pass) sfn.IChainable {
		fn := awslambda.Function_FromFunctionName(stack, jsii.String("fn"), jsii.String("fn"))
		invoke := func(id string) tasks.Task {
			return tasks.NewLambdaInvoke(scope, jsii.String(id), &tasks.LambdaInvokeProps{LambdaFunction: fn})
		}
		shape := newPass("Shape", &sfn.PassProps{Comment: jsii.String("keep the id"), InputPath: jsii.String("$.Payload"),
			Parameters: &map[string]interface{}{"id.$": "$.id", "kind": "order", "at": sfn.JsonPath_StringAt(jsii.String("$$.State.EnteredTime"))}})
		defaults := newPass("Defaults", &sfn.PassProps{Result: sfn.Result_FromObject(&map[string]interface{}{"retries": 3, "mode": "fast"}),
			ResultPath: jsii.String("$.defaults")})
		return invoke("Load").Next(shape).Next(defaults).Next(invoke("Use"))
	}
	cdkStack, goStack := cdktest.NewStack(), cdktest.NewStack()
	sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		build(cdkStack, cdkStack, func(id string, p *sfn.PassProps) sfn.Pass { return sfn.NewPass(cdkStack, jsii.String(id), p) }))})
	flow := engine.NewScope(goStack, jsii.String("Flow"))
	engine.NewStateMachine(goStack, jsii.String("Machine"),
		build(goStack, flow, func(id string, p *sfn.PassProps) sfn.Pass { return engine.NewPass(flow, jsii.String(id), p) }), nil)
	cdk, inGo := cdktest.Template(t, cdkStack), cdktest.Template(t, goStack)

	assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
	assert.Equal(t, grants(t, cdk), grants(t, inGo))
	_, plain := definitionString(inGo).(string)
	assert.True(t, plain, "rendered in Go")
}

// A machine rendered in Go has the cdk-nag reasons aspect on its own
// constructs only: synthesizing it visits a dozen of them, not each of the
// stack's hundreds of imported resources (each visit is a jsii callback).
func TestWorkflowMachineExplainsItsWildcardsCheaply(t *testing.T) {
	stack := cdktest.NewStack()
	flow := engine.NewScope(stack, jsii.String("Flow"))
	var first, chain sfn.IChainable
	for i := range 200 {
		child := sfn.StateMachine_FromStateMachineName(stack, jsii.String("Child"+strconv.Itoa(i)), jsii.String("child-"+strconv.Itoa(i)))
		start := tasks.NewStepFunctionsStartExecution(flow, jsii.String("Start"+strconv.Itoa(i)), &tasks.StepFunctionsStartExecutionProps{
			StateMachine: child, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB}) // reasoned wildcards: execution:child-i:*
		if first == nil {
			first, chain = start, start
			continue
		}
		chain = chain.(sfn.INextable).Next(start)
	}
	engine.NewStateMachine(stack, jsii.String("Machine"), first, nil)
	before := engine.NagVisits()
	cdktest.Template(t, stack)
	if visits := engine.NagVisits() - before; visits == 0 || visits > 20 {
		t.Fatalf("the reasons aspect visited %d constructs, want 1 to 20 (the machine's own)", visits)
	}
}
