package integ_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
)

func TestMain(m *testing.M) {
	// `make test` exports it; set it for a bare `go test` too. Its value must
	// be the Node major version.
	if os.Getenv("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION") == "" {
		os.Setenv("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", nodeMajor())
	}
	cdktest.SkipCDKValidation()
	code := m.Run()
	// jsii may print "Runtime process exited abnormally" while closing.
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
