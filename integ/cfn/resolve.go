package cfn

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// resolver replaces CloudFormation intrinsics with placeholder values.
type resolver struct {
	template map[string]any
}

func newResolver(template map[string]any) *resolver { return &resolver{template: template} }

// noValue marks a value resolved from {"Ref": "AWS::NoValue"}: the enclosing key or element is dropped.
type noValue struct{}

// Resolve replaces every intrinsic function in v (Ref, Fn::GetAtt, Fn::Join,
// Fn::Sub, Fn::Select, Fn::Split, Fn::If, Fn::ImportValue, Fn::FindInMap,
// Fn::Base64) with placeholder values: pseudo parameters become fixed values
// (Partition, Region, AccountID…), references to resources become ARN-, name-
// or URL-shaped strings chosen by the resource's type, parameters their
// Default.
func Resolve(template map[string]any, v any) (any, error) {
	out, err := newResolver(template).resolve(v)
	if _, ok := out.(noValue); ok {
		return nil, err
	}
	return out, err
}

func (r *resolver) resolve(v any) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		if len(v) == 1 {
			for k, arg := range v {
				if k == "Ref" || strings.HasPrefix(k, "Fn::") {
					out, err := r.intrinsic(k, arg)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", k, err)
					}
					return out, nil
				}
			}
		}
		out := make(map[string]any, len(v))
		for k, e := range v {
			re, err := r.resolve(e)
			if err != nil {
				return nil, fmt.Errorf("%s.%w", k, err)
			}
			if _, drop := re.(noValue); !drop {
				out[k] = re
			}
		}
		return out, nil
	case []any:
		out := make([]any, 0, len(v))
		for i, e := range v {
			re, err := r.resolve(e)
			if err != nil {
				return nil, fmt.Errorf("[%d].%w", i, err)
			}
			if _, drop := re.(noValue); !drop {
				out = append(out, re)
			}
		}
		return out, nil
	default:
		return v, nil
	}
}

func (r *resolver) intrinsic(name string, arg any) (any, error) {
	switch name {
	case "Ref":
		id, ok := arg.(string)
		if !ok {
			return nil, fmt.Errorf("want a string, got %s", show(arg))
		}
		return r.ref(id)
	case "Fn::GetAtt":
		id, attr, err := getAttArgs(arg)
		if err != nil {
			return nil, err
		}
		return r.getAtt(id, attr)
	case "Fn::Join":
		return r.join(arg)
	case "Fn::Sub":
		return r.sub(arg)
	case "Fn::Select":
		return r.selectFn(arg)
	case "Fn::Split":
		return r.split(arg)
	case "Fn::If":
		args, ok := arg.([]any)
		if !ok || len(args) != 3 {
			return nil, fmt.Errorf("want [condition, ifTrue, ifFalse], got %s", show(arg))
		}
		return r.resolve(args[1]) // conditions are assumed true
	case "Fn::ImportValue":
		v, err := r.resolve(arg)
		if err != nil {
			return nil, err
		}
		return "imported-" + fmt.Sprint(v), nil
	case "Fn::Base64":
		return r.resolve(arg)
	case "Fn::FindInMap":
		return r.findInMap(arg)
	}
	return nil, fmt.Errorf("unsupported intrinsic function %s", name)
}

func getAttArgs(arg any) (id, attr string, err error) {
	switch a := arg.(type) {
	case []any:
		if len(a) == 2 {
			id, ok1 := a[0].(string)
			attr, ok2 := a[1].(string)
			if ok1 && ok2 {
				return id, attr, nil
			}
		}
	case string:
		if id, attr, ok := strings.Cut(a, "."); ok {
			return id, attr, nil
		}
	}
	return "", "", fmt.Errorf("want [logicalId, attribute], got %s", show(arg))
}

func (r *resolver) ref(id string) (any, error) {
	if id == "AWS::NoValue" {
		return noValue{}, nil
	}
	if v, ok := pseudoParameters[id]; ok {
		return v, nil
	}
	if res, ok := resource(r.template, id); ok {
		return refValue(resourceType(res), id), nil
	}
	if params, ok := r.template["Parameters"].(map[string]any); ok {
		if p, ok := params[id].(map[string]any); ok {
			if d, ok := p["Default"]; ok {
				return d, nil
			}
			return id, nil
		}
	}
	return nil, fmt.Errorf("%q is neither a resource, a parameter nor a pseudo parameter of the template", id)
}

