package fragments

import (
	"fmt"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
)

// BuildFunc creates a fragment's states in scope (the fragment's construct)
// and returns them as one chainable: a state, a sfn.Chain, a fragment.
type BuildFunc func(scope constructs.Construct) sfn.IChainable

// Fragment is a reusable group of states, used like the CDK's
// StateMachineFragment: it has a start state and end states, chains with
// Next, and goes wherever a CDK API takes an sfn.IChainable (Chain_Start,
// Parallel.Branch, Map.ItemProcessor, DefinitionBody_FromChainable, a
// Catch handler).
//
// Its states are built by a BuildFunc on first use (StartState, EndStates,
// Next, Definition, Enclose, ToSingleState, ToStateMachine), once.
//
// Unlike the CDK's fragment, PrefixStates renames the states once (the
// CDK's prefixes them again on each call) and ToSingleState outputs the
// fragment's output (the CDK's outputs a one-element array).
//
// A state belongs to one state graph, so each instance goes in one place:
// chained directly, enclosed (Enclose), as one state (ToSingleState) or as
// a state machine (ToStateMachine). For two places, make two instances.
//
// To build on it, return a *Fragment from your constructor, or embed one
// (by pointer) in your own type: either goes to CDK APIs as a chainable.
//
//	func NewCleanup(scope constructs.Construct, id *string, props *CleanupProps) *fragments.Fragment {
//		return fragments.New(scope, id, func(scope constructs.Construct) sfn.IChainable {
//			list := tasks.NewCallAwsService(scope, jsii.String(*id+" List"), …)
//			return list.Next(…)
//		})
//	}
type Fragment struct {
	// scope holds the fragment's states. It is a named field, not an
	// embedded construct, so that jsii takes a *Fragment, and any type that
	// embeds one, as a chainable of its own.
	scope constructs.Construct

	build      BuildFunc
	definition sfn.IChainable
	building   bool
	prefix     string // applied once to the state names

	// Where the fragment went; each may happen once.
	single    *singleState
	enclosure *enclosure
	machine   sfn.StateMachine
}

// New creates a fragment whose states build creates when first needed.
// build gets the fragment's construct as scope; name the states it creates
// after id (or another unique prefix) when several instances may share a
// state machine, or use ToSingleState, which prefixes them.
func New(scope constructs.Construct, id *string, build BuildFunc) *Fragment {
	if build == nil {
		panic(&engine.ValidationError{Construct: "Fragment", Path: pathOf(scope, id),
			Problems: []error{fmt.Errorf("build: required: a function that creates the fragment's states and returns the first one (or a chain)")}})
	}
	return &Fragment{build: build, scope: constructs.NewConstruct(scope, id)}
}

// Definition returns the fragment's states as one chainable, building them
// on the first call.
func (f *Fragment) Definition() sfn.IChainable {
	if f.definition != nil {
		return f.definition
	}
	if f.building {
		panic(f.problem("build", "the build function used the fragment it is building (StartState, Next, Definition…); build from the states it creates"))
	}
	f.building = true
	defer func() { f.building = false }()
	def := f.build(f.scope)
	if def == nil {
		panic(f.problem("build", "returned nil; return the first state (or a chain) of the fragment"))
	}
	f.definition = def
	return def
}

// Id is the fragment's construct id.
func (f *Fragment) Id() *string { return f.scope.Node().Id() }

// Node is the fragment's construct node; its states are its children.
func (f *Fragment) Node() constructs.Node { return f.scope.Node() }

// StartState is the fragment's first state.
func (f *Fragment) StartState() sfn.State { return f.Definition().StartState() }

// EndStates are the states that Next chains from.
func (f *Fragment) EndStates() *[]sfn.INextable { return f.Definition().EndStates() }

// Next chains next after the fragment's end states.
func (f *Fragment) Next(next sfn.IChainable) sfn.Chain {
	// The definition's own Next keeps sfnkit states held in Go (built in a
	// Workflow) in Go; a Choice or a terminal state has none.
	if nextable, ok := f.Definition().(sfn.INextable); ok {
		return nextable.Next(next)
	}
	return sfn.Chain_Start(f.Definition()).Next(next)
}

func (f *Fragment) path() string { return *f.scope.Node().Path() }

func (f *Fragment) problem(field, format string, args ...any) *engine.ValidationError {
	return &engine.ValidationError{Construct: "Fragment", Path: f.path(),
		Problems: []error{fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...))}}
}

// claim records that the fragment's states go to one place (what), failing
// when they already went to another.
func (f *Fragment) claim(what string) {
	used := ""
	switch {
	case f.single != nil:
		used = "ToSingleState"
	case f.enclosure != nil:
		used = "Enclose"
	case f.machine != nil:
		used = "ToStateMachine"
	}
	if used != "" && used != what {
		panic(f.problem(what, "the fragment's states are already in %s; a state belongs to one state graph, so create another instance of the fragment for this use", used))
	}
}
