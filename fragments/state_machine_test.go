package fragments_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

// What CloudWatch Logs and X-Ray need: AWS documents no resource-level
// permissions for these actions, so "*" is the only resource.
var (
	logDeliveryStatement = stmt([]string{"logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
		"logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
		"logs:DescribeLogGroups"}, "*")
	xrayStatement = stmt([]string{"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
		"xray:GetSamplingTargets"}, "*")
)

func TestToStateMachineIAM(t *testing.T) {
	tests := []struct {
		name    string
		options *fragments.StateMachineOptions
		extra   []map[string]any // beyond the fragment's own statement
	}{
		{"logging off: exactly the fragment's statements", &fragments.StateMachineOptions{LogLevel: sfn.LogLevel_OFF}, nil},
		{"default logging", nil, []map[string]any{logDeliveryStatement}},
		{"logging and tracing", &fragments.StateMachineOptions{TracingEnabled: jsii.Bool(true)}, []map[string]any{logDeliveryStatement, xrayStatement}},
		{"tracing only", &fragments.StateMachineOptions{LogLevel: sfn.LogLevel_OFF, TracingEnabled: jsii.Bool(true)}, []map[string]any{xrayStatement}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := newStack()
			fn := function(stack, "Fn")
			invokeFragment(stack, "Work", fn).ToStateMachine(jsii.String("work"), tt.options)
			tpl := cdktest.Template(t, stack)
			want := append([]map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN(stack, fn))}, tt.extra...)
			assert.ElementsMatch(t, want, cdktest.RoleStatements(t, tpl))
			assertNoManagedPolicies(t, tpl)
		})
	}
}

// assertNoManagedPolicies: no role has managed policies, and no AWS
// managed policy ARN appears anywhere (the reference attached
// AWSStepFunctionsFullAccess, CloudWatchLogsFullAccess and
// CloudWatchEventsFullAccess).
func assertNoManagedPolicies(t *testing.T, tpl map[string]any) {
	t.Helper()
	for id, role := range cdktest.Resources(tpl, "AWS::IAM::Role") {
		assert.NotContains(t, role["Properties"], "ManagedPolicyArns", id)
	}
	raw, _ := json.Marshal(tpl)
	assert.NotContains(t, string(raw), ":iam::aws:policy/")
	assert.NotContains(t, string(raw), "FullAccess")
}

func TestToStateMachineGivenRole(t *testing.T) {
	stack := newStack()
	fn := function(stack, "Fn")
	role := awsiam.NewRole(stack, jsii.String("Given"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil)})
	sm := invokeFragment(stack, "Work", fn).ToStateMachine(jsii.String("work"), &fragments.StateMachineOptions{Role: role, LogLevel: sfn.LogLevel_OFF})
	tpl := cdktest.Template(t, stack)
	assert.Len(t, cdktest.Resources(tpl, "AWS::IAM::Role"), 1, "no role besides the given one")
	assert.Equal(t, role, sm.Role())
	policies := cdktest.Resources(tpl, "AWS::IAM::Policy")
	require.Len(t, policies, 1)
	for _, p := range policies {
		roles := p["Properties"].(map[string]any)["Roles"].([]any)
		assert.Equal(t, []any{map[string]any{"Ref": *stack.GetLogicalId(role.Node().DefaultChild().(awscdk.CfnElement))}}, roles)
	}
	assert.Equal(t, []map[string]any{stmt([]string{"lambda:InvokeFunction"}, fnARN(stack, fn))}, cdktest.RoleStatements(t, tpl))
	assertNoManagedPolicies(t, tpl)
}

