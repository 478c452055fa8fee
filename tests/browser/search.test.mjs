// Site search (Pagefind, through its JavaScript API, rendered with GOV.UK
// markup): it finds pages on the device under the production CSP, filters by
// section, never returns pages marked noindex (the checker and progress
// check), keeps the words searched for out of the address bar, and without
// JavaScript says so and links to the section lists.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'

const SITE = process.env.SITE_DIR || 'public'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let server, browser
before(async () => { server = await startServer(SITE); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

// search fills the search page's form and waits for the status line to give a result.
async function search (page, words) {
  await page.fill('#search-q', words)
  await page.click('#search-form button[type=submit]')
  await page.waitForFunction(() => /\d|No pages/.test(document.getElementById('search-status').textContent))
}

async function resultLinks (page) {
  return page.locator('#search-list .app-search-result__title a').evaluateAll(as => as.map(a => new URL(a.href).pathname))
}

// The pages the index must never contain: those marked noindex, and the 404 page.
async function noindexPages () {
  const found = []
  async function walk (dir) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) { if (e.name !== 'pagefind') await walk(full) } else if (e.name === 'index.html') {
        const html = await readFile(full, 'utf8')
        if (/<meta\b[^>]*name=["']?robots["']?[^>]*content=["']?[^"'>]*noindex/i.test(html)) {
          const title = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i)?.[1].replace(/<[^>]+>/g, '').trim()
          found.push({ url: '/' + path.relative(SITE, path.dirname(full)).split(path.sep).join('/') + '/', title })
        }
      }
    }
  }
  await walk(SITE)
  return found
}

test('the search page finds pages on the device, under the CSP, with nothing stored', async () => {
  const { context, page, log } = await openPage(browser)
  const res = await page.goto(server.origin + '/search/')
  assert.equal(res.status(), 200)
  assert.ok(await page.locator('#search-q').isVisible(), 'the search box shows')
  await search(page, 'attendance')
  assert.match(await page.locator('#search-status').innerText(), /^\d+ results?$/)
  const links = await resultLinks(page)
  assert.ok(links.length > 0 && links.length <= 10, `between 1 and 10 results shown at first, got ${links.length}`)
  assert.ok(links.includes('/themes/school-attendance/'), 'the school attendance theme is found: ' + links.join(' '))
  // Every result is a GOV.UK link with a heading and an excerpt, the words found in bold (<mark>).
  const first = page.locator('#search-list .app-search-result').first()
  assert.ok(await first.locator('h2 a.govuk-link').isVisible())
  assert.ok(await first.locator('.app-search-result__excerpt mark').count() > 0, 'matched words are marked')
  assert.deepEqual(problems(log, server.origin), [])
  assert.ok(log.requests.some(r => r.url.includes('/pagefind/')), 'Pagefind is loaded from this site')
  assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
  await context.close()
})

// A professional looking for a referral route finds the pathway's "How to refer" section first.
test('searching for a referral route returns the pathway first', async () => {
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/search/')
  for (const [words, want] of [['medical needs referral', '/pathways/medical-needs/'], ['EBSA referral', '/pathways/ebsa/']]) {
    await search(page, words)
    const links = await resultLinks(page)
    assert.equal(links[0], want, `"${words}" should list ${want} first, got: ${links.slice(0, 5).join(' ')}`)
  }
  assert.deepEqual(problems(log, server.origin), [])
  assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
  await context.close()
})