func (r *resolver) getAtt(id, attr string) (any, error) {
	res, ok := resource(r.template, id)
	if !ok {
		return nil, fmt.Errorf("no resource %q in the template", id)
	}
	return getAttValue(resourceType(res), id, attr), nil
}

func (r *resolver) join(arg any) (any, error) {
	args, ok := arg.([]any)
	if !ok || len(args) != 2 {
		return nil, fmt.Errorf("want [delimiter, [values]], got %s", show(arg))
	}
	sep, ok := args[0].(string)
	if !ok {
		return nil, fmt.Errorf("delimiter must be a string, got %s", show(args[0]))
	}
	list, err := r.resolve(args[1])
	if err != nil {
		return nil, err
	}
	items, ok := list.([]any)
	if !ok {
		return nil, fmt.Errorf("values must be a list, got %s", show(list))
	}
	parts := make([]string, len(items))
	for i, it := range items {
		s, err := scalarString(it)
		if err != nil {
			return nil, fmt.Errorf("value %d: %w", i, err)
		}
		parts[i] = s
	}
	return strings.Join(parts, sep), nil
}

var subVar = regexp.MustCompile(`\$\{([^}]*)\}`)

func (r *resolver) sub(arg any) (any, error) {
	var text string
	vars := map[string]any{}
	switch a := arg.(type) {
	case string:
		text = a
	case []any:
		if len(a) != 2 {
			return nil, fmt.Errorf("want a string or [string, {variables}], got %s", show(arg))
		}
		s, ok := a[0].(string)
		m, ok2 := a[1].(map[string]any)
		if !ok || !ok2 {
			return nil, fmt.Errorf("want [string, {variables}], got %s", show(arg))
		}
		text = s
		for k, v := range m {
			rv, err := r.resolve(v)
			if err != nil {
				return nil, fmt.Errorf("variable %s: %w", k, err)
			}
			vars[k] = rv
		}
	default:
		return nil, fmt.Errorf("want a string or [string, {variables}], got %s", show(arg))
	}
	var firstErr error
	out := subVar.ReplaceAllStringFunc(text, func(m string) string {
		name := m[2 : len(m)-1]
		if strings.HasPrefix(name, "!") { // ${!Literal} stands for ${Literal}
			return "${" + name[1:] + "}"
		}
		var v any
		var err error
		if val, ok := vars[name]; ok {
			v = val
		} else if id, attr, ok := strings.Cut(name, "."); ok {
			v, err = r.getAtt(id, attr)
		} else {
			v, err = r.ref(name)
		}
		if err == nil {
			var s string
			s, err = scalarString(v)
			if err == nil {
				return s
			}
		}
		if firstErr == nil {
			firstErr = fmt.Errorf("${%s}: %w", name, err)
		}
		return m
	})
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

func (r *resolver) selectFn(arg any) (any, error) {
	args, ok := arg.([]any)
	if !ok || len(args) != 2 {
		return nil, fmt.Errorf("want [index, list], got %s", show(arg))
	}
	idxV, err := r.resolve(args[0])
	if err != nil {
		return nil, err
	}
	idxS, err := scalarString(idxV)
	if err != nil {
		return nil, err
	}
	idx, err := strconv.Atoi(idxS)
	if err != nil {
		return nil, fmt.Errorf("index %q is not a number", idxS)
	}
	listV, err := r.resolve(args[1])
	if err != nil {
		return nil, err
	}
	list, ok := listV.([]any)
	if !ok || idx < 0 || idx >= len(list) {
		return nil, fmt.Errorf("index %d out of range of %s", idx, show(listV))
	}
	return list[idx], nil
}

func (r *resolver) split(arg any) (any, error) {
	args, ok := arg.([]any)
	if !ok || len(args) != 2 {
		return nil, fmt.Errorf("want [delimiter, string], got %s", show(arg))
	}
	sep, ok := args[0].(string)
	if !ok {
		return nil, fmt.Errorf("delimiter must be a string, got %s", show(args[0]))
	}
	v, err := r.resolve(args[1])
	if err != nil {
		return nil, err
	}
	s, err := scalarString(v)
	if err != nil {
		return nil, err
	}
	parts := strings.Split(s, sep)
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

func (r *resolver) findInMap(arg any) (any, error) {
	v, err := r.resolve(arg)
	if err != nil {
		return nil, err
	}
	args, ok := v.([]any)
	if !ok || len(args) < 3 {
		return nil, fmt.Errorf("want [map, topKey, secondKey], got %s", show(arg))
	}
	keys := make([]string, 3)
	for i := range keys {
		if keys[i], err = scalarString(args[i]); err != nil {
			return nil, err
		}
	}
	mappings, _ := r.template["Mappings"].(map[string]any)
	m, _ := mappings[keys[0]].(map[string]any)
	top, _ := m[keys[1]].(map[string]any)
	if val, ok := top[keys[2]]; ok {
		return val, nil
	}
	return nil, fmt.Errorf("no mapping %s.%s.%s in the template", keys[0], keys[1], keys[2])
}

func scalarString(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case float64, int, bool, json.Number:
		return fmt.Sprint(v), nil
	}
	return "", fmt.Errorf("want a string, got %s", show(v))
}

func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}

