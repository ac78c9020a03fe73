package tasks

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EvaluateExpressionEngine is what evaluates an EvaluateExpression.
type EvaluateExpressionEngine string

const (
	// EvaluateExpressionEngine_LAMBDA is the CDK's: a Node.js Lambda
	// function (one per stack) evaluates the JavaScript expression. The
	// default.
	EvaluateExpressionEngine_LAMBDA EvaluateExpressionEngine = "LAMBDA"
	// EvaluateExpressionEngine_JSONATA needs no Lambda function: the state
	// is a Pass state whose Output is the expression in JSONata, written
	// by you ("{% ... %}") or translated from the JavaScript expression.
	EvaluateExpressionEngine_JSONATA EvaluateExpressionEngine = "JSONATA"
)

// EvaluateExpressionProps mirrors awsstepfunctionstasks.EvaluateExpressionProps.
type EvaluateExpressionProps struct {
	// Expression is JavaScript that reads the state input with paths:
	// "$.a + $.b", "`${$.greeting}, ${$.name}`". With the JSONATA engine it
	// may also be JSONata ("{% $states.input.a + $states.input.b %}").
	Expression *string
	// Runtime of the Lambda function (Node.js). Default: the latest Node.js
	// runtime of the region. LAMBDA engine only.
	Runtime awslambda.Runtime
	// Architecture of the Lambda function. Default: X86_64. LAMBDA engine only.
	Architecture awslambda.Architecture
	// Engine evaluates the expression: LAMBDA (default, the CDK's) or
	// JSONATA (a Pass state, no Lambda function). An sfnkit addition.
	Engine EvaluateExpressionEngine

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

// EvaluateExpression is the state NewEvaluateExpression returns: a Task.
// With the JSONATA engine it is a Pass state, which cannot retry or catch.
type EvaluateExpression interface{ Task }

// NewEvaluateExpression evaluates an expression on the state input.
//
// With the LAMBDA engine (the default, as the CDK) a Node.js Lambda function,
// created once per stack at the CDK's logical IDs from the CDK's own code,
// evaluates the JavaScript expression; the paths it reads are resolved by
// Step Functions and passed in expressionAttributeValues. The role may
// invoke that function only.
//
// With the JSONATA engine there is no function: the state is a Pass state
// in JSONata whose Output is the expression, as JSONata you give
// ("{% ... %}") or translated from the JavaScript (see the package docs of
// the translation: the subset whose meaning JSONata keeps; anything else
// is an error naming it). InputPath, ResultPath and OutputPath are
// rendered into the Output; JSONata states take Outputs and Assign, in
// which $states.result is the expression's value.
func NewEvaluateExpression(scope constructs.Construct, id *string, props *EvaluateExpressionProps) EvaluateExpression {
	checkProps(scope, id, "EvaluateExpression", props == nil)
	switch props.Engine {
	case "", EvaluateExpressionEngine_LAMBDA:
	case EvaluateExpressionEngine_JSONATA:
		return newEvaluateExpressionPass(scope, id, props)
	default:
		panic(&ValidationError{Construct: "EvaluateExpression", Path: *scope.Node().Path() + "/" + *id,
			Problems: []error{fieldProblem("Engine", "must be LAMBDA or JSONATA, got %q", props.Engine)}})
	}
	spec := &engine.Spec{Construct: "EvaluateExpression", ParamsField: "Parameters"}
	jsonata := props.QueryLanguage == sfn.QueryLanguage_JSONATA
	expression := deref(props.Expression)
	if props.Expression == nil || strings.TrimSpace(expression) == "" {
		spec.Problems = append(spec.Problems, fieldProblem("Expression", "required: a JavaScript expression such as \"$.a + $.b\""))
	} else if !value.IsTokenString(expression) {
		spec.Problems = append(spec.Problems, pathsInLiterals(expression)...)
	}
	uuid, err := evalFunctionUUID(props.Runtime, props.Architecture)
	if err != nil {
		spec.Problems = append(spec.Problems, err)
	}

	values := map[string]*Value{}
	for _, p := range evalPathPattern.FindAllString(expression, -1) {
		if value.IsTokenString(expression) {
			break
		}
		if !jsonata {
			values[p] = value.Dyn(p)
			continue
		}
		code, err := jsonPathIn(p, "$states.input")
		if err != nil {
			spec.Problems = append(spec.Problems, fieldProblem("Expression", "%v", err))
			continue
		}
		values[p] = value.Ata(code)
	}
	spec.Params = value.NewObject(map[string]*Value{
		"expression":                value.Lit(expression),
		"expressionAttributeValues": value.NewObject(values).Verbatim(),
	})

	arn, setARN := singletonFunctionARN(scope, uuid)
	spec.Resource = arn
	spec.Statements = []Statement{{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{arn}}}
	task := newTask(scope, id, props, spec)

	parent, fnID := constructs.Construct(task), "EvalFunction"
	if s, ok := scope.(*engine.Scope); ok {
		parent, fnID = s, *id+"EvalFunction" // the task is held in Go: beside it
	}
	fn := cdkSingleton{handler: evalHandler, uuid: uuid, purpose: "Eval", runtime: props.Runtime, architecture: props.Architecture}.create(parent, fnID)
	setARN(fn.FunctionArn())
	return task
}

// evalFunctionUUIDs are the CDK's singleton UUIDs per Node.js runtime, for
// x86_64 and arm64; "" is no runtime given.
var evalFunctionUUIDs = map[bool]map[string]string{
	false: {
		"nodejs24.x": "a5c17f50-0de1-497b-8ec0-fabdc9086cc5", "nodejs22.x": "b64e1fb8-9c89-4f7d-8a34-2e2a1c5f6d7e",
		"nodejs20.x": "9757c267-6d7c-45c2-af77-37a30d93d2c6", "nodejs18.x": "078d40d3-fb4e-4d53-94a7-9c46fc11fe02",
		"nodejs16.x": "2a430b68-eb4b-4026-9232-ee39b71c1db8", "nodejs14.x": "da2d1181-604e-4a45-8694-1a6abd7fe42d",
		"nodejs12.x": "2b81e383-aad2-44db-8aaf-b4809ae0e3b4", "nodejs10.x": "a0d2ce44-871b-4e74-87a1-f5e63d7c3bdc",
		"": "41256dc5-4457-4273-8ed9-17bc818694e5",
	},
	true: {
		"nodejs24.x": "1662dbae-12a4-4a04-86f0-29531a7be268", "nodejs22.x": "672bfe19-76c9-448b-9584-ee75ca09edbf",
		"nodejs20.x": "105f0693-c082-4e9b-83f3-9007507676f0", "nodejs18.x": "b1565b13-7d88-4f24-ac63-f9b23c325a55",
		"nodejs16.x": "8fa21b46-1d7c-445d-be08-6bbea646eb37", "nodejs14.x": "cadc099b-465f-4267-afe0-e0037d263401",
		"nodejs12.x": "abcd5ad4-b1eb-48f1-bec5-41d6f5c82caa", "nodejs10.x": "886204b9-1f2d-40bd-8a7e-628543da4f93",
		"": "be6d8ca1-9d2c-4db3-aeeb-f6f27f3f2f10",
	},
}

// evalFunctionUUID is the CDK's singleton UUID for the runtime and
// architecture, so that sfnkit's function is the CDK's.
func evalFunctionUUID(runtime awslambda.Runtime, arch awslambda.Architecture) (string, error) {
	name := ""
	if runtime != nil {
		name = *engine.Memo(runtime, "Name", runtime.Name)
	}
	arm := arch != nil && *engine.Memo(arch, "Name", arch.Name) == "arm64"
	uuid, ok := evalFunctionUUIDs[arm][name]
	if !ok {
		return "", fieldProblem("Runtime", "must be a Node.js runtime from nodejs10.x to nodejs24.x (the handler is JavaScript), got %s", name)
	}
	return uuid, nil
}

// pathsInLiterals reports state paths written inside string literals or
// template text, which the CDK rejects: they are not resolved.
func pathsInLiterals(expression string) []error {
	plain, tmpl := pathsInsideStringLiterals(expression)
	var errs []error
	if len(plain) > 0 {
		b, _ := json.Marshal(plain)
		errs = append(errs, fieldProblem("Expression", "state path(s) %s are used as literal text inside a plain string; a path inside a plain string is not resolved: use a template literal with interpolation instead, e.g. `...${%s}...`", b, plain[0]))
	}
	if len(tmpl) > 0 {
		b, _ := json.Marshal(tmpl)
		errs = append(errs, fieldProblem("Expression", "state path(s) %s are used as literal text inside a template literal; a path in template text is not resolved: reference it via interpolation like ${%s} instead", b, tmpl[0]))
	}
	return errs
}

// pathsInsideStringLiterals is the CDK's check of the same name: the state
// paths that fall inside quoted strings, and inside template text.
func pathsInsideStringLiterals(s string) (plain, tmpl []string) {
	type frame struct {
		kind  byte // 'c' code, '\'' or '"' string, '`' template, '/' regex, 'e' template expression
		depth int
	}
	ctx := make([]byte, len(s)) // 0, 'p' plain string, 't' template text
	stack := []frame{{kind: 'c'}}
	for i := 0; i < len(s); {
		top := &stack[len(stack)-1]
		c := s[i]
		switch top.kind {
		case '\'', '"':
			ctx[i] = 'p'
			if c == '\\' {
				if i+1 < len(s) {
					ctx[i+1] = 'p'
				}
				i += 2
				continue
			}
			if c == top.kind {
				stack = stack[:len(stack)-1]
			}
			i++
			continue
		case '/':
			if c == '\\' {
				i += 2
				continue
			}
			if c == '/' {
				stack = stack[:len(stack)-1]
			}
			i++
			continue
		case '`':
			switch {
			case c == '\\':
				ctx[i] = 't'
				if i+1 < len(s) {
					ctx[i+1] = 't'
				}
				i += 2
			case c == '`':
				stack = stack[:len(stack)-1]
				i++
			case c == '$' && i+1 < len(s) && s[i+1] == '{':
				stack = append(stack, frame{kind: 'e'})
				i += 2
			default:
				ctx[i] = 't'
				i++
			}
			continue
		}
		switch {
		case c == '\'' || c == '"' || c == '`':
			stack = append(stack, frame{kind: c})
		case c == '/' && startsRegexLiteral(s, i):
			stack = append(stack, frame{kind: '/'})
		case c == '{':
			top.depth++
		case c == '}':
			if top.kind == 'e' && top.depth == 0 {
				stack = stack[:len(stack)-1]
			} else if top.depth > 0 {
				top.depth--
			}
		}
		i++
	}
	seenP, seenT := map[string]bool{}, map[string]bool{}
	for _, loc := range evalPathPattern.FindAllStringIndex(s, -1) {
		p := s[loc[0]:loc[1]]
		switch ctx[loc[0]] {
		case 'p':
			if !seenP[p] {
				seenP[p] = true
				plain = append(plain, p)
			}
		case 't':
			if !seenT[p] {
				seenT[p] = true
				tmpl = append(tmpl, p)
			}
		}
	}
	return plain, tmpl
}

// startsRegexLiteral reports whether the / at i starts a regular
// expression literal rather than a division.
func startsRegexLiteral(s string, i int) bool {
	j := i - 1
	for j >= 0 && strings.ContainsRune(" \t\r\n", rune(s[j])) {
		j--
	}
	if j < 0 {
		return true
	}
	c := s[j]
	return !(c == '_' || c == '$' || c == ')' || c == ']' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
}

// newEvaluateExpressionPass is the JSONATA engine: a Pass state.
func newEvaluateExpressionPass(scope constructs.Construct, id *string, props *EvaluateExpressionProps) EvaluateExpression {
	path := *scope.Node().Path() + "/" + *id
	var problems []error
	problem := func(name, format string, args ...any) {
		problems = append(problems, fieldProblem(name, format, args...))
	}
	noPass := func(name string, given bool, why string) {
		if given {
			problem(name, "the JSONATA engine makes a Pass state, which has no %s; use the LAMBDA engine for it", why)
		}
	}
	noPass("Runtime", props.Runtime != nil, "Lambda function")
	noPass("Architecture", props.Architecture != nil, "Lambda function")
	noPass("TaskTimeout", props.TaskTimeout != nil || props.Timeout != nil, "timeout")
	noPass("HeartbeatTimeout", props.HeartbeatTimeout != nil || props.Heartbeat != nil, "heartbeat")
	noPass("Credentials", props.Credentials != nil, "credentials")
	noPass("IntegrationPattern", props.IntegrationPattern != "" && props.IntegrationPattern != sfn.IntegrationPattern_REQUEST_RESPONSE, "integration pattern")
	jsonataState := props.QueryLanguage == sfn.QueryLanguage_JSONATA

	expression := deref(props.Expression)
	var result string // the JSONata body of the expression's value
	switch body, isJSONata := expr.JSONataBody(strings.TrimSpace(expression)); {
	case props.Expression == nil || strings.TrimSpace(expression) == "":
		problem("Expression", "required: a JavaScript expression such as \"$.a + $.b\", or JSONata (\"{%% $states.input.a + $states.input.b %%}\")")
	case value.IsTokenString(expression):
		problem("Expression", "must be known when the state machine is built: the JSONATA engine writes it into the definition")
	case isJSONata:
		if err := expr.ParseJSONata(strings.TrimSpace(expression)); err != nil {
			problem("Expression", "%v", err)
		}
		if props.InputPath != nil {
			problem("InputPath", "a JSONata expression reads the input as $states.input: select in the expression instead")
		}
		result = body
	default:
		problems = append(problems, pathsInLiterals(expression)...)
		root := "$states.input"
		if props.InputPath != nil && !jsonataState {
			r, err := passInputRoot(*props.InputPath)
			if err != nil {
				problem("InputPath", "%v", err)
			}
			root = r
		}
		code, err := translateToJSONata(expression, root)
		if err != nil {
			problem("Expression", "the JSONATA engine cannot translate it: %v; write it in JSONata (\"{%% ... %%}\") or use the LAMBDA engine", err)
		}
		result = code
	}

	state := map[string]any{"Type": "Pass", "QueryLanguage": "JSONata"}
	if props.Comment != nil {
		state["Comment"] = *props.Comment
	}
	common, commonProblems := engine.ReadCommon(props, false)
	problems = append(problems, commonProblems...)
	if jsonataState {
		for _, f := range []struct {
			name  string
			given bool
		}{{"InputPath", props.InputPath != nil}, {"OutputPath", props.OutputPath != nil}, {"ResultPath", props.ResultPath != nil}, {"ResultSelector", props.ResultSelector != nil}} {
			if f.given {
				problem(f.name, "only JSONPath states have %s; a JSONata state shapes its result with Outputs", f.name)
			}
		}
		state["Output"] = "{% " + result + " %}"
		if common.Outputs != nil {
			state["Output"] = withPassResult(value.Render(common.Outputs, value.JSONataLang), result)
			problems = append(problems, value.Check("Outputs", common.Outputs, value.JSONataLang)...)
		}
		if common.Assign != nil {
			problems = append(problems, value.Check("Assign", common.Assign, value.JSONataLang)...)
			state["Assign"] = withPassResult(value.Render(common.Assign, value.JSONataLang), result)
		}
	} else {
		if props.Outputs != nil {
			problem("Outputs", "only JSONata states have Output; set QueryLanguage to JSONATA, or use ResultPath/OutputPath")
		}
		if props.ResultSelector != nil {
			problem("ResultSelector", "the JSONATA engine has no service result to select from: shape the expression's value in the expression")
		}
		out, err := passOutput(result, common.ResultPath, common.OutputPath)
		if err != nil {
			problems = append(problems, err)
		}
		state["Output"] = "{% " + out + " %}"
		if common.Assign != nil {
			assign, err := passAssign(common.Assign, result)
			if err != nil {
				problems = append(problems, err)
			}
			state["Assign"] = assign
		}
	}
	if len(problems) > 0 {
		panic(&ValidationError{Construct: "EvaluateExpression", Path: path, Problems: problems})
	}
	r := &engine.Rendered{Name: common.StateName, JSON: state}
	s := &evalPassState{path: path}
	s.Create(scope, id, r, s)
	return s
}

// passInputRoot is the JSONata for the input an InputPath selects.
func passInputRoot(inputPath string) (string, error) {
	if inputPath == engine.Discard {
		return "{}", nil
	}
	if err := expr.ParsePath(inputPath); err != nil {
		return "", err
	}
	if strings.HasPrefix(inputPath, "$$") {
		return jsonPathIn(inputPath, "")
	}
	return jsonPathIn(inputPath, "$states.input")
}

// passOutput is the Pass state's Output: the state input with the value
// placed at ResultPath (as a Task's result would be), then OutputPath.
func passOutput(result string, resultPath, outputPath *string) (string, error) {
	out := result
	if resultPath != nil && *resultPath != "$" {
		if *resultPath == engine.Discard {
			out = "$states.input"
		} else {
			names, err := referencePathNames(*resultPath)
			if err != nil {
				return "", fieldProblem("ResultPath", "%v", err)
			}
			out = jsonataMergeAt("$states.input", names, result)
		}
	}
	if outputPath != nil && *outputPath != "$" {
		if *outputPath == engine.Discard {
			return "{}", nil
		}
		if err := expr.ParsePath(*outputPath); err != nil || strings.HasPrefix(*outputPath, "$$") {
			return "", fieldProblem("OutputPath", "must be a path into the output ($.field), got %q", *outputPath)
		}
		sel, err := jsonPathIn(*outputPath, "")
		if err != nil {
			return "", fieldProblem("OutputPath", "%v", err)
		}
		out = "(" + out + ")" + sel
	}
	return out, nil
}

// referencePathNames reads a reference path of field names ($.a.b).
func referencePathNames(p string) ([]string, error) {
	if err := expr.ParseReferencePath(p); err != nil {
		return nil, err
	}
	code, err := jsonPathIn(p, "")
	if err != nil || strings.Contains(code, "[") {
		return nil, fmt.Errorf("the JSONATA engine places the value at a path of field names ($.a.b), got %q", p)
	}
	var names []string
	for _, n := range strings.Split(strings.TrimPrefix(code, "."), ".") {
		names = append(names, strings.Trim(n, "`"))
	}
	return names, nil
}

// jsonataMergeAt is base with the value set at the nested field names, as
// ResultPath sets it.
func jsonataMergeAt(base string, names []string, val string) string {
	if len(names) == 0 {
		return val
	}
	inner := jsonataMergeAt(base+"."+jsonataName(names[0]), names[1:], val)
	return "$merge([" + base + ", {" + quoteJSONata(names[0]) + ": " + inner + "}])"
}

// passAssign translates a JSONPath state's Assign, in which "$" is the
// task's result, into the JSONata the Pass state needs.
func passAssign(assign *Value, result string) (any, error) {
	var err error
	var conv func(path string, v *Value) any
	conv = func(path string, v *Value) any {
		switch v.Kind() {
		case value.Literal:
			return v.LiteralValue()
		case value.Path:
			code, e := jsonPathIn(v.Expr(), "("+result+")")
			if strings.HasPrefix(v.Expr(), "$$") {
				code, e = jsonPathIn(v.Expr(), "")
			}
			if e != nil && err == nil {
				err = fieldProblem(path, "%v", e)
			}
			return "{% " + code + " %}"
		case value.List:
			out := make([]any, len(v.Items()))
			for i, it := range v.Items() {
				out[i] = conv(fmt.Sprintf("%s[%d]", path, i), it)
			}
			return out
		case value.Object:
			out := map[string]any{}
			keys := make([]string, 0, len(v.Fields()))
			for k := range v.Fields() {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				out[k] = conv(path+"."+k, v.Fields()[k])
			}
			return out
		}
		if err == nil {
			err = fieldProblem(path, "the JSONATA engine translates literals and paths in Assign, not %s; set QueryLanguage to JSONATA and write Assign in JSONata", describeValue(v))
		}
		return nil
	}
	return conv("Assign", assign), err
}

// withPassResult replaces $states.result in every JSONata expression of x by
// the expression's value: a Pass state has no result of its own.
func withPassResult(x any, result string) any {
	switch t := x.(type) {
	case string:
		body, ok := expr.JSONataBody(t)
		if !ok {
			return t
		}
		return "{% " + replaceOutsideJSONataStrings(body, "$states.result", "("+result+")") + " %}"
	case []any:
		out := make([]any, len(t))
		for i, it := range t {
			out[i] = withPassResult(it, result)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, v := range t {
			out[k] = withPassResult(v, result)
		}
		return out
	}
	return x
}

// replaceOutsideJSONataStrings replaces the variable old (not followed by an
// identifier character) outside JSONata string literals.
func replaceOutsideJSONataStrings(s, old, repl string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '"' || c == '\'' || c == '`' {
			j := i + 1
			for j < len(s) && s[j] != c {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j < len(s) {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		if strings.HasPrefix(s[i:], old) {
			end := i + len(old)
			if end == len(s) || !jsonataIdentPart(s[end]) {
				b.WriteString(repl)
				i = end
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

func jsonataIdentPart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// evalPassState is the JSONATA engine's Pass state. It has no Retry or
// Catch: asking for them is an error, at once.
type evalPassState struct {
	engine.TaskState
	path string
}

func (s *evalPassState) AddRetry(props *sfn.RetryProps) sfn.CustomState {
	panic(passCannot(s.path, "AddRetry"))
}

func (s *evalPassState) AddCatch(handler sfn.IChainable, props *sfn.CatchProps) sfn.CustomState {
	panic(passCannot(s.path, "AddCatch"))
}

func passCannot(path, method string) *ValidationError {
	return &ValidationError{Construct: "EvaluateExpression", Path: path, Problems: []error{fmt.Errorf(
		"%s: with the JSONATA engine the state is a Pass state, which cannot retry or catch; use the LAMBDA engine to retry or catch errors", method)}}
}
