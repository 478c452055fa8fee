// The services directory: filtered by theme, pathway and age in the browser,
// with nothing sent, stored or put in the address; the full list without
// JavaScript.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const items = page => page.locator('#directory [data-terms]')
const visibleTerms = page => page.locator('#directory [data-terms]:visible').evaluateAll(els =>
  els.map(e => ({ terms: e.dataset.terms.split(/\s+/), min: e.dataset.minAge, max: e.dataset.maxAge })))

test('filters by theme, pathway and age, and clears', async () => {
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/services/')
  const total = await items(page).count()
  assert.ok(total >= 10, `${total} services listed`)
  assert.ok(await page.locator('#directory-filter').isVisible(), 'the filters show with JavaScript')

  await page.selectOption('#filter-theme', 'theme-2')
  const byTheme = await visibleTerms(page)
  assert.ok(byTheme.length > 0 && byTheme.length < total)
  assert.ok(byTheme.every(s => s.terms.includes('theme-2')))
  assert.match(await page.locator('#directory-count').innerText(), new RegExp(`${byTheme.length} of ${total}`))

  await page.selectOption('#filter-pathway', 'pathway-medical-needs')
  const both = await visibleTerms(page)
  assert.ok(both.every(s => s.terms.includes('theme-2') && s.terms.includes('pathway-medical-needs')))

  await page.selectOption('#filter-theme', '')
  await page.selectOption('#filter-pathway', '')
  await page.fill('#filter-age', '25')
  const adults = await visibleTerms(page)
  assert.ok(adults.length < total, 'services for children only are hidden for a 25-year-old')
  assert.ok(adults.every(s => (s.min === '' || Number(s.min) <= 25) && (s.max === '' || Number(s.max) >= 25)))

  await page.fill('#filter-age', 'twelve')
  assert.ok(await page.locator('#filter-age-error').isVisible(), 'a wrong age gets an inline error')
  assert.match(await page.locator('#filter-age-error').innerText(), /whole number/)
  assert.equal(await page.inputValue('#filter-age'), 'twelve', 'what was typed is kept')
  assert.equal(await page.locator('#directory [data-terms]:visible').count(), total, 'a wrong age filters nothing out')
  await page.fill('#filter-age', '12')
  assert.equal(await page.locator('#filter-age-error').isVisible(), false)

  await page.locator('#directory-filter').getByRole('button', { name: /clear/i }).click()
  await page.waitForFunction(n => document.querySelectorAll('#directory [data-terms]:not([hidden])').length === n, total)

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  assert.deepEqual(violations.map(v => v.id), [])
  assert.equal(new URL(page.url()).search, '', 'the filters stay out of the address')
  assert.deepEqual(problems(log, server.origin), [])
  assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
  await context.close()
})

test('without JavaScript every service is listed and the filters stay hidden', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false })
  await page.goto(server.origin + '/services/')
  assert.equal(await page.locator('#directory-filter').isVisible(), false)
  const total = await items(page).count()
  assert.equal(await page.locator('#directory [data-terms]:visible').count(), total)
  await context.close()
})

test('each service has its own page, with its example contacts marked as examples', async () => {
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/services/')
  const link = page.locator('#directory a[href^="/services/"]').first()
  const name = (await link.innerText()).trim()
  await link.click()
  assert.equal((await page.locator('h1').innerText()).trim(), name)
  assert.ok(await page.getByText('Example contact').first().isVisible())
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})
