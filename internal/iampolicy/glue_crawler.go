package iampolicy

func init() {
	register(&Integration{Service: "aws-sdk:glue", API: "startCrawler", Suffixes: []string{NoSuffix, WaitForToken}, Policy: GlueStartCrawler})
}

// GlueStartCrawler grants glue:StartCrawler on the crawler the request
// names (crawler/<name>; crawler/<prefix>* for a States.Format name with a
// literal prefix; crawler/* in the account and region when the name is
// decided at run time). Step Functions calls it through the AWS SDK
// integration (arn:…:states:::aws-sdk:glue:startCrawler), which only needs
// the action called: unlike the CDK, no glue:GetCrawler.
func GlueStartCrawler(r Request) []Statement {
	return []Statement{{Actions: []string{"glue:StartCrawler"}, Resources: []string{r.Env.ARN("glue", "crawler/"+r.NameOrWildcard("Name"))}}}
}
