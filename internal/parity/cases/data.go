package cases

import (
	"reflect"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/parity"
	"github.com/sfnkit/sfnkit/tasks"
)

// The data family: Athena, Glue, DynamoDB, SNS, SQS, EventBridge and AWS
// SDK calls, ported from the CDK's unit tests (props and expected JSON).

func dataTable(scope constructs.Construct) awsdynamodb.Table {
	return awsdynamodb.NewTable(scope, jsii.String("my-table"), &awsdynamodb.TableProps{
		TableName:    jsii.String("my-table"),
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("name"), Type: awsdynamodb.AttributeType_STRING},
	})
}

func dataQueryResults() *awss3.Location {
	return &awss3.Location{BucketName: jsii.String("query-results-bucket"), ObjectKey: jsii.String("folder")}
}

// athenaResultsUnknown is the README difference for Athena tasks that do
// not say where the results are.
const athenaResultsUnknown = "Athena tasks must know where the results are"

// withResultsLocation sets the IAM-only OutputLocation that sfnkit's
// AthenaGetQueryResultsProps has and the CDK's lacks: the one line a
// migration adds (see athenaResultsUnknown). Reflection keeps this file
// compiling against both packages.
func withResultsLocation[P any](props *P) *P {
	if f := reflect.ValueOf(props).Elem().FieldByName("OutputLocation"); f.IsValid() {
		f.Set(reflect.ValueOf(dataQueryResults()))
	}
	return props
}

const (
	dataQueryID       = "2da557a1-7283-4c3d-8af9-058348f0bb02"
	dataKMSKeyARN     = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	dataQueueURL      = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
	dataGlueTimeout   = "Glue: TaskTimeout stays the state's"
	dataDynamoNumbers = "DynamoDB: a number decided at run time is sent as a string"
	dataDynamoPaths   = "DynamoDB: ListFromJsonPath and BooleanFromJsonPath read the path"
)

func init() {
	add(athenaCases()...)
	add(glueCases()...)
	add(dynamoCases()...)
	add(messagingCases()...)
	add(callAwsServiceCases()...)
}

