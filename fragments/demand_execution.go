package fragments

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// DemandExecutionProps: the handlers and executor of an on-demand run.
//
// ScaffoldingHandler gets the fragment's input and returns the plan:
//
//	{"setup_requests": [...], "execution_request": {...},
//	 "transfer_requests": [...], "cleanup_request": {...}}
//
// Setup and transfer requests go to DataSyncHandler, the execution
// request to Executor (run_cli_executor), the cleanup request to
// CleanFileSystem's ScanHandler.
type DemandExecutionProps struct {
	BatchJobProps
	// ScaffoldingHandler plans the run. Required.
	ScaffoldingHandler *string
	// DataSyncHandler stages inputs and transfers results. Required.
	DataSyncHandler *string
	// Executor of the execution job (run_cli_executor --executor). Required.
	Executor *string
	// ExecutorImage runs the executor. Default: Image.
	ExecutorImage *string
	// ScanHandler and RemoveHandler clean up (see CleanFileSystemProps).
	// Required.
	ScanHandler   *string
	RemoveHandler *string
	// Name of the jobs ("<Name>-scaffolding", …). Default: "demand-execution".
	Name *string
	// MaxConcurrency of the setup and transfer jobs. Default: 0, no limit.
	MaxConcurrency *float64
}

// Paths of a demand execution's working state.
const (
	scaffoldingPath        = "$.scaffolding"
	runPath                = "$.run"
	runErrorPath           = "$.error"
	demandCleanupErrorPath = "$.cleanupError"
)

// NewDemandExecution plans, stages, runs, transfers and cleans up; results
// are transferred and the file system cleaned also when the run fails:
//
//	BatchInvokedLambdaFunction "<id> Scaffolding" (enclosed at $.scaffolding)
//	Parallel "<id> Run" (at $.run): Map "<id> Setup Requests" → BatchInvokedExecutor "<id> Execute"
//	    Catch States.ALL (at $.error) → the next state
//	Map "<id> Transfer Requests"        Catch → the next state
//	Parallel "<id> Cleanup": CleanFileSystem "<id> Clean"   Catch → the next state
//	Choice "<id> Succeeded?": a run error → Fail "<id> Failed" with its Error and Cause;
//	    a transfer or cleanup error → Fail "<id> Cleanup Failed"; else Pass "<id> End"
//
// The output is the executor's response. The reference had no Catch: a
// failed run left its results untransferred and its files behind.
func NewDemandExecution(scope constructs.Construct, id *string, props *DemandExecutionProps) *Fragment {
	p := DemandExecutionProps{}
	if props != nil {
		p = *props
	}
	c := newChecker("DemandExecution", scope, id)
	for field, x := range map[string]*string{"ScaffoldingHandler": p.ScaffoldingHandler, "DataSyncHandler": p.DataSyncHandler,
		"Executor": p.Executor, "ScanHandler": p.ScanHandler, "RemoveHandler": p.RemoveHandler} {
		c.required(field, x, "the handler's import path")
	}
	c.done()
	name, base := *id, orDefault(p.Name, "demand-execution")
	f := New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		return buildDemandExecution(scope, name, base, p)
	})
	f.Definition()
	return f
}

func buildDemandExecution(scope constructs.Construct, name string, base *string, p DemandExecutionProps) sfn.IChainable {
	catchAll := func(resultPath string) *sfn.CatchProps {
		return &sfn.CatchProps{Errors: jsii.Strings("States.ALL"), ResultPath: jsii.String(resultPath)}
	}
	scaffolding := NewBatchInvokedLambdaFunction(scope, jsii.String(name+" Scaffolding"), &BatchInvokedLambdaFunctionProps{
		BatchJobProps: p.BatchJobProps, Name: suffixed(base, "-scaffolding"), Handler: p.ScaffoldingHandler,
	}).Enclose(nil, nil, jsii.String(scaffoldingPath))

	executorJob := p.BatchJobProps
	if p.ExecutorImage != nil {
		executorJob.Image = p.ExecutorImage
	}
	execute := NewBatchInvokedExecutor(scope, jsii.String(name+" Execute"), &BatchInvokedExecutorProps{
		BatchJobProps: executorJob, Name: suffixed(base, "-execution"), Executor: p.Executor,
		PayloadPath: jsii.String(scaffoldingPath + ".execution_request"),
	})
	setup := syncMap(scope, name+" Setup", p.BatchJobProps, suffixed(base, "-setup"), p.DataSyncHandler,
		jsii.String(scaffoldingPath+".setup_requests"), p.MaxConcurrency, sfn.JsonPath_DISCARD())
	run := sfn.NewParallel(scope, jsii.String(name+" Run"), &sfn.ParallelProps{ResultPath: jsii.String(runPath)})
	run.Branch(sfn.Chain_Start(setup).Next(execute))

	transfer := syncMap(scope, name+" Transfer", p.BatchJobProps, suffixed(base, "-transfer"), p.DataSyncHandler,
		jsii.String(scaffoldingPath+".transfer_requests"), p.MaxConcurrency, sfn.JsonPath_DISCARD())
	cleanup := sfn.NewParallel(scope, jsii.String(name+" Cleanup"), &sfn.ParallelProps{ResultPath: sfn.JsonPath_DISCARD()})
	cleanup.Branch(NewCleanFileSystem(scope, jsii.String(name+" Clean"), &CleanFileSystemProps{
		BatchJobProps: p.BatchJobProps, ScanHandler: p.ScanHandler, RemoveHandler: p.RemoveHandler,
		Name: suffixed(base, "-clean"), PayloadPath: jsii.String(scaffoldingPath + ".cleanup_request"),
	}))

	end := sfn.NewPass(scope, jsii.String(name+" End"), &sfn.PassProps{InputPath: jsii.String(runPath + "[0]")})
	outcome := sfn.NewChoice(scope, jsii.String(name+" Succeeded?"), nil).
		When(sfn.Condition_IsPresent(jsii.String(runErrorPath)), sfn.NewFail(scope, jsii.String(name+" Failed"), &sfn.FailProps{
			ErrorPath: jsii.String(runErrorPath + ".Error"), CausePath: jsii.String(runErrorPath + ".Cause"),
		}), nil).
		When(sfn.Condition_IsPresent(jsii.String(demandCleanupErrorPath)), sfn.NewFail(scope, jsii.String(name+" Cleanup Failed"), &sfn.FailProps{
			ErrorPath: jsii.String(demandCleanupErrorPath + ".Error"), CausePath: jsii.String(demandCleanupErrorPath + ".Cause"),
		}), nil).
		Otherwise(end)

	run.AddCatch(transfer, catchAll(runErrorPath))
	transfer.AddCatch(cleanup, catchAll(demandCleanupErrorPath))
	cleanup.AddCatch(outcome, catchAll(demandCleanupErrorPath))
	chain := scaffolding.Next(run).Next(transfer).Next(cleanup).Next(outcome)
	// A Choice ends no chain; "<id> End" does, so states can follow.
	return sfn.Chain_Custom(chain.StartState(), &[]sfn.INextable{end}, end)
}
