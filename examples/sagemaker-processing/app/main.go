// Command app is the CDK app of the sagemaker-processing example: it
// synthesizes the sagemakerprocessing stack. cdk.json runs it, so
// `cdk synth` in examples/sagemaker-processing works.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	sagemakerprocessing "github.com/sfnkit/sfnkit/examples/sagemaker-processing"
)

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	sagemakerprocessing.NewProcessing(app, "SfnkitSageMakerProcessing", nil)
	app.Synth(nil)
}
