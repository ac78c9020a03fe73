package fragments

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/tasks"
)

// ErrorNotifierProps: where to send the notification (exactly one of
// LambdaFunction and Topic) and how to fail afterwards.
type ErrorNotifierProps struct {
	// LambdaFunction receives {"execution_id", "error", "cause"}.
	LambdaFunction awslambda.IFunction
	// Topic receives the same object as the message (sns:publish).
	Topic awssns.ITopic
	// Subject of the SNS message. Literal or dynamic (tasks.StringAt).
	Subject *string

	// Error and Cause of the execution's failure. Default: the caught
	// Error and Cause. Literal, or dynamic (tasks.StringAt) over the
	// caught error ({"Error", "Cause"}).
	Error *string
	Cause *string
}

// ErrorNotifier is the error handler of the "CDK + Python + Step Functions
// tips" pattern: it sends $$.Execution.Id and the caught Error and Cause to
// a Lambda function or an SNS topic, then fails the execution:
//
//	Task "<id> Notify" (ResultPath DISCARD) → Fail "<id> Failed"
//
// Attach it to states that take a Catch (tasks, Parallel, Map), or Wrap
// work (any chainable, a fragment too) in a Parallel to catch once.
type ErrorNotifier struct {
	*Fragment
}

// NewErrorNotifier creates the notifier; its states are built when first
// attached (Attach, Wrap) or used as a Catch handler.
func NewErrorNotifier(scope constructs.Construct, id *string, props *ErrorNotifierProps) *ErrorNotifier {
	p := ErrorNotifierProps{}
	if props != nil {
		p = *props
	}
	var problems []error
	if (p.LambdaFunction == nil) == (p.Topic == nil) {
		problems = append(problems, fmt.Errorf("LambdaFunction, Topic: give exactly one: the function or SNS topic to notify"))
	}
	if p.Subject != nil && p.Topic == nil {
		problems = append(problems, fmt.Errorf("Subject: only an SNS Topic takes a subject"))
	}
	if id == nil || *id == "" {
		problems = append(problems, fmt.Errorf("id: required: it names the states"))
	}
	if len(problems) > 0 {
		panic(&engine.ValidationError{Construct: "ErrorNotifier", Path: pathOf(scope, id), Problems: problems})
	}
	name := *id
	return &ErrorNotifier{New(scope, id, func(scope constructs.Construct) sfn.IChainable {
		var notify tasks.Task
		if p.LambdaFunction != nil {
			notify = tasks.NewLambdaInvoke(scope, jsii.String(name+" Notify"), &tasks.LambdaInvokeProps{
				LambdaFunction: p.LambdaFunction,
				Payload:        tasks.TaskInput_FromObject(errorMessage()),
				ResultPath:     jsii.String(tasks.Discard),
			})
		} else {
			notify = snsPublish(scope, name+" Notify", p.Topic, p.Subject)
		}
		return notify.Next(sfn.NewFail(scope, jsii.String(name+" Failed"), failProps(p.Error, p.Cause)))
	})}
}

// errorMessage is what the notification carries: the execution and the
// error a Catch (ResultPath "$") passed on.
func errorMessage() map[string]any {
	return map[string]any{
		"execution_id": tasks.Path("$$.Execution.Id"),
		"error":        tasks.Path("$.Error"),
		"cause":        tasks.Path("$.Cause"),
	}
}

// failProps fails with the caught Error and Cause unless told otherwise.
func failProps(errorText, causeText *string) *sfn.FailProps {
	props := &sfn.FailProps{ErrorPath: jsii.String("$.Error"), CausePath: jsii.String("$.Cause")}
	props.Error, props.ErrorPath = literalOrPath(errorText, props.ErrorPath)
	props.Cause, props.CausePath = literalOrPath(causeText, props.CausePath)
	return props
}

// literalOrPath sorts a Fail's Error or Cause into the literal field or the
// path field; nil keeps the default path.
func literalOrPath(x *string, defaultPath *string) (literal, path *string) {
	if x == nil {
		return nil, defaultPath
	}
	if v, err := engine.Convert(x); err == nil && v.Dynamic() {
		return nil, jsii.String(v.Expr())
	}
	return x, nil
}

// Attach makes the notifier the Catch (States.ALL) of each state. A state
// that takes no Catch (Pass, Choice, a fragment…) panics: Wrap it instead.
func (n *ErrorNotifier) Attach(states ...sfn.IChainable) *ErrorNotifier {
	catch := &sfn.CatchProps{Errors: jsii.Strings("States.ALL")}
	for i, s := range states {
		switch c := s.(type) {
		case sfn.CustomState: // sfnkit tasks
			c.AddCatch(n, catch)
		case sfn.TaskStateBase: // the CDK's tasks
			c.AddCatch(n, catch)
		case sfn.Parallel:
			c.AddCatch(n, catch)
		case sfn.Map:
			c.AddCatch(n, catch)
		case sfn.DistributedMap:
			c.AddCatch(n, catch)
		default:
			panic(n.problem("Attach", "states[%d] (%T) takes no Catch; use Wrap, which encloses it in a Parallel that catches once", i, s))
		}
	}
	return n
}

// Wrap runs work in a Parallel named id whose Catch (States.ALL) is the
// notifier: one handler for every state in work. The Parallel's output is
// work's output ("OutputPath": "$[0]").
func (n *ErrorNotifier) Wrap(id *string, work sfn.IChainable) sfn.Parallel {
	if id == nil || *id == "" || work == nil {
		panic(n.problem("Wrap", "give the Parallel's id and the work to enclose"))
	}
	parallel := sfn.NewParallel(n.scope, id, &sfn.ParallelProps{OutputPath: jsii.String("$[0]")})
	parallel.Branch(work)
	parallel.AddCatch(n, &sfn.CatchProps{Errors: jsii.Strings("States.ALL")})
	return parallel
}

// snsPublish publishes the error message to topic, its result discarded.
// A FIFO topic gets one message per failed execution.
func snsPublish(scope constructs.Construct, id string, topic awssns.ITopic, subject *string) tasks.Task {
	props := &tasks.SnsPublishProps{
		Topic:      topic,
		Message:    tasks.TaskInput_FromObject(errorMessage()),
		Subject:    subject,
		ResultPath: jsii.String(tasks.Discard),
	}
	if fifo := topic.Fifo(); fifo != nil && *fifo {
		props.MessageGroupId = tasks.StringAt("$$.Execution.Id")
		if dedup := topic.ContentBasedDeduplication(); dedup == nil || !*dedup {
			props.MessageDeduplicationId = tasks.StringAt("$$.Execution.Id")
		}
	}
	return tasks.NewSnsPublish(scope, jsii.String(id), props)
}
