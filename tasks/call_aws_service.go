package tasks

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// CallAwsServiceProps mirrors awsstepfunctionstasks.CallAwsServiceProps.
type CallAwsServiceProps struct {
	// Service is the SDK service name, lower case: "s3", "sagemaker", "sfn".
	Service *string
	// Action is the API action in camelCase: "getObject".
	Action *string
	// Parameters of the API call, keys in PascalCase as the API writes them
	// (tasks.PascalCaseKeys converts a camelCase map). Values may be dynamic.
	Parameters *map[string]interface{}
	// IamResources the call touches. Required: sfnkit will not guess "*".
	IamResources *[]*string
	// IamAction overrides the derived "<service>:<Action>" (for APIs whose
	// IAM action differs, such as s3:listObjectsV2 → s3:ListBucket).
	IamAction *string
	// AdditionalIamStatements the call needs beyond its own action.
	AdditionalIamStatements *[]awsiam.PolicyStatement

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

var (
	sdkServiceName = regexp.MustCompile(`^[a-z0-9]+$`)
	sdkActionName  = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)
	iamActionName  = regexp.MustCompile(`^[a-z0-9-]+:[A-Za-z0-9*]+$`)
)

// CallAwsService is the task NewCallAwsService returns: a Task, typed as the CDK types it.
type CallAwsService interface{ Task }

// NewCallAwsService calls any AWS API through an SDK integration
// (arn:…:states:::aws-sdk:<service>:<action>). REQUEST_RESPONSE and
// WAIT_FOR_TASK_TOKEN only: SDK integrations have no .sync.
func NewCallAwsService(scope constructs.Construct, id *string, props *CallAwsServiceProps) CallAwsService {
	checkProps(scope, id, "CallAwsService", props == nil)
	spec := &engine.Spec{Construct: "CallAwsService", ParamsField: "Parameters"}
	service, action := deref(props.Service), deref(props.Action)
	if !sdkServiceName.MatchString(service) {
		spec.Problems = append(spec.Problems, fieldProblem("Service", "must be the SDK service name in lower case without a prefix (\"s3\", \"sfn\"), got %q", service))
	}
	if !sdkActionName.MatchString(action) {
		spec.Problems = append(spec.Problems, fieldProblem("Action", "must be the API action in camelCase (\"getObject\"), got %q", action))
	}
	iamAction := iampolicy.SDKAction(service, action)
	if props.IamAction != nil {
		iamAction = *props.IamAction
		if !iamActionName.MatchString(iamAction) {
			spec.Problems = append(spec.Problems, fieldProblem("IamAction", "must be \"<prefix>:<Action>\", got %q", iamAction))
		}
	}
	var resources []string
	if props.IamResources != nil {
		for i, r := range *props.IamResources {
			switch {
			case r == nil:
				spec.Problems = append(spec.Problems, fieldProblem(fmt.Sprintf("IamResources[%d]", i), "is nil: give an ARN (or \"*\")"))
			case strings.TrimSpace(*r) != "":
				resources = append(resources, *r)
			}
		}
	}
	if len(resources) == 0 {
		spec.Problems = append(spec.Problems, fieldProblem("IamResources", "required: the ARNs %s acts on (\"*\" only if the action has no resource-level permissions)", iamAction))
	}
	spec.SDK = &engine.SDKCall{Service: service, Action: action}
	// No Parameters is an empty request, as the CDK renders it: without the
	// field Step Functions would send the whole state input as the request.
	spec.Params = value.NewObject(map[string]*Value{})
	if props.Parameters != nil {
		var lower []string
		for _, k := range sortedNames(*props.Parameters) {
			if r := []rune(k); len(r) > 0 && !unicode.IsUpper(r[0]) {
				lower = append(lower, fmt.Sprintf("%q", k))
			}
		}
		if len(lower) > 0 {
			spec.Problems = append(spec.Problems, fieldProblem("Parameters", "names must be PascalCase, as the API writes them (tasks.PascalCaseKeys converts a map), got %s", strings.Join(lower, ", ")))
		}
		if v := field(spec, "Parameters", props.Parameters); v != nil {
			spec.Params = v
		}
	}
	spec.Statements = append([]Statement{{Actions: []string{iamAction}, Resources: resources}},
		readStatements(spec, "AdditionalIamStatements", props.AdditionalIamStatements)...)
	return newTask(scope, id, props, spec)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
