package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	ekVC   = "z0yghc9wfddurogzx9ws12qr0"
	ekRole = "arn:aws:iam::111122223333:role/emr-eks-job"
)

func ekDriver() *tasks.JobDriver {
	return &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{
		EntryPoint: sfn.TaskInput_FromText(jsii.String("s3://bucket/job.py"))}}
}

func ekJobProps(stack awscdk.Stack, mod func(p *tasks.EmrContainersStartJobRunProps)) *tasks.EmrContainersStartJobRunProps {
	p := &tasks.EmrContainersStartJobRunProps{
		VirtualCluster: tasks.VirtualClusterInput_FromVirtualClusterId(jsii.String(ekVC)),
		ReleaseLabel:   tasks.ReleaseLabel_EMR_6_3_0(),
		ExecutionRole:  awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(ekRole), &awsiam.FromRoleArnOptions{Mutable: jsii.Bool(false)}),
		JobDriver:      ekDriver(),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestEmrContainersRendering(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEmrContainersCreateVirtualCluster(stack, jsii.String("Create"), &tasks.EmrContainersCreateVirtualClusterProps{
		EksCluster: tasks.EksClusterInput_FromCluster(ekCluster(stack)), EksNamespace: jsii.String("spark"),
		Tags: &map[string]*string{"team": tasks.StringAt("$.team")}, ResultPath: jsii.String("$.vc")})
	run := tasks.NewEmrContainersStartJobRun(stack, jsii.String("Run"), ekJobProps(stack, func(p *tasks.EmrContainersStartJobRunProps) {
		p.VirtualCluster = tasks.VirtualClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc.Id")))
		p.JobName = tasks.StringAt("States.Format('job-{}', $$.Execution.Name)")
		p.JobDriver = &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{
			EntryPoint:            sfn.TaskInput_FromText(jsii.String("s3://bucket/job.py")),
			EntryPointArguments:   tasks.TaskInput_FromValue(tasks.List("--day", tasks.Path("$.day"))),
			SparkSubmitParameters: jsii.String("--conf spark.executor.instances=2")}}
		p.ApplicationConfig = &[]*tasks.ApplicationConfiguration{{Classification: tasks.Classification_SPARK_DEFAULTS(),
			Properties: &map[string]*string{"spark.executor.memory": tasks.StringAt("$.memory")}}}
		p.Monitoring = &tasks.Monitoring{PersistentAppUI: jsii.Bool(false)}
		p.Tags = &map[string]*string{"team": jsii.String("data")}
		p.ResultPath = jsii.String("$.run")
	}))
	del := tasks.NewEmrContainersDeleteVirtualCluster(stack, jsii.String("Delete"), &tasks.EmrContainersDeleteVirtualClusterProps{
		VirtualClusterId: sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc.Id")), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
	tpl := machine(t, stack, create.Next(run).Next(del))
	res := "arn:" + partition + ":states:::emr-containers:"

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "createVirtualCluster", "Next": "Run", "ResultPath": "$.vc",
		"Parameters": map[string]any{
			"Name.$":            "States.Format('{}/{}', $$.Execution.Name, $$.State.Name)",
			"ContainerProvider": map[string]any{"Id": "eks-cluster", "Info": map[string]any{"EksInfo": map[string]any{"Namespace": "spark"}}, "Type": "EKS"},
			"Tags":              map[string]any{"team.$": "$.team"},
		}}, state(t, tpl, "Create"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "startJobRun.sync", "Next": "Delete", "ResultPath": "$.run",
		"Parameters": map[string]any{
			"VirtualClusterId.$": "$.vc.Id",
			"Name.$":             "States.Format('job-{}', $$.Execution.Name)",
			"ExecutionRoleArn":   ekRole,
			"ReleaseLabel":       "emr-6.3.0-latest",
			"JobDriver": map[string]any{"SparkSubmitJobDriver": map[string]any{
				"EntryPoint": "s3://bucket/job.py", "EntryPointArguments.$": "States.Array('--day', $.day)",
				"SparkSubmitParameters": "--conf spark.executor.instances=2"}},
			"ConfigurationOverrides": map[string]any{
				"ApplicationConfiguration": []any{map[string]any{"Classification": "spark-defaults", "Properties": map[string]any{"spark.executor.memory.$": "$.memory"}}},
				"MonitoringConfiguration":  map[string]any{"PersistentAppUI": "DISABLED"},
			},
			"Tags": map[string]any{"team": "data"},
		}}, state(t, tpl, "Run"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": res + "deleteVirtualCluster.sync", "End": true,
		"Parameters": map[string]any{"Id.$": "$.vc.Id"}}, state(t, tpl, "Delete"))
	cdktest.Golden(t, "emr_containers", cdktest.Snapshot(tpl))
	integ.Validate(t, stack)
}

