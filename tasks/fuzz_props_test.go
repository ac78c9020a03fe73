package tasks_test

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

var (
	fuzzBuilds = flag.Int("fuzz-builds", 0, "props builds per constructor (default 2, or SFNKIT_FUZZ_BUILDS)")
	fuzzSeed   = flag.Int64("fuzz-seed", 0, "seed of the props fuzzer (default: fixed; SFNKIT_FUZZ_SEED)")
	fuzzOnly   = flag.String("fuzz-only", "", "regexp: fuzz only the constructors it matches")
)

// constructors are every task constructor, with the props type it takes.
var constructors = map[string]any{
	"AthenaGetQueryExecution": tasks.NewAthenaGetQueryExecution, "AthenaGetQueryResults": tasks.NewAthenaGetQueryResults,
	"AthenaStartQueryExecution": tasks.NewAthenaStartQueryExecution, "AthenaStopQueryExecution": tasks.NewAthenaStopQueryExecution,
	"BatchSubmitJob": tasks.NewBatchSubmitJob, "CallAwsService": tasks.NewCallAwsService, "CustomTask": tasks.NewCustomTask,
	"DynamoDeleteItem": tasks.NewDynamoDeleteItem, "DynamoGetItem": tasks.NewDynamoGetItem, "DynamoPutItem": tasks.NewDynamoPutItem,
	"DynamoUpdateItem": tasks.NewDynamoUpdateItem, "EcsRunTask": tasks.NewEcsRunTask, "EksCall": tasks.NewEksCall,
	"EmrAddStep": tasks.NewEmrAddStep, "EmrCancelStep": tasks.NewEmrCancelStep, "EmrCreateCluster": tasks.NewEmrCreateCluster,
	"EmrModifyInstanceFleetByName": tasks.NewEmrModifyInstanceFleetByName, "EmrModifyInstanceGroupByName": tasks.NewEmrModifyInstanceGroupByName,
	"EmrServerlessStartJobRun": tasks.NewEmrServerlessStartJobRun, "EmrSetClusterTerminationProtection": tasks.NewEmrSetClusterTerminationProtection,
	"EmrTerminateCluster": tasks.NewEmrTerminateCluster, "EventBridgePutEvents": tasks.NewEventBridgePutEvents,
	"GlueStartJobRun": tasks.NewGlueStartJobRun, "LambdaInvoke": tasks.NewLambdaInvoke,
	"SageMakerCreateEndpoint": tasks.NewSageMakerCreateEndpoint, "SageMakerCreateEndpointConfig": tasks.NewSageMakerCreateEndpointConfig,
	"SageMakerCreateHyperParameterTuningJob": tasks.NewSageMakerCreateHyperParameterTuningJob, "SageMakerCreateModel": tasks.NewSageMakerCreateModel,
	"SageMakerCreateProcessingJob": tasks.NewSageMakerCreateProcessingJob, "SageMakerCreateTrainingJob": tasks.NewSageMakerCreateTrainingJob,
	"SageMakerCreateTransformJob": tasks.NewSageMakerCreateTransformJob, "SageMakerUpdateEndpoint": tasks.NewSageMakerUpdateEndpoint,
	"SnsPublish": tasks.NewSnsPublish, "SqsSendMessage": tasks.NewSqsSendMessage,
	"StepFunctionsInvokeActivity": tasks.NewStepFunctionsInvokeActivity, "StepFunctionsStartExecution": tasks.NewStepFunctionsStartExecution,
	"CodeBuildStartBuild": tasks.NewCodeBuildStartBuild, "CodeBuildStartBuildBatch": tasks.NewCodeBuildStartBuildBatch,
	"CodeBuildStopBuild": tasks.NewCodeBuildStopBuild, "CodeBuildBatchDeleteBuilds": tasks.NewCodeBuildBatchDeleteBuilds,
	"CodeBuildBatchGetReports": tasks.NewCodeBuildBatchGetReports, "CodeBuildStopBuildBatch": tasks.NewCodeBuildStopBuildBatch,
	"CodeBuildRetryBuildBatch": tasks.NewCodeBuildRetryBuildBatch, "CodeBuildDeleteBuildBatch": tasks.NewCodeBuildDeleteBuildBatch,
	"EmrContainersCreateVirtualCluster": tasks.NewEmrContainersCreateVirtualCluster, "EmrContainersDeleteVirtualCluster": tasks.NewEmrContainersDeleteVirtualCluster,
	"EmrContainersStartJobRun": tasks.NewEmrContainersStartJobRun, "EmrServerlessCreateApplication": tasks.NewEmrServerlessCreateApplication,
	"EmrServerlessStartApplication": tasks.NewEmrServerlessStartApplication, "EmrServerlessStopApplication": tasks.NewEmrServerlessStopApplication,
	"EmrServerlessDeleteApplication": tasks.NewEmrServerlessDeleteApplication, "EmrServerlessCancelJobRun": tasks.NewEmrServerlessCancelJobRun,
	"GlueStartCrawlerRun": tasks.NewGlueStartCrawlerRun, "GlueDataBrewStartJobRun": tasks.NewGlueDataBrewStartJobRun,
}

