// The page's side of the rules engine. The engine (Go compiled to
// WebAssembly, with the rules data) runs in a dedicated worker
// (./worker.js); the page only sends it answers and reads its replies, so
// nothing heavy ever runs on the main thread. Answers cross only by
// postMessage: never a URL, never storage.
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

  const ready = new Promise((resolve, reject) => {
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

  function answer ({ id, value, error }) {
    const w = waiting.get(id)
    if (!w) return
    waiting.delete(id)
    if (error === undefined) w.resolve(value)
    else w.reject(new Error(error))
  }

  // Messages to a worker are handled in order, so calls made before the
  // engine is ready are simply queued behind the start message.
  function call (method, arg) {
    if (failure) return Promise.reject(failure)
    return new Promise((resolve, reject) => {
      const id = ++next
      waiting.set(id, { resolve, reject })
      worker.postMessage({ id, method, arg })
    })
  }

  const base = document.baseURI
  worker.postMessage({ start: { wasm: new URL(wasm, base).href, rules: new URL(rules, base).href } })
  return {
    ready,
    relevant: answers => call('relevant', answers),
    validate: answers => call('validate', answers),
    evaluate: answers => call('evaluate', answers),
    progress: input => call('progress', input)
  }
}
