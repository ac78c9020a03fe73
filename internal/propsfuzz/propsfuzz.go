// Package propsfuzz builds constructors with generated props, for the props
// fuzzers of tasks, states and fragments: nil, empty, huge, negative, NaN
// and ±Inf numbers, bogus enums, nil and zero-value list items, nested
// structs, dynamic values. Each build must succeed and synthesize, or panic
// with a *ValidationError; anything else is a crash to fix.
package propsfuzz

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"sort"
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
	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Build calls a constructor (func(scope, id, *Props) T) with props from seed: true when it
// built and synthesized, false when it was rejected cleanly, an error for
// any other outcome (with the props that triggered it).
func Build(name string, constructor any, seed int64) (built bool, err error) {
	fn := reflect.ValueOf(constructor)
	app := cdktest.NewApp()
	stack := awscdk.NewStack(app, jsii.String("Fuzz"), cdktest.StackProps())
	g := &propsGen{rnd: rand.New(rand.NewSource(seed)), fx: newFixtures(stack),
		ours: strings.HasPrefix(fn.Type().In(2).Elem().PkgPath(), "github.com/sfnkit/")}
	props := g.value(fn.Type().In(2), name+"Props", 0)
	describe := func() string { return g.trace.String() }

	var task reflect.Value
	if perr := cdktest.Catch(func() {
		task = fn.Call([]reflect.Value{reflect.ValueOf(constructs.Construct(stack)), reflect.ValueOf(jsii.String("Task")), props})[0]
	}); perr != nil {
		var ve *engine.ValidationError
		if errors.As(perr, &ve) && ve.Construct != "" {
			return false, nil
		}
		return false, fmt.Errorf("constructor crashed instead of a ValidationError: %v\n  props: %s", perr, describe())
	}
	if chainable, ok := task.Interface().(sfn.IChainable); ok && !task.IsNil() {
		if err := cdktest.Catch(func() {
			sfn.NewStateMachine(stack, jsii.String("Machine"), &sfn.StateMachineProps{DefinitionBody: sfn.DefinitionBody_FromChainable(chainable)})
		}); err != nil {
			var ve *engine.ValidationError
			if errors.As(err, &ve) { // a fragment built lazily, when a state machine asks for it
				return false, nil
			}
			return false, fmt.Errorf("built, but it cannot start a state machine: %v\n  props: %s", err, describe())
		}
	}
	if serr := cdktest.Catch(func() { app.Synth(nil) }); serr != nil {
		if strings.Contains(serr.Error(), "Fuzz/Task") { // a deferred problem of the task, reported at synth
			return false, nil
		}
		return false, fmt.Errorf("built, but synth failed: %v\n  props: %s", serr, describe())
	}
	return true, nil
}

