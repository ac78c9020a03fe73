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

// EksLogOptions retrieves the Job's logs when it ends (RUN_JOB only).
type EksLogOptions struct {
	// RetrieveLogs of the Job's pods into the result (default false).
	RetrieveLogs *bool
	// RawLogs: return logs as strings, not parsed as JSON (default false).
	RawLogs *bool
	// LogParameters: the Kubernetes Read Log API's query parameters, each a
	// list of values ({"tailLines": ["6"]}).
	LogParameters *map[string]*[]*string
}

// EksRunJobProps: the CDK has no eks:runJob task; the names follow
// EksCall's for the cluster and eks:runJob's for the rest.
type EksRunJobProps struct {
	// Cluster to run the Job on. An imported cluster must have been imported
	// with its endpoint and certificate authority data. Give it, or
	// ClusterName, CertificateAuthority and Endpoint.
	Cluster awseks.ICluster
	// ClusterName, CertificateAuthority (base64 data) and Endpoint name the
	// cluster without a CDK object; each may be dynamic.
	ClusterName          *string
	CertificateAuthority *string
	Endpoint             *string
	// Namespace to run the Job in ("default" when omitted).
	Namespace *string
	// Job (required): the batch/v1 Job manifest
	// (tasks.TaskInput_FromObject(map[string]interface{}{"apiVersion": "batch/v1", "kind": "Job", ...}));
	// its values may be dynamic, or the whole manifest read from the input.
	Job sfn.TaskInput
	// LogOptions: only with RUN_JOB.
	LogOptions *EksLogOptions

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

var eksRunJob, _ = iampolicy.Lookup("eks", "runJob")

// EksRunJob is the task NewEksRunJob returns.
type EksRunJob interface{ Task }

// NewEksRunJob runs a Kubernetes Job on an EKS cluster
// (arn:…:states:::eks:runJob): RUN_JOB (.sync, the default) waits for the
// Job to end, polling the Kubernetes API, and may return its logs;
// REQUEST_RESPONSE returns once the Job is created. It adds no IAM
// statement: the cluster's Kubernetes RBAC authorizes the requests, so the
// state machine's role needs an EKS access entry (or aws-auth mapping) that
// may create, get and delete Jobs in the namespace, and, for RUN_JOB, list
// and get pods and read their logs.
func NewEksRunJob(scope constructs.Construct, id *string, props *EksRunJobProps) EksRunJob {
	checkProps(scope, id, "EksRunJob", props == nil)
	spec := &engine.Spec{Construct: "EksRunJob", Integration: eksRunJob, DefaultPattern: iampolicy.RunJob}
	params := map[string]*Value{}
	eksClusterConnection(spec, params, props.Cluster, props.ClusterName, props.CertificateAuthority, props.Endpoint)
	if v := field(spec, "Namespace", props.Namespace); v != nil {
		if s, ok := literalString(v); ok && !k8sName.MatchString(s) {
			spec.Problems = append(spec.Problems, fieldProblem("Namespace", "%q is not a Kubernetes namespace name (lower-case letters, digits and hyphens, at most 63)", s))
		}
		params["Namespace"] = v
	}
	if job := field(spec, "Job", props.Job); job != nil {
		eksCheckJob(spec, job)
		if job.Kind() == value.Object {
			job = job.Verbatim() // a Kubernetes manifest: its keys are camelCase
		}
		params["Job"] = job
	} else {
		spec.Problems = append(spec.Problems, fieldProblem("Job", "required: the batch/v1 Job manifest (tasks.TaskInput_FromObject)"))
	}
	if props.LogOptions != nil {
		if props.IntegrationPattern == sfn.IntegrationPattern_REQUEST_RESPONSE {
			spec.Problems = append(spec.Problems, fieldProblem("LogOptions", "only with RUN_JOB: logs are read when the Job ends"))
		}
		o := newEmrObj(spec, "")
		params["LogOptions"] = emrStruct(o, "LogOptions", props.LogOptions, func(l *emrObj, x *EksLogOptions) {
			l.boolean("RetrieveLogs", x.RetrieveLogs)
			l.boolean("RawLogs", x.RawLogs)
			if x.LogParameters != nil {
				if _, dynamic := value.Standing(x.LogParameters); !dynamic {
					for k, vs := range *x.LogParameters {
						if vs == nil {
							l.problem("LogParameters."+k, "is nil; give a list of values (jsii.Strings(...))")
							continue
						}
						for i, v := range *vs {
							if v == nil {
								l.problem(fmt.Sprintf("LogParameters.%s[%d]", k, i), "is nil; give a string (or tasks.StringAt)")
							}
						}
					}
				}
				if v := l.field("LogParameters", x.LogParameters); v != nil {
					l.put("LogParameters", v.Verbatim())
				}
			}
		})
	}
	spec.Params = value.NewObject(params)
	return newTask(scope, id, props, spec)
}

// eksCheckJob checks a literal manifest: a batch/v1 Job, which is all
// eks:runJob runs (use EksCall for other resources).
func eksCheckJob(spec *engine.Spec, job *Value) {
	if job.Kind() != value.Object {
		return // text, or decided at run time
	}
	for _, f := range []struct{ key, want string }{{"apiVersion", "batch/v1"}, {"kind", "Job"}} {
		v := job.Field(f.key)
		if v == nil {
			spec.Problems = append(spec.Problems, fieldProblem("Job."+f.key, "required: %q (eks:runJob runs batch/v1 Jobs; use EksCall for other resources)", f.want))
			continue
		}
		if s, ok := literalString(v); ok && s != f.want {
			spec.Problems = append(spec.Problems, fieldProblem("Job."+f.key, "must be %q (eks:runJob runs batch/v1 Jobs; use EksCall for other resources), got %q", f.want, s))
		}
	}
	if job.Field("spec") == nil {
		spec.Problems = append(spec.Problems, fieldProblem("Job.spec", "required: the Job's spec (its pod template)"))
	}
}
