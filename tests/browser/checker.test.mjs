// The eligibility checker, journey by journey, in real Chromium under the
// production Content-Security-Policy. Every journey also proves that nothing
// left the device: same-origin GETs only, no answer in any URL or in history,
// no cookies and no storage.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'
import { recordHistory, assertHistoryHoldsNoAnswer } from './lib/history.mjs'
import { startChecker, answerAll, fill, seeResult, result, visibleStep, currentQuestion, waitReady, settled } from './lib/checker.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function axe (page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  assert.deepEqual(violations.map(v => `${where}: ${v.id} ${v.nodes.map(n => n.target).join(' ')}`), [])
}

// journey opens a fresh browser context, runs fn, then checks privacy.
async function journey (fn, { allowDownload = false } = {}) {
  const { context, page, log } = await openPage(browser)
  await recordHistory(context)
  try {
    await fn(page, log)
    assert.deepEqual(problems(log, server.origin), [])
    for (const r of log.requests) {
      const u = new URL(r.url)
      assert.equal(u.search, '', `no query string in ${r.url}`)
      assert.equal(u.hash, '', `no fragment in ${r.url}`)
    }
    assert.equal(new URL(page.url()).pathname.startsWith('/checker/'), true)
    assert.equal(new URL(page.url()).search + new URL(page.url()).hash, '', 'the address bar holds no answer')
    await assertHistoryHoldsNoAnswer(page)
    const stored = await storageState(context, page)
    assert.deepEqual(stored, { cookies: 0, local: 0, session: 0, idb: 0 }, allowDownload ? 'saving a file stores nothing in the browser' : 'nothing stored')
  } finally {
    await context.close()
  }
}

test('attendance only: one theme, so unlikely, with the reason in words', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: '85' })
  await seeResult(page)
  const r = await result(page)
  assert.equal(r.verdict, 'unlikely')
  assert.deepEqual(r.criteria, ['t2-not-attending'])
  assert.match(await r.reason('t2-not-attending'), /85%, which is below 90%/)
  assert.match(r.verdictReason, /1 theme/)
  assert.ok(r.pathways.includes('attendance-team'))
  assert.ok(r.services.includes('ace-team'))
  assert.match(await page.title(), /^Your result – /)
  assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex')
}))

test('a Child Protection Plan plus one other criterion: likely', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { social_care: 'child_protection', attendance_percent: '80' })
  await seeResult(page)
  const r = await result(page)
  assert.equal(r.verdict, 'likely')
  assert.ok(r.criteria.includes('t4-cp-plan') && r.criteria.includes('t2-not-attending'), r.criteria.join())
  assert.ok(r.pathways.includes('social-care'))
  assert.match(r.verdictReason, /Child Protection Plan/)
}))

test('a young carer whose attendance is low: two themes, likely', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { young_carer: 'yes', attendance_percent: '88' })
  await seeResult(page)
  const r = await result(page)
  assert.equal(r.verdict, 'likely')
  assert.ok(r.criteria.includes('t4-young-carer'))
  assert.ok(r.services.includes('young-carers'), r.services.join())
  assert.match(await page.locator('[data-criterion="t4-young-carer"]').textContent(), /Significant progress/)
}))

test('medical needs: 14 days is below the 15-day point, 15 days reaches it', async () => {
  for (const [days, expected] of [['14', false], ['15', true], ['16', true]]) {
    await journey(async page => {
      await startChecker(page, server.origin)
      const asked = await answerAll(page, { health_absence: 'yes', medical_days_missed: days })
      assert.ok(asked.includes('medical_days_missed'), 'the days question is asked after a yes')
      await seeResult(page)
      const r = await result(page)
      assert.equal(r.pathways.includes('medical-needs'), expected, `${days} days`)
      if (expected) assert.match(await r.reason('medical-needs'), new RegExp(`${days} `))
    })
  }
})

test('a skipped question is not asked: no ill health, no days question', () => journey(async page => {
  await startChecker(page, server.origin)
  const asked = await answerAll(page, { health_absence: 'no' })
  assert.ok(!asked.includes('medical_days_missed'))
}))

test('attendance unknown: the result says how to find it out', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: 'unknown', young_carer: 'yes' })
  await seeResult(page)
  const r = await result(page)
  assert.ok(r.unknowns.includes('attendance_percent'))
  const item = page.locator('[data-unknown="attendance_percent"]')
  assert.match(await item.innerText(), /Ask the school/)
  assert.ok(await item.locator('[data-could-change]').isVisible(), 'an unknown that could change the verdict says so')
  assert.notEqual(r.verdict, 'unlikely')
}))

