// (c) The schools index filters as one types: part of a school's name typed into
// input[type=search] hides the [data-school] items that do not match, and a live
// region (aria-live, or role status/alert/log) reports how many are shown (in
// English on an English site).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cyrillicIn, discoverPages, latestSchools, launchBrowser, newPage, requirePage, siteLanguage, startServer } from './lib.mjs';

const schoolsPage = discoverPages().schools;
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

const norm = (s) => s.toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ');

// A distinctive word of a school's name (its longest word of letters), cut to
// its first 6 letters as a person would type it, that matches some of the
// schools but not all of them.
function pickQuery(schools) {
  const names = schools.map((s) => norm(s.name));
  const candidates = [];
  for (const s of schools) {
    const words = s.name.split(/[^\p{L}]+/u).filter((w) => w.length >= 5).sort((a, b) => b.length - a.length);
    for (const w of words) {
      const q = w.slice(0, 6);
      const hits = names.filter((n) => n.includes(norm(q))).length;
      if (hits >= 1 && hits < schools.length) candidates.push({ school: s, query: q, hits });
    }
  }
  candidates.sort((a, b) => a.hits - b.hits || a.school.school_id.localeCompare(b.school.school_id));
  return candidates[0] ?? null;
}

async function itemStates(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-school]')].map((el) => ({
    id: el.getAttribute('data-school'),
    visible: el.checkVisibility(),
    text: el.textContent + ' ' + [...el.attributes].map((a) => a.value).join(' '),
  })));
}

async function liveText(page) {
  return page.evaluate(() => [...document.querySelectorAll(
    '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], output')]
    .map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
}

test('schools index: search hides non-matching schools and announces the count', { timeout: 60_000 }, async (t) => {
  requirePage(schoolsPage);
  const schools = latestSchools();
  assert.ok(schools.length > 1, 'data/schools.csv has fewer than two schools in the latest year');
  const pick = pickQuery(schools);
  assert.ok(pick, 'no part of a school name tells schools apart');

  const tab = await newPage(browser);
  try {
    const { page } = tab;
    await page.goto(server.url + schoolsPage.path, { waitUntil: 'load' });
    const input = page.locator('input[type="search"]');
    assert.equal(await input.count(), 1, 'the schools index must have exactly one input[type=search]');
    assert.ok(await input.isVisible(), 'the search input is not visible');

    const before = await itemStates(page);
    assert.ok(before.length >= schools.length,
      `${before.length} [data-school] elements, but ${schools.length} schools in the latest year`);
    assert.ok(before.every((s) => s.visible), 'some [data-school] items are hidden before any search');
    const target = before.find((s) => s.id === pick.school.school_id);
    assert.ok(target, `no [data-school="${pick.school.school_id}"] on the page`);

    t.diagnostic(`typing «${pick.query}» (part of «${pick.school.name}»)`);
    await input.click();
    await input.pressSequentially(pick.query, { delay: 30 });

    // Wait until the list settles (the script may debounce) and the count is announced.
    let after = [];
    let live = [];
    const deadline = Date.now() + 5_000;
    for (;;) {
      after = await itemStates(page);
      live = await liveText(page);
      const shown = after.filter((s) => s.visible).length;
      const announced = live.some((txt) => new RegExp(`(^|\\D)${shown}(\\D|$)`).test(txt));
      if ((shown < before.length && announced) || Date.now() > deadline) break;
      await page.waitForTimeout(100);
    }
    const shown = after.filter((s) => s.visible);
    const hidden = after.filter((s) => !s.visible);
    assert.ok(hidden.length > 0, `typing «${pick.query}» hid nothing (${after.length} items all visible)`);
    assert.ok(shown.some((s) => s.id === pick.school.school_id),
      `typing «${pick.query}» hid the school it is part of: ${pick.school.school_id}`);
    const wrong = shown.filter((s) => !norm(s.text).includes(norm(pick.query)));
    assert.deepEqual(wrong.map((s) => s.id), [], `shown although «${pick.query}» is not in them: ${wrong.map((s) => s.id).join(', ')}`);
    assert.ok(live.length > 0, 'no live region (aria-live, role=status/alert/log, <output>) on the page');
    assert.ok(live.some((txt) => new RegExp(`(^|\\D)${shown.length}(\\D|$)`).test(txt)),
      `no live region reports the ${shown.length} shown school(s); live regions say: ${JSON.stringify(live)}`);
    if (siteLanguage() === 'en') {
      const russian = live.filter((txt) => cyrillicIn(txt));
      assert.deepEqual(russian, [], 'the live region speaks Russian on the English site');
    }

    // Clearing the search shows every school again.
    await input.fill('');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-school]')].every((el) => el.checkVisibility()),
      null, { timeout: 5_000 }).catch(() => {});
    const cleared = await itemStates(page);
    assert.ok(cleared.every((s) => s.visible), 'clearing the search does not show every school again');
    if (tab.problems.length) assert.fail(`/${schoolsPage.path}:\n  ${tab.problems.join('\n  ')}`);
  } finally {
    await tab.close();
  }
});

