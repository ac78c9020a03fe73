package tasks_test

import (
	"math"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/integ"
	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

type attrs = map[string]tasks.DynamoAttributeValue

func dynamoResource(api string) string { return "arn:" + partition + ":states:::dynamodb:" + api }

func TestDynamoRendering(t *testing.T) {
	stack := cdktest.NewStack()
	table := awsdynamodb.NewTable(stack, jsii.String("Orders"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})
	get := tasks.NewDynamoGetItem(stack, jsii.String("Get"), &tasks.DynamoGetItemProps{
		Table: table,
		Key:   &attrs{"id": tasks.DynamoAttributeValue_FromString(tasks.StringAt("$.id"))},
		ProjectionExpression: &[]tasks.DynamoProjectionExpression{
			tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("#n")),
			tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("lines")).AtIndex(jsii.Number(0)).WithAttribute(jsii.String("sku")),
		},
		ExpressionAttributeNames: &map[string]*string{"#n": jsii.String("name")},
		ReturnConsumedCapacity:   tasks.DynamoConsumedCapacity_TOTAL,
		ResultPath:               jsii.String("$.got"),
	})
	put := tasks.NewDynamoPutItem(stack, jsii.String("Put"), &tasks.DynamoPutItemProps{
		Table: table,
		Item: &attrs{
			"id":    tasks.DynamoAttributeValue_FromString(tasks.StringAt("$.id")),
			"count": tasks.DynamoAttributeValue_FromNumber(tasks.NumberAt("$.count")),
			"price": tasks.DynamoAttributeValue_FromNumber(jsii.Number(9.5)),
		},
		ConditionExpression:       jsii.String("attribute_not_exists(id) OR #v < :v"),
		ExpressionAttributeNames:  &map[string]*string{"#v": jsii.String("version")},
		ExpressionAttributeValues: &attrs{":v": tasks.DynamoAttributeValue_FromNumber(sfn.JsonPath_NumberAt(jsii.String("$.version")))},
		ReturnValues:              tasks.DynamoReturnValues_ALL_OLD,
		ResultPath:                jsii.String(tasks.Discard),
	})
	update := tasks.NewDynamoUpdateItem(stack, jsii.String("Update"), &tasks.DynamoUpdateItemProps{
		TableName:                 tasks.StringAt("States.Format('orders-{}', $.stage)"),
		Key:                       tasks.ValueAt[attrs]("$.key"),
		UpdateExpression:          jsii.String("SET TotalCount = :val + :rand"),
		ExpressionAttributeValues: &attrs{":val": tasks.DynamoAttributeValue_NumberFromString(sfn.JsonPath_StringAt(jsii.String("$.Item.TotalCount.N"))), ":rand": tasks.DynamoAttributeValue_FromNumber(jsii.Number(20))},
		ReturnValues:              tasks.DynamoReturnValues(*tasks.StringAt("$.returnValues")),
		ResultPath:                jsii.String(tasks.Discard),
	})
	del := tasks.NewDynamoDeleteItem(stack, jsii.String("Delete"), &tasks.DynamoDeleteItemProps{
		TableName:                   jsii.String("archive"),
		Key:                         &attrs{"pk": tasks.DynamoAttributeValue_FromString(jsii.String("order")), "sk": tasks.DynamoAttributeValue_FromNumber(jsii.Number(7))},
		ReturnItemCollectionMetrics: tasks.DynamoItemCollectionMetrics_SIZE,
		// A run-time condition: its placeholders cannot be checked, so none is reported unused.
		ConditionExpression:       tasks.StringAt("$.condition"),
		ExpressionAttributeValues: &attrs{":min": tasks.DynamoAttributeValue_FromNumber(jsii.Number(1))},
	})
	tpl := machine(t, stack, get.Next(put).Next(update).Next(del))
	tableName := "${OrdersA9B65338}"

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": dynamoResource("getItem"), "Next": "Put", "ResultPath": "$.got",
		"Parameters": map[string]any{
			"TableName": tableName, "Key": map[string]any{"id": map[string]any{"S.$": "$.id"}},
			"ConsistentRead": false, "ProjectionExpression": "#n,lines[0].sku",
			"ExpressionAttributeNames": map[string]any{"#n": "name"}, "ReturnConsumedCapacity": "TOTAL",
		}}, state(t, tpl, "Get"))
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": dynamoResource("putItem"), "Next": "Update", "ResultPath": nil,
		"Parameters": map[string]any{
			"TableName": tableName,
			"Item": map[string]any{"id": map[string]any{"S.$": "$.id"},
				"count": map[string]any{"N.$": "States.Format('{}', $.count)"}, "price": map[string]any{"N": "9.5"}},
			"ConditionExpression":       "attribute_not_exists(id) OR #v < :v",
			"ExpressionAttributeNames":  map[string]any{"#v": "version"},
			"ExpressionAttributeValues": map[string]any{":v": map[string]any{"N.$": "States.Format('{}', $.version)"}},
			"ReturnValues":              "ALL_OLD",
		}}, state(t, tpl, "Put"))
	assert.Equal(t, map[string]any{
		"TableName.$": "States.Format('orders-{}', $.stage)", "Key.$": "$.key",
		"UpdateExpression": "SET TotalCount = :val + :rand",
		"ExpressionAttributeValues": map[string]any{":val": map[string]any{"N.$": "$.Item.TotalCount.N"},
			":rand": map[string]any{"N": "20"}},
		"ReturnValues.$": "$.returnValues",
	}, state(t, tpl, "Update")["Parameters"])
	assert.Equal(t, map[string]any{"Type": "Task", "Resource": dynamoResource("deleteItem"), "End": true,
		"Parameters": map[string]any{"TableName": "archive",
			"Key":                         map[string]any{"pk": map[string]any{"S": "order"}, "sk": map[string]any{"N": "7"}},
			"ReturnItemCollectionMetrics": "SIZE", "ConditionExpression.$": "$.condition",
			"ExpressionAttributeValues": map[string]any{":min": map[string]any{"N": "1"}}}}, state(t, tpl, "Delete"))
	integ.Validate(t, stack)

	// Locally, the dynamic values resolve to what DynamoDB takes: numbers as strings.
	res := integ.Run(t, stack, nil, map[string]any{"id": "o-1", "count": 3, "version": 2, "stage": "prod",
		"key": map[string]any{"id": map[string]any{"S": "o-1"}}, "Item": map[string]any{"TotalCount": map[string]any{"N": "5"}},
		"returnValues": "ALL_NEW", "condition": "n > :min"}, integ.Mocks{
		"Get":    integ.Return(integ.DynamoGetItemResponse(map[string]any{"id": map[string]any{"S": "o-1"}})),
		"Put":    integ.Return(integ.DynamoPutItemResponse()),
		"Update": integ.Return(integ.DynamoPutItemResponse()), "Delete": integ.Return(integ.DynamoPutItemResponse()),
	})
	require.True(t, res.Succeeded(), "%s %s: %s\n%s", res.Status, res.Error, res.Cause, res.History())
	require.Len(t, res.Calls, 4)
	assert.Equal(t, map[string]any{"id": map[string]any{"S": "o-1"}, "count": map[string]any{"N": "3"}, "price": map[string]any{"N": "9.5"}},
		res.Calls[1].Input.(map[string]any)["Item"])
	assert.Equal(t, map[string]any{":v": map[string]any{"N": "2"}}, res.Calls[1].Input.(map[string]any)["ExpressionAttributeValues"])
	assert.Equal(t, map[string]any{"id": map[string]any{"S": "o-1"}}, res.Calls[0].Input.(map[string]any)["Key"])
	assert.Equal(t, "orders-prod", res.Calls[2].Input.(map[string]any)["TableName"])
	assert.Equal(t, "ALL_NEW", res.Calls[2].Input.(map[string]any)["ReturnValues"])
}

