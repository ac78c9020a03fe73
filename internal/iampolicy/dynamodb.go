package iampolicy

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

func init() {
	for _, api := range []string{"getItem", "putItem", "updateItem", "deleteItem"} {
		action := "dynamodb:" + value.Pascal(api)
		register(&Integration{
			Service:  "dynamodb",
			API:      api,
			Suffixes: []string{NoSuffix},
			Policy: func(r Request) []Statement {
				return []Statement{{Actions: []string{action}, Resources: []string{DynamoTableARN(r)}}}
			},
		})
	}
}

// DynamoTableARN is the table the TableName parameter names: a name (or a
// CDK token for one) becomes table/<name> in the account and region; an ARN
// is kept. A name decided at run time gets table/<prefix>* when it is a
// States.Format with a literal prefix, table/* otherwise (the AWS guide's
// dynamic template grants "*").
func DynamoTableARN(r Request) string {
	name, ok := r.Known("TableName")
	switch {
	case ok && strings.HasPrefix(name, "arn:"):
		return name
	case ok:
		return r.Env.ARN("dynamodb", "table/"+name)
	}
	switch prefix, ok := r.KnownPrefix("TableName"); {
	case ok && strings.HasPrefix(prefix, "arn:") && strings.Contains(prefix, ":table/"):
		return prefix + "*"
	case ok && !strings.HasPrefix(prefix, "arn:"):
		return r.Env.ARN("dynamodb", "table/"+prefix+"*")
	}
	return r.Env.ARN("dynamodb", "table/*")
}
