// The eligibility checker. The build wrote every question, message and result
// block as GOV.UK markup; the rules engine (WebAssembly) decides which
// questions to ask, whether answers are valid, and what applies. Answers live
// only in this page's memory: never in the URL, history or storage. Each step
// adds a history entry for the same address whose state is only the step's
// number, so the phone's Back gesture goes back one question.
import { startEngine } from './engine/engine.js'
import { busyTracker } from './engine/busy.js'
import { readAnswer, writeAnswer, describeAnswer, linkExclusive, showErrors, clearErrors, linkErrorSummary, sessionsConflict } from './checker/form.js'
import { renderResult, summaryText, fillSheet, sheetText, show as setShown } from './checker/result.js'
import { saveFile, openFile, fileMessages, checkAnswers, fill } from './checker/files.js'
import { watchEngine } from './checker/loading.js'

const root = document.getElementById('checker')
const professional = root.dataset.mode === 'professional'
const errorPrefix = root.dataset.errorPrefix
let api
let answers = {}
// Answers from an opened file that the engine refused, by question id: the
// value as it was in the file (shown in the field to fix) and the message.
let fromFile = new Map()
// The steps shown, in order; history.state.step is an index into this list.
let visited = []
let current = 0
// The engine's result for the answers on Check your answers, asked for as
// that step shows (the answers cannot change on the way to its button), so
// "See your result" has no wait for the engine; and the last result shown,
// for the meeting sheet.
let prepared = null
let shown = null

const steps = () => [...root.querySelectorAll('[data-step]')]
const questionIds = () => [...root.querySelectorAll('[data-form-group]')].map(g => g.dataset.formGroup).filter(id => id !== 'file')
const labels = () => new Map([...root.querySelectorAll('[data-form-group][data-label]')].map(g => [g.dataset.formGroup, g.dataset.label]))
const stepFor = id => root.querySelector(`[data-step="question"][data-question="${CSS.escape(id)}"]`)
const step = name => root.querySelector(`[data-step="${name}"]`)

function setTitle (text) {
  document.title = `${text} – ${root.dataset.titleSuffix}`
}

// go shows one step (start, a question, check, result, the meeting sheet),
// adds a history entry holding only its number, and moves focus to its heading.
function go (target) {
  visited = visited.slice(0, current + 1)
  visited.push(target)
  current = visited.length - 1
  history.pushState({ step: current }, '')
  return show(target)
}

async function show (target) {
  clearErrors(root)
  for (const s of steps()) setShown(s, s === target)
  const question = target.dataset.step === 'question'
  // Past the start, the header, banner and exit link are compact (CSS);
  // on a question the search box waits too.
  document.documentElement.classList.toggle('app-checker-compact', target.dataset.step !== 'start')
  document.documentElement.classList.toggle('app-checker-question', question)
  setTitle(target.dataset.title)
  const heading = target.querySelector('h1')
  heading?.focus({ preventScroll: true })
  if (question) {
    await countQuestion(target)
    scrollToQuestion(target, heading)
    await showFileErrors()
  } else {
    window.scrollTo(0, 0)
  }
}

// When the whole question and its Continue button fit on the screen, the
// page starts at the top; when they do not (a large zoom, a long question),
// it scrolls to the question itself.
function scrollToQuestion (form, heading) {
  const bottom = form.querySelector('button[type=submit]').getBoundingClientRect().bottom + window.scrollY
  if (bottom <= window.innerHeight) window.scrollTo(0, 0)
  else (form.querySelector('[data-slot=count]:not([hidden])') ?? heading).scrollIntoView({ block: 'start' })
}

// countQuestion writes "Question 4 of about 12", counted from the questions
// still relevant to the answers so far.
async function countQuestion (form) {
  const slot = form.querySelector('[data-slot=count]')
  const ids = await api.relevant(answers)
  const n = ids.indexOf(form.dataset.question)
  slot.hidden = n < 0
  if (n >= 0) slot.textContent = fill(root.dataset.countText, { number: n + 1, total: ids.length })
}

function onPopState (e) {
  const n = e.state?.step
  current = Number.isInteger(n) && visited[n] ? n : 0
  return show(visited[current] ?? step('start'))
}

