package cfn

import (
	"fmt"
)

// Summary is the size of one state machine in a template.
type Summary struct {
	StateMachineInfo
	States          int // states, nested ones included
	IAMStatements   int // statements of the policies attached to its execution role
	DefinitionBytes int // length of the resolved definition text
}

func (s Summary) String() string {
	return fmt.Sprintf("%s: %d states, %d IAM statements, %d definition bytes",
		s.Label(), s.States, s.IAMStatements, s.DefinitionBytes)
}

// Summarize sizes every state machine of the template.
func Summarize(template map[string]any) ([]Summary, error) {
	var out []Summary
	for _, sm := range StateMachines(template) {
		text, err := DefinitionText(template, sm.LogicalID)
		if err != nil {
			return nil, err
		}
		def, err := ResolveDefinition(template, sm.LogicalID)
		if err != nil {
			return nil, err
		}
		out = append(out, Summary{
			StateMachineInfo: sm,
			States:           CountStates(def),
			IAMStatements:    RoleStatements(template, sm.RoleID),
			DefinitionBytes:  len(text),
		})
	}
	return out, nil
}

// RoleStatements counts the IAM statements that apply to the role with the
// given logical ID: its inline Policies, and every AWS::IAM::Policy or
// AWS::IAM::ManagedPolicy whose Roles list references it.
func RoleStatements(template map[string]any, roleID string) int {
	if roleID == "" {
		return 0
	}
	n := 0
	if role, ok := resource(template, roleID); ok {
		policies, _ := properties(role)["Policies"].([]any)
		for _, p := range policies {
			pm, _ := p.(map[string]any)
			n += statementCount(pm["PolicyDocument"])
		}
	}
	for _, v := range Resources(template) {
		res, _ := v.(map[string]any)
		switch resourceType(res) {
		case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
		default:
			continue
		}
		props := properties(res)
		roles, _ := props["Roles"].([]any)
		for _, r := range roles {
			if referencedID(r) == roleID {
				n += statementCount(props["PolicyDocument"])
				break
			}
		}
	}
	return n
}

func statementCount(doc any) int {
	d, _ := doc.(map[string]any)
	switch st := d["Statement"].(type) {
	case []any:
		return len(st)
	case map[string]any:
		return 1
	}
	return 0
}
