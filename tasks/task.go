package tasks

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// Task is what every constructor here returns: an sfn.CustomState, so it
// chains (Next, AddRetry, AddCatch) and nests (Parallel, Map, Chain)
// wherever a CDK state does, and it reports its own IAM statements. Built
// in a fragments.Workflow, it stays a Go value until a CDK API needs it.
//
// The engine's states satisfy it; each constructor's own type (LambdaInvoke,
// BatchSubmitJob, ...) is an interface embedding it.
type Task interface {
	sfn.CustomState

	// Metric is the AWS/States metric metricName of this task's resource
	// (the CDK's TaskStateBase.metric): dimensions from TaskMetrics.
	Metric(metricName *string, props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricFailed: the number of times this task failed.
	MetricFailed(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricHeartbeatTimedOut: the number of times the heartbeat timed out.
	MetricHeartbeatTimedOut(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricRunTime: the interval, in milliseconds, between started and closed.
	MetricRunTime(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricScheduled: the number of times this task was scheduled.
	MetricScheduled(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricScheduleTime: the interval, in milliseconds, the task stayed in the schedule state.
	MetricScheduleTime(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricStarted: the number of times this task started.
	MetricStarted(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricSucceeded: the number of times this task succeeded.
	MetricSucceeded(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricTime: the interval, in milliseconds, between scheduled and closed.
	MetricTime(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// MetricTimedOut: the number of times this task timed out.
	MetricTimedOut(props *awscloudwatch.MetricOptions) awscloudwatch.Metric
	// TaskMetrics is the CDK's config of the task's metrics; nil when the
	// integration publishes none.
	TaskMetrics() *sfn.TaskMetricsConfig
	// TaskPolicies are the task's IAM statements as CDK PolicyStatements.
	TaskPolicies() *[]awsiam.PolicyStatement
	// PolicyStatements are the statements this task puts on the role of the
	// state machine that contains it, as plain Go (merged per state machine).
	PolicyStatements() []Statement
}

var _ Task = engine.Task(nil) // the engine's tasks are Tasks

// Statement is an IAM Allow statement as plain Go.
type Statement = iampolicy.Statement

// ValidationError is what a constructor panics with when props are invalid
// (a *ValidationError; recover it, or use errors.As). Its fields:
//
//	Construct string  // the constructor's type, e.g. "LambdaInvoke"
//	Path      string  // the construct path, e.g. "MyStack/Invoke"
//	Problems  []error // every problem, each naming its field: "Parameters.Payload.id: invalid JSONPath ..."
//
// Error() renders them as `sfnkit LambdaInvoke "MyStack/Invoke" is invalid:`
// followed by one "  - <problem>" line per problem. It is the engine's type
// (an alias), so errors from states and fragments are the same type.
type ValidationError = engine.ValidationError

// newTask reads the common props, renders spec and creates the state.
func newTask(scope constructs.Construct, id *string, props any, spec *engine.Spec) Task {
	common, problems := engine.ReadCommon(props, spec.JobTimeout)
	return engine.New(scope, id, spec, common, problems)
}

// field converts one prop, recording a problem under its name on failure.
func field(spec *engine.Spec, name string, x any) *Value {
	v, err := engine.Convert(x)
	if err != nil {
		spec.Problems = append(spec.Problems, fmt.Errorf("%s: %w", name, err))
	}
	return v
}

// readStatements turns CDK PolicyStatements into plain Go statements.
func readStatements(spec *engine.Spec, name string, stmts *[]awsiam.PolicyStatement) []Statement {
	if stmts == nil {
		return nil
	}
	var out []Statement
	for i, ps := range *stmts {
		if ps == nil {
			spec.Problems = append(spec.Problems, fmt.Errorf("%s[%d]: is nil", name, i))
			continue
		}
		raw, _ := json.Marshal(unwrapJsiiMaps(ps.ToStatementJson()))
		var doc struct {
			Effect       string
			Action       stringList
			Resource     stringList
			Condition    map[string]map[string]any
			NotAction    any
			NotResource  any
			Principal    any
			NotPrincipal any
		}
		if err := json.Unmarshal(raw, &doc); err != nil || doc.Effect != "Allow" || doc.NotAction != nil ||
			doc.NotResource != nil || doc.Principal != nil || doc.NotPrincipal != nil || len(doc.Action) == 0 || len(doc.Resource) == 0 {
			spec.Problems = append(spec.Problems, fmt.Errorf("%s[%d]: give an Allow statement with Actions and Resources (no NotAction, NotResource or principals), got %s", name, i, raw))
			continue
		}
		out = append(out, Statement{Actions: doc.Action, Resources: doc.Resource, Conditions: doc.Condition})
	}
	return out
}

// unwrapJsiiMaps undoes the {"$jsii.map": {...}} wrapper jsii leaves on
// maps nested in a value it returns as any (a statement's conditions), which
// would otherwise reach the policy as a literal "$jsii.map" key.
func unwrapJsiiMaps(x any) any {
	switch t := x.(type) {
	case map[string]any:
		if inner, ok := t["$jsii.map"]; ok && len(t) == 1 {
			return unwrapJsiiMaps(inner)
		}
		out := make(map[string]any, len(t))
		for k, v := range t {
			out[k] = unwrapJsiiMaps(v)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, v := range t {
			out[i] = unwrapJsiiMaps(v)
		}
		return out
	}
	return x
}

// stringList reads an IAM field that is a string or a list of strings.
type stringList []string

func (s *stringList) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*s = []string{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(s))
}

func fieldProblem(name, format string, args ...any) error {
	return fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...))
}

// describeValue names what a value is, for error messages.
func describeValue(v *Value) string {
	switch {
	case v == nil:
		return "nothing"
	case v.IsExpression():
		return strings.TrimSpace(v.Expr())
	case v.Kind() == value.List:
		return "a list"
	case v.Kind() == value.Object:
		return "an object"
	}
	return "a literal"
}

// checkProps panics with a ValidationError when a constructor is given nil
// props, before anything dereferences them.
func checkProps(scope constructs.Construct, id *string, construct string, isNil bool) {
	if !isNil {
		return
	}
	path := "?"
	if id != nil {
		path = *id
	}
	if scope != nil {
		path = *scope.Node().Path() + "/" + path
	}
	panic(&ValidationError{Construct: construct, Path: path,
		Problems: []error{fmt.Errorf("props: required; give &tasks.%sProps{...}", construct)}})
}

// durationIn reads a Duration prop in the unit its API takes, recording a
// problem under name when it cannot be expressed so.
func durationIn(spec *engine.Spec, name string, d awscdk.Duration, unit engine.TimeUnit) *Value {
	v, err := engine.DurationIn(d, unit)
	if err != nil {
		spec.Problems = append(spec.Problems, fmt.Errorf("%s: %w", name, err))
	}
	return v
}

// sizeIn reads a Size prop in the unit its API takes.
func sizeIn(spec *engine.Spec, name string, s awscdk.Size, unit engine.SizeUnit) *Value {
	v, err := engine.SizeIn(s, unit)
	if err != nil {
		spec.Problems = append(spec.Problems, fmt.Errorf("%s: %w", name, err))
	}
	return v
}