func TestToStateMachineSettings(t *testing.T) {
	stack := newStack()
	fn := function(stack, "Fn")
	sm := invokeFragment(stack, "Work", fn).ToStateMachine(jsii.String("work-flow"), &fragments.StateMachineOptions{
		StateMachineType: sfn.StateMachineType_EXPRESS, Timeout: awscdk.Duration_Minutes(jsii.Number(5)),
		TracingEnabled: jsii.Bool(true), Comment: jsii.String("the work"),
		LogLevel: sfn.LogLevel_ALL, LogIncludeExecutionData: jsii.Bool(true),
		LogRetention: awslogs.RetentionDays_ONE_WEEK, LogRemovalPolicy: awscdk.RemovalPolicy_RETAIN,
	})
	tpl := cdktest.Template(t, stack)
	cdktest.Golden(t, "state_machine", cdktest.Snapshot(tpl))

	groups := cdktest.Resources(tpl, "AWS::Logs::LogGroup")
	require.Len(t, groups, 1)
	for _, g := range groups {
		assert.Equal(t, map[string]any{"LogGroupName": "/aws/vendedlogs/states/work-flow", "RetentionInDays": 7.0}, g["Properties"])
		assert.Equal(t, "Retain", g["DeletionPolicy"])
	}
	props := cdktest.Resources(tpl, "AWS::StepFunctions::StateMachine")[*stack.GetLogicalId(sm.Node().DefaultChild().(awscdk.CfnElement))]["Properties"].(map[string]any)
	assert.Equal(t, "work-flow", props["StateMachineName"])
	assert.Equal(t, "EXPRESS", props["StateMachineType"])
	assert.Equal(t, map[string]any{"Enabled": true}, props["TracingConfiguration"])
	logging := props["LoggingConfiguration"].(map[string]any)
	assert.Equal(t, "ALL", logging["Level"])
	assert.Equal(t, true, logging["IncludeExecutionData"])
	def := cdktest.Definition(t, tpl)
	assert.Equal(t, 300.0, def["TimeoutSeconds"])
	assert.Equal(t, "the work", def["Comment"])
}

func TestToStateMachineLogDefaults(t *testing.T) {
	stack := newStack()
	invokeFragment(stack, "Work", function(stack, "Fn")).ToStateMachine(jsii.String("work"), nil)
	tpl := cdktest.Template(t, stack)
	for _, g := range cdktest.Resources(tpl, "AWS::Logs::LogGroup") {
		assert.Equal(t, map[string]any{"LogGroupName": "/aws/vendedlogs/states/work", "RetentionInDays": 30.0}, g["Properties"])
		assert.Equal(t, "Delete", g["DeletionPolicy"])
	}
	for _, m := range cdktest.Resources(tpl, "AWS::StepFunctions::StateMachine") {
		props := m["Properties"].(map[string]any)
		assert.Equal(t, "ERROR", props["LoggingConfiguration"].(map[string]any)["Level"])
		assert.Nil(t, props["StateMachineType"], "STANDARD is the default")
		assert.Nil(t, props["TracingConfiguration"])
	}
}

// cdk-nag finds no unjustified wildcard: the only ones are the log-delivery
// and X-Ray actions, which have no resource-level permissions; they are
// suppressed here, by the user, with the reason.
func TestToStateMachineNag(t *testing.T) {
	stack := newStack()
	sm := invokeFragment(stack, "Work", function(stack, "Fn")).ToStateMachine(jsii.String("work"),
		&fragments.StateMachineOptions{TracingEnabled: jsii.Bool(true)})
	cdknag.NagSuppressions_AddResourceSuppressions(sm.Role(), &[]*cdknag.NagPackSuppression{{
		Id:        jsii.String("AwsSolutions-IAM5"),
		Reason:    jsii.String("CloudWatch Logs log delivery and X-Ray actions support only Resource \"*\" (no resource-level permissions)"),
		AppliesTo: &[]interface{}{"Resource::*"},
	}}, jsii.Bool(true))
	integ.Nag(t, stack)
	integ.Validate(t, stack)
}

func TestToStateMachineRuns(t *testing.T) {
	stack := newStack()
	sm := invokeFragment(stack, "Work", function(stack, "Fn")).ToStateMachine(jsii.String("work"), nil)
	res := integ.Run(t, stack, sm, map[string]any{"n": 1}, integ.Mocks{
		"Work Invoke": integ.Func(func(input any) (any, error) {
			return integ.LambdaResponse(input.(map[string]any)["Payload"]), nil
		}),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"n": 1.0}, res.Output)
}

func TestToStateMachineErrors(t *testing.T) {
	stack := newStack()
	frag := invokeFragment(stack, "Work", function(stack, "Fn"))
	assert.Contains(t, validationError(t, func() { frag.ToStateMachine(nil, nil) }), "name: required")
	assert.Contains(t, validationError(t, func() { frag.ToStateMachine(jsii.String("has space"), nil) }), `name: "has space" is not a state machine name`)
	frag.ToStateMachine(jsii.String("ok"), nil)
	assert.Contains(t, validationError(t, func() { frag.ToStateMachine(jsii.String("ok"), nil) }), "already state machine")
	assert.Contains(t, validationError(t, func() { frag.Enclose(nil, nil, nil) }), "already in ToStateMachine")
}
