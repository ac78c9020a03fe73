// Package states will hold reusable groups of states: S3 payload put/get,
// merge-defaults, Batch job-definition register/submit/deregister.
package states
