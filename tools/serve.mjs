// make serve: the production site, served as production serves it and rebuilt
// when a source file changes. The site is built into build/serve (never
// public/, which a council uploads) by `make build SITE=build/serve`, so it has
// the search index, and build/bin/preview serves it through the edge handler,
// so the Open Referral UK API (/api/services) answers too. There is no live
// reload (the Content-Security-Policy is production's): reload the page after
// "rebuilt".
//
//   node tools/serve.mjs [ADDR]   (default 127.0.0.1:1313; port 0 picks a free port)
import { spawn, spawnSync } from 'node:child_process'
import { watch } from 'node:fs'

const SITE = 'build/serve'
const addr = process.argv[2] || '127.0.0.1:1313'
// What a rebuild reads: everything a council edits, and the templates and styles.
const SOURCES = ['config.toml', 'content', 'data', 'layouts', 'assets', 'i18n', 'static', 'security']

function build () {
  const r = spawnSync('make', ['--no-print-directory', 'build', 'SITE=' + SITE], { stdio: 'inherit' })
  return r.status === 0
}

if (!build()) console.error('serve: the build failed; fix the error above and save: the site rebuilds')
const server = spawn('build/bin/preview', ['-dir', SITE, '-addr', addr], { stdio: 'inherit' })

// Changes come in bursts (an editor saves several files): wait for quiet, and
// never run two builds at once.
let timer, building = false, again = false
function changed () {
  clearTimeout(timer)
  timer = setTimeout(rebuild, 300)
}
function rebuild () {
  if (building) { again = true; return }
  building = true
  console.log(build() ? 'serve: rebuilt; reload the page' : 'serve: the build failed; the last good site is still served')
  building = false
  if (again) { again = false; rebuild() }
}

const watchers = []
for (const src of SOURCES) {
  try {
    watchers.push(watch(src, { recursive: true }, changed))
  } catch (e) {
    if (e.code !== 'ENOENT') throw e // static/ is optional
  }
}

function stop () {
  for (const w of watchers) w.close()
  clearTimeout(timer)
  server.kill()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
server.on('exit', code => { stop(); process.exitCode = code ?? 0 })
