// Shared helpers of the browser test suite (node --test tests/browser/):
// where the site is, a tiny static file server, Chromium through playwright-core,
// an RFC 4180 CSV reader, an attribute scanner for the generated HTML, and the
// discovery of the pages under test.
//
// Environment:
//   MONSITE_PUBLIC       the built site (default: public/ of the repository)
//   MONSITE_SCREENSHOTS  where screenshots go (default: build/screenshots/)
//   MONSITE_CHROMIUM     the browser (default: /usr/bin/chromium, Debian's package)

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = path.resolve(process.env.MONSITE_PUBLIC || path.join(REPO, 'public'));
export const SCREENSHOTS = path.resolve(process.env.MONSITE_SCREENSHOTS || path.join(REPO, 'build', 'screenshots'));
export const CHROMIUM = process.env.MONSITE_CHROMIUM || '/usr/bin/chromium';
export const AXE_PATH = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

// The flags known to work on these machines: without the background-networking
// ones Chromium keeps trying to reach Google's hosts through a closed network.
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// ---------------------------------------------------------------------------
// Files

export function exists(file) {
  try { fs.accessSync(file); return true; } catch { return false; }
}

export function isFile(file) {
  try { return fs.statSync(file).isFile(); } catch { return false; }
}

export function isDir(file) {
  try { return fs.statSync(file).isDirectory(); } catch { return false; }
}

