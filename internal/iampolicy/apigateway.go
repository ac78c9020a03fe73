package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "apigateway",
		API:      "invoke",
		Suffixes: []string{NoSuffix, WaitForToken},
		Policy: func(r Request) []Statement {
			return APIGatewayInvoke(r, APIGatewayTarget{})
		},
	})
}

// APIGatewayTarget is the API an apigateway:invoke task calls, when the
// caller knows it better than the request's ApiEndpoint says (a CDK API,
// whose ID and region are tokens).
type APIGatewayTarget struct {
	Partition, Region, Account, APIID string
}

// APIGatewayInvoke is what an apigateway:invoke task needs: with AuthType
// IAM_ROLE (or an AuthType decided at run time), execute-api:Invoke on
// exactly arn:<p>:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>;
// a dynamic stage, method or path narrows to its literal prefix followed by
// "*", never to the expression. NO_AUTH (the default) signs nothing, and
// RESOURCE_POLICY is authorized by the API's resource policy for the Step
// Functions service principal: neither needs a statement. An absent Stage
// is an HTTP API's $default stage; an absent Path is the stage's root.
func APIGatewayInvoke(r Request, t APIGatewayTarget) []Statement {
	if auth, ok := r.Known("AuthType"); (ok && auth != "IAM_ROLE") || (!ok && !r.Dynamic("AuthType")) {
		return nil
	}
	if t.APIID == "" {
		t.APIID, t.Region, t.Account = "*", "*", "*"
		if host, ok := r.Known("ApiEndpoint"); ok {
			if id, region, ok := ParseExecuteAPIHost(host); ok {
				t.APIID, t.Region = id, region
			}
		}
	}
	if t.Partition == "" {
		t.Partition = r.Env.Partition
	}
	stage := "$default"
	if r.Param("Stage") != nil {
		stage = Narrow(LiteralPrefix(r.Param("Stage")))
	}
	method := "*"
	if m, ok := r.Known("Method"); ok {
		method = strings.ToUpper(m)
	}
	path := ""
	if p := r.Param("Path"); p != nil {
		prefix, exact := LiteralPrefix(p)
		path = Narrow(strings.TrimPrefix(prefix, "/"), exact)
	}
	arn := "arn:" + t.Partition + ":execute-api:" + t.Region + ":" + t.Account + ":" + t.APIID + "/" + stage + "/" + method + "/" + path
	return []Statement{{Actions: []string{"execute-api:Invoke"}, Resources: []string{arn}}}
}

// ParseExecuteAPIHost reads the API ID and region of an API Gateway
// endpoint host: <api-id>.execute-api.<region>.amazonaws.com (or .com.cn),
// with or without https:// and a path.
func ParseExecuteAPIHost(endpoint string) (apiID, region string, ok bool) {
	host := strings.TrimPrefix(endpoint, "https://")
	host, _, _ = strings.Cut(host, "/")
	labels := strings.Split(host, ".")
	if len(labels) < 4 || labels[1] != "execute-api" || labels[0] == "" || labels[2] == "" || strings.Contains(host, "${Token[") {
		return "", "", false
	}
	return labels[0], labels[2], true
}
