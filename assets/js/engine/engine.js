// The page's side of the rules engine. The engine (Go compiled to
// WebAssembly, with the rules data) runs in a dedicated worker
// (./worker.js); the page only sends it answers and reads its replies, so
// nothing heavy ever runs on the main thread. Answers cross only by
// postMessage: never a URL, never storage.
//
// The engine starts as soon as the page has painted its first content, not
// from a <link rel=preload> while the page is still loading. It is not needed
// until the first answer, and on a slow connection its download would share
// the bandwidth that the page's own CSS and scripts need for that first paint.
// (Lighthouse also counts a download that happens to end before the first
// paint as part of it.)
//
// The page fetches the engine's files itself and hands their bodies to the
// worker as streams, so the worker still compiles the WebAssembly as it
// streams in, and a page that shares no HTTP cache with its worker
// downloads each file once.
//
// startEngine(root) resolves at once, before the engine has arrived, so the
// page can be used straight away. Every method returns a Promise; a call
// made early waits for the engine. `ready` settles when the engine has
// started, or rejects if it cannot (then every call rejects too).
export async function startEngine (root) {
  const { worker: workerURL, wasm, rules } = root.dataset
  const waiting = new Map()
  let next = 0
  let failure = null
  let worker

  let settle
  const ready = new Promise((resolve, reject) => { settle = { resolve, reject } })
  ready.catch(err => {
    failure = err
    for (const { reject } of waiting.values()) reject(err)
    waiting.clear()
    worker?.terminate()
  })

  function answer ({ id, json, error }) {
    const w = waiting.get(id)
    if (!w) return
    waiting.delete(id)
    if (error === undefined) w.resolve(JSON.parse(json))
    else w.reject(new Error(error))
  }

  const sent = afterFirstPaint().then(() => {
    worker = new Worker(workerURL)
    worker.onerror = e => { e.preventDefault?.(); settle.reject(new Error(`the engine's worker did not start: ${e.message || 'error'}`)) }
    worker.onmessage = e => {
      const m = e.data
      if (m.ready) settle.resolve()
      else if (m.failed) settle.reject(new Error(m.failed))
      else answer(m)
    }
    return send(worker, { wasm, rules }).catch(err => { throw new Error(`the engine's files did not arrive: ${err.message}`) })
  })
  sent.catch(err => settle.reject(err))

  // Messages to a worker are handled in order, so calls made before the
  // engine is ready are simply queued behind the start message, once that
  // is sent.
  function call (method, arg) {
    if (failure) return Promise.reject(failure)
    return new Promise((resolve, reject) => {
      const id = ++next
      waiting.set(id, { resolve, reject })
      const json = JSON.stringify(arg)
      sent.then(() => worker.postMessage({ id, method, json }), () => {})
    })
  }
  return {
    ready,
    relevant: answers => call('relevant', answers),
    validate: answers => call('validate', answers),
    evaluate: answers => call('evaluate', answers),
    progress: input => call('progress', input)
  }
}

// afterFirstPaint resolves once the page has painted its first content (or,
// where the browser does not report paints, after its first frame).
function afterFirstPaint () {
  return new Promise(resolve => {
    if (!window.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(() => setTimeout(resolve))
      return
    }
    new PerformanceObserver((list, seen) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return
      seen.disconnect()
      resolve()
    }).observe({ type: 'paint', buffered: true })
  })
}

// send fetches the WebAssembly and the rules model and transfers their
// bodies to the worker. A browser that cannot transfer a
// stream gets the addresses instead, and the worker fetches them itself.
async function send (worker, files) {
  const start = {}
  for (const [name, url] of Object.entries(files)) start[name] = new URL(url, document.baseURI).href
  const responses = await Promise.all(Object.values(start).map(url => fetch(url)))
  const bad = responses.find(r => !r.ok)
  if (bad) throw new Error(`${bad.url}: HTTP ${bad.status}`)
  const bodies = Object.fromEntries(Object.keys(start).map((name, i) => [name, responses[i].body]))
  try {
    worker.postMessage({ start: bodies }, Object.values(bodies))
  } catch {
    for (const r of responses) r.body.cancel()
    worker.postMessage({ start })
  }
}
