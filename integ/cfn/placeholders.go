package cfn

import (
	"fmt"
	"strings"
)

// Placeholder values used for pseudo parameters and references.
const (
	Partition = "aws"
	Region    = "us-east-1"
	AccountID = "123456789012"
	URLSuffix = "amazonaws.com"
	StackName = "test-stack"
)

var pseudoParameters = map[string]string{
	"AWS::Partition": Partition,
	"AWS::Region":    Region,
	"AWS::AccountId": AccountID,
	"AWS::URLSuffix": URLSuffix,
	"AWS::StackName": StackName,
	"AWS::StackId":   "arn:aws:cloudformation:" + Region + ":" + AccountID + ":stack/" + StackName + "/00000000-0000-0000-0000-000000000000",
}

// kind describes how a resource type answers Ref and Fn::GetAtt.
type kind struct {
	ref   string            // "arn", "name", or a template ("url", …)
	arn   string            // ARN template; %s is the logical ID
	attrs map[string]string // GetAtt attribute → "arn" | "name" | "url" | "id"
}

func regional(service, resource string) string {
	return "arn:" + Partition + ":" + service + ":" + Region + ":" + AccountID + ":" + resource
}

var kinds = map[string]kind{
	"AWS::Lambda::Function":                {ref: "name", arn: regional("lambda", "function:%s")},
	"AWS::Lambda::Alias":                   {ref: "arn", arn: regional("lambda", "function:%s:live")},
	"AWS::Lambda::Version":                 {ref: "arn", arn: regional("lambda", "function:%s:1"), attrs: map[string]string{"Version": "1"}},
	"AWS::SNS::Topic":                      {ref: "arn", arn: regional("sns", "%s"), attrs: map[string]string{"TopicArn": "arn", "TopicName": "name"}},
	"AWS::SQS::Queue":                      {ref: "url", arn: regional("sqs", "%s"), attrs: map[string]string{"QueueUrl": "url", "QueueName": "name"}},
	"AWS::IAM::Role":                       {ref: "name", arn: "arn:" + Partition + ":iam::" + AccountID + ":role/%s", attrs: map[string]string{"RoleId": "id"}},
	"AWS::IAM::User":                       {ref: "name", arn: "arn:" + Partition + ":iam::" + AccountID + ":user/%s"},
	"AWS::IAM::ManagedPolicy":              {ref: "arn", arn: "arn:" + Partition + ":iam::" + AccountID + ":policy/%s"},
	"AWS::StepFunctions::StateMachine":     {ref: "arn", arn: regional("states", "stateMachine:%s"), attrs: map[string]string{"Name": "name"}},
	"AWS::StepFunctions::Activity":         {ref: "arn", arn: regional("states", "activity:%s"), attrs: map[string]string{"Name": "name"}},
	"AWS::Batch::JobQueue":                 {ref: "arn", arn: regional("batch", "job-queue/%s"), attrs: map[string]string{"JobQueueArn": "arn"}},
	"AWS::Batch::JobDefinition":            {ref: "arn", arn: regional("batch", "job-definition/%s:1"), attrs: map[string]string{"JobDefinitionArn": "arn"}},
	"AWS::Batch::ComputeEnvironment":       {ref: "arn", arn: regional("batch", "compute-environment/%s")},
	"AWS::ECS::Cluster":                    {ref: "name", arn: regional("ecs", "cluster/%s")},
	"AWS::ECS::TaskDefinition":             {ref: "arn", arn: regional("ecs", "task-definition/%s:1"), attrs: map[string]string{"TaskDefinitionArn": "arn"}},
	"AWS::ECS::Service":                    {ref: "arn", arn: regional("ecs", "service/cluster/%s"), attrs: map[string]string{"Name": "name", "ServiceArn": "arn"}},
	"AWS::DynamoDB::Table":                 {ref: "name", arn: regional("dynamodb", "table/%s"), attrs: map[string]string{"StreamArn": "stream"}},
	"AWS::DynamoDB::GlobalTable":           {ref: "name", arn: regional("dynamodb", "table/%s"), attrs: map[string]string{"StreamArn": "stream", "TableId": "id"}},
	"AWS::S3::Bucket":                      {ref: "bucket", arn: "arn:" + Partition + ":s3:::%s", attrs: map[string]string{"DomainName": "bucketdomain", "RegionalDomainName": "bucketdomain"}},
	"AWS::Events::EventBus":                {ref: "name", arn: regional("events", "event-bus/%s"), attrs: map[string]string{"Name": "name"}},
	"AWS::Events::Rule":                    {ref: "name", arn: regional("events", "rule/%s")},
	"AWS::Events::Connection":              {ref: "name", arn: regional("events", "connection/%s/00000000-0000-0000-0000-000000000000")},
	"AWS::Events::ApiDestination":          {ref: "name", arn: regional("events", "api-destination/%s/00000000-0000-0000-0000-000000000000")},
	"AWS::CodeBuild::Project":              {ref: "name", arn: regional("codebuild", "project/%s")},
	"AWS::Glue::Job":                       {ref: "name", arn: regional("glue", "job/%s")},
	"AWS::Glue::Crawler":                   {ref: "name", arn: regional("glue", "crawler/%s")},
	"AWS::SecretsManager::Secret":          {ref: "arn", arn: regional("secretsmanager", "secret:%s-AbCdEf")},
	"AWS::KMS::Key":                        {ref: "id", arn: regional("kms", "key/%s")},
	"AWS::Logs::LogGroup":                  {ref: "name", arn: regional("logs", "log-group:%s:*")},
	"AWS::Kinesis::Stream":                 {ref: "name", arn: regional("kinesis", "stream/%s")},
	"AWS::KinesisFirehose::DeliveryStream": {ref: "name", arn: regional("firehose", "deliverystream/%s")},
	"AWS::EKS::Cluster":                    {ref: "name", arn: regional("eks", "cluster/%s"), attrs: map[string]string{"Endpoint": "url"}},
	"AWS::SageMaker::Model":                {ref: "arn", arn: regional("sagemaker", "model/%s"), attrs: map[string]string{"ModelName": "name"}},
	"AWS::EMR::Cluster":                    {ref: "id", arn: regional("elasticmapreduce", "cluster/%s")},
	"AWS::ApiGateway::RestApi":             {ref: "id", arn: regional("apigateway", "/restapis/%s"), attrs: map[string]string{"RootResourceId": "id"}},
	"AWS::AppSync::GraphQLApi":             {ref: "arn", arn: regional("appsync", "apis/%s")},
	"AWS::Athena::WorkGroup":               {ref: "name", arn: regional("athena", "workgroup/%s")},
	"AWS::EC2::SecurityGroup":              {ref: "id", arn: regional("ec2", "security-group/%s"), attrs: map[string]string{"GroupId": "id"}},
	"AWS::EC2::Subnet":                     {ref: "id", arn: regional("ec2", "subnet/%s"), attrs: map[string]string{"SubnetId": "id"}},
	"AWS::EC2::VPC":                        {ref: "id", arn: regional("ec2", "vpc/%s"), attrs: map[string]string{"VpcId": "id"}},
}

