package fragments

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/states"
)

type enclosure struct {
	id, inputPath, resultPath *string
	chain                     sfn.Chain
}

// Enclose runs the fragment as a sub-workflow (states.Enclose) named after
// id (default: the fragment's construct id): its input
// is the caller's input at inputPath (default "$"), its output lands,
// unwrapped once, at resultPath (default inputPath), and the rest of the
// caller's input survives. resultPath tasks.Discard drops the output.
//
// Calling Enclose again with the same arguments returns the same chain;
// with others it panics (create another instance of the fragment instead).
func (f *Fragment) Enclose(id *string, inputPath, resultPath *string) sfn.Chain {
	f.claim("Enclose")
	if e := f.enclosure; e != nil {
		if !sameString(e.id, id) || !sameString(e.inputPath, inputPath) || !sameString(e.resultPath, resultPath) {
			panic(f.problem("Enclose", "already enclosed with other arguments; create another instance of the fragment for a second enclosure"))
		}
		return e.chain
	}
	name := id
	if name == nil {
		name = f.Node().Id()
	}
	chain := states.Enclose(f.scope, name, f.Definition(), inputPath, resultPath)
	f.enclosure = &enclosure{id: id, inputPath: inputPath, resultPath: resultPath, chain: chain}
	return chain
}

func sameString(a, b *string) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
