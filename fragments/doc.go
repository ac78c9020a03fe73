// Package fragments will hold reusable multi-state workflows built from
// sfnkit tasks: enclose a sub-workflow in a Parallel, pre/post status hooks,
// a Lambda handler run as an AWS Batch job with its payload in S3, error
// notification. See the project's issue on fragments and states.
package fragments
