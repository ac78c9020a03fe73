package iampolicy

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

func init() {
	register(&Integration{
		Service:  "events",
		API:      "putEvents",
		Suffixes: []string{NoSuffix, WaitForToken},
		Policy:   func(r Request) []Statement { return []Statement{EventsPutEvents(r)} },
	})
}

// EventsPutEvents grants events:PutEvents on the bus of each entry: the
// default bus when an entry names none, every bus of the account and
// region when a bus — or the whole list of entries — is decided at run time.
func EventsPutEvents(r Request) Statement {
	anyBus := r.Env.ARN("events", "event-bus/*")
	entries := r.Param("Entries")
	if entries == nil || entries.Kind() != value.List {
		return Statement{Actions: []string{"events:PutEvents"}, Resources: []string{anyBus}}
	}
	var buses []string
	seen := map[string]bool{}
	for _, entry := range entries.Items() {
		bus := eventBusARN(r.Env, entry, anyBus)
		if !seen[bus] {
			seen[bus] = true
			buses = append(buses, bus)
		}
	}
	if seen[anyBus] {
		buses = []string{anyBus}
	}
	return Statement{Actions: []string{"events:PutEvents"}, Resources: buses}
}

func eventBusARN(env Env, entry *value.Value, anyBus string) string {
	if entry.Kind() != value.Object {
		return anyBus
	}
	bus := entry.Field("EventBusName")
	if bus == nil {
		return env.ARN("events", "event-bus/default")
	}
	name, ok := bus.String()
	switch {
	case !ok:
		return anyBus
	case strings.HasPrefix(name, "arn:") || strings.Contains(name, "${Token["):
		return name
	}
	return env.ARN("events", "event-bus/"+name)
}
