package apimodel

import (
	"fmt"
	"strings"
	"sync"

	"github.com/sfnkit/sfnkit/internal/value"
)

// An optimized integration calls an API of the model, mostly as the API
// takes it; where the AWS Step Functions guide says it differs, the
// difference is declared here, once per integration. Member paths name
// members as Step Functions does (PascalCase); "[]" steps into a list's items.
type integration struct {
	model, op string // "sagemaker", "CreateProcessingJob"
	edit      func(e *editor)
	// shape, when set, is the whole request, for an integration that is no
	// API of the model (eks:call).
	shape func() *Shape
}

// optimized lists the optimized integrations by Resource "<service>:<api>".
// Sources: the AWS Step Functions developer guide, one page per service
// ("Parameters in Step Functions are expressed in PascalCase"; connect-*.html).
var optimized = map[string]integration{
	// Lambda: Payload is the JSON the function receives, not a blob.
	"lambda:invoke": {model: "lambda", op: "Invoke", edit: func(e *editor) { e.any("Payload") }},

	// SNS, SQS, EventBridge, Step Functions: the message, body, event
	// detail and execution input may be JSON, which Step Functions
	// serializes.
	"sns:publish":           {model: "sns", op: "Publish", edit: func(e *editor) { e.any("Message") }},
	"sqs:sendMessage":       {model: "sqs", op: "SendMessage", edit: func(e *editor) { e.any("MessageBody") }},
	"events:putEvents":      {model: "eventbridge", op: "PutEvents", edit: func(e *editor) { e.any("Entries[].Detail") }},
	"states:startExecution": {model: "sfn", op: "StartExecution", edit: func(e *editor) { e.any("Input") }},

	"batch:submitJob": {model: "batch", op: "SubmitJob"},
	"ecs:runTask":     {model: "ecs", op: "RunTask"},

	"dynamodb:getItem":    {model: "dynamodb", op: "GetItem"},
	"dynamodb:putItem":    {model: "dynamodb", op: "PutItem"},
	"dynamodb:updateItem": {model: "dynamodb", op: "UpdateItem"},
	"dynamodb:deleteItem": {model: "dynamodb", op: "DeleteItem"},

	"glue:startJobRun":     {model: "glue", op: "StartJobRun"},
	"databrew:startJobRun": {model: "databrew", op: "StartJobRun"},

	"athena:startQueryExecution": {model: "athena", op: "StartQueryExecution"},
	"athena:stopQueryExecution":  {model: "athena", op: "StopQueryExecution"},
	"athena:getQueryExecution":   {model: "athena", op: "GetQueryExecution"},
	"athena:getQueryResults":     {model: "athena", op: "GetQueryResults"},

	"sagemaker:createEndpoint":                {model: "sagemaker", op: "CreateEndpoint"},
	"sagemaker:createEndpointConfig":          {model: "sagemaker", op: "CreateEndpointConfig"},
	"sagemaker:createHyperParameterTuningJob": {model: "sagemaker", op: "CreateHyperParameterTuningJob"},
	"sagemaker:createLabelingJob":             {model: "sagemaker", op: "CreateLabelingJob"},
	"sagemaker:createModel":                   {model: "sagemaker", op: "CreateModel"},
	"sagemaker:createProcessingJob":           {model: "sagemaker", op: "CreateProcessingJob"},
	"sagemaker:createTrainingJob":             {model: "sagemaker", op: "CreateTrainingJob"},
	"sagemaker:createTransformJob":            {model: "sagemaker", op: "CreateTransformJob"},
	"sagemaker:updateEndpoint":                {model: "sagemaker", op: "UpdateEndpoint"},

	// EMR: the guide's table "Optimized Amazon EMR APIs" lists how each
	// differs from the EMR API it wraps.
	"elasticmapreduce:createCluster": {model: "emr", op: "RunJobFlow", edit: func(e *editor) {
		e.drop("Steps", "Step Functions' createCluster takes no Steps: add them with elasticmapreduce:addStep")
	}},
	"elasticmapreduce:addStep": {model: "emr", op: "AddJobFlowSteps", edit: func(e *editor) {
		e.rename("JobFlowId", "ClusterId")
		e.single("Steps", "Step")
	}},
	"elasticmapreduce:cancelStep": {model: "emr", op: "CancelSteps", edit: func(e *editor) { e.single("StepIds", "StepId") }},
	"elasticmapreduce:terminateCluster": {model: "emr", op: "TerminateJobFlows", edit: func(e *editor) {
		e.single("JobFlowIds", "ClusterId")
	}},
	"elasticmapreduce:setClusterTerminationProtection": {model: "emr", op: "SetTerminationProtection", edit: func(e *editor) {
		e.single("JobFlowIds", "ClusterId")
	}},
	"elasticmapreduce:modifyInstanceFleetByName": {model: "emr", op: "ModifyInstanceFleet", edit: func(e *editor) {
		e.add("InstanceFleetName", &Shape{Kind: String}, true)
		e.drop("InstanceFleet.InstanceFleetId", "Step Functions finds the fleet by InstanceFleetName")
	}},
	"elasticmapreduce:modifyInstanceGroupByName": {model: "emr", op: "ModifyInstanceGroups", edit: func(e *editor) {
		e.require("ClusterId")
		e.add("InstanceGroupName", &Shape{Kind: String}, true)
		e.single("InstanceGroups", "InstanceGroup")
		e.require("InstanceGroup")
		e.drop("InstanceGroup.InstanceGroupId", "Step Functions finds the group by InstanceGroupName")
	}},

	"emr-serverless:createApplication": {model: "emr-serverless", op: "CreateApplication"},
	"emr-serverless:startApplication":  {model: "emr-serverless", op: "StartApplication"},
	"emr-serverless:stopApplication":   {model: "emr-serverless", op: "StopApplication"},
	"emr-serverless:deleteApplication": {model: "emr-serverless", op: "DeleteApplication"},
	"emr-serverless:startJobRun":       {model: "emr-serverless", op: "StartJobRun"},
	"emr-serverless:cancelJobRun":      {model: "emr-serverless", op: "CancelJobRun"},

	"emr-containers:createVirtualCluster": {model: "emr-containers", op: "CreateVirtualCluster"},
	"emr-containers:deleteVirtualCluster": {model: "emr-containers", op: "DeleteVirtualCluster"},
	"emr-containers:startJobRun":          {model: "emr-containers", op: "StartJobRun"},

	// DeletionProtection is newer than the table's model snapshot.
	"eks:createCluster": {model: "eks", op: "CreateCluster", edit: func(e *editor) {
		e.add("DeletionProtection", &Shape{Kind: Boolean}, false)
	}},
	"eks:deleteCluster":        {model: "eks", op: "DeleteCluster"},
	"eks:createFargateProfile": {model: "eks", op: "CreateFargateProfile"},
	"eks:deleteFargateProfile": {model: "eks", op: "DeleteFargateProfile"},
	"eks:createNodegroup":      {model: "eks", op: "CreateNodegroup"},
	"eks:deleteNodegroup":      {model: "eks", op: "DeleteNodegroup"},
	// eks:call calls the Kubernetes API of a cluster: no AWS API.
	"eks:call": {shape: eksCall},

	"codebuild:startBuild":        {model: "codebuild", op: "StartBuild"},
	"codebuild:stopBuild":         {model: "codebuild", op: "StopBuild"},
	"codebuild:batchDeleteBuilds": {model: "codebuild", op: "BatchDeleteBuilds"},
	"codebuild:batchGetReports":   {model: "codebuild", op: "BatchGetReports"},
	"codebuild:startBuildBatch":   {model: "codebuild", op: "StartBuildBatch"},

	"mediaconvert:createJob": {model: "mediaconvert", op: "CreateJob"},

	// Bedrock: Body is the model's JSON; Input and Output name S3 objects
	// to read the body from and write the response to, instead of Body.
	"bedrock:invokeModel": {model: "bedrock-runtime", op: "InvokeModel", edit: func(e *editor) {
		e.any("Body")
		s3 := func() *Shape {
			return structure("S3Location", &Member{Name: "S3Uri", Shape: &Shape{Kind: String}, Required: true})
		}
		e.add("Input", s3(), false)
		e.add("Output", s3(), false)
	}},
	"bedrock:createModelCustomizationJob": {model: "bedrock", op: "CreateModelCustomizationJob"},

	// API Gateway invoke calls an API's endpoint: no AWS API.
	"apigateway:invoke": {shape: apiGatewayInvoke},
}

