package engine

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/apimodel"
)

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
	for _, p := range apimodel.Check(t, r.spec.Params) {
		if !r.reported(p, t.Field) {
			r.problems = append(r.problems, p)
		}
	}
}

// reported tells whether the task's own checks already said the same of
// the same member ("MaxResults: must be from 1 to 1000, got 1001" makes
// "Parameters.MaxResults: ..." a repetition): same message, under the same
// top-level member.
func (r *renderer) reported(p error, field string) bool {
	path, msg, ok := strings.Cut(p.Error(), ": ")
	if !ok {
		return false
	}
	top, _, _ := strings.Cut(strings.TrimPrefix(path, field+"."), ".")
	for _, own := range r.problems {
		ownPath, ownMsg, ok := strings.Cut(own.Error(), ": ")
		ownTop, _, _ := strings.Cut(ownPath, ".")
		if ok && ownMsg == msg && ownTop == top {
			return true
		}
	}
	return false
}
