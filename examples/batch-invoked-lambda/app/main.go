// Command app is the CDK app of the batch-invoked-lambda example: it
// synthesizes the batchinvokedlambda stack. cdk.json runs it, so `cdk synth`
// in examples/batch-invoked-lambda works.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	batchinvokedlambda "github.com/sfnkit/sfnkit/examples/batch-invoked-lambda"
)

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	batchinvokedlambda.NewBatchInvoked(app, "SfnkitBatchInvokedLambda", nil)
	app.Synth(nil)
}
