package tasks_test

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// commonFields are the CDK's TaskStateBaseProps as sfnkit declares them:
// code written for awsstepfunctionstasks compiles unchanged.
var commonFields = map[string]string{
	"Comment": "*string", "QueryLanguage": "sfn.QueryLanguage", "InputPath": "*string", "OutputPath": "*string",
	"ResultPath": "*string", "ResultSelector": "*map[string]interface{}", "Assign": "*map[string]interface{}",
	"Outputs": "interface{}", "TaskTimeout": "sfn.Timeout", "HeartbeatTimeout": "sfn.Timeout",
	"Credentials": "*sfn.Credentials", "IntegrationPattern": "sfn.IntegrationPattern",
	"StateName": "*string", "Heartbeat": "awscdk.Duration", "Timeout": "awscdk.Duration",
}

// jobTimeouts are the props whose Timeout is the job's own (rendered in
// the API call, as the CDK does), typed as the CDK types it.
var jobTimeouts = map[string]bool{"BatchSubmitJobProps": true, "GlueStartJobRunProps": true}

// Every New<Task>(scope, id, props *<Task>Props) Task takes props that
// declare all the common fields with the CDK's types (CustomTask, raw ASL, excepted).
func TestEveryTaskHasTheCommonProps(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	structs := map[string]*ast.StructType{}
	var propsOfConstructors []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if ts, ok := spec.(*ast.TypeSpec); ok {
						if st, ok := ts.Type.(*ast.StructType); ok {
							structs[ts.Name.Name] = st
						}
					}
				}
			case *ast.FuncDecl:
				params := d.Type.Params.List
				// A task's constructor takes (scope, id, props); NewEventBridgeSchedulerTarget
				// takes props only and makes no task.
				if d.Recv != nil || !strings.HasPrefix(d.Name.Name, "New") || len(params) < 3 || d.Type.Results == nil {
					continue
				}
				if res := types(fset, d.Type.Results.List[0].Type); res != "Task" && res != strings.TrimPrefix(d.Name.Name, "New") {
					continue
				}
				last := types(fset, params[len(params)-1].Type)
				if strings.HasSuffix(last, "Props") && last != "*CustomTaskProps" {
					propsOfConstructors = append(propsOfConstructors, strings.TrimPrefix(last, "*"))
				}
			}
		}
	}
	require.NotEmpty(t, propsOfConstructors)
	for _, name := range propsOfConstructors {
		st := structs[name]
		require.NotNil(t, st, "props type %s not found", name)
		have := map[string]string{}
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				have[n.Name] = types(fset, f.Type)
			}
		}
		for field, typ := range commonFields {
			if field == "Timeout" && jobTimeouts[name] {
				continue
			}
			assert.Equal(t, typ, have[field], "%s.%s", name, field)
		}
	}
}

func types(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	_ = printer.Fprint(&b, fset, e)
	return b.String()
}
