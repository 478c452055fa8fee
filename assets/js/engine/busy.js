// busyTracker returns busy(work): it marks root busy (aria-busy, for
// assistive technology and for tests) while any promise handed to it is
// still running, and hands a failure to onFail. The engine answers from its
// worker, so a step comes a moment after the click that asked for it.
export function busyTracker (root, onFail) {
  let pending = 0
  return work => {
    if (!work) return
    pending++
    root.setAttribute('aria-busy', 'true')
    work.catch(onFail).finally(() => { if (--pending === 0) root.removeAttribute('aria-busy') })
  }
}
