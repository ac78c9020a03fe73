package engine

import (
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/stretchr/testify/assert"
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
