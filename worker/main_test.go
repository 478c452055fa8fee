//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"syscall/js"
	"testing"
)

// serveFunc starts the Worker's handler as worker.mjs does, over the edge
// tests' directory export.
func serveFunc(t *testing.T) js.Value {
	t.Helper()
	data, err := os.ReadFile("../edge/testdata/site/api/directory.json")
	if err != nil {
		t.Fatal(err)
	}
	b := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(b, data)
	return start(js.Undefined(), []js.Value{b}).(js.Func).Value
}

type answer struct {
	status  int
	headers map[string]string
	body    []byte // nil when the body is null
}

func call(serve js.Value, method, url string, headers ...[]any) answer {
	res := serve.Invoke(method, url, js.ValueOf(toAny(headers)))
	a := answer{status: res.Get("status").Int(), headers: map[string]string{}}
	hs := res.Get("headers")
	for i := range hs.Length() {
		a.headers[hs.Index(i).Index(0).String()] = hs.Index(i).Index(1).String()
	}
	if body := res.Get("body"); !body.IsNull() {
		a.body = make([]byte, body.Length())
		js.CopyBytesToGo(a.body, body)
	}
	return a
}

func toAny(pairs [][]any) []any {
	out := []any{}
	for _, p := range pairs {
		out = append(out, p)
	}
	return out
}

// One instance answers request after request, each on its own: the same
// query twice, others between, hostile ones, and conditional requests.
func TestOneInstanceServesManyRequests(t *testing.T) {
	serve := serveFunc(t)
	const origin = "https://portal.example"
	etag := call(serve, "GET", origin+"/api/directory.json").headers["Etag"]
	if etag == "" {
		t.Fatal("the export has no ETag")
	}
	tests := []struct {
		method, path string
		headers      [][]any
		status       int
		total        int // total_items of a list, or 0
		noBody       bool
	}{
		{"GET", "/api/services?per_page=2", nil, 200, 4, false},
		{"GET", "/api/services?taxonomy_term_id=theme-2", nil, 200, 0, false},
		{"GET", "/api/services?per_page=2", nil, 200, 4, false},
		{"GET", "/api/services/family-team", nil, 200, 0, false},
		{"GET", "/api/services/no-such-service", nil, 404, 0, false},
		{"GET", "/api/services?per_page=0", nil, 400, 0, false},
		{"GET", "/api/%zz", nil, 404, 0, false},
		{"GET", "/api/services/..%2f..%2fdirectory.json", nil, 400, 0, false},
		{"PUT", "/api/services", nil, 405, 0, false},
		{"HEAD", "/api/services", nil, 200, 0, true},
		{"GET", "/api/directory.json", [][]any{{"if-none-match", etag}}, 304, 0, true},
		{"GET", "/api/taxonomies", nil, 200, 2, false},
		{"GET", "/api/services?per_page=2", nil, 200, 4, false},
	}
	for _, tt := range tests {
		a := call(serve, tt.method, origin+tt.path, tt.headers...)
		what := tt.method + " " + tt.path
		if a.status != tt.status {
			t.Errorf("%s: status %d, want %d: %s", what, a.status, tt.status, a.body)
			continue
		}
		if a.headers["Content-Security-Policy"] == "" || a.headers["Access-Control-Allow-Origin"] != "*" {
			t.Errorf("%s: not the API's headers: %v", what, a.headers)
		}
		if tt.noBody != (a.body == nil) {
			t.Errorf("%s: body %q, want none: %v", what, a.body, tt.noBody)
		}
		if tt.total == 0 {
			continue
		}
		var page struct {
			TotalItems int `json:"total_items"`
		}
		if err := json.Unmarshal(a.body, &page); err != nil || page.TotalItems != tt.total {
			t.Errorf("%s: total_items %d (%v), want %d", what, page.TotalItems, err, tt.total)
		}
	}
}
