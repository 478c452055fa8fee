// The EHC needs assessment request letter, in real Chromium under the
// production CSP: the family fills it in, the letter uses the legal test,
// it can be saved as a file on the device, and nothing leaves the device.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch, openPage } from './lib/harness.mjs'
import { phoneJourney } from './lib/journey.mjs'
import { PHONE } from './lib/sizes.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const PATH = '/ehc-needs-assessment-letter/'
const ANSWERS = {
  parent_name: 'Sam Example',
  child_name: 'Alex Example',
  school: 'Hill Street Primary School',
  noticed: 'Alex cannot keep up with reading and is very tired after school.',
  helped: 'The SENCO gave Alex a reading group.'
}

// privately opens the letter page (PATH, or another language's) as a phone
// journey, runs fn, then makes the shared privacy checks: same-origin GETs
// only, nothing in any address or history, no cookies and no storage.
function privately (fn, path = PATH) {
  return phoneJourney(browser, server.origin, PHONE, async page => {
    await page.goto(server.origin + path)
    await page.locator('[data-letter-tool]:not([hidden])').waitFor()
    await fn(page)
    assert.equal(new URL(page.url()).pathname, path, 'still on the letter page')
  })
}

async function axe (page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  assert.deepEqual(violations.map(v => `${where}: ${v.id} ${v.nodes.map(n => n.target).join(' ')}`), [])
}

async function fillIn (page, answers) {
  for (const [id, value] of Object.entries(answers)) await page.fill(`#letter-${id}`, value)
}

test('the letter is made on the device with the legal test, and saved as a file', () => privately(async page => {
  await fillIn(page, ANSWERS)
  await page.getByRole('button', { name: 'Make the letter' }).click()
  const letter = page.locator('[data-letter-body]')
  await letter.waitFor()
  const text = await letter.innerText()
  assert.match(text, /Alex Example/)
  assert.match(text, /has or may have special educational needs/)
  assert.match(text, /may be necessary for special educational provision to be made through an EHC plan/)
  assert.match(text, /section 36 of the Children and Families Act 2014/)
  assert.match(text, /Example Council/, 'the council is named from the site settings')
  const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())
  assert.ok(text.includes(today), `the letter is dated today in English (${today})`)
  assert.doesNotMatch(text, /cannot meet/, 'the letter never says the school must be unable to meet needs')
  assert.doesNotMatch(text, /Date of birth/, 'an optional field left empty leaves its line out')
  assert.doesNotMatch(text, /\{[a-z_]+\}/, 'no placeholder is left')
  await axe(page, 'the letter')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the letter as a file' }).click()
  ])
  assert.equal(download.suggestedFilename(), 'ehc-needs-assessment-request.txt')
  const saved = await readFile(await download.path(), 'utf8')
  assert.match(saved, /^Sam Example\n\n/)
  assert.match(saved, /I believe Alex Example has or may have special educational needs/)
  assert.match(saved, /What I have noticed\n\nAlex cannot keep up with reading/)
  assert.match(saved, /Who has helped so far\n\nThe SENCO gave Alex a reading group\./)
  assert.match(saved, /Yours faithfully,\n\nSam Example\n$/)
}))

test('on the Polish page the boxes are in Polish and the letter, for the council, is in English', () => privately(async page => {
  assert.equal(await page.locator('html').getAttribute('lang'), 'pl')
  await fillIn(page, ANSWERS)
  await page.locator('[data-letter-form] button[type=submit]').click()
  const text = await page.locator('[data-letter-body]').innerText()
  assert.match(text, /I believe Alex Example has or may have special educational needs/)
  assert.ok(text.includes(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())), 'an English date')
}, '/pl' + PATH))

test('a required box left empty gets the GOV.UK error pattern, and what was typed is kept', () => privately(async page => {
  await fillIn(page, { parent_name: 'Sam Example', school: 'Hill Street Primary School' })
  await page.getByRole('button', { name: 'Make the letter' }).click()
  const summary = page.locator('[data-error-summary]')
  assert.ok(await summary.isVisible())
  assert.equal(await page.evaluate(() => document.activeElement.dataset.errorSummary !== undefined), true, 'focus moves to the summary')
  assert.deepEqual(await summary.locator('li:not([hidden])').allInnerTexts(), ["Enter your child's name", 'Say what you have noticed about your child'])
  assert.match(await page.title(), /^Error: /)
  assert.ok(await page.locator('#letter-child_name-error').isVisible())
  assert.equal(await page.inputValue('#letter-parent_name'), 'Sam Example')
  await summary.getByRole('link', { name: "Enter your child's name" }).click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'letter-child_name')
  assert.equal(await page.locator('[data-letter-result]').isVisible(), false)
  await axe(page, 'errors')
}))

test('printing shows the letter alone; Change the letter goes back with the answers kept', () => privately(async page => {
  await fillIn(page, ANSWERS)
  await page.getByRole('button', { name: 'Make the letter' }).click()
  await page.emulateMedia({ media: 'print' })
  assert.ok(await page.locator('[data-letter-body]').isVisible())
  for (const sel of ['[data-letter-form]', 'main h1', '.app-page-meta', '[data-action=print]']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`)
  }
  await page.emulateMedia({ media: 'screen' })
  await page.getByRole('button', { name: 'Change the letter' }).click()
  assert.equal(await page.inputValue('#letter-child_name'), 'Alex Example')
}))

test('without JavaScript the page shows the letter with blanks to fill in by hand', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false })
  await page.goto(server.origin + PATH)
  const text = await page.locator('main').innerText()
  assert.match(text, /\[your child's name\]/)
  assert.match(text, /has or may have special educational needs/)
  assert.equal(await page.locator('[data-letter-form]').isVisible(), false)
  await context.close()
})
