// The checker as a family takes it on a phone, at 390×844 and at 200% zoom
// (a 195×422 CSS-pixel viewport drawn at device scale 2): Back and reload,
// the fold, the result in the order a family needs it, print and the
// meeting sheet, attendance in sessions, and a stalled WebAssembly. Every
// journey ends with the privacy checks (lib/journey.mjs).
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch } from './lib/harness.mjs'
import { SIZES, PHONE, ZOOM } from './lib/sizes.mjs'
import { phoneJourney, errorSummary } from './lib/journey.mjs'
import { startChecker, answerAll, fill, seeResult, result, visibleStep, currentQuestion, waitReady, settled } from './lib/checker.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const journey = (size, fn, opts) => phoneJourney(browser, server.origin, size, fn, opts)
const form = (page, id) => page.locator(`form[data-question="${id}"]`)

async function answer (page, id, value) {
  await fill(form(page, id), id, value)
  await form(page, id).locator('button[type=submit]').click()
  await settled(page)
}

// counted waits for a question step to be counted and scrolled into place.
const counted = (page, id) => page.locator(`form[data-question="${id}"] [data-slot=count]:not([hidden])`).waitFor()

async function axe (page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  assert.deepEqual(violations.map(v => `${where}: ${v.id} ${v.nodes.map(n => n.target).join(' ')}`), [])
}

const top = (page, selector) => page.locator(selector).first().evaluate(el => el.getBoundingClientRect().top + window.scrollY)

for (const size of SIZES) {
  test(`${size.name}: Back goes back one question with the answers kept; a final Back leaves the checker`, () => journey(size, async page => {
    await page.goto(server.origin + '/')
    await page.goto(server.origin + '/checker/')
    await waitReady(page)
    assert.match(await page.locator('[data-step=start]').innerText(), /disappear when you close or reload/, 'one line says answers are not kept')
    const before = await page.evaluate(() => history.length)
    await page.locator('[data-action=start]').click()
    await answer(page, 'attendance_percent', '85')
    const second = await currentQuestion(page)
    const secondValue = await form(page, second).locator('input[type=radio]').first().getAttribute('value')
    await answer(page, second, secondValue)
    const third = await currentQuestion(page)
    // Start, then two answers: three entries, all for the same address.
    assert.equal(await page.evaluate(() => history.length), before + 3, 'one history entry a step')
    assert.deepEqual(await page.evaluate(() => history.state), { step: 3 })

    await page.goBack()
    await settled(page)
    assert.equal(await currentQuestion(page), second, 'Back shows the previous question')
    assert.ok(await form(page, second).locator(`input[value="${secondValue}"]`).isChecked(), 'its answer is kept')
    await page.goBack()
    await settled(page)
    assert.equal(await currentQuestion(page), 'attendance_percent')
    assert.equal(await page.locator('#q-attendance_percent').inputValue(), '85')
    await page.goForward()
    await settled(page)
    assert.equal(await currentQuestion(page), second, 'Forward works too')
    await answer(page, second, secondValue)
    assert.equal(await currentQuestion(page), third, 'and the journey carries on')
    assert.equal(new URL(page.url()).pathname, '/checker/', 'the address never changes')

    await form(page, third).locator('[data-action=back]').click()
    await page.waitForFunction(id => !document.querySelector(`form[data-question="${id}"]`).hidden, second)
    for (let i = 0; i < 2; i++) { await page.goBack(); await settled(page) }
    assert.equal(await visibleStep(page).getAttribute('data-step'), 'start')
    await page.goBack()
    assert.equal(new URL(page.url()).pathname, '/', 'a final Back leaves the checker')
  }))

  test(`${size.name}: a reload forgets the answers and starts again`, () => journey(size, async page => {
    await startChecker(page, server.origin)
    await answer(page, 'attendance_percent', '70')
    await page.reload()
    await waitReady(page)
    assert.equal(await visibleStep(page).getAttribute('data-step'), 'start')
    assert.equal(await page.evaluate(() => history.state), null)
    await page.locator('[data-action=start]').click()
    assert.equal(await page.locator('#q-attendance_percent').inputValue(), '', 'nothing was kept')
  }))
}

