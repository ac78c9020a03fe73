package iampolicy

func init() {
	register(
		&Integration{Service: "emr-serverless", API: "createApplication", Suffixes: []string{NoSuffix, Sync}, Policy: EmrServerlessCreateApplication},
		&Integration{Service: "emr-serverless", API: "startApplication", Suffixes: []string{NoSuffix, Sync},
			Policy: emrServerlessOnApplication("emr-serverless:StartApplication", "emr-serverless:GetApplication", "emr-serverless:StopApplication")},
		&Integration{Service: "emr-serverless", API: "stopApplication", Suffixes: []string{NoSuffix, Sync},
			Policy: emrServerlessOnApplication("emr-serverless:StopApplication", "emr-serverless:GetApplication")},
		&Integration{Service: "emr-serverless", API: "deleteApplication", Suffixes: []string{NoSuffix, Sync},
			Policy: emrServerlessOnApplication("emr-serverless:DeleteApplication", "emr-serverless:GetApplication")},
		&Integration{Service: "emr-serverless", API: "cancelJobRun", Suffixes: []string{NoSuffix, Sync}, Policy: EmrServerlessCancelJobRun},
	)
}

// EMR Serverless's EventBridge rules for the .sync patterns.
const (
	EmrServerlessApplicationRule = "StepFunctionsGetEventsForEMRServerlessApplicationRule"
	EmrServerlessJobRule         = "StepFunctionsGetEventsForEMRServerlessJobRule"
)

// EmrServerlessCreateApplication grants, as the Step Functions guide does,
// emr-serverless:CreateApplication on arn:…:emr-serverless:<region>:<account>:/*
// (the application's ID is not known before it exists) and
// iam:CreateServiceLinkedRole for EMR Serverless's service-linked role,
// which the first application of an account creates. RUN_JOB adds
// GetApplication (Step Functions waits for CREATED) and DeleteApplication
// (it deletes the application when the state is stopped) on
// /applications/*, and the EventBridge rule.
func EmrServerlessCreateApplication(r Request) []Statement {
	stmts := []Statement{
		{Actions: []string{"emr-serverless:CreateApplication"}, Resources: []string{r.Env.ARN("emr-serverless", "/*")}},
		{Actions: []string{"iam:CreateServiceLinkedRole"},
			Resources:  []string{r.Env.GlobalARN("iam", r.Env.Account, "role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless*")},
			Conditions: map[string]map[string]any{"StringLike": {"iam:AWSServiceName": "ops.emr-serverless.amazonaws.com"}}},
	}
	if r.Pattern == RunJob {
		stmts = append(stmts,
			Statement{Actions: []string{"emr-serverless:GetApplication", "emr-serverless:DeleteApplication"}, Resources: []string{r.Env.ARN("emr-serverless", "/applications/*")}},
			EventsRule(r.Env, EmrServerlessApplicationRule))
	}
	return stmts
}

// EmrServerlessApplication is the application ARN for the ApplicationId
// parameter: /applications/<id>, /applications/<prefix>* or /applications/*.
func EmrServerlessApplication(r Request) string {
	return r.Env.ARN("emr-serverless", "/applications/"+r.NameOrWildcard("ApplicationId"))
}

// emrServerlessOnApplication grants action on the application; RUN_JOB adds
// the actions Step Functions polls and cleans up with, and the rule.
func emrServerlessOnApplication(action string, syncActions ...string) func(Request) []Statement {
	return func(r Request) []Statement {
		actions := []string{action}
		if r.Pattern == RunJob {
			actions = append(actions, syncActions...)
		}
		stmts := []Statement{{Actions: actions, Resources: []string{EmrServerlessApplication(r)}}}
		if r.Pattern == RunJob {
			stmts = append(stmts, EventsRule(r.Env, EmrServerlessApplicationRule))
		}
		return stmts
	}
}

// EmrServerlessCancelJobRun grants emr-serverless:CancelJobRun on the job
// run (/applications/<id>/jobruns/<run>, each part narrowed to a wildcard
// when decided at run time); RUN_JOB adds GetJobRun and the job rule.
func EmrServerlessCancelJobRun(r Request) []Statement {
	run := EmrServerlessApplication(r) + "/jobruns/" + r.NameOrWildcard("JobRunId")
	actions := []string{"emr-serverless:CancelJobRun"}
	if r.Pattern == RunJob {
		actions = append(actions, "emr-serverless:GetJobRun")
	}
	stmts := []Statement{{Actions: actions, Resources: []string{run}}}
	if r.Pattern == RunJob {
		stmts = append(stmts, EventsRule(r.Env, EmrServerlessJobRule))
	}
	return stmts
}