func ekCluster(stack awscdk.Stack) awseks.ICluster {
	return awseks.Cluster_FromClusterAttributes(stack, jsii.String("EksCluster"), &awseks.ClusterAttributes{ClusterName: jsii.String("eks-cluster")})
}

// The default execution role, the log group and bucket Logging asks for,
// and the trust-policy machinery are the task's children at the CDK's IDs;
// the role is the grant principal and the request's ExecutionRoleArn.
func TestEmrContainersStartJobRunDefaultRole(t *testing.T) {
	stack := cdktest.NewStack()
	run := tasks.NewEmrContainersStartJobRun(stack, jsii.String("Run"), ekJobProps(stack, func(p *tasks.EmrContainersStartJobRunProps) {
		p.ExecutionRole = nil
		p.Monitoring = &tasks.Monitoring{Logging: jsii.Bool(true), LogStreamNamePrefix: jsii.String("nightly")}
	}))
	role, ok := run.GrantPrincipal().(awsiam.IRole)
	require.True(t, ok)
	assert.Equal(t, "Test/Run/Job-Execution-Role", *role.Node().Path())
	for _, child := range []string{"Monitoring Log Group", "Monitoring Bucket", "GetEksClusterInfo", "awsclilayer",
		"Call Update-Role-Trust-Policy", "CustomResourceProvider", "Custom Resource"} {
		assert.NotNil(t, run.Node().TryFindChild(jsii.String(child)), child)
	}
	tpl := machine(t, stack, run)
	params := state(t, tpl, "Run")["Parameters"].(map[string]any)
	roleID := *stack.GetLogicalId(role.Node().DefaultChild().(awscdk.CfnElement))
	assert.Equal(t, "${"+roleID+".Arn}", params["ExecutionRoleArn"])
	mon := params["ConfigurationOverrides"].(map[string]any)["MonitoringConfiguration"].(map[string]any)
	assert.Equal(t, "nightly", mon["CloudWatchMonitoringConfiguration"].(map[string]any)["LogStreamNamePrefix"])
	assert.Contains(t, mon["S3MonitoringConfiguration"].(map[string]any)["LogUri"], "s3://")
	assert.Len(t, cdktest.Resources(tpl, "Custom::AWS"), 1)
	assert.Len(t, cdktest.Resources(tpl, "AWS::CloudFormation::CustomResource"), 1)

	// The state machine's own statements, among the other roles' (the
	// custom resources' functions have theirs).
	start := stmt([]string{"emr-containers:StartJobRun"}, arn("emr-containers", "/virtualclusters/"+ekVC))
	start["Condition"] = map[string]any{"StringEquals": map[string]any{"emr-containers:ExecutionRoleArn": map[string]any{"Fn::GetAtt": []any{roleID, "Arn"}}}}
	got := cdktest.RoleStatements(t, tpl)
	assert.Contains(t, got, start)
	assert.Contains(t, got, stmt([]string{"emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"}, arn("emr-containers", "/virtualclusters/"+ekVC+"/jobruns/*")))
	assert.Contains(t, got, stmt([]string{"iam:GetRole", "iam:UpdateAssumeRolePolicy"}, "${"+roleID+".Arn}"))
	assert.Contains(t, got, stmt([]string{"logs:DescribeLogGroups"}, arn("logs", "*")))
}

