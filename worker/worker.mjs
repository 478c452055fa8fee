// The portal's Cloudflare Worker script (wrangler.toml's main, copied to
// build/worker/ by make worker). Cloudflare's static-assets layer serves
// every page and file; only /api reaches this script, which passes each
// request to the Go handler (worker/*.go, compiled to app.wasm).
//
// One Go instance serves every request of the isolate: the first API
// request starts it, and it lives as long as the isolate. (syumai/workers'
// generated script starts a fresh instance, and runs Go's start-up, for
// every request.) Go does no I/O here: this script reads the directory
// export from the assets binding once and hands it over, then each request
// is one synchronous call. So requests that interleave in the isolate never
// share an I/O object, which the Workers runtime forbids.
import './wasm_exec.js' // Go's own (GOROOT/lib/wasm): defines globalThis.Go
import wasm from './app.wasm'

// The assets binding reads only the path; the host is a placeholder.
const EXPORT = 'https://assets.invalid/api/directory.json'

let go // the running Go program
let serve // its handler: serve(method, url, headers) → { status, headers, body }

async function handler (env) {
  if (serve && !go.exited) return serve
  const res = await env.ASSETS.fetch(EXPORT)
  if (!res.ok) throw new Error(`${EXPORT}: status ${res.status}`)
  const data = new Uint8Array(await res.arrayBuffer())
  // Another request may have started Go while this one read the export.
  if (serve && !go.exited) return serve
  go = new globalThis.Go()
  // run() returns once main waits for calls; its promise settles only if
  // the program ends, and a program that ended (a Go panic) is replaced
  // at the next request.
  go.run(new WebAssembly.Instance(wasm, go.importObject))
  serve = globalThis.focusFamilyWorker(data)
  return serve
}

export default {
  async fetch (request, env) {
    const answer = await handler(env)
    const { status, headers, body } = answer(request.method, request.url, [...request.headers])
    return new Response(body, { status, headers })
  }
}
