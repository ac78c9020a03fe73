// Package bench measures what sfnkit costs at synth time against the CDK's
// own awsstepfunctionstasks: the same chain of N tasks built once with each,
// in fresh processes, plus prototypes of cheaper engine designs (see
// Variants) used to measure where the time goes.
package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/tasks"
)

// StackName is the one stack every variant synthesizes.
const StackName = "Bench"

// builder makes task i of the chain. fn is a Lambda function imported by
// name, distinct per task. A builder may return nil for a task it adds to
// the chain itself.
type builder struct {
	doc string
	// task creates task i.
	task func(scope constructs.Construct, i int, fn awslambda.IFunction, name string) sfn.IChainable
	// machine, when set, creates the state machine itself (the whole-chain
	// prototype, which has no chain).
	machine func(stack awscdk.Stack, n int)
	// done runs after the state machine exists (prototypes that grant IAM
	// once, at the end).
	done func(sm sfn.StateMachine)
	// inGo builds the tasks in a fragments.Workflow, links them with their
	// own Next and creates the machine with fragments.NewStateMachine.
	inGo bool
	// maps puts the chain's second third in a Map's item processor and its
	// last third in a Distributed Map's (two more states).
	maps bool
}

// Variants are the workflow builders the worker knows. "sfnkit" and "cdk"
// are the comparison make bench prints; the others are profiling
// prototypes (variants.go).
var Variants = map[string]*builder{
	"sfnkit-cdkstates": {doc: "sfnkit tasks.NewLambdaInvoke as CDK states (sfn.Chain, sfn.DefinitionBody_FromChainable)", task: func(scope constructs.Construct, i int, fn awslambda.IFunction, _ string) sfn.IChainable {
		return tasks.NewLambdaInvoke(scope, id(i), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	}},
	"sfnkit": {doc: "sfnkit tasks.NewLambdaInvoke in a fragments.Workflow, rendered in Go", inGo: true, task: func(scope constructs.Construct, i int, fn awslambda.IFunction, _ string) sfn.IChainable {
		return tasks.NewLambdaInvoke(scope, id(i), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	}},
	"cdk": {doc: "CDK awsstepfunctionstasks.NewLambdaInvoke", task: func(scope constructs.Construct, i int, fn awslambda.IFunction, _ string) sfn.IChainable {
		return cdktasks.NewLambdaInvoke(scope, id(i), &cdktasks.LambdaInvokeProps{LambdaFunction: fn})
	}},
	"sfnkit-noretry": {doc: "sfnkit as CDK states, RetryOnServiceExceptions=false (no AddRetry jsii call)", task: func(scope constructs.Construct, i int, fn awslambda.IFunction, _ string) sfn.IChainable {
		return tasks.NewLambdaInvoke(scope, id(i), &tasks.LambdaInvokeProps{LambdaFunction: fn, RetryOnServiceExceptions: jsii.Bool(false)})
	}},
	"cdk-noretry": {doc: "CDK, RetryOnServiceExceptions=false", task: func(scope constructs.Construct, i int, fn awslambda.IFunction, _ string) sfn.IChainable {
		return cdktasks.NewLambdaInvoke(scope, id(i), &cdktasks.LambdaInvokeProps{LambdaFunction: fn, RetryOnServiceExceptions: jsii.Bool(false)})
	}},
	"baseline": {doc: "imports only: N functions, no task; N Pass states as one string", machine: func(stack awscdk.Stack, n int) {
		for i := 0; i < n; i++ {
			awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(FunctionName(i)))
		}
		passChain(stack, n)
	}},
}

func id(i int) *string { return jsii.String(fmt.Sprintf("Task%d", i)) }

// chain links states in order: with their own Next in a Workflow (states
// held in Go stay in Go), with an sfn.Chain otherwise.
func (b *builder) chain(states []sfn.IChainable) sfn.IChainable {
	if b.inGo {
		var first sfn.IChainable
		var c sfn.Chain
		for _, st := range states {
			switch {
			case first == nil:
				first = st
			case c == nil:
				c = first.(sfn.INextable).Next(st)
			default:
				c = c.Next(st)
			}
		}
		if c == nil {
			return first
		}
		return c
	}
	c := sfn.Chain_Start(states[0])
	for _, st := range states[1:] {
		c = c.Next(st)
	}
	return c
}

// withMaps chains the first third of tasks, then a Map over the second
// third, then a Distributed Map over the rest (reading a JSON array from
// S3, writing its results back): sfnkit's in a Workflow, the CDK's
// otherwise.
func (b *builder) withMaps(stack awscdk.Stack, scope constructs.Construct, tasks []sfn.IChainable) sfn.IChainable {
	n := len(tasks)
	a, c := n/3, 2*n/3
	if a == 0 || c == a || c == n {
		panic("the maps variants need at least 3 tasks")
	}
	bucket := awss3.Bucket_FromBucketName(stack, jsii.String("Items"), jsii.String("bench-items"))
	reader := sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{Bucket: bucket, Key: jsii.String("items.json")})
	writer := sfn.NewResultWriter(&sfn.ResultWriterProps{Bucket: bucket, Prefix: jsii.String("results")})
	var each sfn.Map
	var spread sfn.DistributedMap
	if b.inGo {
		each = fragments.NewMap(scope, jsii.String("Each"), &sfn.MapProps{ItemsPath: jsii.String("$.items")})
		spread = fragments.NewDistributedMap(scope, jsii.String("Spread"), &fragments.DistributedMapProps{ItemReader: reader, ResultWriter: writer})
	} else {
		each = sfn.NewMap(stack, jsii.String("Each"), &sfn.MapProps{ItemsPath: jsii.String("$.items")})
		spread = sfn.NewDistributedMap(stack, jsii.String("Spread"), &sfn.DistributedMapProps{ItemReader: reader, ResultWriter: writer})
	}
	each.ItemProcessor(b.chain(tasks[a:c]), nil)
	spread.ItemProcessor(b.chain(tasks[c:]), nil)
	return b.chain(append(append([]sfn.IChainable(nil), tasks[:a]...), each, spread))
}

