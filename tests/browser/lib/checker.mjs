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
  return enter(group, id, value, await group.locator(`#q-${id}[type=text]`).count() > 0)
}

// enter is fill once it is known whether the question has a text input.
async function enter (group, id, value, text) {
  if (value === 'unknown') return group.locator('input[value=unknown]').check()
  if (typeof value === 'object') {
    await group.locator('summary').click()
    await group.locator(`#q-${id}-attended`).fill(String(value.attended))
    return group.locator(`#q-${id}-possible`).fill(String(value.possible))
  }
  if (text) return group.locator(`#q-${id}[type=text]`).fill(String(value))
  return group.locator(`input[type=radio][value="${value}"]`).check()
}

// onScreen waits, as settled does, until the checker has finished with the
// last answer, then reads in the same round trip to the page what answerAll
// needs: how many steps show, which one, whether the error summary shows
// (visible as Playwright means it: a box, and not visibility: hidden), and
// the inputs of the question shown.
function onScreen (page) {
  return page.evaluate(async () => {
    const root = document.getElementById('checker')
    if (root.hasAttribute('aria-busy')) {
      await new Promise((resolve, reject) => {
        const seen = new MutationObserver(() => { if (!root.hasAttribute('aria-busy')) { seen.disconnect(); resolve() } })
        seen.observe(root, { attributes: true, attributeFilter: ['aria-busy'] })
        setTimeout(() => reject(new Error('the checker was still busy after 30 s')), 30000)
      })
    }
    const shown = [...root.querySelectorAll('[data-step]:not([hidden])')]
    const summary = document.querySelector('[data-error-summary]')
    const box = summary?.getBoundingClientRect()
    const step = shown[0]
    const id = step?.dataset.step === 'question' ? step.dataset.question : null
    const group = id && step.querySelector(`[data-form-group="${CSS.escape(id)}"]`)
    return {
      shown: shown.length,
      step: step?.dataset.step,
      id,
      error: !!summary && box.width > 0 && box.height > 0 && getComputedStyle(summary).visibility !== 'hidden',
      text: !!group?.querySelector(`#q-${CSS.escape(id)}[type=text]`),
      radios: group ? [...group.querySelectorAll('input[type=radio]')].map(r => r.value) : []
    }
  })
}

function defaultAnswer ({ id, text, radios }) {
  if (DEFAULT_TEXT[id]) return DEFAULT_TEXT[id]
  if (text) return '0'
  return ['no', 'none', 'school'].find(v => radios.includes(v)) ?? radios[0]
}

// answerAll answers every question the checker asks and stops at Check your
// answers. It returns the ids of the questions asked, in order.
export async function answerAll (page, answers = {}) {
  const asked = []
  for (;;) {
    const now = await onScreen(page)
    assert.equal(now.shown, 1, 'one step shows at a time')
    if (asked.length) assert.equal(now.error, false, `no error after answering ${asked.at(-1)}`)
    if (!now.id) {
      assert.equal(now.step, 'check')
      return asked
    }
    assert.ok(asked.length < 60, 'the checker keeps asking')
    const form = page.locator(`form[data-question="${now.id}"]`)
    const value = now.id in answers ? answers[now.id] : defaultAnswer(now)
    await enter(form.locator(`[data-form-group="${now.id}"]`), now.id, value, now.text)
    await form.locator('button[type=submit]').click()
    asked.push(now.id)
  }
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
