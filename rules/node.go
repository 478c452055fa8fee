package rules

import "sort"

// NodeKind says what a Node holds.
type NodeKind uint8

// The kinds of Node, matching the JSON data model.
const (
	KindNull NodeKind = iota
	KindBool
	KindNumber
	KindString
	KindList
	KindMap
)

// Node is a read-only view of a JSON-like tree. The rules data and the
// answers reach the engine through it, so that the browser (over the
// WebAssembly shell's own JSON reader, wasm/jsonread.go) and native Go (over values from a YAML or JSON
// unmarshal) share one decoder without the engine importing either.
//
// Get returns nil when the node is not a map or the key is absent. Index
// returns nil when the node is not a list or i is out of range. Str, Num and
// Bool return the zero value when the kind does not match. Keys may come in
// any order: the engine only uses it to report keys it does not know.
type Node interface {
	Kind() NodeKind
	Get(key string) Node
	Keys() []string
	Len() int
	Index(i int) Node
	Str() string
	Num() float64
	Bool() bool
}

// FromAny adapts a value built by encoding/json or a YAML library decoding
// into `any`: map[string]any, []any, string, bool, nil and the usual number
// types. Values of other types read as null.
func FromAny(v any) Node { return anyNode{v} }

type anyNode struct{ v any }

func (n anyNode) Kind() NodeKind {
	switch n.v.(type) {
	case bool:
		return KindBool
	case string:
		return KindString
	case []any:
		return KindList
	case map[string]any:
		return KindMap
	}
	if _, ok := number(n.v); ok {
		return KindNumber
	}
	return KindNull
}

func (n anyNode) Get(key string) Node {
	m, ok := n.v.(map[string]any)
	if !ok {
		return nil
	}
	v, ok := m[key]
	if !ok {
		return nil
	}
	return anyNode{v}
}

// Keys are sorted, because Go maps have no order and error messages must not
// change from run to run.
func (n anyNode) Keys() []string {
	m, ok := n.v.(map[string]any)
	if !ok {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (n anyNode) Len() int {
	switch v := n.v.(type) {
	case []any:
		return len(v)
	case map[string]any:
		return len(v)
	}
	return 0
}

func (n anyNode) Index(i int) Node {
	l, ok := n.v.([]any)
	if !ok || i < 0 || i >= len(l) {
		return nil
	}
	return anyNode{l[i]}
}

func (n anyNode) Str() string {
	s, _ := n.v.(string)
	return s
}

func (n anyNode) Num() float64 {
	f, _ := number(n.v)
	return f
}

func (n anyNode) Bool() bool {
	b, _ := n.v.(bool)
	return b
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint:
		return float64(x), true
	}
	return 0, false
}
