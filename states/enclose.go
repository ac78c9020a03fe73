package states

import (
	"fmt"

	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdkpath"
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
)

// Enclose runs chainable as a sub-workflow whose result lands at resultPath
// while the rest of the caller's input survives:
//
//	Parallel "<id> Enclosure" (InputPath inputPath, ResultPath resultPath), one branch: chainable
//	Pass "<id> Enclosure Post" (InputPath "<resultPath>[0]", ResultPath resultPath)
//
// The Pass unwraps the Parallel's one-element result array, exactly once.
// inputPath defaults to "$"; resultPath defaults to inputPath. With
// resultPath tasks.Discard (sfn.JsonPath_DISCARD) the result is dropped and
// there is no Post state. The states are created in scope; their names start
// with id, so give each enclosure in a state machine its own id.
//
// Bad paths panic with a *tasks.ValidationError naming the field.
func Enclose(scope constructs.Construct, id *string, chainable sfn.IChainable, inputPath, resultPath *string) sfn.Chain {
	in, out := "$", ""
	if inputPath != nil {
		in = *inputPath
	}
	out = in
	if resultPath != nil {
		out = *resultPath
	}
	name := ""
	if id != nil {
		name = *id
	}
	var problems []error
	if name == "" {
		problems = append(problems, fmt.Errorf("id: required: the enclosure's states are named \"<id> Enclosure\" and \"<id> Enclosure Post\""))
	}
	if chainable == nil {
		problems = append(problems, fmt.Errorf("chainable: required: the states to enclose"))
	}
	if err := expr.ParsePath(in); err != nil {
		problems = append(problems, fmt.Errorf("inputPath: %v", err))
	}
	discard := cdkpath.IsDiscard(out)
	if !discard {
		if err := resultPathError(out); err != nil {
			problems = append(problems, fmt.Errorf("resultPath: %v (or DISCARD to drop the result)", err))
		}
	}
	if len(problems) > 0 {
		panic(&engine.ValidationError{Construct: "Enclose", Path: *scope.Node().Path() + "/" + name, Problems: problems})
	}

	enclosure := sfn.NewParallel(scope, jsii.String(name+" Enclosure"), &sfn.ParallelProps{
		InputPath: jsii.String(in), ResultPath: resultPathProp(out),
	})
	enclosure.Branch(chainable)
	chain := sfn.Chain_Start(enclosure)
	if discard {
		return chain
	}
	post := sfn.NewPass(scope, jsii.String(name+" Enclosure Post"), &sfn.PassProps{
		InputPath: jsii.String(out + "[0]"), ResultPath: resultPathProp(out),
	})
	return chain.Next(post)
}

// resultPathProp leaves out "$", the default: same meaning, and
// aws-local-stepfunctions 3.0.0 wrongly stores a result at "$" under a key
// named "$" instead of replacing the input.
func resultPathProp(path string) *string {
	if path == "$" {
		return nil
	}
	return cdkpath.ForCDK(jsii.String(path))
}

// resultPathError checks a ResultPath: a reference path into the state's
// input, so not the context object.
func resultPathError(path string) error {
	if expr.IsContextPath(path) {
		return fmt.Errorf("%q is a context path; a result goes into the state's input, at a path starting with \"$.\" or \"$\"", path)
	}
	return expr.ParseReferencePath(path)
}
