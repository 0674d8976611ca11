// Shared helpers of the browser test suite (node --test tests/browser/):
// where the site is, a tiny static file server, Chromium through playwright-core,
// an RFC 4180 CSV reader, an attribute scanner for the generated HTML, the pages
// the site must have, and the site's language (text catalogues, numbers).
//
// Environment:
//   MONSITE_PUBLIC       the built site (default: public/ of the repository)
//   MONSITE_SCREENSHOTS  where screenshots go (default: build/screenshots/)
//   MONSITE_CHROMIUM     the browser (default: /usr/bin/chromium, Debian's package)
//   MONSITE_SOURCE       the site's source folder, holding data/, content/ and
//                        i18n/ (default: the repository)

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = path.resolve(process.env.MONSITE_PUBLIC || path.join(REPO, 'public'));
export const SCREENSHOTS = path.resolve(process.env.MONSITE_SCREENSHOTS || path.join(REPO, 'build', 'screenshots'));
export const CHROMIUM = process.env.MONSITE_CHROMIUM || '/usr/bin/chromium';
export const SOURCE = path.resolve(process.env.MONSITE_SOURCE || REPO);
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
  // A large site splits site.json: year_files name data/years/<year>.json, whose schools
  // name each school's file. Put together here, the document has the small site's shape.
  if (value && !Array.isArray(value.by_year) && Array.isArray(value.year_files)) {
    const read = (rel) => JSON.parse(fs.readFileSync(path.join(root, 'data', rel), 'utf8'));
    value.by_year = value.year_files.map((f) => {
      const year = read(f.file);
      year.schools = (year.schools ?? []).map((s) => (s.file ? read(s.file) : s));
      return year;
    });
  }
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
    locale: siteLanguage() === 'en' ? 'en-GB' : 'ru-RU',
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

// Every start tag of the document as { tag, attrs: {name: value}, line, end }
// (end: the offset right after the tag), skipping comments and the contents of
// <script> and <style>.
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
    tags.push({ tag, attrs, line: lineAt(m.index), end: re.lastIndex });
    if (tag === 'script' || tag === 'style') {
      const close = new RegExp(`</${tag}\\s*>`, 'ig');
      close.lastIndex = re.lastIndex;
      const c = close.exec(html);
      re.lastIndex = c ? close.lastIndex : html.length;
    }
  }
  return tags;
}

// The text inside the element whose start tag `t` scanTags found: up to its
// matching end tag, inner tags dropped (replaced by `between`), entities
// decoded, spaces collapsed.
export function elementText(html, t, between = '') {
  const re = new RegExp(`<(/?)${t.tag}\\b[^>]*>`, 'gi');
  re.lastIndex = t.end;
  let depth = 1;
  let stop = html.length;
  let m;
  while ((m = re.exec(html))) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) { stop = m.index; break; }
  }
  return decodeEntities(html.slice(t.end, stop).replace(/<[^>]*>/g, between)).replace(/\s+/g, ' ').trim();
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

// The expected pages of the site, read from data/site.json (years, directions,
// indicators, schools) and the source's content/ folder. A school's page is
// wherever the schools index of its year links it ([data-school] row, first
// <a href> inside): the generator publishes schools under a slug of their code,
// and site.json does not carry that address. Nothing here skips: a page that is
// not there is reported by the tests with the path it should have.

// The year folders of the site: { year, prefix ("" for the latest, "2024/"), data }.
export function siteYears(root = SITE) {
  const json = siteJson(root);
  if (!json || !Array.isArray(json.by_year)) return [];
  const latest = Number(json.latest_year);
  return json.by_year.map((data) => ({
    year: Number(data.year),
    prefix: Number(data.year) === latest ? '' : `${data.year}/`,
    data,
  }));
}

