package engine

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// DistributedMapProps are sfn.DistributedMapProps field for field (the
// same names and types), so that code written for sfn.NewDistributedMap
// switches by changing the package; IamBuckets is sfnkit's own.
type DistributedMapProps struct {
	Comment                        *string
	QueryLanguage                  sfn.QueryLanguage
	StateName                      *string
	Assign                         *map[string]interface{}
	ItemSelector                   *map[string]interface{}
	JsonataItemSelector            *string
	JsonataMaxConcurrency          *string
	MaxConcurrency                 *float64
	InputPath                      *string
	OutputPath                     *string
	ItemsPath                      *string
	MaxConcurrencyPath             *string
	ResultPath                     *string
	ResultSelector                 *map[string]interface{}
	Outputs                        interface{}
	Items                          sfn.ProvideItems
	ItemBatcher                    sfn.ItemBatcher
	ItemReader                     sfn.IItemReader
	Label                          *string
	MapExecutionType               sfn.StateMachineType
	ResultWriter                   sfn.ResultWriter
	ResultWriterV2                 sfn.ResultWriterV2
	ToleratedFailureCount          *float64
	ToleratedFailureCountPath      *string
	ToleratedFailurePercentage     *float64
	ToleratedFailurePercentagePath *string
	// IamBuckets are the buckets an ItemReader or ResultWriter bucket
	// decided at run time (BucketNamePath) may name: the S3 statements
	// cover those ("*" for every bucket). Required with such a bucket, so
	// that a grant on every bucket is never silent.
	IamBuckets *[]*string
}

func (p *DistributedMapProps) cdk() *sfn.DistributedMapProps {
	return &sfn.DistributedMapProps{Comment: p.Comment, QueryLanguage: p.QueryLanguage, StateName: p.StateName, Assign: p.Assign,
		ItemSelector: p.ItemSelector, JsonataItemSelector: p.JsonataItemSelector, JsonataMaxConcurrency: p.JsonataMaxConcurrency,
		MaxConcurrency: p.MaxConcurrency, InputPath: p.InputPath, OutputPath: p.OutputPath, ItemsPath: p.ItemsPath,
		MaxConcurrencyPath: p.MaxConcurrencyPath, ResultPath: p.ResultPath, ResultSelector: p.ResultSelector, Outputs: p.Outputs,
		Items: p.Items, ItemBatcher: p.ItemBatcher, ItemReader: p.ItemReader, Label: p.Label, MapExecutionType: p.MapExecutionType,
		ResultWriter: p.ResultWriter, ResultWriterV2: p.ResultWriterV2, ToleratedFailureCount: p.ToleratedFailureCount,
		ToleratedFailureCountPath: p.ToleratedFailureCountPath, ToleratedFailurePercentage: p.ToleratedFailurePercentage,
		ToleratedFailurePercentagePath: p.ToleratedFailurePercentagePath}
}

// NewDistributedMap creates a Distributed Map state whose role gets exactly
// what its ItemReader and ResultWriter need (see iampolicy's
// DistributedMapReader and DistributedMapWriter) instead of the CDK's
// statements; the state machine's own StartExecution, DescribeExecution,
// StopExecution and RedriveExecution for its child executions are the
// CDK's. In a Scope it is held in Go; elsewhere it is a CDK DistributedMap.
// Invalid props panic with a *ValidationError.
func NewDistributedMap(scope constructs.Construct, id *string, props *DistributedMapProps) sfn.DistributedMap {
	p := DistributedMapProps{}
	if props != nil {
		p = *props
	}
	io, problems := readDistributedIO(scope, &p)
	if len(problems) > 0 {
		panic(&ValidationError{Construct: "DistributedMap", Path: *scope.Node().Path() + "/" + *id, Problems: problems})
	}
	if s, ok := scope.(*Scope); ok {
		s.claim(*id)
		return &lazyDistributedMap{mapCore: mapCore{scope: s, id: *id, f: mapFields{Comment: p.Comment, StateName: p.StateName,
			QueryLanguage: p.QueryLanguage, Assign: p.Assign, ItemSelector: p.ItemSelector, ResultSelector: p.ResultSelector,
			JsonataItemSelector: p.JsonataItemSelector, JsonataMaxConcurrency: p.JsonataMaxConcurrency, MaxConcurrency: p.MaxConcurrency,
			InputPath: p.InputPath, OutputPath: p.OutputPath, ItemsPath: p.ItemsPath, MaxConcurrencyPath: p.MaxConcurrencyPath,
			ResultPath: p.ResultPath, Outputs: p.Outputs, Items: p.Items}}, props: p, io: io}
	}
	return newCDKDistributedMap(scope, id, &p, io)
}

