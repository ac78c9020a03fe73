package tasks

import (
	"regexp"
	"unicode/utf8"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// StepFunctionsStartExecutionProps mirrors
// awsstepfunctionstasks.StepFunctionsStartExecutionProps.
type StepFunctionsStartExecutionProps struct {
	// StateMachine to start (an sfn.IStateMachine, or any reference to
	// one). Give it, or StateMachineArn.
	StateMachine interfacesawsstepfunctions.IStateMachineRef
	// StateMachineArn is the machine as an ARN, which may be dynamic
	// (tasks.StringAt("$.machine")): IAM then covers every state machine of
	// the account and region. An sfnkit addition.
	StateMachineArn *string
	// Input of the execution. Default: the state input ("$", or
	// "$states.input" in JSONata).
	Input sfn.TaskInput
	// Name of the execution: 1–80 characters, no white space, brackets,
	// wildcards or any of " # % \ ^ | ~ ` $ & , ; : /. Default: a generated name.
	Name *string
	// AssociateWithParent adds "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID":
	// this execution's ID to the input, which links the child execution to
	// this one in the console. The input must then be an object.
	AssociateWithParent *bool
	// OutputAsString, with RUN_JOB, uses startExecution.sync, whose result
	// has the child's Output as a JSON string, instead of the default
	// startExecution.sync:2, which returns it as JSON. An sfnkit addition
	// (the CDK only emits .sync:2).
	OutputAsString *bool

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

var (
	startExecution, _ = iampolicy.Lookup("states", "startExecution")
	// executionNameReject is what StartExecution rejects in a name: white
	// space, brackets, wildcards, " # % \\ ^ | ~ ` $ & , ; : /, control
	// characters and the noncharacters U+FFFE, U+FFFF and U+10FFFF.
	executionNameReject = regexp.MustCompile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f\\x{FFFE}\\x{FFFF}\\x{10FFFF}]")
)

// startedByKey is the input field that links a child execution to its parent.
const startedByKey = "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"

// StepFunctionsStartExecution is the task NewStepFunctionsStartExecution returns: a Task, typed as the CDK types it.
type StepFunctionsStartExecution interface{ Task }

// NewStepFunctionsStartExecution starts an execution of another state
// machine (arn:…:states:::states:startExecution): REQUEST_RESPONSE (the
// default), RUN_JOB (.sync:2, or .sync with OutputAsString) and
// WAIT_FOR_TASK_TOKEN (the token must be in Input).
func NewStepFunctionsStartExecution(scope constructs.Construct, id *string, props *StepFunctionsStartExecutionProps) StepFunctionsStartExecution {
	checkProps(scope, id, "StepFunctionsStartExecution", props == nil)
	spec := &engine.Spec{Construct: "StepFunctionsStartExecution", Integration: startExecution,
		DefaultPattern: iampolicy.RequestResponse, ParamsField: "Input"}
	jsonata := props.QueryLanguage == sfn.QueryLanguage_JSONATA

	var machine *Value
	switch {
	case props.StateMachine != nil && props.StateMachineArn != nil:
		spec.Problems = append(spec.Problems, fieldProblem("StateMachine", "give StateMachine or StateMachineArn, not both"))
	case props.StateMachine != nil:
		machine = value.Lit(*engine.Memo(props.StateMachine, "StateMachineArn", func() *string {
			if m, ok := props.StateMachine.(sfn.IStateMachine); ok {
				return m.StateMachineArn() // one jsii call; StateMachineRef() is two (the struct and its field)
			}
			return props.StateMachine.StateMachineRef().StateMachineArn
		}))
	case props.StateMachineArn != nil:
		machine = field(spec, "StateMachineArn", props.StateMachineArn)
	default:
		spec.Problems = append(spec.Problems, fieldProblem("StateMachine", "required: the state machine to start (or StateMachineArn)"))
	}

	input := field(spec, "Input", props.Input)
	if input == nil {
		input = value.Dyn("$")
		if jsonata {
			input = value.Ata("$states.input")
		}
	}
	if props.AssociateWithParent != nil && *props.AssociateWithParent {
		if props.Input != nil && input != nil && input.Kind() != value.Object {
			spec.Problems = append(spec.Problems, fieldProblem("AssociateWithParent",
				"needs Input to be an object (tasks.TaskInput_FromObject or sfn.TaskInput_FromObject) to add %s to it; Input is taken whole from %s", startedByKey, describeValue(input)))
		} else {
			fields := map[string]*Value{}
			if props.Input != nil && input != nil {
				for k, v := range input.Fields() {
					fields[k] = v
				}
			}
			fields[startedByKey] = value.Dyn("$$.Execution.Id")
			if jsonata {
				fields[startedByKey] = value.Ata("$states.context.Execution.Id")
			}
			input = value.NewObject(fields)
		}
	}

	params := map[string]*Value{"Input": input}
	if machine != nil {
		params["StateMachineArn"] = machine
	}
	if name := field(spec, "Name", props.Name); name != nil {
		if s, ok := name.String(); ok {
			switch n := utf8.RuneCountInString(s); {
			case n < 1 || n > 80:
				spec.Problems = append(spec.Problems, fieldProblem("Name", "must be 1 to 80 characters, got %d", n))
			case !utf8.ValidString(s):
				spec.Problems = append(spec.Problems, fieldProblem("Name", "%q is not valid UTF-8", s))
			case executionNameReject.MatchString(s):
				spec.Problems = append(spec.Problems, fieldProblem("Name", "%q has a character StartExecution rejects (%q): use letters, digits, - and _", s, executionNameReject.FindString(s)))
			}
		}
		params["Name"] = name
	}
	spec.Params = value.NewObject(params)

	if props.OutputAsString != nil && *props.OutputAsString {
		if props.IntegrationPattern != sfn.IntegrationPattern_RUN_JOB {
			spec.Problems = append(spec.Problems, fieldProblem("OutputAsString", "only applies to RUN_JOB (startExecution.sync); the pattern is %s", patternName(props.IntegrationPattern, "REQUEST_RESPONSE")))
		}
		spec.Suffix = iampolicy.Sync
	}
	if props.IntegrationPattern == sfn.IntegrationPattern_RUN_JOB && props.StateMachine != nil {
		if arn, _ := machine.String(); value.IsTokenString(arn) {
			executions := executionsOf(arn)
			in := *startExecution
			in.Policy = func(r iampolicy.Request) []iampolicy.Statement { return iampolicy.StatesStartExecution(r, executions) }
			spec.Integration = &in
		}
	}
	return newTask(scope, id, props, spec)
}

// executionsOf is the execution ARN pattern of a state machine whose ARN
// is a CDK token: its name comes from splitting the ARN in CloudFormation.
func executionsOf(machineARN string) string {
	c := awscdk.Arn_Split(&machineARN, awscdk.ArnFormat_COLON_RESOURCE_NAME)
	return "arn:" + *c.Partition + ":states:" + *c.Region + ":" + *c.Account + ":execution:" + *c.ResourceName + ":*"
}

func patternName(p sfn.IntegrationPattern, def string) string {
	if p == "" {
		return def + " (the default)"
	}
	return string(p)
}
