// Runs the real Worker locally: `wrangler dev` puts build/worker/ (make worker)
// in workerd, the Cloudflare Workers runtime, with public/ as its static
// assets, offline and without telemetry. Shared by the worker tests and
// bench/worker-load.mjs.
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import { answering, run, start } from '../../browser/lib/run.mjs'

export const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NO_COLOR: '1' }

// freePort asks the kernel for a free loopback port.
export async function freePort () {
  const srv = net.createServer().listen(0, '127.0.0.1')
  await once(srv, 'listening')
  const { port } = srv.address()
  srv.close()
  await once(srv, 'close')
  return port
}

// startWrangler starts `wrangler dev` in its own process group and resolves
// once the Worker answers; stop() ends the whole group. group is the process
// group's id and inspector the port of the Worker's DevTools inspector
// (bench/worker-load.mjs reads both).
export async function startWrangler ({ timeoutMs = 60000 } = {}) {
  for (const f of ['build/worker/worker.mjs', 'build/worker/app.wasm', 'public/index.html']) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run make build worker`)
  }
  const port = await freePort()
  const inspector = await freePort()
  const started = performance.now()
  const origin = `http://127.0.0.1:${port}`
  const worker = await start('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port),
    '--inspector-port', String(inspector), '--show-interactive-dev-session=false', '--log-level', 'warn'],
  { env, timeoutMs, ready: answering(origin + '/', 200) })
  return { origin, stop: worker.stop, startupMs: performance.now() - started, output: worker.output, group: worker.group, inspector }
}

// dryRun bundles the Worker as `wrangler deploy` would, without uploading,
// and returns wrangler's upload sizes in KiB.
export async function dryRun (outdir = 'build/worker-dry') {
  const { status, stdout, output } = await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], { env })
  if (status !== 0) throw new Error('wrangler deploy --dry-run failed:\n' + output)
  const m = stdout.match(/Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/)
  if (!m) throw new Error('no "Total Upload" line in wrangler output:\n' + stdout)
  return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]), output: stdout }
}

// inspect connects to the Worker's DevTools inspector (the Chrome DevTools
// Protocol, as the DevTools panel uses it): send(method, params) resolves
// with the result (or fails after 30 s without one), on(method, fn) hears events (every message for '*'),
// close() disconnects. The
// WebSocket client is the one wrangler's miniflare uses.
export async function inspect (worker) {
  const WebSocket = createRequire(createRequire(import.meta.url).resolve('miniflare'))('ws')
  const [target] = await (await fetch(`http://127.0.0.1:${worker.inspector}/json`)).json()
  const ws = new WebSocket(target.webSocketDebuggerUrl)
  await once(ws, 'open')
  const pending = new Map()
  const listeners = []
  let id = 0
  ws.on('message', data => {
    const m = JSON.parse(data)
    for (const [method, fn] of listeners) if (method === '*' || method === m.method) fn(m.params)
    const p = pending.get(m.id)
    if (!p) return
    pending.delete(m.id)
    if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`))
    else p.resolve(m.result)
  })
  return {
    send: (method, params = {}, timeoutMs = 30000) => new Promise((resolve, reject) => {
      const my = ++id
      const timer = setTimeout(() => {
        pending.delete(my)
        reject(new Error(`${method}: no answer from the inspector within ${timeoutMs} ms`))
      }, timeoutMs)
      const settle = fn => value => { clearTimeout(timer); fn(value) }
      pending.set(my, { resolve: settle(resolve), reject: settle(reject), method })
      ws.send(JSON.stringify({ id: my, method, params }))
    }),
    on: (method, fn) => listeners.push([method, fn]),
    close: () => ws.close()
  }
}

// watchSubrequests records the address of every subrequest the Worker makes
// from now on (the inspector's Network domain). urls() waits until no event
// has come for a moment and returns them; close() disconnects.
export async function watchSubrequests (worker, quietMs = 500) {
  const inspector = await inspect(worker)
  let urls = []
  let last = performance.now()
  inspector.on('Network.requestWillBeSent', p => urls.push(p.request.url))
  inspector.on('*', () => { last = performance.now() })
  const quiet = async () => {
    while (performance.now() - last < quietMs) await new Promise(resolve => setTimeout(resolve, 50))
  }
  await inspector.send('Network.enable')
  // The inspector may replay what came before: only what follows counts.
  await quiet()
  urls = []
  return {
    urls: async () => { await quiet(); return urls },
    close: inspector.close
  }
}