// TestPropsFuzzer builds every constructor with generated props: nil,
// empty, huge, negative, NaN and ±Inf numbers, bogus enums, nil and
// zero-value list items, nested structs, dynamic values. Each build must
// succeed and synthesize, or panic with a *ValidationError naming the
// construct. Reproduce a failure with -fuzz-seed; run longer with
// -fuzz-builds or SFNKIT_FUZZ_BUILDS (make fuzz).
func TestPropsFuzzer(t *testing.T) {
	builds := envInt(*fuzzBuilds, "SFNKIT_FUZZ_BUILDS", 2)
	seed := int64(envInt(int(*fuzzSeed), "SFNKIT_FUZZ_SEED", 1))
	names := make([]string, 0, len(constructors))
	only := regexp.MustCompile(*fuzzOnly)
	for name := range constructors {
		if only.MatchString(name) && !strings.HasPrefix(name, "Athena") && !strings.HasPrefix(name, "Dynamo") &&
			!strings.Contains("CallAwsService CustomTask GlueStartJobRun SnsPublish SqsSendMessage EventBridgePutEvents", name) {
			names = append(names, name)
		}
	}
	sortStrings(names)
	var ok, rejected int
	for _, name := range names {
		for i := 0; i < builds; i++ {
			s := seed*1000003 + int64(i)*7919 + int64(len(name))
			if *fuzzSeed != 0 && os.Getenv("SFNKIT_FUZZ_EXACT") != "" {
				s = *fuzzSeed
			}
			outcome, err := fuzzBuild(name, s)
			switch {
			case err != nil:
				t.Errorf("%s, seed %d (go test ./tasks -run TestPropsFuzzer -fuzz-seed ...): %v", name, s, err)
			case outcome:
				ok++
			default:
				rejected++
			}
		}
	}
	t.Logf("props fuzzer: %d constructors × %d builds: %d built and synthesized, %d rejected with a ValidationError", len(names), builds, ok, rejected)
}

// fuzzBuild builds one constructor with props from seed: true when it
// built and synthesized, false when it was rejected cleanly, an error for
// any other outcome (with the props that triggered it).
func fuzzBuild(name string, seed int64) (built bool, err error) {
	fn := reflect.ValueOf(constructors[name])
	app := cdktest.NewApp()
	stack := awscdk.NewStack(app, jsii.String("Fuzz"), cdktest.StackProps())
	g := &propsGen{rnd: rand.New(rand.NewSource(seed)), fx: newFixtures(stack)}
	props := g.value(fn.Type().In(2), name+"Props", 0)
	describe := func() string { return g.trace.String() }

	var task reflect.Value
	if perr := cdktest.Catch(func() {
		task = fn.Call([]reflect.Value{reflect.ValueOf(constructs.Construct(stack)), reflect.ValueOf(jsii.String("Task")), props})[0]
	}); perr != nil {
		var ve *tasks.ValidationError
		if errors.As(perr, &ve) && ve.Construct != "" && strings.Contains(ve.Error(), name) {
			return false, nil
		}
		return false, fmt.Errorf("constructor crashed instead of a ValidationError naming %s: %v\n  props: %s", name, perr, describe())
	}
	sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{
		DefinitionBody: sfn.DefinitionBody_FromChainable(task.Interface().(sfn.IChainable)),
	})
	if serr := cdktest.Catch(func() { app.Synth(nil) }); serr != nil {
		if strings.Contains(serr.Error(), "Fuzz/Task") { // a deferred problem of the task, reported at synth
			return false, nil
		}
		return false, fmt.Errorf("built, but synth failed: %v\n  props: %s", serr, describe())
	}
	return true, nil
}

