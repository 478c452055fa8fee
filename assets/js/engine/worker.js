// The rules engine's worker: Go compiled to WebAssembly, run off the page's
// main thread so typing and scrolling never wait for it. It compiles the
// WebAssembly as it streams in and reads the rules data (both handed over
// by the page, see ./engine.js), then answers the page's questions by
// message. Nothing is stored or sent.
//
// Messages in:  {start: {wasm, rules}} once (each a ReadableStream or a URL), then {id, method, arg}.
// Messages out: {ready: true} or {failed: reason}, then {id, value} or {id, error}.
import 'generated/wasm_exec.js'

const METHODS = new Set(['relevant', 'validate', 'evaluate', 'progress'])
let api
let started = null

// Each file comes as a stream (the page's download, handed over) or, from a
// browser that cannot hand one over, as an address to fetch.
function response (file, type) {
  if (typeof file === 'string') return fetch(file)
  return new Response(file, { headers: { 'Content-Type': type } })
}

async function start ({ wasm, rules }) {
  const data = Promise.resolve(response(rules, 'application/json')).then(r => {
    if (!r.ok) throw new Error(`rules data: HTTP ${r.status}`)
    return r.json()
  })
  data.catch(() => {}) // reported below, after the WebAssembly, whichever fails first
  const go = new globalThis.Go()
  const { instance } = await WebAssembly.instantiateStreaming(response(wasm, 'application/wasm'), go.importObject)
  go.run(instance)
  const rulesAPI = globalThis.focusFamilyRules
  const loaded = rulesAPI.load(await data)
  if (!loaded.ok) throw new Error('rules data: ' + loaded.errors.join('; '))
  api = rulesAPI
}

function call ({ id, method, arg }) {
  if (!api) return { id, error: 'the engine did not start' }
  if (!METHODS.has(method)) return { id, error: `the engine has no method ${method}` }
  try {
    return { id, value: api[method](arg) }
  } catch (err) {
    return { id, error: String(err?.message || err) }
  }
}

// Calls that arrive while the engine is starting wait for it, in order.
self.onmessage = e => {
  const m = e.data
  if (m?.start && !started) {
    started = start(m.start)
    started.then(() => self.postMessage({ ready: true }), err => self.postMessage({ failed: String(err?.message || err) }))
    return
  }
  const reply = () => self.postMessage(call(m))
  if (api || !started) reply()
  else started.then(reply, reply)
}
