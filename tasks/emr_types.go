package tasks

import "github.com/aws/aws-cdk-go/awscdk/v2"

// The types below mirror the CDK's EmrCreateCluster_* types field for
// field, with the same Go types, so that code written for
// awsstepfunctionstasks compiles unchanged. Any field may be decided at run
// time: a *string with tasks.StringAt, a number with tasks.NumberAt, a list
// with tasks.ListAt, a map with tasks.StringMapAt, a bool with
// tasks.BoolAt, a Duration with tasks.DurationAt, an enum with
// tasks.EmrCreateCluster_InstanceMarket(*tasks.StringAt("$.market")), and a
// whole struct or list with tasks.ValueAt (the expression then yields the
// RunJobFlow JSON for it).

// EmrCreateCluster_EmrClusterScaleDownBehavior says how EMR shrinks the
// cluster (RunJobFlow's ScaleDownBehavior).
type EmrCreateCluster_EmrClusterScaleDownBehavior string

const (
	EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_INSTANCE_HOUR   EmrCreateCluster_EmrClusterScaleDownBehavior = "TERMINATE_AT_INSTANCE_HOUR"
	EmrCreateCluster_EmrClusterScaleDownBehavior_TERMINATE_AT_TASK_COMPLETION EmrCreateCluster_EmrClusterScaleDownBehavior = "TERMINATE_AT_TASK_COMPLETION"
)

// EmrCreateCluster_InstanceRoleType is the role of an instance group or fleet.
type EmrCreateCluster_InstanceRoleType string

const (
	EmrCreateCluster_InstanceRoleType_MASTER EmrCreateCluster_InstanceRoleType = "MASTER"
	EmrCreateCluster_InstanceRoleType_CORE   EmrCreateCluster_InstanceRoleType = "CORE"
	EmrCreateCluster_InstanceRoleType_TASK   EmrCreateCluster_InstanceRoleType = "TASK"
)

// EmrCreateCluster_EbsBlockDeviceVolumeType is an EBS volume type; it
// renders in lower case ("gp3"), as EMR takes it.
type EmrCreateCluster_EbsBlockDeviceVolumeType string

const (
	EmrCreateCluster_EbsBlockDeviceVolumeType_GP3      EmrCreateCluster_EbsBlockDeviceVolumeType = "GP3"
	EmrCreateCluster_EbsBlockDeviceVolumeType_GP2      EmrCreateCluster_EbsBlockDeviceVolumeType = "GP2"
	EmrCreateCluster_EbsBlockDeviceVolumeType_IO1      EmrCreateCluster_EbsBlockDeviceVolumeType = "IO1"
	EmrCreateCluster_EbsBlockDeviceVolumeType_ST1      EmrCreateCluster_EbsBlockDeviceVolumeType = "ST1"
	EmrCreateCluster_EbsBlockDeviceVolumeType_SC1      EmrCreateCluster_EbsBlockDeviceVolumeType = "SC1"
	EmrCreateCluster_EbsBlockDeviceVolumeType_STANDARD EmrCreateCluster_EbsBlockDeviceVolumeType = "STANDARD"
)

// EmrCreateCluster_OnDemandAllocationStrategy is how an instance fleet
// picks On-Demand instance types; it renders as EMR takes it ("lowest-price").
type EmrCreateCluster_OnDemandAllocationStrategy string

const (
	EmrCreateCluster_OnDemandAllocationStrategy_LOWEST_PRICE EmrCreateCluster_OnDemandAllocationStrategy = "LOWEST_PRICE"
	EmrCreateCluster_OnDemandAllocationStrategy_PRIORITIZED  EmrCreateCluster_OnDemandAllocationStrategy = "PRIORITIZED"
)

// EmrCreateCluster_SpotTimeoutAction is what happens when no Spot capacity
// is found in time.
type EmrCreateCluster_SpotTimeoutAction string

const (
	EmrCreateCluster_SpotTimeoutAction_SWITCH_TO_ON_DEMAND EmrCreateCluster_SpotTimeoutAction = "SWITCH_TO_ON_DEMAND"
	EmrCreateCluster_SpotTimeoutAction_TERMINATE_CLUSTER   EmrCreateCluster_SpotTimeoutAction = "TERMINATE_CLUSTER"
)

