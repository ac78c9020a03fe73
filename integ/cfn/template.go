package cfn

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// StateMachineType is the CloudFormation type of a Step Functions state machine.
const StateMachineType = "AWS::StepFunctions::StateMachine"

// StateMachineInfo describes one AWS::StepFunctions::StateMachine resource.
type StateMachineInfo struct {
	LogicalID string // the resource's logical ID in the template
	Name      string // StateMachineName if set (intrinsics resolved to placeholders), else ""
	Type      string // STANDARD or EXPRESS ("STANDARD" when not set)
	Path      string // the aws:cdk:path metadata if present, else ""
	RoleID    string // logical ID of the execution role when RoleArn references one, else ""
}

// Label names the state machine for messages: "LogicalID" or "LogicalID (name)".
func (s StateMachineInfo) Label() string {
	if s.Name != "" {
		return fmt.Sprintf("%s (name %q)", s.LogicalID, s.Name)
	}
	return s.LogicalID
}

// Load reads a template JSON file.
func Load(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var tpl map[string]any
	if err := json.Unmarshal(b, &tpl); err != nil {
		return nil, fmt.Errorf("%s: not a JSON template: %w", path, err)
	}
	return tpl, nil
}

// Resources returns the template's Resources section (nil if absent).
func Resources(template map[string]any) map[string]any {
	r, _ := template["Resources"].(map[string]any)
	return r
}

// resource returns the resource with the given logical ID.
func resource(template map[string]any, logicalID string) (map[string]any, bool) {
	r, ok := Resources(template)[logicalID].(map[string]any)
	return r, ok
}

func resourceType(res map[string]any) string {
	t, _ := res["Type"].(string)
	return t
}

func properties(res map[string]any) map[string]any {
	p, _ := res["Properties"].(map[string]any)
	return p
}

// StateMachines lists the template's state machines, sorted by logical ID.
func StateMachines(template map[string]any) []StateMachineInfo {
	var out []StateMachineInfo
	for id, v := range Resources(template) {
		res, ok := v.(map[string]any)
		if !ok || resourceType(res) != StateMachineType {
			continue
		}
		props := properties(res)
		info := StateMachineInfo{LogicalID: id, Type: "STANDARD"}
		if t, ok := props["StateMachineType"].(string); ok {
			info.Type = t
		}
		if n, ok := props["StateMachineName"]; ok {
			if s, err := newResolver(template).resolve(n); err == nil {
				info.Name, _ = s.(string)
			}
		}
		if md, ok := res["Metadata"].(map[string]any); ok {
			info.Path, _ = md["aws:cdk:path"].(string)
		}
		info.RoleID = referencedID(props["RoleArn"])
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].LogicalID < out[j].LogicalID })
	return out
}

// referencedID returns the logical ID named by {"Ref": id} or {"Fn::GetAtt": [id, attr]}.
func referencedID(v any) string {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return ""
	}
	if ref, ok := m["Ref"].(string); ok {
		return ref
	}
	if id, _, err := getAttArgs(m["Fn::GetAtt"]); err == nil {
		return id
	}
	return ""
}

// FindStateMachine returns the state machine matching key, which may be a
// logical ID, a state machine name, or a cdk path (or its last segments).
// An empty key matches when the template holds exactly one state machine.
func FindStateMachine(template map[string]any, key string) (StateMachineInfo, error) {
	all := StateMachines(template)
	if len(all) == 0 {
		return StateMachineInfo{}, fmt.Errorf("the template has no %s resource", StateMachineType)
	}
	ids := make([]string, len(all))
	for i, sm := range all {
		ids[i] = sm.Label()
	}
	if key == "" {
		if len(all) == 1 {
			return all[0], nil
		}
		return StateMachineInfo{}, fmt.Errorf("the template has %d state machines %v: say which one", len(all), ids)
	}
	for _, match := range []func(StateMachineInfo) bool{
		func(s StateMachineInfo) bool { return s.LogicalID == key },
		func(s StateMachineInfo) bool { return s.Name == key },
		func(s StateMachineInfo) bool {
			return s.Path != "" && (s.Path == key || hasPathSuffix(s.Path, key) || hasPathSuffix(s.Path, key+"/Resource"))
		},
	} {
		var found []StateMachineInfo
		for _, sm := range all {
			if match(sm) {
				found = append(found, sm)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
	}
	return StateMachineInfo{}, fmt.Errorf("no single state machine matches %q; the template has %v", key, ids)
}

func hasPathSuffix(path, suffix string) bool {
	return len(path) > len(suffix) && path[len(path)-len(suffix)-1] == '/' && path[len(path)-len(suffix):] == suffix
}
