package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// NagRule is the cdk-nag rule a reasoned wildcard is suppressed for.
const NagRule = "AwsSolutions-IAM5"

// nagReasoned remembers the stacks that have the reasons aspect.
var nagReasoned sync.Map

// explainWildcards makes sure scope's stack carries, before cdk-nag's
// checks run, a cdk-nag suppression for each wildcard in an IAM policy that
// AWS leaves no narrower form of (iampolicy.Statement.Why), on the policy,
// with appliesTo exactly that wildcard and the reason. It is called, cheaply
// and repeatedly, wherever sfnkit registers statements that have such a
// wildcard; stacks without one get nothing.
func explainWildcards(scope constructs.IConstruct, stmts []iampolicy.Statement) {
	if !hasReasons(stmts) {
		return
	}
	stack := awscdk.Stack_Of(scope)
	if _, loaded := nagReasoned.LoadOrStore(stack, true); loaded {
		return
	}
	awscdk.Aspects_Of(stack).Add(&wildcardReasons{stack: stack},
		&awscdk.AspectOptions{Priority: awscdk.AspectPriority_MUTATING()})
}

// explainGraph is explainWildcards for the statements bound to a state
// graph, asking jsii for the graph's stack once per graph.
func explainGraph(graph sfn.StateGraph, stmts []iampolicy.Statement) {
	if _, done := nagGraphs.Load(graph); done || !hasReasons(stmts) {
		return
	}
	nagGraphs.Store(graph, true)
	explainWildcards(graph.StartState(), stmts)
}

var nagGraphs sync.Map

func hasReasons(stmts []iampolicy.Statement) bool {
	for _, s := range stmts {
		if len(s.Why()) > 0 {
			return true
		}
	}
	return false
}

// wildcardReasons is the aspect: on every IAM policy of the stack it reads
// the resolved document and suppresses a wildcard finding only when every
// statement that has that wildcard has a reason for it: a wildcard the user
// wrote in the same policy is still reported.
type wildcardReasons struct {
	stack awscdk.Stack
}

func (a *wildcardReasons) Visit(node constructs.IConstruct) {
	policy, ok := node.(awsiam.CfnPolicy)
	if !ok {
		return
	}
	doc := a.stack.Resolve(policy.PolicyDocument())
	if sup := suppressions(doc); len(sup) > 0 {
		cdknag.NagSuppressions_AddResourceSuppressions(policy, &sup, jsii.Bool(false))
	}
}

// suppressions returns one suppression per wildcard finding of doc (a
// resolved policy document) whose every occurrence has a reason.
func suppressions(doc any) []*cdknag.NagPackSuppression {
	reasons := map[string]string{} // finding → reason
	unreasoned := map[string]bool{}
	d, _ := doc.(map[string]any)
	stmts, _ := d["Statement"].([]any)
	for _, raw := range stmts {
		st, _ := raw.(map[string]any)
		if st == nil || st["Effect"] != "Allow" {
			continue
		}
		s := iampolicy.Statement{Actions: stringsOf(st["Action"])}
		var findings []string
		for _, r := range listOf(st["Resource"]) {
			flat := nagString(r)
			if strings.Contains(flat, "*") {
				s.Resources = append(s.Resources, flat)
				findings = append(findings, flat)
			}
		}
		why := s.Why()
		for _, f := range findings {
			key := "Resource::" + f
			if w := why[f]; w != "" && !unreasoned[key] {
				reasons[key] = joinReason(reasons[key], w)
			} else {
				unreasoned[key] = true
				delete(reasons, key)
			}
		}
		for _, act := range s.Actions {
			if !strings.Contains(act, "*") {
				continue
			}
			key := "Action::" + act
			if w := why[key]; w != "" && !unreasoned[key] {
				reasons[key] = joinReason(reasons[key], w)
			} else {
				unreasoned[key] = true
				delete(reasons, key)
			}
		}
	}
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []*cdknag.NagPackSuppression
	for _, k := range keys {
		out = append(out, &cdknag.NagPackSuppression{
			Id:        jsii.String(NagRule),
			Reason:    jsii.String("sfnkit: " + reasons[k]),
			AppliesTo: &[]interface{}{k},
		})
	}
	return out
}

func joinReason(have, add string) string {
	switch {
	case have == "":
		return add
	case strings.Contains(have, add):
		return have
	}
	return have + "; " + add
}

// nagString spells a resolved policy value as cdk-nag's flattenCfnReference
// does in a finding: "${X}" → <X>, {"Ref": X} → <X>, {"Fn::GetAtt": [R, A]}
// → <R.A>, Fn::Join joined, Fn::Sub and Fn::ImportValue their argument,
// anything else as compact JSON.
func nagString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.NewReplacer("${", "<", "}", ">").Replace(x)
	case map[string]any:
		if len(x) == 1 {
			if j, ok := x["Fn::Join"].([]any); ok && len(j) == 2 {
				sep, _ := j[0].(string)
				items, _ := j[1].([]any)
				parts := make([]string, len(items))
				for i, p := range items {
					parts[i] = nagString(p)
				}
				return strings.Join(parts, sep)
			}
			if sub, ok := x["Fn::Sub"]; ok {
				if _, isList := sub.([]any); !isList {
					return nagString(sub)
				}
			}
			if ga, ok := x["Fn::GetAtt"].([]any); ok && len(ga) == 2 {
				return "<" + nagString(ga[0]) + "." + nagString(ga[1]) + ">"
			}
			if iv, ok := x["Fn::ImportValue"]; ok {
				return nagString(iv)
			}
			if ref, ok := x["Ref"]; ok {
				return "<" + nagString(ref) + ">"
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func listOf(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

func stringsOf(v any) []string {
	var out []string
	for _, x := range listOf(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
