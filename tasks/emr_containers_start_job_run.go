package tasks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/customresources"
	"github.com/aws/aws-cdk-go/awscdk/v2/lambdalayerawscli"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// SparkSubmitJobDriver mirrors awsstepfunctionstasks.SparkSubmitJobDriver.
type SparkSubmitJobDriver struct {
	// EntryPoint (required): the script or JAR, 1 to 256 characters
	// (sfn.TaskInput_FromText, or a path).
	EntryPoint sfn.TaskInput
	// EntryPointArguments: a path to a list of strings
	// (sfn.TaskInput_FromJsonPathAt), or a list
	// (tasks.TaskInput_FromValue(tasks.List("a", tasks.Path("$.b")))).
	EntryPointArguments sfn.TaskInput
	// SparkSubmitParameters: "--conf spark.executor.instances=2 …", 1 to
	// 102400 characters.
	SparkSubmitParameters *string
}

// JobDriver mirrors awsstepfunctionstasks.JobDriver.
type JobDriver struct {
	// SparkSubmitJobDriver (required).
	SparkSubmitJobDriver *SparkSubmitJobDriver
}

// Monitoring mirrors awsstepfunctionstasks.Monitoring.
type Monitoring struct {
	// LogBucket for the job's logs. Default: with Logging, a bucket made
	// at <task>/Monitoring Bucket.
	LogBucket awss3.IBucket
	// Logging makes the log group and bucket not given.
	Logging *bool
	// LogGroup for the job's logs. Default: with Logging, a log group made
	// at <task>/Monitoring Log Group.
	LogGroup awslogs.ILogGroup
	// LogStreamNamePrefix of the job's log streams (needs a log group).
	LogStreamNamePrefix *string
	// PersistentAppUI: false disables it. Default: true.
	PersistentAppUI *bool
}

// ApplicationConfiguration mirrors awsstepfunctionstasks.ApplicationConfiguration.
type ApplicationConfiguration struct {
	// Classification (required): tasks.Classification_SPARK_DEFAULTS() or
	// tasks.NewClassification(…).
	Classification Classification
	// NestedConfig: up to 100 configurations within this one.
	NestedConfig *[]*ApplicationConfiguration
	// Properties: up to 100; values may be dynamic.
	Properties *map[string]*string
}

