// The service worker of the offline copy. It is registered only when a user
// chooses "Keep a copy on this device" (./offline.js fills the cache first),
// and it never stores anything itself: it only answers from that copy.
// Pages come from the network when there is one, so they stay up to date;
// the fingerprinted files they use never change, so they come from the copy.
import { CACHE } from 'js/engine/offline-cache.js'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', e => e.waitUntil(self.clients.claim()))

async function fromCopy (request) {
  const cache = await caches.open(CACHE)
  return cache.match(request)
}

async function respond (request) {
  if (request.mode === 'navigate') {
    try {
      return await fetch(request)
    } catch (err) {
      const copy = await fromCopy(request)
      if (copy) return copy
      throw err
    }
  }
  return (await fromCopy(request)) || fetch(request)
}

self.addEventListener('fetch', e => {
  if (e.request.method !== 'GET' || new URL(e.request.url).origin !== self.location.origin) return
  e.respondWith(respond(e.request))
})
