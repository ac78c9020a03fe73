package iampolicy

import (
	"strings"
	"testing"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Every statement of the catalog whose only resource is "*" has an action
// that the Service Authorization Reference lists with no resource type,
// and so a reason for cdk-nag (Statement.Why): a "*" that an ARN could
// narrow fails here.
func TestEveryCatalogWildcardHasAReason(t *testing.T) {
	empty := value.NewObject(map[string]*value.Value{})
	for _, key := range Known() {
		service, api, _ := strings.Cut(key, ":")
		in, _ := Lookup(service, api)
		for _, suffix := range in.Suffixes {
			pattern, _ := PatternOf(suffix)
			for _, s := range in.Policy(Request{Env: env, Pattern: pattern, Suffix: suffix, Params: empty}) {
				if len(s.Resources) == 1 && s.Resources[0] == "*" && s.Why()["*"] == "" {
					t.Errorf("%s%s: %v on \"*\" with no reason", key, suffix, s.Actions)
				}
			}
		}
	}
}
