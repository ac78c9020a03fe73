package apimodel

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sfnkit/sfnkit/internal/value"
)

// Target is a task's call: its Resource, split, and where its problems go.
type Target struct {
	// Service and API as in the Resource ARN: "sagemaker" and
	// "createProcessingJob", or "aws-sdk:s3" and "getObject".
	Service, API string
	// Suffix of the Resource: "", ".sync", ".sync:2", ".waitForTaskToken".
	Suffix string
	// Field is the field the parameters render as, the first element of
	// every problem's path: "Parameters" or "Arguments".
	Field string
	// ActionField names the field an unknown aws-sdk action is reported on
	// ("Action" for CallAwsService, "StateJson.Resource" for raw ASL).
	ActionField string
}

// Check checks a task's parameters against the input of the API it calls
// and returns one problem per wrong member, each naming the member's path
// (Parameters.ProcessingResources.ClusterConfig.InstanceCount) and what the
// API allows. Values decided at run time (JSONPath, intrinsic functions,
// JSONata) and CDK tokens are never judged: only literals are. A call the
// table does not know is not checked. Without parameters (nil), the state's
// input is the request, which is decided at run time: only the action is
// checked.
func Check(t Target, params *value.Value) []error {
	in, label, err := lookup(t)
	if err != nil {
		return []error{err}
	}
	if in == nil {
		return nil
	}
	field := t.Field
	if field == "" {
		field = "Parameters"
	}
	c := &checker{label: label}
	c.check(field, params, in, true)
	return c.errs
}

// CheckResource is Check for a state written as raw ASL (CustomTask): it
// splits the Resource itself and checks Parameters or Arguments, whichever
// is given. A Resource that is not an integration is not checked.
func CheckResource(resource, field string, params *value.Value) []error {
	service, api, suffix, ok := splitResource(resource)
	if !ok {
		return nil
	}
	return Check(Target{Service: service, API: api, Suffix: suffix, Field: field, ActionField: "StateJson.Resource"}, params)
}

// splitResource splits arn:<partition>:states:::<service>:<api><suffix>.
func splitResource(resource string) (service, api, suffix string, ok bool) {
	const marker = ":states:::"
	i := strings.Index(resource, marker)
	if !strings.HasPrefix(resource, "arn:") || i < 0 {
		return "", "", "", false
	}
	rest := resource[i+len(marker):]
	if j := strings.Index(rest, "."); j >= 0 {
		rest, suffix = rest[:j], rest[j:]
	}
	k := strings.LastIndex(rest, ":")
	if k <= 0 || k == len(rest)-1 {
		return "", "", "", false
	}
	return rest[:k], rest[k+1:], suffix, true
}

type checker struct {
	label string // the request, for messages: "the sagemaker:createProcessingJob request"
	errs  []error
}

func (c *checker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, &value.FieldError{Field: path, Msg: fmt.Sprintf(format, args...)})
}

// check judges v against s. top is true for the request itself.
func (c *checker) check(path string, v *value.Value, s *Shape, top bool) {
	if v == nil || s == nil || v.IsExpression() {
		return
	}
	switch s.Kind {
	case Any, Document, Blob:
		return
	}
	switch v.Kind() {
	case value.Literal:
		c.literal(path, v.LiteralValue(), s)
	case value.List:
		if s.Kind != List {
			c.fail(path, "must be %s, got a list", describeKind(s))
			return
		}
		items := v.Items()
		c.count(path, len(items), s, "items")
		for i, it := range items {
			c.check(fmt.Sprintf("%s[%d]", path, i), it, s.Item, false)
		}
	case value.Object:
		switch s.Kind {
		case Map:
			c.mapValue(path, v, s)
		case Structure, Union:
			c.structure(path, v, s, top)
		default:
			c.fail(path, "must be %s, got an object", describeKind(s))
		}
	}
}

func (c *checker) structure(path string, v *value.Value, s *Shape, top bool) {
	fields := v.Fields()
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	what := "the " + s.Name + " structure"
	if top {
		what = c.label
	}
	var set []string
	meant := map[string]bool{} // members an unknown key was suggested for
	for _, k := range keys {
		p := path + "." + k
		m := s.Member(k)
		switch {
		case m == nil && value.IsTokenString(k):
			continue // a key CloudFormation resolves: nothing to judge
		case m == nil:
			best := nearest(k, s.MemberNames())
			meant[best] = true
			c.fail(p, "%s has no member %s%s", what, k, suggestMember(k, best, s))
			continue
		case m.Unsupported != "":
			c.fail(p, "%s", m.Unsupported)
			continue
		}
		set = append(set, k)
		c.check(p, fields[k], m.Shape, false)
	}
	for _, m := range s.Members {
		name := StepFunctionsName(m.Name)
		if m.Required && m.Unsupported == "" {
			if _, ok := fields[name]; !ok && !meant[name] {
				c.fail(path+"."+name, "required by %s", what)
			}
		}
	}
	if s.Kind == Union && len(set) != 1 && (len(set) > 1 || len(keys) == 0) {
		c.fail(path, "%s takes exactly one of %s, got %s", what, strings.Join(s.MemberNames(), ", "), describeSet(set))
	}
}

func (c *checker) mapValue(path string, v *value.Value, s *Shape) {
	fields := v.Fields()
	c.count(path, len(fields), s, "entries")
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := path + "." + k
		if s.Key != nil && !value.IsTokenString(k) {
			if msg := c.stringProblem(k, s.Key); msg != "" {
				c.fail(path, "key %q %s", k, msg)
			}
		}
		c.check(p, fields[k], s.Item, false)
	}
}

