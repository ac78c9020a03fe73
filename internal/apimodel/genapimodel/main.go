// Command genapimodel writes sfnkit's table of AWS API input shapes from the
// Smithy JSON AST models of github.com/aws/api-models-aws.
//
//	go run ./internal/apimodel/genapimodel -models DIR -out internal/apimodel/api.bin.gz
//
// DIR is a checkout of aws/api-models-aws, or a bare clone of it (read with
// git at HEAD). -models defaults to $SFNKIT_API_MODELS; when neither is
// given the command says so and leaves the table alone, so that
// `go generate ./...` works without the models. See the apimodel package
// documentation for how to refresh the table.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sfnkit/sfnkit/internal/apimodel/tablefmt"
)

// services are the models the table holds, every operation of each: the
// services users call most through aws-sdk integrations and those behind
// every optimized integration. name is the service's name in an aws-sdk
// Resource (arn:…:states:::aws-sdk:<name>:<action>): the AWS SDK for Java
// 2.x client name, which is the model's sdkId in lower case without spaces
// and dashes; the generator checks that rule.
var services = []struct{ dir, name string }{
	{"api-gateway", "apigateway"},
	{"athena", "athena"},
	{"batch", "batch"},
	{"bedrock", "bedrock"},
	{"bedrock-runtime", "bedrockruntime"},
	{"cloudwatch", "cloudwatch"},
	{"cloudwatch-logs", "cloudwatchlogs"},
	{"codebuild", "codebuild"},
	{"databrew", "databrew"},
	{"dynamodb", "dynamodb"},
	{"ecr", "ecr"},
	{"ecs", "ecs"},
	{"eks", "eks"},
	{"emr", "emr"},
	{"emr-containers", "emrcontainers"},
	{"emr-serverless", "emrserverless"},
	{"eventbridge", "eventbridge"},
	{"glue", "glue"},
	{"kms", "kms"},
	{"lambda", "lambda"},
	{"mediaconvert", "mediaconvert"},
	{"s3", "s3"},
	{"sagemaker", "sagemaker"},
	{"scheduler", "scheduler"},
	{"secrets-manager", "secretsmanager"},
	{"sfn", "sfn"},
	{"sns", "sns"},
	{"sqs", "sqs"},
	{"ssm", "ssm"},
}

func main() {
	models := flag.String("models", os.Getenv("SFNKIT_API_MODELS"), "a checkout or bare clone of github.com/aws/api-models-aws (default $SFNKIT_API_MODELS)")
	out := flag.String("out", "api.bin.gz", "the table to write")
	flag.Parse()
	if *models == "" {
		fmt.Fprintln(os.Stderr, "genapimodel: no models given (-models or $SFNKIT_API_MODELS); table left as it is. See internal/apimodel/doc.go.")
		return
	}
	file, err := generate(openModels(*models))
	if err != nil {
		fmt.Fprintln(os.Stderr, "genapimodel:", err)
		os.Exit(1)
	}
	data, err := tablefmt.Encode(file)
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genapimodel:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "genapimodel: %d services, %d operations, %d shapes, %d bytes (%d patterns RE2 cannot express left out)\n",
		len(file.Services), countOps(file), len(file.Shapes), len(data), dropped)
}

func countOps(f *tablefmt.File) int {
	n := 0
	for _, s := range f.Services {
		n += len(s.Ops)
	}
	return n
}

// modelSource reads files of the models repository.
type modelSource struct {
	root string
	bare bool
}

func openModels(root string) modelSource {
	_, err := os.Stat(filepath.Join(root, "objects"))
	_, errHead := os.Stat(filepath.Join(root, "HEAD"))
	return modelSource{root: root, bare: err == nil && errHead == nil}
}