test('390×844: every question with up to 5 options shows Continue without scrolling, with its number', () => journey(PHONE, async page => {
  await startChecker(page, server.origin)
  let last = 0
  let checked = 0
  for (let id = await currentQuestion(page); id; id = await currentQuestion(page)) {
    const f = form(page, id)
    await counted(page, id)
    const count = await f.locator('[data-slot=count]').innerText()
    const m = count.match(/^Question (\d+) of about (\d+)$/)
    assert.ok(m, `progress shown on ${id}: "${count}"`)
    assert.equal(Number(m[1]), last + 1, `${id} is the next question`)
    last = Number(m[1])
    if (await f.locator('input[type=radio]').count() <= 5) {
      const bottom = await f.locator('button[type=submit]').evaluate(b => b.getBoundingClientRect().bottom)
      assert.equal(await page.evaluate(() => window.scrollY), 0, `${id}: the page starts at the top`)
      assert.ok(bottom <= 844, `${id}: Continue ends at ${bottom} px, within the 844 px screen`)
      checked++
    }
    assert.ok(await top(page, `form[data-question="${id}"] h1`) < 330, `${id}: the header, banner and exit link are compact`)
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus is on the question')
    const value = id === 'attendance_percent' ? '97' : (await f.locator('input[type=text]').count()) ? '0' : await f.locator('input[type=radio]').last().getAttribute('value')
    await answer(page, id, value === 'unknown' ? await f.locator('input[type=radio]').first().getAttribute('value') : value)
  }
  assert.ok(checked > 10, `${checked} questions checked`)
  // The header keeps everything on the other steps.
  assert.ok(await page.locator('.app-header-search').isVisible(), 'the search box is back after the questions')
}))

test('200% zoom: each question step scrolls to the question', () => journey(ZOOM, async page => {
  await startChecker(page, server.origin)
  for (let i = 0; i < 4; i++) {
    const id = await currentQuestion(page)
    await counted(page, id)
    const where = await page.locator(`form[data-question="${id}"] [data-slot=count]`).evaluate(el => ({ top: el.getBoundingClientRect().top, scrolled: window.scrollY, h: window.innerHeight }))
    assert.ok(where.scrolled > 0, `${id}: the page scrolled past the header`)
    assert.ok(where.top >= 0 && where.top < where.h / 3, `${id}: the question is at the top of the screen (${where.top} px)`)
    assert.ok(await page.locator('.govuk-exit-this-page__button').isVisible(), 'Exit this page stays on screen')
    if (i === 0) await axe(page, 'a question with its number, compact')
    const f = form(page, id)
    await answer(page, id, id === 'attendance_percent' ? '85' : (await f.locator('input[type=text]').count()) ? '0' : await f.locator('input[type=radio]').first().getAttribute('value'))
  }
}))

for (const size of SIZES) {
  test(`${size.name}: the result puts the verdict, next steps and first contacts first`, () => journey(size, async (page, context, log) => {
    await startChecker(page, server.origin)
    await answerAll(page, { attendance_percent: '85', young_carer: 'yes' })
    await seeResult(page)
    const r = '[data-step=result]'
    const order = [
      await top(page, `${r} [data-verdict]:not([hidden])`),
      await top(page, `${r} [data-result-section=contacts]`),
      await top(page, `${r} [data-result-section=pathways]`),
      await top(page, `${r} [data-result-section=themes]`)
    ]
    assert.deepEqual([...order].sort((a, b) => a - b), order, `verdict, contacts, pathways, then why: ${order}`)
    const contacts = page.locator(`${r} [data-contact]:visible`)
    assert.ok(await contacts.count() >= 2 && await contacts.count() <= 3, 'two or three contacts first')
    const tel = contacts.first().locator('a[href^="tel:"]')
    assert.match(await tel.getAttribute('href'), /^tel:\+?\d+$/)
    assert.match(await contacts.first().locator('a[href^="mailto:"]').getAttribute('href'), /^mailto:[^@\s]+@[^@\s]+$/)
    const firstContact = await top(page, `${r} [data-contact]:not([hidden]) a[href^="tel:"]`)
    const screen = await page.evaluate(() => window.innerHeight)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    test.diagnostic?.(`first contact at ${firstContact} px of ${height} px (${size.name})`)
    console.log(`# ${size.name}: first contact at ${Math.round(firstContact)} px, page ${height} px, screen ${screen} px`)
    // On the phone: within the first two screens. At 200% zoom a screen
    // holds half as much, and the header, verdict and next steps wrap to
    // twice the lines: within the first five.
    const screens = size === PHONE ? 2 : 5
    assert.ok(firstContact <= screens * screen, `the first contact (${firstContact} px) is within the first ${screens} screens (${screens * screen} px)`)
    for (const d of await page.locator(`${r} [data-theme]:not([hidden])`).all()) {
      assert.equal(await d.evaluate(el => el.tagName + (el.open ? ' open' : '')), 'DETAILS', 'each theme\'s reasons are folded')
    }
    assert.equal(await page.locator(`${r} [data-result-section=other-help]`).isVisible(), false, 'no "other help" block for a likely family')
  }))
}

