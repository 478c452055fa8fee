// A council changes three thresholds and rebuilds: every page, question,
// reason and progress text must follow, and the old numbers must be gone.
// The project is copied to a temporary folder, data/rules/thresholds.yaml is
// edited there (attendance 90 → 95%, medical days 15 → 10, penalty notice
// sessions 10 → 8), the rules are exported and the site built as `make build`
// does, and the built site is checked as a family would meet it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startServer, launch, openPage, problems } from './lib/harness.mjs'
import { run, hugo } from './lib/run.mjs'
import { answerAll, seeResult, result, waitReady } from './lib/checker.mjs'

const CHANGES = { attendance_target: [90, 95], medical_days: [15, 10], penalty_notice_sessions: [10, 8] }

let tmp, server, browser

// setThreshold rewrites the value of one threshold in thresholds.yaml.
export function setThreshold (yaml, id, value) {
  const re = new RegExp(`(- id: ${id}\\n(?:[ \\t]+.*\\n)*?[ \\t]+value: )[^\\n]+`)
  assert.match(yaml, re, `threshold ${id} is in thresholds.yaml`)
  return yaml.replace(re, `$1${value}`)
}

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'thresholds-'))
  for (const f of ['config.toml', 'content', 'data', 'layouts', 'i18n', 'assets', 'security', 'build/assets']) {
    await cp(f, path.join(tmp, f), { recursive: true })
  }
  await symlink(path.resolve('node_modules'), path.join(tmp, 'node_modules'))
  const file = path.join(tmp, 'data/rules/thresholds.yaml')
  let yaml = await readFile(file, 'utf8')
  for (const [id, [, to]] of Object.entries(CHANGES)) yaml = setThreshold(yaml, id, to)
  await writeFile(file, yaml)
  await mkdir(path.join(tmp, 'build/model'), { recursive: true })
  const exported = await run('build/bin/focuscheck', ['export', '--root', tmp, '-o', path.join(tmp, 'build/model')])
  assert.equal(exported.status, 0, exported.output)
  const built = await hugo(['--quiet', '-s', tmp, '-d', path.join(tmp, 'public')])
  assert.equal(built.status, 0, built.output)
  server = await startServer(path.join(tmp, 'public'))
  browser = await launch()
})

after(async () => {
  await browser?.close()
  await server?.stop()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

const text = html => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const page = p => readFile(path.join(tmp, 'public', p, 'index.html'), 'utf8').then(text)

test('the theme page, the printable criteria and the pathways show the new numbers, never the old', async () => {
  const theme = await page('themes/school-attendance')
  assert.match(theme, /attendance is below 95%/)
  assert.doesNotMatch(theme, /below 90%/)
  const criteria = await page('checker/criteria')
  assert.match(criteria, /at least 95% of possible sessions/)
  assert.doesNotMatch(criteria, /(below|at least) 90% of possible/)
  const medical = await page('pathways/medical-needs')
  assert.match(medical, /\b10 school days or more/)
  assert.doesNotMatch(medical, /\b15 (school )?days/)
  const legal = await page('pathways/legal-measures')
  assert.match(legal, /\b8 (unauthorised )?sessions/)
  assert.doesNotMatch(legal, /\b10 (unauthorised )?sessions/)
})

test('the checker asks and reasons with the new numbers', async () => {
  const { context, page: p, log } = await openPage(browser)
  await p.goto(server.origin + '/checker/')
  await waitReady(p)
  await p.locator('[data-action=start]').click()
  await answerAll(p, { attendance_percent: '92', health_absence: 'yes', medical_days_missed: '12' })
  await seeResult(p)
  const r = await result(p)
  assert.ok(r.criteria.includes('t2-not-attending'), '92% is now below the target')
  const reason = await r.reason('t2-not-attending')
  assert.match(reason, /92%, which is below 95%/)
  assert.doesNotMatch(reason, /90%/)
  assert.ok(r.pathways.includes('medical-needs'), '12 days is now at least 10')
  assert.match(await r.reason('medical-needs'), /\b10\b/)
  const shown = await p.locator('#checker').innerText()
  assert.doesNotMatch(shown, /below 90%|15 school days|10 unauthorised sessions/)
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})

test('the progress check judges and explains with the new numbers', async () => {
  const { context, page: p, log } = await openPage(browser)
  await p.goto(server.origin + '/progress/')
  await p.waitForSelector('#progress[data-ready="true"]')
  await p.check('#p-criterion-t2-not-attending')
  await p.fill('#p-entry-attendance_percent', '80')
  await p.fill('#p-term1-attendance_percent', '93')
  await p.click('form[data-progress-form] button[type="submit"]')
  await p.waitForSelector('[data-progress-result]:not([hidden])')
  const row = '[data-criterion="t2-not-attending"] [data-check="significant"]'
  assert.notEqual(await p.locator(`${row} [data-met]:visible`).innerText(), 'Met', '93% is below 95%')
  const reason = await p.locator(`${row} [data-slot="reason"]`).innerText()
  assert.match(reason, /95%/)
  assert.doesNotMatch(reason, /90%/)
  assert.deepEqual(problems(log, server.origin), [])
  await context.close()
})
