package fragments

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

// SubmitJobProps describe an AWS Batch job and the job definition it runs:
// exactly one of JobDefinition (registered for each execution, then
// deregistered) and JobDefinitionArn (fixed at deploy time). Every field
// takes a literal or a dynamic value.
type SubmitJobProps struct {
	// JobName is the base name: the job is named "<name>-<uuid>". Default:
	// JobDefinition.JobDefinitionName.
	JobName *string
	// JobQueueArn: an ARN or a queue name. Required.
	JobQueueArn *string
	// JobDefinition is registered for each execution ("<name>-<uuid>") and
	// deregistered after the job, whether it succeeded or failed. Leave its
	// ResultPath and OutputPath unset: the fragment places the result.
	JobDefinition *states.RegisterJobDefinitionProps
	// JobDefinitionArn is a job definition made at deploy time (an ARN,
	// "name:revision", or dynamic): no register and deregister states.
	JobDefinitionArn *string

	// ContainerOverrides, Parameters, Attempts, Timeout and Tags: as in
	// states.SubmitJobProps.
	ContainerOverrides *tasks.BatchContainerOverrides
	Parameters         *map[string]interface{}
	Attempts           *float64
	Timeout            awscdk.Duration
	Tags               *map[string]*string
	// TaskTimeout bounds the wait for the job; when it runs out, the
	// job definition is deregistered too.
	TaskTimeout sfn.Timeout
}

// Where the fragment keeps what it needs between its states, in its
// working copy of the input. The output is the job alone.
const (
	registeredDefinitionPath = "$.RegisteredJobDefinition"
	submittedJobPath         = "$.SubmittedJob"
	submitErrorPath          = "$.SubmitJobError"
	cleanupErrorPath         = "$.CleanupError"
)

// NewSubmitJob runs an AWS Batch job and outputs {JobName, JobId, JobArn}.
// With JobDefinition:
//
//	Pass "<id> RegisterJobDefinition Prep" → Task "<id> RegisterJobDefinition"
//	Task "<id> SubmitJob" (batch:submitJob.sync)
//	    Catch States.ALL (ResultPath $.SubmitJobError) → Task "<id> Cleanup DeregisterJobDefinition"
//	        → Fail "<id> Failed" with the job's own Error and Cause
//	Task "<id> DeregisterJobDefinition"
//
// so the definition is deregistered on success and on every failure path
// (the job failing, the wait timing out, a Batch error), and the execution
// then fails with the original error, not the deregister's result (a failed
// cleanup also ends in that Fail). With JobDefinitionArn: Task "<id>
// SubmitJob" alone. IAM as the states it uses: register, submit and
// deregister on job-definition/<name>-*, the queue, batch:DescribeJobs,
// batch:TerminateJob, the Batch EventBridge rule, and iam:PassRole on the
// job's roles, only to AWS Batch. The states are built, and props
// checked, when NewSubmitJob is called.
func NewSubmitJob(scope constructs.Construct, id *string, props *SubmitJobProps) *Fragment {
	p := SubmitJobProps{}
	if props != nil {
		p = *props
	}
	c := newChecker("SubmitJob", scope, id)
	switch {
	case (p.JobDefinition == nil) == (p.JobDefinitionArn == nil):
		c.fail("JobDefinition, JobDefinitionArn", "give exactly one: the job definition to register for each execution, or the ARN of one made at deploy time")
	case p.JobDefinition != nil && (p.JobDefinition.ResultPath != nil || p.JobDefinition.OutputPath != nil):
		c.fail("JobDefinition.ResultPath, JobDefinition.OutputPath", "leave unset: the fragment keeps the registered definition at %s and outputs the job", registeredDefinitionPath)
	}
	if p.JobName == nil && p.JobDefinition != nil {
		p.JobName = p.JobDefinition.JobDefinitionName
	}
	c.done()
	name := *id
	f := New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		return buildSubmitJob(scope, name, p)
	})
	f.Definition()
	return f
}

func buildSubmitJob(scope constructs.Construct, name string, p SubmitJobProps) sfn.IChainable {
	submit := &states.SubmitJobProps{
		JobName: p.JobName, JobQueueArn: p.JobQueueArn, JobDefinitionArn: p.JobDefinitionArn,
		ContainerOverrides: p.ContainerOverrides, Parameters: p.Parameters, Attempts: p.Attempts, Timeout: p.Timeout,
		Tags: p.Tags, TaskTimeout: p.TaskTimeout,
	}
	if p.JobDefinition == nil {
		return states.NewSubmitJob(scope, jsii.String(name), submit)
	}

	register := *p.JobDefinition
	register.ResultPath = jsii.String(registeredDefinitionPath)
	registered := states.Ref(registeredDefinitionPath).Join("JobDefinitionArn").StringAt()
	submit.JobDefinitionArn, submit.JobDefinitionName = registered, register.JobDefinitionName
	submit.ResultPath = jsii.String(submittedJobPath)
	deregister := func(id string, outputPath *string) tasks.Task {
		return states.NewDeregisterJobDefinition(scope, jsii.String(id), &states.DeregisterJobDefinitionProps{
			JobDefinitionArn: registered, JobDefinitionName: register.JobDefinitionName, OutputPath: outputPath,
		})
	}

	job := states.NewSubmitJob(scope, jsii.String(name), submit)
	fail := sfn.NewFail(scope, jsii.String(name+" Failed"), &sfn.FailProps{
		ErrorPath: jsii.String(submitErrorPath + ".Error"), CausePath: jsii.String(submitErrorPath + ".Cause"),
	})
	cleanup := deregister(name+" Cleanup", nil)
	// A failed cleanup still fails with the job's error, kept at submitErrorPath.
	cleanup.AddCatch(fail, &sfn.CatchProps{Errors: jsii.Strings("States.ALL"), ResultPath: jsii.String(cleanupErrorPath)})
	job.AddCatch(cleanup.Next(fail), &sfn.CatchProps{Errors: jsii.Strings("States.ALL"), ResultPath: jsii.String(submitErrorPath)})

	return states.NewRegisterJobDefinition(scope, jsii.String(name), &register).
		Next(job).
		Next(deregister(name, jsii.String(submittedJobPath)))
}
