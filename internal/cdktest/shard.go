package cdktest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// A test binary's jsii work runs in one single-threaded Node process, and Go
// waits while it works: a package's tests use about one core. runSharded
// runs them in two processes instead, each with its own Node, when the
// whole package runs on a machine with two cores or more. It suits only the
// package that go test runs last and alone (tasks): where packages already
// run side by side, the extra Node processes cost more than they save. It
// returns false when the binary should run its tests itself: a shard, a
// chosen subset (-test.run), a listing, benchmarks, fuzzing, profiles or
// coverage, or SFNKIT_TEST_SHARDS=1. SFNKIT_TEST_SHARDS=N runs N processes
// (on this 2-core machine, 3 and 4 were slower than 2: each Node loads
// aws-cdk-lib, about a second).
func runSharded() (code int, sharded bool) {
	const shardEnv = "SFNKIT_TEST_SHARD"
	if os.Getenv(shardEnv) != "" || os.Getenv("SFNKIT_TEST_SHARDS") == "1" || runtime.NumCPU() < 2 {
		return 0, false
	}
	if !flag.Parsed() {
		flag.Parse()
	}
	for _, name := range []string{"test.run", "test.skip", "test.list", "test.bench", "test.fuzz", "test.coverprofile",
		"test.cpuprofile", "test.memprofile", "test.blockprofile", "test.mutexprofile", "test.trace", "test.gocoverdir"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" && f.Value.String() != f.DefValue {
			return 0, false
		}
	}
	self, err := os.Executable()
	if err != nil {
		return 0, false
	}
	list := exec.Command(self, "-test.list", ".*")
	list.Env = append(os.Environ(), shardEnv+"=list")
	out, err := list.Output()
	if err != nil {
		return 0, false
	}
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Test") || strings.HasPrefix(line, "Example") {
			names = append(names, regexp.QuoteMeta(line))
		}
	}
	shards := 2
	if n, err := strconv.Atoi(os.Getenv("SFNKIT_TEST_SHARDS")); err == nil && n > 1 {
		shards = n
	}
	if len(names) < 2*shards {
		return 0, false
	}
	outputs := make([][]byte, shards)
	codes := make([]int, shards)
	var wg sync.WaitGroup
	for i := range shards {
		var mine []string
		for j := i; j < len(names); j += shards {
			mine = append(mine, names[j])
		}
		args := append([]string{"-test.run", "^(" + strings.Join(mine, "|") + ")$"}, os.Args[1:]...)
		cmd := exec.Command(self, args...)
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", shardEnv, i))
		var buf bytes.Buffer
		cmd.Stdout, cmd.Stderr = &buf, &buf
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := cmd.Run(); err != nil {
				codes[i] = 1
				if exit, ok := err.(*exec.ExitError); ok && exit.ExitCode() > 0 {
					codes[i] = exit.ExitCode()
				} else {
					fmt.Fprintf(&buf, "running shard %d: %v\n", i, err)
				}
			}
			outputs[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	// Each shard ends with its verdict (after test2json's marker, with
	// go test -json): print the shards' outputs, then one verdict.
	verdict := regexp.MustCompile(`(?m)^(\x16?)(PASS|FAIL)\n?\z`)
	prefix := ""
	for i, o := range outputs {
		if m := verdict.FindSubmatch(o); m != nil {
			prefix = string(m[1])
			o = o[:len(o)-len(m[0])]
		}
		os.Stdout.Write(o)
		code = max(code, codes[i])
	}
	if code == 0 {
		fmt.Print(prefix, "PASS\n")
	} else {
		fmt.Print(prefix, "FAIL\n")
	}
	return code, true
}
