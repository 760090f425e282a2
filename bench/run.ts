/**
 * `npm run bench [-- <corpus-dir>…]`: speed of a full lint against markdownlint's default rules on
 * the same files in the same process, as a ratio; re-lint after a one-character edit; peak memory;
 * then the CLI's lint on two worker threads against markdownlint on one, as a separate table.
 * Defaults to ../shared/corpus and ../shared/corpus-large when they exist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { LessonSession, lintText, resolveConfig } from '../src/core';

const ROUNDS = 3;

interface Lesson {
  name: string;
  text: string;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.(?:md|markdown)$/i.test(entry.name) && !['ATTRIBUTION.md', 'STATS.md'].includes(entry.name) ? [path] : [];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const config = resolveConfig(undefined, undefined, process.cwd());

function courseReview(lessons: Lesson[]) {
  for (const lesson of lessons) lintText(lesson.text, config);
}

function markdownlintDefault(lessons: Lesson[]) {
  for (const lesson of lessons) markdownlint({ strings: { [lesson.name]: lesson.text }, config: { default: true } });
}

function readCorpus(folder: string): Lesson[] {
  return markdownFiles(folder).map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
}

function tableRow(folder: string, files: number, oursMs: number, theirsMs: number): string {
  const perFile = (ms: number) => (ms / files).toFixed(2);
  return `| ${folder} | ${files} | ${perFile(oursMs)} | ${perFile(theirsMs)} | ${(oursMs / theirsMs).toFixed(2)} |`;
}

function benchCorpus(folder: string) {
  const lessons = readCorpus(folder);
  courseReview(lessons.slice(0, 20));
  markdownlintDefault(lessons.slice(0, 20));
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(time(() => courseReview(lessons)));
    theirs.push(time(() => markdownlintDefault(lessons)));
  }
  console.log(tableRow(folder, lessons.length, median(ours), median(theirs)));
  return lessons;
}

/**
 * The built CLI, `node dist/cli.js lint <the same files> --format json`, as a user runs it: the whole
 * process, from start-up and reading the files to writing the report. With this many files it
 * lints on two worker threads.
 */
function benchCli(folder: string) {
  const lessons = readCorpus(folder);
  const cli = () => {
    const child = spawnSync(process.execPath, ['dist/cli.js', 'lint', ...lessons.map((lesson) => lesson.name), '--format', 'json'], {
      maxBuffer: 1 << 30,
    });
    if (child.status !== 0 && child.status !== 1) throw new Error(`The CLI failed (${child.status}): ${child.stderr}`);
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(time(cli));
    theirs.push(time(() => markdownlintDefault(lessons)));
  }
  console.log(tableRow(folder, lessons.length, median(ours), median(theirs)));
}

function benchEdit(lessons: Lesson[]) {
  const largest = lessons.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const full: number[] = [];
  const incremental: number[] = [];
  const session = new LessonSession(config);
  session.lint(largest.text);
  for (let round = 0; round < 20; round++) {
    full.push(time(() => lintText(largest.text, config)));
    const at = Math.floor(largest.text.length / 2) + round;
    const edited = `${largest.text.slice(0, at)}x${largest.text.slice(at)}`;
    session.lint(largest.text);
    incremental.push(time(() => session.lint(edited)));
  }
  const [fullMs, editMs] = [median(full), median(incremental)];
  console.log(
    `\nRe-lint after a one-character edit in the largest lesson (${largest.name}, ${largest.text.length.toLocaleString('en-US')} characters):`,
  );
  console.log(
    `full lint ${fullMs.toFixed(1)} ms, re-lint ${editMs.toFixed(1)} ms: ${((editMs / fullMs) * 100).toFixed(1)}% of a full lint`,
  );
}

const args = process.argv.slice(2);
const folders = (args.length > 0 ? args : ['../shared/corpus', '../shared/corpus-large'])
  .map((folder) => resolve(folder))
  .filter(existsSync);
if (folders.length === 0) {
  console.error('No corpus folder found: pass one, e.g. npm run bench -- ../shared/corpus');
  process.exit(2);
}
console.log('Full lint, median of 3 rounds, one process, one thread:\n');
console.log('| corpus | files | Course Review ms/file | markdownlint ms/file | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: |');
const first = folders.map(benchCorpus)[0];
benchEdit(first);
console.log(`\nPeak memory (max RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
console.log(
  '\nCLI, 2 worker threads: the built CLI as a separate process, start-up and file reading included, median of 3 rounds, against markdownlint on one thread:\n',
);
console.log('| corpus | files | Course Review ms/file | markdownlint ms/file | ratio |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const folder of folders) benchCli(folder);
