package tasks_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

const athenaKeyARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

func athenaProps(mod func(p *tasks.AthenaStartQueryExecutionProps)) *tasks.AthenaStartQueryExecutionProps {
	p := &tasks.AthenaStartQueryExecutionProps{QueryString: jsii.String("SELECT * FROM orders WHERE day = ?")}
	if mod != nil {
		mod(p)
	}
	return p
}

func resultsIn(bucket, key *string) *tasks.ResultConfiguration {
	return &tasks.ResultConfiguration{OutputLocation: &awss3.Location{BucketName: bucket, ObjectKey: key}}
}

func TestAthenaStartQueryExecutionRendering(t *testing.T) {
	stack := cdktest.NewStack()
	rr := tasks.NewAthenaStartQueryExecution(stack, jsii.String("RR"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) {
		p.ClientRequestToken = jsii.String(strings.Repeat("t", 32))
		p.QueryExecutionContext = &tasks.QueryExecutionContext{CatalogName: jsii.String("AwsDataCatalog"), DatabaseName: jsii.String("sales")}
		p.ResultConfiguration = &tasks.ResultConfiguration{
			OutputLocation: &awss3.Location{BucketName: jsii.String("query-results"), ObjectKey: jsii.String("athena/")},
			EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_KMS,
				EncryptionKey: awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String(athenaKeyARN))},
		}
		p.WorkGroup = jsii.String("analytics")
		p.ExecutionParameters = jsii.Strings("2024-01-01")
		p.ResultReuseConfigurationMaxAge = awscdk.Duration_Hours(jsii.Number(1))
	}))
	sync := tasks.NewAthenaStartQueryExecution(stack, jsii.String("Sync"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) {
		p.IntegrationPattern = sfn.IntegrationPattern_RUN_JOB
		p.QueryString = tasks.StringAt("$.sql")
		p.ClientRequestToken = tasks.StringAt("$$.Execution.Name")
		p.QueryExecutionContext = &tasks.QueryExecutionContext{DatabaseName: tasks.StringAt("$.database")}
		p.ResultConfiguration = resultsIn(jsii.String("query-results"), tasks.StringAt("$.prefix"))
		p.WorkGroup = tasks.StringAt("$.workGroup")
		p.ExecutionParameters = &[]*string{tasks.StringAt("$.day"), jsii.String("EU")}
		p.ResultReuseConfigurationMaxAge = tasks.DurationAt("$.maxAge")
	}))
	wholeList := tasks.NewAthenaStartQueryExecution(stack, jsii.String("WholeList"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) {
		p.ExecutionParameters = tasks.ListAt("$.parameters")
		p.ResultConfiguration = resultsIn(tasks.StringAt("$.bucket"), jsii.String("it's {here}"))
		p.IamOutputBuckets = jsii.Strings("query-results")
	}))
	spliced := tasks.NewAthenaStartQueryExecution(stack, jsii.String("Spliced"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) {
		p.ResultConfiguration = resultsIn(jsii.String("query-results"), tasks.StringAt("States.Format('runs/{}/{}', $.day, $$.Execution.Name)"))
	}))
	tpl := machine(t, stack, rr.Next(sync).Next(wholeList).Next(spliced))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::athena:startQueryExecution", "Next": "Sync",
		"Parameters": map[string]any{
			"QueryString":           "SELECT * FROM orders WHERE day = ?",
			"ClientRequestToken":    strings.Repeat("t", 32),
			"QueryExecutionContext": map[string]any{"Catalog": "AwsDataCatalog", "Database": "sales"},
			"ResultConfiguration": map[string]any{
				"OutputLocation":          "s3://query-results/athena/",
				"EncryptionConfiguration": map[string]any{"EncryptionOption": "SSE_KMS", "KmsKey": athenaKeyARN},
			},
			"WorkGroup":                "analytics",
			"ExecutionParameters":      []any{"2024-01-01"},
			"ResultReuseConfiguration": map[string]any{"ResultReuseByAgeConfiguration": map[string]any{"Enabled": true, "MaxAgeInMinutes": 60.0}},
		}}, state(t, tpl, "RR"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::athena:startQueryExecution.sync", "Next": "WholeList",
		"Parameters": map[string]any{
			"QueryString.$":         "$.sql",
			"ClientRequestToken.$":  "$$.Execution.Name",
			"QueryExecutionContext": map[string]any{"Database.$": "$.database"},
			"ResultConfiguration":   map[string]any{"OutputLocation.$": "States.Format('s3://query-results/{}/', $.prefix)"},
			"WorkGroup.$":           "$.workGroup",
			"ExecutionParameters.$": "States.Array($.day, 'EU')",
			"ResultReuseConfiguration": map[string]any{"ResultReuseByAgeConfiguration": map[string]any{
				"Enabled": true, "MaxAgeInMinutes.$": "$.maxAge"}},
		}}, state(t, tpl, "Sync"))
	assert.Equal(t, map[string]any{
		"QueryString":           "SELECT * FROM orders WHERE day = ?",
		"ExecutionParameters.$": "$.parameters",
		"ResultConfiguration":   map[string]any{"OutputLocation.$": `States.Format('s3://{}/it\'s \{here\}/', $.bucket)`},
	}, state(t, tpl, "WholeList")["Parameters"])
	assert.Equal(t, map[string]any{"OutputLocation.$": "States.Format('s3://query-results/runs/{}/{}/', $.day, $$.Execution.Name)"},
		state(t, tpl, "Spliced")["Parameters"].(map[string]any)["ResultConfiguration"])
	integ.Validate(t, stack)
}

func TestAthenaStartQueryExecutionJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	task := tasks.NewAthenaStartQueryExecution(stack, jsii.String("Query"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) {
		p.QueryLanguage = sfn.QueryLanguage_JSONATA
		p.QueryString = jsii.String("{% $states.input.sql %}")
		p.ResultConfiguration = resultsIn(jsii.String("query-results"), jsii.String("{% $states.input.prefix %}"))
	}))
	tpl := machine(t, stack, task)
	assert.Equal(t, map[string]any{"QueryString": "{% $states.input.sql %}",
		"ResultConfiguration": map[string]any{"OutputLocation": "{% 's3://' & 'query-results' & '/' & ($states.input.prefix) & '/' %}"}},
		state(t, tpl, "Query")["Arguments"])
	assert.Contains(t, cdktest.RoleStatements(t, tpl), stmt([]string{"s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"},
		"arn:"+partition+":s3:::query-results/*"), "a JSONata key: the whole bucket, never every bucket")
}

func TestAthenaStartQueryExecutionIAM(t *testing.T) {
	start := []string{"athena:StartQueryExecution"}
	sync := []string{"athena:StartQueryExecution", "athena:GetQueryExecution", "athena:StopQueryExecution"}
	glueReads := []string{"glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"}
	bucketReads := []string{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}
	objects := []string{"s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"}
	s3 := func(buckets ...string) string { return "arn:" + partition + ":s3:::" + strings.Join(buckets, "") }
	glue := func(db string) map[string]any {
		return stmt(glueReads, arn("glue", "catalog"), arn("glue", "database/"+db), arn("glue", "table/"+db+"/*"))
	}
	literal := func(p *tasks.AthenaStartQueryExecutionProps, stack awscdk.Stack) {
		p.WorkGroup = jsii.String("analytics")
		p.QueryExecutionContext = &tasks.QueryExecutionContext{DatabaseName: jsii.String("sales")}
		p.ResultConfiguration = resultsIn(jsii.String("query-results"), jsii.String("athena"))
		p.ResultConfiguration.EncryptionConfiguration = &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_CLIENT_SIDE_KMS,
			EncryptionKey: awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String(athenaKeyARN))}
	}
	literalRest := []map[string]any{
		stmt([]string{"athena:GetDataCatalog"}, arn("athena", "datacatalog/AwsDataCatalog")),
		glue("sales"),
		stmt(bucketReads, s3("query-results")),
		stmt(objects, s3("query-results/athena/*")),
		stmt([]string{"kms:GenerateDataKey", "kms:Decrypt"}, athenaKeyARN),
	}
	dynamic := func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
		p.WorkGroup = tasks.StringAt("$.workGroup")
		p.QueryExecutionContext = &tasks.QueryExecutionContext{CatalogName: tasks.StringAt("$.catalog"), DatabaseName: tasks.StringAt("$.database")}
		p.ResultConfiguration = resultsIn(tasks.StringAt("$.bucket"), tasks.StringAt("$.prefix"))
		p.IamOutputBuckets = jsii.Strings("results-a", "results-b")
	}
	dynamicRest := []map[string]any{
		stmt([]string{"athena:GetDataCatalog"}, arn("athena", "datacatalog/*")),
		glue("*"),
		stmt(bucketReads, s3("results-a"), s3("results-b")),
		stmt(objects, s3("results-a/*"), s3("results-b/*")),
	}
	tests := []struct {
		name    string
		pattern sfn.IntegrationPattern
		mod     func(p *tasks.AthenaStartQueryExecutionProps, stack awscdk.Stack)
		want    []map[string]any
	}{
		{"request response, literal", "", literal, append([]map[string]any{stmt(start, arn("athena", "workgroup/analytics"))}, literalRest...)},
		{"run job, literal", sfn.IntegrationPattern_RUN_JOB, literal, append([]map[string]any{stmt(sync, arn("athena", "workgroup/analytics"))}, literalRest...)},
		{"request response, dynamic: never the paths in the ARNs", sfn.IntegrationPattern_REQUEST_RESPONSE, dynamic,
			append([]map[string]any{stmt(start, arn("athena", "workgroup/*"))}, dynamicRest...)},
		{"run job, dynamic", sfn.IntegrationPattern_RUN_JOB, dynamic, append([]map[string]any{stmt(sync, arn("athena", "workgroup/*"))}, dynamicRest...)},
		{"defaults: primary workgroup, default database; the workgroup's result bucket from IamOutputBuckets", "", func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.IamOutputBuckets = jsii.Strings("workgroup-results")
		}, []map[string]any{
			stmt(start, arn("athena", "workgroup/primary")),
			stmt([]string{"athena:GetDataCatalog"}, arn("athena", "datacatalog/AwsDataCatalog")),
			glue("default"),
			stmt(bucketReads, s3("workgroup-results")),
			stmt(objects, s3("workgroup-results/*")),
		}},
		{"Athena-managed results: an empty IamOutputBuckets grants no S3", "", func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.IamOutputBuckets = &[]*string{}
		}, []map[string]any{
			stmt(start, arn("athena", "workgroup/primary")),
			stmt([]string{"athena:GetDataCatalog"}, arn("athena", "datacatalog/AwsDataCatalog")),
			glue("default"),
		}},
		{"another catalog: no Glue grants; States.Format key under a literal bucket: its prefix", "", func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.QueryExecutionContext = &tasks.QueryExecutionContext{CatalogName: jsii.String("dynamo")}
			p.ResultConfiguration = resultsIn(jsii.String("query-results"), tasks.StringAt("States.Format('runs/{}', $$.Execution.Name)"))
		}, []map[string]any{
			stmt(start, arn("athena", "workgroup/primary")),
			stmt([]string{"athena:GetDataCatalog"}, arn("athena", "datacatalog/dynamo")),
			stmt(bucketReads, s3("query-results")),
			stmt(objects, s3("query-results/runs/*")),
		}},
		{"a bucket of the stack", "", func(p *tasks.AthenaStartQueryExecutionProps, stack awscdk.Stack) {
			bucket := awss3.NewBucket(stack, jsii.String("Results"), nil)
			p.ResultConfiguration = resultsIn(bucket.BucketName(), tasks.StringAt("$.prefix"))
			p.QueryExecutionContext = &tasks.QueryExecutionContext{CatalogName: jsii.String("dynamo")}
		}, []map[string]any{
			stmt(start, arn("athena", "workgroup/primary")),
			stmt([]string{"athena:GetDataCatalog"}, arn("athena", "datacatalog/dynamo")),
			stmt(bucketReads, s3("${Results25575328}")),
			stmt(objects, s3("${Results25575328}/*")),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			task := tasks.NewAthenaStartQueryExecution(stack, jsii.String("Query"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) {
				p.IntegrationPattern = tt.pattern
				if tt.mod != nil {
					tt.mod(p, stack)
				}
			}))
			got := cdktest.RoleStatements(t, machine(t, stack, task))
			assert.Equal(t, cdktest.SortedStatements(append([]map[string]any(nil), tt.want...)), cdktest.SortedStatements(got))
		})
	}
}

