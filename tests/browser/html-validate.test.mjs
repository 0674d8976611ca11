// (e) html-validate finds no error in any .html file of the site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { SITE, htmlFiles, isFile } from './lib.mjs';

// The recommended preset, strict, relaxed only where it disagrees with a choice
// the site makes on purpose. A static loader: no .htmlvalidate.json anywhere
// around the site folder can change the rules.
const HTML_VALIDATE_CONFIG = {
  extends: ['html-validate:recommended'],
  rules: {
    // Page titles are "<official indicator or school name> — <municipality>":
    // the official Russian names alone often pass the preset's 70 characters
    // and must not be shortened.
    'long-title': 'off',
    // The pages are generated from indented Mustache templates: a section tag
    // alone on its line leaves a line of spaces behind. Whitespace between
    // blocks changes nothing a browser shows, and the templates stay readable.
    'no-trailing-whitespace': 'off',
    // A static site has no server to submit a form to: its forms (the schools
    // filters) are client-side filters that apply as one types, shown only when
    // the script runs, so they deliberately have no submit button.
    'wcag/h32': 'off',
  },
};

const files = htmlFiles();

test(`html-validate: no error in any of the ${files.length} .html file(s)`, { timeout: 300_000 }, async (t) => {
  assert.ok(isFile(path.join(SITE, 'index.html')), `no site at ${SITE}: index.html is missing`);
  const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));
  const failures = [];
  const byRule = new Map();
  let errors = 0;
  for (const rel of files) {
    const source = fs.readFileSync(path.join(SITE, rel), 'utf8');
    const report = await validator.validateString(source, rel);
    const messages = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    if (messages.length === 0) continue;
    errors += messages.length;
    for (const m of messages) byRule.set(m.ruleId, (byRule.get(m.ruleId) || 0) + 1);
    failures.push(`${rel}:\n` + messages.slice(0, 15)
      .map((m) => `  ${m.line}:${m.column}  ${m.ruleId}  ${m.message}${m.selector ? `  (${m.selector})` : ''}`)
      .join('\n') + (messages.length > 15 ? `\n  ... and ${messages.length - 15} more` : ''));
  }
  const summary = [...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ×${n}`).join(', ');
  const shown = failures.slice(0, 25).join('\n');
  if (errors) assert.fail(`${errors} html-validate error(s) in ${failures.length} of ${files.length} file(s) [${summary}]\n${shown}`
    + (failures.length > 25 ? `\n... and ${failures.length - 25} more file(s)` : ''));
});
