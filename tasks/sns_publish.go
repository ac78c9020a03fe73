package tasks

import (
	"encoding/json"
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// MessageAttributeDataType mirrors awsstepfunctionstasks.MessageAttributeDataType:
// the CDK's constants, rendered as SNS names the types (String,
// String.Array, Number, Binary), which are accepted too.
type MessageAttributeDataType string

const (
	MessageAttributeDataType_STRING       MessageAttributeDataType = "STRING"
	MessageAttributeDataType_STRING_ARRAY MessageAttributeDataType = "STRING_ARRAY"
	MessageAttributeDataType_NUMBER       MessageAttributeDataType = "NUMBER"
	MessageAttributeDataType_BINARY       MessageAttributeDataType = "BINARY"
)

// snsDataTypes are the SNS names of the data types.
var snsDataTypes = map[MessageAttributeDataType]string{
	MessageAttributeDataType_STRING: "String", MessageAttributeDataType_STRING_ARRAY: "String.Array",
	MessageAttributeDataType_NUMBER: "Number", MessageAttributeDataType_BINARY: "Binary",
}

// known returns the constant for a CDK constant or an SNS type name.
func (d MessageAttributeDataType) known() (MessageAttributeDataType, bool) {
	if _, ok := snsDataTypes[d]; ok {
		return d, true
	}
	for c, name := range snsDataTypes {
		if string(d) == name {
			return c, true
		}
	}
	return d, false
}

func (d MessageAttributeDataType) String() string {
	if name, ok := snsDataTypes[d]; ok {
		return name
	}
	return string(d)
}

// MessageAttribute mirrors awsstepfunctionstasks.MessageAttribute.
type MessageAttribute struct {
	// Value: a string, number, boolean or list of them, an sfn.TaskInput,
	// or a dynamic value (tasks.Path, tasks.StringAt, ...).
	Value interface{}
	// DataType: by default Number for a number, String.Array for a list,
	// String otherwise. A dynamic Number or String.Array value is turned
	// into the string SNS takes at run time.
	DataType MessageAttributeDataType
}

// SnsPublishProps mirrors awsstepfunctionstasks.SnsPublishProps.
type SnsPublishProps struct {
	// Topic to publish to. Give it, or TopicArn.
	Topic awssns.ITopic
	// TopicArn is the topic as an ARN, which may be dynamic
	// (tasks.StringAt("$.topic")): IAM then covers every topic of the
	// account and region, and no KMS key (grant an encrypted topic's key
	// yourself). An sfnkit addition.
	TopicArn *string
	// Message to publish: text, JSON or a value from the input.
	Message sfn.TaskInput
	// MessageAttributes by name (at most 256 characters of letters,
	// digits, _ - and ., not starting with AWS. or Amazon.).
	MessageAttributes *map[string]*MessageAttribute
	// MessagePerSubscriptionType sends MessageStructure "json": Message is
	// then an object with a "default" string and one per protocol.
	MessagePerSubscriptionType *bool
	// Subject for email endpoints: 1 to 99 characters, no line breaks or
	// control characters.
	Subject *string
	// MessageGroupId: required for FIFO topics; at most 128 characters.
	MessageGroupId *string
	// MessageDeduplicationId: required for FIFO topics without content-based
	// deduplication; at most 128 characters.
	MessageDeduplicationId *string

	Comment            *string
	QueryLanguage      sfn.QueryLanguage
	InputPath          *string
	OutputPath         *string
	ResultPath         *string
	ResultSelector     *map[string]interface{}
	Assign             *map[string]interface{}
	Outputs            interface{}
	TaskTimeout        sfn.Timeout
	HeartbeatTimeout   sfn.Timeout
	Credentials        *sfn.Credentials
	IntegrationPattern sfn.IntegrationPattern
	// StateName is the state's name in the definition. Default: the construct ID.
	StateName *string
	// Deprecated: use TaskTimeout.
	Timeout awscdk.Duration
	// Deprecated: use HeartbeatTimeout.
	Heartbeat awscdk.Duration
}

var (
	snsPublish, _        = iampolicy.Lookup("sns", "publish")
	snsAttributeName     = regexp.MustCompile(`^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$`)
	snsReservedAttribute = regexp.MustCompile(`(?i)^(aws|amazon)\.`)
)

// SnsPublish is the task NewSnsPublish returns: a Task, typed as the CDK types it.
type SnsPublish interface{ Task }

// NewSnsPublish publishes a message to an SNS topic
// (arn:…:states:::sns:publish): REQUEST_RESPONSE (the default) or
// WAIT_FOR_TASK_TOKEN (the token must be in Message). The role may publish
// to that topic only, and use its customer managed key.
func NewSnsPublish(scope constructs.Construct, id *string, props *SnsPublishProps) SnsPublish {
	checkProps(scope, id, "SnsPublish", props == nil)
	spec := &engine.Spec{Construct: "SnsPublish", Integration: snsPublish, ParamsField: "Message"}
	params := map[string]*Value{}
	problem := func(name, format string, args ...any) {
		spec.Problems = append(spec.Problems, fieldProblem(name, format, args...))
	}
	var fifo, contentDedup bool
	switch {
	case props.Topic != nil && props.TopicArn != nil:
		problem("Topic", "give Topic or TopicArn, not both")
	case props.Topic != nil:
		topicARN := *engine.Memo(props.Topic, "TopicArn", props.Topic.TopicArn)
		params["TopicArn"] = value.Lit(topicARN)
		if key := props.Topic.MasterKey(); key != nil {
			spec.Statements = append(spec.Statements, iampolicy.SNSTopicKey(*key.KeyArn()))
		}
		fifo = fifoName(topicARN, props.Topic.Fifo)
		if fifo {
			contentDedup = isTrue(props.Topic.ContentBasedDeduplication())
		}
	case props.TopicArn != nil:
		params["TopicArn"] = field(spec, "TopicArn", props.TopicArn)
	default:
		problem("Topic", "required: the topic to publish to (or TopicArn)")
	}

	message := field(spec, "Message", props.Message)
	if message == nil {
		problem("Message", "required: the message to publish (tasks.TaskInput_FromText, tasks.TaskInput_FromObject or tasks.TaskInput_FromJsonPathAt)")
	} else {
		params["Message"] = message
	}
	if props.MessagePerSubscriptionType != nil && *props.MessagePerSubscriptionType {
		params["MessageStructure"] = value.Lit("json")
		if message != nil && !message.IsExpression() && !hasDefaultMessage(message) {
			problem("Message", `with MessagePerSubscriptionType, give an object with a "default" string (and one per protocol, such as "email" or "sqs")`)
		}
	}
	if v := field(spec, "Subject", props.Subject); v != nil {
		if s, ok := v.String(); ok && !value.IsTokenString(s) {
			switch n := utf8.RuneCountInString(s); {
			case n < 1 || n > 99:
				problem("Subject", "must be 1 to 99 characters, got %d", n)
			case strings.IndexFunc(s, unicode.IsControl) >= 0:
				problem("Subject", "%q has a line break or control character, which SNS rejects", s)
			}
		}
		params["Subject"] = v
	}
	messageIDs(spec, params, props.MessageDeduplicationId, props.MessageGroupId)
	if fifo && props.MessageGroupId == nil {
		problem("MessageGroupId", "required: the topic is a FIFO topic")
	}
	if fifo && !contentDedup && props.MessageDeduplicationId == nil {
		problem("MessageDeduplicationId", "required: the FIFO topic has no content-based deduplication")
	}
	if props.MessageAttributes != nil {
		params["MessageAttributes"] = messageAttributes(spec, *props.MessageAttributes, props.QueryLanguage == sfn.QueryLanguage_JSONATA)
	}
	spec.Params = value.NewObject(params)
	return newTask(scope, id, props, spec)
}

// hasDefaultMessage reports whether a literal message for MessageStructure
// "json" has the "default" string SNS requires.
func hasDefaultMessage(message *Value) bool {
	switch message.Kind() {
	case value.Object:
		d := message.Field("default")
		if d == nil {
			return false
		}
		_, literal := d.String()
		return literal || d.IsExpression()
	case value.Literal:
		s, _ := message.String()
		var doc map[string]any
		if json.Unmarshal([]byte(s), &doc) != nil {
			return false
		}
		_, ok := doc["default"].(string)
		return ok
	}
	return false
}

func messageAttributes(spec *engine.Spec, attrs map[string]*MessageAttribute, jsonata bool) *Value {
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	sort.Strings(names)
	out := make(map[string]*Value, len(attrs))
	for _, name := range names {
		prop := "MessageAttributes." + name
		switch {
		case len(name) > 256 || !snsAttributeName.MatchString(name):
			spec.Problems = append(spec.Problems, fieldProblem(prop, "an attribute name is 1 to 256 letters, digits, _, - and ., not starting or ending with . nor with two in a row"))
			continue
		case snsReservedAttribute.MatchString(name):
			spec.Problems = append(spec.Problems, fieldProblem(prop, "names starting with AWS. or Amazon. are reserved by AWS"))
			continue
		}
		attr := attrs[name]
		if attr == nil || attr.Value == nil {
			spec.Problems = append(spec.Problems, fieldProblem(prop, "required: the attribute's Value"))
			continue
		}
		if a := messageAttribute(spec, prop, attr, jsonata); a != nil {
			out[name] = a
		}
	}
	return value.NewObject(out).Verbatim()
}

// messageAttribute renders {DataType, StringValue | BinaryValue}, with the
// CDK's default data types, checking a literal against its type.
func messageAttribute(spec *engine.Spec, prop string, attr *MessageAttribute, jsonata bool) *Value {
	v := field(spec, prop+".Value", attr.Value)
	if v == nil {
		return nil
	}
	problem := func(format string, args ...any) *Value {
		spec.Problems = append(spec.Problems, fieldProblem(prop, format, args...))
		return nil
	}
	dt, known := attr.DataType.known()
	if !known && dt != "" {
		return problem("DataType must be STRING, STRING_ARRAY, NUMBER or BINARY (MessageAttributeDataType_…), got %q", string(dt))
	}
	typed := func(dt MessageAttributeDataType, v *Value) *Value {
		key := "StringValue"
		if dt == MessageAttributeDataType_BINARY {
			key = "BinaryValue"
		}
		return value.NewObject(map[string]*Value{"DataType": value.Lit(dt.String()), key: v})
	}
	if v.IsExpression() {
		switch dt {
		case "":
			dt = MessageAttributeDataType_STRING
		case MessageAttributeDataType_NUMBER:
			v = asString(v, jsonata)
		case MessageAttributeDataType_STRING_ARRAY:
			v = jsonString(v)
		}
		return typed(dt, v)
	}
	if v.Dynamic() {
		return problem("a value with dynamic parts must be one expression: give the whole value as a path (tasks.Path(\"$.list\")) or intrinsic")
	}
	switch lit := v.LiteralValue(); {
	case v.Kind() == value.List:
		if dt != "" && dt != MessageAttributeDataType_STRING_ARRAY {
			return problem("DataType is %s but the value is a list: use String.Array", dt)
		}
		items := make([]any, 0, len(v.Items()))
		for i, it := range v.Items() {
			if it.Kind() != value.Literal {
				return problem("item %d: a String.Array holds strings, numbers, booleans and nulls", i)
			}
			items = append(items, it.LiteralValue())
		}
		text, _ := json.Marshal(items)
		return typed(MessageAttributeDataType_STRING_ARRAY, value.Lit(string(text)))
	case v.Kind() == value.Object:
		return problem("give a string, number, boolean or list, not an object")
	case dt == MessageAttributeDataType_BINARY:
		s, ok := lit.(string)
		if !ok {
			return problem("a Binary value is a base64 string")
		}
		return typed(dt, value.Lit(s))
	default:
		switch x := lit.(type) {
		case float64:
			if dt != "" && dt != MessageAttributeDataType_NUMBER {
				return problem("DataType is %s but the value is a number: use Number", dt)
			}
			return typed(MessageAttributeDataType_NUMBER, value.Lit(strconv.FormatFloat(x, 'f', -1, 64)))
		case bool:
			if dt != "" && dt != MessageAttributeDataType_STRING {
				return problem("DataType is %s but the value is a boolean: use String", dt)
			}
			return typed(MessageAttributeDataType_STRING, value.Lit(strconv.FormatBool(x)))
		case string:
			switch dt {
			case MessageAttributeDataType_NUMBER:
				if _, err := strconv.ParseFloat(x, 64); err != nil && !value.IsTokenString(x) {
					return problem("DataType is Number but %q is not a number", x)
				}
			case MessageAttributeDataType_STRING_ARRAY:
				var list []any
				if json.Unmarshal([]byte(x), &list) != nil && !value.IsTokenString(x) {
					return problem("DataType is String.Array but %q is not a JSON array", x)
				}
			case "":
				dt = MessageAttributeDataType_STRING
			}
			return typed(dt, value.Lit(x))
		}
		return problem("give a string, number, boolean or list, got null")
	}
}

// jsonString turns a dynamic list into the JSON text a String.Array
// attribute carries.
func jsonString(v *Value) *Value {
	if v.Kind() == value.JSONata {
		body, _ := expr.JSONataBody(v.Expr())
		return value.Ata("$string(" + strings.TrimSpace(body) + ")")
	}
	return value.Dyn("States.JsonToString(" + v.Expr() + ")")
}

func isTrue(b *bool) bool { return b != nil && *b }
