// Package cfn reads synthesized CloudFormation templates without Node or jsii:
// it lists the Step Functions state machines in a template, resolves the
// intrinsics in their definitions to plausible placeholder values, walks the
// resulting Amazon States Language, and summarises a state machine's size and
// IAM footprint.
//
// Package integ builds on it; cmd/synthsummary uses it directly so that it
// builds without the CDK.
package cfn