func (m modelSource) git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"--git-dir", m.root}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// version names the models: the commit of a git clone, else "".
func (m modelSource) version() string {
	var out []byte
	var err error
	if m.bare {
		out, err = m.git("rev-parse", "HEAD")
	} else {
		out, err = exec.Command("git", "-C", m.root, "rev-parse", "HEAD").Output()
	}
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// modelFile finds <dir>/service/<version>/<dir>-<version>.json.
func (m modelSource) modelFile(dir string) (path string, data []byte, err error) {
	var paths []string
	if m.bare {
		out, err := m.git("ls-tree", "-r", "--name-only", "HEAD", dir+"/service/")
		if err != nil {
			return "", nil, err
		}
		paths = strings.Fields(string(out))
	} else {
		paths, _ = filepath.Glob(filepath.Join(m.root, dir, "service", "*", "*.json"))
		for i, p := range paths {
			paths[i], _ = filepath.Rel(m.root, p)
			paths[i] = filepath.ToSlash(paths[i])
		}
	}
	var found []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		return "", nil, fmt.Errorf("no model for %s under %s", dir, m.root)
	}
	sort.Strings(found)
	path = found[len(found)-1] // the newest API version
	if m.bare {
		data, err = m.git("show", "HEAD:"+path)
	} else {
		data, err = os.ReadFile(filepath.Join(m.root, path))
	}
	return path, data, err
}

// Smithy JSON AST, the parts we read.
type model struct {
	Shapes map[string]*smithyShape `json:"shapes"`
}

type smithyShape struct {
	Type    string                   `json:"type"`
	Version string                   `json:"version"`
	Members map[string]*smithyMember `json:"members"`
	Member  *smithyMember            `json:"member"`
	Key     *smithyMember            `json:"key"`
	Value   *smithyMember            `json:"value"`
	Input   *struct {
		Target string `json:"target"`
	} `json:"input"`
	Traits map[string]json.RawMessage `json:"traits"`
}

type smithyMember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

func generate(src modelSource) (*tablefmt.File, error) {
	g := &generator{file: &tablefmt.File{Models: src.version()}, leaves: map[string]int{}}
	for _, s := range services {
		path, data, err := src.modelFile(s.dir)
		if err != nil {
			return nil, err
		}
		var m model
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		entry, err := g.service(s.dir, s.name, &m)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		g.file.Services = append(g.file.Services, *entry)
	}
	return g.file, nil
}

type generator struct {
	file   *tablefmt.File
	leaves map[string]int // a leaf shape's JSON → its number, to share it
	// per service
	m     *model
	ids   map[string]int // shape ID (+ member traits) → number
	where string
}

func (g *generator) service(dir, name string, m *model) (*tablefmt.ServiceEntry, error) {
	g.m, g.ids, g.where = m, map[string]int{}, dir
	entry := &tablefmt.ServiceEntry{Name: name, Model: dir, Ops: map[string]int{}}
	var opIDs []string
	for id, s := range m.Shapes {
		switch s.Type {
		case "service":
			var svc struct {
				SDKID string `json:"sdkId"`
			}
			_ = json.Unmarshal(s.Traits["aws.api#service"], &svc)
			entry.SDKID, entry.Version = svc.SDKID, s.Version
		case "operation":
			opIDs = append(opIDs, id)
		}
	}
	if want := strings.NewReplacer(" ", "", "-", "").Replace(strings.ToLower(entry.SDKID)); want != name {
		return nil, fmt.Errorf("sdkId %q gives the aws-sdk name %q, not %q: check the services list", entry.SDKID, want, name)
	}
	sort.Strings(opIDs)
	for _, id := range opIDs {
		op := m.Shapes[id]
		target := "smithy.api#Unit"
		if op.Input != nil {
			target = op.Input.Target
		}
		n, err := g.shape(target, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", id, err)
		}
		entry.Ops[id[strings.Index(id, "#")+1:]] = n
	}
	return entry, nil
}

// prelude maps Smithy's built-in shapes to kinds.
var prelude = map[string]tablefmt.Kind{
	"String": tablefmt.String, "Blob": tablefmt.Blob, "Boolean": tablefmt.Boolean, "PrimitiveBoolean": tablefmt.Boolean,
	"Byte": tablefmt.Integer, "PrimitiveByte": tablefmt.Integer, "Short": tablefmt.Integer, "PrimitiveShort": tablefmt.Integer,
	"Integer": tablefmt.Integer, "PrimitiveInteger": tablefmt.Integer, "Long": tablefmt.Integer, "PrimitiveLong": tablefmt.Integer,
	"BigInteger": tablefmt.Integer, "Float": tablefmt.Float, "PrimitiveFloat": tablefmt.Float, "Double": tablefmt.Float,
	"PrimitiveDouble": tablefmt.Float, "BigDecimal": tablefmt.Float, "Timestamp": tablefmt.Timestamp,
	"Document": tablefmt.Document, "Unit": tablefmt.Structure,
}

