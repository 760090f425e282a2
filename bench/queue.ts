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
import { headNeed, lessonFingerprint, readEntry, resolveConfig, ReviewIndex, triggerCounts, type Role } from '../src/core';

const HEAD_BYTES = 8 * 1024;
const TODAY = '2026-11-28';
const UPDATES = 20;
const INDEX_ROUNDS = 5;

const config = resolveConfig(undefined, undefined, process.cwd());
const roles: readonly Role[] = config.roles;

/** Deterministic, so that every run indexes the same lessons. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a an of to and in that it for you with as on is be are this your can will when each step caller customer team report policy refund ' +
  'record system check answer question example practice learner lesson module skill task review approve process data value table chart ' +
  'explain describe compare choose apply write list open close save share send call email note time day week first next then before after ' +
  'because while during without within under over between simple clear short useful careful quick early late new old common important ' +
  'account payment invoice order ticket queue escalation manager agent script greeting summary outcome goal feedback solution exercise ' +
  'number total average rate cost price balance notice change update request deadline meeting document template form field entry log'
).split(' ');
const VERBS = ['Explain', 'Describe', 'Apply', 'Compare', 'Identify', 'Write', 'Calculate', 'Classify', 'Demonstrate', 'Evaluate', 'Log', 'Resolve'];
const AUDIENCES = ['New contact-centre agents', 'Team leads', 'Finance clerks', 'Support engineers', 'Sales trainees', 'Warehouse staff'];
const REVIEWERS = ['Priya Patel', 'legal@example.com', 'Sam Okafor <sam@example.com>', 'Ana Lima', 'marketing@example.com', 'Wei Chen'];
const CLAIMS = ['This method is 40% faster than the old one.', 'Studies show that agents who follow the script resolve more calls.', 'It is always the best choice.'];

interface Generated {
  name: string;
  text: string;
  approved: boolean;
}

function generateLesson(index: number): Generated {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 13));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const date = (from: number, span: number) => {
    const day = new Date(Date.UTC(2026, 9, 1 + from + Math.floor(next() * span)));
    return day.toISOString().slice(0, 10);
  };

  const topic = words(2 + Math.floor(next() * 3));
  const title = `${topic[0].toUpperCase()}${topic.slice(1)}`;
  const titleLine = next() < 0.1 ? `title: "${title}: the basics"` : next() < 0.1 ? `title: '${title}, "in practice"'` : `title: ${title}`;
  const frontMatter = [titleLine, `audience: ${pick(AUDIENCES)}`, `duration: ${5 + Math.floor(next() * 50)} min`, 'objectives:'];
  const objectives = 2 + Math.floor(next() * 3);
  for (let i = 0; i < objectives; i++) frontMatter.push(`  - ${pick(VERBS)} ${words(4 + Math.floor(next() * 6))}`);
  if (next() < 0.3) frontMatter.push('keypoints:', ...Array.from({ length: 3 }, () => `  - ${sentence()}`));
  if (next() < 0.5) frontMatter.push(`tags: [${words(3).split(' ').join(', ')}]   # for the course menu`);

  const body: string[] = [`# ${title}`, '', sentence() + ' ' + sentence(), ''];
  const target = 500 + Math.floor(next() * 2500);
  let count = 0;
  for (let section = 1; count < target; section++) {
    body.push(`## ${words(2 + Math.floor(next() * 3))}`, '');
    const paragraphs = 2 + Math.floor(next() * 4);
    for (let p = 0; p < paragraphs && count < target; p++) {
      const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, sentence);
      if (next() < 0.01) sentences.push(pick(CLAIMS));
      const paragraph = sentences.join(' ');
      count += paragraph.split(' ').length;
      body.push(paragraph, '');
    }
    if (next() < 0.3) {
      for (let i = 0; i < 3; i++) body.push(`- ${sentence()}`);
      body.push('');
    }
  }
  const lesson = (review: string[]) => `---\n${[...frontMatter, ...review].join('\n')}\n---\n\n${body.join('\n')}`;

  const kind = next();
  const review: string[] = [];
  let approved = false;
  if (kind < 0.25) {
    approved = true;
    const fingerprint = lessonFingerprint(lesson([]));
    const stale = next() < 0.2 ? 'x' : '';
    review.push('review:', '  sme:', '    status: approved', `    reviewer: ${pick(REVIEWERS)}`, `    requested: ${date(0, 20)}`, `    signed: ${date(25, 10)}`, `    fingerprint: ${fingerprint}`);
    if (next() < 0.3) review.push('  legal:', '    status: waived', '    reviewer: legal@example.com', `    signed: ${date(25, 10)}`, '    note: No claims');
    return { name: `lesson-${index}.md`, text: lesson(review) + stale, approved };
  }
  if (kind < 0.55) {
    const status = kind < 0.45 ? 'requested' : 'changes-requested';
    review.push('review:', '  sme:', `    status: ${status}`, `    reviewer: ${pick(REVIEWERS)}`, `    requested: ${date(0, 40)}`, `    due: ${date(40, 30)}`);
    if (status === 'changes-requested') review.push(`    signed: ${date(45, 10)}`, `    note: ${sentence()}`);
    if (next() < 0.3) review.push('  legal:', '    status: requested', '    reviewer: legal@example.com', `    due: ${date(50, 30)}`);
  } else if (kind < 0.6) {
    review.push('review:', '  sme:', '    status: waived', `    reviewer: ${pick(REVIEWERS)}`, `    signed: ${date(0, 40)}`, '    note: Reused from the 2025 course');
  }
  return { name: `lesson-${index}.md`, text: lesson(review), approved };
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
  row(label, paths.length, first.wholeReads, first.items, ms(first.ms), ms(first.cpuMs), perLesson(first.ms), ms(median(warm)), perLesson(median(warm)));
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
const corpora = (positionals.length > 0 ? positionals : ['../shared/corpus-large', '../shared/corpus']).map((folder) => resolve(folder)).filter(existsSync);

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
  console.log(`Review-queue index, ${lessonCount.toLocaleString('en-US')} generated lessons (${mb(bytes)}, written in ${(generateMs / 1000).toFixed(1)} s to ${folder}), today ${TODAY}.`);
  console.log('Cold index: first 8 KB of each file, the whole file only when headNeed says so, readEntry, set; then items(today).\n');
  row('lessons', 'files', 'whole-file reads', 'outstanding', 'first run ms', 'CPU ms', 'per lesson', `median of next ${INDEX_ROUNDS} ms`, 'per lesson');
  row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
  const generated = benchIndex('generated', folder, paths);
  const peakAfterIndex = process.resourceUsage().maxRSS * 1024;
  for (const corpus of corpora) benchIndex(relative(process.cwd(), corpus), corpus, markdownFiles(corpus));
  console.log(rows.join('\n'));
  console.log('\nTarget (DESIGN.md): 10,000 lessons under 1 s, so 100 µs per lesson; one changed file re-indexed in under 10 ms.');
  console.log(`\nMemory: RSS ${mb(rssBefore)} before the index, peak (max RSS) ${mb(peakAfterIndex)} after the generated index; heap now ${mb(process.memoryUsage().heapUsed)}.`);

  if (approvedName) {
    const update = benchUpdate(folder, generated, approvedName);
    console.log(`\nOne changed file (${approvedName}, approved, so read whole and fingerprinted), median of ${UPDATES}:`);
    console.log(`re-read + readEntry + set ${ms(update.read)} ms, items(today) over ${generated.index.size.toLocaleString('en-US')} lessons ${ms(update.items)} ms: ${ms(update.total)} ms in all.`);
  }

  const triggerStart = performance.now();
  let triggered = 0;
  for (const path of paths.slice(0, triggerCount)) {
    const counts = triggerCounts(readFileSync(path, 'utf8'), config);
    if ([...counts.values()].some((count) => count > 0)) triggered++;
  }
  const triggerMs = performance.now() - triggerStart;
  if (triggerCount > 0) console.log(`\nLazy trigger pass (read + triggerCounts, not part of the cold index) over ${triggerCount.toLocaleString('en-US')} lessons: ${(triggerMs / 1000).toFixed(1)} s, ${ms(triggerMs / triggerCount)} ms/lesson; ${triggered} with trigger findings.`);
  console.log(`Peak memory (max RSS) at the end: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