func athenaCases() []parity.Case {
	return []parity.Case{
		// AthenaStartQueryExecution
		{Name: "AthenaStartQueryExecution/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStartQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStartQueryExecutionProps{
				QueryString:           jsii.String("CREATE DATABASE database"),
				ClientRequestToken:    jsii.String("unique-client-request-token-0123456789"),
				QueryExecutionContext: &tasks.QueryExecutionContext{DatabaseName: jsii.String("mydatabase"), CatalogName: jsii.String("AwsDataCatalog")},
				ResultConfiguration: &tasks.ResultConfiguration{
					EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_S3_MANAGED},
					OutputLocation:          dataQueryResults(),
				},
				WorkGroup: jsii.String("primary"),
			})
		}},
		{Name: "AthenaStartQueryExecution/sync without an output location", Rejected: athenaResultsUnknown, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStartQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStartQueryExecutionProps{
				IntegrationPattern:    sfn.IntegrationPattern_RUN_JOB,
				QueryString:           jsii.String("CREATE DATABASE database"),
				QueryExecutionContext: &tasks.QueryExecutionContext{DatabaseName: jsii.String("mydatabase")},
				ResultConfiguration: &tasks.ResultConfiguration{
					EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_S3_MANAGED},
				},
			})
		}},
		{Name: "AthenaStartQueryExecution/execution parameters", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStartQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStartQueryExecutionProps{
				QueryString:         jsii.String("SELECT * FROM orders WHERE day = ? AND region = ?"),
				ResultConfiguration: &tasks.ResultConfiguration{OutputLocation: dataQueryResults()},
				WorkGroup:           jsii.String("primary"),
				ExecutionParameters: jsii.Strings("2024-01-01", "EU"),
			})
		}},
		{Name: "AthenaStartQueryExecution/execution parameters from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStartQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStartQueryExecutionProps{
				QueryString:         jsii.String("CREATE DATABASE ?"),
				ResultConfiguration: &tasks.ResultConfiguration{OutputLocation: dataQueryResults()},
				ExecutionParameters: sfn.JsonPath_ListAt(jsii.String("$.executionParameters")),
				ResultPath:          jsii.String("$.query"),
			})
		}},
		{Name: "AthenaStartQueryExecution/result reuse", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStartQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStartQueryExecutionProps{
				QueryString: jsii.String("SELECT 1"),
				WorkGroup:   jsii.String("primary"),
				ResultConfiguration: &tasks.ResultConfiguration{
					EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: tasks.EncryptionOption_S3_MANAGED},
					OutputLocation:          dataQueryResults(),
				},
				ResultReuseConfigurationMaxAge: awscdk.Duration_Hours(jsii.Number(1)),
				TaskTimeout:                    sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(5))),
			})
		}},
		{Name: "AthenaStartQueryExecution/no result configuration", Rejected: athenaResultsUnknown, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStartQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStartQueryExecutionProps{
				QueryString: sfn.JsonPath_StringAt(jsii.String("$.sql")),
			})
		}},

		// AthenaGetQueryExecution
		{Name: "AthenaGetQueryExecution/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryExecution(scope, jsii.String("Task"), &tasks.AthenaGetQueryExecutionProps{
				QueryExecutionId: jsii.String(dataQueryID),
			})
		}},
		{Name: "AthenaGetQueryExecution/id from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryExecution(scope, jsii.String("Task"), &tasks.AthenaGetQueryExecutionProps{
				QueryExecutionId: sfn.JsonPath_StringAt(jsii.String("$.QueryExecution.QueryExecutionId")),
				ResultSelector:   &map[string]interface{}{"state.$": "$.QueryExecution.Status.State"},
				ResultPath:       jsii.String("$.status"),
			})
		}},
		{Name: "AthenaGetQueryExecution/named, with a comment and timeout", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryExecution(scope, jsii.String("Task"), &tasks.AthenaGetQueryExecutionProps{
				QueryExecutionId: jsii.String(dataQueryID),
				StateName:        jsii.String("Check the query"),
				Comment:          jsii.String("polls the query"),
				TaskTimeout:      sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(30))),
			})
		}},
		{Name: "AthenaGetQueryExecution/output path", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryExecution(scope, jsii.String("Task"), &tasks.AthenaGetQueryExecutionProps{
				QueryExecutionId: jsii.String(dataQueryID),
				InputPath:        jsii.String("$.query"),
				OutputPath:       jsii.String("$.QueryExecution"),
			})
		}},

		// AthenaGetQueryResults
		{Name: "AthenaGetQueryResults/default settings", Rejected: athenaResultsUnknown, Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryResults(scope, jsii.String("Task"), &tasks.AthenaGetQueryResultsProps{
				QueryExecutionId: jsii.String(dataQueryID),
			})
		}},
		{Name: "AthenaGetQueryResults/a page", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryResults(scope, jsii.String("Task"), withResultsLocation(&tasks.AthenaGetQueryResultsProps{
				QueryExecutionId: jsii.String(dataQueryID),
				NextToken:        jsii.String("next-page"),
				MaxResults:       jsii.Number(100),
			}))
		}},
		{Name: "AthenaGetQueryResults/paging from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryResults(scope, jsii.String("Task"), withResultsLocation(&tasks.AthenaGetQueryResultsProps{
				QueryExecutionId: sfn.JsonPath_StringAt(jsii.String("$.id")),
				NextToken:        sfn.JsonPath_StringAt(jsii.String("$.NextToken")),
				MaxResults:       sfn.JsonPath_NumberAt(jsii.String("$.pageSize")),
				ResultPath:       jsii.String("$.rows"),
			}))
		}},
		{Name: "AthenaGetQueryResults/discarded result", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaGetQueryResults(scope, jsii.String("Task"), withResultsLocation(&tasks.AthenaGetQueryResultsProps{
				QueryExecutionId: jsii.String(dataQueryID),
				MaxResults:       jsii.Number(1000),
				ResultPath:       sfn.JsonPath_DISCARD(),
			}))
		}},

		// AthenaStopQueryExecution
		{Name: "AthenaStopQueryExecution/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStopQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStopQueryExecutionProps{
				QueryExecutionId: jsii.String(dataQueryID),
			})
		}},
		{Name: "AthenaStopQueryExecution/id from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStopQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStopQueryExecutionProps{
				QueryExecutionId: sfn.JsonPath_StringAt(jsii.String("$.QueryExecution.QueryExecutionId")),
				ResultPath:       sfn.JsonPath_DISCARD(),
			})
		}},
		{Name: "AthenaStopQueryExecution/with a heartbeat", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStopQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStopQueryExecutionProps{
				QueryExecutionId: jsii.String(dataQueryID),
				HeartbeatTimeout: sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(10))),
				TaskTimeout:      sfn.Timeout_At(jsii.String("$.timeout")),
			})
		}},
		{Name: "AthenaStopQueryExecution/with credentials", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewAthenaStopQueryExecution(scope, jsii.String("Task"), &tasks.AthenaStopQueryExecutionProps{
				QueryExecutionId: jsii.String(dataQueryID),
				Credentials:      &sfn.Credentials{Role: sfn.TaskRole_FromRoleArnJsonPath(jsii.String("$.roleArn"))},
			})
		}},
	}
}

