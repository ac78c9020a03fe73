// Package fragments holds reusable multi-state workflows built from sfnkit
// tasks and CDK states.
//
// A Fragment is built lazily by a Go function and used like the CDK's
// StateMachineFragment: chained with Next, handed to any CDK API that takes
// an sfn.IChainable, enclosed in a Parallel that keeps the caller's input
// (Enclose), turned into one uniquely named state (ToSingleState) or into a
// least-privilege state machine (ToStateMachine).
//
// Ready-made fragments: NewTaskWithPrePostStatus (a task with status and
// pre/post hooks), NewLambdaFunction (an invocation that fails with the
// function's error) and NewErrorNotifier (notify a Lambda function or an SNS
// topic of a caught error, then fail). A Workflow holds sfnkit states in Go
// so that NewStateMachine can render them in one piece.
package fragments