// EmrCreateCluster_SpotAllocationStrategy is how an instance fleet picks
// Spot instance types; it renders as EMR takes it ("capacity-optimized").
type EmrCreateCluster_SpotAllocationStrategy string

const (
	EmrCreateCluster_SpotAllocationStrategy_CAPACITY_OPTIMIZED       EmrCreateCluster_SpotAllocationStrategy = "CAPACITY_OPTIMIZED"
	EmrCreateCluster_SpotAllocationStrategy_PRICE_CAPACITY_OPTIMIZED EmrCreateCluster_SpotAllocationStrategy = "PRICE_CAPACITY_OPTIMIZED"
	EmrCreateCluster_SpotAllocationStrategy_LOWEST_PRICE             EmrCreateCluster_SpotAllocationStrategy = "LOWEST_PRICE"
	EmrCreateCluster_SpotAllocationStrategy_DIVERSIFIED              EmrCreateCluster_SpotAllocationStrategy = "DIVERSIFIED"
)

// EmrCreateCluster_CloudWatchAlarmComparisonOperator compares a metric with
// its threshold.
type EmrCreateCluster_CloudWatchAlarmComparisonOperator string

const (
	EmrCreateCluster_CloudWatchAlarmComparisonOperator_GREATER_THAN_OR_EQUAL EmrCreateCluster_CloudWatchAlarmComparisonOperator = "GREATER_THAN_OR_EQUAL"
	EmrCreateCluster_CloudWatchAlarmComparisonOperator_GREATER_THAN          EmrCreateCluster_CloudWatchAlarmComparisonOperator = "GREATER_THAN"
	EmrCreateCluster_CloudWatchAlarmComparisonOperator_LESS_THAN             EmrCreateCluster_CloudWatchAlarmComparisonOperator = "LESS_THAN"
	EmrCreateCluster_CloudWatchAlarmComparisonOperator_LESS_THAN_OR_EQUAL    EmrCreateCluster_CloudWatchAlarmComparisonOperator = "LESS_THAN_OR_EQUAL"
)

// EmrCreateCluster_CloudWatchAlarmStatistic is the statistic an alarm applies.
type EmrCreateCluster_CloudWatchAlarmStatistic string

const (
	EmrCreateCluster_CloudWatchAlarmStatistic_SAMPLE_COUNT EmrCreateCluster_CloudWatchAlarmStatistic = "SAMPLE_COUNT"
	EmrCreateCluster_CloudWatchAlarmStatistic_AVERAGE      EmrCreateCluster_CloudWatchAlarmStatistic = "AVERAGE"
	EmrCreateCluster_CloudWatchAlarmStatistic_SUM          EmrCreateCluster_CloudWatchAlarmStatistic = "SUM"
	EmrCreateCluster_CloudWatchAlarmStatistic_MINIMUM      EmrCreateCluster_CloudWatchAlarmStatistic = "MINIMUM"
	EmrCreateCluster_CloudWatchAlarmStatistic_MAXIMUM      EmrCreateCluster_CloudWatchAlarmStatistic = "MAXIMUM"
)

// EmrCreateCluster_CloudWatchAlarmUnit is the unit of an alarm's metric.
type EmrCreateCluster_CloudWatchAlarmUnit string