func glueCases() []parity.Case {
	return []parity.Case{
		{Name: "GlueStartJobRun/just the job name", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartJobRun(scope, jsii.String("Task"), &tasks.GlueStartJobRunProps{GlueJobName: jsii.String("GlueJob")})
		}},
		{Name: "GlueStartJobRun/full properties", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartJobRun(scope, jsii.String("Task"), &tasks.GlueStartJobRunProps{
				GlueJobName:           jsii.String("GlueJob"),
				IntegrationPattern:    sfn.IntegrationPattern_RUN_JOB,
				Arguments:             sfn.TaskInput_FromObject(&map[string]interface{}{"key": "value"}),
				Timeout:               awscdk.Duration_Minutes(jsii.Number(1440)),
				SecurityConfiguration: jsii.String("securityConfiguration"),
				NotifyDelayAfter:      awscdk.Duration_Minutes(jsii.Number(10)),
			})
		}},
		{Name: "GlueStartJobRun/arguments from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartJobRun(scope, jsii.String("Task"), &tasks.GlueStartJobRunProps{
				GlueJobName:        jsii.String("GlueJob"),
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB,
				Arguments:          sfn.TaskInput_FromJsonPathAt(jsii.String("$.input")),
			})
		}},
		{Name: "GlueStartJobRun/worker configuration", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartJobRun(scope, jsii.String("Task"), &tasks.GlueStartJobRunProps{
				GlueJobName:         jsii.String("GlueJob"),
				WorkerConfiguration: &tasks.WorkerConfigurationProperty{WorkerTypeV2: tasks.WorkerTypeV2_G_2X(), NumberOfWorkers: jsii.Number(10)},
				ExecutionClass:      tasks.ExecutionClass_FLEX,
			})
		}},
		{Name: "GlueStartJobRun/legacy worker type, workers from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartJobRun(scope, jsii.String("Task"), &tasks.GlueStartJobRunProps{
				GlueJobName:         jsii.String("GlueJob"),
				WorkerConfiguration: &tasks.WorkerConfigurationProperty{WorkerType: tasks.WorkerType_G_1X, NumberOfWorkers: sfn.JsonPath_NumberAt(jsii.String("$.workers"))},
				ExecutionClass:      tasks.ExecutionClass_STANDARD,
			})
		}},
		{Name: "GlueStartJobRun/task timeout", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewGlueStartJobRun(scope, jsii.String("Task"), &tasks.GlueStartJobRunProps{
				GlueJobName: jsii.String("GlueJob"),
				TaskTimeout: sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(1440))),
			})
		}, Differs: map[string]string{"Parameters.Timeout": dataGlueTimeout, "TimeoutSeconds": dataGlueTimeout}},
	}
}

