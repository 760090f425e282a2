// The course health report as a lead receives it: `course-review report --output` writes one HTML
// file, which is opened from disk in headless Chromium. Checks that every chart renders (an SVG with
// a size and an accessible name), that every chart has its table, that nothing is fetched from the
// network and no script runs, that links reach the pages, and that axe-core finds no violation.
// Optionally saves a screenshot of the top of the report.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from './code-server.mjs';

const CHARTS = ['backlog', 'ageing', 'coverage', 'findings', 'reading'];
const SECTIONS = [...CHARTS, 'oldest', 'overdue'];

/**
 * @param {{ repoRoot: string, workspace: string, outDir: string, today: string, screenshot?: string }} opts
 * @returns {Promise<{ checks: string[] }>} what was checked, one line each; throws on the first failure
 */
export async function checkReportHtml({ repoRoot, workspace, outDir, today, screenshot }) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'course-health.html');
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'dist', 'cli.js'), 'report', 'course', 'queue', 'review', '--today', today, '--output', file],
    { cwd: workspace, stdio: 'pipe' },
  );
  const html = fs.readFileSync(file, 'utf8');
  const checks = [];
  const expect = (ok, what) => {
    if (!ok) throw new Error(`report: ${what}`);
    checks.push(what);
  };
  expect(!/<script/i.test(html), 'the file has no script');
  expect(!/\b(?:src|href)="(?:https?:)?\/\//i.test(html), 'the file loads nothing from the network');

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    // The file's own policy forbids scripts; axe-core is injected past it, as a browser extension would be.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    page.on(
      'request',
      (request) => !request.url().startsWith('file:') && !request.url().startsWith('data:') && requests.push(request.url()),
    );
    await page.goto(pathToFileURL(file).href);
    for (const id of SECTIONS)
      expect(
        (await page.locator(`section#${id} table, section#${id} p.empty`).count()) > 0,
        `section "${id}" has its table (or says it has none)`,
      );
    for (const id of CHARTS) {
      const svg = page.locator(`section#${id} figure svg`);
      expect((await svg.count()) === 1, `chart "${id}" is an inline SVG`);
      const box = await svg.boundingBox();
      expect(
        box !== null && box.width > 100 && box.height > 40,
        `chart "${id}" has a size (${box ? `${Math.round(box.width)}×${Math.round(box.height)}` : 'none'})`,
      );
      const marks = await svg.locator('path, rect').count();
      expect(marks > 3, `chart "${id}" draws its marks (${marks} shapes)`);
      const name = await svg.evaluate(
        (element) => document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
      );
      expect(name.length > 20, `chart "${id}" is named by its caption`);
    }
    const link = page.locator('section#oldest table a').first();
    const target = new URL(await link.evaluate((element) => element.href));
    expect(
      target.protocol === 'file:' && fs.existsSync(decodeURIComponent(target.pathname)),
      `a page link reaches its lesson (${path.relative(workspace, decodeURIComponent(target.pathname))})`,
    );
    expect(requests.length === 0, `no request left the file (${requests.length})`);

    await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
    const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const violations = results.violations.map(
      (violation) => `${violation.id} (${violation.nodes.length}: ${violation.nodes[0]?.target.join(' ')})`,
    );
    expect(violations.length === 0, `axe-core finds no accessibility violation${violations.length ? `: ${violations.join('; ')}` : ''}`);
    if (screenshot) await page.screenshot({ path: screenshot, clip: { x: 0, y: 0, width: 1100, height: 1400 } });
  } finally {
    await browser.close();
  }
  return { checks };
}
