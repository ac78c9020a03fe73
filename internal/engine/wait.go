package engine

import (
	"sync"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
)

// lazyWait is a Wait state held in Go: Next is recorded; any other use
// creates the CDK Wait and applies it.
type lazyWait struct {
	scope *Scope
	id    string
	props sfn.WaitProps
	links // Next only: a Wait has no Retry or Catch
	real  sfn.Wait
}

// NewWait creates a Wait state; in a Scope it is held in Go.
func NewWait(scope *Scope, id *string, props *sfn.WaitProps) sfn.Wait {
	scope.claim(*id)
	w := &lazyWait{scope: scope, id: *id}
	if props != nil {
		w.props = *props
	}
	return w
}

func (w *lazyWait) cdk() sfn.Wait {
	if w.real != nil {
		return w.real
	}
	w.real = sfn.NewWait(w.scope, jsii.String(w.id), &w.props)
	if w.next != nil {
		w.real.Next(cdkOf(w.next))
	}
	return w.real
}

func (w *lazyWait) Id() *string { return jsii.String(w.id) }

func (w *lazyWait) name() string {
	if w.props.StateName != nil {
		return *w.props.StateName
	}
	return w.id
}
func (w *lazyWait) isHeld() bool             { return w.real == nil }
func (w *lazyWait) cdkState() sfn.IChainable { return w.cdk() }
func (w *lazyWait) ends() []sfn.INextable    { return []sfn.INextable{w} }

func (w *lazyWait) Next(next sfn.IChainable) sfn.Chain {
	if w.real != nil {
		return w.real.Next(cdkOf(next))
	}
	return w.setNext(w.id, w, next)
}

// render writes the Wait state as the CDK does: its WaitTime's fields
// (read once per WaitTime, one jsii call), Comment, Next or End.
func (w *lazyWait) render(_ *graphRenderer, visit visitFunc) (map[string]any, bool) {
	p := w.props
	if p.QueryLanguage != "" || p.Assign != nil || p.Time == nil {
		return nil, false
	}
	fields, ok := waitTimeFields(p.Time)
	if !ok {
		return nil, false
	}
	state := map[string]any{"Type": "Wait"}
	if p.Comment != nil {
		state["Comment"] = *p.Comment
	}
	for k, v := range fields {
		state[k] = v
	}
	return state, w.links.render(state, visit, nil)
}

var waitTimes sync.Map // sfn.WaitTime → map[string]any

// waitTimeFields are the fields a WaitTime adds to its Wait state
// (Seconds, Timestamp, SecondsPath or TimestampPath). The CDK keeps them
// in a field jsii does not expose; FieldUtils.renderObject walks into it.
// ok is false for anything but one plain field (a JsonPath token where the
// CDK expects a literal, say): the CDK renders those.
func waitTimeFields(t sfn.WaitTime) (map[string]any, bool) {
	if f, ok := waitTimes.Load(t); ok {
		fields := f.(map[string]any)
		return fields, fields != nil
	}
	fields := readWaitTime(t)
	waitTimes.Store(t, fields)
	return fields, fields != nil
}

func readWaitTime(t sfn.WaitTime) (fields map[string]any) {
	defer func() {
		if recover() != nil {
			fields = nil
		}
	}()
	rendered := sfn.FieldUtils_RenderObject(&map[string]interface{}{"w": t})
	if rendered == nil {
		return nil
	}
	w, _ := unwrapJSIIMaps((*rendered)["w"]).(map[string]any)
	json, _ := w["json"].(map[string]any)
	if len(json) != 1 {
		return nil
	}
	for k, v := range json {
		switch k {
		case "Seconds":
			if _, ok := v.(float64); !ok {
				return nil
			}
		case "Timestamp", "SecondsPath", "TimestampPath":
			if _, ok := v.(string); !ok {
				return nil
			}
		default:
			return nil
		}
	}
	return json
}
