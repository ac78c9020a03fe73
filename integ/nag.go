package integ

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// NagRule is the cdk-nag rule that Nag enforces.
const NagRule = "AwsSolutions-IAM5"

// nagged remembers the stacks (their jsii proxies, one per object) that already have the aspect.
var nagged sync.Map

// Nag adds the cdk-nag AwsSolutionsChecks aspect to the stack (once, however
// often Nag is called on it), synthesizes it, and fails the test (t.Errorf
// per finding, then t.FailNow) on every AwsSolutions-IAM5 finding (a
// wildcard in an IAM action or resource) that is not suppressed, quoting the
// resource path and the finding. Suppress a wildcard you accept with
// cdknag.NagSuppressions_AddResourceSuppressions and a reason of at least 10
// characters (AppliesTo narrows it to one wildcard, e.g. "Resource::*").
// Other AwsSolutions findings are only logged (t.Logf).
//
// Aspects run during synthesis. With aws-cdk-lib 2.270 every synthesis that
// assertions (and so Validate, Run and Template) makes is a forced one that
// runs newly added aspects, so Nag may come after them; to stay safe across
// CDK versions, prefer calling Nag before any other synthesis of the app.
func Nag(t testing.TB, stack awscdk.Stack) {
	t.Helper()
	findings, others, err := nagFindings(stack)
	if err != nil {
		t.Fatalf("integ.Nag: %s: %v", stackName(stack), err)
	}
	for _, f := range others {
		t.Logf("integ.Nag: (not enforced) %s", f)
	}
	if len(findings) == 0 {
		return
	}
	for _, f := range findings {
		t.Errorf("integ.Nag: %s", f)
	}
	t.Errorf("integ.Nag: %d unsuppressed %s finding(s) in %s: scope the IAM statements to specific resources and actions, or suppress a wildcard you accept with cdknag.NagSuppressions_AddResourceSuppressions and a reason",
		len(findings), NagRule, stackName(stack))
	t.FailNow()
}

func nagFindings(stack awscdk.Stack) (enforced, others []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if _, loaded := nagged.LoadOrStore(stack, true); !loaded {
		awscdk.Aspects_Of(stack).Add(cdknag.NewAwsSolutionsChecks(&cdknag.NagPackProps{
			Verbose: jsii.Bool(true),
			Reports: jsii.Bool(false),
		}), nil)
	}
	found := assertions.Annotations_FromStack(stack).FindError(jsii.String("*"),
		assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*")))
	if found == nil {
		return nil, nil, nil
	}
	for _, m := range *found {
		text := fmt.Sprintf("%s: %s", deref(m.Id), firstSentence(fmt.Sprint(m.Entry.Data)))
		if strings.HasPrefix(fmt.Sprint(m.Entry.Data), NagRule+"[") || strings.HasPrefix(fmt.Sprint(m.Entry.Data), NagRule+":") {
			enforced = append(enforced, text)
		} else {
			others = append(others, text)
		}
	}
	return enforced, others, nil
}

// firstSentence keeps a cdk-nag message's rule, target and first sentence.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
