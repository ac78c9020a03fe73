package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsdynamodb"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/value"
)

// DynamoGetItemProps mirrors awsstepfunctionstasks.DynamoGetItemProps.
type DynamoGetItemProps struct {
	// Table to read (a dynamodb.Table, TableV2 or any ITableRef).
	// dynamodb:GetItem is granted on exactly this table.
	Table interfacesawsdynamodb.ITableRef
	// TableName names the table instead of Table: a name or ARN, or one
	// decided at run time (tasks.StringAt("$.table")), which is granted as
	// table/* in the account and region (table/<prefix>* for a
	// States.Format name with a literal prefix). An sfnkit addition.
	TableName *string
	// Key is the item's primary key: one or two attribute names, kept as
	// written, to tasks.DynamoAttributeValue_From… values, or the whole key
	// decided at run time
	// (tasks.ValueAt[map[string]tasks.DynamoAttributeValue]("$.key")).
	Key *map[string]DynamoAttributeValue
	// ConsistentRead, or decided at run time (tasks.BoolAt). Default:
	// false (rendered, as the CDK does).
	ConsistentRead *bool
	// ExpressionAttributeNames maps "#placeholder" to an attribute name
	// (names may be dynamic: tasks.StringAt), or is decided whole at run
	// time (tasks.StringMapAt). The placeholders are kept as written.
	ExpressionAttributeNames *map[string]*string
	// ProjectionExpression lists the attributes to return (joined with
	// ","), or is decided whole at run time
	// (tasks.ValueAt[[]tasks.DynamoProjectionExpression]("$.projection")).
	ProjectionExpression *[]DynamoProjectionExpression
	// ReturnConsumedCapacity: INDEXES, TOTAL or NONE (or dynamic).
	ReturnConsumedCapacity DynamoConsumedCapacity

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

// DynamoGetItem is the task NewDynamoGetItem returns: a Task, typed as the CDK types it.
type DynamoGetItem interface{ Task }

// NewDynamoGetItem reads one item (arn:…:states:::dynamodb:getItem),
// REQUEST_RESPONSE only.
func NewDynamoGetItem(scope constructs.Construct, id *string, props *DynamoGetItemProps) DynamoGetItem {
	checkProps(scope, id, "DynamoGetItem", props == nil)
	b := newDynamoBuilder("DynamoGetItem", "getItem")
	b.table(props.Table, props.TableName)
	b.attributes("Key", props.Key, true, "", 2)
	b.consistentRead(props.ConsistentRead)
	b.attributeNames(props.ExpressionAttributeNames)
	b.projection(props.ProjectionExpression)
	b.enum("ReturnConsumedCapacity", string(props.ReturnConsumedCapacity), "INDEXES", "TOTAL", "NONE")
	return newTask(scope, id, props, b.finish())
}

func (b *dynamoBuilder) consistentRead(x *bool) {
	v := field(b.spec, "ConsistentRead", x)
	switch {
	case v == nil:
		v = value.Lit(false)
	case v.IsExpression():
	default:
		if _, ok := v.LiteralValue().(bool); !ok || v.Kind() != value.Literal {
			b.problem("ConsistentRead", "give a bool, or a JSONPath, intrinsic or JSONata expression, got %s", describeValue(v))
		}
	}
	b.params["ConsistentRead"] = v
}