// evaluations counts the evaluations the page asks its engine's worker for.
const countEvaluations = () => {
  window.__evaluations = 0
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (m, ...rest) {
    if (m?.method === 'evaluate') window.__evaluations++
    return post.call(this, m, ...rest)
  }
}
const evaluations = page => page.evaluate(() => window.__evaluations)

// headingsInTree lists the headings in Chromium's own accessibility tree
// (what a screen reader reads), not the DOM.
async function headingsInTree (page, context) {
  const cdp = await context.newCDPSession(page)
  const { nodes } = await cdp.send('Accessibility.getFullAXTree')
  await cdp.detach()
  return nodes.filter(n => !n.ignored && n.role?.value === 'heading').map(n => n.name?.value)
}

test('390×844: the result is worked out on Check your answers, shown at once with focus on its heading, and read out whole', () => journey(PHONE, async (page, context) => {
  await page.addInitScript(countEvaluations)
  await startChecker(page, server.origin)
  await answerAll(page, { attendance_percent: '85' })
  await page.waitForFunction(() => window.__evaluations === 1)
  await hiddenResultReads(page, 'unlikely')
  await seeResult(page)
  assert.equal(await evaluations(page), 1, '"See your result" waits for no second evaluation')
  assert.equal((await result(page)).verdict, 'unlikely')
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('[data-step=result] h1')), true, 'focus is on the result heading')
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the result starts at the top')
  const headings = await headingsInTree(page, context)
  const r = page.locator('[data-step=result]')
  const expected = [r.locator('h1'), r.locator('[data-verdict]:not([hidden]) h2'), r.locator('[data-result-section=pathways] > h2'), r.locator('[data-result-section=services] > h2'), r.locator(':scope > h2').last()]
  for (const h of expected) {
    const name = (await h.textContent()).trim()
    assert.ok(headings.includes(name), `"${name}" is in the accessibility tree (${headings.join(' | ')})`)
  }

  // Changed answers are worked out again: the result is never an old one.
  await page.goBack()
  await settled(page)
  await page.locator('[data-step=check] [data-change=young_carer]').click()
  await settled(page)
  await answerAll(page, { attendance_percent: '85', young_carer: 'yes' })
  await page.waitForFunction(() => window.__evaluations === 2)
  await hiddenResultReads(page, 'likely')
  await seeResult(page)
  assert.equal(await evaluations(page), 2)
  assert.equal((await result(page)).verdict, 'likely')
  assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('[data-step=result] h1')), true)
}))

// hiddenResultReads waits until the result step, still hidden behind Check
// your answers, has the verdict written in: the click only reveals it.
async function hiddenResultReads (page, verdict) {
  await page.waitForFunction(v => {
    const r = document.querySelector('[data-step=result]')
    return r.hidden && r.querySelector(`[data-verdict="${v}"]:not([hidden])`) !== null && r.querySelector('[data-slot=verdict-reason]').textContent !== ''
  }, verdict, { timeout: 5000 })
}

