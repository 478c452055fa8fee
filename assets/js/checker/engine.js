// Starts the rules engine: Go compiled to WebAssembly, with the rules data
// the build wrote as JSON. Both come from this site; nothing is sent.
export async function startEngine (root) {
  const rules = fetch(root.dataset.rules).then(r => {
    if (!r.ok) throw new Error(`rules data: HTTP ${r.status}`)
    return r.json()
  })
  const go = new globalThis.Go()
  const { instance } = await WebAssembly.instantiateStreaming(fetch(root.dataset.wasm), go.importObject)
  go.run(instance)
  const api = globalThis.focusFamilyRules
  const loaded = api.load(await rules)
  if (!loaded.ok) throw new Error('rules data: ' + loaded.errors.join('; '))
  return api
}