// DefinitionText returns the state machine's definition as JSON text, with
// intrinsics resolved to placeholders and DefinitionSubstitutions applied.
func DefinitionText(template map[string]any, logicalID string) (string, error) {
	res, ok := resource(template, logicalID)
	if !ok {
		return "", fmt.Errorf("no resource %q in the template", logicalID)
	}
	if t := resourceType(res); t != StateMachineType {
		return "", fmt.Errorf("resource %q is a %s, not a %s", logicalID, t, StateMachineType)
	}
	props := properties(res)
	r := newResolver(template)
	var text string
	switch {
	case props["DefinitionString"] != nil:
		v, err := r.resolve(props["DefinitionString"])
		if err != nil {
			return "", fmt.Errorf("state machine %s: DefinitionString: %w", logicalID, err)
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("state machine %s: DefinitionString resolves to %s, not a string", logicalID, show(v))
		}
		text = s
	case props["Definition"] != nil:
		v, err := r.resolve(props["Definition"])
		if err != nil {
			return "", fmt.Errorf("state machine %s: Definition: %w", logicalID, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			return "", err
		}
		text = string(b)
	case props["DefinitionS3Location"] != nil:
		return "", fmt.Errorf("state machine %s: DefinitionS3Location is not supported; use DefinitionBody.fromChainable or fromString", logicalID)
	default:
		return "", fmt.Errorf("state machine %s has no DefinitionString or Definition", logicalID)
	}
	if subs, ok := props["DefinitionSubstitutions"].(map[string]any); ok && len(subs) > 0 {
		keys := make([]string, 0, len(subs))
		for k := range subs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v, err := r.resolve(subs[k])
			if err != nil {
				return "", fmt.Errorf("state machine %s: DefinitionSubstitutions.%s: %w", logicalID, k, err)
			}
			s, err := scalarString(v)
			if err != nil {
				return "", fmt.Errorf("state machine %s: DefinitionSubstitutions.%s: %w", logicalID, k, err)
			}
			text = strings.ReplaceAll(text, "${"+k+"}", s)
		}
	}
	return text, nil
}

// ResolveDefinition returns the parsed definition of the state machine with
// the given logical ID, intrinsics resolved to placeholders (see Resolve).
func ResolveDefinition(template map[string]any, logicalID string) (map[string]any, error) {
	text, err := DefinitionText(template, logicalID)
	if err != nil {
		return nil, err
	}
	var def map[string]any
	if err := json.Unmarshal([]byte(text), &def); err != nil {
		return nil, fmt.Errorf("state machine %s: the resolved definition is not a JSON object: %w\n%s", logicalID, err, text)
	}
	return def, nil
}
