// Builds the Pagefind search index of the built site (public/ by default) into
// public/pagefind/, with Pagefind's Node API so that the portal decides which
// pages are searchable:
//   - a page whose <meta name="robots"> says noindex (the checker, the
//     progress check: front matter `robots: noindex`) is never indexed;
//   - the 404 page (of every language) is never indexed;
//   - inside a page, only the <main data-pagefind-body> region is indexed,
//     without anything marked data-pagefind-ignore (the search page marks its
//     whole body so, which keeps it out of the index too) or aria-hidden.
// Filters (`section`) come from the pages themselves: the header's search box
// carries data-pagefind-filter="section:<section>".
//
//   node tools/search-index.mjs [site-dir]
import { readFile, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as pagefind from 'pagefind'

const site = path.resolve(process.argv[2] || 'public')
const out = path.join(site, 'pagefind')

// noindex reports whether a page asks robots not to index it.
export function noindex (html) {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0]
    if (!/\bname\s*=\s*["']?robots\b/i.test(tag)) continue
    const content = tag.match(/\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i)
    if (content && /\bnoindex\b|\bnone\b/i.test(content[1] ?? content[2] ?? content[3])) return true
  }
  return false
}

async function * htmlFiles (dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (full !== out) yield * htmlFiles(full)
    } else if (entry.name.endsWith('.html')) {
      yield full
    }
  }
}

async function main () {
  const started = performance.now()
  await rm(out, { recursive: true, force: true })
  // Decorations hidden from assistive technology (the "!" of a warning) stay
  // out of the excerpts too.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['[aria-hidden="true"]'] })
  if (errors.length) throw new Error('pagefind: ' + errors.join('; '))
  const skipped = []
  let indexed = 0
  for await (const file of htmlFiles(site)) {
    const rel = path.relative(site, file).split(path.sep).join('/')
    const html = await readFile(file, 'utf8')
    if (/^(\w{2,3}\/)?404\.html$/.test(rel) || noindex(html)) { skipped.push(rel); continue }
    const res = await index.addHTMLFile({ sourcePath: rel, content: html })
    if (res.errors.length) throw new Error(`pagefind: ${rel}: ${res.errors.join('; ')}`)
    indexed++
  }
  const written = await index.writeFiles({ outputPath: out })
  if (written.errors.length) throw new Error('pagefind: ' + written.errors.join('; '))
  await pagefind.close()
  // The portal renders results with its own GOV.UK markup (assets/js/search.js)
  // through pagefind.js; Pagefind's prebuilt UIs are never loaded, so they
  // are not published.
  for (const name of await readdir(out)) {
    if (/^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/.test(name)) await rm(path.join(out, name))
  }
  const ms = Math.round(performance.now() - started)
  console.log(`search index: ${indexed} pages in ${path.relative(process.cwd(), out) || out} (${ms} ms); noindex: ${skipped.sort().join(', ') || 'none'}`)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch(err => { console.error(err.message || err); process.exit(1) })
}
