// Term-time leave in the checker, in real Chromium: an unauthorised holiday
// of 10 sessions or more suggests the legal measures pathway even when no
// support has been tried, because a penalty notice can follow a holiday with
// no support first; the reason says so. Shared privacy checks on each journey.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launch } from './lib/harness.mjs'
import { phoneJourney } from './lib/journey.mjs'
import { PHONE } from './lib/sizes.mjs'
import { startChecker, answerAll, seeResult, result } from './lib/checker.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launch() })
after(async () => { await browser?.close(); await server?.stop() })

const journey = fn => phoneJourney(browser, server.origin, PHONE, fn)

test('a holiday in term time of 10 sessions suggests legal measures with no support tried', () => journey(async page => {
  await startChecker(page, server.origin)
  const asked = await answerAll(page, { unauthorised_sessions: '10', term_time_leave: 'yes', support_not_worked: 'no' })
  assert.ok(asked.includes('term_time_leave'), 'the term-time leave question is asked')
  await seeResult(page)
  const r = await result(page)
  assert.ok(r.pathways.includes('legal-measures'))
  assert.match(await r.reason('legal-measures'), /holiday in term time without the school's agreement/)
}))

test('the same sessions with no holiday and no support tried do not suggest legal measures', () => journey(async page => {
  await startChecker(page, server.origin)
  await answerAll(page, { unauthorised_sessions: '10', term_time_leave: 'no', support_not_worked: 'no' })
  await seeResult(page)
  assert.equal((await result(page)).pathways.includes('legal-measures'), false)
}))

test('no unauthorised absence: the term-time leave question is not asked', () => journey(async page => {
  await startChecker(page, server.origin)
  const asked = await answerAll(page, { unauthorised_sessions: '0' })
  assert.equal(asked.includes('term_time_leave'), false)
}))
