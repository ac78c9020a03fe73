// Package cdkpath converts sfnkit's path conventions for the CDK's own
// states: sfnkit writes a discarded result as "DISCARD" (tasks.Discard),
// the CDK as a JSON-null token (sfn.JsonPath_DISCARD()).
package cdkpath

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"

	"github.com/sfnkit/sfnkit/internal/engine"
)

var cdkDiscard *string

func cdkDiscardToken() string {
	if cdkDiscard == nil {
		cdkDiscard = sfn.JsonPath_DISCARD()
	}
	return *cdkDiscard
}

// IsDiscard reports whether a ResultPath drops the result: tasks.Discard
// or the CDK's sfn.JsonPath_DISCARD().
func IsDiscard(path string) bool {
	return path == engine.Discard || path == cdkDiscardToken()
}

// ForCDK returns a ResultPath for a CDK state: the CDK's DISCARD token for
// either spelling of discard, other paths unchanged.
func ForCDK(path *string) *string {
	if path != nil && IsDiscard(*path) {
		return sfn.JsonPath_DISCARD()
	}
	return path
}
