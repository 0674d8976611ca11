// (a0) The site has every page it must have: the home page, 404, methodology,
// open data, the annual report, every content page of content/, and for every year of
// data/site.json its overview, schools index, groups, clusters, rating,
// decisions and the effectiveness of measures, subjects (when the year has subject results), every direction, every
// indicator that applies that year (it has a municipal value) and every school
// of that year, the school found by its link on the schools index (pages are
// published under a slug of the school code). A missing page fails with its
// path; nothing is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SITE, SOURCE, expectedPages, isFile, siteYears } from './lib.mjs';

test('the site has every expected page', () => {
  assert.ok(isFile(path.join(SITE, 'index.html')), `no site at ${SITE}: index.html is missing`);
  const { pages, problems } = expectedPages();
  const missing = pages.filter((p) => !isFile(path.join(SITE, p.rel))).map((p) => `${p.name}: ${p.rel} is missing`);
  const all = [...problems, ...missing];
  const schools = pages.filter((p) => p.name.startsWith('school ')).length;
  assert.ok(all.length > 0 || schools > 0, 'no school page expected: data/site.json lists no school');
  if (all.length) {
    assert.fail(`${all.length} of the expected pages of ${SITE} (source ${SOURCE}) are missing:\n  `
      + all.slice(0, 80).join('\n  ') + (all.length > 80 ? `\n  ... and ${all.length - 80} more` : ''));
  }
});

test('every school of data/site.json links to its own page', () => {
  const { pages } = expectedPages();
  for (const { year, prefix, data } of siteYears()) {
    const rels = pages.filter((p) => p.name.startsWith('school ') && p.name.endsWith(` ${year}`)).map((p) => p.rel);
    assert.equal(new Set(rels).size, rels.length, `/${prefix}schools/ links two schools to one page`);
    for (const rel of rels) assert.ok(rel.startsWith(`${prefix}schools/`), `${rel}: a school page outside /${prefix}schools/`);
    assert.equal(rels.length, (data.schools ?? []).length, `${year}: ${(data.schools ?? []).length - rels.length} school(s) of site.json have no link on /${prefix}schools/`);
  }
});
