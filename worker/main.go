//go:build js && wasm

// Command worker is the portal's Cloudflare Worker: the edge handler,
// called by worker/worker.mjs. Cloudflare serves every page and file itself
// (wrangler.toml); only /api reaches the Worker.
//
// One Go instance serves every request of its isolate. The script starts
// it at the isolate's first API request and hands it the directory export;
// after that each request is one synchronous call. The Go side does no I/O
// of its own, so requests that interleave in the isolate never share an I/O
// object, which the Workers runtime forbids.
//
//	make worker         builds build/worker/ (worker.mjs, wasm_exec.js, app.wasm)
//	npx wrangler dev    runs it locally in workerd
package main

import (
	"syscall/js"

	"github.com/focusfamily/portal/edge"
)

// main publishes start and waits for calls for as long as the isolate lives.
func main() {
	js.Global().Set("focusFamilyWorker", js.FuncOf(start))
	select {}
}

// start takes the directory export (a Uint8Array) and returns the function
// that answers one request: serve(method, url, headers as [name, value]
// pairs) returns {status, headers, body}. Neither is ever released: they
// live as long as the instance.
func start(_ js.Value, args []js.Value) any {
	data := make([]byte, args[0].Length())
	js.CopyBytesToGo(data, args[0])
	h := edge.New(newExport(data))
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		w := newResponse()
		h.ServeHTTP(w, request(args[0].String(), args[1].String(), args[2]))
		return w.js()
	})
}
