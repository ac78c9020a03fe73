// Package tasks holds sfnkit's typed Step Functions tasks: drop-in
// replacements for the CDK's awsstepfunctionstasks that take a dynamic
// value in every field and put exactly the IAM statements each use needs
// on the role of the state machine that contains them.
//
// A field value is a literal or decided at run time:
//
//	tasks.Path("$.count")                          // "Field.$": "$.count"
//	tasks.Intrinsic("States.Format('x-{}', $.id)") // "Field.$": "States.Format(...)"
//	tasks.JSONata("$states.input.count")           // "Field": "{% $states.input.count %}"
//	tasks.List("spark-submit", tasks.Path("$.script")) // "Field.$": "States.Array('spark-submit', $.script)"
//
// String fields stay *string, as in the CDK: give them jsii.String for a
// literal, tasks.StringAt for a path or intrinsic, or the CDK's own
// sfn.JsonPath_StringAt token. A literal string that merely starts with '$'
// stays a literal.
//
// Invalid props make a constructor panic with a *ValidationError listing
// every problem by field, the way CDK constructs throw.
package tasks

//go:generate go run ../internal/gendropin