test('attendance given as sessions attended out of possible', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: { attended: 150, possible: 200 } })
  await seeResult(page)
  const r = await result(page)
  assert.ok(r.criteria.includes('t2-not-attending'))
  assert.match(await r.reason('t2-not-attending'), /75%/)
}))

test('Change from Check your answers keeps the later answers', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: '85', young_carer: 'yes' })
  await page.locator('[data-step=check] [data-change="attendance_percent"]').click()
  assert.equal(await currentQuestion(page), 'attendance_percent')
  assert.equal(await page.locator('#q-attendance_percent').inputValue(), '85', 'the old answer is shown')
  await fill(page.locator('form[data-question="attendance_percent"]'), 'attendance_percent', '95')
  await page.locator('form[data-question="attendance_percent"] button[type=submit]').click()
  await settled(page)
  assert.equal(await visibleStep(page).getAttribute('data-step'), 'check', 'straight back to Check your answers')
  assert.match(await page.locator('[data-step=check] [data-answer-row="attendance_percent"]').innerText(), /95%/)
  assert.match(await page.locator('[data-step=check] [data-answer-row="young_carer"]').innerText(), /Yes/, 'later answers kept')
  await seeResult(page)
  const r = await result(page)
  assert.ok(!r.criteria.includes('t2-not-attending'))
  assert.ok(r.criteria.includes('t4-young-carer'))
}))

test('changing an answer can bring in a question that was skipped', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { health_absence: 'no' })
  await page.locator('[data-step=check] [data-change="health_absence"]').click()
  await fill(page.locator('form[data-question="health_absence"]'), 'health_absence', 'yes')
  await page.locator('form[data-question="health_absence"] button[type=submit]').click()
  await settled(page)
  assert.equal(await currentQuestion(page), 'medical_days_missed')
}))

test('Back returns to the previous question with its answer kept', () => journey(async page => {
  await startChecker(page, server.origin)
  const first = page.locator('form[data-question="attendance_percent"]')
  await fill(first, 'attendance_percent', '85')
  await first.locator('button[type=submit]').click()
  await settled(page)
  const second = await currentQuestion(page)
  assert.notEqual(second, 'attendance_percent')
  await page.locator(`form[data-question="${second}"] [data-action=back]`).click()
  await settled(page)
  assert.equal(await currentQuestion(page), 'attendance_percent')
  assert.equal(await page.locator('#q-attendance_percent').inputValue(), '85')
  await page.locator(`form[data-question="attendance_percent"] [data-action=back]`).click()
  await settled(page)
  assert.equal(await visibleStep(page).getAttribute('data-step'), 'start', 'back from the first question is the start')
}))

test('Start again clears every answer', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: '60' })
  await seeResult(page)
  await page.locator('[data-action=restart]').click()
  await settled(page)
  assert.equal(await visibleStep(page).getAttribute('data-step'), 'start')
  await page.locator('[data-action=start]').click()
  await settled(page)
  assert.equal(await page.locator('#q-attendance_percent').inputValue(), '', 'no old answer is shown')
  await answerAll(page)
  await seeResult(page)
  assert.deepEqual((await result(page)).criteria, [])
}))

test('bad input gets the GOV.UK error pattern, and the input is kept', () => journey(async page => {
  await startChecker(page, server.origin)
  const form = page.locator('form[data-question="attendance_percent"]')
  const cases = [
    ['', /attendance/i],
    ['eighty', /as a number/],
    ['150', /between 0% and 100%/],
    ['-5', /between/]
  ]
  for (const [typed, message] of cases) {
    await form.locator('#q-attendance_percent').fill(typed)
    await form.locator('button[type=submit]').click()
    await settled(page)
    const summary = page.locator('[data-error-summary]')
    assert.ok(await summary.isVisible(), `error summary for "${typed}"`)
    assert.match(await summary.innerText(), message)
    assert.equal(await page.evaluate(() => document.activeElement.hasAttribute('data-error-summary')), true, 'the summary takes focus')
    assert.match(await page.title(), /^Error: /)
    assert.match(await form.locator('.govuk-error-message').innerText(), message)
    assert.ok(await form.locator('.govuk-form-group--error').count())
    assert.equal(await form.locator('#q-attendance_percent').inputValue(), typed, 'what the user typed is kept')
    assert.equal(await currentQuestion(page), 'attendance_percent', 'the page does not move on')
  }
  await summaryLinkFocusesField(page, '#q-attendance_percent')
  await form.locator('summary').click()
  await form.locator('#q-attendance_percent').fill('')
  await form.locator('#q-attendance_percent-attended').fill('300')
  await form.locator('#q-attendance_percent-possible').fill('200')
  await form.locator('button[type=submit]').click()
  await settled(page)
  assert.match(await page.locator('[data-error-summary]').innerText(), /sessions/)
  await form.locator('#q-attendance_percent-attended').fill('')
  await form.locator('#q-attendance_percent-possible').fill('')
  await form.locator('#q-attendance_percent').fill('90')
  await form.locator('button[type=submit]').click()
  await settled(page)
  assert.equal(await page.locator('[data-error-summary]').isVisible(), false, 'the error clears once the answer is good')
  assert.doesNotMatch(await page.title(), /^Error/)

  const radios = page.locator(`form[data-question="${await currentQuestion(page)}"]`)
  await radios.locator('button[type=submit]').click()
  await settled(page)
  assert.match(await page.locator('[data-error-summary]').innerText(), /\w/, 'a missing choice is an error')
  await axe(page, 'question with an error')

  const counted = await answerAll(page, {}).catch(() => null)
  assert.ok(counted, 'the journey can go on after errors')
  const count = page.locator('[data-step=check] [data-change="fixed_term_exclusions"]')
  await count.click()
  await settled(page)
  const exclusions = page.locator('form[data-question="fixed_term_exclusions"]')
  await exclusions.locator('#q-fixed_term_exclusions').fill('1.5')
  await exclusions.locator('button[type=submit]').click()
  await settled(page)
  assert.match(await page.locator('[data-error-summary]').innerText(), /whole number/)
}))

