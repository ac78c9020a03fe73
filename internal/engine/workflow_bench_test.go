package engine

import (
	"strconv"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// BenchmarkWorkflow1000 is the Go side of fragments.NewStateMachine for a
// chain of 1000 LambdaInvoke tasks held in Go: render each task, render
// the workflow (links, retries), merge the statements, serialize and move
// the tokens into substitutions. No CDK, no Node.
func BenchmarkWorkflow1000(b *testing.B) {
	const n = 1000
	env := iampolicy.Env{Partition: "${Token[AWS.Partition.8]}", Region: "${Token[AWS.Region.12]}", Account: "${Token[AWS.AccountId.4]}"}
	invoke, _ := iampolicy.Lookup("lambda", "invoke")
	retry := []*sfn.RetryProps{{Errors: jsii.Strings("Lambda.ServiceException"), MaxAttempts: jsii.Number(6), BackoffRate: jsii.Number(2)}}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var first, prev *lazyTask
		for i := 0; i < n; i++ {
			spec := &Spec{Construct: "LambdaInvoke", Integration: invoke, Params: value.NewObject(map[string]*value.Value{
				"FunctionName": value.Lit(env.ARN("lambda", "function:bench-fn-"+strconv.Itoa(i))), "Payload": value.Dyn("$")})}
			r, problems := Render(spec, &Common{}, env)
			if len(problems) > 0 {
				b.Fatal(problems)
			}
			t := &lazyTask{id: "Task" + strconv.Itoa(i), r: r, links: links{retries: retry}}
			if prev == nil {
				first = t
			} else {
				prev.next = t
			}
			prev = t
		}
		w, ok, err := RenderWorkflow(first, func(awscdk.Duration) float64 { return 2 })
		if !ok || err != nil {
			b.Fatal(ok, err)
		}
		text, _ := substituteTokens(w.Text(nil), nil)
		size = len(text)
	}
	b.ReportMetric(float64(size), "def_bytes")
	b.ReportMetric(float64(b.N)*n/b.Elapsed().Seconds(), "states/s")
}
