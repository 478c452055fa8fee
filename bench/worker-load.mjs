// The Worker under load, in workerd (`wrangler dev`, on loopback), beside the
// native preview server (cmd/preview, the same Go handler): page and API
// latency at 1, 10 and 50 requests at a time, the Worker's CPU time per API
// request, and workerd's memory over 30,000 API requests. Prints one JSON
// line per figure, which bench/run.mjs puts in docs/benchmarks.md.
//
//   node bench/worker-load.mjs     (make bench, or make worker-bench; needs make build worker)
//
// On Cloudflare the static-assets layer serves pages without the Worker
// (wrangler.toml: run_worker_first only for /api), so a page costs no Worker
// time. Every API request runs the Worker; one Go instance per isolate
// answers them all (worker/worker.mjs).
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import { startWrangler } from '../tests/worker/lib/wrangler.mjs'
import { startServer } from '../tests/browser/lib/harness.mjs'

const LEVELS = (process.env.LOAD_LEVELS ?? '1,10,50').split(',').map(Number)
const PER_LEVEL = Number(process.env.LOAD_REQUESTS ?? 200) // requests per endpoint and level
const CPU_REQUESTS = Number(process.env.LOAD_CPU_REQUESTS ?? 300)
const MEMORY_REQUESTS = Number(process.env.LOAD_MEMORY_REQUESTS ?? 30000)
// A cap on the memory run, so that make bench ends on a busy machine; the
// figure says how many requests were sent.
const MEMORY_SECONDS = Number(process.env.LOAD_MEMORY_SECONDS ?? 600)
const TIMEOUT_MS = 60000 // one request
const FREE_PLAN_CPU_MS = 10 // the Workers free plan's CPU time per request
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100)

const dir = JSON.parse(readFileSync('public/api/directory.json', 'utf8'))
const css = '/css/' + readdirSync('public/css').find(f => /\.[0-9a-f]{64,}\.css$/.test(f))
const endpoints = [
  ['page', '/'],
  ['API with a query', `/api/services?taxonomy_term_id=${dir.taxonomies[0].id}&per_page=10`],
  ['API without a query', `/api/services/${dir.services[0].id}`]
]

const emit = (measure, figure, budget = '—', pass = null) => console.log(JSON.stringify({ measure, figure, budget, pass }))
const ms = n => n.toFixed(n < 10 ? 2 : 1)

// load sends total requests from concurrency loops, stopping early at the
// deadline; returns latency figures.
async function load (origin, path, concurrency, total, deadline = Infinity) {
  const latencies = []
  const errors = []
  let sent = 0
  const loop = async () => {
    while (sent < total && performance.now() < deadline) {
      sent++
      const t0 = performance.now()
      try {
        const res = await fetch(origin + path, { signal: AbortSignal.timeout(TIMEOUT_MS) })
        await res.arrayBuffer()
        if (res.status !== 200) errors.push(`status ${res.status}`)
      } catch (e) {
        errors.push(String(e.cause ?? e))
      }
      latencies.push(performance.now() - t0)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, loop))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const pct = p => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]
  return { n: latencies.length, rps: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), errors }
}

// workerd lists the workerd processes of the wrangler process group.
function workerd (group) {
  const pids = []
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === group && stat.includes('(workerd)')) pids.push(pid)
    } catch {} // the process ended meanwhile
  }
  return pids
}

// cpuMs is the CPU time (user and system) the processes have used so far.
function cpuMs (pids) {
  let ticks = 0
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    ticks += Number(fields[11]) + Number(fields[12]) // utime, stime
  }
  return ticks * 1000 / CLOCK_TICKS
}

const rssMB = pid => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024

async function latency (servers) {
  for (const [name, path] of endpoints) {
    for (const level of LEVELS) {
      for (const [server, origin] of servers) {
        const r = await load(origin, path, level, Math.max(PER_LEVEL, level * 4))
        const first = r.errors.length ? ` (first: ${r.errors[0]})` : ''
        emit(`Latency: ${name}, ${level} at a time (${server})`,
          `p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, ${Math.round(r.rps)} requests/s, ${r.errors.length} errors of ${r.n}${first}`,
          'no errors', r.errors.length === 0)
      }
    }
  }
}

// idleMsPerMs is workerd's CPU time per millisecond while nothing is asked
// of it (its timers, wrangler's file watching).
async function idleMsPerMs (pids, ms = 3000) {
  const before = cpuMs(pids)
  const t0 = performance.now()
  await new Promise(resolve => setTimeout(resolve, ms))
  return (cpuMs(pids) - before) / (performance.now() - t0)
}

