package states_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

const (
	jobRole   = "arn:aws:iam::111122223333:role/render-job"
	queueARN  = "arn:aws:batch:eu-west-1:111122223333:job-queue/main"
	passBatch = "batch.amazonaws.com"
)

func registerProps(mod func(p *states.RegisterJobDefinitionProps)) *states.RegisterJobDefinitionProps {
	p := &states.RegisterJobDefinitionProps{JobDefinitionName: str("render"), Image: str("public.ecr.aws/x/render:1")}
	if mod != nil {
		mod(p)
	}
	return p
}

func submitProps(mod func(p *states.SubmitJobProps)) *states.SubmitJobProps {
	p := &states.SubmitJobProps{JobName: str("render"), JobDefinitionArn: states.Ref("$.definition.JobDefinitionArn").StringAt(),
		JobQueueArn: str(queueARN)}
	if mod != nil {
		mod(p)
	}
	return p
}

func TestBatchGolden(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack) sfn.IChainable
	}{
		{"register_job_definition", func(stack awscdk.Stack) sfn.IChainable {
			execRole := awsiam.NewRole(stack, str("ExecRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(str("ecs-tasks.amazonaws.com"), nil)})
			return states.NewRegisterJobDefinition(stack, str("Render"), registerProps(func(p *states.RegisterJobDefinitionProps) {
				p.Command = tasks.List("render", "--scene", tasks.Path("$.scene"), "Ref::quality")
				p.Environment = map[string]*string{"SCENE": tasks.StringAt("$.scene"), "MODE": str("fast"), "THREADS": nil}
				p.Memory = awscdk.Size_Gibibytes(jsii.Number(2))
				p.Vcpus = tasks.Path("$.vcpus")
				p.Gpu = 0
				p.MountPoints = []any{map[string]any{"containerPath": "/data", "sourceVolume": "efs", "readOnly": true}}
				p.Volumes = []any{map[string]any{"name": "efs", "efsVolumeConfiguration": map[string]any{"fileSystemId": "fs-1"}}}
				p.JobRoleArn = str(jobRole)
				p.ExecutionRoleArn = execRole.RoleArn()
				p.PlatformCapabilities = jsii.Strings("FARGATE")
				p.Parameters = &map[string]interface{}{"quality": "high", "input_file": tasks.Path("$.input")}
				p.ResultPath = str("$.definition")
			}))
		}},
		{"register_job_definition_dynamic", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewRegisterJobDefinition(stack, str("Render"), &states.RegisterJobDefinitionProps{
				JobDefinitionName: tasks.StringAt("$.name"), Image: tasks.StringAt("$.image"), Command: tasks.Path("$.command"),
				Environment: tasks.Path("$.environment"), Gpu: tasks.Path("$.gpus"), Memory: 1024, Vcpus: 0.5,
				RetryStrategy: map[string]any{"attempts": 2}, OutputPath: str("$.JobDefinitionArn"),
			})
		}},
		{"submit_job", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewSubmitJob(stack, str("Render"), submitProps(func(p *states.SubmitJobProps) {
				p.Parameters = &map[string]interface{}{"input_file": tasks.Path("$.input")}
				p.ContainerOverrides = &tasks.BatchContainerOverrides{Environment: &map[string]*string{"RUN": tasks.StringAt("$$.Execution.Name")}}
				p.Attempts = jsii.Number(2)
				p.ResultPath = str("$.job")
			}))
		}},
		{"deregister_job_definition", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewDeregisterJobDefinition(stack, str("Render"), &states.DeregisterJobDefinitionProps{
				JobDefinitionArn: states.Ref("$.definition").Join("JobDefinitionArn").StringAt(), JobDefinitionName: str("render"),
			})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, tpl := build(t, tt.build)
			cdktest.Golden(t, tt.name, cdktest.Definition(t, tpl))
		})
	}
}

func stateOf(t *testing.T, tpl map[string]any, name string) map[string]any {
	t.Helper()
	s, ok := cdktest.Definition(t, tpl)["States"].(map[string]any)[name].(map[string]any)
	require.True(t, ok, "no state %q", name)
	return s
}

