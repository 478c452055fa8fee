// The progress check for key workers (/progress/): full journeys in headless
// Chromium through the real WebAssembly engine (rules.Progress), the GOV.UK
// error pattern, saving to and opening from a file, and on every journey
// the privacy checks: only same-origin GETs, no CSP violation or console
// error, no figure in any URL, and nothing in cookies or browser storage.
// The engine's own cases for every measure are in rules/testdata/progress.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'

const SITE = process.env.SITE_DIR || 'public'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let server, browser, tmp
before(async () => {
  server = await startServer(SITE)
  browser = await launch()
  tmp = await mkdtemp(path.join(tmpdir(), 'progress-test-'))
})
after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

// open loads the progress page and waits until the engine has started.
async function open () {
  const { context, page, log } = await openPage(browser)
  const res = await page.goto(server.origin + '/progress/')
  assert.equal(res.status(), 200)
  await page.waitForSelector('#progress[data-ready="true"]')
  return { context, page, log }
}

// The field ids the build gives each measure: p-entry-<measure>, p-term<n>-<measure>.
const field = (period, measure) => `#p-${period === 'entry' ? 'entry' : 'term' + period}-${measure}`

async function fillPeriod (page, period, values) {
  for (const [measure, value] of Object.entries(values)) {
    if (measure === 'name') {
      await page.fill(`#p-term${period}-name`, value)
    } else if (value === 'yes' || value === 'no') {
      await page.check(`${field(period, measure)}${value === 'yes' ? '' : '-no'}`)
    } else if (typeof value === 'object') {
      await page.click(`[data-field="${field(period, measure).slice(1)}"] summary`)
      await page.fill(`${field(period, measure)}-attended`, String(value.attended))
      await page.fill(`${field(period, measure)}-possible`, String(value.possible))
    } else {
      await page.fill(field(period, measure), String(value))
    }
  }
}

async function check (page) {
  await page.click('form[data-progress-form] button[type="submit"]')
  await page.waitForSelector('[data-progress-result]:not([hidden])')
}

// The visible verdict tag in a row of the result.
const tag = (page, row) => page.locator(`${row} [data-met]:visible`)

// privacy checks what every journey must keep: nothing leaves the page.
async function assertPrivate (context, page, log, secrets) {
  assert.deepEqual(problems(log, server.origin), [])
  for (const r of log.requests) {
    const u = new URL(r.url)
    assert.equal(u.search, '', `no query string: ${r.url}`)
    for (const s of secrets) assert.ok(!decodeURIComponent(r.url).includes(s), `"${s}" in a request URL: ${r.url}`)
  }
  assert.equal(page.url(), server.origin + '/progress/', 'the page URL holds no answers')
  assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
}

