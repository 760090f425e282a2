import assert from 'node:assert/strict';
import type { CourseHealth } from '../../src/core';
import { healthHtml } from '../../src/report';
import { useCliFolder } from './helpers/cliFolder';
import { OVERDUE, STALE, TODAY } from './helpers/reviewedCourse';

describe("the course health report's HTML", function () {
  this.timeout(30_000);
  const folder = useCliFolder('course-review-report-html-');

  async function health(): Promise<CourseHealth> {
    const result = await folder.cli('report', '--format', 'json', '--today', TODAY);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as CourseHealth;
  }

  it('draws titles from lessons and folders as data: quotes, markup and backslashes neither break a chart nor inject', async () => {
    folder.write('"quoted"/01-closing.md', OVERDUE);
    folder.write("it's <b>bold</b>/02-holding.md", STALE.replace('# Holding a call', '# Holding </svg><script>alert(1)</script>'));
    folder.write('x\\y/03.md', OVERDUE);
    const html = await healthHtml(await health(), { href: encodeURI });
    for (const chart of ['backlog', 'ageing', 'coverage', 'findings'])
      assert.match(html, new RegExp(`<svg role="img" aria-labelledby="${chart}-caption"`), chart);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<b>bold<\/b>/);
    assert.match(html, /it&#39;s &lt;b&gt;bold&lt;\/b&gt;|it's &lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(html, /&quot;quoted&quot;|"quoted"/);
  });

  it('charts the 40 modules that matter most in a course of 1,000, and tables every one', async () => {
    folder.write('calls/01.md', OVERDUE);
    const shown = await health();
    const [module] = shown.modules;
    const allMissing = Object.fromEntries(
      Object.entries(module.parts).map(([part, rollup]) => [part, { ...rollup, coverage: 'missing' }]),
    ) as typeof module.parts;
    const many = {
      ...shown,
      modules: Array.from({ length: 1000 }, (_, index) => ({
        ...module,
        key: `m${index}/`,
        title: `Module ${index}`,
        ...(index === 700 && { parts: allMissing }),
      })),
    };
    const html = await healthHtml(many, { href: encodeURI });
    const coverage = html.slice(html.indexOf('id="coverage"'), html.indexOf('id="findings"'));
    const chart = coverage.slice(0, coverage.indexOf('</figure>'));
    assert.match(chart, /the 40 modules with the most gaps, of 1,000 \(the table has every one\)/);
    assert.match(chart, /Module 700;/, 'the module lacking every part is charted');
    assert.doesNotMatch(chart, /Module 999;/);
    assert.equal((coverage.match(/<tr><th scope="row">Module /g) ?? []).length, 1000, 'the table lists every module');
  });

  it('gives each of two modules with one title its own row', async () => {
    folder.write('a/intro/01.md', OVERDUE);
    folder.write('b/intro/01.md', STALE);
    const shown = await health();
    assert.deepEqual(
      shown.modules.map((module) => module.title),
      ['intro', 'intro'],
    );
    const html = await healthHtml(shown, { href: encodeURI });
    const coverage = html.slice(html.indexOf('id="coverage"'), html.indexOf('id="findings"'));
    assert.match(coverage, /<title>module: intro \(2\); part: /, 'the second row is told apart');
  });

  it('in a webview: a nonce on its one style and one script, an Export button and a hidden note that the course changed; as a file: none of these', async () => {
    folder.write('calls/01.md', OVERDUE);
    const shown = await health();
    const webview = await healthHtml(shown, { href: encodeURI, webview: { nonce: 'abc123' } });
    assert.match(webview, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src data:;"/);
    assert.equal((webview.match(/<script/g) ?? []).length, 1);
    assert.match(webview, /<script nonce="abc123">/);
    assert.match(webview, /<style nonce="abc123">/);
    assert.match(webview, /id="export"/);
    assert.match(
      webview,
      /<p id="stale" role="status" hidden>The course changed since this report was made\. <button type="button" id="refresh">Refresh<\/button><\/p>/,
    );
    const file = await healthHtml(shown, { href: encodeURI });
    assert.doesNotMatch(file, /<script|id="export"|id="stale"|nonce/);
  });
});
