// Shows the engine's result in the result blocks the build emitted: the
// script only reveals the blocks that apply and writes in the reasons.

const show = (el, on = true) => { if (el) el.hidden = !on }

// sensitiveAnswerGiven says whether any answer is one that data/sensitive.yaml
// lists (such as domestic abuse), so the result shows the helplines.
function sensitiveAnswerGiven (listed, answers) {
  const value = v => v === true ? 'yes' : v === false ? 'no' : String(v)
  return Object.entries(listed).some(([q, values]) => answers[q] !== undefined && values.includes(value(answers[q])))
}

export function renderResult (scope, res, answers) {
  for (const el of scope.querySelectorAll('[data-verdict], [data-theme], [data-criterion], [data-unknown], [data-could-change], [data-pathway], [data-service], [data-result-section]')) el.hidden = true

  show(scope.querySelector(`[data-verdict="${res.verdict}"]`))
  scope.querySelector('[data-slot="verdict-reason"]').textContent = res.verdictReason

  const criteria = res.criteria ?? []
  for (const c of criteria) {
    const li = scope.querySelector(`[data-criterion="${c.id}"]`)
    li.querySelector('[data-slot=reason]').textContent = c.reason
    show(li)
    show(scope.querySelector(`[data-theme="${c.theme}"]`))
  }
  show(scope.querySelector('[data-result-section="themes"]'), criteria.length > 0)
  show(scope.querySelector('[data-result-section="none"]'), criteria.length === 0)

  for (const u of res.unknowns) {
    const li = scope.querySelector(`[data-unknown="${u.question}"]`)
    show(li)
    show(li?.querySelector('[data-could-change]'), u.changesVerdict)
  }
  show(scope.querySelector('[data-result-section="unknowns"]'), res.unknowns.length > 0)

  const suggested = res.pathways ?? []
  for (const p of suggested) {
    const block = scope.querySelector(`[data-pathway="${p.id}"]`)
    block.querySelector('[data-slot=reason]').textContent = p.reason
    show(block)
  }
  show(scope.querySelector('[data-result-section="pathways"]'), suggested.length > 0)

  const helplines = scope.querySelector('[data-result-section="helplines"]')
  show(helplines, sensitiveAnswerGiven(JSON.parse(helplines.dataset.sensitiveAnswers), answers))

  for (const id of res.services) show(scope.querySelector(`[data-service="${id}"]`))
  show(scope.querySelector('[data-result-section="services"]'), res.services.length > 0)
}

// summaryText is the visible result as plain lines, for the saved file.
export function summaryText (resultSection) {
  return resultSection.innerText.split('\n').map(s => s.trim()).filter(Boolean)
}
