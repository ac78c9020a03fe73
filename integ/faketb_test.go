package integ_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB records failures instead of failing the real test, so the harness's
// own failure messages can be asserted. FailNow and Fatal* end the goroutine
// the check runs in (see expectFailure), like the real ones.
type fakeTB struct {
	testing.TB // the real test: Helper, Logf, TempDir, Cleanup, Name…
	mu         sync.Mutex
	failed     bool
	msgs       []string
}

func (f *fakeTB) record(msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failed = true
	f.msgs = append(f.msgs, msg)
}

func (f *fakeTB) Helper()                           {}
func (f *fakeTB) Error(args ...any)                 { f.record(fmt.Sprint(args...)) }
func (f *fakeTB) Errorf(format string, args ...any) { f.record(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Fatal(args ...any)                 { f.record(fmt.Sprint(args...)); runtime.Goexit() }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.record(fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (f *fakeTB) Fail()        { f.mu.Lock(); f.failed = true; f.mu.Unlock() }
func (f *fakeTB) FailNow()     { f.Fail(); runtime.Goexit() }
func (f *fakeTB) Failed() bool { f.mu.Lock(); defer f.mu.Unlock(); return f.failed }
func (f *fakeTB) SkipNow()     { panic("fakeTB: SkipNow is not supported") }
func (f *fakeTB) Skip(...any)  { panic("fakeTB: Skip is not supported") }
func (f *fakeTB) Skipf(string, ...any) {
	panic("fakeTB: Skipf is not supported")
}

// messages joins what was recorded.
func (f *fakeTB) messages() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.msgs, "\n")
}

// check runs fn with a fakeTB in its own goroutine and waits for it: the
// goroutine ends normally or through Goexit (FailNow); jsii calls in it are
// safe because the caller blocks meanwhile. A panic in fn is re-raised here.
func check(t *testing.T, fn func(tb testing.TB)) *fakeTB {
	t.Helper()
	f := &fakeTB{TB: t}
	done := make(chan any, 1)
	go func() {
		var pv any
		normal := false
		defer func() {
			if !normal {
				pv = recover()
			}
			done <- pv
		}()
		fn(f)
		normal = true
	}()
	if pv := <-done; pv != nil {
		t.Fatalf("the check panicked: %v", pv)
	}
	return f
}

// expectFailure asserts that fn fails the fakeTB with a message containing every want.
func expectFailure(t *testing.T, fn func(tb testing.TB), wants ...string) string {
	t.Helper()
	f := check(t, fn)
	if !f.Failed() {
		t.Fatalf("expected the check to fail, it passed")
	}
	msg := f.messages()
	t.Logf("expected failure:\n%s", msg)
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("failure message lacks %q; it is:\n%s", w, msg)
		}
	}
	return msg
}

// expectPass asserts that fn does not fail the fakeTB.
func expectPass(t *testing.T, fn func(tb testing.TB)) {
	t.Helper()
	if f := check(t, fn); f.Failed() {
		t.Fatalf("expected the check to pass, it failed:\n%s", f.messages())
	}
}
