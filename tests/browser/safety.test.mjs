// Safety on sensitive topics, in real Chromium: the national helplines and
// Exit this page appear where data/sensitive.yaml says, and the checker's
// result shows the helplines only after a sensitive answer. Nothing leaves
// the device on the way.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launch } from './lib/harness.mjs'
import { phoneJourney } from './lib/journey.mjs'
import { PHONE } from './lib/sizes.mjs'
import { startChecker, answerAll, seeResult } from './lib/checker.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

// privately runs fn as a phone journey, with the shared privacy checks:
// same-origin GETs only, nothing in any address or history, no cookies and no storage.
const privately = fn => phoneJourney(browser, server.origin, PHONE, fn)

const helplines = page => page.locator('[data-step=result] [data-result-section=helplines]')

for (const [question, answer] of [['domestic_abuse', 'yes'], ['harm_concern', 'yes'], ['social_care', 'child_protection']]) {
  test(`the checker's result shows the helplines after ${question}: ${answer}`, () => privately(async page => {
    await startChecker(page, server.origin)
    await answerAll(page, { [question]: answer })
    await seeResult(page)
    assert.ok(await helplines(page).isVisible(), 'the helplines show')
    const call = helplines(page).getByRole('link', { name: '0808 2000 247' })
    assert.equal(await call.getAttribute('href'), 'tel:08082000247')
    assert.match(await helplines(page).innerText(), /press 55/)
    assert.equal(await helplines(page).locator('.app-example-tag').count(), 0, 'real numbers are not tagged as examples')
  }))
}

test("the checker's result has no helplines when no answer calls for them", () => privately(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: '85' })
  await seeResult(page)
  assert.equal(await helplines(page).isVisible(), false)
}))

test('a sensitive page has Exit this page and the helplines as tel: links; another page has neither', () => privately(async page => {
  await page.goto(server.origin + '/themes/domestic-abuse/')
  assert.ok(await page.locator('.govuk-exit-this-page__button').isVisible())
  const section = page.locator('[data-helplines]')
  assert.ok(await section.isVisible())
  const tels = await section.locator('a[href^="tel:"]').evaluateAll(as => as.map(a => a.getAttribute('href')))
  assert.deepEqual(tels, ['tel:999', 'tel:08082000247', 'tel:08088005000', 'tel:08001111', 'tel:116123', 'tel:111'])

  await page.goto(server.origin + '/themes/school-attendance/')
  assert.equal(await page.locator('.govuk-exit-this-page').count(), 0)
  assert.equal(await page.locator('[data-helplines]').count(), 0)
}))
