//go:build js && wasm

package main

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"syscall/js"
)

// request turns the Workers runtime's request into Go's. The body is left
// out: the site answers only GET and HEAD, and refuses the rest unread.
func request(method, rawURL string, headers js.Value) *http.Request {
	u, err := url.Parse(rawURL)
	if err != nil {
		u = literal(rawURL)
	}
	r := &http.Request{
		Method: method, URL: u, Host: u.Host, Header: http.Header{}, Body: http.NoBody,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
	}
	for i := range headers.Length() {
		pair := headers.Index(i)
		r.Header.Add(pair.Index(0).String(), pair.Index(1).String())
	}
	return r
}

// literal reads an address that Go's URL parser refuses, such as one with a
// bad escape (%zz) that the Workers runtime passes on, as the characters it
// is. The handler then screens it like any other: it names nothing.
func literal(rawURL string) *url.URL {
	rest := rawURL
	if _, afterScheme, ok := strings.Cut(rest, "://"); ok {
		rest = "/"
		if i := strings.IndexByte(afterScheme, '/'); i >= 0 {
			rest = afterScheme[i:]
		}
	}
	p, q, _ := strings.Cut(rest, "?")
	return &url.URL{Path: p, RawQuery: q}
}

// response records the handler's answer for the script.
type response struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newResponse() *response {
	return &response{header: http.Header{}}
}

func (w *response) Header() http.Header { return w.header }

func (w *response) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *response) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(p)
}

// js returns the answer as {status, headers: [[name, value], …], body},
// where body is a Uint8Array, or null when there is none.
func (w *response) js() js.Value {
	w.WriteHeader(http.StatusOK)
	headers := []any{}
	for name, values := range w.header {
		for _, v := range values {
			headers = append(headers, []any{name, v})
		}
	}
	var body any
	if w.body.Len() > 0 {
		b := js.Global().Get("Uint8Array").New(w.body.Len())
		js.CopyBytesToJS(b, w.body.Bytes())
		body = b
	}
	return js.ValueOf(map[string]any{"status": w.status, "headers": headers, "body": body})
}
