// Package apimodel checks a task's Parameters (or Arguments) against the
// input of the AWS API it calls, from the APIs' own models: unknown members
// (with the nearest member as a suggestion), missing required members,
// wrong JSON types, lengths, ranges, patterns and enum values, through
// nested structures, lists and maps. Only literals are judged: JSONPath,
// intrinsic functions, JSONata and CDK tokens are decided later, and a
// "Key.$" member counts as Key.
//
// # What it knows
//
// The table (api.bin.gz, embedded, decoded once on first use) holds the
// input shapes of every operation of the services listed in genapimodel:
// those users call most through aws-sdk integrations and those behind the
// optimized integrations. Facts only: member names, which are required,
// JSON types, lengths, ranges, patterns and enum values; no documentation.
// Patterns RE2 cannot express exactly (lookaround, UTF-16 surrogate
// ranges, repeats over 1000) are left out, so never misjudged.
//
// An aws-sdk integration (arn:…:states:::aws-sdk:s3:getObject) is the
// SDK's operation as is: the service is the AWS SDK for Java 2.x client
// name (the model's sdkId in lower case, without spaces or dashes:
// "emrserverless", "secretsmanager", "sfn"), the action is the operation in
// camelCase, and members are PascalCase. An optimized integration
// (arn:…:states:::sagemaker:createProcessingJob.sync) is mapped to its
// operation in integrations.go, with the differences the AWS Step Functions
// guide documents declared there, once per integration (Lambda's Payload is
// JSON; EMR's addStep takes ClusterId and one Step; …). A call the table
// does not know is not checked.
//
// The table is a snapshot: an enum value or an operation AWS added after
// it was generated is rejected until the table is refreshed (or the value
// is written as an expression, which is never judged). The table records
// the commit of the models it was generated from (Table.Models).
//
// # Refreshing the table
//
// The models are not part of this repository; genapimodel reads them at
// generation time from a checkout (or a bare clone) of
// https://github.com/aws/api-models-aws:
//
//	git clone --depth 1 https://github.com/aws/api-models-aws /tmp/api-models-aws
//	SFNKIT_API_MODELS=/tmp/api-models-aws go generate ./internal/apimodel
//
// It takes the newest API version of each service, writes api.bin.gz
// (deterministic: the same models give the same bytes) and prints how many
// services, operations and shapes it holds and its size. Then run
// `go test ./internal/apimodel`: with SFNKIT_API_MODELS set,
// TestGeneratedTableIsCurrent regenerates the table into a temporary
// directory and compares; without it, it is skipped. To add a service, add
// its model directory and aws-sdk name to the services list in
// genapimodel/main.go; to add an optimized integration, map it in
// integrations.go, with any difference the guide documents.
package apimodel

//go:generate go run ./genapimodel -out api.bin.gz
