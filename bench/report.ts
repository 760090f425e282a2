/**
 * `npx tsx bench/report.ts [corpus-dir…]` (after `npm run build`): the course health report as a
 * lead runs it, whole process included, against `course-review lint --format json` over the same
 * files in the same run. Cold: no cache. Warm: `--cache`, the second run on unchanged files (the
 * run of a lead who asks again, or a CI job that keeps the cache). Fails if a report is not written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TODAY = '2026-12-04';
const DEFAULT_CORPORA = ['../shared/corpus-large', '../shared/corpus-courses'];

function timed(args: string[], cwd: string): { seconds: number; maxRssMb: number; status: number | null } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  return { seconds, maxRssMb: Math.round(kb / 1024), status: run.status };
}

function main() {
  if (!existsSync(CLI)) throw new Error('Run npm run build first: dist/cli.js is missing.');
  const corpora = (process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_CORPORA)
    .map((path) => resolve(path))
    .filter((path) => existsSync(path));
  console.log('| corpus | lint (s) | report, cold (s) | report, warm cache (s) | cold / lint | warm / lint | HTML | peak memory |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const corpus of corpora) {
    const work = mkdtempSync(join(tmpdir(), 'course-review-report-bench-'));
    try {
      const out = join(work, 'health.html');
      const cache = join(work, 'cache.json');
      const lint = timed(['lint', corpus, '--format', 'json', '--today', TODAY], work);
      const cold = timed(['report', corpus, '--today', TODAY, '--output', out], work);
      if (cold.status !== 0 || !readFileSync(out, 'utf8').includes('<svg'))
        throw new Error(`no report for ${corpus} (exit ${cold.status})`);
      timed(['report', corpus, '--today', TODAY, '--output', out, '--cache-location', cache], work);
      const warm = timed(['report', corpus, '--today', TODAY, '--output', out, '--cache-location', cache], work);
      if (warm.status !== 0) throw new Error(`the warm report for ${corpus} failed (exit ${warm.status})`);
      const size = `${(statSync(out).size / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `| ${corpus.replace(`${resolve(ROOT, '..')}/`, '../')} | ${lint.seconds.toFixed(1)} | ${cold.seconds.toFixed(1)} | ${warm.seconds.toFixed(1)} | ${(cold.seconds / lint.seconds).toFixed(2)} | ${(warm.seconds / lint.seconds).toFixed(2)} | ${size} | ${Math.max(cold.maxRssMb, warm.maxRssMb)} MB |`,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main();
