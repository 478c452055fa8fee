// The eligibility checker. The build wrote every question, message and result
// block as GOV.UK markup; the rules engine (WebAssembly) decides which
// questions to ask, whether answers are valid, and what applies. Answers live
// only in this page's memory: never in the URL, history or storage.
import { startEngine } from './engine/engine.js'
import { busyTracker } from './engine/busy.js'
import { readAnswer, writeAnswer, describeAnswer, linkExclusive, showErrors, clearErrors, linkErrorSummary } from './checker/form.js'
import { renderResult, summaryText } from './checker/result.js'
import { saveFile, openFile } from './checker/files.js'

const root = document.getElementById('checker')
const professional = root.dataset.mode === 'professional'
const errorPrefix = root.dataset.errorPrefix
let api
let answers = {}
let trail = [] // the steps visited, for the back links

const steps = () => [...root.querySelectorAll('[data-step]')]
const questionIds = () => [...root.querySelectorAll('[data-form-group]')].map(g => g.dataset.formGroup).filter(id => id !== 'file')

function setTitle (text) {
  document.title = `${text} – ${root.dataset.titleSuffix}`
}

// go shows one step (start, a question, check, result) and moves focus to its heading.
function go (step, { remember = true } = {}) {
  const current = steps().find(s => !s.hidden)
  if (remember && current && current !== step) trail.push(current)
  clearErrors(root)
  for (const s of steps()) s.hidden = s !== step
  setTitle(step.dataset.title)
  const heading = step.querySelector('h1')
  heading?.focus()
  window.scrollTo(0, 0)
}

const stepFor = id => root.querySelector(`[data-step="question"][data-question="${id}"]`)
const step = name => root.querySelector(`[data-step="${name}"]`)

// next goes to the first question that still needs an answer, or to Check
// your answers. With no answers yet, the first question is the first one the
// build wrote (a first question cannot depend on earlier ones), so the
// checker can start before the engine has arrived.
async function next () {
  const todo = Object.keys(answers).length === 0
    ? steps().find(s => s.dataset.step === 'question').dataset.question
    : (await api.relevant(answers)).find(id => answers[id] === undefined)
  if (todo) {
    writeAnswer(root, todo, answers[todo])
    go(stepFor(todo))
  } else {
    await showAnswers()
    go(step('check'))
  }
}

// submitQuestion checks one answer with the engine and keeps it if it is valid.
async function submitQuestion (form) {
  const id = form.dataset.question
  const candidate = { ...answers, [id]: readAnswer(form, id) }
  const errors = (await api.validate(candidate)).filter(e => e.question === id)
  if (errors.length) {
    showErrors(root, form, errors, errorPrefix)
    return
  }
  answers = candidate
  await next()
}

// showAnswers fills every "Your answers" list with the questions asked.
async function showAnswers () {
  const asked = new Set(await api.relevant(answers))
  for (const row of root.querySelectorAll('[data-answer-row]')) {
    const id = row.dataset.answerRow
    const on = asked.has(id) && answers[id] !== undefined
    row.hidden = !on
    if (on) row.querySelector('[data-slot=value]').textContent = describeAnswer(root, id, answers[id])
  }
}

async function evaluate (scope) {
  const res = await api.evaluate(answers)
  if (res.errors) {
    showErrors(root, scope, res.errors, errorPrefix)
    return false
  }
  renderResult(root, res, answers)
  await showAnswers()
  return true
}

async function restart () {
  answers = {}
  trail = []
  for (const f of root.querySelectorAll('form')) f.reset()
  if (professional) {
    step('result').hidden = true
    await refreshRelevance()
    setTitle(step('form').dataset.title)
    root.querySelector('h1').focus()
    return
  }
  go(step('start'), { remember: false })
}

