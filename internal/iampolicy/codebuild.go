package iampolicy

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

func init() {
	register(
		&Integration{Service: "codebuild", API: "startBuild", Suffixes: []string{NoSuffix, Sync}, Policy: CodeBuildStartBuild},
		&Integration{Service: "codebuild", API: "stopBuild", Suffixes: []string{NoSuffix}, Policy: codeBuildOnBuild("codebuild:StopBuild", "Id")},
		&Integration{Service: "codebuild", API: "batchDeleteBuilds", Suffixes: []string{NoSuffix}, Policy: CodeBuildBatchDeleteBuilds},
		&Integration{Service: "codebuild", API: "batchGetReports", Suffixes: []string{NoSuffix}, Policy: CodeBuildBatchGetReports},
		&Integration{Service: "codebuild", API: "startBuildBatch", Suffixes: []string{NoSuffix, Sync}, Policy: CodeBuildStartBuildBatch},
		&Integration{Service: "codebuild", API: "stopBuildBatch", Suffixes: []string{NoSuffix}, Policy: codeBuildOnBuild("codebuild:StopBuildBatch", "Id")},
		&Integration{Service: "codebuild", API: "retryBuildBatch", Suffixes: []string{NoSuffix, Sync}, Policy: CodeBuildRetryBuildBatch},
		&Integration{Service: "codebuild", API: "deleteBuildBatch", Suffixes: []string{NoSuffix}, Policy: codeBuildOnBuild("codebuild:DeleteBuildBatch", "Id")},
	)
}

// CodeBuild's EventBridge rules for the .sync patterns, as the Step
// Functions guide names them (RetryBuildBatch .sync has none there).
const (
	CodeBuildStartBuildRule      = "StepFunctionsGetEventForCodeBuildStartBuildRule"
	CodeBuildStartBuildBatchRule = "StepFunctionsGetEventForCodeBuildStartBuildBatchRule"
)

// CodeBuildStartBuild grants codebuild:StartBuild on the project
// (project/<name>; project/<prefix>* for a States.Format name with a literal
// prefix; project/* in the account and region when the name is decided at
// run time; the ARN itself when ProjectName is one). RUN_JOB adds StopBuild
// and BatchGetBuilds on the same project and the EventBridge rule.
func CodeBuildStartBuild(r Request) []Statement {
	return CodeBuildStartBuildOn(r, CodeBuildProject(r, "ProjectName"))
}

// CodeBuildStartBuildOn is CodeBuildStartBuild on a known project ARN (a
// CDK project's, which may be in another account).
func CodeBuildStartBuildOn(r Request, project string) []Statement {
	if r.Pattern != RunJob {
		return []Statement{{Actions: []string{"codebuild:StartBuild"}, Resources: []string{project}}}
	}
	return []Statement{
		{Actions: []string{"codebuild:StartBuild", "codebuild:StopBuild", "codebuild:BatchGetBuilds"}, Resources: []string{project}},
		EventsRule(r.Env, CodeBuildStartBuildRule),
	}
}

// CodeBuildStartBuildBatch is CodeBuildStartBuild for build batches: RUN_JOB
// adds StopBuildBatch and BatchGetBuildBatches and its own rule.
func CodeBuildStartBuildBatch(r Request) []Statement {
	return CodeBuildStartBuildBatchOn(r, CodeBuildProject(r, "ProjectName"))
}

// CodeBuildStartBuildBatchOn is CodeBuildStartBuildBatch on a known project ARN.
func CodeBuildStartBuildBatchOn(r Request, project string) []Statement {
	if r.Pattern != RunJob {
		return []Statement{{Actions: []string{"codebuild:StartBuildBatch"}, Resources: []string{project}}}
	}
	return []Statement{
		{Actions: []string{"codebuild:StartBuildBatch", "codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"}, Resources: []string{project}},
		EventsRule(r.Env, CodeBuildStartBuildBatchRule),
	}
}

// CodeBuildRetryBuildBatch grants codebuild:RetryBuildBatch on the project
// of the batch (its ID is <project>:<uuid>); RUN_JOB adds StopBuildBatch and
// BatchGetBuildBatches, and, as the Step Functions guide lists it, no
// EventBridge rule.
func CodeBuildRetryBuildBatch(r Request) []Statement {
	actions := []string{"codebuild:RetryBuildBatch"}
	if r.Pattern == RunJob {
		actions = append(actions, "codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches")
	}
	return []Statement{{Actions: actions, Resources: []string{CodeBuildProjectOfBuild(r.Env, r.Param("Id"))}}}
}

