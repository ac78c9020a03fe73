package cumulusactivity

import (
	"errors"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/tasks"
)

// Runtime is where the QueueGranules step runs.
type Runtime string

const (
	// Runtime_LAMBDA invokes the function: the function ARN is the Resource.
	Runtime_LAMBDA Runtime = "LAMBDA"
	// Runtime_ACTIVITY publishes an activity task that a cumulus-ecs-task
	// worker on ECS picks up and runs the function's code for: the activity
	// ARN is the Resource.
	Runtime_ACTIVITY Runtime = "ACTIVITY"
)

// QueueGranulesWorkflowProps configures QueueGranulesWorkflow.
type QueueGranulesWorkflowProps struct {
	// QueueGranulesFunction is the QueueGranules task. With Runtime_LAMBDA
	// the state machine invokes it; with Runtime_ACTIVITY the activity
	// worker runs its code (the worker's --lambdaArn in the seed) and the
	// state machine never calls it.
	QueueGranulesFunction awslambda.IFunction
	// IngestGranuleWorkflowName is the workflow started for each queued
	// granule (task_config.granuleIngestWorkflow).
	IngestGranuleWorkflowName *string
	// Runtime is where QueueGranules runs. Default: Runtime_LAMBDA.
	Runtime Runtime
}

// QueueGranulesWorkflow is the QueueGranules step of Cumulus's Discover
// Granules workflow in a state machine of its own: QueueGranules, caught
// into WorkflowFailed.
type QueueGranulesWorkflow struct {
	// Construct is the scope of the state machine, its states and the activity.
	Construct    constructs.Construct
	StateMachine sfn.StateMachine
	// Activity is the activity that QueueGranules publishes to; nil with Runtime_LAMBDA.
	Activity sfn.Activity
}

// Names of the states, as the seed has them.
const (
	QueueGranulesState  = "QueueGranules"
	WorkflowFailedState = "WorkflowFailed"
)

// NewQueueGranulesWorkflow builds the workflow. Both runtimes render the
// same QueueGranules state but for its Resource.
func NewQueueGranulesWorkflow(scope constructs.Construct, id *string, props *QueueGranulesWorkflowProps) *QueueGranulesWorkflow {
	w := &QueueGranulesWorkflow{Construct: constructs.NewConstruct(scope, id)}
	if problems := props.validate(); len(problems) > 0 {
		panic(&tasks.ValidationError{Construct: "QueueGranulesWorkflow", Path: *w.Construct.Node().Path(), Problems: problems})
	}
	scope = w.Construct // the workflow's parts are its children
	// The task is held in Go and the machine rendered in one piece.
	states := fragments.NewWorkflow(scope, jsii.String("States"))

	var queue tasks.Task
	switch props.Runtime {
	case Runtime_LAMBDA, "":
		queue = tasks.NewLambdaInvoke(states, jsii.String(QueueGranulesState), &tasks.LambdaInvokeProps{
			LambdaFunction:      props.QueueGranulesFunction,
			PayloadResponseOnly: jsii.Bool(true), // the function ARN as Resource, as in the seed
			Payload:             tasks.TaskInput_FromObject(queueGranulesInput(*props.IngestGranuleWorkflowName)),
			// The seed's Retry below replaces the task's default one.
			RetryOnServiceExceptions: jsii.Bool(false),
		})
	case Runtime_ACTIVITY:
		w.Activity = sfn.NewActivity(scope, jsii.String("QueueGranulesActivity"), nil)
		parameters := queueGranulesInput(*props.IngestGranuleWorkflowName)
		queue = tasks.NewStepFunctionsInvokeActivity(states, jsii.String(QueueGranulesState), &tasks.StepFunctionsInvokeActivityProps{
			Activity:   w.Activity,
			Parameters: &parameters,
		})
	}
	// The worker runs the same Lambda code, so the seed keeps the Lambda
	// errors in Retry when it swaps the Resource; so do we.
	queue.AddRetry(&sfn.RetryProps{
		Errors:      jsii.Strings("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"),
		Interval:    awscdk.Duration_Seconds(jsii.Number(2)),
		MaxAttempts: jsii.Number(6),
		BackoffRate: jsii.Number(2),
	})
	failed := sfn.NewFail(scope, jsii.String(WorkflowFailedState), &sfn.FailProps{Cause: jsii.String("Workflow failed")})
	queue.AddCatch(failed, &sfn.CatchProps{Errors: jsii.Strings("States.ALL"), ResultPath: jsii.String("$.exception")})

	w.StateMachine = fragments.NewStateMachine(scope, jsii.String("StateMachine"), queue, nil)
	return w
}

// queueGranulesInput is the Cumulus Message Adapter event of the seed. The
// "{$.meta...}" strings are CMA templates that the adapter fills in, not
// JSONPath: they stay literal strings.
func queueGranulesInput(ingestGranuleWorkflow string) map[string]any {
	return map[string]any{
		"cma": tasks.Verbatim(map[string]any{
			"event":         tasks.Path("$"),
			"ReplaceConfig": map[string]any{"FullMessage": true},
			"task_config": map[string]any{
				"provider":              "{$.meta.provider}",
				"internalBucket":        "{$.meta.buckets.internal.name}",
				"stackName":             "{$.meta.stack}",
				"granuleIngestWorkflow": ingestGranuleWorkflow,
				"queueUrl":              "{$.meta.queues.startSF}",
			},
		}),
	}
}

func (p *QueueGranulesWorkflowProps) validate() []error {
	if p == nil {
		return []error{errors.New("props: required: give QueueGranulesFunction and IngestGranuleWorkflowName")}
	}
	var problems []error
	if p.QueueGranulesFunction == nil {
		problems = append(problems, errors.New("QueueGranulesFunction: required: the QueueGranules task's function"))
	}
	if p.IngestGranuleWorkflowName == nil || *p.IngestGranuleWorkflowName == "" {
		problems = append(problems, errors.New("IngestGranuleWorkflowName: required: the workflow started for each granule"))
	}
	switch p.Runtime {
	case "", Runtime_LAMBDA, Runtime_ACTIVITY:
	default:
		problems = append(problems, fmt.Errorf("Runtime: must be Runtime_LAMBDA or Runtime_ACTIVITY, got %q", p.Runtime))
	}
	return problems
}
