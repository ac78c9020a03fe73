package tasks

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodebuild"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawscodebuild"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// CodeBuildStartBuildProps mirrors awsstepfunctionstasks.CodeBuildStartBuildProps.
type CodeBuildStartBuildProps struct {
	// Project to build (a codebuild.IProject, or any reference to one). Give
	// it, or ProjectName. IAM is granted on its ARN.
	Project interfacesawscodebuild.IProjectRef
	// ProjectName is the project by name (or ARN), which may be dynamic
	// (tasks.StringAt("$.project")): IAM then covers project/* in the
	// account and region, or project/<prefix>* for a States.Format name with
	// a literal prefix. An sfnkit addition.
	ProjectName *string
	// EnvironmentVariablesOverride for this build: each variable's Value may
	// be dynamic, and tasks.ValueAt[map[string]*codebuild.BuildEnvironmentVariable]
	// gives the whole [{Name, Type, Value}] list at run time.
	EnvironmentVariablesOverride *map[string]*awscodebuild.BuildEnvironmentVariable

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

// CodeBuildStartBuildBatchProps mirrors
// awsstepfunctionstasks.CodeBuildStartBuildBatchProps; the fields are
// CodeBuildStartBuildProps's.
type CodeBuildStartBuildBatchProps struct {
	// Project whose batch build to start. Give it, or ProjectName.
	Project interfacesawscodebuild.IProjectRef
	// ProjectName is the project by name (or ARN), which may be dynamic. An
	// sfnkit addition.
	ProjectName *string
	// EnvironmentVariablesOverride for the builds of the batch.
	EnvironmentVariablesOverride *map[string]*awscodebuild.BuildEnvironmentVariable

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

var (
	codeBuildStartBuild, _      = iampolicy.Lookup("codebuild", "startBuild")
	codeBuildStartBuildBatch, _ = iampolicy.Lookup("codebuild", "startBuildBatch")
	// codeBuildProjectName is a CodeBuild project's name.
	codeBuildProjectName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$`)
)

// CodeBuildStartBuild is the task NewCodeBuildStartBuild returns: a Task, typed as the CDK types it.
type CodeBuildStartBuild interface{ Task }

// CodeBuildStartBuildBatch is the task NewCodeBuildStartBuildBatch returns.
type CodeBuildStartBuildBatch interface{ Task }

// NewCodeBuildStartBuild starts a CodeBuild build
// (arn:…:states:::codebuild:startBuild): REQUEST_RESPONSE (the default, as
// in the CDK) or RUN_JOB (.sync), which waits for the build.
func NewCodeBuildStartBuild(scope constructs.Construct, id *string, props *CodeBuildStartBuildProps) CodeBuildStartBuild {
	checkProps(scope, id, "CodeBuildStartBuild", props == nil)
	spec := codeBuildStart("CodeBuildStartBuild", codeBuildStartBuild, iampolicy.CodeBuildStartBuildOn,
		props.Project, props.ProjectName, props.EnvironmentVariablesOverride)
	return newTask(scope, id, props, spec)
}

// NewCodeBuildStartBuildBatch starts a CodeBuild batch build
// (arn:…:states:::codebuild:startBuildBatch): REQUEST_RESPONSE (the
// default) or RUN_JOB (.sync), which waits for the batch.
func NewCodeBuildStartBuildBatch(scope constructs.Construct, id *string, props *CodeBuildStartBuildBatchProps) CodeBuildStartBuildBatch {
	checkProps(scope, id, "CodeBuildStartBuildBatch", props == nil)
	spec := codeBuildStart("CodeBuildStartBuildBatch", codeBuildStartBuildBatch, iampolicy.CodeBuildStartBuildBatchOn,
		props.Project, props.ProjectName, props.EnvironmentVariablesOverride)
	return newTask(scope, id, props, spec)
}

// codeBuildStart builds the Spec both start tasks share.
func codeBuildStart(construct string, in *iampolicy.Integration, on func(iampolicy.Request, string) []iampolicy.Statement,
	project interfacesawscodebuild.IProjectRef, projectName *string, env *map[string]*awscodebuild.BuildEnvironmentVariable) *engine.Spec {
	spec := &engine.Spec{Construct: construct, Integration: in}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	switch {
	case project != nil && projectName != nil:
		p.problem("Project", "give Project or ProjectName, not both")
	case project != nil:
		ref := engine.Memo(project, "ProjectRef", func() *interfacesawscodebuild.ProjectReference { return project.ProjectRef() })
		p.fields["ProjectName"] = value.Lit(*ref.ProjectName)
		arn := *ref.ProjectArn
		scoped := *in
		scoped.Policy = func(r iampolicy.Request) []iampolicy.Statement { return on(r, arn) }
		spec.Integration = &scoped
		spec.Metrics = &engine.TaskMetrics{Singular: "CodeBuildProject", Plural: "CodeBuildProjects", Dimensions: map[string]string{"ProjectArn": arn}}
	case projectName != nil:
		v := p.optional("ProjectName", "ProjectName", projectName)
		if s, ok := literalString(v); ok && !strings.HasPrefix(s, "arn:") && !codeBuildProjectName.MatchString(s) {
			p.problem("ProjectName", "%q is not a CodeBuild project name: 2 to 255 letters, digits, - and _, starting with a letter or digit (or the project's ARN)", s)
		}
	default:
		p.problem("Project", "required: the CodeBuild project to build (or ProjectName)")
	}
	if v := codeBuildEnvironment(spec, "EnvironmentVariablesOverride", env); v != nil {
		p.fields["EnvironmentVariablesOverride"] = v
	}
	spec.Params = value.NewObject(p.fields)
	return spec
}

// codeBuildEnvironment renders environment variables as CodeBuild's
// [{Name, Type, Value}] list, in the order the CDK gives them, Type
// defaulting to PLAINTEXT.
func codeBuildEnvironment(spec *engine.Spec, prop string, env *map[string]*awscodebuild.BuildEnvironmentVariable) *Value {
	if env == nil {
		return nil
	}
	if v, ok := value.Standing(env); ok {
		return v
	}
	names := make([]string, 0, len(*env))
	for name := range *env {
		names = append(names, name)
	}
	sort.Strings(names)
	names = jsKeyOrder(names)
	items := make([]*Value, 0, len(names))
	for _, name := range names {
		at := prop + "." + name
		variable := (*env)[name]
		if variable == nil {
			spec.Problems = append(spec.Problems, fieldProblem(at, "a nil variable: give &codebuild.BuildEnvironmentVariable{Value: ...}"))
			continue
		}
		if name == "" {
			spec.Problems = append(spec.Problems, fieldProblem(prop, "a variable with an empty name"))
		}
		val := field(spec, at+".Value", variable.Value)
		switch {
		case val == nil:
			spec.Problems = append(spec.Problems, fieldProblem(at+".Value", "required: a string (or a dynamic one)"))
			continue
		case !val.Dynamic():
			if _, ok := val.String(); !ok {
				spec.Problems = append(spec.Problems, fieldProblem(at+".Value", "CodeBuild takes string values, got %s", literalDescription(val)))
			}
		}
		typ := value.Lit(string(awscodebuild.BuildEnvironmentVariableType_PLAINTEXT))
		if variable.Type != "" {
			typ = field(spec, at+".Type", string(variable.Type))
			if s, ok := literalString(typ); ok && s != "PLAINTEXT" && s != "PARAMETER_STORE" && s != "SECRETS_MANAGER" {
				spec.Problems = append(spec.Problems, fieldProblem(at+".Type", "must be PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER (or dynamic), got %q", s))
			}
		}
		items = append(items, value.NewObject(map[string]*Value{"Name": value.Lit(name), "Type": typ, "Value": val}))
	}
	return value.NewList(items...)
}

// literalDescription names a literal for messages: its value, or its shape.
func literalDescription(v *Value) string {
	if v.Kind() == value.Literal {
		return fmt.Sprintf("%v", v.LiteralValue())
	}
	return describeValue(v)
}