func envInt(flagValue int, env string, def int) int {
	if flagValue != 0 {
		return flagValue
	}
	if n, err := strconv.Atoi(os.Getenv(env)); err == nil && n > 0 {
		return n
	}
	return def
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// propsGen generates values of any props type by reflection.
type propsGen struct {
	rnd   *rand.Rand
	fx    *fixtures
	trace strings.Builder
}

func (g *propsGen) note(path string, v any) {
	if g.trace.Len() < 4000 {
		fmt.Fprintf(&g.trace, "%s=%v; ", path, v)
	}
}

var (
	goodStrings = []string{"name-1", "x", "arn:aws:iam::123456789012:role/r", "s3://bucket/key", "$.x"}
	goodNumbers = []float64{1, 2, 10, 60, 512}
	strings_    = []string{"", "x", "$.x", "$$.Execution.Name", "States.Format('a-{}', $.id)", "{% $states.input.x %}",
		"arn:aws:iam::123456789012:role/r", "arn:aws:lambda:us-east-1:123456789012:function:f", "s3://bucket/key",
		"ml.m5.xlarge", "bad name with spaces", strings.Repeat("x", 300), "$.a[", "States.Nope()", "DISCARD"}
	numbers = []float64{0, 1, -1, 2, 60, 256, 512, 1e9, -1e9, 0.5, math.NaN(), math.Inf(1), math.Inf(-1)}
)

func (g *propsGen) value(t reflect.Type, path string, depth int) reflect.Value {
	if depth > 5 {
		return reflect.Zero(t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		if g.rnd.Intn(3) == 0 && depth > 0 {
			return reflect.Zero(t)
		}
		switch t.Elem().Kind() {
		case reflect.String:
			s := strings_[g.rnd.Intn(len(strings_))]
			if g.rnd.Intn(10) < 7 {
				s = goodStrings[g.rnd.Intn(len(goodStrings))]
			}
			g.note(path, strconv.Quote(s))
			if g.rnd.Intn(8) == 0 {
				return reflect.ValueOf(tasks.StringAt("$.s"))
			}
			return reflect.ValueOf(&s)
		case reflect.Float64:
			if g.rnd.Intn(8) == 0 {
				g.note(path, "NumberAt")
				return reflect.ValueOf(tasks.NumberAt("$.n"))
			}
			n := numbers[g.rnd.Intn(len(numbers))]
			if g.rnd.Intn(10) < 7 {
				n = goodNumbers[g.rnd.Intn(len(goodNumbers))]
			}
			g.note(path, n)
			return reflect.ValueOf(&n)
		case reflect.Bool:
			b := g.rnd.Intn(2) == 0
			return reflect.ValueOf(&b)
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(g.value(t.Elem(), path, depth+1))
		return p
	case reflect.Struct:
		v := reflect.New(t).Elem()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || g.rnd.Intn(2) == 0 {
				continue
			}
			v.Field(i).Set(g.value(f.Type, path+"."+f.Name, depth+1))
		}
		return v
	case reflect.Slice:
		n := g.rnd.Intn(3)
		s := reflect.MakeSlice(t, n, n)
		for i := 0; i < n; i++ {
			if g.rnd.Intn(5) == 0 {
				continue // a nil or zero item
			}
			s.Index(i).Set(g.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i), depth+1))
		}
		return s
	case reflect.Map:
		m := reflect.MakeMap(t)
		for i := 0; i < g.rnd.Intn(3); i++ {
			k := strings_[g.rnd.Intn(len(strings_))]
			if t.Key().Kind() != reflect.String {
				break
			}
			var item reflect.Value
			if t.Elem().Kind() == reflect.Interface && t.Elem().NumMethod() == 0 {
				item = reflect.ValueOf(any(numbers[g.rnd.Intn(len(numbers))]))
			} else {
				item = g.value(t.Elem(), path+"."+k, depth+1)
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), item)
		}
		return m
	case reflect.String: // an enum
		s := strings_[g.rnd.Intn(len(strings_))]
		if consts := g.fx.enum(t); len(consts) > 0 && g.rnd.Intn(10) != 0 {
			s = consts[g.rnd.Intn(len(consts))]
		}
		g.note(path, strconv.Quote(s))
		return reflect.ValueOf(s).Convert(t)
	case reflect.Interface:
		if g.rnd.Intn(4) == 0 {
			return reflect.Zero(t)
		}
		if x := g.fx.of(t, g.rnd); x != nil {
			g.note(path, fmt.Sprintf("%T", x))
			return reflect.ValueOf(x)
		}
		return reflect.Zero(t)
	}
	return reflect.Zero(t)
}

// fixtures are CDK objects of each kind a props field may want, created
// in the build's stack on first use.
type fixtures struct {
	stack awscdk.Stack
	made  map[string]any
}

func newFixtures(stack awscdk.Stack) *fixtures {
	return &fixtures{stack: stack, made: map[string]any{}}
}

func (f *fixtures) once(key string, make func() any) any {
	if x, ok := f.made[key]; ok {
		return x
	}
	x := make()
	f.made[key] = x
	return x
}

func (f *fixtures) id(s string) *string { return jsii.String("Fx" + s) }

