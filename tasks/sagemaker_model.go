package tasks

import (
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Mode is how many models a container hosts.
type Mode string

const (
	Mode_SINGLE_MODEL Mode = "SINGLE_MODEL"
	Mode_MULTI_MODEL  Mode = "MULTI_MODEL"
)

// ContainerDefinitionOptions mirrors awsstepfunctionstasks.ContainerDefinitionOptions.
type ContainerDefinitionOptions struct {
	Image DockerImage
	// EnvironmentVariables of the container (tasks.TaskInput_FromObject…);
	// keys kept as given.
	EnvironmentVariables sfn.TaskInput
	ModelPackageName     *string
	Mode                 Mode
	ContainerHostName    *string
	// ModelS3Location of the model artifacts (the job role may read it).
	ModelS3Location S3Location
}

// ContainerDefinitionConfig mirrors awsstepfunctionstasks.ContainerDefinitionConfig.
type ContainerDefinitionConfig struct {
	// Parameters of the container, in the API's shape.
	Parameters *map[string]interface{}
}

// IContainerDefinition is a container of a model, as
// awsstepfunctionstasks.IContainerDefinition. One of your own type is bound
// once the task exists; its parameters may hold CDK JsonPath tokens.
type IContainerDefinition interface {
	Bind(task ISageMakerTask) *ContainerDefinitionConfig
}

// ContainerDefinition is what NewContainerDefinition returns.
type ContainerDefinition interface {
	IContainerDefinition
}

type containerDefinition struct{ options ContainerDefinitionOptions }

// NewContainerDefinition is a container of a model.
func NewContainerDefinition(options *ContainerDefinitionOptions) ContainerDefinition {
	if options == nil {
		options = &ContainerDefinitionOptions{}
	}
	return &containerDefinition{options: *options}
}

// Bind does what the CDK's does: binds the image and the model location
// to task (which grants it their use) and returns the parameters. sfnkit's
// own tasks do not call it.
func (c *containerDefinition) Bind(task ISageMakerTask) *ContainerDefinitionConfig {
	o := c.options
	params := map[string]interface{}{}
	if o.ContainerHostName != nil {
		params["ContainerHostname"] = o.ContainerHostName
	}
	if o.Image != nil {
		params["Image"] = o.Image.Bind(task).ImageUri
	}
	if o.Mode != "" {
		params["Mode"] = enumValue(string(o.Mode))
	}
	if o.ModelS3Location != nil {
		params["ModelDataUrl"] = o.ModelS3Location.Bind(task, &S3LocationBindOptions{ForReading: jsii.Bool(true)}).Uri
	}
	if o.ModelPackageName != nil {
		params["ModelPackageName"] = o.ModelPackageName
	}
	if o.EnvironmentVariables != nil {
		params["Environment"] = o.EnvironmentVariables.Value()
	}
	return &ContainerDefinitionConfig{Parameters: &params}
}

// SageMakerCreateModelProps mirrors awsstepfunctionstasks.SageMakerCreateModelProps.
type SageMakerCreateModelProps struct {
	// ModelName: 1–63 letters, digits and hyphens, or dynamic.
	ModelName *string
	// Role the model runs as (its execution role); it is granted the pull
	// of the images and the read of the artifacts, as the CDK grants them.
	// Default: a role at <task>/SagemakerRole with only what the model
	// needs (ECR pull, S3 read of the artifacts, logs, metrics).
	Role                   awsiam.IRole
	PrimaryContainer       IContainerDefinition
	Containers             *[]IContainerDefinition
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

// SageMakerCreateModel is the task NewSageMakerCreateModel returns: a
// Task with the CDK class's role, grant principal and connections.
type SageMakerCreateModel interface {
	Task
	awsec2.IConnectable
	awsiam.IGrantable
	// Role is the model's execution role: the given one, or the one the
	// task created.
	Role() awsiam.IRole
	// AddSecurityGroup adds a security group to the model's VpcConfig.
	AddSecurityGroup(securityGroup awsec2.ISecurityGroup)
}

// NewSageMakerCreateModel creates a model (arn:…:states:::sagemaker:createModel).
// REQUEST_RESPONSE only. Without a Role, the task creates one
// (<task>/SagemakerRole); with a Vpc, a security group
// (<task>/ModelSecurityGroup).
func NewSageMakerCreateModel(scope constructs.Construct, id *string, props *SageMakerCreateModelProps) SageMakerCreateModel {
	checkProps(scope, id, "SageMakerCreateModel", props == nil)
	b := newSMBuilder(scope, "SageMakerCreateModel", "createModel")
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
		items := []*Value{}
		for i, c := range *props.Containers {
			items = append(items, b.container("Containers["+strconv.Itoa(i)+"]", c))
		}
		params["Containers"] = smList(items)
	}
	if props.Vpc != nil {
		params["VpcConfig"] = b.vpcConfig("Vpc", props.Vpc, props.SubnetSelection, nil, "ModelSecurityGroup", true)
	}
	params["ExecutionRoleArn"] = b.role(props.Role)
	b.spec.Params = obj(flatten(params)...)
	return b.newJobState(scope, id, props)
}

// container renders a container definition: one of ours directly, one of
// the user's own type bound once the task exists.
func (b *smBuilder) container(prop string, c IContainerDefinition) *Value {
	if c == nil {
		b.problem(prop, "is nil")
		return nil
	}
	cd, ours := c.(*containerDefinition)
	if !ours {
		var params *map[string]interface{}
		b.binds = append(b.binds, func(task ISageMakerTask) { params = c.Bind(task).Parameters })
		return value.Lit(awscdk.Lazy_Any(&lazyAny{produce: func() any {
			if params == nil {
				return nil
			}
			if b.jsonata {
				return params
			}
			return sfn.FieldUtils_RenderObject(params)
		}}, nil))
	}
	o := cd.options
	return obj(
		"Image", b.image(prop+".Image", o.Image),
		"Environment", b.verbatim(prop+".EnvironmentVariables", o.EnvironmentVariables),
		"ModelPackageName", b.field(prop+".ModelPackageName", o.ModelPackageName),
		"Mode", b.enum(prop+".Mode", string(o.Mode), "SingleModel", "MultiModel"),
		"ContainerHostname", b.field(prop+".ContainerHostName", o.ContainerHostName),
		"ModelDataUrl", b.s3(prop+".ModelS3Location", o.ModelS3Location, false))
}
