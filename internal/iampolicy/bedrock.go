package iampolicy

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

func init() {
	register(&Integration{
		Service:  "bedrock",
		API:      "invokeModel",
		Suffixes: []string{NoSuffix},
		Policy:   BedrockInvokeModel,
	}, &Integration{
		Service:  "bedrock",
		API:      "createModelCustomizationJob",
		Suffixes: []string{NoSuffix, Sync},
		Policy:   BedrockCreateModelCustomizationJob,
	})
}

// BedrockInvokeModel grants bedrock:InvokeModel on the model (see
// BedrockModelResources), s3:GetObject on the Input location and
// s3:PutObject on the Output location when the request has them (the object
// named; <prefix>* for a States.Format URI; every object when the URI is
// decided at run time), and bedrock:ApplyGuardrail on the guardrail when it
// names one.
func BedrockInvokeModel(r Request) []Statement {
	stmts := []Statement{{Actions: []string{"bedrock:InvokeModel"}, Resources: BedrockModelResources(r, "ModelId")}}
	if r.Param("Input", "S3Uri") != nil || (r.Param("Input") != nil && r.Param("Input").IsExpression()) {
		stmts = append(stmts, Statement{Actions: []string{"s3:GetObject"}, Resources: []string{s3ObjectParam(r, "Input", "S3Uri")}})
	}
	if r.Param("Output", "S3Uri") != nil || (r.Param("Output") != nil && r.Param("Output").IsExpression()) {
		stmts = append(stmts, Statement{Actions: []string{"s3:PutObject"}, Resources: []string{s3ObjectParam(r, "Output", "S3Uri")}})
	}
	if r.Param("GuardrailIdentifier") != nil {
		stmts = append(stmts, Statement{Actions: []string{"bedrock:ApplyGuardrail"}, Resources: []string{BedrockGuardrail(r)}})
	}
	return stmts
}

// BedrockModelResources are the ARNs a model identifier stands for:
//
//   - an ARN as given; for a cross-Region (system) inference profile
//     (inference-profile/us.<model>), also the foundation model in every
//     Region, which Bedrock authorizes too when the profile routes a call;
//   - a model ID: the foundation model of the Region (foundation-model/<id>),
//     or, for an ID with a geography prefix (us.…, eu.…), the inference
//     profile of the account and its foundation model in every Region;
//   - decided at run time: every foundation model of the Region and every
//     provisioned model of the account (the guide's "full access" policy).
func BedrockModelResources(r Request, path ...string) []string {
	id, ok := r.Known(path...)
	if !ok {
		return []string{bedrockFoundationModel(r.Env, r.Env.Region, "*"), r.Env.ARN("bedrock", "provisioned-model/*")}
	}
	if strings.HasPrefix(id, "arn:") {
		out := []string{id}
		parts := strings.SplitN(id, ":", 6)
		if len(parts) == 6 && strings.HasPrefix(parts[5], "inference-profile/") {
			if model, ok := profileModel(strings.TrimPrefix(parts[5], "inference-profile/")); ok {
				out = append(out, "arn:"+parts[1]+":bedrock:*::foundation-model/"+model)
			}
		}
		return out
	}
	if value.IsTokenString(id) {
		return []string{id}
	}
	if model, ok := profileModel(id); ok {
		return []string{r.Env.ARN("bedrock", "inference-profile/"+id), "arn:" + r.Env.Partition + ":bedrock:*::foundation-model/" + model}
	}
	return []string{bedrockFoundationModel(r.Env, r.Env.Region, id)}
}

func bedrockFoundationModel(env Env, region, id string) string {
	return "arn:" + env.Partition + ":bedrock:" + region + "::foundation-model/" + id
}

// inferenceGeographies prefix the IDs of cross-Region inference profiles.
var inferenceGeographies = []string{"us-gov", "us", "eu", "apac", "ca", "jp", "au", "global"}

// profileModel is the foundation model a system inference profile ID
// ("us.anthropic.claude-3-haiku-20240307-v1:0") routes to.
func profileModel(id string) (string, bool) {
	for _, geo := range inferenceGeographies {
		if rest, ok := strings.CutPrefix(id, geo+"."); ok && strings.Contains(rest, ".") {
			return rest, true
		}
	}
	return "", false
}

// BedrockGuardrail is the guardrail GuardrailIdentifier names: its ARN, the
// ARN of its ID (guardrail/<id>), or every guardrail of the account and
// Region when it is decided at run time.
func BedrockGuardrail(r Request) string {
	if id, ok := r.Known("GuardrailIdentifier"); ok {
		if strings.HasPrefix(id, "arn:") {
			return id
		}
		return r.Env.ARN("bedrock", "guardrail/"+id)
	}
	return r.Env.ARN("bedrock", "guardrail/"+r.NameOrWildcard("GuardrailIdentifier"))
}

