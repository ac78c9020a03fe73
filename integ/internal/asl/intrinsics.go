package asl

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"hash"
	"strconv"
	"strings"

	"github.com/sfnkit/sfnkit/internal/expr"
)

// evalIntrinsic evaluates an intrinsic function call such as
// "States.Format('x-{}', $.id)"; paths read input, $$ the context, $name a variable.
func (l *lane) evalIntrinsic(text string, input any, ctx map[string]any) (any, *Failure) {
	call, err := expr.ParseIntrinsic(text)
	if err != nil {
		return nil, runtimeErr("%v", err)
	}
	return l.call(call, input, ctx)
}

func (l *lane) call(c *expr.Call, input any, ctx map[string]any) (any, *Failure) {
	args := make([]any, len(c.Args))
	for i, a := range c.Args {
		switch a.Kind {
		case expr.ArgString:
			args[i] = a.Str
		case expr.ArgNumber:
			args[i], _ = strconv.ParseFloat(a.Text, 64)
		case expr.ArgBool:
			args[i] = a.Text == "true"
		case expr.ArgNull:
			args[i] = nil
		case expr.ArgPath:
			v, f := l.queryPath(a.Text, input, ctx)
			if f != nil {
				return nil, f
			}
			args[i] = v
		case expr.ArgCall:
			v, f := l.call(a.Call, input, ctx)
			if f != nil {
				return nil, f
			}
			args[i] = v
		}
	}
	return l.apply(c.Name, args)
}

func intrinsicErr(name, format string, args ...any) *Failure {
	f := runtimeErr(format, args...)
	f.Cause = "Intrinsic function " + name + ": " + f.Cause
	return f
}

