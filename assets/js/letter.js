// A letter the family fills in (layouts/letter/page.html). The build wrote
// the form, the error messages and the letter's parts with {placeholders};
// this module fills them in with what was typed, then prints the letter or
// saves it as a text file. What is typed stays in this page's memory: it is
// never sent, never put in the address or history, and never stored.

const tool = document.querySelector('[data-letter-tool]')
const form = tool.querySelector('[data-letter-form]')
const summary = tool.querySelector('[data-error-summary]')
const result = tool.querySelector('[data-letter-result]')
const body = tool.querySelector('[data-letter-body]')
const parts = [...tool.querySelector('[data-letter-template]').content.children]

const fieldIds = () => [...form.querySelectorAll('[data-field]')].map(g => g.dataset.field)

function answers () {
  // The letter is in English for the council, whatever the page's language, so its date is too.
  const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())
  const values = { council: tool.dataset.council, date: today }
  for (const id of fieldIds()) values[id] = form.elements[id].value.trim()
  return values
}

// fill puts the values into a part's text, or returns null when the part
// uses a value that was left empty (an optional field), so it is left out.
function fill (text, values) {
  let empty = false
  const filled = text.replace(/\{([a-z_]+)\}/g, (_, id) => {
    if (!values[id]) empty = true
    return values[id] ?? ''
  })
  return empty ? null : filled
}

// build makes the letter's elements. A heading whose section is left out
// (the text after it was empty) is left out too.
function build (values) {
  const out = []
  for (const part of parts) {
    const text = fill(part.dataset.text, values)
    if (text === null) {
      if (out.length && out.at(-1).tagName === 'H2') out.pop()
      continue
    }
    const el = part.cloneNode(false)
    el.removeAttribute('data-text')
    el.textContent = text
    out.push(el)
  }
  if (out.length && out.at(-1).tagName === 'H2') out.pop()
  return out
}

function showErrors (missing) {
  summary.hidden = missing.length === 0
  for (const id of fieldIds()) {
    const group = form.querySelector(`[data-field="${id}"]`)
    const message = group.querySelector('.govuk-error-message')
    if (!message) continue
    const bad = missing.includes(id)
    group.classList.toggle('govuk-form-group--error', bad)
    message.hidden = !bad
    const input = form.elements[id]
    input.classList.toggle(input.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error', bad)
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(d => d && d !== message.id)
    if (bad) described.push(message.id)
    if (described.length) input.setAttribute('aria-describedby', described.join(' '))
    else input.removeAttribute('aria-describedby')
    summary.querySelector(`[data-error-for="${id}"]`).hidden = !bad
  }
  if (missing.length) {
    document.title = tool.dataset.errorPrefix + document.title.replace(tool.dataset.errorPrefix, '')
    summary.focus()
  } else {
    document.title = document.title.replace(tool.dataset.errorPrefix, '')
  }
}

function make (e) {
  e.preventDefault()
  const values = answers()
  const missing = [...form.querySelectorAll('.govuk-error-message')].map(m => m.closest('[data-field]').dataset.field).filter(id => !values[id])
  showErrors(missing)
  if (missing.length) return
  body.replaceChildren(...build(values))
  form.hidden = true
  result.hidden = false
  result.querySelector('h2').focus()
}

// letterText is the letter as plain text: one paragraph per block, a blank line between.
function letterText () {
  return [...body.children].map(el => el.textContent).join('\n\n') + '\n'
}

function save () {
  const url = URL.createObjectURL(new Blob([letterText()], { type: 'text/plain;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = tool.dataset.filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

function edit () {
  result.hidden = true
  form.hidden = false
  form.elements[fieldIds()[0]].focus()
}

// Links in the error summary move focus to the field without changing the address.
summary.addEventListener('click', e => {
  const link = e.target.closest('a')
  if (!link) return
  e.preventDefault()
  document.getElementById(link.hash.slice(1))?.focus()
})
form.addEventListener('submit', make)
result.querySelector('[data-action=print]').addEventListener('click', () => window.print())
result.querySelector('[data-action=save]').addEventListener('click', save)
result.querySelector('[data-action=edit]').addEventListener('click', edit)
tool.hidden = false
