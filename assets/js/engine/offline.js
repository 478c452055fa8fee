// "Keep a copy on this device to use without internet": only when a user
// chooses it, the page stores the static files of the checker, the progress
// check, the criteria and the services in Cache Storage and registers the
// service worker that serves them (./offline-worker.js). "Remove the copy"
// unregisters it and deletes the cache. Nothing else is ever stored, and
// never an answer: the list is pages and the files their HTML names.
import { CACHE } from './offline-cache.js'

const box = document.querySelector('[data-offline]')
const status = box?.querySelector('[data-offline-status]')

// ASSETS are the attributes of a page that name a file it needs.
const ASSETS = ['link[rel=stylesheet][href]', 'link[rel=icon][href]', 'script[src]', 'img[src]',
  '[data-worker]', '[data-wasm]', '[data-rules]']

function say (key) {
  status.textContent = box.dataset[key]
}

// filesOf lists the same-origin files a page's HTML names.
function filesOf (html, base) {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const urls = []
  for (const el of doc.querySelectorAll(ASSETS.join(','))) {
    for (const v of [el.getAttribute('href'), el.getAttribute('src'), el.dataset.worker, el.dataset.wasm, el.dataset.rules]) {
      if (!v) continue
      const u = new URL(v, base)
      if (u.origin === location.origin && !u.search && !u.hash) urls.push(u.href)
    }
  }
  return urls
}

async function keep () {
  say('msgSaving')
  const cache = await caches.open(CACHE)
  const files = new Set()
  for (const page of box.dataset.offlinePages.split(' ').filter(Boolean)) {
    const url = new URL(page, location.href).href
    const res = await fetch(url, { cache: 'no-cache' })
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
    await cache.put(url, res.clone())
    for (const f of filesOf(await res.text(), url)) files.add(f)
  }
  await cache.addAll([...files])
  await navigator.serviceWorker.register(box.dataset.offlineWorker)
  say('msgKept')
}

// remove unregisters this site's service workers and deletes the copy.
async function remove () {
  for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister()
  await caches.delete(CACHE)
}

async function kept () {
  return Boolean(await navigator.serviceWorker.getRegistration()) && caches.has(CACHE)
}

async function onClick (e) {
  const action = e.target.closest('[data-offline-action]')?.dataset.offlineAction
  if (!action) return
  box.setAttribute('aria-busy', 'true')
  try {
    if (action === 'keep') {
      await keep().catch(async err => {
        console.warn('The copy could not be kept:', err)
        await remove()
        say('msgFailed')
      })
    } else {
      await remove()
      say('msgRemoved')
    }
  } finally {
    box.removeAttribute('aria-busy')
  }
}

// The controls need service workers and Cache Storage; without them they stay hidden.
if (box && 'serviceWorker' in navigator && 'caches' in window) {
  box.hidden = false
  box.addEventListener('click', onClick)
  kept().then(k => say(k ? 'msgKept' : 'msgNone'))
}