// codeBuildOnBuild grants one action on the project of the build or build
// batch whose ID is at path.
func codeBuildOnBuild(action string, path ...string) func(Request) []Statement {
	return func(r Request) []Statement {
		return []Statement{{Actions: []string{action}, Resources: []string{CodeBuildProjectOfBuild(r.Env, r.Param(path...))}}}
	}
}

// CodeBuildBatchDeleteBuilds grants codebuild:BatchDeleteBuilds on the
// projects of the builds listed in Ids.
func CodeBuildBatchDeleteBuilds(r Request) []Statement {
	ids := r.Param("Ids")
	var projects []string
	if ids != nil && ids.Kind() == value.List {
		for _, id := range ids.Items() {
			projects = codeBuildAppend(projects, CodeBuildProjectOfBuild(r.Env, id))
		}
	}
	if len(projects) == 0 || codeBuildHas(projects, r.Env.ARN("codebuild", "project/*")) {
		projects = []string{r.Env.ARN("codebuild", "project/*")}
	}
	return []Statement{{Actions: []string{"codebuild:BatchDeleteBuilds"}, Resources: projects}}
}

// CodeBuildBatchGetReports grants codebuild:BatchGetReports on the report
// groups of the reports listed in ReportArns
// (arn:…:report/<group>:<id> → arn:…:report-group/<group>), every report
// group of the account and region for one decided at run time.
func CodeBuildBatchGetReports(r Request) []Statement {
	any := r.Env.ARN("codebuild", "report-group/*")
	arns := r.Param("ReportArns")
	var groups []string
	if arns != nil && arns.Kind() == value.List {
		for _, a := range arns.Items() {
			groups = codeBuildAppend(groups, reportGroupOf(a, any))
		}
	}
	if len(groups) == 0 || codeBuildHas(groups, any) {
		groups = []string{any}
	}
	return []Statement{{Actions: []string{"codebuild:BatchGetReports"}, Resources: groups}}
}

// reportGroupOf is the report group ARN of a literal report ARN, else any.
func reportGroupOf(v *value.Value, any string) string {
	s, ok := v.String()
	if !ok || value.IsTokenString(s) {
		return any
	}
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "codebuild" || !strings.HasPrefix(parts[5], "report/") {
		return any
	}
	group, _, found := strings.Cut(strings.TrimPrefix(parts[5], "report/"), ":")
	if !found || group == "" {
		return any
	}
	return strings.Join(parts[:5], ":") + ":report-group/" + group
}

// CodeBuildProject is the project ARN for a ProjectName parameter: the ARN
// when one is given, project/<name>, project/<prefix>* or project/*.
func CodeBuildProject(r Request, path ...string) string {
	if s, ok := r.Known(path...); ok && !value.IsTokenString(s) && strings.HasPrefix(s, "arn:") {
		return s
	}
	return r.Env.ARN("codebuild", "project/"+r.NameOrWildcard(path...))
}

// CodeBuildProjectOfBuild is the project ARN of a build or build batch ID
// (<project>:<uuid>, or the build's ARN): project/<project> when the ID is
// literal, project/<prefix>* (or project/<project> when the prefix holds
// the colon) for a States.Format ID, and project/* in the account and
// region otherwise.
func CodeBuildProjectOfBuild(env Env, id *value.Value) string {
	any := env.ARN("codebuild", "project/*")
	if id == nil {
		return any
	}
	if s, ok := id.String(); ok {
		if value.IsTokenString(s) {
			return any
		}
		if strings.HasPrefix(s, "arn:") {
			parts := strings.SplitN(s, ":", 6)
			if len(parts) == 6 {
				_, rest, found := strings.Cut(parts[5], "/")
				if project, _, ok := strings.Cut(rest, ":"); found && ok && project != "" {
					return strings.Join(parts[:5], ":") + ":project/" + project
				}
			}
			return any
		}
		if project, _, ok := strings.Cut(s, ":"); ok && project != "" {
			return env.ARN("codebuild", "project/"+project)
		}
		return any
	}
	if prefix, ok := (Request{Env: env, Params: id}).KnownPrefix(); ok {
		if project, _, found := strings.Cut(prefix, ":"); found {
			return env.ARN("codebuild", "project/"+project)
		}
		return env.ARN("codebuild", "project/"+prefix+"*")
	}
	return any
}

func codeBuildAppend(list []string, s string) []string {
	if codeBuildHas(list, s) {
		return list
	}
	return append(list, s)
}

func codeBuildHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
