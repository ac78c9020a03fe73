package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// GlueDataBrewStartJobRunProps mirrors awsstepfunctionstasks.GlueDataBrewStartJobRunProps.
type GlueDataBrewStartJobRunProps struct {
	// Name (required) of the DataBrew job, 1 to 240 characters. IAM is
	// granted on job/<name>: job/<prefix>* for a States.Format name with a
	// literal prefix, job/* in the account and region for another run-time
	// name.
	Name *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

var dataBrewStartJobRun, _ = iampolicy.Lookup("databrew", "startJobRun")

// GlueDataBrewStartJobRun is the task NewGlueDataBrewStartJobRun returns: a Task, typed as the CDK types it.
type GlueDataBrewStartJobRun interface{ Task }

// NewGlueDataBrewStartJobRun runs a Glue DataBrew job
// (arn:…:states:::databrew:startJobRun): REQUEST_RESPONSE (the default, as
// in the CDK) or RUN_JOB (.sync), which waits for the run.
func NewGlueDataBrewStartJobRun(scope constructs.Construct, id *string, props *GlueDataBrewStartJobRunProps) GlueDataBrewStartJobRun {
	checkProps(scope, id, "GlueDataBrewStartJobRun", props == nil)
	spec := &engine.Spec{Construct: "GlueDataBrewStartJobRun", Integration: dataBrewStartJobRun}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.required("Name", "Name", props.Name, "the name of the DataBrew job to run"); v != nil {
		p.length("Name", v, 1, 240)
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
