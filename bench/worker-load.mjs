// A bounded load run against the real Worker in workerd (`wrangler dev`, on
// loopback): a page, a fingerprinted asset and an API call, each for a fixed
// time at a fixed concurrency. Prints requests per second and p50/p99
// latency; fails on any error. Each request starts a fresh Go instance in
// the Worker, so expect roughly 10-15 ms a request.
//
//   node bench/worker-load.mjs     (make worker-bench; needs make build worker)
import { readFileSync, readdirSync } from 'node:fs'
import { startWrangler } from '../tests/worker/lib/wrangler.mjs'

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5) // per endpoint
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 2)
const MAX_REQUESTS = 20000 // per endpoint: a hard stop whatever the speed

const css = readdirSync('public/css').find(f => /\.[0-9a-f]{64,}\.css$/.test(f))
const term = JSON.parse(readFileSync('public/api/directory.json', 'utf8')).taxonomies[0].id
const endpoints = [
  ['page', '/'],
  ['asset', `/css/${css}`],
  ['api', `/api/services?taxonomy_term_id=${term}&per_page=10`]
]

// run sends requests from CONCURRENCY loops until the time or count runs out.
async function run (origin, path) {
  const latencies = []
  const errors = []
  const end = performance.now() + SECONDS * 1000
  let sent = 0
  const loop = async () => {
    while (performance.now() < end && sent < MAX_REQUESTS) {
      sent++
      const t0 = performance.now()
      try {
        const res = await fetch(origin + path)
        await res.arrayBuffer()
        if (res.status !== 200) errors.push(`status ${res.status}`)
      } catch (e) {
        errors.push(String(e))
      }
      latencies.push(performance.now() - t0)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, loop))
  const elapsed = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const pct = p => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99), errors }
}

const worker = await startWrangler()
let failed = false
try {
  console.log(`wrangler dev answered after ${Math.round(worker.startupMs)} ms; ${SECONDS} s per endpoint, concurrency ${CONCURRENCY}`)
  for (const [, path] of endpoints) await fetch(worker.origin + path).then(r => r.arrayBuffer()) // warm up
  console.log('endpoint  requests     rps   p50 ms   p99 ms  errors')
  for (const [name, path] of endpoints) {
    const r = await run(worker.origin, path)
    console.log(`${name.padEnd(8)} ${String(r.requests).padStart(9)} ${r.rps.toFixed(1).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${String(r.errors.length).padStart(7)}`)
    if (r.errors.length) {
      failed = true
      console.log(`  first errors: ${[...new Set(r.errors)].slice(0, 3).join('; ')}`)
    }
  }
} finally {
  await worker.stop()
}
if (failed) process.exit(1)