async function summaryLinkFocusesField (page, selector) {
  await page.locator('[data-error-summary] a:visible').first().click()
  assert.equal(await page.evaluate(sel => document.activeElement === document.querySelector(sel), selector), true, 'the summary link moves focus to the field')
}

test('save on this device, then open the saved file', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: '70', young_carer: 'yes' })
  await seeResult(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=save]').click()])
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'))
  assert.equal(saved.format, 'focus-family-answers')
  assert.equal(saved.answers.attendance_percent, '70')
  assert.ok(saved.summary.some(line => /likely to qualify/.test(line)), 'a readable summary is in the file')

  await page.locator('[data-action=restart]').click()
  await settled(page)
  await page.locator('#checker-file').setInputFiles(await download.path())
  // The file is read asynchronously, then the checker moves to Check your answers.
  await page.locator('[data-step=check]:not([hidden])').waitFor()
  assert.match(await page.locator('[data-step=check] [data-answer-row="attendance_percent"]').innerText(), /70%/)
  await seeResult(page)
  assert.equal((await result(page)).verdict, 'likely')

  await page.locator('[data-action=restart]').click()
  await settled(page)
  await page.locator('#checker-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') })
  await page.locator('[data-error-summary]:not([hidden])').waitFor()
  assert.match(await page.locator('[data-error-summary]').innerText(), /could not be read/)
  assert.match(await page.title(), /^Error: /)
}, { allowDownload: true }))

test('keyboard only: a whole journey without a mouse', () => journey(async page => {
  await page.goto(server.origin + '/checker/')
  await waitReady(page)
  await page.locator('[data-action=start]').focus()
  await page.keyboard.press('Enter')
  await settled(page)
  for (let id = await currentQuestion(page); id; id = await currentQuestion(page)) {
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the question')
    const form = page.locator(`form[data-question="${id}"]`)
    await page.keyboard.press('Tab')
    const field = await page.evaluate(() => document.activeElement.type || document.activeElement.tagName)
    if (field === 'text') {
      await page.keyboard.type(id === 'attendance_percent' ? '82' : '0')
    } else if (field === 'radio') {
      const value = await page.evaluate(() => document.activeElement.value)
      if (!['no', 'none', 'school'].includes(value)) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Space')
    }
    await form.locator('button[type=submit]').focus()
    await page.keyboard.press('Enter')
    await settled(page)
    if (await page.locator('[data-error-summary]').isVisible()) {
      // A radio group where the first option is the "yes": choose another with the arrows.
      await form.locator('input[type=radio]').first().focus()
      await page.keyboard.press('ArrowDown')
      await form.locator('button[type=submit]').focus()
      await page.keyboard.press('Enter')
      await settled(page)
    }
  }
  assert.equal(await visibleStep(page).getAttribute('data-step'), 'check')
  await page.locator('[data-action=evaluate]').focus()
  await page.keyboard.press('Enter')
  await settled(page)
  assert.equal(await visibleStep(page).getAttribute('data-step'), 'result')
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Your result')
  assert.ok((await result(page)).criteria.includes('t2-not-attending'))
}))

test('accessibility: start, Check your answers and results have no WCAG 2.2 AA failures', () => journey(async page => {
  await page.goto(server.origin + '/checker/')
  await waitReady(page)
  await axe(page, 'start')
  await page.locator('[data-action=start]').click()
  await settled(page)
  await answerAll(page, { attendance_percent: 'unknown', social_care: 'child_protection', health_absence: 'yes', medical_days_missed: '20' })
  await axe(page, 'check your answers')
  await seeResult(page)
  await axe(page, 'results')
}))

