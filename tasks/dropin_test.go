package tasks_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

func TestStateNameNamesTheStateOnBothPaths(t *testing.T) {
	for _, inWorkflow := range []bool{false, true} {
		stack := cdktest.NewStack()
		var scope constructs.Construct = stack
		if inWorkflow {
			scope = fragments.NewWorkflow(stack, jsii.String("Flow"))
		}
		first := tasks.NewLambdaInvoke(scope, jsii.String("First"), &tasks.LambdaInvokeProps{
			LambdaFunction: function(stack, "worker"), StateName: jsii.String("Step one"), RetryOnServiceExceptions: jsii.Bool(false)})
		second := tasks.NewLambdaInvoke(scope, jsii.String("Second"), &tasks.LambdaInvokeProps{
			LambdaFunction: function(stack, "worker"), RetryOnServiceExceptions: jsii.Bool(false)})
		def := cdktest.Definition(t, machine(t, stack, first.Next(second)))
		assert.Equal(t, "Step one", def["StartAt"], "workflow=%v", inWorkflow)
		states := def["States"].(map[string]any)
		require.Contains(t, states, "Step one")
		assert.Equal(t, "Second", states["Step one"].(map[string]any)["Next"])
		assert.NotContains(t, states, "First")
	}
}

func TestDeprecatedTimeoutsWinAsInTheCDK(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{
		LambdaFunction:   function(stack, "worker"),
		Timeout:          awscdk.Duration_Minutes(jsii.Number(5)),
		TaskTimeout:      sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(30))),
		Heartbeat:        awscdk.Duration_Seconds(jsii.Number(60)),
		HeartbeatTimeout: sfn.Timeout_At(jsii.String("$.hb")),
	})
	s := state(t, machine(t, stack, task), "Invoke")
	assert.EqualValues(t, 300, s["TimeoutSeconds"])
	assert.EqualValues(t, 60, s["HeartbeatSeconds"])
	assert.NotContains(t, s, "HeartbeatSecondsPath")

	msg := validationError(t, func() {
		tasks.NewLambdaInvoke(stack, jsii.String("Bad"), &tasks.LambdaInvokeProps{
			LambdaFunction: function(stack, "worker"), Timeout: awscdk.Duration_Millis(jsii.Number(1500))})
	})
	assert.Contains(t, msg, "Timeout: 1 second 500 millis is not a whole number of seconds")
}

func TestCDKDiscardTokenDropsTheResult(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{
		LambdaFunction: function(stack, "worker"), ResultPath: sfn.JsonPath_DISCARD()})
	s := state(t, machine(t, stack, task), "Invoke")
	require.Contains(t, s, "ResultPath")
	assert.Nil(t, s["ResultPath"])
}

func TestNilPropsIsAValidationError(t *testing.T) {
	stack := cdktest.NewStack()
	for name, build := range map[string]func(){
		"LambdaInvoke":   func() { tasks.NewLambdaInvoke(stack, jsii.String("A"), nil) },
		"SnsPublish":     func() { tasks.NewSnsPublish(stack, jsii.String("B"), nil) },
		"EcsRunTask":     func() { tasks.NewEcsRunTask(stack, jsii.String("C"), nil) },
		"BatchSubmitJob": func() { tasks.NewBatchSubmitJob(stack, jsii.String("D"), nil) },
		"CustomTask":     func() { tasks.NewCustomTask(stack, jsii.String("E"), nil) },
	} {
		msg := validationError(t, build)
		assert.Contains(t, msg, name, name)
		assert.Contains(t, msg, "props: required", name)
	}
}

func TestMetricsAreTheCDKs(t *testing.T) {
	stack := cdktest.NewStack()
	fn := function(stack, "worker")
	invoke := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{LambdaFunction: fn})
	activity := sfn.NewActivity(stack, jsii.String("Activity"), nil)
	work := tasks.NewStepFunctionsInvokeActivity(stack, jsii.String("Work"), &tasks.StepFunctionsInvokeActivityProps{Activity: activity})

	metric := func(m awscloudwatch.Metric) map[string]any {
		out := map[string]any{"namespace": *m.Namespace(), "name": *m.MetricName(), "statistic": *m.Statistic()}
		dims, _ := json.Marshal(stack.Resolve(m.Dimensions()))
		out["dimensions"] = string(dims)
		return out
	}
	fnArn, _ := json.Marshal(stack.Resolve(fn.FunctionArn()))
	assert.Equal(t, map[string]any{"namespace": "AWS/States", "name": "LambdaFunctionsFailed", "statistic": "Sum",
		"dimensions": `{"LambdaFunctionArn":` + string(fnArn) + `}`}, metric(invoke.MetricFailed(nil)))
	assert.Equal(t, "LambdaFunctionRunTime", *invoke.MetricRunTime(nil).MetricName())
	assert.Equal(t, "Average", *invoke.MetricRunTime(nil).Statistic())
	assert.Equal(t, "Maximum", *invoke.MetricTime(&awscloudwatch.MetricOptions{Statistic: jsii.String("max")}).Statistic())
	assert.Equal(t, "ActivitiesSucceeded", *work.MetricSucceeded(nil).MetricName())
	assert.Equal(t, "ActivityScheduleTime", *work.MetricScheduleTime(nil).MetricName())
	require.NotNil(t, invoke.TaskMetrics())
	assert.Equal(t, "LambdaFunction", *invoke.TaskMetrics().MetricPrefixSingular)
	assert.Len(t, *invoke.TaskPolicies(), 1)

	sns := tasks.NewSnsPublish(stack, jsii.String("Publish"), &tasks.SnsPublishProps{
		TopicArn: jsii.String("arn:aws:sns:us-east-1:123456789012:t"), Message: sfn.TaskInput_FromText(jsii.String("hi"))})
	assert.Nil(t, sns.TaskMetrics())
	assert.Equal(t, "Custom", *sns.Metric(jsii.String("Custom"), nil).MetricName())
	msg := validationError(t, func() { sns.MetricFailed(nil) })
	assert.Contains(t, msg, "publishes no task metrics")
}

