package fragments_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/fragments"
	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
)

// batchWorld plays S3, AWS Batch and the containers of batch-invoked
// fragments: a job runs the handler its definition names (or the
// executor its command names) on the request it reads from S3, and
// writes the response where the wire contract says.
type batchWorld struct {
	store       fakeS3
	definitions map[string]map[string]any // by ARN
	handle      func(handler string, request any) (any, error)
}

func newBatchWorld(handle func(handler string, request any) (any, error)) *batchWorld {
	return &batchWorld{store: fakeS3{}, definitions: map[string]map[string]any{}, handle: handle}
}

// mocks answers the Tasks of the batch-invoked fragments with these ids.
func (w *batchWorld) mocks(ids ...string) integ.Mocks {
	m := integ.Mocks{}
	for _, id := range ids {
		m[id+" Request PutPayload"] = w.store.put
		m[id+" Response GetPayload"] = w.store.get
		m[id+" Job RegisterJobDefinition"] = w.register
		m[id+" Job SubmitJob"] = w.run
		m[id+" Job DeregisterJobDefinition"] = map[string]any{}
		m[id+" Job Cleanup DeregisterJobDefinition"] = map[string]any{}
	}
	return m
}

func (w *batchWorld) register(in any) (any, error) {
	req := in.(map[string]any)
	arn := "arn:aws:batch:eu-west-1:111122223333:job-definition/" + req["JobDefinitionName"].(string) + ":1"
	w.definitions[arn] = req
	return map[string]any{"JobDefinitionArn": arn, "JobDefinitionName": req["JobDefinitionName"], "Revision": 1}, nil
}

func (w *batchWorld) run(in any) (any, error) {
	container := w.definitions[in.(map[string]any)["JobDefinition"].(string)]["ContainerProperties"].(map[string]any)
	env := map[string]string{}
	for _, kv := range container["Environment"].([]any) {
		env[kv.(map[string]any)["Name"].(string)] = kv.(map[string]any)["Value"].(string)
	}
	handler, input, output := env["AWS_LAMBDA_FUNCTION_HANDLER"], env["AWS_LAMBDA_EVENT_PAYLOAD"], env["AWS_LAMBDA_EVENT_RESPONSE_LOCATION"]
	if command, ok := container["Command"].([]any); ok && len(command) == 7 && command[0] == "run_cli_executor" {
		handler, input, output = "executor:"+command[2].(string), command[4].(string), command[6].(string)
	}
	var request any
	if err := json.Unmarshal([]byte(w.store[input]), &request); err != nil {
		return nil, integ.Fail("States.TaskFailed", "no request at "+input)
	}
	response, err := w.handle(handler, request)
	if err != nil {
		return nil, err
	}
	body, _ := json.Marshal(response)
	w.store[output] = string(body)
	return submitJobMock(nil)(in)
}

// grantsByAction is the role's resources per action, as sets: the
// compositions' statements are exact, but nested graphs (Map, Parallel)
// may each hold a statement for the same action.
func grantsByAction(t *testing.T, tpl map[string]any) map[string][]string {
	t.Helper()
	sets := map[string]map[string]bool{}
	for _, s := range cdktest.RoleStatements(t, tpl) {
		if _, conditional := s["Condition"]; conditional {
			for _, a := range s["Action"].([]string) {
				sets[a+" (to batch.amazonaws.com)"] = map[string]bool{}
				for _, r := range s["Resource"].([]string) {
					sets[a+" (to batch.amazonaws.com)"][r] = true
				}
			}
			continue
		}
		for _, a := range s["Action"].([]string) {
			if sets[a] == nil {
				sets[a] = map[string]bool{}
			}
			for _, r := range s["Resource"].([]string) {
				sets[a][r] = true
			}
		}
	}
	out := map[string][]string{}
	for a, set := range sets {
		for r := range set {
			out[a] = append(out[a], r)
		}
		sort.Strings(out[a])
	}
	return out
}

