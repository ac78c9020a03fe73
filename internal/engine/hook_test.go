package engine

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

// Each hook has exactly the methods jsii must call back for the task: any
// other exported pointer method would be taken for an override, and a
// missing one would lose the task's name, statements, problems or CDK
// interfaces.
func TestHookMethods(t *testing.T) {
	stmts := []iampolicy.Statement{{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{"arn"}}}
	tests := []struct {
		named, checked, grant, conns, statements bool
		want                                     []string
	}{
		{want: []string{"IsSfnkitHook"}},
		{statements: true, want: []string{"WhenBoundToGraph"}},
		{named: true, want: []string{"StateName", "WhenBoundToGraph"}},
		{checked: true, statements: true, want: []string{"ValidateState", "WhenBoundToGraph"}},
		{named: true, checked: true, want: []string{"StateName", "ValidateState", "WhenBoundToGraph"}},
		{grant: true, statements: true, want: []string{"GrantPrincipal", "WhenBoundToGraph"}},
		{grant: true, named: true, want: []string{"GrantPrincipal", "StateName", "WhenBoundToGraph"}},
		{conns: true, statements: true, want: []string{"Connections", "WhenBoundToGraph"}},
		{conns: true, named: true, want: []string{"Connections", "StateName", "WhenBoundToGraph"}},
		{grant: true, conns: true, want: []string{"Connections", "GrantPrincipal", "WhenBoundToGraph"}},
		{grant: true, conns: true, named: true, want: []string{"Connections", "GrantPrincipal", "StateName", "WhenBoundToGraph"}},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("named=%v checked=%v grant=%v conns=%v statements=%v", tt.named, tt.checked, tt.grant, tt.conns, tt.statements)
		r := &Rendered{}
		if tt.statements {
			r.Statements = stmts
		}
		h := newHook(Carrier{R: r}, tt.named, tt.checked, tt.grant, tt.conns)
		assert.Equal(t, tt.want, pointerOnlyMethods(h), name)
	}
}

// pointerOnlyMethods are the exported methods of *T that T lacks: the ones
// jsii's runtime reports as overrides.
func pointerOnlyMethods(ptr any) []string {
	pt := reflect.TypeOf(ptr)
	value := map[string]bool{}
	for i := 0; i < pt.Elem().NumMethod(); i++ {
		value[pt.Elem().Method(i).Name] = true
	}
	var out []string
	for i := 0; i < pt.NumMethod(); i++ {
		if m := pt.Method(i).Name; !value[m] {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}