test('the header search box leads to results, and the words never enter the address or history', async () => {
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/themes/')
  const box = page.locator('header form[role=search]')
  await box.locator('input').fill('early help')
  await Promise.all([page.waitForURL(/\/search\/$/), box.locator('button').click()])
  await page.waitForFunction(() => /\d|No pages/.test(document.getElementById('search-status').textContent))
  assert.equal(await page.inputValue('#search-q'), 'early help')
  assert.ok((await resultLinks(page)).includes('/pathways/early-help/'))
  assert.ok(log.requests.every(r => !/early|help/i.test(new URL(r.url).search + new URL(r.url).pathname)), 'the words are in no request')
  assert.equal(await page.evaluate(() => window.name), '', 'the hand-over is cleared')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

test('results can be filtered by section, and a section alone lists its pages', async () => {
  const { context, page } = await openPage(browser)
  await page.goto(server.origin + '/search/')
  const sections = await page.locator('#search-form input[name=section]').evaluateAll(bs => bs.map(b => b.value))
  assert.deepEqual(sections.sort(), ['case-studies', 'pathways', 'services', 'themes', 'your-rights'])
  await page.check('#search-form input[value=themes]')
  await search(page, 'attendance')
  const links = await resultLinks(page)
  assert.ok(links.length > 0)
  for (const l of links) assert.match(l, /^\/themes\//, 'a Themes-only search returns theme pages')
  assert.equal(await page.locator('.app-search-result__section').first().innerText(), 'Themes')
  // No words, one section: every page of the section.
  await page.fill('#search-q', '')
  await page.uncheck('#search-form input[value=themes]')
  await page.check('#search-form input[value=case-studies]')
  await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent))
  const count = Number((await page.locator('#search-status').innerText()).match(/\d+/)[0])
  const files = (await readdir(path.join(SITE, 'case-studies'), { withFileTypes: true })).filter(e => e.isDirectory())
  assert.equal(count, files.length + 1, 'every case study and the case studies list')
  await context.close()
})

test('"Show more results" adds the next results and moves focus to the first of them', async () => {
  const { context, page } = await openPage(browser)
  await page.goto(server.origin + '/search/')
  await search(page, 'school')
  const total = Number((await page.locator('#search-status').innerText()).match(/\d+/)[0])
  assert.ok(total > 10, `"school" finds more than 10 pages (${total})`)
  await page.click('#search-more')
  await page.waitForFunction(() => document.querySelectorAll('#search-list li').length > 10)
  const focused = await page.evaluate(() => document.activeElement.closest('li') === document.querySelectorAll('#search-list li')[10])
  assert.ok(focused, 'focus is on the 11th result')
  await context.close()
})

test('pages marked noindex (the checker, the progress check), the 404 page and the search page are never found', async () => {
  const hidden = await noindexPages()
  assert.ok(hidden.some(p => p.url === '/checker/'), 'the checker is marked noindex: ' + JSON.stringify(hidden))
  const { context, page } = await openPage(browser)
  await page.goto(server.origin + '/search/')
  // All indexed pages, straight from Pagefind's API.
  const all = await page.evaluate(async () => {
    const pf = await import('/pagefind/pagefind.js')
    const words = ['the', 'a', 'and', 'search', 'checker', 'not found', 'progress', 'answers', 'result']
    const urls = new Set()
    for (const w of words) {
      const r = await pf.search(w)
      for (const x of await Promise.all(r.results.map(x => x.data()))) urls.add(new URL(x.url, location.href).pathname)
    }
    return [...urls]
  })
  assert.ok(all.length > 20, `the index holds the content pages (${all.length})`)
  for (const p of hidden) {
    assert.ok(!all.includes(p.url), `${p.url} (noindex) is in the search index`)
    if (p.title) {
      await search(page, p.title)
      assert.ok(!(await resultLinks(page)).includes(p.url), `searching for "${p.title}" finds the noindex page ${p.url}`)
    }
  }
  assert.ok(!all.includes('/search/'), 'the search page is not in the index')
  assert.ok(!all.some(u => u.includes('404')), 'the 404 page is not in the index')
  await context.close()
})

test('without JavaScript the search page says so and links to the section lists', async () => {
  const { context, page } = await openPage(browser, { javaScriptEnabled: false })
  await page.goto(server.origin + '/search/?q=attendance')
  const notice = page.locator('.app-search-noscript')
  assert.ok(await notice.isVisible(), 'the no-JavaScript notice shows')
  assert.match(await notice.innerText(), /JavaScript/)
  const links = await notice.locator('a').evaluateAll(as => as.map(a => new URL(a.href).pathname))
  assert.deepEqual(links.sort(), ['/case-studies/', '/pathways/', '/services/', '/themes/', '/your-rights/'])
  assert.equal(await page.locator('#search-form').isVisible(), false, 'the form that needs JavaScript is hidden')
  await context.close()
})

test('the search page with results has no accessibility violations', async () => {
  const { context, page } = await openPage(browser)
  await page.goto(server.origin + '/search/')
  await page.check('#search-form input[value=pathways]')
  await search(page, 'school')
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  assert.deepEqual(violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), [])
  await context.close()
})