for (const size of SIZES) {
  test(`${size.name}: "unlikely" is said gently, with the other help there is`, () => journey(size, async page => {
    await startChecker(page, server.origin)
    await answerAll(page, { attendance_percent: '85' })
    await seeResult(page)
    assert.equal((await result(page)).verdict, 'unlikely')
    const other = page.locator('[data-step=result] [data-result-section=other-help]')
    assert.ok(await other.isVisible())
    assert.match(await other.innerText(), /Early Help/)
    assert.ok(await top(page, '[data-step=result] [data-result-section=other-help]') < await top(page, '[data-step=result] [data-result-section=pathways]'), 'before the pathways')
  }))
}

for (const size of SIZES) {
  test(`${size.name}: printing shows the answers, uses the full width and prints contacts as text`, () => journey(size, async page => {
    await startChecker(page, server.origin)
    await answerAll(page, { attendance_percent: '85', young_carer: 'yes' })
    await seeResult(page)
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    await page.emulateMedia({ media: 'print' })
    const r = page.locator('[data-step=result]')
    assert.ok(await r.locator('[data-answer-row="attendance_percent"]').isVisible(), 'the answers given are printed')
    assert.equal(await r.locator('[data-answer-row="attendance_percent"] [data-change]').isVisible(), false, 'without Change links')
    const widths = await page.evaluate(() => ({ column: document.querySelector('#checker').getBoundingClientRect().width, main: document.querySelector('main').getBoundingClientRect().width }))
    assert.ok(widths.column >= widths.main - 1, `the result uses the full width (${widths.column} of ${widths.main} px)`)
    const after = sel => r.locator(sel).first().evaluate(a => getComputedStyle(a, '::after').content)
    assert.equal(await after('[data-contact]:not([hidden]) a[href^="tel:"]'), 'none', 'a phone number prints as itself')
    assert.equal(await after('[data-contact]:not([hidden]) a[href^="mailto:"]'), 'none', 'an email address prints as itself')
    assert.match(await after('[data-service]:not([hidden]) a[data-print-url]'), /https:\/\/.+\/services\//, 'a link to a page prints its full address')
    assert.ok(await r.locator('[data-theme]:not([hidden]) [data-slot=reason]').first().isVisible(), 'folded reasons print open')
    assert.equal(await page.locator('.govuk-exit-this-page').isVisible(), false)
    await page.emulateMedia({ media: 'screen' })
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    assert.equal(await r.locator('[data-theme]:not([hidden])').first().evaluate(d => d.open), false, 'folded again after printing')
  }))
}

for (const size of SIZES) {
  test(`${size.name}: the meeting sheet, printed and saved, opens in the professional view`, () => journey(size, async (page, context) => {
    await startChecker(page, server.origin)
    await answerAll(page, { attendance_percent: '85', young_carer: 'yes' })
    await seeResult(page)
    await page.locator('[data-action=meeting]').click()
    await settled(page)
    const sheet = page.locator('[data-step=meeting]')
    await sheet.waitFor({ state: 'visible' })
    assert.match(await sheet.locator('[data-sheet=answers]').innerText(), /attendance.*85%/i)
    assert.match(await sheet.locator('[data-sheet=criteria]').innerText(), /85%, which is below 90%/)
    assert.match(await sheet.locator('[data-sheet=pathways]').innerText(), /\w/)
    assert.match(await sheet.innerText(), /Signature/)
    await axe(page, 'meeting sheet')
    await page.emulateMedia({ media: 'print' })
    assert.ok(await sheet.locator('h1').isVisible(), 'the sheet prints')
    assert.equal(await sheet.locator('[data-action=print-sheet]').isVisible(), false, 'without its buttons')
    assert.equal(await page.locator('[data-step=result]').isVisible(), false, 'and without the result page')
    await page.emulateMedia({ media: 'screen' })

    const [download] = await Promise.all([page.waitForEvent('download'), sheet.locator('[data-action=save-sheet]').click()])
    const saved = JSON.parse(await readFile(await download.path(), 'utf8'))
    assert.equal(saved.answers.attendance_percent, '85')
    assert.equal(saved.answers.young_carer, 'yes')
    const lines = saved.meetingSheet.join('\n')
    assert.match(lines, /85%, which is below 90%/, 'the criteria met and why')
    assert.match(lines, /Agreement to share/, 'the consent section')
    assert.doesNotMatch(lines, /Print this sheet/, 'no buttons in the file')

    await page.goBack()
    await settled(page)
    assert.equal(await visibleStep(page).getAttribute('data-step'), 'result', 'Back from the sheet is the result')

    await page.goto(server.origin + '/checker/professional/')
    await waitReady(page)
    await page.locator('#checker-file').setInputFiles(await download.path())
    await page.waitForFunction(() => document.querySelector('#q-attendance_percent').value === '85')
    assert.ok(await page.locator('#q-young_carer').isChecked(), 'the professional view has the family\'s answers')
    assert.equal(await page.locator('[data-error-summary]').isVisible(), false)
  }))
}

for (const size of SIZES) {
  test(`${size.name}: attendance as "306/360" or "306 out of 360"; both a percentage and sessions is an error`, () => journey(size, async page => {
    await startChecker(page, server.origin)
    const f = form(page, 'attendance_percent')
    await f.locator('#q-attendance_percent').fill('90')
    await f.locator('summary').click()
    await f.locator('#q-attendance_percent-attended').fill('300')
    await f.locator('#q-attendance_percent-possible').fill('360')
    await f.locator('button[type=submit]').click()
    await settled(page)
    const [message] = await errorSummary(page)
    assert.match(message, /both a percentage and a number of sessions/)
    assert.equal(await currentQuestion(page), 'attendance_percent', 'neither is used silently')
    assert.equal(await f.locator('#q-attendance_percent').inputValue(), '90', 'nothing typed is lost')
    for (const typed of ['306/360', '306 out of 360']) {
      await f.locator('#q-attendance_percent-attended').fill('')
      await f.locator('#q-attendance_percent-possible').fill('')
      await f.locator('#q-attendance_percent').fill(typed)
      await f.locator('button[type=submit]').click()
      await settled(page)
      assert.equal(await page.locator('[data-error-summary]').isVisible(), false, `"${typed}" is accepted`)
      assert.notEqual(await currentQuestion(page), 'attendance_percent')
      await page.goBack()
      await settled(page)
    }
    await f.locator('button[type=submit]').click()
    await settled(page)
    await answerAll(page)
    await seeResult(page)
    assert.match(await (await result(page)).reason('t2-not-attending'), /85%/, '306 of 360 sessions is 85%')
  }))
}

// These three wait seconds on a timer in the page, doing nothing else, so
// they wait side by side.
describe('a download that never arrives', { concurrency: true }, () => {
  for (const size of SIZES) {
    test(`${size.name}: a WebAssembly that never arrives gives the printable criteria within 5 seconds`, () => journey(size, async page => {
      await page.route('**/*.wasm', () => {}) // never answered
      const start = Date.now()
      await page.goto(server.origin + '/checker/', { waitUntil: 'domcontentloaded' })
      const slow = page.locator('#checker [data-load-slow]')
      await slow.waitFor({ state: 'visible', timeout: 8000 })
      const took = Date.now() - start
      const sincePageStart = Math.round(await page.evaluate(() => performance.now()))
      console.log(`# ${size.name}: the fallback showed ${took} ms after the request (${sincePageStart} ms after the page started)`)
      // site.js waits 5 s from when it runs; page loading on a busy test machine adds the rest.
      assert.ok(took >= 5000 && took < 10000, `shown after ${took} ms`)
      assert.match(await slow.innerText(), /taking a long time/)
      await slow.getByRole('link').click()
      assert.match(await page.locator('h1').innerText(), /criteria/i, 'the link goes to the printable criteria')
    }, { allow: p => /\.wasm/.test(p) }))
  }

  test('390×844: a page script that never arrives gives the fallback too', () => journey(PHONE, async page => {
    await page.route(/\/js\/checker\.[^/]*\.js$/, () => {})
    // The stalled module also holds back DOMContentLoaded, so wait only for the page to arrive.
    await page.goto(server.origin + '/checker/', { waitUntil: 'commit' })
    await page.locator('[data-load-slow]').waitFor({ state: 'visible', timeout: 8000 })
    assert.ok(await page.locator('[data-action=start]').isDisabled(), 'Start cannot be pressed, and the page says why')
  }))
})