test('the professional view: all questions on one page, same result', () => journey(async page => {
  await page.goto(server.origin + '/checker/professional/')
  await waitReady(page)
  const form = page.locator('form[data-step=form]')
  assert.ok(await form.locator('[data-question="attendance_percent"]').isVisible())
  await fill(form, 'health_absence', 'no')
  await settled(page)
  assert.equal(await form.locator('[data-question="medical_days_missed"]').isVisible(), false, 'a question that does not apply is hidden')
  await fill(form, 'health_absence', 'yes')
  await settled(page)
  assert.ok(await form.locator('[data-question="medical_days_missed"]').isVisible(), 'and shown again when it does')
  await fill(form, 'health_absence', 'no')
  await settled(page)
  await form.locator('button[type=submit]').click()
  await settled(page)
  assert.ok((await page.locator('[data-error-summary] li:not([hidden])').count()) > 5, 'every missing answer is listed')
  await axe(page, 'professional view with errors')
  for (const id of await form.locator('[data-question]').evaluateAll(els => els.map(e => e.dataset.question))) {
    // Answers can hide later questions, so look again before each one.
    if (!await form.locator(`[data-question="${id}"]`).isVisible()) continue
    const group = form.locator(`[data-form-group="${id}"]`)
    if (id === 'attendance_percent') await fill(form, id, '85')
    else if (id === 'social_care') await fill(form, id, 'child_protection')
    else if (await group.locator('input[type=text]').count()) await fill(form, id, '0')
    else {
      for (const v of ['no', 'none', 'school']) {
        if (await group.locator(`input[value="${v}"]`).count()) { await fill(form, id, v); break }
      }
    }
    await settled(page)
  }
  await form.locator('button[type=submit]').click()
  await settled(page)
  assert.equal(await page.locator('[data-error-summary]').isVisible(), false)
  const r = await result(page)
  assert.equal(r.verdict, 'likely')
  assert.ok(r.criteria.includes('t4-cp-plan'))
  await axe(page, 'professional view with a result')
}))

test('without JavaScript the checker points to the printable criteria', async () => {
  const { context, page, log } = await openPage(browser, { javaScriptEnabled: false })
  await page.goto(server.origin + '/checker/')
  assert.ok(await page.getByText(/needs JavaScript/).isVisible())
  const link = page.getByRole('link', { name: /criteria you can print/i })
  await link.click()
  assert.match(await page.locator('h1').innerText(), /criteria/i)
  assert.ok(await page.locator('#t2-not-attending').count(), 'the criteria come from the rules data')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

test('if the WebAssembly cannot load, the checker says so and links to the criteria', async () => {
  const { context, page, log } = await openPage(browser)
  await page.route('**/*.wasm', route => route.abort())
  await page.goto(server.origin + '/checker/')
  const failed = page.locator('[data-load-failed]')
  await failed.waitFor({ state: 'visible' })
  assert.match(await failed.innerText(), /could not start/)
  assert.ok(await page.locator('[data-action=start]').isDisabled(), 'start stays disabled')
  assert.deepEqual(problems(log, server.origin).filter(p => /CSP|another origin|non-GET/.test(p)), [])
  await context.close()
})

test('the WebAssembly is loaded only by the pages that need it', async () => {
  const { context, page, log } = await openPage(browser)
  for (const path of ['/', '/themes/', '/pathways/']) await page.goto(server.origin + path, { waitUntil: 'networkidle' })
  assert.deepEqual(log.requests.filter(r => /\.wasm|wasm_exec|rules\./.test(r.url)), [])
  await page.goto(server.origin + '/checker/')
  await waitReady(page)
  assert.ok(log.requests.some(r => /\/assets\/checker\.[0-9a-f]+\.wasm$/.test(r.url)), 'the checker fetches its fingerprinted module')
  await context.close()
})

test('Exit this page is on the checker and leaves for the neutral site', async () => {
  const { context, page } = await openPage(browser)
  await page.goto(server.origin + '/checker/')
  const exit = page.locator('.govuk-exit-this-page__button')
  assert.ok(await exit.isVisible())
  assert.match(await exit.getAttribute('href'), /^https:\/\//)
  assert.ok(await page.getByRole('link', { name: /use this site more safely/i }).isVisible())
  // Shift three times leaves too. The harness aborts the request, so nothing leaves this machine.
  const exitOrigin = new URL(await exit.getAttribute('href')).origin
  const leaving = page.waitForRequest(r => r.url().startsWith(exitOrigin))
  await page.locator('body').click()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
  assert.ok(await leaving)
  await context.close()
})
