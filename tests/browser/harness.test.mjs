// The harness itself: the static server, the CSV reader, the tag scanner, the
// list of expected pages, the catalogue reader, number reading, the Cyrillic
// scan and Chromium, on tiny sites made here: each helper must catch what it
// is there to catch.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  cyrillicInterface, discoverPages, elementText, expectedPages, htmlLang, launchBrowser, newPage, numberDisplayProblem,
  parseCatalogue, parseCsv, parseLocaleNumber, pluralForm, scanTags, startServer, waitForCharts,
} from './lib.mjs';

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

// A tiny site: site.json with one year, two schools under slugs, a content page.
function tinySite({ dropSchoolPage = false, dropLink = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monsite-harness-'));
  const put = (rel, body) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  };
  put('public/data/site.json', JSON.stringify({
    base_url: '/', language: 'ru', latest_year: 2025,
    directions: [{ id: 'd1' }], indicators: [{ id: 'i1' }, { id: 'i2' }],
    by_year: [{ year: 2025, has_teachers: false, municipality: { i1: {} },
      schools: [{ id: 'A 1', name: 'Школа А' }, { id: 'b', name: 'Школа Б' }] }],
  }));
  put('src/content/about.md', '+++\ntitle = "О сайте"\n+++\ntext');
  put('src/content/draft.md', '+++\ndraft = true\n+++\n');
  put('src/content/_part.md', 'x');
  const page = '<!DOCTYPE html><html lang="ru"><title>t</title>';
  for (const rel of ['index.html', '404.html', 'methodology/index.html', 'open-data/index.html', 'report/index.html', 'about/index.html',
    'groups/index.html', 'clusters/index.html', 'rating/index.html', 'decisions/index.html',
    'decisions/effectiveness/index.html', 'directions/d1/index.html', 'indicators/i1/index.html',
    'schools/a-1-x/index.html', 'schools/b/index.html']) put(`public/${rel}`, page);
  if (dropSchoolPage) fs.rmSync(path.join(dir, 'public/schools/b/index.html'));
  put('public/schools/index.html', `${page}<table><tr data-school="A 1"><th><a href="a-1-x/">Школа А</a></th></tr>`
    + `<tr data-school="${dropLink ? 'c' : 'b'}"><th><a href="/schools/b/">Школа Б</a></th></tr></table>`);
  return { dir, site: path.join(dir, 'public'), source: path.join(dir, 'src') };
}

