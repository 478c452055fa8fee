// The portal in Polish and Arabic: every page exists in each language and links
// to itself in the others; Arabic reads right to left and fits a 320 px screen;
// the checker and the progress check run whole journeys in each language with
// the same privacy assertions as in English, and their reasons come in the
// page's language; search finds only pages in the page's language.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'
import { answerAll, seeResult, result, waitReady, startChecker, currentQuestion, fill, settled } from './lib/checker.mjs'
import { PHONE } from './lib/sizes.mjs'
import { phoneJourney } from './lib/journey.mjs'

const SITE = process.env.SITE_DIR || 'public'
const LANGS = { pl: { dir: 'ltr' }, ar: { dir: 'rtl' } }
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let server, browser
before(async () => { server = await startServer(SITE); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

// englishPages lists the site path of every English page in the build.
async function englishPages () {
  const found = []
  async function walk (dir) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      const rel = path.relative(SITE, full).split(path.sep).join('/')
      if (e.isDirectory()) {
        if (!['pagefind', 'api', 'assets', 'css', 'js', 'en', 'pl', 'ar'].includes(rel.split('/')[0])) await walk(full)
      } else if (e.name === 'index.html') {
        found.push('/' + (path.dirname(rel) === '.' ? '' : path.dirname(rel) + '/'))
      }
    }
  }
  await walk(SITE)
  return found.sort()
}

const file = p => path.join(SITE, p, 'index.html')
const attr = (html, re) => html.match(re)?.[1]

