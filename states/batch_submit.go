package states

import (
	"errors"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

// SubmitJobProps describe one AWS Batch job. Every field takes a literal
// or a dynamic value.
type SubmitJobProps struct {
	// JobName is the base name: the job is named "<name>-<uuid>". A path
	// stays a path.
	JobName *string
	// JobDefinitionArn: an ARN (with or without revision), "name" or
	// "name:revision", or dynamic, such as the ARN NewRegisterJobDefinition
	// put at its ResultPath: Ref("$.definition").Join("JobDefinitionArn").StringAt().
	JobDefinitionArn *string
	// JobDefinitionName is, for a JobDefinitionArn decided at run time, the
	// base name given to NewRegisterJobDefinition: batch:SubmitJob is then
	// granted on job-definition/<name>-* instead of every job definition of
	// the account and region.
	JobDefinitionName *string
	// JobQueueArn: an ARN or a queue name.
	JobQueueArn *string
	// ContainerOverrides of the job definition's container.
	ContainerOverrides *tasks.BatchContainerOverrides
	// Parameters fill "Ref::<name>" placeholders of the command; their
	// names are the user's own: never case-converted.
	Parameters *map[string]interface{}
	// Attempts: 1–10 (or tasks.NumberAt). Timeout: each attempt's, at
	// least 60 seconds (or tasks.DurationAt, in seconds).
	Attempts *float64
	Timeout  awscdk.Duration
	// Tags of the job.
	Tags *map[string]*string
	// ResultPath is where {"JobName", "JobId", "JobArn"} of the finished
	// job go (default "$"); OutputPath selects the output after it.
	ResultPath *string
	OutputPath *string
	// TaskTimeout bounds the state (the wait for the job).
	TaskTimeout sfn.Timeout
}

// NewSubmitJob runs an AWS Batch job and waits for it: one Task
// "<id> SubmitJob" (batch:submitJob.sync) whose result is {JobName, JobId,
// JobArn}. It fails with States.TaskFailed when the job fails; add a Catch
// to clean up. IAM as tasks.NewBatchSubmitJob in RUN_JOB: batch:SubmitJob on
// the job definition (and its revisions when none is given;
// job-definition/* in the account and region when it is decided at run
// time) and the queue; batch:DescribeJobs, batch:TerminateJob and the
// StepFunctionsGetEventsForBatchJobsRule rule.
func NewSubmitJob(scope constructs.Construct, id *string, props *SubmitJobProps) tasks.Task {
	if props == nil {
		props = &SubmitJobProps{}
	}
	b := newBuilder("SubmitJob", scope, id)
	_, name := b.uniqueName("JobName", props.JobName, "the job's base name")
	definition := b.required("JobDefinitionArn", props.JobDefinitionArn, "the job definition ARN or name, or a path to it")
	var iamDefinitions *[]*string
	if props.JobDefinitionName != nil {
		switch name := b.value("JobDefinitionName", props.JobDefinitionName); {
		case definition != nil && !definition.Dynamic():
			b.fail("JobDefinitionName", "only for a JobDefinitionArn decided at run time; JobDefinitionArn already names the definition")
		case name == nil:
		default:
			if s, ok := name.String(); ok && !value.IsTokenString(s) && !batchName.MatchString(s) {
				b.fail("JobDefinitionName", "%q is not a job definition name", s)
			}
			iamDefinitions = jsii.Strings(b.env().ARN("batch", "job-definition/"+namePattern(name)))
		}
	}
	b.required("JobQueueArn", props.JobQueueArn, "the job queue ARN or name")
	rp := b.resultPath(props.ResultPath, "$", true)
	op := b.path("OutputPath", props.OutputPath)
	b.done()

	task := &tasks.BatchSubmitJobProps{
		JobName: tasks.StringAt(name.Expr()), JobDefinitionArn: props.JobDefinitionArn, JobQueueArn: props.JobQueueArn,
		IamJobDefinitions:  iamDefinitions,
		ContainerOverrides: props.ContainerOverrides, Attempts: props.Attempts, Timeout: props.Timeout, Tags: props.Tags,
		ResultSelector: &map[string]interface{}{
			"JobName": tasks.Path("$.JobName"), "JobId": tasks.Path("$.JobId"), "JobArn": tasks.Path("$.JobArn"),
		},
		ResultPath: optional(rp, "$"), OutputPath: optional(op, "$"), TaskTimeout: props.TaskTimeout,
		IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
	}
	if props.Parameters != nil {
		task.Payload = tasks.TaskInput_FromObject(*props.Parameters)
	}
	defer b.adopt()
	return tasks.NewBatchSubmitJob(b.scope, b.name("SubmitJob"), task)
}

// adopt reports a problem the task underneath found as this construct's:
// deferred around the task's constructor.
func (b *builder) adopt() {
	p := recover()
	if p == nil {
		return
	}
	var ve *ValidationError
	if err, ok := p.(error); ok && errors.As(err, &ve) {
		b.problems = append(b.problems, ve.Problems...)
		b.done()
	}
	panic(p)
}
