package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// ActionOnFailure mirrors awsstepfunctionstasks.ActionOnFailure; may be
// dynamic: ActionOnFailure(*tasks.StringAt("$.onFailure")).
type ActionOnFailure string

const (
	ActionOnFailure_TERMINATE_CLUSTER ActionOnFailure = "TERMINATE_CLUSTER"
	ActionOnFailure_CANCEL_AND_WAIT   ActionOnFailure = "CANCEL_AND_WAIT"
	ActionOnFailure_CONTINUE          ActionOnFailure = "CONTINUE"
)

// EmrAddStepProps mirrors awsstepfunctionstasks.EmrAddStepProps.
type EmrAddStepProps struct {
	// ClusterId (required): IAM is granted on cluster/<id>, cluster/* in the
	// account and region when it is dynamic.
	ClusterId *string
	// Name of the step (required), 1 to 256 characters.
	Name *string
	// ActionOnFailure: CONTINUE (default), CANCEL_AND_WAIT or TERMINATE_CLUSTER.
	ActionOnFailure ActionOnFailure
	// Jar (required): the path of the JAR to run (command-runner.jar, s3://…).
	Jar *string
	// MainClass of the JAR when its manifest names none.
	MainClass *string
	// Args passed to the main function; items, or the whole list
	// (tasks.ListAt), may be dynamic.
	Args *[]*string
	// Properties: Java properties set when the step runs, rendered as
	// EMR's [{"Key", "Value"}] list; values may be dynamic, and
	// tasks.StringMapAt gives the whole list at run time.
	Properties *map[string]*string
	// ExecutionRoleArn: the EMR runtime role the step runs with; the state
	// machine gets iam:PassRole on it, only to EMR.
	ExecutionRoleArn *string

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

var emrAddStep, _ = iampolicy.Lookup("elasticmapreduce", "addStep")

// EmrAddStep is the task NewEmrAddStep returns: a Task, typed as the CDK types it.
type EmrAddStep interface{ Task }

// NewEmrAddStep adds a step to a running EMR cluster
// (arn:…:states:::elasticmapreduce:addStep): RUN_JOB (.sync, the default,
// as in the CDK) waits for the step to finish; REQUEST_RESPONSE does not.
func NewEmrAddStep(scope constructs.Construct, id *string, props *EmrAddStepProps) EmrAddStep {
	checkProps(scope, id, "EmrAddStep", props == nil)
	spec := &engine.Spec{Construct: "EmrAddStep", Integration: emrAddStep, DefaultPattern: iampolicy.RunJob}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	p.clusterID(props.ClusterId)
	p.optional("ExecutionRoleArn", "ExecutionRoleArn", props.ExecutionRoleArn)

	step := newEmrObj(spec, "")
	if name := step.reqStr("Name", props.Name, "the step's name"); name != nil {
		p.length("Name", name, 1, 256)
	}
	onFailure := props.ActionOnFailure
	if onFailure == "" {
		onFailure = ActionOnFailure_CONTINUE
	}
	step.enum("ActionOnFailure", string(onFailure), identity("TERMINATE_CLUSTER", "CANCEL_AND_WAIT", "CONTINUE"))

	jar := newEmrObj(spec, "")
	jar.reqStr("Jar", props.Jar, "the path of the JAR to run, such as command-runner.jar or s3://bucket/app.jar")
	jar.str("MainClass", props.MainClass)
	jar.strings("Args", props.Args)
	jar.put("Properties", jar.keyValues("Properties", props.Properties))
	step.put("HadoopJarStep", jar.value())
	p.fields["Step"] = step.value()

	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