func TestDynamoJSONata(t *testing.T) {
	stack := cdktest.NewStack()
	put := tasks.NewDynamoPutItem(stack, jsii.String("Put"), &tasks.DynamoPutItemProps{
		QueryLanguage: sfn.QueryLanguage_JSONATA,
		TableName:     jsii.String("orders"),
		Item: &attrs{
			"id":    tasks.DynamoAttributeValue_FromString(jsii.String("{% $states.input.id %}")),
			"count": tasks.DynamoAttributeValue_FromNumber(tasks.NumberAt("{% $states.input.count %}")),
			"tags":  tasks.DynamoAttributeValue_FromNumberSet(tasks.ValueAt[[]*float64]("{% $states.input.sizes %}")),
			"meta":  tasks.DynamoAttributeValue_MapFromJsonata(jsii.String("{% $states.input.meta %}")),
			"ok":    tasks.DynamoAttributeValue_FromBoolean(tasks.BoolAt("{% $states.input.ok %}")),
		},
	})
	get := tasks.NewDynamoGetItem(stack, jsii.String("Get"), &tasks.DynamoGetItemProps{
		QueryLanguage:  sfn.QueryLanguage_JSONATA,
		TableName:      jsii.String("orders"),
		Key:            tasks.ValueAt[attrs]("{% $states.input.key %}"),
		ConsistentRead: tasks.BoolAt("{% $states.input.strong %}"),
	})
	tpl := machine(t, stack, put.Next(get))
	assert.Equal(t, map[string]any{"Type": "Task", "QueryLanguage": "JSONata", "Resource": dynamoResource("putItem"), "Next": "Get",
		"Arguments": map[string]any{"TableName": "orders", "Item": map[string]any{
			"id":    map[string]any{"S": "{% $states.input.id %}"},
			"count": map[string]any{"N": "{% $string($states.input.count) %}"},
			"tags":  map[string]any{"NS": "{% $map($states.input.sizes, $string) %}"},
			"meta":  map[string]any{"M": "{% $states.input.meta %}"},
			"ok":    map[string]any{"BOOL": "{% $states.input.ok %}"},
		}}}, state(t, tpl, "Put"))
	assert.Equal(t, map[string]any{"TableName": "orders", "Key": "{% $states.input.key %}", "ConsistentRead": "{% $states.input.strong %}"},
		state(t, tpl, "Get")["Arguments"])
}

