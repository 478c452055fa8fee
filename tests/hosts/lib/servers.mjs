// Runs the generated host configurations (build/hosting/, written by
// `make build` from security/_headers) in real nginx and Apache from
// Debian, serving public/ on a free loopback port. Each server gets a
// throw-away main configuration that includes the generated file with only
// its port and root changed, as a council would change them.
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../worker/lib/wrangler.mjs'
import { answering, start } from '../../browser/lib/run.mjs'

const ROOT = '/var/www/focus-family/public' // security/hosting.Root

// readable returns a copy of the folder that the servers' worker processes
// (www-data, nobody) can read: the checkout itself may sit in a folder only
// its owner can open, as a clone into `mktemp -d` does. One copy a folder,
// removed when the tests end.
const copies = new Map()
function readable (dir) {
  if (!copies.has(dir)) {
    const copy = mkdtempSync(join(tmpdir(), 'focus-site-'))
    chmodSync(copy, 0o755)
    cpSync(dir, copy, { recursive: true })
    copies.set(dir, copy)
  }
  return copies.get(dir)
}
process.on('exit', () => { for (const copy of copies.values()) rmSync(copy, { recursive: true, force: true }) })

// generated reads a generated file with the port and root put in.
function generated (file, port, listen) {
  const text = readFileSync(join('build/hosting', file), 'utf8')
  const out = text.replaceAll(ROOT, readable('public')).replace(listen[0], listen[1].replace('PORT', port))
  if (out === text) throw new Error(`${file}: found no root or port to change`)
  return out
}

const MAIN = {
  nginx: (dir, port) => `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  apache: (dir, port) => `ServerRoot ${dir}
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
ErrorLog ${dir}/error.log
LogLevel warn
DefaultRuntimeDir ${dir}
Mutex file:${dir}
ServerName 127.0.0.1
User www-data
Group www-data
${['mpm_event', 'authz_core', 'mime', 'dir', 'headers', 'rewrite', 'filter', 'deflate']
  .map(m => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
TypesConfig /etc/mime.types
Include ${dir}/site.conf
`
}

const SITE = {
  nginx: { file: 'nginx/focus-family.conf', listen: ['listen 80;', 'listen 127.0.0.1:PORT;'] },
  apache: { file: 'apache/focus-family.conf', listen: ['<VirtualHost *:80>', '<VirtualHost *:PORT>'] }
}

const COMMAND = {
  nginx: dir => ['/usr/sbin/nginx', ['-c', `${dir}/main.conf`, '-p', dir]],
  apache: dir => ['/usr/sbin/apache2', ['-f', `${dir}/main.conf`, '-DFOREGROUND']]
}

// bareNginx serves a folder with no configuration of ours, as GitHub Pages
// does: no headers beyond the server's own, its default 404 page.
export const bareNginx = root => port => `server {
  listen 127.0.0.1:${port};
  root ${readable(root)};
  error_page 404 /404.html;
}
`

// startServer starts nginx or Apache with its generated configuration (or
// with site(port), a configuration of the test's own) and resolves once it
// answers; stop() ends it and removes its folder.
export async function startServer (kind, site) {
  const dir = mkdtempSync(join(tmpdir(), `focus-${kind}-`))
  const port = await freePort()
  writeFileSync(`${dir}/site.conf`, site ? site(port) : generated(SITE[kind].file, port, SITE[kind].listen))
  writeFileSync(`${dir}/main.conf`, MAIN[kind](dir, port))
  const [cmd, args] = COMMAND[kind](dir)
  const origin = `http://127.0.0.1:${port}`
  try {
    const server = await start(cmd, args, { ready: answering(origin + '/'), timeoutMs: 60_000 })
    const stop = async () => {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
    return { origin, stop, kind }
  } catch (e) {
    let log = ''
    try { log = readFileSync(`${dir}/error.log`, 'utf8') } catch {}
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${kind} did not start: ${e.message}\n${log}`)
  }
}