// EmrContainersStartJobRunProps mirrors
// awsstepfunctionstasks.EmrContainersStartJobRunProps.
type EmrContainersStartJobRunProps struct {
	// JobDriver (required): what the job runs.
	JobDriver *JobDriver
	// ReleaseLabel (required): tasks.ReleaseLabel_EMR_6_3_0() or
	// tasks.NewReleaseLabel(…).
	ReleaseLabel ReleaseLabel
	// VirtualCluster (required) the job runs on.
	VirtualCluster VirtualClusterInput
	// ApplicationConfig: up to 100 configurations.
	ApplicationConfig *[]*ApplicationConfiguration
	// ExecutionRole the job runs with. Default: a role made at
	// <task>/Job-Execution-Role, whose trust policy a custom resource at
	// deploy time opens to the virtual cluster's namespace (the CDK's
	// machinery, at its construct IDs); the virtual cluster must then be
	// known when the app is synthesized.
	ExecutionRole awsiam.IRole
	// JobName, 1 to 64 characters.
	JobName *string
	// Monitoring of the job: logs to CloudWatch Logs and S3.
	Monitoring *Monitoring
	// Tags of the job run (keys kept as written): up to 50.
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

// EmrContainersStartJobRun is the task NewEmrContainersStartJobRun returns:
// a Task whose grant principal is the job's execution role, as the CDK's.
type EmrContainersStartJobRun interface {
	Task
	awsiam.IGrantable
}

var emrContainersStartJobRun, _ = iampolicy.Lookup("emr-containers", "startJobRun")

// emrContainersJob holds what a job task makes once its state exists.
type emrContainersJob struct {
	role      awsiam.IRole
	logGroup  awslogs.ILogGroup
	logBucket awss3.IBucket
}

// emrContainersJobGetters are the task's methods.
type emrContainersJobGetters struct{ job *emrContainersJob }

func (g emrContainersJobGetters) GrantPrincipal() awsiam.IPrincipal { return g.job.role }

type emrContainersJobState struct {
	engine.TaskState
	emrContainersJobGetters
}

// NewEmrContainersStartJobRun runs a job on an EMR on EKS virtual cluster
// (arn:…:states:::emr-containers:startJobRun): RUN_JOB (.sync, the default,
// as in the CDK) waits for the job; REQUEST_RESPONSE returns its ID.
func NewEmrContainersStartJobRun(scope constructs.Construct, id *string, props *EmrContainersStartJobRunProps) EmrContainersStartJobRun {
	checkProps(scope, id, "EmrContainersStartJobRun", props == nil)
	spec := &engine.Spec{Construct: "EmrContainersStartJobRun", Integration: emrContainersStartJobRun, DefaultPattern: iampolicy.RunJob}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	job := &emrContainersJob{role: props.ExecutionRole}

	var cluster *Value
	if props.VirtualCluster == nil {
		p.problem("VirtualCluster", "required: the virtual cluster (tasks.VirtualClusterInput_FromVirtualClusterId or VirtualClusterInput_FromTaskInput)")
	} else {
		if in, ok := props.VirtualCluster.(*virtualClusterInput); ok && in.input != nil {
			cluster = field(spec, "VirtualCluster", in.input)
		} else {
			cluster = field(spec, "VirtualCluster", props.VirtualCluster.Id())
		}
		if cluster == nil {
			p.problem("VirtualCluster", "has no ID")
		} else {
			p.emrContainersID("VirtualCluster", cluster)
			p.fields["VirtualClusterId"] = cluster
		}
	}
	if v := p.optional("JobName", "Name", props.JobName); v != nil {
		p.emrContainersName("JobName", v)
	}
	if props.ExecutionRole == nil {
		if cluster != nil && cluster.Dynamic() {
			p.problem("ExecutionRole", "required when the virtual cluster is decided at run time: the role the job runs with, its trust policy open to the cluster's namespace (the default role's trust policy is set at deploy time from the virtual cluster)")
		}
		p.fields["ExecutionRoleArn"] = value.Lit(emrRoleArn(func() awsiam.IRole { return job.role }))
	} else {
		p.fields["ExecutionRoleArn"] = value.Lit(*props.ExecutionRole.RoleArn())
	}
	if props.ReleaseLabel == nil {
		p.problem("ReleaseLabel", "required: the EMR release (tasks.ReleaseLabel_EMR_6_3_0() or tasks.NewReleaseLabel(…))")
	} else if v := p.optional("ReleaseLabel", "ReleaseLabel", props.ReleaseLabel.Label()); v != nil {
		p.length("ReleaseLabel", v, 1, 64)
	} else {
		p.problem("ReleaseLabel", "has no label")
	}
	p.emrContainersJobDriver(props.JobDriver)

	overrides := map[string]*Value{}
	if props.ApplicationConfig != nil {
		if v := emrContainersAppConfigs(spec, "ApplicationConfig", props.ApplicationConfig); v != nil {
			overrides["ApplicationConfiguration"] = v
		}
	}
	monitoring := map[string]*Value{"PersistentAppUI": value.Lit("ENABLED")}
	m := props.Monitoring
	makeLogGroup, makeLogBucket := false, false
	if m != nil {
		logging := m.Logging != nil && *m.Logging
		job.logGroup, job.logBucket = m.LogGroup, m.LogBucket
		makeLogGroup, makeLogBucket = m.LogGroup == nil && logging, m.LogBucket == nil && logging
		if m.LogGroup != nil || makeLogGroup {
			cw := map[string]*Value{"LogGroupName": value.Lit(*awscdk.Lazy_String(&lazyString{func() *string { return job.logGroup.LogGroupName() }}, nil))}
			if v := field(spec, "Monitoring.LogStreamNamePrefix", m.LogStreamNamePrefix); v != nil {
				p.length("Monitoring.LogStreamNamePrefix", v, 1, 256)
				cw["LogStreamNamePrefix"] = v
			}
			monitoring["CloudWatchMonitoringConfiguration"] = value.NewObject(cw)
		} else if m.LogStreamNamePrefix != nil {
			p.problem("Monitoring.LogStreamNamePrefix", "needs a log group: give Monitoring.LogGroup, or Logging: true")
		}
		if m.PersistentAppUI != nil {
			if v := field(spec, "Monitoring.PersistentAppUI", m.PersistentAppUI); v != nil && v.Dynamic() {
				p.problem("Monitoring.PersistentAppUI", "must be a literal true or false: the request takes ENABLED or DISABLED")
			} else if !*m.PersistentAppUI {
				monitoring["PersistentAppUI"] = value.Lit("DISABLED")
			}
		}
		if m.LogBucket != nil || makeLogBucket {
			monitoring["S3MonitoringConfiguration"] = value.NewObject(map[string]*Value{
				"LogUri": value.Lit(*awscdk.Lazy_String(&lazyString{func() *string { return job.logBucket.S3UrlForObject(nil) }}, nil))})
		}
	}
	overrides["MonitoringConfiguration"] = value.NewObject(monitoring)
	p.fields["ConfigurationOverrides"] = value.NewObject(overrides)
	p.emrContainersTags(props.Tags)
	spec.Params = value.NewObject(p.fields)

	common, problems := engine.ReadCommon(props, false)
	r := engine.Prepare(scope, id, spec, common, problems)
	task := &emrContainersJobState{emrContainersJobGetters: emrContainersJobGetters{job}}
	task.Create(scope, id, r, task)
	job.make(task.CustomState, makeLogGroup, makeLogBucket, cluster)
	return task
}

// make creates what the CDK's task creates, at its construct IDs: the log
// group and bucket asked for, the execution role with the custom resource
// that opens its trust policy to the virtual cluster's namespace, and the
// role's monitoring grants.
func (j *emrContainersJob) make(task constructs.Construct, logGroup, logBucket bool, cluster *Value) {
	if logGroup {
		j.logGroup = awslogs.NewLogGroup(task, jsii.String("Monitoring Log Group"), nil)
	}
	if logBucket {
		j.logBucket = awss3.NewBucket(task, jsii.String("Monitoring Bucket"), nil)
	}
	if j.role == nil {
		role := awsiam.NewRole(task, jsii.String("Job-Execution-Role"), &awsiam.RoleProps{
			AssumedBy: awsiam.NewCompositePrincipal(awsiam.NewServicePrincipal(jsii.String("emr-containers.amazonaws.com"), nil),
				awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil)),
		})
		j.role = role
		clusterID, _ := cluster.String()
		emrContainersTrustPolicy(task, role, clusterID)
	}
	j.grantMonitoring()
}