// Reference defect: a job definition name given as a path was written as a
// literal. Here it stays a path, inside the States.Format that makes it unique.
func TestRegisterJobDefinitionPathNameStaysAPath(t *testing.T) {
	_, tpl := build(t, func(stack awscdk.Stack) sfn.IChainable {
		return states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) {
			p.JobDefinitionName = states.Ref("$.job.name").StringAt()
		}))
	})
	params := stateOf(t, tpl, "R RegisterJobDefinition Prep")["Parameters"].(map[string]any)
	assert.Equal(t, "States.Format('{}-{}', $.job.name, States.UUID())", params["JobDefinitionName.$"])
	assert.NotContains(t, params, "JobDefinitionName")
}

// Reference defect: user Parameters keys were PascalCased with the API's,
// so "Ref::input_file" in the command no longer matched. API keys given in
// camelCase are converted; the user's keys are not.
func TestBatchParametersKeepTheirKeys(t *testing.T) {
	stack := cdktest.NewStack()
	register := states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) {
		p.Parameters = &map[string]interface{}{"input_file": "a", "inputFile": "b", "x": map[string]any{"nestedKey": 1}}
		p.MountPoints = []any{map[string]any{"containerPath": "/d", "sourceVolume": "v"}}
		p.RetryStrategy = map[string]any{"attempts": 3, "evaluateOnExit": []any{map[string]any{"action": "EXIT", "onReason": "*"}}}
		p.ResultPath = str("$.definition")
	}))
	submit := states.NewSubmitJob(stack, str("S"), submitProps(func(p *states.SubmitJobProps) {
		p.Parameters = &map[string]interface{}{"input_file": tasks.Path("$.in"), "inputFile": "b"}
	}))
	tpl := machine(t, stack, register.Next(submit))

	prep := stateOf(t, tpl, "R RegisterJobDefinition Prep")["Parameters"].(map[string]any)
	assert.Equal(t, map[string]any{"input_file": "a", "inputFile": "b", "x": map[string]any{"nestedKey": 1.0}}, prep["Parameters"])
	assert.Equal(t, []any{map[string]any{"ContainerPath": "/d", "SourceVolume": "v"}}, prep["ContainerProperties"].(map[string]any)["MountPoints"])
	assert.Equal(t, map[string]any{"Attempts": 3.0, "EvaluateOnExit": []any{map[string]any{"Action": "EXIT", "OnReason": "*"}}}, prep["RetryStrategy"])
	assert.Equal(t, map[string]any{"input_file.$": "$.in", "inputFile": "b"}, stateOf(t, tpl, "S SubmitJob")["Parameters"].(map[string]any)["Parameters"])
}

func TestRegisterJobDefinitionResources(t *testing.T) {
	requirements := func(mod func(p *states.RegisterJobDefinitionProps)) any {
		_, tpl := build(t, func(stack awscdk.Stack) sfn.IChainable {
			return states.NewRegisterJobDefinition(stack, str("R"), registerProps(mod))
		})
		return stateOf(t, tpl, "R RegisterJobDefinition Prep")["Parameters"].(map[string]any)["ContainerProperties"].(map[string]any)["ResourceRequirements"]
	}
	assert.Equal(t, []any{
		map[string]any{"Type": "GPU", "Value": "1"}, map[string]any{"Type": "MEMORY", "Value": "512"}, map[string]any{"Type": "VCPU", "Value": "0.25"},
	}, requirements(func(p *states.RegisterJobDefinitionProps) { p.Gpu, p.Memory, p.Vcpus = 1, 512, 0.25 }))
	assert.Equal(t, []any{map[string]any{"Type": "MEMORY", "Value": "512"}},
		requirements(func(p *states.RegisterJobDefinitionProps) { p.Gpu, p.Memory = 0, 512 }), "a zero GPU count is left out")
	assert.Equal(t, []any{map[string]any{"Type": "GPU", "Value.$": "States.Format('{}', $.gpus)"}},
		requirements(func(p *states.RegisterJobDefinitionProps) { p.Gpu = tasks.Path("$.gpus") }), "a dynamic count becomes a string at run time")
	assert.Nil(t, requirements(nil))
}

