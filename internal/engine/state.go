package engine

import (
	"strings"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// Task is what every sfnkit task constructor returns: a CDK state that
// chains like any other, knows its own IAM statements and has the CDK
// TaskStateBase's metric methods.
type Task interface {
	sfn.CustomState
	Metered
	// PolicyStatements are the statements this task puts on the role of the
	// state machine that contains it.
	PolicyStatements() []iampolicy.Statement
}

// New renders a task and creates its CDK state. Invalid props panic with a
// *ValidationError listing every problem, as CDK constructs throw.
func New(scope constructs.Construct, id *string, spec *Spec, common *Common, commonProblems []error) Task {
	return NewState(scope, id, Prepare(scope, id, spec, common, commonProblems))
}

// NewState creates the state for already-rendered JSON and statements.
// Fragments use it for states they render themselves. In a Scope the state
// is held in Go until the CDK needs it.
func NewState(scope constructs.Construct, id *string, r *Rendered) Task {
	if s, ok := scope.(*Scope); ok {
		return newLazyTask(s, *id, r)
	}
	return newCDKState(scope, id, r)
}

func newCDKState(scope constructs.Construct, id *string, r *Rendered) Task {
	s := &TaskState{}
	s.Create(scope, id, r, s)
	return s
}

// withJSONNulls replaces every nil in a state's JSON with the CDK's JsonNull:
// jsii turns a Go nil into JavaScript undefined, which JSON drops, so
// "ResultPath": null (DISCARD) and literal nulls in payloads would vanish.
// Maps and lists without a nil are returned as they are, not copied.
func withJSONNulls(x any) any {
	if !containsNil(x) {
		return x
	}
	switch v := x.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, item := range v {
			out[k] = withJSONNulls(item)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = withJSONNulls(item)
		}
		return out
	}
	return jsonNull()
}

func containsNil(x any) bool {
	switch v := x.(type) {
	case nil:
		return true
	case map[string]any:
		for _, item := range v {
			if containsNil(item) {
				return true
			}
		}
	case []any:
		for _, item := range v {
			if containsNil(item) {
				return true
			}
		}
	}
	return false
}

var jsonNull = sync.OnceValue(func() awscdk.JsonNull { return awscdk.JsonNull_INSTANCE() })

// EnvOf returns the partition, region and account of scope's stack, asking
// jsii once per stack (one call), and not at all for the stack of a scope
// already seen.
func EnvOf(scope constructs.Construct) iampolicy.Env {
	if e, ok := envCache.Load(scope); ok {
		return e.(iampolicy.Env)
	}
	stack, isStack := scope.(awscdk.Stack)
	if !isStack {
		stack = awscdk.Stack_Of(scope)
	}
	e, ok := envCache.Load(stack)
	if !ok {
		e = stackEnv(stack)
		envCache.Store(stack, e)
	}
	envCache.Store(scope, e)
	return e.(iampolicy.Env)
}

// stackEnv reads a stack's partition, region and account in one jsii call:
// the ARN the stack formats with them, whose parts are literals or token
// markers ("${Token[AWS.Region.7]}"), neither of which holds a colon.
func stackEnv(stack awscdk.Stack) iampolicy.Env {
	arn := *stack.FormatArn(&awscdk.ArnComponents{Service: jsii.String("sfnkit"), Resource: jsii.String("env")})
	if p := strings.Split(arn, ":"); len(p) == 6 && p[0] == "arn" && p[2] == "sfnkit" && p[5] == "env" {
		return iampolicy.Env{Partition: p[1], Region: p[3], Account: p[4]}
	}
	return iampolicy.Env{Partition: *stack.Partition(), Region: *stack.Region(), Account: *stack.Account()}
}

var envCache sync.Map

// graphStatements merges the statements registered on one state graph:
// each distinct (actions, conditions) pair becomes one PolicyStatement,
// created once and grown with AddResources, instead of one per task.
//
// (A Lazy resource list per group would save the AddResources call per
// task, but the CDK dedupes identical statements of a role — the same
// statement registered by several branches — before it estimates the
// policy's size, and Lazy statements never compare equal: large workflows
// with many branches then overflow into ManagedPolicies. Concrete
// statements keep the CDK's own result.)
type graphStatements struct {
	mu     sync.Mutex
	graph  sfn.StateGraph
	groups map[string]*statementGroup
}

type statementGroup struct {
	stmt      awsiam.PolicyStatement
	resources map[string]bool
}

var graphs sync.Map // sfn.StateGraph → *graphStatements

func statementsFor(graph sfn.StateGraph) *graphStatements {
	g, _ := graphs.LoadOrStore(graph, &graphStatements{graph: graph, groups: map[string]*statementGroup{}})
	return g.(*graphStatements)
}

func (g *graphStatements) add(stmts []iampolicy.Statement) {
	if len(stmts) == 0 {
		return
	}
	explainGraph(g.graph, stmts) // nag.go
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, s := range stmts {
		key := s.GroupKey()
		grp := g.groups[key]
		if grp == nil {
			g.groups[key] = g.register(s)
			continue
		}
		var fresh []string
		for _, r := range s.Resources {
			if !grp.resources[r] {
				grp.resources[r] = true
				fresh = append(fresh, r)
			}
		}
		if len(fresh) > 0 && !grp.grow(fresh) {
			g.groups[key] = g.register(s) // synthesized already: start afresh
		}
	}
}

func (g *graphStatements) register(s iampolicy.Statement) *statementGroup {
	stmt := policyStatement(s)
	g.graph.RegisterPolicyStatement(stmt)
	grp := &statementGroup{stmt: stmt, resources: make(map[string]bool, len(s.Resources))}
	for _, r := range s.Resources {
		grp.resources[r] = true
	}
	return grp
}

// grow adds resources to the group's statement; it fails once the CDK has
// frozen the statement by synthesizing it.
func (grp *statementGroup) grow(resources []string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	grp.stmt.AddResources(*jsii.Strings(resources...)...)
	return true
}
