package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "athena",
		API:      "startQueryExecution",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   func(r Request) []Statement { return AthenaStartQueryExecution(r, nil) },
	})
	for _, api := range []string{"getQueryExecution", "getQueryResults", "stopQueryExecution"} {
		action := SDKAction("athena", api)
		register(&Integration{
			Service:  "athena",
			API:      api,
			Suffixes: []string{NoSuffix},
			Policy: func(r Request) []Statement {
				stmts := []Statement{AthenaQueryExecution(r.Env, action, "")}
				if api == "getQueryResults" {
					// Raw ASL does not say where the results are: every
					// bucket, or the read fails (the typed task asks).
					read, _ := AthenaQueryResults(r.Env, "s3://*/")
					stmts = append(stmts, read)
				}
				return stmts
			},
		})
	}
}

// Athena defaults when a request leaves them out.
const (
	athenaDefaultWorkGroup = "primary"
	athenaDefaultCatalog   = "AwsDataCatalog"
	athenaDefaultDatabase  = "default"
)

// AthenaStartQueryExecution grants, as the Step Functions guide's template
// does but scoped to what the request names:
//   - athena:StartQueryExecution on workgroup/<WorkGroup> (primary when
//     none is given; workgroup/* when decided at run time); RUN_JOB adds
//     athena:GetQueryExecution (Step Functions polls the query) and
//     athena:StopQueryExecution (it stops the query with the state);
//   - athena:GetDataCatalog on datacatalog/<Catalog> (AwsDataCatalog);
//   - Glue Data Catalog reads (GetDatabase(s), GetTable(s), GetPartition(s),
//     BatchGetPartition) on the catalog, database/<Database> and its tables
//     (default database when none is given), unless the catalog is another
//     Athena catalog than AwsDataCatalog;
//   - S3 on the result location only: bucket-level reads on the bucket,
//     object reads and writes (multipart uploads included) under the prefix.
//     No s3:CreateBucket and no "arn:…:s3:::*" (the guide's template and the
//     CDK grant both). A run-time bucket, or no OutputLocation at all (the
//     workgroup's location), falls back to outputBuckets — none when it is
//     empty but not nil (Athena-managed results need no S3) — or to every
//     bucket when it is nil (raw ASL through CustomTask), so that the
//     policy never lacks what the query needs;
//   - kms:GenerateDataKey and kms:Decrypt on the results' KMS key.
//
// Not granted: S3 reads of the queried tables' data (the request does not
// say where it lives), Glue writes for DDL and CTAS statements, and
// lakeformation:GetDataAccess for tables that Lake Formation governs.
func AthenaStartQueryExecution(r Request, outputBuckets []string) []Statement {
	actions := []string{"athena:StartQueryExecution"}
	if r.Pattern == RunJob {
		actions = append(actions, "athena:GetQueryExecution", "athena:StopQueryExecution")
	}
	stmts := []Statement{
		{Actions: actions, Resources: []string{r.Env.ARN("athena", "workgroup/"+nameOr(r, athenaDefaultWorkGroup, "WorkGroup"))}},
	}
	catalog := nameOr(r, athenaDefaultCatalog, "QueryExecutionContext", "Catalog")
	stmts = append(stmts, Statement{Actions: []string{"athena:GetDataCatalog"}, Resources: []string{r.Env.ARN("athena", "datacatalog/"+catalog)}})
	if catalog == athenaDefaultCatalog || catalog == "*" {
		database := nameOr(r, athenaDefaultDatabase, "QueryExecutionContext", "Database")
		stmts = append(stmts, Statement{
			Actions: []string{"glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables",
				"glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"},
			Resources: []string{r.Env.ARN("glue", "catalog"), r.Env.ARN("glue", "database/"+database), r.Env.ARN("glue", "table/"+database+"/*")},
		})
	}
	if loc, ok := athenaOutputLocation(r, outputBuckets); ok {
		stmts = append(stmts,
			Statement{Actions: []string{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}, Resources: loc.buckets(r.Env)},
			Statement{Actions: []string{"s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"}, Resources: loc.objects(r.Env)})
	}
	if key, ok := kmsKeyARN(r, "ResultConfiguration", "EncryptionConfiguration", "KmsKey"); ok {
		stmts = append(stmts, Statement{Actions: []string{"kms:GenerateDataKey", "kms:Decrypt"}, Resources: []string{key}})
	}
	return stmts
}