// The school links of a schools index: Map id (site.json schools[].id) -> page file relative to
// the site root ("schools/sh-1/index.html"); an empty map when the index is missing.
const schoolLinksCache = new Map();
export function schoolLinks(prefix = '', root = SITE) {
  const key = `${root}\0${prefix}`;
  if (schoolLinksCache.has(key)) return schoolLinksCache.get(key);
  const links = new Map();
  // A large site's list has more pages: schools/page/2/ and so on.
  const lists = [];
  for (let n = 1; ; n += 1) {
    const rel = n === 1 ? 'schools/' : `schools/page/${n}/`;
    const file = path.join(root, prefix, rel, 'index.html');
    if (!isFile(file)) break;
    lists.push({ rel, file });
  }
  for (const { rel, file } of lists) {
    const { prefix: base } = siteBase(root);
    const pageUrl = new URL(base + prefix + rel, 'http://monsite.invalid');
    let current = null;
    for (const { tag, attrs } of scanTags(fs.readFileSync(file, 'utf8'))) {
      if (attrs['data-school'] !== undefined) { current = attrs['data-school']; continue; }
      if (tag !== 'a' || current === null || attrs.href === undefined || links.has(current)) continue;
      const url = new URL(attrs.href, pageUrl);
      let pathname = decodeURIComponent(url.pathname);
      if (pathname.startsWith(base)) {
        pathname = pathname.slice(base.length);
        links.set(current, pathname === '' || pathname.endsWith('/') ? pathname + 'index.html' : pathname);
      }
      current = null;
    }
  }
  schoolLinksCache.set(key, links);
  return links;
}

// The content pages the site must have: content/*.md of the source folder
// (MONSITE_SOURCE), except drafts and names the generator skips.
export function contentPages(source = SOURCE) {
  const dir = path.join(source, 'content');
  if (!isDir(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().flatMap((f) => {
    const stem = f.slice(0, -3);
    if (stem.startsWith('_') || stem.startsWith('.') || !/^[A-Za-z0-9_-]+$/.test(stem)) return [];
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const front = /^\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+/.exec(text)?.[1] ?? '';
    if (/^\s*draft\s*=\s*true\b/m.test(front)) return [];
    const title = /^\s*title\s*=\s*"((?:[^"\\]|\\.)*)"/m.exec(front)?.[1] ?? /^#\s+(.+)$/m.exec(text)?.[1] ?? stem;
    const description = /^\s*description\s*=\s*"((?:[^"\\]|\\.)*)"/m.exec(front)?.[1] ?? '';
    return [{ slug: stem, title: title.trim(), description: description.trim() }];
  });
}

// Every page the site must have, as { name, rel } (rel: the file under the site
// root), plus `problems`: what could not even be looked for (no site.json, a
// school with no link on its schools index).
export function expectedPages(root = SITE, source = SOURCE) {
  const pages = [];
  const problems = [];
  const json = siteJson(root);
  if (!json) {
    problems.push('data/site.json is missing: the expected pages cannot be listed');
    return { pages, problems };
  }
  const add = (name, rel) => pages.push({ name, rel });
  add('home', 'index.html');
  add('404', '404.html');
  add('methodology', 'methodology/index.html');
  add('open data', 'open-data/index.html');
  add('report', 'report/index.html');
  for (const c of contentPages(source)) add(`content page ${c.slug}`, `${c.slug}/index.html`);
  const years = siteYears(root);
  if (years.length === 0) problems.push('data/site.json lists no year (by_year)');
  for (const { year, prefix, data } of years) {
    if (prefix) add(`overview ${year}`, `${prefix}index.html`);
    add(`schools index ${year}`, `${prefix}schools/index.html`);
    add(`groups ${year}`, `${prefix}groups/index.html`);
    add(`clusters ${year}`, `${prefix}clusters/index.html`);
    add(`rating ${year}`, `${prefix}rating/index.html`);
    add(`decisions ${year}`, `${prefix}decisions/index.html`);
    add(`effectiveness ${year}`, `${prefix}decisions/effectiveness/index.html`);
    if (data.subjects !== undefined) add(`subjects ${year}`, `${prefix}subjects/index.html`);
    for (const d of json.directions ?? []) add(`direction ${d.id} ${year}`, `${prefix}directions/${d.id}/index.html`);
    // An indicator has a page in the years it applies to: those with a municipal value.
    for (const i of json.indicators ?? []) {
      if (data.municipality?.[i.id] !== undefined) add(`indicator ${i.id} ${year}`, `${prefix}indicators/${i.id}/index.html`);
    }
    const links = schoolLinks(prefix, root);
    for (const s of data.schools ?? []) {
      const rel = links.get(s.id);
      if (rel) add(`school ${s.id} ${year}`, rel);
      else problems.push(`school ${s.id} (${year}): no link in a [data-school="${s.id}"] row of /${prefix}schools/`);
    }
  }
  return { pages, problems };
}

