//go:build js && wasm

package main

import (
	"strconv"
	"unsafe"
)

// jsonw writes the engine's replies as JSON text, which the worker reads
// with JSON.parse: one string across the Go/JavaScript boundary instead of
// an object built property by property (a crossing each), and far less
// code than encoding/json, which would add about 250 KB to the module.
type jsonw struct{ b []byte }

// sep puts the comma between members and items.
func (w *jsonw) sep() {
	if n := len(w.b); n > 0 && w.b[n-1] != '{' && w.b[n-1] != '[' && w.b[n-1] != ':' {
		w.b = append(w.b, ',')
	}
}

func (w *jsonw) open(c byte)  { w.sep(); w.b = append(w.b, c) }
func (w *jsonw) close(c byte) { w.b = append(w.b, c) }
func (w *jsonw) int(n int)    { w.sep(); w.b = strconv.AppendInt(w.b, int64(n), 10) }
func (w *jsonw) bool(v bool)  { w.sep(); w.b = strconv.AppendBool(w.b, v) }

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string. Text other than quotes, backslashes and
// control characters passes as it is (UTF-8, as JSON allows), copied a run
// at a time.
func (w *jsonw) str(s string) {
	w.sep()
	w.b = append(w.b, '"')
	w.chars(s)
	w.b = append(w.b, '"')
}

// chars writes s escaped, as the inside of a JSON string.
func (w *jsonw) chars(s string) {
	for i := 0; i < len(s); i++ {
		j := plain(s, i)
		w.b = append(w.b, s[i:j]...)
		if i = j; i == len(s) {
			break
		}
		if c := s[i]; c < 0x20 {
			w.b = append(w.b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		} else {
			w.b = append(w.b, '\\', c)
		}
	}
}

// plain returns where the run of s from i that needs no escape ends. Most
// of a reply is words, so it looks at 8 bytes at a time while it can.
func plain(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if escapes(*(*uint64)(unsafe.Pointer(unsafe.StringData(s[i:])))) {
			break
		}
	}
	for i < len(s) && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' {
		i++
	}
	return i
}

// escapes reports whether any of the 8 bytes in x is a control character,
// a quote or a backslash (a byte below 0x20, or one that is zero once
// xored with the quote or the backslash).
func escapes(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, bs := x^(ones*'"'), x^(ones*'\\')
	return ((x-ones*0x20)&^x|(q-ones)&^q|(bs-ones)&^bs)&highs != 0
}

func (w *jsonw) strs(list []string) {
	w.open('[')
	for _, s := range list {
		w.str(s)
	}
	w.close(']')
}

// key writes "k":. Keys are this module's own names, never data, so they
// are written as they are, without looking for anything to escape.
func (w *jsonw) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

// field writes "key":"value".
func (w *jsonw) field(k, v string) { w.key(k); w.str(v) }
