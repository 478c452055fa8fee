// How the checker and the progress check follow their engine's start-up.
// site.js shows the "taking long" message if the engine has neither started
// nor failed after a few seconds (a script or WebAssembly that never
// arrives); this takes it away again once the engine has settled.
export function watchEngine (root, ready, cannotStart) {
  const settle = () => { root.querySelector('[data-load-slow]').hidden = true }
  ready.then(() => { settle(); root.dataset.engine = 'ready' }, err => { settle(); cannotStart(err) })
}