// Every DynamoAttributeValue_ helper, literal and dynamic, in one item.
func TestDynamoAttributeValues(t *testing.T) {
	stack := cdktest.NewStack()
	item := attrs{
		"s":         tasks.DynamoAttributeValue_FromString(jsii.String("$5")),
		"sPath":     tasks.DynamoAttributeValue_FromString(tasks.StringAt("$.s")),
		"n":         tasks.DynamoAttributeValue_FromNumber(jsii.Number(1e21)),
		"nSmall":    tasks.DynamoAttributeValue_FromNumber(jsii.Number(1e-7)),
		"nIntr":     tasks.DynamoAttributeValue_FromNumber(tasks.NumberAt("States.MathAdd($.a, 1)")),
		"nStr":      tasks.DynamoAttributeValue_NumberFromString(jsii.String("-19.5")),
		"b":         tasks.DynamoAttributeValue_FromBinary(jsii.String("aGVsbG8=")),
		"bPath":     tasks.DynamoAttributeValue_FromBinary(tasks.StringAt("$.blob")),
		"ss":        tasks.DynamoAttributeValue_FromStringSet(jsii.Strings("a", "b")),
		"ssMixed":   tasks.DynamoAttributeValue_FromStringSet(&[]*string{jsii.String("a"), tasks.StringAt("$.tag")}),
		"ssWhole":   tasks.DynamoAttributeValue_FromStringSet(tasks.ListAt("$.tags")),
		"ns":        tasks.DynamoAttributeValue_FromNumberSet(jsii.Numbers(42.2, -19)),
		"nsMixed":   tasks.DynamoAttributeValue_FromNumberSet(&[]*float64{jsii.Number(1), tasks.NumberAt("$.n")}),
		"nsStrings": tasks.DynamoAttributeValue_NumberSetFromStrings(&[]*string{jsii.String("1"), tasks.StringAt("$.n")}),
		"bs":        tasks.DynamoAttributeValue_FromBinarySet(jsii.Strings("aGk=")),
		"m": tasks.DynamoAttributeValue_FromMap(&attrs{
			"Name":     tasks.DynamoAttributeValue_FromString(tasks.StringAt("$.name")),
			"camelKey": tasks.DynamoAttributeValue_FromNull(jsii.Bool(true)),
		}),
		"mPath": tasks.DynamoAttributeValue_MapFromJsonPath(jsii.String("$.meta")),
		"l": tasks.DynamoAttributeValue_FromList(&[]tasks.DynamoAttributeValue{
			tasks.DynamoAttributeValue_FromString(tasks.StringAt("$.first")),
			tasks.DynamoAttributeValue_FromBoolean(jsii.Bool(false)),
		}),
		"lPath":   tasks.DynamoAttributeValue_ListFromJsonPath(sfn.JsonPath_StringAt(jsii.String("$.lines"))),
		"bool":    tasks.DynamoAttributeValue_FromBoolean(jsii.Bool(true)),
		"boolDyn": tasks.DynamoAttributeValue_FromBoolean(tasks.BoolAt("$.flag")),
		"boolJP":  tasks.DynamoAttributeValue_BooleanFromJsonPath(jsii.String("$.flag")),
		"null":    tasks.DynamoAttributeValue_FromNull(jsii.Bool(true)),
		// The CDK's own values work too, rendered as the CDK renders them.
		"cdk": cdktasks.DynamoAttributeValue_FromString(sfn.JsonPath_StringAt(jsii.String("$.c"))),
	}
	put := tasks.NewDynamoPutItem(stack, jsii.String("Put"), &tasks.DynamoPutItemProps{TableName: jsii.String("t_1"), Item: &item})
	got := state(t, machine(t, stack, put), "Put")["Parameters"].(map[string]any)["Item"]
	assert.Equal(t, map[string]any{
		"s":         map[string]any{"S": "$5"},
		"sPath":     map[string]any{"S.$": "$.s"},
		"n":         map[string]any{"N": "1e+21"},
		"nSmall":    map[string]any{"N": "1e-7"},
		"nIntr":     map[string]any{"N.$": "States.Format('{}', States.MathAdd($.a, 1))"},
		"nStr":      map[string]any{"N": "-19.5"},
		"b":         map[string]any{"B": "aGVsbG8="},
		"bPath":     map[string]any{"B.$": "$.blob"},
		"ss":        map[string]any{"SS": []any{"a", "b"}},
		"ssMixed":   map[string]any{"SS.$": "States.Array('a', $.tag)"},
		"ssWhole":   map[string]any{"SS.$": "$.tags"},
		"ns":        map[string]any{"NS": []any{"42.2", "-19"}},
		"nsMixed":   map[string]any{"NS.$": "States.Array('1', States.Format('{}', $.n))"},
		"nsStrings": map[string]any{"NS.$": "States.Array('1', $.n)"},
		"bs":        map[string]any{"BS": []any{"aGk="}},
		"m": map[string]any{"M": map[string]any{
			"Name": map[string]any{"S.$": "$.name"}, "camelKey": map[string]any{"NULL": true}}},
		"mPath":   map[string]any{"M.$": "$.meta"},
		"l":       map[string]any{"L": []any{map[string]any{"S.$": "$.first"}, map[string]any{"BOOL": false}}},
		"lPath":   map[string]any{"L.$": "$.lines"},
		"bool":    map[string]any{"BOOL": true},
		"boolDyn": map[string]any{"BOOL.$": "$.flag"},
		"boolJP":  map[string]any{"BOOL.$": "$.flag"},
		"null":    map[string]any{"NULL": true},
		"cdk":     map[string]any{"S.$": "$.c"},
	}, got)
	integ.Validate(t, stack)

	// Attribute names stay as written where keys are case-converted, so the
	// helpers also serve aws-sdk:dynamodb calls written with PascalCaseKeys.
	sdk := tasks.PascalCaseKeys(map[string]any{"exclusiveStartKey": tasks.DynamoAttributeValue_FromMap(&attrs{
		"orderId": tasks.DynamoAttributeValue_FromString(jsii.String("o-1"))}).ToObject()})
	assert.Equal(t, map[string]any{"M": map[string]any{"orderId": map[string]any{"S": "o-1"}}},
		value.Render((*sdk)["ExclusiveStartKey"].(*tasks.Value), value.JSONPathLang))
}