// propsGen generates values of any props type by reflection.
type propsGen struct {
	ours  bool // sfnkit's props, which take sfnkit's dynamic helpers
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
			if g.ours && g.rnd.Intn(8) == 0 {
				return reflect.ValueOf(value.MarkString("$.s"))
			}
			return reflect.ValueOf(&s)
		case reflect.Float64:
			if g.ours && g.rnd.Intn(8) == 0 {
				g.note(path, "NumberAt")
				return reflect.ValueOf(value.Stand[float64](value.Dyn("$.n")))
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
		if t.NumMethod() == 0 { // interface{}: JSON data, as the CDK's Outputs and the like take
			var x any
			switch g.rnd.Intn(3) {
			case 0:
				x = numbers[g.rnd.Intn(len(numbers))]
			case 1:
				x = strings_[g.rnd.Intn(len(strings_))]
			default:
				x = map[string]any{"a": numbers[g.rnd.Intn(len(numbers))], "b.$": "$.b"}
			}
			g.note(path, x)
			return reflect.ValueOf(&x).Elem()
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
			// Imported: a new Vpc is dozens of constructs to build and synthesize.
			return awsec2.Vpc_FromVpcAttributes(s, f.id("Vpc"), &awsec2.VpcAttributes{VpcId: jsii.String("vpc-1234"),
				AvailabilityZones: jsii.Strings("us-east-1a", "us-east-1b"),
				PrivateSubnetIds:  jsii.Strings("subnet-private-a", "subnet-private-b"),
				PublicSubnetIds:   jsii.Strings("subnet-public-a", "subnet-public-b")})
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
		func() any { return sfn.Result_FromObject(&map[string]interface{}{"a": 1}) },
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
		if reflect.TypeOf(x).Implements(t) && sameClass(x, t) {
			return x
		}
	}
	return nil
}

// enum lists the values of an enum-like string type, from its constants in
// the tasks package or the CDK's (known ones only; others get bogus values).
func (f *fixtures) enum(t reflect.Type) []string {
	if strings.HasPrefix(t.PkgPath(), "github.com/sfnkit/sfnkit/") {
		return sfnkitEnums()[t.Name()]
	}
	if strings.HasPrefix(t.PkgPath(), "github.com/aws/aws-cdk-go/awscdk/v2") {
		return cdkEnum(t)
	}
	switch t {
	case reflect.TypeFor[sfn.IntegrationPattern]():
		return []string{"REQUEST_RESPONSE", "RUN_JOB", "WAIT_FOR_TASK_TOKEN"}
	case reflect.TypeFor[sfn.QueryLanguage]():
		return []string{string(sfn.QueryLanguage_JSON_PATH), string(sfn.QueryLanguage_JSONATA)}
	}
	return nil
}

// sfnkitEnums are the string constants of sfnkit's public packages by type
// name, read from their source.
var sfnkitEnums = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	fset := token.NewFileSet()
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..")
	var files []string
	for _, pkg := range []string{"tasks", "states", "fragments"} {
		more, _ := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		files = append(files, more...)
	}
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

// Options of a fuzzing run.
type Options struct {
	Builds int    // per constructor
	Seed   int64  // of the series
	Exact  int64  // when not 0: one build per constructor with exactly this seed
	Only   string // regexp of constructor names
}

// OptionsFromEnv reads SFNKIT_FUZZ_BUILDS (default def), SFNKIT_FUZZ_SEED,
// SFNKIT_FUZZ_EXACT and SFNKIT_FUZZ_ONLY.
func OptionsFromEnv(def int) Options {
	o := Options{Builds: def, Seed: 1}
	if n, err := strconv.Atoi(os.Getenv("SFNKIT_FUZZ_BUILDS")); err == nil && n > 0 {
		o.Builds = n
	}
	if n, err := strconv.ParseInt(os.Getenv("SFNKIT_FUZZ_SEED"), 10, 64); err == nil && n != 0 {
		o.Seed = n
	}
	if n, err := strconv.ParseInt(os.Getenv("SFNKIT_FUZZ_EXACT"), 10, 64); err == nil && n != 0 {
		o.Exact, o.Builds = n, 1
	}
	o.Only = os.Getenv("SFNKIT_FUZZ_ONLY")
	return o
}

// Run fuzzes every constructor (name → func(scope, id, *Props) T) and
// reports each failure with the command that reproduces it.
func Run(t *testing.T, pkg string, constructors map[string]any, o Options) {
	only := regexp.MustCompile(o.Only)
	var names []string
	for name := range constructors {
		if only.MatchString(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var built, rejected int
	for _, name := range names {
		for i := 0; i < o.Builds; i++ {
			seed := o.Seed*1000003 + int64(i)*7919 + int64(len(name))
			if o.Exact != 0 {
				seed = o.Exact
			}
			ok, err := Build(name, constructors[name], seed)
			switch {
			case err != nil:
				t.Errorf("%s.%s (reproduce: SFNKIT_FUZZ_ONLY='^%s$' SFNKIT_FUZZ_EXACT=%d go test ./%s -run Fuzzer): %v", pkg, name, name, seed, pkg, err)
			case ok:
				built++
			default:
				rejected++
			}
		}
	}
	t.Logf("props fuzzer: %d constructors × %d builds: %d built and synthesized, %d rejected with a ValidationError", len(names), o.Builds, built, rejected)
}

// sameClass tells a CDK class's proxy from another with the same Go
// methods: a TaskInput has every method of a Result, yet jsii takes only a
// Result where one is due. Interfaces (IRole, IFunction) take any
// implementation.
func sameClass(x any, t reflect.Type) bool {
	if strings.HasPrefix(t.Name(), "I") || !strings.Contains(t.PkgPath(), "aws-cdk-go") {
		return true
	}
	return strings.HasSuffix(reflect.TypeOf(x).String(), "jsiiProxy_"+t.Name())
}

// Constructors lists the New… functions of the package in dir that take
// (scope, id, *…Props): the ones a props fuzzer must cover.
func Constructors(dir string) ([]string, error) {
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return nil, err
		}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			// <Task>_JsonPath and _Jsonata only hand their props to New<Task>.
			if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "New") || len(fd.Type.Params.List) == 0 {
				continue
			}
			params := fd.Type.Params.List
			last, ok := params[len(params)-1].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			var typeName string
			switch x := last.X.(type) {
			case *ast.Ident:
				typeName = x.Name
			case *ast.SelectorExpr:
				typeName = x.Sel.Name
			}
			if strings.HasSuffix(typeName, "Props") && len(params) >= 2 {
				out = append(out, fd.Name.Name)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// Covers fails t unless constructors (by name, without "New") holds every
// props-taking constructor of the package in dir (but for skip).
func Covers(t *testing.T, dir string, constructors map[string]any, skip ...string) {
	all, err := Constructors(dir)
	if err != nil {
		t.Fatal(err)
	}
	skipped := map[string]bool{}
	for _, s := range skip {
		skipped[s] = true
	}
	for _, fn := range all {
		name := strings.TrimPrefix(fn, "New")
		if _, ok := constructors[name]; !ok && !skipped[fn] {
			t.Errorf("the props fuzzer does not cover %s: add it to the constructors it builds", fn)
		}
	}
}

var (
	cdkEnumsMu sync.Mutex
	cdkEnums   = map[reflect.Type][]string{}
)

// cdkEnum lists the values of a CDK enum type from its Go binding's
// source in the module cache: a user holds only those (a bogus CDK enum
// value is jsii's to reject, not sfnkit's).
func cdkEnum(t reflect.Type) []string {
	cdkEnumsMu.Lock()
	defer cdkEnumsMu.Unlock()
	if vals, ok := cdkEnums[t]; ok {
		return vals
	}
	var vals []string
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err == nil {
		rel := strings.TrimPrefix(t.PkgPath(), "github.com/aws/aws-cdk-go/awscdk/v2")
		file := filepath.Join(strings.TrimSpace(string(out)), "github.com/aws/aws-cdk-go/awscdk/v2@v2.270.0", rel, t.Name()+".go")
		if src, err := os.ReadFile(file); err == nil {
			re := regexp.MustCompile(t.Name() + `_\w+ ` + t.Name() + ` = "([^"]*)"`)
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				vals = append(vals, m[1])
			}
		}
	}
	cdkEnums[t] = vals
	return vals
}
