// (i) The site speaks its language (site.toml `language`, data/site.json
// "language"), with its words from the text catalogue i18n/<lang>.toml:
//   - every page says so in <html lang> and og:locale;
//   - the navigation, the skip link, page titles and the 404 page use the
//     catalogue's texts (nav_*, skip_to_content, title_*, not_found_title);
//   - English site: no Cyrillic letter in the interface texts of any page
//     (navigation, headings, table headers, labels, links, aria-label, alt,
//     title, descriptions, chart texts) once the data values, which stay as
//     given (names of schools, clusters, subjects, measures, content pages),
//     are cut out. On a Russian site the same scan must find Russian interface
//     text on every page: it proves the scan reads the texts it claims to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  SITE, contentPages, cyrillicInterface, dataStrings, discoverPages, elementText, htmlFiles, htmlLang, isFile,
  latestYear, scanTags, siteLanguage, tr,
} from './lib.mjs';

const lang = siteLanguage();
const files = htmlFiles();
const read = (rel) => fs.readFileSync(path.join(SITE, rel), 'utf8');
const contentRels = new Set(contentPages().map((c) => `${c.slug}/index.html`));
const cap = (list) => list.slice(0, 60).join('\n  ') + (list.length > 60 ? `\n  ... and ${list.length - 60} more` : '');

test(`language: every page is <html lang="${lang}"> with og:locale ${lang}_*`, () => {
  assert.ok(isFile(path.join(SITE, 'index.html')), `no site at ${SITE}: index.html is missing`);
  const problems = [];
  for (const rel of files) {
    const html = read(rel);
    const pageLang = htmlLang(html);
    if (pageLang !== lang) problems.push(`${rel}: <html lang="${pageLang}">, the site's language is ${lang}`);
    const locale = scanTags(html).find((t) => t.tag === 'meta' && t.attrs.property === 'og:locale');
    if (locale && !locale.attrs.content.toLowerCase().startsWith(`${lang}_`)) {
      problems.push(`${rel}: og:locale «${locale.attrs.content}» is not ${lang}_*`);
    }
  }
  if (problems.length) assert.fail(`${problems.length} page(s) in the wrong language:\n  ${cap(problems)}`);
});

test(`language: navigation, titles and the 404 page use i18n/${lang}.toml`, () => {
  const pages = discoverPages();
  const year = latestYear();
  const problems = [];
  const textOf = (html, pick) => {
    const tags = scanTags(html);
    const t = tags.find(pick);
    return t ? elementText(html, t, ' ') : null;
  };
  for (const p of Object.values(pages)) {
    if (!p.exists) { problems.push(p.missing); continue; }
    const html = read(p.rel);
    const tags = scanTags(html);
    const nav = tags.find((t) => t.tag === 'nav' && t.attrs['aria-label'] === tr(lang, 'nav_sections_label'));
    if (!nav) { problems.push(`${p.rel}: no <nav aria-label="${tr(lang, 'nav_sections_label')}"> (nav_sections_label)`); continue; }
    const links = new Set(tags.filter((t) => t.tag === 'a' && t.end > nav.end && t.end < html.indexOf('</nav>', nav.end))
      .map((t) => elementText(html, t, ' ')));
    for (const key of ['nav_overview', 'nav_schools', 'nav_rating', 'nav_groups', 'nav_clusters', 'nav_decisions', 'nav_methodology', 'nav_open_data']) {
      if (!links.has(tr(lang, key))) problems.push(`${p.rel}: the site navigation has no link «${tr(lang, key)}» (${key}); it has ${[...links].map((l) => `«${l}»`).join(', ')}`);
    }
    const skip = textOf(html, (t) => t.tag === 'a' && t.attrs.href === '#main');
    if (skip !== tr(lang, 'skip_to_content')) problems.push(`${p.rel}: skip link «${skip}», skip_to_content is «${tr(lang, 'skip_to_content')}»`);
  }
  const titles = {
    schools: ['title_schools', { year }], groups: ['title_groups', { year }], clusters: ['title_clusters', { year }],
    rating: ['title_rating', { year }], subjects: ['title_subjects', { year }], methodology: ['title_methodology', {}],
    decisions: ['title_decisions', { year }], effectiveness: ['title_effectiveness', { year }],
    openData: ['title_open_data', {}], notFound: ['not_found_title', {}],
  };
  for (const [name, [key, vars]] of Object.entries(titles)) {
    const p = pages[name];
    if (!p || !p.exists) continue; // reported above, or a page this site has no reason to have (subjects)
    const title = textOf(read(p.rel), (t) => t.tag === 'title');
    const want = tr(lang, key, vars);
    if (!title?.startsWith(want)) problems.push(`${p.rel}: <title> «${title}», ${key} is «${want}»`);
  }
  const h1 = pages.notFound.exists ? textOf(read(pages.notFound.rel), (t) => t.tag === 'h1') : null;
  if (pages.notFound.exists && h1 !== tr(lang, 'not_found_title')) problems.push(`404.html: <h1> «${h1}», not_found_title is «${tr(lang, 'not_found_title')}»`);
  if (problems.length) assert.fail(`${problems.length} text(s) not from i18n/${lang}.toml:\n  ${cap(problems)}`);
});

if (lang === 'en') {
  test('language: no Cyrillic in the interface texts of the English site, data values aside', () => {
    const data = dataStrings();
    const problems = [];
    for (const rel of files) {
      for (const f of cyrillicInterface(read(rel), data, { skipMain: contentRels.has(rel) })) problems.push(`${rel}: ${f}`);
    }
    if (problems.length) assert.fail(`${problems.length} Russian interface text(s) on the English site:\n  ${cap(problems)}`);
  });
} else if (lang === 'ru') {
  test(`language: the interface scan finds ${lang} interface text on every page`, () => {
    const data = dataStrings();
    const silent = files.filter((rel) => cyrillicInterface(read(rel), data, { skipMain: contentRels.has(rel) }).length === 0);
    assert.ok(files.length > 0, 'no .html page');
    assert.deepEqual(silent, [], `the scan behind the English check found no Russian interface text on ${silent.length} page(s)`);
  });
}
