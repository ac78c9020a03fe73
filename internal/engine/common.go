package engine

import "github.com/sfnkit/sfnkit/internal/value"

// Common holds the props every task shares, already read out of the CDK
// types users give (sfn.Timeout, sfn.Credentials…) into plain Go.
type Common struct {
	Comment        string
	StateName      string // the state's name in the definition; the construct ID when empty
	JSONata        bool   // QueryLanguage JSONATA on this state
	InputPath      *string
	OutputPath     *string
	ResultPath     *string // "DISCARD" renders as null
	ResultSelector *value.Value
	Assign         *value.Value
	Outputs        *value.Value
	Timeout        Seconds
	Heartbeat      Seconds
	// CredentialsRole is the role ARN the task assumes, if any.
	CredentialsRole *value.Value
	Pattern         *string // IntegrationPattern as given; nil means the default
}

// Seconds is a timeout: a literal number of seconds or an expression.
type Seconds struct {
	Value *value.Value // nil when unset
}

// Lang is the state's query language.
func (c *Common) Lang() value.Lang {
	if c.JSONata {
		return value.JSONataLang
	}
	return value.JSONPathLang
}

// Discard is the CDK's JsonPath.DISCARD: a ResultPath that drops the result.
const Discard = "DISCARD"