const (
	EmrCreateCluster_CloudWatchAlarmUnit_NONE                  EmrCreateCluster_CloudWatchAlarmUnit = "NONE"
	EmrCreateCluster_CloudWatchAlarmUnit_SECONDS               EmrCreateCluster_CloudWatchAlarmUnit = "SECONDS"
	EmrCreateCluster_CloudWatchAlarmUnit_MICRO_SECONDS         EmrCreateCluster_CloudWatchAlarmUnit = "MICRO_SECONDS"
	EmrCreateCluster_CloudWatchAlarmUnit_MILLI_SECONDS         EmrCreateCluster_CloudWatchAlarmUnit = "MILLI_SECONDS"
	EmrCreateCluster_CloudWatchAlarmUnit_BYTES                 EmrCreateCluster_CloudWatchAlarmUnit = "BYTES"
	EmrCreateCluster_CloudWatchAlarmUnit_KILO_BYTES            EmrCreateCluster_CloudWatchAlarmUnit = "KILO_BYTES"
	EmrCreateCluster_CloudWatchAlarmUnit_MEGA_BYTES            EmrCreateCluster_CloudWatchAlarmUnit = "MEGA_BYTES"
	EmrCreateCluster_CloudWatchAlarmUnit_GIGA_BYTES            EmrCreateCluster_CloudWatchAlarmUnit = "GIGA_BYTES"
	EmrCreateCluster_CloudWatchAlarmUnit_TERA_BYTES            EmrCreateCluster_CloudWatchAlarmUnit = "TERA_BYTES"
	EmrCreateCluster_CloudWatchAlarmUnit_BITS                  EmrCreateCluster_CloudWatchAlarmUnit = "BITS"
	EmrCreateCluster_CloudWatchAlarmUnit_KILO_BITS             EmrCreateCluster_CloudWatchAlarmUnit = "KILO_BITS"
	EmrCreateCluster_CloudWatchAlarmUnit_MEGA_BITS             EmrCreateCluster_CloudWatchAlarmUnit = "MEGA_BITS"
	EmrCreateCluster_CloudWatchAlarmUnit_GIGA_BITS             EmrCreateCluster_CloudWatchAlarmUnit = "GIGA_BITS"
	EmrCreateCluster_CloudWatchAlarmUnit_TERA_BITS             EmrCreateCluster_CloudWatchAlarmUnit = "TERA_BITS"
	EmrCreateCluster_CloudWatchAlarmUnit_PERCENT               EmrCreateCluster_CloudWatchAlarmUnit = "PERCENT"
	EmrCreateCluster_CloudWatchAlarmUnit_COUNT                 EmrCreateCluster_CloudWatchAlarmUnit = "COUNT"
	EmrCreateCluster_CloudWatchAlarmUnit_BYTES_PER_SECOND      EmrCreateCluster_CloudWatchAlarmUnit = "BYTES_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_KILO_BYTES_PER_SECOND EmrCreateCluster_CloudWatchAlarmUnit = "KILO_BYTES_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_MEGA_BYTES_PER_SECOND EmrCreateCluster_CloudWatchAlarmUnit = "MEGA_BYTES_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_GIGA_BYTES_PER_SECOND EmrCreateCluster_CloudWatchAlarmUnit = "GIGA_BYTES_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_TERA_BYTES_PER_SECOND EmrCreateCluster_CloudWatchAlarmUnit = "TERA_BYTES_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_BITS_PER_SECOND       EmrCreateCluster_CloudWatchAlarmUnit = "BITS_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_KILO_BITS_PER_SECOND  EmrCreateCluster_CloudWatchAlarmUnit = "KILO_BITS_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_MEGA_BITS_PER_SECOND  EmrCreateCluster_CloudWatchAlarmUnit = "MEGA_BITS_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_GIGA_BITS_PER_SECOND  EmrCreateCluster_CloudWatchAlarmUnit = "GIGA_BITS_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_TERA_BITS_PER_SECOND  EmrCreateCluster_CloudWatchAlarmUnit = "TERA_BITS_PER_SECOND"
	EmrCreateCluster_CloudWatchAlarmUnit_COUNT_PER_SECOND      EmrCreateCluster_CloudWatchAlarmUnit = "COUNT_PER_SECOND"
)

// EmrCreateCluster_InstanceMarket is On-Demand or Spot.
type EmrCreateCluster_InstanceMarket string

const (
	EmrCreateCluster_InstanceMarket_ON_DEMAND EmrCreateCluster_InstanceMarket = "ON_DEMAND"
	EmrCreateCluster_InstanceMarket_SPOT      EmrCreateCluster_InstanceMarket = "SPOT"
)

// EmrCreateCluster_ScalingAdjustmentType is how a scaling rule's
// ScalingAdjustment is read.
type EmrCreateCluster_ScalingAdjustmentType string

const (
	EmrCreateCluster_ScalingAdjustmentType_CHANGE_IN_CAPACITY         EmrCreateCluster_ScalingAdjustmentType = "CHANGE_IN_CAPACITY"
	EmrCreateCluster_ScalingAdjustmentType_PERCENT_CHANGE_IN_CAPACITY EmrCreateCluster_ScalingAdjustmentType = "PERCENT_CHANGE_IN_CAPACITY"
	EmrCreateCluster_ScalingAdjustmentType_EXACT_CAPACITY             EmrCreateCluster_ScalingAdjustmentType = "EXACT_CAPACITY"
)

