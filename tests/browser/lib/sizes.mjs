// The two screens every phone journey is tried on: a 390×844 phone, and the
// same phone at 200% zoom (half the CSS pixels, each drawn twice as large).
export const PHONE = { name: '390×844', context: { viewport: { width: 390, height: 844 } } }
export const ZOOM = { name: '200% zoom', context: { viewport: { width: 195, height: 422 }, deviceScaleFactor: 2 } }
export const SIZES = [PHONE, ZOOM]
