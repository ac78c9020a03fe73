package integ_test

import (
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/sfnkit/sfnkit/integ"
)

func TestNagFailsOnAWildcardResource(t *testing.T) {
	stack := newStack(t)
	addPolicy(stack, "Role", []string{"lambda:InvokeFunction"}, []string{"*"})
	expectFailure(t, func(tb testing.TB) { integ.Nag(tb, stack) },
		"AwsSolutions-IAM5", "Test/Role/DefaultPolicy/Resource", "Resource::*", "1 unsuppressed")
}

func TestNagAcceptsScopedAndSuppressedStatements(t *testing.T) {
	t.Run("scoped", func(t *testing.T) {
		stack := newStack(t)
		addPolicy(stack, "Role", []string{"lambda:InvokeFunction"},
			[]string{"arn:aws:lambda:us-east-1:123456789012:function:f"})
		expectPass(t, func(tb testing.TB) { integ.Nag(tb, stack) })
	})
	t.Run("suppressed with a reason", func(t *testing.T) {
		stack := newStack(t)
		role := addPolicy(stack, "Role", []string{"lambda:InvokeFunction"}, []string{"*"})
		cdknag.NagSuppressions_AddResourceSuppressions(role, &[]*cdknag.NagPackSuppression{{
			Id:        jsii.String("AwsSolutions-IAM5"),
			Reason:    jsii.String("the function is chosen at run time"),
			AppliesTo: &[]any{"Resource::*"},
		}}, jsii.Bool(true))
		expectPass(t, func(tb testing.TB) { integ.Nag(tb, stack) })
	})
}

// Nag after another synthesis, and twice: the aspect still runs, once.
func TestNagAfterSynthesisAndTwice(t *testing.T) {
	stack := newStack(t)
	addPolicy(stack, "Role", []string{"lambda:InvokeFunction"}, []string{"*"})
	integ.Template(t, stack)
	for range 2 {
		msg := expectFailure(t, func(tb testing.TB) { integ.Nag(tb, stack) }, "1 unsuppressed")
		if n := strings.Count(msg, "AwsSolutions-IAM5[Resource::*]"); n != 1 {
			t.Errorf("the finding is reported %d times", n)
		}
	}
}
