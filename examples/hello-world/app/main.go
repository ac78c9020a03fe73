// Command app is the CDK app of the hello-world example: it synthesizes the
// helloworld stack. cdk.json runs it, so `cdk synth` in examples/hello-world
// works.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	helloworld "github.com/sfnkit/sfnkit/examples/hello-world"
)

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	helloworld.NewHelloWorld(app, "SfnkitHelloWorld", nil)
	app.Synth(nil)
}
