// Package quickstart tests the README's "Use sfnkit in your app" section:
// its test builds a throwaway app from the section's snippets in a temporary
// directory outside the repository and runs `go mod tidy`, `go test ./...`
// (and `cdk synth` when the repository's CDK CLI is installed) in it.
package quickstart
