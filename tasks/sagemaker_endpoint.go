package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// ProductionVariant is a model hosted by an endpoint configuration.
type ProductionVariant struct {
	// AcceleratorType such as "ml.eia2.medium" (the CDK has a class).
	AcceleratorType *string
	// InitialInstanceCount, at least 1. Default 1.
	InitialInstanceCount *Value
	// InitialVariantWeight, at least 0.
	InitialVariantWeight *Value
	// InstanceType: an ec2.InstanceType as in the CDK
	// (awsec2.InstanceType_Of(awsec2.InstanceClass_M5, awsec2.InstanceSize_XLARGE)),
	// or a string such as "ml.m5.xlarge", possibly dynamic. A literal
	// without "ml." gets it.
	InstanceType interface{}
	VariantName  *string
	ModelName    *string
}

// SageMakerCreateEndpointConfigProps mirrors awsstepfunctionstasks.SageMakerCreateEndpointConfigProps.
type SageMakerCreateEndpointConfigProps struct {
	// EndpointConfigName: 1–63 letters, digits and hyphens, or dynamic.
	EndpointConfigName *string
	KmsKey             awskms.IKey
	// ProductionVariants: 1 to 10.
	ProductionVariants *[]*ProductionVariant
	// Tags as the API's [{Key, Value}] list.
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

// SageMakerCreateEndpointConfig is the task NewSageMakerCreateEndpointConfig returns: a Task, typed as the CDK types it.
type SageMakerCreateEndpointConfig interface{ Task }

// NewSageMakerCreateEndpointConfig creates an endpoint configuration
// (arn:…:states:::sagemaker:createEndpointConfig). REQUEST_RESPONSE only.
func NewSageMakerCreateEndpointConfig(scope constructs.Construct, id *string, props *SageMakerCreateEndpointConfigProps) SageMakerCreateEndpointConfig {
	checkProps(scope, id, "SageMakerCreateEndpointConfig", props == nil)
	b := newSMBuilder(scope, id, "SageMakerCreateEndpointConfig", "createEndpointConfig")
	params := map[string]*Value{
		"EndpointConfigName": b.name("EndpointConfigName", props.EndpointConfigName, 63, "the endpoint configuration name"),
		"Tags":               b.field("Tags", props.Tags),
	}
	if props.KmsKey != nil {
		params["KmsKeyId"] = b.field("KmsKey", props.KmsKey.KeyId())
	}
	if props.ProductionVariants == nil || len(*props.ProductionVariants) < 1 || len(*props.ProductionVariants) > 10 {
		n := 0
		if props.ProductionVariants != nil {
			n = len(*props.ProductionVariants)
		}
		b.problem("ProductionVariants", "give 1 to 10 production variants, got %d", n)
	} else {
		var items []*Value
		for _, v := range *props.ProductionVariants {
			count := b.atLeast("ProductionVariants.InitialInstanceCount", v.InitialInstanceCount, 1)
			if count == nil {
				count = value.Lit(1.0)
			}
			weight := v.InitialVariantWeight
			if n, ok := weight.Number(); ok && n < 0 {
				b.problem("ProductionVariants.InitialVariantWeight", "must be at least 0, got %v", n)
			}
			items = append(items, obj(
				"InitialInstanceCount", count,
				"InstanceType", b.required("ProductionVariants.InstanceType", b.instanceType("ProductionVariants.InstanceType", v.InstanceType), "the instance type"),
				"ModelName", b.name("ProductionVariants.ModelName", v.ModelName, 63, "the model to host"),
				"VariantName", b.name("ProductionVariants.VariantName", v.VariantName, 63, "the variant name"),
				"AcceleratorType", b.field("ProductionVariants.AcceleratorType", v.AcceleratorType),
				"InitialVariantWeight", weight))
		}
		params["ProductionVariants"] = value.NewList(items...)
	}
	b.spec.Params = obj(flatten(params)...)
	return newTask(scope, id, props, b.spec)
}

// SageMakerCreateEndpointProps mirrors awsstepfunctionstasks.SageMakerCreateEndpointProps.
type SageMakerCreateEndpointProps struct {
	// EndpointName: 1–63 letters, digits and hyphens, or dynamic.
	EndpointName *string
	// EndpointConfigName: 1–63 letters, digits and hyphens, or dynamic.
	EndpointConfigName *string
	// Tags as the API's [{Key, Value}] list.
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

// SageMakerCreateEndpoint is the task NewSageMakerCreateEndpoint returns: a Task, typed as the CDK types it.
type SageMakerCreateEndpoint interface{ Task }

// NewSageMakerCreateEndpoint creates an endpoint
// (arn:…:states:::sagemaker:createEndpoint). REQUEST_RESPONSE only.
func NewSageMakerCreateEndpoint(scope constructs.Construct, id *string, props *SageMakerCreateEndpointProps) SageMakerCreateEndpoint {
	checkProps(scope, id, "SageMakerCreateEndpoint", props == nil)
	b := newSMBuilder(scope, id, "SageMakerCreateEndpoint", "createEndpoint")
	b.spec.Params = obj(
		"EndpointName", b.name("EndpointName", props.EndpointName, 63, "the endpoint name"),
		"EndpointConfigName", b.name("EndpointConfigName", props.EndpointConfigName, 63, "the endpoint configuration"),
		"Tags", b.field("Tags", props.Tags))
	return newTask(scope, id, props, b.spec)
}

// SageMakerUpdateEndpointProps mirrors awsstepfunctionstasks.SageMakerUpdateEndpointProps.
type SageMakerUpdateEndpointProps struct {
	// EndpointName: 1–63 letters, digits and hyphens, or dynamic.
	EndpointName *string
	// EndpointConfigName: 1–63 letters, digits and hyphens, or dynamic.
	EndpointConfigName *string

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

// SageMakerUpdateEndpoint is the task NewSageMakerUpdateEndpoint returns: a Task, typed as the CDK types it.
type SageMakerUpdateEndpoint interface{ Task }

// NewSageMakerUpdateEndpoint switches an endpoint to another configuration
// (arn:…:states:::sagemaker:updateEndpoint). REQUEST_RESPONSE only.
func NewSageMakerUpdateEndpoint(scope constructs.Construct, id *string, props *SageMakerUpdateEndpointProps) SageMakerUpdateEndpoint {
	checkProps(scope, id, "SageMakerUpdateEndpoint", props == nil)
	b := newSMBuilder(scope, id, "SageMakerUpdateEndpoint", "updateEndpoint")
	b.spec.Params = obj(
		"EndpointName", b.name("EndpointName", props.EndpointName, 63, "the endpoint name"),
		"EndpointConfigName", b.name("EndpointConfigName", props.EndpointConfigName, 63, "the endpoint configuration"))
	return newTask(scope, id, props, b.spec)
}
