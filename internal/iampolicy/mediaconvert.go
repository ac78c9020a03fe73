package iampolicy

import (
	"sort"
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

func init() {
	register(&Integration{
		Service:  "mediaconvert",
		API:      "createJob",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   MediaConvertCreateJob,
	})
}

// MediaConvertCreateJob grants mediaconvert:CreateJob on the resources the
// request names, which is how MediaConvert authorizes it (the Service
// Authorization Reference lists Queue, Preset and JobTemplate for it, and no
// job: the job does not exist yet):
//
//   - the queue (queues/<name>, or the ARN given; queues/Default when the
//     request names none, as MediaConvert then uses the default queue;
//     queues/<prefix>* or queues/* when it is decided at run time);
//   - the job template, when one is named (jobTemplates/<name>…), and then
//     every preset (presets/*): a template names presets the request does
//     not show;
//   - every preset the output groups name (presets/<name>…), or presets/*
//     when any part of the outputs is decided at run time.
//
// System presets and templates (names starting "System-") belong to AWS
// and are granted in any account. The Step Functions guide grants "*"; the
// CDK does too. RUN_JOB adds mediaconvert:GetJob (Step Functions polls the
// job) and mediaconvert:CancelJob (it cancels the job when the state is
// stopped) on the account's jobs (jobs/*: the job's ID is not known before
// it runs), and the EventBridge rule. iam:PassRole is granted on the job's
// role, only to MediaConvert. A request given whole at run time gets every
// queue, preset and template of the account and region.
func MediaConvertCreateJob(r Request) []Statement {
	resources := []string{}
	whole := r.Params == nil || r.Params.Kind() != value.Object
	if whole {
		resources = append(resources,
			mediaConvertARN(r.Env, "queues", "*"), mediaConvertARN(r.Env, "presets", "*"), mediaConvertARN(r.Env, "jobTemplates", "*"))
	} else {
		queue := r.Param("Queue")
		switch {
		case queue == nil:
			resources = append(resources, mediaConvertARN(r.Env, "queues", "Default"))
		default:
			resources = append(resources, mediaConvertResource(r, "queues", "Queue"))
		}
		presets := mediaConvertPresets(r)
		if r.Param("JobTemplate") != nil {
			resources = append(resources, mediaConvertResource(r, "jobTemplates", "JobTemplate"))
			presets = []string{mediaConvertARN(r.Env, "presets", "*")}
		}
		resources = append(resources, presets...)
	}
	stmts := []Statement{{Actions: []string{"mediaconvert:CreateJob"}, Resources: resources}}
	if r.Pattern == RunJob {
		stmts = append(stmts,
			Statement{Actions: []string{"mediaconvert:GetJob", "mediaconvert:CancelJob"}, Resources: []string{mediaConvertARN(r.Env, "jobs", "*")}},
			EventsRule(r.Env, "StepFunctionsGetEventsForMediaConvertJobRule"))
	}
	if whole {
		return append(stmts, PassRole("mediaconvert.amazonaws.com", r.Env.RoleWildcard()))
	}
	return append(stmts, PassRoleParam(r, "mediaconvert.amazonaws.com", "Role")...)
}

// mediaConvertARN is a MediaConvert resource of the account and region.
func mediaConvertARN(env Env, kind, name string) string {
	return env.ARN("mediaconvert", kind+"/"+name)
}

// mediaConvertResource is the ARN of the queue, template or preset a
// parameter names: its ARN as given, the ARN of its name, or a wildcard
// when it is decided at run time.
func mediaConvertResource(r Request, kind string, path ...string) string {
	if s, ok := r.Known(path...); ok {
		return mediaConvertNamed(r.Env, kind, s)
	}
	return mediaConvertARN(r.Env, kind, r.NameOrWildcard(path...))
}

// mediaConvertNamed is the ARN of a queue, template or preset given by
// name or ARN. AWS's system presets and templates are not the account's.
func mediaConvertNamed(env Env, kind, s string) string {
	if strings.HasPrefix(s, "arn:") {
		return s
	}
	if strings.HasPrefix(s, "System-") {
		return "arn:" + env.Partition + ":mediaconvert:" + env.Region + ":*:" + kind + "/" + s
	}
	return mediaConvertARN(env, kind, s)
}

// mediaConvertPresets are the presets Settings.OutputGroups[].Outputs[]
// name, or presets/* when any of that is decided at run time.
func mediaConvertPresets(r Request) []string {
	anyPreset := []string{mediaConvertARN(r.Env, "presets", "*")}
	settings := r.Param("Settings")
	if settings == nil {
		return nil
	}
	if settings.Kind() != value.Object {
		return anyPreset
	}
	groups := settings.Field("OutputGroups")
	if groups == nil {
		return nil
	}
	if groups.Kind() != value.List {
		return anyPreset
	}
	seen := map[string]bool{}
	for _, g := range groups.Items() {
		if g.Kind() != value.Object {
			return anyPreset
		}
		outputs := g.Field("Outputs")
		if outputs == nil {
			continue
		}
		if outputs.Kind() != value.List {
			return anyPreset
		}
		for _, o := range outputs.Items() {
			if o.Kind() != value.Object {
				return anyPreset
			}
			preset := o.Field("Preset")
			if preset == nil {
				continue
			}
			s, ok := preset.String()
			if !ok {
				return anyPreset
			}
			seen[mediaConvertNamed(r.Env, "presets", s)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for arn := range seen {
		out = append(out, arn)
	}
	sort.Strings(out)
	return out
}
