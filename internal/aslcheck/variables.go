// Package aslcheck checks a state machine definition (Amazon States
// Language) statically, without running it.
package aslcheck

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// Unassigned is a read of a workflow variable that no state that can run
// before the reading state assigns.
type Unassigned struct {
	State    string // the reading state
	Field    string // where in the state: "Parameters.total.$", "Choices[0].Variable"
	Variable string // the variable's name, without the '$'
	// Outside is set when the reader runs in a distributed Map's item
	// processor and the variable is visible to the Map state itself: its
	// child executions see no outer variable.
	Outside bool
}

func (u Unassigned) String() string {
	msg := fmt.Sprintf("state %q reads $%s in %s, but no state that can run before it assigns %s", u.State, u.Variable, u.Field, u.Variable)
	if u.Outside {
		msg += "; a distributed Map's item processor sees no variable from outside it: pass the value in through the Map's ItemSelector"
	}
	return msg
}

// UnassignedVariables returns the reads of workflow variables that no state
// able to run before the reader assigns, sorted by state, field and
// variable. A variable counts as assigned when any path from StartAt
// assigns it (through Next, Choice rules and Default, and Catch). States
// in a Parallel branch or an inline Map's item processor also see what is
// visible to the Parallel or Map state; a distributed Map's item processor
// sees nothing from outside it, and what a branch or item processor assigns
// is not visible after it. Whatever the check cannot understand (an Assign
// that is not an object, a missing StartAt) ends it without findings.
func UnassignedVariables(def map[string]any) []Unassigned {
	c := &checker{jsonata: def["QueryLanguage"] == "JSONata"}
	c.machine(def, varSet{}, varSet{})
	if c.unknown {
		return nil
	}
	sort.Slice(c.found, func(i, j int) bool {
		a, b := c.found[i], c.found[j]
		if a.State != b.State {
			return a.State < b.State
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Variable < b.Variable
	})
	return c.found
}

type varSet map[string]bool

func (s varSet) union(o varSet) varSet {
	out := make(varSet, len(s)+len(o))
	for k := range s {
		out[k] = true
	}
	for k := range o {
		out[k] = true
	}
	return out
}

type checker struct {
	jsonata bool // the definition's QueryLanguage is JSONata
	unknown bool // an Assign whose names cannot be known
	found   []Unassigned
}

// machine checks the states of a definition, a Parallel branch or an item
// processor: visible is what its StartAt state sees, outside what a
// distributed Map around it sees.
func (c *checker) machine(m map[string]any, visible, outside varSet) {
	states, _ := m["States"].(map[string]any)
	start, _ := m["StartAt"].(string)
	if _, ok := states[start].(map[string]any); !ok {
		return
	}
	in := c.flow(states, start, visible)
	for _, name := range slices.Sorted(maps.Keys(in)) {
		c.state(name, states[name].(map[string]any), in[name], outside)
	}
}

// edge is a transition and the variables assigned on the way.
type edge struct {
	to      string
	assigns []string
}

// flow computes the variables possibly assigned before each state that can
// be reached from start: the union over its predecessors, to a fixpoint.
func (c *checker) flow(states map[string]any, start string, visible varSet) map[string]varSet {
	in := map[string]varSet{start: visible.union(nil)}
	work := []string{start}
	for len(work) > 0 {
		name := work[len(work)-1]
		work = work[:len(work)-1]
		for _, e := range c.edges(states[name].(map[string]any)) {
			if _, ok := states[e.to].(map[string]any); !ok {
				continue
			}
			target, seen := in[e.to]
			if !seen {
				target = varSet{}
				in[e.to] = target
			}
			grew := !seen
			for _, v := range append(slices.Sorted(maps.Keys(in[name])), e.assigns...) {
				if !target[v] {
					target[v], grew = true, true
				}
			}
			if grew {
				work = append(work, e.to)
			}
		}
	}
	return in
}

func (c *checker) edges(st map[string]any) []edge {
	var out []edge
	if st["Type"] == "Choice" {
		rules, _ := st["Choices"].([]any)
		for _, r := range rules {
			rule, _ := r.(map[string]any)
			if next, ok := rule["Next"].(string); ok {
				out = append(out, edge{next, c.assigned(rule["Assign"])})
			}
		}
		// The state's own Assign applies when no rule matches.
		if next, ok := st["Default"].(string); ok {
			out = append(out, edge{next, c.assigned(st["Assign"])})
		}
		return out
	}
	if next, ok := st["Next"].(string); ok {
		out = append(out, edge{next, c.assigned(st["Assign"])})
	}
	catchers, _ := st["Catch"].([]any)
	for _, ct := range catchers {
		catcher, _ := ct.(map[string]any)
		if next, ok := catcher["Next"].(string); ok {
			out = append(out, edge{next, c.assigned(catcher["Assign"])})
		}
	}
	return out
}

// assigned lists the variables an Assign field sets: its keys, a JSONPath
// "name.$" key setting name.
func (c *checker) assigned(assign any) []string {
	if assign == nil {
		return nil
	}
	m, ok := assign.(map[string]any)
	if !ok {
		c.unknown = true
		return nil
	}
	var out []string
	for k := range m {
		out = append(out, strings.TrimSuffix(k, ".$"))
	}
	return out
}

// state reports the variables a state reads that are not in visible, then
// checks the state machines nested in it.
func (c *checker) state(name string, st map[string]any, visible, outside varSet) {
	jsonata := c.jsonata
	if ql, ok := st["QueryLanguage"].(string); ok {
		jsonata = ql == "JSONata"
	}
	report := func(field, variable string) {
		if visible[variable] {
			return
		}
		u := Unassigned{State: name, Field: field, Variable: variable, Outside: outside[variable]}
		for _, f := range c.found {
			if f == u {
				return
			}
		}
		c.found = append(c.found, u)
	}
	if jsonata {
		jsonataReads(st, "", report)
	} else {
		pathReads(st, "", false, report)
	}
	c.nested(st, visible, outside)
}

func (c *checker) nested(st map[string]any, visible, outside varSet) {
	switch st["Type"] {
	case "Parallel":
		branches, _ := st["Branches"].([]any)
		for _, b := range branches {
			if m, ok := b.(map[string]any); ok {
				c.machine(m, visible, outside)
			}
		}
	case "Map":
		proc, ok := st["ItemProcessor"].(map[string]any)
		if !ok {
			proc, _ = st["Iterator"].(map[string]any)
		}
		cfg, _ := proc["ProcessorConfig"].(map[string]any)
		if cfg["Mode"] == "DISTRIBUTED" {
			c.machine(proc, varSet{}, visible.union(outside))
			return
		}
		c.machine(proc, visible, outside)
	}
}

// Fields that hold no expression of the state itself: nested state
// machines are checked on their own, Result is a literal, and ResultPath
// only writes.
var notRead = map[string]bool{
	"Branches": true, "ItemProcessor": true, "Iterator": true,
	"Comment": true, "Result": true, "ResultPath": true,
}

// Payload templates of JSONPath states: in them only "key.$" fields are
// evaluated; a key ending in Path is a literal.
var templates = map[string]bool{
	"Parameters": true, "ItemSelector": true, "ResultSelector": true,
	"Assign": true, "BatchInput": true,
}

// pathReads finds the variables a JSONPath state's fields read: "key.$"
// fields, the *Path fields and a Choice rule's Variable, in paths and in the
// arguments of intrinsic functions.
func pathReads(v any, field string, template bool, report func(field, variable string)) {
	switch t := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(t)) {
			f := joinField(field, k)
			s, isString := t[k].(string)
			switch {
			case strings.HasSuffix(k, ".$"):
				if isString {
					dynamicReads(s, f, report)
				}
			case template:
				pathReads(t[k], f, true, report)
			case notRead[k]:
			case templates[k]:
				pathReads(t[k], f, true, report)
			case k == "Variable" || strings.HasSuffix(k, "Path"):
				if isString {
					dynamicReads(s, f, report)
				}
			default:
				pathReads(t[k], f, false, report)
			}
		}
	case []any:
		for i, e := range t {
			pathReads(e, fmt.Sprintf("%s[%d]", field, i), template, report)
		}
	}
}

// dynamicReads reports the variable a path starts with, or those the paths
// among an intrinsic function's arguments start with.
func dynamicReads(s, field string, report func(field, variable string)) {
	if strings.HasPrefix(s, "$") {
		if name, ok := expr.VariableName(s); ok {
			report(field, name)
		}
		return
	}
	call, err := expr.ParseIntrinsic(strings.TrimSpace(s))
	if err != nil {
		return
	}
	for _, p := range call.Paths() {
		if name, ok := expr.VariableName(p); ok {
			report(field, name)
		}
	}
}

// jsonataReads finds the free variables of the {% %} expressions in a
// JSONata state's fields.
func jsonataReads(v any, field string, report func(field, variable string)) {
	switch t := v.(type) {
	case string:
		if body, ok := expr.JSONataBody(t); ok {
			for _, name := range freeVariables(body) {
				report(field, name)
			}
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(t)) {
			if !notRead[k] {
				jsonataReads(t[k], joinField(field, k), report)
			}
		}
	case []any:
		for i, e := range t {
			jsonataReads(e, fmt.Sprintf("%s[%d]", field, i), report)
		}
	}
}

func joinField(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}
