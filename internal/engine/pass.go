package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// lazyPass is a Pass state held in Go: Next is recorded; any other use
// creates the CDK Pass and applies it.
type lazyPass struct {
	scope *Scope
	id    string
	props sfn.PassProps
	links // Next only: a Pass has no Retry or Catch
	real  sfn.Pass
}

// NewPass creates a Pass state; in a Scope it is held in Go.
func NewPass(scope *Scope, id *string, props *sfn.PassProps) sfn.Pass {
	scope.claim(*id)
	p := &lazyPass{scope: scope, id: *id}
	if props != nil {
		p.props = *props
	}
	return p
}

func (p *lazyPass) cdk() sfn.Pass {
	if p.real != nil {
		return p.real
	}
	p.real = sfn.NewPass(p.scope, jsii.String(p.id), &p.props)
	if p.next != nil {
		p.real.Next(cdkOf(p.next))
	}
	return p.real
}

func (p *lazyPass) Id() *string { return jsii.String(p.id) }

func (p *lazyPass) name() string             { return p.id }
func (p *lazyPass) isHeld() bool             { return p.real == nil }
func (p *lazyPass) cdkState() sfn.IChainable { return p.cdk() }
func (p *lazyPass) ends() []sfn.INextable    { return []sfn.INextable{p} }

func (p *lazyPass) Next(next sfn.IChainable) sfn.Chain {
	if p.real != nil {
		return p.real.Next(cdkOf(next))
	}
	return p.setNext(p.id, p, next)
}

// render writes the Pass state as the CDK does (one jsii call for a Result).
func (p *lazyPass) render(_ *graphRenderer, visit visitFunc) (map[string]any, bool) {
	pp := p.props
	if pp.QueryLanguage != "" || pp.StateName != nil || pp.Assign != nil || pp.Outputs != nil {
		return nil, false
	}
	state := map[string]any{"Type": "Pass"}
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
	if pp.Parameters != nil {
		v, err := Convert(*pp.Parameters)
		if err != nil {
			return nil, false
		}
		state["Parameters"] = value.Render(v, value.JSONPathLang)
	}
	if pp.Result != nil {
		state["Result"] = pp.Result.Value()
	}
	return state, p.links.render(state, visit, nil)
}
