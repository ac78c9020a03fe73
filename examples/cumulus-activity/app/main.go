// Command app is the CDK app of the cumulus-activity example: it synthesizes
// the cumulusactivity stack. cdk.json runs it, so `cdk synth` in
// examples/cumulus-activity works.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	cumulusactivity "github.com/sfnkit/sfnkit/examples/cumulus-activity"
)

func main() {
	defer jsii.Close()
	app := awscdk.NewApp(nil)
	cumulusactivity.NewCumulusActivity(app, "SfnkitCumulusActivity", nil)
	app.Synth(nil)
}