func demandProps() *fragments.DemandExecutionProps {
	return &fragments.DemandExecutionProps{
		BatchJobProps: batchJob(nil), ScaffoldingHandler: jsii.String("h.scaffold"), DataSyncHandler: jsii.String("h.sync"),
		Executor: jsii.String("pkg.Run"), ExecutorImage: jsii.String("public.ecr.aws/x/executor:1"),
		ScanHandler: jsii.String("h.scan"), RemoveHandler: jsii.String("h.remove"), MaxConcurrency: jsii.Number(4),
	}
}

func TestCompositionsGolden(t *testing.T) {
	tests := map[string]func(stack awscdk.Stack) sfn.IChainable{
		"data_sync": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewDataSync(stack, jsii.String("Sync"), &fragments.DataSyncProps{BatchJobProps: batchJob(nil), Handler: jsii.String("h.sync")})
		},
		"distributed_data_sync": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewDistributedDataSync(stack, jsii.String("Sync"), &fragments.DistributedDataSyncProps{
				BatchJobProps: batchJob(nil), PrepareHandler: jsii.String("h.prepare"), SyncHandler: jsii.String("h.sync"), MaxConcurrency: jsii.Number(3),
			})
		},
		"clean_file_system": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewCleanFileSystem(stack, jsii.String("Clean"), &fragments.CleanFileSystemProps{
				BatchJobProps: batchJob(nil), ScanHandler: jsii.String("h.scan"), RemoveHandler: jsii.String("h.remove"),
			})
		},
		"demand_execution": func(stack awscdk.Stack) sfn.IChainable {
			return fragments.NewDemandExecution(stack, jsii.String("Demand"), demandProps())
		},
	}
	for name, build := range tests {
		t.Run(name, func(t *testing.T) {
			stack := newStack()
			_, tpl := chainMachine(t, stack, build(stack))
			integ.Validate(t, stack)
			cdktest.Golden(t, name, cdktest.Definition(t, tpl))
		})
	}
}

// Every step of a demand execution is scoped like one batch-invoked
// handler: S3 on the prefix, Batch on the queue and each step's own
// <name>-* definitions, PassRole to Batch only.
func TestDemandExecutionIAM(t *testing.T) {
	stack := newStack()
	_, tpl := chainMachine(t, stack, fragments.NewDemandExecution(stack, jsii.String("Demand"), demandProps()))
	var definitions []string
	for _, step := range []string{"scaffolding", "execution", "setup", "transfer", "clean-scan", "clean-remove"} {
		definitions = append(definitions, stackARN("batch", "job-definition/demand-execution-"+step+"-*"))
	}
	sort.Strings(definitions)
	objects := []string{s3ARN("exchange-bucket/jobs/echo/*")}
	assert.Equal(t, map[string][]string{
		"s3:PutObject": objects, "s3:GetObject": objects,
		"batch:RegisterJobDefinition": definitions, "batch:DeregisterJobDefinition": definitions,
		"batch:SubmitJob":                       append(append([]string(nil), definitions...), stackARN("batch", "job/*"), jobQueueARN),
		"iam:PassRole (to batch.amazonaws.com)": {jobRoleARN},
		"batch:DescribeJobs":                    {"*"},
		"batch:TerminateJob":                    {stackARN("batch", "job/*")},
		"events:PutTargets":                     {stackARN("events", "rule/StepFunctionsGetEventsForBatchJobsRule")},
		"events:PutRule":                        {stackARN("events", "rule/StepFunctionsGetEventsForBatchJobsRule")},
		"events:DescribeRule":                   {stackARN("events", "rule/StepFunctionsGetEventsForBatchJobsRule")},
	}, grantsByAction(t, tpl))
}