// cpu measures workerd's CPU time per request (its processes' user and
// system time, from /proc), one request at a time, less what workerd uses
// idle over the same time. For an API request this is an upper bound of the
// Worker's own CPU time: it also holds workerd's HTTP handling and local
// routing, which a static file, served without the Worker, pays too (its
// row shows that share).
async function cpu (worker) {
  const pids = workerd(worker.group)
  const idle = await idleMsPerMs(pids)
  const per = async path => {
    const before = cpuMs(pids)
    const t0 = performance.now()
    const r = await load(worker.origin, path, 1, CPU_REQUESTS)
    if (r.errors.length) throw new Error(`${path}: ${r.errors[0]}`)
    return (cpuMs(pids) - before - idle * (performance.now() - t0)) / CPU_REQUESTS
  }
  const idleNote = `idle: ${ms(idle * 1000)} ms a second, taken off`
  emit('Worker CPU: a static file, served without the Worker (workerd in all, per request)', `${ms(await per(css))} ms (${idleNote})`)
  for (const [name, path] of endpoints.slice(1)) {
    const api = await per(path)
    emit(`Worker CPU: ${name} (workerd in all, per request: an upper bound of the Worker's)`, `${ms(api)} ms (${idleNote})`,
      `≤ ${FREE_PLAN_CPU_MS} ms (free plan)`, api <= FREE_PLAN_CPU_MS)
  }
}

// memory samples workerd's resident memory while it answers
// MEMORY_REQUESTS API requests, 10 at a time, half of each kind, against
// idleMB, its memory before any API request. (wrangler's own local proxy, a
// Node process, grows without end under such a run; it is the tool's, not
// the Worker's, so it is not counted.)
async function memory (worker, idleMB) {
  const pids = workerd(worker.group)
  const samples = []
  const sample = () => samples.push(Math.max(...pids.map(rssMB)))
  sample()
  const timer = setInterval(sample, 500)
  const half = Math.floor(MEMORY_REQUESTS / 2)
  const t0 = performance.now()
  const deadline = t0 + MEMORY_SECONDS * 1000
  const a = await load(worker.origin, endpoints[1][1], 10, half, deadline - MEMORY_SECONDS * 500)
  const b = await load(worker.origin, endpoints[2][1], 10, MEMORY_REQUESTS - half, deadline)
  const seconds = (performance.now() - t0) / 1000
  clearInterval(timer)
  sample()
  const third = Math.max(1, Math.floor(samples.length / 3))
  const middle = Math.max(...samples.slice(third, 2 * third))
  const last = Math.max(...samples.slice(2 * third))
  const largest = Math.max(...samples)
  const errors = a.errors.length + b.errors.length
  const sent = a.n + b.n
  const mb = n => `${Math.round(n)} MB`
  emit(`Worker memory: workerd's largest process over ${MEMORY_REQUESTS.toLocaleString('en-GB')} API requests, 10 at a time (or ${MEMORY_SECONDS} s)`,
    `${sent.toLocaleString('en-GB')} requests in ${Math.round(seconds)} s; idle ${mb(idleMB)} before any API request, ${mb(samples[0])} at the start of this run, largest ${mb(largest)}, end ${mb(samples.at(-1))}: ${mb(largest - idleMB)} over idle; ${errors} errors`,
    'all sent; levels off (the last third peaks within 10% of the middle third); under 128 MB over idle (an isolate\'s limit)',
    sent === MEMORY_REQUESTS && errors === 0 && last <= middle * 1.1 && largest - idleMB < 128)
}

const preview = await startServer('public')
const worker = await startWrangler()
// bench/run.mjs ends this script at its time limit: take wrangler's whole
// process group and the preview server down with it.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => Promise.all([worker.stop(), preview.stop()]).finally(() => process.exit(1)))
}
try {
  const idleMB = Math.max(...workerd(worker.group).map(rssMB))
  const servers = [['workerd', worker.origin], ['native preview', preview.origin]]
  for (const [, origin] of servers) for (const [, path] of endpoints) await load(origin, path, 1, 20) // warm up
  await latency(servers)
  await cpu(worker)
  await memory(worker, idleMB)
  // Every figure above depends on what else the machine was doing.
  emit('Worker runs: machine load average (1, 5, 15 minutes) at the end', os.loadavg().map(n => n.toFixed(1)).join(', ') + ` on ${os.availableParallelism()} cores`)
} finally {
  await worker.stop()
  await preview.stop()
}
