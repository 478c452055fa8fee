// Shows the engine's progress result in the blocks the build emitted: the
// script reveals the themes and criteria checked, shows the tag for each
// verdict, and writes in the reasons and what is still needed (textContent).

const showMet = (row, met) => {
  for (const tag of row.querySelectorAll('[data-met]')) tag.hidden = tag.dataset.met !== met
}

export function renderProgress (scope, res) {
  for (const el of scope.querySelectorAll('[data-theme], [data-criterion]')) el.hidden = true

  const terms = scope.querySelector('[data-slot="terms"]')
  const count = res.terms === 0 ? terms.dataset.none : res.terms === 1 ? terms.dataset.one : terms.dataset.other
  terms.textContent = count.replace('{count}', String(res.terms))

  for (const t of res.themes) {
    const block = scope.querySelector(`[data-theme="${CSS.escape(String(t.number))}"]`)
    showMet(block.querySelector('[data-theme-check="significant"]'), t.significant)
    showMet(block.querySelector('[data-theme-check="sustained"]'), t.sustained)
    block.hidden = false
  }

  const item = scope.querySelector('template[data-missing-item]').content.firstElementChild
  for (const c of res.criteria) {
    const block = scope.querySelector(`[data-criterion="${CSS.escape(c.id)}"]`)
    for (const kind of ['significant', 'sustained']) {
      const row = block.querySelector(`[data-check="${kind}"]`)
      const check = c[kind]
      showMet(row, check.met)
      row.querySelector('[data-slot="reason"]').textContent = check.reason
      row.querySelector('[data-slot="missing"]').replaceChildren(...check.missing.map(text => {
        const li = item.cloneNode(false)
        li.textContent = text
        return li
      }))
      row.querySelector('[data-slot="missing-block"]').hidden = check.missing.length === 0
    }
    block.hidden = false
  }
}

// showNotRecorded lists the measures the chosen criteria need that were
// left blank in every period: the result above could not judge them.
export function showNotRecorded (scope, texts) {
  const block = scope.querySelector('[data-slot="not-recorded-block"]')
  const item = scope.querySelector('template[data-missing-item]').content.firstElementChild
  block.querySelector('[data-slot="not-recorded"]').replaceChildren(...texts.map(text => {
    const li = item.cloneNode(false)
    li.textContent = text
    return li
  }))
  block.hidden = texts.length === 0
}
