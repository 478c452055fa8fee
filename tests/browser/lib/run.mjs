// Every command the tests start goes through here, so that none can hang the
// suite. Each runs in its own process group, because the process that hangs
// may be a grandchild (Hugo's Dart Sass under `go tool hugo`, workerd under
// npx): when its time is up, the whole group is killed and the test fails
// with the command and the time it had.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'

// A Hugo build takes 2-7 s here and a server starts in under 10 s; a slow
// 2-core CI machine gets many times that.
export const TIMEOUT_MS = 5 * 60_000

const line = (cmd, args) => [cmd, ...args].join(' ')

function killGroup (proc) {
  try { process.kill(-proc.pid, 'SIGKILL') } catch {} // the group is already gone
}

function spawnGroup (cmd, args, opts) {
  const proc = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const out = { text: '' }
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.setEncoding('utf8')
    stream.on('data', d => { out.text += d })
  }
  return { proc, out }
}

// run runs cmd to its end and resolves with its exit status and output
// ({ status, signal, stdout, stderr, output }); a failing command is not an
// error, so that a test can check how it fails. It rejects if cmd cannot
// start or takes longer than timeoutMs. Anything cmd leaves running in its
// group is killed when it exits.
export function run (cmd, args, { timeoutMs = TIMEOUT_MS, ...opts } = {}) {
  return new Promise((resolve, reject) => {
    const { proc, out } = spawnGroup(cmd, args, opts)
    const streams = { stdout: '', stderr: '' }
    proc.stdout.on('data', d => { streams.stdout += d })
    proc.stderr.on('data', d => { streams.stderr += d })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(proc)
      proc.stdout.destroy() // a process outside the group may hold the pipes
      proc.stderr.destroy()
    }, timeoutMs)
    proc.on('exit', () => killGroup(proc))
    proc.on('error', e => { clearTimeout(timer); reject(new Error(`${line(cmd, args)} could not start: ${e.message}`)) })
    proc.on('close', (status, signal) => {
      clearTimeout(timer)
      if (timedOut) {
        reject(new Error(`${line(cmd, args)} did not finish within ${timeoutMs / 1000} s, so its process group was killed. Its output:\n${out.text}`))
      } else {
        resolve({ status, signal, ...streams, output: out.text })
      }
    })
  })
}

// start runs a server in its own process group and resolves once ready()
// returns something other than undefined, with that value (ready is asked
// with the output so far, on each piece of output and every 200 ms). It
// rejects if the server exits first or is not ready within timeoutMs, and
// kills the group then. The result's stop() sends SIGTERM to the group and,
// if anything is left after 10 s, SIGKILL.
export async function start (cmd, args, { ready, timeoutMs = TIMEOUT_MS, ...opts }) {
  const started = performance.now()
  const { proc, out } = spawnGroup(cmd, args, opts)
  const exited = once(proc, 'exit')
  const running = () => proc.exitCode === null && proc.signalCode === null
  const stop = async () => {
    if (running()) {
      try { process.kill(-proc.pid, 'SIGTERM') } catch {}
      const timer = setTimeout(() => killGroup(proc), 10_000)
      await exited
      clearTimeout(timer)
    }
    killGroup(proc)
  }
  let failed
  let wake = () => {}
  proc.on('error', e => { failed = e; wake() })
  proc.on('exit', () => wake())
  proc.stdout.on('data', () => wake())
  proc.stderr.on('data', () => wake())
  try {
    for (;;) {
      if (failed) throw new Error(`${line(cmd, args)} could not start: ${failed.message}`)
      const value = await ready(out.text)
      if (value !== undefined) return { value, stop, output: () => out.text, group: proc.pid }
      if (!running()) throw new Error(`${line(cmd, args)} exited (${proc.exitCode ?? proc.signalCode}) before it was ready. Its output:\n${out.text}`)
      if (performance.now() - started > timeoutMs) {
        throw new Error(`${line(cmd, args)} was not ready within ${timeoutMs / 1000} s, so its process group was killed. Its output:\n${out.text}`)
      }
      await new Promise(resolve => { wake = resolve; setTimeout(resolve, 200) })
    }
  } catch (e) {
    await stop()
    throw e
  }
}

// hugo runs `go tool hugo` with args, finding Dart Sass where the Makefile
// puts it (the npm package sass-embedded ships it).
export function hugo (args, opts = {}) {
  const sass = resolve('node_modules/sass-embedded-linux-x64/dart-sass')
  return run('go', ['tool', 'hugo', ...args], { ...opts, env: { ...process.env, ...opts.env, PATH: `${sass}:${process.env.PATH}` } })
}

// answering is a ready() for start: true once url answers, with status when
// one is given.
export function answering (url, status) {
  return async () => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (status === undefined || res.status === status) return true
    } catch {} // not listening yet
  }
}
