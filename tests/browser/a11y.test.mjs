// Accessibility of every built page: an axe scan (WCAG 2.0, 2.1 and 2.2, A and
// AA) of each index.html in the built site, and the 404 page, served by the
// preview server under the production headers. Any violation fails, naming
// the page, the rule and the elements. Every English page is scanned, and in
// Polish and Arabic one page of every type.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch } from './lib/harness.mjs'

const SITE = process.env.SITE_DIR || 'public'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

// pagesOf lists the URL paths of the site's pages: every folder with an
// index.html (but Pagefind's), and the 404 page.
async function pagesOf (dir) {
  const urls = []
  async function walk (d) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!(d === dir && e.name === 'pagefind')) await walk(path.join(d, e.name))
      } else if (e.name === 'index.html' || (e.name === '404.html' && (d === dir || OTHER_LANGUAGES.includes(path.basename(d))))) {
        const rel = path.relative(dir, path.join(d, e.name)).split(path.sep).join('/')
        urls.push('/' + rel.replace(/(^|\/)index\.html$/, '$1'))
      }
    }
  }
  await walk(dir)
  return urls.sort()
}

// sample keeps every English page and, in each other language, one page of
// each type (its section, and whether it is the section's own page or one
// inside it): the templates are the same in every language, only the words
// and the direction differ.
const OTHER_LANGUAGES = ['pl', 'ar']
function sample (urls) {
  const seen = new Set()
  return urls.filter(u => {
    const parts = u.split('/').filter(Boolean)
    if (!OTHER_LANGUAGES.includes(parts[0])) return true
    const type = `${parts[0]}/${parts.length <= 2 ? parts.slice(1).join('/') : parts[1] + '/*'}`
    if (seen.has(type)) return false
    seen.add(type)
    return true
  })
}

// scan runs axe in the page. The portal's pages have no frames, so axe's
// legacy mode (one run in the page, no per-frame runs joined in a blank page)
// checks the same, in about half the time.
function scan (page) {
  return new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze()
}

function describe (url, violations) {
  return violations.map(v => `${url}: ${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map(n => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n'))
}

const pages = sample(await pagesOf(SITE))

let server, browser, context, page
before(async () => {
  server = await startServer(SITE)
  browser = await launch()
  context = await browser.newContext()
  // Nothing may leave this machine.
  await context.route(url => url.hostname !== '127.0.0.1', route => route.abort())
  page = await context.newPage()
})
after(async () => { await browser?.close(); await server?.stop() })

test('the site has pages to scan', () => {
  assert.ok(pages.length > 0, `no pages found in ${SITE}/`)
  assert.ok(pages.includes('/'), 'the home page is scanned')
})

for (const url of pages) {
  test(`${url} has no accessibility violations`, async () => {
    const res = await page.goto(server.origin + url, { waitUntil: 'load' })
    assert.equal(res.status(), 200, `${url} is served`)
    const { violations } = await scan(page)
    assert.deepEqual(describe(url, violations), [], describe(url, violations).join('\n'))
  })
}

test('the scan reports a violation when there is one', async () => {
  // Proves the check can fail: an image without alternative text and an
  // unlabelled field, added to the home page, must be reported.
  await page.goto(server.origin + '/', { waitUntil: 'load' })
  await page.evaluate(() => {
    const img = document.createElement('img')
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
    const input = document.createElement('input')
    input.type = 'text'
    document.querySelector('main').append(img, input)
  })
  const { violations } = await scan(page)
  const rules = violations.map(v => v.id)
  assert.ok(rules.includes('image-alt'), 'image-alt is reported: ' + rules.join(', '))
  assert.ok(rules.includes('label'), 'label is reported: ' + rules.join(', '))
  assert.match(describe('/', violations).join('\n'), /^\/: image-alt .*\n\s+img\n/m, 'the report names the page, the rule and the element')
})
