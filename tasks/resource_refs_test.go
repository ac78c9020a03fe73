package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// The props take the CDK's Ref interfaces: an L1 table or state machine,
// which is only a Ref (not an ITable or IStateMachine), is read through it.
func TestL1ResourcesThroughTheirRefs(t *testing.T) {
	stack := cdktest.NewStack()
	table := awsdynamodb.NewCfnTable(stack, jsii.String("Table"), &awsdynamodb.CfnTableProps{
		KeySchema:            &[]interface{}{&awsdynamodb.CfnTable_KeySchemaProperty{AttributeName: jsii.String("id"), KeyType: jsii.String("HASH")}},
		AttributeDefinitions: &[]interface{}{&awsdynamodb.CfnTable_AttributeDefinitionProperty{AttributeName: jsii.String("id"), AttributeType: jsii.String("S")}},
		BillingMode:          jsii.String("PAY_PER_REQUEST"),
	})
	child := sfn.NewCfnStateMachine(stack, jsii.String("Child"), &sfn.CfnStateMachineProps{
		RoleArn:          jsii.String("arn:aws:iam::111122223333:role/child"),
		DefinitionString: jsii.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`),
	})
	get := tasks.NewDynamoGetItem(stack, jsii.String("Get"), &tasks.DynamoGetItemProps{Table: table,
		Key: &map[string]tasks.DynamoAttributeValue{"id": tasks.DynamoAttributeValue_FromString(jsii.String("x"))}})
	start := tasks.NewStepFunctionsStartExecution(stack, jsii.String("Start"), &tasks.StepFunctionsStartExecutionProps{StateMachine: child})
	params := func(st sfn.State) map[string]any {
		return stack.Resolve(st.ToStateJson(sfn.QueryLanguage_JSON_PATH)).(map[string]any)["Parameters"].(map[string]any)
	}
	assert.Equal(t, map[string]any{"Ref": *stack.GetLogicalId(table)}, params(get)["TableName"])
	assert.Equal(t, map[string]any{"Ref": *stack.GetLogicalId(child)}, params(start)["StateMachineArn"])
}