// EmrCreateCluster_ComputeLimitsUnitType is the unit of managed scaling's
// limits; it renders as EMR takes it ("InstanceFleetUnits").
type EmrCreateCluster_ComputeLimitsUnitType string

const (
	EmrCreateCluster_ComputeLimitsUnitType_INSTANCE_FLEET_UNITS EmrCreateCluster_ComputeLimitsUnitType = "INSTANCE_FLEET_UNITS"
	EmrCreateCluster_ComputeLimitsUnitType_INSTANCES            EmrCreateCluster_ComputeLimitsUnitType = "INSTANCES"
	EmrCreateCluster_ComputeLimitsUnitType_VCPU                 EmrCreateCluster_ComputeLimitsUnitType = "VCPU"
)

// EmrCreateCluster_InstancesConfigProperty describes the cluster's
// instances (RunJobFlow's Instances): InstanceCount with
// MasterInstanceType and SlaveInstanceType for a uniform cluster, or
// InstanceGroups, or InstanceFleets. KeepJobFlowAliveWhenNoSteps is always
// true, as Step Functions requires.
type EmrCreateCluster_InstancesConfigProperty struct {
	AdditionalMasterSecurityGroups *[]*string
	AdditionalSlaveSecurityGroups  *[]*string
	Ec2KeyName                     *string
	Ec2SubnetId                    *string
	Ec2SubnetIds                   *[]*string
	EmrManagedMasterSecurityGroup  *string
	EmrManagedSlaveSecurityGroup   *string
	HadoopVersion                  *string
	// InstanceCount of a uniform cluster: at least 1.
	InstanceCount              *float64
	InstanceFleets             *[]*EmrCreateCluster_InstanceFleetConfigProperty
	InstanceGroups             *[]*EmrCreateCluster_InstanceGroupConfigProperty
	MasterInstanceType         *string
	Placement                  *EmrCreateCluster_PlacementTypeProperty
	ServiceAccessSecurityGroup *string
	SlaveInstanceType          *string
	TerminationProtected       *bool
}

// EmrCreateCluster_PlacementTypeProperty is the Availability Zone(s) of the
// cluster.
type EmrCreateCluster_PlacementTypeProperty struct {
	AvailabilityZone  *string
	AvailabilityZones *[]*string
}

// EmrCreateCluster_InstanceGroupConfigProperty is one instance group.
type EmrCreateCluster_InstanceGroupConfigProperty struct {
	// InstanceCount (required): at least 0.
	InstanceCount *float64
	// InstanceRole (required): MASTER, CORE or TASK.
	InstanceRole EmrCreateCluster_InstanceRoleType
	// InstanceType (required): m5.xlarge, ….
	InstanceType      *string
	AutoScalingPolicy *EmrCreateCluster_AutoScalingPolicyProperty
	// BidPrice: the Spot price in USD ("0.5").
	BidPrice         *string
	Configurations   *[]*EmrCreateCluster_ConfigurationProperty
	EbsConfiguration *EmrCreateCluster_EbsConfigurationProperty
	Market           EmrCreateCluster_InstanceMarket
	Name             *string
}

// EmrCreateCluster_InstanceFleetConfigProperty is one instance fleet. A
// fleet wants TargetOnDemandCapacity or TargetSpotCapacity above 0; a
// master fleet exactly one of them, of 1.
type EmrCreateCluster_InstanceFleetConfigProperty struct {
	// InstanceFleetType (required): MASTER, CORE or TASK.
	InstanceFleetType      EmrCreateCluster_InstanceRoleType
	InstanceTypeConfigs    *[]*EmrCreateCluster_InstanceTypeConfigProperty
	LaunchSpecifications   *EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty
	Name                   *string
	TargetOnDemandCapacity *float64
	TargetSpotCapacity     *float64
}

// EmrCreateCluster_InstanceTypeConfigProperty is one instance type of a fleet.
type EmrCreateCluster_InstanceTypeConfigProperty struct {
	// InstanceType (required).
	InstanceType *string
	// BidPrice or BidPriceAsPercentageOfOnDemandPrice (not both).
	BidPrice                            *string
	BidPriceAsPercentageOfOnDemandPrice *float64
	Configurations                      *[]*EmrCreateCluster_ConfigurationProperty
	EbsConfiguration                    *EmrCreateCluster_EbsConfigurationProperty
	// Priority (0 first) needs the PRIORITIZED On-Demand allocation strategy.
	Priority         *float64
	WeightedCapacity *float64
}

// EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty is how
// a fleet provisions On-Demand and Spot instances.
type EmrCreateCluster_InstanceFleetProvisioningSpecificationsProperty struct {
	OnDemandSpecification *EmrCreateCluster_OnDemandProvisioningSpecificationProperty
	SpotSpecification     *EmrCreateCluster_SpotProvisioningSpecificationProperty
}

// EmrCreateCluster_OnDemandProvisioningSpecificationProperty is the
// On-Demand allocation strategy of a fleet.
type EmrCreateCluster_OnDemandProvisioningSpecificationProperty struct {
	// AllocationStrategy (required).
	AllocationStrategy EmrCreateCluster_OnDemandAllocationStrategy
}

// EmrCreateCluster_SpotProvisioningSpecificationProperty is how a fleet
// waits for Spot capacity: give Timeout or TimeoutDurationMinutes (5 to
// 1440 minutes), not both.
type EmrCreateCluster_SpotProvisioningSpecificationProperty struct {
	// TimeoutAction (required).
	TimeoutAction      EmrCreateCluster_SpotTimeoutAction
	AllocationStrategy EmrCreateCluster_SpotAllocationStrategy
	// BlockDurationMinutes: the defined duration of Spot instances, 60 to
	// 360 in steps of 60.
	BlockDurationMinutes *float64
	// Timeout: whole minutes.
	Timeout awscdk.Duration
	// Deprecated: use Timeout.
	TimeoutDurationMinutes *float64
}

// EmrCreateCluster_EbsConfigurationProperty is the EBS volumes of each
// instance.
type EmrCreateCluster_EbsConfigurationProperty struct {
	EbsBlockDeviceConfigs *[]*EmrCreateCluster_EbsBlockDeviceConfigProperty
	EbsOptimized          *bool
}

// EmrCreateCluster_EbsBlockDeviceConfigProperty is a kind of EBS volume
// and how many of it each instance gets.
type EmrCreateCluster_EbsBlockDeviceConfigProperty struct {
	// VolumeSpecification (required).
	VolumeSpecification *EmrCreateCluster_VolumeSpecificationProperty
	// VolumesPerInstance: at least 1.
	VolumesPerInstance *float64
}

// EmrCreateCluster_VolumeSpecificationProperty is an EBS volume.
type EmrCreateCluster_VolumeSpecificationProperty struct {
	// VolumeSize (required): whole GiB, rendered as SizeInGB.
	VolumeSize awscdk.Size
	// VolumeType (required).
	VolumeType EmrCreateCluster_EbsBlockDeviceVolumeType
	Iops       *float64
}

// EmrCreateCluster_AutoScalingPolicyProperty is the automatic scaling of
// an instance group.
type EmrCreateCluster_AutoScalingPolicyProperty struct {
	// Constraints (required).
	Constraints *EmrCreateCluster_ScalingConstraintsProperty
	// Rules (required).
	Rules *[]*EmrCreateCluster_ScalingRuleProperty
}

// EmrCreateCluster_ScalingConstraintsProperty bounds an instance group's size.
type EmrCreateCluster_ScalingConstraintsProperty struct {
	// MaxCapacity (required): at least MinCapacity.
	MaxCapacity *float64
	// MinCapacity (required): at least 0.
	MinCapacity *float64
}

// EmrCreateCluster_ScalingRuleProperty is one scaling rule.
type EmrCreateCluster_ScalingRuleProperty struct {
	// Action (required).
	Action *EmrCreateCluster_ScalingActionProperty
	// Name (required).
	Name *string
	// Trigger (required).
	Trigger     *EmrCreateCluster_ScalingTriggerProperty
	Description *string
}

// EmrCreateCluster_ScalingActionProperty is what a scaling rule does.
type EmrCreateCluster_ScalingActionProperty struct {
	// SimpleScalingPolicyConfiguration (required).
	SimpleScalingPolicyConfiguration *EmrCreateCluster_SimpleScalingPolicyConfigurationProperty
	Market                           EmrCreateCluster_InstanceMarket
}