// AthenaQueryExecution grants one query-execution action (GetQueryExecution,
// GetQueryResults, StopQueryExecution) on the workgroup the queries run in:
// a query execution ID does not say which, so every workgroup of the
// account and region unless workGroup names it.
func AthenaQueryExecution(env Env, action, workGroup string) Statement {
	if workGroup == "" {
		workGroup = "*"
	}
	return Statement{Actions: []string{action}, Resources: []string{env.ARN("athena", "workgroup/"+workGroup)}}
}

// AthenaQueryResults is s3:GetObject on a result location
// ("s3://bucket/prefix/"), which GetQueryResults reads with the caller's
// credentials.
func AthenaQueryResults(env Env, location string) (Statement, bool) {
	loc, ok := parseS3URI(location, true)
	if !ok {
		return Statement{}, false
	}
	return Statement{Actions: []string{"s3:GetObject"}, Resources: loc.objects(env)}, true
}

// nameOr is def when the parameter is absent, else r.NameOrWildcard.
func nameOr(r Request, def string, path ...string) string {
	if r.Param(path...) == nil {
		return def
	}
	return r.NameOrWildcard(path...)
}

// s3Prefix is a bucket (or buckets) and a key prefix.
type s3Prefix struct {
	bucketNames []string
	prefix      string // objects are granted on <bucket>/<prefix>*
}

func (l s3Prefix) buckets(env Env) []string {
	out := make([]string, len(l.bucketNames))
	for i, b := range l.bucketNames {
		out[i] = "arn:" + env.Partition + ":s3:::" + b
	}
	return out
}

func (l s3Prefix) objects(env Env) []string {
	out := make([]string, len(l.bucketNames))
	for i, b := range l.bucketNames {
		out[i] = "arn:" + env.Partition + ":s3:::" + b + "/" + l.prefix + "*"
	}
	return out
}

// athenaOutputLocation reads ResultConfiguration.OutputLocation: a literal
// s3:// URI, or a States.Format one whose bucket is literal; otherwise the
// bucket is unknown and outputBuckets (or every bucket) stand in for it.
func athenaOutputLocation(r Request, outputBuckets []string) (s3Prefix, bool) {
	path := []string{"ResultConfiguration", "OutputLocation"}
	if r.Param(path...) == nil && outputBuckets != nil && len(outputBuckets) == 0 {
		return s3Prefix{}, false
	}
	if uri, ok := r.Known(path...); ok {
		if loc, ok := parseS3URI(uri, true); ok {
			return loc, true
		}
	}
	if prefix, ok := r.KnownPrefix(path...); ok {
		if loc, ok := parseS3URI(prefix, false); ok {
			return loc, true
		}
	}
	if len(outputBuckets) == 0 {
		outputBuckets = []string{"*"}
	}
	return s3Prefix{bucketNames: outputBuckets}, true
}

// parseS3URI splits "s3://bucket/prefix" into the bucket and the prefix.
// Only the start of a URI is known when complete is false, so its bucket
// counts only if a "/" ends it.
func parseS3URI(uri string, complete bool) (s3Prefix, bool) {
	rest, ok := strings.CutPrefix(uri, "s3://")
	if !ok {
		return s3Prefix{}, false
	}
	bucket, prefix, whole := strings.Cut(rest, "/")
	if bucket == "" || !(whole || complete) {
		return s3Prefix{}, false
	}
	return s3Prefix{bucketNames: []string{bucket}, prefix: prefix}, true
}

// kmsKeyARN reads a KMS key parameter: an ARN (or a CDK token for one) as
// given, a key ID as its ARN, and an alias or a run-time value as every key
// of the account and region (an alias cannot name a key in a policy).
func kmsKeyARN(r Request, path ...string) (string, bool) {
	if r.Param(path...) == nil {
		return "", false
	}
	key, ok := r.Known(path...)
	switch {
	case !ok || strings.HasPrefix(key, "alias/"):
		return r.Env.ARN("kms", "key/*"), true
	case strings.HasPrefix(key, "arn:") || strings.Contains(key, "${Token["):
		return key, true
	}
	return r.Env.ARN("kms", "key/"+key), true
}
