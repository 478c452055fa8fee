// The checker's speed in the browser, with the engine in its Web Worker:
//   - readyMs: navigation to a ready engine (loopback, median of RUNS);
//   - evalMs: one evaluation across the worker boundary (answers posted to
//     the page's engine worker, the result posted back), the mean of
//     EVALUATIONS round trips one after another;
//   - perSecond: evaluations per second in the worker, with EVALUATIONS
//     requests posted at once (the worker's throughput, not one round trip);
//   - emptyMs: a round trip with no engine work, the floor under evalMs.
// Each is measured on each of RUNS loads and the median given, with the
// runs: on a shared 2-core machine one run's mean can be a fifth above
// another's, minutes apart.
import { openPage } from '../tests/browser/lib/harness.mjs'

const RUNS = 5
const EVALUATIONS = 2000

export const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function checkerTiming (browser, origin) {
  const runs = { ready: [], evalMs: [], perSecond: [], emptyMs: [] }
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await openPage(browser)
    const t0 = Date.now()
    await page.goto(origin + '/checker/')
    await page.locator('#checker[data-engine=ready]').waitFor({ timeout: 30000 })
    runs.ready.push(Date.now() - t0)
    const timing = await page.evaluate(timeEvaluations, EVALUATIONS)
    for (const k of ['evalMs', 'perSecond', 'emptyMs']) runs[k].push(timing[k])
    await context.close()
  }
  return { readyMs: median(runs.ready), evalMs: median(runs.evalMs), perSecond: median(runs.perSecond), emptyMs: median(runs.emptyMs), runs }
}

// timeEvaluations runs in the page. It starts a worker from the page's own
// engine script, speaking its message protocol (assets/js/engine/worker.js),
// answers every question with the first plain answer its form offers, and
// times the engine on those answers.
async function timeEvaluations (n) {
  const root = document.getElementById('checker')
  const worker = new Worker(root.dataset.worker)
  const waiting = new Map()
  let ready
  const started = new Promise((resolve, reject) => { ready = { resolve, reject } })
  worker.onmessage = ({ data }) => {
    if (data.ready) ready.resolve()
    else if (data.failed) ready.reject(new Error(data.failed))
    else { waiting.get(data.id)(data); waiting.delete(data.id) }
  }
  let next = 0
  const call = (method, arg) => new Promise(resolve => { const id = ++next; waiting.set(id, resolve); worker.postMessage({ id, method, json: JSON.stringify(arg) }) })
  const value = async (method, arg) => {
    const r = await call(method, arg)
    if (r.error) throw new Error(r.error)
    return JSON.parse(r.json)
  }
  worker.postMessage({ start: { wasm: new URL(root.dataset.wasm, location.href).href, rules: new URL(root.dataset.rules, location.href).href } })
  await started

  const answers = {}
  for (const group of document.querySelectorAll('form[data-step=question] [data-form-group]')) {
    const id = group.dataset.formGroup
    const radio = group.querySelector('input[type=radio][value=no], input[type=radio][value=none], input[type=radio]')
    answers[id] = group.querySelector('input[type=text]') ? '50' : radio.value
  }
  const relevant = await value('relevant', answers)
  for (const id of Object.keys(answers)) if (!relevant.includes(id)) delete answers[id]
  const first = await value('evaluate', answers)
  if (first.errors) throw new Error('benchmark answers are not valid: ' + JSON.stringify(first.errors))
  for (let i = 0; i < 200; i++) await value('evaluate', answers) // warm up

  let t0 = performance.now()
  for (let i = 0; i < n; i++) await value('evaluate', answers)
  const evalMs = (performance.now() - t0) / n

  t0 = performance.now()
  await Promise.all(Array.from({ length: n }, () => value('evaluate', answers)))
  const perSecond = n / ((performance.now() - t0) / 1000)

  // The floor: the same round trip for a method the worker refuses at
  // once, so the engine does no work. What is left of evalMs is the engine's.
  t0 = performance.now()
  for (let i = 0; i < n; i++) if (!(await call('none', null)).error) throw new Error('the worker answered a method it has not got')
  const emptyMs = (performance.now() - t0) / n
  worker.terminate()
  return { evalMs, perSecond, emptyMs }
}

// ---- a cheap phone: CPU 6× slower, 1.6 Mbps down, 150 ms latency ----------
export const PHONE = { cpu: 6, latencyMs: 150, downBps: 1.6e6, upBps: 750e3 }

// marks runs in the page from its first script: it records (in ms since
// navigation) when the start button is enabled, when the first question is
// shown, and the click on "See your result" and the result that follows.
function marks () {
  const t = (window.__marks = {})
  document.addEventListener('click', e => { if (e.target.closest?.('[data-action=evaluate]')) t.click = performance.now() }, true)
  new MutationObserver(() => {
    const now = performance.now()
    if (!t.startEnabled && document.querySelector('[data-action=start]:not([disabled])')) t.startEnabled = now
    if (!t.question && document.querySelector('form[data-step=question]:not([hidden])')) t.question = now
    if (t.click && !t.result && document.querySelector('[data-step=result]:not([hidden])')) t.result = now
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'disabled'] })
}

async function throttle (context, page) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PHONE.latencyMs, downloadThroughput: PHONE.downBps / 8, uploadThroughput: PHONE.upBps / 8
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu })
}

// answerable loads /checker/ and returns when its first question could be
// answered: the time the start button was enabled plus the time from the
// click on it to the question shown (so the bench's own clicking is not counted).
async function answerable (page, origin) {
  await page.goto(origin + '/checker/', { waitUntil: 'commit' })
  const start = page.locator('[data-action=start]:not([disabled])')
  await start.waitFor({ timeout: 60000 })
  const clickedAt = await page.evaluate(() => performance.now())
  await start.click()
  await page.locator('form[data-step=question]:not([hidden])').waitFor()
  const m = await page.evaluate(() => window.__marks)
  return m.startEnabled + Math.max(0, m.question - clickedAt)
}

// phoneTiming runs RUNS times, each in a fresh browser context: a cold load
// of the checker, a warm one (same context, its cache filled), then a whole
// journey on the warm page and the time from the click on "See your result"
// to the result, once the engine is ready. It returns the medians.
export async function phoneTiming (browser, origin, answerAll) {
  const cold = []
  const warm = []
  const result = []
  for (let i = 0; i < RUNS; i++) {
    // No routes here: Playwright turns the HTTP cache off when routing.
    const context = await browser.newContext()
    await context.addInitScript(marks)
    const page = await context.newPage()
    try {
      await throttle(context, page)
      cold.push(await answerable(page, origin))
      warm.push(await answerable(page, origin))
      await page.locator('#checker[data-engine=ready]').waitFor({ timeout: 60000 })
      await answerAll(page, { attendance_percent: '85' })
      await page.locator('[data-action=evaluate]').click()
      await page.locator('[data-step=result]:not([hidden])').waitFor()
      const m = await page.evaluate(() => window.__marks)
      result.push(m.result - m.click)
    } finally {
      await context.close()
    }
  }
  return { coldMs: median(cold), warmMs: median(warm), resultMs: median(result), runs: { cold, warm, result } }
}
