/**
 * `npm run bench [-- <corpus-dir>…]`: speed of a full lint against markdownlint's default rules on
 * the same files in the same process, as a ratio; re-lint after a one-character edit; peak memory.
 * Defaults to ../shared/corpus and ../shared/corpus-large when they exist.
 */
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

function benchCorpus(folder: string) {
  const lessons = markdownFiles(folder).map((path) => ({ name: path, text: readFileSync(path, 'utf8') }));
  courseReview(lessons.slice(0, 20));
  markdownlintDefault(lessons.slice(0, 20));
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(time(() => courseReview(lessons)));
    theirs.push(time(() => markdownlintDefault(lessons)));
  }
  const perFile = (ms: number) => (ms / lessons.length).toFixed(2);
  const [oursMs, theirsMs] = [median(ours), median(theirs)];
  console.log(`| ${folder} | ${lessons.length} | ${perFile(oursMs)} | ${perFile(theirsMs)} | ${(oursMs / theirsMs).toFixed(2)} |`);
  return lessons;
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
  console.log(`\nRe-lint after a one-character edit in the largest lesson (${largest.name}, ${largest.text.length.toLocaleString('en-US')} characters):`);
  console.log(`full lint ${fullMs.toFixed(1)} ms, re-lint ${editMs.toFixed(1)} ms: ${((editMs / fullMs) * 100).toFixed(1)}% of a full lint`);
}

const args = process.argv.slice(2);
const folders = (args.length > 0 ? args : ['../shared/corpus', '../shared/corpus-large']).map((folder) => resolve(folder)).filter(existsSync);
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
