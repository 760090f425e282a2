import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useCliFolder } from './helpers/cliFolder';
import { OVERDUE, STALE, TODAY } from './helpers/reviewedCourse';

interface CacheFile {
  entries: Record<string, { findings: Array<{ message: string }> }>;
}

type Lint = Array<{ file: string; ruleId: string; message: string }>;

/** Rewrites every cached finding's message: a later run that shows it read the cache. */
function markCache(folder: ReturnType<typeof useCliFolder>, file = '.course-review-cache.json') {
  const cache = JSON.parse(folder.read(file)) as CacheFile;
  for (const entry of Object.values(cache.entries)) for (const finding of entry.findings) finding.message = 'FROM THE CACHE';
  folder.write(file, JSON.stringify(cache));
}

describe('--cache', function () {
  this.timeout(30_000);
  const folder = useCliFolder('course-review-cache-');
  const lint = async (...extra: string[]) =>
    JSON.parse((await folder.cli('lint', '--format', 'json', '--today', TODAY, ...extra)).stdout) as Lint;

  beforeEach(() => {
    folder.write('calls/01-closing.md', OVERDUE);
    folder.write('calls/02-holding.md', STALE);
  });

  it('reuses the result of a file unchanged since the last run, and only that', async () => {
    const cold = await lint('--cache');
    assert.ok(existsSync(join(folder.path, '.course-review-cache.json')));
    markCache(folder);
    const warm = await lint('--cache');
    assert.ok(warm.length > 0 && warm.every((finding) => finding.message === 'FROM THE CACHE'), 'both files from the cache');
    folder.write('calls/02-holding.md', `${STALE}\nOne more line.\n`);
    const edited = await lint('--cache');
    assert.ok(edited.filter((finding) => finding.file === 'calls/01-closing.md').every((finding) => finding.message === 'FROM THE CACHE'));
    assert.ok(
      edited.filter((finding) => finding.file === 'calls/02-holding.md').every((finding) => finding.message !== 'FROM THE CACHE'),
      'the edited file is linted again',
    );
    const plain = await lint();
    assert.ok(
      plain.every((finding) => finding.message !== 'FROM THE CACHE'),
      'without --cache nothing is read from it',
    );
    assert.deepEqual(
      plain.map((finding) => finding.ruleId),
      cold.map((finding) => finding.ruleId),
    );
  });

  it('lints again on another day, under another configuration, and when fixing', async () => {
    await lint('--cache');
    markCache(folder);
    const tomorrow = JSON.parse((await folder.cli('lint', '--format', 'json', '--today', '2026-12-05', '--cache')).stdout) as Lint;
    assert.ok(
      tomorrow.every((finding) => finding.message !== 'FROM THE CACHE'),
      'reviews are overdue against the date',
    );
    markCache(folder);
    folder.write('.coursereview.json', '{ "rules": { "hook-present": "off" } }');
    const reconfigured = await lint('--cache');
    assert.ok(
      reconfigured.every((finding) => finding.message !== 'FROM THE CACHE'),
      'a new configuration',
    );
    markCache(folder);
    const fixed = await folder.cli('lint', '--format', 'json', '--today', TODAY, '--cache', '--fix');
    assert.ok(
      (JSON.parse(fixed.stdout) as Lint).every((finding) => finding.message !== 'FROM THE CACHE'),
      '--fix lints what it wrote',
    );
  });

  it('starts afresh from a cache it cannot read, and says when it cannot write one, changing nothing else', async () => {
    folder.write('.course-review-cache.json', '{ not json');
    const fresh = await folder.cli('report', '--format', 'json', '--today', TODAY, '--cache');
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.equal(fresh.stderr, '');
    assert.ok(Object.keys((JSON.parse(folder.read('.course-review-cache.json')) as CacheFile).entries).length === 2);

    const unwritable = await folder.cli('outline', '--format', 'json', '--today', TODAY, '--cache-location', 'no-such-folder/cache.json');
    assert.equal(unwritable.code, 0);
    assert.match(
      unwritable.stderr,
      /^course-review: cannot write the cache .*no-such-folder\/cache\.json: no such file or folder \(ENOENT\)\.\n$/,
    );
    assert.equal(JSON.parse(unwritable.stdout).totals.pages, 2);
  });

  it('outline and report read the same cache as lint, wherever it is kept', async () => {
    folder.write('build/.keep', '');
    await lint('--cache-location', 'build/lint-cache.json');
    const cache = JSON.parse(folder.read('build/lint-cache.json')) as { entries: Record<string, { page: { words: number } }> };
    for (const entry of Object.values(cache.entries)) entry.page.words = 50_000;
    folder.write('build/lint-cache.json', JSON.stringify(cache));
    const report = await folder.cli('report', '--format', 'md', '--today', TODAY, '--cache-location', 'build/lint-cache.json');
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^1 module, 2 pages, 100,000 words;/m);
  });

  describe('queue --cache', () => {
    const CLAIMS = '---\ntitle: Upselling\n---\n\n# Upselling\n\nOur bundle is the best value in the world, and it cuts churn by 40%.\n';
    const PLAIN = '---\ntitle: Greeting\n---\n\n# Greeting\n\nSay your name and ask how you can help.\n';
    type Queue = Array<{ file: string; role: string; status: string }>;
    const queue = async (...extra: string[]) => {
      const result = await folder.cli('queue', '--format', 'json', '--today', TODAY, ...extra);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as Queue)
        .filter((item) => item.role !== 'sme')
        .map((item) => `${item.file} ${item.role} ${item.status}`);
    };
    type Triggers = { triggers: Record<string, Record<string, number>>; entries: Record<string, unknown> };
    const readCache = () => JSON.parse(folder.read('.course-review-cache.json')) as Triggers;

    beforeEach(() => {
      folder.write('sales/01-upselling.md', CLAIMS);
      folder.write('sales/02-greeting.md', PLAIN);
    });

    it('keeps what the claim rules found and reuses it while the lesson is unchanged', async () => {
      const cold = await queue('--cache');
      assert.deepEqual(cold, ['sales/01-upselling.md legal missing', 'sales/01-upselling.md marketing missing']);
      const cache = readCache();
      assert.equal(Object.keys(cache.triggers).length, 4, 'one entry per lesson checked (the two of the course as well)');
      for (const counts of Object.values(cache.triggers)) for (const rule of Object.keys(counts)) delete counts[rule];
      folder.write('.course-review-cache.json', JSON.stringify(cache));
      assert.deepEqual(await queue('--cache'), [], 'the emptied counts were read');
      assert.deepEqual(await queue(), cold, 'without --cache the rules run');
      folder.write('sales/01-upselling.md', `${CLAIMS}\nOne more line.\n`);
      assert.deepEqual(await queue('--cache'), cold, 'an edited lesson is checked again');
    });

    it("shares the file with lint --cache, each keeping the other's entries", async () => {
      await lint('--cache');
      const linted = Object.keys(readCache().entries);
      assert.ok(linted.length >= 2);
      await queue('--cache');
      assert.deepEqual(Object.keys(readCache().entries), linted, 'queue left the lint results');
      const counted = Object.keys(readCache().triggers);
      assert.equal(counted.length, 4);
      await lint('--cache');
      assert.deepEqual(Object.keys(readCache().triggers), counted, 'lint left the trigger counts');
      assert.deepEqual(Object.keys(readCache().entries).sort(), [...linted].sort());
    });

    it('starts afresh from a cache it cannot read', async () => {
      folder.write('.course-review-cache.json', '{ "format": 2, "engine": "x", "entries": [] }');
      assert.deepEqual(await queue('--cache'), ['sales/01-upselling.md legal missing', 'sales/01-upselling.md marketing missing']);
      assert.equal(Object.keys(readCache().triggers).length, 4);
    });
  });
});