func (l *lane) apply(name string, args []any) (any, *Failure) {
	num := func(i int) (float64, *Failure) {
		n, ok := args[i].(float64)
		if !ok {
			return 0, intrinsicErr(name, "argument %d must be a number, not %s", i+1, typeName(args[i]))
		}
		return n, nil
	}
	integer := func(i int) (int, *Failure) {
		n, f := num(i)
		if f == nil && !isInteger(n) {
			f = intrinsicErr(name, "argument %d must be an integer, not %s", i+1, numberText(n))
		}
		return int(n), f
	}
	str := func(i int) (string, *Failure) {
		s, ok := args[i].(string)
		if !ok {
			return "", intrinsicErr(name, "argument %d must be a string, not %s", i+1, typeName(args[i]))
		}
		return s, nil
	}
	arr := func(i int) ([]any, *Failure) {
		a, ok := args[i].([]any)
		if !ok {
			return nil, intrinsicErr(name, "argument %d must be an array, not %s", i+1, typeName(args[i]))
		}
		return a, nil
	}
	switch name {
	case "States.Format":
		tmpl, f := str(0)
		if f != nil {
			return nil, f
		}
		var b strings.Builder
		k := 1
		for i := 0; i < len(tmpl); i++ {
			if tmpl[i] == '{' && i+1 < len(tmpl) && tmpl[i+1] == '}' {
				if k >= len(args) {
					return nil, intrinsicErr(name, "more '{}' than arguments")
				}
				b.WriteString(formatArg(args[k]))
				k++
				i++
				continue
			}
			b.WriteByte(tmpl[i])
		}
		if k != len(args) {
			return nil, intrinsicErr(name, "%d arguments for %d '{}'", len(args)-1, k-1)
		}
		return b.String(), nil
	case "States.StringToJson":
		s, f := str(0)
		if f != nil {
			return nil, f
		}
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			return nil, intrinsicErr(name, "%q is not JSON: %v", s, err)
		}
		return v, nil
	case "States.JsonToString":
		return jsonText(args[0]), nil
	case "States.Array":
		return append([]any{}, args...), nil
	case "States.ArrayPartition":
		a, f := arr(0)
		if f != nil {
			return nil, f
		}
		n, f := integer(1)
		if f != nil {
			return nil, f
		}
		if n <= 0 {
			return nil, intrinsicErr(name, "the chunk size must be positive, not %d", n)
		}
		return partition(a, n), nil
	case "States.ArrayContains":
		a, f := arr(0)
		if f != nil {
			return nil, f
		}
		for _, e := range a {
			if jsonEqual(e, args[1]) {
				return true, nil
			}
		}
		return false, nil
	case "States.ArrayRange":
		var b [3]float64
		for i := range 3 {
			n, f := integer(i)
			if f != nil {
				return nil, f
			}
			b[i] = float64(n)
		}
		out, err := numberRange(b[0], b[1], b[2])
		if err != "" {
			return nil, intrinsicErr(name, "%s", err)
		}
		return out, nil
	case "States.ArrayGetItem":
		a, f := arr(0)
		if f != nil {
			return nil, f
		}
		i, f := integer(1)
		if f != nil {
			return nil, f
		}
		if i < 0 || i >= len(a) {
			return nil, intrinsicErr(name, "index %d is out of the array's bounds (length %d)", i, len(a))
		}
		return a[i], nil
	case "States.ArrayLength":
		a, f := arr(0)
		if f != nil {
			return nil, f
		}
		return float64(len(a)), nil
	case "States.ArrayUnique":
		a, f := arr(0)
		if f != nil {
			return nil, f
		}
		out := []any{}
	next:
		for _, e := range a {
			for _, seen := range out {
				if jsonEqual(seen, e) {
					continue next
				}
			}
			out = append(out, e)
		}
		return out, nil
	case "States.Base64Encode":
		s, f := str(0)
		if f != nil {
			return nil, f
		}
		return base64.StdEncoding.EncodeToString([]byte(s)), nil
	case "States.Base64Decode":
		s, f := str(0)
		if f != nil {
			return nil, f
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, intrinsicErr(name, "%q is not base64: %v", s, err)
		}
		return string(b), nil
	case "States.Hash":
		alg, f := str(1)
		if f != nil {
			return nil, f
		}
		data, ok := args[0].(string)
		if !ok {
			data = jsonText(args[0])
		}
		out, err := hashHex(data, alg)
		if err != "" {
			return nil, intrinsicErr(name, "%s", err)
		}
		return out, nil
	case "States.JsonMerge":
		a, aok := args[0].(map[string]any)
		b, bok := args[1].(map[string]any)
		if !aok || !bok {
			return nil, intrinsicErr(name, "the first two arguments must be objects")
		}
		if deep, _ := args[2].(bool); deep {
			return nil, intrinsicErr(name, "deep merge (true) is not supported: the third argument must be false")
		}
		out := clone(a).(map[string]any)
		for k, v := range b {
			out[k] = clone(v)
		}
		return out, nil
	case "States.MathRandom":
		lo, f := integer(0)
		if f != nil {
			return nil, f
		}
		hi, f := integer(1)
		if f != nil {
			return nil, f
		}
		if hi <= lo {
			return nil, intrinsicErr(name, "the end (%d) must be greater than the start (%d)", hi, lo)
		}
		rng := l.ex.rand
		if len(args) == 3 {
			seed, f := integer(2)
			if f != nil {
				return nil, f
			}
			rng = seededRand(int64(seed))
		}
		return float64(lo + rng.IntN(hi-lo)), nil
	case "States.MathAdd":
		a, f := integer(0)
		if f != nil {
			return nil, f
		}
		b, f := integer(1)
		if f != nil {
			return nil, f
		}
		return float64(a + b), nil
	case "States.StringSplit":
		s, f := str(0)
		if f != nil {
			return nil, f
		}
		sep, f := str(1)
		if f != nil {
			return nil, f
		}
		out := []any{}
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(sep, r) }) {
			out = append(out, part)
		}
		return out, nil
	case "States.UUID":
		return l.ex.uuid(), nil
	}
	return nil, intrinsicErr(name, "unknown intrinsic function")
}

func formatArg(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return numberText(x)
	case nil:
		return "null"
	}
	return jsonText(v)
}

func partition(a []any, n int) []any {
	out := []any{}
	for i := 0; i < len(a); i += n {
		out = append(out, append([]any{}, a[i:min(i+n, len(a))]...))
	}
	return out
}

// numberRange is start, start+step, … up to end included (at most 1000 numbers).
func numberRange(start, end, step float64) ([]any, string) {
	if step == 0 {
		return nil, "the step must not be 0"
	}
	out := []any{}
	for v := start; (step > 0 && v <= end) || (step < 0 && v >= end); v += step {
		if len(out) == 1000 {
			return nil, "the range has more than 1000 elements"
		}
		out = append(out, v)
	}
	return out, ""
}

func hashHex(data, alg string) (string, string) {
	var h hash.Hash
	switch alg {
	case "MD5":
		h = md5.New()
	case "SHA-1":
		h = sha1.New()
	case "SHA-256":
		h = sha256.New()
	case "SHA-384":
		h = sha512.New384()
	case "SHA-512":
		h = sha512.New()
	default:
		return "", "the algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512, not " + strconv.Quote(alg)
	}
	h.Write([]byte(data))
	return hex.EncodeToString(h.Sum(nil)), ""
}
