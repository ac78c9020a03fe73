package iampolicy

import "strings"

func init() {
	register(&Integration{
		Service:  "http",
		API:      "invoke",
		Suffixes: []string{NoSuffix},
		Policy: func(r Request) []Statement {
			return HTTPInvoke(r, HTTPConnection{})
		},
	})
}

// HTTPConnection is the EventBridge connection an HTTP Task authenticates
// with, when the caller knows it better than the request does (a CDK
// connection: its ARN and its secret's ARN, both usually tokens).
type HTTPConnection struct {
	ARN, SecretARN string
}

// HTTPInvoke is what an HTTP Task (http:invoke) needs:
//   - states:InvokeHTTPEndpoint on the state machine that runs it,
//     conditioned on the method (states:HTTPMethod) and the URL
//     (states:HTTPEndpoint: StringEquals for a literal URL, StringLike on
//     its literal prefix followed by "*" when part of it is dynamic). The
//     state machine's own ARN cannot appear in its role's policy (the
//     machine depends on the policy: a circular dependency), so the
//     resource is every state machine of the account and region, and the
//     conditions do the narrowing.
//   - events:RetrieveConnectionCredentials on the connection.
//   - secretsmanager:GetSecretValue and DescribeSecret on the connection's
//     secret: the secret itself when known, else the secret EventBridge
//     names after the connection (events!connection/<name>/*).
func HTTPInvoke(r Request, conn HTTPConnection) []Statement {
	cond := map[string]map[string]any{}
	put := func(op, key, v string) {
		if cond[op] == nil {
			cond[op] = map[string]any{}
		}
		cond[op][key] = v
	}
	if m, ok := r.Known("Method"); ok {
		put("StringEquals", "states:HTTPMethod", m)
	}
	if url, exact := LiteralPrefix(r.Param("ApiEndpoint")); exact {
		put("StringEquals", "states:HTTPEndpoint", url)
	} else if url != "" {
		put("StringLike", "states:HTTPEndpoint", url+"*")
	}
	invoke := Statement{Actions: []string{"states:InvokeHTTPEndpoint"}, Resources: []string{r.Env.ARN("states", "stateMachine:*")}}
	if len(cond) > 0 {
		invoke.Conditions = cond
	}

	connARN, secretARN := conn.ARN, conn.SecretARN
	if connARN == "" {
		connARN = r.Env.ARN("events", "connection/*")
		if known, ok := r.Known("Authentication", "ConnectionArn"); ok {
			connARN = known
		}
	}
	if secretARN == "" {
		secretARN = ConnectionSecretARN(r.Env, connARN)
	}
	return []Statement{
		invoke,
		{Actions: []string{"events:RetrieveConnectionCredentials"}, Resources: []string{connARN}},
		{Actions: []string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}, Resources: []string{secretARN}},
	}
}

// ConnectionSecretARN is the secret EventBridge keeps a connection's
// credentials in, from the connection's ARN
// (arn:<p>:events:<r>:<a>:connection/<name>/<id>): the secret is named
// events!connection/<name>/<id> plus a suffix Secrets Manager adds. An ARN
// it cannot read gives every connection secret of the account and region.
func ConnectionSecretARN(env Env, connectionARN string) string {
	parts := strings.SplitN(connectionARN, ":", 6)
	if len(parts) == 6 && parts[0] == "arn" && parts[2] == "events" && strings.HasPrefix(parts[5], "connection/") {
		name := strings.SplitN(strings.TrimPrefix(parts[5], "connection/"), "/", 2)[0]
		if name != "" && name != "*" {
			return "arn:" + parts[1] + ":secretsmanager:" + parts[3] + ":" + parts[4] + ":secret:events!connection/" + name + "/*"
		}
	}
	return env.ARN("secretsmanager", "secret:events!connection/*")
}
