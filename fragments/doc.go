// Package fragments holds reusable multi-state workflows built from sfnkit
// tasks and CDK states.
//
// A Fragment is built lazily by a Go function and used like the CDK's
// StateMachineFragment: chained with Next, handed to any CDK API that takes
// an sfn.IChainable, enclosed in a Parallel that keeps the caller's input
// (Enclose), turned into one uniquely named state (ToSingleState) or into a
// least-privilege state machine (ToStateMachine).
package fragments
