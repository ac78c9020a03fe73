package value

import (
	"fmt"
	"math"
	"reflect"
)

// NonFinite reports every NaN or ±Inf number at any depth of x, by its
// path under field: jsii cannot carry one, and its runtime closes for good
// when asked to.
func NonFinite(field string, x any) []error {
	var out []error
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Float32, reflect.Float64:
			if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
				out = append(out, fmt.Errorf("%s: %v is not a number JSON can carry: give a finite number", path, f))
			}
		case reflect.Map:
			iter := v.MapRange()
			for iter.Next() {
				walk(fmt.Sprintf("%s.%v", path, iter.Key().Interface()), iter.Value())
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		}
	}
	walk(field, reflect.ValueOf(x))
	return out
}