var scalarKinds = map[string]tablefmt.Kind{
	"string": tablefmt.String, "blob": tablefmt.Blob, "boolean": tablefmt.Boolean, "byte": tablefmt.Integer,
	"short": tablefmt.Integer, "integer": tablefmt.Integer, "long": tablefmt.Integer, "bigInteger": tablefmt.Integer,
	"float": tablefmt.Float, "double": tablefmt.Float, "bigDecimal": tablefmt.Float, "timestamp": tablefmt.Timestamp,
	"document": tablefmt.Document, "enum": tablefmt.Enum, "intEnum": tablefmt.Integer,
}

// shape numbers the shape id, with the constraint traits its member adds.
func (g *generator) shape(id string, memberTraits map[string]json.RawMessage) (int, error) {
	key := id
	constraints := pick(memberTraits, "smithy.api#length", "smithy.api#range", "smithy.api#pattern")
	if len(constraints) > 0 {
		b, _ := json.Marshal(constraints)
		key += string(b)
	}
	if n, ok := g.ids[key]; ok {
		return n, nil
	}
	if strings.HasPrefix(id, "smithy.api#") {
		kind, ok := prelude[strings.TrimPrefix(id, "smithy.api#")]
		if !ok {
			return 0, fmt.Errorf("unknown prelude shape %s", id)
		}
		e := tablefmt.ShapeEntry{Kind: kind, Item: -1, Key: -1}
		if kind == tablefmt.Structure {
			e.Name = "Unit"
			return g.aggregate(key, e, func(*tablefmt.ShapeEntry) error { return nil })
		}
		if err := constrain(&e, memberTraits); err != nil {
			return 0, err
		}
		return g.leaf(key, e), nil
	}
	s := g.m.Shapes[id]
	if s == nil {
		return 0, fmt.Errorf("no shape %s", id)
	}
	if kind, ok := scalarKinds[s.Type]; ok {
		e := tablefmt.ShapeEntry{Kind: kind, Item: -1, Key: -1}
		if err := constrain(&e, s.Traits); err != nil {
			return 0, fmt.Errorf("%s: %v", id, err)
		}
		if err := constrain(&e, memberTraits); err != nil {
			return 0, fmt.Errorf("%s: %v", id, err)
		}
		switch s.Type {
		case "enum":
			for _, name := range sortedKeys(s.Members) {
				var v string
				if raw, ok := s.Members[name].Traits["smithy.api#enumValue"]; ok {
					if err := json.Unmarshal(raw, &v); err != nil {
						return 0, fmt.Errorf("%s$%s: %v", id, name, err)
					}
				} else {
					v = name
				}
				e.Enum = append(e.Enum, v)
			}
			sort.Strings(e.Enum)
		case "string":
			if raw, ok := s.Traits["smithy.api#enum"]; ok {
				var values []struct {
					Value string `json:"value"`
				}
				if err := json.Unmarshal(raw, &values); err != nil {
					return 0, fmt.Errorf("%s: @enum: %v", id, err)
				}
				e.Kind = tablefmt.Enum
				for _, v := range values {
					e.Enum = append(e.Enum, v.Value)
				}
				sort.Strings(e.Enum)
			}
		}
		if e.Kind == tablefmt.Enum {
			e.Pattern, e.Min, e.Max = "", nil, nil // an enum's values say it all
		}
		return g.leaf(key, e), nil
	}
	switch s.Type {
	case "list", "set":
		return g.aggregate(key, tablefmt.ShapeEntry{Kind: tablefmt.List, Key: -1}, func(e *tablefmt.ShapeEntry) error {
			item, err := g.shape(s.Member.Target, s.Member.Traits)
			e.Item = item
			if err == nil {
				err = constrain(e, s.Traits)
			}
			if err == nil {
				err = constrain(e, memberTraits)
			}
			return err
		})
	case "map":
		return g.aggregate(key, tablefmt.ShapeEntry{Kind: tablefmt.Map}, func(e *tablefmt.ShapeEntry) error {
			k, err := g.shape(s.Key.Target, s.Key.Traits)
			if err != nil {
				return err
			}
			v, err := g.shape(s.Value.Target, s.Value.Traits)
			e.Key, e.Item = k, v
			if err == nil {
				err = constrain(e, s.Traits)
			}
			if err == nil {
				err = constrain(e, memberTraits)
			}
			return err
		})
	case "structure", "union":
		kind := tablefmt.Structure
		if s.Type == "union" {
			kind = tablefmt.Union
		}
		return g.aggregate(key, tablefmt.ShapeEntry{Kind: kind, Name: id[strings.Index(id, "#")+1:], Item: -1, Key: -1}, func(e *tablefmt.ShapeEntry) error {
			for _, name := range sortedKeys(s.Members) {
				m := s.Members[name]
				n, err := g.shape(m.Target, m.Traits)
				if err != nil {
					return fmt.Errorf("%s$%s: %v", id, name, err)
				}
				e.Members = append(e.Members, tablefmt.MemberEntry{Name: name, Shape: n, Required: required(m)})
			}
			return nil
		})
	}
	return 0, fmt.Errorf("%s: unsupported shape type %s", id, s.Type)
}