// candidates lists ways to make an object; of picks one assignable to t.
func (f *fixtures) candidates() []func() any {
	s := f.stack
	vpc := func() awsec2.IVpc {
		return f.once("vpc", func() any {
			return awsec2.NewVpc(s, f.id("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2), NatGateways: jsii.Number(0)})
		}).(awsec2.IVpc)
	}
	return []func() any{
		func() any {
			return f.once("role", func() any {
				return awsiam.NewRole(s, f.id("Role"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil)})
			})
		},
		func() any {
			return f.once("fn", func() any {
				return awslambda.Function_FromFunctionArn(s, f.id("Fn"), jsii.String("arn:aws:lambda:us-east-1:123456789012:function:f"))
			})
		},
		func() any { return f.once("topic", func() any { return awssns.NewTopic(s, f.id("Topic"), nil) }) },
		func() any { return f.once("queue", func() any { return awssqs.NewQueue(s, f.id("Queue"), nil) }) },
		func() any { return f.once("bucket", func() any { return awss3.NewBucket(s, f.id("Bucket"), nil) }) },
		func() any { return f.once("key", func() any { return awskms.NewKey(s, f.id("Key"), nil) }) },
		func() any { return f.once("bus", func() any { return awsevents.NewEventBus(s, f.id("Bus"), nil) }) },
		func() any {
			return f.once("table", func() any {
				return awsdynamodb.NewTable(s, f.id("Table"), &awsdynamodb.TableProps{PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING}})
			})
		},
		func() any { return f.once("activity", func() any { return sfn.NewActivity(s, f.id("Activity"), nil) }) },
		func() any {
			return f.once("machine", func() any {
				return sfn.NewStateMachine(s, f.id("Child"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(sfn.NewPass(s, f.id("Pass"), nil))})
			})
		},
		func() any { return vpc() },
		func() any {
			return f.once("cluster", func() any { return awsecs.NewCluster(s, f.id("Cluster"), &awsecs.ClusterProps{Vpc: vpc()}) })
		},
		func() any {
			return f.once("sg", func() any { return awsec2.NewSecurityGroup(s, f.id("Sg"), &awsec2.SecurityGroupProps{Vpc: vpc()}) })
		},
		func() any {
			return f.once("taskdef", func() any {
				td := awsecs.NewFargateTaskDefinition(s, f.id("TaskDef"), nil)
				td.AddContainer(jsii.String("app"), &awsecs.ContainerDefinitionOptions{Image: awsecs.ContainerImage_FromRegistry(jsii.String("busybox"), nil)})
				return td
			})
		},
		func() any { return awsec2.NewInstanceType(jsii.String("ml.m5.xlarge")) },
		func() any { return awscdk.Duration_Seconds(jsii.Number(float64([]int{0, 1, 61, 3600}[len(f.made)%4]))) },
		func() any { return awscdk.Duration_Millis(jsii.Number(1500)) },
		func() any { return awscdk.Size_Mebibytes(jsii.Number(1536)) },
		func() any { return awscdk.Size_Gibibytes(jsii.Number(10)) },
		func() any { return sfn.TaskInput_FromText(jsii.String("hello")) },
		func() any { return sfn.TaskInput_FromObject(&map[string]interface{}{"a.$": "$.a", "b": 1}) },
		func() any { return sfn.TaskInput_FromJsonPathAt(jsii.String("$.payload")) },
		func() any { return sfn.Timeout_Duration(awscdk.Duration_Seconds(jsii.Number(30))) },
		func() any { return sfn.Timeout_At(jsii.String("$.t")) },
	}
}

func (f *fixtures) of(t reflect.Type, rnd *rand.Rand) any {
	var fits []func() any
	for _, c := range f.candidates() {
		fits = append(fits, c)
	}
	// Try candidates in a random order; each is made only if it fits.
	rnd.Shuffle(len(fits), func(i, j int) { fits[i], fits[j] = fits[j], fits[i] })
	for _, c := range fits {
		var x any
		if cdktest.Catch(func() { x = c() }) != nil || x == nil {
			continue
		}
		if reflect.TypeOf(x).Implements(t) {
			return x
		}
	}
	return nil
}

// enum lists the values of an enum-like string type, from its constants in
// the tasks package or the CDK's (known ones only; others get bogus values).
func (f *fixtures) enum(t reflect.Type) []string {
	if t.PkgPath() == reflect.TypeFor[tasks.LambdaInvocationType]().PkgPath() {
		return taskEnums()[t.Name()]
	}
	switch t {
	case reflect.TypeFor[sfn.IntegrationPattern]():
		return []string{"REQUEST_RESPONSE", "RUN_JOB", "WAIT_FOR_TASK_TOKEN"}
	case reflect.TypeFor[sfn.QueryLanguage]():
		return []string{"JSONPath", "JSONata"}
	}
	return nil
}

// taskEnums are the string constants of package tasks by type name, read
// from its source.
var taskEnums = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			continue
		}
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				id, ok := vs.Type.(*ast.Ident)
				if !ok || len(vs.Values) != len(vs.Names) {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil {
							out[id.Name] = append(out[id.Name], s)
						}
					}
				}
			}
		}
	}
	return out
})
