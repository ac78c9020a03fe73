// Package iampolicy is the one place that knows which IAM actions on which
// resources each Step Functions integration and integration pattern needs.
// Statements are plain Go values: compared, merged and tested without the
// CDK, and turned into awsiam.PolicyStatement only at the edge.
package iampolicy

import (
	"encoding/json"
	"sort"
	"strings"
)

// Statement is one Allow statement of an identity policy.
type Statement struct {
	Actions    []string                  `json:"Action"`
	Resources  []string                  `json:"Resource"`
	Conditions map[string]map[string]any `json:"Condition,omitempty"`
}

// Conditions for the common iam:PassRole guard.
func passedTo(service string) map[string]map[string]any {
	return map[string]map[string]any{"StringEquals": {"iam:PassedToService": service}}
}

// groupKey identifies statements that may share one resource list: the same
// actions under the same conditions.
func (s Statement) groupKey() string {
	actions := append([]string(nil), s.Actions...)
	sort.Strings(actions)
	cond, _ := json.Marshal(s.Conditions) // map keys marshal sorted
	return strings.Join(actions, ",") + "|" + string(cond)
}

// GroupKey is groupKey for callers that merge across tasks.
func (s Statement) GroupKey() string { return s.groupKey() }

// Merge folds statements with the same actions and conditions into one,
// with the union of their resources, keeping first-seen order.
func Merge(stmts ...Statement) []Statement {
	var out []Statement
	index := map[string]int{}
	var seen []map[string]bool // per output statement: its resources
	for _, s := range stmts {
		key := s.groupKey()
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, Statement{Actions: uniq(s.Actions), Conditions: s.Conditions})
			seen = append(seen, map[string]bool{})
		}
		for _, r := range s.Resources {
			if !seen[i][r] {
				seen[i][r] = true
				out[i].Resources = append(out[i].Resources, r)
			}
		}
	}
	return out
}

func uniq(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