func TestDynamoIAM(t *testing.T) {
	key := func() *attrs { return &attrs{"id": tasks.DynamoAttributeValue_FromString(jsii.String("x"))} }
	classes := []struct {
		action string
		build  func(s awscdk.Stack, t awsdynamodb.ITable, name *string) tasks.Task
	}{
		{"dynamodb:GetItem", func(s awscdk.Stack, t awsdynamodb.ITable, name *string) tasks.Task {
			return tasks.NewDynamoGetItem(s, jsii.String("Call"), &tasks.DynamoGetItemProps{Table: t, TableName: name, Key: key()})
		}},
		{"dynamodb:PutItem", func(s awscdk.Stack, t awsdynamodb.ITable, name *string) tasks.Task {
			return tasks.NewDynamoPutItem(s, jsii.String("Call"), &tasks.DynamoPutItemProps{Table: t, TableName: name, Item: key()})
		}},
		{"dynamodb:UpdateItem", func(s awscdk.Stack, t awsdynamodb.ITable, name *string) tasks.Task {
			return tasks.NewDynamoUpdateItem(s, jsii.String("Call"), &tasks.DynamoUpdateItemProps{Table: t, TableName: name, Key: key()})
		}},
		{"dynamodb:DeleteItem", func(s awscdk.Stack, t awsdynamodb.ITable, name *string) tasks.Task {
			return tasks.NewDynamoDeleteItem(s, jsii.String("Call"), &tasks.DynamoDeleteItemProps{Table: t, TableName: name, Key: key()})
		}},
	}
	tables := []struct {
		name  string
		table func(s awscdk.Stack) awsdynamodb.ITable // or
		named *string                                 // TableName
		want  string
	}{
		{"a table made in the stack: exactly that table", func(s awscdk.Stack) awsdynamodb.ITable {
			return awsdynamodb.NewTableV2(s, jsii.String("Orders"), &awsdynamodb.TablePropsV2{
				PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING}})
		}, nil, arn("dynamodb", "table/${OrdersA9B65338}")},
		{"an imported table", func(s awscdk.Stack) awsdynamodb.ITable {
			return awsdynamodb.Table_FromTableName(s, jsii.String("Orders"), jsii.String("orders"))
		}, nil, arn("dynamodb", "table/orders")},
		{"a literal name", nil, jsii.String("orders"), arn("dynamodb", "table/orders")},
		{"a table ARN, kept", nil, jsii.String("arn:aws:dynamodb:eu-west-1:111122223333:table/shared"), "arn:aws:dynamodb:eu-west-1:111122223333:table/shared"},
		{"a run-time name: every table in the account and region", nil, tasks.StringAt("$.table"), arn("dynamodb", "table/*")},
		{"a run-time name with a literal prefix", nil, tasks.StringAt("States.Format('orders-{}', $.stage)"), arn("dynamodb", "table/orders-*")},
	}
	for _, c := range classes {
		for _, tb := range tables {
			t.Run(c.action+"/"+tb.name, func(t *testing.T) {
				stack := cdktest.NewStack()
				var table awsdynamodb.ITable
				if tb.table != nil {
					table = tb.table(stack)
				}
				got := cdktest.RoleStatements(t, machine(t, stack, c.build(stack, table, tb.named)))
				assert.Equal(t, []map[string]any{stmt([]string{c.action}, tb.want)}, got)
			})
		}
	}
}

