package apimodel

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/sfnkit/sfnkit/internal/apimodel/tablefmt"
)

//go:embed api.bin.gz
var tableData []byte

// Kind is what JSON a shape takes.
type Kind = tablefmt.Kind

const (
	String    = tablefmt.String    // a JSON string
	Enum      = tablefmt.Enum      // a string from a fixed set
	Integer   = tablefmt.Integer   // a whole number
	Float     = tablefmt.Float     // any number
	Boolean   = tablefmt.Boolean   // true or false
	Blob      = tablefmt.Blob      // bytes: Step Functions takes a string or any JSON
	Timestamp = tablefmt.Timestamp // a string or a number
	Document  = tablefmt.Document  // any JSON
	List      = tablefmt.List      // an array
	Map       = tablefmt.Map       // an object of user keys
	Structure = tablefmt.Structure // an object of named members
	Union     = tablefmt.Union     // a structure with exactly one member set
	// Any is any JSON: where Step Functions takes JSON the API does not. It
	// is never stored in the table.
	Any Kind = 255
)

// Shape is one API shape, as the checker needs it.
type Shape struct {
	Kind Kind
	// Name is the model's name of a structure or union ("ProcessingClusterConfig").
	Name string
	// Enum values, sorted (Enum).
	Enum []string
	// Min and Max bound a string's length in characters, a list's items, a
	// map's entries (String, List, Map) or a number (Integer, Float).
	Min, Max *float64
	// Pattern the whole string must match (String), RE2, unanchored.
	Pattern string
	// Members by name (Structure, Union), sorted.
	Members []*Member
	// Item is a list's item or a map's value; Key is a map's key.
	Item, Key *Shape

	namesOnce sync.Once
	names     map[string]*Member // by Step Functions name
}

// Member is one member of a structure.
type Member struct {
	Name     string
	Shape    *Shape
	Required bool
	// Unsupported, when set, says why Step Functions rejects the member
	// although the API takes it.
	Unsupported string
}

// Member finds a member by the name Step Functions gives it (see StepFunctionsName).
func (s *Shape) Member(name string) *Member {
	s.namesOnce.Do(func() {
		s.names = make(map[string]*Member, len(s.Members))
		for _, m := range s.Members {
			s.names[StepFunctionsName(m.Name)] = m
		}
	})
	return s.names[name]
}

// MemberNames lists the members as Step Functions names them, sorted.
func (s *Shape) MemberNames() []string {
	out := make([]string, 0, len(s.Members))
	for _, m := range s.Members {
		if m.Unsupported == "" {
			out = append(out, StepFunctionsName(m.Name))
		}
	}
	sort.Strings(out)
	return out
}

// StepFunctionsName is a model member's name in Parameters: PascalCase,
// "even if the native service API is in camelCase", and Equals as
// EqualsValue (the AWS Step Functions guide, "API naming conventions").
func StepFunctionsName(member string) string {
	if member == "" {
		return member
	}
	name := strings.ToUpper(member[:1]) + member[1:]
	if name == "Equals" {
		return "EqualsValue"
	}
	return name
}

// Service is one service of the table.
type Service struct {
	Name, Model, SDKID, Version string
	ops                         map[string]*Shape
	lower                       map[string]string // lower-case operation → operation
}

// Operation returns the input shape of an operation, found by its name in
// any case ("getObject", "GetObject"), and its name as the model spells it.
func (s *Service) Operation(name string) (*Shape, string, bool) {
	if op, ok := s.ops[name]; ok {
		return op, name, true
	}
	if real, ok := s.lower[strings.ToLower(name)]; ok {
		return s.ops[real], real, true
	}
	return nil, "", false
}

// Operations lists the operations, sorted.
func (s *Service) Operations() []string {
	out := make([]string, 0, len(s.ops))
	for name := range s.ops {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Table is the decoded table.
type Table struct {
	Models   string // the api-models-aws commit the table was generated from
	services map[string]*Service
	byModel  map[string]*Service
}

// ServiceNamed finds a service by its aws-sdk integration name ("emrserverless").
func (t *Table) ServiceNamed(name string) (*Service, bool) {
	s, ok := t.services[name]
	return s, ok
}

// ServiceOfModel finds a service by its model directory ("emr-serverless").
func (t *Table) ServiceOfModel(model string) (*Service, bool) {
	s, ok := t.byModel[model]
	return s, ok
}

// Services lists the aws-sdk names of the services, sorted.
func (t *Table) Services() []string {
	out := make([]string, 0, len(t.services))
	for name := range t.services {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

var (
	tableOnce sync.Once
	table     *Table
	tableErr  error
)

// Load decodes the embedded table, once, on first use.
func Load() (*Table, error) {
	tableOnce.Do(func() { table, tableErr = Decode(tableData) })
	return table, tableErr
}

// Decode reads a table written by genapimodel (tablefmt.Encode).
func Decode(data []byte) (*Table, error) {
	f, err := tablefmt.ReadFile(data)
	if err != nil {
		return nil, err
	}
	return build(f)
}

func build(f *tablefmt.File) (*Table, error) {
	shapes := make([]Shape, len(f.Shapes))
	ref := func(n int) (*Shape, error) {
		if n < 0 || n >= len(shapes) {
			return nil, fmt.Errorf("apimodel: shape %d out of range", n)
		}
		return &shapes[n], nil
	}
	for i, e := range f.Shapes {
		s := &shapes[i]
		if e.Kind > Union {
			return nil, fmt.Errorf("apimodel: shape %d: unknown kind %d", i, e.Kind)
		}
		s.Kind, s.Name, s.Enum, s.Min, s.Max, s.Pattern = e.Kind, e.Name, e.Enum, e.Min, e.Max, e.Pattern
		var err error
		if e.Item >= 0 {
			if s.Item, err = ref(e.Item); err != nil {
				return nil, err
			}
		}
		if e.Key >= 0 {
			if s.Key, err = ref(e.Key); err != nil {
				return nil, err
			}
		}
		if len(e.Members) > 0 {
			members := make([]Member, len(e.Members))
			s.Members = make([]*Member, len(e.Members))
			for j, m := range e.Members {
				target, err := ref(m.Shape)
				if err != nil {
					return nil, err
				}
				members[j] = Member{Name: m.Name, Shape: target, Required: m.Required}
				s.Members[j] = &members[j]
			}
			sortMembers(s)
		}
	}
	t := &Table{Models: f.Models, services: map[string]*Service{}, byModel: map[string]*Service{}}
	for _, se := range f.Services {
		svc := &Service{Name: se.Name, Model: se.Model, SDKID: se.SDKID, Version: se.Version,
			ops: map[string]*Shape{}, lower: map[string]string{}}
		for op, n := range se.Ops {
			s, err := ref(n)
			if err != nil {
				return nil, err
			}
			svc.ops[op] = s
			svc.lower[strings.ToLower(op)] = op
		}
		t.services[se.Name] = svc
		t.byModel[se.Model] = svc
	}
	return t, nil
}

// patterns compiles each pattern once.
var patterns sync.Map // string → *regexp.Regexp (nil when it does not compile)

func compiled(p string) *regexp.Regexp {
	if re, ok := patterns.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re, err := regexp.Compile(p)
	if err != nil {
		re = nil
	}
	patterns.Store(p, re)
	return re
}
