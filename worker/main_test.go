//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"runtime"
	"strconv"
	"syscall/js"
	"testing"
)

// serveFunc starts the Worker's handler as worker.mjs does, over the edge
// tests' directory export.
func serveFunc(tb testing.TB) js.Value {
	tb.Helper()
	data, err := os.ReadFile("../edge/testdata/site/api/directory.json")
	if err != nil {
		tb.Fatal(err)
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

// The instance lives for many requests, so nothing a request leaves behind
// may accumulate: over 10,000 requests (WORKER_MEMORY_REQUESTS; make bench
// asks for 30,000) Go's memory, all it has taken from the WebAssembly
// memory, stays where the first thousand put it, far under Cloudflare's
// 128 MB an isolate.
func TestMemoryLevelsOff(t *testing.T) {
	n := 10000
	if s := os.Getenv("WORKER_MEMORY_REQUESTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 2000 {
			t.Fatalf("WORKER_MEMORY_REQUESTS=%q: want a whole number of at least 2000", s)
		}
	}
	serve := serveFunc(t)
	paths := []string{"/api/services?per_page=10&taxonomy_term_id=theme-2", "/api/services", "/api/services/family-team", "/api/services?page=0"}
	sys := func(from, to int) uint64 {
		for i := from; i < to; i++ {
			call(serve, "GET", "https://portal.example"+paths[i%len(paths)], []any{"accept", "application/json"})
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.Sys
	}
	early, late := sys(0, 1000), sys(1000, n)
	t.Logf("Go's memory after 1,000 requests: %.1f MB; after %d: %.1f MB", float64(early)/1e6, n, float64(late)/1e6)
	if late > early+early/10 || late > 64<<20 {
		t.Errorf("Go's memory grew from %d to %d bytes", early, late)
	}
}

// BenchmarkServe is the Worker's own work for one API request, in V8 as in
// workerd: the call from the script, Go's answer and its way back. V8
// compiles WebAssembly lazily and recompiles hot code faster, and the one
// instance serves an isolate's requests warm, so it is warmed up first: the
// first few hundred requests cost several times more.
func BenchmarkServe(b *testing.B) {
	serve := serveFunc(b)
	paths := []struct{ name, path string }{
		{"query", "/api/services?per_page=10&taxonomy_term_id=theme-2"},
		{"no-query", "/api/services/family-team"},
	}
	for range 1000 {
		for _, p := range paths {
			call(serve, "GET", "https://portal.example"+p.path, []any{"accept", "application/json"})
		}
	}
	for _, bb := range paths {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				call(serve, "GET", "https://portal.example"+bb.path, []any{"accept", "application/json"})
			}
		})
	}
}