// s3ObjectParam is the S3 object an s3:// URI parameter names:
// arn:…:s3:::<bucket>/<key>; <prefix>* for a States.Format URI with a
// literal bucket; every object (arn:…:s3:::*) when it is decided at run
// time.
func s3ObjectParam(r Request, path ...string) string {
	if uri, ok := r.Known(path...); ok {
		if rest, ok := strings.CutPrefix(uri, "s3://"); ok && rest != "" {
			return "arn:" + r.Env.Partition + ":s3:::" + rest
		}
	}
	if prefix, ok := r.KnownPrefix(path...); ok {
		if rest, ok := strings.CutPrefix(prefix, "s3://"); ok && strings.Contains(rest, "/") {
			return "arn:" + r.Env.Partition + ":s3:::" + rest + "*"
		}
	}
	return "arn:" + r.Env.Partition + ":s3:::*"
}

// BedrockCreateModelCustomizationJob grants what the Step Functions guide
// lists: bedrock:CreateModelCustomizationJob on the base model (see
// BedrockModelResources; a custom base model is one of the account's
// custom models), the account's custom models and customization jobs (their
// ARNs hold IDs Bedrock assigns). Tags in the request add bedrock:TagResource
// on the custom model and job. RUN_JOB adds
// bedrock:GetModelCustomizationJob (Step Functions polls the job) and
// bedrock:StopModelCustomizationJob (it stops the job when the state is
// stopped) on the account's jobs; Bedrock needs no EventBridge rule.
// iam:PassRole is granted on the job's role, only to Bedrock. A customer
// managed key for the custom model adds the key statement Bedrock requires
// of the caller (BedrockCustomModelKey).
func BedrockCreateModelCustomizationJob(r Request) []Statement {
	custom := r.Env.ARN("bedrock", "custom-model/*")
	job := r.Env.ARN("bedrock", "model-customization-job/*")
	var base []string
	if id, ok := r.Known("BaseModelIdentifier"); ok && strings.HasPrefix(id, "arn:") && strings.Contains(id, ":custom-model/") {
		base = nil // a custom model of the account: custom-model/* covers it
	} else if ok {
		base = BedrockModelResources(r, "BaseModelIdentifier")
	} else {
		base = []string{bedrockFoundationModel(r.Env, r.Env.Region, "*")}
	}
	stmts := []Statement{{Actions: []string{"bedrock:CreateModelCustomizationJob"}, Resources: append(base, custom, job)}}
	if r.Param("CustomModelTags") != nil || r.Param("JobTags") != nil {
		stmts = append(stmts, Statement{Actions: []string{"bedrock:TagResource"}, Resources: []string{custom, job}})
	}
	if r.Pattern == RunJob {
		stmts = append(stmts, Statement{Actions: []string{"bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"}, Resources: []string{job}})
	}
	stmts = append(stmts, PassRoleParam(r, "bedrock.amazonaws.com", "RoleArn")...)
	if r.Param("CustomModelKmsKeyId") != nil {
		stmts = append(stmts, BedrockCustomModelKey(r.Env, kmsKeyParam(r, "CustomModelKmsKeyId")))
	}
	return stmts
}

// BedrockCustomModelKey lets the caller of CreateModelCustomizationJob have
// Bedrock use a customer managed key for the custom model: Bedrock creates
// a grant on the key and checks it with the caller's credentials, through
// Bedrock only (the Bedrock user guide's "Encrypt a model" statement).
func BedrockCustomModelKey(env Env, keyARN string) Statement {
	return Statement{
		Actions:    []string{"kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"},
		Resources:  []string{keyARN},
		Conditions: map[string]map[string]any{"StringEquals": {"kms:ViaService": "bedrock." + env.Region + ".amazonaws.com"}},
	}
}

// kmsKeyParam is the key a KMS key parameter names: its ARN, the ARN of a
// key ID, or every key of the account and Region for an alias or a value
// decided at run time (KMS authorizes the key an alias points to).
func kmsKeyParam(r Request, path ...string) string {
	if s, ok := r.Known(path...); ok {
		switch {
		case strings.HasPrefix(s, "arn:") && strings.Contains(s, ":key/"), value.IsTokenString(s):
			return s
		case !strings.HasPrefix(s, "arn:") && !strings.HasPrefix(s, "alias/"):
			return r.Env.ARN("kms", "key/"+s)
		}
	}
	return r.Env.ARN("kms", "key/*")
}
