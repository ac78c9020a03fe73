package fragments_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/states"
	"github.com/sfnkit/sfnkit/tasks"
)

func registeredJob(mod func(p *fragments.SubmitJobProps)) *fragments.SubmitJobProps {
	p := &fragments.SubmitJobProps{
		JobQueueArn: jsii.String(jobQueueARN),
		JobDefinition: &states.RegisterJobDefinitionProps{
			JobDefinitionName: jsii.String("render"), Image: jsii.String("public.ecr.aws/x/render:1"),
			Command: tasks.List("render", tasks.Path("$.scene")), Memory: 2048, Vcpus: 1, JobRoleArn: jsii.String(jobRoleARN),
		},
	}
	if mod != nil {
		mod(p)
	}
	return p
}

func fixedJob(mod func(p *fragments.SubmitJobProps)) *fragments.SubmitJobProps {
	p := &fragments.SubmitJobProps{
		JobName: jsii.String("render"), JobQueueArn: jsii.String(jobQueueARN), JobDefinitionArn: jsii.String("render:3"),
	}
	if mod != nil {
		mod(p)
	}
	return p
}

// submitJobMachine puts the fragment, followed by a Pass that records its
// output, in a state machine.
func submitJobMachine(t *testing.T, props *fragments.SubmitJobProps) (awscdk.Stack, sfn.StateMachine, map[string]any) {
	t.Helper()
	stack := newStack()
	job := fragments.NewSubmitJob(stack, jsii.String("Render"), props)
	after := sfn.NewPass(stack, jsii.String("After"), &sfn.PassProps{Parameters: &map[string]interface{}{"job.$": "$"}})
	sm, tpl := machine(t, stack, job.Next(after))
	return stack, sm, tpl
}

func TestSubmitJobGolden(t *testing.T) {
	for name, props := range map[string]*fragments.SubmitJobProps{
		"submit_job_registered": registeredJob(nil),
		"submit_job_fixed": fixedJob(func(p *fragments.SubmitJobProps) {
			p.Parameters = &map[string]interface{}{"scene": tasks.Path("$.scene")}
		}),
	} {
		t.Run(name, func(t *testing.T) {
			stack, _, tpl := submitJobMachine(t, props)
			integ.Validate(t, stack)
			cdktest.Golden(t, name, cdktest.Definition(t, tpl))
		})
	}
}

func TestSubmitJobIAM(t *testing.T) {
	definitions := stackARN("batch", "job-definition/render-*")
	tests := []struct {
		name  string
		props *fragments.SubmitJobProps
		want  []map[string]any
	}{
		{"registered per execution: only that name's definitions, the queue, the role to Batch", registeredJob(nil), append([]map[string]any{
			stmt([]string{"batch:RegisterJobDefinition"}, definitions),
			stmt([]string{"batch:SubmitJob"}, definitions, jobQueueARN, stackARN("batch", "job/*")),
			stmt([]string{"batch:DeregisterJobDefinition"}, definitions),
			passRoleToBatch(jobRoleARN),
		}, batchSyncStatements()...)},
		{"fixed at deploy time: that revision and the queue", fixedJob(nil), append([]map[string]any{
			stmt([]string{"batch:SubmitJob"}, stackARN("batch", "job-definition/render:3"), jobQueueARN, stackARN("batch", "job/*")),
		}, batchSyncStatements()...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, tpl := submitJobMachine(t, tt.props)
			assertExactStatements(t, tt.want, tpl)
		})
	}
}

// Register, submit, deregister: the output is the job, and the job ran
// the definition registered for this execution, which is then retired.
func TestSubmitJobRunSucceeds(t *testing.T) {
	stack, sm, _ := submitJobMachine(t, registeredJob(nil))
	var submitted []map[string]any
	res := integ.Run(t, stack, sm, map[string]any{"scene": "intro"}, integ.Mocks{
		"Render RegisterJobDefinition":           registerMock,
		"Render SubmitJob":                       submitJobMock(&submitted),
		"Render DeregisterJobDefinition":         map[string]any{},
		"Render Cleanup DeregisterJobDefinition": map[string]any{},
	})
	require.True(t, res.Succeeded(), res.History())
	require.Len(t, submitted, 1)
	assert.Equal(t, registered, submitted[0]["JobDefinition"])
	assert.Equal(t, []any{map[string]any{"JobDefinition": registered}}, res.Inputs("Render DeregisterJobDefinition"))
	assert.Equal(t, map[string]any{"job": map[string]any{
		"JobName": submitted[0]["JobName"], "JobId": "job-1", "JobArn": "arn:aws:batch:eu-west-1:111122223333:job/job-1",
	}}, res.Output)
	assert.False(t, res.Entered("Render Cleanup DeregisterJobDefinition"))
}

