// Saved files opened in the checker, the professional view and the progress
// check are checked exactly as typed answers are, and bounded before they
// are read: at 390×844 and at 200% zoom, with the privacy checks on every
// journey. An error summary is never shown empty.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startServer, launch } from './lib/harness.mjs'
import { SIZES, PHONE } from './lib/sizes.mjs'
import { phoneJourney, errorSummary } from './lib/journey.mjs'
import { answerAll, fill, seeResult, result, currentQuestion, waitReady, settled } from './lib/checker.mjs'

let server, browser, tmp
before(async () => {
  server = await startServer()
  browser = await launch()
  tmp = await mkdtemp(path.join(tmpdir(), 'checker-files-'))
})
after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

const journey = (size, fn) => phoneJourney(browser, server.origin, size, fn)

let n = 0
async function saved (kind, answers, extra = {}) {
  const file = path.join(tmp, `file-${++n}.json`)
  await writeFile(file, JSON.stringify({ format: 'focus-family-answers', kind, version: 1, answers, ...extra }))
  return file
}

async function openIn (page, where, file) {
  await page.goto(server.origin + where)
  await page.locator('[data-engine-root][data-ready=true]').waitFor()
  await page.locator('#checker-file').setInputFiles(file)
}

for (const size of SIZES) {
  test(`${size.name}: a file with attendance 250 and SEND "banana" names each bad answer and leads to fixing it`, () => journey(size, async page => {
    const file = await saved('checker', { attendance_percent: '250', send: 'banana', young_carer: 'yes' })
    await openIn(page, '/checker/', file)
    await settled(page)
    const items = await errorSummary(page)
    assert.equal(items.length, 2, items.join(' | '))
    assert.match(items[0], /between 0% and 100%/)
    assert.match(items[1], /special educational needs/i)
    assert.equal(await page.evaluate(() => document.activeElement.hasAttribute('data-error-summary')), true, 'the summary takes focus')
    assert.match(await page.title(), /^Error: /)
    // The first bad answer's question is shown, with what the file said in its field.
    assert.equal(await currentQuestion(page), 'attendance_percent')
    assert.equal(await page.locator('#q-attendance_percent').inputValue(), '250')
    assert.match(await page.locator('form[data-question="attendance_percent"] .govuk-error-message').innerText(), /between/)

    // The summary's second link goes to the SEND question.
    await page.locator('[data-error-summary] li:not([hidden]) a').nth(1).click()
    await settled(page)
    assert.equal(await currentQuestion(page), 'send')
    await fill(page.locator('form[data-question="send"]'), 'send', 'none')
    await page.locator('form[data-question="send"] button[type=submit]').click()
    await settled(page)
    // Fixed: the attendance is still to fix, and is asked next.
    assert.equal(await currentQuestion(page), 'attendance_percent')
    assert.deepEqual(await errorSummary(page), [items[0]])
    await fill(page.locator('form[data-question="attendance_percent"]'), 'attendance_percent', '80')
    await page.locator('form[data-question="attendance_percent"] button[type=submit]').click()
    await settled(page)
    assert.equal(await page.locator('[data-error-summary]').isVisible(), false)
    await answerAll(page, {})
    await seeResult(page)
    const r = await result(page)
    assert.ok(r.criteria.includes('t4-young-carer'), 'the good answers in the file were kept')
    assert.ok(r.criteria.includes('t2-not-attending'))
  }))
}

test('390×844: the professional view shows a bad answer from a file in its field, with the error', () => journey(PHONE, async page => {
  await openIn(page, '/checker/professional/', await saved('checker', { attendance_percent: '250', young_carer: 'yes' }))
  const items = await errorSummary(page)
  assert.equal(items.length, 1)
  assert.equal(await page.locator('#q-attendance_percent').inputValue(), '250')
  assert.ok(await page.locator('[data-form-group="attendance_percent"].govuk-form-group--error').count())
  assert.ok(await page.locator('#q-young_carer').isChecked())
}))

for (const size of SIZES) {
  test(`${size.name}: files that are too big, have an unknown key or a 100 KB answer are refused with a clear message`, () => journey(size, async page => {
    await page.goto(server.origin + '/checker/')
    await waitReady(page)
    const cases = [
      // Over 1 MB: refused before it is read, so it is "too big", not "not JSON".
      [{ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, 'x') }, /too big/],
      // A key with a quote once went unescaped into a CSS selector.
      [{ name: 'q.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'focus-family-answers', kind: 'checker', answers: { 'a"]b': 'yes' } })) }, /does not ask: "a\\"\]b"/],
      [{ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'focus-family-answers', kind: 'checker', answers: { attendance_percent: '9'.repeat(100 * 1024) } })) }, /attendance.*too long/],
      [{ name: 'not.json', mimeType: 'application/json', buffer: Buffer.from('{') }, /could not be read/]
    ]
    for (const [file, message] of cases) {
      const start = Date.now()
      await page.locator('#checker-file').setInputFiles(file)
      await settled(page)
      const items = await errorSummary(page)
      assert.equal(items.length, 1)
      assert.match(items[0], message)
      // Seconds at most on a busy test machine, against 22 s for a long
      // answer before; the file is never decoded when it is too big.
      assert.ok(Date.now() - start < 10000, `${file.name}: answered in ${Date.now() - start} ms`)
      assert.equal(await page.locator('[data-step=start]').isVisible(), true, 'nothing moves on')
    }
  }))
}