// distributedMapState is a CDK DistributedMap whose statements are
// sfnkit's: it registers them with its graph instead of the CDK's reader
// and writer statements.
type distributedMapState struct {
	sfn.DistributedMap
	stmts []iampolicy.Statement
}

func (d *distributedMapState) WhenBoundToGraph(graph sfn.StateGraph) {
	if d.Processor() == nil { // the CDK would fail rendering it with a TypeError
		panic(&ValidationError{Construct: "DistributedMap", Path: *d.Node().Path(), Problems: []error{
			fieldErr("ItemProcessor", "required: call ItemProcessor(chainable, config) before the state machine is built")}})
	}
	graph.RegisterState(d) // what State.whenBoundToGraph does
	statementsFor(graph).add(d.stmts)
}

func newCDKDistributedMap(scope constructs.Construct, id *string, p *DistributedMapProps, io *distributedIO) *distributedMapState {
	d := &distributedMapState{stmts: io.stmts}
	sfn.NewDistributedMap_Override(d, scope, id, p.cdk())
	return d
}

// distributedIO is what a Distributed Map's reader, writer and batcher
// render (JSONPath), as the CDK renders them, and the statements they need.
type distributedIO struct {
	reader, writer, batcher map[string]any
	// renderable is false for what the Go renderer leaves to the CDK: an
	// empty ResultWriter (the CDK warns), an invalid ItemBatcher.
	renderable bool
	stmts      []iampolicy.Statement
}

// resultWriterV2Flag selects ResultWriterV2 over ResultWriter, as in the CDK.
const resultWriterV2Flag = "@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2"