// required: the caller must give the member. An idempotency token is
// filled in by the SDK, and a member with a default has a value anyway.
func required(m *smithyMember) bool {
	_, req := m.Traits["smithy.api#required"]
	_, token := m.Traits["smithy.api#idempotencyToken"]
	_, def := m.Traits["smithy.api#default"]
	return req && !token && !def
}

// leaf numbers a scalar shape, sharing one number between equal shapes.
func (g *generator) leaf(key string, e tablefmt.ShapeEntry) int {
	b, _ := json.Marshal(e)
	n, ok := g.leaves[string(b)]
	if !ok {
		n = len(g.file.Shapes)
		g.file.Shapes = append(g.file.Shapes, e)
		g.leaves[string(b)] = n
	}
	g.ids[key] = n
	return n
}

// aggregate numbers a list, map or structure before filling it in, so
// that recursive shapes refer to themselves.
func (g *generator) aggregate(key string, e tablefmt.ShapeEntry, fill func(*tablefmt.ShapeEntry) error) (int, error) {
	n := len(g.file.Shapes)
	g.file.Shapes = append(g.file.Shapes, e)
	g.ids[key] = n
	if err := fill(&e); err != nil {
		return 0, err
	}
	g.file.Shapes[n] = e
	return n, nil
}

// constrain adds @length, @range and @pattern to e.
func constrain(e *tablefmt.ShapeEntry, traits map[string]json.RawMessage) error {
	var bounds struct {
		Min *json.Number `json:"min"`
		Max *json.Number `json:"max"`
	}
	for _, t := range []string{"smithy.api#length", "smithy.api#range"} {
		raw, ok := traits[t]
		if !ok {
			continue
		}
		bounds.Min, bounds.Max = nil, nil
		if err := json.Unmarshal(raw, &bounds); err != nil {
			return fmt.Errorf("%s: %v", t, err)
		}
		if bounds.Min != nil {
			f, err := strconv.ParseFloat(bounds.Min.String(), 64)
			if err != nil {
				return err
			}
			e.Min = &f
		}
		if bounds.Max != nil {
			f, err := strconv.ParseFloat(bounds.Max.String(), 64)
			if err != nil {
				return err
			}
			e.Max = &f
		}
	}
	if raw, ok := traits["smithy.api#pattern"]; ok {
		var p string
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("@pattern: %v", err)
		}
		if re, ok := translatePattern(p); ok {
			e.Pattern = re
		} else {
			dropped++
		}
	}
	return nil
}

var dropped int

var (
	unicodeEscape = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)
	surrogate     = regexp.MustCompile(`\\u[dD][89a-fA-F][0-9a-fA-F]{2}`)
)

// translatePattern turns a Smithy (ECMA-262) pattern into RE2. Patterns RE2
// cannot express the same way (lookaround, backreferences, UTF-16
// surrogates) are dropped: the checker judges only what it can judge exactly.
func translatePattern(p string) (string, bool) {
	if surrogate.MatchString(p) {
		return "", false
	}
	re := unicodeEscape.ReplaceAllString(p, `\x{$1}`)
	if _, err := regexp.Compile(re); err != nil {
		return "", false
	}
	return re, true
}

func pick(traits map[string]json.RawMessage, names ...string) map[string]json.RawMessage {
	var out map[string]json.RawMessage
	for _, n := range names {
		if raw, ok := traits[n]; ok {
			if out == nil {
				out = map[string]json.RawMessage{}
			}
			out[n] = raw
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