describe('expected pages', () => {
  test('a complete site: every page found, schools by the link of their row', () => {
    const s = tinySite();
    try {
      const { pages, problems } = expectedPages(s.site, s.source);
      assert.deepEqual(problems, []);
      const rels = pages.map((p) => p.rel);
      for (const rel of ['index.html', '404.html', 'about/index.html', 'indicators/i1/index.html', 'schools/a-1-x/index.html', 'schools/b/index.html']) {
        assert.ok(rels.includes(rel), rel);
      }
      assert.ok(!rels.includes('indicators/i2/index.html'), 'i2 has no municipal value: no page expected');
      assert.ok(!rels.includes('draft/index.html') && !rels.includes('_part/index.html'));
      assert.ok(pages.every((p) => fs.existsSync(path.join(s.site, p.rel))));
      const found = discoverPages(s.site);
      assert.equal(found.school.rel, 'schools/a-1-x/index.html');
      assert.ok(found.school.exists);
      // No Педагоги table in the tiny site (no `subjects` in site.json): no subjects page is expected.
      assert.equal(found.subjects, undefined);
      assert.ok(found.methodology.exists);
    } finally {
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  });
  test('a missing school page and a school without a link are reported', () => {
    const s = tinySite({ dropSchoolPage: true });
    const t = tinySite({ dropLink: true });
    try {
      const { pages } = expectedPages(s.site, s.source);
      assert.deepEqual(pages.filter((p) => !fs.existsSync(path.join(s.site, p.rel))).map((p) => p.rel), ['schools/b/index.html']);
      assert.match(expectedPages(t.site, t.source).problems.join('\n'), /school b \(2025\): no link/);
    } finally {
      fs.rmSync(s.dir, { recursive: true, force: true });
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });
});

describe('language helpers', () => {
  test('parseCatalogue: flat keys, plural tables, escapes, comments', () => {
    const c = parseCatalogue('# c\na = "x \\"y\\" \\u00e9" # note\n[n]\none = "{count} школа"\nfew = "{count} школы"\n');
    assert.deepEqual(c, { a: 'x "y" é', n: { one: '{count} школа', few: '{count} школы' } });
    assert.throws(() => parseCatalogue('a = x'), /not a key = "text" line/);
  });
  test('pluralForm: CLDR ru and en', () => {
    assert.deepEqual([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => pluralForm('ru', n)),
      ['one', 'few', 'many', 'many', 'many', 'one', 'few', 'many', 'many']);
    assert.deepEqual([0, 1, 2].map((n) => pluralForm('en', n)), ['other', 'one', 'other']);
  });
  test('numbers: ru «30,5 %», en «30.5%»', () => {
    assert.deepEqual(parseLocaleNumber('−17,2 п. п.', 'ru'), { value: -17.2, decimals: 1 });
    assert.deepEqual(parseLocaleNumber('12\u00a0345', 'ru'), { value: 12345, decimals: 0 });
    assert.deepEqual(parseLocaleNumber('1,234.5%', 'en'), { value: 1234.5, decimals: 1 });
    assert.equal(numberDisplayProblem('30,5 %', '30.46', '%', 'ru'), null);
    assert.equal(numberDisplayProblem('30.5%', '30.46', '%', 'en'), null);
    assert.equal(numberDisplayProblem('29', '29.03', 'count', 'en'), null);
    assert.match(numberDisplayProblem('30.5 %', '30.46', '%', 'en'), /English writes/);
    assert.match(numberDisplayProblem('30,5%', '30.46', '%', 'ru'), /space before %/);
    assert.match(numberDisplayProblem('30,4 %', '30.46', '%', 'ru'), /the value is 30\.46/);
    assert.match(numberDisplayProblem('29', '29.4', 'count', 'ru'), /the value is 29\.4/);
    assert.match(numberDisplayProblem('30,5 %', '30.46', '%', 'en'), /the value is 30\.46/);
  });
  test('htmlLang and elementText', () => {
    const html = '<!DOCTYPE html><html lang="en-GB"><td x=1><span>7,5&nbsp;%</span><b>x</b></td>';
    assert.equal(htmlLang(html), 'en');
    assert.equal(elementText(html, scanTags(html)[1]), '7,5 %x');
    assert.equal(elementText(html, scanTags(html)[1], ' '), '7,5 % x');
  });
  test('cyrillicInterface: finds Russian interface words, not data values or a content page text', () => {
    const html = '<html lang="en"><title>School 1</title><nav aria-label="Разделы"><a href="/">Overview</a><a href="/about/">О сайте</a></nav>'
      + '<main><h1>СОШ № 1</h1><h2>Показатели</h2><img src="x.png" alt="Диаграмма"><p>Любой текст</p></main>'
      + '<script type="application/json" class="chart-spec">{"data":{"values":[{"aria_text":"СОШ № 1: 7, уровень высокий"}]}}</script>';
    const found = cyrillicInterface(html, ['СОШ № 1', 'О сайте']);
    assert.equal(found.length, 4, found.join('\n'));
    assert.match(found.join('\n'), /aria-label: «Разделы»/);
    assert.match(found.join('\n'), /<h2>: «Показатели»/);
    assert.match(found.join('\n'), /alt: «Диаграмма»/);
    assert.match(found.join('\n'), /chart spec: «СОШ № 1: 7, уровень высокий» \(уровень, высокий\)/);
    assert.equal(cyrillicInterface(html, ['СОШ № 1', 'О сайте'], { skipMain: true }).length, 2); // nav and chart
  });
});
