/**
 * How do the whole-lesson rules fare on whole course trees? Runs `course-review lint` (in process,
 * default configuration, tables of contents and modules as the CLI finds them) over each family of
 * a course corpus, and prints per family: pages, words, missing-part findings per 10 pages and all
 * findings per 1,000 words; then every missing-part finding that remains, for a verdict.
 *
 *   npx tsx bench/courses.ts <corpus-dir> [--family NAME] [--list]
 *
 * A family is a folder under the corpus root, or each of its folders when every one of them holds
 * a course of its own (a landing page or a course configuration), as corpus-courses/microsoftlearning-labs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseLesson } from '../src/core';
import { wordCount } from '../src/core/prose';
import { configSource } from '../src/cli/common';
import { collectFiles } from '../src/cli/files';
import { run } from '../src/cli/run';

const MISSING_PART_RULES = new Set([
  'objectives-present',
  'practice-present',
  'summary-present',
  'knowledge-check-present',
  'hook-present',
]);
const WORKFLOW_RULES = new Set(['review-stale', 'review-overdue', 'review-required']);
/** What sits at the root of one course: its landing page or its configuration. */
const COURSE_MARKER = /^(?:index\.mdx?|_config\.yml|config\.yaml|_toctree\.yml|mkdocs\.ya?ml|_toc\.yml|SUMMARY\.md|book\.toml)$/;
/** Files that describe a corpus rather than teach; the CLI would take them for lessons. */
const NOT_LESSONS = /^(?:ATTRIBUTION|STATS)\.md$/;

interface Row {
  file: string;
  pageType: string;
  ruleId: string;
  line: number;
  message: string;
}

async function main(argv: string[]) {
  const dir = argv.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
  if (!dir) throw new Error('usage: npx tsx bench/courses.ts <corpus-dir> [--family NAME] [--list]');
  const root = resolve(dir);
  const only = optionValue(argv, '--family');
  const list = argv.includes('--list');
  const families = familiesOf(root).filter((family) => !only || relative(root, family).includes(only));
  const totals = { pages: 0, words: 0, missing: 0, findings: 0 };
  console.log('| family | pages | words | missing-part findings per 10 pages | findings per 1,000 words |');
  console.log('|---|---:|---:|---:|---:|');
  const remaining: Row[] = [];
  for (const family of families) {
    const pages = lessonFiles(family);
    const words = pages.reduce((sum, file) => sum + proseWords(readFileSync(file, 'utf8')), 0);
    const rows = await lint(family);
    const checks = rows.filter((row) => !WORKFLOW_RULES.has(row.ruleId));
    const missing = checks.filter((row) => MISSING_PART_RULES.has(row.ruleId));
    remaining.push(...missing.map((row) => ({ ...row, file: relative(root, join(family, row.file)) })));
    totals.pages += pages.length;
    totals.words += words;
    totals.missing += missing.length;
    totals.findings += checks.length;
    console.log(
      `| ${relative(root, family)} | ${pages.length} | ${words.toLocaleString('en-US')} | ${per(missing.length * 10, pages.length)} | ${per(checks.length * 1000, words)} |`,
    );
  }
  console.log(
    `| all | ${totals.pages} | ${totals.words.toLocaleString('en-US')} | ${per(totals.missing * 10, totals.pages)} | ${per(totals.findings * 1000, totals.words)} |`,
  );
  const byRule = new Map<string, number>();
  for (const row of remaining) byRule.set(row.ruleId, (byRule.get(row.ruleId) ?? 0) + 1);
  console.log(`\nmissing-part findings by rule: ${[...byRule].map(([rule, count]) => `${rule} ${count}`).join(', ') || 'none'}`);
  if (list) for (const row of remaining) console.log(`${row.file}:${row.line} [${row.pageType}] ${row.ruleId}: ${row.message}`);
}

async function lint(folder: string): Promise<Row[]> {
  let out = '';
  let err = '';
  const code = await run(
    ['lint', '.', '--format', 'json', '--today', '2026-12-03'],
    { cwd: folder, stdout: (text) => (out += text), stderr: (text) => (err += text) },
    '0.0.0',
  );
  if (code >= 2 && out === '') throw new Error(`course-review lint failed in ${folder} (exit ${code}): ${err}`);
  if (err.trim()) process.stderr.write(err);
  return JSON.parse(out) as Row[];
}

function familiesOf(root: string): string[] {
  const folders = (dir: string) =>
    readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isDirectory())
      .map((name) => join(dir, name));
  const marked = (dir: string) => readdirSync(dir).some((name) => COURSE_MARKER.test(name));
  return folders(root)
    .flatMap((folder) => {
      const inner = folders(folder);
      return !marked(folder) && inner.length > 0 && inner.every(marked) ? inner : [folder];
    })
    .sort();
}

/** The lessons the CLI checks in a folder: the same walk and the same `lessons` globs. */
function lessonFiles(folder: string): string[] {
  const configs = configSource(folder, undefined);
  if ('error' in configs) throw new Error(configs.error.message);
  return collectFiles(['.'], folder, configs.forFile)
    .files.map(({ path }) => path)
    .filter((path) => !NOT_LESSONS.test(path.split('/').pop()!));
}

function proseWords(text: string): number {
  const doc = parseLesson(text);
  return doc.prose.reduce((sum, block) => (block.start >= doc.body.start ? sum + wordCount(block) : sum), 0);
}

function per(count: number, of: number): string {
  return of === 0 ? '0.00' : (count / of).toFixed(2);
}

function optionValue(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index === -1 ? undefined : argv[index + 1];
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
