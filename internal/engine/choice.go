package engine

import (
	"fmt"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
)

// lazyChoice is a Choice state held in Go: When and Otherwise are
// recorded; any other use creates the CDK Choice and applies them.
type lazyChoice struct {
	scope     *Scope
	id        string
	props     sfn.ChoiceProps
	rules     []choiceRule
	otherwise sfn.IChainable
	real      sfn.Choice
}

type choiceRule struct {
	condition sfn.Condition
	next      sfn.IChainable
	options   *sfn.ChoiceTransitionOptions
}

// NewChoice creates a Choice state; in a Scope it is held in Go.
func NewChoice(scope *Scope, id *string, props *sfn.ChoiceProps) sfn.Choice {
	scope.claim(*id)
	c := &lazyChoice{scope: scope, id: *id}
	if props != nil {
		c.props = *props
	}
	return c
}

func (c *lazyChoice) cdk() sfn.Choice {
	if c.real != nil {
		return c.real
	}
	c.real = sfn.NewChoice(c.scope, jsii.String(c.id), &c.props)
	for _, r := range c.rules {
		c.real.When(r.condition, cdkOf(r.next), r.options)
	}
	if c.otherwise != nil {
		c.real.Otherwise(cdkOf(c.otherwise))
	}
	return c.real
}

func (c *lazyChoice) Id() *string { return jsii.String(c.id) }

func (c *lazyChoice) name() string             { return c.id }
func (c *lazyChoice) isHeld() bool             { return c.real == nil }
func (c *lazyChoice) cdkState() sfn.IChainable { return c.cdk() }
func (c *lazyChoice) ends() []sfn.INextable    { return nil } // a Choice continues only through its branches

func (c *lazyChoice) When(condition sfn.Condition, next sfn.IChainable, options *sfn.ChoiceTransitionOptions) sfn.Choice {
	if c.real != nil {
		return c.real.When(condition, cdkOf(next), options)
	}
	c.rules = append(c.rules, choiceRule{condition: condition, next: next, options: options})
	return c
}

func (c *lazyChoice) Otherwise(next sfn.IChainable) sfn.Choice {
	if c.real != nil {
		return c.real.Otherwise(cdkOf(next))
	}
	c.otherwise = next
	return c
}

// renderable reports whether the Go renderer writes this Choice exactly as
// the CDK would: plain JSONPath props and transitions.
func (c *lazyChoice) renderable() bool {
	p := c.props
	if p.QueryLanguage != "" || p.StateName != nil || p.Assign != nil || p.Outputs != nil {
		return false
	}
	for _, r := range c.rules {
		if o := r.options; o != nil && (o.Assign != nil || o.Outputs != nil) {
			return false
		}
	}
	return true
}

// render writes the Choice state: one jsii call per condition.
func (c *lazyChoice) render(_ *graphRenderer, visit visitFunc) (map[string]any, bool) {
	if !c.renderable() {
		return nil, false
	}
	state := map[string]any{"Type": "Choice"}
	if c.props.Comment != nil {
		state["Comment"] = *c.props.Comment
	}
	if c.props.InputPath != nil {
		state["InputPath"] = *c.props.InputPath
	}
	if c.props.OutputPath != nil {
		state["OutputPath"] = *c.props.OutputPath
	}
	var choices []any
	for _, r := range c.rules {
		next, ok := visit(r.next)
		if !ok {
			return nil, false
		}
		rule, _ := r.condition.RenderCondition().(map[string]interface{})
		if rule == nil {
			return nil, false
		}
		rule["Next"] = next
		if r.options != nil && r.options.Comment != nil {
			rule["Comment"] = *r.options.Comment
		}
		choices = append(choices, rule)
	}
	if len(choices) > 0 {
		state["Choices"] = choices
	}
	if c.otherwise != nil {
		name, ok := visit(c.otherwise)
		if !ok {
			return nil, false
		}
		state["Default"] = name
	}
	return state, true
}

func (c *lazyChoice) transitions(bool) []sfn.IChainable {
	var out []sfn.IChainable
	if c.otherwise != nil {
		out = append(out, c.otherwise)
	}
	for _, r := range c.rules {
		out = append(out, r.next)
	}
	return out
}

// Afterwards continues after the Choice, from the end states its branches
// reach, as the CDK's Afterwards does. While every state reached is held
// in Go (or is a CDK Succeed or Fail, which nothing follows), the Choice
// stays in Go; otherwise it becomes a CDK Choice and the CDK answers.
func (c *lazyChoice) Afterwards(options *sfn.AfterwardsOptions) sfn.Chain {
	if c.real != nil {
		return c.real.Afterwards(options)
	}
	var opts sfn.AfterwardsOptions
	if options != nil {
		opts = *options
	}
	ends, ok := reachableEnds(c, opts.IncludeErrorHandlers != nil && *opts.IncludeErrorHandlers)
	if !ok {
		return c.cdk().Afterwards(options)
	}
	if opts.IncludeOtherwise != nil && *opts.IncludeOtherwise {
		if c.otherwise != nil {
			panic(fmt.Sprintf("'includeOtherwise' set but Choice state %s already has an 'otherwise' transition", c.id))
		}
		ends = append(ends, &otherwiseEnd{choice: c})
	}
	return &chain{start: c, ends: ends, last: c, asCDK: func() sfn.Chain { return c.cdk().Afterwards(options) }}
}

// reachableEnds lists the states reachable from start that have no
// transition of their own and can take a Next (State.findReachableEndStates
// and filterNextables in the CDK). ok is false when a state on the way is
// a CDK state other than a Succeed or Fail.
func reachableEnds(start held, includeErrors bool) (ends []sfn.INextable, ok bool) {
	seen := map[held]bool{start: true}
	queue := []held{start}
	for len(queue) > 0 {
		h := queue[0]
		queue = queue[1:]
		out := h.transitions(includeErrors)
		if len(out) == 0 {
			if next, nextable := h.(sfn.INextable); nextable {
				ends = append(ends, next)
			}
			continue
		}
		for _, x := range out {
			if n := heldInGo(x); n != nil {
				if !seen[n] {
					seen[n] = true
					queue = append(queue, n)
				}
				continue
			}
			if !cdkTerminal(x) {
				return nil, false
			}
		}
	}
	return ends, true
}

// cdkTerminal reports whether x is a CDK Succeed or Fail state, after
// which nothing can follow (two jsii calls).
func cdkTerminal(x sfn.IChainable) bool {
	if _, isChain := x.(*chain); isChain {
		return false
	}
	st := x.StartState()
	if st == nil {
		return false
	}
	rendered := st.ToStateJson("")
	if rendered == nil {
		return false
	}
	switch (*rendered)["Type"] {
	case "Succeed", "Fail":
		return true
	}
	return false
}

// otherwiseEnd is a Choice's default transition as the end of a chain
// (Afterwards with IncludeOtherwise): Next sets the Choice's Otherwise.
type otherwiseEnd struct{ choice *lazyChoice }

func (o *otherwiseEnd) Next(next sfn.IChainable) sfn.Chain {
	o.choice.Otherwise(next)
	return &chain{start: o.choice, ends: endsOf(next), last: next}
}