func TestEmrContainersIAM(t *testing.T) {
	vc := arn("emr-containers", "/virtualclusters/"+ekVC)
	anyVC := arn("emr-containers", "/virtualclusters/*")
	startOn := func(resource, op, role string) map[string]any {
		s := stmt([]string{"emr-containers:StartJobRun"}, resource)
		s["Condition"] = map[string]any{op: map[string]any{"emr-containers:ExecutionRoleArn": role}}
		return s
	}
	poll := []string{"emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"}
	slr := stmt([]string{"iam:CreateServiceLinkedRole"},
		"arn:"+partition+":iam::"+account+":role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers")
	slr["Condition"] = map[string]any{"StringLike": map[string]any{"iam:AWSServiceName": "emr-containers.amazonaws.com"}}
	tests := []struct {
		name  string
		build func(s awscdk.Stack) sfn.IChainable
		want  []map[string]any
	}{
		{"create virtual cluster", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrContainersCreateVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("c")))})
		}, []map[string]any{stmt([]string{"emr-containers:CreateVirtualCluster"}, "*"), slr}},
		{"delete, request response", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrContainersDeleteVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersDeleteVirtualClusterProps{
				VirtualClusterId: sfn.TaskInput_FromText(jsii.String(ekVC))})
		}, []map[string]any{stmt([]string{"emr-containers:DeleteVirtualCluster"}, vc)}},
		{"delete, run job, dynamic", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrContainersDeleteVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersDeleteVirtualClusterProps{
				VirtualClusterId: sfn.TaskInput_FromJsonPathAt(jsii.String("$.id")), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, []map[string]any{stmt([]string{"emr-containers:DeleteVirtualCluster", "emr-containers:DescribeVirtualCluster"}, anyVC)}},
		{"start job run, run job (default)", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrContainersStartJobRun(s, jsii.String("T"), ekJobProps(s, nil))
		}, []map[string]any{startOn(vc, "StringEquals", ekRole), stmt(poll, vc+"/jobruns/*")}},
		{"start job run, request response", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrContainersStartJobRun(s, jsii.String("T"), ekJobProps(s, func(p *tasks.EmrContainersStartJobRunProps) {
				p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
			}))
		}, []map[string]any{startOn(vc, "StringEquals", ekRole)}},
		{"start job run, dynamic cluster", func(s awscdk.Stack) sfn.IChainable {
			return tasks.NewEmrContainersStartJobRun(s, jsii.String("T"), ekJobProps(s, func(p *tasks.EmrContainersStartJobRunProps) {
				p.VirtualCluster = tasks.VirtualClusterInput_FromVirtualClusterId(tasks.StringAt("$.vc"))
			}))
		}, []map[string]any{startOn(anyVC, "StringEquals", ekRole), stmt(poll, anyVC+"/jobruns/*")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			got := cdktest.RoleStatements(t, machine(t, stack, tt.build(stack)))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(got))
		})
	}
}

