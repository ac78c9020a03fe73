package integ

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
)

// RunWithNode is Run with aws-local-stepfunctions, the differential test's oracle.
func RunWithNode(t testing.TB, stack awscdk.Stack, stateMachine any, input any, mocks Mocks) Result {
	t.Helper()
	label, def := definitionOf(t, stack, stateMachine)
	return runWithNode(t, label, def, input, mocks)
}

// SetPolyfill turns the Promise.withResolvers polyfill off or on for the
// harness's own tests, and returns a function restoring the previous setting.
func SetPolyfill(on bool) (restore func()) {
	old := usePolyfill
	usePolyfill = on
	return func() { usePolyfill = old }
}
