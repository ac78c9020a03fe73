package engine_test

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/internal/engine"
)

// toCDKProps copies sfnkit's twin props into the CDK's, field by field:
// the two structs have the same field names and types.
func toCDKProps(p *engine.DistributedMapProps) *sfn.DistributedMapProps {
	out := &sfn.DistributedMapProps{}
	src, dst := reflect.ValueOf(p).Elem(), reflect.ValueOf(out).Elem()
	for i := 0; i < dst.NumField(); i++ {
		dst.Field(i).Set(src.FieldByName(dst.Type().Field(i).Name))
	}
	return out
}

// dmBuild builds a workflow around one Distributed Map made by newMap.
type dmBuild func(m makers, newMap func(id string, p *engine.DistributedMapProps) sfn.DistributedMap) sfn.IChainable

// dmThreeWays synthesizes the workflow with the CDK's own DistributedMap,
// with sfnkit's given to the CDK, and held in Go. The definitions are the
// same all three ways; sfnkit's two have the same permissions. It returns
// the Go template.
func dmThreeWays(t *testing.T, newStack func() awscdk.Stack, build dmBuild, wantInGo bool) map[string]any {
	t.Helper()
	cdkStack, viaCDK, goStack := newStack(), newStack(), newStack()
	sfn.NewStateMachine(cdkStack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		build(cdkMakers(cdkStack), func(id string, p *engine.DistributedMapProps) sfn.DistributedMap {
			return sfn.NewDistributedMap(cdkStack, jsii.String(id), toCDKProps(p))
		}))})
	sfn.NewStateMachine(viaCDK, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(
		build(cdkMakers(viaCDK), func(id string, p *engine.DistributedMapProps) sfn.DistributedMap {
			return engine.NewDistributedMap(viaCDK, jsii.String(id), p)
		}))})
	flow := engine.NewScope(goStack, jsii.String("Flow"))
	engine.NewStateMachine(goStack, jsii.String("Machine"), build(goMakers(goStack, flow), func(id string, p *engine.DistributedMapProps) sfn.DistributedMap {
		return engine.NewDistributedMap(flow, jsii.String(id), p)
	}), nil)
	cdk, mid, inGo := cdktest.Template(t, cdkStack), cdktest.Template(t, viaCDK), cdktest.Template(t, goStack)
	assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, inGo))
	assert.Equal(t, cdktest.Definition(t, cdk), cdktest.Definition(t, mid))
	assert.Equal(t, grants(t, mid), grants(t, inGo))
	_, plain := definitionString(inGo).(string)
	assert.Equal(t, wantInGo, plain, "rendered in Go")
	return inGo
}

// logicalID is the logical ID of the one resource of type in tpl.
func logicalID(t *testing.T, tpl map[string]any, typ string) string {
	t.Helper()
	var ids []string
	for id, r := range tpl["Resources"].(map[string]any) {
		if r.(map[string]any)["Type"] == typ {
			ids = append(ids, id)
		}
	}
	require.Len(t, ids, 1, "resources of type %s", typ)
	return ids[0]
}

// dataGrants are the grants of a template that are not the state machine's
// own child-execution grants (states:*).
func dataGrants(t *testing.T, tpl map[string]any) []string {
	var out []string
	for _, g := range grants(t, tpl) {
		if !strings.HasPrefix(g, "states:") && !strings.HasPrefix(g, "lambda:") {
			out = append(out, g)
		}
	}
	return out
}

