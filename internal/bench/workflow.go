// Package bench measures what sfnkit costs at synth time against the CDK's
// own awsstepfunctionstasks: the same chain of N tasks built once with each,
// in fresh processes, plus prototypes of cheaper engine designs (see
// Variants) used to measure where the time goes.
package bench

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
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
}

func id(i int) *string { return jsii.String(fmt.Sprintf("Task%d", i)) }

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
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir)})
	stack := awscdk.NewStack(app, jsii.String(StackName), nil)
	booted := time.Now() // Node started, aws-cdk-lib loaded
	if b.machine != nil {
		b.machine(stack, n)
	} else if b.inGo {
		flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
		var first sfn.INextable
		var chain sfn.Chain
		for i := 0; i < n; i++ {
			name := FunctionName(i)
			fn := awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(name))
			st := b.task(flow, i, fn, name)
			switch {
			case first == nil:
				first = st.(sfn.INextable)
			case chain == nil:
				chain = first.Next(st)
			default:
				chain = chain.Next(st)
			}
		}
		var def sfn.IChainable = chain
		if chain == nil {
			def = first.(sfn.IChainable)
		}
		fragments.NewStateMachine(stack, jsii.String("Machine"), def, nil)
	} else {
		var chain sfn.Chain
		for i := 0; i < n; i++ {
			name := FunctionName(i)
			fn := awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(name))
			st := b.task(stack, i, fn, name)
			if chain == nil {
				chain = sfn.Chain_Start(st)
			} else {
				chain = chain.Next(st)
			}
		}
		sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(chain)})
		if b.done != nil {
			b.done(sm)
		}
	}
	built := time.Now()
	app.Synth(nil)
	done := time.Now()
	fmt.Fprintf(os.Stderr, "%s boot=%.3f build=%.3f synth=%.3f\n", PhasesPrefix,
		booted.Sub(start).Seconds(), built.Sub(booted).Seconds(), done.Sub(built).Seconds())
	return nil
}

// PhasesPrefix starts the line a worker prints on stderr with the wall time
// of its phases: boot (Node start and loading aws-cdk-lib, up to the first
// stack), build (the constructs) and synth (app.Synth).
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
