package integ

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/sfnkit/sfnkit/integ/cfn"
	"github.com/sfnkit/sfnkit/integ/internal/nodeproc"
	"github.com/sfnkit/sfnkit/internal/aslcheck"
)

// validationError is one message of asl-validator.
type validationError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e validationError) String() string { return e.Code + ": " + e.Message }

// Validate synthesizes the stack and checks every state machine definition in
// it with asl-validator (missing transition targets and terminal states,
// unreachable states, malformed paths, ResultPath and intrinsics, bad
// Resource ARNs…), and for reads of workflow variables that no state that
// can run before the reader assigns. Each problem is reported with t.Errorf
// naming the state machine (quoting the validator, or naming the state,
// field and variable); then the test stops (t.FailNow). A stack without
// state machines fails too.
func Validate(t testing.TB, stack awscdk.Stack) {
	t.Helper()
	tpl := Template(t, stack)
	problems := ValidateTemplate(t, tpl)
	if len(problems) == 0 {
		return
	}
	for _, p := range problems {
		t.Errorf("%s", p)
	}
	t.FailNow()
}

// ValidateTemplate validates every state machine of an already synthesized
// template and returns one message per invalid or unresolvable definition,
// and one per read of a variable that no earlier state assigns (none when
// all are valid). It fails the test only when the validator
// cannot be run, or when the template has no state machine.
func ValidateTemplate(t testing.TB, template map[string]any) []string {
	t.Helper()
	sms := cfn.StateMachines(template)
	if len(sms) == 0 {
		t.Fatalf("integ: the template has no %s to validate", cfn.StateMachineType)
	}
	type item struct {
		ID         string         `json:"id"`
		Definition map[string]any `json:"definition"`
	}
	var problems []string
	var items []item
	labels := map[string]string{}
	for _, sm := range sms {
		def, err := cfn.ResolveDefinition(template, sm.LogicalID)
		if err != nil {
			problems = append(problems, fmt.Sprintf("integ: state machine %s: cannot resolve its definition: %v", sm.Label(), err))
			continue
		}
		items = append(items, item{ID: sm.LogicalID, Definition: def})
		labels[sm.LogicalID] = sm.Label()
		for _, u := range aslcheck.UnassignedVariables(def) {
			problems = append(problems, fmt.Sprintf("integ: state machine %s: %s", sm.Label(), u))
		}
	}
	if len(items) == 0 {
		return problems
	}
	results, err := runValidator(t, items)
	if err != nil {
		t.Fatalf("integ: running asl-validator: %v", err)
	}
	for _, r := range results {
		if r.Valid {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "integ: state machine %s has an invalid definition; asl-validator says:", labels[r.ID])
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "\n\t%s", e)
		}
		problems = append(problems, b.String())
	}
	return problems
}

type validation struct {
	ID     string            `json:"id"`
	Valid  bool              `json:"valid"`
	Errors []validationError `json:"errors"`
}

func runValidator(t testing.TB, items any) ([]validation, error) {
	t.Helper()
	// The shared Node process starts once; the tools' whereabouts are
	// checked at every call, so that a misconfiguration is always reported.
	if _, err := FindNodeModules(); err != nil {
		return nil, err
	}
	engine, err := nodeproc.Shared(FindNodeModules)
	if err != nil {
		return nil, err
	}
	raw, err := engine.Validate(items)
	if err != nil {
		return nil, err
	}
	var out []validation
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("unreadable validator output %q: %v", tail(string(raw), 500), err)
	}
	return out, nil
}
