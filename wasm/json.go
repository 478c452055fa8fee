//go:build js && wasm

package main

import "strconv"

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
func (w *jsonw) key(k string) { w.str(k); w.b = append(w.b, ':') }
func (w *jsonw) int(n int)    { w.sep(); w.b = strconv.AppendInt(w.b, int64(n), 10) }
func (w *jsonw) bool(v bool)  { w.sep(); w.b = strconv.AppendBool(w.b, v) }

const hexDigits = "0123456789abcdef"

// str writes s as a JSON string. Text other than quotes, backslashes and
// control characters passes as it is (UTF-8, as JSON allows), copied a run
// at a time.
func (w *jsonw) str(s string) {
	w.sep()
	w.b = append(w.b, '"')
	for i := 0; i < len(s); i++ {
		j := i
		for j < len(s) && s[j] >= 0x20 && s[j] != '"' && s[j] != '\\' {
			j++
		}
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
	w.b = append(w.b, '"')
}

func (w *jsonw) strs(list []string) {
	w.open('[')
	for _, s := range list {
		w.str(s)
	}
	w.close(']')
}

// field writes "key":"value".
func (w *jsonw) field(k, v string) { w.key(k); w.str(v) }
