// (a) one page of every kind (home, schools index, a school, an indicator, a
//     direction, groups, clusters, rating, decisions, effectiveness of measures,
//     subjects, methodology, open data, 404)
//     loads with no console error, page error, failed request or external request;
//     a page that is not there fails every test of it, naming its path;
// (b) every figure.chart on them renders an <svg>;
// (d) axe-core finds no WCAG 2.1 A/AA violation on them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AXE_PATH, discoverPages, launchBrowser, newPage, requirePage, startServer, waitForCharts } from './lib.mjs';

const pages = discoverPages();
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(p) {
  requirePage(p);
  const tab = await newPage(browser);
  try {
    const response = await tab.page.goto(server.url + p.path, { waitUntil: 'load', timeout: 30_000 });
    assert.equal(response?.status(), 200, `/${p.path}: HTTP ${response?.status()}`);
  } catch (e) {
    await tab.close();
    throw e;
  }
  return tab;
}

function formatViolations(violations) {
  return violations.map((v) => [
    `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.slice(0, 10).map((n) => [
      `    at ${n.target.join(' ')}`,
      `       ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`,
      ...(n.failureSummary || '').split('\n').map((l) => `       ${l}`),
    ].join('\n')),
    ...(v.nodes.length > 10 ? [`    ... and ${v.nodes.length - 10} more`] : []),
  ].join('\n')).join('\n');
}

for (const p of Object.values(pages)) {
  describe(`${p.name} page (${p.path !== null ? `/${p.path}` : 'not found'})`, () => {
    test('loads with no console error, page error or failed request', { timeout: 60_000 }, async (t) => {
      const tab = await open(p);
      try {
        await tab.page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
        await waitForCharts(tab.page, 5_000).catch(() => {}); // chart failures are the next test's
        if (tab.problems.length) assert.fail(`/${p.path}:\n  ${tab.problems.join('\n  ')}`);
      } finally {
        await tab.close();
      }
    });

    test('every figure.chart renders an <svg>', { timeout: 60_000 }, async (t) => {
      const tab = await open(p);
      try {
        const charts = await waitForCharts(tab.page);
        t.diagnostic(`${charts} chart(s)`);
        const specs = await tab.page.locator('figure.chart script.chart-spec[type="application/json"]').count();
        assert.ok(specs >= charts, `${charts} figure.chart but only ${specs} <script type="application/json" class="chart-spec"> inside them`);
      } finally {
        await tab.close();
      }
    });

    test('axe-core: no WCAG 2.1 A/AA violation', { timeout: 90_000 }, async (t) => {
      const tab = await open(p);
      try {
        await waitForCharts(tab.page, 5_000).catch(() => {});
        await tab.page.addScriptTag({ path: AXE_PATH });
        const result = await tab.page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          resultTypes: ['violations'],
        }));
        if (result.incomplete?.length) {
          t.diagnostic(`needs review (not failed): ${result.incomplete.map((v) => v.id).join(', ')}`);
        }
        if (result.violations.length) {
          assert.fail(`/${p.path}: ${result.violations.length} axe violation(s):\n${formatViolations(result.violations)}`);
        }
      } finally {
        await tab.close();
      }
    });
  });
}
