package tasks_test

import (
	"math"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// One regression case per class of crash the props fuzzer found (issue 17):
// each is a ValidationError naming the field, and the jsii runtime stays
// usable afterwards.
func TestMistakesAreValidationErrorsNotCrashes(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	cases := []struct {
		name, want string
		build      func(stack awscdk.Stack)
	}{
		{"NaN in ResultSelector", "ResultSelector: n: NaN is not a number JSON can carry", func(s awscdk.Stack) {
			tasks.NewLambdaInvoke(s, jsii.String("T"), &tasks.LambdaInvokeProps{LambdaFunction: function(s, "fn"),
				ResultSelector: &map[string]interface{}{"n": nan}})
		}},
		{"+Inf in a CustomTask's state JSON", "StateJson.Parameters.Size: +Inf is not a number JSON can carry", func(s awscdk.Stack) {
			tasks.NewCustomTask(s, jsii.String("T"), &tasks.CustomTaskProps{StateJson: &map[string]interface{}{
				"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": map[string]interface{}{"Size": inf}}})
		}},
		{"Inf capacity provider weight", "Weight", func(s awscdk.Stack) {
			f := newEcsFixture()
			tasks.NewEcsRunTask(f.stack, jsii.String("T"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{
					PlatformVersion: awsecs.FargatePlatformVersion_LATEST,
					CapacityProviderOptions: tasks.CapacityProviderOptions_Custom(&[]*awsecs.CapacityProviderStrategy{
						{CapacityProvider: jsii.String("FARGATE"), Weight: &inf}}),
				})})
		}},
		{"a nil launch target", "LaunchTarget", func(s awscdk.Stack) {
			f := newEcsFixture()
			tasks.NewEcsRunTask(f.stack, jsii.String("T"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD})
		}},
		{"a nil security group", "SecurityGroups[0]", func(s awscdk.Stack) {
			f := newEcsFixture()
			tasks.NewEcsRunTask(f.stack, jsii.String("T"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget:   tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_LATEST}),
				SecurityGroups: &[]awsec2.ISecurityGroup{nil}})
		}},
		{"a subnet type that does not exist", "SubnetType \"BOGUS\" is not an awsec2.SubnetType", func(s awscdk.Stack) {
			f := newEcsFixture()
			tasks.NewEcsRunTask(f.stack, jsii.String("T"), &tasks.EcsRunTaskProps{Cluster: f.cluster, TaskDefinition: f.fgTD,
				LaunchTarget: tasks.NewEcsFargateLaunchTarget(&tasks.EcsFargateLaunchTargetOptions{PlatformVersion: awsecs.FargatePlatformVersion_LATEST}),
				Subnets:      &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType("BOGUS")}})
		}},
		{"an SQS delay that is not whole seconds", "Delay", func(s awscdk.Stack) {
			tasks.NewSqsSendMessage(s, jsii.String("T"), &tasks.SqsSendMessageProps{Queue: awssqs.NewQueue(s, jsii.String("Q"), nil),
				MessageBody: sfn.TaskInput_FromText(jsii.String("hi")), Delay: awscdk.Duration_Millis(jsii.Number(1500))})
		}},
		{"a transform payload that is not whole MB", "MaxPayload", func(s awscdk.Stack) {
			p := transformProps(jsii.String("job"), "")
			p.MaxPayload = awscdk.Size_Kibibytes(jsii.Number(1536))
			tasks.NewSageMakerCreateTransformJob(s, jsii.String("T"), p)
		}},
		{"a nil production variant", "ProductionVariants[0]", func(s awscdk.Stack) {
			tasks.NewSageMakerCreateEndpointConfig(s, jsii.String("T"), &tasks.SageMakerCreateEndpointConfigProps{
				EndpointConfigName: jsii.String("cfg"), ProductionVariants: &[]*tasks.ProductionVariant{nil}})
		}},
		{"S3Location_FromBucket(nil, nil)", "S3OutputLocation", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("job"), "")
			p.OutputDataConfig = &tasks.OutputDataConfig{S3OutputLocation: tasks.S3Location_FromBucket(nil, nil)}
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("T"), p)
		}},
		{"DockerImage_FromEcrRepository(nil, nil)", "TrainingImage", func(s awscdk.Stack) {
			p := trainingProps(s, jsii.String("job"), "")
			p.AlgorithmSpecification = &tasks.AlgorithmSpecification{TrainingImage: tasks.DockerImage_FromEcrRepository(nil, nil)}
			tasks.NewSageMakerCreateTrainingJob(s, jsii.String("T"), p)
		}},
		{"Lit(nil) where a value is required", "LambdaFunction", func(s awscdk.Stack) {
			tasks.NewLambdaInvoke(s, jsii.String("T"), &tasks.LambdaInvokeProps{Payload: tasks.TaskInput_FromValue(tasks.Lit(nil))})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := validationError(t, func() { c.build(cdktest.NewStack()) })
			assert.Contains(t, msg, c.want)
		})
	}
	// jsii is still alive: a CDK call after all of the above works.
	assert.NotNil(t, cdktest.NewStack().StackName())
}
