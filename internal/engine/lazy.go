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
//go:generate go run ./gendelegate -type Choice -recv "c *lazyChoice" -skip When,Otherwise,Id -out choice_cdk.go
//go:generate go run ./gendelegate -type Parallel -recv "p *lazyParallel" -skip Branch,Next,AddRetry,AddCatch,Id -out parallel_cdk.go
//go:generate go run ./gendelegate -type Pass -recv "p *lazyPass" -skip Next,Id -out pass_cdk.go

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

// chain is a sequence of states linked in Go: what lazyTask.Next returns.
type chain struct {
	start sfn.IChainable
	ends  []sfn.INextable
	last  sfn.IChainable
	real  sfn.Chain
}

func (c *chain) Id() *string { return c.last.Id() }

func (c *chain) StartState() sfn.State { return c.cdk().StartState() }

func (c *chain) EndStates() *[]sfn.INextable { return c.cdk().EndStates() }

func (c *chain) Next(next sfn.IChainable) sfn.Chain {
	if c.real != nil {
		return c.real.Next(cdkOf(next))
	}
	for _, end := range c.ends {
		switch end.(type) {
		case *lazyTask, *lazyParallel, *lazyPass:
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
	if c.real == nil {
		start := cdkOf(c.start).StartState()
		ends := make([]sfn.INextable, len(c.ends))
		for i, e := range c.ends {
			switch v := e.(type) {
			case *lazyTask:
				e = v.cdk()
			case *lazyParallel:
				e = v.cdk()
			case *lazyPass:
				e = v.cdk()
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
	case *lazyTask:
		return v.cdk()
	case *chain:
		return v.cdk()
	case *lazyChoice:
		return v.cdk()
	case *lazyParallel:
		return v.cdk()
	case *lazyPass:
		return v.cdk()
	}
	return x
}

// endsOf lists the states a chain continues from after x.
func endsOf(x sfn.IChainable) []sfn.INextable {
	switch v := x.(type) {
	case *lazyTask:
		if v.real == nil {
			return []sfn.INextable{v}
		}
	case *chain:
		if v.real == nil {
			return v.ends
		}
	case *lazyChoice:
		if v.real == nil {
			return nil // a Choice continues only through its branches
		}
	case *lazyParallel:
		if v.real == nil {
			return []sfn.INextable{v}
		}
	case *lazyPass:
		if v.real == nil {
			return []sfn.INextable{v}
		}
	}
	return *x.EndStates()
}

// held is a state held in Go: a task or a Choice.
type held interface {
	sfn.IChainable
	name() string
}

func (t *lazyTask) name() string {
	if t.r.Name != "" {
		return t.r.Name
	}
	return t.id
}
func (c *lazyChoice) name() string   { return c.id }
func (p *lazyParallel) name() string { return p.id }
func (p *lazyPass) name() string     { return p.id }

// heldInGo is the first state of x if it is an sfnkit state still held in Go.
func heldInGo(x sfn.IChainable) held {
	switch v := x.(type) {
	case *lazyTask:
		if v.real == nil {
			return v
		}
	case *lazyChoice:
		if v.real == nil {
			return v
		}
	case *lazyParallel:
		if v.real == nil {
			return v
		}
	case *lazyPass:
		if v.real == nil {
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
