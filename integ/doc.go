// Package integ checks AWS Step Functions state machines built with the CDK
// from ordinary Go tests, without deploying anything:
//
//   - Validate synthesizes a stack and runs asl-validator on every state
//     machine definition (intrinsics resolved to placeholder ARNs).
//   - Run executes one state machine locally with a Go interpreter of the
//     Amazon States Language (both query languages, Variables, Parallel,
//     inline and distributed Map, Retry and Catch, simulated time), every
//     Task answered by a Go mock and every S3 object a distributed Map reads
//     given in the mocks (Mocks), and returns the Result with its output,
//     error and event history.
//   - Nag applies the cdk-nag AwsSolutions checks and fails on unsuppressed
//     AwsSolutions-IAM5 (wildcard permission) findings.
//
// Validate needs the npm package asl-validator 4.0.0; Run needs Node and the
// npm package jsonata 2.2.2 only for JSONata expressions. Both run in one
// long-lived Node process per test binary. They are found in $SFNKIT_NODE_MODULES if set,
// otherwise in the first node_modules directory above the test's working
// directory that holds them (in this repository, `make test` or `make deps`
// installs them with npm ci). A test that cannot find them fails.
// aws-local-stepfunctions 3.0.0, the engine Run used before, remains the
// oracle of the differential test of this package.
//
// The CDK's jsii runtime is not safe for concurrent use: do not call these
// functions from parallel tests (t.Parallel) that touch CDK objects.
package integ
