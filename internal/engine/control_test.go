package engine_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/tasks"
)

// makers create the control states either the CDK's way or held in Go.
type makers struct {
	stack    awscdk.Stack
	scope    constructs.Construct
	choice   func(id string, p *sfn.ChoiceProps) sfn.Choice
	parallel func(id string, p *sfn.ParallelProps) sfn.Parallel
	pass     func(id string, p *sfn.PassProps) sfn.Pass
	mapState func(id string, p *sfn.MapProps) sfn.Map
	wait     func(id string, p *sfn.WaitProps) sfn.Wait
	// dmap is sfnkit's Distributed Map, given to the CDK or held in Go.
	dmap func(id string, p *engine.DistributedMapProps) sfn.DistributedMap
}

func (m makers) invoke(id string) tasks.Task {
	fn := awslambda.Function_FromFunctionName(m.stack, jsii.String("fn "+id), jsii.String("fn-"+id))
	return tasks.NewLambdaInvoke(m.scope, jsii.String(id), &tasks.LambdaInvokeProps{LambdaFunction: fn})
}

func cdkMakers(stack awscdk.Stack) makers {
	return makers{stack: stack, scope: stack,
		choice:   func(id string, p *sfn.ChoiceProps) sfn.Choice { return sfn.NewChoice(stack, jsii.String(id), p) },
		parallel: func(id string, p *sfn.ParallelProps) sfn.Parallel { return sfn.NewParallel(stack, jsii.String(id), p) },
		pass:     func(id string, p *sfn.PassProps) sfn.Pass { return sfn.NewPass(stack, jsii.String(id), p) },
		mapState: func(id string, p *sfn.MapProps) sfn.Map { return sfn.NewMap(stack, jsii.String(id), p) },
		wait:     func(id string, p *sfn.WaitProps) sfn.Wait { return sfn.NewWait(stack, jsii.String(id), p) },
		dmap: func(id string, p *engine.DistributedMapProps) sfn.DistributedMap {
			return engine.NewDistributedMap(stack, jsii.String(id), p)
		},
	}
}

func goMakers(stack awscdk.Stack, flow *engine.Scope) makers {
	return makers{stack: stack, scope: flow,
		choice: func(id string, p *sfn.ChoiceProps) sfn.Choice { return engine.NewChoice(flow, jsii.String(id), p) },
		parallel: func(id string, p *sfn.ParallelProps) sfn.Parallel {
			return engine.NewParallel(flow, jsii.String(id), p)
		},
		pass:     func(id string, p *sfn.PassProps) sfn.Pass { return engine.NewPass(flow, jsii.String(id), p) },
		mapState: func(id string, p *sfn.MapProps) sfn.Map { return engine.NewMap(flow, jsii.String(id), p) },
		wait:     func(id string, p *sfn.WaitProps) sfn.Wait { return engine.NewWait(flow, jsii.String(id), p) },
		dmap: func(id string, p *engine.DistributedMapProps) sfn.DistributedMap {
			return engine.NewDistributedMap(flow, jsii.String(id), p)
		},
	}
}

// bothWays builds one workflow the CDK's way and held in Go, and checks
// that the two templates have the same definition and permissions. It
// returns the Go template and the Workflow scope.
func bothWays(t *testing.T, build func(m makers) sfn.IChainable, wantInGo bool) (map[string]any, *engine.Scope) {
	t.Helper()
	cdkStack, goStack := cdktest.NewStack(), cdktest.NewStack()
	sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(build(cdkMakers(cdkStack)))})
	flow := engine.NewScope(goStack, jsii.String("Flow"))
	engine.NewStateMachine(goStack, jsii.String("Machine"), build(goMakers(goStack, flow)), nil)
	cdk, inGo := cdktest.Template(t, cdkStack), cdktest.Template(t, goStack)
	assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
	assert.Equal(t, grants(t, cdk), grants(t, inGo))
	_, plain := definitionString(inGo).(string)
	assert.Equal(t, wantInGo, plain, "rendered in Go")
	return inGo, flow
}

