// Package parity holds the differential suite that builds every sfnkit task
// that has a CDK twin both ways, from one source.
//
// The cases are written once, for sfnkit, in package cases. Package cdkcases
// is generated from it (go generate ./internal/parity) by changing only the
// import of sfnkit's tasks package to the CDK's awsstepfunctionstasks, which
// makes it a migration test too: a program written against one API compiles
// against the other with only the import changed. The test builds both
// sides in twin stacks and requires identical state JSON and identical
// logical IDs, except where a case names a deliberate difference that the
// README lists.
package parity

//go:generate go run ./gencdkcases -from cases -to cdkcases
//go:generate go run ./gencdkcases -reverse -from migration/cdkapp -to migration/sfnkitapp

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
)

// Case is one task built with given props.
type Case struct {
	// Name is "<Task>/<what the case shows>", unique in the suite.
	Name string
	// Build creates the task (and whatever it needs: functions, clusters,
	// roles) in scope, with the ID "Task", and returns it.
	Build func(scope constructs.Construct) sfn.State
	// Differs maps a dotted path in the state JSON ("Parameters.Timeout",
	// "TimeoutSeconds") to the title of the README's deliberate difference
	// that explains it. The test checks that the two sides do differ there.
	Differs map[string]string
	// IDsDiffer names the README difference that explains different
	// logical IDs, when they are expected to differ.
	IDsDiffer string
	// Rejected names the README difference that explains why sfnkit
	// rejects, with a ValidationError, props that the CDK accepts.
	Rejected string
}
