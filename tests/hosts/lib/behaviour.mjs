// What every host must do the same, whatever serves the site: the Go
// Worker in workerd (tests/worker) or nginx and Apache with their generated
// configurations (tests/hosts). The expected headers come from the one
// definition, security/_headers, read here as Cloudflare reads it.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { launch, openPage, problems, storageState } from '../../browser/lib/harness.mjs'
import { startChecker, answerAll, seeResult } from '../../browser/lib/checker.mjs'
import { recordHistory, assertHistoryHoldsNoAnswer } from '../../browser/lib/history.mjs'

// expectedHeaders applies the rules of security/_headers to a path, rule by
// rule: "! Name" removes, "Name: value" sets.
export function expectedHeaders (path) {
  const want = {}
  let matches = false
  for (const line of readFileSync('security/_headers', 'utf8').split('\n')) {
    const t = line.trim()
    if (!t || t.startsWith('#')) continue
    if (!/^\s/.test(line)) {
      matches = t.endsWith('*') ? path.startsWith(t.slice(0, -1)) : t === path
    } else if (matches && t.startsWith('! ')) {
      delete want[t.slice(2).trim().toLowerCase()]
    } else if (matches) {
      const i = t.indexOf(':')
      want[t.slice(0, i).trim().toLowerCase()] = t.slice(i + 1).trim()
    }
  }
  return want
}

export function assertHeaders (res, path, what = path) {
  for (const [name, value] of Object.entries(expectedHeaders(path))) {
    assert.equal(res.headers.get(name), value, `${what}: ${name}`)
  }
}

