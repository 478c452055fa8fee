// Reading and writing answers in the build's GOV.UK form markup, and showing
// the engine's validation messages in the GOV.UK error pattern.

const groupFor = (scope, id) => scope.querySelector(`[data-form-group="${id}"]`)

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
  const text = group.querySelector(`#${fieldId}`)
  if (text && text.type === 'text' && text.value.trim() !== '') return text.value.trim()
  return undefined
}

function readSessions (group, fieldId) {
  const attended = group.querySelector(`#${fieldId}-attended`)
  const possible = group.querySelector(`#${fieldId}-possible`)
  if (!attended || (attended.value.trim() === '' && possible.value.trim() === '')) return undefined
  const num = s => /^\s*\d+\s*$/.test(s) ? Number(s) : s.trim()
  return { attended: num(attended.value), possible: num(possible.value) }
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
    group.querySelector(`#${fieldId}-attended`).value = value.attended
    group.querySelector(`#${fieldId}-possible`).value = value.possible
    group.querySelector('details')?.setAttribute('open', '')
  } else if (value !== undefined && value !== 'unknown') {
    const text = group.querySelector(`#${fieldId}`)
    if (text && text.type === 'text') text.value = value
  }
}

// describeAnswer turns an answer into the words shown in Check your answers,
// taking option and unit wording from the form itself.
export function describeAnswer (scope, id, value) {
  const group = groupFor(scope, id)
  const labelOf = input => input && group.querySelector(`label[for="${input.id}"]`).textContent.trim()
  if (typeof value === 'object') {
    const [a, p] = ['attended', 'possible'].map(k => labelOf(group.querySelector(`#q-${id}-${k}`)))
    return `${a}: ${value.attended}. ${p}: ${value.possible}.`
  }
  const choice = [...group.querySelectorAll('input[type=radio], input[type=checkbox]')].find(i => i.value === value)
  if (choice) return labelOf(choice)
  const unit = group.querySelector('.govuk-input__suffix')?.textContent.trim() ?? ''
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
// prefixes the title with "Error: " and moves focus to the summary.
export function showErrors (root, scope, errors, titlePrefix) {
  clearErrors(root)
  if (errors.length === 0) return
  const summary = root.querySelector('[data-error-summary]')
  for (const e of errors) {
    const item = summary.querySelector(`[data-error-for="${e.question}"]`)
    const group = groupFor(scope, e.question)
    if (!item || !group) continue
    item.querySelector('a').textContent = e.message
    item.hidden = false
    group.classList.add('govuk-form-group--error')
    const msg = group.querySelector('.govuk-error-message')
    msg.querySelector('[data-slot=error]').textContent = e.message
    msg.hidden = false
    for (const input of group.querySelectorAll('.govuk-input, .govuk-file-upload')) input.classList.add(input.classList.contains('govuk-input') ? 'govuk-input--error' : 'govuk-file-upload--error')
  }
  summary.hidden = false
  document.title = titlePrefix + document.title.replace(titlePrefix, '')
  summary.focus()
}

export function clearErrors (root) {
  const summary = root.querySelector('[data-error-summary]')
  summary.hidden = true
  for (const item of summary.querySelectorAll('[data-error-for]')) item.hidden = true
  for (const g of root.querySelectorAll('.govuk-form-group--error')) g.classList.remove('govuk-form-group--error')
  for (const m of root.querySelectorAll('.govuk-error-message')) m.hidden = true
  for (const i of root.querySelectorAll('.govuk-input--error')) i.classList.remove('govuk-input--error')
  for (const i of root.querySelectorAll('.govuk-file-upload--error')) i.classList.remove('govuk-file-upload--error')
}

// The error summary's links move focus to the field without changing the URL.
export function linkErrorSummary (root) {
  root.querySelector('[data-error-summary]').addEventListener('click', e => {
    const a = e.target.closest('a')
    if (!a) return
    e.preventDefault()
    const target = document.getElementById(a.getAttribute('href').slice(1))
    target?.scrollIntoView({ block: 'center' })
    target?.focus()
  })
}
