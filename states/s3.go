package states

import (
	"regexp"
	"strings"

	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/iampolicy"
	"github.com/sfnkit/sfnkit/internal/value"
)

// s3Error is the error the AWS SDK integration raises for the S3 failures
// without an exception of their own (throttling, 5xx); a missing key or
// bucket (S3.NoSuchKeyException, S3.NoSuchBucketException) is not retried.
const s3Error = "S3.S3Exception"

// s3Attempts is how many times an S3 call is retried on s3Error.
const s3Attempts = 5

var bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

// s3Object is where an object lives, and the IAM resources that reach it.
type s3Object struct {
	bucket, key *value.Value
	arns        []*string
}

// s3Object reads Bucket, Key and IamBuckets, and derives the object ARNs
// the call needs: arn:<partition>:s3:::<bucket>/<key>, with "<prefix>*" for
// a key made by States.Format with a literal prefix and "*" for any other
// dynamic key. A bucket decided at run time needs IamBuckets: there is no
// narrower ARN than every bucket ("*"), so that must be asked for.
func (b *builder) s3Object(bucket, key *string, iamBuckets *[]*string, defaultKey *value.Value) s3Object {
	o := s3Object{bucket: b.required("Bucket", bucket, "the bucket name (a literal, bucket.BucketName(), or a path)")}
	o.key = b.value("Key", key)
	if o.key == nil {
		o.key = defaultKey
	}
	if o.key == nil {
		b.fail("Key", "required: the object key (a literal, or a path or States.Format call)")
	}
	if s, ok := o.bucket.String(); ok && !value.IsTokenString(s) && !bucketName.MatchString(s) {
		b.fail("Bucket", "%q is not a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit", s)
	}
	if s, ok := o.key.String(); ok && (s == "" || len(s) > 1024) {
		b.fail("Key", "must be 1 to 1024 bytes, got %d", len(s))
	}
	if o.bucket == nil || o.key == nil {
		return o
	}
	objects := "/" + arnPattern(o.key)
	partition := b.env().Partition
	for _, bkt := range b.iamBuckets(o.bucket, iamBuckets) {
		o.arns = append(o.arns, jsii.String("arn:"+partition+":s3:::"+bkt+objects))
	}
	return o
}

// iamBuckets is the bucket part of the object ARNs.
func (b *builder) iamBuckets(bucket *value.Value, given *[]*string) []string {
	if !bucket.Dynamic() || knownPrefix(bucket) != "" {
		if given != nil {
			b.fail("IamBuckets", "only for a Bucket decided at run time; Bucket already names the bucket")
		}
		return []string{arnPattern(bucket)}
	}
	if given == nil || len(*given) == 0 {
		b.fail("IamBuckets", "required because Bucket is decided at run time: list the bucket names it may take, or give [\"*\"] to allow every bucket (arn:<partition>:s3:::*)")
		return nil
	}
	var out []string
	for _, name := range *given {
		switch {
		case name == nil || *name == "":
			b.fail("IamBuckets", "an entry is empty: give bucket names, or \"*\"")
		case *name != "*" && !value.IsTokenString(*name) && !bucketName.MatchString(*name):
			b.fail("IamBuckets", "%q is not a bucket name (or \"*\")", *name)
		default:
			out = append(out, *name)
		}
	}
	return out
}

// arnPattern is the narrowest ARN text matching every value v can take:
// the literal itself, "<prefix>*" for a States.Format with a literal
// prefix, else "*".
func arnPattern(v *value.Value) string {
	if s, ok := v.String(); ok {
		if value.IsTokenString(s) {
			return s
		}
		return iamEscape(s)
	}
	if p := knownPrefix(v); p != "" {
		return iamEscape(p) + "*"
	}
	return "*"
}

// knownPrefix is the literal text every value of a States.Format call
// starts with ("" if none).
func knownPrefix(v *value.Value) string {
	r := iampolicy.Request{Params: value.NewObject(map[string]*value.Value{"v": v})}
	p, _ := r.KnownPrefix("v")
	return p
}

// iamEscape keeps the IAM wildcards and policy variables in a name from
// matching more than the name itself.
var iamEscape = strings.NewReplacer("$", "${$}", "*", "${*}", "?", "${?}").Replace
