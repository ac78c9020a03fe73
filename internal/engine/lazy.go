package engine

import (
	"fmt"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// Scope is a construct whose sfnkit states stay Go values until something
// needs them as CDK objects. A workflow built entirely of such states is
// rendered in Go in one piece (NewStateMachine): no jsii object, call or
// callback per state. Handed to any CDK API instead, a state becomes an
// ordinary CDK state at that moment, with everything recorded so far.
type Scope struct {
	constructs.Construct
	names map[string]bool
}

// NewScope creates a Scope under parent.
func NewScope(parent constructs.Construct, id *string) *Scope {
	s := &Scope{names: map[string]bool{}}
	constructs.NewConstruct_Override(s, parent, id)
	return s
}

// HoldsStatesInGo reports that states built in s are rendered in Go. (jsii
// needs the Go type of an extended construct to declare a method.)
func (s *Scope) HoldsStatesInGo() bool { return true }

func (s *Scope) claim(id string) {
	if s.names[id] {
		panic(fmt.Sprintf("There is already a Construct with name '%s' in %s", id, *s.Node().Path()))
	}
	s.names[id] = true
}

//go:generate go run ./gendelegate -type CustomState -recv "t *lazyTask" -skip Next,AddRetry,AddCatch,Id -out lazy_cdk.go
//go:generate go run ./gendelegate -type Choice -recv "c *lazyChoice" -skip When,Otherwise,Afterwards,Id -out choice_cdk.go
//go:generate go run ./gendelegate -type Parallel -recv "p *lazyParallel" -skip Branch,Next,AddRetry,AddCatch,Id -out parallel_cdk.go
//go:generate go run ./gendelegate -type Pass -recv "p *lazyPass" -skip Next,Id -out pass_cdk.go
//go:generate go run ./gendelegate -type Map -recv "m *lazyMap" -skip ItemProcessor,Iterator,Next,AddRetry,AddCatch,Id -out map_cdk.go
//go:generate go run ./gendelegate -type Wait -recv "w *lazyWait" -skip Next,Id -out wait_cdk.go
//go:generate go run ./gendelegate -type DistributedMap -recv "m *lazyDistributedMap" -skip ItemProcessor,Next,AddRetry,AddCatch,Id -out distributed_map_cdk.go

// lazyTask is a rendered task held in Go. Next, AddRetry and AddCatch are
// recorded; any other use creates the CDK state (cdk) and applies them.
type lazyTask struct {
	scope *Scope
	id    string
	r     *Rendered
	metered
	links
	real Task
}

// links are the transitions of a state held in Go, recorded until it is
// rendered or becomes a CDK state.
type links struct {
	next    sfn.IChainable
	retries []*sfn.RetryProps
	catches []catchRule
}

func (l *links) setNext(id string, self, next sfn.IChainable) sfn.Chain {
	if l.next != nil {
		panic(fmt.Sprintf("State '%s' already has a next state", id))
	}
	l.next = next
	return &chain{start: self, ends: endsOf(next), last: next}
}

func (l *links) addRetry(props *sfn.RetryProps) {
	if props == nil {
		props = &sfn.RetryProps{}
	}
	checkErrorList(props.Errors)
	l.retries = append(l.retries, props)
}

func (l *links) addCatch(handler sfn.IChainable, props *sfn.CatchProps) {
	if props == nil {
		props = &sfn.CatchProps{}
	}
	checkErrorList(props.Errors)
	l.catches = append(l.catches, catchRule{handler: handler, props: props})
}

func (l *links) transitions(includeErrors bool) []sfn.IChainable {
	var out []sfn.IChainable
	if l.next != nil {
		out = append(out, l.next)
	}
	if includeErrors {
		for _, c := range l.catches {
			out = append(out, c.handler)
		}
	}
	return out
}

type catchRule struct {
	handler sfn.IChainable
	props   *sfn.CatchProps
}

func newLazyTask(scope *Scope, id string, r *Rendered) *lazyTask {
	scope.claim(id)
	return &lazyTask{scope: scope, id: id, r: r, metered: metered{r: r, anchor: func() constructs.IConstruct { return scope }}}
}

// cdk creates the CDK state on first use: the state itself, then its
// retries, catches and next state, which are created in turn.
func (t *lazyTask) cdk() Task {
	if t.real != nil {
		return t.real
	}
	t.real = newCDKState(t.scope, jsii.String(t.id), t.r)
	for _, r := range t.retries {
		t.real.AddRetry(r)
	}
	for _, c := range t.catches {
		t.real.AddCatch(cdkOf(c.handler), c.props)
	}
	if t.next != nil {
		t.real.Next(cdkOf(t.next))
	}
	return t.real
}

func (t *lazyTask) PolicyStatements() []iampolicy.Statement { return t.r.Statements }

func (t *lazyTask) Id() *string { return jsii.String(t.id) }

func (t *lazyTask) Next(next sfn.IChainable) sfn.Chain {
	if t.real != nil {
		return t.real.Next(cdkOf(next))
	}
	return t.setNext(t.id, t, next)
}

func (t *lazyTask) AddRetry(props *sfn.RetryProps) sfn.CustomState {
	if t.real != nil {
		return t.real.AddRetry(props)
	}
	t.addRetry(props)
	return t
}

func (t *lazyTask) AddCatch(handler sfn.IChainable, props *sfn.CatchProps) sfn.CustomState {
	if t.real != nil {
		return t.real.AddCatch(cdkOf(handler), props)
	}
	t.addCatch(handler, props)
	return t
}

// checkErrorList rejects what the CDK's addRetry and addCatch reject.
func checkErrorList(errors *[]*string) {
	if errors == nil || len(*errors) < 2 {
		return
	}
	for _, e := range *errors {
		if *e == "States.ALL" {
			panic("States.ALL must appear alone in an error list")
		}
	}
}

// chain is a sequence of states linked in Go: what Next on a state held
// in Go returns.
type chain struct {
	start sfn.IChainable
	ends  []sfn.INextable
	last  sfn.IChainable
	real  sfn.Chain
	// asCDK, when set, makes the CDK chain (a Choice's Afterwards).
	asCDK func() sfn.Chain
}

func (c *chain) Id() *string { return c.last.Id() }

func (c *chain) StartState() sfn.State { return c.cdk().StartState() }

func (c *chain) EndStates() *[]sfn.INextable { return c.cdk().EndStates() }

func (c *chain) Next(next sfn.IChainable) sfn.Chain {
	if c.real != nil {
		return c.real.Next(cdkOf(next))
	}
	if len(c.ends) == 0 {
		panic(fmt.Sprintf("Cannot add to chain: last state in chain (%s) does not allow it", *c.last.Id()))
	}
	for _, end := range c.ends {
		switch end.(type) {
		case held, *otherwiseEnd: // they record Next in Go, or convert it themselves
			end.Next(next)
		default:
			end.Next(cdkOf(next))
		}
	}
	return &chain{start: c.start, ends: endsOf(next), last: next}
}

func (c *chain) ToSingleState(id *string, props *sfn.ParallelProps) sfn.Parallel {
	return c.cdk().ToSingleState(id, props)
}

func (c *chain) cdk() sfn.Chain {
	if c.real == nil && c.asCDK != nil {
		c.real = c.asCDK()
	}
	if c.real == nil {
		start := cdkOf(c.start).StartState()
		ends := make([]sfn.INextable, len(c.ends))
		for i, e := range c.ends {
			if h, ok := e.(held); ok {
				e = h.cdkState().(sfn.INextable)
			}
			ends[i] = e
		}
		c.real = sfn.Chain_Custom(start, &ends, cdkOf(c.last))
	}
	return c.real
}

// cdkOf is x as a CDK object: sfnkit states held in Go are created.
func cdkOf(x sfn.IChainable) sfn.IChainable {
	switch v := x.(type) {
	case held:
		return v.cdkState()
	case *chain:
		return v.cdk()
	}
	return x
}

// endsOf lists the states a chain continues from after x.
func endsOf(x sfn.IChainable) []sfn.INextable {
	switch v := x.(type) {
	case held:
		if v.isHeld() {
			return v.ends()
		}
	case *chain:
		if v.real == nil {
			return v.ends
		}
	}
	return *x.EndStates()
}

// held is an sfnkit state made in a Scope: a Go value until the CDK needs
// it (cdkState), and rendered by the Go renderer while it is one (isHeld).
type held interface {
	sfn.IChainable
	// name is the state's name in the definition.
	name() string
	// isHeld reports that the state is still a Go value only.
	isHeld() bool
	// cdkState is the CDK state, created with what was recorded on the
	// first call.
	cdkState() sfn.IChainable
	// ends are the states a chain continues from after this one: itself,
	// or none (a Choice).
	ends() []sfn.INextable
	// render writes the state's JSON; ok is false when the CDK must render
	// the workflow instead.
	render(g *graphRenderer, visit visitFunc) (state map[string]any, ok bool)
	// transitions are the states this one may go to next (Next, a Choice's
	// branches and default; catch handlers when includeErrors).
	transitions(includeErrors bool) []sfn.IChainable
}

// visitFunc names the state x starts with, queueing it for rendering.
type visitFunc func(x sfn.IChainable) (string, bool)

func (t *lazyTask) name() string {
	if t.r.Name != "" {
		return t.r.Name
	}
	return t.id
}
func (t *lazyTask) isHeld() bool             { return t.real == nil }
func (t *lazyTask) cdkState() sfn.IChainable { return t.cdk() }
func (t *lazyTask) ends() []sfn.INextable    { return []sfn.INextable{t} }

// heldInGo is the first state of x if it is an sfnkit state still held in Go.
func heldInGo(x sfn.IChainable) held {
	switch v := x.(type) {
	case held:
		if v.isHeld() {
			return v
		}
	case *chain:
		if v.real == nil {
			return heldInGo(v.start)
		}
	case composite:
		return heldInGo(v.Definition())
	}
	return nil
}

// composite is a chainable made of other states (a fragments.Fragment).
type composite interface {
	sfn.IChainable
	Definition() sfn.IChainable
}
