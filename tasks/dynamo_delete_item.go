package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
)

// DynamoDeleteItemProps mirrors awsstepfunctionstasks.DynamoDeleteItemProps.
type DynamoDeleteItemProps struct {
	// Table to delete from (a dynamodb.Table, TableV2 or any ITableRef).
	// dynamodb:DeleteItem is granted on exactly this table.
	Table interfacesawsdynamodb.ITableRef
	// TableName names the table instead of Table, possibly at run time
	// (see DynamoGetItemProps.TableName). An sfnkit addition.
	TableName *string
	// Key is the item's primary key (see DynamoGetItemProps.Key).
	Key *map[string]DynamoAttributeValue
	// ConditionExpression must hold for the delete to succeed; may be dynamic.
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

// DynamoDeleteItem is the task NewDynamoDeleteItem returns: a Task, typed as the CDK types it.
type DynamoDeleteItem interface{ Task }

// NewDynamoDeleteItem deletes an item by its key
// (arn:…:states:::dynamodb:deleteItem), REQUEST_RESPONSE only.
func NewDynamoDeleteItem(scope constructs.Construct, id *string, props *DynamoDeleteItemProps) DynamoDeleteItem {
	checkProps(scope, id, "DynamoDeleteItem", props == nil)
	b := newDynamoBuilder("DynamoDeleteItem", "deleteItem")
	b.table(props.Table, props.TableName)
	b.attributes("Key", props.Key, true, "", 2)
	b.expression("ConditionExpression", props.ConditionExpression)
	b.writeOptions(props.ExpressionAttributeNames, props.ExpressionAttributeValues,
		props.ReturnConsumedCapacity, props.ReturnItemCollectionMetrics, props.ReturnValues, "NONE", "ALL_OLD")
	return newTask(scope, id, props, b.finish())
}
