package apimodel

import (
	"strings"
	"testing"

	"github.com/sfnkit/sfnkit/internal/value"
)

type obj = map[string]*value.Value

func o(fields obj) *value.Value            { return value.NewObject(fields) }
func l(items ...*value.Value) *value.Value { return value.NewList(items...) }
func lit(x any) *value.Value               { return value.Lit(x) }

// processingJob is a valid createProcessingJob request; change lets a case
// break one member of it.
func processingJob(change func(p obj, cluster obj)) *value.Value {
	cluster := obj{"InstanceCount": lit(1), "InstanceType": lit("ml.t3.medium"), "VolumeSizeInGB": lit(1)}
	p := obj{
		"ProcessingJobName":   lit("hello-world"),
		"RoleArn":             lit("arn:aws:iam::111122223333:role/sagemaker"),
		"ProcessingResources": o(obj{"ClusterConfig": o(cluster)}),
		"AppSpecification":    o(obj{"ImageUri": lit("111122223333.dkr.ecr.us-east-1.amazonaws.com/hello:latest")}),
		"StoppingCondition":   o(obj{"MaxRuntimeInSeconds": lit(600)}),
	}
	if change != nil {
		change(p, cluster)
	}
	return o(p)
}

const processing = "arn:aws:states:::sagemaker:createProcessingJob.sync"

