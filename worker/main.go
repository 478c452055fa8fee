//go:build js && wasm

// Command worker is the portal's Cloudflare Worker: the edge handler over
// the static-assets binding (wrangler.toml binds public/ as ASSETS). It
// runs for /api only; Cloudflare serves every other file itself.
//
//	make worker         builds build/worker/ (worker.mjs, app.wasm)
//	npx wrangler dev    runs it locally in workerd
package main

import (
	"github.com/syumai/workers"

	"github.com/focusfamily/portal/edge"
)

func main() {
	workers.Serve(edge.New(assets{}))
}
