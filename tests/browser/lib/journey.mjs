// One phone journey in a fresh browser context, with the privacy checks
// every journey must pass: same-origin GETs only with nothing in any
// address, no console or CSP error, no history entry but step numbers, no
// cookies and no storage.
import assert from 'node:assert/strict'
import { openPage, problems, storageState } from './harness.mjs'
import { recordHistory, assertHistoryHoldsNoAnswer } from './history.mjs'

// allow(problem) excuses an expected problem (a request a test blocks on
// purpose); allowQuery(url) a query string that holds no answer (Pagefind's
// cache-busting timestamp on its entry file).
export async function phoneJourney (browser, origin, size, fn, { allow = () => false, allowQuery = () => false } = {}) {
  const { context, page, log } = await openPage(browser, { context: size.context })
  await recordHistory(context)
  try {
    await fn(page, context, log)
    assert.deepEqual(problems(log, origin).filter(p => !allow(p)), [])
    for (const r of log.requests) {
      const u = new URL(r.url)
      if (!allowQuery(r.url)) assert.equal(u.search + u.hash, '', `nothing in the address of ${r.url}`)
    }
    const here = new URL(page.url())
    assert.equal(here.search + here.hash, '', 'the address bar holds no answer')
    await assertHistoryHoldsNoAnswer(page)
    assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 }, 'nothing stored')
  } finally {
    await context.close()
  }
}

// errorSummary returns the texts of the error summary's visible entries,
// and checks the summary is never shown empty.
export async function errorSummary (page) {
  const summary = page.locator('[data-error-summary]')
  await summary.waitFor({ state: 'visible' })
  const items = await summary.locator('li:not([hidden]) a').allInnerTexts()
  assert.ok(items.length > 0 && items.every(t => t.trim() !== ''), 'the error summary is never empty')
  return items
}
