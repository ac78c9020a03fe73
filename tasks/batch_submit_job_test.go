package tasks_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	jobDefARN   = "arn:aws:batch:eu-west-1:111122223333:job-definition/render:3"
	jobQueueARN = "arn:aws:batch:eu-west-1:111122223333:job-queue/main"
)

func batchProps(mod func(p *tasks.BatchSubmitJobProps)) *tasks.BatchSubmitJobProps {
	p := &tasks.BatchSubmitJobProps{JobDefinitionArn: jsii.String(jobDefARN), JobQueueArn: jsii.String(jobQueueARN), JobName: jsii.String("MyJob")}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestBatchSubmitJobRendering(t *testing.T) {
	stack := cdktest.NewStack()
	sync := tasks.NewBatchSubmitJob(stack, jsii.String("Sync"), batchProps(func(p *tasks.BatchSubmitJobProps) {
		p.ArraySize = jsii.Number(15)
		p.Attempts = tasks.NumberAt("$.attempts")
		p.Timeout = awscdk.Duration_Minutes(jsii.Number(10))
		p.Payload = tasks.TaskInput_FromObject(map[string]any{"Ref::input": tasks.Path("$.input"), "mode": "fast"})
		p.ContainerOverrides = &tasks.BatchContainerOverrides{
			Command:      &[]*string{jsii.String("render"), tasks.StringAt("$.scene")},
			Environment:  &map[string]*string{"my_key": jsii.String("v"), "Other": tasks.StringAt("$.other")},
			InstanceType: awsec2.InstanceType_Of(awsec2.InstanceClass_MEMORY5, awsec2.InstanceSize_LARGE),
			Memory:       awscdk.Size_Gibibytes(jsii.Number(2)),
			GpuCount:     jsii.Number(1),
			Vcpus:        tasks.NumberAt("$.vcpus"),
		}
		p.DependsOn = &[]*tasks.BatchJobDependency{{JobId: tasks.StringAt("$.previous"), Type: jsii.String("SEQUENTIAL")}}
		p.Tags = &map[string]*string{"team:Name": jsii.String("render")}
		p.TaskTimeout = sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(30)))
	}))
	rr := tasks.NewBatchSubmitJob(stack, jsii.String("RR"), batchProps(func(p *tasks.BatchSubmitJobProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_REQUEST_RESPONSE
		p.JobName = tasks.StringAt("$.name")
		p.ArraySize = tasks.NumberAt("$.size")
	}))
	tpl := machine(t, stack, sync.Next(rr))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::batch:submitJob.sync", "Next": "RR",
		"TimeoutSeconds": 1800.0,
		"Parameters": map[string]any{
			"JobDefinition": jobDefARN, "JobQueue": jobQueueARN, "JobName": "MyJob",
			"ArrayProperties": map[string]any{"Size": 15.0},
			"RetryStrategy":   map[string]any{"Attempts.$": "$.attempts"},
			"Timeout":         map[string]any{"AttemptDurationSeconds": 600.0},
			"Parameters":      map[string]any{"Ref::input.$": "$.input", "mode": "fast"},
			"ContainerOverrides": map[string]any{
				"Command.$":    "States.Array('render', $.scene)",
				"Environment":  []any{map[string]any{"Name": "Other", "Value.$": "$.other"}, map[string]any{"Name": "my_key", "Value": "v"}},
				"InstanceType": "r5.large",
				"ResourceRequirements": []any{
					map[string]any{"Type": "GPU", "Value": "1"},
					map[string]any{"Type": "MEMORY", "Value": "2048"},
					map[string]any{"Type": "VCPU", "Value.$": "States.Format('{}', $.vcpus)"},
				},
			},
			"DependsOn": []any{map[string]any{"JobId.$": "$.previous", "Type": "SEQUENTIAL"}},
			"Tags":      map[string]any{"team:Name": "render"},
		}}, state(t, tpl, "Sync"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::batch:submitJob", "End": true,
		"Parameters": map[string]any{"JobDefinition": jobDefARN, "JobQueue": jobQueueARN, "JobName.$": "$.name",
			"ArrayProperties": map[string]any{"Size.$": "$.size"}}}, state(t, tpl, "RR"))
}

