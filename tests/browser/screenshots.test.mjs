// (h) Full-page screenshots of the home page, a school page, an indicator page,
// the decisions page and the effectiveness of measures at desktop (1280 px) and
// phone (390 px) widths, as PNG files in MONSITE_SCREENSHOTS (default
// build/screenshots/), for people to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS, discoverPages, launchBrowser, newPage, requirePage, startServer, waitForCharts } from './lib.mjs';

const pages = discoverPages();
const WIDTHS = [{ width: 1280, height: 800 }, { width: 390, height: 844 }];
let server;
let browser;

before(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const key of ['home', 'school', 'indicator', 'decisions', 'effectiveness']) {
  const p = pages[key];
  for (const size of WIDTHS) {
    test(`screenshot: ${p.name} at ${size.width} px`, { timeout: 60_000 }, async (t) => {
      requirePage(p);
      const tab = await newPage(browser, size);
      try {
        await tab.page.goto(server.url + p.path, { waitUntil: 'load' });
        await waitForCharts(tab.page, 5_000).catch(() => {}); // failures are the pages suite's
        await tab.page.evaluate(() => document.fonts?.ready);
        // Wide tables scroll inside their own boxes; the page itself never scrolls sideways.
        const pageWidth = await tab.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= size.width, `${p.name} is ${pageWidth} px wide at a ${size.width} px viewport`);
        const file = path.join(SCREENSHOTS, `${key}-${size.width}.png`);
        await tab.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        assert.ok(fs.statSync(file).size > 1000, `${file} is nearly empty`);
        t.diagnostic(file);
      } finally {
        await tab.close();
      }
    });
  }
}