// next goes to the first question that still needs an answer, or to Check
// your answers. With no answers yet, the first question is the first one the
// build wrote (a first question cannot depend on earlier ones), so the
// checker can start before the engine has arrived.
async function next () {
  const todo = Object.keys(answers).length === 0 && fromFile.size === 0
    ? steps().find(s => s.dataset.step === 'question').dataset.question
    : (await api.relevant(answers)).find(id => answers[id] === undefined)
  if (todo) {
    writeAnswer(root, todo, fromFile.has(todo) ? fromFile.get(todo).value : answers[todo])
    go(stepFor(todo))
  } else {
    await showAnswers()
    prepare()
    go(step('check'))
  }
}

// submitQuestion checks one answer with the engine and keeps it if it is valid.
async function submitQuestion (form) {
  const id = form.dataset.question
  const conflict = sessionsConflict(form, id)
  const candidate = { ...answers, [id]: readAnswer(form, id) }
  const errors = conflict ? [conflict] : (await api.validate(candidate)).filter(e => e.question === id)
  if (errors.length) {
    showErrors(root, form, errors, errorPrefix)
    return
  }
  answers = candidate
  fromFile.delete(id)
  await next()
}

// showAnswers fills every "Your answers" list with the questions asked
// (relevant: the engine's list, when the caller has asked for it already).
async function showAnswers (relevant = api.relevant(answers)) {
  const asked = new Set(await relevant)
  for (const row of root.querySelectorAll('[data-answer-row]')) {
    const id = row.dataset.answerRow
    const on = asked.has(id) && answers[id] !== undefined
    setShown(row, on)
    if (on) row.querySelector('[data-slot=value]').textContent = describeAnswer(root, id, answers[id])
  }
}

// prepare asks the engine for the result of the answers now given, once
// for each set of answers (answers is replaced, never changed in place),
// and writes it into the result step while that is still hidden, so "See
// your result" only has to reveal it.
function prepare () {
  if (prepared?.answers !== answers) {
    const p = { answers, result: api.evaluate(answers), rendered: false }
    prepared = p
    p.result.then(res => {
      if (prepared !== p || res.errors) return
      renderResult(step('result'), res, p.answers)
      p.rendered = true
    }, () => {}) // a failure is the engine's, reported by evaluate
  }
  return prepared
}

// evaluate shows the engine's result. One question at a time, Check your
// answers is already filled (next() fills it before showing it, and the
// answers cannot change on the way to its button) and the result asked for;
// the professional view fills it here, asking the engine both questions at
// once: one wait, not two.
async function evaluate (scope) {
  const relevant = professional && api.relevant(answers)
  relevant && relevant.catch(() => {}) // a failure is the engine's, reported by evaluate
  const p = professional ? null : prepare()
  const res = await (p ? p.result : api.evaluate(answers))
  if (res.errors) {
    showErrors(root, scope, res.errors, errorPrefix)
    return false
  }
  if (!p?.rendered) renderResult(step('result'), res, answers)
  if (relevant) await showAnswers(relevant)
  shown = res
  return true
}

async function restart () {
  answers = {}
  fromFile = new Map()
  for (const f of root.querySelectorAll('form')) f.reset()
  if (professional) {
    step('result').hidden = true
    await refreshRelevance()
    setTitle(step('form').dataset.title)
    root.querySelector('h1').focus()
    return
  }
  await go(step('start'))
}

// open reads a saved file and checks it exactly as typed answers are
// checked: a file that is too big, or has an answer to a question this page
// does not ask or an answer longer than any real one, is refused whole; each
// answer the engine refuses is named in the error summary and shown in its
// field to fix; the good answers are kept.
async function open (input) {
  const file = input.files[0]
  if (!file) return
  const messages = fileMessages(input)
  let loaded
  try {
    loaded = await openFile(file, root.dataset.kind, messages)
    checkAnswers(loaded, labels(), messages)
  } catch (e) {
    showErrors(root, root, [{ question: 'file', message: e.message }], errorPrefix)
    return
  } finally {
    input.value = ''
  }
  const given = id => loaded[id] !== undefined && loaded[id] !== null
  const bad = (await api.validate(loaded)).filter(e => given(e.question))
  fromFile = new Map(bad.map(e => [e.question, { value: loaded[e.question], message: e.message }]))
  answers = Object.fromEntries(Object.entries(loaded).filter(([id]) => given(id) && !fromFile.has(id)))
  if (professional) {
    for (const id of questionIds()) writeAnswer(root, id, loaded[id])
    await refreshRelevance()
    if (bad.length) showErrors(root, step('form'), bad, errorPrefix)
    return
  }
  await next()
}

