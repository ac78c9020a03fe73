// Package examples_test holds the tests of every example in examples/: one
// test package, so that go test links one CDK test binary (and starts one
// jsii Node process) for all of them instead of one per example. Each
// example stays a library with its own CDK app in <example>/app.
package examples_test

import (
	"testing"

	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func TestMain(m *testing.M) { cdktest.Main(m) }
