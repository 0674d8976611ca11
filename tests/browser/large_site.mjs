// A large site (more schools than [pages] full_lists_up_to; run by
// run_browser_tests.sh on a generated region of 300 schools, not on the
// example): the schools list is split into pages linked by previous/next and
// numbers, and its search finds a school that is on another page (it reads
// data/schools-index-<year>.json), hides the pages' links while it shows
// results, and brings the first page back when cleared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPage, siteJson, startServer } from './lib.mjs';

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

const rowIds = (page) => page.evaluate(() => [...document.querySelectorAll('[data-school]')]
  .filter((el) => el.checkVisibility()).map((el) => el.getAttribute('data-school')));

test('large site: the schools list is paginated and its search finds a school on another page', { timeout: 60_000 }, async () => {
  const json = siteJson();
  assert.ok(Array.isArray(json?.year_files) && json.by_year.length > 0,
    'data/site.json is not split (no year_files): this site is not large');
  const latest = json.by_year.find((y) => y.year === json.latest_year);
  const schools = latest.schools;
  assert.ok(schools.length > 200, `${schools.length} schools: not a large site`);

  const tab = await newPage(browser);
  try {
    const { page } = tab;
    await page.goto(server.url + 'schools/', { waitUntil: 'load' });
    const first = await rowIds(page);
    assert.equal(first.length, 100, `the first page shows ${first.length} schools, not 100`);
    const nav = page.locator('nav#list-pages');
    assert.ok(await nav.isVisible(), 'no visible pagination on the schools list');
    await nav.locator('a[rel="next"]').click();
    await page.waitForURL(/schools\/page\/2\/$/);
    const second = await rowIds(page);
    assert.equal(second.length, 100, `page 2 shows ${second.length} schools`);
    assert.ok(second.every((id) => !first.includes(id)), 'page 2 repeats schools of page 1');

    // A school of the last page, looked for from the first page by its code.
    await page.goto(server.url + 'schools/', { waitUntil: 'load' });
    const target = schools[schools.length - 1];
    assert.ok(!first.includes(target.id), 'the premise is gone: the last school is on the first page');
    const input = page.locator('input[type="search"]');
    await input.click();
    await input.pressSequentially(target.id, { delay: 20 });
    await page.waitForFunction((id) => {
      const row = document.querySelector(`[data-school="${id}"]`);
      return row && row.checkVisibility();
    }, target.id, { timeout: 10_000 });
    const shown = await rowIds(page);
    assert.deepEqual(shown, [target.id], `searching «${target.id}» shows ${shown.join(', ')}`);
    const href = await page.locator(`[data-school="${target.id}"] a`).getAttribute('href');
    assert.ok(href && href.includes('schools/'), `the found school links ${href}`);
    assert.ok(!(await nav.isVisible()), 'the pagination stays visible while search results are shown');
    const status = await page.locator('#filter-status').textContent();
    assert.match(status, new RegExp(`(^|\\D)1(\\D|$)`), `the status does not announce 1 school: «${status}»`);
    assert.match(status.replace(/[\s\u202f\u00a0,]/g, ''), new RegExp(String(schools.length)),
      `the status does not count every school of the year: «${status}»`);

    await input.fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-school]').length === 100, null, { timeout: 5_000 });
    assert.deepEqual(await rowIds(page), first, 'clearing the search does not bring the first page back');
    assert.ok(await nav.isVisible(), 'clearing the search does not show the pagination again');
    if (tab.problems.length) assert.fail(tab.problems.join('\n'));
  } finally {
    await tab.close();
  }
});
