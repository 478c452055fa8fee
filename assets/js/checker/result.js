// Shows the engine's result in the result blocks the build emitted: the
// script only reveals the blocks that apply, puts them in the engine's order
// and writes in the reasons.

// show changes an element's hidden attribute only when it must: setting it,
// even to the value it has, makes the browser restyle the element, and the
// result has hundreds of blocks (it costs tens of milliseconds on a slow phone).
export const show = (el, on = true) => { if (el && el.hidden === on) el.hidden = !on }
const sel = (attr, id) => `[${attr}="${CSS.escape(String(id))}"]`

// How many services the result lists first, with their phone and email.
const FIRST_CONTACTS = 3

// sensitiveAnswerGiven says whether any answer is one that data/sensitive.yaml
// lists (such as domestic abuse), so the result shows the helplines.
function sensitiveAnswerGiven (listed, answers) {
  const value = v => v === true ? 'yes' : v === false ? 'no' : String(v)
  return Object.entries(listed).some(([q, values]) => answers[q] !== undefined && values.includes(value(answers[q])))
}

export function renderResult (scope, res, answers) {
  // Which blocks to show, decided first; then each block changes at most once.
  const want = new Map()
  const mark = (el, on = true) => { if (el) want.set(el, on) }

  mark(scope.querySelector(sel('data-verdict', res.verdict)))
  mark(scope.querySelector('[data-result-section="other-help"]'), res.verdict === 'unlikely')
  scope.querySelector('[data-slot="verdict-reason"]').textContent = res.verdictReason

  const criteria = res.criteria ?? []
  for (const c of criteria) {
    const li = scope.querySelector(sel('data-criterion', c.id))
    li.querySelector('[data-slot=reason]').textContent = c.reason
    mark(li)
    mark(scope.querySelector(sel('data-theme', c.theme)))
  }
  mark(scope.querySelector('[data-result-section="themes"]'), criteria.length > 0)
  mark(scope.querySelector('[data-result-section="none"]'), criteria.length === 0)

  for (const u of res.unknowns) {
    const li = scope.querySelector(sel('data-unknown', u.question))
    mark(li)
    mark(li?.querySelector('[data-could-change]'), u.changesVerdict)
  }
  mark(scope.querySelector('[data-result-section="unknowns"]'), res.unknowns.length > 0)

  const suggested = res.pathways ?? []
  for (const p of suggested) {
    const block = scope.querySelector(sel('data-pathway', p.id))
    block.querySelector('[data-slot=reason]').textContent = p.reason
    block.parentElement.append(block)
    mark(block)
  }
  mark(scope.querySelector('[data-result-section="pathways"]'), suggested.length > 0)

  const helplines = scope.querySelector('[data-result-section="helplines"]')
  mark(helplines, sensitiveAnswerGiven(JSON.parse(helplines.dataset.sensitiveAnswers), answers))

  // The engine lists services most fitting first: the first few go at the
  // top with their phone and email, and every one has its details further down.
  res.services.forEach((id, i) => {
    for (const attr of ['data-contact', 'data-service']) {
      const el = scope.querySelector(sel(attr, id))
      if (!el) continue
      el.parentElement.append(el)
      mark(el, attr === 'data-service' || i < FIRST_CONTACTS)
    }
  })
  mark(scope.querySelector('[data-result-section="contacts"]'), res.services.length > 0)
  mark(scope.querySelector('[data-result-section="more-contacts"]'), res.services.length > FIRST_CONTACTS)
  mark(scope.querySelector('[data-result-section="services"]'), res.services.length > 0)

  for (const el of scope.querySelectorAll('[data-verdict], [data-theme], [data-criterion], [data-unknown], [data-could-change], [data-pathway], [data-service], [data-contact], [data-result-section]')) {
    show(el, want.get(el) ?? false)
  }
}

// fillSheet writes the meeting sheet: the answers (copied from Check your
// answers), the criteria met with why, and the pathways.
export function fillSheet (scope, res) {
  const sheet = scope.querySelector('[data-step="meeting"]')
  if (!sheet) return
  const item = sheet.querySelector('template[data-sheet-item]').content.firstElementChild
  const line = (title, reason) => {
    const li = item.cloneNode(true)
    li.querySelector('[data-slot=title]').textContent = title
    li.querySelector('[data-slot=reason]').textContent = reason
    return li
  }
  const answers = [...scope.querySelectorAll('[data-step="check"] [data-answer-row]:not([hidden])')]
    .map(row => line(row.querySelector('dt').textContent.trim(), row.querySelector('[data-slot=value]').textContent))
  const criteria = (res.criteria ?? []).map(c => line(scope.querySelector(sel('data-criterion', c.id)).dataset.text, c.reason))
  const pathways = (res.pathways ?? []).map(p => line(scope.querySelector(sel('data-pathway', p.id)).dataset.title, p.reason))
  const fillList = (name, items) => {
    sheet.querySelector(`[data-sheet="${name}"]`).replaceChildren(...items)
    show(sheet.querySelector(`[data-sheet-none="${name}"]`), items.length === 0)
  }
  fillList('answers', answers)
  fillList('criteria', criteria)
  fillList('pathways', pathways)
  sheet.querySelector('[data-slot="sheet-verdict"]').textContent = scope.querySelector('[data-step="result"] [data-verdict]:not([hidden]) .govuk-panel__title').textContent.trim()
  sheet.querySelector('[data-slot="sheet-reason"]').textContent = res.verdictReason
}

// summaryText is a visible section as plain lines, for the saved file.
export function summaryText (section) {
  return section.innerText.split('\n').map(s => s.trim()).filter(Boolean)
}

// sheetText is the meeting sheet as plain lines, without its buttons.
export function sheetText (sheet) {
  return summaryText(sheet.querySelector('[data-sheet-body]'))
}