// Every field of aws/aws-cdk#10708 decided at run time, whole or in part.
func TestBatchSubmitJobEveryFieldDynamic(t *testing.T) {
	stack := cdktest.NewStack()
	whole := tasks.NewBatchSubmitJob(stack, jsii.String("Whole"), &tasks.BatchSubmitJobProps{
		JobDefinitionArn: tasks.StringAt("$.definition"), JobQueueArn: tasks.StringAt("$.queue"),
		JobName:   tasks.StringAt("States.Format('job-{}', $.id)"),
		ArraySize: tasks.NumberAt("$.size"), Attempts: tasks.NumberAt("$.attempts"), Timeout: tasks.DurationAt("$.timeout"),
		Payload: tasks.TaskInput_FromJsonPathAt("$.params"),
		ContainerOverrides: &tasks.BatchContainerOverrides{
			Command: tasks.ListAt("$.command"), Environment: tasks.StringMapAt("$.env"),
			InstanceType: awsec2.NewInstanceType(tasks.StringAt("$.instanceType")),
			Memory:       awscdk.Size_Mebibytes(sfn.JsonPath_NumberAt(jsii.String("$.memory"))),
			GpuCount:     tasks.NumberAt("$.gpus"), Vcpus: tasks.NumberAt("$.vcpus"),
		},
		DependsOn: tasks.ValueAt[[]*tasks.BatchJobDependency]("$.dependsOn"),
		Tags:      tasks.StringMapAt("$.tags"),
	})
	parts := tasks.NewBatchSubmitJob(stack, jsii.String("Parts"), batchProps(func(p *tasks.BatchSubmitJobProps) {
		p.ContainerOverrides = tasks.ValueAt[tasks.BatchContainerOverrides]("$.overrides")
		p.Payload = tasks.TaskInput_FromObject(map[string]any{"Ref::day": tasks.Path("$.day")})
		p.DependsOn = &[]*tasks.BatchJobDependency{{JobId: tasks.StringAt("$.previous"), Type: tasks.StringAt("$.dependencyType")}}
		p.Tags = &map[string]*string{"owner": tasks.StringAt("$.owner")}
	}))
	env := tasks.NewBatchSubmitJob(stack, jsii.String("Env"), batchProps(func(p *tasks.BatchSubmitJobProps) {
		p.ContainerOverrides = &tasks.BatchContainerOverrides{Environment: &map[string]*string{"day": tasks.StringAt("$.day")}}
	}))
	tpl := machine(t, stack, whole.Next(parts).Next(env))

	assert.Equal(t, map[string]any{
		"JobDefinition.$": "$.definition", "JobQueue.$": "$.queue", "JobName.$": "States.Format('job-{}', $.id)",
		"ArrayProperties": map[string]any{"Size.$": "$.size"},
		"RetryStrategy":   map[string]any{"Attempts.$": "$.attempts"},
		"Timeout":         map[string]any{"AttemptDurationSeconds.$": "$.timeout"},
		"Parameters.$":    "$.params",
		"ContainerOverrides": map[string]any{
			"Command.$": "$.command", "Environment.$": "$.env", "InstanceType.$": "$.instanceType",
			"ResourceRequirements": []any{
				map[string]any{"Type": "GPU", "Value.$": "States.Format('{}', $.gpus)"},
				map[string]any{"Type": "MEMORY", "Value.$": "States.Format('{}', $.memory)"},
				map[string]any{"Type": "VCPU", "Value.$": "States.Format('{}', $.vcpus)"},
			},
		},
		"DependsOn.$": "$.dependsOn",
		"Tags.$":      "$.tags",
	}, state(t, tpl, "Whole")["Parameters"])
	assert.Equal(t, map[string]any{
		"JobDefinition": jobDefARN, "JobQueue": jobQueueARN, "JobName": "MyJob",
		"ContainerOverrides.$": "$.overrides",
		"Parameters":           map[string]any{"Ref::day.$": "$.day"},
		"DependsOn":            []any{map[string]any{"JobId.$": "$.previous", "Type.$": "$.dependencyType"}},
		"Tags":                 map[string]any{"owner.$": "$.owner"},
	}, state(t, tpl, "Parts")["Parameters"])
	assert.Equal(t, map[string]any{"Environment": []any{map[string]any{"Name": "day", "Value.$": "$.day"}}},
		state(t, tpl, "Env")["Parameters"].(map[string]any)["ContainerOverrides"])
	integ.Validate(t, stack)
}

func TestBatchSubmitJobJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewBatchSubmitJob(stack, jsii.String("Submit"), batchProps(func(p *tasks.BatchSubmitJobProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.JobQueueArn = jsii.String("{% $states.input.queue %}")
		p.ContainerOverrides = &tasks.BatchContainerOverrides{Vcpus: tasks.NumberAt("{% $states.input.cpus %}")}
	}))
	got := state(t, machine(t, stack, task), "Submit")["Arguments"].(map[string]any)
	assert.Equal(t, "{% $states.input.queue %}", got["JobQueue"])
	assert.Equal(t, map[string]any{"ResourceRequirements": []any{map[string]any{"Type": "VCPU", "Value": "{% $string($states.input.cpus) %}"}}},
		got["ContainerOverrides"])
}

