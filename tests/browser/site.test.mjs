// The site frame: pages render under the production CSP, with no errors and
// no request to another origin.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

for (const path of ['/', '/checker/', '/themes/', '/privacy/']) {
  test(`${path} renders cleanly under the CSP`, async () => {
    const { context, page, log } = await openPage(browser)
    const res = await page.goto(server.origin + path, { waitUntil: 'networkidle' })
    assert.equal(res.status(), 200)
    assert.match(res.headers()['content-security-policy'], /default-src 'none'/)
    assert.match(await page.title(), / – /)
    assert.match(await page.locator('html').getAttribute('lang'), /^en-gb$/i)
    assert.ok(await page.locator('.govuk-generic-header').isVisible(), 'generic header shows')
    assert.equal(await page.locator('.govuk-header__logotype, .govuk-header__crown, .govuk-footer__crown').count(), 0, 'no crown or GOV.UK logotype')
    assert.ok(await page.locator('.app-demo-banner').isVisible(), 'demonstration banner shows')
    assert.ok(await page.locator('text=Last reviewed').first().isVisible(), 'last reviewed date shows')
    assert.deepEqual(problems(log, server.origin), [])
    assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
    await context.close()
  })
}

test('an unknown page gets the 404 page with status 404', async () => {
  const { context, page } = await openPage(browser)
  const res = await page.goto(server.origin + '/no-such-page/')
  assert.equal(res.status(), 404)
  assert.match(await page.locator('h1').innerText(), /not found/i)
  await context.close()
})

test('the print stylesheet hides the header, footer and navigation', async () => {
  const { context, page } = await openPage(browser)
  await page.goto(server.origin + '/themes/')
  await page.emulateMedia({ media: 'print' })
  for (const sel of ['.govuk-template__header', '.govuk-footer', '.govuk-breadcrumbs']) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} hidden in print`)
  }
  assert.ok(await page.locator('main h1').isVisible())
  await context.close()
})

test('a request to another origin is caught by the privacy check', async () => {
  // Proves the check can fail: a page that fetches elsewhere must be reported.
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/')
  await page.evaluate(() => { const i = new Image(); i.src = 'http://192.0.2.1/pixel.png' })
  await page.waitForTimeout(200)
  const found = problems(log, server.origin)
  assert.ok(found.some(p => p.includes('192.0.2.1')), 'the cross-origin request is reported: ' + found.join('; '))
  await context.close()
})

test('the built site carries no GDS Transport and no font files', async () => {
  const files = await readdir('public', { recursive: true })
  assert.deepEqual(files.filter(f => /\.(woff2?|ttf|otf|eot)$/i.test(f)), [], 'no font files')
  for (const f of files.filter(f => /\.(css|html|js)$/.test(f))) {
    assert.doesNotMatch(await readFile(`public/${f}`, 'utf8'), /GDS Transport/, f)
  }
})
