package integ_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/integ"
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