// Reference defect: cleanup was skipped when the job failed or timed out.
// Here every failure of the submit state (the job failing, the wait timing
// out) deregisters the definition, then fails with the ORIGINAL error and
// cause: the deregister's result does not overwrite them, and neither does
// a failed cleanup.
func TestSubmitJobRunFailsAfterCleanup(t *testing.T) {
	tests := []struct {
		name         string
		submitError  *integ.TaskError
		cleanup      any
		cleanupError string
	}{
		{"job failed", integ.Fail("States.TaskFailed", `{"Status":"FAILED","StatusReason":"Essential container in task exited"}`), map[string]any{}, ""},
		{"wait timed out", integ.Fail("States.Timeout", "the job ran longer than TaskTimeout"), map[string]any{}, ""},
		{"cleanup failed too", integ.Fail("States.TaskFailed", "exit 1"), integ.Fail("Batch.ClientException", "no such definition"), "Batch.ClientException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack, sm, _ := submitJobMachine(t, registeredJob(nil))
			res := integ.Run(t, stack, sm, map[string]any{"scene": "intro"}, integ.Mocks{
				"Render RegisterJobDefinition":           registerMock,
				"Render SubmitJob":                       tt.submitError,
				"Render Cleanup DeregisterJobDefinition": tt.cleanup,
				"Render DeregisterJobDefinition":         map[string]any{},
			})
			require.True(t, res.Failed(), res.History())
			assert.Equal(t, tt.submitError.Name, res.Error)
			assert.Equal(t, tt.submitError.Cause, res.Cause)
			assert.Equal(t, []any{map[string]any{"JobDefinition": registered}}, res.Inputs("Render Cleanup DeregisterJobDefinition"), "the registered definition is retired")
			assert.False(t, res.Entered("Render DeregisterJobDefinition"))
			assert.Equal(t, "Render Failed", res.Path()[len(res.Path())-1])
			if tt.cleanupError != "" {
				assert.Equal(t, tt.cleanupError, res.CaughtError("Render Cleanup DeregisterJobDefinition"))
			}
		})
	}
}

// With a definition fixed at deploy time there is nothing to register or
// clean up: one submit state, whose failure is the execution's.
func TestSubmitJobFixedRun(t *testing.T) {
	stack, sm, tpl := submitJobMachine(t, fixedJob(nil))
	assert.ElementsMatch(t, []string{"Render SubmitJob", "After"}, stateNames(cdktest.Definition(t, tpl)))
	res := integ.Run(t, stack, sm, map[string]any{}, integ.Mocks{"Render SubmitJob": submitJobMock(nil)})
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, "job-1", res.Output.(map[string]any)["job"].(map[string]any)["JobId"])

	stack, sm, _ = submitJobMachine(t, fixedJob(nil))
	res = integ.Run(t, stack, sm, map[string]any{}, integ.Mocks{"Render SubmitJob": integ.Fail("States.TaskFailed", "exit 1")})
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "States.TaskFailed", res.Error)
}

func TestSubmitJobErrors(t *testing.T) {
	tests := []struct {
		name  string
		props *fragments.SubmitJobProps
		want  []string
	}{
		{"neither definition", &fragments.SubmitJobProps{JobName: jsii.String("x"), JobQueueArn: jsii.String(jobQueueARN)},
			[]string{`sfnkit SubmitJob "Test/Render" is invalid`, "JobDefinition, JobDefinitionArn: give exactly one"}},
		{"both definitions", registeredJob(func(p *fragments.SubmitJobProps) { p.JobDefinitionArn = jsii.String("render:1") }),
			[]string{"JobDefinition, JobDefinitionArn: give exactly one"}},
		{"the fragment places the registered definition", registeredJob(func(p *fragments.SubmitJobProps) { p.JobDefinition.ResultPath = jsii.String("$.d") }),
			[]string{"JobDefinition.ResultPath, JobDefinition.OutputPath: leave unset"}},
		{"the states' own checks, at construction", fixedJob(func(p *fragments.SubmitJobProps) { p.JobQueueArn = nil }),
			[]string{"JobQueueArn: required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := newStack()
			msg := validationError(t, func() { fragments.NewSubmitJob(stack, jsii.String("Render"), tt.props) })
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}
