package engine

import (
	"strings"
	"testing"
)

// A wildcard is suppressed only when every statement that has it gives a
// reason: the user's own "*" or bucket/* in the same policy stays reported.
func TestSuppressionsOnlyForReasonedWildcards(t *testing.T) {
	doc := map[string]any{"Statement": []any{
		map[string]any{"Effect": "Allow", "Action": "batch:DescribeJobs", "Resource": "*"},
		map[string]any{"Effect": "Allow", "Action": "batch:TerminateJob", "Resource": map[string]any{"Fn::Join": []any{"", []any{
			"arn:", map[string]any{"Ref": "AWS::Partition"}, ":batch:", map[string]any{"Ref": "AWS::Region"}, ":", map[string]any{"Ref": "AWS::AccountId"}, ":job/*"}}}},
		map[string]any{"Effect": "Allow", "Action": []any{"s3:GetObject"}, "Resource": map[string]any{"Fn::Join": []any{"", []any{
			map[string]any{"Fn::GetAtt": []any{"Bucket", "Arn"}}, "/*"}}}},
	}}
	got := map[string]string{}
	for _, s := range suppressions(doc) {
		got[(*s.AppliesTo)[0].(string)] = *s.Reason
	}
	if len(got) != 2 || !strings.Contains(got["Resource::*"], "batch:DescribeJobs") ||
		!strings.Contains(got["Resource::arn:<AWS::Partition>:batch:<AWS::Region>:<AWS::AccountId>:job/*"], "job ID") {
		t.Fatalf("suppressions: %v", got)
	}
	if _, ok := got["Resource::<Bucket.Arn>/*"]; ok {
		t.Fatal("the user's bucket/* was suppressed")
	}

	doc["Statement"] = append(doc["Statement"].([]any), map[string]any{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"})
	for _, s := range suppressions(doc) {
		if (*s.AppliesTo)[0] == "Resource::*" {
			t.Fatal(`"*" suppressed although the user's s3:ListAllMyBuckets on "*" has no reason`)
		}
	}
}
