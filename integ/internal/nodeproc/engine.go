// Package nodeproc runs the npm packages integ needs in one long-lived Node
// process per test binary, instead of a process per call: JSONata
// evaluation with the reference implementation, the npm package jsonata
// (pinned in the repository's package-lock.json), with the functions Step
// Functions adds ($partition, $range, $hash, $random, $uuid and $parse;
// $eval, which Step Functions lacks, fails), and definition validation with
// asl-validator.
package nodeproc

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

// Start starts the Node process with the packages in nodeModules (jsonata
// now, asl-validator on first use).
func Start(nodeModules string) (*Engine, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node is not on PATH (%v): install Node.js 20 or newer", err)
	}
	if _, err := os.Stat(filepath.Join(nodeModules, "jsonata", "package.json")); err != nil {
		return nil, fmt.Errorf("%s has no jsonata package: run `make deps` (npm ci)", nodeModules)
	}
	dir, err := os.MkdirTemp("", "sfnkit-node-")
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
	Expr     string         `json:"expr,omitempty"`
	Bindings map[string]any `json:"bindings,omitempty"`
	Validate any            `json:"validate,omitempty"`
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
	r, err := e.call(request{Expr: expr, Bindings: bindings})
	switch {
	case err != nil:
		return nil, false, err
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

// Validate runs asl-validator (loaded on first use, from the same
// node_modules) over items, [{"id", "definition"}], and returns its answer,
// [{"id", "valid", "errors": [{"code", "message"}]}]: the same process serves
// validation and evaluation, so a test binary starts Node once.
func (e *Engine) Validate(items any) (json.RawMessage, error) {
	r, err := e.call(request{Validate: items})
	switch {
	case err != nil:
		return nil, err
	case r.Error != nil:
		return nil, fmt.Errorf("asl-validator: %s", r.Error.Message)
	}
	return r.Value, nil
}

func (e *Engine) call(req request) (response, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.broken != nil {
		return response{}, e.broken
	}
	e.next++
	req.ID = e.next
	b, err := json.Marshal(req)
	if err != nil {
		return response{}, fmt.Errorf("the request cannot be encoded as JSON: %v", err)
	}
	if _, err := e.stdin.Write(append(b, '\n')); err != nil {
		return response{}, e.brk(err)
	}
	line, err := e.out.ReadBytes('\n')
	if err != nil {
		return response{}, e.brk(err)
	}
	var r response
	if err := json.Unmarshal(line, &r); err != nil || r.ID != e.next {
		return response{}, e.brk(fmt.Errorf("unreadable answer %q (%v)", line, err))
	}
	return r, nil
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
