package tasks

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3assets"
	"github.com/aws/aws-cdk-go/awscdk/v2/regioninfo"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// The Lambda handlers the CDK ships for EvaluateExpression and
// CallAwsServiceCrossRegion (see handlers/README.md), staged with the
// CDK's asset hashes: sfnkit's functions are the CDK's, resource for
// resource.

//go:embed handlers/eval-nodejs/index.js
var evalHandlerSource []byte

//go:embed handlers/cross-region-aws-sdk/index.js
var crossRegionHandlerSource []byte

var (
	evalHandler        = &cdkHandler{name: "eval-nodejs", source: evalHandlerSource, assetHash: "4c2b358e38d2a650cec335ac4eed7fee0b851abdf1b7ec37b4a6b72a604a4c70"}
	crossRegionHandler = &cdkHandler{name: "cross-region-aws-sdk", source: crossRegionHandlerSource, assetHash: "afe91334f6f7b6b6cf56e336e412c58a1a44b0c44786b5ba43efbe9478320f57"}
)

// cdkHandler is one handler's code, written once per process to a
// directory the CDK can stage it from.
type cdkHandler struct {
	name, assetHash string
	source          []byte
	once            sync.Once
	dir             string
	err             error
}

func (h *cdkHandler) directory() (string, error) {
	h.once.Do(func() {
		dir := filepath.Join(os.TempDir(), "sfnkit-handlers", h.name+"-"+h.assetHash[:16])
		file := filepath.Join(dir, "index.js")
		if existing, err := os.ReadFile(file); err == nil && bytes.Equal(existing, h.source) {
			h.dir = dir
			return
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			h.err = err
			return
		}
		tmp, err := os.CreateTemp(dir, "index-*.js")
		if err != nil {
			h.err = err
			return
		}
		_, werr := tmp.Write(h.source)
		cerr := tmp.Close()
		if werr != nil || cerr != nil {
			os.Remove(tmp.Name())
			h.err = fmt.Errorf("writing %s: %v %v", tmp.Name(), werr, cerr)
			return
		}
		if err := os.Rename(tmp.Name(), file); err != nil {
			h.err = err
			return
		}
		h.dir = dir
	})
	return h.dir, h.err
}

// cdkSingleton is the CDK's singleton function for a handler: one Lambda
// function per stack, named <purpose><uuid without dashes>, reached through
// a SingletonFunction construct at id under scope.
type cdkSingleton struct {
	handler      *cdkHandler
	uuid         string
	purpose      string
	runtime      awslambda.Runtime // nil: the latest Node.js of the region
	architecture awslambda.Architecture
	timeout      awscdk.Duration
}

func (s cdkSingleton) create(scope constructs.Construct, id string) awslambda.SingletonFunction {
	dir, err := s.handler.directory()
	if err != nil {
		panic(fmt.Errorf("sfnkit: cannot stage the %s handler: %w", s.handler.name, err))
	}
	runtime := s.runtime
	if runtime == nil {
		runtime = cdkLatestNodeRuntime(scope)
	}
	fn := awslambda.NewSingletonFunction(scope, jsii.String(id), &awslambda.SingletonFunctionProps{
		Uuid:          jsii.String(s.uuid),
		LambdaPurpose: jsii.String(s.purpose),
		Code:          awslambda.Code_FromAsset(jsii.String(dir), &awss3assets.AssetOptions{AssetHash: jsii.String(s.handler.assetHash)}),
		Handler:       jsii.String("index.handler"),
		Runtime:       runtime,
		Architecture:  s.architecture,
		Timeout:       s.timeout,
	})
	fn.AddMetadata(jsii.String("aws:cdk:is-custom-resource-handler-singleton"), true, nil)
	fn.AddMetadata(jsii.String("aws:cdk:is-custom-resource-handler-runtime-family"), runtime.Family(), nil)
	return fn
}

// cdkLatestNodeRuntime is the CDK's determineLatestNodeRuntime: the latest
// Node.js runtime of the stack's region (a mapping when the region is not
// known), nodejs24.x by default.
func cdkLatestNodeRuntime(scope constructs.Construct) awslambda.Runtime {
	name := awscdk.Stack_Of(scope).RegionalFact(regioninfo.FactName_LATEST_NODE_RUNTIME(), jsii.String("nodejs24.x"))
	return awslambda.NewRuntime(name, awslambda.RuntimeFamily_NODEJS, &awslambda.LambdaRuntimeProps{
		SupportsInlineCode: jsii.Bool(true), IsVariable: jsii.Bool(true)})
}

// singletonFunctionARN is the ARN of a stack's singleton function for uuid, as one
// CDK token for every task that invokes it (so that their IAM statements
// merge), read once the first of them has made the function: set it then.
func singletonFunctionARN(scope constructs.Construct, uuid string) (token string, set func(arn *string)) {
	key := singletonKey{awscdk.Stack_Of(scope), uuid}
	if f, ok := singletonARNs.Load(key); ok {
		return f.(*singletonARN).token, func(*string) {}
	}
	f := &singletonARN{pending: &pendingString{what: "the ARN of the function " + uuid}}
	f.token = *awscdk.Lazy_String(f.pending, nil)
	singletonARNs.Store(key, f)
	return f.token, func(arn *string) { f.pending.value = arn }
}

type singletonKey struct {
	stack awscdk.Stack
	uuid  string
}

type singletonARN struct {
	pending *pendingString
	token   string
}

var singletonARNs sync.Map
