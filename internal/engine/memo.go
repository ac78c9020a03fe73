package engine

import "sync"

// Memo returns read()'s value for property prop of obj, reading it once.
// It is for CDK properties fixed at construction (ARNs, names, network
// mode): tasks sharing a function, cluster or task definition then share
// one jsii call instead of one each. Never use it for properties that can
// change later (a task definition's execution role or default container:
// see MemoOnceSet).
func Memo[T any](obj any, prop string, read func() T) T {
	key := memoKey{obj, prop}
	if v, ok := memos.Load(key); ok {
		return v.(T)
	}
	v := read()
	memos.Store(key, v)
	return v
}

// MemoOnceSet is Memo for a property that starts unset and, once set,
// stays set (a task definition's default container or execution role): it
// reads until read reports the property set, and never again after that.
func MemoOnceSet[T any](obj any, prop string, read func() (T, bool)) T {
	key := memoKey{obj, prop}
	if v, ok := memos.Load(key); ok {
		return v.(T)
	}
	v, set := read()
	if set {
		memos.Store(key, v)
	}
	return v
}

type memoKey struct {
	obj  any
	prop string
}

var memos sync.Map
