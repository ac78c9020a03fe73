package tasks

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awseks"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/value"
)

// eksNamePattern is EKS's rule for cluster, node group and Fargate profile
// names: a letter or digit, then letters, digits, hyphens and underscores.
var eksNamePattern = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9\-_]*$`)

// eksName sets a required EKS resource name and checks a literal one
// (max 0: no length limit documented).
func (p *taskParams) eksName(prop, key string, x *string, max int, what string) *Value {
	v := p.required(prop, key, x, what)
	if s, ok := literalString(v); ok {
		switch {
		case !eksNamePattern.MatchString(s):
			p.problem(prop, "%q is not a valid name: a letter or digit, then letters, digits, hyphens and underscores", s)
		case max > 0 && len(s) > max:
			p.problem(prop, "must be 1 to %d characters, got %d", max, len(s))
		}
	}
	return v
}

// roleARN sets a required IAM role ARN and checks a literal one.
func (p *taskParams) roleARN(prop, key string, x *string, what string) *Value {
	v := p.required(prop, key, x, what)
	if s, ok := literalString(v); ok && !(strings.HasPrefix(s, "arn:") && strings.Contains(s, ":role/")) {
		p.problem(prop, "%q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", s)
	}
	return v
}

// eksTags renders EKS tags (a map, keys kept as written), checked against
// EKS's limits when literal, or the whole map from an expression.
func (p *taskParams) eksTags(x *map[string]*string) {
	v := field(p.spec, "Tags", x)
	switch {
	case v == nil:
		return
	case v.IsExpression():
		p.fields["Tags"] = v
		return
	case v.Kind() != value.Object:
		p.problem("Tags", "give a map of tag keys to values, or an expression that yields it at run time, got %s", describeValue(v))
		return
	}
	if n := len(v.Fields()); n > 50 {
		p.problem("Tags", "at most 50 tags, got %d", n)
	}
	for _, k := range sortedFieldNames(v) {
		switch n := len([]rune(k)); {
		case n < 1 || n > 128:
			p.problem("Tags", "key %q must be 1 to 128 characters, got %d", k, n)
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			p.problem("Tags", "key %q: the aws: prefix is reserved for AWS", k)
		}
		tv := v.Field(k)
		s, ok := tv.String()
		switch {
		case !ok && !tv.Dynamic():
			p.problem("Tags."+k, "must be a string (or dynamic), got %s", describeValue(tv))
		case ok && !value.IsTokenString(s) && len([]rune(s)) > 256:
			p.problem("Tags."+k, "must be at most 256 characters, got %d", len([]rune(s)))
		}
	}
	p.fields["Tags"] = v.Verbatim()
}

// eksList sets a list of strings with a count limit for a literal list
// (min 0 / max 0: none).
func eksList(o *emrObj, name string, list *[]*string, min, max int) *Value {
	v := o.strings(name, list)
	if v != nil && !v.IsExpression() {
		if n := len(v.Items()); (min > 0 && n < min) || (max > 0 && n > max) {
			switch {
			case max == 0:
				o.problem(name, "give at least %d, got %d", min, n)
			case min == 0:
				o.problem(name, "at most %d, got %d", max, n)
			default:
				o.problem(name, "give %d to %d, got %d", min, max, n)
			}
		}
	}
	return v
}

// eksClusterConnection reads how eks:runJob (as eks:call) reaches the
// cluster: an awseks.ICluster, or its name, certificate authority data and
// endpoint, each possibly dynamic.
func eksClusterConnection(spec *engine.Spec, params map[string]*Value, cluster awseks.ICluster, name, ca, endpoint *string) {
	if cluster != nil {
		if name != nil || ca != nil || endpoint != nil {
			spec.Problems = append(spec.Problems, fieldProblem("Cluster", "give Cluster or ClusterName/CertificateAuthority/Endpoint, not both"))
		}
		params["ClusterName"] = value.Lit(*cluster.ClusterName())
		for _, attr := range []struct {
			key, prop string
			read      func() *string
		}{
			{"CertificateAuthority", "clusterCertificateAuthorityData", cluster.ClusterCertificateAuthorityData},
			{"Endpoint", "clusterEndpoint", cluster.ClusterEndpoint},
		} {
			if err := catchPanic(func() { params[attr.key] = value.Lit(*attr.read()) }); err != nil {
				spec.Problems = append(spec.Problems, fieldProblem("Cluster", "an imported cluster needs %s (awseks.Cluster_FromClusterAttributes): %v", attr.prop, err))
			}
		}
		return
	}
	for _, f := range []struct {
		name string
		s    *string
	}{{"ClusterName", name}, {"CertificateAuthority", ca}, {"Endpoint", endpoint}} {
		v := field(spec, f.name, f.s)
		if v == nil {
			spec.Problems = append(spec.Problems, fieldProblem(f.name, "required when Cluster is not given"))
			continue
		}
		params[f.name] = v
	}
	if v := params["Endpoint"]; v != nil {
		if s, ok := literalString(v); ok && !strings.HasPrefix(s, "https://") {
			spec.Problems = append(spec.Problems, fieldProblem("Endpoint", "must be the cluster's https:// API server endpoint, got %q", s))
		}
	}
}

// eksEnum is an enum of the EKS API: its values as the API spells them.
func eksEnum(o *emrObj, name string, given *string, allowed ...string) *Value {
	v := o.field(name, given)
	if s, ok := literalString(v); ok {
		for _, a := range allowed {
			if s == a {
				return o.put(name, v)
			}
		}
		o.problem(name, "must be %s (or dynamic), got %q", strings.Join(allowed, ", "), s)
		return nil
	}
	return o.put(name, v)
}

// eksIndex names a list item in messages.
func eksIndex(name string, i int) string { return fmt.Sprintf("%s[%d]", name, i) }

// eksVersion is a Kubernetes minor version as EKS takes it: "1.31".
var eksVersion = regexp.MustCompile(`^\d+\.\d+$`)

// eksLogTypes are the control plane log types.
var eksLogTypes = map[string]bool{"api": true, "audit": true, "authenticator": true, "controllerManager": true, "scheduler": true}

// k8sName is a Kubernetes DNS label (a namespace name).
var k8sName = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)
