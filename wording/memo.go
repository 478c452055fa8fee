package wording

import (
	"unsafe"

	"github.com/focusfamily/portal/rules"
)

// memo remembers what a string was last looked up as, in a slot chosen by
// where the string's bytes are. The engine's message codes and the ids in
// its arguments are the same bytes every time (constants, and the strings
// of the loaded rules), so a lookup mostly costs one comparison of equal
// strings, where a map would hash the string first: in the browser's
// WebAssembly, that hashing was a good part of writing a reason. A string
// with other bytes, or the same bytes elsewhere, is only a miss.
type memo[V any] struct {
	keys [memoSize]string
	vals [memoSize]V
}

const memoSize = 64

func (c *memo[V]) get(k string, lookup func(string) (V, bool)) (V, bool) {
	p := uintptr(unsafe.Pointer(unsafe.StringData(k)))
	i := (p ^ p>>6 ^ uintptr(len(k))) % memoSize
	if k != "" && c.keys[i] == k {
		return c.vals[i], true
	}
	v, ok := lookup(k)
	if ok {
		c.keys[i], c.vals[i] = k, v
	}
	return v, ok
}

// template is the message template of a code.
func (w *Words) template(code string) (template, bool) {
	t, ok := w.templates.get(code, func(code string) (*template, bool) {
		if t, ok := w.compiled[code]; ok {
			return t, true
		}
		text, ok := w.msgs[code]
		if !ok {
			return nil, false
		}
		t := compile(text, false)
		w.compiled[code] = &t
		return &t, true
	})
	if !ok {
		return nil, false
	}
	return *t, true
}

// question is the question with an id, or nil.
func (w *Words) question(id string) *rules.Question {
	q, _ := w.questions.get(id, func(id string) (*rules.Question, bool) {
		q := w.model.Question(id)
		return q, q != nil
	})
	return q
}

// criterion is the criterion with an id, or nil.
func (w *Words) criterion(id string) *rules.Criterion {
	c, _ := w.criteria.get(id, func(id string) (*rules.Criterion, bool) {
		c := w.model.Criterion(id)
		return c, c != nil
	})
	return c
}
