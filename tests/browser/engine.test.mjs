// The rules engine in its Web Worker: the page never compiles or runs Go,
// the checker can be used before the engine arrives, and only the checker
// and progress pages fetch the WebAssembly, once, after their first paint.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'
import { waitReady, currentQuestion, fill, answerAll, seeResult, result, settled } from './lib/checker.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const ENGINE_FILES = /\.wasm$|\/assets\/rules\.|engine-worker/

// holdWasm delays every WebAssembly response until release() is called.
async function holdWasm (page) {
  let release
  const gate = new Promise(resolve => { release = resolve })
  await page.route('**/*.wasm', async route => { await gate; await route.continue() })
  return release
}

test('the engine runs in a worker: the page itself never compiles WebAssembly or runs Go', async () => {
  const { context, page, log } = await openPage(browser)
  await context.addInitScript(() => {
    window.__wasmCalls = 0
    for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
      const real = WebAssembly[name]
      WebAssembly[name] = function (...args) { window.__wasmCalls++; return real.apply(this, args) }
    }
  })
  await page.goto(server.origin + '/checker/')
  await waitReady(page)
  await page.locator('#checker[data-engine=ready]').waitFor()
  await page.locator('[data-action=start]').click()
  await answerAll(page, { attendance_percent: '85' })
  await seeResult(page)
  assert.deepEqual((await result(page)).criteria, ['t2-not-attending'])
  assert.equal(await page.evaluate(() => window.__wasmCalls), 0, 'no WebAssembly call on the main thread')
  assert.equal(await page.evaluate(() => typeof globalThis.Go + ' ' + typeof globalThis.focusFamilyRules), 'undefined undefined')
  const workers = page.workers().map(w => new URL(w.url()).pathname)
  assert.equal(workers.length, 1, `one worker: ${workers}`)
  assert.match(workers[0], /^\/js\/engine-worker\.[0-9a-f]+\.js$/)
  assert.deepEqual(problems(log, server.origin), [])
  assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
  await context.close()
})

