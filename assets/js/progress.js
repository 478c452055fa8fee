// The progress check for key workers. The build wrote the criteria, every
// measure of every period and every result block as GOV.UK markup; the rules
// engine (the checker's WebAssembly, rules.Progress) decides what is valid
// and whether significant and sustained progress are met. The figures live
// only in this page's memory: never in the URL, history or storage.
import { startEngine } from './engine/engine.js'
import { busyTracker } from './engine/busy.js'
import { readAnswer, writeAnswer, showErrors, clearErrors, linkErrorSummary, sessionsConflict } from './checker/form.js'
import { saveFile, openFile, fileMessages, fill, tooLong } from './checker/files.js'
import { summaryText } from './checker/result.js'
import { renderProgress, showNotRecorded } from './progress/result.js'
import { watchEngine } from './checker/loading.js'

const KIND = 'progress'
const root = document.getElementById('progress')
const form = root.querySelector('form[data-progress-form]')
const result = root.querySelector('[data-progress-result]')
const errorPrefix = root.dataset.errorPrefix
let api
let checked = null // the progress data behind the result shown, for saving

const periods = () => [...form.querySelectorAll('[data-period]')]
const entryPeriod = () => form.querySelector('[data-period="entry"]')
const termPeriods = () => periods().filter(p => p.dataset.period !== 'entry')
const criteriaBoxes = () => [...form.querySelectorAll('input[name="criteria"]')]
const startTerms = termPeriods().filter(p => !p.hidden).length
// No school record holds more terms than this; a file with more is refused
// before anything in it is used.
const MAX_TERMS = 12

function setTitle (text) {
  document.title = `${text} – ${root.dataset.titleSuffix}`
}

// neededMeasures is the set of measures the chosen criteria read.
function neededMeasures () {
  const ids = new Set()
  for (const box of criteriaBoxes()) {
    if (box.checked) for (const id of box.dataset.measures.split(' ').filter(Boolean)) ids.add(id)
  }
  return ids
}

// refresh shows only the measures the chosen criteria need, and the "Add
// another term" button while there is a hidden term left to show.
function refresh () {
  const needed = neededMeasures()
  for (const group of form.querySelectorAll('[data-measure]')) group.hidden = !needed.has(group.dataset.measure)
  form.querySelector('[data-no-measures]').hidden = needed.size > 0
  form.querySelector('[data-periods]').hidden = needed.size === 0
  form.querySelector('[data-action="add-term"]').hidden = !termPeriods().some(p => p.hidden)
}

// readPeriod reads the measures shown in one period: {measure: value}.
function readPeriod (period) {
  const out = {}
  for (const group of period.querySelectorAll('[data-measure]')) {
    if (group.hidden) continue
    const value = readAnswer(period, group.dataset.formGroup, group.dataset.field)
    if (value !== undefined) out[group.dataset.measure] = value
  }
  return out
}

// readInput turns the form into the engine's progress data. Terms left
// completely blank after the last one filled in are not counted.
function readInput () {
  const terms = termPeriods().filter(p => !p.hidden).map(p => {
    const name = p.querySelector('[data-term-name]').value.trim()
    return { ...(name ? { name } : {}), ...readPeriod(p) }
  })
  while (terms.length && Object.keys(terms[terms.length - 1]).length === 0) terms.pop()
  return {
    criteria: criteriaBoxes().filter(b => b.checked).map(b => b.value),
    entry: readPeriod(entryPeriod()),
    terms
  }
}

// The engine's messages name the measure but not the period: add it (and
// the term's name, if given), so each entry in the error summary says where
// to look. A missing criteria list gets the page's own wording.
function withPlace (errors) {
  return errors.map(e => {
    if (e.question === 'criteria') return { ...e, message: form.querySelector('[data-form-group="criteria"]').dataset.message }
    const path = e.question.slice(0, e.question.lastIndexOf('.'))
    const period = form.querySelector(`[data-period="${CSS.escape(path)}"]`)
    if (!period) return e
    const name = period.querySelector('[data-term-name]')?.value.trim()
    return { ...e, message: `${period.dataset.periodLabel}${name ? ` (${name})` : ''}: ${e.message}` }
  })
}

// conflicts lists each shown measure with both a percentage and sessions.
function conflicts () {
  return periods().flatMap(p => [...p.querySelectorAll('[data-measure]:not([hidden])')]
    .map(g => sessionsConflict(p, g.dataset.formGroup, g.dataset.field)))
    .filter(Boolean)
}

async function check () {
  const input = readInput()
  const both = conflicts()
  const res = both.length ? { errors: both } : await api.progress(input)
  if (res.errors) {
    result.hidden = true
    checked = null
    showErrors(root, form, withPlace(res.errors), errorPrefix)
    return
  }
  clearErrors(root)
  setTitle(form.dataset.title)
  checked = input
  renderProgress(result, res)
  showNotRecorded(result, notRecorded(input))
  result.hidden = false
  result.querySelector('h2').focus()
}

