package integ

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
)

// Main runs the tests of a package that builds CDK stacks, and keeps jsii's
// noise out of their output. Call it from the package's TestMain:
//
//	func TestMain(m *testing.M) { integ.Main(m) }
//
// It sets JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION to the Node major
// version when it is unset (silencing jsii's end-of-life banner), runs the
// tests, then closes the jsii runtime (no /tmp/jsii-runtime.* folder left
// behind) with stderr sent to /dev/null, so that jsii's "Runtime process
// exited abnormally: waitid: no child processes" is not glued to the PASS
// line. It exits with the tests' exit code.
func Main(m *testing.M) {
	const env = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"
	if os.Getenv(env) == "" {
		os.Setenv(env, nodeMajor())
	}
	code := m.Run()
	if devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		os.Stderr = devnull
	}
	jsii.Close()
	os.Exit(code)
}

func nodeMajor() string {
	out, err := exec.Command("node", "-p", "process.versions.node.split('.')[0]").Output()
	if v := strings.TrimSpace(string(out)); err == nil && v != "" {
		return v
	}
	return "20"
}
