// Council branding: the brand colour styles the header, the link colour (brand
// colour when left out) styles links and the navigation's underline, and the
// build refuses a colour with less than 4.5:1 contrast against white. On a
// demonstration site, a service marked `example: false` has no "Example
// contact" tag. Each case builds the site with its own settings (the last two
// share one build) into a temporary folder, from a copy of config.toml, and
// never touches public/. A colour that is not a colour once left Hugo waiting
// for ever; lib/run.mjs would stop it after some minutes and fail the test.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, launch, openPage, problems, storageState } from './lib/harness.mjs'
import { hugo } from './lib/run.mjs'

const work = mkdtempSync(join(tmpdir(), 'branding-'))
const config = readFileSync('config.toml', 'utf8')

// configWith copies config.toml with params replaced (and, with a services file,
// data/services.yaml swapped for it) and returns its path.
function configWith (name, params, services) {
  let text = config
  for (const [key, value] of Object.entries(params)) {
    const line = new RegExp(`^(\\s*)${key} = .*$`, 'm')
    assert.match(text, line, `config.toml has ${key}`)
    text = text.replace(line, `$1${key} = ${JSON.stringify(value)}`)
  }
  if (services) {
    const dir = join(work, name + '-data')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'services.yaml'), services)
    const mount = '[[module.mounts]]\n  source = "data"\n  target = "data"\n'
    assert.ok(text.includes(mount), 'config.toml mounts data/')
    text = text.replace(mount, mount + `  excludeFiles = ["services.yaml"]\n[[module.mounts]]\n  source = ${JSON.stringify(dir)}\n  target = "data"\n`)
  }
  const file = join(work, name + '.toml')
  writeFileSync(file, text)
  return file
}

// build builds the site with those settings into its own folder.
async function build (name, params, services) {
  const dest = join(work, name)
  const r = await hugo(['--config', configWith(name, params, services), '--destination', dest])
  return { status: r.status, output: r.output, dest }
}

// One site serves the last two tests: the council's own colours, on a
// demonstration site whose first service is marked example: false. It is
// built and served once, when a test first needs it.
const services = readFileSync('data/services.yaml', 'utf8')
const first = services.match(/^services:\n {2}- id: ([a-z0-9-]+)$/m)[1]
let custom
function customSite () {
  custom ??= build('custom', { brandColour: '#505a5f', linkColour: '#b10e1e', demonstration: true },
    services.replace(/^ {4}example: true$/m, '    example: false')).then(r => {
    assert.equal(r.status, 0, r.output)
    return startServer(r.dest)
  })
  return custom
}

let browser
before(async () => { browser = await launch() })
after(async () => {
  await browser?.close()
  await (await custom?.catch(() => null))?.stop()
  rmSync(work, { recursive: true, force: true })
})

test('a colour below 4.5:1 against white, or not a colour, stops the build with a clear message', async () => {
  const cases = [
    [{ linkColour: '#ffdd00' }, /config\.toml: linkColour #ffdd00 has a contrast of 1\.35:1 against white; it needs at least 4\.5:1/],
    [{ brandColour: '#00a33b' }, /config\.toml: brandColour #00a33b has a contrast of 3\.\d\d:1 against white/],
    // A brand colour that fails is also caught when it is the link colour too.
    [{ brandColour: '#999999', linkColour: '' }, /brandColour #999999 has a contrast of 2\.85:1[\s\S]*linkColour #999999 has a contrast of 2\.85:1/],
    [{ linkColour: 'blue' }, /config\.toml: linkColour "blue" must be a colour like #1d70b8/]
  ]
  for (const [params, message] of cases) {
    const r = await build('bad', params)
    assert.notEqual(r.status, 0, `${JSON.stringify(params)} built`)
    assert.match(r.output, message)
  }
})

test('the link colour styles links and the navigation underline; the brand colour the header', async () => {
  const server = await customSite()
  const { context, page, log } = await openPage(browser)
  await page.goto(server.origin + '/services/')
  const colours = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector('.govuk-generic-header')).backgroundColor,
    link: getComputedStyle(document.querySelector('main a.govuk-link')).color,
    underline: getComputedStyle(document.querySelector('.govuk-service-navigation__item--active')).borderBottomColor
  }))
  assert.deepEqual(colours, { header: 'rgb(80, 90, 95)', link: 'rgb(177, 14, 30)', underline: 'rgb(177, 14, 30)' })
  assert.deepEqual(problems(log, server.origin), [])
  assert.deepEqual(await storageState(context, page), { cookies: 0, local: 0, session: 0, idb: 0 })
  await context.close()
})

test('on a demonstration site, a service marked example: false has no "Example contact" tag', async () => {
  const server = await customSite()
  const { context, page, log } = await openPage(browser)
  await page.goto(`${server.origin}/services/${first}/`)
  assert.ok(await page.locator('.govuk-phase-banner, .app-demo-banner').count() > 0, 'the demonstration banner shows')
  assert.equal(await page.locator('.app-example-tag').count(), 0, `${first} is real: no tag`)
  await page.goto(server.origin + '/services/')
  const hrefs = await page.locator('main a[href^="/services/"]').evaluateAll(as => as.map(a => a.getAttribute('href')))
  const example = hrefs.find(h => h !== `/services/${first}/` && h !== '/services/')
  assert.ok(example, 'another service is listed')
  await page.goto(server.origin + example)
  assert.ok(await page.locator('.app-example-tag').count() > 0, `${example} is an example: tagged`)
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})
