package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"
)

// DynamoUpdateItemProps mirrors awsstepfunctionstasks.DynamoUpdateItemProps.
type DynamoUpdateItemProps struct {
	// Table to write (a dynamodb.Table, TableV2 or any ITableRef).
	// dynamodb:UpdateItem is granted on exactly this table.
	Table interfacesawsdynamodb.ITableRef
	// TableName names the table instead of Table, possibly at run time
	// (see DynamoGetItemProps.TableName). An sfnkit addition.
	TableName *string
	// Key is the item's primary key (see DynamoGetItemProps.Key).
	Key *map[string]DynamoAttributeValue
	// UpdateExpression, such as "SET #n = :n"; may be dynamic.
	UpdateExpression *string
	// ConditionExpression must hold for the update to succeed; may be dynamic.
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
	// ReturnValues: NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW (or dynamic).
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

// DynamoUpdateItem is the task NewDynamoUpdateItem returns: a Task, typed as the CDK types it.
type DynamoUpdateItem interface{ Task }

// NewDynamoUpdateItem edits an item, or creates it
// (arn:…:states:::dynamodb:updateItem), REQUEST_RESPONSE only.
func NewDynamoUpdateItem(scope constructs.Construct, id *string, props *DynamoUpdateItemProps) DynamoUpdateItem {
	checkProps(scope, id, "DynamoUpdateItem", props == nil)
	b := newDynamoBuilder("DynamoUpdateItem", "updateItem")
	b.table(props.Table, props.TableName)
	b.attributes("Key", props.Key, true, "", 2)
	b.expression("UpdateExpression", props.UpdateExpression)
	b.expression("ConditionExpression", props.ConditionExpression)
	b.writeOptions(props.ExpressionAttributeNames, props.ExpressionAttributeValues,
		props.ReturnConsumedCapacity, props.ReturnItemCollectionMetrics, props.ReturnValues,
		"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW")
	return newTask(scope, id, props, b.finish())
}
