package value

import (
	"reflect"
	"sync"
)

// dynamicByPointer maps a pointer handed out by Stand to the expression
// it stands for. A CDK-typed field (*float64, *[]*string, *map[string]*string,
// a pointer to a props struct) then carries a run-time value without a CDK
// token and without a jsii call: the pointer itself is the marker.
var dynamicByPointer sync.Map

// Stand returns a fresh *T that stands for v wherever From reads it. The
// pointed-to value is T's zero value: code that dereferences it instead of
// converting it sees nothing dynamic, so sfnkit never does.
func Stand[T any](v *Value) *T {
	p := new(T)
	dynamicByPointer.Store(any(p), v)
	return p
}

// StandFor records that the object x (a pointer or a jsii object such as
// an awscdk.Duration) stands for v.
func StandFor(x any, v *Value) { dynamicByPointer.Store(x, v) }

// Standing returns the Value x stands for, if Stand or StandFor made it.
func Standing(x any) (*Value, bool) {
	if x == nil {
		return nil, false
	}
	if k := reflect.TypeOf(x).Kind(); k != reflect.Pointer && k != reflect.Interface {
		return nil, false
	}
	v, ok := dynamicByPointer.Load(x)
	if !ok {
		return nil, false
	}
	return v.(*Value), true
}
