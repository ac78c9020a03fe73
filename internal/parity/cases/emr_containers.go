package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// The EMR on EKS cases port the CDK's unit tests
// (aws-stepfunctions-tasks/test/emrcontainers/*.test.ts), with virtual
// cluster IDs of the real form (lower-case letters and digits), which
// sfnkit checks.

// README title of the deliberate difference these cases meet.
const emrContainersJSONataName = "EmrContainersCreateVirtualCluster's default name in JSONata is JSONata"

const emrContainersClusterID = "z0yghc9wfddurogzx9ws12qr0"

// emrContainersDriver is the CDK tests' Spark driver.
func emrContainersDriver() *tasks.JobDriver {
	return &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{
		EntryPoint:            sfn.TaskInput_FromText(jsii.String("local:///usr/lib/spark/examples/src/main/python/pi.py")),
		EntryPointArguments:   sfn.TaskInput_FromJsonPathAt(jsii.String("$.args")),
		SparkSubmitParameters: jsii.String("--conf spark.executor.instances=2"),
	}}
}

func emrContainersJobRole(scope constructs.Construct) awsiam.IRole {
	return awsiam.NewRole(scope, jsii.String("JobExecutionRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewCompositePrincipal(awsiam.NewServicePrincipal(jsii.String("emr-containers.amazonaws.com"), nil),
			awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil))})
}

