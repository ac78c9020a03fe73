package bench

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Prototypes of cheaper designs, for profiling only: they render the same
// LambdaInvoke state as tasks.NewLambdaInvoke (engine.Render with the same
// Spec) and differ only in how they hand it to the CDK.
type proto struct {
	doc string
	// jsonRetry puts the default Retry in the state JSON instead of calling
	// AddRetry (one jsii call per task fewer).
	jsonRetry bool
	// addRetry calls AddRetry as tasks.NewLambdaInvoke does.
	addRetry bool
	// goARN builds the function ARN in Go from its name instead of reading
	// fn.FunctionArn() (one jsii call per task fewer).
	goARN bool
	// bind selects how statements reach the role:
	//   "engine": engine.NewState (WhenBoundToGraph + AddResources per task)
	//   "lazy":   WhenBoundToGraph, but one PolicyStatement per group whose
	//             Resources is a Lazy list produced from Go at synth
	//   "none":   plain CustomState, no callback; merged statements granted
	//             once on the state machine at the end
	bind string
}

func init() {
	for name, p := range map[string]proto{
		"proto-base":    {doc: "prototype = shipped design (engine.NewState, AddRetry, FunctionArn): sanity check", addRetry: true, bind: "engine"},
		"proto-noretry": {doc: "engine.NewState, no Retry at all (cost of AddRetry)", bind: "engine"},
		"proto-R":       {doc: "Retry in the state JSON instead of AddRetry", jsonRetry: true, bind: "engine"},
		"proto-A":       {doc: "function ARN built in Go, no FunctionArn() call", addRetry: true, goARN: true, bind: "engine"},
		"proto-L":       {doc: "one Lazy-list PolicyStatement per group, no AddResources", addRetry: true, bind: "lazy"},
		"proto-RL":      {doc: "JSON Retry + Lazy statements", jsonRetry: true, bind: "lazy"},
		"proto-RLA":     {doc: "JSON Retry + Lazy statements + Go ARN", jsonRetry: true, goARN: true, bind: "lazy"},
		"proto-RN":      {doc: "JSON Retry + no callback (statements granted once at the end)", jsonRetry: true, bind: "none"},
		"proto-RNA":     {doc: "JSON Retry + no callback + Go ARN", jsonRetry: true, goARN: true, bind: "none"},
		"proto-nobind":  {doc: "AddRetry, FunctionArn, no callback (statements granted once at the end)", addRetry: true, bind: "none"},
	} {
		p := p
		p.doc = name[len("proto-"):] + ": " + p.doc
		Variants[name] = &builder{doc: p.doc, task: p.task, done: grantAtEnd}
	}
	Variants["proto-chain"] = &builder{doc: "whole chain rendered in Go: DefinitionBody_FromString + merged statements (imports and FunctionArn kept)", machine: wholeChain}
	Variants["proto-chainsub"] = &builder{doc: "whole chain rendered in Go, CDK tokens moved out of the definition into DefinitionSubstitutions (no token splitting at synth)", machine: wholeChainSubstituted}
	Variants["floor"] = &builder{doc: "floor: N function imports + FunctionArn, N Pass states rendered in Go, one state machine", machine: floor}
}

// Doc describes a variant ("" if unknown).
func Doc(name string) string {
	if b := Variants[name]; b != nil {
		return b.doc
	}
	return ""
}

var lambdaInvoke, _ = iampolicy.Lookup("lambda", "invoke")

// defaultRetry is the Retry the CDK's (and sfnkit's) LambdaInvoke adds.
func defaultRetry() []any {
	return []any{map[string]any{
		"ErrorEquals":     []any{"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"},
		"IntervalSeconds": 2, "MaxAttempts": 6, "BackoffRate": 2,
	}}
}

var twoSeconds awscdk.Duration

// render renders the state tasks.NewLambdaInvoke renders for fn.
func render(scope constructs.Construct, arn string, jsonRetry bool) *engine.Rendered {
	spec := &engine.Spec{Construct: "LambdaInvoke", Integration: lambdaInvoke, ParamsField: "Parameters",
		Params: value.NewObject(map[string]*value.Value{"FunctionName": value.Lit(arn), "Payload": value.Dyn("$")})}
	r, problems := engine.Render(spec, &engine.Common{}, engine.EnvOf(scope))
	if len(problems) > 0 {
		panic(fmt.Sprint(problems))
	}
	if jsonRetry {
		r.JSON["Retry"] = defaultRetry()
	}
	return r
}

func functionARN(scope constructs.Construct, fn awslambda.IFunction, name string, inGo bool) string {
	if inGo {
		return engine.EnvOf(scope).ARN("lambda", "function:"+name)
	}
	return *fn.FunctionArn()
}

// pending collects the statements of "none" states until grantAtEnd.
var pending []iampolicy.Statement

func (p proto) task(scope constructs.Construct, i int, fn awslambda.IFunction, name string) sfn.IChainable {
	r := render(scope, functionARN(scope, fn, name, p.goARN), p.jsonRetry)
	var st sfn.CustomState
	props := &sfn.CustomStateProps{StateJson: &r.JSON}
	switch p.bind {
	case "engine":
		st = engine.NewState(scope, id(i), r)
	case "lazy":
		s := &lazyState{statements: r.Statements}
		sfn.NewCustomState_Override(s, scope, id(i), props)
		st = s
	case "none":
		st = sfn.NewCustomState(scope, id(i), props)
		pending = append(pending, r.Statements...)
	}
	if p.addRetry {
		if twoSeconds == nil {
			twoSeconds = awscdk.Duration_Seconds(jsii.Number(2))
		}
		st.AddRetry(&sfn.RetryProps{
			Errors:   jsii.Strings("Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"),
			Interval: twoSeconds, MaxAttempts: jsii.Number(6), BackoffRate: jsii.Number(2),
		})
	}
	return st
}