func TestEmrContainersErrors(t *testing.T) {
	job := func(mod func(s awscdk.Stack, p *tasks.EmrContainersStartJobRunProps)) func(s awscdk.Stack) {
		return func(s awscdk.Stack) {
			tasks.NewEmrContainersStartJobRun(s, jsii.String("T"), ekJobProps(s, func(p *tasks.EmrContainersStartJobRunProps) { mod(s, p) }))
		}
	}
	tests := []struct {
		name  string
		build func(s awscdk.Stack)
		want  string
	}{
		{"no EKS cluster", func(s awscdk.Stack) {
			tasks.NewEmrContainersCreateVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersCreateVirtualClusterProps{})
		}, "EksCluster: required"},
		{"bad namespace", func(s awscdk.Stack) {
			tasks.NewEmrContainersCreateVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("c"))), EksNamespace: jsii.String("Spark_Jobs")})
		}, `EksNamespace: "Spark_Jobs" is not a Kubernetes namespace`},
		{"bad virtual cluster name", func(s awscdk.Stack) {
			tasks.NewEmrContainersCreateVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("c"))), VirtualClusterName: jsii.String("my cluster")})
		}, `VirtualClusterName: "my cluster" has a character EMR on EKS rejects`},
		{"too many tags", func(s awscdk.Stack) {
			tags := map[string]*string{}
			for i := 0; i < 51; i++ {
				tags[strings.Repeat("k", i+1)] = jsii.String("v")
			}
			tasks.NewEmrContainersCreateVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("c"))), Tags: &tags})
		}, "Tags: at most 50 tags, got 51"},
		{"create has no .sync", func(s awscdk.Stack) {
			tasks.NewEmrContainersCreateVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("c"))), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, "RUN_JOB is not supported by emr-containers:createVirtualCluster; supported: REQUEST_RESPONSE"},
		{"no virtual cluster ID to delete", func(s awscdk.Stack) {
			tasks.NewEmrContainersDeleteVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersDeleteVirtualClusterProps{})
		}, "VirtualClusterId: required"},
		{"bad virtual cluster ID to delete", func(s awscdk.Stack) {
			tasks.NewEmrContainersDeleteVirtualCluster(s, jsii.String("T"), &tasks.EmrContainersDeleteVirtualClusterProps{VirtualClusterId: sfn.TaskInput_FromText(jsii.String("VC-1"))})
		}, `VirtualClusterId: "VC-1" is not a virtual cluster ID`},
		{"no virtual cluster", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) { p.VirtualCluster = nil }), "VirtualCluster: required"},
		{"dynamic cluster without a role", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.VirtualCluster = tasks.VirtualClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc")))
			p.ExecutionRole = nil
		}), "ExecutionRole: required when the virtual cluster is decided at run time"},
		{"no release label", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) { p.ReleaseLabel = nil }), "ReleaseLabel: required"},
		{"no driver", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) { p.JobDriver = &tasks.JobDriver{} }), "JobDriver.SparkSubmitJobDriver: required"},
		{"no entry point", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.JobDriver = &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{}}
		}), "JobDriver.SparkSubmitJobDriver.EntryPoint: required"},
		{"long entry point", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.JobDriver = &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{EntryPoint: sfn.TaskInput_FromText(jsii.String(strings.Repeat("e", 257)))}}
		}), "JobDriver.SparkSubmitJobDriver.EntryPoint: must be 1 to 256 characters, got 257"},
		{"arguments as text", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.JobDriver = &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{EntryPoint: sfn.TaskInput_FromText(jsii.String("s3://b/j.py")),
				EntryPointArguments: sfn.TaskInput_FromText(jsii.String("--day 1"))}}
		}), "JobDriver.SparkSubmitJobDriver.EntryPointArguments: give a list of strings"},
		{"empty spark parameters", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.JobDriver = &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{EntryPoint: sfn.TaskInput_FromText(jsii.String("s3://b/j.py")),
				SparkSubmitParameters: jsii.String("")}}
		}), "JobDriver.SparkSubmitJobDriver.SparkSubmitParameters: must be 1 to 102400 characters, got 0"},
		{"configuration with nothing", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.ApplicationConfig = &[]*tasks.ApplicationConfiguration{{Classification: tasks.Classification_SPARK()}}
		}), "ApplicationConfig[0]: give Properties or NestedConfig"},
		{"configuration without classification", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.ApplicationConfig = &[]*tasks.ApplicationConfiguration{{Properties: &map[string]*string{"a": jsii.String("b")}}}
		}), "ApplicationConfig[0].Classification: required"},
		{"nil nested configuration", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.ApplicationConfig = &[]*tasks.ApplicationConfiguration{{Classification: tasks.Classification_SPARK(), NestedConfig: &[]*tasks.ApplicationConfiguration{nil}}}
		}), "ApplicationConfig[0].NestedConfig[0]: a nil item"},
		{"stream prefix without a log group", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.Monitoring = &tasks.Monitoring{LogStreamNamePrefix: jsii.String("p")}
		}), "Monitoring.LogStreamNamePrefix: needs a log group"},
		{"bad job name", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) { p.JobName = jsii.String("my job") }),
			`JobName: "my job" has a character EMR on EKS rejects`},
		{"callback", job(func(_ awscdk.Stack, p *tasks.EmrContainersStartJobRunProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.JobName = tasks.StringAt("$$.Task.Token")
		}), "WAIT_FOR_TASK_TOKEN is not supported by emr-containers:startJobRun; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"nil props", func(s awscdk.Stack) { tasks.NewEmrContainersStartJobRun(s, jsii.String("T"), nil) }, "props: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			assert.Contains(t, validationError(t, func() { tt.build(stack) }), tt.want)
		})
	}
}

