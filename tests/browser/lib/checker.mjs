// Drives the eligibility checker like a person: answers each question as it
// appears, with the given answers and plain defaults for the rest.
import assert from 'node:assert/strict'

// Defaults describe a family with no difficulties: every criterion unmet.
const DEFAULT_TEXT = { attendance_percent: '97' }

export async function waitReady (page) {
  await page.locator('#checker[data-ready=true]').waitFor({ timeout: 15000 })
}

// settled waits until the checker has finished with the last answer: the
// engine answers from its worker, so each step comes a moment after a click.
export async function settled (page) {
  await page.locator('#checker:not([aria-busy])').waitFor({ state: 'attached' })
}

export const visibleStep = page => page.locator('#checker [data-step]:not([hidden])')

export async function currentQuestion (page) {
  const step = visibleStep(page)
  return (await step.getAttribute('data-step')) === 'question' ? step.getAttribute('data-question') : null
}

// fill puts one answer into a question's form group: a string for a text
// input or a radio value, "unknown", or {attended, possible}.
export async function fill (scope, id, value) {
  const group = scope.locator(`[data-form-group="${id}"]`)
  if (value === 'unknown') return group.locator('input[value=unknown]').check()
  if (typeof value === 'object') {
    await group.locator('summary').click()
    await group.locator(`#q-${id}-attended`).fill(String(value.attended))
    return group.locator(`#q-${id}-possible`).fill(String(value.possible))
  }
  const text = group.locator(`#q-${id}[type=text]`)
  if (await text.count()) return text.fill(String(value))
  return group.locator(`input[type=radio][value="${value}"]`).check()
}

async function defaultAnswer (group, id) {
  if (DEFAULT_TEXT[id]) return DEFAULT_TEXT[id]
  if (await group.locator('input[type=text]').count()) return '0'
  for (const v of ['no', 'none', 'school']) {
    if (await group.locator(`input[type=radio][value="${v}"]`).count()) return v
  }
  return group.locator('input[type=radio]').first().getAttribute('value')
}

// answerAll answers every question the checker asks and stops at Check your
// answers. It returns the ids of the questions asked, in order.
export async function answerAll (page, answers = {}) {
  const asked = []
  for (let id = await currentQuestion(page); id; id = await currentQuestion(page)) {
    assert.ok(asked.length < 60, 'the checker keeps asking')
    const form = page.locator(`form[data-question="${id}"]`)
    const value = id in answers ? answers[id] : await defaultAnswer(form.locator(`[data-form-group="${id}"]`), id)
    await fill(form, id, value)
    await form.locator('button[type=submit]').click()
    await settled(page)
    assert.equal(await page.locator('[data-error-summary]').isVisible(), false, `no error after answering ${id}`)
    asked.push(id)
  }
  assert.equal(await visibleStep(page).getAttribute('data-step'), 'check')
  return asked
}

// result reads what the result page shows: verdict, criteria met with their
// reasons, suggested pathways, services and unknowns.
export async function result (page) {
  const r = page.locator('[data-step=result]')
  const ids = async (sel, attr) => Promise.all((await r.locator(`${sel}:not([hidden])`).all()).map(e => e.getAttribute(attr)))
  return {
    verdict: (await ids('[data-verdict]', 'data-verdict'))[0],
    verdictReason: await r.locator('[data-slot=verdict-reason]').innerText(),
    criteria: await ids('[data-criterion]', 'data-criterion'),
    pathways: await ids('[data-pathway]', 'data-pathway'),
    services: await ids('[data-service]', 'data-service'),
    unknowns: await ids('[data-unknown]', 'data-unknown'),
    // textContent: a theme's reasons are folded in <details>.
    reason: async id => r.locator(`[data-criterion="${id}"] [data-slot=reason], [data-pathway="${id}"] [data-slot=reason]`).textContent()
  }
}

// startChecker opens the checker and starts it.
export async function startChecker (page, origin) {
  await page.goto(origin + '/checker/')
  await waitReady(page)
  await page.locator('[data-action=start]').click()
  await settled(page)
}

export async function seeResult (page) {
  await page.locator('[data-action=evaluate]').click()
  await settled(page)
  await page.locator('[data-step=result]:not([hidden])').waitFor()
}