func TestCheck(t *testing.T) {
	s3 := Target{Service: "aws-sdk:s3", API: "getObject", Field: "Parameters", ActionField: "Action"}
	tests := []struct {
		name   string
		target Target
		// resource, when set, checks as raw ASL (CustomTask) instead of target.
		resource string
		params   *value.Value
		want     []string // one substring per expected problem, in order; none: valid
	}{
		{name: "CallAwsService: misspelled member", target: s3,
			params: o(obj{"Buckett": lit("b"), "Key": lit("k")}),
			want:   []string{"Parameters.Buckett: the s3 GetObject request has no member Buckett; did you mean Bucket? (members: Bucket, ChecksumMode,"}},
		{name: "CustomTask: misspelled member", resource: processing,
			params: processingJob(func(p, _ obj) { p["ProcessingJobNmae"] = p["ProcessingJobName"]; delete(p, "ProcessingJobName") }),
			want:   []string{"Parameters.ProcessingJobNmae: the sagemaker:createProcessingJob request has no member ProcessingJobNmae; did you mean ProcessingJobName?"}},
		{name: "missing required member", target: s3,
			params: o(obj{"Bucket": lit("b")}),
			want:   []string{"Parameters.Key: required by the s3 GetObject request"}},
		{name: "missing required nested member", resource: processing,
			params: processingJob(func(_, c obj) { delete(c, "InstanceType") }),
			want:   []string{"Parameters.ProcessingResources.ClusterConfig.InstanceType: required by the ProcessingClusterConfig structure"}},
		{name: "range, nested", resource: processing,
			params: processingJob(func(_, c obj) { c["InstanceCount"] = lit(0) }),
			want:   []string{"Parameters.ProcessingResources.ClusterConfig.InstanceCount: must be from 1 to 100, got 0"}},
		{name: "enum, nested, with the nearest value", resource: processing,
			params: processingJob(func(_, c obj) { c["InstanceType"] = lit("ml.t3.medum") }),
			want:   []string{`Parameters.ProcessingResources.ClusterConfig.InstanceType: "ml.t3.medum" is not one of the`, `did you mean "ml.t3.medium"?`}},
		{name: "short enum lists every value", target: Target{Service: "lambda", API: "invoke"},
			params: o(obj{"FunctionName": lit("f"), "InvocationType": lit("Later")}),
			want:   []string{`Parameters.InvocationType: must be one of DryRun, Event, RequestResponse, got "Later"`}},
		{name: "pattern, in a list item", target: Target{Service: "sagemaker", API: "createEndpointConfig"},
			params: o(obj{"EndpointConfigName": lit("c"), "ProductionVariants": l(o(obj{"VariantName": lit("blue_green"), "ModelName": lit("m")}))}),
			want:   []string{`Parameters.ProductionVariants[0].VariantName: must match ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$, got "blue_green"`}},
		{name: "length", resource: processing,
			params: processingJob(func(p, _ obj) { p["ProcessingJobName"] = lit(strings.Repeat("a", 64)) }),
			want:   []string{"Parameters.ProcessingJobName: must be 1 to 63 characters long, got 64"}},
		{name: "whole number", resource: processing,
			params: processingJob(func(_, c obj) { c["VolumeSizeInGB"] = lit(1.5) }),
			want:   []string{"Parameters.ProcessingResources.ClusterConfig.VolumeSizeInGB: must be a whole number, got 1.5"}},
		{name: "JSON types", resource: processing,
			params: processingJob(func(p, c obj) {
				c["InstanceCount"] = lit("1")
				p["AppSpecification"] = lit("image")
				p["Environment"] = l(lit("A=1"))
			}),
			want: []string{
				"Parameters.AppSpecification: must be an object (AppSpecification), got the string \"image\"",
				"Parameters.Environment: must be an object (a map), got a list",
				"Parameters.ProcessingResources.ClusterConfig.InstanceCount: must be a whole number, got the string \"1\"",
			}},
		{name: "every problem at once, sorted by path", resource: processing,
			params: processingJob(func(p, c obj) {
				c["InstanceCount"] = lit(101)
				delete(p, "RoleArn")
				p["Tags"] = l(o(obj{"Key": lit(""), "Value": lit("v")}))
			}),
			want: []string{
				"Parameters.ProcessingResources.ClusterConfig.InstanceCount: must be from 1 to 100, got 101",
				"Parameters.Tags[0].Key: must be 1 to 128 characters long, got 0",
				"Parameters.RoleArn: required",
			}},
		{name: "map keys and values", target: Target{Service: "emr-serverless", API: "startJobRun"},
			params: o(obj{"ApplicationId": lit("app1"), "ExecutionRoleArn": lit("arn:aws:iam::111122223333:role/job"),
				"Tags": o(obj{strings.Repeat("k", 129): lit("v"), "n": lit(1)})}),
			want: []string{
				`Parameters.Tags: key "kkkk`, "must be 1 to 128 characters long, got 129",
				"Parameters.Tags.n: must be a string, got the number 1",
			}},
		{name: "union: one member only", target: Target{Service: "dynamodb", API: "getItem"},
			params: o(obj{"TableName": lit("t"), "Key": o(obj{"pk": o(obj{"S": lit("a"), "N": lit("1")})})}),
			want:   []string{"Parameters.Key.pk: the AttributeValue structure takes exactly one of B, BOOL, BS, L, M, N, NS, NULL, S, SS, got N and S"}},
		{name: "unknown aws-sdk action", target: Target{Service: "aws-sdk:s3", API: "getObjekt", ActionField: "Action"},
			params: o(obj{"Bucket": lit("b")}),
			want:   []string{"Action: s3 has no action getObjekt; did you mean getObject?"}},
		{name: "unknown aws-sdk action in raw ASL", resource: "arn:aws:states:::aws-sdk:sfn:startExecutionn",
			params: o(obj{}),
			want:   []string{"StateJson.Resource: sfn has no action startExecutionn; did you mean startExecution?"}},
		{name: "JSONata state: Arguments", target: Target{Service: "aws-sdk:s3", API: "getObject", Field: "Arguments"},
			params: o(obj{"Bucket": lit("b")}),
			want:   []string{"Arguments.Key: required"}},
		{name: "camelCase model members are PascalCase", target: Target{Service: "aws-sdk:emrserverless", API: "startJobRun"},
			params: o(obj{"applicationId": lit("app1"), "ExecutionRoleArn": lit("arn:aws:iam::111122223333:role/job")}),
			want:   []string{"Parameters.applicationId: the emrserverless StartJobRun request has no member applicationId; did you mean ApplicationId?"}},

		// Valid requests.
		{name: "valid", resource: processing, params: processingJob(nil)},
		{name: "camelCase model, PascalCase members", target: Target{Service: "aws-sdk:emrserverless", API: "startJobRun"},
			params: o(obj{"ApplicationId": lit("app1"), "ExecutionRoleArn": lit("arn:aws:iam::111122223333:role/job"),
				"JobDriver": o(obj{"SparkSubmit": o(obj{"EntryPoint": lit("s3://b/app.py")})})})},
		{name: "no Parameters: the input is the request", target: s3},
		{name: "nulls are passed on", target: s3, params: o(obj{"Bucket": lit("b"), "Key": lit("k"), "VersionId": lit(nil)})},
		{name: "not an integration", resource: "arn:aws:lambda:us-east-1:111122223333:function:f", params: o(obj{"Anything": lit(1)})},
		{name: "a service the table lacks", target: Target{Service: "aws-sdk:ec2", API: "describeInstances"}, params: o(obj{"Whatever": lit(1)})},
		{name: "an integration the table lacks", resource: "arn:aws:states:::http:invoke", params: o(obj{"Whatever": lit(1)})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs []error
			if tc.resource != "" {
				errs = CheckResource(tc.resource, "Parameters", tc.params)
			} else {
				errs = Check(tc.target, tc.params)
			}
			got := make([]string, len(errs))
			for i, e := range errs {
				got[i] = e.Error()
			}
			all := strings.Join(got, "\n")
			if len(tc.want) == 0 && len(errs) > 0 {
				t.Fatalf("want no problems, got:\n%s", all)
			}
			rest := all
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("want %q (in this order), got:\n%s", w, all)
				}
				rest = rest[i+len(w):]
			}
			if len(tc.want) > 0 && len(errs) > len(tc.want) {
				t.Errorf("more problems than expected:\n%s", all)
			}
		})
	}
}

