/**
 * Writes every kind of review into every lesson of a corpus, in memory, and withdraws it again:
 * the result must be the original bytes (lessons without front matter keep an empty `---` pair,
 * which the writer cannot know it added). Prints how many writes were made and every refusal with
 * its reason; exits 1 on any difference.
 *
 *   npx tsx bench/review-roundtrip.ts <corpus-dir>…
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { applyEdits, DEFAULT_ROLES, writeReview, type ReviewAction } from '../src/core';

const NOT_LESSONS = new Set(['ATTRIBUTION.md', 'STATS.md']);
const CONTEXT = { identity: { name: 'Priya Patel', email: 'priya@example.com' }, today: '2026-11-28', roles: DEFAULT_ROLES };
const ACTIONS: ReviewAction[] = [
  { kind: 'approve', role: 'sme', note: 'Checked against policy v4' },
  { kind: 'request', role: 'legal', reviewer: 'legal@example.com', due: '2026-12-01' },
  { kind: 'request-changes', role: 'marketing', note: 'Use the product name: "Course Review"' },
  { kind: 'waive', role: 'legal', note: 'No claims' },
];

function lessons(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(?:md|markdown)$/.test(path) && !NOT_LESSONS.has(path))
    .sort()
    .map((path) => join(root, path));
}

let writes = 0;
let differences = 0;
const refusals = new Map<string, string>();
const folders = process.argv
  .slice(2)
  .map((folder) => resolve(folder))
  .filter(existsSync);
if (folders.length === 0) {
  console.error('usage: npx tsx bench/review-roundtrip.ts <corpus-dir>…');
  process.exit(2);
}
for (const root of folders) {
  let files = 0;
  for (const file of lessons(root)) {
    files++;
    const original = readFileSync(file, 'utf8');
    const hadFrontMatter = /^\uFEFF?---[ \t]*\r?\n/.test(original);
    for (const action of ACTIONS) {
      const written = writeReview(original, action, CONTEXT);
      if (written.kind === 'refused') {
        refusals.set(relative(root, file), written.message);
        break;
      }
      writes++;
      const withRecord = applyEdits(original, written.edits);
      const withdrawn = writeReview(withRecord, { kind: 'withdraw', role: action.role }, CONTEXT);
      const back = withdrawn.kind !== 'refused' ? applyEdits(withRecord, withdrawn.edits) : undefined;
      const expected = hadFrontMatter
        ? original
        : original.replace(/^(\uFEFF?)/, `$1---${/\r\n/.test(original) ? '\r\n' : '\n'}---${/\r\n/.test(original) ? '\r\n' : '\n'}`);
      if (back !== expected) {
        differences++;
        console.log(
          `DIFFERENT ${relative(root, file)} after ${action.kind} ${action.role} and withdraw${withdrawn.kind !== 'refused' ? '' : `: ${withdrawn.message}`}`,
        );
      }
    }
  }
  console.log(`${root}: ${files} lessons`);
}
console.log(`${writes.toLocaleString('en-US')} writes, each withdrawn again: ${differences} differences, ${refusals.size} lessons refused`);
for (const [file, message] of refusals) console.log(`  refused ${file}: ${message}`);
if (differences > 0) process.exitCode = 1;
