package parity_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/parity/migration/cdkapp"
	"github.com/sfnkit/sfnkit/internal/parity/migration/sfnkitapp"
)

// The program in migration/cdkapp, written for awsstepfunctionstasks,
// compiles against sfnkit with only the import changed (sfnkitapp is
// generated so), synthesizes, keeps every logical ID and names the same
// states of the same types.
func TestMigratingAProgramChangesOnlyTheImport(t *testing.T) {
	app := cdktest.NewApp()
	before := awscdk.NewStack(app, jsii.String("Before"), cdktest.StackProps())
	after := awscdk.NewStack(app, jsii.String("After"), cdktest.StackProps())
	cdkapp.Build(before)
	sfnkitapp.Build(after)
	b, a := cdktest.Template(t, before), cdktest.Template(t, after)

	if w, g := resourceIDs(b), resourceIDs(a); !reflect.DeepEqual(w, g) {
		t.Errorf("logical IDs moved:\n  CDK:    %v\n  sfnkit: %v", w, g)
	}
	wantDef := cdktest.Definition(t, b)
	gotDef := cdktest.Definition(t, a)
	if wantDef["StartAt"] != gotDef["StartAt"] {
		t.Errorf("StartAt: CDK %v, sfnkit %v", wantDef["StartAt"], gotDef["StartAt"])
	}
	ws, gs := wantDef["States"].(map[string]any), gotDef["States"].(map[string]any)
	for name, s := range ws {
		g, ok := gs[name].(map[string]any)
		if !ok {
			t.Errorf("state %q missing after migration", name)
			continue
		}
		for _, key := range []string{"Type", "Next", "End"} {
			if !reflect.DeepEqual(s.(map[string]any)[key], g[key]) {
				t.Errorf("%s.%s: CDK %v, sfnkit %v", name, key, s.(map[string]any)[key], g[key])
			}
		}
	}
	if len(ws) != len(gs) {
		t.Errorf("%d states before, %d after", len(ws), len(gs))
	}
}

func resourceIDs(tpl map[string]any) []string {
	var ids []string
	for id, r := range tpl["Resources"].(map[string]any) {
		if typ := r.(map[string]any)["Type"]; typ != "AWS::IAM::Policy" {
			ids = append(ids, id+" "+typ.(string))
		}
	}
	sort.Strings(ids)
	return ids
}
