package iampolicy

func init() {
	register(&Integration{
		Service:  "sns",
		API:      "publish",
		Suffixes: []string{NoSuffix, WaitForToken},
		Policy:   func(r Request) []Statement { return []Statement{SNSPublish(r)} },
	})
}

// SNSPublish grants sns:Publish on the topic in TopicArn, or on every topic
// of the account and region when the topic is decided at run time. The
// KMS statements of an encrypted topic come from its key, which the
// parameters do not name: the caller adds them (SNSTopicKey).
func SNSPublish(r Request) Statement {
	topic, ok := r.Known("TopicArn")
	if !ok {
		topic = r.Env.ARN("sns", "*")
	}
	return Statement{Actions: []string{"sns:Publish"}, Resources: []string{topic}}
}

// SNSTopicKey lets the publisher encrypt messages for a topic encrypted
// with a customer managed key: SNS generates a data key and decrypts it on
// the publisher's behalf.
func SNSTopicKey(keyARN string) Statement {
	return Statement{Actions: []string{"kms:Decrypt", "kms:GenerateDataKey*"}, Resources: []string{keyARN}}
}
