package engine

import (
	"math"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// mapFields are the props a Map and a Distributed Map share (the CDK's
// MapBaseProps), plus the inline Map's deprecated Parameters.
type mapFields struct {
	Comment, StateName                                   *string
	QueryLanguage                                        sfn.QueryLanguage
	Assign, ItemSelector, ResultSelector, Parameters     *map[string]interface{}
	JsonataItemSelector, JsonataMaxConcurrency           *string
	MaxConcurrency                                       *float64
	InputPath, OutputPath, ItemsPath, MaxConcurrencyPath *string
	ResultPath                                           *string
	Outputs                                              interface{}
	Items                                                sfn.ProvideItems
}

// mapCore is what a Map and a Distributed Map held in Go record: the item
// processor (or the deprecated iterator), Next, AddRetry and AddCatch.
type mapCore struct {
	scope     *Scope
	id        string
	f         mapFields
	processor sfn.IChainable
	config    *sfn.ProcessorConfig
	iterator  sfn.IChainable
	links
}

func (m *mapCore) name() string {
	if m.f.StateName != nil {
		return *m.f.StateName
	}
	return m.id
}

// renderBase writes what the CDK's MapBase renders, with the item
// processor in mode (and executionType for a distributed one); ok is false
// for what the Go renderer leaves to the CDK: JSONata, Assign, tokens in
// paths, and the combinations the CDK reports at synth.
func (m *mapCore) renderBase(g *graphRenderer, visit visitFunc, mode sfn.ProcessorMode, executionType string) (map[string]any, bool) {
	f := m.f
	if f.QueryLanguage != "" || f.Assign != nil || f.Outputs != nil || f.Items != nil || f.JsonataItemSelector != nil || f.JsonataMaxConcurrency != nil {
		return nil, false
	}
	if (m.processor == nil) == (m.iterator == nil) || (f.Parameters != nil && f.ItemSelector != nil) ||
		(f.MaxConcurrency != nil && *f.MaxConcurrency != 0 && f.MaxConcurrencyPath != nil) {
		return nil, false // the CDK's validation errors
	}
	state := map[string]any{"Type": "Map"}
	if f.Comment != nil {
		state["Comment"] = *f.Comment
	}
	for key, path := range map[string]*string{"InputPath": f.InputPath, "OutputPath": f.OutputPath, "ResultPath": f.ResultPath,
		"ItemsPath": f.ItemsPath, "MaxConcurrencyPath": f.MaxConcurrencyPath} {
		if path == nil {
			continue
		}
		v, ok := jsonPathField(*path)
		if !ok {
			return nil, false
		}
		state[key] = v
	}
	for key, fields := range map[string]*map[string]interface{}{"ResultSelector": f.ResultSelector, "ItemSelector": f.ItemSelector, "Parameters": f.Parameters} {
		if fields == nil {
			continue
		}
		v, err := Convert(*fields)
		if err != nil {
			return nil, false
		}
		state[key] = value.Render(v, value.JSONPathLang)
	}
	if n := f.MaxConcurrency; n != nil && *n != 0 {
		if *n < 0 || *n != math.Trunc(*n) || *n > 1<<53-1 {
			return nil, false // "maxConcurrency has to be a positive integer"
		}
		state["MaxConcurrency"] = *n
	}
	if m.processor != nil {
		startAt, states, ok := g.graph(m.processor)
		if !ok {
			return nil, false
		}
		config := map[string]any{"Mode": string(mode)}
		if mode != sfn.ProcessorMode_INLINE {
			config["ExecutionType"] = executionType
		}
		state["ItemProcessor"] = map[string]any{"ProcessorConfig": config, "StartAt": startAt, "States": states}
	} else {
		startAt, states, ok := g.graph(m.iterator)
		if !ok {
			return nil, false
		}
		state["Iterator"] = map[string]any{"StartAt": startAt, "States": states}
	}
	return state, m.links.render(state, visit, g.seconds)
}

// lazyMap is an inline Map state held in Go: ItemProcessor (or Iterator),
// Next, AddRetry and AddCatch are recorded; any other use creates the CDK
// Map and applies them.
type lazyMap struct {
	mapCore
	props sfn.MapProps
	real  sfn.Map
}

// NewMap creates an inline Map state; in a Scope it is held in Go.
func NewMap(scope *Scope, id *string, props *sfn.MapProps) sfn.Map {
	scope.claim(*id)
	m := &lazyMap{mapCore: mapCore{scope: scope, id: *id}}
	if props != nil {
		m.props = *props
		p := props
		m.f = mapFields{Comment: p.Comment, StateName: p.StateName, QueryLanguage: p.QueryLanguage, Assign: p.Assign,
			ItemSelector: p.ItemSelector, ResultSelector: p.ResultSelector, Parameters: p.Parameters,
			JsonataItemSelector: p.JsonataItemSelector, JsonataMaxConcurrency: p.JsonataMaxConcurrency,
			MaxConcurrency: p.MaxConcurrency, InputPath: p.InputPath, OutputPath: p.OutputPath, ItemsPath: p.ItemsPath,
			MaxConcurrencyPath: p.MaxConcurrencyPath, ResultPath: p.ResultPath, Outputs: p.Outputs, Items: p.Items}
	}
	return m
}

func (m *lazyMap) cdk() sfn.Map {
	if m.real != nil {
		return m.real
	}
	m.real = sfn.NewMap(m.scope, jsii.String(m.id), &m.props)
	if m.processor != nil {
		m.real.ItemProcessor(cdkOf(m.processor), m.config)
	}
	if m.iterator != nil {
		m.real.Iterator(cdkOf(m.iterator))
	}
	for _, r := range m.retries {
		m.real.AddRetry(r)
	}
	for _, c := range m.catches {
		m.real.AddCatch(cdkOf(c.handler), c.props)
	}
	if m.next != nil {
		m.real.Next(cdkOf(m.next))
	}
	return m.real
}

func (m *lazyMap) Id() *string              { return jsii.String(m.id) }
func (m *lazyMap) isHeld() bool             { return m.real == nil }
func (m *lazyMap) cdkState() sfn.IChainable { return m.cdk() }
func (m *lazyMap) ends() []sfn.INextable    { return []sfn.INextable{m} }

func (m *lazyMap) ItemProcessor(processor sfn.IChainable, config *sfn.ProcessorConfig) sfn.Map {
	if m.real != nil {
		return m.real.ItemProcessor(cdkOf(processor), config)
	}
	m.processor, m.config = processor, config
	return m
}

// Iterator is the CDK's deprecated Map.Iterator; use ItemProcessor.
func (m *lazyMap) Iterator(iterator sfn.IChainable) sfn.Map {
	if m.real != nil {
		return m.real.Iterator(cdkOf(iterator))
	}
	m.iterator = iterator
	return m
}

func (m *lazyMap) Next(next sfn.IChainable) sfn.Chain {
	if m.real != nil {
		return m.real.Next(cdkOf(next))
	}
	return m.setNext(m.id, m, next)
}

func (m *lazyMap) AddRetry(props *sfn.RetryProps) sfn.Map {
	if m.real != nil {
		return m.real.AddRetry(props)
	}
	m.addRetry(props)
	return m
}

func (m *lazyMap) AddCatch(handler sfn.IChainable, props *sfn.CatchProps) sfn.Map {
	if m.real != nil {
		return m.real.AddCatch(cdkOf(handler), props)
	}
	m.addCatch(handler, props)
	return m
}

// render writes the Map state as the CDK's Map does; a processor config
// other than INLINE (the old way to a distributed map) is left to the CDK.
func (m *lazyMap) render(g *graphRenderer, visit visitFunc) (map[string]any, bool) {
	if c := m.config; c != nil && c.Mode != "" && c.Mode != sfn.ProcessorMode_INLINE {
		return nil, false
	}
	return m.renderBase(g, visit, sfn.ProcessorMode_INLINE, "")
}

// jsonPathField is a state's path field (InputPath, ResultPath…) as the
// CDK renders it: the path, or null for JsonPath.DISCARD (or sfnkit's
// Discard). ok is false for what the CDK renders with its own machinery or
// rejects: other tokens, and paths not starting with "$".
func jsonPathField(path string) (any, bool) {
	switch {
	case path == Discard || IsDiscardToken(path):
		return nil, true
	case value.IsTokenString(path), len(path) == 0, path[0] != '$':
		return nil, false
	}
	return path, true
}