func (c *checker) literal(path string, x any, s *Shape) {
	switch l := x.(type) {
	case nil:
		// null: Step Functions passes it on; the API treats it as absent.
	case string:
		if value.IsTokenString(l) {
			return // resolved by CloudFormation at deploy time
		}
		switch s.Kind {
		case String, Enum:
			if msg := c.stringProblem(l, s); msg != "" {
				c.fail(path, "%s", msg)
			}
		case Timestamp:
		default:
			c.fail(path, "must be %s, got the string %s", describeKind(s), quote(l))
		}
	case float64:
		if value.IsTokenNumber(l) {
			return
		}
		switch s.Kind {
		case Integer:
			if l != math.Trunc(l) {
				c.fail(path, "must be a whole number, got %s", number(l))
				return
			}
			c.bounds(path, l, s)
		case Float:
			c.bounds(path, l, s)
		case Timestamp:
		default:
			c.fail(path, "must be %s, got the number %s", describeKind(s), number(l))
		}
	case bool:
		if s.Kind != Boolean {
			c.fail(path, "must be %s, got %t", describeKind(s), l)
		}
	}
	// Anything else is a CDK token or object that only the CDK resolves.
}

// stringProblem says what is wrong with a literal string, or "".
func (c *checker) stringProblem(x string, s *Shape) string {
	if s.Kind == Enum {
		for _, e := range s.Enum {
			if e == x {
				return ""
			}
		}
		return enumProblem(x, s.Enum)
	}
	if s.Kind != String {
		return "must be " + describeKind(s) + ", got the string " + quote(x)
	}
	if n := utf8.RuneCountInString(x); outside(float64(n), s) {
		return fmt.Sprintf("must be %s characters long, got %d: %s", span(s), n, quote(x))
	}
	if s.Pattern != "" {
		if re := compiled(s.Pattern); re != nil && !re.MatchString(x) {
			return fmt.Sprintf("must match %s, got %s", s.Pattern, quote(x))
		}
	}
	return ""
}

func (c *checker) count(path string, n int, s *Shape, unit string) {
	if outside(float64(n), s) {
		c.fail(path, "must have %s %s, got %d", span(s), unit, n)
	}
}

func (c *checker) bounds(path string, x float64, s *Shape) {
	if outside(x, s) {
		c.fail(path, "must be %s, got %s", rangeText(s), number(x))
	}
}

func outside(x float64, s *Shape) bool {
	return (s.Min != nil && x < *s.Min) || (s.Max != nil && x > *s.Max)
}

// span writes a length bound: "1 to 63", "at least 1", "at most 256".
func span(s *Shape) string {
	switch {
	case s.Min != nil && s.Max != nil && *s.Min == *s.Max:
		return "exactly " + number(*s.Min)
	case s.Min != nil && s.Max != nil:
		return number(*s.Min) + " to " + number(*s.Max)
	case s.Min != nil:
		return "at least " + number(*s.Min)
	}
	return "at most " + number(*s.Max)
}

func rangeText(s *Shape) string {
	switch {
	case s.Min != nil && s.Max != nil:
		return "from " + number(*s.Min) + " to " + number(*s.Max)
	case s.Min != nil:
		return "at least " + number(*s.Min)
	}
	return "at most " + number(*s.Max)
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func quote(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return strconv.Quote(s)
}

func describeKind(s *Shape) string {
	switch s.Kind {
	case String:
		return "a string"
	case Enum:
		return "one of " + strings.Join(s.Enum, ", ")
	case Integer:
		return "a whole number"
	case Float:
		return "a number"
	case Boolean:
		return "true or false"
	case Timestamp:
		return "a timestamp"
	case List:
		return "a list"
	case Map:
		return "an object (a map)"
	case Structure, Union:
		if s.Name != "" {
			return "an object (" + s.Name + ")"
		}
		return "an object"
	}
	return "JSON"
}

func describeSet(set []string) string {
	if len(set) == 0 {
		return "none"
	}
	return strings.Join(set, " and ")
}

// enumProblem lists the values an enum allows: all of them when they are
// few, else the nearest.
func enumProblem(x string, values []string) string {
	if len(values) <= 16 {
		msg := fmt.Sprintf("must be one of %s, got %s", strings.Join(values, ", "), quote(x))
		if best := nearest(x, values); best != "" {
			msg += fmt.Sprintf("; did you mean %q?", best)
		}
		return msg
	}
	msg := fmt.Sprintf("%s is not one of the %d values the API accepts", quote(x), len(values))
	if best := nearest(x, values); best != "" {
		return msg + fmt.Sprintf("; did you mean %q?", best)
	}
	return msg + " (such as " + strings.Join(values[:5], ", ") + ")"
}

// suggestMember is "; did you mean X? (members: …)" for an unknown member.
func suggestMember(k, best string, s *Shape) string {
	names := s.MemberNames()
	var b strings.Builder
	if best != "" {
		fmt.Fprintf(&b, "; did you mean %s?", best)
	}
	if len(names) == 0 {
		b.WriteString(" (it takes no members)")
		return b.String()
	}
	const most = 40
	if len(names) > most {
		fmt.Fprintf(&b, " (members: %s, … %d in all)", strings.Join(names[:most], ", "), len(names))
	} else {
		fmt.Fprintf(&b, " (members: %s)", strings.Join(names, ", "))
	}
	return b.String()
}

// nearest is the candidate closest to x, when close enough to be a typo:
// the same but for case, or a few edits away (a swap counts as one).
func nearest(x string, candidates []string) string {
	lx := strings.ToLower(x)
	best, bestD := "", math.MaxInt
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == lx {
			return c
		}
		if d := distance(lx, lc); d < bestD {
			best, bestD = c, d
		}
	}
	limit := utf8.RuneCountInString(x) / 4
	if limit < 1 {
		limit = 1
	}
	if limit > 3 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// distance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