func dynamoCases() []parity.Case {
	return []parity.Case{
		// DynamoGetItem
		{Name: "DynamoGetItem/key, projection, names", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoGetItem(scope, jsii.String("Task"), &tasks.DynamoGetItemProps{
				Key: &map[string]tasks.DynamoAttributeValue{
					"SOME_KEY":  tasks.DynamoAttributeValue_FromString(jsii.String("1234")),
					"OTHER_KEY": tasks.DynamoAttributeValue_FromNumber(jsii.Number(4321)),
				},
				Table:                    dataTable(scope),
				ConsistentRead:           jsii.Bool(true),
				ExpressionAttributeNames: &map[string]*string{"#T": jsii.String("Tags")},
				ProjectionExpression: &[]tasks.DynamoProjectionExpression{
					tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("Messages")).AtIndex(jsii.Number(1)).WithAttribute(jsii.String("#T")),
					tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("ID")),
				},
				ReturnConsumedCapacity: tasks.DynamoConsumedCapacity_TOTAL,
			})
		}},
		{Name: "DynamoGetItem/key from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoGetItem(scope, jsii.String("Task"), &tasks.DynamoGetItemProps{
				Key: &map[string]tasks.DynamoAttributeValue{
					"SOME_KEY":  tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.partitionKey"))),
					"OTHER_KEY": tasks.DynamoAttributeValue_NumberFromString(sfn.JsonPath_StringAt(jsii.String("$.sortKey"))),
				},
				Table:                    dataTable(scope),
				ConsistentRead:           jsii.Bool(true),
				ExpressionAttributeNames: &map[string]*string{"#o": sfn.JsonPath_StringAt(jsii.String("$.otherKey"))},
				ProjectionExpression: &[]tasks.DynamoProjectionExpression{
					tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("#o")),
				},
			})
		}},
		{Name: "DynamoGetItem/defaults", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoGetItem(scope, jsii.String("Task"), &tasks.DynamoGetItemProps{
				Key:        &map[string]tasks.DynamoAttributeValue{"name": tasks.DynamoAttributeValue_FromString(jsii.String("x"))},
				Table:      dataTable(scope),
				ResultPath: jsii.String("$.got"),
			})
		}},
		{Name: "DynamoGetItem/imported table", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoGetItem(scope, jsii.String("Task"), &tasks.DynamoGetItemProps{
				Key:                    &map[string]tasks.DynamoAttributeValue{"id": tasks.DynamoAttributeValue_FromBinary(jsii.String("aGVsbG8="))},
				Table:                  awsdynamodb.Table_FromTableName(scope, jsii.String("Imported"), jsii.String("orders")),
				ConsistentRead:         jsii.Bool(false),
				ReturnConsumedCapacity: tasks.DynamoConsumedCapacity_INDEXES,
				ResultSelector:         &map[string]interface{}{"item.$": "$.Item"},
			})
		}},

		// DynamoPutItem
		{Name: "DynamoPutItem/item and condition", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoPutItem(scope, jsii.String("Task"), &tasks.DynamoPutItemProps{
				Item:                        &map[string]tasks.DynamoAttributeValue{"SOME_KEY": tasks.DynamoAttributeValue_FromString(jsii.String("1234"))},
				Table:                       dataTable(scope),
				ConditionExpression:         jsii.String("ForumName <> :f and #s <> :s"),
				ExpressionAttributeNames:    &map[string]*string{"#s": jsii.String("Subject")},
				ExpressionAttributeValues:   &map[string]tasks.DynamoAttributeValue{":f": tasks.DynamoAttributeValue_FromString(jsii.String("Forum")), ":s": tasks.DynamoAttributeValue_NumberFromString(sfn.JsonPath_StringAt(jsii.String("$.Item.TotalCount.N")))},
				ReturnConsumedCapacity:      tasks.DynamoConsumedCapacity_TOTAL,
				ReturnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics_SIZE,
				ReturnValues:                tasks.DynamoReturnValues_ALL_OLD,
			})
		}},
		{Name: "DynamoPutItem/every attribute type", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoPutItem(scope, jsii.String("Task"), &tasks.DynamoPutItemProps{
				Table: dataTable(scope),
				Item: &map[string]tasks.DynamoAttributeValue{
					"s":    tasks.DynamoAttributeValue_FromString(jsii.String("text")),
					"n":    tasks.DynamoAttributeValue_FromNumber(jsii.Number(9.5)),
					"nStr": tasks.DynamoAttributeValue_NumberFromString(jsii.String("-19")),
					"b":    tasks.DynamoAttributeValue_FromBinary(jsii.String("aGVsbG8=")),
					"ss":   tasks.DynamoAttributeValue_FromStringSet(jsii.Strings("a", "b")),
					"ns":   tasks.DynamoAttributeValue_FromNumberSet(jsii.Numbers(42.2, -19, 7)),
					"nss":  tasks.DynamoAttributeValue_NumberSetFromStrings(jsii.Strings("1", "2.5")),
					"bs":   tasks.DynamoAttributeValue_FromBinarySet(jsii.Strings("aGk=", "aGVsbG8=")),
					"m": tasks.DynamoAttributeValue_FromMap(&map[string]tasks.DynamoAttributeValue{
						"Name":     tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.name"))),
						"camelKey": tasks.DynamoAttributeValue_FromNull(jsii.Bool(true)),
					}),
					"l": tasks.DynamoAttributeValue_FromList(&[]tasks.DynamoAttributeValue{
						tasks.DynamoAttributeValue_FromString(jsii.String("first")),
						tasks.DynamoAttributeValue_FromBoolean(jsii.Bool(false)),
					}),
					"mPath": tasks.DynamoAttributeValue_MapFromJsonPath(jsii.String("$.meta")),
					"bool":  tasks.DynamoAttributeValue_FromBoolean(jsii.Bool(true)),
					"null":  tasks.DynamoAttributeValue_FromNull(jsii.Bool(true)),
				},
			})
		}},
		{Name: "DynamoPutItem/string set from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoPutItem(scope, jsii.String("Task"), &tasks.DynamoPutItemProps{
				Table: dataTable(scope),
				Item: &map[string]tasks.DynamoAttributeValue{
					"name": tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.name"))),
					"tags": tasks.DynamoAttributeValue_FromStringSet(sfn.JsonPath_ListAt(jsii.String("$.tags"))),
				},
				ResultPath: sfn.JsonPath_DISCARD(),
			})
		}},
		{Name: "DynamoPutItem/number from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoPutItem(scope, jsii.String("Task"), &tasks.DynamoPutItemProps{
				Table: dataTable(scope),
				Item: &map[string]tasks.DynamoAttributeValue{
					"name":  tasks.DynamoAttributeValue_FromString(jsii.String("orders")),
					"count": tasks.DynamoAttributeValue_FromNumber(sfn.JsonPath_NumberAt(jsii.String("$.count"))),
				},
			})
		}, Differs: map[string]string{"Parameters.Item.count": dataDynamoNumbers}},

		{Name: "DynamoPutItem/list and boolean from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoPutItem(scope, jsii.String("Task"), &tasks.DynamoPutItemProps{
				Table: dataTable(scope),
				Item: &map[string]tasks.DynamoAttributeValue{
					"name":   tasks.DynamoAttributeValue_FromString(jsii.String("orders")),
					"lines":  tasks.DynamoAttributeValue_ListFromJsonPath(jsii.String("$.lines")),
					"active": tasks.DynamoAttributeValue_BooleanFromJsonPath(jsii.String("$.active")),
				},
			})
		}, Differs: map[string]string{"Parameters.Item.lines": dataDynamoPaths, "Parameters.Item.active": dataDynamoPaths}},

		// DynamoUpdateItem
		{Name: "DynamoUpdateItem/update expression", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoUpdateItem(scope, jsii.String("Task"), &tasks.DynamoUpdateItemProps{
				Key:                         &map[string]tasks.DynamoAttributeValue{"SOME_KEY": tasks.DynamoAttributeValue_FromString(jsii.String("1234"))},
				Table:                       dataTable(scope),
				ConditionExpression:         jsii.String("#OK <> :val"),
				ExpressionAttributeNames:    &map[string]*string{"#OK": jsii.String("OTHER_KEY")},
				ExpressionAttributeValues:   &map[string]tasks.DynamoAttributeValue{":val": tasks.DynamoAttributeValue_NumberFromString(sfn.JsonPath_StringAt(jsii.String("$.Item.TotalCount.N")))},
				ReturnConsumedCapacity:      tasks.DynamoConsumedCapacity_TOTAL,
				ReturnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics_SIZE,
				ReturnValues:                tasks.DynamoReturnValues_ALL_NEW,
				UpdateExpression:            jsii.String("SET TotalCount = TotalCount + :val"),
			})
		}},
		{Name: "DynamoUpdateItem/partition and sort key", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoUpdateItem(scope, jsii.String("Task"), &tasks.DynamoUpdateItemProps{
				Key: &map[string]tasks.DynamoAttributeValue{
					"pk": tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.pk"))),
					"sk": tasks.DynamoAttributeValue_FromNumber(jsii.Number(7)),
				},
				Table:                     dataTable(scope),
				UpdateExpression:          jsii.String("SET #s = :s, Tags = :t"),
				ExpressionAttributeNames:  &map[string]*string{"#s": jsii.String("Status")},
				ExpressionAttributeValues: &map[string]tasks.DynamoAttributeValue{":s": tasks.DynamoAttributeValue_FromString(jsii.String("DONE")), ":t": tasks.DynamoAttributeValue_FromStringSet(jsii.Strings("x", "y"))},
				ReturnValues:              tasks.DynamoReturnValues_UPDATED_NEW,
			})
		}},
		{Name: "DynamoUpdateItem/remove attribute", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoUpdateItem(scope, jsii.String("Task"), &tasks.DynamoUpdateItemProps{
				Key:              &map[string]tasks.DynamoAttributeValue{"name": tasks.DynamoAttributeValue_FromString(jsii.String("x"))},
				Table:            dataTable(scope),
				UpdateExpression: jsii.String("REMOVE Draft"),
				ReturnValues:     tasks.DynamoReturnValues_UPDATED_OLD,
				ResultPath:       jsii.String("$.updated"),
			})
		}},
		{Name: "DynamoUpdateItem/boolean and list values", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoUpdateItem(scope, jsii.String("Task"), &tasks.DynamoUpdateItemProps{
				Key:              &map[string]tasks.DynamoAttributeValue{"name": tasks.DynamoAttributeValue_FromString(jsii.String("x"))},
				Table:            dataTable(scope),
				UpdateExpression: jsii.String("SET Active = :a, History = list_append(History, :h)"),
				ExpressionAttributeValues: &map[string]tasks.DynamoAttributeValue{
					":a": tasks.DynamoAttributeValue_FromBoolean(jsii.Bool(true)),
					":h": tasks.DynamoAttributeValue_FromList(&[]tasks.DynamoAttributeValue{tasks.DynamoAttributeValue_FromNumber(jsii.Number(1))}),
				},
				ReturnConsumedCapacity: tasks.DynamoConsumedCapacity_NONE,
			})
		}},

		// DynamoDeleteItem
		{Name: "DynamoDeleteItem/condition and return values", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoDeleteItem(scope, jsii.String("Task"), &tasks.DynamoDeleteItemProps{
				Key:                         &map[string]tasks.DynamoAttributeValue{"SOME_KEY": tasks.DynamoAttributeValue_FromString(jsii.String("1234"))},
				Table:                       dataTable(scope),
				ConditionExpression:         jsii.String("ForumName <> :f and #s <> :s"),
				ExpressionAttributeNames:    &map[string]*string{"#s": jsii.String("Subject")},
				ExpressionAttributeValues:   &map[string]tasks.DynamoAttributeValue{":f": tasks.DynamoAttributeValue_FromString(jsii.String("Forum")), ":s": tasks.DynamoAttributeValue_NumberFromString(sfn.JsonPath_StringAt(jsii.String("$.Item.TotalCount.N")))},
				ReturnConsumedCapacity:      tasks.DynamoConsumedCapacity_TOTAL,
				ReturnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics_SIZE,
				ReturnValues:                tasks.DynamoReturnValues_ALL_OLD,
			})
		}},
		{Name: "DynamoDeleteItem/just the key", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoDeleteItem(scope, jsii.String("Task"), &tasks.DynamoDeleteItemProps{
				Key:   &map[string]tasks.DynamoAttributeValue{"name": tasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.name")))},
				Table: dataTable(scope),
			})
		}},
		{Name: "DynamoDeleteItem/imported table, no return values", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoDeleteItem(scope, jsii.String("Task"), &tasks.DynamoDeleteItemProps{
				Key:          &map[string]tasks.DynamoAttributeValue{"pk": tasks.DynamoAttributeValue_FromString(jsii.String("a")), "sk": tasks.DynamoAttributeValue_FromString(jsii.String("b"))},
				Table:        awsdynamodb.Table_FromTableArn(scope, jsii.String("Imported"), jsii.String("arn:aws:dynamodb:us-east-1:123456789012:table/archive")),
				ReturnValues: tasks.DynamoReturnValues_NONE,
				ResultPath:   sfn.JsonPath_DISCARD(),
			})
		}},
		{Name: "DynamoDeleteItem/attribute_exists condition", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewDynamoDeleteItem(scope, jsii.String("Task"), &tasks.DynamoDeleteItemProps{
				Key:                      &map[string]tasks.DynamoAttributeValue{"name": tasks.DynamoAttributeValue_FromString(jsii.String("x"))},
				Table:                    dataTable(scope),
				ConditionExpression:      jsii.String("attribute_exists(#n)"),
				ExpressionAttributeNames: &map[string]*string{"#n": jsii.String("name")},
				TaskTimeout:              sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(20))),
			})
		}},
	}
}