// The pages the browser tests open, each { name, rel, path, exists, missing }:
// `rel` is where the page must be, `missing` what to fail with when it is not
// there. The school is the first school of the latest year in site.json.
export function discoverPages(root = SITE) {
  const page = (name, rel, why) => {
    const ok = rel !== null && isFile(path.join(root, rel));
    return {
      name, rel, path: rel === null ? null : urlPathOf(rel), exists: ok,
      missing: ok ? null : rel === null ? `${name} page: ${why}` : `${name} page is missing: ${rel} (under ${root})`,
    };
  };
  const json = siteJson(root);
  const noJson = 'data/site.json is missing';
  const latest = siteYears(root).find((y) => y.prefix === '');
  const school = latest?.data.schools?.[0];
  const schoolRel = school ? schoolLinks('', root).get(school.id) ?? null : null;
  const indicator = json?.indicators?.[0]?.id;
  const direction = json?.directions?.[0]?.id;
  // The subjects page exists only for a year with the Педагоги table (site.json's year has `subjects`),
  // as expectedPages says: a site without that table has no subjects page to expect.
  const subjects = latest && latest.data.subjects === undefined ? undefined : page('subjects', 'subjects/index.html');
  const pages = {
    home: page('home', 'index.html'),
    schools: page('schools index', 'schools/index.html'),
    school: page('school', schoolRel, !json ? noJson : !school ? 'no school of the latest year in data/site.json'
      : `school ${school.id} has no link in a [data-school] row of schools/index.html`),
    indicator: page('indicator', indicator ? `indicators/${indicator}/index.html` : null, json ? 'no indicator in data/site.json' : noJson),
    direction: page('direction', direction ? `directions/${direction}/index.html` : null, json ? 'no direction in data/site.json' : noJson),
    groups: page('groups', 'groups/index.html'),
    clusters: page('clusters', 'clusters/index.html'),
    rating: page('rating', 'rating/index.html'),
    decisions: page('decisions', 'decisions/index.html'),
    effectiveness: page('effectiveness', 'decisions/effectiveness/index.html'),
    subjects,
    methodology: page('methodology', 'methodology/index.html'),
    openData: page('open data', 'open-data/index.html'),
    report: page('annual report', 'report/index.html'),
    notFound: page('404', '404.html'),
  };
  if (!subjects) delete pages.subjects;
  return pages;
}

// Fails the running test when the page is not there.
export function requirePage(p) {
  if (!p.exists) throw new Error(p.missing);
  return p;
}

// ---------------------------------------------------------------------------
// Language: <html lang>, the text catalogues i18n/<lang>.toml, numbers

// The language of a page, from <html lang>, lower-case and without region ("en").
export function htmlLang(html) {
  const tag = scanTags(html.slice(0, 4000)).find((x) => x.tag === 'html');
  return (tag?.attrs.lang ?? '').toLowerCase().split('-')[0];
}

// The site's language: data/site.json "language" ("ru" when absent).
export function siteLanguage(root = SITE) {
  return (siteJson(root)?.language || 'ru').toLowerCase();
}

// The flat TOML of the catalogues: `key = "text"` lines and [key] tables of
// plural forms (`one = "..."`). Returns { key: text | { form: text } }.
export function parseCatalogue(text, name = 'catalogue') {
  const out = {};
  let table = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, n) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const head = /^\[\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?$/.exec(line);
    if (head) {
      table = {};
      out[head[1]] = table;
      return;
    }
    const m = /^([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(line);
    if (!m) throw new Error(`${name}:${n + 1}: not a key = "text" line: ${line}`);
    const value = m[2].replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e) => {
      if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
      return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' }[e] ?? e;
    });
    (table ?? out)[m[1]] = value;
  });
  return out;
}

