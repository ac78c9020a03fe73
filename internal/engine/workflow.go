package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/aslcheck"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// Workflow is a state machine definition rendered in Go.
type Workflow struct {
	StartAt    string
	States     map[string]map[string]any
	Statements []iampolicy.Statement // merged
	// DistributedMaps are the labels of its Distributed Maps (nil: none).
	DistributedMaps []*string
}

// maxStateName is the longest state name Step Functions accepts.
const maxStateName = 80

// RenderWorkflow renders every state reachable from start. ok is false when
// one of them is not an sfnkit state held in Go (a CDK state, or one the
// CDK has already been given): the CDK must render that workflow.
func RenderWorkflow(start sfn.IChainable, seconds func(awscdk.Duration) float64) (w *Workflow, ok bool, err error) {
	g := &graphRenderer{seconds: seconds, names: map[string]bool{}}
	startAt, states, ok := g.graph(start)
	switch {
	case g.failure != nil:
		return nil, false, g.failure
	case !ok:
		return nil, false, nil
	case len(g.problems) > 0:
		return nil, false, fmt.Errorf("%s", strings.Join(g.problems, "; "))
	}
	return &Workflow{StartAt: startAt, States: states, Statements: iampolicy.Merge(g.stmts...), DistributedMaps: g.distributedMaps}, true, nil
}

// graphRenderer renders a workflow and the branches nested in it, with
// state names unique across all of them, as Step Functions requires.
type graphRenderer struct {
	seconds  func(awscdk.Duration) float64
	names    map[string]bool
	stmts    []iampolicy.Statement
	problems []string
	failure  error // a definition Step Functions would reject
	// distributedMaps are the labels of the Distributed Maps rendered.
	distributedMaps []*string
}

func (g *graphRenderer) claim(name string) bool {
	switch {
	case g.failure != nil:
	case g.names[name]:
		g.failure = fmt.Errorf("state name %q is used by two states of one workflow; state names must be unique", name)
	case len(name) > maxStateName:
		g.failure = fmt.Errorf("state name %q is %d characters long; Step Functions allows at most %d", name, len(name), maxStateName)
	}
	g.names[name] = true
	return g.failure == nil
}

// graph renders the states reachable from start: one state graph (the
// workflow, or a branch).
func (g *graphRenderer) graph(start sfn.IChainable) (startAt string, states map[string]map[string]any, ok bool) {
	first := heldInGo(start)
	if first == nil {
		return "", nil, false
	}
	states = map[string]map[string]any{}
	seen := map[held]bool{first: true}
	queue := []held{first}
	ends := map[sfn.IChainable]string{}
	// visit names the state x starts with, queueing it if new.
	visit := func(x sfn.IChainable) (string, bool) {
		if h := heldInGo(x); h != nil {
			if !seen[h] {
				seen[h] = true
				queue = append(queue, h)
			}
			return h.name(), true
		}
		if name, ok := ends[x]; ok {
			return name, true
		}
		name, state, ok := cdkEndState(x)
		if !ok || !g.claim(name) {
			return "", false
		}
		ends[x] = name
		states[name] = state
		return name, true
	}
	for len(queue) > 0 {
		h := queue[0]
		queue = queue[1:]
		name := h.name()
		if !g.claim(name) {
			return "", nil, false
		}
		state, ok := h.render(g, visit)
		if !ok {
			return "", nil, false
		}
		states[name] = state
	}
	return first.name(), states, true
}

// render writes the task's state: its JSON, Next or End, and the retries
// and catches recorded in Go; its statements and deferred problems go to g.
func (t *lazyTask) render(g *graphRenderer, visit visitFunc) (map[string]any, bool) {
	state := make(map[string]any, len(t.r.JSON)+3)
	for k, v := range t.r.JSON {
		state[k] = v
	}
	g.stmts = append(g.stmts, t.r.Statements...)
	for _, p := range t.r.Deferred {
		g.problems = append(g.problems, t.name()+": "+p)
	}
	return state, t.links.render(state, visit, g.seconds)
}

// render adds Next or End, Retry and Catch to state. Rules written in the
// state's own JSON (a CustomTask's) follow the recorded ones, as the CDK
// puts them.
func (l *links) render(state map[string]any, visit visitFunc, seconds func(awscdk.Duration) float64) bool {
	if l.catchesNeedCDK() {
		return false
	}
	if l.next == nil {
		state["End"] = true
	} else if name, ok := visit(l.next); ok {
		state["Next"] = name
	} else {
		return false
	}
	if len(l.retries) > 0 {
		state["Retry"] = append(renderRetries(l.retries, seconds), ownRules(state["Retry"])...)
	}
	if len(l.catches) > 0 {
		var catches []any
		for _, c := range sortedCatches(l.catches) {
			name, ok := visit(c.handler)
			if !ok {
				return false
			}
			rule := map[string]any{"ErrorEquals": errorList(c.props.Errors), "Next": name}
			if c.props.ResultPath != nil {
				rule["ResultPath"] = *c.props.ResultPath
			}
			catches = append(catches, rule)
		}
		state["Catch"] = append(catches, ownRules(state["Catch"])...)
	}
	return true
}

