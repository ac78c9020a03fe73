package apimodel

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// editor applies an integration's differences to a copy of the API's
// request shape. The shapes of the table are shared and never changed:
// every shape on an edited path is copied first.
type editor struct {
	root *Shape
	key  string
	err  error
}

func (e *editor) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf("apimodel: %s: %s", e.key, fmt.Sprintf(format, args...))
	}
}

// member finds the member at path ("Entries[].Detail"), copying every
// shape on the way so that it may be changed. parent is the structure
// that holds it.
func (e *editor) member(path string) (parent *Shape, m *Member) {
	s := e.root
	steps := strings.Split(path, ".")
	for i, step := range steps {
		name, items := strings.CutSuffix(step, "[]")
		if s.Kind != Structure && s.Kind != Union {
			e.fail("%s: %s is not a structure", path, strings.Join(steps[:i], "."))
			return nil, nil
		}
		m = s.Member(name)
		if m == nil {
			e.fail("%s: no member %s", path, name)
			return nil, nil
		}
		// Copy the member and its shape into the (already copied) parent.
		copied := *m
		copied.Shape = clone(m.Shape)
		replaceMember(s, m, &copied)
		m = &copied
		if i == len(steps)-1 && !items {
			return s, m
		}
		next := m.Shape
		if items {
			if next.Kind != List {
				e.fail("%s: %s is not a list", path, name)
				return nil, nil
			}
			next.Item = clone(next.Item)
			if i == len(steps)-1 {
				e.fail("%s: ends in []", path)
				return nil, nil
			}
			next = next.Item
		}
		s = next
	}
	return nil, nil
}

// any: the member takes any JSON.
func (e *editor) any(path string) {
	if _, m := e.member(path); m != nil {
		m.Shape = &Shape{Kind: Any}
	}
}

// drop: Step Functions rejects the member, saying why.
func (e *editor) drop(path, why string) {
	if _, m := e.member(path); m != nil {
		m.Unsupported, m.Required = why, false
	}
}

// rename: Step Functions names the member differently.
func (e *editor) rename(path, name string) {
	if parent, m := e.member(path); m != nil {
		m.Name = name
		reindex(parent)
	}
}

// single: Step Functions takes one item of a list member, under a name of
// its own (JobFlowIds → ClusterId).
func (e *editor) single(path, name string) {
	if parent, m := e.member(path); m != nil {
		if m.Shape.Kind != List {
			e.fail("%s is not a list", path)
			return
		}
		m.Name, m.Shape = name, m.Shape.Item
		reindex(parent)
	}
}

// add: Step Functions takes a member the API does not have.
func (e *editor) add(path string, shape *Shape, required bool) {
	parent := e.root
	name := path
	if i := strings.LastIndex(path, "."); i >= 0 {
		var m *Member
		if _, m = e.member(path[:i]); m == nil {
			return
		}
		parent, name = m.Shape, path[i+1:]
	}
	if parent.Member(name) != nil {
		e.fail("%s: already a member", path)
		return
	}
	parent.Members = append(parent.Members, &Member{Name: name, Shape: shape, Required: required})
	reindex(parent)
}

// require: Step Functions needs the member although the API does not.
func (e *editor) require(path string) {
	if _, m := e.member(path); m != nil {
		m.Required = true
	}
}

// clone copies a shape's own fields (not the shapes it refers to).
func clone(s *Shape) *Shape {
	c := &Shape{Kind: s.Kind, Name: s.Name, Enum: s.Enum, Min: s.Min, Max: s.Max, Pattern: s.Pattern, Item: s.Item, Key: s.Key}
	c.Members = append([]*Member(nil), s.Members...)
	return c
}

func replaceMember(s *Shape, old, new *Member) {
	for i, m := range s.Members {
		if m == old {
			s.Members[i] = new
		}
	}
	reindex(s)
}

// reindex re-sorts the members and forgets the name index, which the
// next lookup rebuilds. Only copies are edited, before anyone looks them up.
func reindex(s *Shape) {
	sortMembers(s)
	s.names = nil
	s.namesOnce = sync.Once{}
}

func sortMembers(s *Shape) {
	sort.Slice(s.Members, func(a, b int) bool { return s.Members[a].Name < s.Members[b].Name })
}

func sortStrings(s []string) { sort.Strings(s) }
