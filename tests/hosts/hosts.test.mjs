// The generated nginx and Apache configurations (build/hosting/, from
// security/_headers) in the real servers from Debian, serving public/: the
// same header, status, redirect, type and cache checks as the Worker's,
// the static API, compression, and one checker journey with the privacy
// checks. Runs from `make hosts-test` (part of `make test`), which installs
// the servers when missing.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer } from './lib/servers.mjs'
import { siteCases, checkCases, checkWasm, checkStaticAPI, checkerJourney } from './lib/behaviour.mjs'

for (const kind of ['nginx', 'apache']) {
  describe(kind, () => {
    let server
    before(async () => { server = await startServer(kind) })
    after(async () => { await server?.stop() })

    test('pages, assets, redirects and errors: headers, status, type and cache as _headers says', async () => {
      await checkCases(server.origin, siteCases())
    })

    test('the WebAssembly is application/wasm, compressed and immutable', async () => {
      await checkWasm(server.origin, { compressed: true })
    })

    test('pages are compressed too', async () => {
      const res = await fetch(server.origin + '/', { headers: { 'Accept-Encoding': 'gzip' } })
      await res.arrayBuffer()
      assert.equal(res.headers.get('content-encoding'), 'gzip')
      assert.match(res.headers.get('vary') ?? '', /accept-encoding/i)
    })

    test('every API address without a query answers from the static files', async () => {
      const n = await checkStaticAPI(server.origin)
      assert.ok(n > 20, `${n} addresses`)
    })

    test('the checker, start to result, with nothing leaving the page', async () => {
      await checkerJourney(server.origin)
    })
  })
}