// readDistributedIO renders the reader, writer and batcher through the CDK
// (a few jsii calls per Distributed Map) and derives their statements.
func readDistributedIO(scope constructs.Construct, p *DistributedMapProps) (*distributedIO, []error) {
	io := &distributedIO{renderable: true}
	var problems []error
	env := EnvOf(scope)
	buckets := func(field string, rendered map[string]any) ([]string, bool) {
		if p.IamBuckets == nil || len(*p.IamBuckets) == 0 {
			problems = append(problems, fieldErr("IamBuckets", "required because the %s bucket is decided at run time (BucketNamePath): list the bucket names it may take, or give [\"*\"] to allow every bucket", field))
			return nil, false
		}
		var out []string
		for _, b := range *p.IamBuckets {
			if b == nil || *b == "" {
				problems = append(problems, fieldErr("IamBuckets", "an entry is empty: give bucket names, or \"*\""))
				continue
			}
			out = append(out, *b)
		}
		return out, true
	}
	runtimeBucket := false
	if r := p.ItemReader; r != nil {
		io.reader, _ = unwrapJSIIMaps(r.Render(sfn.QueryLanguage_JSON_PATH)).(map[string]any)
		resource, _ := io.reader["Resource"].(string)
		config, _ := io.reader["ReaderConfig"].(map[string]any)
		params, _ := io.reader["Parameters"].(map[string]any)
		place := iampolicy.S3Place{}
		var source iampolicy.ItemSource
		switch {
		case strings.HasSuffix(resource, ":s3:listObjectsV2"):
			source, place.Path = iampolicy.ListObjects, renderedField(params, "Prefix")
		case strings.HasSuffix(resource, ":s3:getObject"):
			source, place.Path = iampolicy.ReadFile, renderedField(params, "Key")
			switch {
			case config["ManifestType"] == "ATHENA_DATA":
				problems = append(problems, fieldErr("ItemReader", "an Athena manifest lists data files anywhere in S3, so sfnkit cannot scope their GetObject; read them with a reader of your own"))
			case config["InputType"] == "MANIFEST" || config["ManifestType"] == "S3_INVENTORY":
				source = iampolicy.ReadInventory
			}
		default:
			problems = append(problems, fieldErr("ItemReader", "unknown Resource %q: sfnkit knows s3:listObjectsV2 and s3:getObject", resource))
		}
		switch bucket := renderedField(params, "Bucket"); {
		case bucket == nil: // the CDK reports it (validateItemReader)
		case bucket.Dynamic():
			runtimeBucket = true
			place.Buckets, _ = buckets("ItemReader", params)
		default:
			place.Bucket = bucket
			if r.BucketNamePath() == nil {
				place.KeyARN = keyARN(r.Bucket())
			}
		}
		if place.Bucket != nil || place.Buckets != nil {
			io.stmts = append(io.stmts, iampolicy.DistributedMapReader(env, source, place)...)
		}
	}
	if p.ResultWriter != nil || p.ResultWriterV2 != nil {
		var bucketOf func() awss3.IBucket
		var render func() any
		if *awscdk.FeatureFlags_Of(scope).IsEnabled(jsii.String(resultWriterV2Flag)) {
			if w := p.ResultWriterV2; w != nil {
				bucketOf, render = w.Bucket, func() any { return w.Render(sfn.QueryLanguage_JSON_PATH) }
			}
		} else if w := p.ResultWriter; w != nil {
			bucketOf, render = w.Bucket, func() any { return w.Render(sfn.QueryLanguage_JSON_PATH) }
		}
		if render != nil {
			io.writer, _ = unwrapJSIIMaps(render()).(map[string]any)
			if io.writer["Resource"] == nil && io.writer["WriterConfig"] == nil {
				io.renderable = false
			}
			params, _ := io.writer["Parameters"].(map[string]any)
			place := iampolicy.S3Place{Path: renderedField(params, "Prefix")}
			switch bucket := renderedField(params, "Bucket"); {
			case bucket == nil: // no S3 output (a WriterConfig alone)
			case bucket.Dynamic():
				runtimeBucket = true
				place.Buckets, _ = buckets("ResultWriter", params)
			default:
				place.Bucket = bucket
				if b := bucketOf(); b != nil {
					place.KeyARN = keyARN(b)
				}
			}
			if place.Bucket != nil || place.Buckets != nil {
				io.stmts = append(io.stmts, iampolicy.DistributedMapWriter(env, place)...)
			}
		}
	}
	if p.IamBuckets != nil && !runtimeBucket {
		problems = append(problems, fieldErr("IamBuckets", "only for an ItemReader or ResultWriter bucket decided at run time (BucketNamePath); the buckets given already name theirs"))
	}
	if b := p.ItemBatcher; b != nil {
		io.batcher, _ = unwrapJSIIMaps(b.Render()).(map[string]any)
		if errs := b.ValidateItemBatcher(); errs != nil && len(*errs) > 0 {
			io.renderable = false
		}
	}
	io.stmts = iampolicy.Merge(io.stmts...)
	return io, problems
}

// renderedField reads field of rendered Parameters: "<field>.$" is
// decided at run time, "<field>" a literal (a CDK token included).
func renderedField(params map[string]any, field string) *value.Value {
	if s, ok := params[field+".$"].(string); ok {
		return value.Dyn(s)
	}
	if s, ok := params[field].(string); ok {
		return value.Lit(s)
	}
	return nil
}

