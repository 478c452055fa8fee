// The checker's speed in the browser: the time from navigation to a usable
// checker (the WebAssembly fetched, compiled and the rules loaded), and the
// time of one evaluation by the engine inside the page.
import { openPage } from '../tests/browser/lib/harness.mjs'

const RUNS = 5
const EVALUATIONS = 2000

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function checkerTiming (browser, origin) {
  const ready = []
  let evalMs
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await openPage(browser)
    const t0 = Date.now()
    await page.goto(origin + '/checker/')
    await page.locator('#checker[data-ready=true]').waitFor({ timeout: 30000 })
    ready.push(Date.now() - t0)
    if (i === RUNS - 1) evalMs = await page.evaluate(timeEvaluations, EVALUATIONS)
    await context.close()
  }
  return { readyMs: median(ready), evalMs }
}

// timeEvaluations runs in the page: it answers every question with the first
// plain answer its form offers, then times the engine on those answers.
function timeEvaluations (n) {
  const api = globalThis.focusFamilyRules
  const answers = {}
  for (const group of document.querySelectorAll('form[data-step=question] [data-form-group]')) {
    const id = group.dataset.formGroup
    const radio = group.querySelector('input[type=radio][value=no], input[type=radio][value=none], input[type=radio]')
    answers[id] = group.querySelector('input[type=text]') ? '50' : radio.value
  }
  for (const id of Object.keys(answers)) if (!api.relevant(answers).includes(id)) delete answers[id]
  const first = api.evaluate(answers)
  if (first.errors) throw new Error('benchmark answers are not valid: ' + JSON.stringify(first.errors))
  const t0 = performance.now()
  for (let i = 0; i < n; i++) api.evaluate(answers)
  return (performance.now() - t0) / n
}