// A Distributed Map with every field the Go renderer writes — reader,
// writer, batcher, tolerated failures, label, item selector, retries and
// catches — renders the same held in Go, given to the CDK, and as the
// CDK's own DistributedMap; the state machine gets the CDK's
// DistributedMapPolicy for its child executions either way.
func TestDistributedMapInGo(t *testing.T) {
	inGo := dmThreeWays(t, cdktest.NewStack, func(m makers, newMap func(string, *engine.DistributedMapProps) sfn.DistributedMap) sfn.IChainable {
		bucket := awss3.Bucket_FromBucketName(m.stack, jsii.String("Data"), jsii.String("data-bucket"))
		spread := newMap("Spread", &engine.DistributedMapProps{
			ItemReader:   sfn.NewS3CsvItemReader(&sfn.S3CsvItemReaderProps{Bucket: bucket, Key: jsii.String("in/items.csv"), MaxItems: jsii.Number(100)}),
			ResultWriter: sfn.NewResultWriter(&sfn.ResultWriterProps{Bucket: bucket, Prefix: jsii.String("out")}),
			ItemBatcher:  sfn.NewItemBatcher(&sfn.ItemBatcherProps{MaxItemsPerBatch: jsii.Number(10), BatchInput: &map[string]interface{}{"run.$": "$$.Execution.Name"}}),
			ItemSelector: &map[string]interface{}{"row.$": "$$.Map.Item.Value"}, MaxConcurrency: jsii.Number(50),
			ToleratedFailurePercentage: jsii.Number(5), ToleratedFailureCountPath: jsii.String("$.maxFailures"),
			Label: jsii.String("rows"), MapExecutionType: sfn.StateMachineType_EXPRESS, ResultPath: jsii.String("$.run"),
		})
		spread.ItemProcessor(m.invoke("Row").Next(m.pass("Shape", nil)), nil)
		spread.AddRetry(&sfn.RetryProps{Errors: jsii.Strings("States.ItemReaderFailed"), MaxAttempts: jsii.Number(1)})
		spread.AddCatch(m.invoke("Alert"), nil)
		return m.invoke("Start").Next(spread).Next(m.invoke("Finish"))
	}, true)
	policies := cdktest.Resources(inGo, "AWS::IAM::Policy")
	var names []string
	for id := range policies {
		names = append(names, id)
	}
	sort.Strings(names)
	require.Len(t, names, 2)
	assert.Contains(t, names[0], "MachineDistributedMapPolicy")
	all := strings.Join(grants(t, inGo), "\n")
	assert.Contains(t, all, "states:StartExecution ${Machine")
	assert.Contains(t, all, "states:RedriveExecution arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:")
	assert.Contains(t, all, "/rows:*")
}

// Anything the CDK reports or warns about at synth hands the workflow to
// the CDK, with the same result (an unlabeled map redrives every label).
func TestDistributedMapFallsBack(t *testing.T) {
	dmThreeWays(t, cdktest.NewStack, func(m makers, newMap func(string, *engine.DistributedMapProps) sfn.DistributedMap) sfn.IChainable {
		spread := newMap("Spread", &engine.DistributedMapProps{ItemsPath: jsii.String("$.items"), Assign: &map[string]interface{}{"n": 1}})
		return m.invoke("Start").Next(spread.ItemProcessor(m.invoke("Each"), nil))
	}, false)
}

// withWriterV2 is a stack whose app selects ResultWriterV2.
func withWriterV2() awscdk.Stack {
	app := awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false),
		Context: &map[string]interface{}{"@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2": true}})
	return awscdk.NewStack(app, jsii.String("Test"), cdktest.StackProps())
}