// The catalogue of `lang`: the built-in i18n/<lang>.toml with the site's own
// i18n/<lang>.toml (beside data/ in MONSITE_SOURCE) laid over it key by key.
const catalogueCache = new Map();
export function catalogue(lang, source = SOURCE) {
  const key = `${lang}\0${source}`;
  if (catalogueCache.has(key)) return catalogueCache.get(key);
  const builtIn = path.join(REPO, 'i18n', `${lang}.toml`);
  if (!isFile(builtIn)) throw new Error(`no text catalogue ${builtIn} for the page language «${lang}»`);
  const texts = parseCatalogue(fs.readFileSync(builtIn, 'utf8'), builtIn);
  const own = path.join(source, 'i18n', `${lang}.toml`);
  if (path.resolve(own) !== path.resolve(builtIn) && isFile(own)) Object.assign(texts, parseCatalogue(fs.readFileSync(own, 'utf8'), own));
  catalogueCache.set(key, texts);
  return texts;
}

// CLDR plural category of an integer: ru one/few/many, en one/other.
export function pluralForm(lang, n) {
  if (lang === 'ru') {
    const d = n % 10, h = n % 100;
    if (d === 1 && h !== 11) return 'one';
    if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'few';
    return 'many';
  }
  return n === 1 ? 'one' : 'other';
}

