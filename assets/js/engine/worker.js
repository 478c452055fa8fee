// The rules engine's worker: Go compiled to WebAssembly, run off the page's
// main thread so typing and scrolling never wait for it. It compiles the
// WebAssembly as it streams in and reads the rules data (both handed over
// by the page, see ./engine.js), then answers the page's questions by
// message. Nothing is stored or sent.
//
// Messages in:  {start: {wasm, rules}} once (each a ReadableStream or a URL), then {id, method, json}.
// Messages out: {ready: true} or {failed: reason}, then {id, json} or {id, error}.
// Answers and results cross as JSON text, the engine's own form: a string
// is copied between threads far faster than an object is cloned.
import 'generated/wasm_exec.js'

const METHODS = new Set(['relevant', 'validate', 'evaluate', 'progress'])
const encoder = new TextEncoder()
const decoder = new TextDecoder()
let engine
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
    return r.arrayBuffer()
  })
  data.catch(() => {}) // reported below, after the WebAssembly, whichever fails first
  const go = new globalThis.Go()
  // Collecting garbage less often (when the heap has tripled, not doubled)
  // makes an evaluation about a tenth faster; the engine's memory grows
  // from about 8 to 12 MB.
  go.env = { GOGC: '200' }
  const { instance } = await WebAssembly.instantiateStreaming(response(wasm, 'application/wasm'), go.importObject)
  go.run(instance)
  const loaded = JSON.parse(exchange(instance.exports, 'load', new Uint8Array(await data)))
  if (!loaded.ok) throw new Error('rules data: ' + loaded.errors.join('; '))
  engine = instance.exports
}

// exchange hands the engine JSON text as UTF-8 in its own memory and reads
// its JSON reply from there: no crossing per value (wasm/main.go).
function exchange (exports, method, text) {
  put(exports, text)
  const length = exports[method]()
  return decoder.decode(new Uint8Array(exports.mem.buffer, exports.output(), length))
}

// put writes text (a string, or UTF-8 bytes) into the engine's input. A
// string is encoded straight into it, with no copy made on the way: UTF-8
// takes at most 3 bytes for each UTF-16 unit, and input(n) again with the
// length written keeps the buffer and cuts it to the text. (input may grow
// the engine's memory, so mem.buffer is read after it.)
function put (exports, text) {
  if (typeof text !== 'string') {
    const at = exports.input(text.length)
    new Uint8Array(exports.mem.buffer, at, text.length).set(text)
    return
  }
  const most = text.length * 3
  const at = exports.input(most)
  const { written } = encoder.encodeInto(text, new Uint8Array(exports.mem.buffer, at, most))
  exports.input(written)
}

function call ({ id, method, json }) {
  if (!engine) return { id, error: 'the engine did not start' }
  if (!METHODS.has(method)) return { id, error: `the engine has no method ${method}` }
  try {
    return { id, json: exchange(engine, method, String(json)) }
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
  if (engine || !started) reply()
  else started.then(reply, reply)
}