// keyARN is the ARN of the customer managed key a bucket is encrypted
// with, "" for none.
func keyARN(b awss3.IBucket) string {
	if b == nil {
		return ""
	}
	return Memo(b, "EncryptionKeyArn", func() string {
		if k := b.EncryptionKey(); k != nil {
			return *k.KeyArn()
		}
		return ""
	})
}

// lazyDistributedMap is a Distributed Map held in Go: ItemProcessor, Next,
// AddRetry and AddCatch are recorded; any other use creates the CDK
// DistributedMap (with sfnkit's statements) and applies them.
type lazyDistributedMap struct {
	mapCore
	props DistributedMapProps
	io    *distributedIO
	real  sfn.DistributedMap
}

func (m *lazyDistributedMap) cdk() sfn.DistributedMap {
	if m.real != nil {
		return m.real
	}
	m.real = newCDKDistributedMap(m.scope, jsii.String(m.id), &m.props, m.io)
	if m.processor != nil {
		m.real.ItemProcessor(cdkOf(m.processor), m.config)
	}
	for _, r := range m.retries {
		m.real.AddRetry(r)
	}
	for _, c := range m.catches {
		m.real.AddCatch(cdkOf(c.handler), c.props)
	}
	if m.next != nil {
		m.real.Next(cdkOf(m.next))
	}
	return m.real
}

func (m *lazyDistributedMap) Id() *string              { return jsii.String(m.id) }
func (m *lazyDistributedMap) isHeld() bool             { return m.real == nil }
func (m *lazyDistributedMap) cdkState() sfn.IChainable { return m.cdk() }
func (m *lazyDistributedMap) ends() []sfn.INextable    { return []sfn.INextable{m} }

func (m *lazyDistributedMap) ItemProcessor(processor sfn.IChainable, config *sfn.ProcessorConfig) sfn.DistributedMap {
	if m.real != nil {
		return m.real.ItemProcessor(cdkOf(processor), config)
	}
	m.processor, m.config = processor, config
	return m
}

func (m *lazyDistributedMap) Next(next sfn.IChainable) sfn.Chain {
	if m.real != nil {
		return m.real.Next(cdkOf(next))
	}
	return m.setNext(m.id, m, next)
}

func (m *lazyDistributedMap) AddRetry(props *sfn.RetryProps) sfn.DistributedMap {
	if m.real != nil {
		return m.real.AddRetry(props)
	}
	m.addRetry(props)
	return m
}

func (m *lazyDistributedMap) AddCatch(handler sfn.IChainable, props *sfn.CatchProps) sfn.DistributedMap {
	if m.real != nil {
		return m.real.AddCatch(cdkOf(handler), props)
	}
	m.addCatch(handler, props)
	return m
}

// labelChars are what a Map Run label may not contain (the CDK's check).
var labelChars = regexp.MustCompile("[\\s?*<>{}\\\\\\[\\]:;,|^~$#%&`\"]|[\u0000-\u001f]|[\u007f-\u009f]")

