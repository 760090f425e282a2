/**
 * How right are the page types and whole-lesson rules on pages a person labelled? Lints a corpus
 * with `course-review lint` (default configuration, in process) and compares, page by page, with a
 * labels file: `[{ file, pageType, objectives, practice, feedback, summary, knowledgeCheck, hook }]`
 * (`file` relative to the corpus root; a part is `true` when the page, or its module's overview as
 * the labeller judged, has it).
 *
 *   npx tsx bench/labels.ts <corpus-dir> <labels.json> [--list]
 *
 * For each whole-lesson rule: findings on pages labelled as having the part (false alarms),
 * findings on pages labelled without it (true alarms), and pages labelled without it that the rule
 * is quiet on (quiet). Quiet is not always a miss: a labelled page of a type that does not expect
 * the part (a glossary without a quiz) should be quiet.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { run } from '../src/cli/run';

interface Label {
  file: string;
  pageType: string;
  objectives: boolean;
  practice: boolean;
  feedback: boolean | null;
  summary: boolean;
  knowledgeCheck: boolean;
  hook: boolean;
}

interface Row {
  file: string;
  pageType: string;
  ruleId: string;
  message: string;
}

const RULE_PARTS: Record<string, keyof Label> = {
  'objectives-present': 'objectives',
  'practice-present': 'practice',
  'summary-present': 'summary',
  'knowledge-check-present': 'knowledgeCheck',
  'hook-present': 'hook',
  'practice-feedback': 'feedback',
};

async function main(argv: string[]) {
  const [dir, labelsPath] = argv.filter((arg) => !arg.startsWith('--'));
  if (!dir || !labelsPath) throw new Error('usage: npx tsx bench/labels.ts <corpus-dir> <labels.json> [--list]');
  const root = resolve(dir);
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Label[];
  const rows = await lint(root);
  const byFile = new Map<string, Row[]>();
  for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  const typed = new Map(rows.map((row) => [row.file, row.pageType]));

  let agree = 0;
  const confusion = new Map<string, number>();
  console.log('| rule | false alarms (labelled present) | true alarms (labelled absent) | quiet on labelled absent |');
  console.log('|---|---:|---:|---:|');
  const list: string[] = [];
  for (const [ruleId, part] of Object.entries(RULE_PARTS)) {
    let falseAlarms = 0;
    let trueAlarms = 0;
    let quiet = 0;
    for (const label of labels) {
      const fired = (byFile.get(label.file) ?? []).filter((row) => row.ruleId === ruleId);
      const value = label[part];
      if (value === null) {
        if (fired.length > 0)
          list.push(`${label.file} [${label.pageType}] ${ruleId}: fired on a page without practice (${fired[0].message.slice(0, 90)}…)`);
        falseAlarms += fired.length > 0 ? 1 : 0;
        continue;
      }
      if (value && fired.length > 0) {
        falseAlarms++;
        list.push(`${label.file} [${label.pageType}] ${ruleId}: false alarm (${fired[0].message.slice(0, 90)}…)`);
      } else if (!value && fired.length > 0) trueAlarms++;
      else if (!value) quiet++;
    }
    console.log(`| ${ruleId} | ${falseAlarms} | ${trueAlarms} | ${quiet} |`);
  }
  for (const label of labels) {
    const type = typed.get(label.file) ?? '(no finding to read the type from)';
    if (type === label.pageType) agree++;
    const key = `${label.pageType} → ${type}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  console.log(`\npage types: ${agree} of ${labels.length} as labelled (types are read from findings, so a page without any is unknown)`);
  for (const [key, count] of [...confusion].sort((a, b) => b[1] - a[1])) console.log(`  ${key}: ${count}`);
  if (argv.includes('--list')) for (const line of list) console.log(line);
}

async function lint(root: string): Promise<Row[]> {
  let out = '';
  let err = '';
  const code = await run(
    ['lint', '.', '--format', 'json', '--today', '2026-12-03'],
    { cwd: root, stdout: (text) => (out += text), stderr: (text) => (err += text) },
    '0.0.0',
  );
  if (code >= 2 && out === '') throw new Error(`course-review lint failed (exit ${code}): ${err}`);
  return (JSON.parse(out) as Row[]).map((row) => ({ ...row, file: relative(root, join(root, row.file)) }));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
