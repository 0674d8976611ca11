// (g) The values a school page shows are the published open data.
//
// On the pages of 5 schools of the latest year (spread over data/schools.csv),
// every element with data-indicator and either data-value or data-note, like
//   <td data-indicator="diag_coverage" data-value="73.50">73,5 %</td>
//   <td data-indicator="deficit_rate" data-note="suppressed">скрыто</td>
// must match its row of data/indicators.csv exactly: data-value is the value
// column as written there, data-note the note column (no_data, suppressed).
// The row is (latest year, scope school, this school, the indicator) unless the
// element says otherwise with data-year, data-scope and data-entity (for
// example the municipality's value shown beside the school's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SITE, isDir, isFile, latestSchools, latestYear, readCsv, scanTags } from './lib.mjs';

const SAMPLE = 5;

function sample(list, n) {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * (list.length - 1)) / (n - 1))]);
}

test(`values: ${SAMPLE} school pages show exactly data/indicators.csv`, { timeout: 60_000 }, async (t) => {
  if (!isDir(path.join(SITE, 'schools'))) return t.skip('no /schools/<id>/ pages yet');
  const indicatorsCsv = path.join(SITE, 'data', 'indicators.csv');
  assert.ok(isFile(indicatorsCsv), 'data/indicators.csv is missing');
  const year = latestYear();
  const schools = sample(latestSchools(), SAMPLE);
  assert.ok(schools.length > 0, 'no school of the latest year in data/schools.csv');

  const rows = new Map();
  for (const r of readCsv(indicatorsCsv)) {
    rows.set(`${r.year}|${r.scope}|${r.entity_id}|${r.indicator_id}`, r);
  }

  const problems = [];
  let compared = 0;
  for (const school of schools) {
    const rel = `schools/${school.school_id}/index.html`;
    const file = path.join(SITE, rel);
    if (!isFile(file)) { problems.push(`${rel}: missing (school ${school.school_id} of ${year})`); continue; }
    const marked = scanTags(fs.readFileSync(file, 'utf8'))
      .filter(({ attrs }) => attrs['data-indicator'] !== undefined
        && (attrs['data-value'] !== undefined || attrs['data-note'] !== undefined));
    if (marked.length === 0) {
      problems.push(`${rel}: no element with data-indicator and data-value/data-note`);
      continue;
    }
    for (const { tag, attrs, line } of marked) {
      const y = attrs['data-year'] ?? year;
      const scope = attrs['data-scope'] ?? 'school';
      const entity = attrs['data-entity'] ?? (scope === 'school' ? school.school_id : scope === 'municipality' ? 'municipality' : undefined);
      const id = attrs['data-indicator'];
      const where = `${rel}:${line} <${tag} data-indicator="${id}">`;
      if (entity === undefined) { problems.push(`${where}: data-scope="${scope}" needs data-entity`); continue; }
      const row = rows.get(`${y}|${scope}|${entity}|${id}`);
      compared++;
      if (!row) { problems.push(`${where}: no row ${y}, ${scope}, ${entity}, ${id} in indicators.csv`); continue; }
      if (attrs['data-value'] !== undefined) {
        if (attrs['data-value'] !== row.value) {
          problems.push(`${where}: data-value="${attrs['data-value']}", indicators.csv has value "${row.value}"${row.note ? ` (note ${row.note})` : ''}`);
        }
        if (attrs['data-note'] !== undefined && attrs['data-note'] !== row.note) {
          problems.push(`${where}: data-note="${attrs['data-note']}", indicators.csv has note "${row.note}"`);
        }
      } else if (attrs['data-note'] !== row.note || row.value !== '') {
        problems.push(`${where}: data-note="${attrs['data-note']}", indicators.csv has value "${row.value}", note "${row.note}"`);
      }
    }
  }
  t.diagnostic(`${compared} value(s) compared on ${schools.length} school page(s): ${schools.map((s) => s.school_id).join(', ')}`);
  if (problems.length) {
    assert.fail(`${problems.length} mismatch(es):\n  ${problems.slice(0, 80).join('\n  ')}`
      + (problems.length > 80 ? `\n  ... and ${problems.length - 80} more` : ''));
  }
});
