package fragments_test

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/sfnkit/sfnkit/internal/cdktest"
)

// printStates prints, for each state machine of stack, its states in
// order of name with their types: what an example's workflow is made of.
func printStates(stack awscdk.Stack) {
	raw, _ := json.Marshal(assertions.Template_FromStack(stack, nil).ToJSON())
	var tpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	_ = json.Unmarshal(raw, &tpl)
	var ids []string
	for id, r := range tpl.Resources {
		if r.Type == "AWS::StepFunctions::StateMachine" {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		var def struct {
			States map[string]struct{ Type string }
		}
		_ = json.Unmarshal([]byte(cdktest.Flatten(tpl.Resources[id].Properties["DefinitionString"])), &def)
		names := make([]string, 0, len(def.States))
		for name, s := range def.States {
			names = append(names, name+" ("+s.Type+")")
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Println(n)
		}
	}
}
