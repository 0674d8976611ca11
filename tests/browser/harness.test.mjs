// The harness itself: the static server, the CSV reader, the tag scanner and
// Chromium, on a tiny site made here, so the suite proves it works before the
// real pages exist.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newPage, parseCsv, scanTags, startServer, waitForCharts } from './lib.mjs';

describe('static server', () => {
  let dir;
  let server;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monsite-harness-'));
    const put = (rel, body) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), body);
    };
    put('index.html', '<!DOCTYPE html><title>home</title>');
    put('404.html', '<!DOCTYPE html><title>not found</title>');
    put('schools/a/index.html', '<!DOCTYPE html><title>a</title>');
    for (const ext of ['svg', 'json', 'csv', 'xlsx', 'js', 'css', 'woff2']) put(`assets/f.${ext}`, 'x');
    put('имя файла.txt', 'utf-8 name');
    server = await startServer(dir, { prefix: '/monitoring/' });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p) => fetch(server.origin + p, { redirect: 'manual' });

  test('listens on 127.0.0.1 under the base prefix', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/monitoring\/$/);
  });
  test('directory URLs serve index.html; without the slash they redirect', async () => {
    const r = await get('/monitoring/schools/a/');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await r.text(), /<title>a</);
    const home = await get('/monitoring/');
    assert.match(await home.text(), /<title>home</);
    const redirect = await get('/monitoring/schools/a');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/monitoring/schools/a/');
  });
  test('content types', async () => {
    const expected = {
      svg: 'image/svg+xml', json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', woff2: 'font/woff2',
    };
    for (const [ext, type] of Object.entries(expected)) {
      const r = await get(`/monitoring/assets/f.${ext}`);
      assert.equal(r.status, 200, ext);
      assert.equal(r.headers.get('content-type'), type, ext);
    }
  });
  test('percent-encoded names', async () => {
    const r = await get('/monitoring/' + encodeURIComponent('имя файла.txt'));
    assert.equal(await r.text(), 'utf-8 name');
  });
  test('missing files, paths outside the prefix and traversal answer 404 with /404.html', async () => {
    for (const p of ['/monitoring/nothing/', '/monitoring/assets/none.css', '/index.html',
      '/monitoring/%2e%2e/%2e%2e/etc/passwd', '/monitoring/..%2f..%2fetc/passwd']) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      assert.match(await r.text(), /not found/, p);
    }
  });
});

test('parseCsv: BOM, quotes, doubled quotes, commas and line breaks in fields, CRLF', () => {
  const text = '\ufeffa,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"two\nlines",\n3,,"last"';
  assert.deepEqual(parseCsv(text), [
    ['a', 'b', 'c'], ['1', 'x, y', 'he said "hi"'], ['2', 'two\nlines', ''], ['3', '', 'last'],
  ]);
});

test('scanTags: attributes, entities, comments and script contents', () => {
  const html = '<!DOCTYPE html>\n<!-- <a href="commented"> -->\n<td data-indicator="x" data-value=\'1.50\' hidden>'
    + '<a href="/a?b=1&amp;c=2" title="a > b">\n<script type="application/json">{"h":"<a href=\\"no\\">"}</script><img src=i.png alt="">';
  const tags = scanTags(html);
  assert.deepEqual(tags.map((x) => x.tag), ['td', 'a', 'script', 'img']);
  assert.deepEqual(tags[0].attrs, { 'data-indicator': 'x', 'data-value': '1.50', hidden: '' });
  assert.equal(tags[1].attrs.href, '/a?b=1&c=2');
  assert.equal(tags[1].attrs.title, 'a > b');
  assert.equal(tags[3].attrs.src, 'i.png');
  assert.equal(tags[3].line, 4);
});

test('Chromium starts, records problems and blocks other hosts', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monsite-harness-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><html lang="ru"><title>t</title>
    <figure class="chart"><svg width="10" height="10"></svg></figure>
    <img src="missing.png" alt="">
    <script>console.error('boom'); fetch('http://example.com/x').catch(() => {});</script>`);
  const server = await startServer(dir, { prefix: '/' });
  const browser = await launchBrowser();
  try {
    const tab = await newPage(browser);
    await tab.page.goto(server.url, { waitUntil: 'load' });
    assert.equal(await waitForCharts(tab.page, 5_000), 1);
    await tab.page.waitForTimeout(300);
    const text = tab.problems.join('\n');
    assert.match(text, /console error: boom/);
    assert.match(text, /HTTP 404: GET http:\/\/127\.0\.0\.1:\d+\/missing\.png/);
    assert.match(text, /external request \(aborted\): http:\/\/example\.com\/x/);
    await tab.close();
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