func TestCDKTypedDynamicHelpers(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewCallAwsService(stack, jsii.String("Call"), &tasks.CallAwsServiceProps{
		Service: jsii.String("dynamodb"), Action: jsii.String("scan"), IamResources: jsii.Strings("*"),
		Parameters: &map[string]interface{}{
			"TableName":                tasks.StringAt("$.table"),
			"Limit":                    tasks.NumberAt("$.max"),
			"IndexName":                sfn.JsonPath_StringAt(jsii.String("$.index")),
			"AttributesToGet":          tasks.ListAt("States.Array($.a, $.b)"),
			"ExpressionAttributeNames": tasks.StringMapAt("$.names"),
			"ConsistentRead":           tasks.BoolAt("$.flag"),
			"Segment":                  jsii.Number(3),
		},
	})
	s := state(t, machine(t, stack, task), "Call")
	assert.Equal(t, map[string]any{"TableName.$": "$.table", "Limit.$": "$.max", "IndexName.$": "$.index",
		"AttributesToGet.$": "States.Array($.a, $.b)", "ExpressionAttributeNames.$": "$.names", "ConsistentRead.$": "$.flag",
		"Segment": float64(3)}, s["Parameters"])
}

// jsii creates each task through a small hook object (engine.createState):
// the CDK must still see what the task's CDK class is. Its own JavaScript
// reads connections and grantPrincipal, and hands the state back.
func TestTheCDKSeesTasksAsTheirCDKClasses(t *testing.T) {
	f := newEcsFixture()
	run := tasks.NewEcsRunTask(f.stack, jsii.String("Run"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
		LaunchTarget: tasks.NewEcsFargateLaunchTarget(nil)})
	peer := awsec2.NewSecurityGroup(f.stack, jsii.String("Peer"), &awsec2.SecurityGroupProps{Vpc: f.cluster.Vpc()})
	peer.Connections().AllowTo(run, awsec2.Port_Tcp(jsii.Number(8443)), nil) // IConnectable, read by the CDK

	emr := tasks.NewEmrContainersStartJobRun(f.stack, jsii.String("Emr"), ekJobProps(f.stack, func(p *tasks.EmrContainersStartJobRunProps) {
		p.ExecutionRole = nil
	}))
	bucket := awss3.NewBucket(f.stack, jsii.String("Data"), nil)
	bucket.GrantRead(emr, nil) // IGrantable, read by the CDK

	named := tasks.NewLambdaInvoke(f.stack, jsii.String("Named"), &tasks.LambdaInvokeProps{
		LambdaFunction: function(f.stack, "worker"), StateName: jsii.String("Step one")})
	back := sfn.Chain_Start(named).StartState()
	assert.Equal(t, "Step one", *back.StateId(), "the state the CDK hands back is the task's")
	assert.Equal(t, "Step one", *named.StateId())

	tpl := machine(t, f.stack, run.Next(emr).Next(named))
	var ports []any
	for _, r := range cdktest.Resources(tpl, "AWS::EC2::SecurityGroupIngress") {
		ports = append(ports, r["Properties"].(map[string]any)["FromPort"])
	}
	assert.Contains(t, ports, float64(8443))
	var readers []string
	for _, p := range cdktest.Resources(tpl, "AWS::IAM::Policy") {
		if strings.Contains(cdktest.Flatten(p), "s3:GetObject") {
			readers = append(readers, cdktest.Flatten(p["Properties"].(map[string]any)["Roles"]))
		}
	}
	require.Len(t, readers, 1)
	assert.Contains(t, readers[0], "JobExecutionRole")
}

// A StateName takes the prefixes a fragment gives its states
// (StateMachineFragment.prefixStates), as the CDK's tasks' do.
func TestPrefixesApplyToANamedTask(t *testing.T) {
	for _, cdk := range []bool{false, true} {
		stack := cdktest.NewStack()
		var task sfn.IChainable
		if cdk {
			cdkTask := cdktasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &cdktasks.LambdaInvokeProps{
				LambdaFunction: function(stack, "worker"), StateName: jsii.String("Step one")})
			cdkTask.AddPrefix(jsii.String("Pre: "))
			task = cdkTask
		} else {
			ours := tasks.NewLambdaInvoke(stack, jsii.String("Invoke"), &tasks.LambdaInvokeProps{
				LambdaFunction: function(stack, "worker"), StateName: jsii.String("Step one")})
			ours.AddPrefix(jsii.String("Pre: "))
			assert.Equal(t, "Pre: Step one", *ours.StateId())
			task = ours
		}
		assert.Equal(t, "Pre: Step one", cdktest.Definition(t, machine(t, stack, task))["StartAt"], "cdk=%v", cdk)
	}
}
