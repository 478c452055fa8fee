// The way into the checker from the home page on a phone, and a search page
// that says truthfully why it cannot start on a copy of the site built
// without its search index. At 390×844 and at 200% zoom, with the privacy
// checks on every journey.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startServer, launch } from './lib/harness.mjs'
import { SIZES, PHONE } from './lib/sizes.mjs'
import { phoneJourney } from './lib/journey.mjs'
import { waitReady } from './lib/checker.mjs'

const SITE = process.env.SITE_DIR || 'public'
// Pagefind adds a timestamp to its entry file's address; it holds no words searched.
const pagefindEntry = url => /\/pagefind\/pagefind-entry\.json\?ts=\d+$/.test(url)
let server, bare, browser, tmp
before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'no-index-'))
  // A copy of the built site without pagefind/: a search index never built.
  await cp(SITE, tmp, { recursive: true, filter: src => path.basename(src) !== 'pagefind' })
  server = await startServer(SITE)
  bare = await startServer(tmp)
  browser = await launch()
})
after(async () => {
  await browser?.close()
  await server?.stop()
  await bare?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

test('390×844: "Check if Focus Family can help" is on the first screen of the home page', () => phoneJourney(browser, server.origin, PHONE, async page => {
  await page.goto(server.origin + '/')
  const start = page.getByRole('button', { name: 'Check if Focus Family can help' })
  const box = await start.boundingBox()
  assert.ok(box && box.y + box.height <= 844, `the button ends at ${box && box.y + box.height} px, within the 844 px screen`)
  await start.click()
  await waitReady(page)
  assert.equal(new URL(page.url()).pathname, '/checker/')
}))

test('200% zoom: the home page\'s button to the checker comes before the page\'s own words', () => phoneJourney(browser, server.origin, SIZES[1], async page => {
  await page.goto(server.origin + '/')
  const y = sel => page.locator(sel).first().evaluate(el => el.getBoundingClientRect().top + window.scrollY)
  assert.ok(await y('.app-home-start') < await y('main .app-prose'), 'right under the heading')
  assert.ok(await page.locator('.app-home-start').isVisible())
}))

for (const size of SIZES) {
  test(`${size.name}: without a search index, search says so instead of blaming the browser`, () => phoneJourney(browser, bare.origin, size, async page => {
    await page.goto(bare.origin + '/search/')
    // Search starts to load as soon as the box has focus.
    await page.fill('#search-q', 'attendance')
    const failed = page.locator('#search-failed')
    await failed.waitFor({ state: 'visible' })
    assert.match(await failed.innerText(), /search index was not built/)
    assert.equal(await failed.locator('[data-failed=browser]').isVisible(), false, 'the browser is not blamed')
    assert.ok(await failed.locator('a').count() > 0, 'the section lists are linked')
  }, { allow: p => /pagefind|404 \(Not Found\)/.test(p), allowQuery: pagefindEntry }))
}

test('390×844: with the index, the search page never shows that message', () => phoneJourney(browser, server.origin, PHONE, async page => {
  await page.goto(server.origin + '/search/')
  await page.fill('#search-q', 'attendance')
  await page.click('#search-form button[type=submit]')
  await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent))
  assert.equal(await page.locator('#search-failed').isVisible(), false)
}, { allowQuery: pagefindEntry }))