func TestBatchSubmitJobIAM(t *testing.T) {
	submit := []string{"batch:SubmitJob"}
	syncExtra := []map[string]any{
		stmt([]string{"batch:DescribeJobs"}, "*"),
		stmt([]string{"batch:TerminateJob"}, arn("batch", "job/*")),
		stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, arn("events", "rule/StepFunctionsGetEventsForBatchJobsRule")),
	}
	dynamic := func(p *tasks.BatchSubmitJobProps) {
		p.JobDefinitionArn = tasks.StringAt("$.definition")
		p.JobQueueArn = tasks.StringAt("$.queue")
	}
	literal := []map[string]any{stmt(submit, jobDefARN, jobQueueARN)}
	wildcard := []map[string]any{stmt(submit, arn("batch", "job-definition/*"), arn("batch", "job-queue/*"))}
	tests := []struct {
		name    string
		pattern sfn.IntegrationPattern
		mod     func(p *tasks.BatchSubmitJobProps)
		want    []map[string]any
	}{
		{"run job (default)", "", nil, append(literal, syncExtra...)},
		{"request response: no rule", sfn.IntegrationPattern_REQUEST_RESPONSE, nil, literal},
		{"definition without revision: its revisions", sfn.IntegrationPattern_REQUEST_RESPONSE, func(p *tasks.BatchSubmitJobProps) {
			p.JobDefinitionArn = jsii.String("render")
			p.JobQueueArn = jsii.String("main")
		}, []map[string]any{stmt(submit, arn("batch", "job-definition/render"), arn("batch", "job-definition/render:*"), arn("batch", "job-queue/main"))}},
		{"dynamic run job", sfn.IntegrationPattern_RUN_JOB, dynamic, append(wildcard, syncExtra...)},
		{"dynamic request response", sfn.IntegrationPattern_REQUEST_RESPONSE, dynamic, wildcard},
		{"dynamic definition narrowed by IamJobDefinitions", sfn.IntegrationPattern_RUN_JOB, func(p *tasks.BatchSubmitJobProps) {
			p.JobDefinitionArn = tasks.StringAt("$.definition")
			p.IamJobDefinitions = jsii.Strings(arn("batch", "job-definition/render-*"))
		}, append([]map[string]any{stmt(submit, arn("batch", "job-definition/render-*"), jobQueueARN)}, syncExtra...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewBatchSubmitJob(stack, jsii.String("Submit"), batchProps(func(p *tasks.BatchSubmitJobProps) {
				p.IntegrationPattern = tt.pattern
				if tt.mod != nil {
					tt.mod(p)
				}
			}))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(append([]map[string]any(nil), tt.want...)), cdktest.SortedStatements(got))
		})
	}
}