func TestAthenaQueryExecutionTasks(t *testing.T) {
	id := tasks.StringAt("$.QueryExecution.QueryExecutionId")
	results := &awss3.Location{BucketName: jsii.String("query-results"), ObjectKey: jsii.String("/athena/")}
	tests := []struct {
		name     string
		build    func(stack awscdk.Stack) sfn.IChainable
		resource string
		params   map[string]any
		want     []map[string]any
	}{
		{"get query execution: every workgroup", func(stack awscdk.Stack) sfn.IChainable {
			return tasks.NewAthenaGetQueryExecution(stack, jsii.String("Task"), &tasks.AthenaGetQueryExecutionProps{QueryExecutionId: id})
		}, "getQueryExecution", map[string]any{"QueryExecutionId.$": "$.QueryExecution.QueryExecutionId"},
			[]map[string]any{stmt([]string{"athena:GetQueryExecution"}, arn("athena", "workgroup/*"))}},
		{"get query execution: the given workgroup", func(stack awscdk.Stack) sfn.IChainable {
			return tasks.NewAthenaGetQueryExecution(stack, jsii.String("Task"), &tasks.AthenaGetQueryExecutionProps{QueryExecutionId: id, WorkGroup: jsii.String("analytics")})
		}, "getQueryExecution", map[string]any{"QueryExecutionId.$": "$.QueryExecution.QueryExecutionId"},
			[]map[string]any{stmt([]string{"athena:GetQueryExecution"}, arn("athena", "workgroup/analytics"))}},
		{"stop query execution: every workgroup", func(stack awscdk.Stack) sfn.IChainable {
			return tasks.NewAthenaStopQueryExecution(stack, jsii.String("Task"), &tasks.AthenaStopQueryExecutionProps{QueryExecutionId: jsii.String("abc-123")})
		}, "stopQueryExecution", map[string]any{"QueryExecutionId": "abc-123"},
			[]map[string]any{stmt([]string{"athena:StopQueryExecution"}, arn("athena", "workgroup/*"))}},
		{"stop query execution: a run-time workgroup is every workgroup", func(stack awscdk.Stack) sfn.IChainable {
			return tasks.NewAthenaStopQueryExecution(stack, jsii.String("Task"), &tasks.AthenaStopQueryExecutionProps{QueryExecutionId: id, WorkGroup: tasks.StringAt("$.wg")})
		}, "stopQueryExecution", map[string]any{"QueryExecutionId.$": "$.QueryExecution.QueryExecutionId"},
			[]map[string]any{stmt([]string{"athena:StopQueryExecution"}, arn("athena", "workgroup/*"))}},
		{"get query results: every bucket when the location says so", func(stack awscdk.Stack) sfn.IChainable {
			return tasks.NewAthenaGetQueryResults(stack, jsii.String("Task"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id,
				NextToken: tasks.StringAt("$.NextToken"), MaxResults: jsii.Number(100), OutputLocation: &awss3.Location{BucketName: jsii.String("*")}})
		}, "getQueryResults", map[string]any{"QueryExecutionId.$": "$.QueryExecution.QueryExecutionId", "NextToken.$": "$.NextToken", "MaxResults": 100.0},
			[]map[string]any{stmt([]string{"athena:GetQueryResults"}, arn("athena", "workgroup/*")),
				stmt([]string{"s3:GetObject"}, "arn:"+partition+":s3:::*/*")}},
		{"get query results: s3:GetObject on the location", func(stack awscdk.Stack) sfn.IChainable {
			return tasks.NewAthenaGetQueryResults(stack, jsii.String("Task"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id,
				MaxResults: tasks.NumberAt("$.pageSize"), WorkGroup: jsii.String("analytics"), OutputLocation: results})
		}, "getQueryResults", map[string]any{"QueryExecutionId.$": "$.QueryExecution.QueryExecutionId", "MaxResults.$": "$.pageSize"},
			[]map[string]any{stmt([]string{"athena:GetQueryResults"}, arn("athena", "workgroup/analytics")),
				stmt([]string{"s3:GetObject"}, "arn:"+partition+":s3:::query-results/athena/*")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			tpl := machine(t, stack, tt.build(stack))
			assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::athena:" + tt.resource, "End": true,
				"Parameters": tt.params}, state(t, tpl, "Task"))
			assert.Equal(t, cdktest.SortedStatements(tt.want), cdktest.SortedStatements(cdktest.RoleStatements(t, tpl)))
		})
	}
}

