//go:build js && wasm

package main

import (
	"errors"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/focusfamily/portal/rules"
)

// read reads JSON text into a tree that the rules engine reads through
// rules.Node. It is the engine's only input reader: a few KB of
// WebAssembly where encoding/json would add about 250 KB. The tree lives in
// r's arrays, sized from the text and reused by the next read when they are
// big enough, so a tree read before must not be used after. Strings without
// escapes point into b, which must not change while the tree is used.
//
// Numbers are read as a person types them (rules.ParseDecimal): at most 15
// digits and no exponent. Neither the rules model nor the page's answers
// need more, and anything else is refused with the byte where it stands.
func (r *reader) read(b []byte) (rules.Node, error) {
	n := 1
	for _, c := range b {
		if c == ',' || c == '[' || c == '{' {
			n++
		}
	}
	// nodes never grows while reading (the tree points into it), so each
	// array holds n: at least one item for each value.
	r.b, r.i = b, 0
	r.nodes, r.kids, r.keys = room(r.nodes, n), room(r.kids, n), room(r.keys, n)
	r.stack, r.names = room(r.stack, n), room(r.names, n)
	v, err := r.value(0)
	if err != nil {
		return nil, err
	}
	if r.skip(); r.i != len(b) {
		return nil, r.fail("text after the value")
	}
	return v, nil
}

// room returns s emptied, with room for n items.
func room[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// jsonNode is one value. A map's keys and values are parallel slices:
// answers and model entries have few keys, so a scan beats a Go map.
type jsonNode struct {
	kind rules.NodeKind
	str  string
	num  float64
	keys []string
	kids []*jsonNode
	from int // where Get looks first: after the key it found last
}

func (n *jsonNode) Kind() rules.NodeKind { return n.kind }
func (n *jsonNode) Len() int             { return len(n.kids) }
func (n *jsonNode) Str() string          { return n.str }
func (n *jsonNode) Num() float64         { return n.num }
func (n *jsonNode) Bool() bool           { return n.kind == rules.KindBool && n.num != 0 }
func (n *jsonNode) Keys() []string       { return append([]string(nil), n.keys...) }

// Get finds a map's value by its key. The engine asks for the answers in
// the questions' order, the order the page writes them in, so the search
// starts after the key found last and most keys are found at the first look.
func (n *jsonNode) Get(key string) rules.Node {
	for range n.keys {
		if n.from >= len(n.keys) {
			n.from = 0
		}
		i := n.from
		n.from++
		if n.keys[i] == key {
			return n.kids[i]
		}
	}
	return nil
}

func (n *jsonNode) Index(i int) rules.Node {
	if n.kind != rules.KindList || i < 0 || i >= len(n.kids) {
		return nil
	}
	return n.kids[i]
}

// maxDepth bounds nesting, so hostile text cannot exhaust the stack.
const maxDepth = 64

type reader struct {
	b     []byte
	i     int
	nodes []jsonNode
	kids  []*jsonNode
	keys  []string
	stack []*jsonNode // the values of the lists and maps still open
	names []string    // the keys of the maps still open
}

func (r *reader) fail(what string) error {
	return errors.New("JSON: " + what + " at byte " + strconv.Itoa(r.i))
}

// The loops over the text below keep it and the position in locals: in
// the WebAssembly, a field of r is read from memory at every byte.

func (r *reader) skip() {
	b, i := r.b, r.i
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') {
		i++
	}
	r.i = i
}