// Run locally: create a virtual cluster, run a job on it, delete it; a
// failed job is caught and the cluster deleted all the same.
func TestEmrContainersRun(t *testing.T) {
	stack := cdktest.NewStack()
	create := tasks.NewEmrContainersCreateVirtualCluster(stack, jsii.String("Create"), &tasks.EmrContainersCreateVirtualClusterProps{
		EksCluster:         tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.cluster"))),
		VirtualClusterName: tasks.StringAt("$$.Execution.Name"), ResultPath: jsii.String("$.vc")})
	run := tasks.NewEmrContainersStartJobRun(stack, jsii.String("Run"), ekJobProps(stack, func(p *tasks.EmrContainersStartJobRunProps) {
		p.VirtualCluster = tasks.VirtualClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc.Id")))
		p.ResultPath = jsii.String("$.run")
	}))
	del := tasks.NewEmrContainersDeleteVirtualCluster(stack, jsii.String("Delete"), &tasks.EmrContainersDeleteVirtualClusterProps{
		VirtualClusterId: sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc.Id")), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB, ResultPath: jsii.String(tasks.Discard)})
	run.AddCatch(del, &sfn.CatchProps{ResultPath: jsii.String("$.error")})
	sm := sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(create.Next(run).Next(del))})
	var created, started, deleted any
	res := integ.Run(t, stack, sm, map[string]any{"cluster": "eks-cluster"}, integ.Mocks{
		"Create": integ.Func(func(in any) (any, error) { created = in; return map[string]any{"Id": ekVC, "Name": "x"}, nil }),
		"Run": integ.Func(func(in any) (any, error) {
			started = in
			return nil, integ.Fail("States.TaskFailed", "job failed: driver exited 1")
		}),
		"Delete": integ.Func(func(in any) (any, error) { deleted = in; return map[string]any{"Id": ekVC}, nil }),
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"Id": "eks-cluster", "Info": map[string]any{"EksInfo": map[string]any{"Namespace": "default"}}, "Type": "EKS"},
		created.(map[string]any)["ContainerProvider"])
	assert.NotEmpty(t, created.(map[string]any)["Name"])
	assert.Equal(t, ekVC, started.(map[string]any)["VirtualClusterId"])
	assert.Equal(t, map[string]any{"Id": ekVC}, deleted)
	assert.Equal(t, "States.TaskFailed", res.Output.(map[string]any)["error"].(map[string]any)["Error"])
}

func TestEmrContainersWorkflowFastPath(t *testing.T) {
	assertSameOnBothPaths(t, func(scope constructs.Construct, stack awscdk.Stack) sfn.IChainable {
		create := tasks.NewEmrContainersCreateVirtualCluster(scope, jsii.String("Create"), &tasks.EmrContainersCreateVirtualClusterProps{
			EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("c"))), ResultPath: jsii.String("$.vc")})
		role := stack.Node().TryFindChild(jsii.String("JobRole"))
		p := &tasks.EmrContainersStartJobRunProps{
			VirtualCluster: tasks.VirtualClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc.Id"))),
			ReleaseLabel:   tasks.ReleaseLabel_EMR_6_2_0(), JobDriver: ekDriver()}
		if role == nil {
			p.ExecutionRole = awsiam.Role_FromRoleArn(stack, jsii.String("JobRole"), jsii.String(ekRole), &awsiam.FromRoleArnOptions{Mutable: jsii.Bool(false)})
		}
		run := tasks.NewEmrContainersStartJobRun(scope, jsii.String("Run"), p)
		del := tasks.NewEmrContainersDeleteVirtualCluster(scope, jsii.String("Delete"), &tasks.EmrContainersDeleteVirtualClusterProps{
			VirtualClusterId: sfn.TaskInput_FromJsonPathAt(jsii.String("$.vc.Id"))})
		return create.Next(run).Next(del)
	})
}

// In a Workflow the job task is a CDK state at once, its resources under it.
func TestEmrContainersStartJobRunInWorkflow(t *testing.T) {
	stack := cdktest.NewStack()
	flow := fragments.NewWorkflow(stack, jsii.String("Flow"))
	run := tasks.NewEmrContainersStartJobRun(flow, jsii.String("Run"), ekJobProps(stack, func(p *tasks.EmrContainersStartJobRunProps) {
		p.ExecutionRole = nil
		p.Monitoring = &tasks.Monitoring{LogGroup: awslogs.LogGroup_FromLogGroupName(stack, jsii.String("Logs"), jsii.String("emr"))}
		p.StateName = jsii.String("Run the job")
	}))
	assert.Equal(t, "Test/Flow/Run/Job-Execution-Role", *run.GrantPrincipal().(awsiam.IRole).Node().Path())
	fragments.NewStateMachine(stack, jsii.String("Machine"), run, &sfn.StateMachineProps{})
	s := state(t, cdktest.Template(t, stack), "Run the job")
	assert.Equal(t, map[string]any{"LogGroupName": "emr"},
		s["Parameters"].(map[string]any)["ConfigurationOverrides"].(map[string]any)["MonitoringConfiguration"].(map[string]any)["CloudWatchMonitoringConfiguration"])
}
