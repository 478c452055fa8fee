//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/focusfamily/portal/rules"
)

// jsNode lets the rules engine read a JavaScript value (from JSON.parse, or
// an answers object built by the page) through rules.Node, so the browser
// needs no JSON decoder of its own.
type jsNode struct {
	v    js.Value
	kind rules.NodeKind
}

var (
	jsArray  = js.Global().Get("Array")
	jsObject = js.Global().Get("Object")
)

// wrap reads the value's kind once: each look at a JavaScript value is a
// crossing of the Go/JavaScript boundary, and the engine asks often.
func wrap(v js.Value) jsNode { return jsNode{v, kindOf(v)} }

func kindOf(v js.Value) rules.NodeKind {
	switch v.Type() {
	case js.TypeBoolean:
		return rules.KindBool
	case js.TypeNumber:
		return rules.KindNumber
	case js.TypeString:
		return rules.KindString
	case js.TypeObject:
		if jsArray.Call("isArray", v).Bool() {
			return rules.KindList
		}
		return rules.KindMap
	}
	return rules.KindNull
}

func (n jsNode) Kind() rules.NodeKind { return n.kind }

func (n jsNode) Get(key string) rules.Node {
	if n.Kind() != rules.KindMap {
		return nil
	}
	v := n.v.Get(key)
	if v.IsUndefined() {
		return nil
	}
	return wrap(v)
}

func (n jsNode) Keys() []string {
	if n.Kind() != rules.KindMap {
		return nil
	}
	keys := jsObject.Call("keys", n.v)
	out := make([]string, keys.Length())
	for i := range out {
		out[i] = keys.Index(i).String()
	}
	return out
}

func (n jsNode) Len() int {
	switch n.Kind() {
	case rules.KindList:
		return n.v.Length()
	case rules.KindMap:
		return jsObject.Call("keys", n.v).Length()
	}
	return 0
}

func (n jsNode) Index(i int) rules.Node {
	if n.Kind() != rules.KindList || i < 0 || i >= n.v.Length() {
		return nil
	}
	return wrap(n.v.Index(i))
}

func (n jsNode) Str() string {
	if n.Kind() != rules.KindString {
		return ""
	}
	return n.v.String()
}

func (n jsNode) Num() float64 {
	if n.Kind() != rules.KindNumber {
		return 0
	}
	return n.v.Float()
}

func (n jsNode) Bool() bool {
	return n.Kind() == rules.KindBool && n.v.Bool()
}
