package tasks_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/cdktest"
	"github.com/sfnkit/sfnkit/tasks"
)

// importedCluster stands for the seed's eks.Cluster: a real one needs a
// kubectl layer module outside go.mod, and eks:call reads the same attributes.
func importedCluster(stack awscdk.Stack, full bool) awseks.ICluster {
	attrs := &awseks.ClusterAttributes{ClusterName: jsii.String("myEksCluster")}
	if full {
		attrs.ClusterEndpoint = jsii.String("https://ABCD.gr7.eu-west-1.eks.amazonaws.com")
		attrs.ClusterCertificateAuthorityData = jsii.String("Y2VydA==")
	}
	return awseks.Cluster_FromClusterAttributes(stack, jsii.String("Cluster"), attrs)
}

func TestEksCallRendering(t *testing.T) {
	stack := cdktest.NewStack()
	list := tasks.NewEksCall(stack, jsii.String("Call a EKS Endpoint"), &tasks.EksCallProps{
		Cluster: importedCluster(stack, true), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api/v1/namespaces/default/pods"),
		QueryParameters: &map[string]*[]*string{"labelSelector": {jsii.String("app=web")}}})
	dyn := tasks.NewEksCall(stack, jsii.String("Dynamic"), &tasks.EksCallProps{
		ClusterName: tasks.StringAt("$.cluster.name"), CertificateAuthority: tasks.StringAt("$.cluster.ca"), Endpoint: tasks.StringAt("$.cluster.endpoint"),
		HttpMethod: tasks.HttpMethods(*tasks.StringAt("$.method")), HttpPath: tasks.StringAt("$.path"),
		RequestBody: tasks.TaskInput_FromObject(map[string]any{"kind": "Pod", "metadata": map[string]any{"name": tasks.Path("$.pod")}})})
	tpl := machine(t, stack, list.Next(dyn))

	assert.Equal(t, map[string]any{"Type": "Task", "Resource": "arn:" + partition + ":states:::eks:call", "Next": "Dynamic",
		"Parameters": map[string]any{"ClusterName": "myEksCluster", "CertificateAuthority": "Y2VydA==",
			"Endpoint": "https://ABCD.gr7.eu-west-1.eks.amazonaws.com", "Method": "GET", "Path": "/api/v1/namespaces/default/pods",
			"QueryParameters": map[string]any{"labelSelector": []any{"app=web"}}}}, state(t, tpl, "Call a EKS Endpoint"))
	assert.Equal(t, map[string]any{"ClusterName.$": "$.cluster.name", "CertificateAuthority.$": "$.cluster.ca", "Endpoint.$": "$.cluster.endpoint",
		"Method.$": "$.method", "Path.$": "$.path", "RequestBody": map[string]any{"kind": "Pod", "metadata": map[string]any{"name.$": "$.pod"}}},
		state(t, tpl, "Dynamic")["Parameters"])
	// eks:call is authorized by Kubernetes RBAC: no IAM statement at all.
	assert.Empty(t, cdktest.RoleStatements(t, tpl))
	cdktest.Golden(t, "eks_call", cdktest.Snapshot(tpl))
}

func TestEksCallErrors(t *testing.T) {
	tests := []struct {
		name  string
		props func(stack awscdk.Stack) *tasks.EksCallProps
		want  string
	}{
		{"imported without endpoint", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{Cluster: importedCluster(stack, false), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api")}
		}, "Cluster: an imported cluster needs clusterCertificateAuthorityData"},
		{"nil query parameter list", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{Cluster: importedCluster(stack, true), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api"),
				QueryParameters: &map[string]*[]*string{"labelSelector": nil}}
		}, "QueryParameters.labelSelector: is nil"},
		{"nil query parameter value", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{Cluster: importedCluster(stack, true), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api"),
				QueryParameters: &map[string]*[]*string{"labelSelector": {jsii.String("a=b"), nil}}}
		}, "QueryParameters.labelSelector[1]: is nil"},
		{"bad method", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{Cluster: importedCluster(stack, true), HttpMethod: "FETCH", HttpPath: jsii.String("/api")}
		}, `HttpMethod: must be GET, POST, PUT, DELETE, PATCH or HEAD (or dynamic), got "FETCH"`},
		{"relative path", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{Cluster: importedCluster(stack, true), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("api")}
		}, `HttpPath: must start with /`},
		{"no cluster", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api")}
		}, "ClusterName: required when Cluster is not given"},
		{"run job", func(stack awscdk.Stack) *tasks.EksCallProps {
			return &tasks.EksCallProps{Cluster: importedCluster(stack, true), HttpMethod: tasks.HttpMethods_GET, HttpPath: jsii.String("/api"),
				IntegrationPattern: sfn.IntegrationPattern_RUN_JOB}
		}, "IntegrationPattern: RUN_JOB is not supported by eks:call; supported: REQUEST_RESPONSE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stack := cdktest.NewStack()
			msg := validationError(t, func() { tasks.NewEksCall(stack, jsii.String("Call"), tt.props(stack)) })
			assert.Contains(t, msg, tt.want)
		})
	}
}
