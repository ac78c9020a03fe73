// Package cumulusactivity is the seed "Run Step Function Tasks in AWS
// Lambda or Docker" (NASA Cumulus) in Go with sfnkit: the QueueGranules
// step of the Discover Granules workflow, with the seed's Cumulus Message
// Adapter parameters, Retry and Catch, once invoking its Lambda function
// and once as a Step Functions activity for a cumulus-ecs-task worker on
// ECS. One prop, Runtime, switches between them, and the two definitions
// differ only in the step's Resource.
//
// The CDK app is ./app (cdk.json runs it for `cdk synth`); the tests are in
// examples/, one test package for all the examples.
package cumulusactivity

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
)

// IngestGranuleWorkflow is the workflow QueueGranules starts for each
// granule (the seed's ${ingest_granule_workflow_name}).
const IngestGranuleWorkflow = "IngestGranule"

// CumulusActivity is the stack: the QueueGranules function and the
// workflow on each runtime.
type CumulusActivity struct {
	Stack      awscdk.Stack
	Function   awslambda.IFunction
	OnLambda   *QueueGranulesWorkflow
	OnActivity *QueueGranulesWorkflow
}

// NewCumulusActivity builds the stack.
func NewCumulusActivity(scope awscdk.App, id string, props *awscdk.StackProps) *CumulusActivity {
	stack := awscdk.NewStack(scope, jsii.String(id), props)
	// Stands in for Cumulus's queue-granules task: it returns the Cumulus
	// message with the started executions as its payload.
	fn := awslambda.NewFunction(stack, jsii.String("QueueGranulesTask"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_22_X(),
		Handler: jsii.String("index.handler"),
		Code: awslambda.Code_FromInline(jsii.String(
			`exports.handler = async (e) => ({ ...e.cma.event, payload: { running: [] } });`)),
	})
	workflow := func(id string, runtime Runtime) *QueueGranulesWorkflow {
		return NewQueueGranulesWorkflow(stack, jsii.String(id), &QueueGranulesWorkflowProps{
			QueueGranulesFunction:     fn,
			IngestGranuleWorkflowName: jsii.String(IngestGranuleWorkflow),
			Runtime:                   runtime,
		})
	}
	return &CumulusActivity{
		Stack:      stack,
		Function:   fn,
		OnLambda:   workflow("OnLambda", Runtime_LAMBDA),
		OnActivity: workflow("OnActivity", Runtime_ACTIVITY),
	}
}