// grantAtEnd grants the merged pending statements on the state machine:
// two jsii calls per distinct (actions, conditions) group.
func grantAtEnd(sm sfn.StateMachine) {
	for _, s := range iampolicy.Merge(pending...) {
		sm.AddToRolePolicy(policyStatement(s, jsii.Strings(s.Resources...)))
	}
	pending = nil
}

func policyStatement(s iampolicy.Statement, resources *[]*string) awsiam.PolicyStatement {
	props := &awsiam.PolicyStatementProps{Actions: jsii.Strings(s.Actions...), Resources: resources}
	if len(s.Conditions) > 0 {
		cond := make(map[string]interface{}, len(s.Conditions))
		for op, kv := range s.Conditions {
			cond[op] = kv
		}
		props.Conditions = &cond
	}
	return awsiam.NewPolicyStatement(props)
}

// lazyState registers its statements like engine's state, but per graph
// and group it creates one PolicyStatement whose resource list is produced
// from Go once, at synth: no AddResources call per task.
type lazyState struct {
	sfn.CustomState
	statements []iampolicy.Statement
}

func (s *lazyState) WhenBoundToGraph(graph sfn.StateGraph) {
	graph.RegisterState(s)
	lazyFor(graph).add(s.statements)
}

type lazyGraph struct {
	graph  sfn.StateGraph
	groups map[string]*lazyGroup
}

type lazyGroup struct {
	resources []string
	seen      map[string]bool
}

// Produce implements awscdk.IStableListProducer.
func (g *lazyGroup) Produce() *[]*string { return jsii.Strings(g.resources...) }

var lazyGraphs sync.Map

func lazyFor(graph sfn.StateGraph) *lazyGraph {
	g, _ := lazyGraphs.LoadOrStore(graph, &lazyGraph{graph: graph, groups: map[string]*lazyGroup{}})
	return g.(*lazyGraph)
}

func (g *lazyGraph) add(stmts []iampolicy.Statement) {
	for _, s := range stmts {
		key := s.GroupKey()
		grp := g.groups[key]
		if grp == nil {
			grp = &lazyGroup{seen: map[string]bool{}}
			g.groups[key] = grp
			g.graph.RegisterPolicyStatement(policyStatement(s, awscdk.Lazy_List(grp, nil)))
		}
		for _, r := range s.Resources {
			if !grp.seen[r] {
				grp.seen[r] = true
				grp.resources = append(grp.resources, r)
			}
		}
	}
}

// wholeChain renders every state in Go and hands the CDK one definition
// string and the merged statements.
func wholeChain(stack awscdk.Stack, n int) {
	states := make(map[string]any, n)
	var stmts []iampolicy.Statement
	for i := 0; i < n; i++ {
		name := FunctionName(i)
		fn := awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(name))
		r := render(stack, *fn.FunctionArn(), true)
		if i+1 < n {
			r.JSON["Next"] = *id(i + 1)
		} else {
			r.JSON["End"] = true
		}
		states[*id(i)] = r.JSON
		stmts = append(stmts, r.Statements...)
	}
	def, err := json.Marshal(map[string]any{"StartAt": *id(0), "States": states})
	if err != nil {
		panic(err)
	}
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromString(jsii.String(string(def)))})
	pending = stmts
	grantAtEnd(sm)
}

var tokenRE = regexp.MustCompile(`\$\{Token\[[^\]]+\]\}`)

// wholeChainSubstituted is wholeChain, but the definition string holds no
// CDK token: each distinct token becomes ${T<n>} and goes to
// DefinitionSubstitutions, which CloudFormation fills in. The CDK then has
// one plain string to copy instead of one with thousands of tokens to split.
func wholeChainSubstituted(stack awscdk.Stack, n int) {
	states := make(map[string]any, n)
	var stmts []iampolicy.Statement
	for i := 0; i < n; i++ {
		fn := awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(FunctionName(i)))
		r := render(stack, *fn.FunctionArn(), true)
		if i+1 < n {
			r.JSON["Next"] = *id(i + 1)
		} else {
			r.JSON["End"] = true
		}
		states[*id(i)] = r.JSON
		stmts = append(stmts, r.Statements...)
	}
	def, err := json.Marshal(map[string]any{"StartAt": *id(0), "States": states})
	if err != nil {
		panic(err)
	}
	subs := map[string]*string{}
	keys := map[string]string{}
	plain := tokenRE.ReplaceAllStringFunc(string(def), func(tok string) string {
		k, ok := keys[tok]
		if !ok {
			k = "T" + strconv.Itoa(len(keys))
			keys[tok] = k
			subs[k] = jsii.String(tok)
		}
		return "${" + k + "}"
	})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromString(jsii.String(plain)), DefinitionSubstitutions: &subs})
	pending = stmts
	grantAtEnd(sm)
}

// floor is what any design pays: Node, aws-cdk-lib, N imported functions
// and their ARNs, one state machine, synth. Its definition has N Pass
// states rendered in Go so that the state count check holds.
func floor(stack awscdk.Stack, n int) {
	states := make(map[string]any, n)
	for i := 0; i < n; i++ {
		fn := awslambda.Function_FromFunctionName(stack, jsii.String(fmt.Sprintf("Fn%d", i)), jsii.String(FunctionName(i)))
		st := map[string]any{"Type": "Pass", "Result": *fn.FunctionArn()}
		if i+1 < n {
			st["Next"] = *id(i + 1)
		} else {
			st["End"] = true
		}
		states[*id(i)] = st
	}
	def, _ := json.Marshal(map[string]any{"StartAt": *id(0), "States": states})
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromString(jsii.String(string(def)))})
}
