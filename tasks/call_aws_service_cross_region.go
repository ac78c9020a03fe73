package tasks

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// CallAwsServiceCrossRegionProps mirrors
// awsstepfunctionstasks.CallAwsServiceCrossRegionProps.
type CallAwsServiceCrossRegionProps struct {
	// Service is the AWS SDK for JavaScript v3 client name, the part after
	// @aws-sdk/client-: "s3", "dynamodb", "sfn", "cloudwatch-logs".
	Service *string
	// Action is the API action in camelCase: "getObject".
	Action *string
	// Region to call the API in: "us-west-2"; may be dynamic.
	Region *string
	// Parameters of the API call, keys as the SDK takes them. Values may
	// be dynamic.
	Parameters *map[string]interface{}
	// IamResources the call touches. Required: sfnkit will not guess "*".
	IamResources *[]*string
	// IamAction overrides the derived "<iam prefix>:<Action>".
	IamAction *string
	// AdditionalIamStatements the call needs beyond its own action; like it,
	// they go on the Lambda function's role, which makes the call.
	AdditionalIamStatements *[]awsiam.PolicyStatement
	// Endpoint of the service, when not the region's default. One decided
	// at run time lets whoever starts the execution redirect the signed
	// call (the CDK warns; so does sfnkit).
	Endpoint *string
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

// crossRegionUUID is the CDK's singleton UUID for the function.
const crossRegionUUID = "8a0c93f3-dbef-4b71-ac13-7aaf2048ce7e"

// CallAwsServiceCrossRegion is the task NewCallAwsServiceCrossRegion returns.
type CallAwsServiceCrossRegion interface{ Task }

var (
	jsClientName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// jsClientIAMPrefix maps AWS SDK for JavaScript v3 client names whose
	// IAM service prefix differs (the CDK maps sfn, cloudwatch-logs and
	// mwaa only).
	jsClientIAMPrefix = map[string]string{
		"sfn": "states", "cloudwatch-logs": "logs", "mwaa": "airflow", "cloudwatch-events": "events", "eventbridge": "events",
		"api-gateway": "apigateway", "apigatewayv2": "apigateway", "apigatewaymanagementapi": "execute-api",
		"secrets-manager": "secretsmanager", "elastic-load-balancing": "elasticloadbalancing",
		"elastic-load-balancing-v2": "elasticloadbalancing", "auto-scaling": "autoscaling",
		"application-auto-scaling": "application-autoscaling", "cognito-identity-provider": "cognito-idp",
		"cost-explorer": "ce", "database-migration-service": "dms", "directory-service": "ds", "efs": "elasticfilesystem",
		"elasticsearch-service": "es", "opensearch": "es", "iot-data-plane": "iot", "marketplace-catalog": "aws-marketplace",
		"resource-groups-tagging-api": "tag", "service-catalog": "servicecatalog", "sesv2": "ses", "sso-admin": "sso",
		"dynamodb-streams": "dynamodb", "bedrock-runtime": "bedrock", "bedrock-agent-runtime": "bedrock",
		"sagemaker-runtime": "sagemaker", "s3-control": "s3", "config-service": "config", "route-53": "route53",
		"route-53-domains": "route53domains", "kinesis-video": "kinesisvideo", "lex-runtime-v2": "lex",
		"textract": "textract", "timestream-write": "timestream", "timestream-query": "timestream",
	}
)

// NewCallAwsServiceCrossRegion calls an AWS API in another region, as the
// CDK does: through a Lambda function (one per stack, the CDK's code at the
// CDK's logical IDs) that calls it with the AWS SDK for JavaScript.
// REQUEST_RESPONSE invokes the function directly; WAIT_FOR_TASK_TOKEN
// through lambda:invoke.waitForTaskToken (put the token in Parameters, for
// whatever the call starts to send back). The call's IAM is scoped as
// CallAwsService's: <iam prefix>:<Action> on exactly IamResources (plus
// AdditionalIamStatements), on the function's role, which makes the call;
// the state machine's role may invoke the function only.
func NewCallAwsServiceCrossRegion(scope constructs.Construct, id *string, props *CallAwsServiceCrossRegionProps) CallAwsServiceCrossRegion {
	checkProps(scope, id, "CallAwsServiceCrossRegion", props == nil)
	spec := &engine.Spec{Construct: "CallAwsServiceCrossRegion", ParamsField: "Parameters"}
	problem := func(name, format string, args ...any) {
		spec.Problems = append(spec.Problems, fieldProblem(name, format, args...))
	}
	service, action := deref(props.Service), deref(props.Action)
	if !jsClientName.MatchString(service) {
		problem("Service", "must be the AWS SDK for JavaScript v3 client name, lower case (\"s3\", \"cloudwatch-logs\": the package is @aws-sdk/client-<service>), got %q", service)
	}
	if !sdkActionName.MatchString(action) {
		problem("Action", "must be the API action in camelCase (\"getObject\"), got %q", action)
	}
	prefix := service
	if p, ok := jsClientIAMPrefix[service]; ok {
		prefix = p
	}
	iamAction := prefix + ":" + value.Pascal(action)
	if props.IamAction != nil {
		iamAction = *props.IamAction
		if !iamActionName.MatchString(iamAction) {
			problem("IamAction", "must be \"<prefix>:<Action>\", got %q", iamAction)
		}
	}
	var resources []string
	if props.IamResources != nil {
		for _, r := range *props.IamResources {
			if r != nil && strings.TrimSpace(*r) != "" {
				resources = append(resources, *r)
			}
		}
	}
	if len(resources) == 0 {
		problem("IamResources", "required: the ARNs %s acts on (\"*\" only if the action has no resource-level permissions)", iamAction)
	}
	var statements []awsiam.PolicyStatement
	if props.AdditionalIamStatements != nil {
		for i, st := range *props.AdditionalIamStatements {
			if st == nil {
				problem(fmt.Sprintf("AdditionalIamStatements[%d]", i), "is nil; give an awsiam.PolicyStatement")
				continue
			}
			statements = append(statements, st)
		}
	}
	readStatements(spec, "AdditionalIamStatements", &statements)

	payload := map[string]*Value{"service": value.Lit(service), "action": value.Lit(action)}
	if r := field(spec, "Region", props.Region); r == nil {
		problem("Region", "required: the region to call the API in, such as \"us-west-2\"")
	} else {
		checkRegionCode(spec, "Region", r)
		payload["region"] = r
	}
	if e := field(spec, "Endpoint", props.Endpoint); e != nil {
		if s, ok := e.String(); ok && !value.IsTokenString(s) {
			if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				problem("Endpoint", "must be a URL such as \"https://s3.us-west-2.amazonaws.com\", got %q", s)
			}
		}
		payload["endpoint"] = e
	}
	if v := field(spec, "Parameters", props.Parameters); v != nil {
		payload["parameters"] = v.Verbatim()
	}

	arn, setARN := singletonFunctionARN(scope, crossRegionUUID)
	switch props.IntegrationPattern {
	case "", sfn.IntegrationPattern_REQUEST_RESPONSE:
		spec.Resource = arn
		spec.Params = value.NewObject(payload)
		spec.Statements = []Statement{{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{arn}}}
	case sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN:
		spec.Integration = lambdaInvoke
		spec.Params = value.NewObject(map[string]*Value{"FunctionName": value.Lit(arn), "Payload": value.NewObject(payload)})
	default:
		problem("IntegrationPattern", "%s is not supported: the function returns the call's response (REQUEST_RESPONSE), or the call sends the task token on (WAIT_FOR_TASK_TOKEN)", props.IntegrationPattern)
	}
	task := newTask(scope, id, props, spec)

	parent, fnID := constructs.Construct(task), "Handler"
	if s, ok := scope.(*engine.Scope); ok {
		parent, fnID = s, *id+"Handler" // the task is held in Go: beside it
	}
	if e := payload["endpoint"]; e != nil && e.Dynamic() {
		awscdk.Annotations_Of(parent).AddWarningV2(jsii.String("@aws-cdk/aws-stepfunctions-tasks:crossRegionEndpointSsrfRisk"), jsii.String(
			"The endpoint property is resolved from the Step Functions state input (e.g. JsonPath or JSONata). This means the endpoint is controlled at runtime by whoever starts the execution. They could redirect the authenticated AWS API call to their own server, intercepting and replaying it. Only use a runtime-resolved endpoint if you trust all principals that can start executions of this state machine."))
	}
	fn := cdkSingleton{handler: crossRegionHandler, uuid: crossRegionUUID, purpose: "CrossRegionAwsSdk",
		timeout: awscdk.Duration_Seconds(jsii.Number(30))}.create(parent, fnID)
	fn.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{Actions: jsii.Strings(iamAction), Resources: jsii.Strings(resources...)}))
	for _, st := range statements {
		fn.AddToRolePolicy(st)
	}
	setARN(fn.FunctionArn())

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