// genericKind makes an ARN from the type name: AWS::Foo::BarBaz → arn:aws:foo:…:barbaz/<id>.
func genericKind(typ string) kind {
	parts := strings.Split(typ, "::")
	service, res := "unknown", "resource"
	if len(parts) == 3 {
		service, res = strings.ToLower(parts[1]), strings.ToLower(parts[2])
	}
	return kind{ref: "arn", arn: regional(service, res+"/%s")}
}

func kindOf(typ string) kind {
	if k, ok := kinds[typ]; ok {
		return k
	}
	return genericKind(typ)
}

// value renders one flavour ("arn", "name", …) of a placeholder for logicalID.
func (k kind) value(flavour, logicalID string) string {
	switch flavour {
	case "arn":
		return fmt.Sprintf(k.arn, logicalID)
	case "name":
		return logicalID
	case "id":
		return strings.ToLower(logicalID) + "-id"
	case "url":
		if strings.Contains(k.arn, ":sqs:") {
			return "https://sqs." + Region + "." + URLSuffix + "/" + AccountID + "/" + logicalID
		}
		return "https://" + strings.ToLower(logicalID) + ".example." + URLSuffix
	case "bucket":
		return strings.ToLower(logicalID)
	case "bucketdomain":
		return strings.ToLower(logicalID) + ".s3." + URLSuffix
	case "stream":
		return fmt.Sprintf(k.arn, logicalID) + "/stream/2024-01-01T00:00:00.000"
	default: // a literal value such as a version number
		return flavour
	}
}

// refValue is the placeholder for {"Ref": logicalID}.
func refValue(typ, logicalID string) string {
	k := kindOf(typ)
	if k.ref == "bucket" {
		return k.value("bucket", logicalID)
	}
	return k.value(k.ref, logicalID)
}

// getAttValue is the placeholder for {"Fn::GetAtt": [logicalID, attr]}.
func getAttValue(typ, logicalID, attr string) string {
	k := kindOf(typ)
	if f, ok := k.attrs[attr]; ok {
		return k.value(f, logicalID)
	}
	switch {
	case attr == "Arn" || strings.HasSuffix(attr, "Arn"):
		if k.ref == "bucket" {
			return fmt.Sprintf(k.arn, k.value("bucket", logicalID))
		}
		return k.value("arn", logicalID)
	case strings.HasSuffix(attr, "Name"):
		return logicalID
	case strings.HasSuffix(attr, "Url"):
		return k.value("url", logicalID)
	case strings.HasSuffix(attr, "Id"):
		return k.value("id", logicalID)
	}
	return logicalID + "." + attr
}
