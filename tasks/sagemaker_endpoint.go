package tasks

import (
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// AcceleratorClass is a generation of Elastic Inference accelerator, as
// awsstepfunctionstasks.AcceleratorClass.
type AcceleratorClass interface {
	// Version: "eia1", "eia2".
	Version() *string
}

type acceleratorClass struct{ version string }

func (a *acceleratorClass) Version() *string { return jsii.String(a.version) }

// AcceleratorClass_EIA1 is the first generation.
func AcceleratorClass_EIA1() AcceleratorClass { return &acceleratorClass{"eia1"} }

// AcceleratorClass_EIA2 is the second generation.
func AcceleratorClass_EIA2() AcceleratorClass { return &acceleratorClass{"eia2"} }

// AcceleratorClass_Of is a generation by its name.
func AcceleratorClass_Of(version *string) AcceleratorClass { return &acceleratorClass{*version} }

// AcceleratorType is the size of Elastic Inference accelerator of a
// production variant, as awsstepfunctionstasks.AcceleratorType. It renders
// as the API's string ("ml.eia2.medium").
type AcceleratorType interface {
	ToString() *string
}

type acceleratorType struct{ id *string }

func (a *acceleratorType) ToString() *string { return a.id }

// NewAcceleratorType is an accelerator type by its identifier ("ml.eia2.medium").
func NewAcceleratorType(instanceTypeIdentifier *string) AcceleratorType {
	return &acceleratorType{instanceTypeIdentifier}
}

// AcceleratorType_Of is ml.<class>.<size>: ml.eia2.medium for
// (AcceleratorClass_EIA2(), awsec2.InstanceSize_MEDIUM).
func AcceleratorType_Of(acceleratorClass AcceleratorClass, instanceSize awsec2.InstanceSize) AcceleratorType {
	// The Go constant is the member's name (XLARGE2); its API spelling
	// (2xlarge) is what an ec2 instance type renders.
	size := strings.TrimPrefix(*awsec2.InstanceType_Of(awsec2.InstanceClass_T3, instanceSize).ToString(), "t3.")
	return &acceleratorType{jsii.String("ml." + *acceleratorClass.Version() + "." + size)}
}

// ProductionVariant is a model hosted by an endpoint configuration.
type ProductionVariant struct {
	// InstanceType: awsec2.InstanceType_Of(awsec2.InstanceClass_M5,
	// awsec2.InstanceSize_XLARGE) renders "ml.m5.xlarge";
	// awsec2.NewInstanceType(sfn.JsonPath_StringAt("$.type")) is read from
	// the input as it is.
	InstanceType awsec2.InstanceType
	// ModelName: 1–63 letters, digits and hyphens, or dynamic.
	ModelName *string
	// VariantName: 1–63 letters, digits and hyphens, or dynamic.
	VariantName *string
	// AcceleratorType of Elastic Inference, if any.
	AcceleratorType AcceleratorType
	// InitialInstanceCount, at least 1. Default 1.
	InitialInstanceCount *float64
	// InitialVariantWeight, at least 0.
	InitialVariantWeight *float64
}

// SageMakerCreateEndpointConfigProps mirrors awsstepfunctionstasks.SageMakerCreateEndpointConfigProps.
type SageMakerCreateEndpointConfigProps struct {
	// EndpointConfigName: 1–63 letters, digits and hyphens, or dynamic.
	EndpointConfigName *string
	KmsKey             interfacesawskms.IKeyRef
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
	b := newSMBuilder(scope, "SageMakerCreateEndpointConfig", "createEndpointConfig")
	params := map[string]*Value{
		"EndpointConfigName": b.name("EndpointConfigName", props.EndpointConfigName, 63, "the endpoint configuration name"),
		"Tags":               b.field("Tags", props.Tags),
		"KmsKeyId":           b.keyRef("KmsKey", props.KmsKey, true),
	}
	if v, ok := standing(props.ProductionVariants); ok {
		params["ProductionVariants"] = v
	} else if props.ProductionVariants == nil || len(*props.ProductionVariants) < 1 || len(*props.ProductionVariants) > 10 {
		n := 0
		if props.ProductionVariants != nil {
			n = len(*props.ProductionVariants)
		}
		b.problem("ProductionVariants", "give 1 to 10 production variants, got %d", n)
	} else {
		items := []*Value{}
		for i, v := range *props.ProductionVariants {
			at := "ProductionVariants[" + strconv.Itoa(i) + "]"
			if v == nil {
				b.problem(at, "is nil")
				continue
			}
			count := b.number(at+".InitialInstanceCount", v.InitialInstanceCount, 1, -1)
			if count == nil {
				count = value.Lit(1.0)
			}
			weight := b.field(at+".InitialVariantWeight", v.InitialVariantWeight)
			if n, ok := literalNumber(weight); ok && n < 0 {
				b.problem(at+".InitialVariantWeight", "must be at least 0, got %v", n)
			}
			var accelerator *Value
			if v.AcceleratorType != nil {
				accelerator = b.field(at+".AcceleratorType", v.AcceleratorType.ToString())
			}
			items = append(items, obj(
				"InitialInstanceCount", count,
				"InstanceType", b.required(at+".InstanceType", b.instanceType(at+".InstanceType", v.InstanceType), "the instance type"),
				"ModelName", b.name(at+".ModelName", v.ModelName, 63, "the model to host"),
				"VariantName", b.name(at+".VariantName", v.VariantName, 63, "the variant name"),
				"AcceleratorType", accelerator,
				"InitialVariantWeight", weight))
		}
		params["ProductionVariants"] = smList(items)
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
	b := newSMBuilder(scope, "SageMakerCreateEndpoint", "createEndpoint")
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
	b := newSMBuilder(scope, "SageMakerUpdateEndpoint", "updateEndpoint")
	b.spec.Params = obj(
		"EndpointName", b.name("EndpointName", props.EndpointName, 63, "the endpoint name"),
		"EndpointConfigName", b.name("EndpointConfigName", props.EndpointConfigName, 63, "the endpoint configuration"))
	return newTask(scope, id, props, b.spec)
}