func TestBatchSubmitJobErrors(t *testing.T) {
	tests := []struct {
		name string
		mod  func(p *tasks.BatchSubmitJobProps)
		want string
	}{
		{"job name too long", func(p *tasks.BatchSubmitJobProps) { p.JobName = jsii.String(strings.Repeat("a", 129)) },
			`JobName: "` + strings.Repeat("a", 129) + `" is not a valid job name: 1 to 128 letters`},
		{"job name characters", func(p *tasks.BatchSubmitJobProps) { p.JobName = jsii.String("my job") }, `JobName: "my job" is not a valid job name`},
		{"job name start", func(p *tasks.BatchSubmitJobProps) { p.JobName = jsii.String("-job") }, "starting with a letter or digit"},
		{"array size", func(p *tasks.BatchSubmitJobProps) { p.ArraySize = jsii.Number(1) }, "ArraySize: must be from 2 to 10000, got 1"},
		{"attempts", func(p *tasks.BatchSubmitJobProps) { p.Attempts = jsii.Number(11) }, "Attempts: must be from 1 to 10, got 11"},
		{"timeout", func(p *tasks.BatchSubmitJobProps) { p.Timeout = awscdk.Duration_Seconds(jsii.Number(59)) }, "Timeout: must be at least 60, got 59"},
		{"timeout not whole seconds", func(p *tasks.BatchSubmitJobProps) { p.Timeout = awscdk.Duration_Millis(jsii.Number(60500)) }, "Timeout: 1 minute 500 millis is not a whole number of seconds"},
		{"array size not whole", func(p *tasks.BatchSubmitJobProps) { p.ArraySize = jsii.Number(2.5) }, "ArraySize: must be a whole number (or dynamic), got 2.5"},
		{"array size too big", func(p *tasks.BatchSubmitJobProps) { p.ArraySize = jsii.Number(10001) }, "ArraySize: must be from 2 to 10000, got 10001"},
		{"attempts zero", func(p *tasks.BatchSubmitJobProps) { p.Attempts = jsii.Number(0) }, "Attempts: must be from 1 to 10, got 0"},
		{"vcpus zero", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{Vcpus: jsii.Number(0)}
		}, "ContainerOverrides.Vcpus: must be more than 0 (or dynamic), got 0"},
		{"gpu count fractional", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{GpuCount: jsii.Number(0.5)}
		}, "ContainerOverrides.GpuCount: must be a whole number of at least 1 (or dynamic), got 0.5"},
		{"gpu count zero", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{GpuCount: jsii.Number(0)}
		}, "ContainerOverrides.GpuCount: must be a whole number of at least 1 (or dynamic), got 0"},
		{"memory too small", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{Memory: awscdk.Size_Mebibytes(jsii.Number(2))}
		}, "ContainerOverrides.Memory: must be a whole number of at least 4 (or dynamic), got 2"},
		{"memory not whole MiB", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{Memory: awscdk.Size_Kibibytes(jsii.Number(10000))}
		}, "ContainerOverrides.Memory: must be a whole number of at least 4 (or dynamic), got 9.765625"},
		{"nil command item", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{Command: &[]*string{jsii.String("run"), nil}}
		}, "ContainerOverrides.Command[1]: is nil"},
		{"nil environment value", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{Environment: &map[string]*string{"A": nil}}
		}, "ContainerOverrides.Environment: A: the value is nil"},
		{"nil dependency", func(p *tasks.BatchSubmitJobProps) {
			p.DependsOn = &[]*tasks.BatchJobDependency{{JobId: jsii.String("1")}, nil}
		}, "DependsOn[1]: is nil"},
		{"nil tag value", func(p *tasks.BatchSubmitJobProps) { p.Tags = &map[string]*string{"team": nil} }, `Tags: value of "team" is nil`},
		{"tag value too long", func(p *tasks.BatchSubmitJobProps) {
			p.Tags = &map[string]*string{"team": jsii.String(strings.Repeat("v", 257))}
		}, `Tags: value of "team" must be at most 256 characters, got 257`},
		{"reserved environment", func(p *tasks.BatchSubmitJobProps) {
			p.ContainerOverrides = &tasks.BatchContainerOverrides{Environment: &map[string]*string{"AWS_BATCH_X": jsii.String("1")}}
		}, "AWS_BATCH_X: names starting with AWS_BATCH are reserved"},
		{"dependency type", func(p *tasks.BatchSubmitJobProps) {
			p.DependsOn = &[]*tasks.BatchJobDependency{{JobId: jsii.String("1"), Type: jsii.String("ALL")}}
		}, "DependsOn[0].Type: must be N_TO_N or SEQUENTIAL"},
		{"tag key", func(p *tasks.BatchSubmitJobProps) {
			p.Tags = &map[string]*string{strings.Repeat("k", 129): jsii.String("v")}
		}, "must be 1 to 128 characters"},
		{"callback", func(p *tasks.BatchSubmitJobProps) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.Payload = tasks.TaskInput_FromObject(map[string]any{"token": tasks.Path("$$.Task.Token")})
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by batch:submitJob"},
		{"missing queue", func(p *tasks.BatchSubmitJobProps) { p.JobQueueArn = nil }, "JobQueueArn: required"},
		{"too many dependencies", func(p *tasks.BatchSubmitJobProps) {
			deps := make([]*tasks.BatchJobDependency, 21)
			for i := range deps {
				deps[i] = &tasks.BatchJobDependency{JobId: tasks.StringAt("$.jobs[" + strconv.Itoa(i) + "]")}
			}
			p.DependsOn = &deps
		}, "DependsOn: a job can depend on at most 20 jobs, got 21"},
		{"IamJobDefinitions with a literal definition", func(p *tasks.BatchSubmitJobProps) { p.IamJobDefinitions = jsii.Strings("x") },
			"IamJobDefinitions: only for a JobDefinitionArn decided at run time"},
		{"IamJobDefinitions not job definition ARNs", func(p *tasks.BatchSubmitJobProps) {
			p.JobDefinitionArn = tasks.StringAt("$.d")
			p.IamJobDefinitions = jsii.Strings("*")
		}, "IamJobDefinitions[0]: give a job definition ARN or pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewBatchSubmitJob(stack, jsii.String("Submit"), batchProps(tt.mod)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
