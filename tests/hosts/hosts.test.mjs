// The generated nginx and Apache configurations (build/hosting/, from
// security/_headers) in the real servers from Debian, serving public/: the
// same header, status, redirect, type and cache checks as the Worker's,
// the static API, compression, and one checker journey with the privacy
// checks. Runs from `make hosts-test` (part of `make test`), which installs
// the servers when missing.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { startServer, bareNginx } from './lib/servers.mjs'
import { siteCases, checkCases, checkWasm, checkStaticAPI, checkerJourney, expectedHeaders } from './lib/behaviour.mjs'
import { launch, openPage } from '../browser/lib/harness.mjs'

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

// GitHub Pages sends no headers of ours: `make github-pages` puts the
// Content-Security-Policy (without frame-ancestors, which a meta tag cannot
// carry) and the Referrer-Policy in meta tags. make hosts-test builds that
// site in build/github-pages/public; a bare nginx stands in for GitHub.
describe('github pages (no headers, the policy in a meta tag)', () => {
  const root = 'build/github-pages/public'
  let server
  before(async () => { server = await startServer('nginx', bareNginx(root)) })
  after(async () => { await server?.stop() })

  test('every page carries the policy of _headers, less frame-ancestors', async () => {
    const want = expectedHeaders('/')['content-security-policy'].split(';').map(d => d.trim())
      .filter(d => !d.startsWith('frame-ancestors')).join('; ')
    for (const page of ['index.html', 'checker/index.html', '404.html']) {
      const html = readFileSync(`${root}/${page}`, 'utf8')
      const meta = html.match(/<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/)?.[1]
      assert.equal(meta?.replaceAll('&#39;', "'"), want, page)
      assert.match(html, /<meta name="?referrer"? content="?no-referrer"?>/, page)
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), `${page}: the policy comes before any stylesheet or script`)
    }
    assert.doesNotMatch(readFileSync('public/index.html', 'utf8'), /http-equiv="?Content-Security-Policy/, 'the normal build has no meta policy')
  })

  test('the browser enforces it: an injected script is blocked, and the checker still works', async () => {
    const res = await fetch(server.origin + '/')
    await res.arrayBuffer()
    assert.equal(res.headers.get('content-security-policy'), null, 'the server sends no policy')
    const browser = await launch()
    try {
      const { context, page, log } = await openPage(browser)
      await page.goto(server.origin + '/')
      // An inline script added to the page, as an injected one would be.
      const ran = await page.evaluate(() => {
        const s = document.createElement('script')
        s.textContent = 'window.injected = true'
        document.head.append(s)
        return window.injected === true
      })
      assert.equal(ran, false, 'the inline script was blocked')
      await page.waitForTimeout(100)
      assert.ok(log.cspViolations.some(v => /script-src/.test(v)), `the page reported it: ${log.cspViolations}`)
      await context.close()
    } finally {
      await browser.close()
    }
    await checkerJourney(server.origin, { metaCSP: true })
  })
})
