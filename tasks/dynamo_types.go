package tasks

import (
	"fmt"
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

// DynamoConsumedCapacity mirrors awsstepfunctionstasks.DynamoConsumedCapacity.
// It may be dynamic: DynamoConsumedCapacity(*tasks.StringAt("$.capacity")).
type DynamoConsumedCapacity string

const (
	DynamoConsumedCapacity_INDEXES DynamoConsumedCapacity = "INDEXES"
	DynamoConsumedCapacity_TOTAL   DynamoConsumedCapacity = "TOTAL"
	DynamoConsumedCapacity_NONE    DynamoConsumedCapacity = "NONE"
)

// DynamoItemCollectionMetrics mirrors awsstepfunctionstasks.DynamoItemCollectionMetrics.
type DynamoItemCollectionMetrics string

const (
	DynamoItemCollectionMetrics_SIZE DynamoItemCollectionMetrics = "SIZE"
	DynamoItemCollectionMetrics_NONE DynamoItemCollectionMetrics = "NONE"
)

// DynamoReturnValues mirrors awsstepfunctionstasks.DynamoReturnValues.
// PutItem and DeleteItem take NONE and ALL_OLD only.
type DynamoReturnValues string

const (
	DynamoReturnValues_NONE        DynamoReturnValues = "NONE"
	DynamoReturnValues_ALL_OLD     DynamoReturnValues = "ALL_OLD"
	DynamoReturnValues_UPDATED_OLD DynamoReturnValues = "UPDATED_OLD"
	DynamoReturnValues_ALL_NEW     DynamoReturnValues = "ALL_NEW"
	DynamoReturnValues_UPDATED_NEW DynamoReturnValues = "UPDATED_NEW"
)

// DynamoProjectionExpression mirrors the CDK's class of that name: one
// document path of a ProjectionExpression, built as
// NewDynamoProjectionExpression().WithAttribute(jsii.String("a")).AtIndex(jsii.Number(0)).
type DynamoProjectionExpression interface {
	// WithAttribute appends an attribute name (".name" after the first).
	WithAttribute(attr *string) DynamoProjectionExpression
	// AtIndex appends a list index ("[2]"); the path must start with an attribute.
	AtIndex(index *float64) DynamoProjectionExpression
	ToString() *string
}

// NewDynamoProjectionExpression starts an empty document path.
func NewDynamoProjectionExpression() DynamoProjectionExpression {
	return &projectionPath{}
}

type projectionPath struct {
	parts []string
	err   error
}

func (p *projectionPath) WithAttribute(attr *string) DynamoProjectionExpression {
	switch {
	case attr == nil || *attr == "":
		p.fail("WithAttribute needs an attribute name")
	case strings.HasPrefix(*attr, value.Marker) || value.IsTokenString(*attr) || strings.HasPrefix(*attr, "{%"):
		p.fail("WithAttribute takes a literal attribute name; to decide the projection at run time, give the whole ProjectionExpression: tasks.ValueAt[[]tasks.DynamoProjectionExpression](\"$.projection\")")
	case len(p.parts) == 0:
		p.parts = append(p.parts, *attr)
	default:
		p.parts = append(p.parts, "."+*attr)
	}
	return p
}

func (p *projectionPath) AtIndex(index *float64) DynamoProjectionExpression {
	switch {
	case len(p.parts) == 0:
		p.fail("the expression must start with an attribute (WithAttribute) before AtIndex")
	case index == nil || *index < 0 || *index != float64(int64(*index)):
		p.fail("AtIndex needs a whole number of at least 0")
	default:
		p.parts = append(p.parts, fmt.Sprintf("[%d]", int64(*index)))
	}
	return p
}

func (p *projectionPath) ToString() *string {
	s := strings.Join(p.parts, "")
	return &s
}

func (p *projectionPath) fail(msg string) {
	if p.err == nil {
		p.err = fmt.Errorf("%s", msg)
	}
}