// showFileErrors lists every answer from an opened file still to fix, with
// the one on this step marked in its field.
async function showFileErrors () {
  if (fromFile.size === 0) return
  const asked = new Set(await api.relevant(answers))
  const errors = [...fromFile].filter(([id]) => asked.has(id)).map(([question, { message }]) => ({ question, message }))
  showErrors(root, root, errors, errorPrefix)
}

// A link in the error summary to a question on another step shows that step.
function reveal (fieldId) {
  const target = document.getElementById(fieldId)?.closest('[data-step]')
  if (professional || !target || !target.hidden) return
  if (target.dataset.step === 'question') writeAnswer(root, target.dataset.question, fromFile.get(target.dataset.question)?.value ?? answers[target.dataset.question])
  go(target)
}

// The professional view: every question on one page, irrelevant ones hidden.
async function refreshRelevance () {
  const form = step('form')
  const current = Object.fromEntries(questionIds().map(id => [id, readAnswer(form, id)]))
  const asked = new Set(await api.relevant(current))
  for (const id of questionIds()) form.querySelector(`[data-form-group="${CSS.escape(id)}"]`).closest('[data-question]').hidden = !asked.has(id)
}

async function submitProfessional (form) {
  answers = Object.fromEntries(questionIds().map(id => [id, readAnswer(form, id)]))
  const asked = new Set(await api.relevant(answers))
  for (const id of Object.keys(answers)) if (!asked.has(id) || answers[id] === undefined) delete answers[id]
  const conflicts = [...asked].map(id => sessionsConflict(form, id)).filter(Boolean)
  const errors = conflicts.length ? conflicts : await api.validate(answers)
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

// Printing shows the folded reasons and service details open, then folds
// them again (a closed <details> prints only its summary).
function openForPrint () {
  const closed = [...root.querySelectorAll('details:not([open])')]
  for (const d of closed) d.open = true
  window.addEventListener('afterprint', () => { for (const d of closed) d.open = false }, { once: true })
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
    case 'back': history.back(); break
    case 'evaluate': if (await evaluate(step('check'))) go(step('result')); break
    case 'save': saveFile(root.dataset.kind, answers, { summary: summaryText(step('result')) }); break
    case 'print': window.print(); break
    case 'meeting': fillSheet(root, shown); go(step('meeting')); break
    case 'print-sheet': window.print(); break
    case 'save-sheet': saveFile(root.dataset.kind, answers, { meetingSheet: sheetText(step('meeting')) }); break
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
  if (!professional && step('start').hidden) go(step('start'))
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
  watchEngine(root, api.ready, cannotStart)
  root.addEventListener('click', handle(onClick))
  root.addEventListener('submit', handle(onSubmit))
  root.addEventListener('change', handle(e => { if (e.target.id === 'checker-file') return open(e.target) }))
  // Questions appear and disappear as the professional types, not only on blur.
  if (professional) root.addEventListener('input', handle(e => { if (e.target.id !== 'checker-file') return refreshRelevance() }))
  else {
    // A reload forgets the answers, so it starts again from the start.
    if (history.state !== null) history.replaceState(null, '')
    visited = [step('start')]
    window.addEventListener('popstate', e => busy(onPopState(e)))
  }
  window.addEventListener('beforeprint', openForPrint)
  linkExclusive(root)
  linkErrorSummary(root, reveal)
  for (const b of root.querySelectorAll('[data-action="start"]')) { b.disabled = false; b.removeAttribute('aria-disabled') }
  if (professional) busy(refreshRelevance())
  root.dataset.ready = 'true'
}

main()