func messagingCases() []parity.Case {
	return []parity.Case{
		// SnsPublish
		{Name: "SnsPublish/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSnsPublish(scope, jsii.String("Task"), &tasks.SnsPublishProps{
				Topic:   awssns.NewTopic(scope, jsii.String("Topic"), nil),
				Message: sfn.TaskInput_FromText(jsii.String("Publish this message")),
			})
		}},
		{Name: "SnsPublish/message attributes", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSnsPublish(scope, jsii.String("Task"), &tasks.SnsPublishProps{
				Topic:   awssns.NewTopic(scope, jsii.String("Topic"), nil),
				Message: sfn.TaskInput_FromText(jsii.String("Publish this message")),
				Subject: jsii.String("Cakes"),
				MessageAttributes: &map[string]*tasks.MessageAttribute{
					"cake":        {Value: "chocolate"},
					"cakeCount":   {Value: 2},
					"binary":      {Value: "a2345", DataType: tasks.MessageAttributeDataType_BINARY},
					"taskInput":   {Value: sfn.TaskInput_FromJsonPathAt(jsii.String("$$.StateMachine.Name"))},
					"executionId": {Value: sfn.JsonPath_StringAt(jsii.String("$$.Execution.Id"))},
				},
			})
		}},
		{Name: "SnsPublish/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSnsPublish(scope, jsii.String("Task"), &tasks.SnsPublishProps{
				Topic:              awssns.NewTopic(scope, jsii.String("Topic"), nil),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Message:            sfn.TaskInput_FromObject(&map[string]interface{}{"Input": "Publish this message", "Token": sfn.JsonPath_TaskToken()}),
				HeartbeatTimeout:   sfn.Timeout_Duration(awscdk.Duration_Minutes(jsii.Number(5))),
			})
		}},
		{Name: "SnsPublish/message per subscription type", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSnsPublish(scope, jsii.String("Task"), &tasks.SnsPublishProps{
				Topic:                      awssns.NewTopic(scope, jsii.String("Topic"), nil),
				Message:                    sfn.TaskInput_FromObject(&map[string]interface{}{"default": "A message", "sqs": "A message for Amazon SQS", "email": "A message for email"}),
				MessagePerSubscriptionType: jsii.Bool(true),
			})
		}},
		{Name: "SnsPublish/FIFO topic", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSnsPublish(scope, jsii.String("Task"), &tasks.SnsPublishProps{
				Topic:                  awssns.NewTopic(scope, jsii.String("Topic"), &awssns.TopicProps{Fifo: jsii.Bool(true)}),
				Message:                sfn.TaskInput_FromText(jsii.String("Publish this message")),
				MessageGroupId:         jsii.String("messageGroupId"),
				MessageDeduplicationId: jsii.String("messageDeduplicationId"),
			})
		}},

		// SqsSendMessage
		{Name: "SqsSendMessage/default settings", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSqsSendMessage(scope, jsii.String("Task"), &tasks.SqsSendMessageProps{
				Queue:       awssqs.NewQueue(scope, jsii.String("Queue"), nil),
				MessageBody: sfn.TaskInput_FromText(jsii.String("Send this message")),
			})
		}},
		{Name: "SqsSendMessage/delay and body from the input", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSqsSendMessage(scope, jsii.String("Task"), &tasks.SqsSendMessageProps{
				Queue:       awssqs.Queue_FromQueueArn(scope, jsii.String("Queue"), jsii.String("arn:aws:sqs:us-east-1:123456789012:jobs")),
				MessageBody: sfn.TaskInput_FromJsonPathAt(jsii.String("$.message")),
				Delay:       awscdk.Duration_Minutes(jsii.Number(2)),
			})
		}},
		{Name: "SqsSendMessage/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSqsSendMessage(scope, jsii.String("Task"), &tasks.SqsSendMessageProps{
				Queue:              awssqs.NewQueue(scope, jsii.String("Queue"), nil),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				MessageBody:        sfn.TaskInput_FromObject(&map[string]interface{}{"Input": "Send this message", "Token": sfn.JsonPath_TaskToken()}),
			})
		}},
		{Name: "SqsSendMessage/FIFO queue", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSqsSendMessage(scope, jsii.String("Task"), &tasks.SqsSendMessageProps{
				Queue:                  awssqs.NewQueue(scope, jsii.String("Queue"), &awssqs.QueueProps{Fifo: jsii.Bool(true)}),
				MessageBody:            sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id"}),
				MessageGroupId:         sfn.JsonPath_StringAt(jsii.String("$.group")),
				MessageDeduplicationId: jsii.String("dedup"),
			})
		}},
		{Name: "SqsSendMessage/zero delay", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewSqsSendMessage(scope, jsii.String("Task"), &tasks.SqsSendMessageProps{
				Queue:       awssqs.NewQueue(scope, jsii.String("Queue"), nil),
				MessageBody: sfn.TaskInput_FromText(sfn.JsonPath_Format(jsii.String("order {} placed"), sfn.JsonPath_StringAt(jsii.String("$.id")))),
				Delay:       awscdk.Duration_Seconds(jsii.Number(0)),
			})
		}},

		// EventBridgePutEvents
		{Name: "EventBridgePutEvents/default bus", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEventBridgePutEvents(scope, jsii.String("Task"), &tasks.EventBridgePutEventsProps{
				Entries: &[]*tasks.EventBridgePutEventsEntry{{
					Detail:     sfn.TaskInput_FromText(jsii.String("MyDetail")),
					DetailType: jsii.String("MyDetailType"),
					Source:     jsii.String("my.source"),
				}},
			})
		}},
		{Name: "EventBridgePutEvents/a bus made in the stack", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEventBridgePutEvents(scope, jsii.String("Task"), &tasks.EventBridgePutEventsProps{
				Entries: &[]*tasks.EventBridgePutEventsEntry{{
					EventBus:   awsevents.NewEventBus(scope, jsii.String("EventBus"), nil),
					Detail:     sfn.TaskInput_FromObject(&map[string]interface{}{"Message": "MyDetail"}),
					DetailType: jsii.String("MyDetailType"),
					Source:     jsii.String("my.source"),
				}},
			})
		}},
		{Name: "EventBridgePutEvents/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewEventBridgePutEvents(scope, jsii.String("Task"), &tasks.EventBridgePutEventsProps{
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Entries: &[]*tasks.EventBridgePutEventsEntry{{
					Detail:     sfn.TaskInput_FromObject(&map[string]interface{}{"Message": "MyDetail", "TaskToken": sfn.JsonPath_TaskToken()}),
					DetailType: jsii.String("MyDetailType"),
					Source:     jsii.String("my.source"),
				}},
			})
		}},
		{Name: "EventBridgePutEvents/several entries from the input", Build: func(scope constructs.Construct) sfn.State {
			bus := awsevents.EventBus_FromEventBusArn(scope, jsii.String("Imported"), jsii.String("arn:aws:events:us-east-1:123456789012:event-bus/orders"))
			return tasks.NewEventBridgePutEvents(scope, jsii.String("Task"), &tasks.EventBridgePutEventsProps{
				Entries: &[]*tasks.EventBridgePutEventsEntry{
					{Detail: sfn.TaskInput_FromJsonPathAt(jsii.String("$.detail")), DetailType: sfn.JsonPath_StringAt(jsii.String("$.type")), Source: jsii.String("my.source"), EventBus: bus},
					{Detail: sfn.TaskInput_FromObject(&map[string]interface{}{"id.$": "$.id"}), DetailType: jsii.String("Audit"), Source: jsii.String("my.audit")},
				},
				ResultPath: sfn.JsonPath_DISCARD(),
			})
		}},
	}
}