// The exact statements for each reader and writer kind, with a plain
// bucket and one encrypted with a customer managed key: what the map's
// reader and writer need, nothing bucket-wide, KMS when the key is the
// customer's. Both sfnkit paths agree; the CDK's own DistributedMap
// renders the same definition.
func TestDistributedMapIAM(t *testing.T) {
	type bucketKind int
	const (
		plain bucketKind = iota
		encrypted
	)
	tests := []struct {
		name   string
		bucket bucketKind
		v2     bool
		props  func(b awss3.IBucket) *engine.DistributedMapProps
		want   []string // with B for the bucket name, K for the key ARN
	}{
		{"objects", plain, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3ObjectsItemReader(&sfn.S3ObjectsItemReaderProps{Bucket: b, Prefix: jsii.String("in/")})}
		}, []string{`s3:ListBucket arn:${AWS::Partition}:s3:::B {"StringEquals":{"s3:prefix":"in/"}}`}},
		{"objects, encrypted", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3ObjectsItemReader(&sfn.S3ObjectsItemReaderProps{Bucket: b,
				Prefix: sfn.JsonPath_Format(jsii.String("in/{}/"), sfn.JsonPath_StringAt(jsii.String("$.day")))})}
		}, []string{`s3:ListBucket arn:${AWS::Partition}:s3:::B {"StringLike":{"s3:prefix":"in/*"}}`}},
		{"JSON", plain, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{Bucket: b, Key: jsii.String("items.json")})}
		}, []string{"s3:GetObject arn:${AWS::Partition}:s3:::B/items.json"}},
		{"JSON, encrypted", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{Bucket: b, Key: jsii.String("items.json")})}
		}, []string{"kms:Decrypt K", "s3:GetObject arn:${AWS::Partition}:s3:::B/items.json"}},
		{"JSON Lines, dynamic key", plain, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3JsonLItemReader(&sfn.S3FileItemReaderProps{Bucket: b, Key: sfn.JsonPath_StringAt(jsii.String("$.key"))})}
		}, []string{"s3:GetObject arn:${AWS::Partition}:s3:::B/*"}},
		{"JSON Lines, encrypted", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3JsonLItemReader(&sfn.S3FileItemReaderProps{Bucket: b, Key: jsii.String("lines.jsonl")})}
		}, []string{"kms:Decrypt K", "s3:GetObject arn:${AWS::Partition}:s3:::B/lines.jsonl"}},
		{"CSV", plain, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3CsvItemReader(&sfn.S3CsvItemReaderProps{Bucket: b, Key: jsii.String("rows.csv"),
				CsvHeaders: sfn.CsvHeaders_Use(jsii.Strings("id", "name")), CsvDelimiter: sfn.CsvDelimiter_SEMICOLON})}
		}, []string{"s3:GetObject arn:${AWS::Partition}:s3:::B/rows.csv"}},
		{"CSV, encrypted, States.Format key", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3CsvItemReader(&sfn.S3CsvItemReaderProps{Bucket: b,
				Key: sfn.JsonPath_Format(jsii.String("daily/{}.csv"), sfn.JsonPath_StringAt(jsii.String("$.day")))})}
		}, []string{"kms:Decrypt K", "s3:GetObject arn:${AWS::Partition}:s3:::B/daily/*"}},
		{"inventory manifest", plain, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3ManifestItemReader(&sfn.S3FileItemReaderProps{Bucket: b,
				Key: jsii.String("inventory/source/daily/2024-01-16T00-00Z/manifest.json")})}
		}, []string{"s3:GetObject arn:${AWS::Partition}:s3:::B/inventory/source/daily/2024-01-16T00-00Z/manifest.json",
			"s3:GetObject arn:${AWS::Partition}:s3:::B/inventory/source/daily/data/*"}},
		{"inventory manifest, encrypted", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3ManifestItemReader(&sfn.S3FileItemReaderProps{Bucket: b,
				Key: jsii.String("source/daily/2024-01-16T00-00Z/manifest.json")})}
		}, []string{"kms:Decrypt K", "s3:GetObject arn:${AWS::Partition}:s3:::B/source/daily/2024-01-16T00-00Z/manifest.json",
			"s3:GetObject arn:${AWS::Partition}:s3:::B/source/daily/data/*"}},
		{"run-time bucket", plain, false, func(awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{
				BucketNamePath: sfn.JsonPath_StringAt(jsii.String("$.bucket")), Key: jsii.String("items.json")}),
				IamBuckets: jsii.Strings("inbox-a", "inbox-b")}
		}, []string{"s3:GetObject arn:${AWS::Partition}:s3:::inbox-a/items.json", "s3:GetObject arn:${AWS::Partition}:s3:::inbox-b/items.json"}},
		{"writer", plain, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemsPath: jsii.String("$.items"), ResultWriter: sfn.NewResultWriter(&sfn.ResultWriterProps{Bucket: b, Prefix: jsii.String("results")})}
		}, writes("arn:${AWS::Partition}:s3:::B/results/*")},
		{"writer, encrypted", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemsPath: jsii.String("$.items"), ResultWriter: sfn.NewResultWriter(&sfn.ResultWriterProps{Bucket: b, Prefix: jsii.String("results")})}
		}, append([]string{"kms:Decrypt K", "kms:Encrypt K", "kms:GenerateDataKey K"}, writes("arn:${AWS::Partition}:s3:::B/results/*")...)},
		{"writer V2", plain, true, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemsPath: jsii.String("$.items"), ResultWriterV2: sfn.NewResultWriterV2(&sfn.ResultWriterV2Props{Bucket: b, Prefix: jsii.String("v2"),
				WriterConfig: sfn.NewWriterConfig(&sfn.WriterConfigProps{OutputType: sfn.OutputType_JSONL, Transformation: sfn.Transformation_COMPACT})})}
		}, writes("arn:${AWS::Partition}:s3:::B/v2/*")},
		{"writer V2, encrypted, no prefix", encrypted, true, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemsPath: jsii.String("$.items"), ResultWriterV2: sfn.NewResultWriterV2(&sfn.ResultWriterV2Props{Bucket: b})}
		}, append([]string{"kms:Decrypt K", "kms:Encrypt K", "kms:GenerateDataKey K"}, writes("arn:${AWS::Partition}:s3:::B/*")...)},
		{"reader and writer, encrypted", encrypted, false, func(b awss3.IBucket) *engine.DistributedMapProps {
			return &engine.DistributedMapProps{ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{Bucket: b, Key: jsii.String("in.json")}),
				ResultWriter: sfn.NewResultWriter(&sfn.ResultWriterProps{Bucket: b, Prefix: jsii.String("out/")})}
		}, append([]string{"kms:Decrypt K", "kms:Encrypt K", "kms:GenerateDataKey K", "s3:GetObject arn:${AWS::Partition}:s3:::B/in.json"},
			writes("arn:${AWS::Partition}:s3:::B/out/*")...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			newStack := cdktest.NewStack
			if tc.v2 {
				newStack = withWriterV2
			}
			inGo := dmThreeWays(t, newStack, func(m makers, newMap func(string, *engine.DistributedMapProps) sfn.DistributedMap) sfn.IChainable {
				var b awss3.IBucket
				if tc.bucket == encrypted {
					b = awss3.NewBucket(m.stack, jsii.String("Data"), &awss3.BucketProps{Encryption: awss3.BucketEncryption_KMS})
				} else {
					b = awss3.Bucket_FromBucketName(m.stack, jsii.String("Data"), jsii.String("data-bucket"))
				}
				return newMap("Spread", tc.props(b)).ItemProcessor(m.pass("Each", nil), nil)
			}, true)
			bucketName, key := "data-bucket", ""
			if tc.bucket == encrypted {
				bucketName = "${" + logicalID(t, inGo, "AWS::S3::Bucket") + "}"
				key = "${" + logicalID(t, inGo, "AWS::KMS::Key") + ".Arn}"
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, strings.ReplaceAll(strings.ReplaceAll(w, ":::B", ":::"+bucketName), " K", " "+key))
			}
			sort.Strings(want)
			assert.Equal(t, want, dataGrants(t, inGo))
		})
	}
}

func writes(resource string) []string {
	var out []string
	for _, a := range []string{"s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"} {
		out = append(out, a+" "+resource)
	}
	return out
}

// A bucket decided at run time needs IamBuckets, and IamBuckets needs one.
func TestDistributedMapErrors(t *testing.T) {
	stack := cdktest.NewStack()
	for name, props := range map[string]*engine.DistributedMapProps{
		"no IamBuckets": {ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{
			BucketNamePath: sfn.JsonPath_StringAt(jsii.String("$.bucket")), Key: jsii.String("k")})},
		"IamBuckets without a run-time bucket": {ItemReader: sfn.NewS3JsonItemReader(&sfn.S3FileItemReaderProps{
			Bucket: awss3.Bucket_FromBucketName(stack, jsii.String("B"), jsii.String("bkt")), Key: jsii.String("k")}), IamBuckets: jsii.Strings("bkt")},
	} {
		t.Run(name, func(t *testing.T) {
			err := cdktest.Catch(func() {
				engine.NewDistributedMap(constructs.Construct(stack), jsii.String(strings.ReplaceAll(name, " ", "")), props)
			})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "IamBuckets")
		})
	}
}
