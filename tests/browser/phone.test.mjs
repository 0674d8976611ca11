// (p) The phone layout: one page of every kind at 390 × 844 px (device scale 1),
// after its charts are drawn, shows all its text. Failing are:
//   - a page that scrolls sideways;
//   - text cut by an ancestor whose overflow is not visible (hidden, clip, auto,
//     scroll) or by the right edge of the screen. Inside a table scroll box that
//     does scroll sideways, cells may lie to the right of the box by design, but
//     then the first cell of every row must be sticky (position: sticky; left: 0,
//     with a background) so the row's name stays in view; a caption is no cell:
//     it must be in view;
//   - a caption (<caption>, <figcaption>) whose text is wider than its box;
//   - text cut short by text-overflow: ellipsis, or nowrap text overflowing a
//     box that hides or scrolls it;
//   - a text of a chart (SVG <text>) outside the chart's <svg> box.
// Visually hidden text (clip, 1 px boxes) and text not rendered (closed
// <details>, display: none) are not looked at. A missing page fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverPages, launchBrowser, newPage, requirePage, startServer, waitForCharts } from './lib.mjs';

const VIEWPORT = { width: 390, height: 844 };
const TOLERANCE = 1; // px
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

// Runs in the page: returns the problems as strings (without the page's name).
function phoneProblems(tolerance) {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const describe = (el, text) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const t = (text ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls}> "${t}"`;
  };
  const px = (n) => `${Math.ceil(n * 10) / 10} px`;
  const hiddenOverflow = (v) => v === 'hidden' || v === 'clip' || v === 'auto' || v === 'scroll';
  const scrollsSideways = (el) => {
    const s = getComputedStyle(el);
    return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + tolerance;
  };
  // Deliberately hidden: clipped away (.visually-hidden) or a box of 1 px.
  const isVisuallyHidden = (el) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.clip && s.clip !== 'auto') return true;
      if (s.clipPath && s.clipPath !== 'none') return true;
      const r = a.getBoundingClientRect();
      if (hiddenOverflow(s.overflowX) && (r.width <= 1 || r.height <= 1)) return true;
    }
    return false;
  };
  // A table cell (not a caption) inside a box that scrolls sideways: may lie to the right of the box.
  const cellIn = (el, box) => {
    const cell = el.closest('td, th');
    return cell && box.contains(cell) && scrollsSideways(box);
  };

  // (a) the page itself never scrolls sideways
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > vw + tolerance) problems.push(`the page scrolls sideways: ${pageWidth} px wide in a ${vw} px viewport (by ${px(pageWidth - vw)})`);

  // (b) text cut by an ancestor's overflow or by the screen's right edge
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const reported = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('svg, script, style, template, noscript') || reported.has(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    if (isVisuallyHidden(el)) continue;
    const box = {
      left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)),
    };
    // A text that is wholly off-screen to the left on purpose (the skip link until focused).
    if (box.right <= 0) continue;
    let problem = null;
    let sideways = false;
    for (let a = el; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      const clipX = hiddenOverflow(s.overflowX);
      const clipY = hiddenOverflow(s.overflowY);
      if (!clipX && !clipY) continue;
      const r = a.getBoundingClientRect();
      const left = r.left + a.clientLeft;
      const top = r.top + a.clientTop;
      const right = left + a.clientWidth;
      const bottom = top + a.clientHeight;
      if (clipX && cellIn(el, a)) { sideways = true; }
      else if (clipX && box.right > right + tolerance) problem = `cut at the right by ${px(box.right - right)} by ${describe(a, '')} (overflow-x: ${s.overflowX})`;
      else if (clipX && box.left < left - tolerance) problem = `cut at the left by ${px(left - box.left)} by ${describe(a, '')} (overflow-x: ${s.overflowX})`;
      if (!problem && clipY && box.bottom > bottom + tolerance && s.overflowY !== 'auto' && s.overflowY !== 'scroll') problem = `cut at the bottom by ${px(box.bottom - bottom)} by ${describe(a, '')} (overflow-y: ${s.overflowY})`;
      if (problem) break;
    }
    if (!problem && !sideways && box.right > vw + tolerance) problem = `reaches ${px(box.right - vw)} past the right edge of the screen`;
    if (problem) {
      reported.add(el);
      problems.push(`${describe(el, node.textContent)}: ${problem}`);
    }
  }

  // (b) a table that scrolls sideways keeps its first column in view
  for (const box of document.querySelectorAll('body *')) {
    if (!scrollsSideways(box) || !box.querySelector('table')) continue;
    const rows = [...box.querySelectorAll('tr')].filter((tr) => tr.getClientRects().length);
    const bad = rows.map((tr) => tr.cells[0]).filter(Boolean).filter((c) => {
      const s = getComputedStyle(c);
      return s.position !== 'sticky' || s.left !== '0px';
    });
    if (bad.length) {
      problems.push(`${describe(box.querySelector('caption') ?? box.querySelector('table'))}: the table scrolls sideways `
        + `(${box.scrollWidth} px in ${box.clientWidth} px, ${px(box.scrollWidth - box.clientWidth)} hidden) but the first cell of `
        + `${bad.length} of ${rows.length} rows is not sticky at left 0 (e.g. ${describe(bad[0])})`);
    }
    // A sticky cell needs a background of its own, or the cells scrolled under it show through.
    const seeThrough = rows.map((tr) => tr.cells[0]).filter(Boolean).find((c) => getComputedStyle(c).position === 'sticky'
      && /^transparent$|^rgba\(.*,\s*0\)$/.test(getComputedStyle(c).backgroundColor));
    if (seeThrough) problems.push(`${describe(seeThrough)}: a sticky first cell without a background of its own`);
  }

  // (b) captions no wider than their box; (c) text cut by an ellipsis or a nowrap box
  for (const el of document.querySelectorAll('caption, figcaption')) {
    if (!el.getClientRects().length || isVisuallyHidden(el)) continue;
    if (el.scrollWidth > el.clientWidth + tolerance) problems.push(`${describe(el)}: the caption's text is ${px(el.scrollWidth - el.clientWidth)} wider than its box`);
  }
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !el.getClientRects().length) continue;
    const s = getComputedStyle(el);
    const cuts = s.textOverflow === 'ellipsis' || (s.whiteSpace === 'nowrap' && hiddenOverflow(s.overflowX) && !(s.overflowX === 'auto' || s.overflowX === 'scroll'));
    if (!cuts || !hiddenOverflow(s.overflowX) || isVisuallyHidden(el)) continue;
    if (el.scrollWidth > el.clientWidth + tolerance) problems.push(`${describe(el)}: text cut short (${s.textOverflow === 'ellipsis' ? 'ellipsis' : 'nowrap'}) by ${px(el.scrollWidth - el.clientWidth)}`);
  }

  // (d) every text of a chart inside the chart's <svg>
  for (const fig of document.querySelectorAll('figure.chart')) {
    const svg = fig.querySelector('svg');
    if (!svg) continue;
    const title = fig.querySelector('.chart-title, figcaption')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? fig.id;
    const sr = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim() || !t.getClientRects().length) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      const out = [['left', sr.left - r.left], ['right', r.right - sr.right], ['top', sr.top - r.top], ['bottom', r.bottom - sr.bottom]]
        .filter(([, d]) => d > tolerance);
      for (const [side, d] of out) {
        problems.push(`chart "${title}": <text> "${t.textContent.trim().slice(0, 40)}" is cut at the ${side} of the chart by ${px(d)}`);
      }
    }
    if (sr.right > vw + tolerance) problems.push(`chart "${title}": the <svg> reaches ${px(sr.right - vw)} past the right edge of the screen`);
  }
  return problems;
}

for (const [key, p] of Object.entries(pages)) {
  test(`phone (390 px): ${p.name} shows all its text`, { timeout: 30_000 }, async () => {
    requirePage(p);
    const tab = await newPage(browser, VIEWPORT);
    try {
      await tab.page.goto(server.url + p.path, { waitUntil: 'load' });
      await waitForCharts(tab.page, 10_000);
      await tab.page.evaluate(() => document.fonts?.ready);
      const problems = await tab.page.evaluate(phoneProblems, TOLERANCE);
      if (problems.length) {
        assert.fail(`${p.name} page (${p.path}, ${key}) at ${VIEWPORT.width} px: ${problems.length} problem(s):\n  `
          + problems.slice(0, 40).join('\n  ') + (problems.length > 40 ? `\n  ... and ${problems.length - 40} more` : ''));
      }
    } finally {
      await tab.close();
    }
  });
}
