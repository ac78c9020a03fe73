package fragments

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
)

// Workflow is a scope for sfnkit states that are rendered in Go: tasks
// built in a Workflow and linked with their own Next, AddRetry and
// AddCatch, and the control states made with NewChoice (Afterwards
// included), NewParallel, NewPass, NewMap, NewDistributedMap and NewWait,
// cost no jsii object or call each, and NewStateMachine renders them in
// one piece, with state names unique across every branch and item
// processor and one statement per action set. Given to a CDK API (a CDK
// Choice, Parallel, Chain…), a state becomes an ordinary CDK state at that
// moment, so everything still works, at the CDK's usual cost.
type Workflow = engine.Scope

// NewWorkflow creates a Workflow under scope.
func NewWorkflow(scope constructs.Construct, id *string) *Workflow {
	return engine.NewScope(scope, id)
}

// NewStateMachine is sfn.NewStateMachine for definition (give props without
// a DefinitionBody). When every state of definition was built in a Workflow
// — or is a CDK Pass, Wait, Succeed or Fail that ends it — the definition
// is rendered in Go, its CDK tokens passed as DefinitionSubstitutions, and
// the role receives the states' merged statements. Otherwise the CDK
// renders it, as sfn.DefinitionBody_FromChainable would.
func NewStateMachine(scope constructs.Construct, id *string, definition sfn.IChainable, props *sfn.StateMachineProps) sfn.StateMachine {
	checkStateProps("StateMachine", scope, id, props)
	defer asValidationError("StateMachine", scope, id)
	return engine.NewStateMachine(scope, id, definition, props)
}

// NewChoice is sfn.NewChoice. In a Workflow the Choice is held in Go with
// its When and Otherwise transitions, so that NewStateMachine renders it
// with the rest (one jsii call per condition); any other use (Afterwards,
// a CDK API) makes it an ordinary CDK Choice.
func NewChoice(scope constructs.Construct, id *string, props *sfn.ChoiceProps) sfn.Choice {
	checkStateProps("Choice", scope, id, props)
	defer asValidationError("Choice", scope, id)
	if w, ok := scope.(*Workflow); ok {
		return engine.NewChoice(w, id, props)
	}
	return sfn.NewChoice(scope, id, props)
}

// NewParallel is sfn.NewParallel. In a Workflow the Parallel is held in Go
// with its branches, Next, AddRetry and AddCatch, so that NewStateMachine
// renders it, branches included, with the rest; its branches' statements
// merge with the workflow's. Any other use makes it a CDK Parallel.
func NewParallel(scope constructs.Construct, id *string, props *sfn.ParallelProps) sfn.Parallel {
	checkStateProps("Parallel", scope, id, props)
	defer asValidationError("Parallel", scope, id)
	if w, ok := scope.(*Workflow); ok {
		return engine.NewParallel(w, id, props)
	}
	return sfn.NewParallel(scope, id, props)
}

// NewPass is sfn.NewPass. In a Workflow the Pass is held in Go with its
// Next, so that NewStateMachine renders it with the rest; any other use
// makes it a CDK Pass.
func NewPass(scope constructs.Construct, id *string, props *sfn.PassProps) sfn.Pass {
	checkStateProps("Pass", scope, id, props)
	defer asValidationError("Pass", scope, id)
	if w, ok := scope.(*Workflow); ok {
		return engine.NewPass(w, id, props)
	}
	return sfn.NewPass(scope, id, props)
}

// NewMap is sfn.NewMap. In a Workflow the Map is held in Go with its item
// processor (or iterator), Next, AddRetry and AddCatch, so that
// NewStateMachine renders it, item processor included, with the rest; its
// states' statements merge with the workflow's. Any other use makes it a
// CDK Map.
func NewMap(scope constructs.Construct, id *string, props *sfn.MapProps) sfn.Map {
	checkStateProps("Map", scope, id, props)
	defer asValidationError("Map", scope, id)
	if w, ok := scope.(*Workflow); ok {
		return engine.NewMap(w, id, props)
	}
	return sfn.NewMap(scope, id, props)
}

// NewWait is sfn.NewWait. In a Workflow the Wait is held in Go with its
// Next, so that NewStateMachine renders it with the rest (one jsii call
// per WaitTime); any other use makes it a CDK Wait.
func NewWait(scope constructs.Construct, id *string, props *sfn.WaitProps) sfn.Wait {
	checkStateProps("Wait", scope, id, props)
	defer asValidationError("Wait", scope, id)
	if w, ok := scope.(*Workflow); ok {
		return engine.NewWait(w, id, props)
	}
	return sfn.NewWait(scope, id, props)
}

// DistributedMapProps are sfn.DistributedMapProps field for field (the
// same names and types) plus IamBuckets, so that code written for
// sfn.NewDistributedMap switches by changing the package.
type DistributedMapProps = engine.DistributedMapProps

// NewDistributedMap is sfn.NewDistributedMap with exact IAM: the role gets
// what the ItemReader and ResultWriter need and no more — s3:ListBucket on
// the bucket under an s3:prefix condition for S3ObjectsItemReader,
// s3:GetObject on exactly the object for the JSON, JSON Lines and CSV
// readers (and on the S3 Inventory manifest and its data files for
// S3ManifestItemReader), s3:PutObject and the multipart actions under the
// ResultWriter's prefix, and the KMS actions on a bucket's customer
// managed key — instead of the CDK's bucket-wide statements without KMS.
// The child executions' states:StartExecution, DescribeExecution,
// StopExecution and RedriveExecution on the state machine's own
// executions are the CDK's, for Standard and Express children alike.
// A bucket decided at run time (BucketNamePath) needs IamBuckets.
//
// In a Workflow the map is held in Go with its item processor, Next,
// AddRetry and AddCatch, and NewStateMachine renders it with the rest;
// elsewhere it is a CDK DistributedMap carrying sfnkit's statements.
func NewDistributedMap(scope constructs.Construct, id *string, props *DistributedMapProps) sfn.DistributedMap {
	checkStateProps("DistributedMap", scope, id, props)
	defer asValidationError("DistributedMap", scope, id)
	return engine.NewDistributedMap(scope, id, props)
}
