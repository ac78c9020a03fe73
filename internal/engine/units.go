package engine

import (
	"fmt"
	"math"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/value"
)

// TimeUnit is the unit an API takes a duration in.
type TimeUnit int

const (
	Millisecond TimeUnit = iota
	Second
	Minute
	Hour
)

func (u TimeUnit) String() string {
	return [...]string{"milliseconds", "seconds", "minutes", "hours"}[u]
}

// DurationIn converts a Duration prop to a whole number of unit: the
// expression when tasks.DurationAt made it, the JSONPath of a CDK number
// token inside it, or a literal. A Duration that is not a whole number of
// unit is an error, not a CDK exception.
func DurationIn(d awscdk.Duration, unit TimeUnit) (*value.Value, error) {
	if d == nil {
		return nil, nil
	}
	if v, ok := value.Standing(d); ok {
		return v, nil
	}
	var n *float64
	err := catch(func() {
		opts := &awscdk.TimeConversionOptions{Integral: jsii.Bool(false)}
		switch unit {
		case Millisecond:
			n = d.ToMilliseconds(opts)
		case Second:
			n = d.ToSeconds(opts)
		case Minute:
			n = d.ToMinutes(opts)
		default:
			n = d.ToHours(opts)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("cannot express %s in %s: %v", *d.ToHumanString(), unit, err)
	}
	if !value.IsTokenNumber(*n) && *n != math.Trunc(*n) {
		return nil, fmt.Errorf("%s is not a whole number of %s", *d.ToHumanString(), unit)
	}
	return Convert(n)
}

// SizeUnit is the unit an API takes a size in.
type SizeUnit int

const (
	Mebibyte SizeUnit = iota
	Gibibyte
)

func (u SizeUnit) String() string { return [...]string{"MiB", "GiB"}[u] }

// SizeIn converts a Size prop to a whole number of unit, like DurationIn.
func SizeIn(s awscdk.Size, unit SizeUnit) (*value.Value, error) {
	if s == nil {
		return nil, nil
	}
	if v, ok := value.Standing(s); ok {
		return v, nil
	}
	var n *float64
	err := catch(func() {
		opts := &awscdk.SizeConversionOptions{Rounding: awscdk.SizeRoundingBehavior_NONE}
		if unit == Mebibyte {
			n = s.ToMebibytes(opts)
		} else {
			n = s.ToGibibytes(opts)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("must be a whole number of %s: %v", unit, err)
	}
	return Convert(n)
}

// catch turns a panic (a CDK exception through jsii) into an error.
func catch(fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", p)
			}
		}
	}()
	fn()
	return nil
}
