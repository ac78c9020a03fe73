package engine

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// TaskMetrics names the CloudWatch metrics Step Functions publishes for a
// task's resource (a Lambda function, an activity), as the CDK's
// TaskMetricsConfig does. Tasks of other integrations have none.
type TaskMetrics struct {
	Singular, Plural string // "LambdaFunction", "LambdaFunctions"
	Dimensions       map[string]string
}

// Metered is the CDK's TaskStateBase metric and policy API, in Go: the
// metrics cost no jsii call until one is asked for.
type Metered interface {
	Metric(metricName *string, props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricFailed(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricHeartbeatTimedOut(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricRunTime(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricScheduled(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricScheduleTime(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricStarted(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricSucceeded(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricTime(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	MetricTimedOut(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// TaskMetrics is the CDK's config of the task's metrics; nil when the
	// integration publishes none.
	TaskMetrics() *sfn.TaskMetricsConfig
	// TaskPolicies are the task's IAM statements as CDK PolicyStatements.
	TaskPolicies() *[]awsiam.PolicyStatement
}

// metered implements Metered for a task rendered as r, attached to the
// construct that anchor returns (the state, or its scope while held in Go).
type metered struct {
	r      *Rendered
	anchor func() constructs.IConstruct
}

func (m metered) Metric(metricName *string, props *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	mp := &awscloudwatch.MetricProps{Namespace: jsii.String("AWS/States"), MetricName: metricName, Statistic: jsii.String("sum")}
	if tm := m.r.Metrics; tm != nil && len(tm.Dimensions) > 0 {
		dims := make(map[string]*string, len(tm.Dimensions))
		for k, v := range tm.Dimensions {
			dims[k] = jsii.String(v)
		}
		mp.DimensionsMap = &dims
	}
	if props != nil {
		mergeMetricOptions(mp, props)
	}
	return awscloudwatch.NewMetric(mp).AttachTo(m.anchor())
}

// mergeMetricOptions lays the caller's options over the defaults, as the
// CDK's {...defaults, ...props} does.
func mergeMetricOptions(mp *awscloudwatch.MetricProps, o *awscloudwatch.MetricOptions) {
	if o.Account != nil {
		mp.Account = o.Account
	}
	if o.Color != nil {
		mp.Color = o.Color
	}
	if o.DimensionsMap != nil {
		mp.DimensionsMap = o.DimensionsMap
	}
	if o.Id != nil {
		mp.Id = o.Id
	}
	if o.Label != nil {
		mp.Label = o.Label
	}
	if o.Period != nil {
		mp.Period = o.Period
	}
	if o.Region != nil {
		mp.Region = o.Region
	}
	if o.StackAccount != nil {
		mp.StackAccount = o.StackAccount
	}
	if o.StackRegion != nil {
		mp.StackRegion = o.StackRegion
	}
	if o.Statistic != nil {
		mp.Statistic = o.Statistic
	}
	if o.Unit != "" {
		mp.Unit = o.Unit
	}
	if o.Visible != nil {
		mp.Visible = o.Visible
	}
}

func (m metered) taskMetric(plural bool, suffix string, stat string, props *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	tm := m.r.Metrics
	if tm == nil {
		panic(&ValidationError{Construct: "task", Path: *m.anchor().Node().Path(),
			Problems: []error{fieldErr("Metric"+suffix, "this task's integration publishes no task metrics; use Metric(name, props) for a metric of your own")}})
	}
	prefix := tm.Singular
	if plural {
		prefix = tm.Plural
	}
	if stat != "" {
		o := awscloudwatch.MetricOptions{Statistic: jsii.String(stat)}
		if props != nil {
			o = *props
			if o.Statistic == nil {
				o.Statistic = jsii.String(stat)
			}
		}
		props = &o
	}
	return m.Metric(jsii.String(prefix+suffix), props)
}

func (m metered) MetricFailed(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(true, "Failed", "", p)
}
func (m metered) MetricHeartbeatTimedOut(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(true, "HeartbeatTimedOut", "", p)
}
func (m metered) MetricRunTime(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(false, "RunTime", "avg", p)
}
func (m metered) MetricScheduled(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(true, "Scheduled", "", p)
}
func (m metered) MetricScheduleTime(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(false, "ScheduleTime", "avg", p)
}
func (m metered) MetricStarted(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(true, "Started", "", p)
}
func (m metered) MetricSucceeded(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(true, "Succeeded", "", p)
}
func (m metered) MetricTime(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(false, "Time", "avg", p)
}
func (m metered) MetricTimedOut(p *awscloudwatch.MetricOptions) awscloudwatch.Metric {
	return m.taskMetric(true, "TimedOut", "", p)
}

func (m metered) TaskMetrics() *sfn.TaskMetricsConfig {
	tm := m.r.Metrics
	if tm == nil {
		return nil
	}
	cfg := &sfn.TaskMetricsConfig{MetricPrefixSingular: jsii.String(tm.Singular), MetricPrefixPlural: jsii.String(tm.Plural)}
	if len(tm.Dimensions) > 0 {
		dims := make(map[string]interface{}, len(tm.Dimensions))
		for k, v := range tm.Dimensions {
			dims[k] = v
		}
		cfg.MetricDimensions = &dims
	}
	return cfg
}

func (m metered) TaskPolicies() *[]awsiam.PolicyStatement {
	out := make([]awsiam.PolicyStatement, len(m.r.Statements))
	for i, s := range m.r.Statements {
		out[i] = policyStatement(s)
	}
	return &out
}
