/**
 * `npx tsx bench/cache.ts [--lessons N] [corpus-dir…]` (after `npm run build`): what `--cache` saves,
 * whole process included, with the built CLI.
 *
 * - `lint --cache` over each corpus (../shared/corpus-large by default): the first run (which writes
 *   the cache) against a second run with nothing changed; both must print the same findings.
 * - the queue's prefilter over each corpus (../shared/corpus, corpus-large and corpus-courses by
 *   default): how many lessons it lets through to the parse, and a check that it lets through every
 *   lesson in which a trigger rule finds something, and that the queue's check (which confirms a
 *   claim from its own block where it can) finds the rules the lint finds (the run fails otherwise).
 * - `queue` over generated lessons (10,000 by default), none with a legal or marketing record, so
 *   that every lesson's claims must be checked: without a cache, with `--cache` first, then again
 *   with nothing changed; all three must list the same reviews.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lintText, resolveConfig, triggerCounts, triggerRules, type ResolvedConfig } from '../src/core';
import { mayTrigger } from '../src/core/queue/triggers';
import { generateLesson } from './generatedLessons';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TODAY = '2026-12-04';

interface Run {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

function timed(args: string[], cwd: string): Run {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  const [seconds, kb] = last.split(' ').map(Number);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`course-review ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return { seconds, maxRssMb: Math.round(kb / 1024), stdout: run.stdout };
}

function sameOutput(label: string, runs: Run[]): void {
  if (runs.some((run) => run.stdout !== runs[0].stdout)) throw new Error(`${label}: the runs printed different results`);
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

function benchLint(corpus: string): void {
  const work = mkdtempSync(join(tmpdir(), 'course-review-cache-bench-'));
  try {
    const cache = join(work, 'cache.json');
    const args = ['lint', corpus, '--format', 'json', '--today', TODAY, '--cache-location', cache];
    const first = timed(args, work);
    const second = timed(args, work);
    sameOutput(`lint ${corpus}`, [first, second]);
    console.log(
      `| lint --cache | ${corpus} | ${first.seconds.toFixed(2)} | ${second.seconds.toFixed(2)} | ${percent(second.seconds, first.seconds)} | ${second.maxRssMb} MB |`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function benchQueue(lessons: number): void {
  const work = mkdtempSync(join(tmpdir(), 'course-review-cache-bench-'));
  try {
    const folder = join(work, 'lessons');
    mkdirSync(folder);
    for (let index = 0; index < lessons; index++) {
      const lesson = generateLesson(index, { triggeredRecords: false });
      writeFileSync(join(folder, lesson.name), lesson.text);
    }
    const cache = join(work, 'cache.json');
    const args = ['queue', folder, '--format', 'json', '--today', TODAY];
    const none = timed(args, work);
    const first = timed([...args, '--cache-location', cache], work);
    const second = timed([...args, '--cache-location', cache], work);
    sameOutput('queue', [none, first, second]);
    const legal = (JSON.parse(none.stdout) as Array<{ role: string }>).filter((item) => item.role === 'legal').length;
    console.log(
      `| queue, no cache | ${lessons.toLocaleString('en-US')} generated lessons (${legal.toLocaleString('en-US')} need a legal review) | ${none.seconds.toFixed(2)} | | | ${none.maxRssMb} MB |`,
    );
    console.log(
      `| queue --cache | the same | ${first.seconds.toFixed(2)} | ${second.seconds.toFixed(2)} | ${percent(second.seconds, first.seconds)} | ${second.maxRssMb} MB |`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.mdx?$/i.test(entry.name) ? [path] : [];
  });
}

function benchPrefilter(corpus: string): void {
  const config = resolveConfig(undefined, undefined, corpus);
  const ids = triggerRules(config);
  const only: ResolvedConfig = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))) };
  const files = markdownFiles(corpus);
  let passed = 0;
  let withFindings = 0;
  let prefilterMs = 0;
  let lintMs = 0;
  let countsMs = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let start = performance.now();
    const passes = mayTrigger(text, ids, config);
    prefilterMs += performance.now() - start;
    start = performance.now();
    const findings = lintText(text, only).findings;
    lintMs += performance.now() - start;
    start = performance.now();
    const counted = [...triggerCounts(text, config).keys()].sort().join(', ');
    countsMs += performance.now() - start;
    if (passes) passed++;
    if (findings.length > 0) withFindings++;
    if (findings.length > 0 && !passes) throw new Error(`${file}: the trigger rules find ${findings.length}, but the prefilter skips it`);
    const found = [...new Set(findings.map((finding) => finding.ruleId))].sort().join(', ');
    if (counted !== found) throw new Error(`${file}: the queue's check finds [${counted}], the lint [${found}]`);
  }
  const perFile = (ms: number) => `${(ms / files.length).toFixed(2)} ms`;
  console.log(
    `| ${corpus} | ${files.length} | ${withFindings} | ${passed} (${percent(passed, files.length)}) | ${perFile(prefilterMs)} | ${perFile(countsMs)} | ${perFile(lintMs)} |`,
  );
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('Run npm run build first: dist/cli.js is missing.');
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { lessons: { type: 'string', default: '10000' } } });
  const lessons = Number(values.lessons);
  if (!Number.isInteger(lessons) || lessons <= 0) throw new Error('--lessons takes a whole number, e.g. --lessons 10000');
  const corpora = (positionals.length > 0 ? positionals : ['../shared/corpus', '../shared/corpus-large', '../shared/corpus-courses'])
    .map((path) => resolve(path))
    .filter(existsSync);
  console.log(
    "The queue's prefilter and check: lessons whose trigger rules find something must all pass the prefilter, and the check must find the rules the lint finds.\n",
  );
  console.log(
    '| corpus | lessons | with trigger findings | passed to the check | prefilter per lesson | check per lesson | trigger lint per lesson |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const corpus of corpora) benchPrefilter(corpus);
  console.log('');
  console.log('| command | files | first run (s) | second run, nothing changed (s) | second / first | peak memory |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const corpus of corpora.filter((path) => path.endsWith('corpus-large'))) benchLint(corpus);
  benchQueue(lessons);
}

main();
