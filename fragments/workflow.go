package fragments

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
)

// Workflow is a scope for sfnkit states that are rendered in Go: built in a
// Workflow and linked with their own Next, AddRetry and AddCatch, they cost
// no jsii object or call each, and NewStateMachine renders them in one
// piece. Given to a CDK API (a CDK Choice, Parallel, Chain…), a state
// becomes an ordinary CDK state at that moment, so everything still works,
// at the CDK's usual cost.
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
	return engine.NewStateMachine(scope, id, definition, props)
}
