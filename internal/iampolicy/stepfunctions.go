package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service: "states",
		API:     "startExecution",
		// .sync:2 (output as JSON) first: the default for RUN_JOB.
		Suffixes: []string{NoSuffix, Sync2, Sync, WaitForToken},
		Policy:   func(r Request) []Statement { return StatesStartExecution(r, "") },
	})
}

// StatesStartExecution grants states:StartExecution on the state machine.
// RUN_JOB adds states:DescribeExecution and states:StopExecution on that
// machine's executions — execution:<name>:*, with the colon, so that a
// machine whose name merely starts with <name> is not matched (the CDK
// grants execution:<name>*) — and the EventBridge rule. executions, when
// not empty, is that execution ARN pattern, for a machine whose ARN is a
// CDK token (the caller splits it); otherwise it is derived from the ARN.
func StatesStartExecution(r Request, executions string) []Statement {
	machine, known := r.Known("StateMachineArn")
	if !known {
		machine = r.Env.ARN("states", "stateMachine:*")
	}
	stmts := []Statement{{Actions: []string{"states:StartExecution"}, Resources: []string{machine}}}
	if r.Pattern != RunJob {
		return stmts
	}
	if executions == "" {
		executions = executionARNs(r.Env, machine, known)
	}
	return append(stmts,
		Statement{Actions: []string{"states:DescribeExecution", "states:StopExecution"}, Resources: []string{executions}},
		EventsRule(r.Env, "StepFunctionsGetEventsForStepFunctionsExecutionRule"))
}

// executionARNs turns arn:<p>:states:<r>:<a>:stateMachine:<name> into
// arn:<p>:states:<r>:<a>:execution:<name>:*.
func executionARNs(env Env, machine string, known bool) string {
	const marker = ":stateMachine:"
	i := strings.Index(machine, marker)
	if !known || i < 0 || strings.Contains(machine, "${Token[") {
		return env.ARN("states", "execution:*:*")
	}
	name := machine[i+len(marker):]
	if j := strings.Index(name, ":"); j >= 0 {
		name = name[:j] // a version or alias ARN: its machine's executions
	}
	return machine[:i] + ":execution:" + name + ":*"
}