// ownRules are the Retry or Catch rules written in a state's own JSON (a
// CustomTask's): the CDK puts them after those added with AddRetry and
// AddCatch, and so does the Go renderer.
func ownRules(rules any) []any {
	list, _ := rules.([]any)
	return list
}

// cdkEndState renders a CDK Pass, Wait, Succeed or Fail state that ends
// the workflow (no Next): states without IAM or links, so the CDK's own
// rendering of the one state is all there is (three jsii calls).
func cdkEndState(x sfn.IChainable) (string, map[string]any, bool) {
	st := x.StartState()
	if st == nil {
		return "", nil, false
	}
	rendered := st.ToStateJson("")
	if rendered == nil {
		return "", nil, false
	}
	state := *rendered
	switch state["Type"] {
	case "Pass", "Wait", "Succeed", "Fail":
	default:
		return "", nil, false
	}
	if _, linked := state["Next"]; linked {
		return "", nil, false
	}
	return *st.StateId(), state, true
}

// catchesNeedCDK: a catch rule the CDK renders with its own machinery
// (Assign, Outputs, or a ResultPath that is not a plain JSONPath).
func (l *links) catchesNeedCDK() bool {
	for _, c := range l.catches {
		p := c.props
		if p.Assign != nil || p.Outputs != nil || (p.ResultPath != nil && !strings.HasPrefix(*p.ResultPath, "$")) {
			return true
		}
	}
	return false
}

func errorList(errors *[]*string) []string {
	if errors == nil {
		return []string{"States.ALL"}
	}
	out := make([]string, len(*errors))
	for i, e := range *errors {
		out[i] = *e
	}
	return out
}

// renderRetries renders Retry as the CDK does: States.ALL rules last,
// otherwise in the order added.
func renderRetries(retries []*sfn.RetryProps, seconds func(awscdk.Duration) float64) []any {
	sorted := append([]*sfn.RetryProps(nil), retries...)
	sort.SliceStable(sorted, func(i, j int) bool { return !catchesAll(sorted[i].Errors) && catchesAll(sorted[j].Errors) })
	out := make([]any, len(sorted))
	for i, r := range sorted {
		rule := map[string]any{"ErrorEquals": errorList(r.Errors)}
		if r.Interval != nil {
			rule["IntervalSeconds"] = seconds(r.Interval)
		}
		if r.MaxAttempts != nil {
			rule["MaxAttempts"] = *r.MaxAttempts
		}
		if r.BackoffRate != nil {
			rule["BackoffRate"] = *r.BackoffRate
		}
		if r.MaxDelay != nil {
			rule["MaxDelaySeconds"] = seconds(r.MaxDelay)
		}
		if r.JitterStrategy != "" {
			rule["JitterStrategy"] = string(r.JitterStrategy)
		}
		out[i] = rule
	}
	return out
}

func sortedCatches(catches []catchRule) []catchRule {
	sorted := append([]catchRule(nil), catches...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return !catchesAll(sorted[i].props.Errors) && catchesAll(sorted[j].props.Errors)
	})
	return sorted
}

func catchesAll(errors *[]*string) bool {
	if errors == nil {
		return true
	}
	for _, e := range *errors {
		if *e == "States.ALL" {
			return true
		}
	}
	return false
}

// NewStateMachine creates a state machine for definition. When every state
// is an sfnkit state held in Go (built in a Scope), the definition is
// rendered in Go in one piece, its CDK tokens (ARNs of functions, roles…)
// moved into DefinitionSubstitutions, and the merged statements added to
// the role: a handful of jsii calls for the whole workflow. Otherwise the
// CDK renders it, as sfn.DefinitionBody_FromChainable would.
func NewStateMachine(scope constructs.Construct, id *string, definition sfn.IChainable, props *sfn.StateMachineProps) sfn.StateMachine {
	p := sfn.StateMachineProps{}
	if props != nil {
		p = *props
	}
	invalid := func(err error) *ValidationError {
		return &ValidationError{Construct: "StateMachine", Path: *scope.Node().Path() + "/" + *id, Problems: []error{err}}
	}
	if p.DefinitionBody != nil || p.Definition != nil {
		panic(invalid(fmt.Errorf("DefinitionBody, Definition: leave them out; the definition argument is the definition")))
	}
	if p.QueryLanguage == "" {
		seconds := durations{}
		if w, ok, err := RenderWorkflow(definition, seconds.of); err != nil {
			panic(invalid(err))
		} else if ok {
			return w.stateMachine(scope, id, p, seconds)
		}
	}
	p.DefinitionBody = sfn.DefinitionBody_FromChainable(cdkOf(definition))
	return sfn.NewStateMachine(scope, id, &p)
}