func TestDataSyncIAM(t *testing.T) {
	stack := newStack()
	_, tpl := chainMachine(t, stack, fragments.NewDataSync(stack, jsii.String("Sync"), &fragments.DataSyncProps{BatchJobProps: batchJob(nil), Handler: jsii.String("h.sync")}))
	definitions := stackARN("batch", "job-definition/data-sync-*")
	objects := s3ARN("exchange-bucket/jobs/echo/*")
	assertExactStatements(t, append([]map[string]any{
		stmt([]string{"s3:PutObject"}, objects), stmt([]string{"s3:GetObject"}, objects),
		stmt([]string{"batch:RegisterJobDefinition"}, definitions), stmt([]string{"batch:SubmitJob"}, definitions, jobQueueARN, stackARN("batch", "job/*")),
		stmt([]string{"batch:DeregisterJobDefinition"}, definitions), passRoleToBatch(jobRoleARN),
	}, batchSyncStatements()...), tpl)
}

// Prepare, then one job per request, at most MaxConcurrency at once; the
// output is the list of responses.
func TestDistributedDataSyncRun(t *testing.T) {
	stack := newStack()
	sm, tpl := chainMachine(t, stack, fragments.NewDistributedDataSync(stack, jsii.String("Sync"), &fragments.DistributedDataSyncProps{
		BatchJobProps: batchJob(nil), PrepareHandler: jsii.String("h.prepare"), SyncHandler: jsii.String("h.sync"), MaxConcurrency: jsii.Number(2),
	}))
	assert.Equal(t, 2.0, state(cdktest.Definition(t, tpl), "Sync Sync Requests")["MaxConcurrency"])
	world := newBatchWorld(func(handler string, request any) (any, error) {
		switch handler {
		case "h.prepare":
			var requests []any
			for _, p := range request.(map[string]any)["paths"].([]any) {
				requests = append(requests, map[string]any{"source": p})
			}
			return map[string]any{"requests": requests}, nil
		case "h.sync":
			return map[string]any{"copied": request.(map[string]any)["source"]}, nil
		}
		return nil, fmt.Errorf("unexpected handler %s", handler)
	})
	res := integ.Run(t, stack, sm, map[string]any{"paths": []any{"a", "b"}}, world.mocks("Sync Prepare", "Sync Sync"))
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"out": []any{map[string]any{"copied": "a"}, map[string]any{"copied": "b"}}}, res.Output)
	assert.Equal(t, 2, res.EnteredCount("Sync Sync Start"))
}

func TestCleanFileSystemRun(t *testing.T) {
	stack := newStack()
	sm, _ := chainMachine(t, stack, fragments.NewCleanFileSystem(stack, jsii.String("Clean"), &fragments.CleanFileSystemProps{
		BatchJobProps: batchJob(nil), ScanHandler: jsii.String("h.scan"), RemoveHandler: jsii.String("h.remove"), PayloadPath: jsii.String("$.fs"),
	}))
	world := newBatchWorld(func(handler string, request any) (any, error) {
		if handler == "h.scan" {
			return map[string]any{"paths": []any{request.(map[string]any)["root"].(string) + "/tmp"}}, nil
		}
		return map[string]any{"removed": request.(map[string]any)["paths"]}, nil
	})
	res := integ.Run(t, stack, sm, map[string]any{"fs": map[string]any{"root": "/efs/run-1"}}, world.mocks("Clean Scan", "Clean Remove"))
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"out": map[string]any{"removed": []any{"/efs/run-1/tmp"}}}, res.Output)
}

// demandWorld answers the demand execution's handlers and records which ran.
func demandWorld(ran *[]string, executorErr error) *batchWorld {
	return newBatchWorld(func(handler string, request any) (any, error) {
		*ran = append(*ran, handler)
		switch handler {
		case "h.scaffold":
			return map[string]any{
				"setup_requests": []any{map[string]any{"in": "s3://src/a"}}, "execution_request": map[string]any{"run": request},
				"transfer_requests": []any{map[string]any{"out": "s3://dst/a"}}, "cleanup_request": map[string]any{"root": "/efs/x"},
			}, nil
		case "executor:pkg.Run":
			if executorErr != nil {
				return nil, executorErr
			}
			return map[string]any{"result": "ok"}, nil
		case "h.scan":
			return map[string]any{"paths": []any{"/efs/x"}}, nil
		}
		return map[string]any{}, nil
	})
}