func TestDynamoErrors(t *testing.T) {
	id := func() *attrs { return &attrs{"id": tasks.DynamoAttributeValue_FromString(jsii.String("x"))} }
	item := func(a tasks.DynamoAttributeValue) *attrs {
		return &attrs{"id": tasks.DynamoAttributeValue_FromString(jsii.String("x")), "a": a}
	}
	put := func(p tasks.DynamoPutItemProps) func(awscdk.Stack) {
		return func(s awscdk.Stack) {
			if p.TableName == nil {
				p.TableName = jsii.String("orders")
			}
			tasks.NewDynamoPutItem(s, jsii.String("Task"), &p)
		}
	}
	get := func(p tasks.DynamoGetItemProps) func(awscdk.Stack) {
		return func(s awscdk.Stack) {
			if p.TableName == nil && p.Table == nil {
				p.TableName = jsii.String("orders")
			}
			tasks.NewDynamoGetItem(s, jsii.String("Task"), &p)
		}
	}
	update := func(p tasks.DynamoUpdateItemProps) func(awscdk.Stack) {
		return func(s awscdk.Stack) {
			p.TableName = jsii.String("orders")
			tasks.NewDynamoUpdateItem(s, jsii.String("Task"), &p)
		}
	}
	del := func(p tasks.DynamoDeleteItemProps) func(awscdk.Stack) {
		return func(s awscdk.Stack) {
			p.TableName = jsii.String("orders")
			tasks.NewDynamoDeleteItem(s, jsii.String("Task"), &p)
		}
	}
	tests := []struct {
		name, construct string
		build           func(awscdk.Stack)
		want            string
	}{
		{"no table", "DynamoGetItem", func(s awscdk.Stack) {
			tasks.NewDynamoGetItem(s, jsii.String("Task"), &tasks.DynamoGetItemProps{Key: id()})
		}, "Table: required: the table (or TableName, which may be dynamic)"},
		{"Table and TableName", "DynamoGetItem", func(s awscdk.Stack) {
			tasks.NewDynamoGetItem(s, jsii.String("Task"), &tasks.DynamoGetItemProps{Key: id(), TableName: jsii.String("orders"),
				Table: awsdynamodb.Table_FromTableName(s, jsii.String("T"), jsii.String("orders"))})
		}, "Table: give Table or TableName, not both"},
		{"bad table name", "DynamoPutItem", put(tasks.DynamoPutItemProps{TableName: jsii.String("my orders"), Item: id()}),
			`TableName: "my orders" is not a table name (3 to 255 letters, digits, _, - and .) or a table ARN`},
		{"not a DynamoDB ARN", "DynamoPutItem", put(tasks.DynamoPutItemProps{TableName: jsii.String("arn:aws:s3:::table/x"), Item: id()}),
			`TableName: "arn:aws:s3:::table/x" is not a table name`},
		{"no key", "DynamoGetItem", get(tasks.DynamoGetItemProps{}), "Key: required: a map of attribute names to tasks.DynamoAttributeValue_From… values"},
		{"no item", "DynamoPutItem", put(tasks.DynamoPutItemProps{}), "Item: required"},
		{"empty key", "DynamoDeleteItem", del(tasks.DynamoDeleteItemProps{Key: &attrs{}}), "Key: needs at least one attribute"},
		{"three key attributes", "DynamoUpdateItem", update(tasks.DynamoUpdateItemProps{Key: &attrs{
			"a": tasks.DynamoAttributeValue_FromString(jsii.String("1")), "b": tasks.DynamoAttributeValue_FromString(jsii.String("2")),
			"c": tasks.DynamoAttributeValue_FromString(jsii.String("3"))}}),
			"Key: a key has at most 2 attributes (partition and sort key), got 3"},
		{"nil attribute value in a key", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: &attrs{"id": nil}}),
			"Key.id: missing attribute value"},
		{"nil attribute value in a list", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromList(&[]tasks.DynamoAttributeValue{nil}))}),
			"Item.a: FromList[0]: missing attribute value"},
		{"nil attribute value in a map", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromMap(&attrs{"x": nil}))}),
			"Item.a: FromMap.x: missing attribute value"},
		{"nil attribute name", "DynamoUpdateItem", update(tasks.DynamoUpdateItemProps{Key: id(), UpdateExpression: jsii.String("SET #n = :n"),
			ExpressionAttributeNames: &map[string]*string{"#n": nil}, ExpressionAttributeValues: &attrs{":n": tasks.DynamoAttributeValue_FromNumber(jsii.Number(1))}}),
			"ExpressionAttributeNames.#n: give an attribute name, got"},
		{"RUN_JOB", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(), IntegrationPattern: sfn.IntegrationPattern_RUN_JOB}),
			"IntegrationPattern: RUN_JOB is not supported by dynamodb:getItem; supported: REQUEST_RESPONSE"},
		{"WAIT_FOR_TASK_TOKEN", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: &attrs{"token": tasks.DynamoAttributeValue_FromString(sfn.JsonPath_TaskToken())},
			IntegrationPattern: sfn.IntegrationPattern_WAIT_FOR_TASK_TOKEN}),
			"IntegrationPattern: WAIT_FOR_TASK_TOKEN is not supported by dynamodb:putItem; supported: REQUEST_RESPONSE"},
		{"ReturnValues PutItem does not take", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: id(), ReturnValues: tasks.DynamoReturnValues_ALL_NEW}),
			`ReturnValues: must be NONE or ALL_OLD (or dynamic), got "ALL_NEW"`},
		{"ReturnValues DeleteItem does not take", "DynamoDeleteItem", del(tasks.DynamoDeleteItemProps{Key: id(), ReturnValues: tasks.DynamoReturnValues_UPDATED_OLD}),
			`ReturnValues: must be NONE or ALL_OLD (or dynamic), got "UPDATED_OLD"`},
		{"unknown ReturnValues", "DynamoUpdateItem", update(tasks.DynamoUpdateItemProps{Key: id(), ReturnValues: "ALL"}),
			`ReturnValues: must be NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW (or dynamic), got "ALL"`},
		{"unknown ReturnConsumedCapacity", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(), ReturnConsumedCapacity: "ALL"}),
			`ReturnConsumedCapacity: must be INDEXES, TOTAL or NONE (or dynamic), got "ALL"`},
		{"unknown ReturnItemCollectionMetrics", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: id(), ReturnItemCollectionMetrics: "COUNT"}),
			`ReturnItemCollectionMetrics: must be SIZE or NONE (or dynamic), got "COUNT"`},
		{"name placeholder without #", "DynamoUpdateItem", update(tasks.DynamoUpdateItemProps{Key: id(), UpdateExpression: jsii.String("SET n = :n"),
			ExpressionAttributeNames: &map[string]*string{"n": jsii.String("name")}}), `ExpressionAttributeNames: "n" must start with "#"`},
		{"value placeholder without :", "DynamoUpdateItem", update(tasks.DynamoUpdateItemProps{Key: id(), UpdateExpression: jsii.String("SET a = 1"),
			ExpressionAttributeValues: &attrs{"n": tasks.DynamoAttributeValue_FromNumber(jsii.Number(1))}}), `ExpressionAttributeValues: "n" must start with ":"`},
		{"names without an expression", "DynamoDeleteItem", del(tasks.DynamoDeleteItemProps{Key: id(),
			ExpressionAttributeNames: &map[string]*string{"#n": jsii.String("name")}}),
			"ExpressionAttributeNames: given without an expression to use them (DynamoDB rejects this)"},
		{"placeholder used, not defined", "DynamoUpdateItem", update(tasks.DynamoUpdateItemProps{Key: id(),
			UpdateExpression: jsii.String("SET #n = :n"), ConditionExpression: jsii.String("#n <> :n"),
			ExpressionAttributeNames: &map[string]*string{"#n": jsii.String("name")}}),
			"ExpressionAttributeValues: :n is used in ConditionExpression and UpdateExpression but not defined here"},
		{"placeholder defined, unused", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: id(), ConditionExpression: jsii.String("attribute_not_exists(id)"),
			ExpressionAttributeValues: &attrs{":unused": tasks.DynamoAttributeValue_FromNumber(jsii.Number(1))}}),
			"ExpressionAttributeValues: :unused is not used in any expression (DynamoDB rejects unused ones)"},
		{"empty condition", "DynamoDeleteItem", del(tasks.DynamoDeleteItemProps{Key: id(), ConditionExpression: jsii.String(" ")}),
			"ConditionExpression: is empty: leave it out instead"},
		{"nil projection path", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(),
			ProjectionExpression: &[]tasks.DynamoProjectionExpression{tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("a")), nil}}),
			"ProjectionExpression[1]: is nil"},
		{"run-time attribute in a projection path", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(),
			ProjectionExpression: &[]tasks.DynamoProjectionExpression{tasks.NewDynamoProjectionExpression().WithAttribute(tasks.StringAt("$.attr"))}}),
			"ProjectionExpression[0]: WithAttribute takes a literal attribute name"},
		{"negative projection index", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(),
			ProjectionExpression: &[]tasks.DynamoProjectionExpression{tasks.NewDynamoProjectionExpression().WithAttribute(jsii.String("a")).AtIndex(jsii.Number(-1))}}),
			"ProjectionExpression[0]: AtIndex needs a whole number of at least 0"},
		{"projection starting with an index", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(),
			ProjectionExpression: &[]tasks.DynamoProjectionExpression{tasks.NewDynamoProjectionExpression().AtIndex(jsii.Number(1))}}),
			"ProjectionExpression[0]: the expression must start with an attribute (WithAttribute) before AtIndex"},
		{"empty projection", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: id(), ProjectionExpression: &[]tasks.DynamoProjectionExpression{}}),
			"ProjectionExpression: lists no document paths: leave it out instead"},
		{"NULL false", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromNull(jsii.Bool(false)))}),
			`Item.a: FromNull: must be true (DynamoDB rejects "NULL": false); to omit an attribute, leave it out`},
		{"infinite number", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromNumber(jsii.Number(math.Inf(1))))}),
			"Item.a: FromNumber: +Inf is not a number JSON can carry"},
		{"nil number", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromNumber(nil))}),
			"Item.a: FromNumber: a value is required"},
		{"not a number", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_NumberFromString(jsii.String("12a")))}),
			`Item.a: NumberFromString: "12a" is not a number`},
		{"not base64", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromBinary(jsii.String("not base64!")))}),
			`Item.a: FromBinary: "not base64!" is not base64-encoded`},
		{"empty set", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromStringSet(jsii.Strings()))}),
			"Item.a: FromStringSet: a set cannot be empty (DynamoDB rejects it); leave the attribute out instead"},
		{"duplicate in a set", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromNumberSet(jsii.Numbers(1, 2, 1)))}),
			`Item.a: FromNumberSet[2]: "1" is a duplicate; DynamoDB rejects sets with duplicates`},
		{"nil in a set", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromStringSet(&[]*string{jsii.String("a"), nil}))}),
			"Item.a: FromStringSet[1]: is nil"},
		{"nil number in a set", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromNumberSet(&[]*float64{nil}))}),
			"Item.a: FromNumberSet[0]: is nil"},
		{"nil boolean", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_FromBoolean(nil))}),
			"Item.a: FromBoolean: a value is required"},
		{"JSONata where a JSONPath belongs", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_MapFromJsonPath(jsii.String("{% $m %}")))}),
			"Item.a: MapFromJsonPath: give a JSONPath ($.…) or intrinsic function, got {% $m %}"},
		{"malformed path in an attribute", "DynamoPutItem", put(tasks.DynamoPutItemProps{Item: item(tasks.DynamoAttributeValue_ListFromJsonPath(jsii.String("$.a[")))}),
			`Parameters.Item.a.L: invalid JSONPath "$.a[": unclosed '['`},
		{"JSONata in a JSONPath state", "DynamoGetItem", get(tasks.DynamoGetItemProps{Key: &attrs{"id": tasks.DynamoAttributeValue_FromString(jsii.String("{% $states.input.id %}"))}}),
			`Parameters.Key.id.S: JSONata "{% $states.input.id %}" in a JSONPath state`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tt.build(stack) })
			assert.Contains(t, msg, `sfnkit `+tt.construct+` "Test/Task" is invalid:`)
			assert.Contains(t, msg, tt.want)
		})
	}
}

// ToObject is state JSON the CDK's own TaskInput takes too.
func TestDynamoAttributeValueToObjectInCDKInput(t *testing.T) {
	stack := cdktest.NewStack()
	item := tasks.DynamoAttributeValue_FromMap(&attrs{"count": tasks.DynamoAttributeValue_FromNumber(sfn.JsonPath_NumberAt(jsii.String("$.n")))})
	pass := sfn.NewPass(stack, jsii.String("Shape"), &sfn.PassProps{Parameters: &map[string]interface{}{"Item": item.ToObject()}})
	assert.Equal(t, map[string]any{"Item": map[string]any{"M": map[string]any{"count": map[string]any{"N.$": "States.Format('{}', $.n)"}}}},
		state(t, machine(t, stack, pass), "Shape")["Parameters"])
	assert.Equal(t, item.ToObject(), item.AttributeValue())
}