func init() {
	add(
		parity.Case{Name: "EmrContainersCreateVirtualCluster/required only", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersCreateVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("clusterId")))})
		}},
		parity.Case{Name: "EmrContainersCreateVirtualCluster/all props", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersCreateVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster: tasks.EksClusterInput_FromCluster(eksCluster(scope)), EksNamespace: jsii.String("namespace"),
				VirtualClusterName: jsii.String("EMR-Containers-Task"), Tags: &map[string]*string{"key": jsii.String("value")},
				IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE})
		}},
		parity.Case{Name: "EmrContainersCreateVirtualCluster/cluster from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersCreateVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersCreateVirtualClusterProps{
				EksCluster:         tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.ClusterId"))),
				VirtualClusterName: sfn.JsonPath_StringAt(jsii.String("$.Name")), EksNamespace: sfn.JsonPath_StringAt(jsii.String("$.Namespace"))})
		}},
		parity.Case{Name: "EmrContainersCreateVirtualCluster/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersCreateVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersCreateVirtualClusterProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("clusterId"))),
				VirtualClusterName: jsii.String("{% $states.input.name %}")})
		}},
		parity.Case{Name: "EmrContainersCreateVirtualCluster/JSONata default name", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersCreateVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersCreateVirtualClusterProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, EksCluster: tasks.EksClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String("clusterId")))})
		}, Differs: map[string]string{"Arguments.Name": emrContainersJSONataName}},

		parity.Case{Name: "EmrContainersDeleteVirtualCluster/request response", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersDeleteVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersDeleteVirtualClusterProps{
				VirtualClusterId: sfn.TaskInput_FromText(jsii.String(emrContainersClusterID))})
		}},
		parity.Case{Name: "EmrContainersDeleteVirtualCluster/run job", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersDeleteVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersDeleteVirtualClusterProps{
				VirtualClusterId: sfn.TaskInput_FromText(jsii.String(emrContainersClusterID)), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}},
		parity.Case{Name: "EmrContainersDeleteVirtualCluster/ID from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersDeleteVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersDeleteVirtualClusterProps{
				VirtualClusterId: sfn.TaskInput_FromJsonPathAt(jsii.String("$.VirtualClusterId")), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}},
		parity.Case{Name: "EmrContainersDeleteVirtualCluster/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersDeleteVirtualCluster(scope, jsii.String("Task"), &tasks.EmrContainersDeleteVirtualClusterProps{
				QueryLanguage: sfn.QueryLanguage_JSONATA, VirtualClusterId: sfn.TaskInput_FromText(jsii.String("{% $states.input.id %}"))})
		}},

		parity.Case{Name: "EmrContainersStartJobRun/required only, default role", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersStartJobRun(scope, jsii.String("Task"), &tasks.EmrContainersStartJobRunProps{
				VirtualCluster: tasks.VirtualClusterInput_FromVirtualClusterId(jsii.String(emrContainersClusterID)),
				ReleaseLabel:   tasks.ReleaseLabel_EMR_6_2_0(),
				JobDriver: &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{
					EntryPoint: sfn.TaskInput_FromText(jsii.String("local:///usr/lib/spark/examples/src/main/python/pi.py"))}},
			})
		}},
		parity.Case{Name: "EmrContainersStartJobRun/all props", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersStartJobRun(scope, jsii.String("Task"), &tasks.EmrContainersStartJobRunProps{
				VirtualCluster: tasks.VirtualClusterInput_FromTaskInput(sfn.TaskInput_FromText(jsii.String(emrContainersClusterID))),
				ReleaseLabel:   tasks.ReleaseLabel_EMR_6_3_0(),
				JobName:        jsii.String("EMR-Containers-Job"),
				ExecutionRole:  emrContainersJobRole(scope),
				JobDriver:      emrContainersDriver(),
				ApplicationConfig: &[]*tasks.ApplicationConfiguration{{
					Classification: tasks.Classification_SPARK_DEFAULTS(),
					Properties:     &map[string]*string{"spark.executor.instances": jsii.String("1"), "spark.executor.memory": jsii.String("512M")},
					NestedConfig: &[]*tasks.ApplicationConfiguration{{
						Classification: tasks.NewClassification(jsii.String("spark-env")),
						Properties:     &map[string]*string{"PYSPARK_PYTHON": jsii.String("python3")}}},
				}},
				Monitoring:         &tasks.Monitoring{Logging: jsii.Bool(true), LogStreamNamePrefix: jsii.String("prefix"), PersistentAppUI: jsii.Bool(false)},
				Tags:               &map[string]*string{"key": jsii.String("value")},
				IntegrationPattern: sfn.IntegrationPattern_REQUEST_RESPONSE,
			})
		}},
		parity.Case{Name: "EmrContainersStartJobRun/given log group and bucket", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersStartJobRun(scope, jsii.String("Task"), &tasks.EmrContainersStartJobRunProps{
				VirtualCluster: tasks.VirtualClusterInput_FromVirtualClusterId(jsii.String(emrContainersClusterID)),
				ReleaseLabel:   tasks.NewReleaseLabel(jsii.String("emr-6.10.0-latest")),
				JobDriver:      emrContainersDriver(),
				Monitoring: &tasks.Monitoring{
					LogGroup:  awslogs.NewLogGroup(scope, jsii.String("Logs"), nil),
					LogBucket: awss3.NewBucket(scope, jsii.String("Bucket"), nil),
				},
			})
		}},
		parity.Case{Name: "EmrContainersStartJobRun/virtual cluster from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersStartJobRun(scope, jsii.String("Task"), &tasks.EmrContainersStartJobRunProps{
				VirtualCluster: tasks.VirtualClusterInput_FromTaskInput(sfn.TaskInput_FromJsonPathAt(jsii.String("$.VirtualClusterId"))),
				ReleaseLabel:   tasks.ReleaseLabel_EMR_6_2_0(),
				ExecutionRole:  awsiam.Role_FromRoleArn(scope, jsii.String("Role"), jsii.String("arn:aws:iam::123456789012:role/emr-job"), nil),
				JobName:        sfn.JsonPath_StringAt(jsii.String("$.name")),
				JobDriver:      emrContainersDriver(),
			})
		}},
		parity.Case{Name: "EmrContainersStartJobRun/JSONata", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEmrContainersStartJobRun(scope, jsii.String("Task"), &tasks.EmrContainersStartJobRunProps{
				QueryLanguage:  sfn.QueryLanguage_JSONATA,
				VirtualCluster: tasks.VirtualClusterInput_FromVirtualClusterId(jsii.String(emrContainersClusterID)),
				ReleaseLabel:   tasks.ReleaseLabel_EMR_5_33_0(),
				ExecutionRole:  emrContainersJobRole(scope),
				JobDriver: &tasks.JobDriver{SparkSubmitJobDriver: &tasks.SparkSubmitJobDriver{
					EntryPoint: sfn.TaskInput_FromText(jsii.String("{% $states.input.script %}"))}},
			})
		}},
	)
}
