package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// LambdaInvocationType is how the function is invoked.
type LambdaInvocationType string

const (
	LambdaInvocationType_REQUEST_RESPONSE LambdaInvocationType = "RequestResponse"
	LambdaInvocationType_EVENT            LambdaInvocationType = "Event"
	LambdaInvocationType_DRY_RUN          LambdaInvocationType = "DryRun"
)

// LambdaInvokeProps mirrors awsstepfunctionstasks.LambdaInvokeProps.
type LambdaInvokeProps struct {
	// LambdaFunction to invoke. Its ARN (a version's or an alias's is
	// qualified) is the only resource granted.
	LambdaFunction awslambda.IFunction
	// Payload sent to the function. Default: the whole state input ("$").
	Payload sfn.TaskInput
	// PayloadResponseOnly uses the function ARN as the Resource, so the
	// output is the function's response alone. No WAIT_FOR_TASK_TOKEN.
	PayloadResponseOnly *bool
	// InvocationType: RequestResponse (default), Event or DryRun; may be
	// dynamic: LambdaInvocationType(*tasks.StringAt("$.type")).
	InvocationType LambdaInvocationType
	// ClientContext is base64-encoded JSON passed to the function.
	ClientContext *string
	// Qualifier is a version or alias; IAM is then granted on that
	// qualified ARN only.
	Qualifier *string
	// RetryOnServiceExceptions retries Lambda's transient errors
	// (2 s, backoff 2, 6 attempts). Default: true.
	RetryOnServiceExceptions *bool

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

var lambdaInvoke, _ = iampolicy.Lookup("lambda", "invoke")

// lambdaServiceErrors are the transient errors the CDK retries by default.
var lambdaServiceErrors = []string{
	"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
	"Lambda.AWSLambdaException", "Lambda.SdkClientException",
}

// LambdaInvoke is the task NewLambdaInvoke returns: a Task, typed as the CDK types it.
type LambdaInvoke interface{ Task }

// NewLambdaInvoke invokes a Lambda function (arn:…:states:::lambda:invoke).
func NewLambdaInvoke(scope constructs.Construct, id *string, props *LambdaInvokeProps) LambdaInvoke {
	checkProps(scope, id, "LambdaInvoke", props == nil)
	spec := &engine.Spec{Construct: "LambdaInvoke", Integration: lambdaInvoke, ParamsField: "Parameters"}
	if props.LambdaFunction == nil {
		spec.Problems = append(spec.Problems, fieldProblem("LambdaFunction", "required: the function to invoke"))
	}
	var functionARN string
	if props.LambdaFunction != nil {
		functionARN = *engine.Memo(props.LambdaFunction, "FunctionArn", props.LambdaFunction.FunctionArn)
		spec.Metrics = &engine.TaskMetrics{Singular: "LambdaFunction", Plural: "LambdaFunctions", Dimensions: map[string]string{"LambdaFunctionArn": functionARN}}
	}
	payload := field(spec, "Payload", props.Payload)
	if payload == nil {
		payload = value.Dyn("$")
		if props.QueryLanguage == sfn.QueryLanguage_JSONATA {
			payload = value.Ata("$states.input")
		}
	}
	invocationType := field(spec, "InvocationType", string(props.InvocationType))
	if s, ok := invocationType.String(); ok && s != "" && s != "RequestResponse" && s != "Event" && s != "DryRun" {
		spec.Problems = append(spec.Problems, fieldProblem("InvocationType", "must be RequestResponse, Event or DryRun (or dynamic), got %q", s))
	}
	if props.PayloadResponseOnly != nil && *props.PayloadResponseOnly {
		if props.IntegrationPattern != "" && props.IntegrationPattern != sfn.IntegrationPattern_REQUEST_RESPONSE {
			spec.Problems = append(spec.Problems, fieldProblem("PayloadResponseOnly", "works only with REQUEST_RESPONSE; drop it to use %s", props.IntegrationPattern))
		}
		if props.InvocationType != "" || props.ClientContext != nil || props.Qualifier != nil {
			spec.Problems = append(spec.Problems, fieldProblem("PayloadResponseOnly", "cannot be combined with InvocationType, ClientContext or Qualifier, which only the lambda:invoke integration takes"))
		}
		// As the CDK: without a Payload the function gets the state input
		// as it is, with no Parameters at all.
		spec.Integration, spec.Resource, spec.Params = nil, functionARN, field(spec, "Payload", props.Payload)
		spec.Statements = []Statement{iampolicy.LambdaInvoke(iampolicy.Request{Params: value.NewObject(map[string]*Value{"FunctionName": value.Lit(functionARN)})})}
	} else {
		params := map[string]*Value{"FunctionName": value.Lit(functionARN), "Payload": payload}
		if s, _ := invocationType.String(); invocationType.Dynamic() || s != "" {
			params["InvocationType"] = invocationType
		}
		if v := field(spec, "ClientContext", props.ClientContext); v != nil {
			params["ClientContext"] = v
		}
		if v := field(spec, "Qualifier", props.Qualifier); v != nil {
			params["Qualifier"] = v
		}
		spec.Params = value.NewObject(params)
	}
	task := newTask(scope, id, props, spec)
	if props.RetryOnServiceExceptions == nil || *props.RetryOnServiceExceptions {
		task.AddRetry(&sfn.RetryProps{
			Errors:      jsii.Strings(lambdaServiceErrors...),
			Interval:    twoSeconds(),
			MaxAttempts: jsii.Number(6),
			BackoffRate: jsii.Number(2),
		})
	}
	return task
}

var twoSecondsDuration awscdk.Duration

// twoSeconds is created once: every jsii object costs a round trip.
func twoSeconds() awscdk.Duration {
	if twoSecondsDuration == nil {
		twoSecondsDuration = awscdk.Duration_Seconds(jsii.Number(2))
	}
	return twoSecondsDuration
}