async function open (input) {
  const file = input.files[0]
  if (!file) return
  try {
    answers = await openFile(file, root.dataset.kind, { notJSON: input.dataset.msgNotJson, wrongFile: input.dataset.msgWrongFile })
  } catch (e) {
    showErrors(root, root, [{ question: 'file', message: e.message }], errorPrefix)
    return
  } finally {
    input.value = ''
  }
  if (professional) {
    for (const id of questionIds()) writeAnswer(root, id, answers[id])
    await refreshRelevance()
    return
  }
  await next()
}

// The professional view: every question on one page, irrelevant ones hidden.
async function refreshRelevance () {
  const form = root.querySelector('form[data-step="form"]')
  const current = Object.fromEntries(questionIds().map(id => [id, readAnswer(form, id)]))
  const asked = new Set(await api.relevant(current))
  for (const id of questionIds()) form.querySelector(`[data-form-group="${id}"]`).closest('[data-question]').hidden = !asked.has(id)
}

async function submitProfessional (form) {
  answers = Object.fromEntries(questionIds().map(id => [id, readAnswer(form, id)]))
  const asked = new Set(await api.relevant(answers))
  for (const id of Object.keys(answers)) if (!asked.has(id) || answers[id] === undefined) delete answers[id]
  const errors = await api.validate(answers)
  if (errors.length) {
    step('result').hidden = true
    showErrors(root, form, errors, errorPrefix)
    return
  }
  clearErrors(root)
  setTitle(form.dataset.title)
  if (await evaluate(form)) {
    step('result').hidden = false
    step('result').querySelector('h2').focus()
  }
}

async function onClick (e) {
  const el = e.target.closest('[data-action], [data-change]')
  if (!el) return
  e.preventDefault()
  if (el.dataset.change) {
    if (professional) {
      document.getElementById(`q-${el.dataset.change}`)?.focus()
      return
    }
    writeAnswer(root, el.dataset.change, answers[el.dataset.change])
    go(stepFor(el.dataset.change))
    return
  }
  switch (el.dataset.action) {
    case 'start': await next(); break
    case 'back': go(trail.pop() ?? step('start'), { remember: false }); break
    case 'evaluate': if (await evaluate(step('check'))) go(step('result')); break
    case 'save': saveFile(root.dataset.kind, answers, summaryText(step('result'))); break
    case 'print': window.print(); break
    case 'restart': await restart(); break
  }
}

function onSubmit (e) {
  e.preventDefault()
  return professional ? submitProfessional(e.target) : submitQuestion(e.target)
}

// cannotStart shows why the checker cannot work (the engine did not start)
// with the link to the printable criteria, back on the first step.
function cannotStart (err) {
  console.warn('The checker could not start:', err)
  if (!professional) go(step('start'), { remember: false })
  root.querySelector('[data-load-failed]').hidden = false
  for (const b of root.querySelectorAll('[data-action="start"], button[type="submit"]')) { b.disabled = true; b.setAttribute('aria-disabled', 'true') }
  root.dataset.engine = 'failed'
}

// A call fails only when the engine could not start: then say so.
const busy = busyTracker(root, cannotStart)
const handle = f => e => busy(f(e))

// The page works at once: the engine starts in its worker meanwhile, and
// the first call that needs it waits for it.
async function main () {
  api = await startEngine(root)
  api.ready.then(() => { root.dataset.engine = 'ready' }, cannotStart)
  root.addEventListener('click', handle(onClick))
  root.addEventListener('submit', handle(onSubmit))
  root.addEventListener('change', handle(e => { if (e.target.id === 'checker-file') return open(e.target) }))
  // Questions appear and disappear as the professional types, not only on blur.
  if (professional) root.addEventListener('input', handle(e => { if (e.target.id !== 'checker-file') return refreshRelevance() }))
  linkExclusive(root)
  linkErrorSummary(root)
  for (const b of root.querySelectorAll('[data-action="start"]')) { b.disabled = false; b.removeAttribute('aria-disabled') }
  if (professional) busy(refreshRelevance())
  root.dataset.ready = 'true'
}

main()