// EmrCreateCluster_SimpleScalingPolicyConfigurationProperty is how much to
// scale by.
type EmrCreateCluster_SimpleScalingPolicyConfigurationProperty struct {
	// ScalingAdjustment (required): a whole number.
	ScalingAdjustment *float64
	AdjustmentType    EmrCreateCluster_ScalingAdjustmentType
	// CoolDown: seconds, at least 0.
	CoolDown *float64
}

// EmrCreateCluster_ScalingTriggerProperty is when a scaling rule fires.
type EmrCreateCluster_ScalingTriggerProperty struct {
	// CloudWatchAlarmDefinition (required).
	CloudWatchAlarmDefinition *EmrCreateCluster_CloudWatchAlarmDefinitionProperty
}

// EmrCreateCluster_CloudWatchAlarmDefinitionProperty is the alarm that
// triggers a scaling rule.
type EmrCreateCluster_CloudWatchAlarmDefinitionProperty struct {
	// ComparisonOperator (required).
	ComparisonOperator EmrCreateCluster_CloudWatchAlarmComparisonOperator
	// MetricName (required).
	MetricName *string
	// Period (required): whole seconds.
	Period     awscdk.Duration
	Dimensions *[]*EmrCreateCluster_MetricDimensionProperty
	// EvaluationPeriods: at least 1.
	EvaluationPeriods *float64
	Namespace         *string
	Statistic         EmrCreateCluster_CloudWatchAlarmStatistic
	Threshold         *float64
	Unit              EmrCreateCluster_CloudWatchAlarmUnit
}

// EmrCreateCluster_MetricDimensionProperty is one dimension of an alarm's metric.
type EmrCreateCluster_MetricDimensionProperty struct {
	Key   *string
	Value *string
}

// EmrCreateCluster_KerberosAttributesProperty configures Kerberos
// authentication (with a security configuration that enables it).
type EmrCreateCluster_KerberosAttributesProperty struct {
	// Realm (required).
	Realm                            *string
	AdDomainJoinPassword             *string
	AdDomainJoinUser                 *string
	CrossRealmTrustPrincipalPassword *string
	KdcAdminPassword                 *string
}

// EmrCreateCluster_ManagedScalingPolicyProperty is EMR managed scaling.
type EmrCreateCluster_ManagedScalingPolicyProperty struct {
	ComputeLimits *EmrCreateCluster_ManagedScalingComputeLimitsProperty
}

// EmrCreateCluster_ManagedScalingComputeLimitsProperty bounds managed scaling.
type EmrCreateCluster_ManagedScalingComputeLimitsProperty struct {
	// MaximumCapacityUnits (required): at least MinimumCapacityUnits.
	MaximumCapacityUnits *float64
	// MinimumCapacityUnits (required): at least 1.
	MinimumCapacityUnits *float64
	// UnitType (required).
	UnitType EmrCreateCluster_ComputeLimitsUnitType
	// MaximumCoreCapacityUnits, MaximumOnDemandCapacityUnits: at most
	// MaximumCapacityUnits.
	MaximumCoreCapacityUnits     *float64
	MaximumOnDemandCapacityUnits *float64
}

// EmrCreateCluster_ConfigurationProperty is an application configuration:
// a classification ("spark-defaults"), its properties (keys kept as
// written) and nested configurations.
type EmrCreateCluster_ConfigurationProperty struct {
	Classification *string
	Configurations *[]*EmrCreateCluster_ConfigurationProperty
	Properties     *map[string]*string
}

// EmrCreateCluster_ApplicationConfigProperty is an application to install.
type EmrCreateCluster_ApplicationConfigProperty struct {
	// Name (required): Spark, Hive, ….
	Name *string
	// AdditionalInfo: keys kept as written.
	AdditionalInfo *map[string]*string
	Args           *[]*string
	Version        *string
}

// EmrCreateCluster_BootstrapActionConfigProperty is a script run on each
// node when it starts.
type EmrCreateCluster_BootstrapActionConfigProperty struct {
	// Name (required).
	Name *string
	// ScriptBootstrapAction (required).
	ScriptBootstrapAction *EmrCreateCluster_ScriptBootstrapActionConfigProperty
}

// EmrCreateCluster_ScriptBootstrapActionConfigProperty is a bootstrap
// action's script.
type EmrCreateCluster_ScriptBootstrapActionConfigProperty struct {
	// Path (required): the script's S3 location.
	Path *string
	Args *[]*string
}
