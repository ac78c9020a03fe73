package iampolicy

import (
	"net/url"
	"strings"
)

func init() {
	register(&Integration{
		Service:  "sqs",
		API:      "sendMessage",
		Suffixes: []string{NoSuffix, WaitForToken},
		Policy:   func(r Request) []Statement { return []Statement{SQSSendMessage(r, "")} },
	})
}

// SQSSendMessage grants sqs:SendMessage on the queue: queueARN when the
// caller knows it (a CDK queue, whose URL is a token), else the ARN derived
// from a literal QueueUrl, else every queue of the account and region. The
// KMS statements of an encrypted queue come from its key, which the
// parameters do not name: the caller adds them (SQSQueueKey).
func SQSSendMessage(r Request, queueARN string) Statement {
	if queueARN == "" {
		queueARN = r.Env.ARN("sqs", "*")
		if u, ok := r.Known("QueueUrl"); ok {
			if arn, ok := SQSQueueARN(r.Env, u); ok {
				queueARN = arn
			}
		}
	}
	return Statement{Actions: []string{"sqs:SendMessage"}, Resources: []string{queueARN}}
}

// SQSQueueARN turns https://sqs.<region>.amazonaws.com/<account>/<name>
// (or the legacy <region>.queue.amazonaws.com host) into the queue's ARN.
func SQSQueueARN(env Env, queueURL string) (string, bool) {
	u, err := url.Parse(queueURL)
	if err != nil || u.Host == "" {
		return "", false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", false
	}
	var region string
	switch labels := strings.Split(u.Host, "."); {
	case len(labels) >= 3 && labels[0] == "sqs":
		region = labels[1]
	case len(labels) >= 3 && labels[1] == "queue":
		region = labels[0]
	default:
		return "", false
	}
	return "arn:" + env.Partition + ":sqs:" + region + ":" + parts[0] + ":" + parts[1], true
}

// SQSQueueKey lets the sender use the customer managed key of an encrypted
// queue: SQS generates a data key, and decrypts it for reuse, on the
// sender's behalf.
func SQSQueueKey(keyARN string) Statement {
	return Statement{Actions: []string{"kms:Decrypt", "kms:GenerateDataKey*"}, Resources: []string{keyARN}}
}
