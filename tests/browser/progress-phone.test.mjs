// The progress check on a phone, at 390×844 and at 200% zoom: with only
// attendance recorded it gives the attendance result and names the measures
// not recorded; both a percentage and sessions is an error; a stalled
// WebAssembly gives the fallback. The privacy checks end every journey.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launch } from './lib/harness.mjs'
import { SIZES } from './lib/sizes.mjs'
import { phoneJourney, errorSummary } from './lib/journey.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const journey = (size, fn, opts) => phoneJourney(browser, server.origin, size, fn, opts)

async function open (page) {
  await page.goto(server.origin + '/progress/')
  await page.locator('#progress[data-ready=true]').waitFor()
  // The engine starts in its worker; a failure would disable the button.
  await page.locator('#progress[data-engine]').waitFor({ state: 'attached', timeout: 20000 })
  assert.equal(await page.locator('#progress').getAttribute('data-engine'), 'ready', 'the engine started')
}

async function check (page) {
  await page.click('form[data-progress-form] button[type="submit"]')
  await page.locator('#progress:not([aria-busy])').waitFor({ state: 'attached' })
}

for (const size of SIZES) {
  test(`${size.name}: only attendance recorded: the attendance result, and which measures were not recorded`, () => journey(size, async page => {
    await open(page)
    await page.check('#p-criterion-t2-not-attending')
    await page.fill('#p-entry-attendance_percent', '80')
    for (const [term, value] of [[1, '91'], [2, '92'], [3, '93']]) await page.fill(`#p-term${term}-attendance_percent`, value)
    await check(page)
    const result = page.locator('[data-progress-result]')
    await result.waitFor({ state: 'visible' })
    const row = result.locator('[data-criterion="t2-not-attending"] [data-check="significant"]')
    assert.match(await row.locator('[data-slot=reason]').innerText(), /9[0-3]%|attendance/i, 'the attendance result is given')
    const missing = result.locator('[data-slot="not-recorded-block"]')
    assert.ok(await missing.isVisible(), 'the result says what was not recorded')
    const names = await missing.locator('li').allInnerTexts()
    assert.ok(names.length >= 1, names.join(' | '))
    assert.ok(names.some(n => /suspen|exclu/i.test(n)), `the exclusion measures are named: ${names.join(' | ')}`)
    assert.ok(!names.some(n => /attendance/i.test(n)), 'attendance was recorded, so it is not listed')
    assert.doesNotMatch(await result.innerText(), /with the child was not/, 'no sentence built on a missing value')

    // Record the rest: the list goes.
    for (const p of ['entry', 'term1', 'term2', 'term3']) {
      await page.fill(`#p-${p}-fixed_term_exclusions`, '0')
      await page.check(`#p-${p}-permanently_excluded-no`)
    }
    await check(page)
    assert.equal(await missing.isVisible(), false, 'nothing left unrecorded')
  }))

  test(`${size.name}: a percentage and sessions both filled is an error, not a silent choice`, () => journey(size, async page => {
    await open(page)
    await page.check('#p-criterion-t2-not-attending')
    await page.fill('#p-entry-attendance_percent', '80')
    await page.click('[data-field="p-entry-attendance_percent"] summary')
    await page.fill('#p-entry-attendance_percent-attended', '300')
    await page.fill('#p-entry-attendance_percent-possible', '360')
    await check(page)
    const items = await errorSummary(page)
    assert.match(items.join(' | '), /At entry.*both a percentage and a number of sessions/)
    assert.equal(await page.locator('[data-progress-result]').isVisible(), false)
    await page.fill('#p-entry-attendance_percent', '')
    await page.fill('#p-entry-attendance_percent-attended', '')
    await page.fill('#p-entry-attendance_percent-possible', '')
    await page.fill('#p-entry-attendance_percent', '306 out of 360')
    await check(page)
    assert.equal(await page.locator('[data-error-summary]').isVisible(), false, '"306 out of 360" is accepted')
  }))
}

// These wait seconds on a timer in the page, doing nothing else, so they
// wait side by side.
describe('a WebAssembly that never arrives', { concurrency: true }, () => {
  for (const size of SIZES) {
    test(`${size.name}: a WebAssembly that never arrives gives the printable measures within 5 seconds`, () => journey(size, async page => {
      await page.route('**/*.wasm', () => {})
      const start = Date.now()
      await page.goto(server.origin + '/progress/', { waitUntil: 'commit' })
      const slow = page.locator('#progress [data-load-slow]')
      await slow.waitFor({ state: 'visible', timeout: 10000 })
      const took = Date.now() - start
      assert.ok(took >= 5000 && took < 10000, `shown after ${took} ms`)
      assert.match(await slow.innerText(), /taking a long time/)
      assert.ok(await slow.getByRole('link').isVisible())
    }, { allow: p => /\.wasm/.test(p) }))
  }
})
