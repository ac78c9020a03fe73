package iampolicy

func init() {
	// eks:call reaches the Kubernetes API server of the cluster, which
	// authorizes the request with Kubernetes RBAC: the state machine's role
	// needs an EKS access entry (or an aws-auth mapping) bound to the
	// Kubernetes permissions the call uses. AWS documents no IAM action for
	// it, so the role gets no statement.
	register(&Integration{
		Service:  "eks",
		API:      "call",
		Suffixes: []string{NoSuffix},
		Policy:   func(Request) []Statement { return nil },
	})
}
