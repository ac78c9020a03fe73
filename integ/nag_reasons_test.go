package integ_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// sfnkit's own unavoidable wildcards (batch:DescribeJobs on "*",
// batch:TerminateJob on job/*) carry their reason; a wildcard the user adds
// to the same role is still reported, and only it.
func TestNagReportsOnlyTheUsersWildcard(t *testing.T) {
	build := func(userWildcard bool) *sfn.StateMachine {
		stack := newStack(t)
		job := tasks.NewBatchSubmitJob(stack, jsii.String("Job"), &tasks.BatchSubmitJobProps{
			JobName: jsii.String("nightly"), JobDefinitionArn: jsii.String("report:3"), JobQueueArn: jsii.String("main"),
		})
		sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(job)})
		if userWildcard {
			sm.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions: jsii.Strings("s3:GetObject"), Resources: jsii.Strings("arn:aws:s3:::reports/*"),
			}))
		}
		return &sm
	}
	sm := build(false)
	expectPass(t, func(tb testing.TB) { integ.Nag(tb, (*sm).Stack()) })

	sm = build(true)
	msg := expectFailure(t, func(tb testing.TB) { integ.Nag(tb, (*sm).Stack()) },
		"Resource::arn:aws:s3:::reports/*", "1 unsuppressed")
	if strings.Contains(msg, "job/*") || strings.Contains(msg, "Resource::*") {
		t.Fatalf("sfnkit's reasoned wildcards were reported:\n%s", msg)
	}
}

// A .sync StartExecution of a machine in the same stack: the execution ARN
// is built from the machine's ARN with Fn::Select/Fn::Split, and the
// suppression must spell it as cdk-nag does.
func TestNagAcceptsStartExecutionSync(t *testing.T) {
	stack := newStack(t)
	child := sfn.NewStateMachine(stack, jsii.String("Child"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(stack, jsii.String("Pass"), nil))})
	task := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Start"), &tasks.StepFunctionsStartExecutionProps{
		StateMachine: child, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	sfn.NewStateMachine(stack, jsii.String("Parent"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(task)})
	expectPass(t, func(tb testing.TB) { integ.Nag(tb, stack) })
}

// A machine rendered in Go (fragments.NewStateMachine) gets the reasons on
// its own policies only: on the role it was given, wherever that role is, and
// on the managed policies the CDK splits a large policy into, while a
// wildcard with the same reason in a policy of the user's elsewhere in the
// stack is still reported.
func TestNagReasonsForAWorkflowMachine(t *testing.T) {
	stack := newStack(t)
	flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
	// Enough .sync executions for the CDK to move their reasoned wildcards
	// (execution:<machine>:*) into a managed policy when it splits the role's.
	var first, chain sfn.IChainable
	for i := range 200 {
		child := sfn.StateMachine_FromStateMachineName(stack, jsii.String(fmt.Sprintf("Child%d", i)), jsii.String(fmt.Sprintf("a-child-machine-with-a-long-name-%d", i)))
		start := tasks.NewStepFunctionsStartExecution(flow, jsii.String(fmt.Sprintf("Start%d", i)), &tasks.StepFunctionsStartExecutionProps{
			StateMachine: child, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		if first == nil {
			first, chain = start, start
			continue
		}
		chain = chain.(sfn.INextable).Next(start)
	}
	role := awsiam.NewRole(stack, jsii.String("GivenRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil)})
	fragments.NewStateMachine(stack, jsii.String("Machine"), first, &sfn.StateMachineProps{Role: role})

	inManaged := false
	for _, p := range cdktest.Resources(cdktest.Template(t, stack), "AWS::IAM::ManagedPolicy") {
		doc, _ := json.Marshal(p)
		inManaged = inManaged || strings.Contains(string(doc), ":execution:")
	}
	if !inManaged {
		t.Fatal("no reasoned wildcard in a managed policy: the test no longer covers them")
	}
	expectPass(t, func(tb testing.TB) { integ.Nag(tb, stack) })

	other := awsiam.NewRole(stack, jsii.String("OtherRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil)})
	other.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("batch:DescribeJobs"), Resources: jsii.Strings("*")}))
	expectFailure(t, func(tb testing.TB) { integ.Nag(tb, stack) }, "OtherRole", "Resource::*", "1 unsuppressed")
}
