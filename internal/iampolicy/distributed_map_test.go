package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

const dmKey = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// Every item source, with a literal, a States.Format and a fully dynamic
// location, a run-time bucket, and a bucket encrypted with a customer
// managed key: exactly these statements.
func TestDistributedMapReader(t *testing.T) {
	bucket := value.Lit("data")
	get := func(resources ...string) Statement {
		return Statement{Actions: []string{"s3:GetObject"}, Resources: resources}
	}
	decrypt := Statement{Actions: []string{"kms:Decrypt"}, Resources: []string{dmKey}}
	list := func(cond map[string]map[string]any, resources ...string) Statement {
		return Statement{Actions: []string{"s3:ListBucket"}, Resources: resources, Conditions: cond}
	}
	tests := []struct {
		name   string
		source ItemSource
		place  S3Place
		want   []Statement
	}{
		{"objects, prefix", ListObjects, S3Place{Bucket: bucket, Path: value.Lit("in/2024/")},
			[]Statement{list(map[string]map[string]any{"StringEquals": {"s3:prefix": "in/2024/"}}, "arn:aws:s3:::data")}},
		{"objects, no prefix", ListObjects, S3Place{Bucket: bucket},
			[]Statement{list(nil, "arn:aws:s3:::data")}},
		{"objects, States.Format prefix", ListObjects, S3Place{Bucket: bucket, Path: value.Dyn("States.Format('in/{}/', $.day)")},
			[]Statement{list(map[string]map[string]any{"StringLike": {"s3:prefix": "in/*"}}, "arn:aws:s3:::data")}},
		{"objects, dynamic prefix", ListObjects, S3Place{Bucket: bucket, Path: value.Dyn("$.prefix")},
			[]Statement{list(nil, "arn:aws:s3:::data")}},
		{"objects, encrypted (listing needs no key)", ListObjects, S3Place{Bucket: bucket, Path: value.Lit("in/"), KeyARN: dmKey},
			[]Statement{list(map[string]map[string]any{"StringEquals": {"s3:prefix": "in/"}}, "arn:aws:s3:::data")}},
		{"objects, run-time bucket", ListObjects, S3Place{Buckets: []string{"a", "b"}, Path: value.Lit("in/")},
			[]Statement{list(map[string]map[string]any{"StringEquals": {"s3:prefix": "in/"}}, "arn:aws:s3:::a", "arn:aws:s3:::b")}},
		{"file", ReadFile, S3Place{Bucket: bucket, Path: value.Lit("items/list.json")},
			[]Statement{get("arn:aws:s3:::data/items/list.json")}},
		{"file, encrypted", ReadFile, S3Place{Bucket: bucket, Path: value.Lit("items/list.csv"), KeyARN: dmKey},
			[]Statement{get("arn:aws:s3:::data/items/list.csv"), decrypt}},
		{"file, wildcard characters escaped", ReadFile, S3Place{Bucket: bucket, Path: value.Lit("a*b?.json")},
			[]Statement{get("arn:aws:s3:::data/a${*}b${?}.json")}},
		{"file, States.Format key", ReadFile, S3Place{Bucket: bucket, Path: value.Dyn("States.Format('items/{}.jsonl', $.day)")},
			[]Statement{get("arn:aws:s3:::data/items/*")}},
		{"file, dynamic key", ReadFile, S3Place{Bucket: bucket, Path: value.Dyn("$.key")},
			[]Statement{get("arn:aws:s3:::data/*")}},
		{"file, run-time bucket", ReadFile, S3Place{Buckets: []string{"*"}, Path: value.Lit("k.json")},
			[]Statement{get("arn:aws:s3:::*/k.json")}},
		{"inventory", ReadInventory, S3Place{Bucket: bucket, Path: value.Lit("inv/src/daily/2024-01-16T00-00Z/manifest.json")},
			[]Statement{get("arn:aws:s3:::data/inv/src/daily/2024-01-16T00-00Z/manifest.json", "arn:aws:s3:::data/inv/src/daily/data/*")}},
		{"inventory, encrypted", ReadInventory, S3Place{Bucket: bucket, Path: value.Lit("src/daily/2024-01-16T00-00Z/manifest.json"), KeyARN: dmKey},
			[]Statement{get("arn:aws:s3:::data/src/daily/2024-01-16T00-00Z/manifest.json", "arn:aws:s3:::data/src/daily/data/*"), decrypt}},
		{"inventory, short key", ReadInventory, S3Place{Bucket: bucket, Path: value.Lit("2024-01-16T00-00Z/manifest.json")},
			[]Statement{get("arn:aws:s3:::data/2024-01-16T00-00Z/manifest.json", "arn:aws:s3:::data/data/*")}},
		{"inventory, dynamic key", ReadInventory, S3Place{Bucket: bucket, Path: value.Dyn("$.manifest")},
			[]Statement{get("arn:aws:s3:::data/*")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Merge(DistributedMapReader(env, tc.source, tc.place)...))
		})
	}
}

func TestDistributedMapWriter(t *testing.T) {
	write := func(resources ...string) Statement {
		return Statement{Actions: []string{"s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"}, Resources: resources}
	}
	bucket := value.Lit("out")
	tests := []struct {
		name  string
		place S3Place
		want  []Statement
	}{
		{"prefix", S3Place{Bucket: bucket, Path: value.Lit("results")}, []Statement{write("arn:aws:s3:::out/results/*")}},
		{"prefix with slash", S3Place{Bucket: bucket, Path: value.Lit("results/")}, []Statement{write("arn:aws:s3:::out/results/*")}},
		{"no prefix", S3Place{Bucket: bucket}, []Statement{write("arn:aws:s3:::out/*")}},
		{"States.Format prefix", S3Place{Bucket: bucket, Path: value.Dyn("States.Format('runs/{}', $$.Execution.Name)")}, []Statement{write("arn:aws:s3:::out/runs/*")}},
		{"dynamic prefix", S3Place{Bucket: bucket, Path: value.Dyn("$.prefix")}, []Statement{write("arn:aws:s3:::out/*")}},
		{"run-time bucket", S3Place{Buckets: []string{"x", "y"}, Path: value.Lit("r")}, []Statement{write("arn:aws:s3:::x/r/*", "arn:aws:s3:::y/r/*")}},
		{"encrypted", S3Place{Bucket: bucket, Path: value.Lit("results"), KeyARN: dmKey}, []Statement{write("arn:aws:s3:::out/results/*"),
			{Actions: []string{"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"}, Resources: []string{dmKey}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, DistributedMapWriter(env, tc.place))
		})
	}
}
