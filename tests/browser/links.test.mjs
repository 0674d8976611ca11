// (f) No broken internal link or asset, and nothing loaded from another host.
//
// Every href, src, srcset and poster of every .html file, and every url() and
// @import of every .css file, is resolved against its page (and <base href>)
// and the site's base URL (data/site.json "base_url"). An internal target must
// be a file of the site, or a folder with index.html; a #fragment pointing into
// a page must name an id (or <a name>) of that page. External http(s) links are
// listed, never fetched. Scripts, style sheets, fonts, images and frames must
// not come from another host: the site works offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SITE, htmlFiles, isDir, isFile, scanTags, siteBase, urlPathOf, walk } from './lib.mjs';

const { prefix, origin: baseOrigin } = siteBase();
const ORIGIN = 'http://monsite.invalid';
const internalOrigins = new Set([ORIGIN, baseOrigin].filter(Boolean));
const SKIPPED_SCHEMES = new Set(['mailto:', 'tel:', 'data:', 'javascript:', 'blob:', 'about:', 'sms:']);
// A link to another host is fine only where following it is a person's choice.
const EXTERNAL_OK = new Set(['a', 'area']);
const EXTERNAL_OK_LINK_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'external', 'me', 'privacy-policy', 'terms-of-service']);

const idsCache = new Map();
function idsOf(file) {
  if (!idsCache.has(file)) {
    const ids = new Set();
    for (const { tag, attrs } of scanTags(fs.readFileSync(file, 'utf8'))) {
      if (attrs.id) ids.add(attrs.id);
      if (tag === 'a' && attrs.name) ids.add(attrs.name);
    }
    idsCache.set(file, ids);
  }
  return idsCache.get(file);
}

// The file an internal URL serves, or { error }.
function resolveInternal(url) {
  let pathname;
  try { pathname = decodeURIComponent(url.pathname); } catch { return { error: 'undecodable path' }; }
  if (!pathname.startsWith(prefix) && pathname + '/' !== prefix) return { error: `outside the site base ${prefix}` };
  const rel = pathname.slice(prefix.length);
  if (rel.split('/').includes('..')) return { error: 'leaves the site folder' };
  const full = path.join(SITE, ...rel.split('/').filter(Boolean));
  if (rel === '' || rel.endsWith('/')) {
    return isFile(path.join(full, 'index.html')) ? { file: path.join(full, 'index.html') } : { error: 'no such page (folder without index.html)' };
  }
  if (isFile(full)) return { file: full };
  if (isDir(full) && isFile(path.join(full, 'index.html'))) return { file: path.join(full, 'index.html') };
  return { error: 'no such file' };
}

function srcsetUrls(value) {
  // Candidates are "URL [descriptor]" separated by commas; a URL may hold a comma
  // itself (data:), so split only after a descriptor or before whitespace.
  return value.split(/(?<=\s\d+(?:\.\d+)?[wx]),\s*|,\s+/).map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);
}

function check(value, baseUrl, where, { externalOk }, broken, external, offline) {
  const raw = value.trim();
  if (raw === '') return;
  let url;
  try { url = new URL(raw, baseUrl); } catch { broken.push(`${where}: unparsable URL «${raw}»`); return; }
  if (SKIPPED_SCHEMES.has(url.protocol)) return;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    broken.push(`${where}: unexpected scheme «${raw}»`);
    return;
  }
  if (!internalOrigins.has(url.origin)) {
    if (externalOk) external.set(url.href, (external.get(url.href) || 0) + 1);
    else offline.push(`${where}: loads «${url.href}» from another host (the site must work offline)`);
    return;
  }
  const target = resolveInternal(url);
  if (target.error) { broken.push(`${where}: «${raw}» → ${url.pathname}: ${target.error}`); return; }
  const fragment = url.hash.slice(1);
  if (fragment && fragment !== 'top' && target.file.endsWith('.html')) {
    let id = fragment;
    try { id = decodeURIComponent(fragment); } catch { /* keep as is */ }
    if (!idsOf(target.file).has(id)) broken.push(`${where}: «${raw}»: no id="${id}" in ${path.relative(SITE, target.file)}`);
  }
}

const pages = htmlFiles();

test(`links: no broken internal link or asset in ${pages.length} page(s), nothing from other hosts`, { timeout: 120_000 }, async (t) => {
  assert.ok(isFile(path.join(SITE, 'index.html')), `no site at ${SITE}: index.html is missing`);
  const broken = [];
  const offline = [];
  const external = new Map();
  let checked = 0;

  for (const rel of pages) {
    const pageUrl = new URL(prefix + urlPathOf(rel), ORIGIN);
    const tags = scanTags(fs.readFileSync(path.join(SITE, rel), 'utf8'));
    const baseTag = tags.find((x) => x.tag === 'base' && x.attrs.href !== undefined);
    const baseUrl = baseTag ? new URL(baseTag.attrs.href, pageUrl) : pageUrl;
    for (const { tag, attrs, line } of tags) {
      const where = `${rel}:${line} <${tag}>`;
      const rels = new Set((attrs.rel || '').toLowerCase().split(/\s+/).filter(Boolean));
      const externalOk = EXTERNAL_OK.has(tag)
        || (tag === 'link' && rels.size > 0 && [...rels].every((r) => EXTERNAL_OK_LINK_RELS.has(r)));
      const values = [];
      if (attrs.href !== undefined && tag !== 'base') values.push(attrs.href);
      if (attrs.src !== undefined) values.push(attrs.src);
      if (attrs.poster !== undefined) values.push(attrs.poster);
      if (tag === 'object' && attrs.data !== undefined) values.push(attrs.data);
      if (attrs.srcset !== undefined) values.push(...srcsetUrls(attrs.srcset));
      for (const v of values) {
        checked++;
        check(v, baseUrl, where, { externalOk }, broken, external, offline);
      }
    }
  }

  for (const rel of walk(SITE, ['.css'])) {
    const cssUrl = new URL(prefix + rel, ORIGIN);
    const css = fs.readFileSync(path.join(SITE, rel), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
    let m;
    while ((m = re.exec(css))) {
      const v = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
      if (v.startsWith('#')) continue; // a reference into an inline SVG
      const line = css.slice(0, m.index).split('\n').length;
      checked++;
      check(v, cssUrl, `${rel}:${line}`, { externalOk: false }, broken, external, offline);
    }
  }

  t.diagnostic(`${checked} URL(s) checked in ${pages.length} page(s)`);
  if (external.size) {
    t.diagnostic(`${external.size} external link(s), not fetched:\n`
      + [...external].sort().map(([u, n]) => `  ${u}${n > 1 ? ` (×${n})` : ''}`).join('\n'));
  }
  const cap = (list) => list.slice(0, 60).join('\n  ') + (list.length > 60 ? `\n  ... and ${list.length - 60} more` : '');
  const failures = [];
  if (broken.length) failures.push(`${broken.length} broken internal link(s) or asset(s):\n  ${cap(broken)}`);
  if (offline.length) failures.push(`${offline.length} resource(s) from another host:\n  ${cap(offline)}`);
  if (failures.length) assert.fail(failures.join('\n'));
});
