package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Stats is what one synthesized template says about the state machine.
type Stats struct {
	DefBytes   int // bytes of the resolved DefinitionString
	Statements int // IAM statements in the policies of the stack (the role's)
	States     int // states in the definition, nested ones included
}

// pseudo values for resolving the definition: CloudFormation fills these in.
var pseudo = map[string]string{
	"AWS::Partition": "aws", "AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::URLSuffix": "amazonaws.com",
}

// Analyze reads <outdir>/<StackName>.template.json.
func Analyze(outdir string) (Stats, error) {
	var st Stats
	raw, err := os.ReadFile(filepath.Join(outdir, StackName+".template.json"))
	if err != nil {
		return st, err
	}
	var tmpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(raw, &tmpl); err != nil {
		return st, err
	}
	machines := 0
	for _, r := range tmpl.Resources {
		switch r.Type {
		case "AWS::StepFunctions::StateMachine":
			machines++
			def, err := resolve(r.Properties["DefinitionString"])
			if err != nil {
				return st, err
			}
			s, ok := def.(string)
			if !ok {
				return st, fmt.Errorf("DefinitionString resolves to %T", def)
			}
			subs, _ := r.Properties["DefinitionSubstitutions"].(map[string]any)
			for k, v := range subs {
				rv, err := resolve(v)
				if err != nil {
					return st, err
				}
				s = strings.ReplaceAll(s, "${"+k+"}", fmt.Sprint(rv))
			}
			st.DefBytes = len(s)
			var asl map[string]any
			if err := json.Unmarshal([]byte(s), &asl); err != nil {
				return st, fmt.Errorf("definition is not JSON: %v", err)
			}
			st.States = countStates(asl)
		case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
			doc, _ := r.Properties["PolicyDocument"].(map[string]any)
			switch s := doc["Statement"].(type) {
			case []any:
				st.Statements += len(s)
			case map[string]any:
				st.Statements++
			}
		}
	}
	if machines != 1 {
		return st, fmt.Errorf("%d state machines in the template, want 1", machines)
	}
	return st, nil
}

// countStates counts the states of a graph and of the graphs nested in
// them (Parallel branches, Map item processors and iterators).
func countStates(graph map[string]any) int {
	states, _ := graph["States"].(map[string]any)
	n := len(states)
	for _, s := range states {
		st, _ := s.(map[string]any)
		for _, key := range []string{"ItemProcessor", "Iterator"} {
			if g, ok := st[key].(map[string]any); ok {
				n += countStates(g)
			}
		}
		branches, _ := st["Branches"].([]any)
		for _, b := range branches {
			if g, ok := b.(map[string]any); ok {
				n += countStates(g)
			}
		}
	}
	return n
}

// resolve evaluates the intrinsics the CDK puts in a DefinitionString:
// Fn::Join, Ref of pseudo parameters and GetAtt (placeholders).
func resolve(x any) (any, error) {
	switch v := x.(type) {
	case string:
		return v, nil
	case map[string]any:
		if len(v) != 1 {
			return nil, fmt.Errorf("unexpected object %v", v)
		}
		for k, arg := range v {
			switch k {
			case "Ref":
				name, _ := arg.(string)
				if p, ok := pseudo[name]; ok {
					return p, nil
				}
				return "ref-" + name, nil
			case "Fn::GetAtt":
				parts, _ := arg.([]any)
				return fmt.Sprintf("getatt-%v", parts), nil
			case "Fn::Join":
				parts, _ := arg.([]any)
				if len(parts) != 2 {
					return nil, fmt.Errorf("bad Fn::Join %v", arg)
				}
				sep, _ := parts[0].(string)
				items, _ := parts[1].([]any)
				var out []string
				for _, it := range items {
					r, err := resolve(it)
					if err != nil {
						return nil, err
					}
					s, ok := r.(string)
					if !ok {
						return nil, fmt.Errorf("Fn::Join item resolves to %T", r)
					}
					out = append(out, s)
				}
				return strings.Join(out, sep), nil
			}
			return nil, fmt.Errorf("unsupported intrinsic %s", k)
		}
	}
	return nil, fmt.Errorf("unexpected %T in DefinitionString", x)
}
