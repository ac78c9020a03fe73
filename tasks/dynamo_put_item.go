package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
)

// DynamoPutItemProps mirrors awsstepfunctionstasks.DynamoPutItemProps.
type DynamoPutItemProps struct {
	// Table to write (a dynamodb.Table, TableV2 or any ITableRef).
	// dynamodb:PutItem is granted on exactly this table.
	Table interfacesawsdynamodb.ITableRef
	// TableName names the table instead of Table, possibly at run time
	// (see DynamoGetItemProps.TableName). An sfnkit addition.
	TableName *string
	// Item: attribute names, kept as written, to
	// tasks.DynamoAttributeValue_From… values, or the whole item decided at
	// run time, in DynamoDB's JSON
	// (tasks.ValueAt[map[string]tasks.DynamoAttributeValue]("$.item")).
	Item *map[string]DynamoAttributeValue
	// ConditionExpression must hold for the put to succeed; may be dynamic.
	ConditionExpression *string
	// ExpressionAttributeNames maps "#placeholder" to an attribute name
	// (see DynamoGetItemProps).
	ExpressionAttributeNames *map[string]*string
	// ExpressionAttributeValues maps ":placeholder" to a
	// tasks.DynamoAttributeValue, or is decided whole at run time
	// (tasks.ValueAt[map[string]tasks.DynamoAttributeValue]).
	ExpressionAttributeValues *map[string]DynamoAttributeValue
	// ReturnConsumedCapacity: INDEXES, TOTAL or NONE (or dynamic).
	ReturnConsumedCapacity DynamoConsumedCapacity
	// ReturnItemCollectionMetrics: SIZE or NONE (or dynamic).
	ReturnItemCollectionMetrics DynamoItemCollectionMetrics
	// ReturnValues: NONE or ALL_OLD (or dynamic).
	ReturnValues DynamoReturnValues

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// DynamoPutItem is the task NewDynamoPutItem returns: a Task, typed as the CDK types it.
type DynamoPutItem interface{ Task }

// NewDynamoPutItem creates or replaces an item
// (arn:…:states:::dynamodb:putItem), REQUEST_RESPONSE only.
func NewDynamoPutItem(scope constructs.Construct, id *string, props *DynamoPutItemProps) DynamoPutItem {
	checkProps(scope, id, "DynamoPutItem", props == nil)
	b := newDynamoBuilder("DynamoPutItem", "putItem")
	b.table(props.Table, props.TableName)
	b.attributes("Item", props.Item, true, "", 0)
	b.expression("ConditionExpression", props.ConditionExpression)
	b.writeOptions(props.ExpressionAttributeNames, props.ExpressionAttributeValues,
		props.ReturnConsumedCapacity, props.ReturnItemCollectionMetrics, props.ReturnValues, "NONE", "ALL_OLD")
	return newTask(scope, id, props, b.finish())
}

// writeOptions sets what PutItem, UpdateItem and DeleteItem share.
func (b *dynamoBuilder) writeOptions(names *map[string]*string, values *map[string]DynamoAttributeValue, capacity DynamoConsumedCapacity,
	metrics DynamoItemCollectionMetrics, returnValues DynamoReturnValues, allowedReturnValues ...string) {
	b.attributeNames(names)
	b.attributes("ExpressionAttributeValues", values, false, ":", 0)
	b.enum("ReturnConsumedCapacity", string(capacity), "INDEXES", "TOTAL", "NONE")
	b.enum("ReturnItemCollectionMetrics", string(metrics), "SIZE", "NONE")
	b.enum("ReturnValues", string(returnValues), allowedReturnValues...)
}
