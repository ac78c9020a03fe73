package engine

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Convert turns a user's field input into a Value, decoding CDK tokens and
// CDK objects (TaskInput, IResolvable) through jsii when there are any.
func Convert(x any) (*value.Value, error) { return value.From(x, cdkResolver{}) }

// Input is sfnkit's own TaskInput: it satisfies sfn.TaskInput, so it fits
// every CDK field of that type, yet holds sfnkit Values and costs no jsii.
type Input struct {
	Kind sfn.InputType
	V    any
}

func (i *Input) Type() sfn.InputType { return i.Kind }
func (i *Input) Value() interface{}  { return i.V }

type cdkResolver struct{}

func (cdkResolver) Foreign(x any) (any, bool) {
	switch t := x.(type) {
	case *Input:
		return t.V, true
	case sfn.TaskInput:
		return t.Value(), true
	case awscdk.IResolvable:
		return value.Token{X: t}, true
	}
	return nil, false
}

// exprCache remembers what each token string or number stands for: tokens
// are unique and immutable, and asking jsii costs a round trip.
var exprCache sync.Map

func cacheKey(t any) (any, bool) {
	switch v := t.(type) {
	case string:
		return v, true
	case float64:
		return v, true
	case []*string:
		if len(v) == 1 && v[0] != nil {
			return "list:" + *v[0], true
		}
	case []string:
		if len(v) == 1 {
			return "list:" + v[0], true
		}
	}
	return nil, false
}

// Expressions asks the CDK, in one call for all of them, which tokens are
// JsonPath tokens (JsonPath_StringAt, JsonPath_Format…) and what they say.
func (cdkResolver) Expressions(tokens []any) (out []string, err error) {
	out = make([]string, len(tokens))
	ask := map[string]any{}
	for i, t := range tokens {
		if k, ok := cacheKey(t); ok {
			if e, hit := exprCache.Load(k); hit {
				out[i] = e.(string)
				continue
			}
		}
		ask["t"+strconv.Itoa(i)] = t
	}
	if len(ask) == 0 {
		return out, nil
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the CDK could not read a token: %v (a JsonPath token must be the whole string: use States.Format to combine it with text)", p)
		}
	}()
	rendered := *sfn.FieldUtils_RenderObject(&ask)
	for i, t := range tokens {
		name := "t" + strconv.Itoa(i)
		if _, asked := ask[name]; !asked {
			continue
		}
		if e, ok := rendered[name+".$"].(string); ok {
			out[i] = e
		}
		if k, ok := cacheKey(t); ok {
			exprCache.Store(k, out[i])
		}
	}
	return out, nil
}
