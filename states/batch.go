package states

import (
	"regexp"

	"github.com/sfnkit/sfnkit/internal/value"
)

// batchError is the error the AWS SDK integration raises for AWS Batch's
// generic failures (throttling, 5xx).
const batchError = "Batch.BatchException"

// batchAttempts is how many times a Batch API call is retried on batchError.
const batchAttempts = 7

// uniqueSuffixLen is what uniqueName adds: "-" and a UUID.
const uniqueSuffixLen = 37

// batchName is what AWS Batch accepts as a job or job definition name.
var batchName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// uniqueName reads a base name (literal or dynamic) and returns it with
// the intrinsic that names one job or job definition per call:
// States.Format('<base>-{}', States.UUID()), the base staying a path or call
// when it is one.
func (b *builder) uniqueName(field string, base *string, what string) (v, name *value.Value) {
	v = b.required(field, base, what)
	if v == nil {
		return nil, nil
	}
	if s, ok := v.String(); ok {
		if !value.IsTokenString(s) && (!batchName.MatchString(s) || len(s) > 128-uniqueSuffixLen) {
			b.fail(field, "%q is not a usable name: 1 to %d letters, digits, hyphens and underscores, starting with a letter or digit (\"-<uuid>\" is added to it)", s, 128-uniqueSuffixLen)
			return nil, nil
		}
		return v, value.Dyn("States.Format('" + s + "-{}', States.UUID())")
	}
	if v.Kind() != value.Path && v.Kind() != value.Intrinsic {
		b.fail(field, "must be a name, a path or an intrinsic function")
		return nil, nil
	}
	return v, value.Dyn("States.Format('{}-{}', " + v.Expr() + ", States.UUID())")
}

// namePattern is the IAM resource text matching every name uniqueName
// makes from base: "<base>-*", "<prefix>*" for a States.Format base with a
// literal prefix, "*" otherwise.
func namePattern(base *value.Value) string {
	if s, ok := base.String(); ok {
		return s + "-*"
	}
	if p := knownPrefix(base); p != "" {
		return iamEscape(p) + "*"
	}
	return "*"
}