// (d) The search forgives what people type on a phone: case, е for ё, no «№»,
// any word order, the start of a word, the code. Each case names the example
// school it must find; a case whose school is missing fails (the example data
// has them all), and so does a school hidden or a search that finds everything.
const forgivingCases = [
  { query: 'сош 8', school: /СОШ № 8\W*$/ },
  { query: '8 сош', school: /СОШ № 8\W*$/ },
  { query: 'СОШ8', school: /СОШ № 8\W*$/ },
  { query: 'лицей 2', school: /Лицей № 2\W*$/ },
  { query: 'березов', school: /Берёзовская/ },
  { query: 'Березовская', school: /Берёзовская/ },
  { query: 'гимназия 5', school: /Гимназия № 5\W*$/ },
];

async function shownAfterTyping(page, query) {
  const input = page.locator('input[type="search"]');
  await input.fill('');
  await input.pressSequentially(query, { delay: 20 });
  await page.waitForTimeout(150);
  return itemStates(page);
}

test('schools index: search forgives case, ё, «№», word order and partial words, and says when nothing matches',
  { timeout: 90_000 }, async (t) => {
    requirePage(schoolsPage);
    const schools = latestSchools();
    const tab = await newPage(browser, { width: 390, height: 844 });
    try {
      const { page } = tab;
      await page.goto(server.url + schoolsPage.path, { waitUntil: 'load' });
      for (const c of forgivingCases) {
        const wanted = schools.filter((s) => c.school.test(s.name));
        assert.ok(wanted.length > 0, `no school in the latest year matches ${c.school} (case «${c.query}»)`);
        const states = await shownAfterTyping(page, c.query);
        const shown = states.filter((s) => s.visible).map((s) => s.id);
        t.diagnostic(`«${c.query}» shows ${shown.join(', ')}`);
        for (const w of wanted) assert.ok(shown.includes(w.school_id), `«${c.query}» does not find ${w.name} (${w.school_id})`);
        assert.ok(shown.length < states.length, `«${c.query}» hides nothing`);
      }
      // The code and the short name find their school.
      const one = schools.find((s) => s.school_id.length >= 3) ?? schools[0];
      for (const query of [one.school_id.toUpperCase()]) {
        const shown = (await shownAfterTyping(page, query)).filter((s) => s.visible).map((s) => s.id);
        assert.ok(shown.includes(one.school_id), `the code «${query}» does not find ${one.school_id}`);
      }
      // Nothing matches: every school hidden and the live region says so with something to try.
      const states = await shownAfterTyping(page, 'zzqx');
      assert.ok(states.every((s) => !s.visible), '«zzqx» still shows schools');
      const live = (await liveText(page)).join(' ');
      const expected = await page.locator('#filter-status').getAttribute('data-empty');
      assert.ok(expected, 'the status has no sentence for an empty result (data-empty)');
      assert.ok(live.includes(expected.replace('{total}', String(states.length)).replace('{shown}', '0')),
        `an empty result is not explained; the live region says ${JSON.stringify(live)}`);
      if (tab.problems.length) assert.fail(`/${schoolsPage.path}:\n  ${tab.problems.join('\n  ')}`);
    } finally {
      await tab.close();
    }
  });
