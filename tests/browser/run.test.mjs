// No command a test starts can hang the suite (lib/run.mjs): a command that
// waits on a hung grandchild, as `go tool hugo` once waited on Dart Sass, is
// killed with its whole process group when its time is up, and the test fails
// naming it. Each case gets half a second, and 10 s before node:test gives up.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { run, start } from './lib/run.mjs'

// A shell that starts a grandchild which never ends, prints its id, and waits for it.
const HANGS = ['sh', ['-c', 'sleep 300 & echo grandchild $!; wait']]
const grandchild = text => Number(text.match(/grandchild (\d+)/)[1])

// ended is true once pid has ended: no such process, or a zombie that only
// waits for its parent to collect it.
function ended (pid) {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] === 'Z'
  } catch (e) {
    if (e.code === 'ENOENT') return true
    throw e
  }
}

// gone waits up to a second for pid to end (a killed process dies a moment
// after the signal is sent, later on a busy machine) and says whether it did.
async function gone (pid) {
  for (let i = 0; i < 50 && !ended(pid); i++) await new Promise(resolve => setTimeout(resolve, 20))
  return ended(pid)
}

test('a command that hangs is killed with its grandchildren, and the error names it and its time', { timeout: 10_000 }, async () => {
  const began = performance.now()
  const error = await run(...HANGS, { timeoutMs: 500 }).then(() => assert.fail('it finished'), e => e)
  assert.ok(performance.now() - began < 3000, `killed after ${performance.now() - began} ms`)
  assert.match(error.message, /^sh -c sleep 300 & echo grandchild \$!; wait did not finish within 0\.5 s, so its process group was killed/)
  assert.ok(await gone(grandchild(error.message)), 'the grandchild is gone')
})

test('a command that fails gives its status and output; what it leaves running is killed', { timeout: 10_000 }, async () => {
  const failed = await run('sh', ['-c', 'echo out; echo err >&2; exit 3'])
  assert.equal(failed.status, 3)
  assert.equal(failed.stdout, 'out\n')
  assert.equal(failed.stderr, 'err\n')
  // The grandchild keeps the output pipe open: the run ends only because it is killed.
  const left = await run('sh', ['-c', 'sleep 300 & echo grandchild $!'])
  assert.equal(left.status, 0)
  assert.ok(await gone(grandchild(left.stdout)), 'the grandchild is gone')
  await assert.rejects(run('./no-such-command', []), /^Error: \.\/no-such-command could not start: spawn \.\/no-such-command ENOENT/)
})

test('a server that is never ready is killed with its grandchildren, and the error names it', { timeout: 10_000 }, async () => {
  const began = performance.now()
  const error = await start(...HANGS, { ready: () => undefined, timeoutMs: 500 }).then(() => assert.fail('it was ready'), e => e)
  assert.ok(performance.now() - began < 3000, `killed after ${performance.now() - began} ms`)
  assert.match(error.message, /^sh -c sleep 300 & echo grandchild \$!; wait was not ready within 0\.5 s, so its process group was killed/)
  assert.ok(await gone(grandchild(error.message)), 'the grandchild is gone')
})

test('a server is ready when ready() says so, and stop() ends its whole group', { timeout: 10_000 }, async () => {
  const server = await start(...HANGS, { ready: out => out.match(/grandchild (\d+)/)?.[1], timeoutMs: 5000 })
  const pid = Number(server.value)
  assert.ok(!ended(pid), 'the grandchild runs')
  await server.stop()
  assert.ok(await gone(pid), 'the grandchild is gone')
  await assert.rejects(start('sh', ['-c', 'echo bye; exit 2'], { ready: () => undefined }), /^Error: sh -c echo bye; exit 2 exited \(2\) before it was ready\. Its output:\nbye\n$/)
})