// next skips space and consumes c if it comes next.
func (r *reader) next(c byte) bool {
	r.skip()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

func (r *reader) node(kind rules.NodeKind) *jsonNode {
	r.nodes = append(r.nodes, jsonNode{kind: kind})
	return &r.nodes[len(r.nodes)-1]
}

func (r *reader) value(depth int) (*jsonNode, error) {
	if depth > maxDepth {
		return nil, r.fail("nesting too deep")
	}
	r.skip()
	if r.i >= len(r.b) {
		return nil, r.fail("unexpected end")
	}
	switch c := r.b[r.i]; {
	case c == '{' || c == '[':
		return r.container(depth)
	case c == '"':
		s, err := r.str()
		n := r.node(rules.KindString)
		n.str = s
		return n, err
	case c == '-' || c >= '0' && c <= '9':
		return r.number()
	}
	for _, lit := range [...]struct {
		text string
		kind rules.NodeKind
		num  float64
	}{{"true", rules.KindBool, 1}, {"false", rules.KindBool, 0}, {"null", rules.KindNull, 0}} {
		if len(r.b)-r.i >= len(lit.text) && string(r.b[r.i:r.i+len(lit.text)]) == lit.text {
			r.i += len(lit.text)
			n := r.node(lit.kind)
			n.num = lit.num
			return n, nil
		}
	}
	return nil, r.fail("unexpected character")
}

// container reads a map or a list. Its values are gathered on r.stack and
// then copied together into r.kids (and a map's keys into r.keys).
func (r *reader) container(depth int) (*jsonNode, error) {
	isMap := r.b[r.i] == '{'
	end := byte(']')
	if isMap {
		end = '}'
	}
	r.i++
	base := len(r.stack)
	if !r.next(end) {
		for {
			if isMap {
				if r.skip(); r.i >= len(r.b) || r.b[r.i] != '"' {
					return nil, r.fail("expected a key")
				}
				k, err := r.str()
				if err != nil {
					return nil, err
				}
				if !r.next(':') {
					return nil, r.fail("expected ':'")
				}
				r.names = append(r.names, k)
			}
			v, err := r.value(depth + 1)
			if err != nil {
				return nil, err
			}
			r.stack = append(r.stack, v)
			if r.next(end) {
				break
			}
			if !r.next(',') {
				return nil, r.fail("expected ',' or '" + string(end) + "'")
			}
		}
	}
	n := r.node(rules.KindList)
	from := len(r.kids)
	r.kids = append(r.kids, r.stack[base:]...)
	n.kids = r.kids[from:len(r.kids):len(r.kids)]
	r.stack = r.stack[:base]
	if isMap {
		n.kind = rules.KindMap
		names := r.names[len(r.names)-len(n.kids):]
		from := len(r.keys)
		r.keys = append(r.keys, names...)
		n.keys = r.keys[from:len(r.keys):len(r.keys)]
		r.names = r.names[:len(r.names)-len(n.kids)]
	}
	return n, nil
}

func (r *reader) number() (*jsonNode, error) {
	b, start, i := r.b, r.i, r.i
	for i < len(b) && (b[i] >= '0' && b[i] <= '9' || b[i] == '-' || b[i] == '.') {
		i++
	}
	f, ok := rules.ParseDecimal(unsafe.String(&b[start], i-start))
	if !ok || i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		return nil, r.fail("a number with more than 15 digits or an exponent")
	}
	r.i = i
	n := r.node(rules.KindNumber)
	n.num = f
	return n, nil
}

// str reads a string. Text without escapes is not copied: it points into r.b.
func (r *reader) str() (string, error) {
	b := r.b
	start := r.i + 1
	i := start
	for i < len(b) && b[i] != '"' && b[i] != '\\' {
		i++
	}
	if i < len(b) && b[i] == '"' {
		r.i = i + 1
		if i == start {
			return "", nil
		}
		return unsafe.String(&b[start], i-start), nil
	}
	r.i = i
	return r.escaped(append([]byte(nil), b[start:i]...))
}

// escaped reads the rest of a string that has escapes, after s.
func (r *reader) escaped(s []byte) (string, error) {
	for r.i < len(r.b) {
		c := r.b[r.i]
		r.i++
		switch {
		case c == '"':
			return string(s), nil
		case c != '\\':
			s = append(s, c)
		case r.i >= len(r.b):
			return "", r.fail("unexpected end")
		default:
			e := r.b[r.i]
			r.i++
			if e == 'u' {
				c, ok := r.rune()
				if !ok {
					return "", r.fail("bad \\u escape")
				}
				s = utf8.AppendRune(s, c)
				continue
			}
			i := indexByte(`"\/bfnrt`, e)
			if i < 0 {
				return "", r.fail("bad escape")
			}
			s = append(s, "\"\\/\b\f\n\r\t"[i])
		}
	}
	return "", r.fail("unterminated string")
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// rune reads the hex of a \u escape, joining a surrogate pair.
func (r *reader) rune() (rune, bool) {
	c, ok := r.hex4()
	if !ok {
		return 0, false
	}
	if c >= 0xD800 && c < 0xDC00 && len(r.b)-r.i >= 6 && r.b[r.i] == '\\' && r.b[r.i+1] == 'u' {
		r.i += 2
		lo, ok := r.hex4()
		if !ok || lo < 0xDC00 || lo > 0xDFFF {
			return 0, false
		}
		return (c-0xD800)<<10 + (lo - 0xDC00) + 0x10000, true
	}
	return c, true
}

func (r *reader) hex4() (rune, bool) {
	if len(r.b)-r.i < 4 {
		return 0, false
	}
	var n rune
	for _, c := range r.b[r.i : r.i+4] {
		switch {
		case c >= '0' && c <= '9':
			n = n<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			n = n<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			n = n<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	r.i += 4
	return n, true
}
