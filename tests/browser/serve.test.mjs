// make serve: the production site in build/serve, never public/ (which a council
// uploads), with search and the Open Referral UK API working, rebuilt when a
// source file changes. Started, used, then stopped: public/ must be exactly as
// it was.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, statSync, existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { launch, openPage, problems, storageState } from './lib/harness.mjs'
import { start } from './lib/run.mjs'

// snapshot lists every file under dir with its size and modification time.
function snapshot (dir) {
  if (!existsSync(dir)) return 'absent'
  const files = []
  for (const e of readdirSync(dir, { recursive: true })) {
    const s = statSync(join(dir, e))
    files.push(`${e} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`)
  }
  return files.sort()
}

// startServe runs `make serve` in its own process group and waits for the address.
async function startServe () {
  const serve = await start('make', ['--no-print-directory', 'serve', 'ADDR=127.0.0.1:0'],
    { ready: out => out.match(/serving build\/serve at (http:\/\/[0-9.:]+)\//)?.[1] })
  return { origin: serve.value, output: serve.output, stop: serve.stop }
}

async function waitFor (what, check, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await check()) return
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  assert.fail(`${what} within ${seconds} s`)
}

test('make serve serves search and the API from build/serve, rebuilds on change, and leaves public/ untouched', { timeout: 300_000 }, async () => {
  const before = snapshot('public')
  const copies = []
  const serve = await startServe()
  const browser = await launch()
  try {
    const res = await fetch(serve.origin + '/api/services')
    assert.equal(res.status, 200)
    const list = await res.json()
    assert.ok(list.total_items > 0 && list.contents.length > 0, 'the API lists services')
    assert.match((await fetch(serve.origin + '/')).headers.get('strict-transport-security'), /max-age=63072000/)

    const { context, page, log } = await openPage(browser)
    await page.goto(serve.origin + '/search/')
    await page.fill('#search-q', 'attendance')
    await page.click('#search-form button[type=submit]')
    await page.waitForFunction(() => /\d|No pages/.test(document.getElementById('search-status').textContent))
    const links = await page.locator('#search-list .app-search-result__title a').evaluateAll(as => as.map(a => new URL(a.href).pathname))
    assert.ok(links.includes('/themes/school-attendance/'), 'search finds the school attendance theme: ' + links.join(' '))
    assert.deepEqual(problems(log, serve.origin), [])
    assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
    await context.close()

    // A new page appears once the watcher has rebuilt the site. It is a copy of
    // the cookies page, with its translations, so it meets every content rule.
    for (const name of readdirSync('content').filter(n => /^cookies(\.[a-z]+)?\.md$/.test(n))) {
      const copy = join('content', name.replace('cookies', 'zz-serve-test'))
      copies.push(copy)
      writeFileSync(copy, readFileSync(join('content', name), 'utf8').replace(/^title: .*$/m, 'title: Serve test page'))
    }
    await waitFor('the new page is served', async () => (await fetch(serve.origin + '/zz-serve-test/')).status === 200, 120)
    assert.match(await (await fetch(serve.origin + '/zz-serve-test/')).text(), /Serve test page/)
    assert.doesNotMatch(serve.output(), /livereload/i)
  } finally {
    for (const copy of copies) rmSync(copy, { force: true })
    await browser.close()
    await serve.stop()
  }
  assert.deepEqual(snapshot('public'), before, 'public/ changed while make serve ran')
})