// Every file under `root` whose name ends with one of `extensions`, as paths
// relative to `root` with forward slashes, sorted.
export function walk(root, extensions) {
  const out = [];
  const visit = (dir) => {
    let entries;
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.isFile() && extensions.some((x) => e.name.endsWith(x))) {
        out.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  visit(root);
  return out.sort();
}

export function htmlFiles(root = SITE) {
  return walk(root, ['.html']);
}

// ---------------------------------------------------------------------------
// site.json and the base URL

let siteJsonCache;
export function siteJson(root = SITE) {
  if (root === SITE && siteJsonCache !== undefined) return siteJsonCache;
  const file = path.join(root, 'data', 'site.json');
  const value = isFile(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
  if (root === SITE) siteJsonCache = value;
  return value;
}

// The site's base: `prefix` is the path every internal URL starts with ("/" or
// "/monitoring/"), `origin` is set when base_url is an absolute URL.
export function siteBase(root = SITE) {
  const raw = siteJson(root)?.base_url || '/';
  let origin = null;
  let prefix = raw;
  if (/^https?:\/\//i.test(raw)) {
    const u = new URL(raw);
    origin = u.origin;
    prefix = u.pathname;
  }
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  return { prefix, origin };
}

// ---------------------------------------------------------------------------
// Static file server: 127.0.0.1, a free port, only the site folder.

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// Serves `root` under the URL path `prefix`. Directory URLs serve index.html
// (a directory without the trailing slash is redirected to it), anything else
// answers 404 with /404.html when the site has one. Returns
// { origin, url (origin + prefix), port, close() }.
export async function startServer(root = SITE, { prefix = siteBase(root).prefix } = {}) {
  const rootReal = fs.realpathSync(root);
  const notFound = async (res, head) => {
    const page = path.join(rootReal, '404.html');
    const body = isFile(page) ? await fsp.readFile(page) : Buffer.from('404 Not Found\n');
    res.writeHead(404, { 'Content-Type': isFile(page) ? CONTENT_TYPES['.html'] : CONTENT_TYPES['.txt'],
      'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(head ? undefined : body);
  };
  const server = http.createServer(async (req, res) => {
    try {
      const head = req.method === 'HEAD';
      if (req.method !== 'GET' && !head) {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let pathname;
      try { pathname = decodeURIComponent(url.pathname); } catch { return notFound(res, head); }
      if (!pathname.startsWith(prefix) && pathname + '/' !== prefix) return notFound(res, head);
      const rel = pathname.slice(prefix.length);
      if (rel.includes('\0') || rel.split('/').some((s) => s === '..')) return notFound(res, head);
      let file = path.join(rootReal, ...rel.split('/').filter(Boolean));
      if (isDir(file)) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: url.pathname + '/' + url.search });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      // Symbolic links must not lead out of the site.
      let real;
      try { real = fs.realpathSync(file); } catch { return notFound(res, head); }
      if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return notFound(res, head);
      if (!isFile(real)) return notFound(res, head);
      const body = await fsp.readFile(real);
      res.writeHead(200, { 'Content-Type': contentType(real), 'Content-Length': body.length,
        'Cache-Control': 'no-store' });
      res.end(head ? undefined : body);
    } catch (e) {
      res.writeHead(500, { 'Content-Type': CONTENT_TYPES['.txt'] });
      res.end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    prefix,
    url: origin + prefix,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

// ---------------------------------------------------------------------------
// Chromium

// Debian's Chromium through playwright-core. Playwright gives every launch a
// fresh temporary --user-data-dir and removes it on close; nothing is
// downloaded. Requests that leave 127.0.0.1 are aborted in newPage() below.
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

// A new page in its own context, with a record of everything that went wrong:
// console errors, uncaught exceptions, failed requests, HTTP statuses >= 400,
// and any request to a host other than the test server (aborted: the site
// must work offline).
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const problems = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '127.0.0.1') {
      problems.push(`external request (aborted): ${route.request().url()}`);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page.on('console', (m) => {
    // "Failed to load resource" repeats a failed request or status recorded below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      const loc = m.location();
      problems.push(`console error: ${m.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.stack || e.message || e}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText || 'failed';
    if (why.includes('ERR_BLOCKED_BY_CLIENT')) return; // already recorded above
    problems.push(`request failed: ${r.method()} ${r.url()}: ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { context, page, problems, close: () => context.close() };
}

// Waits until every figure.chart holds an <svg> (site JS runs vegaEmbed on the
// spec in its <script type="application/json" class="chart-spec">). Returns the
// number of charts; throws naming the figures that stayed empty.
export async function waitForCharts(page, timeout = 20_000) {
  const count = await page.locator('figure.chart').count();
  if (count === 0) return 0;
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('figure.chart')].every((f) => f.querySelector('svg')),
      null, { timeout, polling: 100 });
  } catch {
    const empty = await page.evaluate(() => [...document.querySelectorAll('figure.chart')]
      .filter((f) => !f.querySelector('svg'))
      .map((f) => (f.id || f.querySelector('figcaption')?.textContent?.trim()?.slice(0, 80) || f.outerHTML.slice(0, 120))
        + (f.querySelector('canvas') ? ' (drawn on a <canvas>: call vegaEmbed with { renderer: "svg" })' : '')));
    throw new Error(`${empty.length} of ${count} figure.chart have no <svg> after ${timeout} ms:\n  ${empty.join('\n  ')}`);
  }
  return count;
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180: BOM, quoted fields with commas, doubled quotes and line breaks)

export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n' || c === '\r') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

// The CSV as objects keyed by the header row.
export function readCsv(file) {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  return rows.filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// ---------------------------------------------------------------------------
// HTML scanning (the generated pages are well-formed; html-validate checks that)

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

// Every start tag of the document as { tag, attrs: {name: value}, line },
// skipping comments and the contents of <script> and <style>.
export function scanTags(html) {
  const tags = [];
  const lineAt = (() => {
    const starts = [0];
    for (let i = 0; i < html.length; i++) if (html[i] === '\n') starts.push(i + 1);
    return (pos) => {
      let lo = 0, hi = starts.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= pos) lo = mid; else hi = mid - 1; }
      return lo + 1;
    };
  })();
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>]*)>|<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m;
  while ((m = re.exec(html))) {
    if (!m[1]) continue;
    const tag = m[1].toLowerCase();
    const attrs = {};
    const attrRe = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    let a;
    while ((a = attrRe.exec(m[2]))) {
      const name = a[1].toLowerCase();
      if (name in attrs) continue;
      attrs[name] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    tags.push({ tag, attrs, line: lineAt(m.index) });
    if (tag === 'script' || tag === 'style') {
      const close = new RegExp(`</${tag}\\s*>`, 'ig');
      close.lastIndex = re.lastIndex;
      const c = close.exec(html);
      re.lastIndex = c ? close.lastIndex : html.length;
    }
  }
  return tags;
}

// ---------------------------------------------------------------------------
// Pages under test

// The URL path (under the site base) of a page file: "schools/x/index.html" -> "schools/x/".
export function urlPathOf(rel) {
  if (rel === 'index.html') return '';
  if (rel.endsWith('/index.html')) return rel.slice(0, -'index.html'.length);
  return rel;
}

export function latestYear(root = SITE) {
  const fromJson = siteJson(root)?.latest_year;
  if (fromJson) return String(fromJson);
  const file = path.join(root, 'data', 'schools.csv');
  if (!isFile(file)) return null;
  const years = readCsv(file).map((r) => Number(r.year)).filter(Number.isFinite);
  return years.length ? String(Math.max(...years)) : null;
}

// The schools of the latest year, from data/schools.csv, in file order.
export function latestSchools(root = SITE) {
  const file = path.join(root, 'data', 'schools.csv');
  if (!isFile(file)) return [];
  const rows = readCsv(file);
  const year = latestYear(root) ?? String(Math.max(...rows.map((r) => Number(r.year))));
  return rows.filter((r) => r.year === year);
}

// The four pages the browser tests open, each { name, rel, path } or null when
// the site has no such page yet; `missing` says what to tell t.skip().
export function discoverPages(root = SITE) {
  const page = (name, rel, missing) => (rel && isFile(path.join(root, rel))
    ? { name, rel, path: urlPathOf(rel), missing }
    : { name, rel: null, path: null, missing });

  let indicatorRel = null;
  const catalogue = siteJson(root)?.indicators;
  const ids = Array.isArray(catalogue) ? catalogue.map((i) => i?.id).filter(Boolean)
    : catalogue && typeof catalogue === 'object' ? Object.keys(catalogue) : [];
  for (const id of ids) {
    if (isFile(path.join(root, 'indicators', id, 'index.html'))) { indicatorRel = `indicators/${id}/index.html`; break; }
  }
  if (!indicatorRel && isDir(path.join(root, 'indicators'))) {
    const any = fs.readdirSync(path.join(root, 'indicators')).sort()
      .find((d) => isFile(path.join(root, 'indicators', d, 'index.html')));
    if (any) indicatorRel = `indicators/${any}/index.html`;
  }

  let schoolRel = null;
  for (const s of latestSchools(root)) {
    if (isFile(path.join(root, 'schools', s.school_id, 'index.html'))) { schoolRel = `schools/${s.school_id}/index.html`; break; }
  }

  return {
    home: page('home', 'index.html', 'no home page (/index.html) yet'),
    indicator: page('indicator', indicatorRel, 'no /indicators/<id>/ page yet'),
    school: page('school', schoolRel, 'no /schools/<id>/ page yet'),
    schools: page('schools index', 'schools/index.html', 'no /schools/ page yet'),
  };
}
