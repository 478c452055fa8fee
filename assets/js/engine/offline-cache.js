// The one Cache Storage name of the offline copy, shared by the page and
// the service worker. (Imported by its path under assets/: the worker is
// published at the site's root, so a relative path would not resolve.)
export const CACHE = 'focus-family-offline-copy'
