package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "ecs",
		API:      "runTask",
		Suffixes: []string{NoSuffix, Sync, WaitForToken},
		Policy:   func(r Request) []Statement { return EcsRunTask(r, EcsRunTaskScope{}) },
	})
}

// EcsRunTaskScope is what a typed EcsRunTask knows beyond its parameters.
// Empty fields are derived from the parameters.
type EcsRunTaskScope struct {
	// TaskDefinition is the ecs:RunTask resource (a family's revisions
	// when the revision is decided at run time).
	TaskDefinition string
	// Tasks is the ecs:StopTask/DescribeTasks resource for RUN_JOB, and the
	// ecs:TagResource one when the task is tagged.
	Tasks string
	// PassRoles are the task definition's task and execution roles: RunTask
	// passes them to ECS without naming them in the request.
	PassRoles []string
}

// EcsRunTask grants ecs:RunTask on the task definition revision the
// request names (ECS authorizes RunTask against the revision ARN) and
// iam:PassRole on the roles the task runs with, only to ECS tasks; a task
// that gets tags (Tags, or PropagateTags) adds ecs:TagResource on it. RUN_JOB
// adds ecs:StopTask and ecs:DescribeTasks on the cluster's tasks and the
// EventBridge rule Step Functions uses to learn that the task stopped.
//
// A raw ecs:runTask state cannot say which roles its task definition uses
// (see EcsRolesNamed): give CustomTask an iam:PassRole statement for them.
func EcsRunTask(r Request, s EcsRunTaskScope) []Statement {
	taskDef := s.TaskDefinition
	if taskDef == "" {
		taskDef = ecsTaskDefinitionARN(r)
	}
	stmts := []Statement{{Actions: []string{"ecs:RunTask"}, Resources: []string{taskDef}}}
	tasks := s.Tasks
	if tasks == "" {
		tasks = ecsTaskARNs(r)
	}
	if ecsTagsTask(r) {
		// Tag-on-create: ECS authorizes the tags RunTask puts on the task
		// (given, or propagated from the task definition) as
		// ecs:TagResource on the task, with ecs:CreateAction = RunTask
		// (Service Authorization Reference: RunTask's dependent action).
		stmts = append(stmts, Statement{Actions: []string{"ecs:TagResource"}, Resources: []string{tasks},
			Conditions: map[string]map[string]any{"StringEquals": {"ecs:CreateAction": "RunTask"}}})
	}
	if r.Pattern == RunJob {
		// Both actions are authorized on the task resource, whose ARN is
		// task/<cluster>/<task id> (Service Authorization Reference, ECS):
		// the Step Functions guide's template uses "*", which is not needed.
		// This assumes the long task ARN format, the default for every
		// account since 2021: an account that still opts out of
		// taskLongArnFormat gets task/<task id> ARNs, which it does not match.
		stmts = append(stmts,
			Statement{Actions: []string{"ecs:StopTask", "ecs:DescribeTasks"}, Resources: []string{tasks}},
			EventsRule(r.Env, "StepFunctionsGetEventsForECSTaskRule"))
	}
	roles := append([]string(nil), s.PassRoles...)
	for _, path := range [][]string{{"Overrides", "TaskRoleArn"}, {"Overrides", "ExecutionRoleArn"}} {
		if arn, ok := r.Known(path...); ok {
			roles = append(roles, arn)
		} else if r.Dynamic(path...) {
			roles = append(roles, r.Env.RoleWildcard())
		}
	}
	if len(roles) > 0 {
		stmts = append(stmts, PassRole("ecs-tasks.amazonaws.com", roles...))
	}
	return stmts
}

// ecsTagsTask reports whether RunTask puts tags on the task: Tags given,
// or PropagateTags other than NONE (a run-time value may propagate).
func ecsTagsTask(r Request) bool {
	if r.Param("Tags") != nil {
		return true
	}
	p := r.Param("PropagateTags")
	if p == nil {
		return false
	}
	s, ok := p.String()
	return !ok || s != "NONE"
}

// EcsRolesNamed reports whether an ecs:runTask request names both roles
// the task runs with (Overrides.TaskRoleArn and Overrides.ExecutionRoleArn).
// Otherwise ECS uses the task definition's own roles, which the request does
// not name, and iam:PassRole on them must come from elsewhere.
func EcsRolesNamed(r Request) bool {
	return r.Param("Overrides", "TaskRoleArn") != nil && r.Param("Overrides", "ExecutionRoleArn") != nil
}

// ecsTaskDefinitionARN reads TaskDefinition: "family", "family:revision"
// or an ARN, with or without revision. Without a revision ECS runs the
// latest ACTIVE one, so every revision of the family is granted.
func ecsTaskDefinitionARN(r Request) string {
	td, ok := r.Known("TaskDefinition")
	if !ok {
		return r.Env.ARN("ecs", "task-definition/*")
	}
	if strings.Contains(td, "${Token[") {
		return td // a CDK task definition ARN: one revision
	}
	arn := td
	if !strings.HasPrefix(td, "arn:") {
		arn = r.Env.ARN("ecs", "task-definition/"+td)
	}
	_, name, _ := strings.Cut(arn, ":task-definition/")
	if !strings.Contains(name, ":") {
		arn += ":*"
	}
	return arn
}

// ecsTaskARNs is task/<cluster>/* when the cluster name is known, else the
// tasks of every cluster in the account and region.
func ecsTaskARNs(r Request) string {
	c, ok := r.Known("Cluster")
	if !ok || strings.Contains(c, "${Token[") {
		return r.Env.ARN("ecs", "task/*")
	}
	if i := strings.Index(c, ":cluster/"); strings.HasPrefix(c, "arn:") && i >= 0 {
		prefix := c[:i] // arn:<p>:ecs:<r>:<a>
		return prefix + ":task/" + c[i+len(":cluster/"):] + "/*"
	}
	return r.Env.ARN("ecs", "task/"+c+"/*")
}