// grantMonitoring gives the role what the CDK gives it: the log bucket and
// group, and logs:DescribeLogGroups in the account and region.
func (j *emrContainersJob) grantMonitoring() {
	if j.logBucket != nil {
		j.logBucket.GrantReadWrite(j.role, nil)
	}
	if j.logGroup != nil {
		j.logGroup.GrantWrite(j.role)
		j.logGroup.Grant(j.role, jsii.String("logs:DescribeLogStreams"))
	}
	stack := awscdk.Stack_Of(j.role)
	j.role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Resources: jsii.Strings(*stack.FormatArn(&awscdk.ArnComponents{Service: jsii.String("logs"), Resource: jsii.String("*")})),
		Actions:   jsii.Strings("logs:DescribeLogGroups"),
	}))
}

// emrContainersTrustPolicyHandler runs `aws emr-containers
// update-role-trust-policy` for the role, with the AWS CLI layer.
const emrContainersTrustPolicyHandler = `import logging
import subprocess

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event, context):
    if event["RequestType"] not in ("Create", "Update"):
        return
    props = event["ResourceProperties"]
    command = ["/opt/awscli/aws", "emr-containers", "update-role-trust-policy",
               "--cluster-name", props["eksClusterId"], "--namespace", props["eksNamespace"],
               "--role-name", props["roleName"]]
    output = subprocess.run(command, capture_output=True, text=True)
    if output.returncode != 0:
        raise RuntimeError("update-role-trust-policy failed: " + output.stderr)
    logger.info("updated the trust policy of %s", props["roleName"])
`

