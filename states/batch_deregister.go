package states

import (
	"strings"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

// DeregisterJobDefinitionProps say which job definition revision to retire.
type DeregisterJobDefinitionProps struct {
	// JobDefinitionArn: an ARN with its revision, "name:revision", or
	// dynamic: usually the ARN NewRegisterJobDefinition put at its ResultPath.
	JobDefinitionArn *string
	// JobDefinitionName is, for a JobDefinitionArn decided at run time, the
	// base name given to NewRegisterJobDefinition: IAM is then scoped to
	// job-definition/<name>-* instead of every job definition of the
	// account and region.
	JobDefinitionName *string
	// ResultPath is where the (empty) result goes: by default
	// tasks.Discard, so the input passes through, as cleanup should.
	ResultPath *string
	// OutputPath selects the output, after ResultPath (default "$").
	OutputPath *string
}

// NewDeregisterJobDefinition retires a job definition revision: one Task
// "<id> DeregisterJobDefinition" (aws-sdk:batch:deregisterJobDefinition),
// retried on Batch.BatchException (3 s, 7 attempts, backoff 2, full jitter).
// IAM: batch:DeregisterJobDefinition on that revision, on
// job-definition/<JobDefinitionName>-* for a run-time ARN, or on
// job-definition/* without a name.
func NewDeregisterJobDefinition(scope constructs.Construct, id *string, props *DeregisterJobDefinitionProps) tasks.Task {
	if props == nil {
		props = &DeregisterJobDefinitionProps{}
	}
	b := newBuilder("DeregisterJobDefinition", scope, id)
	definition := b.required("JobDefinitionArn", props.JobDefinitionArn, "the job definition revision: an ARN, \"name:revision\", or a path to it")
	name := b.value("JobDefinitionName", props.JobDefinitionName)
	rp := b.resultPath(props.ResultPath, tasks.Discard, true)
	op := b.path("OutputPath", props.OutputPath)

	env := b.env()
	resource := env.ARN("batch", "job-definition/*")
	switch {
	case definition == nil:
	case !definition.Dynamic():
		s, _ := definition.String()
		if name != nil {
			b.fail("JobDefinitionName", "only for a JobDefinitionArn decided at run time; JobDefinitionArn already names the definition")
		}
		resource = s
		if !strings.HasPrefix(s, "arn:") {
			resource = env.ARN("batch", "job-definition/"+s)
		}
		if !value.IsTokenString(s) && !hasRevision(s) {
			b.fail("JobDefinitionArn", "%q has no revision: give \"name:revision\" or the revision's ARN", s)
		}
	case name != nil:
		if s, ok := name.String(); ok && !value.IsTokenString(s) && !batchName.MatchString(s) {
			b.fail("JobDefinitionName", "%q is not a job definition name", s)
		}
		resource = env.ARN("batch", "job-definition/"+namePattern(name))
	}
	b.done()

	params := map[string]interface{}{"JobDefinition": definition}
	deregister := tasks.NewCallAwsService(b.scope, b.name("DeregisterJobDefinition"), &tasks.CallAwsServiceProps{
		Service: jsii.String("batch"), Action: jsii.String("deregisterJobDefinition"), Parameters: &params,
		IamResources: jsii.Strings(resource),
		ResultPath:   optional(rp, "$"), OutputPath: optional(op, "$"),
	})
	retry(deregister, batchError, batchAttempts)
	return deregister
}

// hasRevision reports whether a job definition ARN or name ends in
// ":<revision>".
func hasRevision(arnOrName string) bool {
	name := arnOrName[strings.LastIndex(arnOrName, "/")+1:]
	_, rev, ok := strings.Cut(name, ":")
	return ok && rev != ""
}
