package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
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
	MaxNumberOfTrainingJobs *float64
	// MaxParallelTrainingJobs, at least 1.
	MaxParallelTrainingJobs *float64
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
	// Role the training jobs run as; it is granted their S3, ECR and KMS use.
	// Default: a role at <task>/SagemakerRole with only what they need.
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

// SageMakerCreateHyperParameterTuningJob is the task
// NewSageMakerCreateHyperParameterTuningJob returns: a Task with a role, a
// grant principal and connections, as the CDK's training job.
type SageMakerCreateHyperParameterTuningJob interface {
	Task
	awsec2.IConnectable
	awsiam.IGrantable
	// Role the training jobs run as: the given one, or the one the task created.
	Role() awsiam.IRole
	// AddSecurityGroup adds a security group to the training jobs' VpcConfig.
	AddSecurityGroup(securityGroup awsec2.ISecurityGroup)
}

// NewSageMakerCreateHyperParameterTuningJob starts a hyperparameter tuning
// job (arn:…:states:::sagemaker:createHyperParameterTuningJob[.sync]).
// REQUEST_RESPONSE (default) or RUN_JOB. Without a Role, the task creates
// one (<task>/SagemakerRole); with a VpcConfig, a security group
// (<task>/TuningJobSecurityGroup).
func NewSageMakerCreateHyperParameterTuningJob(scope constructs.Construct, id *string, props *SageMakerCreateHyperParameterTuningJobProps) SageMakerCreateHyperParameterTuningJob {
	checkProps(scope, id, "SageMakerCreateHyperParameterTuningJob", props == nil)
	b := newSMBuilder(scope, "SageMakerCreateHyperParameterTuningJob", "createHyperParameterTuningJob")
	params := map[string]*Value{
		"HyperParameterTuningJobName": b.name("HyperParameterTuningJobName", props.HyperParameterTuningJobName, 32, "the tuning job name"),
		"Tags":                        b.tags("Tags", props.Tags),
	}
	const cfg = "HyperParameterTuningJobConfig"
	if c := props.HyperParameterTuningJobConfig; c == nil {
		b.problem(cfg, "required: Strategy, ResourceLimits (and usually an objective and ParameterRanges)")
	} else {
		var objective, limits *Value
		if o := c.HyperParameterTuningJobObjective; o != nil {
			objective = obj("Type", b.enumPtr(cfg+".HyperParameterTuningJobObjective.Type", o.Type, "Maximize", "Minimize"),
				"MetricName", b.field(cfg+".HyperParameterTuningJobObjective.MetricName", o.MetricName))
		}
		if l := c.ResourceLimits; l == nil {
			b.problem(cfg+".ResourceLimits", "required: MaxNumberOfTrainingJobs and MaxParallelTrainingJobs")
		} else {
			limits = obj(
				"MaxNumberOfTrainingJobs", b.number(cfg+".ResourceLimits.MaxNumberOfTrainingJobs", l.MaxNumberOfTrainingJobs, 1, -1),
				"MaxParallelTrainingJobs", b.required(cfg+".ResourceLimits.MaxParallelTrainingJobs",
					b.number(cfg+".ResourceLimits.MaxParallelTrainingJobs", l.MaxParallelTrainingJobs, 1, -1), "how many training jobs run at once"))
		}
		params[cfg] = obj(
			"Strategy", b.required(cfg+".Strategy",
				b.enumPtr(cfg+".Strategy", c.Strategy, "Bayesian", "Random", "Hyperband", "Grid"), "Bayesian, Random, Hyperband or Grid"),
			"HyperParameterTuningJobObjective", objective,
			"ResourceLimits", limits,
			"ParameterRanges", c.ParameterRanges,
			"TrainingJobEarlyStoppingType", b.enumPtr(cfg+".TrainingJobEarlyStoppingType", c.TrainingJobEarlyStoppingType, "Off", "Auto"))
	}
	d := props.TrainingJobDefinition
	if d == nil {
		b.problem("TrainingJobDefinition", "required: the training jobs to launch")
		d = &HyperParameterTrainingJobDefinition{}
	}
	const def = "TrainingJobDefinition"
	defParams := map[string]*Value{
		"AlgorithmSpecification": b.algorithm(def+".AlgorithmSpecification", d.AlgorithmSpecification),
		"StaticHyperParameters":  b.verbatim(def+".StaticHyperParameters", d.StaticHyperParameters),
		"InputDataConfig":        b.channels(def+".InputDataConfig", d.InputDataConfig),
		"OutputDataConfig":       b.outputData(def+".OutputDataConfig", d.OutputDataConfig),
		"ResourceConfig":         b.resourceConfig(def+".ResourceConfig", d.ResourceConfig),
		"StoppingCondition":      b.stopping(def+".StoppingCondition", d.StoppingCondition, 3600, maxTrainingSeconds),
		"EnableNetworkIsolation": b.field(def+".EnableNetworkIsolation", d.EnableNetworkIsolation),
		"Environment":            b.verbatim(def+".Environment", d.Environment),
	}
	if c := d.VpcConfig; c != nil {
		defParams["VpcConfig"] = b.vpcConfig(def+".VpcConfig", c.Vpc, c.Subnets, c.SecurityGroups, "TuningJobSecurityGroup", false)
	}
	defParams["RoleArn"] = b.role(props.Role)
	params[def] = obj(flatten(defParams)...)
	b.spec.Params = obj(flatten(params)...)
	return b.newJobState(scope, id, props)
}

// enumPtr is enum for a *string prop.
func (b *smBuilder) enumPtr(prop string, s *string, allowed ...string) *Value {
	if s == nil {
		return nil
	}
	return b.enum(prop, *s, allowed...)
}
