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
import { startWrangler, inspect } from '../tests/worker/lib/wrangler.mjs'
import { startServer } from '../tests/browser/lib/harness.mjs'

const LEVELS = (process.env.LOAD_LEVELS ?? '1,10,50').split(',').map(Number)
const PER_LEVEL = Number(process.env.LOAD_REQUESTS ?? 200) // requests per endpoint and level
const CPU_REQUESTS = Number(process.env.LOAD_CPU_REQUESTS ?? 300)
const MEMORY_REQUESTS = Number(process.env.LOAD_MEMORY_REQUESTS ?? 30000)
// A cap on the memory run, so that make bench ends on a busy machine; the
// figure says how many requests were sent.
const MEMORY_SECONDS = Number(process.env.LOAD_MEMORY_SECONDS ?? 600)
// Static files for the control run, which never runs the Worker.
const CONTROL_REQUESTS = Number(process.env.LOAD_CONTROL_REQUESTS ?? 10000)
const ISOLATE_LIMIT_MB = 128 // Cloudflare's memory limit for one isolate
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

// cpu measures the Worker's CPU time per request two ways. workerd's (its
// processes' user and system time, from /proc), one request at a time, less
// what workerd uses idle over the same time: for an API request an upper
// bound of the Worker's own, as it also holds workerd's HTTP handling and
// local routing, which a static file, served without the Worker, pays too
// (its row shows that share). And the Worker's own work alone, in the same
// engine (V8) under Node: worker/main_test.go's BenchmarkServe.
async function cpu (worker, own) {
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
  for (const [name, path, go] of [[...endpoints[1], own.query], [...endpoints[2], own.noQuery]]) {
    const api = await per(path)
    emit(`Worker CPU: ${name} (workerd in all, per request: an upper bound of the Worker's)`, `${ms(api)} ms (${idleNote})`,
      `≤ ${FREE_PLAN_CPU_MS} ms (free plan)`, api <= FREE_PLAN_CPU_MS)
    emit(`Worker CPU: ${name} (the Worker's own work in one Go instance, in V8 under Node: BenchmarkServe)`, `${ms(go)} ms`,
      `≤ ${FREE_PLAN_CPU_MS} ms (free plan)`, go <= FREE_PLAN_CPU_MS)
  }
}

// rssRun sends total requests for path, 10 at a time, sampling the
// resident memory of workerd's largest process every half second.
async function rssRun (worker, path, total, seconds) {
  const pids = workerd(worker.group)
  const samples = []
  const sample = () => samples.push(Math.max(...pids.map(rssMB)))
  sample()
  const timer = setInterval(sample, 500)
  const t0 = performance.now()
  const r = await load(worker.origin, path, 10, total, t0 + seconds * 1000)
  clearInterval(timer)
  sample()
  return { ...r, seconds: (performance.now() - t0) / 1000, start: samples[0], largest: Math.max(...samples), end: samples.at(-1) }
}

const mb = n => `${n.toFixed(n < 10 ? 1 : 0)} MB`
const rssFigure = r => `${r.n.toLocaleString('en-GB')} requests in ${Math.round(r.seconds)} s; start ${mb(r.start)}, largest ${mb(r.largest)}, end ${mb(r.end)}: ${mb(r.end - r.start)} more; ${r.errors.length} errors`

