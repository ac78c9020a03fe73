package asl

// scope holds the workflow variables of one state machine: the execution's,
// a Parallel branch's or a Map iteration's. A branch or an inline Map
// iteration reads the variables of the scopes around it; what it assigns
// stays in its own scope and ends with it. A distributed Map's child
// workflow sees no outer variable.
type scope struct {
	parent *scope
	vals   map[string]any
}

func newScope(parent *scope, readsParent bool) *scope {
	if !readsParent {
		parent = nil
	}
	return &scope{parent: parent, vals: map[string]any{}}
}

func (s *scope) lookup(name string) (any, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vals[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// all flattens the visible variables, inner scopes hiding outer ones.
func (s *scope) all() map[string]any {
	out := map[string]any{}
	var chain []*scope
	for ; s != nil; s = s.parent {
		chain = append(chain, s)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for k, v := range chain[i].vals {
			out[k] = v
		}
	}
	return out
}

// assign sets the variables a state assigned, once it has finished: every
// expression of the state read the values from before.
func (s *scope) assign(vals map[string]any) {
	for k, v := range vals {
		s.vals[k] = v
	}
}
