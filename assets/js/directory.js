// Filters the services directory by theme, pathway and age, in the browser.
//
// Progressive enhancement: the page is built with every service listed and the
// filter form hidden. This module shows the form and hides the services that do
// not match. Without JavaScript, the full list shows. Nothing is sent anywhere,
// nothing is stored, and the filters are not put in the address.

const form = document.getElementById('directory-filter')
const list = document.getElementById('directory')
const status = document.getElementById('directory-count')

if (form && list && status) {
  const items = Array.from(list.querySelectorAll('[data-terms]'))
  const countText = form.dataset.countText || '{shown} / {total}'
  const noneText = form.dataset.noneText || ''

  const ageGroup = form.querySelector('[data-age-group]')
  const ageError = document.getElementById('filter-age-error')

  // Reads the age box: a whole number from 0 to 120, or null when blank. Any
  // other entry shows the GOV.UK inline error and filters by the other boxes.
  const readAge = () => {
    const raw = form.elements.age.value.trim()
    const ok = raw === '' || (/^\d{1,3}$/.test(raw) && Number(raw) <= 120)
    ageGroup.classList.toggle('govuk-form-group--error', !ok)
    form.elements.age.classList.toggle('govuk-input--error', !ok)
    ageError.hidden = ok
    return ok && raw !== '' ? Number(raw) : null
  }

  const matches = (item, theme, pathway, age) => {
    const terms = (item.dataset.terms || '').split(/\s+/)
    if (theme && !terms.includes(theme)) return false
    if (pathway && !terms.includes(pathway)) return false
    if (age !== null) {
      const min = item.dataset.minAge === '' ? 0 : Number(item.dataset.minAge)
      const max = item.dataset.maxAge === '' ? Infinity : Number(item.dataset.maxAge)
      if (age < min || age > max) return false
    }
    return true
  }

  const update = () => {
    const theme = form.elements.theme.value
    const pathway = form.elements.pathway.value
    const age = readAge()
    let shown = 0
    for (const item of items) {
      const ok = matches(item, theme, pathway, age)
      item.hidden = !ok
      if (ok) shown++
    }
    const filtered = theme || pathway || age !== null
    status.textContent = !filtered
      ? ''
      : shown === 0
        ? noneText
        : countText.replace('{shown}', String(shown)).replace('{total}', String(items.length))
  }

  form.addEventListener('input', update)
  form.addEventListener('change', update)
  // The reset button clears the fields; update once the browser has done so.
  form.addEventListener('reset', () => setTimeout(update, 0))
  // Enter in the age box must not submit the form (it would put the filters in the address).
  form.addEventListener('submit', (event) => { event.preventDefault(); update() })

  form.hidden = false
  update()
}
