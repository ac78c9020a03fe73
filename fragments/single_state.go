package fragments

import (
	"fmt"
	"reflect"
	"strings"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdkpath"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
)

type singleState struct {
	options  sfn.SingleStateOptions
	parallel sfn.Parallel
}

// ToSingleState returns the fragment as one Parallel state, every inner
// state renamed "<StateId>: <name>" (or options.PrefixStates + name), so
// that two instances of a fragment never collide in one state machine.
// StateId defaults to the fragment's construct id and names the Parallel
// (unless StateName is given).
//
// Unlike the CDK's, the state's output is the fragment's output: with no
// ResultPath, ResultSelector or OutputPath, "OutputPath": "$[0]" unwraps
// the Parallel's one-element result array. ResultPath tasks.Discard keeps
// the input instead. A result at another path cannot be unwrapped by a
// single state: use Enclose, or set ResultSelector or OutputPath yourself.
// (JSONata: Outputs defaults to "{% $states.result[0] %}".)
//
// The renaming happens once: calling ToSingleState again with the same
// options returns the same state; with other options it panics (create
// another instance of the fragment instead).
func (f *Fragment) ToSingleState(options *sfn.SingleStateOptions) sfn.Parallel {
	f.claim("ToSingleState")
	o := sfn.SingleStateOptions{}
	if options != nil {
		o = *options
	}
	if f.single != nil {
		if !reflect.DeepEqual(f.single.options, o) {
			panic(f.problem("ToSingleState", "already called with other options (state %q); the states were renamed and wrapped once: create another instance of the fragment for a second single state", *f.single.parallel.StateId()))
		}
		return f.single.parallel
	}

	stateID := *f.Node().Id()
	if o.StateId != nil {
		stateID = *o.StateId
	}
	prefix := stateID + ": "
	if o.PrefixStates != nil {
		prefix = *o.PrefixStates
	}
	props, problems := singleStateProps(stateID, o)
	if len(problems) > 0 {
		panic(&engine.ValidationError{Construct: "Fragment", Path: f.path(), Problems: problems})
	}

	// Rename before the branch's graph is created: it records the names.
	f.PrefixStates(jsii.String(prefix))
	parallel := sfn.NewParallel(f.scope, jsii.String("SingleState"), props)
	parallel.Branch(f.Definition())
	f.single = &singleState{options: o, parallel: parallel}
	return parallel
}

func singleStateProps(stateID string, o sfn.SingleStateOptions) (*sfn.ParallelProps, []error) {
	var problems []error
	bad := func(field, format string, args ...any) {
		problems = append(problems, fmt.Errorf("ToSingleState.%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if strings.TrimSpace(stateID) == "" {
		bad("StateId", "must not be empty")
	}
	name := o.StateName
	if name == nil {
		name = jsii.String(stateID)
	}
	props := &sfn.ParallelProps{
		StateName: name, Comment: o.Comment, QueryLanguage: o.QueryLanguage, Assign: o.Assign,
		InputPath: o.InputPath, OutputPath: o.OutputPath, ResultPath: resultPathProp(o.ResultPath), ResultSelector: o.ResultSelector,
		Parameters: o.Parameters, Arguments: o.Arguments, Outputs: o.Outputs,
	}
	if o.QueryLanguage == sfn.QueryLanguage_JSONATA {
		if o.Outputs == nil {
			props.Outputs = "{% $states.result[0] %}"
		}
		return props, problems
	}
	for _, p := range []struct {
		field string
		path  *string
	}{{"InputPath", o.InputPath}, {"OutputPath", o.OutputPath}} {
		if p.path != nil {
			if err := expr.ParsePath(*p.path); err != nil {
				bad(p.field, "%v", err)
			}
		}
	}
	resultPath := "$"
	if o.ResultPath != nil {
		resultPath = *o.ResultPath
		if !cdkpath.IsDiscard(resultPath) {
			if err := expr.ParseReferencePath(resultPath); err != nil || expr.IsContextPath(resultPath) {
				if err == nil {
					err = fmt.Errorf("%q is a context path; a result goes into the state's input", resultPath)
				}
				bad("ResultPath", "%v", err)
			}
		}
	}
	switch {
	case o.OutputPath != nil || o.ResultSelector != nil:
	case resultPath == "$":
		props.OutputPath = jsii.String("$[0]")
	case cdkpath.IsDiscard(resultPath):
	default:
		bad("ResultPath", "%q would hold the Parallel's one-element array, which a single state cannot unwrap; use Enclose(id, inputPath, %q), which unwraps it with a Pass, or set ResultSelector or OutputPath yourself", resultPath, resultPath)
	}
	return props, problems
}

// PrefixStates renames the fragment's states by putting prefix before
// their names, once. It covers the states created under the fragment
// (what the CDK's StateMachineFragment.prefixStates covers) and those
// reachable from its start state but created elsewhere (a task handed to
// the fragment). Calling it again with the same prefix does nothing; with
// another it panics, where the CDK's would prefix the names twice.
func (f *Fragment) PrefixStates(prefix *string) *Fragment {
	if prefix == nil || *prefix == "" {
		panic(f.problem("PrefixStates", "prefix must not be empty"))
	}
	if f.prefix != "" {
		if f.prefix != *prefix {
			panic(f.problem("PrefixStates", "the states are already prefixed with %q; a fragment's states are renamed once, so create another instance of the fragment for %q", f.prefix, *prefix))
		}
		return f
	}
	start := f.Definition().StartState()
	sfn.State_PrefixStates(f.scope, prefix)
	inside := *f.Node().Path() + "/"
	reachable := sfn.State_FindReachableStates(start, &sfn.FindStateOptions{IncludeErrorHandlers: jsii.Bool(true)})
	for _, s := range *reachable {
		if !strings.HasPrefix(*s.Node().Path(), inside) {
			s.AddPrefix(prefix)
		}
	}
	f.prefix = *prefix
	return f
}

// resultPathProp leaves out "$", the default: same meaning, and
// aws-local-stepfunctions 3.0.0 wrongly stores a result at "$" under a key
// named "$" instead of replacing the input.
func resultPathProp(path *string) *string {
	if path != nil && *path == "$" {
		return nil
	}
	return cdkpath.ForCDK(path)
}
