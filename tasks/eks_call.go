package tasks

import (
	"fmt"
	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// HttpMethods are the methods eks:call sends to the Kubernetes API.
type HttpMethods string

const (
	HttpMethods_GET    HttpMethods = "GET"
	HttpMethods_POST   HttpMethods = "POST"
	HttpMethods_PUT    HttpMethods = "PUT"
	HttpMethods_DELETE HttpMethods = "DELETE"
	HttpMethods_PATCH  HttpMethods = "PATCH"
	HttpMethods_HEAD   HttpMethods = "HEAD"
)

// EksCallProps mirrors awsstepfunctionstasks.EksCallProps.
type EksCallProps struct {
	// Cluster to call. An imported cluster must have been imported with its
	// endpoint and certificate authority data. Give it, or ClusterName,
	// CertificateAuthority and Endpoint.
	Cluster awseks.ICluster
	// ClusterName, CertificateAuthority (base64 data) and Endpoint name the
	// cluster without a CDK object; each may be dynamic. An sfnkit addition.
	ClusterName          *string
	CertificateAuthority *string
	Endpoint             *string
	// HttpMethod of the request; may be dynamic: tasks.HttpMethods(*tasks.StringAt("$.method")).
	HttpMethod HttpMethods
	// HttpPath of the Kubernetes API: "/api/v1/namespaces/default/pods".
	HttpPath *string
	// QueryParameters of the request, each a list of values.
	QueryParameters *map[string]*[]*string
	// RequestBody sent with the request.
	RequestBody sfn.TaskInput

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

var eksCall, _ = iampolicy.Lookup("eks", "call")

// EksCall is the task NewEksCall returns: a Task, typed as the CDK types it.
type EksCall interface{ Task }

// NewEksCall calls the Kubernetes API of an EKS cluster
// (arn:…:states:::eks:call), REQUEST_RESPONSE only. It adds no IAM
// statement: AWS documents no IAM action for eks:call, whose requests
// Kubernetes authorizes (RBAC). Give the state machine's role an EKS
// access entry (or aws-auth mapping) bound to the permissions it needs.
func NewEksCall(scope constructs.Construct, id *string, props *EksCallProps) EksCall {
	checkProps(scope, id, "EksCall", props == nil)
	spec := &engine.Spec{Construct: "EksCall", Integration: eksCall, DefaultPattern: iampolicy.RequestResponse}
	params := map[string]*Value{}
	if props.Cluster != nil {
		if props.ClusterName != nil || props.CertificateAuthority != nil || props.Endpoint != nil {
			spec.Problems = append(spec.Problems, fieldProblem("Cluster", "give Cluster or ClusterName/CertificateAuthority/Endpoint, not both"))
		}
		params["ClusterName"] = value.Lit(*props.Cluster.ClusterName())
		for _, attr := range []struct {
			key, prop string
			read      func() *string
		}{
			{"CertificateAuthority", "clusterCertificateAuthorityData", props.Cluster.ClusterCertificateAuthorityData},
			{"Endpoint", "clusterEndpoint", props.Cluster.ClusterEndpoint},
		} {
			if err := catchPanic(func() { params[attr.key] = value.Lit(*attr.read()) }); err != nil {
				spec.Problems = append(spec.Problems, fieldProblem("Cluster", "an imported cluster needs %s (awseks.Cluster_FromClusterAttributes): %v", attr.prop, err))
			}
		}
	} else {
		for _, f := range []struct {
			name string
			s    *string
		}{{"ClusterName", props.ClusterName}, {"CertificateAuthority", props.CertificateAuthority}, {"Endpoint", props.Endpoint}} {
			v := field(spec, f.name, f.s)
			if v == nil {
				spec.Problems = append(spec.Problems, fieldProblem(f.name, "required when Cluster is not given"))
				continue
			}
			params[f.name] = v
		}
	}
	method := field(spec, "HttpMethod", string(props.HttpMethod))
	switch s, _ := method.String(); {
	case method.Dynamic():
	case s == "":
		spec.Problems = append(spec.Problems, fieldProblem("HttpMethod", "required: GET, POST, PUT, DELETE, PATCH or HEAD"))
	case s != "GET" && s != "POST" && s != "PUT" && s != "DELETE" && s != "PATCH" && s != "HEAD":
		spec.Problems = append(spec.Problems, fieldProblem("HttpMethod", "must be GET, POST, PUT, DELETE, PATCH or HEAD (or dynamic), got %q", s))
	}
	params["Method"] = method
	if path := field(spec, "HttpPath", props.HttpPath); path != nil {
		if s, ok := path.String(); ok && (len(s) == 0 || s[0] != '/') {
			spec.Problems = append(spec.Problems, fieldProblem("HttpPath", "must start with /, got %q", s))
		}
		params["Path"] = path
	} else {
		spec.Problems = append(spec.Problems, fieldProblem("HttpPath", "required: the Kubernetes API path, such as /api/v1/namespaces/default/pods"))
	}
	if props.QueryParameters != nil {
		if _, dynamic := value.Standing(props.QueryParameters); !dynamic {
			for k, vs := range *props.QueryParameters {
				if vs == nil {
					spec.Problems = append(spec.Problems, fieldProblem("QueryParameters."+k, "is nil; give a list of values (jsii.Strings(...))"))
					continue
				}
				for i, v := range *vs {
					if v == nil {
						spec.Problems = append(spec.Problems, fieldProblem(fmt.Sprintf("QueryParameters.%s[%d]", k, i), "is nil; give a string (or tasks.StringAt)"))
					}
				}
			}
		}
		if q := field(spec, "QueryParameters", props.QueryParameters); q != nil {
			params["QueryParameters"] = q.Verbatim()
		}
	}
	if body := field(spec, "RequestBody", props.RequestBody); body != nil {
		params["RequestBody"] = body
	}
	spec.Params = value.NewObject(params)
	return newTask(scope, id, props, spec)
}

// catchPanic runs fn and returns what it panicked with.
func catchPanic(fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", p)
			}
		}
	}()
	fn()
	return nil
}