test('every page exists in Polish and Arabic, with lang, dir, hreflang and a switcher to the same page', async () => {
  const pages = await englishPages()
  assert.ok(pages.length > 50, `${pages.length} English pages`)
  for (const p of pages) {
    const en = await readFile(file(p), 'utf8')
    assert.equal(attr(en, /<html[^>]*\blang=["']?([\w-]+)/), 'en-GB', p)
    for (const [lang, { dir }] of Object.entries(LANGS)) {
      const other = `/${lang}${p}`
      const html = await readFile(file(other), 'utf8').catch(() => null)
      assert.ok(html, `${other} exists`)
      assert.equal(attr(html, /<html[^>]*\blang=["']?([\w-]+)/), lang, `${other} lang`)
      assert.equal(attr(html, /<html[^>]*\bdir=["']?(\w+)/), dir, `${other} dir`)
      assert.match(en, new RegExp(`<a [^>]*href=["']?${other}["' >][^>]*hreflang=["']?${lang}`), `${p} links to ${other} in the switcher`)
      assert.match(html, new RegExp(`<link rel=["']?alternate["']? hreflang=["']?en-GB["']? href=["']?[^"' >]*${p}["' >]`), `${other} names its English page`)
      assert.match(html, /app-translation-notice/, `${other} says it was translated with help from software`)
    }
  }
})

test('Arabic pages read right to left and fit a 320 px screen; Polish pages fit too', async () => {
  const { context, page, log } = await openPage(browser)
  await page.setViewportSize({ width: 320, height: 640 })
  const sample = ['/', '/themes/', '/themes/school-attendance/', '/pathways/', '/pathways/medical-needs/', '/case-studies/',
    '/services/', '/checker/', '/checker/professional/', '/checker/criteria/', '/progress/', '/search/', '/glossary/', '/accessibility/']
  for (const lang of Object.keys(LANGS)) {
    for (const p of sample) {
      await page.goto(`${server.origin}/${lang}${p}`)
      const m = await page.evaluate(() => ({ dir: getComputedStyle(document.body).direction, width: document.documentElement.scrollWidth }))
      assert.equal(m.dir, LANGS[lang].dir, `/${lang}${p}`)
      assert.ok(m.width <= 320, `/${lang}${p} scrolls sideways: ${m.width}px wide`)
    }
  }
  // In Arabic the radios sit on the right of their labels.
  await page.goto(`${server.origin}/ar/checker/professional/`)
  const radio = page.locator('.govuk-radios__item').first()
  const [box, label] = await Promise.all([radio.locator('input').boundingBox(), radio.locator('label').boundingBox()])
  assert.ok(box.x > label.x, 'the radio is right of its label')
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

// journey runs fn in a fresh context, then checks that nothing left the device.
async function journey (lang, fn) {
  const { context, page, log } = await openPage(browser)
  try {
    await fn(page)
    assert.deepEqual(problems(log, server.origin), [])
    for (const r of log.requests) {
      const u = new URL(r.url)
      assert.equal(u.search + u.hash, '', `no query or fragment: ${r.url}`)
      const site = (u.pathname.match(/^\/(pl|ar)\//) || [, 'en'])[1]
      assert.ok(site === lang || !u.pathname.endsWith('/'), `a page of the ${lang} site: ${r.url}`)
    }
    assert.equal(new URL(page.url()).search + new URL(page.url()).hash, '', 'the address bar holds no answer')
    assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze()
    assert.deepEqual(violations.map(v => `${v.id} ${v.nodes.map(n => n.target).join(' ')}`), [])
  } finally {
    await context.close()
  }
}

// checkerResult answers the checker at base ('' for English) and returns what it shows.
async function checkerResult (page, base, answers) {
  await page.goto(`${server.origin}${base}/checker/`)
  await waitReady(page)
  await page.locator('[data-action=start]').click()
  await answerAll(page, answers)
  await seeResult(page)
  const r = await result(page)
  return { ...r, reasonText: await r.reason('t2-not-attending'), text: await page.locator('[data-step=result]').innerText() }
}

for (const lang of Object.keys(LANGS)) {
  test(`the checker in ${lang}: a whole journey, the decimal comma, reasons in ${lang}, nothing leaves the device`, async () => {
    const answers = { attendance_percent: '85,5', social_care: 'child_protection' }
    let english
    await journey('en', async page => { english = await checkerResult(page, '', { ...answers, attendance_percent: '85.5' }) })
    await journey(lang, async page => {
      const r = await checkerResult(page, `/${lang}`, answers)
      assert.equal(r.verdict, english.verdict)
      assert.deepEqual(r.criteria, english.criteria)
      assert.deepEqual(r.pathways, english.pathways)
      assert.match(r.reasonText, /85[,.]5/, 'the answer is shown')
      assert.notEqual(r.reasonText, english.reasonText)
      for (const sentence of english.text.split(/(?<=[.!?])\s+/).filter(s => s.split(' ').length > 3)) {
        assert.ok(!r.text.includes(sentence), `English on the ${lang} result: "${sentence}"`)
      }
      assert.equal(await page.locator('html').getAttribute('lang'), lang)
    })
  })

  test(`the progress check in ${lang}: a result with reasons in ${lang}, nothing leaves the device`, () => journey(lang, async page => {
    await page.goto(`${server.origin}/${lang}/progress/`)
    await page.waitForSelector('#progress[data-ready="true"]')
    await page.check('#p-criterion-t2-not-attending')
    await page.fill('#p-entry-attendance_percent', '88')
    for (const [n, v] of [[1, '91'], [2, '92'], [3, '93,5']]) await page.fill(`#p-term${n}-attendance_percent`, v)
    await page.click('form[data-progress-form] button[type="submit"]')
    await page.waitForSelector('[data-progress-result]:not([hidden])')
    const reason = await page.locator('[data-criterion="t2-not-attending"] [data-check="sustained"] [data-slot="reason"]').innerText()
    assert.ok(reason.length > 10, 'a reason is given')
    assert.doesNotMatch(reason, /\b(the|has been|terms)\b/, `the reason is not in English: ${reason}`)
  }))

  test(`the language switcher on the ${lang} checker says the checker starts again, and carries no answer`, async () => {
    const { context, page, log } = await openPage(browser)
    await page.goto(`${server.origin}/${lang}/checker/`)
    await waitReady(page)
    const link = page.locator('.app-language-switcher a[hreflang="en-GB"]')
    assert.equal(await link.getAttribute('href'), '/checker/')
    assert.ok(await page.locator('.app-language-switcher__note').isVisible(), 'the note is shown')
    assert.deepEqual(problems(log, server.origin), [])
    await context.close()
  })

  test(`390×844 in ${lang}: every question with up to 5 options shows Continue without scrolling, with its number`, () => phoneJourney(browser, server.origin, PHONE, async page => {
    await startChecker(page, `${server.origin}/${lang}`)
    let last = 0
    let checked = 0
    for (let id = await currentQuestion(page); id; id = await currentQuestion(page)) {
      const f = page.locator(`form[data-question="${id}"]`)
      await f.locator('[data-slot=count]:not([hidden])').waitFor()
      const m = (await f.locator('[data-slot=count]').innerText()).match(/(\d+)\D+(\d+)/)
      assert.ok(m && Number(m[1]) === last + 1, `${id} is question ${last + 1}`)
      last = Number(m[1])
      if (await f.locator('input[type=radio]').count() <= 5) {
        const bottom = await f.locator('button[type=submit]').evaluate(b => b.getBoundingClientRect().bottom)
        assert.ok(bottom <= 844, `${id}: Continue ends at ${bottom} px, within the 844 px screen`)
        checked++
      }
      const text = await f.locator('input[type=text]').count()
      const value = id === 'attendance_percent' ? '97' : text ? '0' : await f.locator('input[type=radio]').first().getAttribute('value')
      await fill(f, id, value)
      await f.locator('button[type=submit]').click()
      await settled(page)
    }
    assert.ok(checked > 10, `${checked} questions checked`)
  }))

  test(`search in ${lang} finds only ${lang} pages`, async () => {
    const { context, page, log } = await openPage(browser)
    await page.goto(`${server.origin}/${lang}/search/`)
    await page.fill('#search-q', 'SEND')
    await page.click('#search-form button[type=submit]')
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent))
    const links = await page.locator('#search-list .app-search-result__title a').evaluateAll(as => as.map(a => new URL(a.href).pathname))
    assert.ok(links.length > 0, 'something is found')
    for (const l of links) assert.ok(l.startsWith(`/${lang}/`), `${l} is a ${lang} page`)
    assert.deepEqual(problems(log, server.origin), [])
    await context.close()
  })
}

test('English search finds no Polish or Arabic pages', async () => {
  const { context, page } = await openPage(browser)
  await page.goto(`${server.origin}/search/`)
  await page.fill('#search-q', 'SEND')
  await page.click('#search-form button[type=submit]')
  await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent))
  const links = await page.locator('#search-list .app-search-result__title a').evaluateAll(as => as.map(a => new URL(a.href).pathname))
  assert.ok(links.length > 0)
  for (const l of links) assert.ok(!/^\/(pl|ar)\//.test(l), `${l} is an English page`)
  await context.close()
})
