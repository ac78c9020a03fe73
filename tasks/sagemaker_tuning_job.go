package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
)

// HyperParameterTuningJobConfig is how the tuning job searches.
type HyperParameterTuningJobConfig struct {
	// Strategy: Bayesian, Random, Hyperband or Grid (or dynamic).
	Strategy *string
	// Objective to optimize.
	HyperParameterTuningJobObjective *TuningJobObjective
	ResourceLimits                   *TuningResourceLimits
	// ParameterRanges in the API's shape (tasks.Object(...)):
	// {"ContinuousParameterRanges": [...], "IntegerParameterRanges": [...], ...}.
	ParameterRanges *Value
	// TrainingJobEarlyStoppingType: Off or Auto.
	TrainingJobEarlyStoppingType *string
}

// TuningJobObjective is the metric a tuning job optimizes.
type TuningJobObjective struct {
	// Type: Maximize or Minimize.
	Type       *string
	MetricName *string
}

// TuningResourceLimits bound a tuning job.
type TuningResourceLimits struct {
	// MaxNumberOfTrainingJobs, at least 1.
	MaxNumberOfTrainingJobs *Value
	// MaxParallelTrainingJobs, at least 1.
	MaxParallelTrainingJobs *Value
}

// HyperParameterTrainingJobDefinition describes the training jobs a tuning
// job launches. The role is the task's Role.
type HyperParameterTrainingJobDefinition struct {
	AlgorithmSpecification *AlgorithmSpecification
	// StaticHyperParameters, keys kept as given.
	StaticHyperParameters  *map[string]*string
	InputDataConfig        *[]*Channel
	OutputDataConfig       *OutputDataConfig
	ResourceConfig         *ResourceConfig
	StoppingCondition      *StoppingCondition
	VpcConfig              *VpcConfig
	EnableNetworkIsolation *bool
	// Environment variables, keys kept as given.
	Environment *map[string]*string
}

// SageMakerCreateHyperParameterTuningJobProps starts a tuning job: there
// is no such class in awsstepfunctionstasks.
type SageMakerCreateHyperParameterTuningJobProps struct {
	// HyperParameterTuningJobName: 1–32 letters, digits and hyphens, or dynamic.
	HyperParameterTuningJobName   *string
	HyperParameterTuningJobConfig *HyperParameterTuningJobConfig
	TrainingJobDefinition         *HyperParameterTrainingJobDefinition
	// Role the training jobs run as. Default: a role with only what they need.
	Role awsiam.IRole
	// Tags, keys kept as given.
	Tags *map[string]*string

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

// SageMakerCreateHyperParameterTuningJob is the task NewSageMakerCreateHyperParameterTuningJob returns: a Task, typed as the CDK types it.
type SageMakerCreateHyperParameterTuningJob interface{ Task }

// NewSageMakerCreateHyperParameterTuningJob starts a hyperparameter tuning
// job (arn:…:states:::sagemaker:createHyperParameterTuningJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB.
func NewSageMakerCreateHyperParameterTuningJob(scope constructs.Construct, id *string, props *SageMakerCreateHyperParameterTuningJobProps) SageMakerCreateHyperParameterTuningJob {
	checkProps(scope, id, "SageMakerCreateHyperParameterTuningJob", props == nil)
	b := newSMBuilder(scope, id, "SageMakerCreateHyperParameterTuningJob", "createHyperParameterTuningJob")
	params := map[string]*Value{
		"HyperParameterTuningJobName": b.name("HyperParameterTuningJobName", props.HyperParameterTuningJobName, 32, "the tuning job name"),
		"Tags":                        b.tags("Tags", props.Tags),
	}
	if c := props.HyperParameterTuningJobConfig; c == nil {
		b.problem("HyperParameterTuningJobConfig", "required: Strategy, ResourceLimits (and usually an objective and ParameterRanges)")
	} else {
		var objective, limits *Value
		if o := c.HyperParameterTuningJobObjective; o != nil {
			objective = obj("Type", b.enumPtr("HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.Type", o.Type, "Maximize", "Minimize"),
				"MetricName", b.field("HyperParameterTuningJobConfig.HyperParameterTuningJobObjective.MetricName", o.MetricName))
		}
		if l := c.ResourceLimits; l == nil {
			b.problem("HyperParameterTuningJobConfig.ResourceLimits", "required: MaxNumberOfTrainingJobs and MaxParallelTrainingJobs")
		} else {
			limits = obj(
				"MaxNumberOfTrainingJobs", b.atLeast("HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs", l.MaxNumberOfTrainingJobs, 1),
				"MaxParallelTrainingJobs", b.atLeast("HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs",
					b.required("HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs", l.MaxParallelTrainingJobs, "how many training jobs run at once"), 1))
		}
		params["HyperParameterTuningJobConfig"] = obj(
			"Strategy", b.required("HyperParameterTuningJobConfig.Strategy",
				b.enumPtr("HyperParameterTuningJobConfig.Strategy", c.Strategy, "Bayesian", "Random", "Hyperband", "Grid"), "Bayesian, Random, Hyperband or Grid"),
			"HyperParameterTuningJobObjective", objective,
			"ResourceLimits", limits,
			"ParameterRanges", c.ParameterRanges,
			"TrainingJobEarlyStoppingType", b.enumPtr("HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType", c.TrainingJobEarlyStoppingType, "Off", "Auto"))
	}
	d := props.TrainingJobDefinition
	if d == nil {
		b.problem("TrainingJobDefinition", "required: the training jobs to launch")
		d = &HyperParameterTrainingJobDefinition{}
	}
	def := map[string]*Value{
		"AlgorithmSpecification": b.algorithm("TrainingJobDefinition.AlgorithmSpecification", d.AlgorithmSpecification, true),
		"StaticHyperParameters":  b.verbatim("TrainingJobDefinition.StaticHyperParameters", d.StaticHyperParameters),
		"InputDataConfig":        b.channels("TrainingJobDefinition.InputDataConfig", d.InputDataConfig),
		"OutputDataConfig":       b.outputData("TrainingJobDefinition.OutputDataConfig", d.OutputDataConfig),
		"ResourceConfig":         b.resourceConfig("TrainingJobDefinition.ResourceConfig", d.ResourceConfig),
		"StoppingCondition":      b.stopping("TrainingJobDefinition.StoppingCondition", d.StoppingCondition, 3600),
		"VpcConfig":              b.vpc("TrainingJobDefinition.VpcConfig", d.VpcConfig),
		"EnableNetworkIsolation": b.field("TrainingJobDefinition.EnableNetworkIsolation", d.EnableNetworkIsolation),
		"Environment":            b.verbatim("TrainingJobDefinition.Environment", d.Environment),
	}
	def["RoleArn"] = b.role(props.Role)
	params["TrainingJobDefinition"] = obj(flatten(def)...)
	b.spec.Params = obj(flatten(params)...)
	return newTask(scope, id, props, b.spec)
}

// enumPtr is enum for a *string prop.
func (b *smBuilder) enumPtr(prop string, s *string, allowed ...string) *Value {
	if s == nil {
		return nil
	}
	return b.enum(prop, *s, allowed...)
}
