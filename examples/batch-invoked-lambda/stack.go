// Package batchinvokedlambda is a stack that runs a Lambda-style handler as
// an AWS Batch job with sfnkit's fragments.NewBatchInvokedLambdaFunction: the
// event goes to S3, the container reads it through the AWS_LAMBDA_*
// variables, writes its response to S3, and the state machine's output is
// that response.
// The job queue, the job's role and the exchange bucket are made here; the
// state machine's role holds exactly the fragment's statements: S3 on the
// bucket's jobs/echo/ prefix, Batch on this queue and the echo-* job
// definitions it registers per execution, iam:PassRole on the job role to
// Batch only, and the rule Batch's .sync needs.
//
// The CDK app is ./app (cdk.json runs it for `cdk synth`); the tests are in
// examples/, one test package for all the examples.
package batchinvokedlambda

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsbatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"

	"github.com/sfnkit/sfnkit/fragments"
)

// keyPrefix is where the requests and responses of the handler go.
const keyPrefix = "jobs/echo"

// BatchInvoked is the stack and what the tests look at.
type BatchInvoked struct {
	Stack        awscdk.Stack
	StateMachine sfn.StateMachine
	Bucket       awss3.Bucket
	Queue        awsbatch.JobQueue
	JobRole      awsiam.Role
}

// NewBatchInvoked builds the stack.
func NewBatchInvoked(scope constructs.Construct, id string, props *awscdk.StackProps) *BatchInvoked {
	stack := awscdk.NewStack(scope, jsii.String(id), props)
	bucket := awss3.NewBucket(stack, jsii.String("Exchange"), &awss3.BucketProps{
		EnforceSSL: jsii.Bool(true), BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		RemovalPolicy: awscdk.RemovalPolicy_DESTROY, AutoDeleteObjects: jsii.Bool(false),
	})
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(1), NatGateways: jsii.Number(0),
		SubnetConfiguration: &[]*awsec2.SubnetConfiguration{{Name: jsii.String("public"), SubnetType: awsec2.SubnetType_PUBLIC}}})
	compute := awsbatch.NewFargateComputeEnvironment(stack, jsii.String("Compute"), &awsbatch.FargateComputeEnvironmentProps{
		Vpc: vpc, VpcSubnets: &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},
	})
	queue := awsbatch.NewJobQueue(stack, jsii.String("Queue"), &awsbatch.JobQueueProps{
		ComputeEnvironments: &[]*awsbatch.OrderedComputeEnvironment{{ComputeEnvironment: compute, Order: jsii.Number(1)}},
	})

	// The container reads the request and writes the response, under the
	// prefix only.
	jobRole := awsiam.NewRole(stack, jsii.String("JobRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("ecs-tasks.amazonaws.com"), nil),
	})
	jobRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("s3:GetObject", "s3:PutObject"),
		Resources: jsii.Strings(*bucket.ArnForObjects(jsii.String(keyPrefix + "/*"))),
	}))

	echo := fragments.NewBatchInvokedLambdaFunction(stack, jsii.String("Echo"), &fragments.BatchInvokedLambdaFunctionProps{
		BatchJobProps: fragments.BatchJobProps{
			JobQueueArn: queue.JobQueueArn(), Bucket: bucket.BucketName(), KeyPrefix: jsii.String(keyPrefix),
			Image: jsii.String("public.ecr.aws/lambda/python:3.12"), JobRoleArn: jobRole.RoleArn(),
			Memory: 2048, Vcpus: 1, PlatformCapabilities: jsii.Strings("FARGATE"),
		},
		Name: jsii.String("echo"), Handler: jsii.String("handlers.echo.handler"),
	})
	machine := echo.ToStateMachine(jsii.String("batch-invoked-lambda"), nil)
	suppressWildcards(stack, jobRole, bucket)
	return &BatchInvoked{Stack: stack, StateMachine: machine, Bucket: bucket, Queue: queue, JobRole: jobRole}
}

// suppressWildcards records, for cdk-nag, why the job role's own wildcard
// (written above, not by sfnkit) is the narrowest AWS allows. The state
// machine's role needs none here: sfnkit attaches the reason for each of
// its unavoidable wildcards itself.
func suppressWildcards(stack awscdk.Stack, jobRole awsiam.Role, bucket awss3.Bucket) {
	bucketID := *stack.GetLogicalId(bucket.Node().DefaultChild().(awscdk.CfnElement))
	objects := "Resource::<" + bucketID + ".Arn>/" + keyPrefix + "/*"
	cdknag.NagSuppressions_AddResourceSuppressions(jobRole, &[]*cdknag.NagPackSuppression{{
		Id:        jsii.String("AwsSolutions-IAM5"),
		Reason:    jsii.String("each execution writes its own keys (<execution name>/<uuid>/request.json|response.json); scoped to the " + keyPrefix + "/ prefix"),
		AppliesTo: &[]interface{}{objects},
	}}, jsii.Bool(true))
}
