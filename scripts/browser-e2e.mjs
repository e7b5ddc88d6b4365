// Drives Neo4j Browser in headless Chromium with playwright-core: connect, load the
// newsgraph style and guide, run one report with its params, wait for the graph view,
// save screenshots. Started by scripts/browser-e2e.sh, which installs playwright-core and
// passes every setting as a flag; the password comes from NEWSGRAPH_NEO4J_PASSWORD.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

const args = {}
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
}
const need = ['browser-url', 'bolt', 'user', 'chromium', 'profile', 'guide', 'grass', 'report', 'out']
for (const k of need) {
  if (!args[k]) {
    console.error(`browser-e2e: missing --${k}`)
    process.exit(2)
  }
}
const password = process.env.NEWSGRAPH_NEO4J_PASSWORD
if (!password) {
  console.error('browser-e2e: NEWSGRAPH_NEO4J_PASSWORD is not set')
  process.exit(2)
}
const timeout = Number(process.env.E2E_TIMEOUT_MS || 60000)
const require = createRequire(path.join(process.env.NODE_PATH || '.', 'noop.js'))
const { chromium } = require('playwright-core')

const log = msg => console.error(`browser-e2e: ${msg}`)

// The report's two runnable blocks from the guide: the :param lines and the Cypher.
const unescape = s =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;/g, '"').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const guideHTML = readFileSync(args.guide, 'utf8')
const slide = guideHTML.split('<slide').find(s => s.includes(`<h3>${args.report}</h3>`))
if (!slide) {
  log(`no slide for report ${args.report} in ${args.guide}`)
  process.exit(1)
}
const blocks = [...slide.matchAll(/<pre class="runnable">([\s\S]*?)<\/pre>/g)].map(m => unescape(m[1]))
const cypher = blocks[blocks.length - 1]
const params = blocks.length > 1 ? blocks[0].split('\n').map(l => l.trim().replace(/;$/, '')).filter(Boolean) : []

// Browser fetches guides and styles cross-origin: serve them with CORS.
const files = {
  '/guide.html': ['text/html; charset=utf-8', guideHTML],
  '/newsgraph.grass': ['text/plain; charset=utf-8', readFileSync(args.grass, 'utf8')]
}
const server = http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Headers', '*')
  res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS')
  if (req.method === 'OPTIONS') return res.writeHead(204).end()
  const f = files[new URL(req.url, 'http://x').pathname]
  if (!f) return res.writeHead(404).end('not found')
  res.writeHead(200, { 'Content-Type': f[0], 'Cache-Control': 'no-cache' }).end(f[1])
})
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
// localhost (not 127.0.0.1) is on Browser's default remote-content allowlist.
const base = `http://localhost:${server.address().port}`

const context = await chromium.launchPersistentContext(args.profile, {
  executablePath: args.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 }
})
const page = context.pages()[0] || (await context.newPage())
page.setDefaultTimeout(timeout)
let failed = false
try {
  log(`opening ${args['browser-url']}`)
  await page.goto(args['browser-url'])
  const host = page.locator('input[data-testid="boltaddress"]')
  await host.waitFor({ timeout })
  const scheme = page.locator('select[data-testid="bolt-scheme-select"]')
  const boltScheme = args.bolt.replace(/:\/\/.*/, '://')
  if (await scheme.count()) await scheme.selectOption(boltScheme).catch(() => {})
  await host.fill(await scheme.count() ? args.bolt.replace(/^[a-z+]+:\/\//, '') : args.bolt)
  await page.locator('input[data-testid="username"]').fill(args.user)
  await page.locator('input[data-testid="password"]').fill(password)
  await page.locator('button[data-testid="connect"]').click()
  await host.waitFor({ state: 'hidden', timeout })
  log('connected')

  const editor = page.locator('#monaco-main-editor')
  const run = async (command, { wait = true } = {}) => {
    const frames = await page.locator('[data-testid="frame"]').count()
    await editor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Delete')
    await page.keyboard.insertText(command)
    await page.locator('[data-testid="editor-Run"]').click()
    if (!wait) return page.waitForTimeout(500)
    await page.waitForFunction(n => document.querySelectorAll('[data-testid="frame"]').length > n, frames, { timeout })
  }

  await run(':clear', { wait: false })
  await run(`:style ${base}/newsgraph.grass`)
  await run(`:guide ${base}/guide.html`, { wait: false }) // opens the guide drawer, no frame
  await page.getByText('newsgraph reports').first().waitFor({ timeout })
  await page.screenshot({ path: args.out.replace(/\.png$/, '-guide.png') })
  log('guide shown')

  // Close the guide drawer (its navigation button toggles it) so the graph gets the room.
  const nav = page.locator('[data-testid="navigationGuides"]')
  if (await nav.count()) await nav.first().click()

  for (const p of params) await run(p)
  await run(':clear', { wait: false })
  log(`running report ${args.report} (${params.length} params)`)
  await run(cypher)
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="frame"] svg g.node').length > 0,
    null, { timeout })
  await page.waitForTimeout(2500) // let the force layout settle
  const nodes = await page.locator('[data-testid="frame"]').first().locator('svg g.node').count()
  log(`graph view shows ${nodes} nodes`)
} catch (e) {
  failed = true
  log(`FAILED: ${e.message}`)
} finally {
  await page.screenshot({ path: args.out })
  log(`screenshot: ${args.out}`)
  await context.close()
  server.close()
}
process.exit(failed ? 1 : 0)