func callAwsServiceCases() []parity.Case {
	return []parity.Case{
		{Name: "CallAwsService/s3 getObject", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsService(scope, jsii.String("Task"), &tasks.CallAwsServiceProps{
				Service:      jsii.String("s3"),
				Action:       jsii.String("getObject"),
				Parameters:   &map[string]interface{}{"Bucket": "my-bucket", "Key": sfn.JsonPath_StringAt(jsii.String("$.key"))},
				IamResources: jsii.Strings("*"),
			})
		}},
		{Name: "CallAwsService/no parameters", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsService(scope, jsii.String("Task"), &tasks.CallAwsServiceProps{
				Service:      jsii.String("s3"),
				Action:       jsii.String("listBuckets"),
				IamResources: jsii.Strings("*"),
			})
		}},
		{Name: "CallAwsService/wait for task token", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsService(scope, jsii.String("Task"), &tasks.CallAwsServiceProps{
				Service:            jsii.String("sqs"),
				Action:             jsii.String("sendMessage"),
				IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN,
				Parameters:         &map[string]interface{}{"QueueUrl": dataQueueURL, "MessageBody": sfn.JsonPath_TaskToken()},
				IamResources:       jsii.Strings("arn:aws:sqs:us-east-1:123456789012:jobs"),
			})
		}},
		{Name: "CallAwsService/IAM action and statements", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsService(scope, jsii.String("Task"), &tasks.CallAwsServiceProps{
				Service:      jsii.String("s3"),
				Action:       jsii.String("listObjectsV2"),
				Parameters:   &map[string]interface{}{"Bucket": "my-bucket", "Prefix.$": "$.prefix"},
				IamAction:    jsii.String("s3:ListBucket"),
				IamResources: jsii.Strings("arn:aws:s3:::my-bucket"),
				AdditionalIamStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions: jsii.Strings("kms:Decrypt"), Resources: jsii.Strings(dataKMSKeyARN)})},
				ResultSelector: &map[string]interface{}{"keys.$": "$.Contents[*].Key"},
				ResultPath:     jsii.String("$.listed"),
			})
		}},
		{Name: "CallAwsService/sfn, with credentials", Build: func(scope constructs.Construct) sfn.State {
			return tasks.NewCallAwsService(scope, jsii.String("Task"), &tasks.CallAwsServiceProps{
				Service:      jsii.String("sfn"),
				Action:       jsii.String("describeExecution"),
				Parameters:   &map[string]interface{}{"ExecutionArn.$": "$.executionArn"},
				IamResources: jsii.Strings("arn:aws:states:us-east-1:123456789012:execution:child:*"),
				Credentials:  &sfn.Credentials{Role: sfn.TaskRole_FromRole(awsiam.Role_FromRoleArn(scope, jsii.String("Role"), jsii.String("arn:aws:iam::123456789012:role/reader"), nil))},
			})
		}},
	}
}
