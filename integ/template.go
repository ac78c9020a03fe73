package integ

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/sfnkit/sfnkit/integ/cfn"
)

// StateMachineInfo describes one AWS::StepFunctions::StateMachine of a template.
type StateMachineInfo = cfn.StateMachineInfo

// Template synthesizes the stack and returns its CloudFormation template as
// plain JSON values. A synthesis error fails the test.
func Template(t testing.TB, stack awscdk.Stack) map[string]any {
	t.Helper()
	tpl, err := synth(stack)
	if err != nil {
		t.Fatalf("integ: synthesizing %s: %v", stackName(stack), err)
	}
	return tpl
}

// synth turns assertions' panics into errors.
func synth(stack awscdk.Stack) (tpl map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	raw := assertions.Template_FromStack(stack, nil).ToJSON()
	if raw == nil {
		return nil, fmt.Errorf("empty template")
	}
	// Round-trip through JSON so every value has a plain encoding/json type.
	b, err := json.Marshal(*raw)
	if err != nil {
		return nil, err
	}
	err = json.Unmarshal(b, &tpl)
	return tpl, err
}

func stackName(stack awscdk.Stack) (name string) {
	defer func() {
		if recover() != nil {
			name = "the stack"
		}
	}()
	return "stack " + *stack.Node().Path()
}

// StateMachines lists the state machines of a synthesized template, sorted by logical ID.
func StateMachines(template map[string]any) []StateMachineInfo {
	return cfn.StateMachines(template)
}

// ResolveDefinition returns the parsed definition of the state machine with
// the given logical ID. CloudFormation intrinsics in DefinitionString (Ref,
// Fn::GetAtt, Fn::Join, Fn::Sub, …) and DefinitionSubstitutions are replaced
// by placeholders: AWS::Partition "aws", AWS::Region "us-east-1",
// AWS::AccountId "123456789012", and for resources a value shaped by their
// type, e.g. Fn::GetAtt of a Lambda function's Arn gives
// "arn:aws:lambda:us-east-1:123456789012:function:<LogicalId>".
func ResolveDefinition(template map[string]any, logicalID string) (map[string]any, error) {
	return cfn.ResolveDefinition(template, logicalID)
}
