package value

import (
	"unicode"
)

// PascalKeys returns v with the keys of its objects converted to PascalCase
// ("instanceCount" → "InstanceCount"), as AWS API parameters are written.
// Objects marked Verbatim, and everything inside them, keep their keys.
func (v *Value) PascalKeys() *Value {
	if v == nil || v.verbatim {
		return v
	}
	switch v.kind {
	case List:
		items := make([]*Value, len(v.items))
		for i, it := range v.items {
			items[i] = it.PascalKeys()
		}
		return NewList(items...)
	case Object:
		fields := make(map[string]*Value, len(v.fields))
		for k, f := range v.fields {
			fields[Pascal(k)] = f.PascalKeys()
		}
		return NewObject(fields)
	}
	return v
}

// Pascal upper-cases the first letter of s.
func Pascal(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// Camel lower-cases the first letter of s ("CreateProcessingJob" →
// "createProcessingJob"), as integration ARNs name API actions.
func Camel(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}