// The register and deregister calls retry Batch's generic error as the
// reference does.
func TestBatchRetry(t *testing.T) {
	want := []any{map[string]any{"ErrorEquals": []any{"Batch.BatchException"}, "IntervalSeconds": 3.0, "MaxAttempts": 7.0,
		"BackoffRate": 2.0, "JitterStrategy": "FULL"}}
	_, tpl := build(t, func(stack awscdk.Stack) sfn.IChainable {
		return states.NewRegisterJobDefinition(stack, str("R"), registerProps(nil)).
			Next(states.NewDeregisterJobDefinition(stack, str("D"), &states.DeregisterJobDefinitionProps{JobDefinitionArn: tasks.StringAt("$.JobDefinitionArn")}))
	})
	assert.Equal(t, want, stateOf(t, tpl, "R RegisterJobDefinition")["Retry"])
	assert.Equal(t, want, stateOf(t, tpl, "D DeregisterJobDefinition")["Retry"])
}

func TestBatchIAM(t *testing.T) {
	register := []string{"batch:RegisterJobDefinition"}
	deregister := []string{"batch:DeregisterJobDefinition"}
	submit := []string{"batch:SubmitJob"}
	passRole := func(roles ...string) map[string]any {
		s := stmt([]string{"iam:PassRole"}, roles...)
		s["Condition"] = map[string]any{"StringEquals": map[string]any{"iam:PassedToService": passBatch}}
		return s
	}
	sync := []map[string]any{
		stmt([]string{"batch:DescribeJobs"}, "*"),
		stmt([]string{"batch:TerminateJob"}, arn("batch", "job/*")),
		stmt([]string{"events:PutTargets", "events:PutRule", "events:DescribeRule"}, arn("events", "rule/StepFunctionsGetEventsForBatchJobsRule")),
	}
	tests := []struct {
		name  string
		build func(stack awscdk.Stack) sfn.IChainable
		want  []map[string]any
	}{
		{"register: the name's definitions, pass exactly the roles to Batch", func(stack awscdk.Stack) sfn.IChainable {
			exec := awsiam.Role_FromRoleName(stack, str("Exec"), str("exec-role"), nil)
			return states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) {
				p.JobRoleArn, p.ExecutionRoleArn = str(jobRole), exec.RoleArn()
			}))
		}, []map[string]any{stmt(register, arn("batch", "job-definition/render-*")),
			passRole(jobRole, "arn:"+partition+":iam::"+account+":role/exec-role")}},
		{"register without roles: no PassRole", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewRegisterJobDefinition(stack, str("R"), registerProps(nil))
		}, []map[string]any{stmt(register, arn("batch", "job-definition/render-*"))}},
		{"register with a States.Format name: its literal prefix", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) {
				p.JobDefinitionName = tasks.StringAt("States.Format('team-{}', $.job)")
			}))
		}, []map[string]any{stmt(register, arn("batch", "job-definition/team-*"))}},
		{"register with a run-time name and role", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) {
				p.JobDefinitionName, p.JobRoleArn = tasks.StringAt("$.name"), tasks.StringAt("$.role")
			}))
		}, []map[string]any{stmt(register, arn("batch", "job-definition/*")), passRole("arn:" + partition + ":iam::" + account + ":role/*")}},
		{"submit: the definition given and the queue, with the .sync statements", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewSubmitJob(stack, str("S"), submitProps(func(p *states.SubmitJobProps) { p.JobDefinitionArn = str("render:3") }))
		}, append([]map[string]any{stmt(submit, arn("batch", "job-definition/render:3"), queueARN)}, sync...)},
		{"submit with a run-time definition", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewSubmitJob(stack, str("S"), submitProps(nil))
		}, append([]map[string]any{stmt(submit, arn("batch", "job-definition/*"), queueARN)}, sync...)},
		{"submit with a run-time definition registered under a base name: that name's definitions", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewSubmitJob(stack, str("S"), submitProps(func(p *states.SubmitJobProps) { p.JobDefinitionName = str("render") }))
		}, append([]map[string]any{stmt(submit, arn("batch", "job-definition/render-*"), queueARN)}, sync...)},
		{"deregister a literal revision", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewDeregisterJobDefinition(stack, str("D"), &states.DeregisterJobDefinitionProps{JobDefinitionArn: str("render:3")})
		}, []map[string]any{stmt(deregister, arn("batch", "job-definition/render:3"))}},
		{"deregister a run-time ARN of a named definition", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewDeregisterJobDefinition(stack, str("D"), &states.DeregisterJobDefinitionProps{
				JobDefinitionArn: tasks.StringAt("$.arn"), JobDefinitionName: str("render")})
		}, []map[string]any{stmt(deregister, arn("batch", "job-definition/render-*"))}},
		{"deregister a run-time ARN", func(stack awscdk.Stack) sfn.IChainable {
			return states.NewDeregisterJobDefinition(stack, str("D"), &states.DeregisterJobDefinitionProps{JobDefinitionArn: tasks.StringAt("$.arn")})
		}, []map[string]any{stmt(deregister, arn("batch", "job-definition/*"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, tpl := build(t, tt.build)
			assertStatements(t, tt.want, tpl)
		})
	}
}

func TestBatchErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack)
		want  []string
	}{
		{"register: required fields", func(stack awscdk.Stack) {
			states.NewRegisterJobDefinition(stack, str("R"), nil)
		}, []string{`sfnkit RegisterJobDefinition "Test/R" is invalid`, "JobDefinitionName: required", "Image: required"}},
		{"register: name", func(stack awscdk.Stack) {
			states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) { p.JobDefinitionName = str("my job") }))
		}, []string{`JobDefinitionName: "my job" is not a usable name: 1 to 91 letters`}},
		{"register: name too long for the suffix", func(stack awscdk.Stack) {
			states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) { p.JobDefinitionName = str(strings.Repeat("a", 92)) }))
		}, []string{"is not a usable name"}},
		{"register: values", func(stack awscdk.Stack) {
			states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) {
				p.Command = "render --fast"
				p.Environment = map[string]any{"AWS_BATCH_X": "1"}
				p.Gpu, p.Memory, p.Vcpus = 1.5, 2, 0
				p.PlatformCapabilities = jsii.Strings("EC2", "GPU")
				p.ResultPath = str(tasks.Discard)
			}))
		}, []string{
			"Command: must be a list (jsii.Strings, tasks.List) or a path to one",
			"Environment.AWS_BATCH_X: names starting with AWS_BATCH are reserved",
			"Gpu: must be a whole number of at least 0, got 1.5", "Memory: must be a whole number of at least 4, got 2", "Vcpus: must be more than 0, got 0",
			`PlatformCapabilities[1]: must be EC2 or FARGATE (or dynamic), got "GPU"`,
			"ResultPath: DISCARD would drop what this state produces",
		}},
		{"register: the CDK's DISCARD too", func(stack awscdk.Stack) {
			states.NewRegisterJobDefinition(stack, str("R"), registerProps(func(p *states.RegisterJobDefinitionProps) { p.ResultPath = sfn.JsonPath_DISCARD() }))
		}, []string{"ResultPath: DISCARD would drop what this state produces"}},
		{"submit: required fields", func(stack awscdk.Stack) {
			states.NewSubmitJob(stack, str("S"), nil)
		}, []string{`sfnkit SubmitJob "Test/S" is invalid`, "JobName: required", "JobDefinitionArn: required", "JobQueueArn: required"}},
		{"submit: what BatchSubmitJob finds is reported as SubmitJob's", func(stack awscdk.Stack) {
			states.NewSubmitJob(stack, str("S"), submitProps(func(p *states.SubmitJobProps) { p.Attempts = jsii.Number(11) }))
		}, []string{`sfnkit SubmitJob "Test/S" is invalid`, "Attempts: must be from 1 to 10, got 11"}},
		{"submit: a name only for a run-time definition", func(stack awscdk.Stack) {
			states.NewSubmitJob(stack, str("S"), submitProps(func(p *states.SubmitJobProps) {
				p.JobDefinitionArn, p.JobDefinitionName = str("render:1"), str("render")
			}))
		}, []string{"JobDefinitionName: only for a JobDefinitionArn decided at run time"}},
		{"submit: a bad base name", func(stack awscdk.Stack) {
			states.NewSubmitJob(stack, str("S"), submitProps(func(p *states.SubmitJobProps) { p.JobDefinitionName = str("my job") }))
		}, []string{`JobDefinitionName: "my job" is not a job definition name`}},
		{"deregister: a literal needs its revision", func(stack awscdk.Stack) {
			states.NewDeregisterJobDefinition(stack, str("D"), &states.DeregisterJobDefinitionProps{JobDefinitionArn: str("arn:aws:batch:eu-west-1:1:job-definition/render")})
		}, []string{`JobDefinitionArn: "arn:aws:batch:eu-west-1:1:job-definition/render" has no revision`}},
		{"deregister: a name only for a run-time ARN", func(stack awscdk.Stack) {
			states.NewDeregisterJobDefinition(stack, str("D"), &states.DeregisterJobDefinitionProps{JobDefinitionArn: str("render:1"), JobDefinitionName: str("render")})
		}, []string{"JobDefinitionName: only for a JobDefinitionArn decided at run time"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := validationError(t, tt.build)
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}

// Register, submit and deregister, run locally: each state reads what the
// one before left, the caller's input survives, and a throttled register
// call is retried.
func TestRunRegisterSubmitDeregister(t *testing.T) {
	stack := cdktest.NewStack()
	register := states.NewRegisterJobDefinition(stack, str("Render"), registerProps(func(p *states.RegisterJobDefinitionProps) {
		p.Command = tasks.List("render", tasks.Path("$.scene"))
		p.Environment = map[string]any{"SCENE": tasks.Path("$.scene")}
		p.Memory, p.Vcpus = 2048, 1
		p.ResultPath = str("$.definition")
	}))
	definition := states.Ref("$.definition")
	submit := states.NewSubmitJob(stack, str("Render"), submitProps(func(p *states.SubmitJobProps) {
		p.JobDefinitionArn = definition.Join("JobDefinitionArn").StringAt()
		p.ResultPath = str("$.job")
	}))
	deregister := states.NewDeregisterJobDefinition(stack, str("Render"), &states.DeregisterJobDefinitionProps{
		JobDefinitionArn: definition.Join("JobDefinitionArn").StringAt(), JobDefinitionName: str("render"),
	})
	machine(t, stack, register.Next(submit).Next(deregister))
	integ.Validate(t, stack)

	const defARN = "arn:aws:batch:eu-west-1:111122223333:job-definition/render-x:1"
	var registered map[string]any
	res := integ.Run(t, stack, nil, map[string]any{"scene": "intro"}, integ.Mocks{
		"Render RegisterJobDefinition": integ.Sequence(integ.Fail("Batch.BatchException", "Too Many Requests"), func(in any) (any, error) {
			registered = in.(map[string]any)
			return map[string]any{"JobDefinitionArn": defARN, "JobDefinitionName": registered["JobDefinitionName"], "Revision": 1}, nil
		}),
		"Render SubmitJob": func(in any) (any, error) {
			req := in.(map[string]any)
			return map[string]any{"JobName": req["JobName"], "JobId": "id-1", "JobArn": "arn:aws:batch:eu-west-1:111122223333:job/id-1",
				"JobDefinition": req["JobDefinition"], "Status": "SUCCEEDED"}, nil
		},
		"Render DeregisterJobDefinition": map[string]any{},
	})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, 1, res.Retries("Render RegisterJobDefinition"))

	assert.Regexp(t, `^render-[0-9a-f-]{36}$`, registered["JobDefinitionName"])
	assert.Equal(t, "container", registered["Type"])
	assert.Equal(t, map[string]any{
		"Image": "public.ecr.aws/x/render:1", "Command": []any{"render", "intro"},
		"Environment":          []any{map[string]any{"Name": "SCENE", "Value": "intro"}},
		"ResourceRequirements": []any{map[string]any{"Type": "MEMORY", "Value": "2048"}, map[string]any{"Type": "VCPU", "Value": "1"}},
	}, registered["ContainerProperties"])
	assert.Equal(t, states.DefaultRetryStrategy()["EvaluateOnExit"], registered["RetryStrategy"].(map[string]any)["EvaluateOnExit"])

	submitted := res.Calls[len(res.Calls)-2].Input.(map[string]any)
	assert.Equal(t, defARN, submitted["JobDefinition"])
	assert.Regexp(t, `^render-[0-9a-f-]{36}$`, submitted["JobName"])
	assert.Equal(t, map[string]any{"JobDefinition": defARN}, res.Calls[len(res.Calls)-1].Input)

	out := res.Output.(map[string]any)
	assert.Equal(t, "intro", out["scene"], "the caller's input survives")
	assert.Equal(t, map[string]any{"JobDefinitionArn": defARN, "JobDefinitionName": registered["JobDefinitionName"], "Revision": 1.0}, out["definition"])
	assert.Equal(t, map[string]any{"JobName": submitted["JobName"], "JobId": "id-1", "JobArn": "arn:aws:batch:eu-west-1:111122223333:job/id-1"}, out["job"])
	assert.Len(t, out, 3, "deregister discards its empty result")
}