// notRecorded names the measures the chosen criteria need that have no
// value in any period, so the result can say what it could not judge.
function notRecorded (input) {
  const given = new Set([input.entry, ...input.terms].flatMap(p => Object.keys(p).filter(k => p[k] !== 'unknown')))
  return [...neededMeasures()].filter(id => !given.has(id))
    .map(id => form.querySelector(`[data-measure="${CSS.escape(id)}"]`).dataset.measureText)
}

function addTerm () {
  const next = termPeriods().find(p => p.hidden)
  if (!next) return
  next.hidden = false
  refresh()
  next.querySelector('[data-term-name]').focus()
}

// writeInput puts saved progress data back into the form. It throws when the
// data does not fit this page (a criterion, measure or term it does not have).
function writeInput (data, messages) {
  const fail = () => { throw new Error(messages.wrongFile) }
  const isMap = v => v !== null && typeof v === 'object' && !Array.isArray(v)
  if (!isMap(data) || !Array.isArray(data.criteria) || (data.entry !== undefined && !isMap(data.entry)) ||
    (data.terms !== undefined && !Array.isArray(data.terms))) fail()
  const terms = data.terms ?? []
  if (terms.length > Math.min(MAX_TERMS, termPeriods().length)) {
    throw new Error(fill(messages.tooMany, { count: terms.length, limit: Math.min(MAX_TERMS, termPeriods().length) }))
  }
  const boxes = new Map(criteriaBoxes().map(b => [b.value, b]))
  if (!data.criteria.every(id => boxes.has(id))) fail()
  const sets = [[entryPeriod(), data.entry ?? {}], ...(data.terms ?? []).map((t, i) => [termPeriods()[i], t])]
  for (const [period, values] of sets) {
    if (!isMap(values)) fail()
    for (const [key, value] of Object.entries(values)) {
      if (tooLong(value)) throw new Error(fill(messages.tooLong, { name: period.dataset.periodLabel, limit: 200 }))
      if (key === 'name' && period !== entryPeriod()) continue
      const group = period.querySelector(`[data-measure="${CSS.escape(key)}"]`)
      if (!group) throw new Error(fill(messages.unknownKey, { name: JSON.stringify(key.slice(0, 40)) }))
    }
  }

  form.reset()
  for (const id of data.criteria) boxes.get(id).checked = true
  termPeriods().forEach((p, i) => { p.hidden = i >= Math.max(startTerms, sets.length - 1) })
  for (const [period, values] of sets) {
    if (period !== entryPeriod()) period.querySelector('[data-term-name]').value = typeof values.name === 'string' ? values.name : ''
    for (const group of period.querySelectorAll('[data-measure]')) {
      writeAnswer(period, group.dataset.formGroup, values[group.dataset.measure], group.dataset.field)
    }
  }
  refresh()
}

async function open (input) {
  const file = input.files[0]
  if (!file) return
  try {
    const messages = fileMessages(input)
    writeInput(await openFile(file, KIND, messages), messages)
  } catch (e) {
    result.hidden = true
    checked = null
    showErrors(root, root, [{ question: 'file', message: e.message }], errorPrefix)
    return
  } finally {
    input.value = ''
  }
  await check()
}

function restart () {
  form.reset()
  termPeriods().forEach((p, i) => { p.hidden = i >= startTerms })
  checked = null
  result.hidden = true
  clearErrors(root)
  refresh()
  setTitle(form.dataset.title)
  window.scrollTo(0, 0)
  root.querySelector('h1').focus()
}

function onClick (e) {
  const el = e.target.closest('[data-action]')
  if (!el) return
  e.preventDefault()
  switch (el.dataset.action) {
    case 'add-term': addTerm(); break
    case 'save': if (checked) saveFile(KIND, checked, { summary: summaryText(result) }); break
    case 'print': window.print(); break
    case 'restart': restart(); break
  }
}

// cannotStart shows that the progress check cannot work (the engine did not
// start), with the link to the printable criteria and measures.
function cannotStart (err) {
  console.warn('The progress check could not start:', err)
  root.querySelector('[data-load-failed]').hidden = false
  const submit = form.querySelector('button[type="submit"]')
  submit.disabled = true
  submit.setAttribute('aria-disabled', 'true')
  root.dataset.engine = 'failed'
}

// A call fails only when the engine could not start: then say so.
const busy = busyTracker(root, cannotStart)

// The form works at once: the engine starts in its worker meanwhile, and a
// check made before it has arrived waits for it.
async function main () {
  api = await startEngine(root)
  watchEngine(root, api.ready, cannotStart)
  root.addEventListener('click', onClick)
  form.addEventListener('submit', e => { e.preventDefault(); busy(check()) })
  root.addEventListener('change', e => {
    if (e.target.id === 'checker-file') busy(open(e.target))
    else if (e.target.name === 'criteria') refresh()
  })
  linkErrorSummary(root)
  refresh()
  const submit = form.querySelector('button[type="submit"]')
  submit.disabled = false
  submit.removeAttribute('aria-disabled')
  root.dataset.ready = 'true'
}

main()
