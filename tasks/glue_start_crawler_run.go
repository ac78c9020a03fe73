package tasks

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// GlueStartCrawlerRunProps mirrors awsstepfunctionstasks.GlueStartCrawlerRunProps.
type GlueStartCrawlerRunProps struct {
	// CrawlerName (required), rendered as Name. IAM is granted on
	// crawler/<name>: crawler/<prefix>* for a States.Format name with a
	// literal prefix, crawler/* in the account and region for another
	// run-time name (the CDK writes the expression into the ARN).
	CrawlerName *string

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

var glueStartCrawler, _ = iampolicy.Lookup("aws-sdk:glue", "startCrawler")

// GlueStartCrawlerRun is the task NewGlueStartCrawlerRun returns: a Task, typed as the CDK types it.
type GlueStartCrawlerRun interface{ Task }

// NewGlueStartCrawlerRun starts a Glue crawler through the AWS SDK
// integration (arn:…:states:::aws-sdk:glue:startCrawler), as the CDK does:
// REQUEST_RESPONSE (the default; StartCrawler returns at once, the crawl
// goes on) or WAIT_FOR_TASK_TOKEN. There is no .sync for crawlers: the CDK
// would render an invalid aws-sdk:glue:startCrawler.sync, sfnkit says so.
func NewGlueStartCrawlerRun(scope constructs.Construct, id *string, props *GlueStartCrawlerRunProps) GlueStartCrawlerRun {
	checkProps(scope, id, "GlueStartCrawlerRun", props == nil)
	spec := &engine.Spec{Construct: "GlueStartCrawlerRun", Integration: glueStartCrawler}
	p := taskParams{spec: spec, fields: map[string]*Value{}}
	if v := p.required("CrawlerName", "Name", props.CrawlerName, "the name of the Glue crawler to start"); v != nil {
		p.singleLine("CrawlerName", v, 255)
	}
	spec.Params = value.NewObject(p.fields)
	return newTask(scope, id, props, spec)
}
