package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// StepFunctionsInvokeActivityProps mirrors
// awsstepfunctionstasks.StepFunctionsInvokeActivityProps.
type StepFunctionsInvokeActivityProps struct {
	// Activity whose workers do the work. Its ARN is the state's Resource.
	Activity sfn.IActivity
	// Parameters passed to the worker as its input (JSONPath states);
	// values may be dynamic.
	Parameters *map[string]interface{}
	// Arguments passed to the worker as its input (JSONata states).
	Arguments interface{}

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

// StepFunctionsInvokeActivity is the task NewStepFunctionsInvokeActivity returns: a Task, typed as the CDK types it.
type StepFunctionsInvokeActivity interface{ Task }

// NewStepFunctionsInvokeActivity waits for an activity worker to do the
// task (the activity ARN as Resource). The state machine's role needs no
// permission for it, except kms:Decrypt and kms:GenerateDataKey on the
// activity's customer managed key, if it has one, limited to this
// activity by the encryption context. REQUEST_RESPONSE only: the worker
// answers with SendTaskSuccess/SendTaskFailure on its own.
func NewStepFunctionsInvokeActivity(scope constructs.Construct, id *string, props *StepFunctionsInvokeActivityProps) StepFunctionsInvokeActivity {
	checkProps(scope, id, "StepFunctionsInvokeActivity", props == nil)
	spec := &engine.Spec{Construct: "StepFunctionsInvokeActivity", DefaultPattern: iampolicy.RequestResponse, ParamsField: "Parameters"}
	if props.Activity == nil {
		spec.Problems = append(spec.Problems, fieldProblem("Activity", "required: the activity to invoke"))
		spec.Resource = "arn:aws:states:::activity:missing"
	} else {
		activityARN := *engine.Memo(props.Activity, "ActivityArn", props.Activity.ActivityArn)
		spec.Resource = activityARN
		spec.Metrics = &engine.TaskMetrics{Singular: "Activity", Plural: "Activities", Dimensions: map[string]string{"ActivityArn": activityARN}}
		if enc := props.Activity.EncryptionConfiguration(); enc != nil {
			if cmk, ok := enc.(sfn.CustomerManagedEncryptionConfiguration); ok && cmk.KmsKey() != nil {
				spec.Statements = append(spec.Statements, Statement{
					Actions:    []string{"kms:Decrypt", "kms:GenerateDataKey"},
					Resources:  []string{*cmk.KmsKey().KeyArn()},
					Conditions: map[string]map[string]any{"StringEquals": {"kms:EncryptionContext:aws:states:activityArn": activityARN}},
				})
			}
		}
	}
	switch {
	case props.Parameters != nil && props.Arguments != nil:
		spec.Problems = append(spec.Problems, fieldProblem("Parameters", "give Parameters (JSONPath) or Arguments (JSONata), not both"))
	case props.Parameters != nil:
		spec.Params = field(spec, "Parameters", props.Parameters)
	case props.Arguments != nil:
		spec.Params = field(spec, "Arguments", props.Arguments)
		spec.ParamsField = "Arguments"
	}
	return newTask(scope, id, props, spec)
}