func (w *Workflow) stateMachine(scope constructs.Construct, id *string, p sfn.StateMachineProps, seconds durations) sfn.StateMachine {
	top := map[string]any{}
	if p.Comment != nil {
		top["Comment"] = *p.Comment
		p.Comment = nil
	}
	if p.Timeout != nil {
		top["TimeoutSeconds"] = seconds.of(p.Timeout)
		p.Timeout = nil
	}
	text, subs := substituteTokens(w.Text(top), p.DefinitionSubstitutions)
	p.DefinitionBody = sfn.DefinitionBody_FromString(jsii.String(text))
	if len(subs) > 0 {
		p.DefinitionSubstitutions = &subs
	}
	sm := sfn.NewStateMachine(scope, id, &p)
	if len(w.DistributedMaps) > 0 {
		grantDistributedMaps(sm, w.DistributedMaps)
	}
	for _, s := range w.Statements {
		sm.AddToRolePolicy(policyStatement(s))
	}
	explainMachine(sm, w.Statements, len(w.DistributedMaps) > 0) // nag.go
	warnUnassignedVariables(sm, text)
	return sm
}

// warnUnassignedVariables adds a synth warning to the state machine for each
// read of a variable that no state able to run before the reader assigns
// (integ.Validate fails a test for the same).
func warnUnassignedVariables(sm sfn.StateMachine, definition string) {
	var def map[string]any
	if json.Unmarshal([]byte(definition), &def) != nil {
		return
	}
	for _, u := range aslcheck.UnassignedVariables(def) {
		awscdk.Annotations_Of(sm).AddWarningV2(jsii.String("@sfnkit/unassigned-variable"), jsii.String(u.String()))
	}
}

// Text is the definition as JSON, with the top-level fields in top
// (Comment, TimeoutSeconds) added.
func (w *Workflow) Text(top map[string]any) string {
	doc := map[string]any{"StartAt": w.StartAt, "States": w.States}
	for k, v := range top {
		doc[k] = v
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// substituteTokens replaces each distinct CDK token in text with a
// ${SfnkitN} placeholder that CloudFormation fills from
// DefinitionSubstitutions, so the CDK copies one plain string instead of
// splitting one with thousands of tokens. The user's substitutions are kept.
func substituteTokens(text string, user *map[string]*string) (string, map[string]*string) {
	subs := map[string]*string{}
	if user != nil {
		for k, v := range *user {
			subs[k] = v
		}
	}
	keys := map[string]string{}
	var out strings.Builder
	out.Grow(len(text))
	for {
		start := strings.Index(text, "${Token[")
		if start < 0 {
			break
		}
		end := strings.Index(text[start:], "]}")
		if end < 0 {
			break
		}
		end += start + len("]}")
		token := text[start:end]
		key, ok := keys[token]
		if !ok {
			key = "Sfnkit" + strconv.Itoa(len(keys))
			for subs[key] != nil {
				key += "_"
			}
			keys[token] = key
			subs[key] = jsii.String(token)
		}
		out.WriteString(text[:start])
		out.WriteString("${" + key + "}")
		text = text[end:]
	}
	out.WriteString(text)
	return out.String(), subs
}

// durations converts CDK Durations to seconds, one jsii call per Duration.
type durations map[awscdk.Duration]float64

func (d durations) of(x awscdk.Duration) float64 {
	if s, ok := d[x]; ok {
		return s
	}
	s := *x.ToSeconds(nil)
	d[x] = s
	return s
}

func policyStatement(s iampolicy.Statement) awsiam.PolicyStatement {
	props := &awsiam.PolicyStatementProps{Actions: jsii.Strings(s.Actions...), Resources: jsii.Strings(s.Resources...)}
	if len(s.Conditions) > 0 {
		cond := make(map[string]interface{}, len(s.Conditions))
		for op, kv := range s.Conditions {
			cond[op] = kv
		}
		props.Conditions = &cond
	}
	return awsiam.NewPolicyStatement(props)
}