test('390×844: the longest answer a file may hold shows in a moment and never stretches the page', () => journey(PHONE, async page => {
  // The longest answer a file may hold, unbroken: it is refused by the
  // engine (not a number) and shown in its field, quickly.
  const file = await saved('checker', { attendance_percent: '9'.repeat(200) })
  const start = Date.now()
  await openIn(page, '/checker/', file)
  await errorSummary(page)
  assert.ok(Date.now() - start < 10000, `shown in ${Date.now() - start} ms`)
  const width = await page.locator('#q-attendance_percent').evaluate(el => el.getBoundingClientRect().width)
  assert.ok(width < 390, 'the page does not stretch')
}))

test('390×844: the error summary is never shown empty', () => journey(PHONE, async page => {
  await page.goto(server.origin + '/checker/')
  await waitReady(page)
  // Every time the summary shows, count its entries with words in them.
  await page.evaluate(() => {
    window.__emptySummaries = 0
    const summary = document.querySelector('[data-error-summary]')
    new MutationObserver(() => {
      const items = [...summary.querySelectorAll('li:not([hidden]) a')].filter(a => a.textContent.trim())
      if (!summary.hidden && items.length === 0) window.__emptySummaries++
    }).observe(summary, { attributes: true, subtree: true, childList: true, characterData: true })
  })
  const files = [
    await saved('checker', {}, { answers: ['not', 'a', 'map'] }),
    await saved('checker', { attendance_percent: { attended: 'x', possible: 'y' } }),
    await saved('checker', { attendance_percent: null, send: 42 })
  ]
  for (const file of files) {
    await page.goto(server.origin + '/checker/')
    await waitReady(page)
    await page.evaluate(() => { window.__emptySummaries ??= 0 })
    await page.locator('#checker-file').setInputFiles(file)
    await errorSummary(page)
    assert.equal(await page.evaluate(() => window.__emptySummaries ?? 0), 0)
  }
  // An empty set of answers is not an error: the checker simply starts.
  await page.locator('[data-step=question]:not([hidden]), [data-error-summary]:not([hidden])').first().waitFor()
  await page.goto(server.origin + '/checker/')
  await waitReady(page)
  await page.locator('#checker-file').setInputFiles(await saved('checker', {}))
  await page.locator('[data-step=question]:not([hidden])').waitFor()
  assert.equal(await page.locator('[data-error-summary]').isVisible(), false, 'no summary without an error')
}))

for (const size of SIZES) {
  test(`${size.name}: progress files are bounded and checked like typed figures`, () => journey(size, async page => {
    const file = (data) => saved('progress', data)
    const cases = [
      [{ criteria: ['t2-not-attending'], entry: { attendance_percent: 250 }, terms: [] }, /At entry.*between/],
      [{ criteria: ['t2-not-attending'], entry: {}, terms: Array.from({ length: 13 }, () => ({})) }, /13 terms.*up to/],
      [{ criteria: ['t2-not-attending'], entry: { 'x"]y': 1 }, terms: [] }, /does not ask: "x\\"\]y"/],
      [{ criteria: ['t2-not-attending'], entry: {}, terms: [{ name: 'A'.repeat(100 * 1024) }] }, /too long/]
    ]
    for (const [data, message] of cases) {
      await page.goto(server.origin + '/progress/')
      await page.locator('#progress[data-ready=true]').waitFor()
      await page.locator('#checker-file').setInputFiles(await file(data))
      await page.locator('#progress:not([aria-busy])').waitFor({ state: 'attached' })
      const items = await errorSummary(page)
      assert.match(items.join(' | '), message)
    }
    // The bad figure is in its field, to fix.
    await page.goto(server.origin + '/progress/')
    await page.locator('#progress[data-ready=true]').waitFor()
    await page.locator('#checker-file').setInputFiles(await file(cases[0][0]))
    await page.locator('#progress:not([aria-busy])').waitFor({ state: 'attached' })
    await errorSummary(page)
    assert.equal(await page.locator('#p-entry-attendance_percent').inputValue(), '250')
    await page.locator('[data-error-summary] li:not([hidden]) a').first().click()
    assert.equal(await page.evaluate(() => document.activeElement.id), 'p-entry-attendance_percent', 'the link takes the user to the field')
  }))
}