// Values decided at run time are accepted for any member, however wrong
// their literal counterpart would be: JSONPath, intrinsic functions,
// JSONata, ".$" members for required ones, and CDK tokens.
func TestDynamicValuesAreNeverJudged(t *testing.T) {
	dynamic := map[string]*value.Value{
		"path":      value.Dyn("$.x"),
		"context":   value.Dyn("$$.Execution.Name"),
		"intrinsic": value.Dyn("States.Format('job-{}', States.UUID())"),
		"jsonata":   value.Ata("$states.input.x"),
		"token":     lit("${Token[TOKEN.123]}"),
		"number":    lit(-1.8881545897087626e+289), // a CDK number token
	}
	for name, d := range dynamic {
		t.Run(name, func(t *testing.T) {
			if name == "number" && !value.IsTokenNumber(-1.8881545897087626e+289) {
				t.Skip("not a number token")
			}
			params := processingJob(func(p, c obj) {
				for _, k := range []string{"ProcessingJobName", "RoleArn"} {
					p[k] = d
				}
				c["InstanceCount"], c["InstanceType"], c["VolumeSizeInGB"] = d, d, d
				p["StoppingCondition"] = d
				p["Environment"] = d
				p["ProcessingInputs"] = l(d, d)
				p["Tags"] = l(o(obj{"Key": d, "Value": d}))
			})
			if errs := CheckResource(processing, "Parameters", params); len(errs) > 0 {
				t.Fatalf("dynamic values judged: %v", errs)
			}
			// The whole request, or a whole structure, decided at run time.
			if errs := CheckResource(processing, "Parameters", d); len(errs) > 0 {
				t.Fatalf("a dynamic request judged: %v", errs)
			}
		})
	}
}

