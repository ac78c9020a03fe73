package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/value"
)

func TestLiteralPrefix(t *testing.T) {
	tests := []struct {
		name   string
		v      *value.Value
		prefix string
		exact  bool
	}{
		{"literal", value.Lit("https://x/a"), "https://x/a", true},
		{"number", value.Lit(3), "", false},
		{"path", value.Dyn("$.url"), "", false},
		{"format, literal args filled in", value.Dyn("States.Format('{}/{}', 'https://x', 'a/b')"), "https://x/a/b", true},
		{"format up to a path", value.Dyn("States.Format('{}/{}', 'https://x', $.p)"), "https://x/", false},
		{"format with escapes", value.Dyn(`States.Format('a\{b\}-{}', $.p)`), "a{b}-", false},
		{"nested format", value.Dyn("States.Format('{}/{}', 'https://x', States.Format('v{}/{}', 2, $.id))"), "https://x/v2/", false},
		{"another intrinsic", value.Dyn("States.UUID()"), "", false},
		{"JSONata concatenation", value.Ata("'https://' & \"x/\" & $states.input.p"), "https://x/", false},
		{"JSONata literal only", value.Ata("'https://x' & '/a'"), "https://x/a", true},
		{"JSONata comparison is no string", value.Ata("'a' & $x = 'ab'"), "", false},
		{"JSONata condition is no string", value.Ata("'a' & ($x ? 'b' : 'c')"), "a", false},
		{"JSONata conditional at the top", value.Ata("$x ? 'a' : 'b'"), "", false},
		{"JSONata sum is no string", value.Ata("'1' & $x + 1"), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, exact := LiteralPrefix(tt.v)
			assert.Equal(t, tt.prefix, p)
			assert.Equal(t, tt.exact, exact)
		})
	}
}

func TestHTTPInvoke(t *testing.T) {
	conn := "arn:aws:events:eu-west-1:111122223333:connection/crm/0a1b"
	stmts := policy(t, "http", "invoke", RequestResponse, map[string]any{
		"ApiEndpoint": value.Dyn("States.Format('https://crm.example.com/v1/{}', $.path)"), "Method": "PATCH",
		"Authentication": map[string]any{"ConnectionArn": conn}})
	assert.Equal(t, []Statement{
		{Actions: []string{"states:InvokeHTTPEndpoint"}, Resources: []string{"arn:aws:states:eu-west-1:111122223333:stateMachine:*"},
			Conditions: map[string]map[string]any{"StringEquals": {"states:HTTPMethod": "PATCH"}, "StringLike": {"states:HTTPEndpoint": "https://crm.example.com/v1/*"}}},
		{Actions: []string{"events:RetrieveConnectionCredentials"}, Resources: []string{conn}},
		{Actions: []string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"},
			Resources: []string{"arn:aws:secretsmanager:eu-west-1:111122223333:secret:events!connection/crm/*"}},
	}, stmts)

	dynamic := policy(t, "http", "invoke", RequestResponse, map[string]any{
		"ApiEndpoint": value.Dyn("$.url"), "Method": value.Dyn("$.m"), "Authentication": map[string]any{"ConnectionArn": value.Dyn("$.conn")}})
	assert.Equal(t, []Statement{
		{Actions: []string{"states:InvokeHTTPEndpoint"}, Resources: []string{"arn:aws:states:eu-west-1:111122223333:stateMachine:*"}},
		{Actions: []string{"events:RetrieveConnectionCredentials"}, Resources: []string{"arn:aws:events:eu-west-1:111122223333:connection/*"}},
		{Actions: []string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"},
			Resources: []string{"arn:aws:secretsmanager:eu-west-1:111122223333:secret:events!connection/*"}},
	}, dynamic)
}

func TestAPIGatewayInvoke(t *testing.T) {
	host := "a1b2c3d4e5.execute-api.us-east-2.amazonaws.com"
	tests := []struct {
		name   string
		params map[string]any
		want   []string
	}{
		{"no auth type: none", map[string]any{"ApiEndpoint": host, "Method": "GET", "Stage": "prod"}, nil},
		{"NO_AUTH: none", map[string]any{"ApiEndpoint": host, "Method": "GET", "Stage": "prod", "AuthType": "NO_AUTH"}, nil},
		{"RESOURCE_POLICY: none", map[string]any{"ApiEndpoint": host, "Method": "GET", "Stage": "prod", "AuthType": "RESOURCE_POLICY"}, nil},
		{"IAM_ROLE", map[string]any{"ApiEndpoint": host, "Method": "get", "Stage": "prod", "Path": "/pets/1", "AuthType": "IAM_ROLE"},
			[]string{"arn:aws:execute-api:us-east-2:*:a1b2c3d4e5/prod/GET/pets/1"}},
		{"no stage: $default; no path: the root", map[string]any{"ApiEndpoint": host, "Method": "GET", "AuthType": "IAM_ROLE"},
			[]string{"arn:aws:execute-api:us-east-2:*:a1b2c3d4e5/$default/GET/"}},
		{"dynamic everything", map[string]any{"ApiEndpoint": value.Dyn("$.api"), "Method": value.Dyn("$.m"), "Stage": value.Dyn("$.s"),
			"Path": value.Dyn("States.Format('/pets/{}', $.id)"), "AuthType": value.Dyn("$.auth")},
			[]string{"arn:aws:execute-api:*:*:*/*/*/pets/*"}},
		{"https endpoint with a path", map[string]any{"ApiEndpoint": "https://" + host + "/x", "Method": "POST", "Stage": "dev", "AuthType": "IAM_ROLE"},
			[]string{"arn:aws:execute-api:us-east-2:*:a1b2c3d4e5/dev/POST/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := policy(t, "apigateway", "invoke", RequestResponse, tt.params)
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, []Statement{{Actions: []string{"execute-api:Invoke"}, Resources: tt.want}}, got)
		})
	}
	in, _ := Lookup("apigateway", "invoke")
	assert.Equal(t, "REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN", in.SupportedPatterns())
}
