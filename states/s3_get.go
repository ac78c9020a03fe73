package states

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/tasks"
)

// GetObjectProps say which S3 object to read, and where its body goes.
type GetObjectProps struct {
	// Bucket name: literal or dynamic (see PutObjectProps.Bucket).
	Bucket *string
	// Key of the object: literal or dynamic (see PutObjectProps.Key).
	Key *string
	// IamBuckets: see PutObjectProps.IamBuckets.
	IamBuckets *[]*string
	// ResultPath is where the result goes (default "$"): {"Body": "<text>"}
	// for GetObject, the parsed JSON for GetPayload.
	ResultPath *string
	// OutputPath selects the output, after ResultPath (default "$").
	OutputPath *string
}

// NewGetObject reads s3://Bucket/Key: one Task "<id> GetObject"
// (aws-sdk:s3:getObject) whose result is {"Body": "<the object as text>"}
// at ResultPath. The body passes through the state data, which Step
// Functions limits to 256 KiB. Retried on S3.S3Exception (3 s, 5 attempts,
// backoff 2, full jitter). IAM: s3:GetObject on the object ARNs.
func NewGetObject(scope constructs.Construct, id *string, props *GetObjectProps) tasks.Task {
	if props == nil {
		props = &GetObjectProps{}
	}
	b := newBuilder("GetObject", scope, id)
	obj := b.s3Object(props.Bucket, props.Key, props.IamBuckets, nil)
	rp := b.resultPath(props.ResultPath, "$", true)
	op := b.path("OutputPath", props.OutputPath)
	b.done()
	return b.getObject("GetObject", obj, map[string]interface{}{"Body": tasks.Path("$.Body")}, rp, op)
}

// NewGetPayload reads a JSON object written by NewPutPayload (or anyone)
// and puts the parsed JSON itself at ResultPath. Two states:
//
//	Task "<id> GetPayload"        aws-sdk:s3:getObject, States.StringToJson of the Body
//	Pass "<id> GetPayload Post"   unwraps it, then OutputPath
//
// Retries and IAM as NewGetObject.
func NewGetPayload(scope constructs.Construct, id *string, props *GetObjectProps) sfn.Chain {
	if props == nil {
		props = &GetObjectProps{}
	}
	b := newBuilder("GetPayload", scope, id)
	obj := b.s3Object(props.Bucket, props.Key, props.IamBuckets, nil)
	rp := b.resultPath(props.ResultPath, "$", false)
	op := b.path("OutputPath", props.OutputPath)
	b.done()
	get := b.getObject("GetPayload", obj, map[string]interface{}{"Payload": tasks.Intrinsic("States.StringToJson($.Body)")}, rp, "$")
	post := b.pass("GetPayload Post", passState{InputPath: Ref(rp).Join("Payload").String(), ResultPath: rp, OutputPath: op})
	return get.Next(post)
}

// getObject is the getObject Task, its result selected at rp.
func (b *builder) getObject(role string, obj s3Object, selector map[string]interface{}, rp, op string) tasks.Task {
	params := map[string]interface{}{"Bucket": obj.bucket, "Key": obj.key}
	get := tasks.NewCallAwsService(b.scope, b.name(role), &tasks.CallAwsServiceProps{
		Service: jsii.String("s3"), Action: jsii.String("getObject"), Parameters: &params,
		IamResources: &obj.arns, ResultSelector: &selector, ResultPath: optional(rp, "$"), OutputPath: optional(op, "$"),
	})
	retry(get, s3Error, s3Attempts)
	return get
}
