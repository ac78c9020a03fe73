package states_test

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
)

// printDefinition prints the states of the one state machine in stack, as
// JSON with CloudFormation expressions written as text.
func printDefinition(stack awscdk.Stack, start sfn.IChainable) {
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(start)})
	cfn := sm.Node().DefaultChild().(sfn.CfnStateMachine)
	var def struct{ States map[string]any }
	_ = json.Unmarshal([]byte(cdktest.Flatten(stack.Resolve(cfn.DefinitionString()))), &def)
	names := make([]string, 0, len(def.States))
	for name := range def.States {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		out, _ := json.Marshal(def.States[name])
		fmt.Printf("%s: %s\n", name, out)
	}
}

// Defaults merged under the input: the input's own values win.
func ExampleNewMergeDefaults() {
	stack := cdktest.NewStack()
	merge := states.NewMergeDefaults(stack, jsii.String("Defaults"), &states.MergeDefaultsProps{
		Defaults: &map[string]interface{}{"retries": 3, "region": "eu-west-1"},
	})
	printDefinition(stack, merge)
	// Output:
	// Defaults MergeDefaults: {"Next":"Defaults MergeDefaults Post","Parameters":{"Merged.$":"States.JsonMerge($.Defaults, $.Target, false)"},"Type":"Pass"}
	// Defaults MergeDefaults Post: {"End":true,"InputPath":"$.Merged","Type":"Pass"}
	// Defaults MergeDefaults Prep: {"Next":"Defaults MergeDefaults","Parameters":{"Defaults":{"region":"eu-west-1","retries":3},"Target.$":"$"},"Type":"Pass"}
}

// An S3 object read into the state: the bucket and key may come from the
// input; s3:GetObject is granted on that object only.
func ExampleNewGetObject() {
	stack := cdktest.NewStack()
	get := states.NewGetObject(stack, jsii.String("Read config"), &states.GetObjectProps{
		Bucket: jsii.String("configs"), Key: jsii.String("app/settings.json"), ResultPath: jsii.String("$.config"),
	})
	printDefinition(stack, get)
	for _, s := range get.PolicyStatements() {
		for _, r := range s.Resources {
			fmt.Println("Allow", s.Actions, "on", cdktest.Flatten(stack.Resolve(jsii.String(r))))
		}
	}
	// Output:
	// Read config GetObject: {"End":true,"Parameters":{"Bucket":"configs","Key":"app/settings.json"},"Resource":"arn:${AWS::Partition}:states:::aws-sdk:s3:getObject","ResultPath":"$.config","ResultSelector":{"Body.$":"$.Body"},"Retry":[{"BackoffRate":2,"ErrorEquals":["S3.S3Exception"],"IntervalSeconds":3,"JitterStrategy":"FULL","MaxAttempts":5}],"Type":"Task"}
	// Allow [s3:GetObject] on arn:${AWS::Partition}:s3:::configs/app/settings.json
}
