package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

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

// nagReasoned remembers the constructs (stacks, machines, roles) that have
// the reasons aspect.
var nagReasoned sync.Map

// explainWildcards makes sure scope's stack carries, before cdk-nag's
// checks run, a cdk-nag suppression for each wildcard in an IAM policy that
// AWS leaves no narrower form of (iampolicy.Statement.Why), on the policy,
// with appliesTo exactly that wildcard and the reason. It is called, cheaply
// and repeatedly, wherever sfnkit registers statements that have such a
// wildcard; stacks without one get nothing. The aspect visits every
// construct of the stack, a Go callback each: explainMachine is the cheaper
// form for a machine sfnkit creates itself.
func explainWildcards(scope constructs.IConstruct, stmts []iampolicy.Statement) {
	if !hasReasons(stmts) {
		return
	}
	addReasons(awscdk.Stack_Of(scope))
}

// explainMachine is explainWildcards for a state machine sfnkit creates
// (fragments.NewStateMachine): the policies that can hold sfnkit's
// statements are the machine's own (a Distributed Map's) and its role's
// (the default policy and the managed policies the CDK splits it into), so
// the aspect goes on the machine and, when the role is not the machine's
// own, on the role: it visits a dozen constructs, not the whole stack.
func explainMachine(sm sfn.StateMachine, stmts []iampolicy.Statement, distributedMaps bool) {
	if !distributedMaps && !hasReasons(stmts) {
		return
	}
	addReasons(sm)
	role := sm.Role()
	if machine := *sm.Node().Path(); !strings.HasPrefix(*role.Node().Path(), machine+"/") {
		addReasons(role)
	}
}

func addReasons(scope constructs.IConstruct) {
	if _, loaded := nagReasoned.LoadOrStore(scope, true); loaded {
		return
	}
	awscdk.Aspects_Of(scope).Add(&wildcardReasons{}, &awscdk.AspectOptions{Priority: awscdk.AspectPriority_MUTATING()})
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

// wildcardReasons is the aspect: on every IAM policy it visits (inline or
// managed) it reads the resolved document and suppresses a wildcard finding
// only when every statement that has that wildcard has a reason for it: a
// wildcard the user wrote in the same policy is still reported. A policy
// two aspects visit (a stack's and a machine's) is explained once.
type wildcardReasons struct{}

var nagExplained sync.Map

// nagVisits counts Visit calls, each a jsii callback (for a test).
var nagVisits atomic.Int64

func (a *wildcardReasons) Visit(node constructs.IConstruct) {
	nagVisits.Add(1)
	var document func() any
	switch policy := node.(type) {
	case awsiam.CfnPolicy:
		document = policy.PolicyDocument
	case awsiam.CfnManagedPolicy:
		document = policy.PolicyDocument
	default:
		return
	}
	if _, done := nagExplained.LoadOrStore(node, true); done {
		return
	}
	doc := awscdk.Stack_Of(node).Resolve(document())
	if sup := suppressions(doc); len(sup) > 0 {
		cdknag.NagSuppressions_AddResourceSuppressions(node, &sup, jsii.Bool(false))
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
