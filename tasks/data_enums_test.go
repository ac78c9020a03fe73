package tasks_test

import (
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
