package engine

import "github.com/sfnkit/sfnkit/internal/apimodel"

// checkAPI checks the task's Parameters (Arguments) against the input of
// the AWS API it calls, from the API's model (internal/apimodel), and adds
// a problem per wrong member. Values decided at run time are not judged.
func (r *renderer) checkAPI(suffix string) {
	t := apimodel.Target{Suffix: suffix, Field: "Parameters"}
	if r.common.JSONata {
		t.Field = "Arguments"
	}
	switch s := r.spec; {
	case s.Integration != nil:
		t.Service, t.API = s.Integration.Service, s.Integration.API
	case s.SDK != nil:
		t.Service, t.API, t.ActionField = "aws-sdk:"+s.SDK.Service, s.SDK.Action, "Action"
	default:
		return
	}
	r.problems = append(r.problems, apimodel.Check(t, r.spec.Params)...)
}