// A Map held in Go is rendered, item processor included, as the CDK
// renders its own, with retries, catches and every JSONPath field.
func TestWorkflowMapInGo(t *testing.T) {
	bothWays(t, func(m makers) sfn.IChainable {
		each := m.mapState("Each", &sfn.MapProps{Comment: jsii.String("per item"), ItemsPath: jsii.String("$.items"),
			ItemSelector:   &map[string]interface{}{"item.$": "$$.Map.Item.Value", "batch": sfn.JsonPath_StringAt(jsii.String("$.batch")), "fixed": "x"},
			MaxConcurrency: jsii.Number(5), ResultPath: jsii.String("$.results"), InputPath: jsii.String("$"), OutputPath: jsii.String("$"),
			ResultSelector: &map[string]interface{}{"n.$": "States.ArrayLength($)"}})
		each.ItemProcessor(m.invoke("Work").Next(m.wait("Pause", &sfn.WaitProps{Time: sfn.WaitTime_Duration(awscdk.Duration_Seconds(jsii.Number(3)))})).
			Next(m.invoke("Record")), nil)
		each.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("States.ItemReaderFailed"), MaxAttempts: jsii.Number(2)})
		each.AddCatch(m.invoke("Notify"), &sfn.CatchProps{ResultPath: jsii.String("$.error")})
		return m.invoke("Load").Next(each).Next(m.invoke("After"))
	}, true)
}

// Variants the CDK also renders: the deprecated Iterator and Parameters,
// a MaxConcurrencyPath, a Map in a Parallel branch and one ending the
// workflow.
func TestWorkflowMapVariantsInGo(t *testing.T) {
	bothWays(t, func(m makers) sfn.IChainable {
		old := m.mapState("Old", &sfn.MapProps{ItemsPath: jsii.String("$.a"), Parameters: &map[string]interface{}{"v.$": "$$.Map.Item.Value"}})
		old.Iterator(m.pass("Keep", nil))
		inner := m.mapState("Inner", &sfn.MapProps{MaxConcurrencyPath: jsii.String("$.limit")})
		inner.ItemProcessor(m.invoke("Deep"), &sfn.ProcessorConfig{Mode: sfn.ProcessorMode_INLINE})
		both := m.parallel("Both", nil).Branch(inner, m.invoke("Side"))
		last := m.mapState("Last", &sfn.MapProps{ResultPath: sfn.JsonPath_DISCARD()}).ItemProcessor(m.invoke("Final"), nil)
		return old.Next(both).Next(last)
	}, true)
}

// A Map the Go renderer leaves to the CDK (JSONata, Assign, an invalid
// MaxConcurrency…) hands the workflow to the CDK, with the same result.
func TestWorkflowMapFallsBack(t *testing.T) {
	for name, props := range map[string]*sfn.MapProps{
		"Assign":            {Assign: &map[string]interface{}{"x": 1}},
		"JSONata":           {QueryLanguage: sfn.QueryLanguage_JSONATA},
		"token ItemsPath":   {ItemsPath: sfn.JsonPath_StringAt(jsii.String("$.items"))},
		"concurrency token": {MaxConcurrencyPath: sfn.JsonPath_StringAt(jsii.String("$.n"))},
	} {
		t.Run(name, func(t *testing.T) {
			bothWays(t, func(m makers) sfn.IChainable {
				return m.invoke("Load").Next(m.mapState("Each", props).ItemProcessor(m.invoke("Work"), nil))
			}, false)
		})
	}
}

// Wait states held in Go render each kind of WaitTime as the CDK does.
func TestWorkflowWaitInGo(t *testing.T) {
	bothWays(t, func(m makers) sfn.IChainable {
		return m.invoke("Start").
			Next(m.wait("Seconds", &sfn.WaitProps{Time: sfn.WaitTime_Duration(awscdk.Duration_Minutes(jsii.Number(2))), Comment: jsii.String("two minutes")})).
			Next(m.wait("Until", &sfn.WaitProps{Time: sfn.WaitTime_Timestamp(jsii.String("2030-01-01T00:00:00Z"))})).
			Next(m.wait("SecondsPath", &sfn.WaitProps{Time: sfn.WaitTime_SecondsPath(jsii.String("$.delay"))})).
			Next(m.wait("UntilPath", &sfn.WaitProps{Time: sfn.WaitTime_TimestampPath(jsii.String("$.at")), StateName: jsii.String("Until the time")})).
			Next(m.invoke("Done")).
			Next(m.wait("Tail", &sfn.WaitProps{Time: sfn.WaitTime_Duration(awscdk.Duration_Seconds(jsii.Number(1)))}))
	}, true)
}

