package iampolicy

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEmrPatterns(t *testing.T) {
	for api, want := range map[string]string{
		"addStep":                         "REQUEST_RESPONSE, RUN_JOB",
		"cancelStep":                      "REQUEST_RESPONSE",
		"terminateCluster":                "REQUEST_RESPONSE, RUN_JOB",
		"setClusterTerminationProtection": "REQUEST_RESPONSE",
		"modifyInstanceFleetByName":       "REQUEST_RESPONSE",
		"modifyInstanceGroupByName":       "REQUEST_RESPONSE",
	} {
		in, ok := Lookup("elasticmapreduce", api)
		if assert.True(t, ok, api) {
			assert.Equal(t, want, in.SupportedPatterns(), api)
		}
	}
}

func TestEmrServerlessPatterns(t *testing.T) {
	in, ok := Lookup("emr-serverless", "startJobRun")
	if assert.True(t, ok) {
		assert.Equal(t, "REQUEST_RESPONSE, RUN_JOB", in.SupportedPatterns())
	}
}