// emrContainersTrustPolicy is the CDK's machinery for a role it makes: a
// call to DescribeVirtualCluster at deploy time finds the EKS cluster and
// namespace, and a function with the AWS CLI opens the role's trust policy
// to the namespace's EMR service accounts.
func emrContainersTrustPolicy(task constructs.Construct, role awsiam.IRole, clusterID string) {
	info := customresources.NewAwsCustomResource(task, jsii.String("GetEksClusterInfo"), &customresources.AwsCustomResourceProps{
		OnCreate: &customresources.AwsSdkCall{
			Service: jsii.String("EMRcontainers"), Action: jsii.String("describeVirtualCluster"),
			Parameters:         map[string]interface{}{"id": clusterID},
			OutputPaths:        jsii.Strings("virtualCluster.containerProvider.info.eksInfo.namespace", "virtualCluster.containerProvider.id"),
			PhysicalResourceId: customresources.PhysicalResourceId_Of(jsii.String("id")),
		},
		Policy:              customresources.AwsCustomResourcePolicy_FromSdkCalls(&customresources.SdkCallsPolicyOptions{Resources: customresources.AwsCustomResourcePolicy_ANY_RESOURCE()}),
		InstallLatestAwsSdk: jsii.Bool(false),
	})
	layer := lambdalayerawscli.NewAwsCliLayer(task, jsii.String("awsclilayer"))
	fn := awslambda.NewSingletonFunction(task, jsii.String("Call Update-Role-Trust-Policy"), &awslambda.SingletonFunctionProps{
		Uuid:       jsii.String("8693BB64-9689-44B6-9AAF-B0CC9EB8757C"),
		Timeout:    awscdk.Duration_Seconds(jsii.Number(30)),
		MemorySize: jsii.Number(256),
		Layers:     &[]awslambda.ILayerVersion{layer},
		Code:       awslambda.Code_FromInline(jsii.String(emrContainersTrustPolicyHandler)),
		Handler:    jsii.String("index.handler"),
		Runtime:    awslambda.Runtime_PYTHON_3_13(),
	})
	stack := awscdk.Stack_Of(task)
	fn.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Resources: jsii.Strings(*stack.FormatArn(&awscdk.ArnComponents{Service: jsii.String("eks"), Resource: jsii.String("cluster"),
			ResourceName: info.GetResponseField(jsii.String("virtualCluster.containerProvider.id"))})),
		Actions: jsii.Strings("eks:DescribeCluster"),
	}))
	fn.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Resources: jsii.Strings(*role.RoleArn()), Actions: jsii.Strings("iam:GetRole", "iam:UpdateAssumeRolePolicy"),
	}))
	provider := customresources.NewProvider(task, jsii.String("CustomResourceProvider"), &customresources.ProviderProps{OnEventHandler: fn})
	awscdk.NewCustomResource(task, jsii.String("Custom Resource"), &awscdk.CustomResourceProps{
		ServiceToken: provider.ServiceToken(),
		Properties: &map[string]interface{}{
			"eksNamespace": info.GetResponseField(jsii.String("virtualCluster.containerProvider.info.eksInfo.namespace")),
			"eksClusterId": info.GetResponseField(jsii.String("virtualCluster.containerProvider.id")),
			"roleName":     role.RoleName(),
		},
	})
}