// Choice.Afterwards on a Choice held in Go continues from its branches'
// end states in Go, with the error handlers and the default transition
// when asked, as the CDK's Afterwards does.
func TestWorkflowChoiceAfterwardsInGo(t *testing.T) {
	for name, opts := range map[string]*sfn.AfterwardsOptions{
		"plain":            nil,
		"error handlers":   {IncludeErrorHandlers: jsii.Bool(true)},
		"include default":  {IncludeOtherwise: jsii.Bool(true)},
		"default+handlers": {IncludeOtherwise: jsii.Bool(true), IncludeErrorHandlers: jsii.Bool(true)},
	} {
		t.Run(name, func(t *testing.T) {
			bothWays(t, func(m makers) sfn.IChainable {
				risky := m.invoke("Risky")
				risky.AddCatch(m.pass("Recover", nil), nil)
				pick := m.choice("Pick", nil).
					When(sfn.Condition_BooleanEquals(jsii.String("$.a"), jsii.Bool(true)), m.invoke("A").Next(m.invoke("A2")), nil).
					When(sfn.Condition_BooleanEquals(jsii.String("$.b"), jsii.Bool(true)), risky, nil).
					When(sfn.Condition_BooleanEquals(jsii.String("$.c"), jsii.Bool(true)), sfn.NewFail(m.stack, jsii.String("Stop"), nil), nil)
				if opts == nil || opts.IncludeOtherwise == nil {
					pick.Otherwise(m.wait("Idle", &sfn.WaitProps{Time: sfn.WaitTime_Duration(awscdk.Duration_Seconds(jsii.Number(5)))}))
				}
				return m.invoke("First").Next(pick.Afterwards(opts)).Next(m.invoke("Done"))
			}, true)
		})
	}
}

// Afterwards with IncludeOtherwise on a Choice that has a default fails
// as the CDK's does.
func TestHeldChoiceAfterwardsErrors(t *testing.T) {
	stack := cdktest.NewStack()
	flow := engine.NewScope(stack, jsii.String("Flow"))
	m := goMakers(stack, flow)
	pick := m.choice("Pick", nil).When(sfn.Condition_IsPresent(jsii.String("$.a")), m.invoke("A"), nil).Otherwise(m.invoke("B"))
	err := cdktest.Catch(func() { pick.Afterwards(&sfn.AfterwardsOptions{IncludeOtherwise: jsii.Bool(true)}) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already has an 'otherwise' transition")

	// A chain ending in a Choice takes no Next, as in the CDK.
	err = cdktest.Catch(func() { m.invoke("Before").Next(m.choice("Dead end", nil)).Next(m.invoke("After")) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Cannot add to chain")
}

// A workflow with every kind of state held in Go — tasks, Choice (with
// Afterwards), Parallel, Pass, Map, Distributed Map and Wait — renders in
// Go with no CDK state created in the Workflow.
func TestWorkflowMixStaysInGo(t *testing.T) {
	_, flow := bothWays(t, func(m makers) sfn.IChainable {
		each := m.mapState("Each", &sfn.MapProps{ItemsPath: jsii.String("$.items"), MaxConcurrency: jsii.Number(2)}).
			ItemProcessor(m.invoke("Item").Next(m.wait("Breathe", &sfn.WaitProps{Time: sfn.WaitTime_SecondsPath(jsii.String("$.pause"))})), nil)
		route := m.choice("Route", nil).
			When(sfn.Condition_IsPresent(jsii.String("$.items")), each, nil).
			Otherwise(m.pass("Nothing", nil)).
			Afterwards(nil)
		fan := m.parallel("Fan", nil).Branch(m.invoke("Left"), m.invoke("Right").Next(m.pass("Shape", nil)))
		bucket := awss3.Bucket_FromBucketName(m.stack, jsii.String("Data"), jsii.String("data-bucket"))
		spread := m.dmap("Spread", &engine.DistributedMapProps{
			ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{Bucket: bucket, Key: jsii.String("items.json")})}).
			ItemProcessor(m.invoke("Child").Next(m.choice("Check", nil).
				When(sfn.Condition_IsPresent(jsii.String("$.ok")), m.pass("Fine", nil), nil).
				Otherwise(m.wait("Retry later", &sfn.WaitProps{Time: sfn.WaitTime_Duration(awscdk.Duration_Seconds(jsii.Number(1)))}))), nil)
		return m.invoke("Start").Next(route).Next(fan).Next(spread).Next(m.invoke("End"))
	}, true)
	assert.Empty(t, *flow.Node().Children(), "no CDK state was created in the Workflow")
}