// findFile returns the first file of a folder (recursively) that passes test.
export function findFile (dir, test) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`
    if (e.isDirectory()) { const f = findFile(p, test); if (f) return f } else if (test(p)) return p
  }
}
export const fingerprinted = p => /\.[0-9a-f]{64,}\.[a-z0-9]+$/.test(p)

// siteCases are the requests every host answers alike. headers: the path
// whose _headers rules apply (a redirect or an error takes the site-wide
// ones, as the Worker and the 404 page do).
export function siteCases () {
  const css = findFile('public', p => p.endsWith('.css') && fingerprinted(p)).slice('public'.length)
  return [
    { path: '/', status: 200, type: /^text\/html/, etag: true },
    { path: '/themes/', status: 200, type: /^text\/html/, etag: true },
    { path: css, status: 200, type: /^text\/css/, etag: true },
    { path: '/robots.txt', status: 200, type: /^text\/plain/ },
    { path: '/themes', redirect: true, location: '/themes/', headers: '/' },
    { path: '/no-such-page/', status: 404, type: /^text\/html/, body: /not found/i },
    { path: '/css/no-such-file.css', status: 404, type: /^text\/html/, headers: '/404.html' },
    { path: '/_headers', status: 404, type: /^text\/html/ },
    { path: '/.hidden', status: 404, type: /^text\/html/ },
    { path: '/', method: 'HEAD', status: 200, type: /^text\/html/, empty: true },
    { path: css, method: 'HEAD', status: 200, type: /^text\/css/, empty: true },
    { path: '/no-such-page/', method: 'HEAD', status: 404, empty: true },
    { path: '/api/services', method: 'HEAD', status: 200, type: /^application\/json/, empty: true },
    { path: '/', method: 'POST', status: 405, headers: '/' }
  ]
}

// checkCases sends each case and checks status, headers, type, cache,
// redirect and body. A Location may be absolute (Apache) or not (nginx, the
// Worker): it must lead to the same address on the same origin.
export async function checkCases (origin, cases) {
  for (const c of cases) {
    const method = c.method ?? 'GET'
    const res = await fetch(origin + c.path, { method, redirect: 'manual' })
    const body = await res.text()
    const what = `${method} ${c.path}`
    // A folder's redirect is permanent (301) on nginx, Apache and the Go
    // edge; Cloudflare's assets layer answers 307.
    if (c.redirect) assert.ok([301, 307, 308].includes(res.status), `${what}: status ${res.status}`)
    else assert.equal(res.status, c.status, what)
    assertHeaders(res, c.headers ?? c.path, what)
    if (c.type) assert.match(res.headers.get('content-type') ?? '', c.type, what)
    if (c.location) assert.equal(new URL(res.headers.get('location'), origin + c.path).href, origin + c.location, what)
    if (c.allow) assert.equal(res.headers.get('allow'), c.allow, what)
    if (c.body) assert.match(body, c.body, what)
    if (c.empty) assert.equal(body, '', what)
    if (c.etag) {
      const etag = res.headers.get('etag')
      assert.ok(etag, `${what}: an ETag`)
      const again = await fetch(origin + c.path, { headers: { 'If-None-Match': etag } })
      await again.arrayBuffer()
      assert.equal(again.status, 304, `${what}: If-None-Match gives 304`)
    }
  }
}

// checkWasm fetches the checker's WebAssembly and checks its type, its
// cache policy and its bytes; compressed says whether the host must send it
// gzip-compressed when asked.
export async function checkWasm (origin, { compressed }) {
  const src = readFileSync('public/checker/index.html', 'utf8').match(/data-wasm="?([^"\s>]+)/)?.[1]
  assert.ok(src, 'the checker page names its WebAssembly')
  const res = await fetch(origin + src, { headers: { 'Accept-Encoding': 'gzip' } })
  const body = Buffer.from(await res.arrayBuffer())
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'application/wasm')
  assertHeaders(res, src)
  if (compressed) assert.equal(res.headers.get('content-encoding'), 'gzip', 'the WebAssembly is compressed')
  assert.ok(body.equals(readFileSync('public' + src)), 'same bytes as public/')
}

// checkStaticAPI checks every API address that needs no query: JSON, open
// to every origin, and exactly the file the build wrote for it.
export async function checkStaticAPI (origin) {
  const dir = JSON.parse(readFileSync('public/api/directory.json', 'utf8'))
  const addresses = [['/api/', 'api/index.json'], ['/api/services', 'api/services.json'],
    ['/api/taxonomies', 'api/taxonomies.json'], ['/api/taxonomy_terms', 'api/taxonomy_terms.json'],
    ...dir.services.map(s => [`/api/services/${s.id}`, `api/services/${s.id}.json`]),
    ...dir.taxonomies.map(t => [`/api/taxonomy_terms/${t.id}`, `api/taxonomy_terms/${t.id}.json`]),
    ...Object.keys(dir.vocabularies).map(v => [`/api/taxonomies/${v}`, `api/taxonomies/${v}.json`]),
    ['/api/directory.json', 'api/directory.json']]
  for (const [path, file] of addresses) {
    const res = await fetch(origin + path)
    const body = await res.text()
    assert.equal(res.status, 200, path)
    assert.match(res.headers.get('content-type'), /^application\/json/, path)
    assertHeaders(res, path)
    assert.deepEqual(JSON.parse(body), JSON.parse(readFileSync('public/' + file, 'utf8')), path)
  }
  const missing = await fetch(origin + '/api/services/no-such-service')
  await missing.arrayBuffer()
  assert.equal(missing.status, 404)
  return addresses.length
}

// checkerJourney answers the whole checker in Chromium and sees a result,
// with the privacy assertions of every journey: same-origin GETs only, no
// answer in the address or history, no cookies, empty storage. metaCSP: the
// policy comes in the page, not in a header (GitHub Pages).
export async function checkerJourney (origin, { metaCSP = false } = {}) {
  const browser = await launch()
  try {
    const { context, page, log } = await openPage(browser)
    await recordHistory(context)
    const res = await page.goto(origin + '/checker/')
    assert.equal(res.status(), 200)
    const policy = metaCSP ? await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content') : res.headers()['content-security-policy']
    assert.match(policy, /default-src 'none'/)
    await startChecker(page, origin)
    const asked = await answerAll(page, { attendance_percent: '85' })
    assert.ok(asked.length >= 3, `asked ${asked.length} questions`)
    await seeResult(page)
    assert.ok(log.requests.some(r => r.url.endsWith('.wasm')), 'the page fetched its WebAssembly')
    assert.deepEqual(problems(log, origin), [])
    assert.equal(new URL(page.url()).search, '', 'no answer in the address')
    await assertHistoryHoldsNoAnswer(page)
    for (const r of log.requests) assert.doesNotMatch(r.url, /attendance_percent|=85\b/, 'no answer in a request')
    assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
    await context.close()
  } finally {
    await browser.close()
  }
}
