// The theme pages' criteria and progress measures come from the rules data
// (data/rules/themes.yaml, published with the site as assets/rules.*.json):
// every criterion, its significant and sustained progress and the "national
// example" label appear on the theme's page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { startServer, launch, openPage, problems } from './lib/harness.mjs'

let server, browser, rules
before(async () => {
  // The published models (one a language) hold the rules with their texts
  // filled in (thresholds as numbers); these pages are the English ones.
  const files = (await readdir('public/assets')).filter(f => /^rules\.[0-9a-f]+\.json$/.test(f))
  const models = await Promise.all(files.map(async f => JSON.parse(await readFile(`public/assets/${f}`, 'utf8'))))
  rules = models.find(m => m.lang === 'en').rules
  server = await startServer()
  browser = await launch()
})
after(async () => { await browser?.close(); await server?.stop() })

const squash = s => s.replace(/\s+/g, ' ').trim()

test('each theme page shows its criteria and progress measures from the data', async () => {
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/themes/')
  const links = await page.locator('main a[href^="/themes/"]').evaluateAll(as => [...new Set(as.map(a => a.getAttribute('href')))])
  const seen = new Set()
  for (const href of links) {
    await page.goto(server.origin + href)
    const caption = await page.locator('main .govuk-caption-l').first().innerText().catch(() => '')
    const number = Number((caption.match(/Theme (\d)/) || [])[1])
    const theme = rules.themes.themes.find(t => t.number === number)
    if (!theme) continue
    seen.add(number)
    const text = squash(await page.locator('main').innerText())
    for (const c of theme.criteria) {
      for (const words of [c.text, c.significant.text, c.sustained.text]) {
        assert.ok(text.includes(squash(words)), `theme ${number} page shows "${words}"`)
      }
    }
    assert.equal(text.includes('National example'), theme.status === 'national example', `theme ${number}: the national example label`)
  }
  assert.deepEqual([...seen].sort(), rules.themes.themes.map(t => t.number).sort())
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})
