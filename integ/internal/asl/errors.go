package asl

import "fmt"

// Error names Step Functions raises itself.
const (
	ErrAll                   = "States.ALL"
	ErrTaskFailed            = "States.TaskFailed"
	ErrRuntime               = "States.Runtime"
	ErrTimeout               = "States.Timeout"
	ErrHeartbeatTimeout      = "States.HeartbeatTimeout"
	ErrQueryEvaluation       = "States.QueryEvaluationError"
	ErrNoChoiceMatched       = "States.NoChoiceMatched"
	ErrIntrinsicFailure      = "States.IntrinsicFailure"
	ErrResultPathMatch       = "States.ResultPathMatchFailure"
	ErrParameterPath         = "States.ParameterPathFailure"
	ErrItemReaderFailed      = "States.ItemReaderFailed"
	ErrResultWriterFailed    = "States.ResultWriterFailed"
	ErrExceedToleratedFailed = "States.ExceedToleratedFailureThreshold"
	ErrBranchFailed          = "States.BranchFailed"
)

// Failure is an error a state raises: matched by Retry and Catch by Name.
type Failure struct {
	Name  string
	Cause string
}

func (f *Failure) Error() string { return f.Name + ": " + f.Cause }

func fail(name, format string, args ...any) *Failure {
	return &Failure{Name: name, Cause: fmt.Sprintf(format, args...)}
}

func runtimeErr(format string, args ...any) *Failure { return fail(ErrRuntime, format, args...) }

// retryable reports whether a Retry or Catch may match the error: Step
// Functions never retries nor catches States.Runtime.
func (f *Failure) retryable() bool { return f.Name != ErrRuntime }

// matches reports whether the ErrorEquals list of a retrier or catcher
// matches the error raised by a state of type stateType.
func (f *Failure) matches(errorEquals []any, stateType string) bool {
	if !f.retryable() {
		return false
	}
	for _, e := range errorEquals {
		switch e {
		case f.Name, ErrAll:
			return true
		case ErrTaskFailed:
			if stateType == "Task" && f.Name != ErrTimeout && f.Name != ErrHeartbeatTimeout {
				return true
			}
		}
	}
	return false
}

// Abort is returned by Run when the execution could not go on for a reason
// outside the workflow (a harness failure, a definition error).
type Abort struct{ Err error }

func (a *Abort) Error() string { return a.Err.Error() }
func (a *Abort) Unwrap() error { return a.Err }
