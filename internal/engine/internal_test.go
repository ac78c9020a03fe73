package engine

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
)

func TestSubstituteTokens(t *testing.T) {
	user := map[string]*string{"Sfnkit0": jsii.String("mine"), "Stage": jsii.String("prod")}
	text, subs := substituteTokens(`{"a":"arn:${Token[AWS.Partition.8]}:x:${Token[TOKEN.12]}","b":"${Token[AWS.Partition.8]}","c":"${Stage}"}`, &user)
	assert.Equal(t, `{"a":"arn:${Sfnkit0_}:x:${Sfnkit1}","b":"${Sfnkit0_}","c":"${Stage}"}`, text)
	assert.Equal(t, map[string]string{"Sfnkit0": "mine", "Stage": "prod", "Sfnkit0_": "${Token[AWS.Partition.8]}", "Sfnkit1": "${Token[TOKEN.12]}"}, deref(subs))

	text, subs = substituteTokens(`no tokens, ${Token[unclosed`, nil)
	assert.Equal(t, `no tokens, ${Token[unclosed`, text)
	assert.Empty(t, subs)
}

func deref(m map[string]*string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = *v
	}
	return out
}

func TestMemoReadsOncePerObjectAndProperty(t *testing.T) {
	a, b := new(int), new(int)
	reads := 0
	read := func() string { reads++; return "x" }
	for range 3 {
		Memo(a, "P", read)
	}
	Memo(a, "Q", read)
	Memo(b, "P", read)
	assert.Equal(t, 3, reads)
}

func TestMemoOnceSetReadsUntilSet(t *testing.T) {
	obj := new(int)
	reads, set := 0, false
	read := func() (bool, bool) { reads++; return set, set }
	assert.False(t, MemoOnceSet(obj, "P", read))
	assert.False(t, MemoOnceSet(obj, "P", read))
	set = true
	assert.True(t, MemoOnceSet(obj, "P", read))
	set = false // a set property never unsets; a read now would say otherwise
	assert.True(t, MemoOnceSet(obj, "P", read))
	assert.Equal(t, 3, reads)
}

// stackEnv's one call reads what the stack's three getters return, tokens
// or literals, in every kind of environment.
func TestStackEnvIsTheStacksEnvironment(t *testing.T) {
	app := awscdk.NewApp(&awscdk.AppProps{AnalyticsReporting: jsii.Bool(false)})
	for i, env := range []*awscdk.Environment{
		nil,
		{Account: jsii.String("123456789012"), Region: jsii.String("eu-west-1")},
		{Region: jsii.String("cn-north-1")},
		{Account: jsii.String("123456789012")},
		{Region: jsii.String("us-gov-west-1")},
		{Account: awscdk.Aws_ACCOUNT_ID(), Region: awscdk.Token_AsString(awscdk.Fn_Ref(jsii.String("Region")), nil)},
	} {
		stack := awscdk.NewStack(app, jsii.String(fmt.Sprintf("S%d", i)), &awscdk.StackProps{Env: env})
		want := iampolicy.Env{Partition: *stack.Partition(), Region: *stack.Region(), Account: *stack.Account()}
		assert.Equal(t, want, stackEnv(stack), "env %d", i)
		assert.Equal(t, want, EnvOf(stack))
	}
}