// The differences between the optimized integrations and the APIs they
// wrap, as the AWS Step Functions guide documents them.
func TestOptimizedIntegrationDifferences(t *testing.T) {
	tests := []struct {
		resource string
		params   *value.Value
		want     string // "" for valid
	}{
		{"arn:aws:states:::lambda:invoke", o(obj{"FunctionName": lit("f"), "Payload": o(obj{"any": l(lit(1), lit(true))})}), ""},
		{"arn:aws:states:::sns:publish", o(obj{"TopicArn": lit("arn:aws:sns:us-east-1:111122223333:t"), "Message": o(obj{"a": lit(1)})}), ""},
		{"arn:aws:states:::sqs:sendMessage", o(obj{"QueueUrl": lit("https://sqs/q"), "MessageBody": o(obj{"a": lit(1)})}), ""},
		{"arn:aws:states:::events:putEvents", o(obj{"Entries": l(o(obj{"Detail": o(obj{"a": lit(1)}), "DetailType": lit("t"), "Source": lit("s")}))}), ""},
		{"arn:aws:states:::states:startExecution.sync:2", o(obj{"StateMachineArn": lit("arn:aws:states:us-east-1:111122223333:stateMachine:m"), "Input": o(obj{"a": lit(1)})}), ""},
		{"arn:aws:states:::elasticmapreduce:addStep.sync", o(obj{"ClusterId": lit("j-1"),
			"Step": o(obj{"Name": lit("s"), "HadoopJarStep": o(obj{"Jar": lit("command-runner.jar")})})}), ""},
		{"arn:aws:states:::elasticmapreduce:addStep", o(obj{"JobFlowId": lit("j-1"), "Steps": l()}),
			"Parameters.JobFlowId: the elasticmapreduce:addStep request has no member JobFlowId"},
		{"arn:aws:states:::elasticmapreduce:terminateCluster.sync", o(obj{"ClusterId": lit("j-1")}), ""},
		{"arn:aws:states:::elasticmapreduce:cancelStep", o(obj{"ClusterId": lit("j-1"), "StepId": lit("s-1")}), ""},
		{"arn:aws:states:::elasticmapreduce:setClusterTerminationProtection", o(obj{"ClusterId": lit("j-1"), "TerminationProtected": lit(true)}), ""},
		{"arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName", o(obj{"ClusterId": lit("j-1"), "InstanceFleetName": lit("core"),
			"InstanceFleet": o(obj{"TargetOnDemandCapacity": lit(2)})}), ""},
		{"arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName", o(obj{"ClusterId": lit("j-1"), "InstanceFleetName": lit("core"),
			"InstanceFleet": o(obj{"InstanceFleetId": lit("if-1")})}), "Parameters.InstanceFleet.InstanceFleetId: Step Functions finds the fleet by InstanceFleetName"},
		{"arn:aws:states:::elasticmapreduce:modifyInstanceGroupByName", o(obj{"ClusterId": lit("j-1"), "InstanceGroupName": lit("core"),
			"InstanceGroup": o(obj{"InstanceCount": lit(2)})}), ""},
		{"arn:aws:states:::elasticmapreduce:createCluster.sync", o(obj{"Name": lit("c"), "Instances": o(obj{"KeepJobFlowAliveWhenNoSteps": lit(true)}),
			"Steps": l()}), "Parameters.Steps: Step Functions' createCluster takes no Steps"},
		{"arn:aws:states:::bedrock:invokeModel", o(obj{"ModelId": lit("m"), "Input": o(obj{"S3Uri": lit("s3://b/in.json")}),
			"Output": o(obj{"S3Uri": lit("s3://b/out.json")})}), ""},
		{"arn:aws:states:::bedrock:invokeModel", o(obj{"ModelId": lit("m"), "Body": o(obj{"prompt": lit("hi")})}), ""},
		{"arn:aws:states:::eks:call", o(obj{"ClusterName": lit("c"), "CertificateAuthority": lit("ca"), "Endpoint": lit("https://e"),
			"Method": lit("GET"), "Path": lit("/api"), "QueryParameters": o(obj{"labelSelector": l(lit("app=web"))})}), ""},
		{"arn:aws:states:::eks:call", o(obj{"ClusterName": lit("c"), "CertificateAuthority": lit("ca"), "Endpoint": lit("https://e"),
			"Method": lit("FETCH"), "Path": lit("/api")}), `Parameters.Method: must be one of DELETE, GET, HEAD, PATCH, POST, PUT, got "FETCH"`},
	}
	for _, tc := range tests {
		t.Run(tc.resource, func(t *testing.T) {
			errs := CheckResource(tc.resource, "Parameters", tc.params)
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Fatalf("want no problems, got %v", errs)
			case tc.want != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), tc.want)):
				t.Fatalf("want %q, got %v", tc.want, errs)
			}
		})
	}
}

// Every optimized integration maps to an operation of the table, and its
// declared differences apply (a path that no longer exists in a newer
// model fails here, not at a user's synth).
func TestEveryOptimizedIntegrationResolves(t *testing.T) {
	for _, key := range Optimized() {
		i := strings.LastIndex(key, ":")
		shape, _, err := lookup(Target{Service: key[:i], API: key[i+1:]})
		if err != nil || shape == nil || shape.Kind != Structure {
			t.Errorf("%s: %v, %v", key, shape, err)
		}
	}
}

func TestTable(t *testing.T) {
	tbl, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"s3", "dynamodb", "sqs", "sns", "lambda", "eventbridge", "sfn", "ecs", "batch", "glue", "athena",
		"sagemaker", "emr", "ecr", "secretsmanager", "ssm", "kms", "cloudwatch", "bedrock", "bedrockruntime"} {
		svc, ok := tbl.ServiceNamed(name)
		if !ok || len(svc.Operations()) == 0 {
			t.Errorf("%s: missing from the table", name)
		}
	}
	s3, _ := tbl.ServiceNamed("s3")
	if _, op, ok := s3.Operation("listObjectsV2"); !ok || op != "ListObjectsV2" {
		t.Errorf("s3 listObjectsV2 → %q, %v", op, ok)
	}
	t.Logf("table: %d bytes embedded, %d services, models %s", len(tableData), len(tbl.Services()), tbl.Models)
	if len(tableData) > 512<<10 {
		t.Errorf("the table grew to %d bytes: keep it small", len(tableData))
	}
}

func TestNearest(t *testing.T) {
	names := []string{"ProcessingJobName", "ProcessingInputs", "RoleArn", "Tags"}
	for in, want := range map[string]string{
		"ProcessingJobNmae": "ProcessingJobName", // a swap
		"processingjobname": "ProcessingJobName", // case
		"RoleArm":           "RoleArn",
		"Tag":               "Tags",
		"Environment":       "",
		"X":                 "",
	} {
		if got := nearest(in, names); got != want {
			t.Errorf("nearest(%q) = %q, want %q", in, got, want)
		}
	}
}
