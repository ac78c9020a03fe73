package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "lambda",
		API:      "invoke",
		Suffixes: []string{NoSuffix, WaitForToken},
		Policy:   func(r Request) []Statement { return []Statement{LambdaInvoke(r)} },
	})
}

// LambdaInvoke grants lambda:InvokeFunction on exactly the function (and
// qualifier) the parameters name. Unlike the CDK, it adds no ":*": a
// qualified ARN is granted only when a qualifier is used.
func LambdaInvoke(r Request) Statement {
	return Statement{Actions: []string{"lambda:InvokeFunction"}, Resources: []string{lambdaResource(r)}}
}

func lambdaResource(r Request) string {
	wildcard := r.Env.ARN("lambda", "function:*")
	fn, ok := r.Known("FunctionName")
	if !ok {
		return wildcard
	}
	arn := LambdaFunctionARN(r.Env, fn)
	switch q, known := r.Known("Qualifier"); {
	case known:
		return arn + ":" + q
	case r.Dynamic("Qualifier"):
		return arn + ":*"
	}
	return arn
}

// LambdaFunctionARN turns what FunctionName accepts — a name, "name:alias",
// a partial ("account:function:name") or a full ARN — into an ARN.
func LambdaFunctionARN(env Env, fn string) string {
	switch {
	case strings.HasPrefix(fn, "arn:"):
		return fn
	case strings.Contains(fn, ":function:"):
		account, rest, _ := strings.Cut(fn, ":function:")
		return "arn:" + env.Partition + ":lambda:" + env.Region + ":" + account + ":function:" + rest
	case strings.Contains(fn, "${Token["):
		return fn // a CDK token stands for a whole ARN
	}
	return env.ARN("lambda", "function:"+fn)
}
