// Package states holds reusable groups of states, each built like a CDK
// state (states.NewX(scope, id, props)) and chained like one:
//
//   - S3: NewPutObject, NewGetObject, NewPutPayload, NewGetPayload
//   - Batch: NewRegisterJobDefinition, NewSubmitJob, NewDeregisterJobDefinition
//   - NewMergeDefaults: literal defaults merged with an object of the state
//   - Enclose: any chainable run as a sub-workflow, its result unwrapped once
//   - RefPath (Ref): reference paths that join, render as "key.$" and
//     work as field values
//
// Every field takes a literal or a dynamic value (tasks.Path,
// tasks.StringAt, states.Ref, a States.Format call), IAM is derived from
// the values (exact when literal, the narrowest wildcard when not), and
// invalid props panic with a *ValidationError naming every field at fault.
// State names start with the construct id ("<id> PutObject Prep"), so two
// instances never collide. The states are JSONPath states.
package states
