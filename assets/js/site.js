// Runs on every page: marks the page as scripted for GOV.UK Frontend's CSS and
// starts the components the page uses. It is a module file, not an inline
// script, because the Content-Security-Policy forbids inline scripts.
import { createAll, Button, ExitThisPage, ServiceNavigation, SkipLink } from 'govuk-frontend'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
for (const component of [Button, ExitThisPage, ServiceNavigation, SkipLink]) {
  createAll(component)
}