// passChain is a state machine of n Pass states, its definition one string.
func passChain(stack awscdk.Stack, n int) {
	states := make(map[string]any, n)
	for i := 0; i < n; i++ {
		st := map[string]any{"Type": "Pass"}
		if i+1 < n {
			st["Next"] = *id(i + 1)
		} else {
			st["End"] = true
		}
		states[*id(i)] = st
	}
	def, _ := json.Marshal(map[string]any{"StartAt": *id(0), "States": states})
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromString(jsii.String(string(def)))})
}

// ExtraStates is how many states variant adds to its n tasks (its maps).
func ExtraStates(variant string) int {
	if b := Variants[variant]; b != nil && b.maps {
		return 2
	}
	return 0
}

// FunctionName is the name of the Lambda function of task i.
func FunctionName(i int) string { return fmt.Sprintf("bench-fn-%d", i) }

// VariantNames lists the known variants, sorted.
func VariantNames() []string {
	var names []string
	for k := range Variants {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Build synthesizes a chain of n tasks made by variant into outdir.
func Build(variant string, n int, outdir string) error {
	b := Variants[variant]
	if b == nil {
		return fmt.Errorf("unknown variant %q; known: %s", variant, strings.Join(VariantNames(), ", "))
	}
	start := time.Now()
	if err := warmValidation(); err != nil {
		return err
	}
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir)})
	stack := awscdk.NewStack(app, jsii.String(StackName), nil)
	booted := time.Now() // Node started, aws-cdk-lib loaded, validation engine built
	if b.machine != nil {
		b.machine(stack, n)
	} else {
		var scope constructs.Construct = stack
		if b.inGo {
			scope = fragments.NewWorkflow(stack, jsii.String("Flow"))
		}
		tasks := make([]sfn.IChainable, n)
		for i := 0; i < n; i++ {
			name := FunctionName(i)
			fn := awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(name))
			tasks[i] = b.task(scope, i, fn, name)
		}
		var def sfn.IChainable
		if b.maps {
			def = b.withMaps(stack, scope, tasks)
		} else {
			def = b.chain(tasks)
		}
		if b.inGo {
			fragments.NewStateMachine(stack, jsii.String("Machine"), def, nil)
		} else {
			sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(def)})
			if b.done != nil {
				b.done(sm)
			}
		}
	}
	built := time.Now()
	app.Synth(nil)
	done := time.Now()
	fmt.Fprintf(os.Stderr, "%s boot=%.3f build=%.3f synth=%.3f\n", PhasesPrefix,
		booted.Sub(start).Seconds(), built.Sub(booted).Seconds(), done.Sub(built).Seconds())
	return nil
}

// warmValidation synthesizes an empty app, so that the CDK's default
// template validation (on unless CDK_VALIDATION=false) builds its rule
// engine now. The engine is built once per process, at the first synth,
// whatever the app holds: 3.5 to 5 s on the 2-core machine, varying by a
// second from run to run. Built here it is counted in boot, with Node's
// start and loading aws-cdk-lib, and stays out of the build and synth
// phases, which are then the work that depends on the workflow.
func warmValidation() error {
	dir, err := os.MkdirTemp("", "synthbench-warm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(dir)}).Synth(nil)
	return nil
}

// PhasesPrefix starts the line a worker prints on stderr with the wall time
// of its phases: boot (Node start, loading aws-cdk-lib and building the
// CDK's validation engine, up to the first stack), build (the constructs)
// and synth (app.Synth).
const PhasesPrefix = "synthbench-phases:"

// Worker is the body of a worker process: build, synth, exit.
func Worker(variant string, n int, outdir string) {
	err := Build(variant, n, outdir)
	// Close waits for the Node child, so the parent's rusage (CPU time)
	// includes Node's.
	jsii.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
