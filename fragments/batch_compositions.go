package fragments

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// The compositions below chain batch-invoked handlers. Each step reads its
// dynamic BatchJobProps from its own input (a Map iteration's from its
// item): give literals, or context paths such as
// tasks.StringAt("$$.Execution.Input.bucket"), which every step can read.

// DataSyncProps: the handler that copies data, and where it runs.
type DataSyncProps struct {
	BatchJobProps
	// Handler of the data-sync image, such as
	// "my_pkg.handlers.data_sync.handler". Required.
	Handler *string
	// Name of the jobs and the function. Default: "data-sync".
	Name *string
	// PayloadPath selects the sync request. Default: "$".
	PayloadPath *string
}

// NewDataSync runs one data-sync request with a batch-invoked handler
// (NewBatchInvokedLambdaFunction, states "<id> …"); the output is the
// handler's response.
func NewDataSync(scope constructs.Construct, id *string, props *DataSyncProps) *Fragment {
	p := DataSyncProps{}
	if props != nil {
		p = *props
	}
	return NewBatchInvokedLambdaFunction(scope, id, &BatchInvokedLambdaFunctionProps{
		BatchJobProps: p.BatchJobProps, Name: orDefault(p.Name, "data-sync"), Handler: p.Handler, PayloadPath: p.PayloadPath,
	})
}

// DistributedDataSyncProps: a handler that splits a sync into requests, the
// handler that runs each, and how many run at once.
type DistributedDataSyncProps struct {
	BatchJobProps
	// PrepareHandler returns the requests (at ItemsPath of its response).
	// Required.
	PrepareHandler *string
	// SyncHandler runs one request. Required.
	SyncHandler *string
	// Name of the jobs: "<Name>-prepare", "<Name>". Default: "data-sync".
	Name *string
	// PayloadPath selects what PrepareHandler gets. Default: "$".
	PayloadPath *string
	// ItemsPath of the requests in PrepareHandler's response. Default:
	// "$.requests".
	ItemsPath *string
	// MaxConcurrency of the sync jobs. Default: 0, no limit.
	MaxConcurrency *float64
}

// NewDistributedDataSync prepares the requests, then runs each as a
// batch-invoked job, MaxConcurrency at a time:
//
//	BatchInvokedLambdaFunction "<id> Prepare"
//	Map "<id> Sync Requests" (ItemsPath, MaxConcurrency) → BatchInvokedLambdaFunction "<id> Sync"
//
// The output is the list of the sync handler's responses.
func NewDistributedDataSync(scope constructs.Construct, id *string, props *DistributedDataSyncProps) *Fragment {
	p := DistributedDataSyncProps{}
	if props != nil {
		p = *props
	}
	c := newChecker("DistributedDataSync", scope, id)
	c.required("PrepareHandler", p.PrepareHandler, "the handler that returns the requests")
	c.required("SyncHandler", p.SyncHandler, "the handler that runs one request")
	if p.MaxConcurrency != nil && (*p.MaxConcurrency < 0 || *p.MaxConcurrency != float64(int(*p.MaxConcurrency))) {
		c.fail("MaxConcurrency", "must be a whole number, at least 0 (no limit), got %v", *p.MaxConcurrency)
	}
	c.done()
	name, base := *id, orDefault(p.Name, "data-sync")
	f := New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		prepare := NewBatchInvokedLambdaFunction(scope, jsii.String(name+" Prepare"), &BatchInvokedLambdaFunctionProps{
			BatchJobProps: p.BatchJobProps, Name: suffixed(base, "-prepare"), Handler: p.PrepareHandler, PayloadPath: p.PayloadPath,
		})
		return prepare.Next(syncMap(scope, name+" Sync", p.BatchJobProps, base, p.SyncHandler, orDefault(p.ItemsPath, "$.requests"), p.MaxConcurrency, nil))
	})
	f.Definition()
	return f
}

// syncMap runs each request at itemsPath with the data-sync handler.
func syncMap(scope constructs.Construct, id string, job BatchJobProps, name, handler, itemsPath *string, maxConcurrency *float64, resultPath *string) sfn.Map {
	each := sfn.NewMap(scope, jsii.String(id+" Requests"), &sfn.MapProps{
		ItemsPath: itemsPath, MaxConcurrency: maxConcurrency, ResultPath: resultPath,
	})
	each.ItemProcessor(NewDataSync(scope, jsii.String(id), &DataSyncProps{BatchJobProps: job, Handler: handler, Name: name}), nil)
	return each
}

// CleanFileSystemProps: the handlers that find and remove what a run left.
type CleanFileSystemProps struct {
	BatchJobProps
	// ScanHandler finds what to remove; its response is RemoveHandler's
	// request. Required.
	ScanHandler *string
	// RemoveHandler removes it. Required.
	RemoveHandler *string
	// Name of the jobs: "<Name>-scan", "<Name>-remove". Default:
	// "clean-file-system".
	Name *string
	// PayloadPath selects what ScanHandler gets. Default: "$".
	PayloadPath *string
}

// NewCleanFileSystem scans, then removes:
//
//	BatchInvokedLambdaFunction "<id> Scan" → BatchInvokedLambdaFunction "<id> Remove"
//
// The output is RemoveHandler's response.
func NewCleanFileSystem(scope constructs.Construct, id *string, props *CleanFileSystemProps) *Fragment {
	p := CleanFileSystemProps{}
	if props != nil {
		p = *props
	}
	c := newChecker("CleanFileSystem", scope, id)
	c.required("ScanHandler", p.ScanHandler, "the handler that finds what to remove")
	c.required("RemoveHandler", p.RemoveHandler, "the handler that removes it")
	c.done()
	name, base := *id, orDefault(p.Name, "clean-file-system")
	f := New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		scan := NewBatchInvokedLambdaFunction(scope, jsii.String(name+" Scan"), &BatchInvokedLambdaFunctionProps{
			BatchJobProps: p.BatchJobProps, Name: suffixed(base, "-scan"), Handler: p.ScanHandler, PayloadPath: p.PayloadPath,
		})
		remove := NewBatchInvokedLambdaFunction(scope, jsii.String(name+" Remove"), &BatchInvokedLambdaFunctionProps{
			BatchJobProps: p.BatchJobProps, Name: suffixed(base, "-remove"), Handler: p.RemoveHandler,
		})
		return scan.Next(remove)
	})
	f.Definition()
	return f
}

// orDefault is s, or def when s is absent.
func orDefault(s *string, def string) *string {
	if s == nil {
		return jsii.String(def)
	}
	return s
}

// suffixed is name+suffix, a literal or a States.Format of the dynamic name.
func suffixed(name *string, suffix string) *string {
	v, err := engine.Convert(name)
	if err != nil || v == nil {
		return name
	}
	if s, ok := v.String(); ok {
		return jsii.String(s + suffix)
	}
	return value.MarkString("States.Format('{}" + escapeTemplate(suffix) + "', " + v.Expr() + ")")
}
