// Shared set-up for the browser tests: the built site (public/) served by the
// project's own preview server with the production security headers, and
// Debian's Chromium driven by playwright-core. Each page records what a
// privacy or quality check needs: every request, console errors, page errors
// and Content-Security-Policy violations.
import { chromium } from 'playwright-core'
import { start } from './run.mjs'

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

// startServer runs build/bin/preview on a free loopback port and returns its origin.
export async function startServer (dir = 'public') {
  const server = await start('build/bin/preview', ['-dir', dir, '-addr', '127.0.0.1:0'],
    { ready: out => out.match(/at (http:\/\/[0-9.:]+)\//)?.[1] })
  return { origin: server.value, stop: server.stop }
}

export async function launch () {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

// openPage makes a fresh context (no shared storage) and a page that records
// requests, console errors, page errors and CSP violations.
export async function openPage (browser, opts = {}) {
  // opts.context: more context options, such as a phone's viewport.
  const context = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true, acceptDownloads: true, ...opts.context })
  const page = await context.newPage()
  const log = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [] }
  // Nothing may leave this machine, even if a page tried: requests to any
  // host but loopback are recorded, then aborted.
  await context.route(url => url.hostname !== '127.0.0.1', route => route.abort())
  context.on('request', r => log.requests.push({ method: r.method(), url: r.url(), postData: r.postData() }))
  page.on('console', m => { if (m.type() === 'error') log.consoleErrors.push(m.text()) })
  page.on('pageerror', e => log.pageErrors.push(String(e)))
  await page.exposeFunction('__reportCSP', v => log.cspViolations.push(v))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', e =>
      window.__reportCSP(`${e.violatedDirective} blocked ${e.blockedURI}`))
  })
  return { context, page, log }
}

// assertClean checks what every page must satisfy: no console or page errors,
// no CSP violations, and every request a same-origin GET.
export function problems (log, origin) {
  const found = []
  for (const e of log.consoleErrors) found.push('console error: ' + e)
  for (const e of log.pageErrors) found.push('page error: ' + e)
  for (const v of log.cspViolations) found.push('CSP violation: ' + v)
  for (const r of log.requests) {
    const u = new URL(r.url)
    if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') found.push(`request to another origin: ${r.method} ${r.url}`)
    if (r.method !== 'GET') found.push(`non-GET request: ${r.method} ${r.url}`)
    if (r.postData) found.push(`request with a body: ${r.url}`)
  }
  return found
}

// storageState returns cookies and every kind of browser storage for the
// origin. Cache Storage and service workers are listed only when there are
// some (an offline copy, kept only when a user chooses it), so every journey
// that expects { cookies: 0, local: 0, session: 0, idb: 0 } also proves that
// no copy was kept.
export async function storageState (context, page) {
  const cookies = await context.cookies()
  const stores = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length
  }))
  const { caches, serviceWorkers, ...rest } = stores
  return { cookies: cookies.length, ...rest, ...(caches ? { caches } : {}), ...(serviceWorkers ? { serviceWorkers } : {}) }
}
