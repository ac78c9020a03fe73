package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

// What raw ASL (CustomTask) gets for the Glue and Athena integrations.
func TestGlueStartJobRun(t *testing.T) {
	all := []string{"glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"}
	for _, tt := range []struct {
		name any
		want string
	}{
		{"etl", "job/etl"},
		{value.Dyn("$.job"), "job/*"},
		{value.Dyn("States.Format('etl-{}', $.stage)"), "job/etl-*"},
		{value.Ata("$states.input.job"), "job/*"},
	} {
		got := policy(t, "glue", "startJobRun", RunJob, map[string]any{"JobName": tt.name})
		assert.Equal(t, []Statement{{Actions: all, Resources: []string{arnOf("glue", tt.want)}}}, got, tt.want)
	}
}

func TestAthenaFromRawASL(t *testing.T) {
	got := policy(t, "athena", "startQueryExecution", RunJob, map[string]any{
		"QueryString":           "SELECT 1",
		"QueryExecutionContext": map[string]any{"Database": value.Dyn("$.db")},
		"ResultConfiguration": map[string]any{
			"OutputLocation":          value.Dyn("$.output"),
			"EncryptionConfiguration": map[string]any{"EncryptionOption": "SSE_KMS", "KmsKey": "alias/results"},
		},
	})
	assert.Equal(t, []Statement{
		{Actions: []string{"athena:StartQueryExecution", "athena:GetQueryExecution", "athena:StopQueryExecution"}, Resources: []string{arnOf("athena", "workgroup/primary")}},
		{Actions: []string{"athena:GetDataCatalog"}, Resources: []string{arnOf("athena", "datacatalog/AwsDataCatalog")}},
		{Actions: []string{"glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"},
			Resources: []string{arnOf("glue", "catalog"), arnOf("glue", "database/*"), arnOf("glue", "table/*/*")}},
		// A run-time location in raw ASL names no bucket: every bucket, as
		// SageMaker's run-time S3 URIs.
		{Actions: []string{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}, Resources: []string{"arn:aws:s3:::*"}},
		{Actions: []string{"s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"}, Resources: []string{"arn:aws:s3:::*/*"}},
		{Actions: []string{"kms:GenerateDataKey", "kms:Decrypt"}, Resources: []string{arnOf("kms", "key/*")}},
	}, got)

	literal := policy(t, "athena", "startQueryExecution", RequestResponse, map[string]any{
		"QueryString": "SELECT 1", "WorkGroup": "bi",
		"ResultConfiguration": map[string]any{"OutputLocation": "s3://results",
			"EncryptionConfiguration": map[string]any{"EncryptionOption": "SSE_KMS", "KmsKey": "1234abcd"}},
	})
	assert.Equal(t, []Statement{{Actions: []string{"athena:StartQueryExecution"}, Resources: []string{arnOf("athena", "workgroup/bi")}}}, literal[:1])
	assert.Equal(t, []Statement{
		{Actions: []string{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}, Resources: []string{"arn:aws:s3:::results"}},
		{Actions: []string{"s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"}, Resources: []string{"arn:aws:s3:::results/*"}},
		{Actions: []string{"kms:GenerateDataKey", "kms:Decrypt"}, Resources: []string{arnOf("kms", "key/1234abcd")}},
	}, literal[3:])

	// No location in raw ASL: the workgroup's, somewhere; every bucket
	// rather than a policy that cannot write the results.
	workgroups := policy(t, "athena", "startQueryExecution", RequestResponse, map[string]any{"QueryString": "SELECT 1"})
	assert.Equal(t, []Statement{
		{Actions: []string{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}, Resources: []string{"arn:aws:s3:::*"}},
		{Actions: []string{"s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"}, Resources: []string{"arn:aws:s3:::*/*"}},
	}, workgroups[3:])
	managed := AthenaStartQueryExecution(Request{Env: env, Pattern: RequestResponse, Params: params(t, map[string]any{"QueryString": "SELECT 1"})}, []string{})
	assert.Len(t, managed, 3, "an empty bucket list: Athena-managed results, no S3")

	for api, action := range map[string]string{"getQueryExecution": "athena:GetQueryExecution", "getQueryResults": "athena:GetQueryResults", "stopQueryExecution": "athena:StopQueryExecution"} {
		got := policy(t, "athena", api, RequestResponse, map[string]any{"QueryExecutionId": value.Dyn("$.id")})
		want := []Statement{{Actions: []string{action}, Resources: []string{arnOf("athena", "workgroup/*")}}}
		if api == "getQueryResults" { // it reads the result files with the role's credentials
			want = append(want, Statement{Actions: []string{"s3:GetObject"}, Resources: []string{"arn:aws:s3:::*/*"}})
		}
		assert.Equal(t, want, got, api)
	}
}
