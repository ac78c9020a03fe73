// Package jsonata evaluates JSONata expressions with the reference
// implementation, the npm package jsonata (pinned in the repository's
// package-lock.json), in one long-lived Node process per test binary,
// with the functions Step Functions adds: $partition, $range, $hash,
// $random, $uuid and $parse ($eval, which Step Functions lacks, fails).
package jsonata

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

//go:embed engine.mjs
var script []byte

// Error is an error of the expression (a JSONata evaluation error).
type Error struct {
	Message string
	Code    string
}

func (e *Error) Error() string { return e.Message }

// Engine is one Node process evaluating expressions; it is safe for
// concurrent use (requests are serialized).
type Engine struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *bufio.Reader
	stderr *strings.Builder
	next   int
	broken error
}

// Start starts a Node process that loads jsonata from nodeModules.
func Start(nodeModules string) (*Engine, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node is not on PATH (%v): install Node.js 20 or newer", err)
	}
	if _, err := os.Stat(filepath.Join(nodeModules, "jsonata", "package.json")); err != nil {
		return nil, fmt.Errorf("%s has no jsonata package: run `make deps` (npm ci)", nodeModules)
	}
	dir, err := os.MkdirTemp("", "sfnkit-jsonata-")
	if err != nil {
		return nil, err
	}
	file := filepath.Join(dir, "engine.mjs")
	if err := os.WriteFile(file, script, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(node, file)
	cmd.Env = append(os.Environ(), "SFNKIT_NODE_MODULES_DIR="+nodeModules)
	e := &Engine{cmd: cmd, stderr: &strings.Builder{}}
	cmd.Stderr = e.stderr
	if e.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	e.out = bufio.NewReaderSize(stdout, 1<<16)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting node: %v", err)
	}
	// The script is read at start; the file can go.
	go func() { cmd.Wait(); os.RemoveAll(dir) }()
	return e, nil
}

type request struct {
	ID       int            `json:"id"`
	Expr     string         `json:"expr"`
	Bindings map[string]any `json:"bindings"`
}

type response struct {
	ID        int             `json:"id"`
	Value     json.RawMessage `json:"value"`
	Undefined bool            `json:"undefined"`
	Error     *Error          `json:"error"`
}

// Evaluate returns the value of expr with the bindings (a binding "x" is
// $x), and whether it is defined. An error of the expression is an *Error;
// any other error means the engine is broken.
func (e *Engine) Evaluate(expr string, bindings map[string]any) (any, bool, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.broken != nil {
		return nil, false, e.broken
	}
	e.next++
	b, err := json.Marshal(request{ID: e.next, Expr: expr, Bindings: bindings})
	if err != nil {
		return nil, false, fmt.Errorf("the bindings cannot be encoded as JSON: %v", err)
	}
	if _, err := e.stdin.Write(append(b, '\n')); err != nil {
		return nil, false, e.brk(err)
	}
	line, err := e.out.ReadBytes('\n')
	if err != nil {
		return nil, false, e.brk(err)
	}
	var r response
	if err := json.Unmarshal(line, &r); err != nil || r.ID != e.next {
		return nil, false, e.brk(fmt.Errorf("unreadable answer %q (%v)", line, err))
	}
	switch {
	case r.Error != nil:
		return nil, false, r.Error
	case r.Undefined:
		return nil, false, nil
	}
	var v any
	if err := json.Unmarshal(r.Value, &v); err != nil {
		return nil, false, e.brk(err)
	}
	return v, true, nil
}

func (e *Engine) brk(err error) error {
	e.broken = fmt.Errorf("the JSONata Node process failed: %v\n%s", err, e.stderr.String())
	return e.broken
}

// Close ends the process.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.broken == nil {
		e.broken = errors.New("the JSONata engine is closed")
	}
	return e.stdin.Close()
}

var (
	sharedOnce sync.Once
	shared     *Engine
	sharedErr  error
)

// Shared returns the process-wide engine, started at the first call.
func Shared(nodeModules func() (string, error)) (*Engine, error) {
	sharedOnce.Do(func() {
		nm, err := nodeModules()
		if err != nil {
			sharedErr = err
			return
		}
		shared, sharedErr = Start(nm)
	})
	return shared, sharedErr
}
