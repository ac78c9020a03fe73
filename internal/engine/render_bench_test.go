package engine_test

import (
	"strconv"
	"testing"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// The pure-Go part of a task: engine.Render of a Spec like LambdaInvoke's,
// and the merging of the IAM statements across a chain. No CDK, no Node.
// Run: go test ./internal/engine -run '^$' -bench . -benchmem
// The target is ≥ 100,000 states/s (reported, not asserted).

// benchEnv looks like a CDK stack's env: tokens, not literals.
var benchEnv = iampolicy.Env{Partition: "${Token[AWS.Partition.8]}", Region: "${Token[AWS.Region.12]}", Account: "${Token[AWS.AccountId.4]}"}

var lambdaInvokeIntegration, _ = iampolicy.Lookup("lambda", "invoke")

func functionARNs(n int) []string {
	arns := make([]string, n)
	for i := range arns {
		arns[i] = benchEnv.ARN("lambda", "function:bench-fn-"+strconv.Itoa(i))
	}
	return arns
}

// renderLambda builds the Spec tasks.NewLambdaInvoke builds (default
// payload "$") and renders it.
func renderLambda(b *testing.B, arn string) *engine.Rendered {
	spec := &engine.Spec{Construct: "LambdaInvoke", Integration: lambdaInvokeIntegration, ParamsField: "Parameters",
		Params: value.NewObject(map[string]*value.Value{"FunctionName": value.Lit(arn), "Payload": value.Dyn("$")})}
	r, problems := engine.Render(spec, &engine.Common{}, benchEnv)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	return r
}

func reportStates(b *testing.B, perOp int) {
	b.ReportMetric(float64(b.N)*float64(perOp)/b.Elapsed().Seconds(), "states/s")
}

func BenchmarkRenderLambdaInvoke(b *testing.B) {
	arn := functionARNs(1)[0]
	b.ReportAllocs()
	for b.Loop() {
		renderLambda(b, arn)
	}
	reportStates(b, 1)
}

// BenchmarkRenderChain1000 renders 1000 tasks on distinct functions and
// merges their statements into the role policy (one statement, 1000
// resources), as the engine does for one state graph.
func BenchmarkRenderChain1000(b *testing.B) {
	const n = 1000
	arns := functionARNs(n)
	b.ReportAllocs()
	var merged []iampolicy.Statement
	for b.Loop() {
		stmts := make([]iampolicy.Statement, 0, n)
		for _, arn := range arns {
			stmts = append(stmts, renderLambda(b, arn).Statements...)
		}
		merged = iampolicy.Merge(stmts...)
	}
	if len(merged) != 1 || len(merged[0].Resources) != n {
		b.Fatalf("merged into %d statements, want 1 with %d resources", len(merged), n)
	}
	reportStates(b, n)
}

// BenchmarkMerge1000 is iampolicy.Merge alone over 1000 one-resource
// statements of the same group.
func BenchmarkMerge1000(b *testing.B) {
	stmts := chainStatements(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		iampolicy.Merge(stmts...)
	}
	reportStates(b, len(stmts))
}

func chainStatements(b *testing.B, n int) []iampolicy.Statement {
	var stmts []iampolicy.Statement
	for _, arn := range functionARNs(n) {
		stmts = append(stmts, renderLambda(b, arn).Statements...)
	}
	return stmts
}