var demandIDs = []string{"Demand Scaffolding", "Demand Setup", "Demand Execute", "Demand Transfer", "Demand Clean Scan", "Demand Clean Remove"}

func TestDemandExecutionRunSucceeds(t *testing.T) {
	stack := newStack()
	sm, _ := chainMachine(t, stack, fragments.NewDemandExecution(stack, jsii.String("Demand"), demandProps()))
	var ran []string
	res := integ.Run(t, stack, sm, map[string]any{"job": 1}, demandWorld(&ran, nil).mocks(demandIDs...))
	require.True(t, res.Succeeded(), res.History())
	assert.Equal(t, map[string]any{"out": map[string]any{"result": "ok"}}, res.Output)
	assert.Equal(t, []string{"h.scaffold", "h.sync", "executor:pkg.Run", "h.sync", "h.scan", "h.remove"}, ran)
}

// Reference defect: a demand execution had no Catch, so a failed run left
// its results untransferred and its files behind. Here the results are
// transferred and the file system cleaned, then the execution fails with
// the run's own error.
func TestDemandExecutionRunFailsAfterTransferAndCleanup(t *testing.T) {
	stack := newStack()
	sm, _ := chainMachine(t, stack, fragments.NewDemandExecution(stack, jsii.String("Demand"), demandProps()))
	var ran []string
	cause := `{"Status":"FAILED","StatusReason":"exit 3"}`
	res := integ.Run(t, stack, sm, map[string]any{"job": 1}, demandWorld(&ran, integ.Fail("States.TaskFailed", cause)).mocks(demandIDs...))
	require.True(t, res.Failed(), res.History())
	assert.Equal(t, "States.TaskFailed", res.Error)
	assert.Equal(t, cause, res.Cause)
	assert.Equal(t, []string{"h.scaffold", "h.sync", "executor:pkg.Run", "h.sync", "h.scan", "h.remove"}, ran)
	assert.True(t, res.Entered("Demand Failed"))
	assert.Equal(t, 0, strings.Count(strings.Join(res.Path(), "|"), "Demand End"))
}

func TestCompositionsErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(stack awscdk.Stack)
		want  []string
	}{
		{"demand execution handlers", func(stack awscdk.Stack) {
			fragments.NewDemandExecution(stack, jsii.String("Demand"), &fragments.DemandExecutionProps{BatchJobProps: batchJob(nil)})
		}, []string{`sfnkit DemandExecution "Test/Demand" is invalid`, "ScaffoldingHandler: required", "DataSyncHandler: required",
			"Executor: required", "ScanHandler: required", "RemoveHandler: required"}},
		{"distributed data sync", func(stack awscdk.Stack) {
			fragments.NewDistributedDataSync(stack, jsii.String("Sync"), &fragments.DistributedDataSyncProps{BatchJobProps: batchJob(nil), MaxConcurrency: jsii.Number(1.5)})
		}, []string{"PrepareHandler: required", "SyncHandler: required", "MaxConcurrency: must be a whole number"}},
		{"clean file system", func(stack awscdk.Stack) {
			fragments.NewCleanFileSystem(stack, jsii.String("Clean"), nil)
		}, []string{"ScanHandler: required", "RemoveHandler: required"}},
		{"data sync: the batch-invoked checks", func(stack awscdk.Stack) {
			fragments.NewDataSync(stack, jsii.String("Sync"), &fragments.DataSyncProps{BatchJobProps: batchJob(nil)})
		}, []string{"Handler: required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := newStack()
			msg := validationError(t, func() { tt.build(stack) })
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}
