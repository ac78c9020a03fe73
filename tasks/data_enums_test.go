package tasks_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdktasks "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctionstasks"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// The enums hold the CDK's Go values ("KMS", "G_1X", "NUMBER") and render
// the API's names; the API's names are accepted too, and a dynamic value
// passes through.
func TestDataEnumsRenderTheAPINames(t *testing.T) {
	assert.Equal(t, string(cdktasks.EncryptionOption_KMS), string(tasks.EncryptionOption_KMS))
	assert.Equal(t, string(cdktasks.WorkerType_G_1X), string(tasks.WorkerType_G_1X))
	assert.Equal(t, string(cdktasks.MessageAttributeDataType_STRING_ARRAY), string(tasks.MessageAttributeDataType_STRING_ARRAY))

	stack := cdktest.NewStack()
	athena := func(id string, option tasks.EncryptionOption) sfn.IChainable {
		return tasks.NewAthenaStartQueryExecution(stack, jsii.String(id), &tasks.AthenaStartQueryExecutionProps{
			QueryString:         jsii.String("SELECT 1"),
			ResultConfiguration: &tasks.ResultConfiguration{EncryptionConfiguration: &tasks.EncryptionConfiguration{EncryptionOption: option}},
			IamOutputBuckets:    jsii.Strings("workgroup-results"),
		})
	}
	glue := func(id string, worker tasks.WorkerType) sfn.IChainable {
		return tasks.NewGlueStartJobRun(stack, jsii.String(id), &tasks.GlueStartJobRunProps{GlueJobName: jsii.String("etl"),
			WorkerConfiguration: &tasks.WorkerConfigurationProperty{WorkerType: worker, NumberOfWorkers: jsii.Number(2)}})
	}
	topic := awssns.Topic_FromTopicArn(stack, jsii.String("Topic"), jsii.String("arn:aws:sns:eu-west-1:111122223333:alerts"))
	sns := func(id string, dt tasks.MessageAttributeDataType) sfn.IChainable {
		return tasks.NewSnsPublish(stack, jsii.String(id), &tasks.SnsPublishProps{Topic: topic, Message: tasks.TaskInput_FromText("hi"),
			MessageAttributes: &map[string]*tasks.MessageAttribute{"n": {Value: "2", DataType: dt}}})
	}
	tpl := machine(t, stack, sfn.Chain_Start(athena("AthenaConst", tasks.EncryptionOption_S3_MANAGED)).
		Next(athena("AthenaAPI", "SSE_S3")).
		Next(athena("AthenaDynamic", tasks.EncryptionOption(*tasks.StringAt("$.encryption")))).
		Next(glue("GlueConst", tasks.WorkerType_G_025X)).
		Next(glue("GlueAPI", "G.2X")).
		Next(glue("GlueDynamic", tasks.WorkerType(*tasks.StringAt("$.worker")))).
		Next(sns("SnsConst", tasks.MessageAttributeDataType_NUMBER)).
		Next(sns("SnsAPI", "Number")))
	encryption := func(name string) any {
		return state(t, tpl, name)["Parameters"].(map[string]any)["ResultConfiguration"].(map[string]any)["EncryptionConfiguration"]
	}
	assert.Equal(t, map[string]any{"EncryptionOption": "SSE_S3"}, encryption("AthenaConst"))
	assert.Equal(t, map[string]any{"EncryptionOption": "SSE_S3"}, encryption("AthenaAPI"))
	assert.Equal(t, map[string]any{"EncryptionOption.$": "$.encryption"}, encryption("AthenaDynamic"))
	worker := func(name string) map[string]any { return state(t, tpl, name)["Parameters"].(map[string]any) }
	assert.Equal(t, "G.025X", worker("GlueConst")["WorkerType"])
	assert.Equal(t, "G.2X", worker("GlueAPI")["WorkerType"])
	assert.Equal(t, "$.worker", worker("GlueDynamic")["WorkerType.$"])
	for _, name := range []string{"SnsConst", "SnsAPI"} {
		assert.Equal(t, map[string]any{"n": map[string]any{"DataType": "Number", "StringValue": "2"}},
			state(t, tpl, name)["Parameters"].(map[string]any)["MessageAttributes"], name)
	}
}

