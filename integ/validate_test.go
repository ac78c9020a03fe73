package integ_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/integ/cfn"
)

func TestValidateAcceptsAValidStack(t *testing.T) {
	stack, _ := lambdaStack(t)
	expectPass(t, func(tb testing.TB) { integ.Validate(tb, stack) })
}

func TestValidateReportsBrokenDefinitions(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, stack awscdk.Stack) sfn.IChainable
		wants []string
	}{
		{
			name: "Next to a missing state",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				return sfn.NewCustomState(stack, jsii.String("Jump"), &sfn.CustomStateProps{
					StateJson: stateJSON(t, `{"Type":"Pass","Next":"Nope"}`),
				})
			},
			wants: []string{"MISSING_TRANSITION_TARGET", "Nope"},
		},
		{
			name: "ResultPath typo",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				return sfn.NewPass(stack, jsii.String("Typo"), &sfn.PassProps{ResultPath: jsii.String("$.a..b")})
			},
			wants: []string{"/States/Typo/ResultPath", "asl_result_path"},
		},
		{
			name: "misspelled intrinsic",
			build: func(t *testing.T, stack awscdk.Stack) sfn.IChainable {
				return sfn.NewCustomState(stack, jsii.String("Fmt"), &sfn.CustomStateProps{
					StateJson: stateJSON(t, `{"Type":"Pass","Parameters":{"s.$":"States.Formatt('{}', $.a)"},"End":true}`),
				})
			},
			wants: []string{"/States/Fmt/Parameters"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stack := newStack(t)
			machine(stack, "Broken", tc.build(t, stack))
			wants := append([]string{"state machine Broken", "asl-validator says"}, tc.wants...)
			expectFailure(t, func(tb testing.TB) { integ.Validate(tb, stack) }, wants...)
		})
	}
}

func TestValidateNamesTheStateMachine(t *testing.T) {
	stack := newStack(t)
	sfn.NewStateMachine(stack, jsii.String("Named"), &sfn.StateMachineProps{
		StateMachineName: jsii.String("orders-flow"),
		DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewCustomState(stack, jsii.String("Jump"), &sfn.CustomStateProps{
			StateJson: stateJSON(t, `{"Type":"Pass","Next":"Nope"}`),
		})),
	})
	expectFailure(t, func(tb testing.TB) { integ.Validate(tb, stack) }, `(name "orders-flow")`, "Nope")
}

func TestValidateFailsWithoutStateMachines(t *testing.T) {
	stack := newStack(t)
	inlineFunction(stack, "Fn")
	expectFailure(t, func(tb testing.TB) { integ.Validate(tb, stack) }, "no AWS::StepFunctions::StateMachine")
}

func TestValidateFindsNodeModules(t *testing.T) {
	stack, _ := lambdaStack(t)
	t.Run("env points nowhere", func(t *testing.T) {
		t.Setenv(integ.NodeModulesEnv, t.TempDir())
		expectFailure(t, func(tb testing.TB) { integ.Validate(tb, stack) }, "make test", integ.NodeModulesEnv, "lacks")
	})
	// Without the variable and with no node_modules above the working
	// directory, integ finds the tools from sfnkit's own module (or installs
	// them into the user cache): an app outside this repository just works.
	t.Run("none above the working directory", func(t *testing.T) {
		t.Setenv(integ.NodeModulesEnv, "")
		t.Chdir(t.TempDir())
		expectPass(t, func(tb testing.TB) { integ.Validate(tb, stack) })
	})
}

// A hand-written template: Flow is valid once its intrinsics are resolved;
// Broken has a Next to a missing state.
func TestValidateTemplateHandWritten(t *testing.T) {
	tpl, err := cfn.Load("testdata/handwritten.template.json")
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	expectPass(t, func(tb testing.TB) { problems = integ.ValidateTemplate(tb, tpl) })
	if len(problems) != 1 || !strings.Contains(problems[0], "state machine Broken has an invalid definition") ||
		!strings.Contains(problems[0], "MISSING_TRANSITION_TARGET: Missing 'StartAt'|'Next'|'Default' target: Nope") {
		t.Errorf("problems = %q", problems)
	}
}

func TestValidateReportsUnassignedVariables(t *testing.T) {
	stack := newStack(t)
	sum := sfn.NewCustomState(stack, jsii.String("Sum"), &sfn.CustomStateProps{
		StateJson: stateJSON(t, `{"Type":"Pass","Parameters":{"total.$":"$total"}}`),
	})
	init := sfn.NewPass(stack, jsii.String("Init"), &sfn.PassProps{Assign: &map[string]any{"total": 1}})
	machine(stack, "Flow", sum.Next(init))
	expectFailure(t, func(tb testing.TB) { integ.Validate(tb, stack) },
		"integ: state machine Flow", `: state "Sum" reads $total in Parameters.total.$, but no state that can run before it assigns total`)
}

func TestValidateAcceptsAssignedVariables(t *testing.T) {
	stack := newStack(t)
	init := sfn.NewPass(stack, jsii.String("Init"), &sfn.PassProps{Assign: &map[string]any{"total": 1}})
	sum := sfn.NewCustomState(stack, jsii.String("Sum"), &sfn.CustomStateProps{
		StateJson: stateJSON(t, `{"Type":"Pass","Parameters":{"total.$":"States.Format('{}', $total)"}}`),
	})
	machine(stack, "Flow", init.Next(sum))
	expectPass(t, func(tb testing.TB) { integ.Validate(tb, stack) })
}
