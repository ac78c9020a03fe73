package tasks

import (
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// EksClusterInput mirrors awsstepfunctionstasks.EksClusterInput: the EKS
// cluster a virtual cluster runs on. Make one with EksClusterInput_FromCluster
// or EksClusterInput_FromTaskInput.
type EksClusterInput interface {
	ClusterName() *string
}

type eksClusterInput struct {
	name  *string
	input sfn.TaskInput
}

func (e *eksClusterInput) ClusterName() *string {
	if e.name != nil {
		return e.name
	}
	return taskInputText(e.input)
}

// EksClusterInput_FromCluster is a cluster of the app (or imported).
func EksClusterInput_FromCluster(cluster awseks.ICluster) EksClusterInput {
	return &eksClusterInput{name: cluster.ClusterName()}
}

// EksClusterInput_FromTaskInput is a cluster name from a task input:
// sfn.TaskInput_FromText, or a path (sfn.TaskInput_FromJsonPathAt).
func EksClusterInput_FromTaskInput(taskInput sfn.TaskInput) EksClusterInput {
	return &eksClusterInput{input: taskInput}
}

// VirtualClusterInput mirrors awsstepfunctionstasks.VirtualClusterInput:
// the virtual cluster a job runs on.
type VirtualClusterInput interface {
	Id() *string
}

type virtualClusterInput struct {
	id    *string
	input sfn.TaskInput
}

func (v *virtualClusterInput) Id() *string {
	if v.id != nil {
		return v.id
	}
	return taskInputText(v.input)
}

// VirtualClusterInput_FromVirtualClusterId is a virtual cluster by ID,
// which may be dynamic (tasks.StringAt).
func VirtualClusterInput_FromVirtualClusterId(virtualClusterId *string) VirtualClusterInput {
	return &virtualClusterInput{id: virtualClusterId}
}

// VirtualClusterInput_FromTaskInput is a virtual cluster ID from a task input.
func VirtualClusterInput_FromTaskInput(taskInput sfn.TaskInput) VirtualClusterInput {
	return &virtualClusterInput{input: taskInput}
}

// taskInputText is the text of a task input as the CDK's TaskInput.value
// gives it (a path is its JSONPath token).
func taskInputText(in sfn.TaskInput) *string {
	if in == nil {
		return nil
	}
	if s, ok := in.Value().(*string); ok {
		return s
	}
	if s, ok := in.Value().(string); ok {
		return &s
	}
	return nil
}

// ReleaseLabel mirrors awsstepfunctionstasks.ReleaseLabel: an EMR release
// for EMR on EKS. NewReleaseLabel takes any label ("emr-7.1.0-latest"),
// which may be dynamic.
type ReleaseLabel interface {
	Label() *string
}

type releaseLabel struct{ label *string }

func (r *releaseLabel) Label() *string { return r.label }

// NewReleaseLabel is a release label.
func NewReleaseLabel(label *string) ReleaseLabel { return &releaseLabel{label} }

func ReleaseLabel_EMR_5_32_0() ReleaseLabel { return NewReleaseLabel(jsii.String("emr-5.32.0-latest")) }
func ReleaseLabel_EMR_5_33_0() ReleaseLabel { return NewReleaseLabel(jsii.String("emr-5.33.0-latest")) }
func ReleaseLabel_EMR_6_2_0() ReleaseLabel  { return NewReleaseLabel(jsii.String("emr-6.2.0-latest")) }
func ReleaseLabel_EMR_6_3_0() ReleaseLabel  { return NewReleaseLabel(jsii.String("emr-6.3.0-latest")) }

// Classification mirrors awsstepfunctionstasks.Classification: the
// classification of an application configuration ("spark-defaults").
type Classification interface {
	ClassificationStatement() *string
}

type classification struct{ statement *string }

func (c *classification) ClassificationStatement() *string { return c.statement }

// NewClassification is any classification, which may be dynamic.
func NewClassification(classificationStatement *string) Classification {
	return &classification{classificationStatement}
}

func Classification_SPARK() Classification { return NewClassification(jsii.String("spark")) }
func Classification_SPARK_DEFAULTS() Classification {
	return NewClassification(jsii.String("spark-defaults"))
}
func Classification_SPARK_ENV() Classification { return NewClassification(jsii.String("spark-env")) }
func Classification_SPARK_HIVE_SITE() Classification {
	return NewClassification(jsii.String("spark-hive-site"))
}
func Classification_SPARK_LOG4J() Classification {
	return NewClassification(jsii.String("spark-log4j"))
}
func Classification_SPARK_METRICS() Classification {
	return NewClassification(jsii.String("spark-metrics"))
}

// EmrContainersCreateVirtualClusterProps mirrors
// awsstepfunctionstasks.EmrContainersCreateVirtualClusterProps.
type EmrContainersCreateVirtualClusterProps struct {
	// EksCluster (required) the virtual cluster runs on.
	EksCluster EksClusterInput
	// EksNamespace in the EKS cluster. Default: "default".
	EksNamespace *string
	// Tags of the virtual cluster (keys kept as written): up to 50.
	Tags *map[string]*string
	// VirtualClusterName, 1 to 64 characters. Default: the execution's
	// name and the state's, joined by "/".
	VirtualClusterName *string

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

// EmrContainersDeleteVirtualClusterProps mirrors
// awsstepfunctionstasks.EmrContainersDeleteVirtualClusterProps.
type EmrContainersDeleteVirtualClusterProps struct {
	// VirtualClusterId (required): sfn.TaskInput_FromText(id), or a path
	// (sfn.TaskInput_FromJsonPathAt("$.VirtualCluster.Id")). IAM is granted
	// on /virtualclusters/<id>, /virtualclusters/* when it is dynamic.
	VirtualClusterId sfn.TaskInput

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

// EmrContainersCreateVirtualCluster is the task NewEmrContainersCreateVirtualCluster returns.
type EmrContainersCreateVirtualCluster interface{ Task }

// EmrContainersDeleteVirtualCluster is the task NewEmrContainersDeleteVirtualCluster returns.
type EmrContainersDeleteVirtualCluster interface{ Task }

var (
	emrContainersName      = regexp.MustCompile(`^[\.\-_/#A-Za-z0-9]+$`)
	emrContainersID        = regexp.MustCompile(`^[0-9a-z]+$`)
	kubernetesNamespace    = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	emrContainersCreate, _ = iampolicy.Lookup("emr-containers", "createVirtualCluster")
	emrContainersDelete, _ = iampolicy.Lookup("emr-containers", "deleteVirtualCluster")
)

// NewEmrContainersCreateVirtualCluster registers a namespace of an EKS
// cluster with EMR (arn:…:states:::emr-containers:createVirtualCluster;
// REQUEST_RESPONSE only).
func NewEmrContainersCreateVirtualCluster(scope constructs.Construct, id *string, props *EmrContainersCreateVirtualClusterProps) EmrContainersCreateVirtualCluster {
	checkProps(scope, id, "EmrContainersCreateVirtualCluster", props == nil)
	spec := &engine.Spec{Construct: "EmrContainersCreateVirtualCluster", Integration: emrContainersCreate}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	jsonata := props.QueryLanguage == sfn.QueryLanguage_JSONATA

	if props.VirtualClusterName != nil {
		v := p.optional("VirtualClusterName", "Name", props.VirtualClusterName)
		p.emrContainersName("VirtualClusterName", v)
	} else if jsonata {
		p.fields["Name"] = value.Ata("{% $states.context.Execution.Name & '/' & $states.context.State.Name %}")
	} else {
		p.fields["Name"] = value.Dyn("States.Format('{}/{}', $$.Execution.Name, $$.State.Name)")
	}
	provider := newEmrObj(spec, "EksCluster")
	if props.EksCluster == nil {
		p.problem("EksCluster", "required: the EKS cluster (tasks.EksClusterInput_FromCluster or EksClusterInput_FromTaskInput)")
	} else {
		var cluster *Value
		if in, ok := props.EksCluster.(*eksClusterInput); ok && in.input != nil {
			cluster = field(spec, "EksCluster", in.input)
		} else {
			cluster = field(spec, "EksCluster", props.EksCluster.ClusterName())
		}
		if cluster == nil {
			p.problem("EksCluster", "has no cluster name")
		}
		provider.put("Id", cluster)
	}
	ns := value.Lit("default")
	if props.EksNamespace != nil {
		ns = field(spec, "EksNamespace", props.EksNamespace)
		if s, ok := literalString(ns); ok && (len(s) > 63 || !kubernetesNamespace.MatchString(s)) {
			p.problem("EksNamespace", "%q is not a Kubernetes namespace: 1 to 63 lower-case letters, digits and -, starting and ending with a letter or digit", s)
		}
	}
	provider.put("Info", value.NewObject(map[string]*Value{"EksInfo": value.NewObject(map[string]*Value{"Namespace": ns})}))
	provider.put("Type", value.Lit("EKS"))
	p.fields["ContainerProvider"] = provider.value()
	p.emrContainersTags(props.Tags)
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

// NewEmrContainersDeleteVirtualCluster deletes a virtual cluster
// (arn:…:states:::emr-containers:deleteVirtualCluster): REQUEST_RESPONSE
// (the default, as in the CDK) or RUN_JOB (.sync), which waits for it to
// be gone.
func NewEmrContainersDeleteVirtualCluster(scope constructs.Construct, id *string, props *EmrContainersDeleteVirtualClusterProps) EmrContainersDeleteVirtualCluster {
	checkProps(scope, id, "EmrContainersDeleteVirtualCluster", props == nil)
	spec := &engine.Spec{Construct: "EmrContainersDeleteVirtualCluster", Integration: emrContainersDelete}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.required("VirtualClusterId", "Id", props.VirtualClusterId, "the ID of the virtual cluster (sfn.TaskInput_FromText or a path)"); v != nil {
		p.emrContainersID("VirtualClusterId", v)
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}

func (p *taskParams) emrContainersName(prop string, v *Value) {
	if v == nil {
		return
	}
	p.length(prop, v, 1, 64)
	if s, ok := literalString(v); ok && s != "" && !emrContainersName.MatchString(s) {
		p.problem(prop, "%q has a character EMR on EKS rejects: use letters, digits, . - _ / and #", s)
	}
}

func (p *taskParams) emrContainersID(prop string, v *Value) {
	if s, ok := literalString(v); ok && (len(s) < 1 || len(s) > 64 || !emrContainersID.MatchString(s)) {
		p.problem(prop, "%q is not a virtual cluster ID: 1 to 64 lower-case letters and digits", s)
	} else if !ok && !v.Dynamic() && !isTokenValue(v) {
		p.problem(prop, "must be a string (or dynamic), got %s", describeValue(v))
	}
}

// isTokenValue reports whether v is a CDK token string.
func isTokenValue(v *Value) bool {
	s, ok := v.String()
	return ok && value.IsTokenString(s)
}

// emrContainersTags checks EMR on EKS's tag limits: up to 50, keys 1 to
// 128 characters, values up to 256.
func (p *taskParams) emrContainersTags(x *map[string]*string) {
	p.emrServerlessTags(x)
	if v := p.fields["Tags"]; v != nil && v.Kind() == value.Object && len(v.Fields()) > 50 {
		p.problem("Tags", "at most 50 tags, got %d", len(v.Fields()))
	}
}
