// The real Worker (build/worker, `make worker`) in workerd through
// `wrangler dev`: the same checks as the Go tests of package edge, but over
// HTTP in the Workers runtime, plus what only the runtime can show: hostile
// requests on the wire, the checker's journey in a browser, and the bundle
// size that Cloudflare would accept.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import net from 'node:net'
import { startWrangler, dryRun } from './lib/wrangler.mjs'
import { launch, openPage, problems } from '../browser/lib/harness.mjs'

let worker
before(async () => {
  worker = await startWrangler()
  console.log(`wrangler dev answered after ${Math.round(worker.startupMs)} ms`)
})
after(async () => { await worker?.stop() })

// The one definition of the security headers, parsed as static hosts read it.
function expectedHeaders (path) {
  const want = {}
  let matches = false
  for (const line of readFileSync('security/_headers', 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      const p = line.trim()
      matches = p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path
    } else if (matches) {
      const i = line.indexOf(':')
      want[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim()
    }
  }
  return want
}

function assertSecurityHeaders (res, path) {
  for (const [name, value] of Object.entries(expectedHeaders(path))) {
    assert.equal(res.headers.get(name), value, `${path}: ${name}`)
  }
}

const get = (path, init) => fetch(worker.origin + path, { redirect: 'manual', ...init })

// A file of public/ by extension, for the asset checks.
function findFile (dir, test) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`
    if (e.isDirectory()) { const f = findFile(p, test); if (f) return f } else if (test(p)) return p
  }
}
const fingerprinted = p => /\.[0-9a-f]{64,}\.[a-z0-9]+$/.test(p)

test('pages, assets, redirects and errors carry the headers and cache policy', async () => {
  const css = findFile('public', p => p.endsWith('.css') && fingerprinted(p)).slice('public'.length)
  const cases = [
    { path: '/', status: 200, type: /^text\/html/, cache: 'no-cache' },
    { path: '/themes/', status: 200, type: /^text\/html/, cache: 'no-cache' },
    { path: css, status: 200, type: /^text\/css/, cache: 'public, max-age=31536000, immutable' },
    { path: '/robots.txt', status: 200, type: /^text\/plain/, cache: 'no-cache' },
    { path: '/themes', status: 301, location: '/themes/' },
    { path: '/no-such-page/', status: 404, type: /^text\/html/, body: /not found/i },
    { path: '/_headers', status: 404, type: /^text\/html/ },
    { path: '/', method: 'HEAD', status: 200, type: /^text\/html/, empty: true },
    { path: css, method: 'HEAD', status: 200, type: /^text\/css/, empty: true },
    { path: '/no-such-page/', method: 'HEAD', status: 404, empty: true },
    { path: '/api/services', method: 'HEAD', status: 200, type: /^application\/json/, empty: true },
    { path: '/api/services?page=0', method: 'HEAD', status: 400, empty: true },
    { path: '/', method: 'POST', status: 405, allow: 'GET, HEAD' },
    { path: '/api/services', method: 'PUT', status: 405, allow: 'GET, HEAD', type: /^application\/json/ }
  ]
  for (const c of cases) {
    const res = await get(c.path, { method: c.method ?? 'GET' })
    const body = await res.text()
    const what = `${c.method ?? 'GET'} ${c.path}`
    assert.equal(res.status, c.status, what)
    assertSecurityHeaders(res, c.path)
    if (c.type) assert.match(res.headers.get('content-type'), c.type, what)
    if (c.cache) assert.equal(res.headers.get('cache-control'), c.cache, what)
    if (c.location) assert.equal(res.headers.get('location'), c.location, what)
    if (c.allow) assert.equal(res.headers.get('allow'), c.allow, what)
    if (c.body) assert.match(body, c.body, what)
    if (c.empty) assert.equal(body, '', what)
  }
})

test('the checker WebAssembly arrives intact, typed and cached', async t => {
  const src = readFileSync('public/checker/index.html', 'utf8').match(/data-wasm="?([^"\s>]+)/)?.[1]
  if (!src) return t.skip('the checker page names no WebAssembly')
  const file = 'public' + src
  const res = await get(src)
  const body = Buffer.from(await res.arrayBuffer())
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('content-type'), 'application/wasm')
  assert.equal(res.headers.get('cache-control'), fingerprinted(file) ? 'public, max-age=31536000, immutable' : 'no-cache')
  const sha = b => createHash('sha256').update(b).digest('hex')
  assert.equal(sha(body), sha(readFileSync(file)), 'same bytes as public/')
})

test('the Open Referral UK API answers from the build\'s export', async () => {
  const dir = JSON.parse(readFileSync('public/api/directory.json', 'utf8'))
  const api = async (path, status = 200) => {
    const res = await get('/api' + path)
    assert.equal(res.status, status, path)
    assert.equal(res.headers.get('access-control-allow-origin'), '*', path)
    assert.match(res.headers.get('content-type'), /^application\/json/, path)
    assertSecurityHeaders(res, '/api' + path)
    return res.json()
  }
  const ids = page => page.contents.map(s => s.id)
  const meta = await api('/')
  assert.equal(meta.version, '3.0')
  assert.equal(meta.export, '/api/directory.json')

  const all = await api('/services?per_page=100')
  assert.deepEqual(ids(all), dir.services.map(s => s.id))
  assert.deepEqual({ ...all, contents: undefined }, {
    total_items: dir.services.length, total_pages: 1, page_number: 1, size: dir.services.length,
    first_page: true, last_page: true, empty: false, contents: undefined
  })
  const second = await api('/services?per_page=2&page=2')
  assert.deepEqual(ids(second), dir.services.slice(2, 4).map(s => s.id))
  assert.equal(second.total_pages, Math.ceil(dir.services.length / 2))
  assert.equal(second.first_page, false)

  const term = dir.taxonomies[0].id
  const filters = [
    [`taxonomy_term_id=${term}`, s => s.taxonomy_terms.includes(term)],
    ['minimum_age=5', s => (s.minimum_age ?? 0) >= 5],
    ['maximum_age=17', s => s.maximum_age != null && s.maximum_age <= 17],
    ['minimum_age=0&maximum_age=5', s => (s.minimum_age ?? 0) >= 0 && s.maximum_age != null && s.maximum_age <= 5]
  ]
  for (const [query, keep] of filters) {
    const page = await api(`/services?per_page=100&${query}`)
    assert.deepEqual(ids(page), dir.services.filter(keep).map(s => s.id), query)
  }
  const named = dir.services[1]
  const word = named.name.split(/\s+/)[0].toLowerCase()
  assert.ok(ids(await api('/services?search=' + encodeURIComponent(word))).includes(named.id), 'search by name')

  const one = await api('/services/' + named.id)
  assert.equal(one.id, named.id)
  assert.equal(one.attributes.length, named.taxonomy_terms.length)
  assert.equal((await api('/taxonomy_terms?per_page=100')).total_items, dir.taxonomies.length)
  assert.ok((await api('/taxonomies')).total_items >= 1)

  assert.equal((await api('/services/no-such-service', 404)).status, 404)
  for (const bad of ['page=0', 'per_page=-1', 'per_page=101', 'minimum_age=x', 'page=%zz', 'format=ndjson']) {
    const body = await api('/services?' + bad, 400)
    assert.equal(body.status, 400, bad)
    assert.ok(body.message, bad)
  }
})

// raw sends exactly these bytes, as fetch would normalise the path.
function raw (method, path, headers = {}) {
  const { hostname, port } = new URL(worker.origin)
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)]
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    let data = ''
    socket.setTimeout(15000, () => socket.destroy(new Error(`timeout: ${method} ${path.slice(0, 60)}`)))
    socket.on('data', d => { data += d })
    socket.on('error', reject)
    socket.on('close', () => resolve({ status: Number(data.split(' ')[1]), text: data }))
    socket.end(lines.join('\r\n') + '\r\n\r\n')
  })
}

test('hostile requests get a 4xx, never a 5xx', async () => {
  const long = 'a'.repeat(16 << 10)
  const cases = [
    ['GET', '/../../etc/passwd'],
    ['GET', '/%2e%2e/%2e%2e/etc/passwd'],
    ['GET', '/%2e%2e%2f%2e%2e%2fwrangler.toml'],
    ['GET', '/css/..%2f..%2fwrangler.toml'],
    ['GET', '/themes%2Fhealth/'],
    ['GET', '/themes%5Chealth/'],
    ['GET', '//evil.example/'],
    ['GET', '/index.html%00.css'],
    ['GET', '/%ff%fe/'],
    ['GET', '/_headers'],
    ['GET', '/.wrangler/'],
    ['GET', '/' + long],
    ['GET', '/api/services?search=' + long],
    ['GET', '/', { 'X-Long': long }],
    ['GET', '/api/services', { Cookie: long }],
    ['FOO', '/'],
    ['PROPFIND', '/'],
    ['PATCH', '/'],
    ['PURGE', '/'],
    ['OPTIONS', '/'],
    ['TRACE', '/'],
    ['DELETE', '/api/services'],
    ['POST', '/api/services', { 'Content-Length': '0' }],
    ['GET', '/api/services?page=%zz'],
    ['GET', '/api/services?per_page=-1'],
    ['GET', '/api/services?page=99999999999999999999999999999'],
    ['GET', '/api/services?minimum_age=1e309'],
    ['GET', '/api/services?per_page=1&per_page=2'],
    ['GET', '/api/services/..%2f..%2fdirectory.json'],
    ['GET', '/api/services/%00'],
    ['GET', '/api/no-such-endpoint']
  ]
  for (const [method, path, headers] of cases) {
    const { status, text } = await raw(method, path, headers)
    const what = `${method} ${path.slice(0, 60)}${headers ? ' + ' + Object.keys(headers) : ''}`
    assert.doesNotMatch(text, /root:|compatibility_date/, `${what}: leaked a file`)
    // A method workerd's HTTP parser does not know (FOO) never reaches the
    // Worker: workerd itself answers 501, as RFC 9110 §9.1 asks for an
    // unrecognised method. Whatever reaches the Worker gets a 4xx.
    if (status === 501 && !/^content-security-policy:/im.test(text)) {
      assert.match(text, /Unrecognized request method/, `${what}: a 501 from the runtime`)
      continue
    }
    assert.ok(status >= 400 && status < 500, `${what}: status ${status}`)
  }
})

test('the checker runs through the worker with no CSP violation or cross-origin request', async () => {
  const browser = await launch()
  try {
    const { context, page, log } = await openPage(browser)
    const res = await page.goto(worker.origin + '/checker/', { waitUntil: 'networkidle' })
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-security-policy'], /default-src 'none'/)
    const root = page.locator('#checker[data-wasm]')
    if (await root.count()) {
      assert.ok(log.requests.some(r => r.url.endsWith('.wasm')), 'the page fetched its WebAssembly')
      await page.waitForSelector('[data-action="start"]:not([disabled])', { timeout: 15000 })
      await page.click('[data-action="start"]')
      const form = page.locator('form[data-step="question"]:not([hidden])')
      await form.waitFor({ state: 'visible' })
      const question = await form.getAttribute('data-question')
      const input = form.locator('input[type="text"]').first()
      if (await input.count()) await input.fill('85')
      else await form.locator('input[type="radio"]').first().check()
      await form.locator('button[type="submit"]').click()
      // The engine accepted the answer and moved on to another step.
      await page.waitForSelector(`form[data-question="${question}"][hidden]`, { state: 'attached', timeout: 5000 })
    }
    assert.deepEqual(problems(log, worker.origin), [])
    await context.close()
  } finally {
    await browser.close()
  }
})

test('the bundle is within the Workers free plan\'s 3 MB compressed limit', async () => {
  const { totalKiB, gzipKiB } = await dryRun()
  console.log(`worker bundle: ${totalKiB} KiB, gzip ${gzipKiB} KiB`)
  assert.ok(gzipKiB * 1024 < 3e6, `gzip ${gzipKiB} KiB`)
})

// Last: nothing above made the Worker throw, which workerd logs even when
// the client got an answer.
test('the Worker logged no uncaught error', () => {
  assert.doesNotMatch(worker.output(), /Uncaught|\[ERROR\]/)
})