// emrContainersJobDriver renders the Spark submit driver, checked as the
// CDK checks it.
func (p *taskParams) emrContainersJobDriver(d *JobDriver) {
	const prop = "JobDriver"
	if d == nil || d.SparkSubmitJobDriver == nil {
		p.problem(prop+".SparkSubmitJobDriver", "required: the Spark job (EntryPoint, and EntryPointArguments and SparkSubmitParameters if any)")
		return
	}
	s := d.SparkSubmitJobDriver
	o := newEmrObj(p.spec, prop+".SparkSubmitJobDriver")
	if v := o.put("EntryPoint", o.field("EntryPoint", s.EntryPoint)); v == nil {
		o.problem("EntryPoint", "required: the script or JAR (sfn.TaskInput_FromText, or a path)")
	} else {
		p.length(o.path("EntryPoint"), v, 1, 256)
	}
	if v := o.field("EntryPointArguments", s.EntryPointArguments); v != nil {
		switch {
		case v.IsExpression():
		case v.Kind() == value.List:
			if n := len(v.Items()); n < 1 || n > 10280 {
				o.problem("EntryPointArguments", "must have 1 to 10280 items, got %d", n)
			}
			for i, item := range v.Items() {
				if _, ok := item.String(); !ok && !item.Dynamic() {
					o.problem(fmt.Sprintf("EntryPointArguments[%d]", i), "must be a string (or dynamic), got %s", describeValue(item))
				}
			}
		default:
			o.problem("EntryPointArguments", "give a list of strings, or a path or expression that yields one, got %s", describeValue(v))
		}
		o.put("EntryPointArguments", v)
	}
	if v := o.str("SparkSubmitParameters", s.SparkSubmitParameters); v != nil {
		p.length(o.path("SparkSubmitParameters"), v, 1, 102400)
	}
	p.fields["JobDriver"] = value.NewObject(map[string]*Value{"SparkSubmitJobDriver": o.value()})
}

// emrContainersAppConfigs renders application configurations: up to 100,
// each with Properties (up to 100) or NestedConfig.
func emrContainersAppConfigs(spec *engine.Spec, at string, list *[]*ApplicationConfiguration) *Value {
	if v, ok := value.Standing(list); ok {
		return v
	}
	if len(*list) > 100 {
		spec.Problems = append(spec.Problems, fieldProblem(at, "at most 100 configurations, got %d", len(*list)))
	}
	items := make([]*Value, 0, len(*list))
	for i, c := range *list {
		path := fmt.Sprintf("%s[%d]", at, i)
		if c == nil {
			spec.Problems = append(spec.Problems, fieldProblem(path, "a nil item: give a value, or leave it out"))
			continue
		}
		o := newEmrObj(spec, path)
		if c.Classification == nil {
			o.problem("Classification", "required: tasks.Classification_SPARK_DEFAULTS() or tasks.NewClassification(…)")
		} else if v := o.put("Classification", o.field("Classification", c.Classification.ClassificationStatement())); v != nil {
			(&taskParams{spec: spec}).length(o.path("Classification"), v, 1, 1024)
		}
		if c.Properties == nil && c.NestedConfig == nil {
			spec.Problems = append(spec.Problems, fieldProblem(path, "give Properties or NestedConfig"))
		}
		if props := o.stringMap("Properties", c.Properties); props != nil && props.Kind() == value.Object && len(props.Fields()) > 100 {
			o.problem("Properties", "at most 100, got %d", len(props.Fields()))
		}
		if c.NestedConfig != nil {
			o.put("Configurations", emrContainersAppConfigs(spec, path+".NestedConfig", c.NestedConfig))
		}
		items = append(items, o.value())
	}
	return value.NewList(items...)
}