// The family's constructors and helpers take and return what the CDK's do,
// so calls written for awsstepfunctionstasks compile unchanged.
func TestDataHelpersHaveTheCDKSignatures(t *testing.T) {
	pairs := []struct {
		name      string
		cdk, ours any
	}{
		{"NewAthenaStartQueryExecution", cdktasks.NewAthenaStartQueryExecution, tasks.NewAthenaStartQueryExecution},
		{"NewAthenaGetQueryExecution", cdktasks.NewAthenaGetQueryExecution, tasks.NewAthenaGetQueryExecution},
		{"NewAthenaGetQueryResults", cdktasks.NewAthenaGetQueryResults, tasks.NewAthenaGetQueryResults},
		{"NewAthenaStopQueryExecution", cdktasks.NewAthenaStopQueryExecution, tasks.NewAthenaStopQueryExecution},
		{"NewGlueStartJobRun", cdktasks.NewGlueStartJobRun, tasks.NewGlueStartJobRun},
		{"WorkerTypeV2_Of", cdktasks.WorkerTypeV2_Of, tasks.WorkerTypeV2_Of},
		{"WorkerTypeV2_G_1X", cdktasks.WorkerTypeV2_G_1X, tasks.WorkerTypeV2_G_1X},
		{"NewDynamoGetItem", cdktasks.NewDynamoGetItem, tasks.NewDynamoGetItem},
		{"NewDynamoPutItem", cdktasks.NewDynamoPutItem, tasks.NewDynamoPutItem},
		{"NewDynamoUpdateItem", cdktasks.NewDynamoUpdateItem, tasks.NewDynamoUpdateItem},
		{"NewDynamoDeleteItem", cdktasks.NewDynamoDeleteItem, tasks.NewDynamoDeleteItem},
		{"NewDynamoProjectionExpression", cdktasks.NewDynamoProjectionExpression, tasks.NewDynamoProjectionExpression},
		{"DynamoAttributeValue_FromString", cdktasks.DynamoAttributeValue_FromString, tasks.DynamoAttributeValue_FromString},
		{"DynamoAttributeValue_FromNumber", cdktasks.DynamoAttributeValue_FromNumber, tasks.DynamoAttributeValue_FromNumber},
		{"DynamoAttributeValue_NumberFromString", cdktasks.DynamoAttributeValue_NumberFromString, tasks.DynamoAttributeValue_NumberFromString},
		{"DynamoAttributeValue_FromBinary", cdktasks.DynamoAttributeValue_FromBinary, tasks.DynamoAttributeValue_FromBinary},
		{"DynamoAttributeValue_FromStringSet", cdktasks.DynamoAttributeValue_FromStringSet, tasks.DynamoAttributeValue_FromStringSet},
		{"DynamoAttributeValue_FromNumberSet", cdktasks.DynamoAttributeValue_FromNumberSet, tasks.DynamoAttributeValue_FromNumberSet},
		{"DynamoAttributeValue_NumberSetFromStrings", cdktasks.DynamoAttributeValue_NumberSetFromStrings, tasks.DynamoAttributeValue_NumberSetFromStrings},
		{"DynamoAttributeValue_FromBinarySet", cdktasks.DynamoAttributeValue_FromBinarySet, tasks.DynamoAttributeValue_FromBinarySet},
		{"DynamoAttributeValue_FromMap", cdktasks.DynamoAttributeValue_FromMap, tasks.DynamoAttributeValue_FromMap},
		{"DynamoAttributeValue_MapFromJsonPath", cdktasks.DynamoAttributeValue_MapFromJsonPath, tasks.DynamoAttributeValue_MapFromJsonPath},
		{"DynamoAttributeValue_MapFromJsonata", cdktasks.DynamoAttributeValue_MapFromJsonata, tasks.DynamoAttributeValue_MapFromJsonata},
		{"DynamoAttributeValue_FromList", cdktasks.DynamoAttributeValue_FromList, tasks.DynamoAttributeValue_FromList},
		{"DynamoAttributeValue_ListFromJsonPath", cdktasks.DynamoAttributeValue_ListFromJsonPath, tasks.DynamoAttributeValue_ListFromJsonPath},
		{"DynamoAttributeValue_ListFromJsonata", cdktasks.DynamoAttributeValue_ListFromJsonata, tasks.DynamoAttributeValue_ListFromJsonata},
		{"DynamoAttributeValue_FromNull", cdktasks.DynamoAttributeValue_FromNull, tasks.DynamoAttributeValue_FromNull},
		{"DynamoAttributeValue_FromBoolean", cdktasks.DynamoAttributeValue_FromBoolean, tasks.DynamoAttributeValue_FromBoolean},
		{"DynamoAttributeValue_BooleanFromJsonPath", cdktasks.DynamoAttributeValue_BooleanFromJsonPath, tasks.DynamoAttributeValue_BooleanFromJsonPath},
		{"DynamoAttributeValue_BooleanFromJsonata", cdktasks.DynamoAttributeValue_BooleanFromJsonata, tasks.DynamoAttributeValue_BooleanFromJsonata},
		{"NewSnsPublish", cdktasks.NewSnsPublish, tasks.NewSnsPublish},
		{"NewSqsSendMessage", cdktasks.NewSqsSendMessage, tasks.NewSqsSendMessage},
		{"NewEventBridgePutEvents", cdktasks.NewEventBridgePutEvents, tasks.NewEventBridgePutEvents},
		{"NewCallAwsService", cdktasks.NewCallAwsService, tasks.NewCallAwsService},
	}
	for _, p := range pairs {
		cdk, ours := reflect.TypeOf(p.cdk), reflect.TypeOf(p.ours)
		var problems []string
		if cdk.NumIn() != ours.NumIn() || cdk.NumOut() != ours.NumOut() {
			t.Errorf("%s: CDK %v, sfnkit %v", p.name, cdk, ours)
			continue
		}
		for i := 0; i < cdk.NumIn(); i++ {
			sameShape(cdk.In(i), ours.In(i), fmt.Sprintf("%s(arg %d)", p.name, i), map[reflect.Type]bool{}, &problems)
		}
		for i := 0; i < cdk.NumOut(); i++ {
			if c, o := cdk.Out(i), ours.Out(i); c.Kind() == reflect.Interface && o.Kind() == reflect.Interface {
				// A class: ours is its namesake (the type test compares structs only).
				if c.Name() != o.Name() {
					problems = append(problems, fmt.Sprintf("%s returns %v, the CDK %v", p.name, o, c))
				}
				continue
			}
			sameShape(cdk.Out(i), ours.Out(i), p.name+" result", map[reflect.Type]bool{}, &problems)
		}
		for _, pr := range problems {
			t.Error(pr)
		}
	}
	// The CDK's attribute values are ours too (the interface has the class's methods).
	var _ tasks.DynamoAttributeValue = cdktasks.DynamoAttributeValue_FromString(jsii.String("x"))
}
