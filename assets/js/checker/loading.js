// The checker's and the progress check's two endings of start-up. site.js
// shows the "taking long" message if neither has happened after a few
// seconds (a script or the WebAssembly that never arrives).

export function engineReady (root) {
  root.querySelector('[data-load-slow]').hidden = true
  root.dataset.ready = 'true'
}

export function engineFailed (root, err) {
  root.querySelector('[data-load-slow]').hidden = true
  root.querySelector('[data-load-failed]').hidden = false
  root.dataset.ready = 'failed'
  console.warn('The rules engine could not start:', err)
}