// The text of `key` in `lang` with its {names} filled; a plural entry takes the
// form of vars.count. Throws on an unknown key: the catalogue must have it.
export function tr(lang, key, vars = {}) {
  const entry = catalogue(lang)[key];
  if (entry === undefined) throw new Error(`i18n/${lang}.toml has no key «${key}»`);
  const text = typeof entry === 'string' ? entry : entry[pluralForm(lang, Number(vars.count))] ?? entry.other;
  return text.replace(/\{([a-z0-9_]+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

// The first number written in `text` the way `lang` writes numbers, or null:
// ru «30,5 %», «12 345», «−17,2»; en «30.5%», «12,345», «-17.2». Returns
// { value, decimals } (decimals: the digits shown after the separator).
export function parseLocaleNumber(text, lang) {
  const t = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
  const re = lang === 'ru'
    ? /([−-]|\+)?(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?/
    : /([−-]|\+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/;
  const m = re.exec(t);
  if (!m) return null;
  const whole = m[2].replace(/[ ,]/g, '');
  const frac = m[3] ?? '';
  const sign = m[1] === '−' || m[1] === '-' ? -1 : 1;
  return { value: sign * Number(`${whole}.${frac || '0'}`), decimals: frac.length };
}

// What is wrong with `shown` as the page's display of `value` (a number as
// written in indicators.csv, unit as in site.json) in `lang`, or null: the number
// must be written the way the language writes it and equal the value rounded to
// the digits shown (with at least one decimal's precision).
export function numberDisplayProblem(shown, value, unit, lang) {
  const n = parseLocaleNumber(shown, lang);
  if (!n) return `shows «${shown}», no number written the ${lang} way`;
  const exact = Number(value);
  const tolerance = 0.5 * 10 ** -Math.max(n.decimals, 1) + 1e-9;
  if (Math.abs(n.value - exact) > tolerance) return `shows «${shown}» (${n.value}), the value is ${value}`;
  if (unit === '%') {
    const spaced = /\d[\s\u00a0\u202f]%/.test(shown);
    if (lang === 'ru' && !spaced) return `shows «${shown}»: Russian puts a space before %`;
    if (lang === 'en' && (spaced || !/\d%/.test(shown))) return `shows «${shown}»: English writes 30.5%`;
  }
  return null;
}

// Cyrillic letters in `text`, or null.
export function cyrillicIn(text) {
  const m = text.match(/[\p{Script=Cyrillic}]+/gu);
  return m ? [...new Set(m)] : null;
}

// The names of the input tables (sheets) of the data contract, from the
// headings of docs/data-contract.md («### 2.2 `Кадры` — staff»): a
// department's files must use them, so they stay as they are in any language.
export function contractTableNames() {
  const file = path.join(REPO, 'docs', 'data-contract.md');
  if (!isFile(file)) return [];
  return [...fs.readFileSync(file, 'utf8').matchAll(/^###\s+[\d.]+\s+`([^`]+)`/gm)].map((m) => m[1]);
}

// The data values of the site, which stay as given in any language: names of
// the municipality, department, schools, types, clusters, localities, subjects,
// every field of the measures, the content pages' titles and descriptions, and
// the data contract's table names.
export function dataStrings(root = SITE, source = SOURCE) {
  const json = siteJson(root) ?? {};
  const out = new Set([json.municipality, json.department, ...contractTableNames()]);
  for (const y of json.by_year ?? []) {
    for (const s of y.schools ?? []) for (const k of ['name', 'short_name', 'type', 'cluster', 'locality']) out.add(s[k]);
    for (const c of y.clusters ?? []) out.add(c.name);
    for (const m of y.measures ?? []) for (const v of Object.values(m)) out.add(v);
    for (const s of y.subjects ?? []) out.add(s.subject);
    for (const list of Object.values(y.school_subjects ?? {})) for (const s of list) out.add(s.subject);
  }
  for (const c of contentPages(source)) { out.add(c.title); out.add(c.description); }
  return [...out].filter((s) => typeof s === 'string' && s.trim().length > 0)
    .map((s) => s.replace(/\s+/g, ' ').trim()).sort((a, b) => b.length - a.length || a.localeCompare(b));
}

// `text` with every data value (dataStrings) cut out.
export function withoutData(text, data) {
  let t = text.replace(/\s+/g, ' ');
  for (const s of data) if (t.includes(s)) t = t.split(s).join(' ');
  return t;
}

const INTERFACE_ELEMENTS = new Set(['title', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'caption', 'label',
  'legend', 'button', 'summary', 'figcaption', 'option', 'dt', 'a']);
const INTERFACE_ATTRIBUTES = ['aria-label', 'alt', 'title', 'placeholder', 'aria-description', 'aria-roledescription'];

function specStrings(value, out) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) specStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) specStrings(v, out);
  return out;
}

// The interface texts of a page, as [{ where, text }]: the text of <title>,
// navigation, headings, table headers and captions, labels, buttons, options,
// figure captions, links; the aria-label, alt, title and placeholder of every
// element; the description of the page; every string of its chart specs (what
// the charts write). With `skipMain` the <main> element is left out (a content
// page's own text is the department's, in its own language).
export function interfaceTexts(html, { skipMain = false } = {}) {
  if (skipMain) html = html.replace(/<main\b[\s\S]*<\/main>/i, '<main></main>');
  const out = [];
  for (const t of scanTags(html)) {
    const where = `line ${t.line} <${t.tag}>`;
    if (INTERFACE_ELEMENTS.has(t.tag)) out.push({ where, text: elementText(html, t, ' ') });
    for (const a of INTERFACE_ATTRIBUTES) if (t.attrs[a]) out.push({ where: `${where} ${a}`, text: t.attrs[a] });
    if (t.tag === 'meta' && /^(description|og:description|og:title|og:site_name)$/.test(t.attrs.name ?? t.attrs.property ?? '')) {
      out.push({ where: `${where} ${t.attrs.name ?? t.attrs.property}`, text: t.attrs.content ?? '' });
    }
    if (t.tag === 'script' && /\bchart-spec\b/.test(t.attrs.class ?? '')) {
      const close = html.indexOf('</script>', t.end);
      let spec = null;
      try { spec = JSON.parse(html.slice(t.end, close)); } catch { out.push({ where: `${where} chart spec`, text: '(unparsable JSON)' }); }
      for (const s of specStrings(spec, [])) out.push({ where: `${where} chart spec`, text: s });
    }
  }
  return out.filter((x) => x.text.trim() !== '');
}

// The interface texts of a page that hold Cyrillic once the data values are cut
// out, as ["line 12 <th>: «...» (Cyrillic: ...)"].
export function cyrillicInterface(html, data, options) {
  const found = [];
  for (const { where, text } of interfaceTexts(html, options)) {
    const letters = cyrillicIn(withoutData(text, data));
    if (letters) found.push(`${where}: «${text.slice(0, 120)}» (${letters.slice(0, 5).join(', ')})`);
  }
  return found;
}