async function assertAxe (page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  assert.deepEqual(violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`), [], `axe, ${what}`)
}

// A child on a Child Protection Plan at entry: stepped down in term 1, back
// on a plan in term 2, off it again in terms 3 and 4 (term 4 added).
const CP_JOURNEY = {
  entry: { cp_plan: 'yes', looked_after: 'no', safe_home_support: 'no' },
  terms: [
    { name: 'Autumn 2025', cp_plan: 'no', looked_after: 'no', service_reentry: 'no', safe_home_support: 'yes' },
    { name: 'Spring 2026', cp_plan: 'yes', looked_after: 'no', service_reentry: 'no', safe_home_support: 'yes' },
    { name: 'Summer 2026', cp_plan: 'no', looked_after: 'no', service_reentry: 'no', safe_home_support: 'yes' },
    { name: 'Autumn 2026', cp_plan: 'no', looked_after: 'no', service_reentry: 'no', safe_home_support: 'yes' }
  ]
}

async function fillCPJourney (page) {
  await page.check('#p-criterion-t4-cp-plan')
  await fillPeriod(page, 'entry', CP_JOURNEY.entry)
  for (const [i, t] of CP_JOURNEY.terms.entries()) {
    if (i === 3) {
      await page.click('[data-action="add-term"]')
      assert.equal(await page.evaluate(() => document.activeElement.id), 'p-term4-name', 'focus moves to the new term')
    }
    await fillPeriod(page, i + 1, t)
  }
}

async function assertCPResult (page) {
  assert.ok(await page.locator('[data-theme="4"]').isVisible())
  const row = '[data-criterion="t4-cp-plan"] [data-check="sustained"]'
  assert.equal(await tag(page, '[data-criterion="t4-cp-plan"] [data-check="significant"]').innerText(), 'Met')
  assert.equal(await tag(page, row).innerText(), 'Not met yet')
  assert.equal(await tag(page, '[data-theme="4"] [data-theme-check="sustained"]').innerText(), 'Not met yet')
  assert.match(await page.locator(`${row} [data-slot="reason"]`).innerText(),
    /The child is not on a Child Protection Plan in 2 of the 3 consecutive terms needed\./)
  assert.deepEqual(await page.locator(`${row} [data-slot="missing"] li`).allInnerTexts(),
    ['1 more term in a row in which the child is not on a Child Protection Plan'])
  assert.match(await page.locator('[data-progress-result] [data-slot="terms"]').innerText(), /4 termly reviews/)
}

test('Theme 2: attendance of 90% or more for 3 terms in a row meets significant and sustained progress', async () => {
  const { context, page, log } = await open()
  assert.ok(await page.locator('[data-no-measures]').isVisible(), 'no measures before a criterion is chosen')

  await page.check('#p-criterion-t2-not-attending')
  // Only the measures the Theme 2 progress measures read are shown.
  assert.ok(await page.locator(field('entry', 'attendance_percent')).isVisible())
  assert.ok(await page.locator(field(1, 'fixed_term_exclusions')).isVisible())
  assert.equal(await page.locator(field(1, 'cp_plan')).isVisible(), false, 'a Theme 4 measure is not shown')
  assert.equal(await page.locator('[data-period="terms[3]"]').isVisible(), false, 'term 4 waits for "Add another term"')

  await fillPeriod(page, 'entry', { attendance_percent: 88, fixed_term_exclusions: 0, permanently_excluded: 'no' })
  await fillPeriod(page, 1, { name: 'Autumn 2025', attendance_percent: 91, fixed_term_exclusions: 0, permanently_excluded: 'no' })
  await fillPeriod(page, 2, { name: 'Spring 2026', attendance_percent: 92, fixed_term_exclusions: 0, permanently_excluded: 'no' })
  await fillPeriod(page, 3, { name: 'Summer 2026', attendance_percent: { attended: 279, possible: 300 }, fixed_term_exclusions: 0, permanently_excluded: 'no' })
  await check(page)

  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Progress', 'focus moves to the result')
  assert.ok(await page.locator('[data-theme="2"]').isVisible())
  assert.equal(await page.locator('[data-theme]:visible').count(), 1, 'only the theme checked is shown')
  assert.equal(await page.locator('[data-criterion]:visible').count(), 1)
  const c = '[data-criterion="t2-not-attending"]'
  assert.equal(await tag(page, `${c} [data-check="significant"]`).innerText(), 'Met')
  assert.equal(await tag(page, `${c} [data-check="sustained"]`).innerText(), 'Met')
  assert.equal(await tag(page, '[data-theme="2"] [data-theme-check="significant"]').innerText(), 'Met')
  assert.equal(await tag(page, '[data-theme="2"] [data-theme-check="sustained"]').innerText(), 'Met')
  assert.match(await page.locator(`${c} [data-check="significant"] [data-slot="reason"]`).innerText(),
    /Attendance for Summer 2026: 279 of 300 possible sessions \(93%\), which is at least 90%\./)
  assert.match(await page.locator(`${c} [data-check="sustained"] [data-slot="reason"]`).innerText(),
    /Attendance has been at least 90% in each of the last 3 terms\./)
  assert.equal(await page.locator(`${c} [data-slot="missing-block"]:visible`).count(), 0, 'nothing still needed')
  assert.doesNotMatch(await page.title(), /^Error/)

  await assertAxe(page, 'with a result shown')
  await assertPrivate(context, page, log, ['Autumn 2025', 'Spring 2026', 'Summer 2026', 't2-not-attending'])
  await context.close()
})

test('Theme 4: a Child Protection Plan stepped down, then a return to a plan: sustained progress not met, with what is still needed', async () => {
  const { context, page, log } = await open()
  await fillCPJourney(page)
  await check(page)
  await assertCPResult(page)

  // Print: the form and the buttons are left out, the result is kept.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('form[data-progress-form]').isVisible(), false, 'the form is not printed')
  assert.ok(await page.locator('[data-criterion="t4-cp-plan"]').isVisible(), 'the result is printed')
  await page.emulateMedia({ media: 'screen' })

  await assertPrivate(context, page, log, CP_JOURNEY.terms.map(t => t.name).concat('t4-cp-plan'))
  await context.close()
})

test('bad input shows the GOV.UK error pattern and keeps what was typed', async () => {
  const { context, page, log } = await open()

  // Nothing chosen: the criteria are needed.
  await page.click('form[data-progress-form] button[type="submit"]')
  const summary = page.locator('[data-error-summary]')
  await summary.waitFor({ state: 'visible' })
  assert.deepEqual(await summary.locator('li:visible').allInnerTexts(), ['Select the criteria the family entered the programme on'])

  await page.check('#p-criterion-t2-not-attending')
  await fillPeriod(page, 1, { attendance_percent: 91 })
  await fillPeriod(page, 2, { name: 'Spring 2026', attendance_percent: 101 })
  await page.click('form[data-progress-form] button[type="submit"]')
  // The engine answers from its worker: wait for the check to finish.
  await page.locator('#progress:not([aria-busy])').waitFor({ state: 'attached' })

  assert.ok(await summary.isVisible())
  assert.equal(await page.evaluate(() => document.activeElement.matches('[data-error-summary]')), true, 'the error summary has focus')
  assert.match(await page.title(), /^Error: /)
  const items = await summary.locator('li:visible').allInnerTexts()
  assert.deepEqual(items, ['Term 2 (Spring 2026): Attendance must be between 0% and 100%'])
  const group = page.locator('[data-form-group="terms[1].attendance_percent"]')
  assert.match(await group.getAttribute('class'), /govuk-form-group--error/)
  assert.match(await group.locator('.govuk-error-message').innerText(), /^Error:\s*Term 2 \(Spring 2026\): Attendance must be between 0% and 100%$/)
  assert.match(await page.locator(field(2, 'attendance_percent')).getAttribute('class'), /govuk-input--error/)
  assert.equal(await page.inputValue(field(2, 'attendance_percent')), '101', 'the input keeps what was typed')
  assert.equal(await page.inputValue(field(1, 'attendance_percent')), '91', 'other inputs are kept')
  assert.ok(await page.locator('[data-progress-result]').isHidden(), 'no result with an error')

  // The summary's link moves focus to the field, without changing the URL.
  await summary.locator('a:visible').click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'p-term2-attendance_percent')
  await assertAxe(page, 'with an error shown')

  // Corrected: the error goes and a result shows.
  await page.fill(field(2, 'attendance_percent'), '92')
  await check(page)
  assert.ok(await summary.isHidden())
  assert.doesNotMatch(await page.title(), /^Error/)
  assert.equal(await page.locator('.govuk-form-group--error').count(), 0)

  await assertPrivate(context, page, log, ['Spring 2026', 't2-not-attending'])
  await context.close()
})

test('save to a file on this device, and open it again: the figures and the result come back', async () => {
  // Save.
  const first = await open()
  await fillCPJourney(first.page)
  await check(first.page)
  const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.click('[data-action="save"]')])
  assert.match(download.suggestedFilename(), /^focus-family-progress-\d{4}-\d{2}-\d{2}\.json$/)
  const file = path.join(tmp, download.suggestedFilename())
  await download.saveAs(file)
  const saved = JSON.parse(await readFile(file, 'utf8'))
  assert.equal(saved.format, 'focus-family-answers')
  assert.equal(saved.kind, 'progress')
  assert.deepEqual(saved.answers, {
    criteria: ['t4-cp-plan'],
    entry: CP_JOURNEY.entry,
    terms: CP_JOURNEY.terms
  })
  assert.ok(saved.summary.some(line => line.includes('1 more term in a row in which the child is not on a Child Protection Plan')), 'the result is in the file')
  await assertPrivate(first.context, first.page, first.log, CP_JOURNEY.terms.map(t => t.name))
  await first.context.close()

  // Open, in a fresh browser context: the form is filled and the result shown.
  const second = await open()
  const { page } = second
  await page.setInputFiles('#checker-file', file)
  await page.waitForSelector('[data-progress-result]:not([hidden])')
  await assertCPResult(page)
  assert.ok(await page.isChecked('#p-criterion-t4-cp-plan'))
  assert.ok(await page.isChecked(field(2, 'cp_plan')), 'term 2: back on a plan')
  assert.ok(await page.isChecked(field(1, 'cp_plan') + '-no'))
  assert.ok(await page.locator('[data-period="terms[3]"]').isVisible(), 'the fourth term is shown')
  assert.equal(await page.inputValue('#p-term4-name'), 'Autumn 2026')

  // A file that is not a saved progress check is refused, in the error pattern.
  const wrong = path.join(tmp, 'answers.json')
  await writeFile(wrong, JSON.stringify({ format: 'focus-family-answers', kind: 'checker', version: 1, answers: {} }))
  await page.setInputFiles('#checker-file', wrong)
  await page.locator('[data-error-summary]').waitFor({ state: 'visible' })
  assert.match(await page.locator('[data-error-summary] li:visible').innerText(), /not a saved set of answers from this page/)
  assert.match(await page.title(), /^Error: /)
  assert.ok(await page.isChecked('#p-criterion-t4-cp-plan'), 'the form is left as it was')

  await assertPrivate(second.context, page, second.log, CP_JOURNEY.terms.map(t => t.name))
  await second.context.close()
})

test('without JavaScript the page says where to read the measures, and cannot send the form', async () => {
  const { context, page, log } = await openPage(browser, { javaScriptEnabled: false })
  await page.goto(server.origin + '/progress/')
  assert.match(await page.locator('main .govuk-warning-text').first().innerText(), /needs JavaScript/)
  assert.ok(await page.locator('form[data-progress-form] button[type="submit"]').isDisabled(), 'no submit, so no figures can reach a URL')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})
