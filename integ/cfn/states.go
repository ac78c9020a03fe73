package cfn

import (
	"fmt"
	"sort"
)

// State is one state of a definition, found by Walk.
type State struct {
	Name   string
	Type   string
	Parent string         // the Parallel or Map state that holds it, "" at top level
	Body   map[string]any // the state's JSON object
}

// Walk calls fn for every state of an ASL definition, including the states
// of Parallel branches and Map ItemProcessor/Iterator, in a stable order
// (depth-first, names sorted within each States object).
func Walk(def map[string]any, fn func(State)) {
	walk(def, "", fn)
}

func walk(machine map[string]any, parent string, fn func(State)) {
	states, _ := machine["States"].(map[string]any)
	names := make([]string, 0, len(states))
	for n := range states {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		body, ok := states[name].(map[string]any)
		if !ok {
			continue
		}
		typ, _ := body["Type"].(string)
		fn(State{Name: name, Type: typ, Parent: parent, Body: body})
		for _, sub := range SubMachines(body) {
			walk(sub, name, fn)
		}
	}
}

// SubMachines returns the nested state machines of a Parallel (Branches) or
// Map (ItemProcessor, or the older Iterator) state.
func SubMachines(state map[string]any) []map[string]any {
	var out []map[string]any
	if branches, ok := state["Branches"].([]any); ok {
		for _, b := range branches {
			if m, ok := b.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	for _, key := range []string{"ItemProcessor", "Iterator"} {
		if m, ok := state[key].(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// CountStates counts every state, nested ones included.
func CountStates(def map[string]any) int {
	n := 0
	Walk(def, func(State) { n++ })
	return n
}

// StatesOfType returns the names of every state (nested ones included) of the given Type, sorted.
func StatesOfType(def map[string]any, typ string) []string {
	var out []string
	Walk(def, func(s State) {
		if s.Type == typ {
			out = append(out, s.Name)
		}
	})
	sort.Strings(out)
	return out
}

// TaskStates returns the names of every Task state, nested ones included, sorted.
func TaskStates(def map[string]any) []string { return StatesOfType(def, "Task") }

// jsonataOnlyFields exist only in states written in JSONata.
var jsonataOnlyFields = []string{"Arguments", "Output"}

// UnsupportedFeatures lists what aws-local-stepfunctions would silently ignore
// in def: the JSONata query language (at the top, per state, or through the
// JSONata-only fields Arguments, Output and Condition) and Variables (Assign).
// Each entry says where it was found.
func UnsupportedFeatures(def map[string]any) []string {
	var out []string
	if def["QueryLanguage"] == "JSONata" {
		out = append(out, `the definition sets "QueryLanguage": "JSONata"`)
	}
	Walk(def, func(s State) {
		if s.Body["QueryLanguage"] == "JSONata" {
			out = append(out, fmt.Sprintf(`state %q sets "QueryLanguage": "JSONata"`, s.Name))
		}
		for _, f := range jsonataOnlyFields {
			if _, ok := s.Body[f]; ok {
				out = append(out, fmt.Sprintf("state %q has the JSONata field %s", s.Name, f))
			}
		}
		if _, ok := s.Body["Assign"]; ok {
			out = append(out, fmt.Sprintf("state %q assigns Variables (Assign)", s.Name))
		}
		for _, list := range []string{"Choices", "Catch"} {
			items, _ := s.Body[list].([]any)
			for i, it := range items {
				m, _ := it.(map[string]any)
				if _, ok := m["Assign"]; ok {
					out = append(out, fmt.Sprintf("state %q %s[%d] assigns Variables (Assign)", s.Name, list, i))
				}
				for _, f := range []string{"Condition", "Output"} {
					if _, ok := m[f]; ok {
						out = append(out, fmt.Sprintf("state %q %s[%d] has the JSONata field %s", s.Name, list, i, f))
					}
				}
			}
		}
	})
	return out
}
