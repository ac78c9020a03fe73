package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Mode is how many models a container hosts.
type Mode string

const (
	Mode_SINGLE_MODEL Mode = "SingleModel"
	Mode_MULTI_MODEL  Mode = "MultiModel"
)

// ContainerDefinitionOptions mirrors awsstepfunctionstasks.ContainerDefinitionOptions.
type ContainerDefinitionOptions struct {
	Image *DockerImage
	// EnvironmentVariables of the container (tasks.TaskInput_FromObject…).
	EnvironmentVariables sfn.TaskInput
	ModelPackageName     *string
	Mode                 Mode
	ContainerHostName    *string
	// ModelS3Location of the model artifacts (the created role may read it).
	ModelS3Location *S3Location
}

// ContainerDefinition is a container of a model.
type ContainerDefinition struct{ options ContainerDefinitionOptions }

// NewContainerDefinition mirrors awsstepfunctionstasks.NewContainerDefinition.
func NewContainerDefinition(options *ContainerDefinitionOptions) *ContainerDefinition {
	return &ContainerDefinition{options: *options}
}

// SageMakerCreateModelProps mirrors awsstepfunctionstasks.SageMakerCreateModelProps.
type SageMakerCreateModelProps struct {
	// ModelName: 1–63 letters, digits and hyphens, or dynamic.
	ModelName *string
	// Role the model runs as (its execution role). Default: a role with
	// only what the model needs (ECR pull, S3 read of the artifacts, logs).
	Role                   awsiam.IRole
	PrimaryContainer       *ContainerDefinition
	Containers             *[]*ContainerDefinition
	EnableNetworkIsolation *bool
	Vpc                    awsec2.IVpc
	SubnetSelection        *awsec2.SubnetSelection
	// Tags as the API's [{Key, Value}] list (tasks.TaskInput_FromObject…).
	Tags sfn.TaskInput

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

// SageMakerCreateModel is the task NewSageMakerCreateModel returns: a Task, typed as the CDK types it.
type SageMakerCreateModel interface{ Task }

// NewSageMakerCreateModel creates a model (arn:…:states:::sagemaker:createModel).
// REQUEST_RESPONSE only.
func NewSageMakerCreateModel(scope constructs.Construct, id *string, props *SageMakerCreateModelProps) SageMakerCreateModel {
	checkProps(scope, id, "SageMakerCreateModel", props == nil)
	b := newSMBuilder(scope, id, "SageMakerCreateModel", "createModel")
	params := map[string]*Value{
		"ModelName":              b.name("ModelName", props.ModelName, 63, "the model name"),
		"EnableNetworkIsolation": b.field("EnableNetworkIsolation", props.EnableNetworkIsolation),
		"Tags":                   b.field("Tags", props.Tags),
	}
	if props.PrimaryContainer == nil {
		b.problem("PrimaryContainer", "required: the model's container")
	} else {
		params["PrimaryContainer"] = b.container("PrimaryContainer", props.PrimaryContainer)
	}
	if props.Containers != nil {
		var items []*Value
		for _, c := range *props.Containers {
			items = append(items, b.container("Containers", c))
		}
		params["Containers"] = value.NewList(items...)
	}
	if props.Vpc != nil {
		params["VpcConfig"] = b.vpc("Vpc", &VpcConfig{Vpc: props.Vpc, Subnets: props.SubnetSelection})
	}
	params["ExecutionRoleArn"] = b.role(props.Role)
	b.spec.Params = obj(flatten(params)...)
	return newTask(scope, id, props, b.spec)
}

func (b *smBuilder) container(prop string, c *ContainerDefinition) *Value {
	if c == nil {
		b.problem(prop, "a container is nil")
		return nil
	}
	o := c.options
	return obj(
		"Image", b.image(prop+".Image", o.Image),
		"Environment", b.verbatim(prop+".EnvironmentVariables", o.EnvironmentVariables),
		"ModelPackageName", b.field(prop+".ModelPackageName", o.ModelPackageName),
		"Mode", b.enum(prop+".Mode", string(o.Mode), "SingleModel", "MultiModel"),
		"ContainerHostname", b.field(prop+".ContainerHostName", o.ContainerHostName),
		"ModelDataUrl", b.s3(prop+".ModelS3Location", o.ModelS3Location, false))
}
