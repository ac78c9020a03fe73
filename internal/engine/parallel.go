package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// lazyParallel is a Parallel state held in Go: Branch, Next, AddRetry and
// AddCatch are recorded; any other use creates the CDK Parallel and
// applies them.
type lazyParallel struct {
	scope    *Scope
	id       string
	props    sfn.ParallelProps
	branches []sfn.IChainable
	links
	real sfn.Parallel
}

// NewParallel creates a Parallel state; in a Scope it is held in Go.
func NewParallel(scope *Scope, id *string, props *sfn.ParallelProps) sfn.Parallel {
	scope.claim(*id)
	p := &lazyParallel{scope: scope, id: *id}
	if props != nil {
		p.props = *props
	}
	return p
}

func (p *lazyParallel) cdk() sfn.Parallel {
	if p.real != nil {
		return p.real
	}
	p.real = sfn.NewParallel(p.scope, jsii.String(p.id), &p.props)
	for _, b := range p.branches {
		p.real.Branch(cdkOf(b))
	}
	for _, r := range p.retries {
		p.real.AddRetry(r)
	}
	for _, c := range p.catches {
		p.real.AddCatch(cdkOf(c.handler), c.props)
	}
	if p.next != nil {
		p.real.Next(cdkOf(p.next))
	}
	return p.real
}

func (p *lazyParallel) Id() *string { return jsii.String(p.id) }

func (p *lazyParallel) name() string             { return p.id }
func (p *lazyParallel) isHeld() bool             { return p.real == nil }
func (p *lazyParallel) cdkState() sfn.IChainable { return p.cdk() }
func (p *lazyParallel) ends() []sfn.INextable    { return []sfn.INextable{p} }

func (p *lazyParallel) Branch(branches ...sfn.IChainable) sfn.Parallel {
	if p.real != nil {
		for _, b := range branches {
			p.real.Branch(cdkOf(b))
		}
		return p.real
	}
	p.branches = append(p.branches, branches...)
	return p
}

func (p *lazyParallel) Next(next sfn.IChainable) sfn.Chain {
	if p.real != nil {
		return p.real.Next(cdkOf(next))
	}
	return p.setNext(p.id, p, next)
}

func (p *lazyParallel) AddRetry(props *sfn.RetryProps) sfn.Parallel {
	if p.real != nil {
		return p.real.AddRetry(props)
	}
	p.addRetry(props)
	return p
}

func (p *lazyParallel) AddCatch(handler sfn.IChainable, props *sfn.CatchProps) sfn.Parallel {
	if p.real != nil {
		return p.real.AddCatch(cdkOf(handler), props)
	}
	p.addCatch(handler, props)
	return p
}

// render writes the Parallel state, each branch a graph of its own whose
// states' names are unique with the workflow's.
func (p *lazyParallel) render(g *graphRenderer, visit visitFunc) (map[string]any, bool) {
	pp := p.props
	if pp.QueryLanguage != "" || pp.StateName != nil || pp.Assign != nil || pp.Outputs != nil || pp.Arguments != nil || len(p.branches) == 0 {
		return nil, false
	}
	state := map[string]any{"Type": "Parallel"}
	if pp.Comment != nil {
		state["Comment"] = *pp.Comment
	}
	for key, path := range map[string]*string{"InputPath": pp.InputPath, "OutputPath": pp.OutputPath, "ResultPath": pp.ResultPath} {
		if path == nil {
			continue
		}
		v, ok := jsonPathField(*path)
		if !ok {
			return nil, false
		}
		state[key] = v
	}
	for key, fields := range map[string]*map[string]interface{}{"Parameters": pp.Parameters, "ResultSelector": pp.ResultSelector} {
		if fields == nil {
			continue
		}
		v, err := Convert(*fields)
		if err != nil {
			return nil, false
		}
		state[key] = value.Render(v, value.JSONPathLang)
	}
	var branches []any
	for _, b := range p.branches {
		startAt, states, ok := g.graph(b)
		if !ok {
			return nil, false
		}
		branches = append(branches, map[string]any{"StartAt": startAt, "States": states})
	}
	state["Branches"] = branches
	return state, p.links.render(state, visit, g.seconds)
}
