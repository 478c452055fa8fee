// The offline copy, only by choice. Without the choice nothing is
// registered or cached (and the shared storage check of every journey
// proves it). With it, the checker and the progress check work with the
// network off, the copy holds only the site's static files, and removing it
// leaves no service worker and no cache.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'
import { startChecker, answerAll, seeResult, result } from './lib/checker.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const NOTHING = { cookies: 0, local: 0, session: 0, idb: 0 }
const KEEP = 'Keep a copy on this device to use without internet'
const REMOVE = 'Remove the copy from this device'

async function status (page, text) {
  await page.locator('[data-offline-status]', { hasText: text }).waitFor()
}

// cached lists the paths in the offline copy's cache.
const cached = page => page.evaluate(async () => {
  const out = []
  for (const name of await caches.keys()) {
    for (const req of await (await caches.open(name)).keys()) out.push(req.url)
  }
  return out.sort()
})

test('without the choice: the controls are offered, nothing is registered or cached', async () => {
  const { context, page, log } = await openPage(browser)
  for (const path of ['/checker/professional/', '/progress/']) {
    await page.goto(server.origin + path)
    await status(page, 'There is no copy on this device.')
    assert.ok(await page.getByRole('button', { name: KEEP }).isVisible(), `${path}: keep`)
    assert.ok(await page.getByRole('button', { name: REMOVE }).isVisible(), `${path}: remove`)
    assert.ok(await page.locator('[data-offline]').getByRole('link', { name: /staying safe/i }).isVisible())
  }
  for (const path of ['/checker/', '/', '/services/']) {
    await page.goto(server.origin + path)
    assert.equal(await page.locator('[data-offline]').count(), 0, `no offline controls on ${path}`)
  }
  assert.deepEqual(await storageState(context, page), NOTHING)
  assert.ok(!log.requests.some(r => /offline-worker/.test(r.url)), 'the service worker script is not even fetched')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

test('with the choice: the checker and the progress check work offline; removing the copy leaves nothing', async () => {
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/checker/professional/')
  await page.getByRole('button', { name: KEEP }).click()
  await status(page, 'A copy is kept on this device.')
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['focus-family-offline-copy'])
  const kept = await cached(page)
  for (const path of ['/checker/', '/checker/professional/', '/checker/criteria/', '/progress/', '/services/']) {
    assert.ok(kept.includes(server.origin + path), `${path} is in the copy`)
  }
  assert.ok(kept.some(u => /\/assets\/checker\.[0-9a-f]+\.wasm$/.test(u)), 'the WebAssembly is in the copy')
  assert.ok(kept.some(u => /\/js\/engine-worker\.[0-9a-f]+\.js$/.test(u)), 'the worker is in the copy')
  for (const u of kept) {
    const url = new URL(u)
    assert.equal(url.origin, server.origin)
    assert.equal(url.search + url.hash, '', `no query in ${u}`)
    assert.match(url.pathname, /\/$|^\/(assets|css|js|images)\/[\w./-]+\.\w+$/, `only pages and static files: ${u}`)
  }
  const registered = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL)
  assert.match(registered, /\/offline-worker\.js$/)

  await context.setOffline(true)
  try {
    await startChecker(page, server.origin)
    await answerAll(page, { attendance_percent: '85' })
    await seeResult(page)
    assert.deepEqual((await result(page)).criteria, ['t2-not-attending'], 'the checker works offline')

    await page.goto(server.origin + '/progress/')
    await page.locator('#progress[data-ready=true]').waitFor()
    await page.check('#p-criterion-t2-not-attending')
    for (const [period, value] of [['entry', '80'], ['term1', '91'], ['term2', '92'], ['term3', '93']]) {
      await page.fill(`#p-${period}-attendance_percent`, value)
      await page.fill(`#p-${period}-fixed_term_exclusions`, '0')
      await page.check(`#p-${period}-permanently_excluded-no`)
    }
    await page.click('form[data-progress-form] button[type=submit]')
    await page.waitForSelector('[data-progress-result]:not([hidden])')
    assert.equal(await page.locator('[data-criterion="t2-not-attending"] [data-check="sustained"] [data-met]:visible').innerText(), 'Met', 'the progress check works offline')

    await page.goto(server.origin + '/checker/criteria/')
    assert.ok(await page.locator('#t2-not-attending').count(), 'the criteria are in the copy')
    await assert.rejects(page.goto(server.origin + '/themes/'), 'a page outside the copy does not load: the network really is off')
  } finally {
    await context.setOffline(false)
  }
  await page.goto(server.origin + '/progress/')
  assert.deepEqual(await cached(page), kept, 'using the copy stored nothing in it: no answer, no figure')
  await status(page, 'A copy is kept on this device.')
  await page.getByRole('button', { name: REMOVE }).click()
  await status(page, 'The copy has been removed from this device.')
  assert.deepEqual(await storageState(context, page), NOTHING, 'no service worker and no cache are left')
  assert.deepEqual(problems(log, server.origin).filter(p => !/ERR_INTERNET_DISCONNECTED/.test(p)), [])
  await context.close()
})
