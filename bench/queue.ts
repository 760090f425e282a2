/**
 * `npx tsx bench/queue.ts [--lessons N] [--trigger-lessons N] [corpus-dir…]`: the review queue's
 * index the way the extension builds it. Generated lessons (10,000 by default) are written to a temp
 * folder; a cold index reads the first 8 KB of each file and the rest only when `headNeed` says
 * so; the same over ../shared/corpus-large and ../shared/corpus; then re-indexing one changed file,
 * and the lazy trigger pass (a lint of the claim rules) that the cold index leaves out.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { headNeed, readEntry, resolveConfig, ReviewIndex, triggerCounts, type Role } from '../src/core';
import { generateLesson } from './generatedLessons';

const HEAD_BYTES = 8 * 1024;
const TODAY = '2026-11-28';
const UPDATES = 20;
const INDEX_ROUNDS = 5;

const config = resolveConfig(undefined, undefined, process.cwd());
const roles: readonly Role[] = config.roles;

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

const head = Buffer.alloc(HEAD_BYTES);

/** What the extension does per file: the first 8 KB, and the whole file only when `headNeed` says so. */
function readForIndex(path: string): { text: string; more: boolean } {
  const fd = openSync(path, 'r');
  let bytes;
  try {
    bytes = readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const prefix = head.toString('utf8', 0, bytes);
  const wholeFile = bytes < HEAD_BYTES;
  if (headNeed(prefix, wholeFile) === 'enough') return { text: prefix, more: false };
  return { text: readFileSync(path, 'utf8'), more: true };
}

interface IndexRun {
  ms: number;
  /** CPU time of this thread's process: wall time minus waiting, when other processes share the cores. */
  cpuMs: number;
  wholeReads: number;
  items: number;
  index: ReviewIndex;
}

function coldIndex(root: string, paths: readonly string[]): IndexRun {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const index = new ReviewIndex();
  let wholeReads = 0;
  for (const path of paths) {
    const { text, more } = readForIndex(path);
    if (more) wholeReads++;
    index.set(readEntry(relative(root, path), text, roles));
  }
  const items = index.items(TODAY).length;
  const { user, system } = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (user + system) / 1000, wholeReads, items, index };
}

const rows: string[] = [];
const row = (...cells: Array<string | number>) => rows.push(`| ${cells.join(' | ')} |`);
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function benchIndex(label: string, root: string, paths: readonly string[]): IndexRun {
  const first = coldIndex(root, paths);
  const warm = Array.from({ length: INDEX_ROUNDS }, () => coldIndex(root, paths).ms);
  const perLesson = (value: number) => `${((value / paths.length) * 1000).toFixed(0)} µs`;
  row(
    label,
    paths.length,
    first.wholeReads,
    first.items,
    ms(first.ms),
    ms(first.cpuMs),
    perLesson(first.ms),
    ms(median(warm)),
    perLesson(median(warm)),
  );
  return first;
}

function benchUpdate(folder: string, run: IndexRun, name: string): { read: number; items: number; total: number } {
  const path = join(folder, name);
  const original = readFileSync(path, 'utf8');
  const read: number[] = [];
  const items: number[] = [];
  const total: number[] = [];
  for (let round = 0; round < UPDATES; round++) {
    writeFileSync(path, original.replace(/\n\n([A-Z])/, `\n\nRound ${round}. $1`));
    const start = performance.now();
    run.index.set(readEntry(name, readFileSync(path, 'utf8'), roles));
    const mid = performance.now();
    run.index.items(TODAY);
    const end = performance.now();
    read.push(mid - start);
    items.push(end - mid);
    total.push(end - start);
  }
  writeFileSync(path, original);
  return { read: median(read), items: median(items), total: median(total) };
}

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { lessons: { type: 'string', default: '10000' }, 'trigger-lessons': { type: 'string', default: '1000' } },
});
const lessonCount = Number(options.lessons);
/** The trigger pass is a lint of the claims rules (about 20 ms a lesson): a sample is enough to measure it. */
const triggerCount = Math.min(lessonCount, Number(options['trigger-lessons']));
if (!Number.isInteger(lessonCount) || lessonCount <= 0 || !Number.isInteger(triggerCount) || triggerCount < 0) {
  console.error('--lessons and --trigger-lessons take whole numbers, e.g. --lessons 10000 --trigger-lessons 1000');
  process.exit(2);
}
const corpora = (positionals.length > 0 ? positionals : ['../shared/corpus-large', '../shared/corpus'])
  .map((folder) => resolve(folder))
  .filter(existsSync);

const folder = mkdtempSync(join(tmpdir(), 'course-review-bench-queue-'));
try {
  const generateStart = performance.now();
  let bytes = 0;
  let approvedName: string | undefined;
  for (let i = 0; i < lessonCount; i++) {
    const lesson = generateLesson(i);
    if (lesson.approved) approvedName ??= lesson.name;
    writeFileSync(join(folder, lesson.name), lesson.text);
    bytes += lesson.text.length;
  }
  const generateMs = performance.now() - generateStart;

  const paths = readdirSync(folder).map((name) => join(folder, name));
  const rssBefore = process.memoryUsage().rss;
  console.log(
    `Review-queue index, ${lessonCount.toLocaleString('en-US')} generated lessons (${mb(bytes)}, written in ${(generateMs / 1000).toFixed(1)} s to ${folder}), today ${TODAY}.`,
  );
  console.log('Cold index: first 8 KB of each file, the whole file only when headNeed says so, readEntry, set; then items(today).\n');
  row(
    'lessons',
    'files',
    'whole-file reads',
    'outstanding',
    'first run ms',
    'CPU ms',
    'per lesson',
    `median of next ${INDEX_ROUNDS} ms`,
    'per lesson',
  );
  row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
  const generated = benchIndex('generated', folder, paths);
  const peakAfterIndex = process.resourceUsage().maxRSS * 1024;
  for (const corpus of corpora) benchIndex(relative(process.cwd(), corpus), corpus, markdownFiles(corpus));
  console.log(rows.join('\n'));
  console.log('\nTarget (DESIGN.md): 10,000 lessons under 1 s, so 100 µs per lesson; one changed file re-indexed in under 10 ms.');
  console.log(
    `\nMemory: RSS ${mb(rssBefore)} before the index, peak (max RSS) ${mb(peakAfterIndex)} after the generated index; heap now ${mb(process.memoryUsage().heapUsed)}.`,
  );

  if (approvedName) {
    const update = benchUpdate(folder, generated, approvedName);
    console.log(`\nOne changed file (${approvedName}, approved, so read whole and fingerprinted), median of ${UPDATES}:`);
    console.log(
      `re-read + readEntry + set ${ms(update.read)} ms, items(today) over ${generated.index.size.toLocaleString('en-US')} lessons ${ms(update.items)} ms: ${ms(update.total)} ms in all.`,
    );
  }

  const triggerStart = performance.now();
  let triggered = 0;
  for (const path of paths.slice(0, triggerCount)) {
    const counts = triggerCounts(readFileSync(path, 'utf8'), config);
    if ([...counts.values()].some((count) => count > 0)) triggered++;
  }
  const triggerMs = performance.now() - triggerStart;
  if (triggerCount > 0)
    console.log(
      `\nLazy trigger pass (read + triggerCounts, not part of the cold index) over ${triggerCount.toLocaleString('en-US')} lessons: ${(triggerMs / 1000).toFixed(1)} s, ${ms(triggerMs / triggerCount)} ms/lesson; ${triggered} with trigger findings.`,
    );
  console.log(`Peak memory (max RSS) at the end: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
