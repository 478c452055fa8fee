// The page's side of the rules engine. The engine (Go compiled to
// WebAssembly, with the rules data) runs in a dedicated worker
// (./worker.js); the page only sends it answers and reads its replies, so
// nothing heavy ever runs on the main thread. Answers cross only by
// postMessage: never a URL, never storage.
//
// The page fetches the engine's files itself and hands their bodies to the
// worker as streams: a worker cannot use the document's <link rel=preload>,
// so if it fetched them itself each would be downloaded twice. The worker
// still compiles the WebAssembly as it streams in.
//
// startEngine(root) resolves at once, before the engine has arrived, so the
// page can be used straight away. Every method returns a Promise; a call
// made early waits for the engine. `ready` settles when the engine has
// started, or rejects if it cannot (then every call rejects too).
export async function startEngine (root) {
  const { worker: workerURL, wasm, rules } = root.dataset
  const worker = new Worker(workerURL)
  const waiting = new Map()
  let next = 0
  let failure = null

  let fail
  const ready = new Promise((resolve, reject) => {
    fail = reject
    worker.onerror = e => { e.preventDefault?.(); reject(new Error(`the engine's worker did not start: ${e.message || 'error'}`)) }
    worker.onmessage = e => {
      const m = e.data
      if (m.ready) resolve()
      else if (m.failed) reject(new Error(m.failed))
      else answer(m)
    }
  })
  ready.catch(err => {
    failure = err
    for (const { reject } of waiting.values()) reject(err)
    waiting.clear()
    worker.terminate()
  })

  function answer ({ id, json, error }) {
    const w = waiting.get(id)
    if (!w) return
    waiting.delete(id)
    if (error === undefined) w.resolve(JSON.parse(json))
    else w.reject(new Error(error))
  }

  const sent = send(worker, { wasm, rules })
  sent.catch(err => fail(new Error(`the engine's files did not arrive: ${err.message}`)))

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

// send fetches the WebAssembly and the rules model (taking over the
// preloaded downloads: same URL, same CORS mode and credentials) and
// transfers their bodies to the worker. A browser that cannot transfer a
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