// render writes the Distributed Map as the CDK's DistributedMap does, and
// adds its statements and its label (for the state machine's redrive
// grant) to g. What the CDK reports or warns about at synth goes to the CDK.
func (m *lazyDistributedMap) render(g *graphRenderer, visit visitFunc) (map[string]any, bool) {
	p := m.props
	if !m.io.renderable || (m.config != nil && (m.config.Mode != "" || m.config.ExecutionType != "")) ||
		(p.ItemsPath != nil && p.ItemReader != nil) ||
		(p.ToleratedFailurePercentage != nil && *p.ToleratedFailurePercentage != 0 && p.ToleratedFailurePercentagePath != nil) ||
		(p.ToleratedFailurePercentage != nil && (*p.ToleratedFailurePercentage < 0 || *p.ToleratedFailurePercentage > 100)) ||
		(p.ToleratedFailureCount != nil && *p.ToleratedFailureCount != 0 && p.ToleratedFailureCountPath != nil) ||
		(p.Label != nil && (len(*p.Label) > 40 || labelChars.MatchString(*p.Label))) {
		return nil, false
	}
	if r := m.io.reader; r != nil {
		params, _ := r["Parameters"].(map[string]any)
		_, literal := params["Bucket"]
		_, path := params["Bucket.$"]
		if literal == path {
			return nil, false // validateItemReader: a bucket or a bucket path
		}
	}
	execution := string(p.MapExecutionType)
	if execution == "" {
		execution = string(sfn.StateMachineType_STANDARD)
	}
	state, ok := m.renderBase(g, visit, sfn.ProcessorMode_DISTRIBUTED, execution)
	if !ok {
		return nil, false
	}
	for key, x := range map[string]map[string]any{"ItemReader": m.io.reader, "ItemBatcher": m.io.batcher, "ResultWriter": m.io.writer} {
		if x != nil {
			state[key] = x
		}
	}
	for key, n := range map[string]*float64{"ToleratedFailurePercentage": p.ToleratedFailurePercentage, "ToleratedFailureCount": p.ToleratedFailureCount} {
		if n != nil && *n != 0 {
			state[key] = *n
		}
	}
	for key, s := range map[string]*string{"ToleratedFailurePercentagePath": p.ToleratedFailurePercentagePath,
		"ToleratedFailureCountPath": p.ToleratedFailureCountPath, "Label": p.Label} {
		if s != nil && *s != "" {
			state[key] = *s
		}
	}
	g.stmts = append(g.stmts, m.io.stmts...)
	g.distributedMaps = append(g.distributedMaps, p.Label)
	return state, true
}

// grantDistributedMaps gives a state machine with Distributed Maps what the
// CDK gives it when it binds the state graph: a DistributedMapPolicy
// allowing states:StartExecution on itself, states:DescribeExecution and
// states:StopExecution on its executions, and states:RedriveExecution on
// its Map Runs' child executions (every label when a map has none).
func grantDistributedMaps(sm sfn.StateMachine, labels []*string) {
	policy := awsiam.NewPolicy(sm, jsii.String("DistributedMapPolicy"), nil)
	sm.Role().AttachInlinePolicy(policy)
	sm.GrantStartExecution(policy)
	sm.GrantExecution(policy, jsii.String("states:DescribeExecution"), jsii.String("states:StopExecution"))
	name := *awscdk.Arn_Split(sm.StateMachineArn(), awscdk.ArnFormat_COLON_RESOURCE_NAME).ResourceName
	stack := awscdk.Stack_Of(sm)
	arn := func(label string) *string {
		return stack.FormatArn(&awscdk.ArnComponents{Resource: jsii.String("execution"), Service: jsii.String("states"),
			ResourceName: jsii.String(fmt.Sprintf("%s/%s:*", name, label)), ArnFormat: awscdk.ArnFormat_COLON_RESOURCE_NAME})
	}
	var arns []*string
	for _, l := range labels {
		if l == nil || *l == "" {
			arns = []*string{arn("*")}
			break
		}
		arns = append(arns, arn(*l))
	}
	awsiam.Grant_AddToPrincipal(&awsiam.GrantOnPrincipalOptions{Grantee: policy, Actions: jsii.Strings("states:RedriveExecution"), ResourceArns: &arns})
}

// unwrapJSIIMaps undoes the {"$jsii.map": {...}} wrapper jsii leaves on
// maps nested in a value it returns as any.
func unwrapJSIIMaps(x any) any {
	switch t := x.(type) {
	case map[string]any:
		if inner, ok := t["$jsii.map"]; ok && len(t) == 1 {
			return unwrapJSIIMaps(inner)
		}
		out := make(map[string]any, len(t))
		for k, v := range t {
			out[k] = unwrapJSIIMaps(v)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, v := range t {
			out[i] = unwrapJSIIMaps(v)
		}
		return out
	}
	return x
}