func eksCall() *Shape {
	str := &Shape{Kind: String}
	return structure("eks:call",
		&Member{Name: "ClusterName", Shape: str, Required: true},
		&Member{Name: "CertificateAuthority", Shape: str, Required: true},
		&Member{Name: "Endpoint", Shape: str, Required: true},
		&Member{Name: "Method", Shape: &Shape{Kind: Enum, Enum: []string{"DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"}}, Required: true},
		&Member{Name: "Path", Shape: str, Required: true},
		&Member{Name: "QueryParameters", Shape: &Shape{Kind: Map, Key: str, Item: &Shape{Kind: List, Item: str}}},
		&Member{Name: "RequestBody", Shape: &Shape{Kind: Any}},
	)
}

func apiGatewayInvoke() *Shape {
	str := &Shape{Kind: String}
	return structure("apigateway:invoke",
		&Member{Name: "ApiEndpoint", Shape: str, Required: true},
		&Member{Name: "Method", Shape: &Shape{Kind: Enum, Enum: []string{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"}}, Required: true},
		&Member{Name: "Headers", Shape: &Shape{Kind: Map, Key: str, Item: &Shape{Kind: List, Item: str}}},
		&Member{Name: "Stage", Shape: str},
		&Member{Name: "Path", Shape: str},
		&Member{Name: "QueryParameters", Shape: &Shape{Kind: Map, Key: str, Item: &Shape{Kind: List, Item: str}}},
		&Member{Name: "RequestBody", Shape: &Shape{Kind: Any}},
		&Member{Name: "AllowNullValues", Shape: &Shape{Kind: Boolean}},
		&Member{Name: "AuthType", Shape: &Shape{Kind: Enum, Enum: []string{"IAM_ROLE", "NO_AUTH", "RESOURCE_POLICY"}}},
	)
}

func structure(name string, members ...*Member) *Shape {
	s := &Shape{Kind: Structure, Name: name, Members: members}
	sortMembers(s)
	return s
}

// Optimized lists the optimized integrations the checker knows, as
// "<service>:<api>", for docs and tests.
func Optimized() []string {
	out := make([]string, 0, len(optimized))
	for k := range optimized {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// resolved caches each integration's request shape, edits applied.
var resolved sync.Map // "<service>:<api>" → *resolvedCall

type resolvedCall struct {
	once    sync.Once
	shape   *Shape
	label   string
	unknown string // why an aws-sdk action cannot exist
	err     error
}

// lookup finds the request shape of a call: nil (and no error) when the
// table does not know the call; an error when the call cannot exist (an
// aws-sdk action the service does not have).
func lookup(t Target) (*Shape, string, error) {
	key := t.Service + ":" + t.API
	r, _ := resolved.LoadOrStore(key, &resolvedCall{})
	rc := r.(*resolvedCall)
	rc.once.Do(func() { rc.shape, rc.label, rc.unknown, rc.err = resolve(t) })
	if rc.unknown != "" {
		field := t.ActionField
		if field == "" {
			field = "Action"
		}
		return nil, "", &value.FieldError{Field: field, Msg: rc.unknown}
	}
	return rc.shape, rc.label, rc.err
}

func resolve(t Target) (shape *Shape, label, unknown string, err error) {
	if t.API == "" {
		return nil, "", "", nil
	}
	if sdk, ok := strings.CutPrefix(t.Service, "aws-sdk:"); ok {
		tbl, err := Load()
		if err != nil {
			return nil, "", "", err
		}
		svc, ok := tbl.ServiceNamed(sdk)
		if !ok {
			return nil, "", "", nil
		}
		in, op, ok := svc.Operation(t.API)
		if !ok {
			msg := fmt.Sprintf("%s has no action %s", sdk, t.API)
			var actions []string
			for _, name := range svc.Operations() {
				actions = append(actions, value.Camel(name))
			}
			if best := nearest(t.API, actions); best != "" {
				msg += fmt.Sprintf("; did you mean %s?", best)
			}
			return nil, "", msg, nil
		}
		return in, "the " + sdk + " " + op + " request", "", nil
	}
	key := t.Service + ":" + t.API
	in, ok := optimized[key]
	if !ok {
		return nil, "", "", nil
	}
	label = "the " + key + " request"
	if in.shape != nil {
		return in.shape(), label, "", nil
	}
	tbl, err := Load()
	if err != nil {
		return nil, "", "", err
	}
	svc, ok := tbl.ServiceOfModel(in.model)
	if !ok {
		return nil, "", "", fmt.Errorf("apimodel: %s: no model %s in the table", key, in.model)
	}
	shape, _, ok = svc.Operation(in.op)
	if !ok {
		return nil, "", "", fmt.Errorf("apimodel: %s: no operation %s in %s", key, in.op, in.model)
	}
	if in.edit != nil {
		e := &editor{root: clone(shape), key: key}
		in.edit(e)
		if e.err != nil {
			return nil, "", "", e.err
		}
		shape = e.root
	}
	return shape, label, "", nil
}
