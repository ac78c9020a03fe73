package iampolicy

import (
	"strings"

	"github.com/sfnkit/sfnkit/internal/value"
)

// ItemSource is how a Distributed Map reads its items from S3.
type ItemSource int

const (
	// ListObjects lists the objects under a prefix (s3:listObjectsV2).
	ListObjects ItemSource = iota
	// ReadFile reads one object: a JSON array, JSON Lines, CSV or Parquet
	// file (s3:getObject).
	ReadFile
	// ReadInventory reads an S3 Inventory manifest and the inventory data
	// files it lists (s3:getObject, InputType MANIFEST or ManifestType
	// S3_INVENTORY).
	ReadInventory
)

// S3Place is where in S3 a Distributed Map reads or writes: a bucket and
// a key or prefix, each a literal or decided at run time.
type S3Place struct {
	// Bucket is the bucket's name (a literal or a CDK token); nil when it
	// is decided at run time, in which case Buckets are the names it may
	// take ("*" for any).
	Bucket  *value.Value
	Buckets []string
	// Path is the object key (ReadFile, ReadInventory) or the prefix
	// (ListObjects, the ResultWriter); nil when there is none.
	Path *value.Value
	// KeyARN is the customer managed KMS key the bucket is encrypted with,
	// "" for none (S3-managed keys, or the AWS managed aws/s3 key, need no
	// statement).
	KeyARN string
}

// bucketNames are the bucket names the place may take, as they go in ARNs.
func (p S3Place) bucketNames() []string {
	if p.Bucket == nil {
		return p.Buckets
	}
	return []string{ObjectPattern(p.Bucket)}
}

// DistributedMapReader is what reading the items takes, and nothing more:
//   - ListObjects: s3:ListBucket on the bucket, with the s3:prefix
//     condition of a literal prefix (StringEquals) or of the literal start
//     of a States.Format prefix (StringLike "<start>*");
//   - ReadFile: s3:GetObject on exactly the object (bucket/key), on
//     bucket/<start>* for a States.Format key, bucket/* for another
//     dynamic key;
//   - ReadInventory: s3:GetObject on the manifest and on the inventory's
//     data files, <configuration>/data/* beside the dated folder of the
//     manifest (…/<configuration>/<YYYY-MM-DDTHH-MMZ>/manifest.json);
//   - and kms:Decrypt on the bucket's customer managed key, to read
//     objects it encrypts (listing needs none).
func DistributedMapReader(env Env, source ItemSource, p S3Place) []Statement {
	var stmts []Statement
	switch source {
	case ListObjects:
		s := Statement{Actions: []string{"s3:ListBucket"}}
		for _, b := range p.bucketNames() {
			s.Resources = append(s.Resources, env.S3(b))
		}
		if prefix, ok := p.Path.String(); ok && prefix != "" {
			s.Conditions = map[string]map[string]any{"StringEquals": {"s3:prefix": prefix}}
		} else if start := literalStart(p.Path); start != "" {
			s.Conditions = map[string]map[string]any{"StringLike": {"s3:prefix": escapeLiteral(start) + "*"}}
		}
		return []Statement{s}
	case ReadFile:
		stmts = append(stmts, Statement{Actions: []string{"s3:GetObject"}, Resources: p.objects(env, ObjectPattern(p.Path))})
	case ReadInventory:
		manifest := ObjectPattern(p.Path)
		stmts = append(stmts, Statement{Actions: []string{"s3:GetObject"}, Resources: p.objects(env, manifest, inventoryData(p.Path, manifest))})
	}
	if p.KeyARN != "" {
		stmts = append(stmts, Statement{Actions: []string{"kms:Decrypt"}, Resources: []string{p.KeyARN}})
	}
	return stmts
}

// DistributedMapWriter is what writing the results (ResultWriter) takes:
// s3:PutObject, with s3:GetObject, s3:ListMultipartUploadParts and
// s3:AbortMultipartUpload for the multipart uploads it makes, on the
// objects under the prefix (bucket/<prefix>/*; bucket/* without one); and
// for a bucket encrypted with a customer managed key, kms:Decrypt,
// kms:Encrypt and kms:GenerateDataKey on that key (S3 decrypts the parts
// to complete the upload), as the AWS Step Functions guide lists them.
func DistributedMapWriter(env Env, p S3Place) []Statement {
	under := "*"
	if prefix, ok := p.Path.String(); ok {
		if prefix = strings.TrimSuffix(prefix, "/"); prefix != "" {
			under = escapeLiteral(prefix) + "/*"
		}
	} else if start := literalStart(p.Path); start != "" {
		under = escapeLiteral(start) + "*"
	}
	stmts := []Statement{{
		Actions:   []string{"s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"},
		Resources: p.objects(env, under),
	}}
	if p.KeyARN != "" {
		stmts = append(stmts, Statement{Actions: []string{"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"}, Resources: []string{p.KeyARN}})
	}
	return stmts
}

// S3 is the ARN of a bucket, or of objects given as "<bucket>/<key pattern>".
func (e Env) S3(resource string) string { return "arn:" + e.Partition + ":s3:::" + resource }

func (p S3Place) objects(env Env, patterns ...string) []string {
	var out []string
	for _, b := range p.bucketNames() {
		for _, pat := range patterns {
			out = append(out, env.S3(b+"/"+pat))
		}
	}
	return out
}

// ObjectPattern is the narrowest IAM pattern matching every value v can
// take: the literal itself (a CDK token as it is; IAM wildcards in it
// escaped), "<start>*" for a States.Format value with a literal start,
// else "*".
func ObjectPattern(v *value.Value) string {
	if s, ok := v.String(); ok {
		if value.IsTokenString(s) {
			return s
		}
		return escapeLiteral(s)
	}
	if start := literalStart(v); start != "" {
		return escapeLiteral(start) + "*"
	}
	return "*"
}

// inventoryData is where an S3 Inventory keeps the data files its
// manifest lists: <destination prefix>/<source bucket>/<configuration>/
// data/, beside the dated folder that holds manifest.json.
func inventoryData(key *value.Value, manifest string) string {
	s, ok := key.String()
	if !ok || value.IsTokenString(s) {
		if start := literalStart(key); start != "" {
			return manifest // "<start>*" covers the data files under it, if any
		}
		return "*"
	}
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return "data/*"
	}
	dir := strings.Join(parts[:len(parts)-2], "/")
	if dir == "" {
		return "data/*"
	}
	return escapeLiteral(dir) + "/data/*"
}

// literalStart is the literal text every value of a States.Format call
// starts with ("" if none).
func literalStart(v *value.Value) string {
	if v == nil {
		return ""
	}
	start, _ := Request{Params: value.NewObject(map[string]*value.Value{"v": v})}.KnownPrefix("v")
	return start
}

// escapeLiteral keeps IAM wildcards and policy variables in a literal name
// (or the literal start of a pattern) from matching more than the text.
var escapeLiteral = strings.NewReplacer("$", "${$}", "*", "${*}", "?", "${?}").Replace