// memory measures memory three ways. workerd's resident memory over
// MEMORY_REQUESTS API requests (half with a query, half without) is what
// the machine sees, but in wrangler dev it grows as much under static files,
// which never run the Worker (the control run before it), so it is mostly
// the local runtime's. The Worker's own share is its isolate: V8's heap,
// read through the inspector after the run, and Go's memory in its one
// instance over as many requests (worker/main_test.go, in V8 under Node).
async function memory (worker, idleMB, goMB) {
  const control = await rssRun(worker, '/robots.txt', CONTROL_REQUESTS, MEMORY_SECONDS / 2)
  emit(`Worker memory: workerd's largest process over ${CONTROL_REQUESTS.toLocaleString('en-GB')} static-file requests, 10 at a time (the Worker never runs: the local runtime's own growth)`,
    rssFigure(control), 'no errors', control.errors.length === 0)
  const half = Math.floor(MEMORY_REQUESTS / 2)
  const a = await rssRun(worker, endpoints[1][1], half, MEMORY_SECONDS / 2)
  const b = await rssRun(worker, endpoints[2][1], MEMORY_REQUESTS - half, MEMORY_SECONDS / 2)
  const api = { n: a.n + b.n, errors: [...a.errors, ...b.errors], seconds: a.seconds + b.seconds, start: a.start, largest: Math.max(a.largest, b.largest), end: b.end }
  emit(`Worker memory: workerd's largest process over ${MEMORY_REQUESTS.toLocaleString('en-GB')} API requests, 10 at a time (${MEMORY_SECONDS} s at most)`,
    `${rssFigure(api)} (at start-up, ${mb(idleMB)})`, 'all sent, no errors', api.n === MEMORY_REQUESTS && api.errors.length === 0)

  // V8 collects garbage when it likes, so the heap it has taken (total)
  // holds more than the Worker keeps (used); the limit counts what it took.
  const inspector = await inspect(worker)
  const heap = await inspector.send('Runtime.getHeapUsage')
  inspector.close()
  const MiB = n => mb(n / 2 ** 20)
  const isolateMB = (heap.totalSize + heap.backingStorageSize) / 2 ** 20 + goMB
  emit('Worker memory: the Worker\'s isolate after those requests (V8\'s heap and array buffers, through the inspector, plus Go\'s memory over as many requests in one instance)',
    `${mb(isolateMB)}: V8 heap ${MiB(heap.usedSize)} used of ${MiB(heap.totalSize)}, array buffers ${MiB(heap.backingStorageSize)}, Go ${mb(goMB)}`,
    `< ${ISOLATE_LIMIT_MB} MB (an isolate's limit)`, isolateMB < ISOLATE_LIMIT_MB)
}

// goTest runs go test on the Worker's package as WebAssembly, in V8 under
// Node (as make go-test does), and returns its output.
function goTest (args, env = {}) {
  const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim()
  const r = spawnSync('go', ['test', '-count=1', ...args, './worker/'], {
    encoding: 'utf8',
    env: { ...process.env, ...env, GOOS: 'js', GOARCH: 'wasm', PATH: `${goroot}/lib/wasm:${process.env.PATH}` }
  })
  if (r.status !== 0) throw new Error('go test ./worker: ' + (r.stdout + r.stderr).slice(-500))
  return r.stdout
}

// goMemoryMB runs the Worker's memory test over MEMORY_REQUESTS requests
// and returns Go's memory at the end.
function goMemoryMB () {
  const out = goTest(['-run', 'TestMemoryLevelsOff', '-v'], { WORKER_MEMORY_REQUESTS: String(MEMORY_REQUESTS) })
  const m = out.match(/after \d+: ([\d.]+) MB/)
  if (!m) throw new Error('go test ./worker: no memory figure in\n' + out.slice(-500))
  return Number(m[1]) * 1e6 / 2 ** 20
}

// goServeMs runs BenchmarkServe: the Worker's own work per request, in ms.
function goServeMs () {
  const out = goTest(['-run', '^$', '-bench', 'BenchmarkServe'])
  const per = name => Number(out.match(new RegExp(`BenchmarkServe/${name}\\S*\\s+\\d+\\s+([\\d.]+) ns/op`))?.[1]) / 1e6
  return { query: per('query'), noQuery: per('no-query') }
}

// The Go figures first: a pause between requests later could outlast a
// kept-alive connection.
const own = goServeMs()
const goMB = goMemoryMB()
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
  await cpu(worker, own)
  await memory(worker, idleMB, goMB)
  // Every figure above depends on what else the machine was doing.
  emit('Worker runs: machine load average (1, 5, 15 minutes) at the end', os.loadavg().map(n => n.toFixed(1)).join(', ') + ` on ${os.availableParallelism()} cores`)
} finally {
  await worker.stop()
  await preview.stop()
}
