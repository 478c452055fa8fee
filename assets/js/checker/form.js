// Reading and writing answers in the build's GOV.UK form markup, and showing
// the engine's validation messages in the GOV.UK error pattern.

// Ids come from the rules data and, through saved files, from users: they
// are always escaped before they go into a selector.
const groupFor = (scope, id) => scope.querySelector(`[data-form-group="${CSS.escape(id)}"]`)
const byId = (scope, id) => scope.querySelector(`#${CSS.escape(id)}`)

const filled = input => Boolean(input && input.value.trim() !== '')

// readAnswer returns the answer in a question's form group: a string, a
// {attended, possible} pair, "unknown", or undefined when nothing is given.
// fieldId is the id of the group's text input (its sessions inputs add
// -attended and -possible); the checker's questions use q-<id>.
export function readAnswer (scope, id, fieldId = `q-${id}`) {
  const group = groupFor(scope, id)
  const checked = group.querySelector('input[type=radio]:checked, input[type=checkbox]:checked')
  if (checked) return checked.value
  const sessions = readSessions(group, fieldId)
  if (sessions) return sessions
  const text = byId(group, fieldId)
  if (text && text.type === 'text' && filled(text)) return text.value.trim()
  return undefined
}

function readSessions (group, fieldId) {
  const attended = byId(group, `${fieldId}-attended`)
  const possible = byId(group, `${fieldId}-possible`)
  if (!attended || (!filled(attended) && !filled(possible))) return undefined
  const num = s => /^\s*\d+\s*$/.test(s) ? Number(s) : s.trim()
  return { attended: num(attended.value), possible: num(possible.value) }
}

// sessionsConflict is the group's own message when both the percentage and
// the sessions are filled in: the page says so instead of choosing one.
export function sessionsConflict (scope, id, fieldId = `q-${id}`) {
  const group = groupFor(scope, id)
  const sessions = [byId(group, `${fieldId}-attended`), byId(group, `${fieldId}-possible`)]
  if (!filled(byId(group, fieldId)) || !sessions.some(filled)) return null
  return { question: id, message: group.querySelector('[data-msg-both]').dataset.msgBoth }
}

// writeAnswer puts a saved answer back into the form, so a changed page
// shows what the user said before. fieldId is as for readAnswer.
export function writeAnswer (scope, id, value, fieldId = `q-${id}`) {
  const group = groupFor(scope, id)
  for (const input of group.querySelectorAll('input')) {
    if (input.type === 'radio' || input.type === 'checkbox') input.checked = input.value === value
    else input.value = ''
  }
  if (value && typeof value === 'object') {
    const attended = byId(group, `${fieldId}-attended`)
    if (!attended) return
    attended.value = value.attended ?? ''
    byId(group, `${fieldId}-possible`).value = value.possible ?? ''
    group.querySelector('details')?.setAttribute('open', '')
  } else if (value !== undefined && value !== 'unknown') {
    const text = byId(group, fieldId)
    if (text && text.type === 'text') text.value = value
  }
}

// describeAnswer turns an answer into the words shown in Check your answers,
// taking option and unit wording from the form itself.
export function describeAnswer (scope, id, value) {
  const group = groupFor(scope, id)
  const labelOf = input => input && group.querySelector(`label[for="${CSS.escape(input.id)}"]`).textContent.trim()
  if (typeof value === 'object') {
    const [a, p] = ['attended', 'possible'].map(k => labelOf(byId(group, `q-${id}-${k}`)))
    return `${a}: ${value.attended}. ${p}: ${value.possible}.`
  }
  const choice = [...group.querySelectorAll('input[type=radio], input[type=checkbox]')].find(i => i.value === value)
  if (choice) return labelOf(choice)
  // A number gets its unit; sessions typed in the field ("306/360") are
  // shown as typed.
  const unit = /^\d+(\.\d+)?$/.test(String(value)) ? group.querySelector('.govuk-input__suffix')?.textContent.trim() ?? '' : ''
  return unit === '%' ? `${value}%` : `${value}${unit ? ' ' + unit : ''}`
}

// Typing a number clears "I do not know", and choosing it clears the numbers.
export function linkExclusive (scope) {
  scope.addEventListener('input', e => {
    const group = e.target.closest('[data-form-group]')
    if (!group) return
    if (e.target.type === 'checkbox' && e.target.checked) {
      for (const t of group.querySelectorAll('input[type=text]')) t.value = ''
    } else if (e.target.type === 'text') {
      const unknown = group.querySelector('input[type=checkbox][value=unknown]')
      if (unknown) unknown.checked = false
    }
  })
}

// showErrors marks each field with its message, fills the error summary,
// prefixes the title with "Error: " and moves focus to the summary. An error
// with no field of its own on the page (an answer the page does not ask, say)
// is listed against the file input, so the summary is never empty. It
// returns false, and shows nothing, when there is nothing to show.
export function showErrors (root, scope, errors, titlePrefix) {
  clearErrors(root)
  const summary = root.querySelector('[data-error-summary]')
  const list = summary.querySelector('ul')
  const extra = summary.querySelector('template[data-error-extra]')
  let shown = 0
  for (const e of errors) {
    if (!e || !e.message) continue
    const group = e.question ? groupFor(scope, e.question) : null
    let item = e.question && group ? list.querySelector(`[data-error-for="${CSS.escape(e.question)}"]`) : null
    if (!item || !item.hidden) {
      item = extra.content.firstElementChild.cloneNode(true)
      list.append(item)
    }
    item.querySelector('a').textContent = e.message
    item.hidden = false
    shown++
    if (group) markField(group, e.message)
  }
  if (shown === 0) return false
  summary.hidden = false
  document.title = titlePrefix + document.title.replace(titlePrefix, '')
  summary.focus()
  return true
}

function markField (group, message) {
  group.classList.add('govuk-form-group--error')
  const msg = group.querySelector('.govuk-error-message')
  if (!msg) return
  msg.querySelector('[data-slot=error]').textContent = message
  msg.hidden = false
  for (const input of group.querySelectorAll('.govuk-input, .govuk-file-upload')) input.classList.add(input.classList.contains('govuk-input') ? 'govuk-input--error' : 'govuk-file-upload--error')
}

// clearErrors touches only what shows an error: setting hidden, even to the
// value it has, makes the browser restyle the element, and every step
// change clears errors.
export function clearErrors (root) {
  const summary = root.querySelector('[data-error-summary]')
  if (!summary.hidden) summary.hidden = true
  for (const item of summary.querySelectorAll('[data-error-for]:not([hidden])')) item.hidden = true
  for (const item of summary.querySelectorAll('[data-error-extra-item]')) item.remove()
  for (const g of root.querySelectorAll('.govuk-form-group--error')) g.classList.remove('govuk-form-group--error')
  for (const m of root.querySelectorAll('.govuk-error-message:not([hidden])')) m.hidden = true
  for (const i of root.querySelectorAll('.govuk-input--error')) i.classList.remove('govuk-input--error')
  for (const i of root.querySelectorAll('.govuk-file-upload--error')) i.classList.remove('govuk-file-upload--error')
}

// The error summary's links move focus to the field without changing the
// URL. reveal(fieldId) is called first, so a page that shows one question at
// a time can show the one the link is about.
export function linkErrorSummary (root, reveal = () => {}) {
  root.querySelector('[data-error-summary]').addEventListener('click', e => {
    const a = e.target.closest('a')
    if (!a) return
    e.preventDefault()
    const id = a.getAttribute('href').slice(1)
    reveal(id)
    const target = document.getElementById(id)
    target?.scrollIntoView({ block: 'center' })
    target?.focus()
  })
}
