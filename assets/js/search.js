// The search page: searches the site on this device with Pagefind's
// JavaScript API and shows the results in the page's own GOV.UK markup (the
// <template id="search-result">), so nothing needs inline styles or scripts.
// Every word shown comes from the page (i18n), none from this file.
//
// Pagefind (pagefind.js, its worker and WebAssembly, the index chunks) is
// loaded from this site only, and only when the user starts to search: the
// page itself stays small.
//
// The words searched for never enter the address bar or the history: a
// search from the header's box arrives through window.name (see site.js).

const root = document.getElementById('search')
const form = document.getElementById('search-form')
const input = document.getElementById('search-q')
const status = document.getElementById('search-status')
const list = document.getElementById('search-list')
const more = document.getElementById('search-more')
const template = document.getElementById('search-result')
const failed = document.getElementById('search-failed')
const boxes = [...form.querySelectorAll('input[name="section"]')]
const PAGE = 10

const sectionLabels = new Map(boxes.map(b => [b.value, form.querySelector(`label[for="${b.id}"]`).textContent.trim()]))
const plural = new Intl.PluralRules(document.documentElement.lang || 'en')

let loading = null
let current = { results: [], shown: 0 }
let generation = 0

function load () {
  if (!loading) {
    loading = import(root.dataset.pagefind).then(async mod => {
      await mod.options({ baseUrl: root.dataset.baseUrl, excerptLength: 24 })
      await mod.init()
      return mod
    })
    loading.catch(fail)
  }
  return loading
}

// fail says why search cannot start: when the index's entry file is not on
// the site (the index was never built), it says that, not that the browser
// is to blame.
async function fail () {
  const missing = await fetch(root.dataset.pagefind).then(r => !r.ok, () => false)
  failed.querySelector('[data-failed="browser"]').hidden = missing
  failed.querySelector('[data-failed="no-index"]').hidden = !missing
  root.hidden = true
  failed.hidden = false
}

function countText (n) {
  const text = plural.select(n) === 'one' ? root.dataset.countOne : root.dataset.countOther
  return text.replace('{count}', n.toLocaleString(document.documentElement.lang || undefined))
}

// excerpt turns Pagefind's excerpt (escaped text with <mark> around the
// matched words) into DOM nodes, keeping only text and <mark>.
function excerpt (html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html')
  const frag = document.createDocumentFragment()
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark')
      mark.textContent = node.textContent
      frag.append(mark)
    } else {
      frag.append(document.createTextNode(node.textContent))
    }
  }
  return frag
}

function render (data) {
  const item = template.content.firstElementChild.cloneNode(true)
  const link = item.querySelector('a')
  link.href = data.url
  link.textContent = data.meta?.title || data.url
  const section = (data.filters?.section || []).map(s => sectionLabels.get(s)).filter(Boolean)
  const sectionEl = item.querySelector('.app-search-result__section')
  if (section.length) sectionEl.textContent = section.join(', ')
  else sectionEl.remove()
  item.querySelector('.app-search-result__excerpt').append(excerpt(data.excerpt || ''))
  return item
}

async function showMore (focusFirst) {
  const gen = generation
  const next = current.results.slice(current.shown, current.shown + PAGE)
  const datas = await Promise.all(next.map(r => r.data()))
  if (gen !== generation) return
  const items = datas.map(render)
  list.append(...items)
  current.shown += next.length
  more.hidden = current.shown >= current.results.length
  if (focusFirst && items.length) items[0].querySelector('a').focus()
}

async function run () {
  const gen = ++generation
  const term = input.value.trim()
  const sections = boxes.filter(b => b.checked).map(b => b.value)
  list.replaceChildren()
  more.hidden = true
  current = { results: [], shown: 0 }
  if (!term && !sections.length) {
    status.textContent = root.dataset.empty
    return
  }
  status.textContent = root.dataset.searching
  const options = sections.length ? { filters: { section: { any: sections } } } : {}
  let search
  try {
    const mod = await load()
    search = await mod.search(term || null, options)
  } catch {
    fail()
    return
  }
  if (gen !== generation) return
  current.results = search.results
  if (!search.results.length) {
    status.textContent = root.dataset.none
    return
  }
  await showMore(false)
  if (gen !== generation) return
  status.textContent = countText(search.results.length)
}

form.addEventListener('submit', e => {
  e.preventDefault()
  run()
})
for (const box of boxes) box.addEventListener('change', () => run())
more.addEventListener('click', () => showMore(true))
// Start fetching Pagefind as soon as the user shows an intent to search.
input.addEventListener('focus', () => { load() }, { once: true })

// A search from the header's box arrives in window.name (see site.js), so
// the words are never in the address or the history.
const HANDOFF = 'focus-family-search:'
if (window.name.startsWith(HANDOFF)) {
  input.value = window.name.slice(HANDOFF.length)
  window.name = ''
  run()
}