func TestAthenaErrors(t *testing.T) {
	start := func(mod func(p *tasks.AthenaStartQueryExecutionProps, stack awscdk.Stack)) func(awscdk.Stack) {
		return func(stack awscdk.Stack) {
			tasks.NewAthenaStartQueryExecution(stack, jsii.String("Query"), athenaProps(func(p *tasks.AthenaStartQueryExecutionProps) { mod(p, stack) }))
		}
	}
	id := tasks.StringAt("$.id")
	tests := []struct {
		name  string
		build func(stack awscdk.Stack)
		want  string
	}{
		{"missing query", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) { p.QueryString = nil }), "QueryString: required"},
		{"empty query", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) { p.QueryString = jsii.String("") }),
			"QueryString: must be 1 to 262144 characters, got 0"},
		{"short request token", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ClientRequestToken = jsii.String("abc")
		}),
			"ClientRequestToken: must be 32 to 128 characters, got 3"},
		{"workgroup name", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.WorkGroup = jsii.String("my workgroup")
		}),
			`WorkGroup: "my workgroup" is not a workgroup name`},
		{"callback", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.IntegrationPattern = sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN
			p.ClientRequestToken = tasks.StringAt("$$.Task.Token")
		}), "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by athena:startQueryExecution; supported: REQUEST_RESPONSE, RUN_JOB"},
		{"empty execution parameters", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) { p.ExecutionParameters = jsii.Strings() }),
			"ExecutionParameters: must not be empty"},
		{"long execution parameter", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ExecutionParameters = jsii.Strings("ok", strings.Repeat("x", 1025))
		}), "ExecutionParameters[1]: must be 1 to 1024 characters, got 1025"},
		{"nil execution parameter", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ExecutionParameters = &[]*string{jsii.String("a"), nil}
		}), "ExecutionParameters[1]: is nil"},
		{"execution parameters decided whole at run time", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ExecutionParameters = tasks.ValueAt[[]*string]("$.parameters")
			p.ResultConfiguration = resultsIn(jsii.String("query-results"), nil)
		}), ""},
		{"max age over a week", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultReuseConfigurationMaxAge = awscdk.Duration_Days(jsii.Number(8))
		}), "ResultReuseConfigurationMaxAge: must be from 0 to 10080, got 11520"},
		{"max age in seconds", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultReuseConfigurationMaxAge = awscdk.Duration_Seconds(jsii.Number(30))
		}), "ResultReuseConfigurationMaxAge: 30 seconds is not a whole number of minutes"},
		{"max age zero is allowed", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultReuseConfigurationMaxAge = awscdk.Duration_Minutes(jsii.Number(0))
			p.IamOutputBuckets = jsii.Strings("workgroup-results")
		}), ""},
		{"no result location: the policy could not work", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {}),
			"ResultConfiguration.OutputLocation: required, or IamOutputBuckets"},
		{"encryption but no result location", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = &tasks.ResultConfiguration{EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_S3_MANAGED}}
		}), "ResultConfiguration.OutputLocation: required, or IamOutputBuckets"},
		{"a nil IamOutputBuckets item", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.IamOutputBuckets = &[]*string{jsii.String("ok-bucket"), nil}
		}), "IamOutputBuckets[1]: give a bucket name (or \"*\"), got nil"},
		{"run-time bucket without IamOutputBuckets", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = resultsIn(tasks.StringAt("$.bucket"), nil)
		}), "IamOutputBuckets: required because ResultConfiguration.OutputLocation.BucketName is decided at run time"},
		{"IamOutputBuckets with a literal bucket", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = resultsIn(jsii.String("query-results"), nil)
			p.IamOutputBuckets = jsii.Strings("other")
		}), "IamOutputBuckets: only for a BucketName decided at run time"},
		{"IamOutputBuckets not bucket names", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = resultsIn(tasks.StringAt("$.bucket"), nil)
			p.IamOutputBuckets = jsii.Strings("arn:aws:s3:::x")
		}), `IamOutputBuckets[0]: give a bucket name (or "*"), got "arn:aws:s3:::x"`},
		{"bucket name", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = resultsIn(jsii.String("Query_Results"), nil)
		}), `ResultConfiguration.OutputLocation.BucketName: "Query_Results" is not a bucket name`},
		{"missing bucket", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = resultsIn(nil, jsii.String("x"))
		}),
			"ResultConfiguration.OutputLocation.BucketName: required"},
		{"KMS without a key", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = &tasks.ResultConfiguration{EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_KMS}}
		}), "ResultConfiguration.EncryptionConfiguration.EncryptionKey: required with SSE_KMS"},
		{"SSE_S3 with a key", start(func(p *tasks.AthenaStartQueryExecutionProps, stack awscdk.Stack) {
			p.ResultConfiguration = &tasks.ResultConfiguration{EncryptionConfiguration: &tasks.EncryptionConfiguration{
				EncryptionOption: tasks.EncryptionOption_S3_MANAGED, EncryptionKey: awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String(athenaKeyARN))}}
		}), "SSE_S3 uses S3's own keys"},
		{"unknown encryption option", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = &tasks.ResultConfiguration{EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: "AES"}}
		}), `EncryptionOption: must be SSE_S3 or SSE_KMS or CSE_KMS (or dynamic), got "AES"`},
		{"mixed languages in the location", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.ResultConfiguration = resultsIn(tasks.StringAt("$.bucket"), jsii.String("{% $states.input.key %}"))
			p.IamOutputBuckets = jsii.Strings("*")
		}), "ResultConfiguration.OutputLocation: mixes JSONPath and JSONata values"},
		{"database name too long", start(func(p *tasks.AthenaStartQueryExecutionProps, _ awscdk.Stack) {
			p.QueryExecutionContext = &tasks.QueryExecutionContext{DatabaseName: jsii.String(strings.Repeat("d", 256))}
		}), "QueryExecutionContext.DatabaseName: must be 1 to 255 characters, got 256"},
		{"get: missing id", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryExecution(stack, jsii.String("Get"), &tasks.AthenaGetQueryExecutionProps{})
		}, "QueryExecutionId: required"},
		{"get: run job", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryExecution(stack, jsii.String("Get"), &tasks.AthenaGetQueryExecutionProps{QueryExecutionId: id, IntegrationPattern: sfn.IntegrationPattern_RUN_JOB})
		}, "IntegrationPattern: RUN_JOB is not supported by athena:getQueryExecution; supported: REQUEST_RESPONSE"},
		{"stop: bad workgroup", func(stack awscdk.Stack) {
			tasks.NewAthenaStopQueryExecution(stack, jsii.String("Stop"), &tasks.AthenaStopQueryExecutionProps{QueryExecutionId: id, WorkGroup: jsii.String("a/b")})
		}, `WorkGroup: "a/b" is not a workgroup name`},
		{"stop: callback", func(stack awscdk.Stack) {
			tasks.NewAthenaStopQueryExecution(stack, jsii.String("Stop"), &tasks.AthenaStopQueryExecutionProps{QueryExecutionId: tasks.StringAt("$$.Task.Token"),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN})
		}, "IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by athena:stopQueryExecution"},
		{"results: max results", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryResults(stack, jsii.String("Results"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id, MaxResults: jsii.Number(1001)})
		}, "MaxResults: must be from 1 to 1000, got 1001"},
		{"results: max results not whole", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryResults(stack, jsii.String("Results"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id, MaxResults: jsii.Number(2.5)})
		}, "MaxResults: must be a whole number (or dynamic), got 2.5"},
		{"results: max results zero", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryResults(stack, jsii.String("Results"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id, MaxResults: jsii.Number(0)})
		}, "MaxResults: must be from 1 to 1000, got 0"},
		{"results: no location, so no s3:GetObject that could work", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryResults(stack, jsii.String("Results"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id})
		}, "OutputLocation: required: GetQueryResults reads the result files from S3"},
		{"results: run-time IAM location", func(stack awscdk.Stack) {
			tasks.NewAthenaGetQueryResults(stack, jsii.String("Results"), &tasks.AthenaGetQueryResultsProps{QueryExecutionId: id,
				OutputLocation: &awss3.Location{BucketName: tasks.StringAt("$.bucket")}})
		}, "OutputLocation.BucketName: required, and literal: it only scopes IAM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			if tt.want == "" {
				tt.build(stack) // valid: must not panic
				return
			}
			assert.Contains(t, validationError(t, func() { tt.build(stack) }), tt.want)
		})
	}
}
