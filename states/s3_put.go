package states

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
	"github.com/sfnkit/sfnkit/tasks"
)

// PutObjectProps say what to write to S3, and where the location goes.
type PutObjectProps struct {
	// Bucket name: a literal, bucket.BucketName(), or dynamic
	// (tasks.StringAt("$.bucket"), states.Ref("$.bucket").StringAt()).
	Bucket *string
	// Key of the object: a literal or dynamic. IAM is granted on exactly
	// that key, on "<prefix>*" for a States.Format with a literal prefix,
	// and on every key of the bucket otherwise.
	Key *string
	// Body to write: any literal (a string is written as is, an object or
	// list as JSON) or dynamic value (tasks.Path, states.Ref...).
	Body interface{}
	// IamBuckets are the buckets a run-time Bucket may name, for IAM.
	// Required when Bucket is dynamic; ["*"] allows every bucket.
	IamBuckets *[]*string
	// ResultPath is where {"Bucket", "Key"} of the written object go:
	// "$" (the default) replaces the input, tasks.Discard keeps the input
	// as it was (and the sequence is the one putObject state).
	ResultPath *string
	// OutputPath selects the output, after ResultPath (default "$").
	OutputPath *string
}

// NewPutObject writes Body to s3://Bucket/Key. Three states:
//
//	Pass "<id> PutObject Prep"   evaluates Bucket, Key and Body once, at ResultPath
//	Task "<id> PutObject"        aws-sdk:s3:putObject, result discarded
//	Pass "<id> PutObject Post"   {Bucket, Key} at ResultPath, then OutputPath
//
// so a generated key (States.UUID()) is the same in the call and in the
// result. The Prep copies Body into the state data: mind the 256 KiB limit.
// The call is retried on S3.S3Exception (3 s, 5 attempts, backoff 2, full
// jitter). IAM: s3:PutObject on the object ARNs (see Key and IamBuckets).
func NewPutObject(scope constructs.Construct, id *string, props *PutObjectProps) sfn.Chain {
	if props == nil {
		props = &PutObjectProps{}
	}
	b := newBuilder("PutObject", scope, id)
	body := b.required("Body", props.Body, "what to write (a literal, or tasks.Path/states.Ref for part of the state)")
	return b.putObject("PutObject", b.s3Object(props.Bucket, props.Key, props.IamBuckets, nil), body, props.ResultPath, props.OutputPath)
}

// PutPayloadProps say which part of the state to store in S3.
type PutPayloadProps struct {
	// Payload to store as JSON: usually dynamic (states.Ref("$"),
	// tasks.Path("$.request")), or any literal.
	Payload interface{}
	// Bucket name: literal or dynamic (see PutObjectProps.Bucket).
	Bucket *string
	// Key of the object; by default
	// States.Format('{}/{}', $$.Execution.Name, States.UUID()).
	Key *string
	// IamBuckets: see PutObjectProps.IamBuckets.
	IamBuckets *[]*string
	// ResultPath and OutputPath: see PutObjectProps.
	ResultPath *string
	OutputPath *string
}

// DefaultPayloadKey is the key PutPayload writes to when none is given: one
// object per execution and call.
const DefaultPayloadKey = "States.Format('{}/{}', $$.Execution.Name, States.UUID())"

// NewPutPayload stores Payload as JSON in S3 and returns its location
// {"Bucket", "Key"} at ResultPath: the states of NewPutObject, named
// "<id> PutPayload Prep", "<id> PutPayload", "<id> PutPayload Post".
// Read it back with NewGetPayload.
func NewPutPayload(scope constructs.Construct, id *string, props *PutPayloadProps) sfn.Chain {
	if props == nil {
		props = &PutPayloadProps{}
	}
	b := newBuilder("PutPayload", scope, id)
	payload := b.required("Payload", props.Payload, "what to store (states.Ref(\"$\") for the whole input)")
	return b.putObject("PutPayload", b.s3Object(props.Bucket, props.Key, props.IamBuckets, value.Dyn(DefaultPayloadKey)), payload, props.ResultPath, props.OutputPath)
}

func (b *builder) putObject(role string, obj s3Object, body *value.Value, resultPath, outputPath *string) sfn.Chain {
	rp := b.resultPath(resultPath, "$", true)
	op := b.path("OutputPath", outputPath)
	b.done()

	call := func(params map[string]interface{}, inputPath, outputPath *string) tasks.Task {
		put := tasks.NewCallAwsService(b.scope, b.name(role), &tasks.CallAwsServiceProps{
			Service: jsii.String("s3"), Action: jsii.String("putObject"), Parameters: &params,
			IamResources: &obj.arns, InputPath: inputPath, ResultPath: jsii.String(tasks.Discard), OutputPath: outputPath,
		})
		retry(put, s3Error, s3Attempts)
		return put
	}
	if rp == tasks.Discard {
		// One state: nothing to evaluate once. (sfn.Chain_Start makes it a
		// CDK state, so a fragments.Workflow holding it renders through the CDK.)
		return sfn.Chain_Start(call(map[string]interface{}{"Bucket": obj.bucket, "Key": obj.key, "Body": body}, nil, optional(op, "$")))
	}
	prep := b.pass(role+" Prep", passState{
		Parameters: map[string]*value.Value{"Bucket": obj.bucket, "Key": obj.key, "Body": body},
		ResultPath: rp,
	})
	put := call(map[string]interface{}{"Bucket": tasks.Path("$.Bucket"), "Key": tasks.Path("$.Key"), "Body": tasks.Path("$.Body")},
		optional(rp, "$"), nil)
	post := b.pass(role+" Post", passState{
		InputPath:  rp,
		Parameters: map[string]*value.Value{"Bucket": value.Dyn("$.Bucket"), "Key": value.Dyn("$.Key")},
		ResultPath: rp,
		OutputPath: op,
	})
	return prep.Next(put).Next(post)
}
