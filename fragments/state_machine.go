package fragments

import (
	"fmt"
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
)

// StateMachineOptions configure ToStateMachine. Every field is optional.
type StateMachineOptions struct {
	// StateMachineType is STANDARD (default) or EXPRESS.
	StateMachineType sfn.StateMachineType
	// Role receives the fragment's statements. Default: a new role, assumed
	// by Step Functions, holding exactly those statements and no managed
	// policy.
	Role awsiam.IRole
	// Timeout of an execution. Default: none.
	Timeout awscdk.Duration
	// TracingEnabled turns on AWS X-Ray tracing (which adds X-Ray's
	// statements, on "*": X-Ray has no resource-level permissions).
	TracingEnabled *bool
	Comment        *string

	// LogLevel of execution history sent to the log group
	// "/aws/vendedlogs/states/<name>": ERROR (default), ALL, FATAL, or OFF
	// for no log group. Logging adds CloudWatch Logs' log-delivery
	// statements, on "*": those actions have no resource-level permissions.
	LogLevel sfn.LogLevel
	// LogIncludeExecutionData logs inputs and outputs too. Default: false.
	LogIncludeExecutionData *bool
	// LogRetention of the log group. Default: one month.
	LogRetention awslogs.RetentionDays
	// LogRemovalPolicy of the log group. Default: DESTROY, with the stack.
	LogRemovalPolicy awscdk.RemovalPolicy
}

var stateMachineName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,80}$`)

// ToStateMachine makes the fragment a state machine named name. Its role
// (or options.Role) gets exactly the statements of the fragment's states,
// plus those logging and tracing need; no managed policy is attached.
// A fragment becomes one state machine at most.
func (f *Fragment) ToStateMachine(name *string, options *StateMachineOptions) sfn.StateMachine {
	f.claim("ToStateMachine")
	if f.machine != nil {
		panic(f.problem("ToStateMachine", "the fragment is already state machine %s; create another instance of the fragment for a second state machine", *f.machine.Node().Path()))
	}
	o := StateMachineOptions{}
	if options != nil {
		o = *options
	}
	var problems []error
	switch {
	case name == nil || *name == "":
		problems = append(problems, fmt.Errorf("name: required: the state machine's name, which also names its log group"))
	case !*awscdk.Token_IsUnresolved(name) && !stateMachineName.MatchString(*name):
		problems = append(problems, fmt.Errorf("name: %q is not a state machine name: use 1 to 80 letters, digits, '-' and '_'", *name))
	}
	if len(problems) > 0 {
		panic(&engine.ValidationError{Construct: "Fragment", Path: f.path(), Problems: problems})
	}

	props := &sfn.StateMachineProps{
		StateMachineName: name,
		StateMachineType: o.StateMachineType,
		Role:             o.Role,
		Timeout:          o.Timeout,
		TracingEnabled:   o.TracingEnabled,
		Comment:          o.Comment,
	}
	if o.LogLevel != sfn.LogLevel_OFF {
		props.Logs = f.logOptions(*name, o)
	}
	f.machine = newStateMachine(f.scope, jsii.String("StateMachine"), f.Definition(), props)
	return f.machine
}

// newStateMachine is the one place where a fragment's definition body is
// made: rendered in Go when its states were built in a Workflow.
func newStateMachine(scope constructs.Construct, id *string, definition sfn.IChainable, props *sfn.StateMachineProps) sfn.StateMachine {
	return NewStateMachine(scope, id, definition, props)
}

func (f *Fragment) logOptions(name string, o StateMachineOptions) *sfn.LogOptions {
	retention, removal, level := o.LogRetention, o.LogRemovalPolicy, o.LogLevel
	if retention == "" {
		retention = awslogs.RetentionDays_ONE_MONTH
	}
	if removal == "" {
		removal = awscdk.RemovalPolicy_DESTROY
	}
	if level == "" {
		level = sfn.LogLevel_ERROR
	}
	group := awslogs.NewLogGroup(f.scope, jsii.String("Logs"), &awslogs.LogGroupProps{
		LogGroupName:  jsii.String("/aws/vendedlogs/states/" + name),
		Retention:     retention,
		RemovalPolicy: removal,
	})
	return &sfn.LogOptions{Destination: group, Level: level, IncludeExecutionData: o.LogIncludeExecutionData}
}
