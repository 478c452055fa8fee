// The checker's history entries: every pushState and replaceState a page
// makes is recorded (state and address), so a test can prove that the
// history holds only step numbers, never an answer, and never a new address.
import assert from 'node:assert/strict'

export async function recordHistory (context) {
  await context.addInitScript(() => {
    window.__historyCalls = []
    for (const name of ['pushState', 'replaceState']) {
      const original = history[name].bind(history)
      history[name] = (state, title, url) => {
        window.__historyCalls.push({ name, state: JSON.stringify(state), url: url === undefined ? null : String(url) })
        return original(state, title, url)
      }
    }
  })
}

// assertHistoryHoldsNoAnswer checks every recorded call and the current
// state: a state is null or exactly {step: <whole number>}, and no call
// changes the address.
export async function assertHistoryHoldsNoAnswer (page) {
  const { calls, state } = await page.evaluate(() => ({ calls: window.__historyCalls ?? [], state: JSON.stringify(history.state) }))
  for (const { name, state: s, url } of [...calls, { name: 'history.state', state, url: null }]) {
    const parsed = JSON.parse(s)
    if (parsed !== null) {
      assert.deepEqual(Object.keys(parsed), ['step'], `${name}: the state holds only a step number (${s})`)
      assert.ok(Number.isInteger(parsed.step), `${name}: the step is a whole number (${s})`)
    }
    assert.equal(url, null, `${name}: the address is never changed`)
  }
  return calls.length
}
