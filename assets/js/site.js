// Runs on every page: marks the page as scripted for GOV.UK Frontend's CSS and
// starts the components the page uses. It is a module file, not an inline
// script, because the Content-Security-Policy forbids inline scripts.

// Each component from its own module, and no createAll: Hugo bundles
// GOV.UK Frontend from a mount, where the package's "sideEffects": false is
// not seen, so importing its index or init.mjs would bring in every
// component (about 6 KB brotli more on every page).
import { Button } from 'govuk-frontend/govuk/components/button/button.mjs'
import { ExitThisPage } from 'govuk-frontend/govuk/components/exit-this-page/exit-this-page.mjs'
import { ServiceNavigation } from 'govuk-frontend/govuk/components/service-navigation/service-navigation.mjs'
import { SkipLink } from 'govuk-frontend/govuk/components/skip-link/skip-link.mjs'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
for (const Component of [Button, ExitThisPage, ServiceNavigation, SkipLink]) {
  for (const el of document.querySelectorAll(`[data-module="${Component.moduleName}"]`)) {
    try {
      new Component(el) // eslint-disable-line no-new
    } catch (err) {
      console.error(err)
    }
  }
}

// The header's search box hands its words to the search page through
// window.name, which lives only in this tab and never in the address or the
// browser's history. The search page reads it once and clears it.
const searchBox = document.querySelector('.app-header-search')
searchBox?.addEventListener('submit', e => {
  e.preventDefault()
  window.name = 'focus-family-search:' + searchBox.querySelector('input').value
  location.assign(searchBox.action)
})

// The checker and the progress check start their rules engine in their own
// script. If that script or the WebAssembly fails to arrive or stalls, this
// one (which loads on every page) says so after a few seconds and points to
// the printable criteria, instead of leaving Start disabled without a word.
const ENGINE_PATIENCE_MS = 5000
const engineRoot = document.querySelector('[data-engine-root]')
if (engineRoot) {
  setTimeout(() => {
    if (!engineRoot.dataset.engine) engineRoot.querySelector('[data-load-slow]').hidden = false
  }, ENGINE_PATIENCE_MS)
}