test('the first question works before the engine arrives; the answer is checked once it has', async () => {
  const { context, page, log } = await openPage(browser)
  const release = await holdWasm(page)
  await page.goto(server.origin + '/checker/', { waitUntil: 'domcontentloaded' })
  await waitReady(page)
  assert.equal(await page.locator('#checker').getAttribute('data-engine'), null, 'the engine is still on its way')
  await page.locator('[data-action=start]').click()
  await settled(page)
  assert.equal(await currentQuestion(page), 'attendance_percent', 'the first question is shown at once')
  const form = page.locator('form[data-question="attendance_percent"]')
  await fill(form, 'attendance_percent', '150')
  await form.locator('button[type=submit]').click()
  assert.equal(await page.locator('#checker').getAttribute('aria-busy'), 'true', 'the answer waits for the engine')
  release()
  await settled(page)
  assert.match(await page.locator('[data-error-summary]').innerText(), /between 0% and 100%/, 'the engine checked the early answer')
  await fill(form, 'attendance_percent', '85')
  await form.locator('button[type=submit]').click()
  await settled(page)
  assert.notEqual(await currentQuestion(page), 'attendance_percent', 'a good answer moves on')
  assert.equal(await page.locator('#checker').getAttribute('data-engine'), 'ready')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

test('the progress form works before the engine arrives', async () => {
  const { context, page, log } = await openPage(browser)
  const release = await holdWasm(page)
  await page.goto(server.origin + '/progress/', { waitUntil: 'domcontentloaded' })
  await page.locator('#progress[data-ready=true]').waitFor()
  const submit = page.locator('form[data-progress-form] button[type=submit]')
  assert.equal(await submit.isDisabled(), false, 'the form can be sent before the engine is ready')
  await submit.click()
  assert.equal(await page.locator('#progress').getAttribute('aria-busy'), 'true')
  release()
  await page.locator('#progress:not([aria-busy])').waitFor({ state: 'attached' })
  assert.ok(await page.locator('[data-error-summary]').isVisible(), 'no criteria chosen: the engine says so')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

test('if the engine cannot start after an early answer, the checker says so and links to the criteria', async () => {
  const { context, page } = await openPage(browser)
  let fail
  const gate = new Promise(resolve => { fail = resolve })
  await page.route('**/*.wasm', async route => { await gate; await route.abort() })
  await page.goto(server.origin + '/checker/', { waitUntil: 'domcontentloaded' })
  await waitReady(page)
  await page.locator('[data-action=start]').click()
  await settled(page)
  const form = page.locator('form[data-question="attendance_percent"]')
  await fill(form, 'attendance_percent', '85')
  await form.locator('button[type=submit]').click()
  fail()
  const failed = page.locator('[data-load-failed]')
  await failed.waitFor({ state: 'visible' })
  assert.match(await failed.innerText(), /could not start/)
  assert.ok(await failed.getByRole('link').isVisible())
  assert.ok(await page.locator('[data-action=start]').isDisabled(), 'start is disabled once the engine has failed')
  await context.close()
})

test('only the checker and progress pages fetch the engine, once and after their first paint', async () => {
  const { context, page, log } = await openPage(browser)
  const others = ['/', '/themes/', '/themes/domestic-abuse/', '/pathways/ebsa/', '/case-studies/', '/case-studies/leo-home-again/',
    '/services/', '/checker/criteria/', '/search/', '/staying-safe-online/', '/privacy/']
  for (const path of others) await page.goto(server.origin + path, { waitUntil: 'networkidle' })
  assert.deepEqual(log.requests.filter(r => ENGINE_FILES.test(r.url)).map(r => r.url), [])
  await context.close()
  // A counting proxy in front of the server sees each file once. (A context
  // without routes: Playwright turns the HTTP cache off when routing.)
  const proxy = await countingProxy(server.origin)
  try {
    for (const path of ['/checker/', '/checker/professional/', '/progress/']) {
      const context = await browser.newContext()
      const page = await context.newPage()
      proxy.hits.length = 0
      await page.goto(proxy.origin + path)
      await page.locator('[data-engine=ready]').waitFor()
      assert.equal(await page.locator('link[rel=preload]').count(), 0, `${path} has no preload that could race its first paint`)
      const { paint, files } = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        files: performance.getEntriesByType('resource').filter(e => /\/assets\/(checker\.[0-9a-f]+\.wasm|rules\.[0-9a-f]+\.json)$/.test(e.name))
          .map(e => ({ path: new URL(e.name).pathname, start: e.startTime }))
      }))
      assert.equal(files.length, 2, `${path}: ${JSON.stringify(files)}`)
      for (const f of files) {
        assert.ok(f.start >= paint, `${path}: ${f.path} starts at ${f.start} ms, before the first paint at ${paint} ms`)
        assert.equal(proxy.hits.filter(h => h === f.path).length, 1, `${path} downloads ${f.path} once`)
      }
      await context.close()
    }
  } finally {
    await proxy.close()
  }
})

test('each engine file is downloaded once per page load, even with no HTTP cache to share', async () => {
  // openPage routes every request, and Playwright turns the HTTP cache off
  // when routing: a worker that fetched the files itself would download them
  // a second time beside the page's own.
  for (const path of ['/checker/', '/pl/checker/professional/', '/ar/progress/']) {
    const { context, page, log } = await openPage(browser)
    await page.goto(server.origin + path)
    await page.locator('[data-engine=ready]').waitFor()
    const engine = log.requests.map(r => new URL(r.url).pathname).filter(p => /\.wasm$|\/assets\/rules\./.test(p))
    assert.equal(engine.filter(p => p.endsWith('.wasm')).length, 1, `${path}: ${engine}`)
    assert.equal(engine.filter(p => p.endsWith('.json')).length, 1, `${path}: ${engine}`)
    assert.deepEqual(problems(log, server.origin), [])
    assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
    await context.close()
  }
})

// countingProxy passes requests to upstream and records each path it serves.
async function countingProxy (upstream) {
  const hits = []
  const proxy = http.createServer(async (req, res) => {
    hits.push(req.url)
    const up = await fetch(upstream + req.url, { headers: { 'accept-encoding': 'identity' } })
    const headers = Object.fromEntries(up.headers)
    delete headers['content-length']
    res.writeHead(up.status, headers)
    res.end(Buffer.from(await up.arrayBuffer()))
  })
  await new Promise(resolve => proxy.listen(0, '127.0.0.1', resolve))
  return { hits, origin: `http://127.0.0.1:${proxy.address().port}`, close: () => new Promise(resolve => proxy.close(resolve)) }
}
