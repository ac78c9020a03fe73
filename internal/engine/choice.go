package engine

import (
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
func (c *lazyChoice) render(visit func(sfn.IChainable) (string, bool)) (map[string]any, bool) {
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
