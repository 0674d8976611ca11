// (g) The values a school page shows are the published open data.
//
// On the pages of 5 schools of the latest year (spread over data/schools.csv,
// each found by its link on the schools index), every element with
// data-indicator and either data-value or data-note, like
//   <td data-indicator="diag_coverage" data-value="73.50">73,5 %</td>   (ru)
//   <td data-indicator="diag_coverage" data-value="73.50">73.5%</td>    (en)
//   <td data-indicator="deficit_rate" data-note="suppressed">…</td>
// must match its row of data/indicators.csv exactly: data-value is the value
// column as written there, data-note the note column (no_data, suppressed).
// The row is (latest year, scope school, this school, the indicator) unless the
// element says otherwise with data-year, data-scope and data-entity (for
// example the municipality's value shown beside the school's).
//
// The text shown must say the same: the number written the way the page's
// language writes numbers (<html lang>: ru «30,5 %», en «30.5%») equals
// data-value rounded to the digits shown (at least one decimal's precision),
// and a note reads as the catalogue's text for it (i18n/<lang>.toml no_data,
// suppressed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  SITE, elementText, htmlLang, isFile, latestSchools, latestYear, numberDisplayProblem, readCsv, scanTags,
  schoolLinks, siteJson, tr,
} from './lib.mjs';

const SAMPLE = 5;

function sample(list, n) {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * (list.length - 1)) / (n - 1))]);
}

test(`values: ${SAMPLE} school pages show exactly data/indicators.csv`, { timeout: 60_000 }, async (t) => {
  const indicatorsCsv = path.join(SITE, 'data', 'indicators.csv');
  assert.ok(isFile(indicatorsCsv), 'data/indicators.csv is missing');
  const year = latestYear();
  const schools = sample(latestSchools(), SAMPLE);
  assert.ok(schools.length > 0, 'no school of the latest year in data/schools.csv');
  const units = new Map((siteJson()?.indicators ?? []).map((i) => [i.id, i.unit]));
  const links = schoolLinks('');

  const rows = new Map();
  for (const r of readCsv(indicatorsCsv)) {
    rows.set(`${r.year}|${r.scope}|${r.entity_id}|${r.indicator_id}`, r);
  }

  const problems = [];
  let compared = 0;
  let shownNumbers = 0;
  for (const school of schools) {
    const rel = links.get(school.school_id);
    if (!rel) { problems.push(`school ${school.school_id} of ${year}: no link on schools/index.html ([data-school] row)`); continue; }
    const file = path.join(SITE, rel);
    if (!isFile(file)) { problems.push(`${rel}: missing (school ${school.school_id} of ${year})`); continue; }
    const html = fs.readFileSync(file, 'utf8');
    const lang = htmlLang(html);
    if (!lang) { problems.push(`${rel}: <html> has no lang`); continue; }
    const marked = scanTags(html)
      .filter(({ attrs }) => attrs['data-indicator'] !== undefined
        && (attrs['data-value'] !== undefined || attrs['data-note'] !== undefined));
    if (marked.length === 0) {
      problems.push(`${rel}: no element with data-indicator and data-value/data-note`);
      continue;
    }
    for (const element of marked) {
      const { tag, attrs, line } = element;
      const y = attrs['data-year'] ?? year;
      const scope = attrs['data-scope'] ?? 'school';
      const entity = attrs['data-entity'] ?? (scope === 'school' ? school.school_id : scope === 'municipality' ? 'municipality' : undefined);
      const id = attrs['data-indicator'];
      const where = `${rel}:${line} <${tag} data-indicator="${id}">`;
      if (entity === undefined) { problems.push(`${where}: data-scope="${scope}" needs data-entity`); continue; }
      const row = rows.get(`${y}|${scope}|${entity}|${id}`);
      compared++;
      if (!row) { problems.push(`${where}: no row ${y}, ${scope}, ${entity}, ${id} in indicators.csv`); continue; }
      const shown = elementText(html, element);
      if (attrs['data-value'] !== undefined) {
        if (attrs['data-value'] !== row.value) {
          problems.push(`${where}: data-value="${attrs['data-value']}", indicators.csv has value "${row.value}"${row.note ? ` (note ${row.note})` : ''}`);
        } else {
          const wrong = numberDisplayProblem(shown, row.value, units.get(id), lang);
          if (wrong) problems.push(`${where}: ${wrong}`);
          shownNumbers++;
        }
        if (attrs['data-note'] !== undefined && attrs['data-note'] !== row.note) {
          problems.push(`${where}: data-note="${attrs['data-note']}", indicators.csv has note "${row.note}"`);
        }
      } else if (attrs['data-note'] !== row.note || row.value !== '') {
        problems.push(`${where}: data-note="${attrs['data-note']}", indicators.csv has value "${row.value}", note "${row.note}"`);
      } else {
        const word = tr(lang, row.note);
        if (!shown.includes(word)) problems.push(`${where}: note ${row.note} shows «${shown}», i18n/${lang}.toml says «${word}»`);
      }
    }
  }
  t.diagnostic(`${compared} value(s) compared on ${schools.length} school page(s), ${shownNumbers} shown number(s) read: ${schools.map((s) => s.school_id).join(', ')}`);
  if (problems.length) {
    assert.fail(`${problems.length} mismatch(es):\n  ${problems.slice(0, 80).join('\n  ')}`
      + (problems.length > 80 ? `\n  ... and ${problems.length - 80} more` : ''));
  }
  assert.ok(shownNumbers > 0, 'no shown number was compared with data/indicators.csv');
});
